"""SQL for the device's computed status fields, evaluated per row (`{t}` is the device row's alias)."""
from __future__ import annotations

_VPN_CONTROL_NAMES = "('BALENA_SUPERVISOR_VPN_CONTROL', 'RESIN_SUPERVISOR_VPN_CONTROL')"

# The device's config var wins over the fleet's, and a BALENA_ name over its RESIN_ twin.
VPN_CONTROL = f"""
COALESCE(
  (SELECT vpn_dcv.value FROM device_config_variable vpn_dcv
    WHERE vpn_dcv.device = {{t}}.id AND vpn_dcv.name IN {_VPN_CONTROL_NAMES}
    ORDER BY vpn_dcv.name ASC LIMIT 1),
  (SELECT vpn_acv.value FROM application_config_variable vpn_acv
    WHERE vpn_acv.application = {{t}}.belongs_to__application AND vpn_acv.name IN {_VPN_CONTROL_NAMES}
    ORDER BY vpn_acv.name ASC LIMIT 1),
  'not set')
"""

SHOULD_BE_RUNNING_RELEASE = """
COALESCE({t}.is_pinned_on__release,
  (SELECT target_app.should_be_running__release FROM application target_app
    WHERE target_app.id = {t}.belongs_to__application))
"""

_POST_PROVISIONING = "{t}.provisioning_state = 'Post-Provisioning'"
_PRE_PROVISIONING = ("{t}.is_connected_to_vpn = 0 AND {t}.last_connectivity_event IS NULL"
                     " AND {t}.api_heartbeat_state = 'unknown'")
_DISCONNECTED = "{t}.is_connected_to_vpn = 0 AND {t}.api_heartbeat_state IN ('offline', 'unknown')"
_HEARTBEAT_ALIVE = "{t}.api_heartbeat_state IN ('online', 'timeout')"
_DOWNLOADING = "{t}.download_progress IS NOT NULL AND {t}.status = 'Downloading'"
_IMAGE_DOWNLOADING = """EXISTS (SELECT 1 FROM image_install dl_ii WHERE dl_ii.device = {t}.id
  AND dl_ii.status = 'Downloading' AND dl_ii.download_progress IS NOT NULL)"""

OVERALL_STATUS = f"""
CASE
  WHEN {{t}}.is_active = 0 THEN 'inactive'
  WHEN {_POST_PROVISIONING} THEN 'post-provisioning'
  WHEN {_PRE_PROVISIONING} THEN 'configuring'
  WHEN {_DISCONNECTED} THEN 'disconnected'
  WHEN {_HEARTBEAT_ALIVE} AND {_DOWNLOADING} THEN 'updating'
  WHEN {{t}}.provisioning_progress IS NOT NULL THEN 'configuring'
  WHEN {_HEARTBEAT_ALIVE} AND {_IMAGE_DOWNLOADING} THEN 'updating'
  WHEN {{t}}.api_heartbeat_state = 'timeout'
    OR ({{t}}.is_connected_to_vpn = 1 AND {{t}}.api_heartbeat_state <> 'online')
    OR ({{t}}.is_connected_to_vpn = 0 AND {{t}}.api_heartbeat_state = 'online' AND {VPN_CONTROL} <> 'false')
    THEN 'reduced-functionality'
  ELSE 'operational'
END
"""

_TARGET_RELEASE = SHOULD_BE_RUNNING_RELEASE

OVERALL_PROGRESS = f"""
CASE
  WHEN {_POST_PROVISIONING} THEN {{t}}.provisioning_progress
  WHEN {_PRE_PROVISIONING} THEN {{t}}.provisioning_progress
  WHEN {_DISCONNECTED} THEN NULL
  WHEN {_DOWNLOADING} THEN {{t}}.download_progress
  WHEN {{t}}.provisioning_progress IS NOT NULL THEN {{t}}.provisioning_progress
  WHEN {_IMAGE_DOWNLOADING} THEN
    (SELECT CAST(ROUND(AVG(COALESCE(pr_ii.download_progress, 100))) AS INTEGER)
       FROM image_install pr_ii
      WHERE pr_ii.device = {{t}}.id AND pr_ii.status <> 'deleted'
        AND (pr_ii.status = 'Downloading' OR pr_ii.is_provided_by__release = {_TARGET_RELEASE}))
  ELSE NULL
END
"""
