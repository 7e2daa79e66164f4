"""models.api_key and models.key (SSH keys)."""
from __future__ import annotations

import pytest
import requests
from balena import exceptions

from .world_factory import unique_name

SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFDOoF0w+NhPy66pLD17aEccSr0pUbfBDI7J0Lq3Bvc2 conf@example"


def test_create_named_keys_and_use_one(balena, factory, credentials):
    name = unique_name("conf-key-")
    key = balena.models.api_key.create(name, "a description")
    assert isinstance(key, str) and len(key) >= 16 and '"' not in key
    with_expiry = balena.models.api_key.create(unique_name("conf-exp-"), None, "2030-01-01T00:00:00.000Z")
    assert with_expiry != key
    answer = requests.get(f"{factory.url}/actor/v1/whoami", headers={"Authorization": f"Bearer {key}"},
                          timeout=30)
    assert answer.status_code == 200
    assert answer.json()["username"] == credentials["username"]
    named = balena.models.api_key.get_all_named_user_api_keys()
    (found,) = [k for k in named if k["name"] == name]
    assert found["description"] == "a description"
    assert all(k["name"] for k in named)
    everything = balena.models.api_key.get_all()
    assert found["id"] in [k["id"] for k in everything]
    names = [k["name"] for k in everything if k["name"]]
    assert names == sorted(names)


def test_create_with_empty_name_gives_no_key(balena):
    """The API answers 400 with no body; `request()` ignores the status, so the SDK returns ""
    (recordings seq 370 and its step)."""
    before = len(balena.models.api_key.get_all_named_user_api_keys())
    assert balena.models.api_key.create("") == ""
    assert len(balena.models.api_key.get_all_named_user_api_keys()) == before


def test_update_and_revoke(balena, admin):
    name = unique_name("conf-upd-")
    balena.models.api_key.create(name, "before")
    (key,) = [k for k in balena.models.api_key.get_all_named_user_api_keys() if k["name"] == name]
    balena.models.api_key.update(key["id"], {"name": name + "b", "description": "after"})
    stored = admin.one(f"api_key({key['id']})?$select=name,description,expiry_date")
    assert stored == {"name": name + "b", "description": "after", "expiry_date": None}
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.api_key.update(key["id"], {"name": ""})
    balena.models.api_key.revoke(key["id"])
    assert admin.rows(f"api_key?$select=id&$filter=id eq {key['id']}") == []
    assert balena.models.api_key.revoke(999999) is None


def test_provisioning_and_device_keys_by_owner(balena, factory):
    app = factory.fleet()
    balena.models.application.generate_provisioning_key(app["id"], "prov-one")
    assert [k["name"] for k in balena.models.api_key.get_provisioning_api_keys_by_application(app["slug"])] \
        == ["prov-one"]
    device = factory.device(app)
    balena.models.device.generate_device_key(device["id"], "dev-one")
    device_keys = balena.models.api_key.get_device_api_keys_by_device(device["uuid"])
    assert "dev-one" in [k["name"] for k in device_keys]


def test_a_named_key_cannot_create_keys(factory, credentials):
    answer = requests.post(f"{factory.url}/api-key/user/full", json={"name": "key-from-key"},
                           headers={"Authorization": f"Bearer {credentials['api_key']}"}, timeout=30)
    assert answer.status_code == 401


def test_ssh_keys(balena, admin):
    created = balena.models.key.create("conf-ssh", SSH_KEY + "\n")
    assert created["title"] == "conf-ssh"
    assert created["public_key"] == SSH_KEY
    assert balena.models.key.get(created["id"])["public_key"] == SSH_KEY
    assert created["id"] in [k["id"] for k in balena.models.key.get_all()]
    balena.models.key.remove(created["id"])
    with pytest.raises(exceptions.KeyNotFound):
        balena.models.key.get(created["id"])
    assert admin.rows(f"user__has__public_key?$select=id&$filter=id eq {created['id']}") == []
