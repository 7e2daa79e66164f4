"""Native groups, their names, and the constructed features on top."""
from __future__ import annotations

import json
import re

from inventory_runner import BIN, group_hosts, inventory_list, run, write_config

VALID_GROUP = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def test_default_groups_have_valid_names_and_no_warnings(env, tmp_path):
    config = write_config(tmp_path, {})
    output = tmp_path / "inventory.json"
    result = run([BIN / "ansible-inventory", "-i", str(config), "--list", "-vvv", "--output", str(output)], env)
    assert "WARNING" not in (result.stderr + result.stdout).upper()
    assert "invalid characters" not in (result.stderr + result.stdout)
    listing = json.loads(output.read_text(encoding="utf-8"))
    groups = [name for name in listing if name != "_meta"]
    assert all(VALID_GROUP.match(name) for name in groups), groups
    for group in ("fleet_demo_digital_signage", "org_acme", "device_type_raspberrypi4_64", "online", "offline",
                  "status_operational", "os_6_0_13", "tag_location", "tag_location_lobby", "tag_kiosk"):
        assert group in groups


def test_group_by_and_prefixes(env, tmp_path):
    config = {"group_by": ["fleet", "online", "tag"], "group_prefixes": {"fleet": "", "online": "is_"}}
    listing = inventory_list(write_config(tmp_path, config), env)
    groups = sorted(name for name in listing if name not in ("_meta", "all", "ungrouped"))
    assert "demo_digital_signage" in groups
    assert group_hosts(listing, "is_offline") == ["basement-sensor", "dock-b-scanner", "gallery-screen", "line-3-gateway"]
    assert "tag_dock_a" in groups
    assert not [name for name in groups if name.startswith(("org_", "device_type_", "status_", "os_", "release_"))]
    assert "tag_dock" not in groups  # tag keys alone were not asked for


def test_release_groups_follow_the_running_release(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {"group_by": ["release"]}), env)
    hostvars = listing["_meta"]["hostvars"]
    for group, members in listing.items():
        if group.startswith("release_"):
            for host in members.get("hosts", []):
                assert hostvars[host]["balena_release"].startswith(group[len("release_"):])


def test_no_native_groups_leaves_hosts_ungrouped(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {"group_by": [], "fleets": ["demo/lab-prototypes"]}), env)
    assert group_hosts(listing, "ungrouped") == ["bench-nuc"]


def test_constructed_compose_groups_and_keyed_groups(env, tmp_path):
    config = {
        "fleets": ["acme/factory-gateways"],
        "group_by": [],
        "compose": {"line_number": "balena_tags.line | int", "ansible_host": "balena_ip_addresses[0]"},
        "groups": {"first_line": "balena_tags.line == '1'"},
        "keyed_groups": [{"key": "balena_tags.line", "prefix": "line"}],
        "strict": True,
    }
    listing = inventory_list(write_config(tmp_path, config), env)
    assert listing["_meta"]["hostvars"]["line-2-gateway"]["line_number"] == 2
    assert group_hosts(listing, "first_line") == ["line-1-gateway"]
    assert group_hosts(listing, "line_3") == ["line-3-gateway"]
