# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Resolving what an OS module is about (a device type, a balenaOS release) or failing on the option that names it."""

from __future__ import annotations

import difflib

from .errors import ParameterError
from .os_version_choice import choose_release
from .parents import identifier
from .sdk.exceptions import DeviceNotFound, InvalidDeviceType, InvalidParameter


def device_type_slug(module, name, option="device_type"):
    """The slug of the device type ``name`` (a slug or an alias), or ParameterError on ``option``."""
    try:
        return module.client.models.device_type.get(name, {"$select": "slug"})["slug"]
    except InvalidDeviceType:
        pass
    slugs = [row["slug"] for row in module.client.models.device_type.get_all({"$select": "slug"})]
    close = difflib.get_close_matches(name, slugs, n=3, cutoff=0.8)
    raise ParameterError(option, "no device type is named {0!r}{1}".format(
        name, "; did you mean {0}?".format(", ".join(close)) if close else ""))


def os_release(module, slug, version, variant):
    """The available balenaOS release of device type ``slug`` that ``version`` and ``variant`` name."""
    with module.step("listing the balenaOS versions of device type " + slug):
        releases = module.client.models.os.get_available_os_versions(slug)
    return choose_release(releases, slug, version, variant)


def find_device(module, value, options, option="device"):
    """The device whose uuid or numeric id (digits in a string too) is ``value``, or ParameterError on ``option``."""
    try:
        return module.client.models.device.get(identifier(value), options)
    except DeviceNotFound:
        raise ParameterError(option, "no device has uuid or id {0!r}".format(value)) from None
    except InvalidParameter:
        raise ParameterError(option, "{0!r} is not a device uuid or numeric id; expected a uuid or a numeric id".format(value)) from None
