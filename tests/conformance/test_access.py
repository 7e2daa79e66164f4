"""What the demo user may see and change, through the official SDK: only their organizations'
fleets (balenaCloud rules; reads outside are empty, writes outside are refused or no-ops)."""
from __future__ import annotations

import pytest
from balena import exceptions


@pytest.fixture(scope="module")
def foreign(admin, balena):
    """A fleet and a device of an organization the demo user is not a member of."""
    mine = {org["id"] for org in balena.models.organization.get_all({"$select": "id"})}
    fleets = admin.rows("application?$select=id,slug,organization&$filter=is_host eq false"
                        "&$expand=owns__device($select=id,uuid,note)")
    outside = [f for f in fleets if f["organization"]["__id"] not in mine and f["owns__device"]]
    assert outside, "the demo world has a fleet with devices in another organization"
    fleet = outside[0]
    return {"fleet": fleet, "device": fleet["owns__device"][0]}


def test_foreign_fleet_is_not_found(balena, foreign):
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.get(foreign["fleet"]["id"])
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.get(foreign["fleet"]["slug"])
    assert foreign["fleet"]["id"] not in [a["id"] for a in balena.models.application.get_all({"$select": "id"})]


def test_foreign_device_is_not_found(balena, foreign):
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.get(foreign["device"]["uuid"])
    assert foreign["device"]["id"] not in [d["id"] for d in balena.models.device.get_all({"$select": "id"})]


def test_foreign_writes_change_nothing(balena, admin, foreign):
    device = foreign["device"]
    balena.pine.patch({"resource": "device", "id": device["id"], "body": {"note": "hijack"}})
    assert admin.one(f"device({device['id']})?$select=note")["note"] == device["note"]
    with pytest.raises(exceptions.RequestError) as refused:
        balena.pine.post({"resource": "device_tag",
                          "body": {"device": device["id"], "tag_key": "hijack", "value": "1"}})
    assert refused.value.status_code == 401
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.rename(device["uuid"], "hijacked")


def test_anonymous_reads_only_public_data(emulator_access):
    from .official_sdk import connect
    anonymous = connect(emulator_access.url)
    assert balena_slugs(anonymous) >= {"raspberrypi3", "intel-nuc"}
    with pytest.raises(exceptions.RequestError) as refused:
        anonymous.pine.get({"resource": "device", "options": {"$select": "id"}})
    assert refused.value.status_code == 401


def balena_slugs(client) -> set:
    return {dt["slug"] for dt in client.models.device_type.get_all({"$select": "slug"})}
