# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading fleets."""

from __future__ import annotations

from ...exceptions import AmbiguousApplication, ApplicationNotFound, InvalidParameter
from ...identifiers import is_id, organization_navigation_filter
from ...pine import merge
from ...resolver import ACCESS_FILTER, single
from ..service_details import current_services_expand, with_current_services

DIRECTLY_ACCESSIBLE = "directly_accessible"


def access_filter(context):
    return dict(ACCESS_FILTER) if context == DIRECTLY_ACCESSIBLE else {}


class ApplicationQueries:
    def get_all(self, options={}, context=DIRECTLY_ACCESSIBLE):  # pylint: disable=dangerous-default-value
        defaults = {"$orderby": "app_name asc"}
        if context == DIRECTLY_ACCESSIBLE:
            defaults = {"$filter": access_filter(context), "$orderby": "app_name asc"}
        return self.pine.get({"resource": "application", "options": merge(defaults, options)})

    def get_all_directly_accessible(self, options={}):  # pylint: disable=dangerous-default-value
        return self.get_all(options, DIRECTLY_ACCESSIBLE)

    def get(self, slug_or_uuid_or_id, options={}, context=None):  # pylint: disable=dangerous-default-value
        return self.resolve.application(slug_or_uuid_or_id, options, context)

    def get_directly_accessible(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.get(slug_or_uuid_or_id, options, DIRECTLY_ACCESSIBLE)

    def get_with_device_service_details(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        expand = {"$expand": {"owns__device": {"$expand": current_services_expand(True)}}}
        app = self.get(slug_or_uuid_or_id, merge(expand, options))
        if app.get("owns__device") is not None:
            app["owns__device"] = [with_current_services(device) for device in app["owns__device"]]
        return app

    def get_by_name(self, app_name, options={}, context=DIRECTLY_ACCESSIBLE):  # pylint: disable=dangerous-default-value
        app_filter = dict(access_filter(context), app_name=app_name)
        apps = self.pine.get({"resource": "application", "options": merge({"$filter": app_filter}, options)})
        return single(apps, ApplicationNotFound(app_name), AmbiguousApplication(app_name))

    def get_all_by_organization(self, org_handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        # Filter through the organization link; look the organization up only to explain an empty answer.
        app_filter = organization_navigation_filter("organization", org_handle_or_id)
        apps = self.pine.get({"resource": "application", "options": merge({"$filter": app_filter}, options)})
        if not apps:
            self.resolve.organization(org_handle_or_id, {"$select": "id"})
        return apps

    def has(self, slug_or_uuid_or_id):
        try:
            self.get(slug_or_uuid_or_id, {"$select": ["id"]})
            return True
        except ApplicationNotFound:
            return False

    def has_any(self):
        return len(self.get_all({"$select": ["id"], "$top": 1}, DIRECTLY_ACCESSIBLE)) > 0

    def get_id(self, slug_or_uuid_or_id):
        return self.resolve.application_id(slug_or_uuid_or_id)

    def get_dashboard_url(self, app_id):
        if isinstance(app_id, str):
            if not app_id.isdigit():
                raise InvalidParameter("app_id", app_id)
            app_id = int(app_id)
        if not is_id(app_id):
            raise InvalidParameter("app_id", app_id)
        return self._dashboard_url("/apps/%d" % app_id)
