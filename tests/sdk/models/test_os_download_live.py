"""``balena.downloads.os_image_to_file`` (not in the official SDK): an OS image streamed into a file, resumed with Range where it stops short."""
from __future__ import annotations

import pytest
import requests

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ConnectionFailed
from ansible_collections.balena.cloud.plugins.module_utils.sdk.resumable_download import DownloadOutcome

DEVICE_TYPE = "raspberrypi3"
IMAGE_PATH = "^/download\\?"


def _reference(emulator, version):
    answer = requests.get(emulator.url + "/download", params={"deviceType": DEVICE_TYPE, "version": version}, timeout=30)
    answer.raise_for_status()
    return answer.content, answer.headers["ETag"]


def _image_requests(emulator):
    return [entry for entry in emulator.request_log() if entry["path"].startswith("/download?")]


@pytest.fixture
def image(sdk, fresh_emulator):
    version = sdk.models.os.get_max_satisfying_version(DEVICE_TYPE, "recommended")
    content, etag = _reference(fresh_emulator, version)
    fresh_emulator.clear_request_log()
    return version, content, etag


def test_a_whole_image_in_one_request(sdk, fresh_emulator, image, tmp_path):
    version, content, etag = image
    target = tmp_path / "os.img"
    outcome = sdk.downloads.os_image_to_file(DEVICE_TYPE, version, str(target))
    assert target.read_bytes() == content
    assert (outcome.size, outcome.etag, outcome.requests, outcome.received, outcome.resumed_from) == (len(content), etag, 1, len(content), 0)
    assert outcome.size == sdk.models.os.get_download_size(DEVICE_TYPE, version)


def test_a_download_cut_short_resumes_with_range_requests(sdk, fresh_emulator, image, tmp_path):
    version, content, _etag = image
    fresh_emulator.inject_fault({"drop": True, "after_bytes": 600000, "path": IMAGE_PATH, "times": 2})
    target = tmp_path / "os.img"
    outcome = sdk.downloads.os_image_to_file(DEVICE_TYPE, version, str(target))
    assert target.read_bytes() == content
    assert outcome.requests == 3 and outcome.received == len(content)
    assert [entry["status"] for entry in _image_requests(fresh_emulator)] == [200, 206, 206]
    assert 0 < outcome.resumed_from <= 600000


def test_a_partial_file_of_the_same_image_continues_where_it_stopped(sdk, fresh_emulator, image, tmp_path):
    version, content, etag = image
    target = tmp_path / "os.img"
    target.write_bytes(content[:1000])
    outcome = sdk.downloads.os_image_to_file(DEVICE_TYPE, version, str(target), etag=etag)
    assert target.read_bytes() == content
    assert (outcome.resumed_from, outcome.received, outcome.requests) == (1000, len(content) - 1000, 1)
    assert [entry["status"] for entry in _image_requests(fresh_emulator)] == [206]


def test_a_partial_file_of_another_image_starts_over(sdk, fresh_emulator, image, tmp_path):
    version, content, _etag = image
    target = tmp_path / "os.img"
    target.write_bytes(b"x" * 5000)
    outcome = sdk.downloads.os_image_to_file(DEVICE_TYPE, version, str(target), etag='"another-image"')
    assert target.read_bytes() == content and outcome.received == len(content)
    assert [entry["status"] for entry in _image_requests(fresh_emulator)] == [200]
    assert outcome.resumed_from == 0


def test_a_download_that_keeps_stopping_fails_and_keeps_what_it_received(sdk, fresh_emulator, image, tmp_path):
    version, content, etag = image
    fresh_emulator.inject_fault({"drop": True, "after_bytes": 300000, "path": IMAGE_PATH})
    target = tmp_path / "os.img"
    outcome = DownloadOutcome()
    with pytest.raises(ConnectionFailed, match="stopped at byte"):
        sdk.downloads.os_image_to_file(DEVICE_TYPE, version, str(target), outcome=outcome)
    kept = target.read_bytes()
    assert 0 < len(kept) < len(content) and content.startswith(kept)
    assert outcome.etag == etag and outcome.requests == 6
