"""Fleet names, slugs, uuids and device types."""
from __future__ import annotations

import re
import uuid as uuid_lib

from .messages import length_rule, refuse

_APP_NAME = re.compile(r"^[a-zA-Z0-9_-]+$")


def check_app_name(name) -> None:
    if name is None:
        raise refuse("Missing application name")
    if not isinstance(name, str):
        return
    if not _APP_NAME.match(name):
        raise refuse("App name may only contain [a-zA-Z0-9_-].")
    if not 4 <= len(name) <= 100:
        raise length_rule("application", "app name", 4, 100)


def check_fleet_uuid(value) -> None:
    message = "Application UUID must be a 32 character long lower case UUID version 4."
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{32}", value):
        raise refuse(message)
    if uuid_lib.UUID(value).version != 4:
        raise refuse(message)


def slug_for(handle: str | None, app_name: str) -> str:
    if handle is None:
        raise length_rule("application", "slug", 6, 321)
    slug = f"{handle}/{app_name}".lower()
    if not 6 <= len(slug) <= 321:
        raise length_rule("application", "slug", 6, 321)
    return slug
