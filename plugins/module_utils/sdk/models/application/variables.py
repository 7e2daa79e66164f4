# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fleet tags and fleet variables (configuration, environment, build)."""

from __future__ import annotations

from ...dependent_resource import DependentResource, DependentSpec
from ...identifiers import application_navigation_filter
from ..base import Model


def rows_of_fleet(slug_or_uuid):
    return application_navigation_filter("application", slug_or_uuid)


class ApplicationDependent(Model):
    RESOURCE = ""
    KEY_FIELD = "name"

    def __init__(self, ctx):
        super(ApplicationDependent, self).__init__(ctx)
        spec = DependentSpec(self.RESOURCE, "application", self.KEY_FIELD, self.RESOURCE, self.resolve.application, rows_of_fleet)
        self.dependent = DependentResource(self.pine, spec)

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_by_parent(slug_or_uuid_or_id, options)


class ApplicationVariable(ApplicationDependent):
    def get(self, slug_or_uuid_or_id, env_var_name):
        return self.dependent.get(slug_or_uuid_or_id, env_var_name)

    def set(self, slug_or_uuid_or_id, env_var_name, value):
        self.dependent.set(slug_or_uuid_or_id, env_var_name, value)

    def remove(self, slug_or_uuid_or_id, key):
        self.dependent.remove(slug_or_uuid_or_id, key)


class ApplicationTag(ApplicationDependent):
    RESOURCE, KEY_FIELD = "application_tag", "tag_key"

    def set(self, slug_or_uuid_or_id, tag_key, value):
        self.dependent.set(slug_or_uuid_or_id, tag_key, value)

    def remove(self, slug_or_uuid_or_id, tag_key):
        self.dependent.remove(slug_or_uuid_or_id, tag_key)


class ApplicationConfigVariable(ApplicationVariable):
    RESOURCE = "application_config_variable"


class ApplicationEnvVariable(ApplicationVariable):
    RESOURCE = "application_environment_variable"


class BuildEnvVariable(ApplicationVariable):
    RESOURCE = "build_environment_variable"
