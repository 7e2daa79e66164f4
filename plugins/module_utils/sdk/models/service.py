# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.service``: a fleet's services and their variables."""

from __future__ import annotations

from ..dependent_resource import DependentResource, DependentSpec
from ..exceptions import InvalidParameter, ServiceNotFound
from ..identifiers import application_navigation_filter, is_id, navigation_filter
from ..pine import merge
from ..resolver import single
from .base import Model

VAR_RESOURCE = "service_environment_variable"


class Service(Model):
    def __init__(self, ctx):
        super(Service, self).__init__(ctx)
        self.var = ServiceEnvVariable(ctx)

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.resolve.application(slug_or_uuid_or_id, {"$select": "id", "$expand": {"service": merge({}, options)}})["service"]


class ServiceEnvVariable(Model):
    def __init__(self, ctx):
        super(ServiceEnvVariable, self).__init__(ctx)
        self.dependent = DependentResource(self.pine, DependentSpec(VAR_RESOURCE, "service", "name", VAR_RESOURCE, self._service))

    def _service(self, service_id_or_natural_key, options):
        """A service by id or by ``{application, service_name}``, in one request either way."""
        key = service_id_or_natural_key
        if is_id(key):
            found = self.pine.get({"resource": "service", "id": key, "options": options})
            if found is None:
                raise ServiceNotFound(key)
            return found
        if not isinstance(key, dict) or set(key) != {"application", "service_name"}:
            raise InvalidParameter("service_id_or_natural_key", key)
        service_filter = dict(application_navigation_filter("application", key["application"]), service_name=key["service_name"])
        services = self.pine.get({"resource": "service", "options": merge({"$filter": service_filter}, options)})
        if not services:
            self.resolve.application(key["application"], {"$select": "id"})
        return single(services, ServiceNotFound(key["service_name"]))

    def get_all_by_service(self, service_id_or_natural_key, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_by_parent(service_id_or_natural_key, options)

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        by_app = navigation_filter("service", "s", application_navigation_filter("application", slug_or_uuid_or_id))

        def confirm():
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return self.dependent.get_all_filtered(by_app, options, confirm)

    def get(self, service_id_or_natural_key, key):
        return self.dependent.get(service_id_or_natural_key, key)

    def set(self, service_id_or_natural_key, key, value):
        self.dependent.set(service_id_or_natural_key, key, value)

    def remove(self, service_id_or_natural_key, key):
        self.dependent.remove(service_id_or_natural_key, key)
