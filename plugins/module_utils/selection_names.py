# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Why a selection of devices came back empty: a typo in a name it gives, or truly no match.

A selection that matched devices proves that every fleet, organization and device type it names
exists, so the names are only looked up when it matched nothing: a name that does not exist is a
failure that says so, and an empty match is a warning (or a failure with ``fail_on_empty``).
"""

from __future__ import annotations

from .errors import ParameterError
from .parents import identifier
from .sdk.exceptions import ApplicationNotFound

FAIL_ON_EMPTY_SPEC = {"fail_on_empty": {"type": "bool", "default": False}}


def _fleet_exists(balena, fleet):
    try:
        balena.models.application.get(identifier(fleet), {"$select": "id"})
    except ApplicationNotFound:
        return False
    return True


def _organization_key(value):
    text = str(value).strip()
    return {"id": int(text)} if text.isdigit() else {"handle": text}


def _exists(balena, resource, where):
    return bool(balena.pine.get({"resource": resource, "options": {"$select": "id", "$top": 1, "$filter": where}}))


def check_names(balena, names, prefix=""):
    """Fail on the first of ``{"fleet": .., "organization": .., "device_type": ..}`` (values may be
    None) that names nothing the API key can see; the parameter is ``prefix`` + the key."""
    checks = (
        ("fleet", lambda value: _fleet_exists(balena, value)),
        ("organization", lambda value: _exists(balena, "organization", _organization_key(value))),
        ("device_type", lambda value: _exists(balena, "device_type", {"slug": value})),
    )
    for key, exists in checks:
        value = names.get(key)
        if value is not None and not exists(value):
            raise ParameterError(prefix + key, "{0} {1!r} does not exist, or the API key may not see it".format(
                key.replace("_", " "), value))


def explain_empty(module, names, prefix, what, noun="device", parameter="fail_on_empty"):
    """After a selection ``what`` matched no ``noun``: fail on a name that does not exist, then warn,
    or fail when ``fail_on_empty`` asks for it, naming ``parameter`` (the option that selected)."""
    check_names(module.client, names, prefix)
    message = "no {0} matches {1}".format(noun, what)
    if module.params.get("fail_on_empty"):
        if parameter != "fail_on_empty":
            message += "; set fail_on_empty: false to accept an empty match"
        raise ParameterError(parameter, message)
    module.module.warn(message)
