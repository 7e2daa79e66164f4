"""OS images and device configuration: `GET /download` (a small deterministic fake image),
`GET|POST /download-config` (a device's config.json, with a new provisioning key) and
`GET /os/v1/config` (what balenaOS fetches for its VPN and SSH setup)."""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from ..auth.api_keys import create_key, expiry_from_body
from ..auth.caller import ADMIN
from ..auth.users import ensure_actor
from ..errors import bad_request, not_found
from ..store.values import INT4_RANGE, out_of_int4_range
from ..web.response import Response, json_response
from .device_types_data import find_device_type
from .guards import body_object, can_read_app, can_write_app, require_user

IMAGE_BYTES = 4096
DEFAULT_POLL_INTERVAL_MS = 60_000
PROVISIONING_KEY_NAME = "Automatically generated provisioning key"
VPN_HOST = "vpn.emulator.test"
REGISTRY_HOST = "registry.emulator.test"
OPENVPN_CONFIG = (
    "\nclient\nremote {vpn} 443\nresolv-retry infinite\n\nremote-cert-tls server\ntls-version-min 1.2\n"
    "ca /etc/openvpn/ca.crt\nauth-user-pass /var/volatile/vpn-auth\nauth-retry none\nscript-security 2\n"
    "up /etc/openvpn-misc/upscript.sh\nup-restart\ndown /etc/openvpn-misc/downscript.sh\n\ncomp-lzo\n"
    "dev resin-vpn\ndev-type tun\nproto tcp\nnobind\n\npersist-key\npersist-tun\nverb 3\nuser openvpn\n"
    "group openvpn\n\nreneg-bytes 0\nreneg-pkts 0\nreneg-sec 0\n"
)
FAKE_CA = "-----BEGIN CERTIFICATE-----\nZW11bGF0b3IgdGVzdCBDQSwgbm90IGEgcmVhbCBjZXJ0aWZpY2F0ZQ==\n-----END CERTIFICATE-----\n"


def _api_endpoint(world, request) -> str:
    host = request.header("Host") or urlsplit(world.base_url).netloc or "127.0.0.1"
    return f"http://{host}"


def fake_image(seed: str) -> bytes:
    """IMAGE_BYTES of bytes that depend only on `seed` (the query), so downloads are reproducible."""
    header = f"balenaOS emulator image\n{seed}\n".encode()
    blocks, counter = [header], 0
    while sum(len(block) for block in blocks) < IMAGE_BYTES:
        blocks.append(hashlib.sha256(f"{seed}:{counter}".encode()).digest())
        counter += 1
    return b"".join(blocks)[:IMAGE_BYTES]


def download(world, request):
    query = request.query()
    slug, version = query.get("deviceType"), query.get("version") or "latest"
    if not slug:
        raise bad_request("A device type is required")
    with world.store.transaction() as tx:
        device_type = find_device_type(tx, slug)
    if device_type is None:
        raise not_found(f"Unknown device type {slug}")
    seed = "&".join(f"{key}={query[key]}" for key in sorted(query))
    filename = f"balena-{device_type['slug']}-{version}.img"
    return Response(200, fake_image(seed), "application/octet-stream",
                    {"Content-Disposition": f'attachment; filename="{filename}"'})


def _options(request) -> dict:
    options = dict(request.query())
    if request.method == "POST":
        options.update(body_object(request))
    return options


def download_config(world, request):
    caller = require_user(request)
    options = _options(request)
    app_id = options.get("appId")
    if app_id in (None, ""):
        raise bad_request("An appId is required.")
    if not options.get("version"):
        raise bad_request("A version is required.")
    if not str(app_id).isdigit():
        raise bad_request("An appId is required.")
    app_id = int(app_id)
    if app_id not in INT4_RANGE:
        raise bad_request(f"Invalid request: {out_of_int4_range(app_id, 'appId')}")
    with world.store.transaction() as tx:
        app = tx.get("application", app_id)
        if app is None or not can_read_app(caller, app_id):
            raise not_found("Application not found")
        device_type = tx.get("device_type", app["is_for__device_type"])
        if options.get("deviceType"):
            device_type = find_device_type(tx, str(options["deviceType"])) or device_type
        if caller.kind != ADMIN and not can_write_app(caller, app_id):
            raise not_found("Application not found")
        actor = ensure_actor(tx, "application", app_id)
        api_key = create_key(
            tx, actor,
            name=options.get("provisioningKeyName") or PROVISIONING_KEY_NAME,
            description=options.get("provisioningKeyDescription"),
            expiry_date=expiry_from_body({"expiryDate": options["provisioningKeyExpiryDate"]})
            if options.get("provisioningKeyExpiryDate") else None,
        )
    endpoint = _api_endpoint(world, request)
    config = {
        "applicationId": app_id,
        "deviceType": device_type["slug"] if device_type else None,
        "userId": caller.user_id,
        "appUpdatePollInterval": _poll_interval(options.get("appUpdatePollInterval")),
        "listenPort": 48484,
        "vpnPort": 443,
        "apiEndpoint": endpoint,
        "vpnEndpoint": VPN_HOST,
        "registryEndpoint": REGISTRY_HOST,
        "deltaEndpoint": endpoint,
        "mixpanelToken": "__ignore__",
        "apiKey": api_key,
        "logsEndpoint": endpoint,
    }
    wifi = options.get("network") == "wifi"
    if wifi:
        for key in ("wifiSsid", "wifiKey"):
            if options.get(key):
                config[key] = options[key]
    if str(options.get("developmentMode")).lower() in ("true", "1"):
        config["developmentMode"] = True
    if str(options.get("secureboot")).lower() in ("true", "1"):
        config["installer"] = {"secureboot": True}
    return json_response(config)


def _poll_interval(minutes) -> int:
    try:
        return int(float(minutes) * 60_000) if minutes not in (None, "") else DEFAULT_POLL_INTERVAL_MS
    except (TypeError, ValueError) as exc:
        raise bad_request() from exc


def os_config(world, request):
    return json_response({
        "services": {
            "openvpn": {"config": OPENVPN_CONFIG.format(vpn=VPN_HOST), "ca": FAKE_CA},
            "ssh": {"authorized_keys": ""},   # no fleet-wide SSH keys exist in the emulator
        },
        "config": {"overrides": {"logsEndpoint": _api_endpoint(world, request)}},
        "schema_version": "1.0.0",
    })


def register(router) -> None:
    router.add("GET", "/download", download)
    router.add("GET", "/download-config", download_config)
    router.add("POST", "/download-config", download_config)
    router.add("GET", "^/os/v1/config/?$", os_config)
