"""Which credentials each recorded request carried, as the emulator issued them.

The recording only says `Bearer JWT` or `Bearer api-key`; the step label says which key
(a device key, a provisioning key, a named user key, a garbage or forged token).
"""
from __future__ import annotations

import json

GARBAGE_TOKEN = "this-is-not-a-valid-token"


class Keys:
    """The API keys and session the recording used, as the emulator issued them."""

    def __init__(self):
        self.session: str | None = None
        self.named: list[str] = []
        self.provisioning: list[str] = []
        self.device: dict[str, str] = {}   # recorded device uuid -> key

    def for_exchange(self, record: dict) -> str | None:
        auth = record["request_headers"].get("authorization")
        label = record["step"].lower()
        if auth == "absent":
            return None
        if auth == "Bearer JWT":
            if "bad signature" in label:
                return forged(self.session)
            return self.session
        if auth == "other":
            return None
        if "garbage" in label or "bad token" in label:
            return GARBAGE_TOKEN
        if "device key" in label:
            request_text = record["path"] + json.dumps(record.get("request_body"))
            for uuid, key in self.device.items():
                if uuid in request_text:
                    return key
            return next(iter(self.device.values()), GARBAGE_TOKEN)
        if "provisioning" in label or "register" in label:
            return self.provisioning[-1] if self.provisioning else GARBAGE_TOKEN
        return self.named[-1] if self.named else GARBAGE_TOKEN


def forged(token: str | None) -> str:
    """The same JWT with its signature replaced, as the recorder's 'bad signature' probes."""
    header, payload, _ = (token or "a.b.c").split(".")
    return f"{header}.{payload}.c2lnbmF0dXJlLWZyb20tc29tZWJvZHktZWxzZQ"
