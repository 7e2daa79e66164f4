"""Device type contracts (`hw.device-type`) with the structure the real API serves, derived from a
device type's slug, name and CPU architecture so that every shipped type gets one, always the same.

The hardware facts are plausible rather than exact: boards named for an SD card (or Raspberry Pis and
similar hobby boards) boot from it; Nvidia Jetson modules are flashed over USB; the rest boot from
internal storage and are flashed from an external medium. Only hobby boards have a status LED the
flasher can use; gateways and headless modules have no HDMI.
"""
from __future__ import annotations

import base64
import hashlib
import re

X86 = frozenset({"amd64", "i386", "i386-nlp"})
SD_CARD_BOARDS = ("raspberry", "orange-pi", "orangepi", "nanopi", "bananapi", "odroid", "rockpi",
                  "beagleboard", "aio-", "parallella", "radxa-zero")
SD_CARD_SLUGS = frozenset({"asus-tinker-board"})
JETSON_FLASHED = ("xavier", "orin", "nano", "thor")
WITH_LED = ("beagle", "am571x", "fincm3", "asus-tinker-board")
HEADLESS = ("gate", "iotdin", "iot-link", "revpi", "owa5x", "isg-", "eg5120", "npe-", "n6g", "iot2000",
            "cybertan", "edison", "pocket", "neo-air", "orange-pi-zero", "nanopi-r2", "ts4900", "imx6ul",
            "beaglebone-green", "ecu", "lcbzu9", "tdpzu9")
WIRELESS = ("raspberry", "fincm3", "asus-tinker", "coral", "surface", "radxa", "rockpi", "artik", "bananapi",
            "orange-pi-lite", "orangepi-plus2", "nanopi-neo-air", "beaglebone-green-wifi", "intel-nuc", "up-",
            "odyssey", "jetson-xavier-nx", "jetson-orin-nano", "beagleplay", "etcher-pro", "aio-", "n310",
            "n510")
NO_WIRELESS = ("raspberry-pi2",)
RASPBERRY_PI_BOOT = ["usb_mass_storage", "network"]


def _boots_from_sd_card(slug: str, name: str) -> bool:
    tokens = re.split(r"[\s()/_-]+", name.upper())
    return slug.startswith(SD_CARD_BOARDS) or slug in SD_CARD_SLUGS or "SD" in tokens


def _media(slug: str, arch: str, sd_card: bool, jetson: bool) -> dict:
    if sd_card:
        media = {"defaultBoot": "sdcard"}
        if slug.startswith("raspberry"):
            media["altBoot"] = list(RASPBERRY_PI_BOOT)
        return media
    if jetson:
        return {"defaultBoot": "internal"}
    return {"defaultBoot": "internal", "altBoot": ["usb_mass_storage"] if arch in X86 else ["sdcard"]}


def _partials(arch: str, sd_card: bool, jetson: bool) -> dict:
    if sd_card or jetson:
        return {"bootDevice": ["Connect power to the {{name}}"]}
    if arch in X86:
        return {
            "bootDevice": ["Remove the USB key and power on the {{name}}"],
            "flashIndicator": ["the {{name}} shuts down"],
            "bootDeviceExternal": ["Insert the USB key and power on the {{name}}, booting from USB"],
        }
    return {
        "bootDevice": ["Remove the SD card, then remove and re-connect power to the {{name}}"],
        "flashIndicator": ["all LEDs are off"],
        "bootDeviceExternal": ["Insert the SD card and connect power to the {{name}}"],
    }


def logo_data_url(slug: str, name: str) -> str:
    """A small SVG badge with the device type's initials, in a colour taken from its slug."""
    colour = hashlib.sha256(slug.encode()).hexdigest()[:6]
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", name)[:3]).upper() or "?"
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
           f'<rect width="64" height="64" rx="8" fill="#{colour}"/>'
           '<text x="32" y="40" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#fff">'
           f"{initials}</text></svg>")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def contract(device_type: dict) -> dict:
    """The contract of one entry of the device types data file."""
    slug, name, arch = device_type["slug"], device_type["name"], device_type["cpu_architecture"]
    sd_card = _boots_from_sd_card(slug, name)
    jetson = not sd_card and any(marker in slug for marker in JETSON_FLASHED)
    wireless = slug.startswith(WIRELESS) and slug not in NO_WIRELESS
    data = {
        "arch": arch,
        "led": sd_card or slug.startswith(WITH_LED),
        "hdmi": not any(marker in slug for marker in HEADLESS),
        "media": _media(slug, arch, sd_card, jetson),
        "storage": {"internal": not sd_card},
        "is_private": False,
        "connectivity": {"wifi": wireless, "bluetooth": wireless},
    }
    if jetson:
        data["flashProtocol"] = "jetsonFlash"
    if device_type.get("family"):
        data["family"] = device_type["family"]["slug"]
    return {
        "slug": slug,
        "name": name,
        "type": "hw.device-type",
        "version": "1",
        "aliases": list(device_type["aliases"]),
        "assets": {"logo": {"name": "logo", "url": logo_data_url(slug, name)}},
        "partials": _partials(arch, sd_card, jetson),
        "data": data,
    }
