# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Creating, renaming and removing fleets, and fleet-wide device settings."""

from __future__ import annotations

from ...batching import NUMERIC_ID_CHUNK_SIZE, chunks, fetch_all, ids_filter
from ...exceptions import (
    AmbiguousApplication,
    ApplicationNotFound,
    BalenaDiscontinuedDeviceType,
    InvalidParameter,
    RequestError,
)
from ...identifiers import application_key_filter, application_navigation_filter, is_id
from ..base import strip_quotes
from ..clock import now_ms


class ApplicationWrites:
    def create(self, name, device_type, organization, application_class=None):
        if organization is None:
            raise InvalidParameter("organization", organization)
        # Sent one after the other: an unknown device type must not cost an organization lookup.
        device_type_id = self._supported_device_type_id(device_type)
        organization_id = self.resolve.organization(organization, {"$select": "id"})["id"]
        body = {"app_name": name, "is_for__device_type": device_type_id, "organization": organization_id}
        if application_class is not None:
            body["is_of__class"] = application_class
        return self.pine.post({"resource": "application", "body": body})

    def _supported_device_type_id(self, device_type):
        found = self.resolve.device_type(device_type, {
            "$select": "id",
            "$expand": {"is_default_for__application": {"$select": "is_archived", "$filter": {"is_host": True}}},
        })
        host_apps = found.get("is_default_for__application") or []
        if host_apps and all(app["is_archived"] for app in host_apps):
            raise BalenaDiscontinuedDeviceType(device_type)
        return found["id"]

    def remove(self, slug_or_uuid_or_id_or_ids):
        target = slug_or_uuid_or_id_or_ids
        if isinstance(target, list):
            apps = fetch_all(self.get_all, target, "slug_or_uuid_or_id_or_ids", [], ApplicationNotFound, AmbiguousApplication)
            for chunk in chunks([app["id"] for app in apps], NUMERIC_ID_CHUNK_SIZE):
                self.pine.delete({"resource": "application", "options": {"$filter": ids_filter(chunk)}})
            return
        app_id = self.get_id(target)
        try:
            self.pine.delete({"resource": "application", "id": app_id})
        except RequestError as error:
            if error.status_code == 404:
                raise ApplicationNotFound(str(target)) from None
            raise

    def rename(self, slug_or_uuid_or_id, new_name):
        self.pine.patch({"resource": "application", "id": self.get_id(slug_or_uuid_or_id), "body": {"app_name": new_name}})

    def generate_provisioning_key(self, slug_or_uuid_or_id, key_name=None, description=None, expiry_date=None):
        body = {
            "actorType": "application",
            "actorTypeId": self.get_id(slug_or_uuid_or_id),
            "roles": ["provisioning-api-key"],
            "name": key_name,
            "description": description,
            "expiryDate": expiry_date,
        }
        return strip_quotes(self._request_mapping_404(ApplicationNotFound(slug_or_uuid_or_id), "POST", "/api-key/v1/", body=body))

    def grant_support_access(self, slug_or_uuid_or_id, expiry_timestamp):
        if expiry_timestamp is None or expiry_timestamp <= now_ms():
            raise InvalidParameter("expiry_timestamp", expiry_timestamp)
        self._set_support_until(slug_or_uuid_or_id, expiry_timestamp)

    def revoke_support_access(self, slug_or_uuid_or_id):
        self._set_support_until(slug_or_uuid_or_id, None)

    def _set_support_until(self, slug_or_uuid_or_id, value):
        body = {"is_accessible_by_support_until__date": value}
        if is_id(slug_or_uuid_or_id):
            self.pine.patch({"resource": "application", "id": slug_or_uuid_or_id, "body": body})
            return
        self._patch_fleet_rows("application", application_key_filter, slug_or_uuid_or_id, body)

    def enable_device_urls(self, slug_or_uuid_or_id):
        self._set_device_urls(slug_or_uuid_or_id, True)

    def disable_device_urls(self, slug_or_uuid_or_id):
        self._set_device_urls(slug_or_uuid_or_id, False)

    def _set_device_urls(self, slug_or_uuid_or_id, enabled):
        def devices_of(fleet):
            return application_navigation_filter("belongs_to__application", fleet)
        self._patch_fleet_rows("device", devices_of, slug_or_uuid_or_id, {"is_web_accessible": enabled})

    def _patch_fleet_rows(self, resource, rows_of, slug_or_uuid_or_id, body):
        """PATCH the rows ``rows_of(fleet)`` names by the fleet's own key, sent together with the
        fleet lookup, which is only there to raise ApplicationNotFound: a PATCH that matches no
        row is a silent no-op on the API."""
        patch = {"resource": resource, "options": {"$filter": rows_of(slug_or_uuid_or_id)}, "body": body}
        self.pine.parallel.run(
            lambda: self.resolve.application(slug_or_uuid_or_id, {"$select": "id"}),
            lambda: self.pine.patch(patch),
        )
