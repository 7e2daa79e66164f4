"""Names and values of environment, configuration and build variables."""
from __future__ import annotations

import re

from .base import ResourceHooks, WriteOp, register
from .messages import length_rule, refuse

_RESERVED_NAMES = ("RESIN", "BALENA", "USER")
_RESERVED_PREFIXES = ("RESIN_", "BALENA_")
_INVALID_ENV_NAME = re.compile(r"^\d|\W", re.ASCII)
_INVALID_CONFIG_NAME = re.compile(r"^[\d:]|[^A-Za-z0-9_:]")
_MAX_VALUE_LENGTH = 100_000


def check_env_var_name(name) -> None:
    if not isinstance(name, str):
        return
    if _INVALID_ENV_NAME.search(name):
        raise refuse("Environment variable names can only contain alphanumeric characters and underscores.")
    if name in _RESERVED_NAMES:
        raise refuse("Environment variables RESIN, BALENA, USER are reserved")
    if name.startswith(_RESERVED_PREFIXES):
        raise refuse("Environment variables beginning with RESIN_, BALENA_ are reserved.")


def check_config_var_name(name) -> None:
    if not isinstance(name, str):
        return
    if _INVALID_CONFIG_NAME.search(name):
        raise refuse("Configuration variable names can only contain alphanumeric characters, underscores or a colon")
    if name in _RESERVED_NAMES:
        raise refuse("Configuration variables RESIN, BALENA, USER are reserved")
    if not name.startswith(_RESERVED_PREFIXES):
        raise refuse("Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_")


def check_value(value, subject: str) -> None:
    if not isinstance(value, str):
        return
    if "\r" in value or "\n" in value:
        raise refuse("Variable values cannot contain line break characters")
    if len(value) > _MAX_VALUE_LENGTH:
        raise length_rule(subject, "value", None, _MAX_VALUE_LENGTH)


class VariableHooks(ResourceHooks):
    def __init__(self, resource: str, subject: str, name_check):
        self.resource = resource
        self.subject = subject
        self.name_check = name_check

    def before_create(self, op: WriteOp) -> None:
        self._check(op)

    def before_update(self, op: WriteOp) -> None:
        self._check(op)

    def _check(self, op: WriteOp) -> None:
        if "name" in op.values:
            self.name_check(op.values["name"])
        if "value" in op.values:
            check_value(op.values["value"], self.subject)


for _resource, _subject, _check in (
    ("application_environment_variable", "application environment variable", check_env_var_name),
    ("device_environment_variable", "device environment variable", check_env_var_name),
    ("service_environment_variable", "service environment variable", check_env_var_name),
    ("device_service_environment_variable", "device service environment variable", check_env_var_name),
    ("build_environment_variable", "build environment variable", check_env_var_name),
    ("image_environment_variable", "image environment variable", check_env_var_name),
    ("application_config_variable", "application config variable", check_config_var_name),
    ("device_config_variable", "device config variable", check_config_var_name),
):
    register(VariableHooks(_resource, _subject, _check))
