# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The parity scenario calls every public method both SDKs have, except the few listed here."""

from __future__ import annotations

import inspect
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

# pylint: disable=wrong-import-position
from parity_clients import make_client  # noqa: E402
from parity_plan import steps  # noqa: E402

pytest.importorskip("balena", reason="the official balena-sdk is a test requirement")

# Areas outside the model/auth/logs.history comparison: settings and pine are compared by their
# own suites, billing and credit bundles are out of the project's scope.
OUT_OF_SCOPE_PREFIXES = ("models.billing.", "models.credit_bundle.")
INTERNAL = ("get_resource_id",)
NOT_IN_SCENARIO = {
    "logs.subscribe": "a background stream; its outcome is a sequence of callbacks, not a value",
    "logs.unsubscribe": "only meaningful with a running subscription",
    "logs.unsubscribe_all": "only meaningful with a running subscription",
    "logs.stop": "stops the official SDK's Twisted reactor for good, for the rest of the process",
}


def _public_methods(root, prefix, seen):
    if id(root) in seen:
        return
    seen.add(id(root))
    for name in dir(root):
        if name.startswith("_") or name in INTERNAL:
            continue
        value = getattr(root, name, None)
        if inspect.ismethod(value) or inspect.isfunction(value):
            yield prefix + name
        elif type(value).__module__.split(".")[0] == "balena":
            yield from _public_methods(value, prefix + name + ".", seen)


def _has_path(root, path):
    for part in path.split("."):
        root = getattr(root, part, None)
        if root is None:
            return False
    return callable(root)


def test_the_scenario_calls_every_method_both_sdks_have():
    official = make_client("official", "memory", "http://127.0.0.1:9")
    ours = make_client("ours", "memory", "http://127.0.0.1:9")
    surface = set()
    for area in ("auth", "logs", "models"):
        surface.update(_public_methods(getattr(official, area), area + ".", set()))
    shared = {path for path in surface if not path.startswith(OUT_OF_SCOPE_PREFIXES) and _has_path(ours, path)}
    called = {step.method for step in steps()}
    assert sorted(shared - called - set(NOT_IN_SCENARIO)) == [], "methods no step calls"
    assert sorted(called - shared) == [], "steps naming a method one of the SDKs lacks"
    assert len(shared) >= 240, len(shared)
