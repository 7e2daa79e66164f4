#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_release_info
short_description: List the releases of a balena fleet
version_added: 1.0.0
description:
  - Returns the releases of a fleet, newest first, filtered on the server by build status, finality,
    invalidation and commit, or only the latest release that devices would run.
  - One request per page of releases, tags included.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  fleet:
    description:
      - Slug, uuid or numeric id of the fleet. Required unless O(release) is a full commit or an id.
    type: str
  release:
    description:
      - Only the release with this full commit, numeric id or version (such as C(1.2.0)).
    type: str
  status:
    description:
      - Only releases whose build has one of these statuses.
    type: list
    elements: str
    choices: [running, success, failed, error, cancelled, interrupted]
  finalized:
    description:
      - Only final (V(true)) or draft (V(false)) releases.
    type: bool
  invalidated:
    description:
      - Only invalidated (V(true)) or valid (V(false)) releases.
    type: bool
  latest:
    description:
      - Only the newest release that a fleet tracking the latest release would run (successful, final, valid).
    type: bool
    default: false
  include_tags:
    description:
      - Add each release's tags as C(tags) (see RV(releases)).
    type: bool
    default: false
  fail_on_empty:
    description:
      - What happens when no release matches. A O(fleet), or a O(release) of that fleet, that does not exist is always a failure naming it;
        filters that only match nothing are a warning, or with V(true) a failure.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: List the successful releases of a fleet
  balena.cloud.balena_release_info:
    fleet: myorg/signage
    status: [success]
  register: releases

- name: Find the latest release, with its tags
  balena.cloud.balena_release_info:
    fleet: myorg/signage
    latest: true
    include_tags: true
  register: latest

- name: Show its commit
  ansible.builtin.debug:
    msg: "{{ latest.releases[0].commit if latest.releases else 'no release yet' }}"
"""

RETURN = r"""
releases:
  type: list
  elements: dict
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
    - The matching releases, newest first, each in the release view described here.
    - With O(include_tags=true), also C(tags), the release's tags as a dict.
  returned: always
  sample:
    - id: 117
      commit: 8a962e0acee69b0e59e2014d77392ebb
      version: 1.2.0
      status: success
      finalized: true
      fleet: myorg/signage
      fleet_id: 16
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import fleet_condition
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.fleet_releases import is_version, release_match
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS
from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of, one_or_many
from ansible_collections.balena.cloud.plugins.module_utils.release_view import read_options, release_view
from ansible_collections.balena.cloud.plugins.module_utils.selection_names import check_names, explain_empty

PAGE_SIZE = 500
LATEST = {"status": "success", "is_final": True, "is_invalidated": False, "is_passing_tests": True}


class ReleaseInfoModule(BalenaModule):
    argument_spec = {
        "fleet": {"type": "str"},
        "release": {"type": "str"},
        "status": {"type": "list", "elements": "str",
                   "choices": ["running", "success", "failed", "error", "cancelled", "interrupted"]},
        "finalized": {"type": "bool"},
        "invalidated": {"type": "bool"},
        "latest": {"type": "bool", "default": False},
        "include_tags": {"type": "bool", "default": False},
        "fail_on_empty": {"type": "bool", "default": False},
    }
    module_options = {"required_one_of": [["fleet", "release"]]}

    def server_filter(self):
        params = self.params
        conditions = []
        if params["fleet"] is not None:
            conditions.append(fleet_condition(params["fleet"]))
        if params["release"] is not None:
            match = release_match(params["release"])
            if params["fleet"] is None and is_version(params["release"]):
                raise ParameterError("fleet", "is required to find release {0!r} by version".format(params["release"]))
            conditions.append(match)
        if params["status"]:
            conditions.append(one_or_many("status", params["status"]))
        if params["finalized"] is not None:
            conditions.append({"is_final": params["finalized"]})
        if params["invalidated"] is not None:
            conditions.append({"is_invalidated": params["invalidated"]})
        if params["latest"]:
            conditions.append(dict(LATEST))
        return all_of(conditions)

    def run(self):
        options = read_options(TAGS["release"].expand() if self.params["include_tags"] else None)
        options.update({"$filter": self.server_filter(), "$orderby": "created_at desc"})
        if self.params["latest"]:
            options["$top"] = 1
        with self.step("listing releases"):
            rows = list(self.client.pine.iterate({"resource": "release", "options": options}, page_size=PAGE_SIZE))
        if not rows:
            with self.step("looking up the names the filters give"):
                self.explain_empty()
        return {"changed": False, "releases": [self.shape(row) for row in rows]}

    def explain_empty(self):
        """Fail on a fleet, or a release of it, that does not exist; else warn, or fail with ``fail_on_empty``."""
        params = self.params
        check_names(self.client, {"fleet": params["fleet"]})
        if params["release"] is not None:
            where = all_of([release_match(params["release"]), fleet_condition(params["fleet"]) if params["fleet"] is not None else None])
            if not self.client.pine.get({"resource": "release", "options": {"$select": "id", "$top": 1, "$filter": where}}):
                raise ParameterError("release", "release {0!r} does not exist{1}, or the API key may not see it".format(
                    params["release"], " in fleet {0}".format(params["fleet"]) if params["fleet"] is not None else ""))
        explain_empty(self, {}, "", "the filters", "release")

    def shape(self, row):
        shown = release_view(row)
        if self.params["include_tags"]:
            shown["tags"] = {tag["tag_key"]: tag["value"] for tag in row.get(TAGS["release"].resource) or []}
        return shown


def main():
    ReleaseInfoModule.main()


if __name__ == "__main__":
    main()
