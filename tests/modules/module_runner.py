"""Run a module's ``main()`` in this process with given arguments and return its JSON result."""
from __future__ import annotations

import contextlib
import io
import json

from ansible.module_utils.common import warnings as ansible_warnings
from ansible.module_utils.testing import patch_module_args


def run_module(main, args, check_mode=False, diff=False):
    # Ansible gathers warnings process-wide; a run in a fresh process starts with none.
    for gathered in ("_global_warnings", "_global_deprecations"):
        getattr(ansible_warnings, gathered, {}).clear()
    arguments = dict(args, _ansible_check_mode=check_mode, _ansible_diff=diff)
    output = io.StringIO()
    with patch_module_args(arguments), contextlib.redirect_stdout(output):
        try:
            main()
        except SystemExit:
            pass
    return json.loads(output.getvalue())


def api_requests(emulator):
    """The requests the emulator served since the log was last cleared, as ``(method, path)``."""
    return [(entry["method"], entry["path"]) for entry in emulator.request_log() if not entry["path"].startswith("/_emulator")]


def methods(requests):
    return sorted(set(entry[0] for entry in requests))


# What a module reads to learn the caller's role on a fleet before it writes (``write_access``).
ACCESS_CHECK_PATHS = ("/actor/v1/whoami", "/v7/organization_membership", "/v7/user__is_member_of__application",
                      "/v7/team_membership", "/v7/team_application_access")


def is_access_check(entry):
    method, path = entry
    role_fleet_lookup = path.startswith("/v7/application?") and "organization(" in path.replace("%28", "(") and "handle" in path
    return method == "GET" and (path.startswith(ACCESS_CHECK_PATHS) or role_fleet_lookup)


def without_access_checks(requests):
    """``requests`` without the reads of the caller's role on a fleet."""
    return [entry for entry in requests if not is_access_check(entry)]
