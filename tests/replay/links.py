"""Which resource an id belongs to, from the name of the field or path segment that holds it."""
from __future__ import annotations

# Navigation and foreign-key names (data model §1.2) -> the resource their ids belong to.
FIELD_RESOURCE = {
    "belongs_to__application": "application", "application": "application",
    "owns__device": "device", "is_member_of__application": "application",
    "is_invited_to__application": "application", "grants_access_to__application": "application",
    "has_direct_access_to__application": "application", "is_directly_accessible_by__user": "user",
    "is_of__device_type": "device_type", "is_for__device_type": "device_type", "device_type": "device_type",
    "is_running__release": "release", "is_pinned_on__release": "release",
    "should_be_running__release": "release", "should_be_operated_by__release": "release",
    "should_be_managed_by__release": "release", "is_provided_by__release": "release",
    "is_part_of__release": "release", "release": "release", "owns__release": "release",
    "organization": "organization", "is_member_of__organization": "organization",
    "belongs_to__organization": "organization", "is_invited_to__organization": "organization",
    "device": "device", "image": "image", "installs__image": "image",
    "service": "service", "installs__service": "service", "is_a_build_of__service": "service",
    "service_install": "service_install", "user": "user", "is_created_by__user": "user",
    "actor": "actor", "is_of__actor": "actor", "is_of__cpu_architecture": "cpu_architecture",
    "team": "team", "is_member_of__team": "team",
    "deviceId": "device", "appId": "application",
}

# Non-OData paths whose numeric segments are ids: (regex, resource per numbered group).
REST_ID_PATHS = (
    (r"^/api-key/device/(\d+)/", ("device",)),
    (r"^/api-key/application/(\d+)/", ("application",)),
    (r"^/application/(\d+)/", ("application",)),
    (r"^/applcation/(\d+)/", ("application",)),
    (r"^/supervisor/v1/apps/(\d+)", ("application",)),
    (r"^/supervisor/v2/applications/(\d+)/", ("application",)),
    (r"^/device/(\d+)/", ("device",)),
)

ACTOR_TYPE_RESOURCE = {"user": "user", "application": "application", "device": "device"}


def resource_of_field(name: str) -> str | None:
    return FIELD_RESOURCE.get(name)
