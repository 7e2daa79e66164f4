"""Request economy: one request per page (and one count), batched enrichment only for the hosts that passed the filters."""
from __future__ import annotations

import re
from urllib.parse import unquote

from inventory_runner import device_requests, hosts_of, inventory_failure, inventory_list, inventory_list_with_stderr, write_config


def test_one_request_per_page_one_count_and_nothing_per_device(env, emulator, tmp_path):
    listing = inventory_list(write_config(tmp_path, {"page_size": 5}), env)
    assert len(hosts_of(listing)) == 13
    log = emulator.request_log()
    assert [entry["method"] for entry in log] == ["GET"] * 4, log
    counts = [unquote(entry["path"]) for entry in log if entry["path"].startswith("/v7/device/$count")]
    assert len(counts) == 1
    paths = [unquote(entry["path"]) for entry in log if entry["path"].startswith("/v7/device?")]
    assert len(paths) == 3
    # The first page starts at the top; each later one asks for ids above the last it saw.
    assert "$skip=0" in paths[0]
    bounds = [re.search(r"id gt (\d+)", path) for path in paths[1:]]
    assert all(bounds) and all("$skip" not in path for path in paths[1:])
    assert int(bounds[0].group(1)) < int(bounds[1].group(1))


def test_the_query_selects_and_expands_what_the_inventory_needs(env, emulator, tmp_path):
    inventory_list(write_config(tmp_path, {}), env)
    path = unquote(device_requests(emulator)[0]["path"])
    assert "$select=id,uuid,device_name," in path
    for expanded in ("belongs_to__application($select=id,slug", "is_of__device_type($select=slug)",
                     "device_tag($select=tag_key,value)", "is_running__release($select=commit,raw_version)",
                     "should_be_running__release($select=commit,raw_version)"):
        assert expanded in path


def test_enrichment_is_batched_and_only_for_hosts_that_passed(env, emulator, tmp_path):
    config = {
        "fetch_variables": True, "fetch_service_status": True, "fetch_concurrency": 2,
        "filters": [{"include": "balena_fleet == 'demo/digital-signage'"}, {"exclude": "true"}],
    }
    listing = inventory_list(write_config(tmp_path, config), env)
    lobby = listing["_meta"]["hostvars"]["lobby-screen"]
    assert lobby["balena_env"] == {"SCREEN_ROTATION": "90", "LOG_LEVEL": "info"}
    assert lobby["balena_config"] == {"BALENA_SUPERVISOR_POLL_INTERVAL": "900000"}
    assert lobby["balena_services"]["player"]["status"] == "Running"
    kiosk = listing["_meta"]["hostvars"]["entrance-kiosk"]
    assert kiosk["balena_config"]["BALENA_HOST_CONFIG_gpu_mem"] == "128"
    assert kiosk["balena_env"] == {"SCREEN_ROTATION": "0", "LOG_LEVEL": "info"}

    log = emulator.request_log()
    resources = sorted(unquote(entry["path"]).split("?")[0] for entry in log)
    assert resources == sorted([
        "/v7/device", "/v7/device/$count", "/v7/device_environment_variable", "/v7/application_environment_variable",
        "/v7/device_config_variable", "/v7/application_config_variable", "/v7/image_install",
    ])
    variables = unquote(next(entry["path"] for entry in log if "/v7/device_environment_variable" in entry["path"]))
    signage_ids = sorted(vars_["balena_id"] for vars_ in listing["_meta"]["hostvars"].values())
    assert "device in ({0})".format(", ".join(map(str, signage_ids))) in variables


def test_rate_limiting_is_waited_out(env, emulator, tmp_path):
    emulator.inject_fault({"status": 429, "retry_after": 1, "path": "^/v7/device", "times": 1})
    try:
        listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/lab-prototypes"]}), env)
    finally:
        emulator.clear_faults()
    assert hosts_of(listing) == ["bench-nuc"]
    # The page and the count go out together; whichever came first was told to wait, once.
    assert sorted(entry["status"] for entry in emulator.request_log()) == [200, 200, 429]


def test_a_refused_detail_fails_the_inventory_unless_strict_permissions_is_off(env, emulator, tmp_path):
    config = {"fetch_variables": True, "fetch_service_status": True, "fleets": ["demo/digital-signage"]}
    emulator.inject_fault({"status": 403, "path": "^/v7/image_install"})
    try:
        failure = inventory_failure(write_config(tmp_path, config), env)
        assert "HTTP 403" in failure and "reading device details" in failure
        listing, warnings = inventory_list_with_stderr(write_config(tmp_path, dict(config, strict_permissions=False)), env)
    finally:
        emulator.clear_faults()
    lobby = listing["_meta"]["hostvars"]["lobby-screen"]
    assert lobby["balena_services"] == {}
    assert lobby["balena_env"] == {"SCREEN_ROTATION": "90", "LOG_LEVEL": "info"}
    assert "refused to show the service status (HTTP 403)" in " ".join(warnings.split())


def test_a_refused_kind_of_variable_leaves_the_other_kinds_alone(env, emulator, tmp_path):
    config = {"fetch_variables": True, "fleets": ["demo/digital-signage"], "strict_permissions": False}
    emulator.inject_fault({"status": 401, "path": "^/v7/application_environment_variable"})
    try:
        listing, warnings = inventory_list_with_stderr(write_config(tmp_path, config), env)
    finally:
        emulator.clear_faults()
    lobby = listing["_meta"]["hostvars"]["lobby-screen"]
    assert lobby["balena_env"] == {}
    assert lobby["balena_config"] == {"BALENA_SUPERVISOR_POLL_INTERVAL": "900000"}
    assert "refused to show the fleets' environment variables (HTTP 401)" in " ".join(warnings.split())


def _resources(emulator):
    return sorted(entry["path"].split("?")[0] for entry in emulator.request_log())


def test_checking_the_selection_costs_one_request_only_for_names_no_device_proves(env, emulator, tmp_path):
    inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality"], "organizations": ["demo"]}), env)
    assert _resources(emulator) == ["/v7/device", "/v7/device/$count"]

    # Only roof-sensor is read: it proves demo/air-quality and demo, not the other fleet and organization.
    emulator.clear_request_log()
    listing = inventory_list(write_config(tmp_path, {
        "fleets": ["demo/air-quality", "demo/lab-prototypes"], "organizations": ["demo", "acme"],
        "filter": "device_name eq 'roof-sensor'"}), env)
    assert hosts_of(listing) == ["roof-sensor"]
    assert _resources(emulator) == ["/v7/device", "/v7/device/$count", "/v7/organization"]

    emulator.clear_request_log()
    inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality", "demo/lab-prototypes"],
                                           "filter": "device_name eq 'roof-sensor'"}), env)
    assert _resources(emulator) == ["/v7/application", "/v7/device", "/v7/device/$count"]
