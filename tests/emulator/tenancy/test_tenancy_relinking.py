"""No caller moves its rows under another tenant by re-pointing a link.

Walks every declared resource with a link field clients may change and, for each kind of caller of
the demo tenant, re-points that link at a row of the other tenant (a row the second user reads and
the caller does not) with PATCH and PUT, by id and by $filter. A row the caller may update must be
refused with 401; any other row is left alone (401, or the real API's 200 no-op); no row changes.
"""
from __future__ import annotations

import pytest

from emulator.schema.declare import USER
from emulator.schema.registry import RESOURCES
from tenancy_client import CALLER_KINDS, Tenancy

LINKED = sorted(
    name for name, resource in RESOURCES.items()
    if any(field.type == "fk" and field.write == USER and field.readable for field in resource.fields)
)
ROWS_TRIED = 20

# The writes the walk must reach with a row the caller may update (so a 401 is the only right answer).
MUST_BE_REFUSED = {
    ("application_environment_variable", "application", "user API key"),
    ("application_environment_variable", "application", "user session"),
    ("device_tag", "device", "user API key"),
    ("device_tag", "device", "device key"),
    ("device", "belongs_to__application", "device key"),
    ("device", "is_pinned_on__release", "device key"),
    ("application", "organization", "user API key"),
    ("organization_membership", "is_member_of__organization", "user session"),
    ("user_public_key", "user", "user session"),
    ("release", "belongs_to__application", "user API key"),
}


@pytest.fixture(scope="module")
def tenancy(suite_emulator):
    tenancy = Tenancy(suite_emulator("tenancy-relinking"))
    demo, alice = tenancy.credentials, tenancy.credentials["second_user"]
    tenancy.fill_tenant("user API key", demo["user_id"], demo["organization"], demo["fleet"])
    tenancy.fill_tenant("other tenant", alice["user_id"], alice["organization"], alice["fleet"])
    return tenancy


def _rows_to_move(tenancy, resource: str, who: str) -> list:
    """[(row id, may the caller update it)]: a row of the caller's tenant (not one the other tenant reads
    too, such as public host OS rows), one it may update if there is one."""
    others = set(tenancy.ids(resource, "other tenant"))
    readable = [row_id for row_id in tenancy.ids(resource, who) if row_id not in others][:ROWS_TRIED]
    updatable = [row_id for row_id in readable if tenancy.may_update(resource, row_id, who)]
    if updatable:
        return [(updatable[0], True)]
    if readable:
        return [(readable[0], False)]
    own = [row_id for row_id in tenancy.ids(resource, "admin") if row_id not in others]
    return [(own[0], False)] if own else []


def _other_tenants_row(tenancy, target: str, who: str):
    mine = set(tenancy.ids(target, who))
    theirs = [row_id for row_id in tenancy.ids(target, "other tenant") if row_id not in mine]
    return theirs[0] if theirs else None


def _writes(resource: str, row_id: int, body: dict):
    yield "PATCH", f"/v7/{resource}({row_id})", body
    yield "PATCH", f"/v7/{resource}?$filter=id eq {row_id}", body
    yield "PUT", f"/v7/{resource}({row_id})", body
    yield "PUT", f"/v7/{resource}?$filter=id eq {row_id}", body


@pytest.mark.parametrize("who", CALLER_KINDS)
@pytest.mark.parametrize("resource", LINKED)
def test_relinking_to_another_tenant_is_refused(tenancy, resource, who):
    declaration = RESOURCES[resource]
    links = [field for field in declaration.fields
             if field.type == "fk" and field.write == USER and field.readable]
    for row_id, may_update in _rows_to_move(tenancy, resource, who):
        for field in links:
            target = _other_tenants_row(tenancy, field.references, who)
            if target is None:
                continue   # every row of the target is shared with this caller (device types, roles)
            before = tenancy.row(resource, row_id)
            for method, path, body in _writes(resource, row_id, {field.name: target}):
                response = tenancy.call(method, path, who, json=body)
                expected = (401,) if may_update else (200, 401)
                assert response.status_code in expected, (method, path, body, who, response.text)
                assert tenancy.row(resource, row_id) == before, (method, path, body, who)


@pytest.mark.parametrize("resource, field, who", sorted(MUST_BE_REFUSED))
def test_the_walk_reaches_the_writes_that_used_to_move_rows(tenancy, resource, field, who):
    """The walk tries these on a row the caller may update, where only a 401 passes."""
    assert resource in LINKED
    ((_, may_update),) = _rows_to_move(tenancy, resource, who)
    assert may_update
    assert _other_tenants_row(tenancy, RESOURCES[resource].field(field).references, who) is not None
