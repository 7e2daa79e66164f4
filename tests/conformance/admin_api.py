"""Raw HTTP with the emulator's admin token: what the emulator holds, seen without the SDK."""
from __future__ import annotations

import requests


class AdminApi:
    def __init__(self, url: str, headers: dict):
        self.url = url
        self.headers = dict(headers)

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, self.url + path, headers=self.headers, timeout=60, **kwargs)

    def rows(self, resource_and_query: str) -> list:
        """`GET /v7/<resource_and_query>` and return the `d` list."""
        answer = self.request("GET", "/v7/" + resource_and_query)
        assert answer.status_code == 200, (resource_and_query, answer.status_code, answer.text)
        body = answer.json()
        assert isinstance(body.get("d"), list), body
        return body["d"]

    def one(self, resource_and_query: str) -> dict | None:
        found = self.rows(resource_and_query)
        assert len(found) <= 1, found
        return found[0] if found else None

    def count(self, resource: str, odata_filter: str | None = None) -> int:
        query = f"/v7/{resource}/$count" + (f"?$filter={odata_filter}" if odata_filter else "")
        answer = self.request("GET", query)
        assert answer.status_code == 200, (query, answer.status_code, answer.text)
        return answer.json()["d"]

    def patch(self, resource_and_key: str, body: dict) -> None:
        answer = self.request("PATCH", "/v7/" + resource_and_key, json=body)
        assert answer.status_code == 200, (resource_and_key, answer.status_code, answer.text)

    def post(self, resource: str, body: dict) -> dict:
        answer = self.request("POST", "/v7/" + resource, json=body)
        assert answer.status_code == 201, (resource, answer.status_code, answer.text)
        return answer.json()
