"""What deleting a row takes with it, and the deletes the API refuses.

Rows that have dependants of their own are deleted through `tx.delete` so their cascades run too;
leaf rows go with one statement per table.
"""
from __future__ import annotations

from .base import ResourceHooks, WriteOp, register
from .messages import refuse


def _ids(tx, sql: str, params: tuple) -> list:
    return [row["id"] for row in tx.query(sql, params)]


def _delete_each(tx, resource: str, ids) -> None:
    for row_id in ids:
        tx.delete(resource, row_id)


def _delete_where(tx, table: str, where: str, params: tuple) -> None:
    tx.execute(f"DELETE FROM {table} WHERE {where}", params)


class ApplicationCascade(ResourceHooks):
    resource = "application"

    def before_delete(self, op: WriteOp) -> None:
        tx, app = op.tx, op.id
        tx.execute("UPDATE application SET should_be_running__release = NULL WHERE id = ?", (app,))
        _delete_each(tx, "device", _ids(tx, "SELECT id FROM device WHERE belongs_to__application = ?", (app,)))
        for table in ("application_environment_variable", "application_config_variable",
                      "build_environment_variable", "application_tag"):
            _delete_where(tx, table, "application = ?", (app,))
        _delete_where(tx, "user__is_member_of__application", "is_member_of__application = ?", (app,))
        _delete_where(tx, "invitee__is_invited_to__application", "is_invited_to__application = ?", (app,))
        _delete_where(tx, "team_application_access", "grants_access_to__application = ?", (app,))
        _delete_where(tx, "device_history", "belongs_to__application = ?", (app,))
        release_ids = _ids(tx, "SELECT id FROM release WHERE belongs_to__application = ?", (app,))
        tx.execute("UPDATE device SET is_pinned_on__release = NULL WHERE belongs_to__application = ?", (app,))
        for release_id in release_ids:
            _release_dependants(tx, release_id)
            tx.execute("DELETE FROM release WHERE id = ?", (release_id,))
        _delete_each(tx, "service", _ids(tx, "SELECT id FROM service WHERE application = ?", (app,)))


class DeviceCascade(ResourceHooks):
    resource = "device"

    def before_delete(self, op: WriteOp) -> None:
        tx, device = op.tx, op.id
        for table in ("device_environment_variable", "device_config_variable", "device_tag", "image_install"):
            _delete_where(tx, table, "device = ?", (device,))
        _delete_where(tx, "device_service_environment_variable",
                      "service_install IN (SELECT id FROM service_install WHERE device = ?)", (device,))
        _delete_where(tx, "service_install", "device = ?", (device,))


def _release_dependants(tx, release_id: int) -> None:
    _delete_where(tx, "release_tag", "release = ?", (release_id,))
    _delete_where(tx, "release_asset", "release = ?", (release_id,))
    _delete_where(tx, "image_install", "is_provided_by__release = ?", (release_id,))
    for release_image in _ids(tx, "SELECT id FROM release_image WHERE is_part_of__release = ?", (release_id,)):
        _release_image_dependants(tx, release_image)
    _delete_where(tx, "release_image", "is_part_of__release = ?", (release_id,))
    tx.execute("UPDATE device SET is_running__release = NULL WHERE is_running__release = ?", (release_id,))
    for column in ("is_running__release", "should_be_running__release", "should_be_managed_by__release"):
        tx.execute(f"UPDATE device_history SET {column} = NULL WHERE {column} = ?", (release_id,))


def _release_image_dependants(tx, release_image_id: int) -> None:
    _delete_where(tx, "image_label", "release_image = ?", (release_image_id,))
    _delete_where(tx, "image_environment_variable", "release_image = ?", (release_image_id,))


class ReleaseCascade(ResourceHooks):
    resource = "release"

    def before_delete(self, op: WriteOp) -> None:
        tx, release = op.tx, op.id
        targeting = tx.query("SELECT is_of__class FROM application WHERE should_be_running__release = ? LIMIT 1",
                             (release,))
        if targeting:
            raise refuse(f"Unable to delete release {op.old.get('raw_version')} because it is the "
                         f"{targeting[0]['is_of__class']}'s target release.")
        if tx.query("SELECT id FROM device WHERE is_pinned_on__release = ? LIMIT 1", (release,)):
            raise refuse("Unable to delete a release because device(s) are pinned to it.")
        _release_dependants(tx, release)


class ServiceCascade(ResourceHooks):
    resource = "service"

    def before_delete(self, op: WriteOp) -> None:
        tx, service = op.tx, op.id
        _delete_where(tx, "service_environment_variable", "service = ?", (service,))
        _delete_where(tx, "service_label", "service = ?", (service,))
        _delete_where(tx, "device_service_environment_variable",
                      "service_install IN (SELECT id FROM service_install WHERE installs__service = ?)", (service,))
        _delete_where(tx, "service_install", "installs__service = ?", (service,))
        _delete_each(tx, "image", _ids(tx, "SELECT id FROM image WHERE is_a_build_of__service = ?", (service,)))


class ImageCascade(ResourceHooks):
    resource = "image"

    def before_delete(self, op: WriteOp) -> None:
        tx, image = op.tx, op.id
        _delete_where(tx, "image_install", "installs__image = ?", (image,))
        for release_image in _ids(tx, "SELECT id FROM release_image WHERE image = ?", (image,)):
            _release_image_dependants(tx, release_image)
        _delete_where(tx, "release_image", "image = ?", (image,))


class ReleaseImageCascade(ResourceHooks):
    resource = "release_image"

    def before_delete(self, op: WriteOp) -> None:
        _release_image_dependants(op.tx, op.id)


class OrganizationCascade(ResourceHooks):
    resource = "organization"

    def before_delete(self, op: WriteOp) -> None:
        tx, org = op.tx, op.id
        _delete_each(tx, "application", _ids(tx, "SELECT id FROM application WHERE organization = ?", (org,)))
        _delete_each(tx, "team", _ids(tx, "SELECT id FROM team WHERE belongs_to__organization = ?", (org,)))
        _delete_where(tx, "invitee__is_invited_to__organization", "is_invited_to__organization = ?", (org,))
        _delete_each(tx, "organization_membership",
                     _ids(tx, "SELECT id FROM organization_membership WHERE is_member_of__organization = ?", (org,)))


class OrganizationMembershipCascade(ResourceHooks):
    resource = "organization_membership"

    def before_delete(self, op: WriteOp) -> None:
        _delete_where(op.tx, "organization_membership_tag", "organization_membership = ?", (op.id,))


class TeamCascade(ResourceHooks):
    resource = "team"

    def before_delete(self, op: WriteOp) -> None:
        tx, team = op.tx, op.id
        _delete_each(tx, "team_application_access",
                     _ids(tx, "SELECT id FROM team_application_access WHERE team = ?", (team,)))
        _delete_each(tx, "team_membership", _ids(tx, "SELECT id FROM team_membership WHERE is_member_of__team = ?",
                                                 (team,)))


class UserCascade(ResourceHooks):
    resource = "user"

    def before_delete(self, op: WriteOp) -> None:
        tx, user = op.tx, op.id
        if op.caller is not None and getattr(op.caller, "is_user", False) and op.caller.user_id != user:
            raise refuse("You can only delete your own account")
        _delete_where(tx, "api_key", "is_of__actor = ?", (op.old.get("actor"),))
        _delete_where(tx, "user_public_key", '"user" = ?', (user,))
        _delete_where(tx, "user__has_direct_access_to__application", '"user" = ?', (user,))
        for table in ("organization_membership", "user__is_member_of__application", "team_membership"):
            _delete_each(tx, table, _ids(tx, f'SELECT id FROM {table} WHERE "user" = ?', (user,)))
        tx.execute("UPDATE release SET is_created_by__user = NULL WHERE is_created_by__user = ?", (user,))
        tx.execute("UPDATE device SET belongs_to__user = NULL WHERE belongs_to__user = ?", (user,))


class InviteeCascade(ResourceHooks):
    resource = "invitee"

    def before_delete(self, op: WriteOp) -> None:
        for table in ("invitee__is_invited_to__application", "invitee__is_invited_to__organization"):
            _delete_where(op.tx, table, "invitee = ?", (op.id,))


for _hooks in (ApplicationCascade(), DeviceCascade(), ReleaseCascade(), ServiceCascade(), ImageCascade(),
               ReleaseImageCascade(), OrganizationCascade(), OrganizationMembershipCascade(), TeamCascade(),
               UserCascade(), InviteeCascade()):
    register(_hooks)
