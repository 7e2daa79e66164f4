"""Every shipped device type gets a contract with the structure the real API serves, always the same."""
from __future__ import annotations

import base64

from emulator.seed.device_type_contracts import contract
from emulator.seed.reference import load_device_types

DEVICE_TYPES = load_device_types()["device_types"]
CONTRACT_KEYS = {"slug", "name", "type", "version", "aliases", "assets", "partials", "data"}
DATA_KEYS = {"arch", "led", "hdmi", "media", "storage", "is_private", "connectivity"}


def test_every_device_type_has_a_complete_contract():
    for device_type in DEVICE_TYPES:
        found = contract(device_type)
        assert set(found) == CONTRACT_KEYS, device_type["slug"]
        assert (found["slug"], found["name"], found["type"], found["version"]) == (
            device_type["slug"], device_type["name"], "hw.device-type", "1")
        assert found["aliases"] == device_type["aliases"]
        data = found["data"]
        assert DATA_KEYS <= set(data) <= DATA_KEYS | {"family", "flashProtocol"}, device_type["slug"]
        assert data["arch"] == device_type["cpu_architecture"] and data["is_private"] is False
        assert data["media"]["defaultBoot"] in ("sdcard", "internal")
        assert data["storage"] == {"internal": data["media"]["defaultBoot"] == "internal"}
        assert set(data["connectivity"]) == {"wifi", "bluetooth"}
        assert found["partials"]["bootDevice"]
        logo = found["assets"]["logo"]
        assert logo["name"] == "logo" and logo["url"].startswith("data:image/svg+xml;base64,")
        assert base64.b64decode(logo["url"].split(",", 1)[1]).startswith(b"<svg")


def test_contracts_are_deterministic():
    assert [contract(t) for t in DEVICE_TYPES] == [contract(t) for t in DEVICE_TYPES]


def test_raspberry_pi_3_matches_the_recorded_contract_data():
    """Recordings seq 23 and 491: the real API's Raspberry Pi 3 contract."""
    (pi3,) = [t for t in DEVICE_TYPES if t["slug"] == "raspberrypi3"]
    found = contract(pi3)
    assert found["data"] == {
        "arch": "armv7hf", "led": True, "hdmi": True, "is_private": False,
        "media": {"defaultBoot": "sdcard", "altBoot": ["usb_mass_storage", "network"]},
        "storage": {"internal": False}, "connectivity": {"wifi": True, "bluetooth": True},
    }
    assert found["partials"] == {"bootDevice": ["Connect power to the {{name}}"]}


def test_the_family_and_the_flashing_protocol_appear_where_they_apply():
    by_slug = {t["slug"]: contract(t)["data"] for t in DEVICE_TYPES}
    assert by_slug["asus-tinker-board"]["family"] == "asus-rockchip"
    assert by_slug["jetson-agx-orin-devkit"]["flashProtocol"] == "jetsonFlash"
    assert "flashProtocol" not in by_slug["raspberrypi4-64"]
