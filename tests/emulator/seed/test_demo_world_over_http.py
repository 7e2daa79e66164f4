"""The demo world as clients see it through the API: logins, keys and who sees which fleets."""
import json
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from emulator import app
from emulator.seed import seeding


@pytest.fixture(scope="module")
def served():
    world = app.build_world(app.MEMORY)
    credentials = seeding.seed_once(world, "demo")
    server = app.start_server(world, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield world.base_url, credentials
    server.shutdown()
    server.server_close()
    world.store.close()


def call(base_url, method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base_url + quote(path, safe="/?$=&,()'"), data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def rows(base_url, path, token=None):
    status, body = call(base_url, "GET", path, token)
    assert status == 200, (status, body)
    return json.loads(body)["d"]


USER_FLEETS = "/v7/application?$select=slug&$filter=is_public eq false&$orderby=slug asc"


def test_the_demo_user_logs_in_with_the_seeded_password(served):
    base_url, credentials = served
    login = {"username": credentials["username"], "password": credentials["password"]}
    status, token = call(base_url, "POST", "/login_", body=login)
    assert status == 200 and token.count(".") == 2
    assert rows(base_url, USER_FLEETS, token) == [{"slug": slug} for slug in sorted(credentials["fleets"])]


def test_the_demo_api_key_sees_its_fleets_and_not_the_second_users(served):
    base_url, credentials = served
    slugs = {row["slug"] for row in rows(base_url, USER_FLEETS, credentials["api_key"])}
    assert slugs == set(credentials["fleets"])
    assert credentials["second_user"]["fleet"] not in slugs


def test_the_second_user_sees_only_their_own_fleet(served):
    base_url, credentials = served
    second = credentials["second_user"]
    assert rows(base_url, USER_FLEETS, second["api_key"]) == [{"slug": second["fleet"]}]
    found = rows(base_url, f"/v7/device(uuid='{credentials['device']['uuid']}')?$select=id", second["api_key"])
    assert found == []


def test_anyone_reads_device_types_and_aliases(served):
    base_url, _ = served
    found = rows(base_url, "/v7/device_type?$select=slug&$filter=device_type_alias/any(a:a/is_referenced_by__alias "
                           "eq 'raspberrypi2')")
    assert found == [{"slug": "raspberry-pi2"}]


def test_host_os_releases_are_public(served):
    base_url, _ = served
    found = rows(base_url, "/v7/application?$select=slug&$filter=is_host eq true and is_for__device_type/any("
                           "d:d/slug eq 'raspberrypi4-64')&$expand=owns__release($select=raw_version,variant)")
    assert sorted(fleet["slug"] for fleet in found) == ["balena_os/raspberrypi4-64", "balena_os/raspberrypi4-64-esr"]
    assert all({release["variant"] for release in fleet["owns__release"]} == {"prod", "dev"} for fleet in found)


def test_the_newest_os_of_a_device_type_is_the_default_lines_not_an_esr(served):
    base_url, _ = served
    sizes = {}
    for version in ("latest", "6.0.13+dev", "2024.7.1+dev"):
        status, body = call(base_url, "GET", f"/device-types/v1/raspberrypi3/images/{version}/download-size")
        assert status == 200
        sizes[version] = json.loads(body)["size"]
    assert sizes["latest"] == sizes["6.0.13+dev"] != sizes["2024.7.1+dev"]


def test_devices_carry_state_tags_and_service_installs(served):
    base_url, credentials = served
    device = rows(base_url, f"/v7/device(uuid='{credentials['device']['uuid']}')?$select=device_name,is_online,"
                            "os_version,supervisor_version,ip_address,overall_status"
                            "&$expand=device_tag($select=tag_key,value),service_install($select=id)",
                  credentials["api_key"])[0]
    assert device["is_online"] is True and device["overall_status"] == "operational"
    assert device["os_version"].startswith("balenaOS ") and device["supervisor_version"] and device["ip_address"]
    assert {tag["tag_key"] for tag in device["device_tag"]} >= {"location"}
    assert device["service_install"]


def test_the_device_key_reads_its_own_device(served):
    base_url, credentials = served
    device = credentials["device"]
    assert rows(base_url, f"/v7/device(uuid='{device['uuid']}')?$select=uuid", device["api_key"]) == [
        {"uuid": device["uuid"]}]


def test_offline_devices_are_disconnected(served):
    base_url, credentials = served
    device = rows(base_url, f"/v7/device(uuid='{credentials['offline_device']['uuid']}')?$select=is_online,"
                            "overall_status", credentials["api_key"])[0]
    assert device == {"is_online": False, "overall_status": "disconnected"}
