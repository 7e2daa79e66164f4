#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_application
short_description: Manage balena fleets
version_added: 1.0.0
description:
  - Creates, changes, renames and removes a balena fleet (called an application in the API).
  - Sets which release the fleet runs (a pinned release, or the latest one), turns device URLs on or off for
    every device of the fleet, grants or revokes support access, and manages the fleet's tags.
  - The fleet, its tags, its target release and the devices whose device URL differs are read in one request.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
  - balena.cloud.tags
options:
  name:
    description:
      - Name of the fleet, inside O(organization).
      - One of O(name), O(slug) and O(id) is required.
    type: str
  organization:
    description:
      - Handle or numeric id of the organization that owns the fleet. Required with O(name).
    type: str
  slug:
    description:
      - The fleet's slug, C(organization/name), instead of O(name) and O(organization).
    type: str
  id:
    description:
      - Numeric id of an existing fleet.
    type: int
  device_type:
    description:
      - Slug of the fleet's default device type, for example C(raspberrypi4-64). Required to create a fleet.
      - On an existing fleet a different device type is changed.
    type: str
  application_class:
    description:
      - The kind of fleet to create. It cannot be changed once the fleet exists.
    type: str
    choices: [fleet, block, app]
  new_name:
    description:
      - Rename the fleet to this name. When no fleet O(name) exists but one named O(new_name) does, the
        rename is taken as done.
    type: str
  release:
    description:
      - Pin the fleet to this release, given by full commit, version (such as C(1.2.0)) or numeric id.
      - The release must belong to the fleet and have built successfully.
    type: str
  track_latest:
    description:
      - V(true) makes the fleet run its latest successful release and follow every new one.
      - V(false) stops following new releases; the fleet keeps its current release.
    type: bool
  device_urls:
    description:
      - Turn the public device URL on (V(true)) or off (V(false)) for every device of the fleet.
      - Only the devices whose setting differs are changed.
    type: bool
  support_access_until:
    description:
      - Grant balena support access to the fleet until this date (ISO 8601, such as C(2030-01-31)
        or C(2030-01-31T12:00:00Z)).
      - An empty string revokes support access.
    type: str
  state:
    description:
      - V(present) creates or changes the fleet, V(absent) removes it with its devices and releases.
    type: str
    choices: [present, absent]
    default: present
"""

EXAMPLES = r"""
- name: Create a fleet of Raspberry Pi 4 devices
  balena.cloud.balena_application:
    name: signage
    organization: myorg
    device_type: raspberrypi4-64
    tags:
      team: retail

- name: Pin the fleet to release 1.2.0 and enable device URLs
  balena.cloud.balena_application:
    slug: myorg/signage
    release: 1.2.0
    device_urls: true

- name: Follow every new release again
  balena.cloud.balena_application:
    slug: myorg/signage
    track_latest: true

- name: Let balena support look at the fleet until the end of January
  balena.cloud.balena_application:
    slug: myorg/signage
    support_access_until: "2030-01-31"

- name: Rename a fleet
  balena.cloud.balena_application:
    name: signage
    organization: myorg
    new_name: signage-eu

- name: Remove a fleet
  balena.cloud.balena_application:
    slug: myorg/old-prototypes
    state: absent
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
application:
  type: dict
  contains:
    id:
      description: Numeric id of the fleet (null for a fleet check mode would create).
      type: int
      sample: 16
    uuid:
      description: The fleet's uuid (null for a fleet check mode would create).
      type: str
      sample: 768641f1411f41a6a1c65297982be5df
    slug:
      description: The fleet's slug, C(organization/name) in lower case.
      type: str
      sample: myorg/signage
    name:
      description: Name of the fleet.
      type: str
      sample: signage
    organization:
      description: Handle of the owning organization.
      type: str
      sample: myorg
    organization_id:
      description: Id of the owning organization.
      type: int
      sample: 3
    device_type:
      description: Slug of the fleet's default device type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the fleet's default device type.
      type: int
      sample: 119
    application_class:
      description: The fleet's class.
      type: str
      sample: fleet
    track_latest:
      description: Whether the fleet follows every new release.
      type: bool
      sample: false
    target_release:
      description: Commit of the release the fleet should run, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the fleet should run, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the fleet should run, or null.
      type: int
      sample: 117
    support_access_until:
      description: Until when balena support may access the fleet, or null.
      type: str
      sample: '2030-01-31T00:00:00.000Z'
  description:
    - The fleet after the change (in check mode, as it would be), in the fleet view described here.
    - With O(tags), also C(tags), the fleet's tags as a dict; with O(device_urls), also C(device_urls), the device
      URL setting of all its devices.
    - C(--diff) compares two views of the fleet, so it names the device type by slug and the release by commit and
      version, with their ids alongside.
    - Absent after O(state=absent).
  returned: when O(state=present)
  sample:
    id: 16
    name: signage
    slug: myorg/signage
    device_type: raspberrypi4-64
    device_type_id: 119
    target_release: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version: 1.2.0
    tags: {}
"""

import re

from ansible_collections.balena.cloud.plugins.module_utils.base import ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.fleet_view import SUPPORT_FIELD, fleet_view, read_options
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.facets import Facet, FacetPlan, KeyedFacet, patch_ids, unchanged_ids
from ansible_collections.balena.cloud.plugins.module_utils.fleet_releases import successful_release_rows
from ansible_collections.balena.cloud.plugins.module_utils.keyed_module import tag_values
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS
from ansible_collections.balena.cloud.plugins.module_utils.timestamps import canonical, in_future, user_date

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ApplicationNotFound, InvalidDeviceType
from ansible_collections.balena.cloud.plugins.module_utils.sdk.identifiers import organization_navigation_filter

APP_NAME = re.compile(r"^[a-zA-Z0-9_-]+$")
LATEST_RELEASE = {
    "$select": ["id", "commit", "raw_version"],
    "$top": 1,
    "$filter": {"is_final": True, "is_passing_tests": True, "is_invalidated": False, "status": "success"},
    "$orderby": "created_at desc",
}


class DeviceUrlsFacet(Facet):
    """The device URL setting of every device of the fleet; ``find`` expands the devices that differ."""

    name = "device_urls"

    def __init__(self, pine, wanted):
        self.pine = pine
        self.wanted = wanted

    def requested(self):
        return self.wanted is not None

    def expand(self):
        return {"owns__device": {"$select": "id", "$filter": {"is_web_accessible": not self.wanted}}}

    def shown(self, found):
        return self.wanted

    def plan(self, found, label):
        differing = [device["id"] for device in (found or {}).get("owns__device") or []]
        if not differing:
            return None
        before = "{0} device(s) with device URLs {1}".format(len(differing), "off" if self.wanted else "on")

        def apply(_fleet_id, ledger):
            body = {"is_web_accessible": self.wanted}
            ledger.expect(label, [self.name])
            patch_ids(self.pine, "device", differing, body)
            ledger.done(label, [self.name])
            if unchanged_ids(self.pine, "device", differing, body):
                ledger.refused(label, [self.name], label)

        return FacetPlan(before, self.wanted, apply)


class ApplicationModule(ResourceModule):
    argument_spec = {
        "name": {"type": "str"},
        "organization": {"type": "str"},
        "slug": {"type": "str"},
        "id": {"type": "int"},
        "device_type": {"type": "str"},
        "application_class": {"type": "str", "choices": ["fleet", "block", "app"]},
        "new_name": {"type": "str"},
        "release": {"type": "str"},
        "track_latest": {"type": "bool"},
        "device_urls": {"type": "bool"},
        "support_access_until": {"type": "str"},
        "tags": {"type": "dict"},
        "purge_tags": {"type": "bool", "default": True},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    module_options = {
        "required_one_of": [["name", "slug", "id"]],
        "mutually_exclusive": [["name", "slug", "id"], ["release", "track_latest"]],
        "required_by": {"name": "organization"},
    }
    noun = "application"

    def __init__(self, module=None):
        super().__init__(module)
        self.current = None
        self._facets = None
        self._links = {}

    def describe_target(self):
        params = self.params
        if params["id"] is not None:
            return "fleet id {0}".format(params["id"])
        if params["slug"] is not None:
            return "fleet {0}".format(params["slug"])
        return "fleet {0}/{1}".format(params["organization"], params["name"])

    def facets(self):
        if self._facets is None:
            desired_tags = tag_values(self.params["tags"], self.module.warn)
            if desired_tags is not None:
                TAGS["fleet"].check(desired_tags, "tags")
            self._facets = [
                KeyedFacet("tags", self.client.pine, TAGS["fleet"], "fleet", desired_tags, self.params["purge_tags"]),
                DeviceUrlsFacet(self.client.pine, self.params["device_urls"]),
            ]
        return self._facets

    def read_options(self):
        expand = {}
        if self.params["track_latest"]:
            expand["owns__release"] = LATEST_RELEASE
        for facet in self.facets():
            if facet.requested():
                expand.update(facet.keyed.expand() if isinstance(facet, KeyedFacet) else facet.expand())
        return read_options(expand)

    def find(self):
        params, options = self.params, self.read_options()
        applications = self.client.models.application
        if params["id"] is not None or params["slug"] is not None:
            try:
                found = applications.get(params["id"] if params["id"] is not None else params["slug"], options)
            except ApplicationNotFound:
                found = None
        else:
            found = self._by_name(params["name"], options)
            if found is None and params["new_name"] is not None:
                found = self._by_name(params["new_name"], options)
        if found is not None:
            found[SUPPORT_FIELD] = canonical(found.get(SUPPORT_FIELD))
        self.current = found
        return found

    def reread(self, object_id):
        found = self.client.pine.get({"resource": "application", "id": object_id, "options": self.read_options()})
        if found is not None:
            found[SUPPORT_FIELD] = canonical(found.get(SUPPORT_FIELD))
        return found

    def _by_name(self, name, options):
        where = dict(organization_navigation_filter("organization", _org_key(self.params["organization"])), app_name=name)
        found = self.client.pine.get({"resource": "application", "options": dict(options, **{"$filter": where})})
        return found[0] if found else None

    def desired(self):
        params, current = self.params, self.current
        wanted = {}
        if params["new_name"] is not None:
            wanted["app_name"] = params["new_name"]
        elif current is None and params["id"] is None:
            wanted["app_name"] = params["name"] if params["slug"] is None else params["slug"].partition("/")[2]
        problem = app_name_problem(wanted["app_name"]) if wanted.get("app_name") else None
        if problem:
            parameter = "new_name" if params["new_name"] is not None else ("slug" if params["slug"] is not None else "name")
            raise ParameterError(parameter, "fleet name {0!r} {1}".format(wanted["app_name"], problem))
        if params["device_type"] is not None:
            wanted["is_for__device_type"] = self._device_type_id(params["device_type"])
            self._links["is_for__device_type"] = [{"id": wanted["is_for__device_type"], "slug": params["device_type"]}]
        if params["application_class"] is not None:
            if current is not None and current["is_of__class"] != params["application_class"]:
                raise ParameterError("application_class", "{0} is a {1} and its class cannot be changed to {2}".format(
                    self.describe_target(), current["is_of__class"], params["application_class"]))
            wanted["is_of__class"] = params["application_class"]
        if params["release"] is not None:
            if current is None:
                raise ParameterError("release", "{0} does not exist yet, so it has no release to pin".format(self.describe_target()))
            release = successful_release_rows(self.client.pine, [current["id"]], params["release"], labels={current["id"]: current["slug"]})[current["id"]]
            wanted.update(should_be_running__release=release["id"], should_track_latest_release=False)
            self._links["should_be_running__release"] = [release]
        if params["track_latest"] is not None:
            wanted["should_track_latest_release"] = params["track_latest"]
            latest = (current or {}).get("owns__release") or []
            if params["track_latest"] and latest:
                wanted["should_be_running__release"] = latest[0]["id"]
                self._links["should_be_running__release"] = latest
        until = params["support_access_until"]
        if until is not None:
            wanted[SUPPORT_FIELD] = in_future(user_date(until, "support_access_until"), "support_access_until") if until else None
        return wanted

    def _device_type_id(self, device_type):
        current_type = ((self.current or {}).get("is_for__device_type") or [{}])[0]
        if current_type.get("slug") == device_type:
            return current_type["id"]
        with self.step("looking up device type {0}".format(device_type)):
            try:
                return self.client.models.application.resolve.device_type(device_type, {"$select": "id"})["id"]
            except InvalidDeviceType:
                raise ParameterError("device_type", "{0!r} is not a known device type".format(device_type)) from None

    def creation(self):
        """``(organization, name)`` of the fleet to create, refusing what the API would refuse."""
        params = self.params
        if params["id"] is not None:
            raise ParameterError("id", "no fleet has id {0}; give name and organization to create one".format(params["id"]))
        if params["device_type"] is None:
            raise ParameterError("device_type", "is required to create {0}".format(self.describe_target()))
        organization, name = params["organization"], params["new_name"] or params["name"]
        if params["slug"] is not None:
            organization, name = params["slug"].partition("/")[::2]
            if not name:
                raise ParameterError("slug", "{0!r} is not of the form organization/name".format(params["slug"]))
        return organization, name

    def predict(self, desired):
        organization, name = self.creation()
        with self.step("looking up organization {0}".format(organization)):
            found = self.client.pine.get({"resource": "organization", "options": {
                "$select": ["id", "handle"], "$filter": _org_filter(organization)}})
        if not found:
            raise ParameterError("slug" if self.params["slug"] is not None else "organization",
                                 "organization {0!r} does not exist, or the API key may not see it".format(organization))
        handle = found[0]["handle"]
        with self.step("checking the role in organization {0}".format(handle)):
            administers = self.access.administers(found[0]["id"])
        if not administers:
            raise ParameterError("slug" if self.params["slug"] is not None else "organization",
                                 "creating {0} needs the administrator role in organization {1}, which this API key's "
                                 "user does not hold".format(self.describe_target(), handle))
        predicted = dict(self.predicted({}, desired), organization=found, slug="{0}/{1}".format(handle, name).lower(),
                         is_of__class=self.params["application_class"] or "fleet", app_name=name)
        predicted.setdefault("should_track_latest_release", True)
        return predicted

    def predicted(self, current, changes):
        obj = dict(current, **changes)
        obj.update((field, rows) for field, rows in self._links.items() if field in changes)
        return obj

    def create(self, desired):
        params = self.params
        organization, name = self.creation()
        created = self.client.models.application.create(name, params["device_type"], _org_key(organization), params["application_class"])
        rest = {key: value for key, value in desired.items()
                if key not in ("app_name", "is_for__device_type", "is_of__class") and created.get(key) != value}
        if rest:
            self.client.pine.patch({"resource": "application", "id": created["id"], "body": rest})
            created.update(rest)
        return created

    def update(self, current, changes):
        self.client.pine.patch({"resource": "application", "id": current["id"], "body": changes})

    def delete(self, current):
        self.client.pine.delete({"resource": "application", "id": current["id"]})

    def option_of(self, key):
        if key in ("track_latest", "target_release", "target_release_id", "target_release_version"):
            return "release" if self.params["release"] is not None else "track_latest"
        return {"name": "new_name"}.get(key, key)

    def fleet_of(self, obj):
        return obj.get("slug")

    def label(self, obj):
        return obj.get("slug") or self.describe_target()[len("fleet "):]

    def view(self, obj):
        return fleet_view(obj)


def _org_key(organization):
    text = str(organization).strip()
    return int(text) if text.isdigit() else text


def _org_filter(organization):
    key = _org_key(organization)
    return {"id": key} if isinstance(key, int) else {"handle": key}


def app_name_problem(name):
    """What the API would refuse in a fleet name, or None."""
    if not 4 <= len(name) <= 100:
        return "must be 4 to 100 characters long"
    if not APP_NAME.match(name):
        return "may only contain letters, digits, underscores and hyphens"
    return None


def main():
    ApplicationModule.main()


if __name__ == "__main__":
    main()
