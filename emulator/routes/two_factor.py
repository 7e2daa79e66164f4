"""balenaCloud two-factor authentication with real TOTP codes: `/auth/totp/setup|verify|disable`.

Setup stores a pending secret; verifying a code for it enables 2FA. From then on `/login_` issues
a session with `twoFactorRequired: true` that can do nothing but verify (or refresh); a verified
code answers a session with `twoFactorRequired: false`.
"""
from __future__ import annotations

from ..auth import totp, two_factor_store
from ..auth.caller import USER
from ..auth.passwords import verify_password
from ..auth.sessions import issue_session, now_seconds
from ..errors import bad_request, unauthorized
from ..web.response import text_response
from .guards import body_object


def _session_user(world, request) -> dict:
    """The user of a session JWT, including one still waiting for its second factor."""
    caller = request.caller
    if caller is None or caller.user_id is None or not caller.claims:
        raise unauthorized()
    with world.store.transaction() as tx:
        user = tx.get("user", caller.user_id)
    if user is None:
        raise unauthorized()
    return user


def setup(world, request):
    user = _session_user(world, request)
    if request.caller.kind != USER:
        raise unauthorized()
    secret = totp.new_secret()
    with world.store.transaction() as tx:
        if two_factor_store.is_enabled(tx, user["id"]):
            raise bad_request("Two-factor authentication is already enabled")
        two_factor_store.set_pending(tx, user["id"], secret)
    return text_response(totp.provisioning_uri(secret, user.get("username") or str(user["id"])))


def verify(world, request):
    user = _session_user(world, request)
    code = body_object(request).get("code")
    with world.store.transaction() as tx:
        state = two_factor_store.get(tx, user["id"])
        if state is None or not totp.verify(state["secret"], code, now_seconds(world)):
            raise unauthorized()
        if not state["enabled"]:
            two_factor_store.enable(tx, user["id"])
    auth_time = request.caller.claims.get("authTime")
    return text_response(issue_session(world, user, auth_time_ms=auth_time, two_factor_required=False))


def disable(world, request):
    user = _session_user(world, request)
    if request.caller.kind != USER:
        raise unauthorized()
    password = body_object(request).get("password")
    if not verify_password(password, user.get("password")):
        raise unauthorized()
    with world.store.transaction() as tx:
        two_factor_store.remove(tx, user["id"])
    return text_response(issue_session(world, user))


def register(router) -> None:
    router.add("GET", "/auth/totp/setup", setup)
    router.add("POST", "/auth/totp/setup", setup)
    router.add("POST", "/auth/totp/verify", verify)
    router.add("POST", "/auth/totp/disable", disable)
