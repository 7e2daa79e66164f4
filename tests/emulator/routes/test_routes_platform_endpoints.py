"""Config, device types, downloads, OS config, invitations, the builder, health and public keys."""
from __future__ import annotations

import requests


def test_ping_and_connectivity_check(api):
    for method in ("GET", "PATCH", "POST"):
        response = requests.request(method, api.url + "/ping", timeout=10)
        assert response.status_code == 200 and response.text == "OK"
    assert api.get("/connectivity-check").status_code == 204
    unknown = api.get("/no/such/path", headers=api.session("alice"))
    assert unknown.status_code == 404 and unknown.content == b""


def test_cloud_config_has_the_keys_the_sdk_types(api):
    config = api.get("/config", headers=api.session("alice")).json()
    for key in ("deployment", "deviceUrlsBase", "adminUrl", "gitServerUrl", "ga", "mixpanelToken", "intercomAppId",
                "recurlyPublicKey", "DEVICE_ONLINE_ICON", "DEVICE_OFFLINE_ICON", "signupCodeRequired",
                "supportedSocialProviders", "pubnub"):
        assert key in config
    config_vars = api.get("/config/vars").json()
    assert config_vars["reservedNamespaces"] == ["RESIN_", "BALENA_"]
    assert "RESIN_SUPERVISOR_POLL_INTERVAL" in config_vars["configVarSchema"]["properties"]


def test_device_type_manifests(api):
    all_types = api.get("/device-types/v1").json()
    assert any(item["slug"] == "raspberrypi3" for item in all_types)
    rpi3 = api.get("/device-types/v1/raspberrypi3").json()
    assert rpi3["slug"] == "raspberrypi3" and rpi3["arch"] == "armv7hf" and "raspberrypi3" in rpi3["aliases"]
    assert api.get("/device-types/v1/raspberry-pi2").json()["slug"] == "raspberry-pi2"
    unknown = api.get("/device-types/v1/no-such-dt")
    assert unknown.status_code == 404 and unknown.json() == "Unknown device type no-such-dt"
    assert api.get("/device-types/v1/bad%20slug").json() == "Invalid device type"


def test_download_size(api):
    size = api.get("/device-types/v1/raspberrypi3/images/5.1.20/download-size").json()
    assert isinstance(size["size"], int) and size["size"] > 0
    assert api.get("/device-types/v1/raspberrypi3/images/latest/download-size").json()["size"] > 0
    missing = api.get("/device-types/v1/raspberrypi3/images/1.0.0/download-size")
    assert missing.status_code == 404 and missing.json() == "Device raspberrypi3 not found for 1.0.0 version"


def test_download_is_a_small_deterministic_image(api):
    query = "/download?deviceType=raspberrypi3&version=5.1.20&developmentMode=True"
    first = api.get(query, headers=api.session("alice"))
    assert first.status_code == 200 and first.headers["Content-Type"] == "application/octet-stream"
    assert len(first.content) < 4 * 1024 * 1024 and first.content == api.get(query).content
    assert api.get("/download?deviceType=raspberrypi3&version=6.0.1").content != first.content
    assert api.get("/download?deviceType=nope&version=1").status_code == 404


# The keys of a real config.json, and nothing else (no `files`, no `connectivity`).
CONFIG_KEYS = ("apiEndpoint", "apiKey", "appUpdatePollInterval", "applicationId", "deltaEndpoint", "deviceType",
               "listenPort", "logsEndpoint", "mixpanelToken", "registryEndpoint", "userId", "vpnEndpoint", "vpnPort")


def test_download_config_creates_a_provisioning_key(api):
    body = {"appId": api.ids["fleet_one"], "version": "v5.1.20", "deviceType": "raspberrypi3",
            "network": "wifi", "wifiSsid": "lab", "wifiKey": "secret", "appUpdatePollInterval": 10}
    config = api.post("/download-config", json=body, headers=api.session("alice")).json()
    assert config["applicationId"] == api.ids["fleet_one"] and config["deviceType"] == "raspberrypi3"
    assert config["userId"] == api.ids["alice"] and config["appUpdatePollInterval"] == 600_000
    assert config["wifiSsid"] == "lab" and config["listenPort"] == 48484
    assert sorted(config) == sorted(CONFIG_KEYS + ("wifiSsid", "wifiKey"))
    whoami = api.get("/actor/v1/whoami", headers={"Authorization": f"Bearer {config['apiKey']}"}).json()
    assert whoami["actorType"] == "application"
    query = api.get(f"/download-config?appId={api.ids['fleet_one']}&version=v5.1.20", headers=api.session("alice"))
    assert query.json()["appUpdatePollInterval"] == 60_000 and sorted(query.json()) == sorted(CONFIG_KEYS)
    development = api.get(f"/download-config?appId={api.ids['fleet_one']}&version=v5.1.20&developmentMode=true",
                          headers=api.session("alice")).json()
    assert sorted(development) == sorted(CONFIG_KEYS + ("developmentMode",)) and development["developmentMode"] is True
    headers = api.session("alice")
    assert api.post("/download-config", json={"version": "1"}, headers=headers).json() == "An appId is required."
    assert api.post("/download-config", json={"appId": 1}, headers=headers).json() == "A version is required."
    assert api.post("/download-config", json={"appId": api.ids["fleet_b"], "version": "1"},
                    headers=headers).status_code == 404
    assert api.post("/download-config", json=body).status_code == 401


def test_os_config(api):
    config = api.get("/os/v1/config").json()
    assert config["schema_version"] == "1.0.0" and "openvpn" in config["services"]
    assert api.get("/os/v1/config/").status_code == 200


def test_public_keys_need_an_api_key(api):
    with api.world.store.transaction() as tx:
        tx.insert("user_public_key", {"user": api.ids["alice"], "title": "laptop", "public_key": "ssh-ed25519 AAAA a"})
    assert api.get("/auth/v1/public-keys/alice", headers=api.key("device_online")).text == "ssh-ed25519 AAAA a"
    refused = api.get("/auth/v1/public-keys/alice", headers=api.session("alice"))
    assert refused.status_code == 401 and refused.json() == {"error": "API key required"}


def test_organization_invitation_is_accepted_once(api):
    with api.world.store.transaction() as tx:
        invitee = tx.insert("invitee", {"email": "bob@example.com"})
        role = tx.find("organization_membership_role", name="member")[0]["id"]
        invite = tx.insert("invitee__is_invited_to__organization", {
            "invitee": invitee, "is_invited_to__organization": api.ids["acme"],
            "organization_membership_role": role})
        token = tx.get("invitee__is_invited_to__organization", invite)["invitationToken"]
    assert api.post(f"/org/v1/invitation/{token}", headers=api.session("alice")).status_code == 401
    assert api.post(f"/org/v1/invitation/{token}", headers=api.session("bob")).status_code == 200
    assert api.post(f"/org/v1/invitation/{token}", headers=api.session("bob")).status_code == 404
    with api.world.store.transaction() as tx:
        assert tx.find("organization_membership", user=api.ids["bob"], is_member_of__organization=api.ids["acme"])


def test_fleet_invitation(api):
    with api.world.store.transaction() as tx:
        invitee = tx.insert("invitee", {"email": "carol@example.com"})
        invite = tx.insert("invitee__is_invited_to__application", {
            "invitee": invitee, "is_invited_to__application": api.ids["fleet_two"]})
        token = tx.get("invitee__is_invited_to__application", invite)["invitationToken"]
    assert api.post(f"/user/v1/invitation/{token}", headers=api.session("carol")).status_code == 200
    with api.world.store.transaction() as tx:
        assert tx.find("user__is_member_of__application", user=api.ids["carol"],
                       is_member_of__application=api.ids["fleet_two"])


def test_build_from_url_creates_a_release(api):
    response = api.post("/v3/buildFromUrl?headless=true&owner=acme&app=fleet-two",
                        json={"url": "https://example.com/app.tar.gz", "shouldFlatten": True},
                        headers=api.session("alice"))
    assert response.status_code == 200
    result = response.json()
    assert result["started"] is True
    release = api.row("release", result["releaseId"])
    assert release["belongs_to__application"] == api.ids["fleet_two"] and release["status"] == "success"
    with api.world.store.transaction() as tx:
        assert tx.find("release_image", is_part_of__release=result["releaseId"])
    refused = api.post("/v3/buildFromUrl?headless=true&owner=globex&app=fleet-b", json={"url": "x"},
                       headers=api.session("alice")).json()
    assert refused["started"] is False and refused["message"]


def test_registry_token_has_the_recorded_shape(api):
    response = api.get("/auth/v1/token?scope=repository:x:pull", headers=api.session("alice"))
    assert response.status_code == 200 and list(response.json()) == ["token"]
    assert response.json()["token"].count(".") == 2
    assert api.get("/auth/v1/token?scope=repository:x:pull").status_code == 401
