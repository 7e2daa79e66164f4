# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.os``: balenaOS versions, images, configuration and supervisor releases."""

from __future__ import annotations

from ..exceptions import ApplicationNotFound, OsUpdateError
from ..hup import get_hup_action_type
from ..identifiers import device_type_filter, is_id
from ..pine import merge
from ..semver_tools import Version, normalize, parse
from .base import Model
from .os_releases import OS_TYPE_DEFAULT, is_architecture_compatible, versions_by_device_type

RELEASE_SELECT = ["id", "known_issue_list", "raw_version", "variant", "phase"]
LISTED_BY_DEFAULT = {"$filter": {"is_final": True, "is_invalidated": False, "status": "success"}}
SUPERVISOR_ORDER = [{"semver_major": "desc"}, {"semver_minor": "desc"}, {"semver_patch": "desc"}, {"revision": "desc"}]

__all__ = ["DeviceOs", "is_architecture_compatible"]


def supervisor_release_filter(cpu_architecture_slug_or_id):
    if is_id(cpu_architecture_slug_or_id):
        architecture = cpu_architecture_slug_or_id
    else:
        architecture = {"$any": {"$alias": "c", "$expr": {"c": {"slug": cpu_architecture_slug_or_id}}}}
    return {
        "status": "success",
        "is_final": True,
        "is_invalidated": False,
        "semver_major": {"$gt": 0},
        "belongs_to__application": {"$any": {"$alias": "a", "$expr": {
            "$and": [{"a": {"slug": {"$startswith": "balena_os/"}}}, {"a": {"slug": {"$endswith": "-supervisor"}}}],
            "a": {
                "is_public": True,
                "is_host": False,
                "is_for__device_type": {"$any": {"$alias": "dt", "$expr": {"dt": {"is_of__cpu_architecture": architecture}}}},
            },
        }}},
    }


class DeviceOs(Model):
    OS_UPDATE_ACTION_NAME = "resinhup"

    def _host_apps(self, device_type_filter, release_options):
        owns_release = merge({"$select": list(RELEASE_SELECT), "$expand": {"release_tag": {"$select": ["tag_key", "value"]}}}, release_options)
        return self.pine.get({"resource": "application", "options": {
            "$select": "is_for__device_type",
            "$expand": {
                "application_tag": {"$select": ["tag_key", "value"]},
                "is_for__device_type": {"$select": "slug"},
                "owns__release": owns_release,
            },
            "$filter": {
                "is_host": True,
                "is_for__device_type": {"$any": {"$alias": "dt", "$expr": {"dt": device_type_filter}}},
            },
        }})

    def _available_by_alias(self, device_type):
        """``(slug, available versions)`` for a device type named by slug or alias, in one request
        when it has host OS fleets; the device type is looked up only to explain an empty answer."""
        by_type = versions_by_device_type(self._host_apps(device_type_filter(device_type), LISTED_BY_DEFAULT))
        if by_type:
            slug = sorted(by_type)[0]
            return slug, by_type[slug]
        return self._slug(device_type), []

    def _versions(self, device_type, release_options):
        device_types = device_type if isinstance(device_type, list) else [device_type]
        by_type = versions_by_device_type(self._host_apps({"slug": {"$in": device_types}}, release_options))
        if isinstance(device_type, str):
            return by_type.get(device_type, [])
        return by_type

    def get_available_os_versions(self, device_type):
        return self._versions(device_type, LISTED_BY_DEFAULT)

    def get_all_os_versions(self, device_type, options={}):  # pylint: disable=dangerous-default-value
        return self._versions(device_type, options)

    def _slug(self, device_type):
        return self.resolve.device_type(device_type, {"$select": "slug"})["slug"]

    def get_download_size(self, device_type, version="latest"):
        size = self._request("GET", "/device-types/v1/%s/images/%s/download-size" % (self._slug(device_type), version))
        return float(size["size"])

    def get_max_satisfying_version(self, device_type, version_or_range="latest", os_type=None):
        versions = self._available_by_alias(device_type)[1]
        if os_type is not None:
            versions = [version for version in versions if version["os_type"] == os_type]
        recommended = next((version["raw_version"] for version in versions if version.get("is_recommended")), None)
        newest = versions[0]["raw_version"] if versions else None
        if version_or_range == "recommended":
            return recommended
        if version_or_range == "latest":
            return newest
        if version_or_range == "default":
            return recommended or newest
        raw_versions = [version["raw_version"] for version in versions]
        if version_or_range in raw_versions:
            return version_or_range
        candidates = [parsed for parsed in (parse(raw) for raw in raw_versions) if parsed is not None]
        try:
            satisfying = [parsed for parsed in candidates if parsed.match(version_or_range)]
        except ValueError:
            return None
        return str(max(satisfying)) if satisfying else None

    def download(self, device_type, version="latest", options={}):  # pylint: disable=dangerous-default-value
        if version == "latest":
            slug, versions = self._available_by_alias(device_type)
            versions = [v for v in versions if v["os_type"] == OS_TYPE_DEFAULT]
            version = next((v["raw_version"] for v in versions if v.get("is_recommended")), versions[0]["raw_version"] if versions else None)
        else:
            slug = self._slug(device_type)
            version = normalize(version)
        query = dict(options, deviceType=slug, version=version)
        return self._request("GET", "/download", qs=query, return_raw=True, stream=True)

    def get_config(self, slug_or_uuid_or_id, options):
        if options.get("version") is None:
            raise Exception("An OS version is required when calling os.getConfig")  # pylint: disable=broad-exception-raised
        options["network"] = options.get("network", "ethernet")
        body = dict(options, appId=self.resolve.application_id(slug_or_uuid_or_id))
        return self._request_mapping_404(ApplicationNotFound(slug_or_uuid_or_id), "POST", "/download-config", body=body)

    def is_supported_os_update(self, device_type, current_version, target_version):
        try:
            return get_hup_action_type(device_type, current_version, target_version) is not None
        except OsUpdateError:
            return False

    def get_supported_os_update_versions(self, device_type, current_version):
        all_versions = [
            version["raw_version"] for version in self._available_by_alias(device_type)[1]
            if version.get("os_type") == OS_TYPE_DEFAULT
        ]
        current_parsed = parse(current_version)
        # Build metadata counts here (2.1.0+prod is not 2.1.0+dev): compare the full strings.
        current = next((raw for raw in all_versions if current_parsed is not None and str(parse(raw)) == str(current_parsed)), None)
        versions = [raw for raw in all_versions if self.is_supported_os_update(device_type, current_version, raw)]
        recommended = next((raw for raw in versions if not Version.parse(raw).prerelease), None)
        return {"versions": versions, "recommended": recommended, "current": current}

    @staticmethod
    def is_architecture_compatible_with(os_architecture, application_architecture):
        return is_architecture_compatible(os_architecture, application_architecture)

    def get_supervisor_releases_for_cpu_architecture(self, cpu_architecture_slug_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": "release", "options": merge({
            "$select": ["id", "raw_version", "known_issue_list"],
            "$filter": supervisor_release_filter(cpu_architecture_slug_or_id),
            "$orderby": list(SUPERVISOR_ORDER),
        }, options)})
