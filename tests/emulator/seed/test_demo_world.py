"""The demo world: people, organizations, public OS fleets, user fleets, devices and credentials."""
import pytest

from emulator.seed import os_fleets
from emulator.seed.demo import FLEETS


def memberships(query, username):
    return {row["handle"]: row["role"] for row in query(
        "SELECT o.handle, r.name AS role FROM organization_membership m"
        " JOIN organization o ON o.id = m.is_member_of__organization"
        " JOIN \"user\" u ON u.id = m.\"user\""
        " LEFT JOIN organization_membership_role r ON r.id = m.organization_membership_role"
        " WHERE u.username = ?", (username,))}


def test_demo_administers_its_own_organization_and_is_member_of_a_second(query):
    assert memberships(query, "demo") == {"demo": "administrator", "acme": "member"}


def test_the_second_user_shares_no_organization_with_demo(query):
    assert memberships(query, "alice") == {"alice": "administrator"}


def test_passwords_are_stored_hashed(query):
    assert all(row["password"].startswith("pbkdf2_sha256$") for row in query('SELECT password FROM "user"'))


def _host_releases(query, name: str) -> list:
    return query("SELECT r.raw_version, r.variant, r.revision, r.status, r.phase FROM release r"
                 " JOIN application a ON a.id = r.belongs_to__application"
                 " WHERE a.is_host = 1 AND a.is_public = 1 AND a.app_name = ?", (name,))


@pytest.mark.parametrize("slug", os_fleets.HOST_DEVICE_TYPES)
def test_host_os_fleets_hold_balena_os_history_in_prod_and_dev(query, slug):
    releases = _host_releases(query, slug)
    raw_versions = {r["raw_version"] for r in releases}
    assert {"2.88.4+prod", "2.88.4+rev1.prod", "2.88.4+rev1.dev", "2.115.18+rev1.prod"} <= raw_versions
    assert {f"{version}+{variant}" for version in os_fleets.OS_VERSIONS for variant in ("prod", "dev")} <= raw_versions
    majors = {int(version.split(".")[0]) for version, _ in os_fleets.OS_HISTORY}
    assert {2, 5, 6} <= majors and len([r for r in releases if r["revision"] == 1]) == 4
    assert {r["variant"] for r in releases} == {"prod", "dev"} and {r["status"] for r in releases} == {"success"}


@pytest.mark.parametrize("slug", os_fleets.ESR_DEVICE_TYPES)
def test_esr_fleets_hold_esr_lines(query, slug):
    fleet = query("SELECT a.id FROM application a JOIN device_type d ON d.id = a.is_for__device_type"
                  " WHERE a.is_host = 1 AND a.app_name = ? AND d.slug = ?", (f"{slug}-esr", slug))[0]["id"]
    tags = {r["tag_key"]: r["value"] for r in query("SELECT tag_key, value FROM application_tag WHERE application = ?",
                                                      (fleet,))}
    assert tags == {"release-policy": "esr", "esr-sunset": "2023.7.x", "esr-current": "2024.1.x",
                    "esr-next": "2024.7.x"}
    releases = _host_releases(query, f"{slug}-esr")
    assert ("2024.1.3+prod", "current") in {(r["raw_version"], r["phase"]) for r in releases}
    assert {r["phase"] for r in releases} == {"sunset", "current", "next"}


def test_supervisor_fleets_exist_per_architecture(query):
    rows = query("SELECT a.app_name, a.is_public, a.is_host, o.handle, group_concat(r.raw_version) AS versions"
                 " FROM application a JOIN organization o ON o.id = a.organization"
                 " LEFT JOIN release r ON r.belongs_to__application = a.id"
                 " WHERE a.app_name LIKE '%-supervisor' GROUP BY a.id")
    assert {row["app_name"] for row in rows} == {f"{arch}-supervisor" for arch in os_fleets.SUPERVISOR_DEVICE_TYPES}
    assert all(row["handle"] == "balena_os" and row["is_public"] == 1 and row["is_host"] == 0 for row in rows)
    assert all(set(row["versions"].split(",")) == set(os_fleets.SUPERVISOR_HISTORY) for row in rows)
    assert set(os_fleets.SUPERVISOR_VERSIONS) < set(os_fleets.SUPERVISOR_HISTORY)


def test_user_fleets_have_releases_services_and_images(query):
    for plan in FLEETS:
        fleet = query("SELECT id FROM application WHERE app_name = ?", (plan.name,))[0]["id"]
        services = {r["service_name"] for r in query("SELECT service_name FROM service WHERE application = ?",
                                                     (fleet,))}
        assert services == set(plan.services)
        images = query("SELECT count(*) AS n FROM release_image ri JOIN release r ON r.id = ri.is_part_of__release"
                       " WHERE r.belongs_to__application = ?", (fleet,))[0]["n"]
        assert images == len(plan.releases) * len(plan.services)


def test_devices_are_online_and_offline_with_tags_variables_and_installs(query):
    devices = query("SELECT * FROM device")
    planned = [device for plan in FLEETS for device in plan.devices]
    assert len(devices) == len(planned)
    assert {d["is_online"] for d in devices} == {0, 1}
    assert all(d["os_version"].startswith("balenaOS ") and d["supervisor_version"] for d in devices)
    assert all(d["ip_address"] and d["mac_address"] and d["actor"] for d in devices)
    assert query("SELECT count(*) AS n FROM device_tag")[0]["n"] >= sum(len(d.tags) for d in planned)
    assert query("SELECT count(*) AS n FROM device_environment_variable")[0]["n"] >= 1
    assert query("SELECT count(*) AS n FROM device_service_environment_variable")[0]["n"] >= 1
    without_installs = query("SELECT d.device_name FROM device d WHERE NOT EXISTS"
                             " (SELECT 1 FROM service_install s WHERE s.device = d.id)")
    assert without_installs == []
    assert query("SELECT count(*) AS n FROM image_install")[0]["n"] >= len(devices)


def test_online_devices_are_connected_and_offline_ones_are_not(query):
    for device in query("SELECT is_online, is_connected_to_vpn, api_heartbeat_state FROM device"):
        expected = ("online", 1) if device["is_online"] else ("offline", 0)
        assert (device["api_heartbeat_state"], device["is_connected_to_vpn"]) == expected


def key_owner(query, key):
    rows = query("SELECT 'user' AS kind, u.username AS name FROM api_key k JOIN \"user\" u ON u.actor = k.is_of__actor"
                 " WHERE k.key = ? UNION ALL"
                 " SELECT 'application', a.app_name FROM api_key k JOIN application a ON a.actor = k.is_of__actor"
                 " WHERE k.key = ? UNION ALL"
                 " SELECT 'device', d.uuid FROM api_key k JOIN device d ON d.actor = k.is_of__actor WHERE k.key = ?",
                 (key, key, key))
    return [(row["kind"], row["name"]) for row in rows]


def test_credentials_name_real_keys_of_the_right_actors(demo_world, query):
    _, credentials = demo_world
    assert credentials["username"] == "demo" and credentials["organization"] == "demo"
    assert key_owner(query, credentials["api_key"]) == [("user", "demo")]
    assert key_owner(query, credentials["second_user"]["api_key"]) == [("user", "alice")]
    assert key_owner(query, credentials["provisioning_key"]["key"]) == [("application", "digital-signage")]
    assert key_owner(query, credentials["device"]["api_key"]) == [("device", credentials["device"]["uuid"])]
    named = query("SELECT name FROM api_key WHERE key = ?", (credentials["api_key"],))
    assert named[0]["name"]


def test_credentials_list_the_fleets_demo_reaches(demo_world):
    _, credentials = demo_world
    assert "demo/digital-signage" in credentials["writable_fleets"]
    assert "acme/factory-gateways" in credentials["writable_fleets"]
    assert credentials["read_only_fleets"] == ["acme/warehouse-scanners"]
    assert credentials["second_user"]["fleet"] == "alice/private-fleet"
    assert not any(slug.startswith("alice/") for slug in credentials["fleets"])
