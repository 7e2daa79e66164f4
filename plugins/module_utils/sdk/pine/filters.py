# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Compiles the ``$filter`` object syntax into OData text.

Every function returns a list of text fragments; joining them gives the filter. A fragment list
of more than one element is a compound expression that gets parenthesised when nested.
The output follows pine-client 0.2.0 exactly, including its odd corners, so that the emulator
and the real API see the same URLs from both SDKs.
"""

from __future__ import annotations

import re

from .values import escape_parameter_alias, escape_resource, escape_value, is_primitive, render_operand

OPERATIONS = frozenset(("$ne", "$eq", "$gt", "$ge", "$lt", "$le", "$add", "$sub", "$mul", "$div", "$mod"))
FUNCTIONS = frozenset((
    "$contains", "$endswith", "$startswith", "$length", "$indexof", "$substring", "$tolower", "$toupper",
    "$trim", "$concat", "$year", "$month", "$day", "$hour", "$minute", "$second", "$fractionalseconds",
    "$date", "$time", "$totaloffsetminutes", "$now", "$maxdatetime", "$mindatetime", "$totalseconds",
    "$round", "$floor", "$ceiling", "$isof", "$cast",
))
_DURATION_TIME_PARTS = (("hours", "H"), ("minutes", "M"), ("seconds", "S"))
_BIND_NAME = re.compile(r"^[a-zA-Z0-9]+$")


class FilterError(Exception):
    pass


def compile_filter(value):
    return "".join(build(value))


def keyed(operand, path, operator=" eq "):
    """Put ``path operator`` in front of an operand; without a path the operand stands alone."""
    if path is None:
        return operand if isinstance(operand, list) else ["{0}".format(operand)]
    if isinstance(operand, list):
        text = operand[0] if len(operand) == 1 else "(" + "".join(operand) + ")"
    else:
        text = render_operand(operand)
    return [escape_resource(path), operator, text]


def bracket_join(groups, separator):
    if len(groups) == 1:
        return groups[0]
    joined = []
    for index, group in enumerate(groups):
        if index:
            joined.append(separator)
        joined.append("(" + "".join(group) + ")" if len(group) > 1 else group[0])
    return joined


def build(value, path=None, separator=None):
    if is_primitive(value):
        return keyed(escape_value(value), path)
    if isinstance(value, list):
        return keyed(bracket_join(_each(value), separator or " or "), path)
    if isinstance(value, dict):
        return bracket_join(_object(value, path), separator or " and ")
    raise FilterError("Expected None/str/int/float/dict/list, got: {0}".format(type(value)))


def _each(values, path=None, minimum=2):
    if len(values) < minimum:
        raise FilterError("Filter arrays must have at least {0}, got {1}".format(minimum, values))
    return [build(item, path) for item in values]


def _object(obj, path=None):
    groups = []
    for key, value in obj.items():
        if key[0] == "$":
            groups.append(_operator(key, value, path))
        elif key[0] == "@":
            groups.append(keyed(escape_parameter_alias(value), path))
        else:
            groups.append(build(value, [key] if path is None else path + [key]))
    return groups


def _operator(operator, value, path):
    if operator in OPERATIONS:
        return _operation(operator, value, path)
    if operator in FUNCTIONS:
        return _function(operator, value, path)
    handler = _SPECIAL.get(operator)
    if handler is None:
        raise FilterError("Unrecognised operator: '{0}'".format(operator))
    return handler(operator, value, path)


def _operation(operator, value, path):
    spelled = " " + operator[1:] + " "
    if is_primitive(value):
        return keyed(escape_value(value), path, spelled)
    if isinstance(value, list):
        return keyed(bracket_join(_each(value), spelled), path)
    if isinstance(value, dict):
        groups = _object(value)
        if not groups:
            raise FilterError("{0} objects must have at least 1 property, got: {1}".format(operator, value))
        if len(groups) == 1:
            return keyed(groups[0], path, spelled)
        return keyed(bracket_join(groups, spelled), path)
    raise FilterError("Expected None/str/int/float/dict/list, got: {0}".format(type(value)))


def _function(operator, value, path):
    name = operator[1:]
    if is_primitive(value):
        operands = [] if path is None else [escape_resource(path)]
        operands.append(escape_value(value))
        return [name + "(" + ",".join(o for o in operands if o is not None) + ")"]
    if isinstance(value, list):
        groups = _each(value)
    elif isinstance(value, dict):
        groups = _object(value)
    else:
        raise FilterError("Expected None/str/int/float/dict/list, got: {0}".format(type(value)))
    return keyed(name + "(" + ",".join("".join(group) for group in groups) + ")", path)


def _duration(operator, value, path):
    if not isinstance(value, dict):
        raise FilterError("Expected type for {0}, got: {1}".format(operator, type(value)))
    text = "P"
    if value.get("days") is not None:
        text += "{0}D".format(value["days"])
    time_part = "".join("{0}{1}".format(value[key], flag) for key, flag in _DURATION_TIME_PARTS if value.get(key) is not None)
    if time_part:
        text += "T" + time_part
    if len(text) <= 1:
        raise FilterError("Expected {0} to include duration properties, got: {1}".format(operator, type(value)))
    if value.get("negative"):
        text = "-" + text
    return keyed("duration'" + text + "'", path)


def _raw(operator, value, path):
    if isinstance(value, str):
        return keyed("(" + value + ")", path)
    if isinstance(value, list):
        if not isinstance(value[0], str):
            raise FilterError("First element of array for {0} must be a string, got: {1}".format(operator, type(value[0])))
        # pine-client numbers the binds from the raw string itself, so `$0` is the string.
        return _bind(value[0], {str(index): item for index, item in enumerate(value)}, path)
    if isinstance(value, dict):
        text = value["$string"]
        if not isinstance(text, str):
            raise FilterError("$string element of object for {0} must be a string got: {1}".format(operator, type(text)))
        binds = {}
        for name in value:
            if name == "$string":
                continue
            if not _BIND_NAME.match(name):
                raise FilterError("{0} param names must contain only [a-zA-Z0-9], got: {1}".format(operator, name))
            binds[name] = value[name]
        return _bind(text, binds, path)
    raise FilterError("Unrecognised operator: '{0}'".format(operator))


def _bind(text, binds, path):
    for name, bound in binds.items():
        replacement = ("(" + "".join(build(bound)) + ")").replace("$", "$$")
        text = re.sub(r"\$" + name + r"([^a-zA-Z0-9]|$)", replacement + r"\1", text)
    return keyed("(" + text + ")", path)


def _property(operator, value, path):
    return keyed(escape_resource(value), path)


def _count(operator, value, path):
    if path is not None and isinstance(value, dict) and (not value or "$filter" in value):
        unexpected = [key for key in value if key != "$filter"]
        if unexpected:
            raise FilterError("When using $filter: a: $op: [b: $count: ... ] you can only specify $filter in the $count, got {0}".format(list(value)))
        counted = escape_resource(path[-1] + "/$count")
        if value:
            counted += "($filter=" + compile_filter(value["$filter"]) + ")"
        return ["/".join(path[:-1] + [counted])]
    return build(value, ["$count"] if path is None else path + ["$count"])


def _logical(operator, value, path):
    return keyed(build(value, None, " " + operator[1:] + " "), path)


def _in(operator, value, path):
    if is_primitive(value):
        return keyed(escape_value(value), path, " eq ")
    if isinstance(value, list):
        if all(is_primitive(item) for item in value):
            listed = "".join(bracket_join(_each(value, None, 1), ", "))
            return keyed("(" + listed + ")", path, " in ")
        return bracket_join(_each(value, path, 1), " or ")
    if isinstance(value, dict):
        groups = _object(value, path)
        if not groups:
            raise FilterError("{0} objects must have at least 1 property, got: {1}".format(operator, value))
        return bracket_join(groups, " or ")
    raise FilterError("Expected None/str/int/float/dict/list, got: {0}".format(type(value)))


def _not(operator, value, path):
    return keyed("not(" + "".join(build(value)) + ")", path)


def _lambda(operator, value, path):
    alias = value["$alias"]
    expression = value["$expr"]
    if alias is None:
        raise FilterError("Lambda expression ({0}) has no alias defined.".format(operator))
    if expression is None:
        raise FilterError("Lambda expression ({0}) has no expr defined.".format(operator))
    body = "".join(build(expression))
    return keyed(operator[1:] + "(" + alias + ":" + body + ")", path, "/")


_SPECIAL = {
    "$duration": _duration,
    "$raw": _raw,
    "$": _property,
    "$count": _count,
    "$and": _logical,
    "$or": _logical,
    "$in": _in,
    "$not": _not,
    "$any": _lambda,
    "$all": _lambda,
}
