"""Sessions: `/login_`, token refresh (`/user/v1/refresh-token` and the SDK's `/whoami`), registration."""
from __future__ import annotations

from ..auth import two_factor_store
from ..auth.access import declared
from ..auth.login_limiter import LoginLimiter
from ..auth.passwords import hash_password, verify_password
from ..auth.sessions import issue_session, now_seconds
from ..auth.users import ensure_actor, find_by_login, prepared_for_session, username_from_email
from ..errors import ApiError, bad_request, conflict, unauthorized
from ..web.response import text_response
from .guards import body_object, require_session
from .per_world import attached

TOO_MANY = "Too Many Requests"


def _limiter(world) -> LoginLimiter:
    return attached(world, "login_limiter", LoginLimiter)


def _session_for(world, tx, user: dict) -> str:
    """A fresh session; with two-factor auth enabled it still waits for the second factor."""
    pending = True if two_factor_store.is_enabled(tx, user["id"]) else None
    return issue_session(world, user, two_factor_required=pending)


def login(world, request):
    body = body_object(request)
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not username or not isinstance(password, str) or not password:
        raise bad_request()
    key = username.lower()
    limiter = _limiter(world)
    retry_after = limiter.retry_after(key)
    if retry_after is not None:
        raise ApiError(429, TOO_MANY, headers={"Retry-After": str(retry_after)})
    with world.store.transaction() as tx:
        user = find_by_login(tx, username)
        if user is None or not verify_password(password, user.get("password")):
            limiter.failed(key)
            raise unauthorized()
        limiter.succeeded(key)
        user = prepared_for_session(tx, user, password)
        token = _session_for(world, tx, user)
    return text_response(token)


def refresh_token(world, request):
    """A new JWT with the same claims and a new `iat`; a correct password makes it fresh ("sudo")."""
    caller = request.caller
    if caller is None or caller.user_id is None or not caller.claims:
        raise unauthorized()
    auth_time = caller.claims.get("authTime")
    if request.method == "POST" and request.body:
        password = body_object(request).get("password")
        if password is not None:
            with world.store.transaction() as tx:
                if not verify_password(password, (tx.get("user", caller.user_id) or {}).get("password")):
                    raise unauthorized()
            auth_time = int(now_seconds(world) * 1000)
    with world.store.transaction() as tx:
        user = tx.get("user", caller.user_id)
        pending = caller.claims.get("twoFactorRequired")
        token = issue_session(world, user, auth_time_ms=auth_time, two_factor_required=pending)
    return text_response(token)


def cloud_whoami_refresh(world, request):
    """balenaCloud's `GET /whoami`: the official SDK refreshes its session through it."""
    require_session(request)
    return refresh_token(world, request)


def sign_up(world, request):
    """balenaCloud sign-up: the user, their personal organization (as administrator), a session."""
    body = body_object(request)
    email, password = body.get("email"), body.get("password")
    if not isinstance(email, str) or "@" not in email or not isinstance(password, str) or not password:
        raise bad_request()
    username = body.get("username") or username_from_email(email)
    if not isinstance(username, str):
        raise bad_request()
    with world.store.transaction() as tx:
        if tx.query('SELECT id FROM "user" WHERE lower(email) = lower(?)', (email,)):
            raise conflict('"email" must be unique.')
        if tx.query('SELECT id FROM "user" WHERE lower(username) = lower(?)', (username,)):
            raise conflict('"username" must be unique.')
        user_id = tx.insert("user", {"username": username, "email": email, "password": hash_password(password)})
        ensure_actor(tx, "user", user_id)
        _create_personal_organization(tx, user_id, username)
        user = prepared_for_session(tx, tx.get("user", user_id))
        token = issue_session(world, user)
    return text_response(token)


def _create_personal_organization(tx, user_id: int, username: str) -> None:
    handle = username.lower()
    if tx.find("organization", handle=handle):
        handle = f"{handle}_{user_id}"
    org_id = tx.insert("organization", {"name": username, "handle": handle})
    membership = {"user": user_id, "is_member_of__organization": org_id}
    roles = _administrator_role(tx)
    if roles is not None:
        membership["organization_membership_role"] = roles
    tx.insert("organization_membership", membership)


def _administrator_role(tx):
    if not declared("organization_membership", "organization_membership_role"):
        return None
    found = tx.find("organization_membership_role", name="administrator")
    return found[0]["id"] if found else None


def register(router) -> None:
    router.add("POST", "/login_", login)
    router.add("GET", "/user/v1/refresh-token", refresh_token)
    router.add("POST", "/user/v1/refresh-token", refresh_token)
    router.add("GET", "/whoami", cloud_whoami_refresh)
    router.add("POST", "/user/register", sign_up)
