"""Devices, their variables, tags, installs and history."""
from __future__ import annotations

import secrets

from ..declare import Grant, Resource, Reverse
from . import access, device_status
from .keyed_values import tag, variable
from .shorthand import (CREATE_ONLY, SERVER, computed, flag, integer, link, string, text, timestamp)


def _new_device_uuid() -> str:
    return secrets.token_hex(16)


_HEARTBEAT_STATES = ("online", "offline", "timeout", "unknown")
_UPDATE_STATUSES = ("rejected", "downloading", "downloaded", "applying changes", "aborted", "done")

_PLACEMENT = ("belongs_to__application", "is_pinned_on__release", "should_be_operated_by__release",
              "should_be_managed_by__release")

DEVICE = Resource(
    name="device",
    fields=(
        link("actor", "actor", write=SERVER),
        string("api_heartbeat_state", default="unknown", choices=_HEARTBEAT_STATES),
        timestamp("changed_api_heartbeat_state_on__date"),
        string("uuid", default=_new_device_uuid, write=CREATE_ONLY, max_length=62),
        string("local_id"),
        string("device_name"),
        text("note", max_length=1_000_000),
        link("is_of__device_type", "device_type", required=True),
        link("belongs_to__application", "application"),
        flag("is_online"),
        timestamp("last_connectivity_event"),
        flag("is_connected_to_vpn"),
        timestamp("last_vpn_event"),
        timestamp("is_locked_until__date"),
        string("public_address", max_length=50),
        text("ip_address", max_length=2000),
        text("mac_address", max_length=900),
        flag("is_web_accessible"),
        integer("memory_usage"),
        integer("memory_total"),
        string("storage_block_device"),
        integer("storage_usage"),
        integer("storage_total"),
        integer("cpu_usage"),
        integer("cpu_temp"),
        flag("is_undervolted"),
        string("cpu_id"),
        link("is_running__release", "release"),
        integer("download_progress"),
        string("status", max_length=50),
        string("os_version", max_length=70),
        string("os_variant", choices=("prod", "dev")),
        computed("overall_status", "string", device_status.OVERALL_STATUS),
        computed("overall_progress", "integer", device_status.OVERALL_PROGRESS),
        string("supervisor_version", max_length=20),
        integer("provisioning_progress"),
        string("provisioning_state"),
        integer("api_port"),
        string("api_secret", max_length=64),
        link("is_managed_by__service_instance", "service_instance"),
        link("is_pinned_on__release", "release"),
        computed("should_be_running__release", "fk", device_status.SHOULD_BE_RUNNING_RELEASE,
                 references="release"),
        link("should_be_operated_by__release", "release"),
        link("should_be_managed_by__release", "release"),
        string("update_status", choices=_UPDATE_STATUSES),
        timestamp("last_update_status_event"),
        # balenaCloud only
        flag("is_active", True),
        computed("is_frozen", "boolean", "0"),
        timestamp("is_accessible_by_support_until__date"),
        string("latitude", write=SERVER),
        string("longitude", write=SERVER),
        string("location", write=SERVER),
        string("custom_latitude"),
        string("custom_longitude"),
        link("belongs_to__user", "user"),
    ),
    unique=(("uuid",),),
    reverse=(
        Reverse("device_environment_variable", "device_environment_variable", "device"),
        Reverse("device_config_variable", "device_config_variable", "device"),
        Reverse("device_tag", "device_tag", "device"),
        Reverse("image_install", "image_install", "device"),
        Reverse("service_install", "service_install", "device"),
        Reverse("device_history", "device_history", "tracks__device"),
    ),
    nav_aliases={
        "device__has__env_var_name": "device_environment_variable",
        "device__has__config_var_name": "device_config_variable",
        "device__has__tag_key": "device_tag",
        "installs__image": "image_install",
        "device__installs__image": "image_install",
        "installs__application__has__service_name": "service_install",
        "device__installs__application__has__service_name": "service_install",
    },
    grants=(
        *access.fleet_member("belongs_to__application"),
        Grant("application", ("create",), "belongs_to__application eq {application}"),
        Grant("device", ("read",), "id eq {device}"),
        # A device changes its own state, never its fleet or what it is pinned to.
        Grant("device", ("update",), "id eq {device}", fixed=_PLACEMENT),
    ),
)

_DEVICE_CHILD_GRANTS = (
    *access.fleet_member("device/belongs_to__application"),
    access.own_device("device", access.ALL),
)

DEVICE_TAG = tag("device_tag", "device", "device", aliases=("device__has__tag_key",),
                 grants=_DEVICE_CHILD_GRANTS)
DEVICE_ENVIRONMENT_VARIABLE = variable(
    "device_environment_variable", "device", "device", aliases=("device__has__env_var_name",),
    grants=_DEVICE_CHILD_GRANTS)
DEVICE_CONFIG_VARIABLE = variable(
    "device_config_variable", "device", "device", aliases=("device__has__config_var_name",),
    grants=(*access.fleet_member("device/belongs_to__application"),
            access.own_device("device", ("read", "create", "update"))))

SERVICE_INSTALL = Resource(
    name="service_install",
    fields=(
        link("device", "device", required=True),
        link("installs__service", "service", required=True),
    ),
    aliases=("device__installs__application__has__service_name",),
    unique=(("device", "installs__service"),),
    reverse=(
        Reverse("device_service_environment_variable", "device_service_environment_variable",
                "service_install"),
    ),
    nav_aliases={"service": "installs__service", "has__name": "device_service_environment_variable",
                 "application__has__service_name": "installs__service"},
    grants=_DEVICE_CHILD_GRANTS,
)

DEVICE_SERVICE_ENVIRONMENT_VARIABLE = variable(
    "device_service_environment_variable", "service_install", "service_install",
    aliases=("device__installs__application__has__service_name__has__name",),
    grants=(*access.fleet_member("service_install/device/belongs_to__application"),
            access.own_device("service_install/device", access.ALL)),
)

_IMAGE_INSTALL_STATUSES = (
    "Stopping", "Stopped", "Downloading", "Downloaded", "Installing", "Installed", "Starting", "Running",
    "Idle", "Handing over", "Awaiting handover", "Deleting", "deleted", "Dead", "paused", "restarting",
    "removing", "exited", "configuring", "Unknown",
)

IMAGE_INSTALL = Resource(
    name="image_install",
    fields=(
        link("device", "device", required=True),
        link("installs__image", "image", required=True),
        timestamp("install_date", required=True),
        integer("download_progress"),
        string("status", required=True, choices=_IMAGE_INSTALL_STATUSES),
        link("is_provided_by__release", "release", required=True),
    ),
    aliases=("device__installs__image",),
    unique=(("device", "installs__image"),),
    nav_aliases={"image": "installs__image"},
    grants=(
        *access.fleet_member("device/belongs_to__application"),
        access.own_device("device", ("read", "create", "update")),
    ),
)

DEVICE_HISTORY = Resource(
    name="device_history",
    fields=(
        timestamp("end_timestamp", write=SERVER),
        link("is_created_by__actor", "actor", write=SERVER),
        link("is_ended_by__actor", "actor", write=SERVER),
        link("tracks__device", "device", write=SERVER),
        link("tracks__actor", "actor", write=SERVER),
        string("uuid", write=SERVER, max_length=62),
        link("belongs_to__application", "application", write=SERVER),
        flag("is_active", True, write=SERVER),
        link("is_running__release", "release", write=SERVER),
        link("should_be_running__release", "release", write=SERVER),
        string("os_version", write=SERVER, max_length=70),
        string("os_variant", write=SERVER),
        string("supervisor_version", write=SERVER, max_length=20),
        link("is_of__device_type", "device_type", write=SERVER),
        link("should_be_managed_by__release", "release", write=SERVER),
    ),
    grants=(Grant("user", access.READ, "belongs_to__application in {apps}"),),
)

RESOURCES = (
    DEVICE,
    DEVICE_TAG,
    DEVICE_ENVIRONMENT_VARIABLE,
    DEVICE_CONFIG_VARIABLE,
    SERVICE_INSTALL,
    DEVICE_SERVICE_ENVIRONMENT_VARIABLE,
    IMAGE_INSTALL,
    DEVICE_HISTORY,
)
