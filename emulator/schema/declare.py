"""The vocabulary the resource declarations are written in.

Every resource automatically has `id` (integer primary key), `created_at` and `modified_at`;
declarations list only the other fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

# Wire types. `fk` is an integer id written plainly and read back as {"__id": n}.
# `biginteger` is read back as a string, `json` must be an object or an array.
TYPES = ("integer", "biginteger", "real", "string", "text", "boolean", "datetime", "json", "fk")

# Who may write a field:
USER = "user"          # clients may set it on POST and PATCH
CREATE_ONLY = "create"  # clients may set it on POST only; dropped on PATCH
SERVER = "server"      # clients' values are dropped; hooks set it
COMPUTED = "computed"  # never stored: `sql` derives it on read; a PATCH of only computed fields is a 400


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False              # POST without it: 400 naming it (the real API: empty 500)
    nullable: bool = True
    default: Any = None                 # a value, or a callable taking no argument (e.g. a uuid factory)
    write: str = USER
    max_length: Optional[int] = None    # `string` defaults to 255 when this is None
    choices: Optional[tuple] = None     # a value outside: 400 "Check constraint violated"
    references: Optional[str] = None    # for `fk`: the target resource name
    sql: Optional[str] = None           # for COMPUTED: an SQL expression; `{t}` is the row's table alias
    # False for secrets: OData treats the field as unknown for every caller (admin included), while
    # hooks and REST routes, which use the store directly, still read and write it.
    readable: bool = True
    # An OData $filter template over the row (placeholders as in Grant.where): the value is shown, and
    # can be filtered and ordered on, only on rows matching it; elsewhere it reads as null. None: always.
    read_where: Optional[str] = None


@dataclass(frozen=True)
class Reverse:
    """A navigation from the declaring resource to the rows of `resource` whose `field` points at it."""
    name: str
    resource: str
    field: str


@dataclass(frozen=True)
class Grant:
    """What a kind of caller may do with a resource, and on which rows.

    who:     "guest" (every caller, anonymous included), "user" (session or named user API key),
             "application" (provisioning key), "device" (device key)
    actions: any of "read", "create", "update", "delete"
    where:   None for every row, or an OData $filter template over the resource with placeholders
             filled from the caller (see emulator.auth.caller.Caller.bind): {actor} {user}
             {application} {device} for single ids, {orgs} {admin_orgs} {apps} {writable_apps}
             for id lists written as `(1,2,3)`.
    fixed:   fields this grant does not let the caller change on update: a change of one of them needs
             another grant of the caller that does, matching the row both before and after the change.

    A row changed by a PATCH or PUT must still match the caller's update grants afterwards, and every
    link the write re-points must lead to a row the caller may read (see emulator.odata.write_check).
    """
    who: str
    actions: tuple
    where: Optional[str] = None
    fixed: tuple = ()


@dataclass(frozen=True)
class Resource:
    name: str
    fields: tuple
    aliases: tuple = ()                 # other names the resource answers to in URLs
    unique: tuple = ()                  # tuples of field names; each is a natural key too
    reverse: tuple = ()                 # Reverse navigations
    nav_aliases: dict = field(default_factory=dict)   # extra navigation name -> field or reverse name
    grants: tuple = ()
    default_orderby: Optional[str] = None
    on_read: Optional[Callable] = None  # reserved for virtual resources; None for stored ones
    keyed_delete_not_found: Optional[str] = None  # DELETE res(<id>) matching nothing: 404 with this text

    def field(self, name: str) -> Optional[Field]:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        return None
