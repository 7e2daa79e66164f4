# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""balenaOS and supervisor version strings: normalising, comparing, matching ranges."""

from __future__ import annotations

import functools
import re

try:
    from semver import Version
    HAS_SEMVER = True
    SEMVER_IMPORT_ERROR = None
except ImportError as import_error:  # pragma: no cover - exercised by the sanity import test
    Version = None
    HAS_SEMVER = False
    SEMVER_IMPORT_ERROR = import_error

RANGE_WILDCARDS = ("x", "X", "*")


def normalize(version):
    """Turn balena's version spellings (``2.1.0.rev1``, ``balenaOS 2.3 (prod)``, ``v1.2.3``) into semver."""
    version = re.sub(r"(\.[0-9]+)\.rev", r"\1+rev", version)
    version = re.sub(r"([0-9]+\.[0-9]+\.[0-9]+)\.(dev|prod)", r"\1+\2", version)
    version = re.sub(r"([0-9]+\.[0-9]+\.[0-9]+(?:[-\.][0-9a-z]+)*) \(([0-9a-z]+)\)", r"\1+\2", version)
    version = re.sub(r"([0-9]+\.[0-9]+\.[0-9]+(?:[-\+\.][0-9a-z]+)*) \(([0-9a-z]+)\)", r"\1.\2", version)
    version = re.sub(r"(resin|balena)\s*os\s*", "", version, flags=re.IGNORECASE)
    version = re.sub(r"\s+\(\w+\)$", "", version)
    return re.sub(r"^v", "", version)


def is_valid(version):
    if Version is None:
        raise ImportError("the balena SDK needs the 'semver' Python library for version strings") from SEMVER_IMPORT_ERROR
    return isinstance(version, str) and Version.is_valid(version)


def parse(version):
    """A ``semver.Version`` or None when the string is not semver."""
    if not is_valid(version):
        return None
    return Version.parse(version)


def revision(parsed):
    for part in (parsed.build or "").split(".") if parsed else []:
        found = re.match(r"rev(\d+)", part)
        if found:
            return int(found.group(1))
    return 0


def is_development(parsed):
    return bool(parsed and parsed.build and "dev" in parsed.build)


def _cmp(left, right):
    return (left > right) - (left < right)


def compare(version_a, version_b):
    """balena-semver ordering: semver, then ``revN``, then dev after prod, then the text."""
    if not version_a:
        return 0 if not version_b else -1
    if not version_b:
        return 1
    norm_a, norm_b = normalize(version_a), normalize(version_b)
    parsed_a, parsed_b = parse(norm_a), parse(norm_b)
    if parsed_a is None or parsed_b is None:
        return _cmp(parsed_a is not None, parsed_b is not None)
    for result in (
        parsed_a.compare(parsed_b),
        _cmp(revision(parsed_a), revision(parsed_b)),
        _cmp(is_development(parsed_a), is_development(parsed_b)),
        _cmp(norm_a, norm_b),
    ):
        if result:
            return result
    return 0


version_sort_key = functools.cmp_to_key(compare)


def at_least(version, minimum):
    """True when a (balena-spelled) version is valid semver and >= ``minimum``."""
    parsed = parse(normalize(version or ""))
    return parsed is not None and parsed.compare(minimum) >= 0


def ensure_version(version, minimum, kind):
    """``ValueError`` when a (balena-spelled) ``kind`` version is known to be below ``minimum``."""
    normalized = normalize(version or "")
    if normalized and parse(normalized) is not None and not at_least(normalized, minimum):
        raise ValueError("Incompatible %s version: %s - must be >= %s" % (kind, normalized, minimum))


def matches_line_range(version, version_range):
    """Whether ``version`` falls in an ESR line range such as ``2023.1.x`` or ``2023.1.0``."""
    parsed = parse(version)
    if parsed is None or not version_range:
        return False
    try:
        if is_valid(version_range):
            return parsed.match(">=" + version_range)
        if version_range[-1] in RANGE_WILDCARDS:
            lowest = version_range[:-1] + "0"
            highest = str(Version.parse(lowest).next_version("minor"))
            return parsed.match(">=" + lowest) and parsed.match("<" + highest)
    except ValueError:
        return False
    return False


def with_variant(os_version, os_variant=None):
    """``os_version`` as semver with the variant (``dev``/``prod``) as build metadata."""
    if not os_version:
        return None
    parsed = parse(normalize(os_version))
    if parsed is None:
        return os_version
    builds = parsed.build.split(".") if parsed.build else []
    prereleases = parsed.prerelease.split(".") if parsed.prerelease else []
    if os_variant and os_variant not in prereleases and os_variant not in builds:
        builds.append(os_variant)
    return str(Version(parsed.major, parsed.minor, parsed.patch, parsed.prerelease, ".".join(builds) or None))
