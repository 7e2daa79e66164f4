"""Users, actors, API keys, SSH keys and VPN service instances."""
from __future__ import annotations

from ..declare import Grant, Resource, Reverse
from . import access
from .shorthand import CREATE_ONLY, SERVER, flag, link, secret, shown_where, string, text, timestamp

ACTOR = Resource(
    name="actor",
    fields=(),
    reverse=(
        Reverse("is_of__user", "user", "actor"),
        Reverse("is_of__application", "application", "actor"),
        Reverse("is_of__device", "device", "actor"),
        Reverse("api_key", "api_key", "is_of__actor"),
    ),
    grants=(
        Grant("user", access.READ),
        Grant("device", access.READ, "id eq {actor}"),
    ),
)

# A user sees themselves and the people they work with: members of their organizations, of the fleets
# they can reach, and of their organizations' teams.
_FELLOW_USERS = (
    "(id eq {user})"
    " or (organization_membership/any(om:om/is_member_of__organization in {orgs}))"
    " or (user_application_membership/any(fm:fm/is_member_of__application in {apps}))"
    " or (team_membership/any(tm:tm/is_member_of__team/belongs_to__organization in {orgs}))"
)

# `password`, `jwt_secret` and the two-factor fields are written by the auth routes only; the secrets
# among them are never readable through OData, not even by the admin.
USER = Resource(
    name="user",
    fields=(
        link("actor", "actor", write=SERVER),
        string("username", required=True, max_length=73),
        secret(text("password", write=SERVER)),
        secret(string("jwt_secret", write=SERVER)),
        text("email", required=True),
        # balenaCloud only
        flag("has_two_factor_auth", write=SERVER),
        secret(string("two_factor_secret", write=SERVER)),
    ),
    unique=(("username",), ("email",), ("actor",)),
    reverse=(
        Reverse("organization_membership", "organization_membership", "user"),
        Reverse("user_application_membership", "user__is_member_of__application", "user"),
        Reverse("team_membership", "team_membership", "user"),
        Reverse("user_public_key", "user_public_key", "user"),
        Reverse("has_direct_access_to__application", "user__has_direct_access_to__application", "user"),
        Reverse("owns__device", "device", "belongs_to__user"),
        Reverse("creates__release", "release", "is_created_by__user"),
    ),
    nav_aliases={
        "is_member_of__organization": "organization_membership",
        "user__is_member_of__organization": "organization_membership",
        "is_member_of__application": "user_application_membership",
        "user__is_member_of__application": "user_application_membership",
        "is_member_of__team": "team_membership",
        "has__public_key": "user_public_key",
        "user__has__public_key": "user_public_key",
    },
    grants=(
        Grant("user", access.READ, _FELLOW_USERS),
        Grant("user", ("delete",), "id eq {user}"),
    ),
)

_FLEET_KEYS = (
    "(is_of__actor/is_of__application/any(fleet:fleet/id in {fleets}))"
    " or (is_of__actor/is_of__device/any(own:own/belongs_to__application in {fleets}))"
)

# The key itself is shown to those who may also change the key: its owner, and for device and
# provisioning keys those who may write to the fleet.
_KEY_READERS = "(is_of__actor eq {actor}) or " + _FLEET_KEYS.format(fleets="{writable_apps}")

API_KEY = Resource(
    name="api_key",
    fields=(
        shown_where(string("key", required=True, write=CREATE_ONLY), _KEY_READERS),
        timestamp("expiry_date"),
        link("is_of__actor", "actor", required=True),
        string("name", max_length=50),
        string("description", max_length=150),
    ),
    unique=(("key",),),
    grants=(
        Grant("user", ("read", "update", "delete"), "is_of__actor eq {actor}"),
        # balenaCloud lists and revokes the provisioning keys of a fleet and the keys of its devices.
        Grant("user", access.READ, _FLEET_KEYS.format(fleets="{apps}")),
        Grant("user", ("update", "delete"), _FLEET_KEYS.format(fleets="{writable_apps}")),
    ),
)

USER_PUBLIC_KEY = Resource(
    name="user_public_key",
    fields=(
        link("user", "user", required=True),
        text("public_key", required=True, max_length=2850),
        string("title", required=True, max_length=120),
    ),
    aliases=("user__has__public_key",),
    unique=(("user", "public_key"),),
    grants=(
        Grant("user", access.ALL, "user eq {user}"),
        # A device (for SSH) reads the keys of the users who can reach its fleet.
        Grant("device", access.READ,
              "user/has_direct_access_to__application/any(dau:dau/has_direct_access_to__application eq {application})"),
    ),
)

SERVICE_INSTANCE = Resource(
    name="service_instance",
    fields=(
        string("service_type", required=True, choices=("vpn",)),
        string("ip_address", required=True, max_length=39),
        timestamp("last_heartbeat", required=True),
    ),
    reverse=(Reverse("manages__device", "device", "is_managed_by__service_instance"),),
    grants=(Grant("user", access.READ, "service_type eq 'vpn'"),),
)

RESOURCES = (ACTOR, USER, API_KEY, USER_PUBLIC_KEY, SERVICE_INSTANCE)
