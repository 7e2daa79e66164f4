"""The resolved identity of a request, and the ids that scope what it may see and change."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

GUEST = "guest"
USER = "user"              # a session JWT
USER_KEY = "user_key"      # a named user API key: a user, minus creating tokens and keys
APPLICATION = "application"  # a provisioning key
DEVICE = "device"          # a device key
ADMIN = "admin"            # the emulator's own admin token: sees and changes everything


def _id_list(ids) -> str:
    # `-1` keeps an empty set a valid OData list that matches no row.
    return "(" + ",".join(str(i) for i in sorted(ids)) + ")" if ids else "(-1)"


@dataclass(frozen=True)
class Caller:
    kind: str = GUEST
    actor_id: Optional[int] = None
    user_id: Optional[int] = None
    application_id: Optional[int] = None
    device_id: Optional[int] = None
    api_key_id: Optional[int] = None
    claims: dict = field(default_factory=dict)      # JWT claims of a session
    org_ids: frozenset = frozenset()                 # organizations the user is a member of
    admin_org_ids: frozenset = frozenset()           # ... where they are an administrator
    app_ids: frozenset = frozenset()                 # fleets the caller may read
    writable_app_ids: frozenset = frozenset()        # fleets the caller may change

    @property
    def is_user(self) -> bool:
        return self.kind in (USER, USER_KEY)

    @property
    def grant_role(self) -> str:
        """The `who` of the schema Grants that apply (guest grants apply to everyone on top)."""
        return USER if self.is_user else self.kind

    def bind(self, template: str) -> str:
        """Fills a Grant's `where` template with this caller's ids."""
        return template.format(
            actor=self.actor_id if self.actor_id is not None else -1,
            user=self.user_id if self.user_id is not None else -1,
            application=self.application_id if self.application_id is not None else -1,
            device=self.device_id if self.device_id is not None else -1,
            orgs=_id_list(self.org_ids),
            admin_orgs=_id_list(self.admin_org_ids),
            apps=_id_list(self.app_ids),
            writable_apps=_id_list(self.writable_app_ids),
        )


ANONYMOUS = Caller()
