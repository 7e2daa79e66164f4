"""What `ansible-doc` shows can be copied: values render whole, templates parse, every host variable is documented."""
from __future__ import annotations

import json
import re
import sys

import jinja2
import pytest
import yaml

from inventory_runner import BIN, ansible_env, inventory_list, run, write_config

DOCUMENTED = re.compile(r"C\((\w+)\) \((str|int|bool|list|dict)[ ,)]")
PYTHON_TYPES = {"str": str, "int": int, "bool": bool, "list": list, "dict": dict}


def _doc_text(kind, name):
    return run([BIN / "ansible-doc", "-t", kind, name], ansible_env()).stdout


def _doc_json(kind, name):
    return json.loads(run([BIN / "ansible-doc", "-t", kind, "--json", name], ansible_env()).stdout)[name]


def _rendered_templates(text):
    """The templates among the values ansible-doc shows as `value' (V() and C()), with line wrapping undone."""
    return re.findall(r"`([^`]*?\{\{.*?\}\}[^`']*)'", " ".join(text.split()))


@pytest.mark.parametrize("kind, name", [("inventory", "balena.cloud.balena"), ("connection", "balena.cloud.cloudlink")])
def test_examples_and_values_render_as_valid_yaml_and_jinja(kind, name):
    text = _doc_text(kind, name)
    flat = " ".join(text.split())
    if kind == "inventory":
        assert "`startswith(device_name,'line-')'" in flat
        assert "`{{ balena_fleet | split('/') | last }}-{{ balena_short_uuid }}'" in flat
    environment = jinja2.Environment()
    templates = _rendered_templates(text)
    assert templates or kind != "inventory"
    for template in templates:
        environment.parse(template)
    doc = _doc_json(kind, name)
    for document in yaml.safe_load_all(doc["examples"]):
        assert document is None or isinstance(document, dict)


def _documented_variables():
    notes = " ".join(" ".join(note.split()) for note in _doc_json("inventory", "balena.cloud.balena")["doc"]["notes"])
    return dict(DOCUMENTED.findall(notes))


def test_every_host_variable_is_documented_with_its_type(env, tmp_path):
    documented = _documented_variables()
    configs = [
        {"fetch_variables": True, "fetch_service_status": True, "python_interpreter": sys.executable},
        {"connection_mode": "local"},
        {"connection_mode": "cloudlink"},
    ]
    seen = set()
    for config in configs:
        listing = inventory_list(write_config(tmp_path, config), env)
        for variables in listing["_meta"]["hostvars"].values():
            for name, value in variables.items():
                seen.add(name)
                assert name in documented, "{0} is not documented".format(name)
                if value is not None:
                    assert isinstance(value, PYTHON_TYPES[documented[name]]), (name, value)
    assert seen == set(documented)


def test_the_docs_recommend_failing_on_an_unparsed_source():
    flat = " ".join(_doc_text("inventory", "balena.cloud.balena").split())
    assert "inventory_any_unparsed_is_failed" in flat
