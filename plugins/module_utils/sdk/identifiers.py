# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How the SDK tells ids, uuids, slugs, handles and natural keys apart.

Pure functions only: every model turns a user-given identifier into an OData key or
``$filter`` here, so the rules live in one place.
"""

from __future__ import annotations

import numbers

from .exceptions import ApplicationNotFound, DeviceNotFound, InvalidParameter

FULL_UUID_LENGTHS = (32, 62)


def is_id(value):
    """A numeric database id (booleans are not ids)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_full_uuid(value):
    """A full device or fleet uuid: a 32- or 62-character string."""
    return isinstance(value, str) and len(value) in FULL_UUID_LENGTHS


def application_filter(slug_or_uuid):
    """``$filter`` matching a fleet by slug or uuid (both are stored lower-case); anything but a
    non-empty string names no fleet."""
    if not isinstance(slug_or_uuid, str) or not slug_or_uuid:
        raise ApplicationNotFound(slug_or_uuid)
    value = slug_or_uuid.lower()
    return {"$or": {"slug": value, "uuid": value}}


def application_key_filter(slug_or_uuid_or_id):
    """``$filter`` matching a fleet given by id, slug or uuid."""
    if is_id(slug_or_uuid_or_id):
        return {"id": slug_or_uuid_or_id}
    return application_filter(slug_or_uuid_or_id)


def navigation_filter(navigation, alias, target_filter):
    """``nav/any(alias: ...)`` over a filter written for the target resource."""
    return {navigation: {"$any": {"$alias": alias, "$expr": _prefix_filter(alias, target_filter)}}}


def _prefix_filter(alias, target_filter):
    if "$or" in target_filter and len(target_filter) == 1:
        terms = target_filter["$or"]
        items = terms.items() if isinstance(terms, dict) else [next(iter(t.items())) for t in terms]
        return {"$or": [{alias: {key: value}} for key, value in items]}
    return {alias: target_filter}


def application_navigation_filter(navigation, slug_or_uuid_or_id, alias="a"):
    """Filter a resource through its link to a fleet, without knowing the fleet id."""
    if is_id(slug_or_uuid_or_id):
        return {navigation: slug_or_uuid_or_id}
    return navigation_filter(navigation, alias, application_filter(slug_or_uuid_or_id))


def device_key(uuid_or_id, parameter_name="uuid_or_id"):
    """The OData key of a device: its id, or ``{"uuid": ...}`` for a full uuid."""
    if uuid_or_id is None:
        raise DeviceNotFound(uuid_or_id)
    if is_id(uuid_or_id):
        return uuid_or_id
    if is_full_uuid(uuid_or_id):
        return {"uuid": uuid_or_id}
    raise InvalidParameter(parameter_name, uuid_or_id)


def device_filter(uuid_or_id, parameter_name="uuid_or_id"):
    """``$filter`` matching one device given by id or full uuid."""
    key = device_key(uuid_or_id, parameter_name)
    return key if isinstance(key, dict) else {"id": key}


def device_navigation_filter(navigation, uuid_or_id, alias="d"):
    """Filter a resource through its link to a device, without knowing the device id."""
    key = device_key(uuid_or_id)
    if isinstance(key, dict):
        return navigation_filter(navigation, alias, key)
    return {navigation: key}


def organization_key(handle_or_id):
    """The OData key of an organization: its id or ``{"handle": ...}``."""
    if handle_or_id is None:
        raise InvalidParameter("handle_or_id", handle_or_id)
    if is_id(handle_or_id):
        return handle_or_id
    return {"handle": handle_or_id}


def organization_navigation_filter(navigation, handle_or_id, alias="o"):
    key = organization_key(handle_or_id)
    if isinstance(key, dict):
        return navigation_filter(navigation, alias, key)
    return {navigation: key}


def release_filter(commit_or_id_or_raw_version):
    """``$filter`` matching a release by id, full commit or ``{application, raw_version}``."""
    value = commit_or_id_or_raw_version
    if is_id(value):
        return {"id": value}
    if isinstance(value, str) and value:
        return {"commit": value}
    if isinstance(value, dict) and "application" in value and "raw_version" in value:
        return {
            "raw_version": value["raw_version"],
            **application_navigation_filter("belongs_to__application", value["application"]),
        }
    raise InvalidParameter("commit_or_id_or_raw_version", value)


def device_type_filter(slug_or_alias):
    """``$filter`` matching a device type by any of its aliases (the slug is one)."""
    return {
        "device_type_alias": {
            "$any": {"$alias": "dta", "$expr": {"dta": {"is_referenced_by__alias": slug_or_alias}}},
        },
    }


def is_membership_key(value, parent_field):
    """A link-table natural key such as ``{"user": 1, "is_member_of__application": 2}``."""
    return isinstance(value, dict) and set(value) == {"user", parent_field}
