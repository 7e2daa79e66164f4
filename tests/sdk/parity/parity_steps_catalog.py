# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every user reads: models.config, models.device_type and models.os."""

from __future__ import annotations

from parity_scenario import Step

DEVICE_TYPE = "raspberrypi4-64"


def _types(sdk):
    return sdk.models.device_type


def _os(sdk):
    return sdk.models.os


def _download_shape(response):
    return {"status": response.status_code, "bytes": len(response.content)}


STEPS = [
    Step("models.config.get_all", lambda sdk, w: sdk.models.config.get_all()),
    Step("models.device_type.get", lambda sdk, w: _types(sdk).get(DEVICE_TYPE), "by slug", keep="device_type"),
    Step("models.device_type.get", lambda sdk, w: _types(sdk).get(w.kept["device_type"]["id"]), "by id"),
    Step("models.device_type.get", lambda sdk, w: _types(sdk).get("raspberrypi2", {"$select": ["slug", "name"]}),
         "by alias, selected"),
    Step("models.device_type.get", lambda sdk, w: _types(sdk).get("no-such-device-type"), "missing"),
    Step("models.device_type.get_all", lambda sdk, w: _types(sdk).get_all({"$select": ["slug", "name"]})),
    Step("models.device_type.get_all", lambda sdk, w: _types(sdk).get_all(), "every field",
         shape=lambda types: {"count": len(types), "first": types[0] if types else None}),
    Step("models.device_type.get_all_supported", lambda sdk, w: _types(sdk).get_all_supported()),
    Step("models.device_type.get_all_supported",
         lambda sdk, w: _types(sdk).get_all_supported({"$select": "slug"}), "selected"),
    Step("models.device_type.get_by_slug_or_name",
         lambda sdk, w: _types(sdk).get_by_slug_or_name(w.kept["device_type"]["name"]), "by name"),
    Step("models.device_type.get_by_slug_or_name",
         lambda sdk, w: _types(sdk).get_by_slug_or_name("intel-nuc", {"$select": "id"}), "by slug"),
    Step("models.device_type.get_by_slug_or_name",
         lambda sdk, w: _types(sdk).get_by_slug_or_name("No Such Board"), "missing"),
    Step("models.device_type.get_name", lambda sdk, w: _types(sdk).get_name("raspberrypi3")),
    Step("models.device_type.get_name", lambda sdk, w: _types(sdk).get_name("no-such-device-type"), "missing"),
    Step("models.device_type.get_slug_by_name",
         lambda sdk, w: _types(sdk).get_slug_by_name(w.kept["device_type"]["name"])),
    Step("models.device_type.get_slug_by_name", lambda sdk, w: _types(sdk).get_slug_by_name("No Such Board"),
         "missing"),
    Step("models.os.get_all_os_versions", lambda sdk, w: _os(sdk).get_all_os_versions(DEVICE_TYPE)),
    Step("models.os.get_all_os_versions", lambda sdk, w: _os(sdk).get_all_os_versions(
        ["raspberrypi3", "intel-nuc"], {"$filter": {"status": "success"}}), "several, with options"),
    Step("models.os.get_available_os_versions", lambda sdk, w: _os(sdk).get_available_os_versions(DEVICE_TYPE)),
    Step("models.os.get_available_os_versions",
         lambda sdk, w: _os(sdk).get_available_os_versions(["raspberrypi3", "generic-amd64"]), "several"),
    Step("models.os.get_available_os_versions",
         lambda sdk, w: _os(sdk).get_available_os_versions("no-such-device-type"), "unknown device type"),
    Step("models.os.get_max_satisfying_version", lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE)),
    Step("models.os.get_max_satisfying_version",
         lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE, ">=5.0.0"), "a range"),
    Step("models.os.get_max_satisfying_version",
         lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE, "recommended"), "recommended"),
    Step("models.os.get_max_satisfying_version",
         lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE, "5.3.10+prod"), "exact"),
    Step("models.os.get_max_satisfying_version",
         lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE, ">=99.0.0"), "nothing matches"),
    Step("models.os.get_max_satisfying_version",
         lambda sdk, w: _os(sdk).get_max_satisfying_version(DEVICE_TYPE, "latest", "esr"), "esr"),
    Step("models.os.get_download_size", lambda sdk, w: _os(sdk).get_download_size(DEVICE_TYPE)),
    Step("models.os.get_download_size", lambda sdk, w: _os(sdk).get_download_size("raspberrypi3", "5.3.10+prod"),
         "a version"),
    Step("models.os.download", lambda sdk, w: _os(sdk).download(DEVICE_TYPE, "6.0.13+prod"),
         shape=_download_shape),
    Step("models.os.get_config", lambda sdk, w: _os(sdk).get_config(
        w.credentials["fleet"], {"version": "6.0.13", "network": "wifi", "wifiSsid": "parity", "wifiKey": "secret"})),
    Step("models.os.get_config",
         lambda sdk, w: _os(sdk).get_config(w.credentials["fleet"], {"network": "ethernet"}), "no version"),
    Step("models.os.get_supervisor_releases_for_cpu_architecture",
         lambda sdk, w: _os(sdk).get_supervisor_releases_for_cpu_architecture("aarch64"), keep="supervisor_releases"),
    Step("models.os.get_supervisor_releases_for_cpu_architecture",
         lambda sdk, w: _os(sdk).get_supervisor_releases_for_cpu_architecture(
             w.kept["device_type"]["is_of__cpu_architecture"]["__id"], {"$select": ["raw_version"]}),
         "by id, selected"),
    Step("models.os.get_supported_os_update_versions",
         lambda sdk, w: _os(sdk).get_supported_os_update_versions(DEVICE_TYPE, "5.3.10+prod")),
    Step("models.os.get_supported_os_update_versions",
         lambda sdk, w: _os(sdk).get_supported_os_update_versions(DEVICE_TYPE, "2.0.0"), "too old"),
    Step("models.os.is_architecture_compatible_with",
         lambda sdk, w: _os(sdk).is_architecture_compatible_with("aarch64", "armv7hf")),
    Step("models.os.is_architecture_compatible_with",
         lambda sdk, w: _os(sdk).is_architecture_compatible_with("armv7hf", "aarch64"), "incompatible"),
    Step("models.os.is_supported_os_update",
         lambda sdk, w: _os(sdk).is_supported_os_update(DEVICE_TYPE, "5.3.10+prod", "6.0.13+prod")),
    Step("models.os.is_supported_os_update",
         lambda sdk, w: _os(sdk).is_supported_os_update(DEVICE_TYPE, "6.0.13+prod", "5.3.10+prod"), "downgrade"),
]
