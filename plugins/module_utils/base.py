# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every balena module shares: options, client, failures, results and the create/update/delete flow.

A module class describes its resource and ``base`` does the rest:

* ``BalenaModule``: the auth options, the SDK client, turning every error into a clean
  ``fail_json`` and returning results whose ``invocation`` never shows a secret.
* ``ResourceModule``: for one API object. A subclass says how to ``find`` the current object
  (a dict or None), which API fields the user ``desired``, and how to ``create``, ``update``
  (only the changed fields) and ``delete`` it; check mode, ``--diff``, idempotence and the
  result come from here.
"""

from __future__ import annotations

import contextlib
import traceback

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from .client import AUTH_ARGUMENT_SPEC, api_url_problem, connect, missing_library
from .credentials import ENVIRONMENT_ORIGINS, api_key_problem, environment_problems, is_blank, labelled
from .diff import MASK, changed_fields, link_id, masked, presence_diff, view_diff
from .errors import AUTHORIZATION_STATUSES, AnswerLostError, OperationError, ParameterError, ReadOnlyError, answer_lost, describe
from .sdk.exceptions import BalenaException, NotLoggedIn
from .sdk.urls import shown_url
from .write_access import WriteAccess, refuse_read_only
from .write_ledger import Ledger


# Options that name devices by uuid (or numeric id): balena stores uuids in lower case and compares
# them exactly, so ``3707A497...`` is read as ``3707a497...`` by every module alike.
UUID_OPTIONS = ("uuid", "uuids", "device", "devices")


def _lower_uuids(params, spec):
    for name in UUID_OPTIONS:
        value = params.get(name)
        if name not in spec or value is None:
            continue
        if isinstance(value, str):
            params[name] = value.lower()
        elif isinstance(value, list):
            params[name] = [item.lower() if isinstance(item, str) else item for item in value]


class BalenaModule:
    """Subclasses set ``argument_spec`` (their own options), ``module_options`` (keyword arguments
    of ``AnsibleModule`` such as ``mutually_exclusive``) and ``hidden_options`` (options whose
    values are masked in the returned ``invocation``), and implement ``run()``."""

    argument_spec = {}
    module_options = {}
    hidden_options = ()

    def __init__(self, module=None):
        spec = dict(AUTH_ARGUMENT_SPEC)
        spec.update(self.argument_spec)
        if module is None:
            ENVIRONMENT_ORIGINS.clear()  # filled anew by the fallbacks of this module's options
        self.module = module or AnsibleModule(argument_spec=spec, supports_check_mode=True, **self.module_options)
        self.params = self.module.params
        _lower_uuids(self.params, spec)
        self._client = None
        self._access = None
        self.ledger = Ledger()
        self._forget_blank_key()
        problems = environment_problems(("validate_certs",))
        if problems:
            self.module.fail_json(msg="; ".join(problems))

    def _forget_blank_key(self):
        """A key of white space only is no key: not a secret whose every space the output would mask."""
        key = self.params.get("api_key")
        if key is not None and is_blank(key):
            self.params["api_key"] = None
            self.module.no_log_values.discard(key)

    @property
    def check_mode(self):
        return self.module.check_mode

    @property
    def client(self):
        if self._client is None:
            if self.params.get("max_retries", 0) < 0:
                raise ParameterError("max_retries", "must be 0 or more")
            for option, problem in ((labelled("api_key", ENVIRONMENT_ORIGINS.get("api_key")),
                                     api_key_problem(self.params.get("api_key"))),
                                    ("api_url", api_url_problem(self.params.get("api_url"))),
                                    ("actions_url", api_url_problem(self.params.get("actions_url")))):
                if problem:
                    raise ParameterError(option, problem)
            try:
                self._client = connect(self.params)
            except BalenaException as error:
                # The only settings the SDK can reject here are the URLs.
                option = "actions_url" if "actions_endpoint" in str(error) else "api_url"
                raise ParameterError(option, "{0!r} is not an http or https URL".format(shown_url(self.params[option]))) from None
        return self._client

    @property
    def access(self):
        """The caller's write access to fleets (``write_access.WriteAccess``), asked once each."""
        if self._access is None:
            self._access = WriteAccess(self.client)
        return self._access

    def require_write(self, wanted):
        """Refuse before any write, in check mode too, when a fleet of ``wanted`` (``[(fleet, target,
        items)]``) is read-only for the caller."""
        if not any(fleet for fleet, _target, _items in wanted):
            return
        with self.step("checking write access"):
            refuse_read_only(self.access, self.ledger, wanted)

    @contextlib.contextmanager
    def step(self, action):
        """Name what is being done, so that an SDK error says which operation failed."""
        try:
            yield
        except BalenaException as error:
            raise OperationError(action, error) from None

    def run(self):
        """Do the work and return the result dict (without ``invocation``)."""
        raise NotImplementedError

    def invocation(self):
        shown = {}
        for name, value in self.params.items():
            if name in self.hidden_options and value is not None:
                value = masked(value) if isinstance(value, dict) else MASK
            elif name in ("api_url", "actions_url") and isinstance(value, str):
                value = shown_url(value)
            shown[name] = value
        return {"module_args": shown}

    def execute(self):
        missing = missing_library()
        if missing is not None:
            self.module.fail_json(msg=missing_required_lib(missing[0]), exception=str(missing[1]), invocation=self.invocation())
        try:
            result = self.run()
        except ParameterError as error:
            self.fail(str(error), failure={"parameter": error.parameter, "message": error.problem})
        except ReadOnlyError as error:
            self.fail(str(error), failure={"code": "ReadOnlyAccess", "message": str(error)})
        except AnswerLostError as error:
            self.fail(str(error), failure={"code": "AnswerLost", "message": str(error)})
        except OperationError as error:
            message, failure = describe(error.error, error.action, self._key_accepted(error.error), self._shown_api_url())
            self.fail(message, failure=failure)
        except BalenaException as error:
            message, failure = describe(error, key_valid=self._key_accepted(error), api_url=self._shown_api_url())
            self.fail(message, failure=failure)
        except Exception as error:  # pylint: disable=broad-exception-caught
            # A bug rather than a balena problem: still a clean failure, with the trace for -vvv.
            self.fail("unexpected {0}: {1}".format(type(error).__name__, error), exception=traceback.format_exc())
        self.module.exit_json(invocation=self.invocation(), **result)

    def _shown_api_url(self):
        return shown_url(self.params["api_url"]) if self.params.get("api_url") else None

    def _key_accepted(self, error):
        """After a refusal (401/403): whether the API accepts the key at all, asked once; None if unknown."""
        if getattr(error, "status_code", None) not in AUTHORIZATION_STATUSES or self._client is None:
            return None
        try:
            self._client.auth.whoami()
        except NotLoggedIn:
            return False
        except BalenaException:
            return None
        return True

    def fail(self, msg, **extra):
        if self.ledger.started:
            # Writes went out before the failure: say which took effect and which did not.
            extra.update(self.ledger.report())
            read_only = self.ledger.read_only_text()
            if read_only and read_only not in msg:
                msg += "; " + read_only
            if self.ledger.changed:
                msg += " (some changes were applied before this failure: see applied and not_applied)"
        self.module.fail_json(msg=msg, invocation=self.invocation(), **extra)

    @classmethod
    def main(cls):
        cls().execute()


class ResourceModule(BalenaModule):
    """One API object described by ``find``/``desired``/``create``/``update``/``delete``, and its
    facets (tags, settings of its devices).

    ``noun`` names the object in messages and is the key of the returned object, which is
    ``present(obj)``: the resource's view (see ``*_view.py``); ``--diff`` compares two views.
    ``secret_fields`` are view keys masked in the diff and the result. A module with a
    ``state`` option gets ``present``/``absent``; without one, ``present``. Each requested
    facet is planned from the same ``find`` answer and applied once the object exists; check
    mode, ``--diff`` and the result cover fields and facets together.
    """

    noun = "resource"
    secret_fields = ()
    _written = {}

    def describe_target(self):
        """How messages name the object, e.g. ``"fleet demo/signage"``."""
        return self.noun

    def find(self):
        """The current object (a dict of API fields) or None, in as few requests as possible."""
        raise NotImplementedError

    def desired(self):
        """The API fields the user set, with their wanted values (unset options are left out)."""
        return {}

    def create(self, desired):
        raise NotImplementedError

    def predict(self, desired):
        """The object ``create`` would make, as check mode shows it; it refuses what ``create`` would."""
        return dict(desired)

    def predicted(self, current, changes):
        """The object once ``changes`` (API fields) are written; a module expands the links it changes
        here, so that the view names them."""
        return dict(current, **changes)

    def update(self, current, changes):
        """Write ``changes`` (only the differing fields); return the new object or None to re-read it."""
        raise NotImplementedError

    def delete(self, current):
        raise NotImplementedError

    def view(self, obj):
        """The resource's view of ``obj``: what users see (see ``*_view.py``)."""
        return {key: link_id(value) for key, value in obj.items()}

    def present(self, obj):
        """The object as returned to the user: its view, secret fields masked."""
        return masked(self.view(obj), keys=set(self.secret_fields))

    def facets(self):
        """The facets this module handles (``Facet`` objects); only requested ones are used."""
        return []

    def reread(self, object_id):
        """The object as stored after a write, read by id, or None to return the predicted one."""
        return None

    def label(self, obj):
        """How a facet names the object in messages (a slug, a uuid, a commit)."""
        return str(obj.get("id"))

    def option_of(self, key):
        """The option that sets view key ``key``: how ``applied`` and ``not_applied`` name a change."""
        return key

    def options_of(self, keys):
        return sorted(set(self.option_of(key) for key in keys))

    def fleet_of(self, obj):
        """The slug of the fleet whose access decides whether ``obj`` may be written, when known."""
        return None

    def run(self):
        target = self.describe_target()
        with self.step("looking up " + target):
            current = self.find()
        if self.params.get("state", "present") == "absent":
            return self._absent(current, target)
        obj, diff = self._settle_fields(current, target)
        shown = self.present(obj)
        facets = [facet for facet in self.facets() if facet.requested()]
        for facet in facets:
            diff = self._settle_facet(facet, current, obj, shown, diff, target)
        if diff is not None and not self.check_mode:
            with self.step("reading back " + target):
                stored = self.reread(obj["id"])
            if stored is not None:
                self._prove_fields(current, obj, stored)
                shown = self.present(stored)
                for facet in facets:
                    shown[facet.name] = facet.shown(stored)
        self.ledger.check_read_only()
        result = {"changed": diff is not None, self.noun: shown}
        if diff is not None:
            result["diff"] = diff
        return result

    def _prove_fields(self, current, obj, stored):
        """An update the API accepted but did not store was refused: the key may only read the object."""
        if current is None:
            return
        shown = self.present(stored)
        refused = sorted(key for key, value in self._written.items() if shown.get(key) != value)
        if refused:
            self.ledger.refused(self.label(obj), self.options_of(refused), self.fleet_of(stored))

    def _settle_fields(self, current, target):
        """Create the object or update its changed fields; ``(object, diff or None)``."""
        desired = self.desired()
        if current is None:
            obj = self.predict(desired)
            diff = presence_diff(None, self.present(obj))
            if not self.check_mode:
                try:
                    with self.step("creating " + target):
                        obj = self.create(desired)
                except OperationError as error:
                    self._check_lost_create(error, target)
                    raise
                self.ledger.done(self.label(obj), ["state"])
            return obj, diff
        changes = changed_fields(current, desired)
        if not changes:
            return current, None
        obj = self.predicted(current, changes)
        diff = view_diff(self.present(current), self.present(obj))
        self.require_write([(self.fleet_of(current), self.label(current), self.options_of(diff["after"]))])
        if not self.check_mode:
            label, items = self.label(current), self.options_of(diff["after"])
            self.ledger.expect(label, items)
            with self.step("updating " + target):
                obj = self.update(current, changes) or obj
            self.ledger.done(label, items)
            self._written = dict(diff["after"])
        return obj, diff

    def _check_lost_create(self, error, target):
        """After a create whose answer was lost, look the object up: if it exists, it was created."""
        if not answer_lost(error.error):
            return
        with self.step("looking up " + target + " after its creation lost its answer"):
            found = self.find()
        if found is None:
            return
        self.ledger.done(self.label(found), ["state"])
        raise AnswerLostError("{0} was created, but the connection broke before the API's answer came, so the task stopped "
                              "there; rerun it to apply the rest".format(target))

    def _settle_facet(self, facet, current, obj, shown, diff, target):
        """Plan and apply one facet, record it in ``shown``; the diff with the facet's change added."""
        plan = facet.plan(current, self.label(obj))
        if plan is None:
            shown[facet.name] = facet.shown(current)
            return diff
        diff = diff or {"before": {}, "after": {}}
        if current is not None:
            self.require_write([(self.fleet_of(current), self.label(current), [facet.name])])
            diff["before"][facet.name] = plan.before
        diff["after"][facet.name] = plan.after
        shown[facet.name] = plan.after
        if not self.check_mode:
            with self.step("changing the {0} of {1}".format(facet.name.replace("_", " "), target)):
                plan.apply(obj["id"], self.ledger)
        return diff

    def _absent(self, current, target):
        if current is None:
            return {"changed": False}
        self.require_write([(self.fleet_of(current), self.label(current), ["state"])])
        if not self.check_mode:
            with self.step("deleting " + target):
                self.delete(current)
        return {"changed": True, "diff": presence_diff(self.present(current), None)}
