"""The "name = value under a parent" resources: variables, tags and labels all have this shape."""
from __future__ import annotations

from ..declare import Resource
from .shorthand import link, string, text


def variable(name: str, parent: str, parent_resource: str, *, aliases: tuple = (), grants: tuple = (),
             key: str = "name") -> Resource:
    return Resource(
        name=name,
        fields=(
            link(parent, parent_resource, required=True),
            string(key, required=True),
            text("value", required=True),
        ),
        aliases=aliases,
        unique=((parent, key),),
        grants=grants,
    )


def tag(name: str, parent: str, parent_resource: str, *, aliases: tuple = (), grants: tuple = ()) -> Resource:
    return variable(name, parent, parent_resource, aliases=aliases, grants=grants, key="tag_key")


def label(name: str, parent: str, parent_resource: str, *, grants: tuple = ()) -> Resource:
    return variable(name, parent, parent_resource, grants=grants, key="label_name")
