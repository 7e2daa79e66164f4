"""Compiles parsed filter and orderby expressions into SQLite fragments with `?` parameters.

Navigations become correlated subqueries (`EXISTS`, `COUNT(*)`, scalar lookups through fks), each
restricted to the rows the caller may read.
"""
from __future__ import annotations

import itertools

from ..schema.declare import COMPUTED
from ..store.tables import quote
from ..store.timestamps import normalise_instant
from ..store.values import INT4_RANGE, INT4_TYPES, out_of_int4_range
from .catalog import Catalog, column_sql
from .describe import describe
from .syntax import AliasRef, Binary, Call, CountTail, In, InvalidQuery, LambdaTail, Literal, Not, Path

# Aliases are unique across compilers, so permission rules compiled separately never shadow a caller's.
_ALIASES = itertools.count(1)
_NUMERIC = {"integer", "biginteger", "real", "fk", "number"}
_TEXTUAL = {"string", "text"}
_TIMELIKE = {"datetime", "date"}
_COMPARE = {"gt": ">", "ge": ">=", "lt": "<", "le": "<="}
# Ids, links and integer fields are PostgreSQL `integer` columns in the real API: a value beyond
# 32 bits compared with one is an error there, not a comparison that matches nothing.
_ARITHMETIC = {"add": "+", "sub": "-", "mul": "*", "div": "/", "mod": "%"}
_SIMPLE_FUNCTIONS = {
    # name: (sql function, argument kinds, result kind)
    "contains": ("odata_contains", "ss", "boolean"),
    "startswith": ("odata_startswith", "ss", "boolean"),
    "endswith": ("odata_endswith", "ss", "boolean"),
    "tolower": ("lower", "s", "string"),
    "toupper": ("upper", "s", "string"),
    "length": ("length", "s", "number"),
    "indexof": ("odata_indexof", "ss", "number"),
    "replace": ("replace", "sss", "string"),
    "trim": ("odata_trim", "s", "string"),
    "round": ("odata_round", "n", "number"),
    "floor": ("odata_floor", "n", "number"),
    "ceiling": ("odata_ceiling", "n", "number"),
}
_DATE_PARTS = {
    "year": "number", "month": "number", "day": "number", "hour": "number", "minute": "number",
    "second": "number", "fractionalseconds": "number", "totaloffsetminutes": "number",
    "date": "date", "time": "string",
}


def kind_of(field_type: str) -> str:
    if field_type in _NUMERIC:
        return "number"
    if field_type in _TEXTUAL:
        return "string"
    if field_type == "json":
        return "any"
    return field_type


def _compatible(left: str, right: str) -> bool:
    if left == right or "null" in (left, right) or "any" in (left, right):
        return True
    pair = {left, right}
    return pair <= (_TIMELIKE | {"string"})


class Scope:
    __slots__ = ("resource", "alias", "variables")

    def __init__(self, resource, alias, variables=None):
        self.resource = resource
        self.alias = alias
        self.variables = variables or {}


class Compiler:
    """`permissions(resource, alias) -> (sql or None, params)` restricts rows reached through navigations
    (None: do not restrict, e.g. while compiling the permission rules themselves);
    `fields(resource, field, alias) -> (sql, params)` reads a field for the caller (None: the plain column)."""

    def __init__(self, catalog: Catalog, now: str, aliases: dict | None = None, permissions=None, fields=None):
        self.catalog = catalog
        self.now = now
        self.aliases = aliases or {}
        self.permissions = permissions
        self.fields = fields

    @staticmethod
    def fresh_alias() -> str:
        return f"n{next(_ALIASES)}"

    # -- entry points
    def condition(self, resource, alias: str, node) -> tuple[str, list]:
        sql, params, _ = self.expr(node, Scope(resource, alias))
        return sql, params

    def order(self, resource, alias: str, items) -> tuple[list[str], list]:
        clauses, params = [], []
        for item in items:
            sql, item_params, _ = self.expr(item.expr, Scope(resource, alias))
            direction = "DESC" if item.descending else "ASC"
            if self._nullable(resource, item.expr):
                # PostgreSQL sorts nulls as the largest value; SQLite as the smallest.
                direction += " NULLS FIRST" if item.descending else " NULLS LAST"
            clauses.append(f"{sql} {direction}")
            params += item_params
        return clauses, params

    def _nullable(self, resource, expr) -> bool:
        """False only for a plain field that cannot hold null (so SQLite may walk an index in order)."""
        if not isinstance(expr, Path) or expr.tail is not None or len(expr.names) != 1:
            return True
        field = self.catalog.field(resource, expr.names[0])
        return field is None or field.name != "id" and (field.nullable or field.write == COMPUTED)

    # -- expressions: (sql, params, kind)
    def expr(self, node, scope: Scope):
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, AliasRef):
            if node.name not in self.aliases:
                raise InvalidQuery(f"unknown parameter alias @{node.name}")
            return self.literal(self.aliases[node.name])
        if isinstance(node, Path):
            return self.path(node, scope)
        if isinstance(node, Binary):
            return self.binary(node, scope)
        if isinstance(node, Not):
            sql, params, _ = self.expr(node.operand, scope)
            return f"(NOT {sql})", params, "boolean"
        if isinstance(node, In):
            return self.membership(node, scope)
        if isinstance(node, Call):
            return self.call(node, scope)
        raise InvalidQuery(f"unsupported expression {describe(node)}")

    def literal(self, node: Literal):
        if node.type == "null":
            return "NULL", [], "null"
        if node.type == "boolean":
            return ("1" if node.value else "0"), [], "boolean"
        if node.type in ("integer", "real"):
            return "?", [node.value], "number"
        return "?", [node.value], node.type

    def binary(self, node: Binary, scope: Scope):
        if node.op in ("eq", "ne", *_COMPARE):
            self._check_int4(node.left, node.right, scope)
            self._check_int4(node.right, node.left, scope)
        semi_join = self.semi_join(node, scope)
        if semi_join is not None:
            return semi_join
        if node.op in ("and", "or"):
            return self.chain(node, scope)
        left, left_params, left_kind = self.expr(node.left, scope)
        right, right_params, right_kind = self.expr(node.right, scope)
        if node.op in _ARITHMETIC:
            if left_kind == "duration" and right_kind == "datetime" and node.op == "add":
                return self.arithmetic(node, right, left, right_params + left_params, right_kind, left_kind)
            return self.arithmetic(node, left, right, left_params + right_params, left_kind, right_kind)
        if not _compatible(left_kind, right_kind):
            raise InvalidQuery(_mismatch("compare", node.left, left_kind, node.right, right_kind))
        left, left_params, right, right_params = self._align_instants(
            node, left, left_params, left_kind, right, right_params, right_kind)
        params = left_params + right_params
        if node.op == "eq":
            if "null" in (left_kind, right_kind):
                return f"({left} IS {right})", params, "boolean"
            return f"({left} = {right})" if self._is_literal(node) else f"({left} IS {right})", params, "boolean"
        if node.op == "ne":
            return f"({left} IS NOT {right})", params, "boolean"
        return f"({left} {_COMPARE[node.op]} {right})", params, "boolean"

    def chain(self, node: Binary, scope: Scope):
        """`a or b or c` (parsed as `(a or b) or c`) as one flat SQL list: nested parentheses would soon
        overflow SQLite's parser stack, and the compiler would recurse once per operand."""
        operands = []
        while isinstance(node.left, Binary) and node.left.op == node.op:
            operands.append(node.right)
            node = node.left
        operands += [node.right, node.left]
        parts, params = [], []
        for operand in reversed(operands):
            sql, operand_params, _ = self.expr(operand, scope)
            parts.append(sql)
            params += operand_params
        return "(" + f" {node.op.upper()} ".join(parts) + ")", params, "boolean"

    @staticmethod
    def _is_literal(node: Binary) -> bool:
        return any(isinstance(side, (Literal, AliasRef)) for side in (node.left, node.right))

    @staticmethod
    def _align_instants(node, left, left_params, left_kind, right, right_params, right_kind):
        """A plain string compared with a datetime is read as a datetime, in the stored form."""
        if left_kind == "datetime" and right_kind == "string" and isinstance(node.right, Literal):
            right_params = [normalise_instant(node.right.value) or node.right.value]
        if right_kind == "datetime" and left_kind == "string" and isinstance(node.left, Literal):
            left_params = [normalise_instant(node.left.value) or node.left.value]
        return left, left_params, right, right_params

    def arithmetic(self, node: Binary, left, right, params, left_kind, right_kind):
        op = node.op
        if left_kind in ("number", "null") and right_kind in ("number", "null"):
            return f"({left} {_ARITHMETIC[op]} {right})", params, "number"
        if left_kind == "datetime" and right_kind == "duration" and op in ("add", "sub"):
            sign = "" if op == "add" else "-"
            return f"odata_shift({left}, {sign}{right})", params, "datetime"
        if left_kind == "duration" and right_kind == "duration" and op in ("add", "sub"):
            return f"({left} {_ARITHMETIC[op]} {right})", params, "duration"
        raise InvalidQuery(_mismatch(op, node.left, left_kind, node.right, right_kind))

    def _check_int4(self, column, value, scope: Scope) -> None:
        if isinstance(value, AliasRef):
            value = self.aliases.get(value.name)
        if not isinstance(value, Literal) or value.type not in ("integer", "real"):
            return
        if INT4_RANGE.start <= value.value < INT4_RANGE.stop:
            return
        if self._column_type(column, scope) in INT4_TYPES:
            raise InvalidQuery(out_of_int4_range(value.value, describe(column)))

    def _column_type(self, node, scope: Scope) -> str | None:
        """The declared type of the column a plain path ends at ("fk" for a link), else None."""
        if not isinstance(node, Path) or node.tail is not None:
            return None
        names, resource = node.names, scope.resource
        if names[0] in scope.variables:
            resource, names = scope.variables[names[0]][0], names[1:]
        while names:
            navigation = self.catalog.navigation(resource, names[0])
            if navigation is None:
                field = self.catalog.field(resource, names[0])
                return field.type if field is not None and len(names) == 1 else None
            if not navigation.to_one:
                return None
            if names[1:] in ((), ("id",)):
                return "fk"
            resource, names = navigation.target, names[1:]
        return None

    def membership(self, node: In, scope: Scope):
        for item in node.items:
            self._check_int4(node.operand, item, scope)
        operand, operand_params, kind = self.expr(node.operand, scope)
        values, value_params, has_null = [], [], False
        for item in node.items:
            sql, item_params, item_kind = self.expr(item, scope)
            if item_kind == "null":
                has_null = True
                continue
            if not _compatible(kind, item_kind):
                raise InvalidQuery(_mismatch("compare", node.operand, kind, item, item_kind) + " in `in (...)`")
            values.append(sql)
            value_params += item_params
        clauses, params = [], []
        if values:
            clauses.append(f"{operand} IN ({', '.join(values)})")
            params += operand_params + value_params
        if has_null:
            clauses.append(f"{operand} IS NULL")
            params += operand_params
        return "(" + " OR ".join(clauses or ["0"]) + ")", params, "boolean"

    def call(self, node: Call, scope: Scope):
        name = node.name
        if name == "now":
            return "?", [self.now], "datetime"
        if name == "maxdatetime":
            return "?", ["9999-12-31T23:59:59.999Z"], "datetime"
        if name == "mindatetime":
            return "?", ["0001-01-01T00:00:00.000Z"], "datetime"
        compiled = [self.expr(arg, scope) for arg in node.args]
        params = [param for _, arg_params, _ in compiled for param in arg_params]
        sqls = [sql for sql, _, _ in compiled]
        kinds = [kind for _, _, kind in compiled]
        if name == "substringof":
            return f"odata_contains({sqls[1]}, {sqls[0]})", compiled[1][1] + compiled[0][1], "boolean"
        if name == "concat":
            return f"({sqls[0]} || {sqls[1]})", params, "string"
        if name == "substring":
            function = "odata_substring3" if len(sqls) == 3 else "odata_substring2"
            return f"{function}({', '.join(sqls)})", params, "string"
        if name == "totalseconds":
            if kinds[0] != "duration":
                raise InvalidQuery(f"{describe(node)} needs a duration argument")
            return sqls[0], params, "number"
        if name in _DATE_PARTS:
            if kinds[0] not in ("datetime", "date", "string", "null", "any"):
                raise InvalidQuery(f"{describe(node)} needs a datetime argument")
            return f"odata_part({sqls[0]}, '{name}')", params, _DATE_PARTS[name]
        function, expected, result = _SIMPLE_FUNCTIONS[name]
        for kind, want in zip(kinds, expected):
            if want == "s" and kind not in ("string", "null", "any", "datetime", "date"):
                raise InvalidQuery(f"{describe(node)} needs a text argument")
            if want == "n" and kind not in ("number", "null", "any"):
                raise InvalidQuery(f"{describe(node)} needs a number argument")
        return f"{function}({', '.join(sqls)})", params, result

    # -- paths and navigations
    def path(self, node: Path, scope: Scope):
        names = node.names
        if names[0] in scope.variables:
            resource, alias = scope.variables[names[0]]
            names = names[1:]
            if not names:
                raise InvalidQuery(f"the lambda variable {node.names[0]} is not a value: name one of its fields")
        else:
            resource, alias = scope.resource, scope.alias
        return self.walk(resource, alias, names, node.tail, scope)

    def walk(self, resource, alias, names, tail, scope: Scope):
        name, rest = names[0], names[1:]
        navigation = self.catalog.navigation(resource, name)
        if navigation is None:
            field = self.catalog.field(resource, name)
            if field is None or rest or tail is not None:
                raise InvalidQuery(f"unknown field {resource.name}.{name}")
            if self.fields is not None:
                sql, params = self.fields(resource, field, alias)
                return sql, params, kind_of(field.type)
            return column_sql(field, alias), [], kind_of(field.type)
        if navigation.to_one and tail is None and (not rest or rest == ("id",)):
            return column_sql(resource.field(navigation.column), alias), [], "number"
        if not rest:
            if tail is None:
                raise InvalidQuery(f"{resource.name}.{name} is a to-many navigation, not a value: use $count, any() or all()")
            return self.collection(resource, alias, navigation, tail, scope)
        if not navigation.to_one:
            raise InvalidQuery(f"{resource.name}.{name} is a to-many navigation: reach {'/'.join(rest)} through any() or all()")
        inner_alias = self.fresh_alias()
        inner, inner_params, kind = self.walk(navigation.target, inner_alias, rest, tail, scope)
        fk = column_sql(resource.field(navigation.column), alias)
        restriction, restriction_params = self.restrict(navigation.target, inner_alias)
        sql = (f"(SELECT {inner} FROM {quote(navigation.target.name)} {inner_alias} "
               f"WHERE {inner_alias}.id = {fk}{restriction})")
        return sql, inner_params + restriction_params, kind

    def semi_join(self, node: Binary, scope: Scope):
        """`nav/field op literal` as `fk IN (SELECT id FROM target WHERE field op literal)`: evaluated once
        instead of once per row. Only for null-rejecting comparisons, where both forms agree."""
        if node.op not in ("eq", "gt", "ge", "lt", "le"):
            return None
        path, other, path_on_left = node.left, node.right, True
        if not isinstance(path, Path):
            path, other, path_on_left = node.right, node.left, False
        if not isinstance(path, Path) or path.tail is not None or not isinstance(other, (Literal, AliasRef)):
            return None
        if isinstance(other, Literal) and other.type == "null":
            return None
        names = path.names
        if names[0] in scope.variables:
            resource, alias = scope.variables[names[0]]
            names = names[1:]
        else:
            resource, alias = scope.resource, scope.alias
        if len(names) < 2 or names[1:] == ("id",):
            return None
        navigation = self.catalog.navigation(resource, names[0])
        if navigation is None or not navigation.to_one:
            return None
        inner_alias = self.fresh_alias()
        rest = Path(names[1:])
        inner_node = Binary(node.op, rest, other) if path_on_left else Binary(node.op, other, rest)
        inner, params, _ = self.expr(inner_node, Scope(navigation.target, inner_alias, scope.variables))
        restriction, restriction_params = self.restrict(navigation.target, inner_alias)
        fk = column_sql(resource.field(navigation.column), alias)
        sql = (f"({fk} IN (SELECT {inner_alias}.id FROM {quote(navigation.target.name)} {inner_alias} "
               f"WHERE {inner}{restriction}))")
        return sql, params + restriction_params, "boolean"

    def link(self, resource, alias, navigation, inner_alias) -> str:
        if navigation.to_one:
            return f"{inner_alias}.id = {column_sql(resource.field(navigation.column), alias)}"
        return f'{inner_alias}."{navigation.column}" = {alias}.id'

    def restrict(self, resource, alias) -> tuple[str, list]:
        if self.permissions is None:
            return "", []
        sql, params = self.permissions(resource, alias)
        return ("", []) if sql is None else (f" AND {sql}", params)

    def collection(self, resource, alias, navigation, tail, scope: Scope):
        inner_alias = self.fresh_alias()
        table = quote(navigation.target.name)
        link = self.link(resource, alias, navigation, inner_alias)
        restriction, params = self.restrict(navigation.target, inner_alias)
        if isinstance(tail, CountTail):
            condition = ""
            if tail.filter is not None:
                body, body_params, _ = self.expr(
                    tail.filter, Scope(navigation.target, inner_alias, scope.variables))
                condition, params = f" AND {body}", params + body_params
            return f"(SELECT COUNT(*) FROM {table} {inner_alias} WHERE {link}{restriction}{condition})", params, "number"
        assert isinstance(tail, LambdaTail)
        if tail.body is None:
            body, body_params = "1", []
        else:
            variables = dict(scope.variables)
            variables[tail.var] = (navigation.target, inner_alias)
            body, body_params, _ = self.expr(tail.body, Scope(scope.resource, scope.alias, variables))
        if tail.kind == "any":
            return (f"EXISTS (SELECT 1 FROM {table} {inner_alias} WHERE {link}{restriction} AND {body})",
                    params + body_params, "boolean")
        return (f"NOT EXISTS (SELECT 1 FROM {table} {inner_alias} WHERE {link}{restriction} "
                f"AND NOT COALESCE({body}, 0))", params + body_params, "boolean")


def _mismatch(action: str, left, left_kind: str, right, right_kind: str) -> str:
    joint = "with" if action == "compare" else "and"
    return f"cannot {action} {describe(left)} ({left_kind}) {joint} {describe(right)} ({right_kind})"
