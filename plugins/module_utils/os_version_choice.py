# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which balenaOS release a user means: a keyword, an exact version or a range, and a variant.

balenaOS versions come as ``2.88.4+rev1.prod``, ``6.0.13+dev`` or ``2024.1.3+prod``: the variant
sits in the build metadata. A user writes ``2.88.4+rev1`` with ``variant: prod``, or the raw
version in full, or ``v6.0.13``, a keyword (``latest``, ``recommended``) or a range (``^5.0.0``).
"""

from __future__ import annotations

import re

from .errors import ParameterError
from .sdk.semver_tools import Version, normalize, parse

KEYWORDS = ("latest", "recommended", "default")
DEFAULT_LINE = "default"
VARIANTS = ("prod", "dev")
SHOWN_VERSIONS = 8
# A version with its minor or patch number left out (``5``, ``5.2``, ``5.x``, ``2024.1``): a range.
PARTIAL_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.[xX*])?$")
COMPARISON = re.compile(r"^(<=|>=|<|>|==|=|!=)?(.+)$")


def version_view(release):
    """An OS release from ``models.os`` as users see it."""
    return {
        "version": release["raw_version"],
        "stripped_version": release.get("stripped_version"),
        "variant": release.get("variant"),
        "os_type": release.get("os_type"),
        "line": release.get("line"),
        "is_recommended": bool(release.get("is_recommended")),
        "known_issue_list": release.get("known_issue_list"),
        "id": release.get("id"),
    }


def _same_version(release, wanted):
    if wanted in (release["raw_version"], release.get("stripped_version")):
        return True
    parsed = parse(normalize(wanted))
    return parsed is not None and str(parsed) in (release["raw_version"], release.get("stripped_version"))


def _partial(text):
    """``(lowest version, how many numbers were given)`` for a partial version, else None."""
    found = PARTIAL_VERSION.match(text)
    if found is None:
        return None
    numbers = [int(number) for number in found.groups() if number is not None]
    return Version(*(numbers + [0] * (3 - len(numbers)))), len(numbers)


def _comparisons(part):
    """A range term as semver comparisons: ``^5.1.0``, ``~5.1``, ``^5``, ``5.x``, ``5.1``, ``2024.1`` or ``>=5.1``."""
    if part[0] in "^~":
        partial = _partial(part[1:])
        lowest, given = partial if partial else (Version.parse(normalize(part[1:])), 3)
        bump = "major" if (part[0] == "^" and lowest.major) or given == 1 else "minor"
        return [">=" + str(lowest), "<" + str(lowest.next_version(bump))]
    partial = _partial(part)
    if partial:
        lowest, given = partial
        return [">=" + str(lowest), "<" + str(lowest.next_version("major" if given == 1 else "minor"))]
    operator, operand = COMPARISON.match(part).groups()
    partial = _partial(operand)
    operand = str(partial[0]) if partial else str(Version.parse(normalize(operand)))
    return [("==" if operator in (None, "=") else operator) + operand]


def _valid_range(wanted):
    try:
        return all(_comparisons(part) for part in wanted.replace(",", " ").split())
    except (ValueError, TypeError, IndexError, AttributeError):
        return False


def _in_range(release, wanted):
    parsed = parse(release.get("stripped_version") or release["raw_version"])
    if parsed is None:
        return False
    core = parsed.replace(build=None)
    try:
        return all(core.match(term) for part in wanted.replace(",", " ").split() for term in _comparisons(part))
    except (ValueError, TypeError, IndexError):
        return False


def _range_expression(wanted):
    return (wanted[:1] in ("^", "~", ">", "<", "=") or wanted.split("+")[0].split(".")[-1] in ("x", "X", "*")
            or PARTIAL_VERSION.match(wanted) is not None or " " in wanted)


def choose_release(releases, device_type, version, variant=None, os_type=None):
    """The release of ``releases`` (newest first, from ``models.os``) that ``version`` and
    ``variant`` name; ParameterError naming the option when there is none."""
    if variant is not None and variant not in VARIANTS:
        raise ParameterError("variant", "must be one of {0}, not {1!r}".format(", ".join(VARIANTS), variant))
    typed = [r for r in releases if os_type is None or r.get("os_type") == os_type]
    candidates = [r for r in typed if variant is None or r.get("variant") in (variant, None)]
    wanted = (version or "latest").strip()
    if wanted in KEYWORDS:
        # As the SDK's download does, a keyword means the default line unless another is asked for.
        line = typed if os_type is not None else [r for r in typed if r.get("os_type") == DEFAULT_LINE] or typed
        chosen = _by_keyword(line, wanted, variant)
    elif _range_expression(wanted):
        chosen = next((r for r in candidates if _in_range(r, wanted) and (variant or r.get("variant") != "dev")), None)
    else:
        wanted = wanted[1:] if wanted.startswith("v") else wanted
        matching = [r for r in candidates if _same_version(r, wanted)]
        chosen = next((r for r in matching if variant or r.get("variant") != "dev"), matching[0] if matching else None)
    if chosen is None and not _valid_version(wanted):
        raise ParameterError("version", "{0!r} is not a valid version or range (a version such as 6.0.13, a range such as "
                                        "^5 or >=5.1 <6, or one of {1})".format(version, ", ".join(KEYWORDS)))
    if chosen is None:
        raise ParameterError("version" if _version_unknown(releases, wanted) or variant is None else "variant",
                             _not_found(releases, device_type, version, variant))
    return chosen


def _valid_version(wanted):
    if wanted in KEYWORDS:
        return True
    if _range_expression(wanted):
        return _valid_range(wanted)
    return parse(normalize(wanted)) is not None


def _by_keyword(releases, keyword, variant):
    """``latest``: the newest release (of ``variant``, else the newest that is not ``dev``);
    ``recommended``: the recommended release, or its twin of ``variant``; ``default``: the
    recommended one, else the latest."""
    if keyword == "latest":
        return next((r for r in releases if r.get("variant") in ((variant, None) if variant else ("prod", None))), None)
    recommended = next((r for r in releases if r.get("is_recommended")), None)
    if recommended is None:
        return None if keyword == "recommended" else _by_keyword(releases, "latest", variant)
    if variant and recommended.get("variant") not in (variant, None):
        twin = recommended.get("stripped_version")
        return next((r for r in releases if r.get("stripped_version") == twin and r.get("variant") == variant), None)
    return recommended


def _version_unknown(releases, wanted):
    return not any(_same_version(r, wanted) or (_range_expression(wanted) and _in_range(r, wanted)) for r in releases)


def _not_found(releases, device_type, version, variant):
    what = "balenaOS {0}{1}".format(version, " ({0})".format(variant) if variant else "")
    if not releases:
        return "{0} is not available: device type {1} has no balenaOS releases".format(what, device_type)
    lines = []
    for line in sorted(set(r.get("os_type") or DEFAULT_LINE for r in releases), key=lambda name: name != DEFAULT_LINE):
        newest = [r["raw_version"] for r in releases if (r.get("os_type") or DEFAULT_LINE) == line][:SHOWN_VERSIONS]
        lines.append("{0} line: {1}".format(line, ", ".join(newest)))
    return "{0} is not available for device type {1} (newest of the {2})".format(what, device_type, "; ".join(lines))
