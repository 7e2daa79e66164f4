# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Look up fleets, devices, organizations, releases and device types by any identifier.

Every model resolves identifiers through one ``Resolver`` so that the rules (and the
exceptions raised for missing or ambiguous matches) are the same everywhere.
"""

from __future__ import annotations

from .exceptions import (
    AmbiguousApplication,
    AmbiguousRelease,
    ApplicationNotFound,
    DeviceNotFound,
    InvalidParameter,
    InvalidDeviceType,
    OrganizationNotFound,
    ReleaseNotFound,
)
from .identifiers import (
    application_filter,
    device_key,
    device_type_filter,
    is_id,
    organization_key,
    release_filter,
)
from .pine import expand_as_dict, merge

REFERENCE_NAVIGATIONS = {"is_of__cpu_architecture"}
ACCESS_FILTER = {"is_directly_accessible_by__user": {"$any": {"$alias": "dau", "$expr": {"1": 1}}}}


def single(items, not_found, ambiguous=None):
    """The only element of ``items``; ``not_found``/``ambiguous`` are raised otherwise."""
    if not items:
        raise not_found
    if len(items) > 1 and ambiguous is not None:
        raise ambiguous
    return items[0]


class Resolver:
    def __init__(self, pine):
        self.pine = pine

    def application(self, slug_or_uuid_or_id, options=None, context=None):
        access = dict(ACCESS_FILTER) if context == "directly_accessible" else None
        if is_id(slug_or_uuid_or_id):
            app = self.pine.get({
                "resource": "application",
                "id": slug_or_uuid_or_id,
                "options": merge({"$filter": access} if access else {}, options or {}),
            })
            if app is None:
                raise ApplicationNotFound(slug_or_uuid_or_id)
            return app
        app_filter = application_filter(slug_or_uuid_or_id)
        if access:
            app_filter = dict(access, **app_filter)
        apps = self.pine.get({"resource": "application", "options": merge({"$filter": app_filter}, options or {})})
        return single(apps, ApplicationNotFound(slug_or_uuid_or_id), AmbiguousApplication(slug_or_uuid_or_id))

    def application_id(self, slug_or_uuid_or_id):
        if is_id(slug_or_uuid_or_id):
            return slug_or_uuid_or_id
        return self.application(slug_or_uuid_or_id, {"$select": "id"})["id"]

    def device(self, uuid_or_id, options=None):
        key = device_key(uuid_or_id)
        device = self.pine.get({"resource": "device", "id": key, "options": merge({}, options or {})})
        if device is None:
            raise DeviceNotFound(uuid_or_id)
        return device

    def device_id(self, uuid_or_id):
        if is_id(uuid_or_id):
            return uuid_or_id
        return self.device(uuid_or_id, {"$select": "id"})["id"]

    def organization(self, handle_or_id, options=None):
        org = self.pine.get({
            "resource": "organization",
            "id": organization_key(handle_or_id),
            "options": merge({}, options or {}),
        })
        if org is None:
            raise OrganizationNotFound(handle_or_id)
        return org

    def organization_id(self, handle_or_id):
        if is_id(handle_or_id):
            return handle_or_id
        return self.organization(handle_or_id, {"$select": "id"})["id"]

    def release(self, commit_or_id_or_raw_version, options=None):
        """A release by id, full commit or ``{application, raw_version}`` in one request.

        A raw version is filtered through the fleet's slug/uuid inside the same request;
        the fleet is looked up separately only to tell a missing fleet from a missing release.
        """
        value = commit_or_id_or_raw_version
        if value is None:
            raise ReleaseNotFound(value)
        if value == "":
            raise InvalidParameter("commit_or_id_or_raw_version", None)
        if is_id(value):
            release = self.pine.get({"resource": "release", "id": value, "options": merge({}, options or {})})
            if release is None:
                raise ReleaseNotFound(value)
            return release
        releases = self.pine.get({"resource": "release", "options": merge({"$filter": release_filter(value)}, options or {})})
        if not releases and isinstance(value, dict):
            self.application_id(value["application"])
        return single(releases, ReleaseNotFound(str(value)), AmbiguousRelease(str(value)))

    def release_id(self, commit_or_id_or_raw_version):
        if is_id(commit_or_id_or_raw_version):
            return commit_or_id_or_raw_version
        return self.release(commit_or_id_or_raw_version, {"$select": "id"})["id"]

    def device_type(self, id_or_slug, options=None):
        """A device type by id, slug or alias. Device types and their CPU architecture do not
        change, so such lookups are remembered per SDK instance; any other expansion is not."""
        if not (is_id(id_or_slug) or (isinstance(id_or_slug, str) and id_or_slug)):
            raise InvalidDeviceType(id_or_slug)
        expanded = set(expand_as_dict((options or {}).get("$expand")))
        if expanded <= REFERENCE_NAVIGATIONS:
            cache = self.pine.reference_cache
            device_type = cache.get_or_fetch(cache.key("device_type", id_or_slug, options or {}),
                                             lambda: self._fetch_device_type(id_or_slug, options))
        else:
            device_type = self._fetch_device_type(id_or_slug, options)
        if device_type is None:
            raise InvalidDeviceType(id_or_slug)
        return device_type

    def _fetch_device_type(self, id_or_slug, options):
        if is_id(id_or_slug):
            return self.pine.get({"resource": "device_type", "id": id_or_slug, "options": merge({}, options or {})})
        found = self.pine.get({
            "resource": "device_type",
            "options": merge({"$top": 1, "$filter": device_type_filter(id_or_slug), "$orderby": "name asc"}, options or {}),
        })
        return found[0] if found else None
