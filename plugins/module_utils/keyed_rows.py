# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every "key = value under a parent" resource of balena (variables and tags), described as data.

A new kind of variable or tag is one more ``KeyedRows`` line; the reads, the plan and the
batched writes are shared.
"""

from __future__ import annotations

import re

from .errors import ParameterError

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CONFIG_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_:]*$")
_RESERVED_NAMES = ("RESIN", "BALENA", "USER")
_RESERVED_PREFIXES = ("RESIN_", "BALENA_")
_RESERVED_TAG_PREFIXES = ("io.resin.", "io.balena.")


def env_var_name_problem(name):
    if not _ENV_NAME.match(name):
        return "may only contain letters, digits and underscores, and must not start with a digit"
    if name in _RESERVED_NAMES:
        return "is reserved (RESIN, BALENA and USER are)"
    if name.startswith(_RESERVED_PREFIXES):
        return "is reserved: environment variables beginning with RESIN_ or BALENA_ belong to balena"
    return None


def config_var_name_problem(name):
    if not _CONFIG_NAME.match(name) or name.startswith(":"):
        return "may only contain letters, digits, underscores and colons (not first)"
    if name in _RESERVED_NAMES:
        return "is reserved (RESIN, BALENA and USER are)"
    if not name.startswith(_RESERVED_PREFIXES):
        return "must start with BALENA_ or RESIN_ (configuration variables live in those namespaces)"
    return None


def variable_value_problem(value):
    if "\r" in value or "\n" in value:
        return "must not contain line breaks"
    if len(value) > 100000:
        return "is longer than 100000 characters"
    return None


def tag_key_checker(max_length):
    def problem(key):
        if not key or len(key) > max_length:
            return "must be 1 to {0} characters long".format(max_length)
        if re.search(r"\s", key):
            return "must not contain whitespace"
        if key.startswith(_RESERVED_TAG_PREFIXES):
            return "is reserved: tag keys beginning with io.balena. or io.resin. belong to balena"
        return None
    return problem


def tag_value_checker(max_length):
    def problem(value):
        return "is longer than {0} characters".format(max_length) if len(value) > max_length else None
    return problem


class KeyedRows:
    """One resource of ``key = value`` rows: its name, the link to its parent and its key field."""

    def __init__(self, resource, parent_field, key_field, noun, key_problem, value_problem):
        self.key_word = "key" if key_field == "tag_key" else "name"
        self.resource = resource
        self.parent_field = parent_field
        self.key_field = key_field
        self.noun = noun
        self.key_problem = key_problem
        self.value_problem = value_problem

    def expand(self):
        """The ``$expand`` entry that reads this resource's rows from its parent."""
        return {self.resource: {"$select": ["id", self.key_field, "value"], "$orderby": self.key_field + " asc"}}

    def check(self, desired, parameter):
        """Raise one ParameterError listing every key and value the API would reject."""
        problems = []
        for key in sorted(desired):
            problem = self.key_problem(key)
            if problem:
                problems.append("{0} {1} {2!r} {3}".format(self.noun, self.key_word, key, problem))
            value = desired[key]
            problem = value is not None and self.value_problem(value)
            if problem:
                problems.append("the value of {0} {1!r} {2}".format(self.noun, key, problem))
        if len(problems) == 1:
            raise ParameterError(parameter, problems[0])
        if problems:
            raise ParameterError(parameter, "{0} problems: {1}".format(len(problems), "; ".join(problems)))


def _variable(resource, parent_field, name_problem):
    return KeyedRows(resource, parent_field, "name", "variable", name_problem, variable_value_problem)


def _tag(resource, parent_field, max_key_length, max_value_length):
    return KeyedRows(resource, parent_field, "tag_key", "tag", tag_key_checker(max_key_length), tag_value_checker(max_value_length))


# (kind, level) -> rows. "fleet_service" is a service of a fleet; "device_service" is one
# service on one device (a service install).
VARIABLES = {
    ("env", "fleet"): _variable("application_environment_variable", "application", env_var_name_problem),
    ("config", "fleet"): _variable("application_config_variable", "application", config_var_name_problem),
    ("build", "fleet"): _variable("build_environment_variable", "application", env_var_name_problem),
    ("env", "device"): _variable("device_environment_variable", "device", env_var_name_problem),
    ("config", "device"): _variable("device_config_variable", "device", config_var_name_problem),
    ("env", "fleet_service"): _variable("service_environment_variable", "service", env_var_name_problem),
    ("env", "device_service"): _variable("device_service_environment_variable", "service_install", env_var_name_problem),
}

TAGS = {
    "fleet": _tag("application_tag", "application", 100, 1000),
    "device": _tag("device_tag", "device", 100, 10000),
    "release": _tag("release_tag", "release", 164, 1000),
    "organization_membership": _tag("organization_membership_tag", "organization_membership", 100, 1000),
}
