"""A device gets a service install for every service of the release it should run.

Called when a device is created, moved or pinned, and when a fleet's target release changes; as on the
real API, adding an image to a release that is already targeted creates none. Existing installs are
kept (the unique (device, service) pair makes the insert idempotent).
"""
from __future__ import annotations


_INSERT = """
INSERT OR IGNORE INTO service_install (created_at, modified_at, device, installs__service)
SELECT DISTINCT ?, ?, d.id, i.is_a_build_of__service
  FROM device d
  LEFT JOIN application a ON a.id = d.belongs_to__application
  JOIN release_image ri ON ri.is_part_of__release = COALESCE(d.is_pinned_on__release, a.should_be_running__release)
  JOIN image i ON i.id = ri.image
 WHERE {where}
"""


def install_for_device(tx, device_id: int) -> None:
    now = tx.now()
    tx.execute(_INSERT.format(where="d.id = ?"), (now, now, device_id))


def install_for_fleet(tx, application_id: int) -> None:
    """Every device of the fleet that follows the fleet's target (is not pinned)."""
    now = tx.now()
    tx.execute(_INSERT.format(where="d.belongs_to__application = ? AND d.is_pinned_on__release IS NULL"),
               (now, now, application_id))
