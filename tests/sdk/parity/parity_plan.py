# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The whole scenario, in the order that keeps it meaningful: log in, read the demo world (keeping
what later steps need), change it, read the changes back, clean up, log out."""

from __future__ import annotations

import parity_steps_application as application
import parity_steps_auth as auth
import parity_steps_catalog as catalog
import parity_steps_device as device
import parity_steps_logs as logs
import parity_steps_options as options
import parity_steps_organization as organization
import parity_steps_release as release
from parity_scenario import Setup, Step, learn_random_values

_LEARN = [Setup("label the values this emulator drew at random", learn_random_values)]

_LOGOUT = [
    Step("auth.logout", lambda sdk, w: sdk.auth.logout()),
    Step("auth.is_logged_in", lambda sdk, w: sdk.auth.is_logged_in(), "after logout"),
    Step("auth.get_token", lambda sdk, w: sdk.auth.get_token(), "after logout"),
    Step("models.config.get_all", lambda sdk, w: sdk.models.config.get_all(), "logged out"),
]

SCENARIO = (
    _LEARN
    + auth.STEPS
    + catalog.STEPS
    + release.READS
    + application.READS
    + device.READS
    + logs.STEPS
    + options.STEPS
    + release.WRITES
    + application.WRITES
    + _LEARN
    + application.SUB_MODELS
    + application.MEMBERS
    + device.WRITES
    + device.TAGS
    + device.SERVICE_VARS
    + device.ACTIONS
    + organization.ORGANIZATIONS
    + organization.TEAMS
    + organization.KEYS
    + device.CLEANUP
    + application.CLEANUP
    + _LOGOUT
)


def steps():
    return [item for item in SCENARIO if isinstance(item, Step)]
