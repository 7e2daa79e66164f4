"""Check mode predicts the real run: the same result shape, the same refusals, the same predicted fields."""
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_application, balena_device, balena_device_action

from .module_runner import run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_a_fleet_about_to_be_created_has_its_slug_and_the_real_shape(fresh_emulator):
    args = dict(auth(fresh_emulator), name="Kiosk-Fleet", organization="demo", device_type="raspberrypi4-64")
    predicted = run_module(balena_application.main, args, check_mode=True)
    created = run_module(balena_application.main, args)
    assert predicted["application"]["slug"] == created["application"]["slug"] == "demo/kiosk-fleet"
    assert set(created["application"]) == set(predicted["application"])
    for field, value in predicted["application"].items():
        if field in ("id", "uuid"):
            assert value is None and created["application"][field]
        else:
            assert created["application"][field] == value, field


def test_a_fleet_name_the_api_refuses_fails_in_check_mode_too(emulator):
    for check_mode in (True, False):
        args = dict(auth(emulator), name="new_fleet!", organization="demo", device_type="raspberrypi4-64")
        result = run_module(balena_application.main, args, check_mode=check_mode)
        assert result.get("failed") and result["msg"].startswith("name: fleet name 'new_fleet!' may only contain")
    for problem in ({"organization": "no-such-org"}, {"device_type": None}):
        args = dict(auth(emulator), name="fine-name", organization="demo", device_type="raspberrypi4-64")
        args.update(problem)
        result = run_module(balena_application.main, {key: value for key, value in args.items() if value is not None},
                            check_mode=True)
        assert result.get("failed"), problem


def test_an_os_version_that_does_not_exist_fails_in_check_mode_too(emulator):
    uuid = emulator.credentials["device"]["uuid"]
    result = run_module(balena_device_action.main, dict(auth(emulator), uuid=uuid, action="os_update", os_version="99.0.0"),
                        check_mode=True)
    assert result.get("failed") and not result["changed"], result
    assert "balenaOS 99.0.0 is not available for device type" in result["msg"]


def test_a_move_predicts_the_pin_and_release_it_really_leaves(fresh_emulator):
    credentials = fresh_emulator.credentials
    run_module(balena_application.main, dict(auth(fresh_emulator), name="second-signage", organization="demo",
                                             device_type="raspberrypi4-64"))
    uuid = credentials["device"]["uuid"]
    run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, release="1.0.0"))
    for fleet in ("demo/second-signage", credentials["fleet"]):
        args = dict(auth(fresh_emulator), uuid=uuid, fleet=fleet)
        predicted = run_module(balena_device.main, args, check_mode=True)["device"]
        moved = run_module(balena_device.main, args)["device"]
        for field in ("fleet", "fleet_id", "pinned_release", "pinned_release_id", "target_release", "target_release_version",
                      "target_release_id", "device_type"):
            assert predicted[field] == moved[field], (fleet, field)
