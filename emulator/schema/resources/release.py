"""Releases, their images, tags and assets."""
from __future__ import annotations

from ..declare import Grant, Resource, Reverse
from . import access
from .keyed_values import label, tag, variable
from .shorthand import (SERVER, big_integer, flag, integer, json_value, link, string, text, timestamp)

_BUILD_STATUSES = ("running", "success", "failed", "error", "cancelled", "interrupted")

_RELEASE_FLEET_GRANTS = (
    access.public_fleet("belongs_to__application"),
    *access.fleet_member("belongs_to__application"),
    access.device_sees_fleet("belongs_to__application"),
    Grant("device", access.READ, "is_pinned_to__device/any(pin:pin/id eq {device})"),
)

RELEASE = Resource(
    name="release",
    fields=(
        link("belongs_to__application", "application", required=True),
        string("commit", required=True, max_length=40),
        json_value("composition", required=True),
        string("status", required=True, choices=_BUILD_STATUSES),
        string("source", required=True, choices=("cloud", "local")),
        text("build_log"),
        flag("is_invalidated"),
        timestamp("start_timestamp", required=True),
        timestamp("end_timestamp"),
        timestamp("update_timestamp", write=SERVER),
        string("release_version", max_length=81),
        json_value("contract"),
        flag("is_passing_tests", True),
        timestamp("is_finalized_at__date", write=SERVER),
        string("phase", choices=("next", "current", "sunset", "end-of-life")),
        # Written as "M.m.p[-pre][+build]"; hooks split it into the semver_* parts below.
        string("semver", default="0.0.0"),
        integer("semver_major", default=0, write=SERVER),
        integer("semver_minor", default=0, write=SERVER),
        integer("semver_patch", default=0, write=SERVER),
        string("semver_prerelease", default="", max_length=100, write=SERVER),
        string("semver_build", default="", max_length=50, write=SERVER),
        string("variant", default="", max_length=50),
        integer("revision", write=SERVER),
        # Derived by hooks from the semver parts, the revision and the variant on every write.
        text("raw_version", write=SERVER),
        json_value("version", write=SERVER),
        # Written by clients to finalize a draft; hooks keep it equal to `revision is not null`.
        flag("is_final", True),
        text("known_issue_list", max_length=1000),
        text("note", max_length=1_000_000),
        string("invalidation_reason"),
        # balenaCloud only
        link("is_created_by__user", "user", write=SERVER),
    ),
    reverse=(
        Reverse("release_image", "release_image", "is_part_of__release"),
        Reverse("release_tag", "release_tag", "release"),
        Reverse("release_asset", "release_asset", "release"),
        Reverse("should_be_running_on__application", "application", "should_be_running__release"),
        Reverse("is_running_on__device", "device", "is_running__release"),
        Reverse("is_pinned_to__device", "device", "is_pinned_on__release"),
        Reverse("should_be_running_on__device", "device", "should_be_running__release"),
        Reverse("should_operate__device", "device", "should_be_operated_by__release"),
        Reverse("should_manage__device", "device", "should_be_managed_by__release"),
        Reverse("provides__device__installs__image", "image_install", "is_provided_by__release"),
    ),
    nav_aliases={
        "contains__image": "release_image",
        "image__is_part_of__release": "release_image",
        "release__has__tag_key": "release_tag",
        "release__has__asset_key": "release_asset",
        "provides__image_install": "provides__device__installs__image",
    },
    grants=_RELEASE_FLEET_GRANTS,
)

_RELEASE_CHILD_GRANTS = (
    access.public_fleet("release/belongs_to__application"),
    *access.fleet_member("release/belongs_to__application"),
    access.device_sees_fleet("release/belongs_to__application"),
)

RELEASE_TAG = Resource(
    name="release_tag",
    fields=tag("release_tag", "release", "release").fields,
    aliases=("release__has__tag_key",),
    unique=(("release", "tag_key"),),
    grants=_RELEASE_CHILD_GRANTS,
)

RELEASE_ASSET = Resource(
    name="release_asset",
    fields=(
        link("release", "release", required=True),
        string("asset_key", required=True),
        json_value("asset"),
    ),
    aliases=("release__has__asset_key",),
    unique=(("release", "asset_key"),),
    grants=_RELEASE_CHILD_GRANTS,
)

_PROJECT_TYPES = (
    "Standard Dockerfile", "project type unavailable", "NodeJS", "node.js", "local deploy",
    "external service", "dockerfile", "Dockerfile.template", "Architecture-specific Dockerfile",
    "Dockerfile", "Balena", "unavailable",
)

_IMAGE_FLEET_PATH = "is_a_build_of__service/application"

IMAGE = Resource(
    name="image",
    fields=(
        timestamp("start_timestamp", required=True),
        timestamp("end_timestamp"),
        text("dockerfile"),
        link("is_a_build_of__service", "service", required=True),
        big_integer("image_size"),
        string("is_stored_at__image_location"),
        string("project_type", choices=_PROJECT_TYPES),
        text("error_message"),
        text("build_log"),
        timestamp("push_timestamp"),
        string("status", required=True, choices=_BUILD_STATUSES),
        string("content_hash", max_length=71),
        json_value("contract"),
    ),
    unique=(("is_stored_at__image_location",),),
    reverse=(
        Reverse("release_image", "release_image", "image"),
        Reverse("image_install", "image_install", "installs__image"),
    ),
    nav_aliases={"is_part_of__release": "release_image", "device__installs__image": "image_install"},
    grants=(
        access.public_fleet(_IMAGE_FLEET_PATH),
        *access.fleet_member(_IMAGE_FLEET_PATH),
        access.device_sees_fleet(_IMAGE_FLEET_PATH),
    ),
)

_RELEASE_IMAGE_FLEET_PATH = "is_part_of__release/belongs_to__application"

RELEASE_IMAGE = Resource(
    name="release_image",
    fields=(
        link("image", "image", required=True),
        link("is_part_of__release", "release", required=True),
    ),
    aliases=("image__is_part_of__release",),
    unique=(("image", "is_part_of__release"),),
    reverse=(
        Reverse("image_label", "image_label", "release_image"),
        Reverse("image_environment_variable", "image_environment_variable", "release_image"),
    ),
    nav_aliases={"release": "is_part_of__release"},
    grants=(
        access.public_fleet(_RELEASE_IMAGE_FLEET_PATH),
        *access.fleet_member(_RELEASE_IMAGE_FLEET_PATH),
        access.device_sees_fleet(_RELEASE_IMAGE_FLEET_PATH),
    ),
)

_IMAGE_DETAIL_PATH = "release_image/is_part_of__release/belongs_to__application"
_IMAGE_DETAIL_GRANTS = (
    access.public_fleet(_IMAGE_DETAIL_PATH),
    *access.fleet_member(_IMAGE_DETAIL_PATH),
    access.device_sees_fleet(_IMAGE_DETAIL_PATH),
)

IMAGE_LABEL = label("image_label", "release_image", "release_image", grants=_IMAGE_DETAIL_GRANTS)
IMAGE_ENVIRONMENT_VARIABLE = variable("image_environment_variable", "release_image", "release_image",
                                      grants=_IMAGE_DETAIL_GRANTS)

RESOURCES = (
    RELEASE,
    RELEASE_TAG,
    RELEASE_ASSET,
    IMAGE,
    RELEASE_IMAGE,
    IMAGE_LABEL,
    IMAGE_ENVIRONMENT_VARIABLE,
)
