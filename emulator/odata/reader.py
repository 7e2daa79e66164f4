"""Runs a read: one SQL query for the requested rows, then one batched query per expanded navigation."""
from __future__ import annotations

import json

from ..store.tables import quote
from .catalog import column_sql
from .compiler import Compiler
from .expression import parse_orderby
from .syntax import InvalidQuery, QueryOptions


def _fk(value):
    return None if value is None else {"__id": value}


def _boolean(value):
    return None if value is None else bool(value)


def _big(value):
    return None if value is None else str(value)


def _json(value):
    if value is None or not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


_CONVERTERS = {"fk": _fk, "boolean": _boolean, "biginteger": _big, "json": _json}
# Rows one answer may hold, counting each time an expanded row is repeated under another parent:
# `$expand` chains that go back and forth between two resources grow exponentially otherwise.
MAX_ANSWER_ROWS = 1_000_000


class Reader:
    """Reads with one caller's rights inside one store transaction."""

    def __init__(self, tx, catalog, permissions, aliases: dict | None = None):
        self.tx = tx
        self.catalog = catalog
        self.permissions = permissions
        self.compiler = Compiler(catalog, permissions.now, aliases, permissions.restrict_reads, permissions.field_sql)

    # -- public
    def rows(self, resource, options: QueryOptions, where: tuple = ("", [])) -> list[dict]:
        selected = self._select(resource, options, where, None, paginate=True)
        _check_answer_size(sum(weight for _, _, weight in selected))
        return [row for _, row, _ in selected]

    def count(self, resource, options: QueryOptions, where: tuple = ("", [])) -> int:
        conditions, params = self._conditions(resource, "t", options, where)
        sql = f"SELECT COUNT(*) FROM {quote(resource.name)} t" + self._where(conditions)
        return self.tx.run_query(sql, params)[0][0]

    def ids(self, resource, options: QueryOptions, where: tuple, action: str) -> list[int]:
        """Ids of rows matching the filter and `where` that the caller may `action`."""
        conditions, params = self._conditions(resource, "t", options, where, action)
        sql = f"SELECT t.id FROM {quote(resource.name)} t" + self._where(conditions) + " ORDER BY t.id"
        return [row[0] for row in self.tx.run_query(sql, params)]

    # -- building blocks
    @staticmethod
    def _where(conditions: list) -> str:
        return " WHERE " + " AND ".join(conditions) if conditions else ""

    def _conditions(self, resource, alias, options, where, action="read"):
        conditions, params = [], []
        rule_sql, rule_params = self.permissions.sql(resource, alias, action)
        if rule_sql:
            conditions.append(rule_sql)
            params += rule_params
        if where and where[0]:
            conditions.append(where[0])
            params += list(where[1])
        if options.filter is not None:
            sql, filter_params = self.compiler.condition(resource, alias, options.filter)
            conditions.append(sql)
            params += filter_params
        return conditions, params

    def _selected_fields(self, resource, options: QueryOptions) -> list:
        if options.select is None or options.select == ("*",):
            return list(self.catalog.all_fields(resource))
        fields = []
        expanded = {expand.name for expand in options.expand}
        for name in options.select:
            field = self.catalog.field(resource, name)
            if field is None and name in expanded:
                continue   # `$select=service&$expand=service`: the expansion answers for it
            if field is None:
                raise InvalidQuery(f"unknown field {resource.name}.{name} in $select")
            if field not in fields:
                fields.append(field)
        return fields

    def _select(self, resource, options: QueryOptions, where: tuple, link_column: str | None, paginate: bool):
        """(link value, shaped row, rows in it with its expansions) in the requested order. `link_column`
        groups rows under parents."""
        expansions = [(expand, self._navigation(resource, expand.name)) for expand in options.expand]
        fields = self._selected_fields(resource, options)
        columns = ["t.id"]
        columns.append(f't."{link_column}"' if link_column else "NULL")
        extra = {}
        for _, navigation in expansions:
            if navigation.to_one and navigation.column not in extra:
                extra[navigation.column] = len(columns)
                columns.append(column_sql(resource.field(navigation.column), "t"))
        first_field = len(columns)
        column_params = []
        for field in fields:
            sql, params = self.permissions.field_sql(resource, field, "t")
            columns.append(sql)
            column_params += params
        records = self._fetch(resource, options, where, (columns, column_params), paginate)
        names = [field.name for field in fields]
        converters = [_CONVERTERS.get(field.type) for field in fields]
        expanded_names = [expand.name for expand, _ in expansions]
        shaped = []
        for record in records:
            row = dict.fromkeys(expanded_names) if expanded_names else {}
            for offset, (name, convert) in enumerate(zip(names, converters)):
                value = record[first_field + offset]
                row[name] = convert(value) if convert is not None and value is not None else value
            shaped.append(row)
        weights = [1] * len(shaped)
        for expand, navigation in expansions:
            if navigation.to_one:
                keys = [record[extra[navigation.column]] for record in records]
            else:
                keys = [record[0] for record in records]
            self._expand(expand, navigation, keys, shaped, weights)
        return [(record[1], row, weight) for record, row, weight in zip(records, shaped, weights)]

    def _fetch(self, resource, options: QueryOptions, where: tuple, selected: tuple, paginate: bool) -> list:
        """`selected`: the SQL of the columns and its parameters."""
        columns, column_params = selected
        conditions, params = self._conditions(resource, "t", options, where)
        order_items = options.orderby or (parse_orderby(resource.default_orderby) if resource.default_orderby else ())
        order, order_params = self.compiler.order(resource, "t", order_items)
        order_by = " ORDER BY " + ", ".join(order + ["t.id ASC"])
        table = quote(resource.name)
        if not (paginate and (options.top is not None or options.skip is not None)):
            sql = f"SELECT {', '.join(columns)} FROM {table} t" + self._where(conditions) + order_by
            return self.tx.run_query(sql, column_params + params + order_params)
        # Page through ids first, so computed columns are evaluated for the returned rows only.
        page_sql = f"SELECT t.id FROM {table} t" + self._where(conditions) + order_by + " LIMIT ? OFFSET ?"
        page_params = params + order_params + [-1 if options.top is None else options.top, options.skip or 0]
        page = [row[0] for row in self.tx.run_query(page_sql, page_params)]
        position = {row_id: index for index, row_id in enumerate(page)}
        sql = f"SELECT {', '.join(columns)} FROM {table} t WHERE t.id IN ({','.join(map(str, page))})"
        return sorted(self.tx.run_query(sql, column_params), key=lambda record: position[record[0]])

    def _navigation(self, resource, name):
        navigation = self.catalog.navigation(resource, name)
        if navigation is None:
            raise InvalidQuery(f"unknown navigation {resource.name}.{name} in $expand")
        return navigation

    def _expand(self, expand, navigation, keys: list, shaped: list, weights: list) -> None:
        wanted = sorted({key for key in keys if key is not None})
        target = navigation.target
        link = "id" if navigation.to_one else navigation.column
        # With no parent to expand, the query still runs (matching nothing) so that unknown names and
        # missing rights are reported as they would be with rows.
        in_list = f't."{link}" IN ({",".join(str(int(key)) for key in wanted)})' if wanted else "0"
        if expand.count:
            conditions, params = self._conditions(target, "t", expand.options, (in_list, []))
            sql = (f'SELECT t."{link}", COUNT(*) FROM {quote(target.name)} t' + self._where(conditions)
                   + f' GROUP BY t."{link}"')
            counts = dict(self.tx.run_query(sql, params))
            for key, row in zip(keys, shaped):
                row[expand.name] = counts.get(key, 0)
            return
        groups: dict = {}
        child_weights = {}
        for key, child, weight in self._select(target, expand.options, (in_list, []), link, paginate=False):
            groups.setdefault(key, []).append(child)
            child_weights[id(child)] = weight
        skip = expand.options.skip or 0
        top = expand.options.top
        for index, (key, row) in enumerate(zip(keys, shaped)):
            children = groups.get(key, ())
            if skip or top is not None:
                children = children[skip: None if top is None else skip + top]
            row[expand.name] = [dict(child) for child in children] if navigation.to_one else list(children)
            weights[index] += sum(child_weights[id(child)] for child in children)
            _check_answer_size(weights[index])


def _check_answer_size(rows: int) -> None:
    if rows > MAX_ANSWER_ROWS:
        raise InvalidQuery(f"the answer would hold more than {MAX_ANSWER_ROWS} rows with their expansions; "
                           "ask for fewer with $top, $filter or less nested $expand")
