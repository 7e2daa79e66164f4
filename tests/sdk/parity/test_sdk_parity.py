# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Parity: the scenario through balena-sdk 17.3.0 and through ours, each against a fresh demo world,
gives equal outcomes step by step and leaves equal worlds, except where parity_differences says
how and why it must not. It runs twice: with each SDK's settings file, and in memory."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import pytest

sys.path.insert(0, os.path.dirname(__file__))

# pylint: disable=wrong-import-position
from parity_clients import FLAVOURS, MODES, ClientFactory, loopback_only  # noqa: E402
from parity_differences import INTENDED, KNOWN_MISMATCHES, WIRE_FIXES  # noqa: E402
from parity_emulator import Emulator  # noqa: E402
from parity_plan import SCENARIO, steps  # noqa: E402
from parity_requests import RequestRecorder  # noqa: E402
from parity_scenario import World, run_scenario  # noqa: E402
from parity_snapshot import RESOURCES, snapshot  # noqa: E402

pytest.importorskip("balena", reason="the official balena-sdk is a test requirement")

# The scenario calls deprecated methods on purpose, and 17.3.0 uses deprecated library calls.
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")]

STEP_NAMES = [step.name for step in steps()]
METHODS = sorted({step.method for step in steps()})


@dataclass
class Run:
    outcomes: dict
    requests: RequestRecorder
    world: dict


@pytest.fixture(scope="module", params=MODES)
def runs(request, tmp_path_factory):
    """Each SDK's run of the scenario in one settings mode, each on its own fresh emulator."""
    found = {}
    with loopback_only():
        for flavour in FLAVOURS:
            root = str(tmp_path_factory.mktemp("%s-%s-settings" % (flavour, request.param)))
            with Emulator() as emulator:
                new_client = ClientFactory(flavour, request.param, emulator.url, root)
                world = World(sdk=new_client(), url=emulator.url, credentials=emulator.credentials,
                              new_client=new_client)
                recorder = RequestRecorder(emulator)
                outcomes = run_scenario(world, SCENARIO, recorder)
                found[flavour] = Run(outcomes, recorder, snapshot(world))
    return found


def _marks(name):
    if name in KNOWN_MISMATCHES:
        return [pytest.mark.xfail(strict=True, reason=KNOWN_MISMATCHES[name])]
    return []


@pytest.mark.parametrize("name", [pytest.param(name, marks=_marks(name), id=name) for name in STEP_NAMES])
def test_same_outcome_as_the_official_sdk(runs, name):
    official, ours = runs["official"].outcomes[name], runs["ours"].outcomes[name]
    if name in INTENDED:
        INTENDED[name].check(official, ours)
        return
    assert ours == official, "\nofficial: %s\nours:     %s" % (official.describe(), ours.describe())


@pytest.mark.parametrize("resource", RESOURCES)
def test_same_world_after_the_scenario(runs, resource):
    assert runs["ours"].world[resource] == runs["official"].world[resource]


@pytest.mark.parametrize("method", METHODS)
def test_no_more_requests_than_the_official_sdk(runs, method):
    """Summed over the scenario's calls of ``method``, leaving out the steps whose outcome differs by
    design. A call that finds nothing may cost ours one request more: it looks for the parent only
    once the optimistic query came back empty."""
    official = runs["official"].requests.per_method(leave_out=INTENDED)[1][method]
    ours = runs["ours"].requests.per_method(leave_out=INTENDED)[1][method]
    assert ours <= official


@pytest.mark.parametrize("name", sorted(WIRE_FIXES))
def test_official_wire_bugs_are_not_copied(runs, name):
    official = [entry["path"] for entry in runs["official"].requests.sent[name]]
    ours = [entry["path"] for entry in runs["ours"].requests.sent[name]]
    WIRE_FIXES[name].check(official, ours)


def test_step_names_are_unique():
    duplicates = sorted({name for name in STEP_NAMES if STEP_NAMES.count(name) > 1})
    assert not duplicates


def test_every_listed_difference_names_a_step():
    listed = set(INTENDED) | set(KNOWN_MISMATCHES) | set(WIRE_FIXES)
    assert not listed - set(STEP_NAMES)
    assert not set(INTENDED) & set(KNOWN_MISMATCHES)
