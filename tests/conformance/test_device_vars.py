"""device.tags / config_var / env_var / service_var: per-device key = value resources."""
from __future__ import annotations

import pytest
from balena import exceptions


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


@pytest.fixture(scope="module")
def device(factory, app):
    return factory.device(app)


def test_tags(balena, admin, factory, app, device):
    tags = balena.models.device.tags
    tags.set(device["uuid"], "room", "lab")
    tags.set(device["id"], "rack", "7")
    tags.set(device["uuid"], "room", "office")
    assert tags.get(device["uuid"], "room") == "office"
    assert tags.get(device["id"], "nope") is None
    by_device = tags.get_all_by_device(device["uuid"])
    assert [(t["tag_key"], t["value"]) for t in by_device] == [("rack", "7"), ("room", "office")]
    other = factory.device(app)
    tags.set(other["id"], "room", "hall")
    by_app = tags.get_all_by_application(app["id"])
    assert sorted(t["value"] for t in by_app) == ["7", "hall", "office"]
    everything = tags.get_all()
    assert {t["id"] for t in by_app} <= {t["id"] for t in everything}
    keys = [t["tag_key"] for t in everything]
    assert keys == sorted(keys)
    tags.remove(device["uuid"], "rack")
    assert admin.rows(f"device_tag?$select=tag_key&$filter=device eq {device['id']}") == [{"tag_key": "room"}]


@pytest.mark.parametrize("model_name,resource,name", [
    ("env_var", "device_environment_variable", "DEV_VAR"),
    ("config_var", "device_config_variable", "BALENA_SUPERVISOR_POLL_INTERVAL"),
])
def test_variables(balena, admin, factory, app, model_name, resource, name):
    model = getattr(balena.models.device, model_name)
    registered = factory.device(app)
    model.set(registered["uuid"], name, "d1")
    model.set(registered["id"], name, "d2")
    assert model.get(registered["uuid"], name) == "d2"
    assert model.get(registered["uuid"], "NOT_THERE") is None
    listed = model.get_all_by_device(registered["id"])
    assert [(v["name"], v["value"]) for v in listed] == [(name, "d2")]
    by_app = model.get_all_by_application(app["slug"])
    assert listed[0]["id"] in [v["id"] for v in by_app]
    model.remove(registered["uuid"], name)
    assert admin.rows(f"{resource}?$select=id&$filter=device eq {registered['id']}") == []


def test_variable_name_rules(balena, device):
    with pytest.raises(exceptions.RequestError) as refused:
        balena.models.device.env_var.set(device["id"], "bad name", "1")
    assert refused.value.status_code == 400
    with pytest.raises(exceptions.RequestError) as refused:
        balena.models.device.config_var.set(device["id"], "PLAIN_NAME", "1")
    assert refused.value.status_code == 400


def test_service_vars(balena, admin, factory, app):
    made = factory.release(app, services=("main", "db"))
    registered = factory.device(app)
    installs = {name: factory.install(registered, made, name) for name in ("main", "db")}
    service_var = balena.models.device.service_var
    service_var.set(registered["uuid"], "main", "SVC_VAR", "v1")
    service_var.set(registered["id"], made["services"]["db"]["id"], "DB_VAR", "v2")
    service_var.set(registered["uuid"], "main", "SVC_VAR", "v3")
    assert service_var.get(registered["uuid"], "main", "SVC_VAR") == "v3"
    assert service_var.get(registered["id"], made["services"]["db"]["id"], "DB_VAR") == "v2"
    assert service_var.get(registered["uuid"], "main", "NOPE") is None
    by_device = service_var.get_all_by_device(registered["uuid"])
    assert sorted((v["name"], v["value"]) for v in by_device) == [("DB_VAR", "v2"), ("SVC_VAR", "v3")]
    by_app = service_var.get_all_by_application(app["id"])
    assert {v["id"] for v in by_device} <= {v["id"] for v in by_app}
    service_var.remove(registered["uuid"], "main", "SVC_VAR")
    main_install = installs["main"]["service_install"]["id"]
    assert admin.rows(f"device_service_environment_variable?$select=id"
                      f"&$filter=service_install eq {main_install}") == []
    with pytest.raises(exceptions.ServiceNotFound):
        service_var.set(registered["uuid"], "no-such-service", "X", "1")
