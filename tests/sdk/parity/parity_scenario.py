# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One scenario of SDK calls, run the same way through any SDK with the official API.

A scenario is a list of ``Step`` (one public SDK call, whose outcome is compared) and ``Setup``
(raw HTTP that prepares the world, as a device or the emulator's admin would; never compared,
never counted). Steps receive the SDK and the ``World`` of their run, and may keep a result for
later steps. The steps themselves live in the ``parity_steps_*`` modules, one per area.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import requests

from parity_normalise import normalise, normalise_text, unordered

RAW_TIMEOUT = 30


@dataclass(frozen=True)
class Step:
    """``method`` is the public path without ``balena.`` (``models.device.get``)."""
    method: str
    call: Callable[[Any, "World"], Any]
    label: str = ""
    keep: str = ""
    shape: Optional[Callable[[Any], Any]] = None
    unordered: bool = False

    @property
    def name(self):
        return "%s [%s]" % (self.method, self.label) if self.label else self.method


@dataclass(frozen=True)
class Setup:
    what: str
    action: Callable[["World"], None]


@dataclass
class Outcome:
    """What one step gave: a normalised return value, or the class and message of what it raised."""
    returned: Any = None
    raised: str = ""
    message: str = ""

    def describe(self):
        if self.raised:
            return "raised %s(%r)" % (self.raised, self.message)
        return "returned %r" % (self.returned,)


@dataclass
class World:
    """One run: the SDK under test, its emulator, and what earlier steps kept."""
    sdk: Any
    url: str
    credentials: dict
    new_client: Callable[[], Any]
    kept: dict = field(default_factory=dict)
    replacements: dict = field(default_factory=dict)

    def client(self):
        """Another logged-out SDK of the same kind, on the same emulator."""
        return self.new_client()

    def raw(self, method, path, token=None, **kwargs):
        """Plain HTTP to the emulator, as its admin unless another bearer ``token`` is given."""
        bearer = token or self.credentials["admin_token"]
        answer = requests.request(method, self.url + path, headers={"Authorization": "Bearer " + bearer},
                                  timeout=RAW_TIMEOUT, **kwargs)
        if answer.status_code >= 400:
            raise AssertionError("%s %s answered %s: %s" % (method, path, answer.status_code, answer.text[:300]))
        return answer.json() if answer.content and "json" in answer.headers.get("Content-Type", "") else answer.text


class Observer:
    """Called around every step (RequestRecorder counts the requests and times the calls)."""

    def before(self, step):
        """Just before ``step`` calls the SDK."""

    def after(self, step, seconds):
        """Just after, with the wall time of the call alone."""


def run_scenario(world, items, observer=None):
    """Run every item in order; the outcome of each step by name."""
    observer = observer or Observer()
    raw = []
    for item in items:
        if isinstance(item, Setup):
            item.action(world)
            continue
        observer.before(item)
        started = time.perf_counter()
        try:
            value = item.call(world.sdk, world)
        except Exception as error:  # pylint: disable=broad-except  # what was raised is the outcome
            observer.after(item, time.perf_counter() - started)
            raw.append((item, None, error))
            continue
        observer.after(item, time.perf_counter() - started)
        if item.keep:
            world.kept[item.keep] = value
        raw.append((item, item.shape(value) if item.shape else value, None))
    # Normalised last: a value random per world may be learnt after the step that returned it.
    return {item.name: _outcome(item, value, error, world) for item, value, error in raw}


def _outcome(step, value, error, world):
    if error is not None:
        return Outcome(raised=type(error).__name__, message=_normalised_message(error, world))
    return Outcome(returned=_compared_value(step, value, world))


def _compared_value(step, value, world):
    value = normalise(value, world.url, world.replacements)
    return unordered(value) if step.unordered else value


def _normalised_message(error, world):
    return normalise_text(_message_of(error), world.url, world.replacements)


def learn_random_values(world):
    """Each emulator draws fleet uuids and image locations at random: give them stable labels."""
    for fleet in world.raw("GET", "/v7/application?$select=uuid,slug")["d"]:
        world.replacements[fleet["uuid"]] = "<uuid of %s>" % fleet["slug"]
    for image in world.raw("GET", "/v7/image?$select=id,is_stored_at__image_location")["d"]:
        if image["is_stored_at__image_location"]:
            world.replacements[image["is_stored_at__image_location"]] = "<location of image %d>" % image["id"]


def _message_of(error):
    message = getattr(error, "message", None)
    return str(message if message is not None else error)
