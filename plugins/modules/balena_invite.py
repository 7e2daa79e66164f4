#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_invite
short_description: Invite people to a balena organization or fleet, or revoke the invitation
version_added: 1.0.0
description:
  - Invites an O(email) address to an O(organization) or a O(fleet) with a O(role); balena e-mails the invitation,
    and the person becomes a member once they accept it.
  - An invitation with another role is replaced (revoked and sent again with the new role). The O(invite_message) goes
    out with a new invitation only; a different message alone does not send it again.
  - Inviting needs the C(administrator) role in the organization (for a fleet, the fleet's organization). The role
    is checked before anything is written, and a refusal names the role that is missing.
  - The invitation's token is never returned.
  - Inviting an address that belongs to someone who is already a member (of the organization, or with direct
    access to the fleet) sends nothing; the task is C(ok) with a warning naming the member. This is known only
    where the API lets the key read the member's e-mail address; otherwise the invitation is sent.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  organization:
    description:
      - Handle or numeric id of the organization to invite to. One of O(organization) and O(fleet) is required.
    type: str
  fleet:
    description:
      - Slug or numeric id of the fleet to invite to.
    type: str
  email:
    description:
      - E-mail address of the person invited; compared without regard to case.
    type: str
    required: true
  role:
    description:
      - The role the person gets. In an organization C(administrator) or C(member) (default C(member)); on a fleet
        C(developer), C(operator) or C(observer) (default C(developer)).
      - When not given, an existing invitation keeps its role.
    type: str
    choices: [administrator, member, developer, operator, observer]
  invite_message:
    description:
      - A message sent with the invitation. (Ansible reserves the option name C(message).)
    type: str
  state:
    description:
      - V(present) sends the invitation (again, when the role differs); V(absent) revokes it.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: balena.cloud.balena_organization_member
  - module: balena.cloud.balena_fleet_member
"""

EXAMPLES = r"""
- name: Invite a new colleague to the organization
  balena.cloud.balena_invite:
    organization: acme
    email: jane@example.com
    role: member
    invite_message: Welcome to the field team!

- name: Invite a contractor to look at one fleet
  balena.cloud.balena_invite:
    fleet: acme/scanners
    email: contractor@example.org
    role: observer

- name: Revoke an invitation that was never accepted
  balena.cloud.balena_invite:
    organization: acme
    email: joe@example.com
    state: absent
"""

RETURN = r"""
invite:
  description:
    - The invitation after the change (in check mode, as it would be), without its token.
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the invitation (null for one check mode would send).
      type: int
      sample: 8
    email:
      description: The invited address.
      type: str
      sample: jane@example.com
    role:
      description: The role the invitation gives.
      type: str
      sample: member
    message:
      description: The message sent with the invitation, or null.
      type: str
      sample: Welcome to the field team!
    organization:
      description: Handle of the organization, for an organization invitation.
      type: str
      sample: acme
    organization_id:
      description: Numeric id of that organization.
      type: int
      sample: 7
    fleet:
      description: Slug of the fleet, for a fleet invitation.
      type: str
      sample: acme/scanners
    fleet_id:
      description: Numeric id of that fleet.
      type: int
      sample: 20
"""

import re

from ansible_collections.balena.cloud.plugins.module_utils.account import (
    caller, fleet_by_key, fleet_organization, organization_by_handle, require_organization_admin)
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.diff import presence_diff
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.organizations import first, role_of

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
KINDS = {
    # target option: (resource, target link, role link, role kind for the SDK, roles, default role)
    "organization": ("invitee__is_invited_to__organization", "is_invited_to__organization", "organization_membership_role",
                     "organization", ("administrator", "member"), "member"),
    "fleet": ("invitee__is_invited_to__application", "is_invited_to__application", "application_membership_role",
              "application", ("developer", "operator", "observer"), "developer"),
}

# target option: (membership resource, its link to the target)
MEMBERSHIPS = {
    "organization": ("organization_membership", "is_member_of__organization"),
    "fleet": ("user__is_member_of__application", "is_member_of__application"),
}


class InviteModule(BalenaModule):
    argument_spec = {
        "organization": {"type": "str"},
        "fleet": {"type": "str"},
        "email": {"type": "str", "required": True},
        "role": {"type": "str", "choices": ["administrator", "member", "developer", "operator", "observer"]},
        "invite_message": {"type": "str"},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    module_options = {"required_one_of": [["organization", "fleet"]], "mutually_exclusive": [["organization", "fleet"]]}

    def run(self):
        params, pine = self.params, self.client.pine
        kind = "organization" if params["organization"] is not None else "fleet"
        resource, link, role_link, role_kind, roles, default_role = KINDS[kind]
        email = params["email"].strip()
        if not EMAIL.match(email):
            raise ParameterError("email", "{0!r} is not an e-mail address".format(params["email"]))
        if params["role"] is not None and params["role"] not in roles:
            raise ParameterError("role", "{0!r} is not a role of {1} {2}; use one of {3}".format(
                params["role"], "an" if kind == "organization" else "a", kind, ", ".join(roles)))
        with self.step("looking up {0} {1}".format(kind, params[kind])):
            if kind == "organization":
                organization = organization_by_handle(pine, params["organization"])
                names = {"organization": organization["handle"], "organization_id": organization["id"]}
            else:
                fleet = fleet_by_key(pine, params["fleet"])
                organization = fleet_organization(fleet)
                names = {"fleet": fleet["slug"], "fleet_id": fleet["id"]}
            rows = pine.get({"resource": resource, "options": {
                "$select": ["id", "message"],
                "$filter": {link: names[kind + "_id"]},
                "$expand": {"invitee": {"$select": "email"}, role_link: {"$select": "name"}},
            }})
        target = "the invitation of {0} to {1} {2}".format(email, kind, names[kind])
        current = None
        for row in rows:
            if (first(row.get("invitee")).get("email") or "").lower() == email.lower():
                current = dict({"id": row["id"], "email": first(row["invitee"])["email"], "role": role_of(row, role_link),
                                "message": row.get("message")}, **names)
        if params["state"] == "absent":
            if current is None:
                return {"changed": False}
            require_organization_admin(pine, organization, caller(self.client), "revoking " + target, kind)
            if not self.check_mode:
                with self.step("revoking " + target):
                    pine.delete({"resource": resource, "id": current["id"]})
            return {"changed": True, "diff": presence_diff(current, None)}
        if current is None:
            with self.step("looking up the members of {0} {1}".format(kind, names[kind])):
                member = self._member_with_email(kind, names[kind + "_id"], email)
            if member is not None:
                self.module.warn("{0} is already a member of {1} {2} (username {3}); no invitation was sent".format(
                    email, kind, names[kind], member))
                return {"changed": False}
        role = params["role"] or (current or {}).get("role") or default_role
        if current is not None and current["role"] == role:
            return {"changed": False, "invite": current}
        verb = "sending " if current is None else "sending again, with the role {0}, ".format(role)
        require_organization_admin(pine, organization, caller(self.client), verb + target, kind)
        invite = dict({"id": None, "email": email, "role": role, "message": params["invite_message"]}, **names)
        diff = presence_diff(current, invite) if current is None else {"before": {"role": current["role"]}, "after": {"role": role}}
        if self.check_mode:
            return {"changed": True, "invite": invite, "diff": diff}
        models = self.client.models
        if current is not None:
            with self.step("revoking the earlier " + target):
                pine.delete({"resource": resource, "id": current["id"]})
        with self.step(verb + target):
            if kind == "organization":
                created = models.organization.invite.create(organization["id"], email, role, params["invite_message"])
            else:
                created = models.application.invite.create(fleet["id"], {"invitee": email, "roleName": role, "message": params["invite_message"]})
        invite["id"] = created["id"]
        return {"changed": True, "invite": invite, "diff": diff}

    def _member_with_email(self, kind, target_id, email):
        """The username of a member of the organization (direct member of the fleet) with ``email``, when the
        API shows the members' addresses to this key; None otherwise."""
        resource, link = MEMBERSHIPS[kind]
        rows = self.client.pine.get({"resource": resource, "options": {
            "$select": ["id"], "$filter": {link: target_id}, "$expand": {"user": {"$select": ["username", "email"]}}}})
        for row in rows:
            user = first(row.get("user"))
            if (user.get("email") or "").lower() == email.lower():
                return user.get("username")
        return None


def main():
    InviteModule.main()


if __name__ == "__main__":
    main()
