"""`ansible-inventory --list` and `--graph` of the demo world, compared with the files in golden/.

Regenerate them after an intended change with UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from inventory_runner import BIN, inventory_graph, inventory_list, write_config

GOLDEN = Path(__file__).resolve().parent / "golden"


def _compare(name, actual):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), "missing golden file {0}: run with UPDATE_GOLDEN=1".format(path)
    assert actual == path.read_text(encoding="utf-8")


def test_list_matches_golden_file(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {}), env)
    for variables in listing["_meta"]["hostvars"].values():
        # api mode runs modules with the controller's Python, wherever that is installed.
        assert Path(variables.pop("ansible_python_interpreter")).parent == BIN
    _compare("demo-list.json", json.dumps(listing, indent=2, sort_keys=True) + "\n")


def test_graph_matches_golden_file(env, tmp_path):
    _compare("demo-graph.txt", inventory_graph(write_config(tmp_path, {}), env))


def test_cloudlink_list_matches_golden_file(env, tmp_path):
    config = write_config(tmp_path, {
        "connection_mode": "cloudlink", "cloudlink_tunnel_host": "tunnel.example.test", "cloudlink_token": "environment",
        "cloudlink_python": "python3", "fleets": ["demo/digital-signage"], "group_by": ["fleet"],
    })
    listing = inventory_list(config, env)
    text = json.dumps(listing, indent=2, sort_keys=True) + "\n"
    # The helper's path depends on where the collection is installed.
    text = re.sub(r"[^ ']*/plugins/plugin_utils/cloudlink_proxy\.py", "<collection>/plugins/plugin_utils/cloudlink_proxy.py", text)
    _compare("demo-cloudlink-list.json", text)
