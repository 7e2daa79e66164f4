# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turns pine ``params`` (resource, id, options) into the OData path and query string.

The output is byte-identical to pine-client 0.2.0: options keep their dict order, values are
escaped the same way, and the same inputs are rejected.
"""

from __future__ import annotations

import re

from .filters import FilterError, compile_filter
from .values import escape_parameter_alias, escape_resource, escape_value, is_primitive

QUERY_OPTIONS = frozenset(("$select", "$filter", "$expand", "$orderby", "$top", "$skip", "$format"))
_EXAMPLES = {
    "$filter": "$filter: a: $op: [b: $count: ... ]",
    "$expand": "$expand: a: $count: ...",
    "$orderby": "$orderby: { a: { $count: ... }, $dir: 'asc' }",
}
_DEPRECATED_COUNT_ORDER = re.compile(r"/\$count\b")

PineCompileError = FilterError


def compile_params(params):
    """The path and query of a pine request, relative to the API prefix (``/v7/``)."""
    url = params.get("url")
    if url is not None:
        return url
    resource = params.get("resource")
    if resource is None:
        raise PineCompileError("Either the url or resource must be specified.")
    path = escape_resource(resource)
    options = params.get("options")
    if options is not None and options.get("$count") is not None:
        if len(options) > 1:
            raise PineCompileError("When using '$expand: a: $count: ...' you can only specify $count, got: '{0}'".format(list(options)))
        path += "/$count"
        options = options["$count"]
    identifier = params.get("id")
    if identifier is not None:
        path += "(" + _key(identifier) + ")"
    if options:
        path += "?" + "&".join(_query_option(key, value) for key, value in options.items())
    return path


def _key(identifier):
    if isinstance(identifier, dict):
        if "@" in identifier:
            return escape_parameter_alias(identifier["@"])
        return ",".join(name + "=" + _key_part(value) for name, value in identifier.items())
    escaped = escape_value(identifier)
    return "" if escaped is None else str(escaped)


def _key_part(value):
    if isinstance(value, dict) and "@" in value:
        return escape_parameter_alias(value["@"])
    return str(escape_value(value))


def _query_option(key, value):
    if key[0] == "$" and key not in QUERY_OPTIONS:
        raise PineCompileError("Unknown key option '{0}'".format(key))
    return build_option(key, value)


def build_option(option, value):
    if option == "$filter":
        text = compile_filter(value)
    elif option == "$expand":
        text = build_expand(value)
    elif option == "$orderby":
        text = build_orderby(value)
    elif option in ("$top", "$skip"):
        if not isinstance(value, int):
            raise PineCompileError("'{0}' option has to be a number".format(option))
        text = str(value)
    elif option == "$select":
        if isinstance(value, list):
            if not value:
                raise PineCompileError("'{0}' arrays have to have at least 1 element".format(option))
            text = ",".join(value)
        elif isinstance(value, str):
            text = value
        else:
            raise PineCompileError("'{0}' option has to be either a string or array".format(option))
    else:
        text = _custom_option(option, value)
    return option + "=" + text


def _custom_option(option, value):
    if option[0] == "@":
        if not is_primitive(value):
            raise PineCompileError("Unknown type for parameter alias option '{0}': {1}".format(option, type(value)))
        return str(escape_value(value))
    if isinstance(value, list):
        return ",".join(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    raise PineCompileError("Unknown type for option {0}".format(type(value)))


def build_expand(expand):
    if is_primitive(expand):
        return escape_resource(expand)
    if isinstance(expand, list):
        if not expand:
            raise PineCompileError("Expand arrays must have at least 1 elements, got: {0}".format(expand))
        return ",".join(build_expand(item) for item in expand)
    if isinstance(expand, dict):
        return ",".join(_expand_entry(key, value) for key, value in expand.items())
    raise PineCompileError("Unknown type for expand '${0}'".format(type(expand)))


def _expand_entry(key, value):
    if key[0] == "$":
        raise PineCompileError("Cannot have expand options without first expanding something!")
    if is_primitive(value):
        raise PineCompileError("'$expand: {0}: {1}' is invalid, use '$expand: {0}: $expand: ${1}' instead.".format(key, value))
    if isinstance(value, list):
        raise PineCompileError("'$expand: {0}: [...]' is invalid, use '$expand: {0}: {{...}}' instead.".format(key))
    if key.endswith("/$count"):
        raise PineCompileError("'`$expand: { 'a/$count': {...} }` is deprecated, please use `$expand: { a: { $count: {...} } }` instead.")
    return scoped_options("$expand", value, key)


def scoped_options(context, options, path):
    """``path(opt=...;opt=...)``: the options of one expanded navigation, or a ``$count`` of it."""
    if "$count" in options:
        if len(options) > 1:
            raise PineCompileError("When using {0}you can only specify $count, got: {1}".format(_EXAMPLES[context], list(options)))
        options = options["$count"]
        path += "/$count"
        allowed = 1 if "$filter" in options else 0
        if len(options) > allowed:
            if context == "$expand":
                raise PineCompileError(
                    "using OData options other than $filter in a '$expand: { a: { $count: {...} } }' is not allowed, please remove them.")
            raise PineCompileError("When using {0} you can only specify $filter in the $count, got {1}".format(_EXAMPLES[context], list(options)))
    parts = []
    for key, value in options.items():
        if key[0] != "$":
            if context == "$expand":
                raise PineCompileError("'$expand: {0}: ${1}: ...' is invalid, use '$expand: {0}: $expand:{1}: ...' instead.".format(path, key))
            raise PineCompileError("'${0}: ${1}: ${2}: ...' is invalid.".format(context, path, key))
        if key not in QUERY_OPTIONS:
            raise PineCompileError("Unknown key option '{0}'".format(key))
        parts.append(build_option(key, value))
    inner = ";".join(parts)
    return escape_resource(path) + ("(" + inner + ")" if inner else "")


def build_orderby(orderby):
    if isinstance(orderby, str):
        if _DEPRECATED_COUNT_ORDER.search(orderby):
            raise PineCompileError("'`$orderby: 'a/$count'` is deprecated, please use `$orderby: { a: { $count: {...} } }`instead.")
        return orderby
    if isinstance(orderby, list):
        if not orderby:
            raise PineCompileError("'$orderby' arrays have to have at least 1 element")
        for item in orderby:
            if isinstance(item, list):
                raise PineCompileError("'$orderby' cannot have nested arrays")
        return ",".join(build_orderby(item) for item in orderby)
    if isinstance(orderby, dict):
        default_direction = orderby.get("$dir")
        terms = [_order_term(key, value, default_direction) for key, value in orderby.items() if key != "$dir"]
        if len(terms) != 1:
            raise PineCompileError("'$orderby' objects must have exactly one element, got {0} elements".format(len(terms)))
        return terms[0]
    raise PineCompileError("'$orderby' option has to be either a string, array, or object")


def _order_term(path, value, direction):
    if isinstance(value, str):
        direction = value
    else:
        if "$count" not in value or len(value) > 1:
            raise PineCompileError("When using {0} you can only specify $count, got {1}".format(_EXAMPLES["$orderby"], list(value)))
        path = scoped_options("$orderby", value, path)
    if direction is None:
        raise PineCompileError("'$orderby' objects should either use the '{ a: 'asc' }' or the'$orderby: { a: { $count: ... }, $dir: 'asc' }' notation")
    if direction not in ("asc", "desc"):
        raise PineCompileError("'$orderby' direction must be 'asc' or 'desc'")
    return path + " " + direction
