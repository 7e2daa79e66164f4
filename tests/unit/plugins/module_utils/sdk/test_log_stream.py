# -*- coding: utf-8 -*-
"""Splitting the NDJSON log stream into entries."""

from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.sdk.logs import LogStream


class ChunkedResponse:
    def __init__(self, chunks):
        self.raw = self
        self._chunks = list(chunks)

    def read1(self, size):
        return self._chunks.pop(0) if self._chunks else b""


def consume(chunks):
    received, errors = [], []
    stream = LogStream(transport=None, uuid="a" * 32, callback=received.append, error=errors.append)
    stream._consume(ChunkedResponse(chunks))  # pylint: disable=protected-access
    return received, errors


def test_lines_split_across_chunks_and_keep_alives():
    received, errors = consume([b'{"message": "one"}\n{"mess', b'age": "two"}\n', b"\n", b'{"message": "three"}\n'])
    assert [entry["message"] for entry in received] == ["one", "two", "three"]
    assert errors == []


def test_a_broken_line_is_reported_and_ends_the_stream():
    received, errors = consume([b'{"message": "one"}\nnot json\n{"message": "never"}\n'])
    assert [entry["message"] for entry in received] == ["one"]
    assert len(errors) == 1
