"""Seeding happens once per database; `empty` is a lone user; N devices arrive in bulk."""
import json
import os
import stat
from types import SimpleNamespace

from emulator import app
from emulator.seed import bulk_devices, credentials_file, seeding


def count(world, table):
    with world.store.transaction() as tx:
        return tx.query(f'SELECT count(*) AS n FROM "{table}"')[0]["n"]


def test_a_seeded_database_is_not_seeded_again(tmp_path):
    path = str(tmp_path / "world.sqlite")
    world = app.build_world(path)
    first = seeding.seed_once(world, "demo")
    devices = count(world, "device")
    world.store.close()
    again = app.build_world(path)
    assert seeding.seed_once(again, "demo", devices=10) == first
    assert count(again, "device") == devices
    again.store.close()


def test_the_jwt_secret_and_admin_token_survive_a_restart(tmp_path):
    path = str(tmp_path / "world.sqlite")
    world = app.build_world(path)
    secret, token = world.secret, world.admin_token
    world.store.close()
    again = app.build_world(path)
    assert (again.secret, again.admin_token) == (secret, token)
    again.store.close()
    chosen = app.build_world(path, admin_token="chosen")
    assert chosen.admin_token == "chosen" and chosen.secret == secret
    chosen.store.close()


def test_empty_is_one_user_with_a_personal_organization_and_no_fleets():
    world = app.build_world(app.MEMORY)
    credentials = seeding.seed_once(world, "empty")
    assert credentials["username"] == "demo" and credentials["api_key"] and credentials["organization"] == "demo"
    assert count(world, "user") == 1
    assert count(world, "application") == 0 and count(world, "device") == 0
    assert count(world, "device_type") > 100


def test_bulk_devices_are_spread_over_the_user_fleets_fully_formed():
    world = app.build_world(app.MEMORY)
    seeding.seed_once(world, "demo")
    before = count(world, "device")
    bulk_devices.seed(world, 1200)
    with world.store.transaction() as tx:
        rows = tx.query("SELECT * FROM device WHERE id > (SELECT max(id) FROM device) - 1200")
        fleets = tx.query("SELECT DISTINCT belongs_to__application AS fleet FROM device WHERE id IN"
                          " (SELECT id FROM device ORDER BY id DESC LIMIT 1200)")
        user_fleets = tx.query("SELECT count(*) AS n FROM application WHERE is_public = 0")[0]["n"]
        tags = tx.query("SELECT count(*) AS n FROM device_tag WHERE device IN"
                        " (SELECT id FROM device ORDER BY id DESC LIMIT 1200)")[0]["n"]
        actors = tx.query("SELECT count(DISTINCT d.actor) AS n FROM device d JOIN actor a ON a.id = d.actor")[0]["n"]
        installs = tx.query("SELECT count(*) AS n FROM device d WHERE NOT EXISTS"
                            " (SELECT 1 FROM service_install s WHERE s.device = d.id)")[0]["n"]
    assert count(world, "device") == before + 1200
    assert len({row["uuid"] for row in rows}) == 1200
    assert len(fleets) == user_fleets
    assert tags == 2400 and installs == 0
    assert actors == count(world, "device")
    assert all(row["os_version"] and row["should_be_managed_by__release"] and row["should_be_operated_by__release"]
               for row in rows)
    assert {row["api_heartbeat_state"] for row in rows} == {"online", "offline"}


def test_bulk_devices_into_an_empty_world_get_a_fleet():
    world = app.build_world(app.MEMORY)
    seeding.seed_once(world, "empty", devices=25)
    assert count(world, "device") == 25 and count(world, "application") == 1


def test_the_credentials_file_is_private_even_when_it_existed(tmp_path):
    path = tmp_path / "credentials.json"
    path.write_text("old")
    os.chmod(path, 0o644)
    world = SimpleNamespace(base_url="http://127.0.0.1:1", admin_token="t")
    credentials_file.write(str(path), world, {"username": "demo"})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert json.loads(path.read_text()) == {"api_url": "http://127.0.0.1:1", "admin_token": "t", "username": "demo"}
