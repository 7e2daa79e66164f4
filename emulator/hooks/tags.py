"""Tag keys and values of fleets, devices, releases and organization memberships."""
from __future__ import annotations

import re

from .base import ResourceHooks, WriteOp, register
from .messages import length_rule, refuse

_WHITESPACE = re.compile(r"\s")
_RESERVED_PREFIXES = ("io.resin.", "io.balena.")


def check_tag_key(key, subject: str, max_length: int = 100) -> None:
    if not isinstance(key, str):
        return
    if not 0 < len(key) <= max_length:
        raise length_rule(subject, "tag key", 1, max_length)
    if _WHITESPACE.search(key):
        raise refuse("Tag keys cannot contain whitespace.")
    for prefix in _RESERVED_PREFIXES:
        if key.startswith(prefix):
            raise refuse(f"Tag keys beginning with {prefix} are reserved.")


class TagHooks(ResourceHooks):
    def __init__(self, resource: str, subject: str, key_max: int, value_max: int):
        self.resource = resource
        self.subject = subject
        self.key_max = key_max
        self.value_max = value_max

    def before_create(self, op: WriteOp) -> None:
        self._check(op)

    def before_update(self, op: WriteOp) -> None:
        self._check(op)

    def _check(self, op: WriteOp) -> None:
        if "tag_key" in op.values:
            check_tag_key(op.values["tag_key"], self.subject, self.key_max)
        value = op.values.get("value")
        if isinstance(value, str) and len(value) > self.value_max:
            raise length_rule(self.subject, "value", None, self.value_max)


for _resource, _subject, _key_max, _value_max in (
    ("application_tag", "application tag", 100, 1000),
    ("device_tag", "device tag", 100, 10_000),
    ("release_tag", "release tag", 164, 1000),
    ("organization_membership_tag", "organization membership tag", 100, 1000),
):
    register(TagHooks(_resource, _subject, _key_max, _value_max))
