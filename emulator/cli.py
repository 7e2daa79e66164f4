"""The command line: `python -m emulator serve [options]`."""
from __future__ import annotations

import argparse
import sys

from . import app
from .faults import FaultRuleError, FaultSet, parse_rule_spec
from .seed import SEED_KINDS, credentials_file, seeding
from .simulation.settings import SimulationError, fault_pick, parse_fault_spec, seconds
from .simulation.simulator import simulator
from .store.budget import DEFAULT_QUERY_BUDGET_MS
from .web.server import DEFAULT_READ_TIMEOUT

MAX_DEVICES = 1_000_000


def _device_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("must be a whole number") from exc
    if not 0 <= count <= MAX_DEVICES:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DEVICES}")
    return count


def _fault_rule(text: str) -> dict:
    try:
        rule = parse_rule_spec(text)
        FaultSet().add(rule)  # validates the rule the way the running server will
    except FaultRuleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return rule


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("must be a whole number") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _simulation_fault(text: str) -> dict:
    try:
        return parse_fault_spec(text)
    except SimulationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _simulation_seconds(text: str) -> float:
    try:
        return seconds("the value", float(text))
    except (ValueError, SimulationError) as exc:
        raise argparse.ArgumentTypeError(str(exc) if isinstance(exc, SimulationError) else "must be a number") from exc


def _add_simulation_options(serve) -> None:
    group = serve.add_argument_group(
        "simulated devices",
        "Devices that poll their target state and follow it: a new release or host OS is noticed after "
        "a delay, downloaded (progress reported through the state endpoint), then run. Off by default.")
    group.add_argument("--simulate", action="store_true",
                       help="simulate every device (online ones poll and follow their target; offline ones "
                            "stay offline)")
    group.add_argument("--simulate-notice-delay", type=_simulation_seconds, metavar="S",
                       help="seconds from seeing a new target to starting its download (default: 2)")
    group.add_argument("--simulate-download", type=_simulation_seconds, metavar="S",
                       help="seconds a download takes from 0 to 100%% (default: 3)")
    group.add_argument("--simulate-poll-interval", type=_simulation_seconds, metavar="S",
                       help="seconds between two target state polls (default: 1)")
    group.add_argument("--simulate-reboot", type=_simulation_seconds, metavar="S",
                       help="seconds a device stays offline while rebooting (default: 2)")
    group.add_argument("--simulate-fault", type=_simulation_fault, action="append", default=[], metavar="SPEC",
                       help="make chosen simulated devices fail: fail_update (the update aborts, the device "
                            "keeps what it ran) or offline (it drops offline when it should start the "
                            "update), picked by uuids or a seeded fraction, e.g. fail_update:fraction=0.1:"
                            "seed=7 or offline:uuids=<uuid>,<uuid>; repeatable")


def _configure_simulation(world, options) -> None:
    sim = simulator(world)
    timings = {name: getattr(options, "simulate_" + option) for name, option in (
        ("notice_delay_s", "notice_delay"), ("download_s", "download"), ("poll_interval_s", "poll_interval"),
        ("reboot_s", "reboot")) if getattr(options, "simulate_" + option) is not None}
    sim.settings.timings = sim.settings.timings.updated(timings)
    sim.settings.faults = [fault_pick(rule) for rule in options.simulate_fault]
    if options.simulate:
        sim.enable_every_device()
def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("must be a number of seconds") from exc
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a finite number of seconds, not negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m emulator",
        description="A local, stateful emulator of the balena v7 API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help="serve the API until SIGTERM or SIGINT",
        description="Serve the API. The first line written to stdout is the base URL.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=_non_negative, default=8080, help="port; 0 picks a free one (default: 8080)")
    serve.add_argument(
        "--db", default=app.MEMORY, metavar="PATH",
        help="SQLite database file, kept across restarts, or :memory: (the default) for a throw-away world",
    )
    serve.add_argument(
        "--seed", choices=SEED_KINDS, default="demo",
        help="data for a new database: 'demo' (users, organizations, fleets, releases, devices) or 'empty' "
             "(device types and one user only); an existing database is never re-seeded (default: demo)",
    )
    serve.add_argument("--devices", type=_device_count, default=0, metavar="N",
                       help="add N more devices spread over the fleets when seeding (default: 0)")
    serve.add_argument("--credentials-file", metavar="PATH",
                       help="write the API URL, logins, keys and the admin token there as JSON (mode 0600)")
    serve.add_argument("--admin-token", metavar="TOKEN",
                       help="the token of the /_emulator/ hooks and of full access (default: kept in the "
                            "database, or random)")
    serve.add_argument("--fault", type=_fault_rule, action="append", default=[], metavar="SPEC",
                       help="inject a fault, e.g. 429:retry_after=2:every=3, 503:path=^/v7/device:times=2, "
                            "drop:every=5, 429:retry_after=http-date+5 (keys: status, retry_after, latency_ms, "
                            "drop, lose_answer, every, path, method, times; the same rules as POST /_emulator/faults); "
                            "repeatable")
    serve.add_argument("--latency-ms", type=_non_negative, default=0, metavar="MS",
                       help="add this many milliseconds to every request")
    serve.add_argument("--read-timeout", type=_seconds, default=DEFAULT_READ_TIMEOUT, metavar="SECONDS",
                       help="close a connection that sends nothing for this long (an idle keep-alive connection "
                            "or a request that stalls) or whose request head, or then body, takes longer in all "
                            "(open tunnels and log streams are not affected); 0 never "
                            f"closes (default: {DEFAULT_READ_TIMEOUT:g})")
    serve.add_argument("--query-budget-ms", type=_non_negative, default=DEFAULT_QUERY_BUDGET_MS, metavar="MS",
                       help="stop a request's OData queries after this much CPU time and answer 400, so that a "
                            f"costly query cannot hold other callers; 0 never stops (default: {DEFAULT_QUERY_BUDGET_MS})")
    _add_simulation_options(serve)
    return parser


def serve(options: argparse.Namespace) -> int:
    world = app.build_world(options.db, options.admin_token, query_budget_ms=options.query_budget_ms)
    for rule in options.fault:
        world.faults.add(rule)
    if options.latency_ms:
        world.faults.add({"latency_ms": options.latency_ms})
    credentials = seeding.seed_once(world, options.seed, options.devices)
    _configure_simulation(world, options)
    try:
        server = app.start_server(world, options.host, options.port, options.read_timeout)
    except OSError as exc:
        print(f"emulator: cannot listen on {options.host}:{options.port}: {exc}", file=sys.stderr)
        return 1
    if options.credentials_file:
        try:
            credentials_file.write(options.credentials_file, world, credentials)
        except OSError as exc:
            print(f"emulator: cannot write {options.credentials_file}: {exc}", file=sys.stderr)
            server.server_close()
            return 1
    app.serve_until_stopped(server, ready=lambda: print(world.base_url, flush=True))
    return 0


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    if options.command == "serve":
        return serve(options)
    return 2
