"""The OData v7 engine: parse the request, check the caller's grants, run SQL, shape the answer."""
from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import unquote

from ..errors import ApiError, bad_request, malformed_url, unauthorized
from ..schema.declare import USER
from ..web.response import empty_response, json_response
from .bodies import read_body
from .catalog import Catalog
from .describe import describe
from .options import parse_query
from .permissions import Permissions
from .reader import Reader
from .syntax import AliasRef, Binary, InvalidQuery, MalformedUrl, Path, QueryOptions
from .target import parse_target
from .write_check import WriteCheck, unstored_row_matches

# v6 is served by the same engine and model: the real server still answers it, and the SDK uses v7.
_VERSIONED = re.compile(r"^/(v6|v7)/")
_NO_OPTIONS = QueryOptions()
_DIGITS = re.compile(r"\d+")
_LARGEST = 2 ** 63 - 1


class ODataService:
    def __init__(self, world):
        self.world = world
        self.store = world.store
        if getattr(self.store, "world", None) is None:
            self.store.world = world
        self.catalog = Catalog(self.store.resources)

    # -- the internal API other routes use; errors are ApiErrors as over HTTP
    def read(self, caller, resource, query: str = "") -> list[dict]:
        with _answering(query):
            resource = self._resource(resource)
            options = parse_query(query)
            with self.store.transaction() as tx:
                return self._reader(tx, caller, options).rows(resource, options)

    def create(self, caller, resource, body: dict) -> dict:
        with _answering(""):
            resource = self._resource(resource)
            new_id = self._insert(caller, resource, body)
            return self._reread(caller, resource, new_id)

    def update(self, caller, resource, id, body: dict) -> None:
        with _answering(""):
            resource = self._resource(resource)
            self._update(caller, resource, body, ("t.id = ?", [int(id)]), _NO_OPTIONS)

    def delete(self, caller, resource, id) -> None:
        with _answering(""):
            resource = self._resource(resource)
            self._delete(caller, resource, ("t.id = ?", [int(id)]), _NO_OPTIONS, keyed=True)

    # -- HTTP
    def handle(self, world, request):
        with _answering(request.raw_target, request.body):
            return self._handle(request)

    def _handle(self, request):
        versioned = _VERSIONED.match(request.path)
        path = request.path[versioned.end():] if versioned else ""
        if path in ("", "$metadata"):
            raise unauthorized()
        target = parse_target(path)
        options = parse_query(request.raw_query)
        resource = self.catalog.resolve(target.resource)
        if resource is None:
            raise unauthorized()
        caller = request.caller
        method = request.method.upper()
        if method in ("GET", "HEAD"):
            return self._get(caller, resource, target, options)
        if method == "POST":
            return self._post(caller, resource, target, options, request, versioned.group(0) if versioned else "/v7/")
        if method in ("PATCH", "MERGE", "PUT"):
            body = read_body(request)
            if body is None or body == {}:
                raise bad_request("No fields to update")
            if not isinstance(body, dict):
                raise bad_request("Invalid request: the body must be a JSON object")
            if method == "PUT":
                body = self._replacement(resource, body)
            with self.store.transaction() as tx:
                where, resource_now = self._target_where(tx, caller, resource, target, options)
            self._update(caller, resource_now, body, where, options)
            return empty_response(200)
        if method == "DELETE":
            with self.store.transaction() as tx:
                where, resource_now = self._target_where(tx, caller, resource, target, options)
            keyed = target.key is not None and target.navigation is None
            self._delete(caller, resource_now, where, options, keyed)
            return empty_response(200)
        if method == "OPTIONS":
            return empty_response(200)
        raise ApiError(405, f"{method} is not supported on OData resources")

    def _get(self, caller, resource, target, options):
        with self.store.transaction() as tx:
            reader = self._reader(tx, caller, options)
            where, resource = self._target_where(tx, caller, resource, target, options)
            found = reader.count(resource, options, where) if target.count else reader.rows(resource, options, where)
        return json_response({"d": found})

    def _post(self, caller, resource, target, options, request, prefix):
        if target.navigation == "canAccess" and target.key is not None and not target.count:
            return self._can_access(caller, resource, target, options, request.json(default={}))
        if target.key is not None or target.navigation is not None or target.count:
            raise bad_request(f"POST creates rows: send it to /{resource.name}, not to one row or a count")
        body = read_body(request)
        if body is None:
            raise bad_request("POST needs a JSON object body")
        if not isinstance(body, dict):
            raise bad_request("Invalid request: the body must be a JSON object")
        new_id = self._insert(caller, resource, body)
        headers = {"Location": f"{prefix}{resource.name}(@id)?@id={new_id}"}
        if options.custom.get("returnResource", "").lower() == "false":
            return json_response({"id": new_id}, 201, headers)
        return json_response(self._reread(caller, resource, new_id), 201, headers)

    def _can_access(self, caller, resource, target, options, body):
        """POST `res(<id>)/canAccess` {"action": ...}: the row's id if the caller may, else 401."""
        action = body.get("action") if isinstance(body, dict) else None
        if action not in ("read", "create", "update", "delete"):
            raise unauthorized()
        with self.store.transaction() as tx:
            key_sql, key_params = self._reader(tx, caller, options).compiler.condition(
                resource, "t", self._key_filter(resource, target.key, options))
            try:
                ids = Reader(tx, self.catalog, self._permissions(tx, caller), options.aliases).ids(
                    resource, _NO_OPTIONS, (key_sql, key_params), action)
            except ApiError:
                ids = []
        if not ids:
            raise unauthorized()
        return json_response({"d": [{"id": ids[0]}]})

    # -- writes
    def _insert(self, caller, resource, body: dict) -> int:
        with self.store.transaction() as tx:
            permissions = self._permissions(tx, caller)
            permissions.rule(resource, "create")
            rule_sql, params = permissions.sql(resource, "t", "create")
            new_id = tx.insert(resource, body, caller, client=True,
                               may_create=lambda row: unstored_row_matches(tx, resource, row, (rule_sql, params)))
            if rule_sql:
                found = tx.connection.execute(
                    f'SELECT 1 FROM "{resource.name}" t WHERE t.id = ? AND {rule_sql}', [new_id, *params]
                ).fetchone()
                if not found:
                    raise unauthorized()
            return new_id

    def _reread(self, caller, resource, new_id: int) -> dict:
        with self.store.transaction() as tx:
            where = ("t.id = ?", [new_id])
            try:
                rows = self._reader(tx, caller, _NO_OPTIONS).rows(resource, _NO_OPTIONS, where)
            except ApiError:
                rows = []
            if not rows:
                rows = Reader(tx, self.catalog, _Unrestricted(self.catalog, tx.now())).rows(
                    resource, _NO_OPTIONS, where)
            return rows[0] if rows else {"id": new_id}

    def _update(self, caller, resource, body: dict, where: tuple, options) -> None:
        if not isinstance(body, dict):
            raise bad_request("Invalid request: the body must be a JSON object")
        if not body:
            raise bad_request("No fields to update")
        with self.store.transaction() as tx:
            permissions = self._permissions(tx, caller)
            permissions.rule(resource, "update")
            sent = tx.prepare(resource, tx.client_body(resource, body, caller), "update", True)
            if not sent:
                raise bad_request(f"Invalid request: none of the fields sent can be changed on {resource.name} "
                                  f"(unknown, computed or read-only): {', '.join(sorted(body))}")
            reader = Reader(tx, self.catalog, permissions, options.aliases)
            ids = reader.ids(resource, options, where, "update")
            check = WriteCheck(tx, permissions, resource, sent)
            check.before(ids)
            for row_id in ids:
                tx.update(resource, row_id, body, caller, client=True)
            check.after()

    def _delete(self, caller, resource, where: tuple, options, keyed: bool) -> None:
        with self.store.transaction() as tx:
            permissions = self._permissions(tx, caller)
            permissions.rule(resource, "delete")
            reader = Reader(tx, self.catalog, permissions, options.aliases)
            ids = reader.ids(resource, options, where, "delete")
            if keyed and not ids and resource.keyed_delete_not_found:
                raise ApiError(404, resource.keyed_delete_not_found)
            for row_id in ids:
                tx.delete(resource, row_id, caller)

    def _replacement(self, resource, body: dict) -> dict:
        """PUT: fields the body leaves out go back to their defaults."""
        replaced = {}
        for field in resource.fields:
            if field.write == USER and not field.required:
                default = field.default() if callable(field.default) else field.default
                if default is None and field.type == "boolean" and not field.nullable:
                    default = False
                replaced[field.name] = default
        replaced.update(body)
        return replaced

    # -- helpers
    def _resource(self, resource):
        if not isinstance(resource, str):
            return resource
        found = self.catalog.resolve(resource)
        if found is None:
            raise unauthorized()
        return found

    def _permissions(self, tx, caller) -> Permissions:
        return Permissions(caller, self.catalog, tx.now())

    def _reader(self, tx, caller, options) -> Reader:
        return Reader(tx, self.catalog, self._permissions(tx, caller), options.aliases)

    def _target_where(self, tx, caller, resource, target, options) -> tuple[tuple, object]:
        """The SQL condition (over alias `t`) the URL's key and navigation select, and the resource read."""
        if target.key is None:
            return ("", []), resource
        compiler_reader = self._reader(tx, caller, options)
        key_node = self._key_filter(resource, target.key, options)
        if target.navigation is None:
            sql, params = compiler_reader.compiler.condition(resource, "t", key_node)
            return (sql, params), resource
        navigation = self.catalog.navigation(resource, target.navigation)
        if navigation is None:
            raise InvalidQuery(f"unknown navigation {resource.name}.{target.navigation}")
        key_sql, key_params = compiler_reader.compiler.condition(resource, "p", key_node)
        rule_sql, rule_params = compiler_reader.permissions.sql(resource, "p", "read")
        restriction = f" AND {rule_sql}" if rule_sql else ""
        if navigation.to_one:
            sql = (f't.id IN (SELECT p."{navigation.column}" FROM "{resource.name}" p '
                   f"WHERE {key_sql}{restriction})")
        else:
            sql = f't."{navigation.column}" IN (SELECT p.id FROM "{resource.name}" p WHERE {key_sql}{restriction})'
        return (sql, key_params + rule_params), navigation.target

    def _key_filter(self, resource, key, options):
        def value(node):
            if isinstance(node, AliasRef):
                if node.name not in options.aliases:
                    raise InvalidQuery(f"missing parameter alias @{node.name}")
                return options.aliases[node.name]
            return node

        if not isinstance(key, tuple):
            literal = value(key)
            if literal.type != "integer":
                raise InvalidQuery(f"{resource.name}({describe(literal)}): an id must be an integer")
            return Binary("eq", Path(("id",)), literal)
        names = {name for name, _ in key}
        if len(names) != len(key):
            raise MalformedUrl("repeated key")
        natural = [set(unique) for unique in resource.unique] + [{"id"}]
        if names not in natural:
            keys = " or ".join("(" + ", ".join(sorted(unique)) + ")" for unique in natural)
            raise InvalidQuery(f"({', '.join(sorted(names))}) is not a natural key of {resource.name}: use {keys}")
        node = None
        for name, literal in key:
            comparison = Binary("eq", Path((name,)), value(literal))
            node = comparison if node is None else Binary("and", node, comparison)
        return node


@contextmanager
def _answering(raw_target: str, body: bytes = b""):
    """Parse failures become the real API's 400 "Malformed url"; unknown names and type mismatches,
    which the real API answers with an empty 500, get a 400 that says what is wrong."""
    try:
        yield
    except MalformedUrl as error:
        raise malformed_url(raw_target) from error
    except (InvalidQuery, OverflowError) as error:   # OverflowError: a number beyond 64 bits
        raise invalid_query(error, unquote(raw_target) + " " + body.decode("utf-8", "replace")) from error


def invalid_query(error: Exception, sent: str = "") -> ApiError:
    """Unknown fields, navigations and keys, and type mismatches: every such answer comes from here.
    `sent` is the request's text, where an out-of-range number is looked for."""
    if isinstance(error, OverflowError):
        too_big = next((digits for digits in _DIGITS.findall(sent) if _beyond_64_bits(digits)), None)
        if too_big is None:
            culprit = ""
        elif len(too_big) > 30:
            culprit = f" {too_big[:20]}... ({len(too_big)} digits)"
        else:
            culprit = f" {too_big}"
        return bad_request(f"Invalid request: the number{culprit} is out of range (the largest is {_LARGEST})")
    return bad_request(f"Invalid request: {error}")


def _beyond_64_bits(digits: str) -> bool:
    significant = digits.lstrip("0")
    return len(significant) > 19 or (len(significant) == 19 and int(significant) > _LARGEST)


class _Unrestricted(Permissions):
    """Reads every row: used to answer a POST whose new row the caller may not read back."""

    def __init__(self, catalog, now):
        super().__init__(None, catalog, now)

    def rule(self, resource, action, changing=frozenset()):
        return None

