# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One implementation for every "key = value under a parent" resource (tags and variables).

A sub-model is described by a ``DependentSpec``: the resource, the field linking it to its
parent, the key field, the navigation from the parent back to it, and how to look the
parent up. Reads by a non-numeric parent (slug, uuid, commit) are served in one request by
expanding the dependent rows from the parent, which also tells a missing parent apart.
"""

from __future__ import annotations

from .identifiers import is_id
from .pine import merge


class DependentSpec:
    def __init__(self, resource, parent_field, key_field, parent_navigation, parent_lookup, rows_of_parent=None):
        self.resource = resource
        self.parent_field = parent_field
        self.key_field = key_field
        self.parent_navigation = parent_navigation
        # parent_lookup(identifier, options) -> parent entity; raises the parent's NotFound
        self.parent_lookup = parent_lookup
        # rows_of_parent(identifier) -> ``$filter`` of this resource naming the parent by its slug or
        # uuid; None where such a filter could match more than one parent (a commit, a short uuid)
        self.rows_of_parent = rows_of_parent


def default_order(key_field):
    return {"$orderby": key_field + " asc"}


class DependentResource:
    def __init__(self, pine, spec):
        self.pine = pine
        self.spec = spec

    def parent_id(self, parent):
        if is_id(parent):
            return parent
        return self.spec.parent_lookup(parent, {"$select": "id"})["id"]

    def key_filter(self, parent_id, key):
        return {self.spec.parent_field: parent_id, self.spec.key_field: key}

    def get_all(self, options=None):
        return self.pine.get({
            "resource": self.spec.resource,
            "options": merge(default_order(self.spec.key_field), options or {}),
        })

    def get_all_filtered(self, resource_filter, options=None, confirm=None):
        """Rows matching ``resource_filter``; ``confirm()`` runs only when nothing matched,
        to raise the NotFound of an identifier that was filtered on by name."""
        query = dict(default_order(self.spec.key_field), **{"$filter": resource_filter})
        rows = self.get_all(merge(query, options or {}))
        if not rows and confirm is not None:
            confirm()
        return rows

    def get_all_by_parent(self, parent, options=None, confirm_id=False):
        """Rows of one parent. ``confirm_id``: a numeric parent with no rows is looked up so
        that a missing parent raises its NotFound (some official sub-models do, some don't)."""
        spec = self.spec
        if is_id(parent):
            confirm = (lambda: spec.parent_lookup(parent, {"$select": "id"})) if confirm_id else None
            return self.get_all_filtered({spec.parent_field: parent}, options, confirm)
        expand = merge(default_order(spec.key_field), options or {})
        found = spec.parent_lookup(parent, {"$select": "id", "$expand": {spec.parent_navigation: expand}})
        return found[spec.parent_navigation]

    def get(self, parent, key):
        spec = self.spec
        if is_id(parent):
            rows = self.pine.get({
                "resource": spec.resource,
                "options": {"$select": "value", "$filter": self.key_filter(parent, key)},
            })
        else:
            inner = {"$select": "value", "$filter": {spec.key_field: key}}
            rows = spec.parent_lookup(parent, {"$select": "id", "$expand": {spec.parent_navigation: inner}})[spec.parent_navigation]
        return rows[0].get("value") if rows else None

    def set(self, parent, key, value):
        spec = self.spec
        if is_id(parent):
            self.pine.upsert({"resource": spec.resource, "id": self.key_filter(parent, key), "body": {"value": value}})
            return
        # The parent lookup also tells whether the row exists: one write follows, never two.
        found = spec.parent_lookup(parent, {"$select": "id", "$expand": self.existing_row_expand(key)})
        self.write(found["id"], key, value, found[spec.parent_navigation])

    def existing_row_expand(self, key):
        """``$expand`` for a parent lookup that also returns the row ``key`` (if any) with its value."""
        return {self.spec.parent_navigation: {"$select": ["id", "value"], "$filter": {self.spec.key_field: key}}}

    def write(self, parent_id, key, value, existing_rows):
        """PATCH the row a lookup found, create it (falling back to PATCH if it appeared meanwhile),
        or write nothing when the row already holds ``value``."""
        if existing_rows:
            if existing_rows[0].get("value") == value:
                return
            self.pine.patch({"resource": self.spec.resource, "id": existing_rows[0]["id"], "body": {"value": value}})
        else:
            self.pine.upsert({"resource": self.spec.resource, "id": self.key_filter(parent_id, key), "body": {"value": value}})

    def remove(self, parent, key):
        spec = self.spec
        if is_id(parent) or spec.rows_of_parent is None:
            self.pine.delete({"resource": spec.resource, "options": {"$filter": self.key_filter(self.parent_id(parent), key)}})
            return
        # The DELETE names the parent by its slug or uuid and goes out with the parent lookup,
        # which only raises the parent's NotFound: a DELETE that matches no row is a silent no-op.
        rows = dict(spec.rows_of_parent(parent), **{spec.key_field: key})
        self.pine.parallel.run(
            lambda: spec.parent_lookup(parent, {"$select": "id"}),
            lambda: self.pine.delete({"resource": spec.resource, "options": {"$filter": rows}}),
        )
