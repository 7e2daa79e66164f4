# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a world holds after the scenario, read as the emulator's admin: both SDKs must leave the same.

This catches a write that differs without any later step reading it back.
"""

from __future__ import annotations

from parity_normalise import normalise, unordered

# Every resource the scenario writes to, directly or through an SDK method.
RESOURCES = (
    "application", "application_tag", "application_config_variable", "application_environment_variable",
    "build_environment_variable", "device", "device_tag", "device_config_variable", "device_environment_variable",
    "device_service_environment_variable", "release", "release_tag", "service_environment_variable", "api_key",
    "user__has__public_key", "organization", "organization_membership", "organization_membership_tag",
    "invitee__is_invited_to__organization", "user__is_member_of__application",
    "invitee__is_invited_to__application", "team", "team_membership", "team_application_access", "user",
)


def snapshot(world):
    """Every row of every resource above, normalised, in a canonical order."""
    found = {}
    for resource in RESOURCES:
        rows = world.raw("GET", "/v7/%s" % resource)["d"]
        found[resource] = unordered(normalise(rows, world.url, world.replacements))
    return found
