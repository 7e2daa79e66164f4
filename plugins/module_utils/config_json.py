# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A balenaOS ``config.json`` on the controller: what a file already holds, whether it is the config
wanted, and its text with every key and Wi-Fi passphrase masked.

The API mints a new key each time it builds a config, so a config is only fetched when the file
does not already hold the one wanted. The OS version and the options that a config.json does not
show are kept beside it in ``<dest>.balena.json`` (no secret in it).
"""

from __future__ import annotations

import json

from .diff import MASK
from .sdk.private_file import write_private_file

SECRET_KEYS = ("apiKey", "deviceApiKey", "wifiKey")
SIDECAR_SUFFIX = ".balena.json"


def read_json(path):
    """The JSON object in ``path``, or None when the file is missing or not a JSON object."""
    try:
        with open(path, encoding="utf-8") as stream:
            value = json.load(stream)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def sidecar_path(dest):
    return dest + SIDECAR_SUFFIX


def masked_config(config):
    if config is None:
        return None
    return dict((key, MASK if key in SECRET_KEYS and value is not None else value) for key, value in config.items())


def config_text(config):
    return "" if config is None else json.dumps(masked_config(config), indent=2, sort_keys=True) + "\n"


def key_of(config):
    """The credential a config carries: the device key of a device's config, else the provisioning key."""
    return config.get("deviceApiKey") or config.get("apiKey")


def mismatches(config, record, wanted):
    """The names of what differs between the file (``config`` and its ``record``) and ``wanted``,
    a dict of config.json values plus ``record`` (the version and options kept beside it)."""
    if config is None:
        return ["config.json"]
    found = []
    for key, value in wanted["config"].items():
        if config.get(key) != value:
            found.append(key)
    for key in wanted["absent"]:
        if key in config:
            found.append(key)
    for key, value in wanted["record"].items():
        if (record or {}).get(key) != value:
            found.append(key)
    return found


def write_config(dest, config, record):
    """Write ``config`` to ``dest`` and its ``record`` beside it, both with mode 0600."""
    write_private_file(dest, json.dumps(config, indent=2, sort_keys=True) + "\n")
    write_private_file(sidecar_path(dest), json.dumps(record, indent=2, sort_keys=True) + "\n")
