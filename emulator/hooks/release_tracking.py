"""Fleets that track the latest release follow their newest final, passing, valid, successful one."""
from __future__ import annotations

_LATEST = """
SELECT id FROM release
 WHERE belongs_to__application = ? AND revision IS NOT NULL AND is_passing_tests = 1
   AND is_invalidated = 0 AND status = 'success'
 ORDER BY start_timestamp DESC, id DESC LIMIT 1
"""


def latest_release_id(tx, application_id) -> int | None:
    rows = tx.query(_LATEST, (application_id,))
    return rows[0]["id"] if rows else None


def follow_latest(tx, application_id) -> None:
    """Re-targets the fleet when it tracks the latest release and a newer one qualifies."""
    fleet = tx.get("application", application_id)
    if not fleet or not fleet["should_track_latest_release"]:
        return
    latest = latest_release_id(tx, application_id)
    if latest is not None and latest != fleet["should_be_running__release"]:
        tx.update("application", application_id, {"should_be_running__release": latest})
