"""`ansible-inventory --list` and `--graph` of the demo world, compared with the files in golden/.

Regenerate them after an intended change with UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from inventory_runner import inventory_graph, inventory_list, write_config

GOLDEN = Path(__file__).resolve().parent / "golden"


def _compare(name, actual):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), "missing golden file {0}: run with UPDATE_GOLDEN=1".format(path)
    assert actual == path.read_text(encoding="utf-8")


def test_list_matches_golden_file(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {}), env)
    _compare("demo-list.json", json.dumps(listing, indent=2, sort_keys=True) + "\n")


def test_graph_matches_golden_file(env, tmp_path):
    _compare("demo-graph.txt", inventory_graph(write_config(tmp_path, {}), env))


def test_cloudlink_list_matches_golden_file(env, tmp_path):
    config = write_config(tmp_path, {
        "connection_mode": "cloudlink", "cloudlink_tunnel_host": "tunnel.example.test",
        "fleets": ["demo/digital-signage"], "group_by": ["fleet"],
    })
    # Nothing in it depends on the machine that ran the sync: no path to mask.
    _compare("demo-cloudlink-list.json", json.dumps(inventory_list(config, env), indent=2, sort_keys=True) + "\n")
