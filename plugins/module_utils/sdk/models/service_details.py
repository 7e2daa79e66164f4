# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``current_services`` summary that device and fleet "with service details" reads add."""

from __future__ import annotations


def current_services_expand(with_release=True):
    image_expand = {"image": {"$select": ["id"], "$expand": {"is_a_build_of__service": {"$select": ["id", "service_name"]}}}}
    if with_release:
        image_expand["is_provided_by__release"] = {"$select": ["id", "commit", "raw_version"]}
    return {
        "image_install": {
            "$select": ["id", "download_progress", "status", "install_date"],
            "$filter": {"status": {"$ne": "deleted"}},
            "$expand": image_expand,
        },
    }


def install_summary(install):
    image = install.pop("image")[0]
    service = image["is_a_build_of__service"][0]
    summary = {"service_name": service["service_name"], "image_id": image["id"], "service_id": service["id"]}
    releases = install.pop("is_provided_by__release", None)
    if releases:
        summary["commit"] = releases[0]["commit"]
    summary.update(install)
    return summary


def with_current_services(device):
    """Replace ``image_install`` by ``current_services``: service name -> list of installs."""
    services = {}
    for install in device.pop("image_install", None) or []:
        summary = install_summary(install)
        services.setdefault(summary.pop("service_name"), []).append(summary)
    device["current_services"] = services
    return device
