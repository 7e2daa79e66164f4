"""Platform configuration: balenaCloud's `GET /config` and the variable rules at `GET /config/vars`."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from ..web.response import json_response

_CONFIG_VARS = json.loads((Path(__file__).parent / "data" / "config_vars.json").read_text())
DEVICE_URLS_SUFFIX = "devices.emulator.test"


def _host(world, request) -> str:
    return request.header("Host") or urlsplit(world.base_url).netloc or "127.0.0.1"


def cloud_config(world, request):
    """The keys of balenaCloud's answer that the SDK's ConfigType describes.

    `deviceUrlsBase` names where device URLs and the actions service (OS updates) would live; the
    SDK always reaches them over https, which a plain-http emulator does not serve.
    """
    host = _host(world, request)
    return json_response({
        "deployment": "emulator",
        "deviceUrlsBase": DEVICE_URLS_SUFFIX,
        "adminUrl": f"http://{host}/",
        "gitServerUrl": f"git.{DEVICE_URLS_SUFFIX}",
        "pubnub": {"subscribe_key": "", "publish_key": ""},
        "ga": {"site": "emulator", "id": ""},
        "mixpanelToken": None,
        "intercomAppId": None,
        "recurlyPublicKey": None,
        "DEVICE_ONLINE_ICON": "",
        "DEVICE_OFFLINE_ICON": "",
        "signupCodeRequired": False,
        "supportedSocialProviders": [],
    })


def config_vars(world, request):
    return json_response(_CONFIG_VARS)


def register(router) -> None:
    router.add("GET", "/config", cloud_config)
    router.add("GET", "/config/vars", config_vars)
