# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How resource names, literals and parameter aliases are written into an OData URL.

The output must match pine-client 0.2.0 byte for byte, quirks included (milliseconds of a
datetime are not zero-padded, and an aware datetime is shifted by adding its UTC offset).
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import quote

_SAFE = "~()*!'"
_TRAILING_COUNT = re.compile(r"(?:%2F|/)%24count$")


def encode_component(text):
    return quote(text, safe=_SAFE)


def escape_resource(resource):
    """A resource name or a navigation path (list of names), percent-encoded."""
    if isinstance(resource, str):
        encoded = encode_component(resource)
    else:
        encoded = "/".join(encode_component(part) for part in resource)
    return _TRAILING_COUNT.sub("/$count", encoded)


def escape_parameter_alias(name):
    if not isinstance(name, str):
        raise TypeError("Parameter alias reference must be a string, got: {0}".format(type(name)))
    return "@" + encode_component(name)


def odata_datetime(value):
    try:
        shifted = value + value.utcoffset()
    except TypeError:
        shifted = value
    millis = int(round(shifted.microsecond / 1000.0))
    return shifted.strftime("%Y-%m-%dT%H:%M:%S.") + str(millis) + "Z"


def escape_value(value):
    """Strings and datetimes become quoted literals; other primitives are returned untouched."""
    if isinstance(value, str):
        return "'" + encode_component(value.replace("'", "''")) + "'"
    if isinstance(value, datetime):
        return "datetime'" + odata_datetime(value) + "'"
    return value


def is_primitive(value):
    return value is None or isinstance(value, (str, int, float, bool, datetime))


def render_operand(value):
    """An escaped operand placed after an operator: None/True/False get their OData spelling."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "{0}".format(value)
