"""Fleets (`application`), their type, variables and tags."""
from __future__ import annotations

import uuid

from ..declare import Grant, Resource, Reverse
from . import access
from .keyed_values import tag, variable
from .shorthand import CREATE_ONLY, SERVER, flag, integer, link, string, text, timestamp


def _new_fleet_uuid() -> str:
    return uuid.uuid4().hex


APPLICATION = Resource(
    name="application",
    fields=(
        link("actor", "actor", write=SERVER),
        flag("should_track_latest_release", True),
        string("is_of__class", default="fleet", choices=("fleet", "block", "app")),
        link("organization", "organization", required=True),
        text("app_name", required=True),
        string("slug", write=SERVER, max_length=321),
        link("is_for__device_type", "device_type", required=True),
        link("should_be_running__release", "release"),
        link("application_type", "application_type"),
        flag("is_host"),
        flag("is_archived"),
        string("uuid", default=_new_fleet_uuid, write=CREATE_ONLY, max_length=32),
        flag("is_public"),
        # balenaCloud only
        timestamp("is_accessible_by_support_until__date"),
        flag("is_discoverable"),
        string("is_stored_at__repository_url"),
    ),
    unique=(("slug",), ("uuid",)),
    reverse=(
        Reverse("owns__device", "device", "belongs_to__application"),
        Reverse("owns__release", "release", "belongs_to__application"),
        Reverse("service", "service", "application"),
        Reverse("application_environment_variable", "application_environment_variable", "application"),
        Reverse("application_config_variable", "application_config_variable", "application"),
        Reverse("build_environment_variable", "build_environment_variable", "application"),
        Reverse("application_tag", "application_tag", "application"),
        Reverse("user_application_membership", "user__is_member_of__application", "is_member_of__application"),
        Reverse("invitee__is_invited_to__application", "invitee__is_invited_to__application",
                "is_invited_to__application"),
        Reverse("team_application_access", "team_application_access", "grants_access_to__application"),
        Reverse("is_directly_accessible_by__user", "user__has_direct_access_to__application",
                "has_direct_access_to__application"),
        Reverse("device_history", "device_history", "belongs_to__application"),
    ),
    nav_aliases={
        "application__has__env_var_name": "application_environment_variable",
        "application__has__config_var_name": "application_config_variable",
        "application__has__tag_key": "application_tag",
        "application__has__service_name": "service",
        "user__is_member_of__application": "user_application_membership",
        "is_invited_to__application": "invitee__is_invited_to__application",
    },
    grants=(
        access.public_fleet(""),
        Grant("user", access.READ, "id in {apps}"),
        Grant("user", ("create",), "organization in {admin_orgs}"),
        # Moving a fleet to another organization takes an administrator of both.
        Grant("user", ("update", "delete"), "id in {writable_apps}", fixed=("organization",)),
        Grant("user", ("update",), "organization in {admin_orgs}"),
        access.device_sees_fleet(""),
    ),
    keyed_delete_not_found="Application(s) not found.",
)

APPLICATION_TYPE = Resource(
    name="application_type",
    fields=(
        string("name", required=True, max_length=20),
        flag("supports_web_url"),
        flag("supports_multicontainer"),
        flag("supports_gateway_mode"),
        string("needs__os_version_range", max_length=50),
        flag("requires_payment"),
        flag("is_legacy"),
        string("slug", required=True, max_length=30),
        string("description", max_length=200),
        integer("maximum_device_count"),
    ),
    unique=(("slug",),),
    reverse=(Reverse("is_of__application", "application", "application_type"),),
    grants=(access.everyone_reads(),),
)


def _fleet_child_grants(path: str) -> tuple:
    return (
        access.public_fleet(path),
        *access.fleet_member(path),
        access.device_sees_fleet(path),
    )


_FLEET_PRIVATE_GRANTS = (*access.fleet_member("application"), access.device_sees_fleet("application"))

APPLICATION_TAG = tag("application_tag", "application", "application", aliases=("application__has__tag_key",),
                      grants=_fleet_child_grants("application"))
APPLICATION_ENVIRONMENT_VARIABLE = variable(
    "application_environment_variable", "application", "application",
    aliases=("application__has__env_var_name",), grants=_FLEET_PRIVATE_GRANTS)
APPLICATION_CONFIG_VARIABLE = variable(
    "application_config_variable", "application", "application",
    aliases=("application__has__config_var_name",), grants=_FLEET_PRIVATE_GRANTS)
BUILD_ENVIRONMENT_VARIABLE = variable(
    "build_environment_variable", "application", "application",
    aliases=("application__has__build_var_name",), grants=tuple(access.fleet_member("application")))

RESOURCES = (
    APPLICATION,
    APPLICATION_TYPE,
    APPLICATION_TAG,
    APPLICATION_ENVIRONMENT_VARIABLE,
    APPLICATION_CONFIG_VARIABLE,
    BUILD_ENVIRONMENT_VARIABLE,
)
