from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule, ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.diff import MASK
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError


class Finished(Exception):
    def __init__(self, failed, result):
        super().__init__(result)
        self.failed = failed
        self.result = result


class FakeAnsibleModule:
    def __init__(self, params, check_mode=False):
        self.params = params
        self.check_mode = check_mode

    def exit_json(self, **result):
        raise Finished(False, result)

    def fail_json(self, **result):
        raise Finished(True, result)


class NoteModule(ResourceModule):
    """A stand-in resource: a note with a text and a secret, kept in ``store``."""

    noun = "note"
    secret_fields = ("secret",)
    hidden_options = ("secret",)

    def __init__(self, module, store):
        super().__init__(module)
        self.store = store
        self.writes = []

    def describe_target(self):
        return "note " + self.params["name"]

    def find(self):
        return dict(self.store[self.params["name"]]) if self.params["name"] in self.store else None

    def desired(self):
        wanted = {"text": self.params.get("text"), "secret": self.params.get("secret")}
        return {field: value for field, value in wanted.items() if value is not None}

    def create(self, desired):
        self.writes.append(("create", desired))
        if desired.get("text") == "explode":
            raise RequestError('"no"', status_code=400, method="POST", path="/v7/note")
        self.store[self.params["name"]] = dict(desired, id=1)
        return self.store[self.params["name"]]

    def update(self, current, changes):
        self.writes.append(("update", changes))
        self.store[self.params["name"]].update(changes)

    def delete(self, current):
        self.writes.append(("delete", current["id"]))
        del self.store[self.params["name"]]


def run(params, store, check_mode=False):
    instance = NoteModule(FakeAnsibleModule(dict({"state": "present"}, **params), check_mode), store)
    with pytest.raises(Finished) as finished:
        instance.execute()
    return finished.value, instance.writes


def test_create_then_nothing_to_do():
    store = {}
    finished, writes = run({"name": "n", "text": "hi", "secret": "s3"}, store)
    assert not finished.failed
    assert finished.result["changed"] is True
    assert finished.result["note"] == {"text": "hi", "secret": MASK, "id": 1}
    assert finished.result["diff"] == {"before": {"state": "absent"}, "after": {"text": "hi", "secret": MASK, "state": "present"}}
    assert finished.result["invocation"]["module_args"]["secret"] == MASK
    assert writes == [("create", {"text": "hi", "secret": "s3"})]
    finished, writes = run({"name": "n", "text": "hi", "secret": "s3"}, store)
    assert finished.result["changed"] is False and writes == []


def test_update_sends_only_changed_fields_and_check_mode_writes_nothing():
    store = {"n": {"id": 1, "text": "old", "secret": "s"}}
    finished, writes = run({"name": "n", "text": "new", "secret": "s"}, store, check_mode=True)
    assert finished.result["changed"] is True
    assert finished.result["note"]["text"] == "new"
    assert finished.result["diff"] == {"before": {"text": "old"}, "after": {"text": "new"}}
    assert writes == [] and store["n"]["text"] == "old"
    finished, writes = run({"name": "n", "text": "new"}, store)
    assert writes == [("update", {"text": "new"})]
    assert store["n"]["text"] == "new"


def test_absent_deletes_once():
    store = {"n": {"id": 1, "text": "x"}}
    finished, writes = run({"name": "n", "state": "absent"}, store)
    assert finished.result["changed"] is True and writes == [("delete", 1)]
    finished, writes = run({"name": "n", "state": "absent"}, store)
    assert finished.result["changed"] is False and writes == []


def test_api_errors_become_clean_failures_naming_the_operation():
    finished = run({"name": "n", "text": "explode", "secret": "hush"}, {})[0]
    assert finished.failed
    assert finished.result["msg"] == "creating note n failed: HTTP 400 from the balena API: no (POST /v7/note)"
    assert finished.result["failure"]["status"] == 400
    assert "hush" not in repr(finished.result)


class Broken(BalenaModule):
    def __init__(self, module, error):
        super().__init__(module)
        self.error = error

    def run(self):
        raise self.error


@pytest.mark.parametrize("error, message", [
    (ParameterError("fleet", "is wrong"), "fleet: is wrong"),
    (KeyError("surprise"), "unexpected KeyError: 'surprise'"),
])
def test_every_error_is_a_failure_not_a_traceback(error, message):
    with pytest.raises(Finished) as finished:
        Broken(FakeAnsibleModule({}), error).execute()
    assert finished.value.failed and finished.value.result["msg"] == message


class Connecting(BalenaModule):
    def run(self):
        return {"client": type(self.client).__name__}


@pytest.mark.parametrize("params, message", [
    ({"api_url": "ftp://example.com", "max_retries": 1}, "api_url: 'ftp://example.com' is not an http or https URL"),
    ({"api_url": "http://127.0.0.1:9", "max_retries": -1}, "max_retries: must be 0 or more"),
])
def test_unusable_connection_options_name_the_option(params, message):
    params = dict(params, api_key="k", validate_certs=True, timeout=1.0)
    with pytest.raises(Finished) as finished:
        Connecting(FakeAnsibleModule(params)).execute()
    assert finished.value.failed and finished.value.result["msg"] == message
