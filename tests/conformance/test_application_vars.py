"""application.tags / env_var / config_var / build_var: the dependent key = value resources."""
from __future__ import annotations

import pytest
from balena import exceptions

VARIABLE_MODELS = {
    "env_var": ("application_environment_variable", "REC_VAR"),
    "config_var": ("application_config_variable", "BALENA_SUPERVISOR_POLL_INTERVAL"),
    "build_var": ("build_environment_variable", "BUILD_VAR"),
}


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


def test_tags_set_upsert_list_remove(balena, admin, app):
    tags = balena.models.application.tags
    tags.set(app["id"], "env", "test")
    tags.set(app["slug"], "owner", "conformance")
    tags.set(app["id"], "env", "prod")
    listed = tags.get_all_by_application(app["id"])
    assert [(t["tag_key"], t["value"]) for t in listed] == [("env", "prod"), ("owner", "conformance")]
    assert all(isinstance(t["id"], int) for t in listed)
    tags.remove(app["id"], "owner")
    rows = admin.rows(f"application_tag?$select=tag_key,value&$filter=application eq {app['id']}")
    assert rows == [{"tag_key": "env", "value": "prod"}]


def test_tag_key_rules(balena, app):
    for bad_key in ("a key", "io.balena.reserved"):
        with pytest.raises(exceptions.RequestError) as refused:
            balena.models.application.tags.set(app["id"], bad_key, "1")
        assert refused.value.status_code == 400


@pytest.mark.parametrize("model_name", sorted(VARIABLE_MODELS))
def test_variables_set_get_list_remove(balena, admin, app, model_name):
    model = getattr(balena.models.application, model_name)
    resource, name = VARIABLE_MODELS[model_name]
    other = name + "_OTHER"
    model.set(app["id"], name, "one")
    model.set(app["slug"], name, "two")
    model.set(app["id"], other, "x y z")
    assert model.get(app["id"], name) == "two"
    assert model.get(app["slug"], "NOPE_NOT_SET") is None
    listed = model.get_all_by_application(app["id"])
    assert [(v["name"], v["value"]) for v in listed] == [(name, "two"), (other, "x y z")]
    assert all(set(v) >= {"id", "name", "value"} for v in listed)
    model.remove(app["id"], other)
    rows = admin.rows(f"{resource}?$select=name,value&$filter=application eq {app['id']}")
    assert rows == [{"name": name, "value": "two"}]
    model.remove(app["id"], name)
    assert admin.rows(f"{resource}?$select=id&$filter=application eq {app['id']}") == []


def test_env_var_name_rules(balena, app):
    env = balena.models.application.env_var
    for bad_name in ("1BAD-NAME", "BALENA_FOO", "RESIN_FOO"):
        with pytest.raises(exceptions.RequestError) as refused:
            env.set(app["id"], bad_name, "v")
        assert refused.value.status_code == 400
    with pytest.raises(exceptions.RequestError) as refused:
        balena.models.application.config_var.set(app["id"], "NOT_A_CONFIG_VAR", "1")
    assert refused.value.status_code == 400
    assert "namespaces" in refused.value.body
