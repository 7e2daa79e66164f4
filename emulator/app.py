"""Wiring: builds the World from the schema, the store, the engine and the routes, and serves it."""
from __future__ import annotations

import secrets
import signal
import threading

from . import routes
from .auth import resolve
from .faults import FaultSet
from .heartbeat import HeartbeatMonitor
from .hooks import all as hooks
from .odata.service import ODataService
from .request_log import RequestLog
from .schema import registry
from .store import Store
from .store.budget import DEFAULT_QUERY_BUDGET_MS
from .web.router import Router
from .web.server import DEFAULT_READ_TIMEOUT, EmulatorServer
from .world import World

MEMORY = ":memory:"


class RuntimeState:
    """Emulator settings kept beside the data (JWT secret, admin token, seeding results), so that a
    file database restarts as the same server."""

    TABLE = "emulator_state"

    def __init__(self, store):
        self._store = store
        with store.transaction() as tx:
            tx.execute(f'CREATE TABLE IF NOT EXISTS "{self.TABLE}" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')

    def get(self, key: str) -> str | None:
        with self._store.transaction() as tx:
            rows = tx.query(f'SELECT value FROM "{self.TABLE}" WHERE key = ?', (key,))
        return rows[0]["value"] if rows else None

    def set(self, key: str, value: str) -> None:
        with self._store.transaction() as tx:
            tx.execute(f'INSERT OR REPLACE INTO "{self.TABLE}" (key, value) VALUES (?, ?)', (key, value))

    def remember(self, key: str, given: str | None, make) -> str:
        """`given` when set (and stored), else the stored value, else a new one from `make()`."""
        value = given or self.get(key) or make()
        self.set(key, value)
        return value


def build_world(db_path: str = MEMORY, admin_token: str | None = None, *, secret: bytes | None = None,
                query_budget_ms: int = DEFAULT_QUERY_BUDGET_MS) -> World:
    """A ready World over the database at `db_path` (a file, or `:memory:`).

    The JWT secret and the admin token are kept in the database, so a file database keeps its
    sessions and token across restarts; `admin_token` or `secret`, when given, replace them.
    `query_budget_ms` bounds the CPU time of the queries one request compiles from its URL (0: none).
    """
    hooks.load()
    store = Store(db_path, registry.RESOURCES, query_budget_ms=query_budget_ms)

    state = RuntimeState(store)
    secret = state.remember("jwt_secret", secret.hex() if secret else None, lambda: secrets.token_hex(32))
    admin_token = state.remember("admin_token", admin_token, lambda: secrets.token_urlsafe(24))

    router = Router()
    routes.register_all(router)
    world = World(
        store=store,
        router=router,
        odata=None,
        faults=FaultSet(),
        request_log=RequestLog(),
        authenticate=lambda request: resolve.authenticate(world, request),
        secret=bytes.fromhex(secret),
        admin_token=admin_token,
    )
    store.world = world
    world.odata = ODataService(world)
    world.heartbeat = HeartbeatMonitor(store)
    return world


def start_server(world: World, host: str = "127.0.0.1", port: int = 8080,
                 read_timeout: float = DEFAULT_READ_TIMEOUT) -> EmulatorServer:
    """Binds the server (port 0 picks a free one) and records its URL in the world; not yet serving.
    A connection that sends nothing for `read_timeout` seconds is closed."""
    server = EmulatorServer(world, host, port, read_timeout)
    world.base_url = server.base_url
    world.heartbeat.start()
    return server


def serve_until_stopped(server: EmulatorServer, ready=None) -> None:
    """Serves until SIGTERM or SIGINT, then stops accepting, closes the socket and the store.

    `ready()` is called once the signal handlers are in place, so a client told the server is up
    (by what `ready` prints) can stop it cleanly right away.
    """
    stop = threading.Event()

    def request_stop(_signum, _frame):
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    worker = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    worker.start()
    try:
        if ready is not None:
            ready()
        while not stop.wait(0.5):
            if not worker.is_alive():
                break
    finally:
        server.shutdown()
        server.server_close()
        worker.join(timeout=5)
        server.world.store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
