"""Send the recorded requests to an emulator in order and compare what comes back."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import requests

from .exclusions import CLIENT_ERROR, CLOUD_CONFIG_DEFAULTS, CLOUD_ONLY_FIELDS, EXCLUSIONS, SKIP, STATUS_ONLY
from .id_map import IdMap
from .outcome import Outcome
from .shapes import differences
from .tokens import Keys
from .truncation import restore, restore_path

_ODATA_RESOURCE = re.compile(r"^/v\d+/(?P<resource>[A-Za-z_]+)(?P<key>\([^)]*\))?(?P<rest>/[^?]*)?")
TIMEOUT = 60

_CLOUD_EXTRAS = frozenset(CLOUD_ONLY_FIELDS) | frozenset(CLOUD_CONFIG_DEFAULTS)


def body_format(response: requests.Response) -> tuple[str, object]:
    if not response.content:
        return "empty", None
    try:
        return "json", response.json()
    except ValueError:
        return "text", response.text


class Replayer:
    def __init__(self, url: str, credentials: dict, admin_headers: dict, device_types_file: Path | None):
        self.url = url.rstrip("/")
        self.credentials = credentials
        self.admin_headers = admin_headers
        self.mapper = IdMap()
        self.keys = Keys()
        self._device_types_file = device_types_file
        self.uuid_by_device: dict[int, str] = {}
        self.setup_problems: list[str] = []

    # -- the starting world ---------------------------------------------------------------
    def prepare(self) -> None:
        """Map what existed before the recording began: device types (open-balena numbered
        them in the order of the reference list), the user `admin` and the org `admin`."""
        if self._device_types_file:
            listed = json.loads(self._device_types_file.read_text(encoding="utf-8"))["device_types"]
            answer = requests.get(f"{self.url}/v7/device_type?$select=id,slug", timeout=TIMEOUT)
            ours = {row["slug"]: row["id"] for row in answer.json()["d"]}
            for position, entry in enumerate(listed, start=1):
                if entry["slug"] in ours:
                    self.mapper.learn_id("device_type", position, ours[entry["slug"]])
        organization, username = self.credentials["organization"], self.credentials["username"]
        for recorded, ours in (("'admin/", f"'{organization}/"), ("'admin%2F", f"'{organization}%2F"),
                               ("handle='admin'", f"handle='{organization}'"),
                               ("/public-keys/admin", f"/public-keys/{username}")):
            self.mapper.strings[recorded] = ours

    # -- one exchange ---------------------------------------------------------------------
    def out_of_band(self, seq: int) -> None:
        """What the recorder did outside the API under test: connecting device 66 to its fake
        VPN before seq 253 and disconnecting it before seq 259 (README §1)."""
        changes = {253: True, 259: False}
        if seq in changes and ("device", 66) in self.mapper.ids:
            device = self.mapper.ids[("device", 66)]
            answer = requests.patch(f"{self.url}/v7/device({device})", json={"is_online": changes[seq]},
                                    headers=self.admin_headers, timeout=TIMEOUT)
            if answer.status_code != 200:
                self.setup_problems.append(f"before seq {seq}: admin PATCH is_online -> {answer.status_code}")

    def _request_body(self, record: dict):
        raw = record["raw"]
        source = raw if "<TIMESTAMP" in json.dumps(record.get("request_body")) else record
        value = restore(source.get("request_body"))
        if record["request_body_format"] == "text" and isinstance(value, str):
            text = self.mapper.text(value)
            text = text.replace("username=admin&", f"username={quote(self.credentials['username'])}&")
            return text.replace("<PASSWORD>", quote(self.credentials["password"])).encode()
        if record["request_body_format"] == "empty":
            return None
        value = self.mapper.body(value)
        if isinstance(value, dict):
            if value.get("username") == "admin":
                value["username"] = self.credentials["username"]
            if value.get("username") == "admin@example.com":
                value["username"] = self.credentials["email"]
            if value.get("password") == "<PASSWORD>":
                value["password"] = self.credentials["password"]
        return json.dumps(value).encode()

    def _path(self, record: dict) -> str:
        raw = record["raw"]
        source = raw["path_raw"] if "<TIMESTAMP" in record["path"] else record["path_raw"]
        return self.mapper.path(restore_path(source))

    def send(self, record: dict) -> tuple[requests.Response | None, str]:
        path = self._path(record)
        headers = {}
        content_type = record["request_headers"].get("content-type")
        if content_type:
            headers["Content-Type"] = content_type
        token = self.keys.for_exchange(record)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        elif record["request_headers"].get("authorization") == "other":
            headers["Authorization"] = "Basic YWRtaW46d3Jvbmc="
        prepared = requests.Request(record["method"], self.url + "/", headers=headers,
                                    data=self._request_body(record)).prepare()
        prepared.url = self.url + path
        try:
            # A new connection per request, as the official SDK makes them (it keeps no session).
            with requests.Session() as connection:
                return connection.send(prepared, timeout=TIMEOUT), path
        except requests.RequestException as error:
            return None, f"{path} ({error.__class__.__name__})"

    def compare(self, record: dict, response: requests.Response | None, path: str) -> Outcome:
        raw = record["raw"]
        outcome = Outcome(seq=record["seq"], section=record["section"], step=record["step"],
                          method=record["method"], path=path, expected_status=record["status"],
                          expected_format=record["response_body_format"],
                          excluded=EXCLUSIONS.get(record["seq"]))
        if response is None:
            outcome.problems.append("no response (connection error)")
            return outcome
        outcome.status = response.status_code
        outcome.body_format, actual = body_format(response)
        kind = outcome.excluded[0] if outcome.excluded else None
        if kind == SKIP:
            return outcome
        if kind == CLIENT_ERROR:
            if not 400 <= response.status_code < 500:
                outcome.problems.append(f"status {response.status_code}, a 4xx was expected")
            elif not (isinstance(actual, str) and actual.strip()):
                outcome.problems.append("a 4xx without a message")
            return outcome
        if response.status_code != record["status"]:
            outcome.problems.append(f"status {response.status_code}, recorded {record['status']}")
            return outcome
        if kind == STATUS_ONLY:
            return outcome
        if outcome.body_format != outcome.expected_format:
            outcome.problems.append(f"body is {outcome.body_format}, recorded {outcome.expected_format}")
            return outcome
        if outcome.expected_format == "json":
            expected = self._data_keys(raw["response_body"])
            outcome.problems.extend(differences(expected, actual, extra_allowed=_CLOUD_EXTRAS))
        return outcome

    def _data_keys(self, value, parent: str = ""):
        """Recorded keys that are data (fleet uuids and ids keying the state answers) become
        the emulator's values, so that only the structure is compared."""
        if isinstance(value, dict):
            translated = {}
            for key, item in value.items():
                if key.isdigit() and parent in ("apps", "services"):
                    resource = "application" if parent == "apps" else "service"
                    key = str(self.mapper.id_for(resource, int(key)))
                else:
                    key = self.mapper.text(key)
                translated[key] = self._data_keys(item, key)
            return translated
        if isinstance(value, list):
            return [self._data_keys(item, parent) for item in value]
        return value

    # -- learning from a successful exchange ----------------------------------------------
    def learn(self, record: dict, response: requests.Response | None) -> None:
        if response is None or response.status_code >= 300 or record["status"] >= 300:
            return
        _, actual = body_format(response)
        recorded = record["response_body"]
        path = record["path"].split("?")[0]
        self._learn_keys(recorded, actual)
        if path == "/login_" or path.startswith("/user/v1/refresh-token") or path == "/whoami":
            if isinstance(actual, str) or response.text.count(".") == 2:
                self.keys.session = response.text.strip().strip('"')
        elif path == "/actor/v1/whoami":
            self.mapper.learn_whoami(recorded, actual)
        elif path == "/user/v1/whoami" and isinstance(recorded, dict) and isinstance(actual, dict):
            self.mapper.learn_id("user", recorded.get("id"), actual.get("id"))
        elif path == "/device/register" and isinstance(actual, dict):
            self.mapper.learn_entity("device", recorded, actual)
            self.keys.device.setdefault(recorded["uuid"], actual.get("api_key"))
            self.uuid_by_device[recorded["id"]] = recorded["uuid"]
        elif path.startswith("/api-key/") and isinstance(actual, str):
            self._remember_key(record, path, actual)
        odata = _ODATA_RESOURCE.match(path)
        if odata and not odata.group("rest"):
            self._learn_odata(record, odata.group("resource"), recorded, actual)

    def _remember_key(self, record: dict, path: str, key: str) -> None:
        body = record.get("request_body") or {}
        if path.startswith("/api-key/user/full"):
            self.keys.named.append(key)
        elif path.startswith("/api-key/device/"):
            device = int(path.split("/")[3])
            uuid = self.uuid_by_device.get(device)
            if uuid:
                self.keys.device[uuid] = key
        elif "provisioning" in path or (isinstance(body, dict) and body.get("actorType") == "application"):
            self.keys.provisioning.append(key)

    def _learn_odata(self, record: dict, resource: str, recorded, actual) -> None:
        if record["method"] == "POST" and isinstance(recorded, dict):
            self.mapper.learn_entity(resource, recorded, actual)
            if resource == "device" and isinstance(recorded.get("uuid"), str):
                self.uuid_by_device[recorded["id"]] = recorded["uuid"]
            return
        rows, ours = (recorded or {}).get("d") if isinstance(recorded, dict) else None, \
            (actual or {}).get("d") if isinstance(actual, dict) else None
        if not (isinstance(rows, list) and isinstance(ours, list)):
            return
        if len(rows) == len(ours) == 1:
            self.mapper.learn_entity(resource, rows[0], ours[0])
            return
        natural_keys = ("uuid", "slug", "handle", "commit") + (("name",) if resource == "api_key" else ())
        for natural_key in natural_keys:
            ours_by_key = {row[natural_key]: row for row in ours
                           if isinstance(row, dict) and row.get(natural_key) is not None}
            for row in rows:
                if isinstance(row, dict) and row.get(natural_key) is not None \
                        and row[natural_key] in ours_by_key:
                    self.mapper.learn_entity(resource, row, ours_by_key[row[natural_key]])

    def _learn_keys(self, recorded, actual) -> None:
        if isinstance(recorded, str):
            self.mapper.learn_key(recorded, actual)
        elif isinstance(recorded, dict) and isinstance(actual, dict):
            for name, value in recorded.items():
                self._learn_keys(value, actual.get(name))

    # -- the whole recording --------------------------------------------------------------
    def run(self, records: list[dict]) -> list[Outcome]:
        self.prepare()
        outcomes = []
        for record in records:
            self.out_of_band(record["seq"])
            response, path = self.send(record)
            outcomes.append(self.compare(record, response, path))
            self.learn(record, response)
        return outcomes
