"""One simulated device: it polls its target state, notices a new release or host OS after a delay,
reports its download through the state endpoint, then runs what it was told to (or fails, or drops
offline, when a fault picks it). It follows a supervisor pin the same way: after the delay it
reports the pinned supervisor's version (no reboot)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..routes.columns import column
from ..routes.log_book import log_book
from . import supervisor_channel as channel

IDLE, NOTICED, DOWNLOADING, REBOOTING = "idle", "noticed", "downloading", "rebooting"
# What a device whose host OS update failed reports as its provisioning state (the update script's last word).
OS_UPDATE_FAILED = "OS update failed"


@dataclass
class Job:
    kind: str              # "release" (a commit of the device's fleet), "os" (a host OS release id) or
    #                        "supervisor" (a supervisor release id)
    target: object
    start_at: float
    services: dict = field(default_factory=dict)   # service name -> image reference (releases)
    fleet_uuid: str = ""
    started_at: float = 0.0
    progress: int = -1


class SimulatedDevice:
    def __init__(self, world, device_id: int, uuid: str, *, online: bool, running_commit, running_os,
                 running_supervisor=None):
        self.world = world
        self.device_id = device_id
        self.uuid = uuid
        self.online = online
        self.running_commit = running_commit
        self.running_os = running_os          # the host OS release id it runs (None: as seeded)
        self.running_supervisor = running_supervisor  # the supervisor release id it runs (None: as seeded)
        self.phase = IDLE
        self.job: Job | None = None
        self.failed: set = set()              # targets it gave up on; a new target is tried again
        self.next_poll = 0.0
        self.back_at = 0.0
        self.overrides: dict = {}             # per-device timings and faults from the test hooks

    # -- what the test hooks show
    def as_dict(self) -> dict:
        return {"uuid": self.uuid, "online": self.online, "phase": self.phase,
                "running_commit": self.running_commit,
                "job": None if self.job is None else {"kind": self.job.kind, "target": self.job.target,
                                                      "progress": max(self.job.progress, 0)},
                **self.overrides}

    # -- connectivity
    def connect(self, now: float) -> None:
        self.online = True
        self.next_poll = now
        channel.set_vpn_connection(self.world, self.device_id, True)

    def disconnect(self) -> None:
        self.online = False
        channel.set_vpn_connection(self.world, self.device_id, False)

    def reboot(self, now: float, reboot_s: float) -> None:
        self.disconnect()
        self.phase, self.back_at = REBOOTING, now + reboot_s

    # -- one step of the simulation
    def step(self, now: float, timings, faults) -> None:
        if self.phase == REBOOTING:
            if now >= self.back_at:
                self._boot(now)
            return
        if not self.online:
            return
        if now >= self.next_poll:
            self.next_poll = now + timings.poll_interval_s
            self._poll(now, timings)
        if self.phase == NOTICED and now >= self.job.start_at:
            if faults("offline"):
                self._log(f"Lost connectivity before starting the update to {self._target_name()}")
                self.phase, self.job = IDLE, None
                self.disconnect()
                return
            self.phase, self.job.started_at = DOWNLOADING, now
        if self.phase == DOWNLOADING:
            self._download(now, timings, faults("fail_update"))

    def _poll(self, now: float, timings) -> None:
        state = channel.poll_target_state(self.world, self.device_id, self.uuid)
        if state is None or self.phase != IDLE:
            return
        fleet_uuid, commit, services, host_release, supervisor_release = self._targets(state)
        if commit and commit != self.running_commit and commit not in self.failed:
            self.job = Job("release", commit, now + timings.notice_delay_s, services, fleet_uuid)
        elif host_release and host_release != self.running_os and host_release not in self.failed:
            self.job = Job("os", host_release, now + timings.notice_delay_s)
        elif supervisor_release and supervisor_release != self.running_supervisor and supervisor_release not in self.failed:
            self.job = Job("supervisor", supervisor_release, now + timings.notice_delay_s)
        else:
            return
        self.phase = NOTICED
        self._log(f"Noticed a new target: {self._target_name()}")

    def _targets(self, state: dict):
        with self.world.store.transaction() as tx:
            rows = tx.query('SELECT a.uuid FROM "device" d JOIN "application" a ON a.id = d.belongs_to__application '
                            "WHERE d.id = ?", (self.device_id,))
        fleet_uuid = rows[0]["uuid"] if rows else None
        commit, services, host_release, supervisor_release = None, {}, None, None
        for app_uuid, app in (state.get("apps") or {}).items():
            releases = app.get("releases") or {}
            if app.get("is_host") and releases:
                host_release = next(iter(releases.values())).get("id")
            elif app_uuid == fleet_uuid and releases:
                commit, release = next(iter(releases.items()))
                services = {name: service.get("image") for name, service in (release.get("services") or {}).items()}
            elif releases:   # the supervisor's app: the device is pinned to a supervisor release
                supervisor_release = next(iter(releases.values())).get("id")
        return fleet_uuid, commit, services, host_release, supervisor_release

    def _download(self, now: float, timings, fails: bool) -> None:
        job = self.job
        elapsed = now - job.started_at
        progress = 100 if timings.download_s <= 0 else min(100, int(100 * elapsed / timings.download_s))
        if progress != job.progress:
            job.progress = progress
            self._report_progress(progress)
        if progress < 100:
            return
        if fails:
            self._fail(now)
        elif job.kind == "release":
            self._run_release()
        elif job.kind == "supervisor":
            self._run_supervisor()
        else:
            self._log(f"Host OS update to {self._target_name()} downloaded, rebooting")
            self.reboot(now, timings.reboot_s)

    def _running_releases(self) -> dict:
        """The release the device runs with its services, as a supervisor reports it beside a new target
        (so the API keeps its image installs while the new one downloads, or after it failed)."""
        if not self.running_commit:
            return {}
        with self.world.store.transaction() as tx:
            rows = tx.query('SELECT i.is_stored_at__image_location AS image, s.service_name AS service FROM "image_install" ii '
                            'JOIN "image" i ON i.id = ii.installs__image JOIN "service" s ON s.id = i.is_a_build_of__service '
                            'JOIN "release" r ON r.id = ii.is_provided_by__release '
                            "WHERE ii.device = ? AND r.\"commit\" = ? AND ii.status <> 'deleted'",
                            (self.device_id, self.running_commit))
        if not rows:
            return {}
        return {self.running_commit: {"update_status": "done",
                                      "services": {row["service"]: {"image": row["image"], "status": "Running"} for row in rows}}}

    def _report_progress(self, progress: int) -> None:
        job = self.job
        report = {"status": "Downloading", "download_progress": progress}
        if job.kind == "release" and job.services:
            report["apps"] = {job.fleet_uuid: {"releases": {**self._running_releases(), job.target: {
                "update_status": "downloading",
                "services": {name: {"image": image, "status": "Downloading", "download_progress": progress}
                             for name, image in job.services.items()}}}}}
        channel.report_state(self.world, self.device_id, self.uuid, report)

    def _run_release(self) -> None:
        job = self.job
        report = {"status": "Idle", "apps": {job.fleet_uuid: {"release_uuid": job.target, "releases": {job.target: {
            "update_status": "done",
            "services": {name: {"image": image, "status": "Running"} for name, image in job.services.items()}}}}}}
        channel.report_state(self.world, self.device_id, self.uuid, report)
        self.running_commit = job.target
        self._log(f"Running release {job.target}")
        self.phase, self.job = IDLE, None

    def _run_supervisor(self) -> None:
        version = self._os_version(self.job.target)[0]
        channel.report_state(self.world, self.device_id, self.uuid, {"status": "Idle", "supervisor_version": version})
        self.running_supervisor = self.job.target
        self._log(f"Supervisor updated to {version}")
        self.phase, self.job = IDLE, None

    def _fail(self, now: float) -> None:
        job = self.job
        report = {"status": "Idle"}
        if job.kind == "release":
            report["apps"] = {job.fleet_uuid: {"releases": {**self._running_releases(), job.target: {"update_status": "aborted"}}}}
        elif job.kind == "os":
            report["provisioning_state"] = OS_UPDATE_FAILED
        channel.report_state(self.world, self.device_id, self.uuid, report)
        self._log(f"Update to {self._target_name()} failed", is_stderr=True)
        self.failed.add(job.target)
        self.phase, self.job = IDLE, None

    def _boot(self, now: float) -> None:
        self.phase = IDLE
        self.connect(now)
        job, self.job = self.job, None
        if job is not None and job.kind == "os":
            version, variant = self._os_version(job.target)
            report = {"status": "Idle", "os_version": f"balenaOS {version}"}
            if variant:
                report["os_variant"] = variant
            channel.report_state(self.world, self.device_id, self.uuid, report)
            self.running_os = job.target
            self._log(f"Host OS updated to {version}")
        else:
            channel.report_state(self.world, self.device_id, self.uuid, {"status": "Idle"})

    def _os_version(self, release_id: int):
        with self.world.store.transaction() as tx:
            rows = tx.query(f'SELECT {column("release", "semver", "r")} AS semver, '
                            f'{column("release", "raw_version", "r")} AS raw_version, r.variant AS variant '
                            'FROM "release" r WHERE r.id = ?', (release_id,))
        if not rows:
            return "unknown", None
        return rows[0]["semver"] or rows[0]["raw_version"], rows[0]["variant"]

    def _target_name(self) -> str:
        if self.job is None:
            return "nothing"
        if self.job.kind == "release":
            return f"release {self.job.target}"
        if self.job.kind == "supervisor":
            return f"supervisor {self._os_version(self.job.target)[0]}"
        return f"host OS {self._os_version(self.job.target)[0]}"

    def _log(self, message: str, *, is_stderr: bool = False) -> None:
        log_book(self.world).append(self.device_id, message, is_system=True, is_stderr=is_stderr)
