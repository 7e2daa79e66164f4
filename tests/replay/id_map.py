"""Recorded values -> the emulator's values: ids per resource, server-made strings, keys, names.

Ids are learnt by walking a recorded response and the emulator's answer to the same request side
by side, wherever both are one entity (a POST result, a one-row GET, a whoami, a registration).
"""
from __future__ import annotations

import re
from urllib.parse import quote

from .links import ACTOR_TYPE_RESOURCE, REST_ID_PATHS, resource_of_field

_KEY_PLACEHOLDER = re.compile(r"<API_KEY:\d+>")
# Paths are translated in their wire form, where a space may be "%20".
_SPACE = r"(?:\s|%20)+"
_COMPARISON = re.compile(r"(?P<field>[A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_][A-Za-z0-9_]*)*)"
                         rf"(?P<op>{_SPACE}(?:eq|ne|gt|ge|lt|le){_SPACE})(?P<value>\d+)\b")
_IN_LIST = re.compile(r"(?P<field>[A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_][A-Za-z0-9_]*)*)"
                      rf"(?P<op>{_SPACE}in{_SPACE}?\()(?P<values>(?:\d|,|\s|%20)+)\)")
_LIST_SEPARATOR = re.compile(r",(?:\s|%20)*")
_KEY_PART = re.compile(r"(?P<name>[A-Za-z_]+)=(?P<value>\d+)")
_ODATA_PATH = re.compile(r"^/v\d+/(?P<resource>[A-Za-z_]+)(?P<key>\([^)]*\))?(?P<rest>[^?]*)")


class IdMap:
    def __init__(self):
        self.ids: dict[tuple[str, int], int] = {}
        self.strings: dict[str, str] = {}
        self.unmapped: set[tuple[str, int]] = set()

    # -- learning -------------------------------------------------------------------------
    def learn_id(self, resource: str | None, recorded, actual) -> None:
        if resource and isinstance(recorded, int) and isinstance(actual, int) \
                and not isinstance(recorded, bool):
            self.ids[(resource, recorded)] = actual

    def learn_string(self, recorded, actual) -> None:
        if isinstance(recorded, str) and isinstance(actual, str) and recorded != actual and recorded:
            self.strings[recorded] = actual
            self.strings.setdefault(quote(recorded, safe=""), quote(actual, safe=""))

    def learn_entity(self, resource: str | None, recorded, actual) -> None:
        """Walk one recorded entity and the emulator's counterpart together."""
        if not (isinstance(recorded, dict) and isinstance(actual, dict)):
            return
        if "__id" in recorded:
            self.learn_id(resource, recorded.get("__id"), actual.get("__id"))
            return
        self.learn_id(resource, recorded.get("id"), actual.get("id"))
        for name in ("uuid", "api_key", "slug"):
            self.learn_string(recorded.get(name), actual.get(name))
        for name, value in recorded.items():
            other = actual.get(name)
            target = resource_of_field(name)
            if isinstance(value, dict) and isinstance(other, dict):
                self.learn_entity(target, value, other)
            elif isinstance(value, list) and isinstance(other, list) and len(value) == len(other) == 1:
                self.learn_entity(target, value[0], other[0])

    def learn_whoami(self, recorded, actual) -> None:
        if not (isinstance(recorded, dict) and isinstance(actual, dict)):
            return
        self.learn_id("actor", recorded.get("id"), actual.get("id"))
        kind = ACTOR_TYPE_RESOURCE.get(recorded.get("actorType"))
        self.learn_id(kind, recorded.get("actorTypeId"), actual.get("actorTypeId"))
        for name in ("slug", "uuid"):
            self.learn_string(recorded.get(name), actual.get(name))

    def learn_key(self, recorded, actual) -> None:
        if isinstance(recorded, str) and _KEY_PLACEHOLDER.fullmatch(recorded) and isinstance(actual, str):
            self.strings[recorded] = actual

    # -- translating ----------------------------------------------------------------------
    def id_for(self, resource: str | None, value: int) -> int:
        if resource is None:
            return value
        found = self.ids.get((resource, value))
        if found is None:
            self.unmapped.add((resource, value))
            return value
        return found

    def text(self, value: str) -> str:
        for recorded in sorted(self.strings, key=len, reverse=True):
            if recorded in value:
                value = value.replace(recorded, self.strings[recorded])
        return value

    def path(self, path: str) -> str:
        """Translate a path and query as sent on the wire (the recording's `path_raw`)."""
        odata = _ODATA_PATH.match(path)
        if odata:
            path = self._odata_path(path, odata)
        else:
            for pattern, resources in REST_ID_PATHS:
                found = re.match(pattern, path)
                if found:
                    start, end = found.span(1)
                    path = path[:start] + str(self.id_for(resources[0], int(found.group(1)))) + path[end:]
        return self.text(path)

    def _odata_path(self, path: str, odata: re.Match) -> str:
        resource = odata.group("resource")
        key = odata.group("key") or ""
        if key:
            inner = key[1:-1]
            if inner.isdigit():
                new_key = f"({self.id_for(resource, int(inner))})"
            else:
                new_key = _KEY_PART.sub(self._key_part, key)
            path = path[:odata.start("key")] + new_key + path[odata.end("key"):]
        head, separator, query = path.partition("?")
        if separator:
            query = _COMPARISON.sub(lambda m: self._comparison(resource, m), query)
            query = _IN_LIST.sub(lambda m: self._in_list(resource, m), query)
        return head + separator + query

    def _key_part(self, found: re.Match) -> str:
        name = found.group("name")
        return f"{name}={self.id_for(resource_of_field(name), int(found.group('value')))}"

    def _field_resource(self, resource: str, field_path: str) -> str | None:
        segments = field_path.split("/")
        if segments[-1] == "id":
            return resource_of_field(segments[-2]) if len(segments) > 1 else resource
        return resource_of_field(segments[-1])

    def _comparison(self, resource: str, found: re.Match) -> str:
        target = self._field_resource(resource, found.group("field"))
        return f"{found.group('field')}{found.group('op')}{self.id_for(target, int(found.group('value')))}"

    def _in_list(self, resource: str, found: re.Match) -> str:
        target = self._field_resource(resource, found.group("field"))
        recorded = [v for v in _LIST_SEPARATOR.split(found.group("values")) if v.strip()]
        separators = _LIST_SEPARATOR.findall(found.group("values"))
        values = [str(self.id_for(target, int(v.replace("%20", "").strip()))) for v in recorded]
        joined = values[0] + "".join(sep + value for sep, value in zip(separators, values[1:]))
        return f"{found.group('field')}{found.group('op')}{joined})"

    def body(self, value, parent_field: str | None = None, actor_type: str | None = None):
        if isinstance(value, dict):
            kind = ACTOR_TYPE_RESOURCE.get(value.get("actorType")) if "actorType" in value else None
            return {self.text(k): self._field(k, v, kind) for k, v in value.items()}
        if isinstance(value, list):
            return [self.body(item, parent_field) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def _field(self, name: str, value, actor_kind: str | None):
        if name == "actorTypeId" and isinstance(value, int):
            return self.id_for(actor_kind, value)
        target = resource_of_field(name)
        if target and isinstance(value, int) and not isinstance(value, bool):
            return self.id_for(target, value)
        return self.body(value, name)

