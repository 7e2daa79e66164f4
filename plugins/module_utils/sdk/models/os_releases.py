# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turning host-OS fleets and their releases into the OS version lists the SDK returns."""

from __future__ import annotations

from ..semver_tools import matches_line_range, parse, version_sort_key

RELEASE_POLICY_TAG = "release-policy"
ESR_LINE_TAGS = (("next", "esr-next"), ("current", "esr-current"), ("sunset", "esr-sunset"))
VARIANT_TAG = "variant"
VERSION_TAG = "version"
BASED_ON_VERSION_TAG = "meta-balena-base"
OS_TYPE_DEFAULT = "default"
OS_TYPE_ESR = "esr"
VARIANT_NAMES = {"production": "prod", "development": "dev"}
ARCH_COMPATIBILITY = {"aarch64": ("armv7hf", "rpi"), "armv7hf": ("rpi",)}


def is_architecture_compatible(os_architecture, application_architecture):
    """Whether an OS of one CPU architecture runs fleets built for another."""
    if os_architecture == application_architecture:
        return True
    return application_architecture in ARCH_COMPATIBILITY.get(os_architecture, ())


def tags_to_dict(tags):
    return dict((tag["tag_key"], tag["value"]) for tag in tags or [])


def host_app_tags(tags):
    tag_map = tags_to_dict(tags)
    info = {"os_type": tag_map.get(RELEASE_POLICY_TAG, OS_TYPE_DEFAULT)}
    for line, tag in ESR_LINE_TAGS:
        info[line] = tag_map.get(tag, "")
    return info


def release_line(phase, version, app_tags):
    if not phase:
        for line, _tag in ESR_LINE_TAGS:
            if matches_line_range(version, app_tags[line]):
                return line
        if app_tags["os_type"].lower() == OS_TYPE_ESR:
            return "outdated"
    if phase == "end-of-life":
        return "outdated"
    return phase


def describe_release(release, app_tags):
    """Add ``variant``, ``os_type``, ``line``, ``stripped_version`` and ``based_on_version``."""
    tag_map = tags_to_dict(release.get("release_tag"))
    raw_version = release["raw_version"]
    variant = release.get("variant") or None
    parsed = None if raw_version.startswith("0.0.0") else parse(raw_version)
    if parsed is None:
        # Releases from before semver versioning carry their version and variant in tags.
        full_variant = tag_map.get(VARIANT_TAG)
        variant = VARIANT_NAMES.get(full_variant, full_variant) if isinstance(full_variant, str) else None
        stripped = tag_map.get(VERSION_TAG, "")
        release["raw_version"] = ".".join(part for part in (stripped, variant) if part)
    else:
        core = "%d.%d.%d" % (parsed.major, parsed.minor, parsed.patch)
        builds = ".".join(part for part in (parsed.build or "").split(".") if part and part != release.get("variant"))
        stripped = "+".join(part for part in (core, builds) if part)
    release.update({
        "variant": variant,
        "os_type": app_tags["os_type"],
        "line": release_line(release.get("phase"), stripped, app_tags),
        "stripped_version": stripped,
        "based_on_version": tag_map.get(BASED_ON_VERSION_TAG, stripped),
    })
    return release


def mark_recommended(versions):
    """The newest non-dev, issue-free, non-prerelease version of each OS type is recommended."""
    seen = set()
    for version in versions:
        if version["os_type"] in seen:
            continue
        parsed = parse(version["raw_version"])
        if version["variant"] != "dev" and not version.get("known_issue_list") and parsed is not None and not parsed.prerelease:
            suffix = " (%s, recommended)" % version["line"] if version.get("line") else " (recommended)"
            version["is_recommended"] = True
            version["formatted_version"] = "v%s%s" % (version["stripped_version"], suffix)
            seen.add(version["os_type"])


def versions_by_device_type(host_apps):
    result = {}
    for host_app in host_apps:
        device_types = host_app.get("is_for__device_type") or [{}]
        slug = device_types[0].get("slug")
        if slug is None:
            continue
        app_tags = host_app_tags(host_app.get("application_tag"))
        result.setdefault(slug, []).extend(describe_release(release, app_tags) for release in host_app.get("owns__release") or [])
    for versions in result.values():
        versions.sort(key=lambda release: version_sort_key(release["raw_version"]), reverse=True)
        mark_recommended(versions)
    return result
