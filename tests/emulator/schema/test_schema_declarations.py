"""Every declaration is internally consistent and compiles against the engine."""
from __future__ import annotations

import pytest

from emulator.auth.caller import Caller
from emulator.odata.catalog import Catalog
from emulator.odata.expression import parse_filter
from emulator.schema.declare import COMPUTED, TYPES
from emulator.schema.registry import RESOURCES, resolve

CATALOG = Catalog(RESOURCES)
ALL = sorted(RESOURCES)


def test_names_and_aliases_resolve_to_one_resource_each():
    seen = {}
    for resource in RESOURCES.values():
        for name in (resource.name, *resource.aliases):
            assert name not in seen, f"{name} names both {seen.get(name)} and {resource.name}"
            seen[name] = resource.name
            assert resolve(name) is resource
    assert resolve("no_such_resource") is None
    assert resolve("user__has__public_key").name == "user_public_key"
    assert resolve("image__is_part_of__release").name == "release_image"


@pytest.mark.parametrize("name", ALL)
def test_fields_links_and_keys(name):
    resource = RESOURCES[name]
    names = [field.name for field in resource.fields]
    assert len(names) == len(set(names))
    for field in resource.fields:
        assert field.type in TYPES, (name, field.name)
        if field.type == "fk":
            assert field.references in RESOURCES, (name, field.name)
        if field.write == COMPUTED:
            assert field.sql, (name, field.name)
    for key in resource.unique:
        assert all(resource.field(part) for part in key), (name, key)


@pytest.mark.parametrize("name", ALL)
def test_navigations_lead_somewhere(name):
    resource = RESOURCES[name]
    for reverse in resource.reverse:
        target = RESOURCES[reverse.resource]
        link = target.field(reverse.field)
        assert link is not None and link.type == "fk" and link.references == name, (name, reverse)
        assert resource.field(reverse.name) is None, f"{reverse.name} is both a field and a navigation"
    for alias in resource.nav_aliases:
        assert CATALOG.navigation(resource, alias) is not None, (name, alias)


REQUIRED_NAVIGATIONS = [
    ("device", "belongs_to__application"), ("application", "owns__device"),
    ("device_type", "describes__device"), ("device_type", "device"), ("release", "is_running_on__device"),
    ("release", "is_pinned_to__device"), ("release", "should_be_running_on__device"),
    ("release", "should_operate__device"), ("release", "should_manage__device"),
    ("service_instance", "manages__device"), ("actor", "is_of__device"), ("actor", "is_of__application"),
    ("actor", "is_of__user"), ("application", "owns__release"), ("release", "should_be_running_on__application"),
    ("device_type", "is_default_for__application"), ("organization", "application"),
    ("organization", "has__application"), ("application_type", "is_of__application"),
    ("device", "device_tag"), ("device", "image_install"), ("device", "installs__image"),
    ("device", "service_install"), ("device", "installs__application__has__service_name"),
    ("image_install", "image"), ("release", "provides__device__installs__image"), ("service", "service_install"),
    ("service_install", "service"), ("service_install", "device_service_environment_variable"),
    ("service", "is_built_by__image"), ("image", "release_image"), ("release", "release_image"),
    ("release", "contains__image"), ("release_image", "release"), ("release_image", "image_label"),
    ("release", "release_tag"), ("release", "release_asset"), ("cpu_architecture", "is_supported_by__device_type"),
    ("device_type", "supports__cpu_architecture"), ("device_family", "device_type"),
    ("device_type", "device_type_alias"), ("user", "organization_membership"),
    ("user", "is_member_of__organization"), ("organization", "includes__user"), ("user", "user_public_key"),
    ("user", "has__public_key"), ("actor", "api_key"), ("application", "is_directly_accessible_by__user"),
    ("user", "has_direct_access_to__application"), ("organization", "owns__team"),
    ("team", "team_membership"), ("team", "team_application_access"), ("application", "device_history"),
    ("device", "device_history"), ("device_history", "tracks__device"),
]


@pytest.mark.parametrize("resource, navigation", REQUIRED_NAVIGATIONS)
def test_the_data_model_navigations_exist(resource, navigation):
    assert CATALOG.navigation(RESOURCES[resource], navigation) is not None


@pytest.mark.parametrize("name", ALL)
def test_grant_conditions_parse_for_every_kind_of_caller(name):
    caller = Caller(user_id=1, actor_id=1, device_id=1, application_id=1, org_ids=frozenset({1}),
                    admin_org_ids=frozenset({1}), app_ids=frozenset({1, 2}), writable_app_ids=frozenset({1}))
    resource = RESOURCES[name]
    assert resource.grants, f"{name} has no grant: only the admin could reach it"
    for grant in resource.grants:
        assert grant.who in ("guest", "user", "application", "device")
        assert set(grant.actions) <= {"read", "create", "update", "delete"}
        if grant.where is not None:
            parse_filter(caller.bind(grant.where))
        for fixed in grant.fixed:
            assert "update" in grant.actions and resource.field(fixed) is not None, (grant, fixed)
    for field in resource.fields:
        if field.read_where is not None:
            parse_filter(caller.bind(field.read_where))
