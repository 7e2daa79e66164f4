"""Everything a running emulator holds, handed to every route handler as `world`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class World:
    store: Any            # emulator.store.Store: `with store.transaction() as tx:` (serialised)
    router: Any           # emulator.web.router.Router
    odata: Any            # emulator.odata.service.ODataService: reads and writes with a caller's rights
    faults: Any           # emulator.faults.FaultSet: .pick(request) -> Fault | None
    request_log: Any      # emulator.request_log.RequestLog: .record(method, target, status, seconds)
    authenticate: Callable  # (request) -> emulator.auth.caller.Caller
    secret: bytes         # HS256 key of session JWTs
    admin_token: str      # the emulator's own token for /_emulator/ hooks and full access
    heartbeat: Any = None  # emulator.heartbeat.HeartbeatMonitor: devices' polling windows
    base_url: str = ""    # set once the server is listening
    clock: Callable[[], datetime] = utc_now
