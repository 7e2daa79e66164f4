#!/usr/bin/env python3
"""Print the fleets and devices an account sees, talking to the balena API with plain HTTP.

Usage: demo_summary.py CREDENTIALS_JSON

CREDENTIALS_JSON holds at least ``api_url``, ``username`` and ``password`` (the file the
emulator writes with ``--credentials-file``). The script logs in, then lists the account's own fleets
with their device counts and devices with their status, as the balena dashboard does: the public
host-OS fleets every account can read are not the account's and are left out.
"""
import json
import sys

import requests

TIMEOUT = 30

# "Fleets I can access" (of my organizations, or through a fleet membership or team), as the
# dashboard and the SDK's application.get_all ask for them.
FLEETS_QUERY = (
    "/v7/application?$select=id,slug&$expand=owns__device/$count"
    "&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)"
)
DEVICES_QUERY = (
    "/v7/device?$select=device_name,uuid,is_online,overall_status"
    "&$expand=belongs_to__application($select=slug)"
)


def login(api_url, username, password):
    response = requests.post(
        api_url + "/login_", json={"username": username, "password": password}, timeout=TIMEOUT
    )
    response.raise_for_status()
    return response.text.strip()


def get(api_url, token, path):
    response = requests.get(
        api_url + path, headers={"Authorization": "Bearer " + token}, timeout=TIMEOUT
    )
    response.raise_for_status()
    return response.json()["d"]


def device_count(fleet):
    count = fleet.get("owns__device", 0)
    return len(count) if isinstance(count, list) else count


def fleet_slug(device):
    fleets = device.get("belongs_to__application") or [{}]
    return fleets[0].get("slug", "-")


def table(headers, rows):
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]

    def line(cells):
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * width for width in widths])] + [line(row) for row in rows])


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as handle:
        credentials = json.load(handle)
    api_url = credentials["api_url"].rstrip("/")

    token = login(api_url, credentials["username"], credentials["password"])
    fleets = sorted(get(api_url, token, FLEETS_QUERY), key=lambda fleet: fleet["slug"])
    devices = sorted(
        get(api_url, token, DEVICES_QUERY), key=lambda device: (fleet_slug(device), device["device_name"])
    )

    print("Logged in to %s as %s\n" % (api_url, credentials["username"]))
    print("Your fleets (%d)" % len(fleets))
    print(table(["FLEET", "ID", "DEVICES"], [[f["slug"], f["id"], device_count(f)] for f in fleets]))
    print("\nDevices (%d)" % len(devices))
    print(table(
        ["DEVICE", "UUID", "FLEET", "ONLINE", "STATUS"],
        [
            [d["device_name"], d["uuid"][:7], fleet_slug(d), "yes" if d["is_online"] else "no", d["overall_status"]]
            for d in devices
        ],
    ))


if __name__ == "__main__":
    main(sys.argv)
