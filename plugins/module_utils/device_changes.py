# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Resolve what a device setting names (a fleet, a release, a supervisor or OS version) once for
many devices, and write the changed fields with one PATCH per group of devices that get the
same change."""

from __future__ import annotations

from .diff import link_id
from .errors import ParameterError
from .facets import patch_ids
from .id_chunks import chunks
from .fleet_releases import successful_release_rows
from .sdk.models.os_releases import is_architecture_compatible

# The option that sets each device field: how results name a change that was or was not applied.
OPTION_OF_FIELD = {
    "device_name": "name", "custom_latitude": "location", "custom_longitude": "location",
    "belongs_to__application": "fleet", "is_pinned_on__release": "release",
    "should_be_managed_by__release": "supervisor_version", "should_be_operated_by__release": "os_version",
    "is_web_accessible": "device_url",
}
TYPE_WITH_ARCH = {"$select": ["id", "slug"], "$expand": {"is_of__cpu_architecture": {"$select": ["id", "slug"]}}}


def architecture(device_type):
    """``(id, slug)`` of the CPU architecture of an expanded device type."""
    arch = device_type[0]["is_of__cpu_architecture"][0]
    return arch["id"], arch["slug"]


def target_fleet(balena, fleet, devices, parameter="fleet"):
    """The fleet devices move to, checked against each device's CPU architecture."""
    found = balena.models.application.get(fleet, {"$select": ["id", "slug"], "$expand": {
        "is_for__device_type": TYPE_WITH_ARCH, "should_be_running__release": {"$select": ["id", "commit", "raw_version"]}}})
    fleet_arch = architecture(found["is_for__device_type"])[1]
    for device in devices:
        device_type = device.get("is_of__device_type")
        if isinstance(device_type, list) and device_type and not is_architecture_compatible(architecture(device_type)[1], fleet_arch):
            raise ParameterError(parameter, "device {0} ({1}) cannot run fleet {2}, which is built for {3}".format(
                device["uuid"], device_type[0]["slug"], found["slug"], fleet_arch))
    return found


def releases_by_fleet(balena, devices, fleet_ids, reference, fleet=None):
    """``{fleet id: release row}`` for the fleets the devices belong to (or move to)."""
    labels = {fleet["id"]: fleet["slug"]} if fleet else {}
    for device in devices:
        expanded = device.get("belongs_to__application")
        if isinstance(expanded, list) and expanded:
            labels.setdefault(expanded[0]["id"], expanded[0].get("slug"))
    return successful_release_rows(balena.pine, fleet_ids, reference, labels=labels)


def supervisor_releases(balena, arch_ids, version):
    """``{architecture id: supervisor release row (id, raw_version)}`` for ``version`` (``17.0.3`` or ``v17.0.3``)."""
    wanted = version[1:] if version.startswith("v") else version
    found = {}
    for arch_id in sorted(set(arch_ids)):
        releases = balena.models.os.get_supervisor_releases_for_cpu_architecture(
            arch_id, {"$top": 1, "$select": ["id", "raw_version"], "$filter": {"raw_version": wanted}})
        if not releases:
            raise ParameterError("supervisor_version", "no supervisor release {0} for this CPU architecture (id {1})".format(version, arch_id))
        found[arch_id] = releases[0]
    return found


def os_release_key(device):
    """What picks a device's host OS release: its device type and its OS variant (``prod``, ``dev`` or unknown)."""
    return device["is_of__device_type"][0]["slug"], device.get("os_variant") or None


def bare_os_version(text):
    """``balenaOS 6.0.13``, ``v6.0.13``, ``6.0.13+prod`` and ``6.0.13.dev`` all become ``6.0.13``."""
    text = (text or "").replace("balenaOS", "").strip()
    text = text[1:] if text.startswith("v") else text
    for variant in ("+prod", "+dev", ".prod", ".dev"):
        if text.endswith(variant):
            return text[:-len(variant)]
    return text


def pick_os_release(releases, version, variant):
    """The host OS release among ``releases`` that ``version`` names for a device of OS ``variant``, or None.

    ``version`` is ``6.0.13``, ``v6.0.13``, ``balenaOS 6.0.13`` or a release's raw version such as
    ``6.0.13+prod``. A bare version picks the release of the device's own variant, so that a device
    never moves between production and development images; one that never reported its variant
    gets the production image, as balena's own images default to.
    """
    wanted = version.replace("balenaOS", "").strip()
    wanted = wanted[1:] if wanted.startswith("v") else wanted
    exact = [release for release in releases if release.get("raw_version") == wanted]
    same = [release for release in releases if bare_os_version(release.get("raw_version")) == bare_os_version(wanted)]
    own_variant = [release for release in same if (release.get("variant") or None) in (variant, None)]
    unknown = [release for release in same if release.get("variant") == "prod"] + same if variant is None else []
    matching = exact or own_variant or unknown
    return matching[0] if matching else None


def os_releases(balena, keys, version):
    """``{(device type slug, variant): host OS release row}`` for ``version`` (see ``pick_os_release``)."""
    slugs = sorted(set(slug for slug, _variant in keys))
    by_type = balena.models.os.get_all_os_versions(slugs, {"$filter": {"status": "success"}})
    found = {}
    for slug, variant in sorted(set(keys), key=str):
        release = pick_os_release(by_type.get(slug, []), version, variant)
        if release is None:
            raise ParameterError("os_version", "balenaOS {0} is not available for device type {1}{2}".format(
                bare_os_version(version), slug, " ({0} variant)".format(variant) if variant else ""))
        found[(slug, variant)] = release
    return found


def changed(current, wanted):
    return {field: value for field, value in wanted.items() if link_id(current.get(field)) != value}


def options_of(fields):
    """The options that set ``fields``, sorted and without repeats."""
    return sorted(set(OPTION_OF_FIELD.get(field, field) for field in fields))


def write_grouped(pine, changes_by_device, ledger, uuids):
    """PATCH every device's changes, one request per chunk of devices with the same change, recording
    them in ``ledger`` by option under each device's uuid (``uuids`` maps ids to uuids); returns the count."""
    groups = {}
    for device_id, changes in changes_by_device.items():
        if changes:
            groups.setdefault(tuple(sorted(changes.items())), []).append(device_id)
            ledger.expect(uuids[device_id], options_of(changes))
    for key, ids in groups.items():
        for chunk in chunks(sorted(ids)):
            patch_ids(pine, "device", chunk, dict(key))
            for device_id in chunk:
                ledger.done(uuids[device_id], options_of(dict(key)))
    return len(groups)
