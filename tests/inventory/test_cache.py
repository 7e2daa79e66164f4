"""The inventory cache: raw API data, keyed by endpoint + token fingerprint + selection, TTL untouched by hits."""
from __future__ import annotations

import os
import stat

from inventory_runner import BIN, ansible_env, device_requests, group_hosts, hosts_of, inventory_list, run, write_config


def _config(tmp_path, **extra):
    return write_config(tmp_path, dict({
        "cache": True, "cache_plugin": "ansible.builtin.jsonfile", "cache_connection": str(tmp_path / "cache"),
        "cache_timeout": 3600,
    }, **extra))


def _entries(tmp_path):
    return sorted((tmp_path / "cache").iterdir()) if (tmp_path / "cache").exists() else []


def test_warm_cache_sends_no_request_and_keeps_its_age(env, emulator, tmp_path):
    cold = inventory_list(_config(tmp_path), env)
    assert len(device_requests(emulator)) == 1
    [entry] = _entries(tmp_path)
    assert emulator.credentials["api_key"] not in entry.read_text(encoding="utf-8")
    assert emulator.credentials["api_key"] not in entry.name

    aged = entry.stat().st_mtime - 600
    os.utime(entry, (aged, aged))
    emulator.clear_request_log()
    warm = inventory_list(_config(tmp_path), env)
    assert emulator.request_log() == []
    assert warm == cold
    assert entry.stat().st_mtime == aged, "a cache hit must not rewrite the entry (that would extend its lifetime)"


def test_grouping_changes_apply_from_the_cached_raw_data(env, emulator, tmp_path):
    inventory_list(_config(tmp_path), env)
    emulator.clear_request_log()
    listing = inventory_list(_config(tmp_path, group_by=["online"], keyed_groups=[{"key": "balena_device_type"}]), env)
    assert emulator.request_log() == []
    assert "fleet_demo_digital_signage" not in listing
    assert group_hosts(listing, "_intel_nuc") == ["line-1-gateway", "line-2-gateway", "line-3-gateway"]


def test_selection_and_token_are_part_of_the_key(env, emulator, tmp_path):
    inventory_list(_config(tmp_path), env)
    emulator.clear_request_log()
    fleet = inventory_list(_config(tmp_path, fleets=["demo/lab-prototypes"]), env)
    assert hosts_of(fleet) == ["bench-nuc"]
    assert len(device_requests(emulator)) == 1
    assert len(_entries(tmp_path)) == 2

    emulator.clear_request_log()
    alice = ansible_env(emulator, api_key=emulator.credentials["second_user"]["api_key"])
    assert hosts_of(inventory_list(_config(tmp_path), alice)) == ["alice-pi"]
    assert len(device_requests(emulator)) == 1
    assert len(_entries(tmp_path)) == 3


def test_flush_cache_reads_again(env, emulator, tmp_path):
    inventory_list(_config(tmp_path), env)
    emulator.clear_request_log()
    inventory_list(_config(tmp_path), env, "--flush-cache")
    assert len(device_requests(emulator)) == 1


def test_an_expired_entry_is_read_again(env, emulator, tmp_path):
    inventory_list(_config(tmp_path, cache_timeout=60), env)
    [entry] = _entries(tmp_path)
    aged = entry.stat().st_mtime - 120
    os.utime(entry, (aged, aged))
    emulator.clear_request_log()
    inventory_list(_config(tmp_path, cache_timeout=60), env)
    assert len(device_requests(emulator)) == 1


def test_enrichment_is_cached_too(env, emulator, tmp_path):
    config = _config(tmp_path, fetch_variables=True, fetch_service_status=True)
    cold = inventory_list(config, env)
    emulator.clear_request_log()
    result = run([BIN / "ansible-inventory", "-i", str(config), "--list"], env)
    assert emulator.request_log() == []
    assert '"balena_env"' in result.stdout
    assert cold["_meta"]["hostvars"]["lobby-screen"]["balena_env"]["SCREEN_ROTATION"] == "90"


def test_cache_files_are_readable_by_their_owner_only(env, emulator, tmp_path):
    inventory_list(_config(tmp_path, fetch_variables=True), env)
    [entry] = _entries(tmp_path)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    # An entry an earlier version left readable is made private by the next run that uses it.
    entry.chmod(0o644)
    inventory_list(_config(tmp_path, fetch_variables=True), env)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
