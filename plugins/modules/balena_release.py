#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_release
short_description: Finalize, invalidate and describe balena releases
version_added: 1.0.0
description:
  - Changes an existing release of a fleet, the result of a build; releases are created by C(balena push)
    or C(balena deploy), not by this module.
  - Finalizes a draft release, invalidates or validates it, sets its note, its known issue list, its
    release version and its tags.
  - The release and its tags are read in one request, and its fields are written in one.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
  - balena.cloud.tags
options:
  release:
    description:
      - The release, by full commit, numeric id or version (such as C(1.2.0)).
      - A version needs O(fleet); a commit or id can be checked against O(fleet) when it is given.
    type: str
    required: true
  fleet:
    description:
      - Slug, uuid or numeric id of the fleet the release belongs to.
    type: str
  finalized:
    description:
      - V(true) finalizes a draft release, so devices may run it. A final release cannot be made a draft again.
    type: bool
  invalidated:
    description:
      - V(true) invalidates the release, so no device or fleet is newly pinned to it and it is never the latest;
        V(false) makes it valid again.
    type: bool
  note:
    description:
      - A note on the release. An empty string clears it.
    type: str
  known_issue_list:
    description:
      - Known issues of the release, as free text. An empty string clears it.
    type: str
  release_version:
    description:
      - The release's semantic version, such as C(1.2.0) or C(1.2.0-rc.1).
    type: str
"""

EXAMPLES = r"""
- name: Finalize the draft release a CI job built, and tag it
  balena.cloud.balena_release:
    release: 2f1c0a9d7e6b5a4c3d2e1f0a9b8c7d6e
    finalized: true
    note: Built by pipeline 1234
    tags:
      pipeline: "1234"

- name: Invalidate a faulty release of a fleet by its version
  balena.cloud.balena_release:
    fleet: myorg/signage
    release: 1.3.0
    invalidated: true
    known_issue_list: Screen stays black on boot
"""

RETURN = r"""
applied:
  description:
    - What a failed task had already written when it stopped, by target (a device uuid, a fleet slug, a release
      commit, a service), the options, view keys, tag keys (as C(tags.<key>) when the module also changes other
      things) or variable names that took effect.
    - A failed task with entries here reports C(changed=true).
  returned: when the task failed after it started writing
  type: dict
  sample:
    myorg/signage:
      - LOG_LEVEL
not_applied:
  description:
    - What a failed task meant to write but did not, by target, in the same words as RV(applied); this includes
      rows the API accepted but left unchanged because the API key may only read them (the message then names the
      fleet and says C(read-only access)).
  returned: when the task failed after it started writing
  type: dict
  sample:
    myorg/signage:
      - KIOSK_URL
release:
  type: dict
  contains:
    id:
      description: Numeric id.
      type: int
      sample: 117
    commit:
      description: The release's full commit.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    version:
      description: The release's full version as the API computes it (semantic version and revision).
      type: str
      sample: 1.2.0+rev1
    release_version:
      description: The release's semantic version, as O(balena.cloud.balena_release#module:release_version) sets
        it.
      type: str
      sample: 1.2.0
    status:
      description: Build status.
      type: str
      sample: success
    finalized:
      description: Whether the release is final.
      type: bool
      sample: true
    invalidated:
      description: Whether the release is invalidated.
      type: bool
      sample: false
    passing_tests:
      description: Whether the release passed its tests.
      type: bool
      sample: true
    note:
      description: The note, or null.
      type: str
      sample: Built by pipeline 1234
    known_issue_list:
      description: The known issues, or null.
      type: str
      sample: null
    fleet:
      description: Slug of the release's fleet.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Id of the release's fleet.
      type: int
      sample: 16
    created_at:
      description: When the release was created.
      type: str
      sample: '2026-11-25T13:50:13.187Z'
  description:
    - The release after the change (in check mode, as it would be), in the release view described here.
    - With O(tags), also C(tags), the release's tags as a dict.
    - C(--diff) compares two views of the release.
  returned: always
  sample:
    id: 117
    commit: 8a962e0acee69b0e59e2014d77392ebb
    version: 1.2.0
    finalized: true
    invalidated: false
    fleet: myorg/signage
    fleet_id: 16
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import fleet_condition
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.facets import KeyedFacet
from ansible_collections.balena.cloud.plugins.module_utils.fleet_releases import is_version, release_match
from ansible_collections.balena.cloud.plugins.module_utils.keyed_module import tag_values
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS
from ansible_collections.balena.cloud.plugins.module_utils.parents import fleet_of as fleet_slug_of
from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of
from ansible_collections.balena.cloud.plugins.module_utils.release_view import read_options, release_view
from ansible_collections.balena.cloud.plugins.module_utils.sdk.semver_tools import is_valid


class ReleaseModule(ResourceModule):
    argument_spec = {
        "release": {"type": "str", "required": True},
        "fleet": {"type": "str"},
        "finalized": {"type": "bool"},
        "invalidated": {"type": "bool"},
        "note": {"type": "str"},
        "known_issue_list": {"type": "str"},
        "release_version": {"type": "str"},
        "tags": {"type": "dict"},
        "purge_tags": {"type": "bool", "default": True},
    }
    noun = "release"

    def __init__(self, module=None):
        super().__init__(module)
        self.current = None
        self._facets = None

    def describe_target(self):
        where = " of fleet {0}".format(self.params["fleet"]) if self.params["fleet"] is not None else ""
        return "release {0}{1}".format(self.params["release"], where)

    def facets(self):
        if self._facets is None:
            desired = tag_values(self.params["tags"], self.module.warn)
            if desired is not None:
                TAGS["release"].check(desired, "tags")
            self._facets = [KeyedFacet("tags", self.client.pine, TAGS["release"], "release", desired, self.params["purge_tags"])]
        return self._facets

    def find(self):
        params = self.params
        match = release_match(params["release"])
        if params["fleet"] is None and is_version(params["release"]):
            raise ParameterError("fleet", "is required to find release {0!r} by version".format(params["release"]))
        where = all_of([match, fleet_condition(params["fleet"]) if params["fleet"] is not None else None])
        found = self.client.pine.get({"resource": "release", "options": dict(self.read_options(), **{"$filter": where})})
        if not found:
            raise ParameterError("release", "{0} was not found, or is not accessible".format(self.describe_target()))
        if len(found) > 1:
            raise ParameterError("release", "{0} matches {1} releases; give the full commit or the fleet".format(self.describe_target(), len(found)))
        self.current = found[0]
        return self.current

    def read_options(self):
        return read_options(TAGS["release"].expand() if self.params["tags"] is not None else None)

    def reread(self, object_id):
        return self.client.pine.get({"resource": "release", "id": object_id, "options": self.read_options()})

    def desired(self):
        params, current, wanted = self.params, self.current, {}
        if params["finalized"] is not None:
            if not params["finalized"] and current["is_final"]:
                raise ParameterError("finalized", "{0} is final and cannot be made a draft again".format(self.describe_target()))
            wanted["is_final"] = params["finalized"]
        if params["invalidated"] is not None:
            wanted["is_invalidated"] = params["invalidated"]
        for option, field in (("note", "note"), ("known_issue_list", "known_issue_list")):
            if params[option] is not None:
                wanted[field] = params[option] or None
        if params["release_version"] is not None:
            if not is_valid(params["release_version"]):
                raise ParameterError("release_version", "{0!r} is not a semantic version such as 1.2.0".format(params["release_version"]))
            wanted["semver"] = params["release_version"]
        return wanted

    def update(self, current, changes):
        self.client.pine.patch({"resource": "release", "id": current["id"], "body": changes})

    def fleet_of(self, obj):
        return fleet_slug_of(obj)

    def label(self, obj):
        return obj.get("commit") or self.params["release"]

    def view(self, obj):
        return release_view(obj)


def main():
    ReleaseModule.main()


if __name__ == "__main__":
    main()
