"""Every selection option: which devices come back, and that the choice was made by the server."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from inventory_runner import device_requests, hosts_of, inventory_list, write_config

SIGNAGE = ["cafe-screen", "entrance-kiosk", "gallery-screen", "lobby-screen"]
AIR = ["basement-sensor", "garage-sensor", "roof-sensor"]
ACME = ["dock-a-scanner", "dock-b-scanner", "line-1-gateway", "line-2-gateway", "line-3-gateway"]
OFFLINE = ["basement-sensor", "dock-b-scanner", "gallery-screen", "line-3-gateway"]
EVERYONE = sorted(SIGNAGE + AIR + ACME + ["bench-nuc"])


CASES = {
    "fleet by slug": ({"fleets": ["demo/digital-signage"]}, SIGNAGE),
    "fleet slug in another case": ({"fleets": ["Demo/Digital-Signage"]}, SIGNAGE),
    "fleet by id and by name": ({"fleets": [17, "lab-prototypes"]}, sorted(AIR + ["bench-nuc"])),
    "organization by handle": ({"organizations": ["acme"]}, ACME),
    "device type": ({"device_types": ["intel-nuc", "raspberrypi3"]},
                    sorted(AIR + ["line-1-gateway", "line-2-gateway", "line-3-gateway"])),
    "online only": ({"online_only": True}, sorted(set(EVERYONE) - set(OFFLINE))),
    "overall status": ({"overall_status": ["disconnected"]}, OFFLINE),
    "os version prefix": ({"os_versions": ["4.1"]}, ["dock-a-scanner", "dock-b-scanner", "gallery-screen"]),
    "os version in full": ({"os_versions": ["balenaOS 5.3.10"]}, ["garage-sensor"]),
    "tag key": ({"tags": ["floor"]}, ["cafe-screen", "lobby-screen"]),
    "tag key=value": ({"tags": ["location=roof", "dock=b"]}, ["dock-b-scanner", "roof-sensor"]),
    "tag with an empty value": ({"tags": ["kiosk="]}, ["entrance-kiosk"]),
    "raw filter": ({"filter": "startswith(device_name,'line-')"}, ["line-1-gateway", "line-2-gateway", "line-3-gateway"]),
    "options together": ({"organizations": ["demo"], "online_only": True, "tags": ["location"]},
                         ["cafe-screen", "entrance-kiosk", "garage-sensor", "lobby-screen", "roof-sensor"]),
}


@pytest.mark.parametrize("config, expected", CASES.values(), ids=list(CASES))
def test_selection_is_sent_to_the_server(env, emulator, tmp_path, config, expected):
    assert hosts_of(inventory_list(write_config(tmp_path, config), env)) == expected
    requests = device_requests(emulator)
    assert len(requests) == 1
    assert "$filter=" in unquote(requests[0]["path"])


def test_no_selection_reads_every_visible_device_without_a_filter(env, emulator, tmp_path):
    assert hosts_of(inventory_list(write_config(tmp_path, {}), env)) == EVERYONE
    assert "$filter" not in unquote(device_requests(emulator)[0]["path"])


def test_include_and_exclude_conditions_apply_in_order(env, tmp_path):
    config = {
        "fleets": ["demo/digital-signage", "demo/air-quality"],
        "filters": [
            {"exclude": "not balena_is_online"},
            {"include": "balena_tags.location in ['lobby', 'roof']"},
            {"exclude": "true"},
        ],
    }
    assert hosts_of(inventory_list(write_config(tmp_path, config), env)) == ["lobby-screen", "roof-sensor"]


def test_filters_can_use_extra_vars(env, tmp_path):
    config = {"use_extra_vars": True, "filters": [{"include": "balena_fleet == wanted_fleet"}, {"exclude": "true"}]}
    listing = inventory_list(write_config(tmp_path, config), env, "-e", "wanted_fleet=demo/air-quality")
    assert hosts_of(listing) == AIR


def test_selection_options_can_be_templates(env, tmp_path):
    config = {"fleets": ["{{ fleet_from_extra_vars }}"]}
    listing = inventory_list(write_config(tmp_path, config), env, "-e", "fleet_from_extra_vars=acme/warehouse-scanners")
    assert hosts_of(listing) == ["dock-a-scanner", "dock-b-scanner"]
