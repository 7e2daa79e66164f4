#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_os_config
short_description: Write the config.json of a balena fleet or of a pre-registered device
version_added: 1.0.0
description:
  - Writes to O(dest), on the controller and with mode C(0600), the C(config.json) that a balenaOS image needs to
    join a fleet, as C(balena config generate) does.
  - Without O(device), the config of the fleet, with a new provisioning key; any number of devices can
    join the fleet with it.
  - With O(device), the config of that pre-registered device (see M(balena.cloud.balena_device)), with its device
    key; the device keeps its uuid when it first boots.
  - Idempotent through the file. When O(dest) already holds the config of the same fleet or device, OS version
    and options, with a key that is still valid, nothing is fetched or written. Otherwise a new config is fetched
    and written. A device's config keeps the device key already in O(dest) when it is still valid, and a new device
    key is made only when there is none.
  - The OS version and the options that C(config.json) does not show are kept beside it, in C(<dest>.balena.json).
  - Keys and the Wi-Fi passphrase never appear in the result or the diff.
  - When a fleet's config is written again, the provisioning key of the config it replaces is revoked once the new
    file is in place; when writing fails, the key just made is revoked. Each provisioning key has a name and, by
    default, an expiry date.
  - O(dest) is checked before anything is fetched (also in check mode) - it must not be a directory and its
    directory must be writable. A file whose mode is not C(0600) gets that mode back (a change).
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  fleet:
    description:
      - Slug, uuid or numeric id of the fleet. Required unless O(device) is set (then its fleet is used, and
        a fleet given here must be that one).
    type: str
  device:
    description:
      - Uuid or numeric id of a pre-registered device whose config to write.
    type: str
  version:
    description:
      - The balenaOS version the config is for, as M(balena.cloud.balena_os_version_info) accepts it
        (C(6.0.13), C(2.88.4+rev1.prod), V(recommended), C(^5.0.0)); it must be available for the device type.
    type: str
    required: true
  device_type:
    description:
      - Slug or alias of the device type the config is for. By default the device's, or the fleet's.
    type: str
  network:
    description:
      - How the device connects.
    type: str
    choices: [ethernet, wifi]
    default: ethernet
  wifi_ssid:
    description:
      - Wi-Fi network name. Required with O(network=wifi).
    type: str
  wifi_key:
    description:
      - Wi-Fi passphrase.
    type: str
  development_mode:
    description:
      - Whether the device starts in development mode.
    type: bool
    default: false
  app_update_poll_interval:
    description:
      - How often, in minutes, the device asks for updates.
    type: int
    default: 10
  ip:
    description:
      - A static IP address for the device.
    type: str
  gateway:
    description:
      - The gateway of a static IP address.
    type: str
  netmask:
    description:
      - The netmask of a static IP address.
    type: str
  provisioning_key_name:
    description:
      - Name of the provisioning key of a fleet's config. By default C(config.json) and the time it was made.
    type: str
  provisioning_key_expiry_date:
    description:
      - When the provisioning key of a fleet's config expires (an ISO 8601 date). By default
        O(provisioning_key_lifetime) days after it is made.
    type: str
  provisioning_key_lifetime:
    description:
      - Days a new provisioning key of a fleet's config stays valid when O(provisioning_key_expiry_date) is not
        set; V(0) for a key that does not expire. A config whose key expired is written again with a new key.
    type: int
    default: 365
  device_api_key:
    description:
      - A device key of O(device) to put into its config (for example RV(balena.cloud.balena_device#module:device_api_key)
        of the device just registered), so that no other key is made for the device. It must be a valid key of that
        device.
    type: str
  dest:
    description:
      - Where to write the config on the controller. Its directory is created (mode C(0700)) when missing.
    type: path
    required: true
"""

EXAMPLES = r"""
- name: Write the config of a fleet, for Wi-Fi
  balena.cloud.balena_os_config:
    fleet: myorg/signage
    version: 6.0.13
    network: wifi
    wifi_ssid: shop-floor
    wifi_key: "{{ vault_wifi_key }}"
    dest: build/signage/config.json

- name: Write the config of a pre-registered device
  balena.cloud.balena_os_config:
    device: 7f3c5bd0e1a94c2e8d3b6a1f0c9e8d7b
    version: recommended
    development_mode: true
    dest: build/devices/7f3c5bd0/config.json
"""

RETURN = r"""
dest:
  description: The path written (or that would be).
  returned: always
  type: str
  sample: build/signage/config.json
fleet:
  description: Slug of the fleet.
  returned: always
  type: str
  sample: myorg/signage
device:
  description: Uuid of the device, for a device's config.
  returned: when O(device) is set
  type: str
device_type:
  description: Slug of the device type the config is for.
  returned: always
  type: str
  sample: raspberrypi4-64
version:
  description: The balenaOS release the config is for.
  returned: always
  type: str
  sample: 6.0.13+prod
config:
  description: The config.json written (or found), with C(apiKey), C(deviceApiKey) and C(wifiKey) masked.
    In check mode, when a new one would be written, only the values known before it is fetched.
  returned: always
  type: dict
  sample: {"applicationId": 1, "deviceType": "raspberrypi4-64", "apiKey": "********", "appUpdatePollInterval": 600000}
reasons:
  description: Why a config was (or would be) written; empty when the file was kept.
  returned: always
  type: list
  elements: str
  sample: ["version", "wifiSsid"]
key_made:
  description: Whether a new key was made (a provisioning key for a fleet, a device key for a device).
  returned: always
  type: bool
"""

import datetime
import os
import stat
import time

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.client import connect
from ansible_collections.balena.cloud.plugins.module_utils.config_json import (
    config_text, key_of, masked_config, mismatches, read_json, sidecar_path, write_config,
)
from ansible_collections.balena.cloud.plugins.module_utils.dest_path import check_writable_dest
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.os_targets import device_type_slug, find_device, os_release
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ApplicationNotFound, NotLoggedIn

MINUTE_MS = 60000
DISCARDED_KEY_NAME = "discarded: fetched with a device config"
DISCARDED_KEY_LIFETIME = datetime.timedelta(days=1)
DEVICE_KEY_NAME = "config.json of the device"
PRIVATE_MODE = 0o600
OPTIONAL_API_OPTIONS = (("ip", "ip"), ("gateway", "gateway"), ("netmask", "netmask"),
                        ("provisioning_key_name", "provisioningKeyName"),
                        ("provisioning_key_expiry_date", "provisioningKeyExpiryDate"))


class OsConfigModule(BalenaModule):
    argument_spec = {
        "fleet": {"type": "str"},
        "device": {"type": "str"},
        "version": {"type": "str", "required": True},
        "device_type": {"type": "str"},
        "network": {"type": "str", "choices": ["ethernet", "wifi"], "default": "ethernet"},
        "wifi_ssid": {"type": "str"},
        "wifi_key": {"type": "str", "no_log": True},
        "development_mode": {"type": "bool", "default": False},
        "app_update_poll_interval": {"type": "int", "default": 10},
        "ip": {"type": "str"},
        "gateway": {"type": "str"},
        "netmask": {"type": "str"},
        "provisioning_key_name": {"type": "str", "no_log": False},
        "provisioning_key_expiry_date": {"type": "str", "no_log": False},
        "provisioning_key_lifetime": {"type": "int", "default": 365, "no_log": False},
        "device_api_key": {"type": "str", "no_log": True},
        "dest": {"type": "path", "required": True},
    }
    module_options = {"required_one_of": [["fleet", "device"]], "required_if": [["network", "wifi", ["wifi_ssid"]]]}
    hidden_options = ("wifi_key", "device_api_key")

    def run(self):
        params = self.params
        if params["app_update_poll_interval"] < 1:
            raise ParameterError("app_update_poll_interval", "must be at least 1 (minute)")
        if params["provisioning_key_lifetime"] < 0:
            raise ParameterError("provisioning_key_lifetime", "must be 0 (no expiry) or a number of days")
        if params["device_api_key"] is not None and params["device"] is None:
            raise ParameterError("device_api_key", "is a key of a device: set device too")
        self.check_option_combinations()
        check_writable_dest(params["dest"])
        device = self.device() if params["device"] is not None else None
        fleet = self.fleet(device)
        slug = (device_type_slug(self, params["device_type"]) if params["device_type"] is not None
                else (device or fleet)["device_type"])
        if slug != fleet["device_type"]:
            self.check_architecture(slug, fleet)
        release = os_release(self, slug, params["version"], None)
        options = self.api_options(slug, release["raw_version"])
        wanted = self.wanted(fleet, device, slug, options)
        dest = params["dest"]
        current, record = read_json(dest), read_json(sidecar_path(dest))
        key = key_of(current) if current is not None else None
        key_valid = key is not None and self.key_is_valid(key, device, fleet)
        reasons = mismatches(current, record, wanted)
        if current is not None and not key_valid:
            reasons.append("key")
        given_key = params["device_api_key"]
        if given_key is not None and given_key != key:
            if not self.key_is_valid(given_key, device, fleet):
                raise ParameterError("device_api_key", "is not a valid key of device " + device["uuid"])
            if "key" not in reasons:
                reasons.append("key")
            key, key_valid = given_key, True
        result = {"dest": dest, "fleet": fleet["slug"], "device_type": slug, "version": release["raw_version"],
                  "reasons": reasons, "key_made": False}
        if device is not None:
            result["device"] = device["uuid"]
        if not reasons:
            if file_mode(dest) == PRIVATE_MODE:
                return dict(result, changed=False, config=masked_config(current))
            if not self.check_mode:
                os.chmod(dest, PRIVATE_MODE)
            result["reasons"] = ["mode"]
            return dict(result, changed=True, config=masked_config(current))
        reused_key = key if device is not None and key_valid and (given_key or current.get("deviceApiKey")) else None
        if self.check_mode:
            config = self.predicted(current, wanted, device)
            result["key_made"] = reused_key is None
        else:
            config, new_key_id = self.fetch(fleet, device, options, reused_key)
            result["key_made"] = reused_key is None
            try:
                write_config(dest, config, dict(wanted["record"], provisioning_key_id=new_key_id))
            except Exception:
                self.revoke(new_key_id)
                raise
            if device is None and key_valid and (record or {}).get("provisioning_key_id") not in (None, new_key_id):
                self.revoke(record["provisioning_key_id"])
        result.update(changed=True, config=masked_config(config))
        result["diff"] = {"before": config_text(current), "after": config_text(config),
                          "before_header": dest, "after_header": dest}
        return result

    @staticmethod
    def predicted(current, wanted, device):
        """The config a real run would write, as far as it is known without fetching it: the file's values with
        the wanted ones over them (so that the check mode's diff is the real run's)."""
        config = dict((key, value) for key, value in (current or {}).items() if key not in wanted["absent"])
        config.update(wanted["config"])
        config["deviceApiKey" if device else "apiKey"] = "new"
        return config

    def check_option_combinations(self):
        """Refuse options that would otherwise be left out of the config without a word."""
        params = self.params
        if params["network"] != "wifi":
            for option in ("wifi_ssid", "wifi_key"):
                if params[option] is not None:
                    raise ParameterError(option, "is used only with network: wifi (network is {0})".format(params["network"]))
        if params["ip"] is not None:
            missing = [option for option in ("gateway", "netmask") if params[option] is None]
            if missing:
                raise ParameterError("ip", "a static IP address needs {0} too".format(" and ".join(missing)))

    def check_architecture(self, slug, fleet):
        """The API lets a fleet take only device types of its own CPU architecture."""
        options = {"$select": "slug", "$expand": {"is_of__cpu_architecture": {"$select": "slug"}}}
        architectures = [self.client.models.device_type.get(name, options)["is_of__cpu_architecture"][0]["slug"]
                         for name in (slug, fleet["device_type"])]
        if architectures[0] != architectures[1]:
            raise ParameterError("device_type", "{0} ({1}) is not of the CPU architecture of fleet {2}, whose device type is "
                                 "{3} ({4})".format(slug, architectures[0], fleet["slug"], fleet["device_type"],
                                                    architectures[1]))

    def device(self):
        options = {"$select": ["id", "uuid", "belongs_to__application"], "$expand": {"is_of__device_type": {"$select": "slug"}}}
        row = find_device(self, self.params["device"], options)
        return {"id": row["id"], "uuid": row["uuid"], "fleet_id": row["belongs_to__application"]["__id"],
                "device_type": row["is_of__device_type"][0]["slug"]}

    def fleet(self, device):
        name = self.params["fleet"]
        options = {"$select": ["id", "slug"], "$expand": {"is_for__device_type": {"$select": "slug"}}}
        try:
            row = self.client.models.application.get(name if name is not None else device["fleet_id"], options)
        except ApplicationNotFound:
            raise ParameterError("fleet", "no fleet is named {0!r}".format(name)) from None
        if device is not None and row["id"] != device["fleet_id"]:
            raise ParameterError("device", "device {0} is not in fleet {1}".format(device["uuid"], row["slug"]))
        return {"id": row["id"], "slug": row["slug"], "device_type": row["is_for__device_type"][0]["slug"]}

    def api_options(self, slug, version):
        params = self.params
        options = {"version": version, "network": params["network"], "deviceType": slug,
                   "appUpdatePollInterval": params["app_update_poll_interval"]}
        if params["development_mode"]:
            options["developmentMode"] = True
        if params["network"] == "wifi":
            options["wifiSsid"] = params["wifi_ssid"]
            if params["wifi_key"] is not None:
                options["wifiKey"] = params["wifi_key"]
        for option, api_name in OPTIONAL_API_OPTIONS:
            if params[option] is not None:
                options[api_name] = params[option]
        return options

    def wanted(self, fleet, device, slug, options):
        """What the file must hold: config.json values, keys it must not have, and the record beside it."""
        config = {"applicationId": fleet["id"], "deviceType": slug,
                  "appUpdatePollInterval": self.params["app_update_poll_interval"] * MINUTE_MS}
        absent = []
        for key in ("developmentMode", "wifiSsid", "wifiKey"):
            if key in options:
                config[key] = options[key]
            else:
                absent.append(key)
        if device is not None:
            config.update(uuid=device["uuid"], deviceId=device["id"])
            absent.append("apiKey")
        else:
            absent.extend(["uuid", "deviceApiKey"])
        record = {"fleet": fleet["id"], "device": device["uuid"] if device else None,
                  "options": dict((k, v) for k, v in options.items() if k != "wifiKey")}
        return {"config": config, "absent": absent, "record": record}

    def key_is_valid(self, key, device, fleet):
        """Whether ``key`` still authenticates as the device (or the fleet) the config is for."""
        try:
            actor = connect(dict(self.params, api_key=key)).auth.whoami()
        except NotLoggedIn:
            return False
        expected = ("device", device["id"]) if device is not None else ("application", fleet["id"])
        return isinstance(actor, dict) and (actor.get("actorType"), actor.get("actorTypeId")) == expected

    def fetch(self, fleet, device, options, reused_key):
        """The config to write, and the id of the provisioning key it carries (None for a device's)."""
        os_model = self.client.models.os
        now = datetime.datetime.now(datetime.timezone.utc)
        if device is None:
            name = options.get("provisioningKeyName") or "config.json " + now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            named = dict(options, provisioningKeyName=name)
            lifetime = self.params["provisioning_key_lifetime"]
            if "provisioningKeyExpiryDate" not in options and lifetime:
                named["provisioningKeyExpiryDate"] = api_date(now + datetime.timedelta(days=lifetime))
            with self.step("fetching the config of fleet " + fleet["slug"]):
                config = os_model.get_config(fleet["id"], named)
            return config, self.newest_key_id(fleet, name)
        # The API builds only fleet configs: a device's is one without the provisioning key, with the
        # device's key and identity added (as balena-cli does). The provisioning key is revoked at once.
        base = dict(options, provisioningKeyName=DISCARDED_KEY_NAME,
                    provisioningKeyExpiryDate=api_date(now + DISCARDED_KEY_LIFETIME))
        with self.step("fetching the config of device " + device["uuid"]):
            config = os_model.get_config(fleet["id"], base)
            config.pop("apiKey", None)
            self.revoke(self.newest_key_id(fleet, DISCARDED_KEY_NAME))
            key = reused_key or self.client.models.device.generate_device_key(device["id"], name=DEVICE_KEY_NAME)
        config.update(deviceApiKey=key, uuid=device["uuid"], deviceId=device["id"], registered_at=int(time.time()))
        return config, None

    def newest_key_id(self, fleet, name):
        with self.step("looking up provisioning key {0!r} of fleet {1}".format(name, fleet["slug"])):
            rows = self.client.models.api_key.get_provisioning_api_keys_by_application(
                fleet["id"], {"$select": "id", "$filter": {"name": name}, "$orderby": "id desc", "$top": 1})
        return rows[0]["id"] if rows else None

    def revoke(self, key_id):
        if key_id is not None:
            with self.step("revoking provisioning key {0}".format(key_id)):
                self.client.models.api_key.revoke(key_id)


def api_date(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def file_mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def main():
    OsConfigModule.main()


if __name__ == "__main__":
    main()
