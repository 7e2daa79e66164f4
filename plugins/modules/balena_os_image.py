#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_os_image
short_description: Download a balenaOS image
version_added: 1.0.0
description:
  - Downloads to O(dest), on the controller, the balenaOS image of a device type and version (and variant),
    as C(balena os download) does.
  - What was downloaded is recorded beside the image, in C(<dest>.balena.json) (device type, version, size and
    ETag). A later run for the same image sends no request for it and reports no change; another version or
    variant replaces the file.
  - The image is received into C(<dest>.part) and moved to O(dest) once complete. A download that stops short
    resumes from the bytes already received with a C(Range) request, in the same run or the next one, where the
    server answers such requests (and starts over where it does not). The result is checked against the length
    the server announced and the size the API gives for the image; the API gives no checksum of the image.
  - When a download fails, the size and SHA-256 of the bytes received are kept in C(<dest>.balena.json). The next
    run resumes only from a partial file that still has that size and hash, and starts over otherwise (a partial
    file left by a run that was killed, or changed since, is not trusted).
  - An unknown device type, version or variant fails the task before anything is written, naming it.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  device_type:
    description:
      - Slug or alias of the device type.
    type: str
    required: true
  version:
    description:
      - The balenaOS version, as M(balena.cloud.balena_os_version_info) accepts it (C(6.0.13), C(2.88.4+rev1.prod),
        C(^5.0.0)), or V(latest) or V(recommended).
    type: str
    default: recommended
  variant:
    description:
      - The image variant. Without it, V(prod) unless O(version) names the variant.
    type: str
    choices: [prod, dev]
  dest:
    description:
      - The file to write the image to. Its directory must exist.
    type: path
    required: true
notes:
  - In check mode, the result says which image would be downloaded and how large it is (RV(size)), from one small
    request; the image itself is not requested.
"""

EXAMPLES = r"""
- name: Download the recommended image for a Raspberry Pi 4
  balena.cloud.balena_os_image:
    device_type: raspberrypi4-64
    dest: build/raspberrypi4-64.img

- name: Download a development image of an exact version
  balena.cloud.balena_os_image:
    device_type: raspberrypi3
    version: 2.88.4+rev1
    variant: dev
    dest: build/raspberrypi3-dev.img
"""

RETURN = r"""
dest:
  description: The image file.
  returned: always
  type: str
  sample: build/raspberrypi4-64.img
device_type:
  description: Slug of the device type.
  returned: always
  type: str
  sample: raspberrypi4-64
version:
  description: The balenaOS release of the image.
  returned: always
  type: str
  sample: 6.0.13+prod
variant:
  description: The image variant, C(prod) or C(dev).
  returned: always
  type: str
  sample: prod
size:
  description: Size of the image in bytes (in check mode, the size the API gives for it).
  returned: always
  type: int
  sample: 3012157
etag:
  description: The ETag the server gave the image, when known.
  returned: when known
  type: str
downloaded_bytes:
  description: How many bytes of the image this run received (0 when the file was already there).
  returned: always
  type: int
resumed_from:
  description: >-
    The byte from which the server first continued the file in this run with a partial answer (0 when the
    whole image came in full answers, also when the server replaced a partial file of another version).
  returned: always
  type: int
requests:
  description: How many requests for the image this run sent.
  returned: always
  type: int
"""

import hashlib
import json
import os

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.config_json import read_json, sidecar_path
from ansible_collections.balena.cloud.plugins.module_utils.dest_path import check_writable_dest
from ansible_collections.balena.cloud.plugins.module_utils.errors import OperationError
from ansible_collections.balena.cloud.plugins.module_utils.os_targets import device_type_slug, os_release
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ConnectionFailed
from ansible_collections.balena.cloud.plugins.module_utils.sdk.private_file import write_private_file
from ansible_collections.balena.cloud.plugins.module_utils.sdk.resumable_download import DownloadOutcome

PART_SUFFIX = ".part"
HASH_CHUNK_BYTES = 1024 * 1024


class OsImageModule(BalenaModule):
    argument_spec = {
        "device_type": {"type": "str", "required": True},
        "version": {"type": "str", "default": "recommended"},
        "variant": {"type": "str", "choices": ["prod", "dev"]},
        "dest": {"type": "path", "required": True},
    }

    def run(self):
        params = self.params
        dest = params["dest"]
        check_writable_dest(dest, create_parents=False)
        slug = device_type_slug(self, params["device_type"])
        release = os_release(self, slug, params["version"], params["variant"])
        image = {"device_type": slug, "version": release["raw_version"], "variant": release.get("variant")}
        result = dict(image, dest=dest, downloaded_bytes=0, resumed_from=0, requests=0)
        record = read_json(sidecar_path(dest)) or {}
        if self.holds(dest, record, image):
            return dict(result, changed=False, size=record["size"], etag=record.get("etag"))
        with self.step("reading the size of the {device_type} {version} image".format(**image)):
            size = int(self.client.models.os.get_download_size(slug, release["raw_version"]))
        result.update(changed=True, size=size, diff={"before": self.described(record, dest), "after": dict(image, size=size)})
        if self.check_mode:
            return result
        outcome = self.download(dest, record, image)
        if outcome.size != size:
            raise ConnectionFailed("the image has {0} bytes where the API announced {1}".format(outcome.size, size),
                                   method="GET", path="/download")
        os.replace(dest + PART_SUFFIX, dest)
        self.record(dest, dict(image, size=outcome.size, etag=outcome.etag, complete=True))
        return dict(result, etag=outcome.etag, downloaded_bytes=outcome.received, resumed_from=outcome.resumed_from,
                    requests=outcome.requests)

    @staticmethod
    def holds(dest, record, image):
        """Whether ``dest`` is the complete image wanted, by its record and its size."""
        same = all(record.get(key) == value for key, value in image.items())
        return same and record.get("complete") and os.path.isfile(dest) and os.path.getsize(dest) == record.get("size")

    @staticmethod
    def described(record, dest):
        if not os.path.exists(dest):
            return {"state": "absent"}
        return dict((key, record.get(key)) for key in ("device_type", "version", "variant", "size")) if record else {"state": "unknown file"}

    def download(self, dest, record, image):
        part = dest + PART_SUFFIX
        # A partial file of the same image continues where it stopped; any other starts over.
        same_image = all(record.get(key) == value for key, value in image.items()) and not record.get("complete")
        etag = record.get("etag") if same_image and self.part_intact(part, record) else None
        self.record(dest, dict(image, etag=etag, complete=False))
        outcome = DownloadOutcome()
        try:
            with self.step("downloading the {device_type} {version} image".format(**image)):
                self.client.downloads.os_image_to_file(image["device_type"], image["version"], part, etag=etag,
                                                       outcome=outcome)
        except OperationError:
            # The bytes received so far stay in the .part file: the next run resumes from them when they
            # still have the size and SHA-256 recorded here.
            self.record(dest, dict(image, etag=outcome.etag, complete=False, **part_state(part)))
            raise
        return outcome

    @staticmethod
    def part_intact(part, record):
        """Whether the partial file holds exactly the bytes recorded when its download stopped."""
        return os.path.isfile(part) and part_state(part) == dict(
            (key, record.get(key)) for key in ("part_size", "part_sha256"))

    @staticmethod
    def record(dest, record):
        write_private_file(sidecar_path(dest), json.dumps(record, indent=2, sort_keys=True) + "\n")


def part_state(part):
    """The size and SHA-256 of a partial file (None for a file that is not there)."""
    if not os.path.isfile(part):
        return {"part_size": None, "part_sha256": None}
    digest = hashlib.sha256()
    with open(part, "rb") as stream:
        for chunk in iter(lambda: stream.read(HASH_CHUNK_BYTES), b""):
            digest.update(chunk)
    return {"part_size": os.path.getsize(part), "part_sha256": digest.hexdigest()}


def main():
    OsImageModule.main()


if __name__ == "__main__":
    main()
