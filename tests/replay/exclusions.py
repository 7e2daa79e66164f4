"""Exchanges where the emulator (a model of balenaCloud) legitimately differs from the recording.

Everything not listed must match: same status code and same response shape. The recordings come
from open-balena, which lacks several balenaCloud features (recordings README §5.6, reference
README "When sources disagree"); and the issue asks for 4xx, never 500, on malformed input.
"""
from __future__ import annotations

# Not compared at all.
SKIP = "skip"
# The status must match; the body is not compared.
STATUS_ONLY = "status only"
# The recording shows a 500 or an empty 400; the emulator must answer a 4xx with a message instead
# (issue: "Malformed input gets a 4xx with a message, never a 500").
CLIENT_ERROR = "4xx with a message"

CLOUD_ENDPOINT = "balenaCloud has this endpoint; open-balena answered 404 (README §5.6)"
CLOUD_RESOURCE = "balenaCloud has this resource; open-balena answered 401 (README §5.6)"
CLOUD_FIELD = "balenaCloud has this field; open-balena answered 500 (README §5.6)"
CLOUD_ORGS = "balenaCloud users may create and delete organizations; open-balena refused (README §5.4)"
FAKE_SUPERVISOR = "the body is the recorder's fake supervisor's canned answer (README §5.6)"
MALFORMED = "malformed request: open-balena answered 500, the issue requires a 4xx with a message"
UNEXPLAINED_400 = "invalid body: open-balena answered an empty 400, the issue requires a message"
SECOND_USER = "a second user signs up in balenaCloud; open-balena has no sign-up (README §5.4)"
CLOUD_CONFIG_JSON = "balenaCloud's config.json has no `files` or `connectivity` keys; open-balena's older one has"

_TABLE = [
    ((5, 705), SKIP, SECOND_USER),
    ((14, 707, 709), SKIP, CLOUD_ORGS),
    ((15, 16, 94, 95, 96, 97, 110, 112, 246, 248, 670, 671, 672, 673, 674, 675, 676, 677,
      679, 680, 681, 689, 690, 691, 699, 700, 702), SKIP, CLOUD_RESOURCE),
    ((21, 103, 104, 106, 108, 156, 158, 159, 161, 178, 243, 245, 261, 262, 296, 701), SKIP, CLOUD_FIELD),
    ((188, 655, 657, 660, 663, 664, 665, 668, 669), SKIP, CLOUD_ENDPOINT),
    ((256, 258), STATUS_ONLY, FAKE_SUPERVISOR),
    ((703,), STATUS_ONLY, CLOUD_CONFIG_JSON),
    ((555, 556, 621, 624, 625, 631, 633, 635, 636, 637, 639, 648, 750), CLIENT_ERROR, MALFORMED),
    ((609, 610, 618, 622, 626), CLIENT_ERROR, UNEXPLAINED_400),
]

EXCLUSIONS: dict[int, tuple[str, str]] = {
    seq: (kind, reason) for seqs, kind, reason in _TABLE for seq in seqs
}

# Fields balenaCloud returns that open-balena lacks (README §5.6); each is declared by the
# official SDK's own types (balena.types.models) for the resource named here. They may appear
# in the emulator's answers without being in the recording; every other key must match.
CLOUD_ONLY_FIELDS = {
    "is_private": "DeviceTypeType",
    "custom_latitude": "TypeDevice", "custom_longitude": "TypeDevice", "latitude": "TypeDevice",
    "longitude": "TypeDevice", "location": "TypeDevice", "is_active": "TypeDevice",
    "is_frozen": "TypeDevice", "belongs_to__user": "TypeDevice",
    "is_accessible_by_support_until__date": "TypeDevice, TypeApplication",
    "is_discoverable": "TypeApplication", "is_stored_at__repository_url": "TypeApplication",
    "is_created_by__user": "ReleaseType",
    "has_past_due_invoice_since__date": "OrganizationType", "logo_image": "OrganizationType",
    "organization_membership_role": "OrganizationMembershipType",
    "effective_seat_role": "OrganizationMembershipType",
}

# Config variables balenaCloud adds to every device's target state (the official SDK's own docs show
# them in `get_supervisor_target_state`); open-balena adds none.
CLOUD_CONFIG_DEFAULTS = ("RESIN_SUPERVISOR_NATIVE_LOGGER",)
