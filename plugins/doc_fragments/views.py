# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The views of balena resources that modules return, documented once (see module_utils/*_view.py).

A module's RETURN extends ``balena.cloud.views.fleet`` (one fleet under ``application``) or
``balena.cloud.views.fleets`` (a list under ``applications``), ``balena.cloud.views.release``
(``release``), ``balena.cloud.views.releases`` (``releases``), ``balena.cloud.views.device``
(``device``) or ``balena.cloud.views.devices`` (``devices``); ``balena.cloud.views.writes``
documents what a failed write returns (``applied``, ``not_applied``). The module describes what it
adds to the view (tags...) in its own description of that key.
"""
from __future__ import annotations


# ansible-test reads these as literal strings, so a view's entries are written out under both keys.
class ModuleDocFragment:

    FLEET = r"""
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
      sample: "2030-01-31T00:00:00.000Z"
"""

    FLEETS = r"""
applications:
  type: list
  elements: dict

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
      sample: "2030-01-31T00:00:00.000Z"
"""

    RELEASE = r"""
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
      description: The release's semantic version, as O(balena.cloud.balena_release#module:release_version) sets it.
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
      sample: "2026-11-25T13:50:13.187Z"
"""

    RELEASES = r"""
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
      description: The release's semantic version, as O(balena.cloud.balena_release#module:release_version) sets it.
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
      sample: "2026-11-25T13:50:13.187Z"
"""

    DEVICE = r"""
device:
  type: dict

  contains:
    id:
      description: Numeric id (null for a device check mode would register).
      type: int
      sample: 1
    uuid:
      description: The device's uuid.
      type: str
      sample: b05e5bba28df79d5eab5e1aa2c6300be
    device_name:
      description: The device's name.
      type: str
      sample: lobby-screen
    note:
      description: The device's note, or null.
      type: str
      sample: Second floor
    fleet:
      description: Slug of the device's fleet.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Id of the device's fleet.
      type: int
      sample: 16
    device_type:
      description: Slug of the device's type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the device's type.
      type: int
      sample: 119
    location:
      description: The custom location (C(latitude), C(longitude)), or null when balena places the device.
      type: dict
      sample: {"latitude": 52.52, "longitude": 13.405}
    device_url:
      description: Whether the public device URL is on.
      type: bool
      sample: false
    is_active:
      description: Whether the device is active (not deactivated).
      type: bool
      sample: true
    is_online:
      description: Whether the device is online.
      type: bool
      sample: true
    status:
      description: The device's status.
      type: str
      sample: Idle
    overall_status:
      description: The status the dashboard shows.
      type: str
      sample: operational
    api_heartbeat_state:
      description: The state of the device's heartbeat to the API.
      type: str
      sample: online
    os_version:
      description: The balenaOS version the device reports.
      type: str
      sample: balenaOS 6.0.13
    os_variant:
      description: The balenaOS variant (C(prod) or C(dev)) the device reports.
      type: str
      sample: prod
    supervisor_version:
      description: The supervisor version the device reports.
      type: str
      sample: 17.0.3
    ip_address:
      description: The device's local addresses, separated by spaces.
      type: str
      sample: 192.168.1.20
    public_address:
      description: The device's public address.
      type: str
      sample: 203.0.113.7
    mac_address:
      description: The device's MAC addresses, separated by spaces.
      type: str
      sample: "dc:a6:32:00:00:01"
    last_connectivity_event:
      description: When the device last connected or disconnected.
      type: str
      sample: "2026-11-25T13:50:13.187Z"
    created_at:
      description: When the device was registered.
      type: str
      sample: "2026-11-25T13:50:13.187Z"
    pinned_release:
      description: Commit of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    pinned_release_version:
      description: Version of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 1.2.0
    pinned_release_id:
      description: Id of the release the device is pinned to (null when it follows its fleet), or null.
      type: int
      sample: 117
    running_release:
      description: Commit of the release the device runs, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    running_release_version:
      description: Version of the release the device runs, or null.
      type: str
      sample: 1.2.0
    running_release_id:
      description: Id of the release the device runs, or null.
      type: int
      sample: 117
    target_release:
      description: Commit of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: int
      sample: 117
    pinned_supervisor_version:
      description: Version of the supervisor release the device is pinned to, or null.
      type: str
      sample: 17.0.3
    pinned_supervisor_release_id:
      description: Id of the supervisor release the device is pinned to, or null.
      type: int
      sample: 102
    pinned_os_version:
      description: Version of the host OS release the device is pinned to, or null.
      type: str
      sample: 6.0.13+prod
    pinned_os_release_id:
      description: Id of the host OS release the device is pinned to, or null.
      type: int
      sample: 39
"""

    DEVICES = r"""
devices:
  type: list
  elements: dict

  contains:
    id:
      description: Numeric id (null for a device check mode would register).
      type: int
      sample: 1
    uuid:
      description: The device's uuid.
      type: str
      sample: b05e5bba28df79d5eab5e1aa2c6300be
    device_name:
      description: The device's name.
      type: str
      sample: lobby-screen
    note:
      description: The device's note, or null.
      type: str
      sample: Second floor
    fleet:
      description: Slug of the device's fleet.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Id of the device's fleet.
      type: int
      sample: 16
    device_type:
      description: Slug of the device's type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the device's type.
      type: int
      sample: 119
    location:
      description: The custom location (C(latitude), C(longitude)), or null when balena places the device.
      type: dict
      sample: {"latitude": 52.52, "longitude": 13.405}
    device_url:
      description: Whether the public device URL is on.
      type: bool
      sample: false
    is_active:
      description: Whether the device is active (not deactivated).
      type: bool
      sample: true
    is_online:
      description: Whether the device is online.
      type: bool
      sample: true
    status:
      description: The device's status.
      type: str
      sample: Idle
    overall_status:
      description: The status the dashboard shows.
      type: str
      sample: operational
    api_heartbeat_state:
      description: The state of the device's heartbeat to the API.
      type: str
      sample: online
    os_version:
      description: The balenaOS version the device reports.
      type: str
      sample: balenaOS 6.0.13
    os_variant:
      description: The balenaOS variant (C(prod) or C(dev)) the device reports.
      type: str
      sample: prod
    supervisor_version:
      description: The supervisor version the device reports.
      type: str
      sample: 17.0.3
    ip_address:
      description: The device's local addresses, separated by spaces.
      type: str
      sample: 192.168.1.20
    public_address:
      description: The device's public address.
      type: str
      sample: 203.0.113.7
    mac_address:
      description: The device's MAC addresses, separated by spaces.
      type: str
      sample: "dc:a6:32:00:00:01"
    last_connectivity_event:
      description: When the device last connected or disconnected.
      type: str
      sample: "2026-11-25T13:50:13.187Z"
    created_at:
      description: When the device was registered.
      type: str
      sample: "2026-11-25T13:50:13.187Z"
    pinned_release:
      description: Commit of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    pinned_release_version:
      description: Version of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 1.2.0
    pinned_release_id:
      description: Id of the release the device is pinned to (null when it follows its fleet), or null.
      type: int
      sample: 117
    running_release:
      description: Commit of the release the device runs, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    running_release_version:
      description: Version of the release the device runs, or null.
      type: str
      sample: 1.2.0
    running_release_id:
      description: Id of the release the device runs, or null.
      type: int
      sample: 117
    target_release:
      description: Commit of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the device should run, which the API computes from its pin and its fleet's target, or null.
      type: int
      sample: 117
    pinned_supervisor_version:
      description: Version of the supervisor release the device is pinned to, or null.
      type: str
      sample: 17.0.3
    pinned_supervisor_release_id:
      description: Id of the supervisor release the device is pinned to, or null.
      type: int
      sample: 102
    pinned_os_version:
      description: Version of the host OS release the device is pinned to, or null.
      type: str
      sample: 6.0.13+prod
    pinned_os_release_id:
      description: Id of the host OS release the device is pinned to, or null.
      type: int
      sample: 39
"""

    WRITES = r"""
applied:
  description:
    - What a failed task had already written when it stopped, by target (a device uuid, a fleet slug, a release
      commit, a service), the options, view keys, tag keys (as C(tags.<key>) when the module also changes other
      things) or variable names that took effect.
    - A failed task with entries here reports C(changed=true).
  returned: when the task failed after it started writing
  type: dict
  sample: {"myorg/signage": ["LOG_LEVEL"]}
not_applied:
  description:
    - What a failed task meant to write but did not, by target, in the same words as RV(applied); this includes
      rows the API accepted but left unchanged because the API key may only read them (the message then names the
      fleet and says C(read-only access)).
  returned: when the task failed after it started writing
  type: dict
  sample: {"myorg/signage": ["KIOSK_URL"]}
"""
