# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The normaliser hides what is random per world and nothing else."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# pylint: disable=wrong-import-position
from parity_normalise import normalise, unordered  # noqa: E402

API = "http://127.0.0.1:40123"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiaWF0IjoxfQ.c2lnbmF0dXJlLXN0YW5kLWlu"


def test_random_values_become_placeholders():
    value = {
        "token": JWT, "session": JWT, "key": "anything", "maybe_key": "Jc4k6Cx9oKyMYFGNCwkIXwwsLRofQgRp",
        "created_at": "2026-11-26T13:54:46.646Z", "timestamp": 1764165286646, "install_date": None,
        "adminUrl": API + "/", "message": "expired at 2026-11-26T13:54:46Z",
    }
    assert normalise(value, API) == {
        "token": "<secret>", "session": "<jwt>", "key": "<secret>", "maybe_key": "<secret>",
        "created_at": "<time>", "timestamp": "<time>", "install_date": None,
        "adminUrl": "<api>/", "message": "expired at <time>",
    }


def test_ids_uuids_commits_and_names_are_kept():
    value = {"id": 7, "belongs_to__application": {"__id": 16}, "uuid": "b05e5bba28df79d5eab5e1aa2c6300be",
             "commit": "8a962e0acee69b0e59e2014d77392ebb", "device_name": "lobby-screen", "is_online": True}
    assert normalise(value, API) == value


def test_learnt_replacements_apply_to_values_keys_and_inside_text():
    uuid = "636394a8f6a34ac8bf7efa79f845e6b1"
    replacements = {uuid: "<uuid of demo/x>", "127.0.0.1:40123/v2/abc": "<location of image 1>"}
    value = {uuid: {"uuid": uuid, "image": "127.0.0.1:40123/v2/abc@sha256:00"}}
    assert normalise(value, API, replacements) == {
        "<uuid of demo/x>": {"uuid": "<uuid of demo/x>", "image": "<location of image 1>@sha256:00"}}


def test_unordered_lists_get_one_order():
    assert unordered([{"b": 1}, {"a": 2}]) == unordered([{"a": 2}, {"b": 1}])
