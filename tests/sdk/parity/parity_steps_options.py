# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How a caller's pine options combine with a method's own: $select, $expand, $filter, $orderby,
$top and $skip given to methods that have defaults for some of them."""

from __future__ import annotations

from parity_scenario import Step


def _fleet(w):
    return w.credentials["fleet"]


def _uuid(w):
    return w.credentials["device"]["uuid"]


STEPS = [
    Step("models.device.get_all", lambda sdk, w: sdk.models.device.get_all(
        {"$select": "device_name", "$orderby": "id desc", "$top": 3, "$skip": 1}), "orderby, top and skip"),
    Step("models.device.get_all", lambda sdk, w: sdk.models.device.get_all(
        {"$select": ["device_name"], "$expand": "belongs_to__application", "$top": 2}), "expand as text"),
    Step("models.device.get_all_by_application", lambda sdk, w: sdk.models.device.get_all_by_application(
        _fleet(w), {"$filter": {"is_online": False}, "$select": ["device_name"]}), "a filter of the caller's"),
    Step("models.application.get_all", lambda sdk, w: sdk.models.application.get_all(
        {"$select": "slug", "$expand": {"owns__device": {"$select": "device_name", "$orderby": "device_name desc"}}}),
        "nested expand"),
    Step("models.application.get_with_device_service_details",
         lambda sdk, w: sdk.models.application.get_with_device_service_details(
             _fleet(w), {"$select": ["app_name"], "$expand": {"owns__device": {"$select": ["device_name"]}}}),
         "expand merged into the default one"),
    Step("models.device.get_with_service_details", lambda sdk, w: sdk.models.device.get_with_service_details(
        _uuid(w), {"$select": ["device_name"]}), "selected"),
    Step("models.release.get_all_by_application", lambda sdk, w: sdk.models.release.get_all_by_application(
        _fleet(w), {"$select": "raw_version", "$orderby": "id asc", "$top": 2, "$skip": 1}),
        "orderby replaces the default"),
    Step("models.os.get_supervisor_releases_for_cpu_architecture",
         lambda sdk, w: sdk.models.os.get_supervisor_releases_for_cpu_architecture(
             "aarch64", {"$filter": {"raw_version": "16.4.6"}}), "a filter of the caller's"),
    Step("models.device_type.get_all", lambda sdk, w: sdk.models.device_type.get_all(
        {"$select": "slug", "$filter": {"slug": {"$startswith": "raspberry"}}, "$orderby": "slug desc"}),
        "filter and orderby"),
    Step("models.api_key.get_all", lambda sdk, w: sdk.models.api_key.get_all(
        {"$select": ["name"], "$top": 1, "$skip": 1}), "top and skip"),
    Step("models.organization.membership.get_all_by_organization",
         lambda sdk, w: sdk.models.organization.membership.get_all_by_organization(
             w.credentials["organization"], {"$expand": {"user": {"$select": "username"}}}), "user expanded"),
    Step("models.device.tags.get_all", lambda sdk, w: sdk.models.device.tags.get_all(
        {"$filter": {"tag_key": "location"}, "$select": ["value"]}), "a filter of the caller's"),
    Step("models.image.get", lambda sdk, w: sdk.models.image.get(w.kept["latest_release_images"]["images"][0]["id"], {
        "$select": ["id", "build_log"], "$expand": {"is_a_build_of__service": {"$select": "service_name"}}}),
        "selected and expanded"),
    Step("models.device.get_all", lambda sdk, w: sdk.models.device.get_all({"$count": {"$filter": {"is_online": True}}}),
         "$count"),
    Step("models.device.get_all", lambda sdk, w: sdk.models.device.get_all({"$format": "json"}), "unknown option"),
]
