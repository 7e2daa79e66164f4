"""Who is calling: turns the credentials of a request into a Caller.

Credentials are read from `Authorization: Bearer`, then `?apikey=`, `?auth_token=` and a `_token`
field of a JSON body. The real API's answers are kept: a token that is not ours (garbage, a JWT with
a bad signature, an unknown, revoked or expired API key) makes the caller a guest; a genuine JWT
that has expired, or whose user changed their `jwt_secret` since, is refused with 401.
"""
from __future__ import annotations

import hmac

from ..errors import ApiError, unauthorized
from . import jwt
from .access import user_scope
from .api_keys import is_expired
from .caller import ADMIN, ANONYMOUS, APPLICATION, DEVICE, GUEST, USER, USER_KEY, Caller
from .sessions import now_seconds

ADMIN_CALLER = Caller(kind=ADMIN)
_MAX_BODY_TOKEN_SCAN = 64 * 1024


def _body_token(request) -> str | None:
    content_type = (request.header("Content-Type") or "").lower()
    if not request.body or len(request.body) > _MAX_BODY_TOKEN_SCAN or "json" not in content_type:
        return None
    try:
        body = request.json()
    except ApiError:
        return None
    token = body.get("_token") if isinstance(body, dict) else None
    return token if isinstance(token, str) and token else None


def token_of(request) -> str | None:
    """The credential a request carries, wherever the API accepts it."""
    header = request.header("Authorization") or ""
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    query = request.query() if request.raw_query else {}
    for name in ("apikey", "auth_token", "_token"):
        if query.get(name):
            return query[name]
    return _body_token(request)


def authenticate(world, request) -> Caller:
    token = token_of(request)
    if not token:
        return ANONYMOUS
    if world.admin_token and hmac.compare_digest(token.encode(), world.admin_token.encode()):
        return ADMIN_CALLER
    if jwt.looks_like_jwt(token):
        return session_caller(world, token)
    return api_key_caller(world, token)


def session_caller(world, token: str) -> Caller:
    try:
        claims = jwt.decode(token, world.secret, now_seconds(world))
    except jwt.ExpiredToken as exc:
        raise unauthorized() from exc
    except jwt.TokenError:
        return ANONYMOUS
    user_id = claims.get("id")
    if not isinstance(user_id, int):
        return ANONYMOUS
    with world.store.transaction() as tx:
        user = tx.get("user", user_id)
        if user is None or (user.get("jwt_secret") or "") != claims.get("jwt_secret", ""):
            raise unauthorized()
        if claims.get("twoFactorRequired"):
            # Until the second factor is verified the session may only finish logging in.
            return Caller(kind=GUEST, user_id=user_id, actor_id=user.get("actor"), claims=claims)
        scope = user_scope(tx, user_id)
    return Caller(kind=USER, user_id=user_id, actor_id=user.get("actor"), claims=claims, **scope._asdict())


def api_key_caller(world, token: str) -> Caller:
    with world.store.transaction() as tx:
        keys = tx.find("api_key", key=token)
        if not keys:
            return ANONYMOUS
        key = keys[0]
        if is_expired(key.get("expiry_date"), world.clock()):
            return ANONYMOUS
        actor = key.get("is_of__actor")
        users = tx.query('SELECT id FROM "user" WHERE actor = ?', (actor,))
        if users:
            scope = user_scope(tx, users[0]["id"])
            return Caller(kind=USER_KEY, actor_id=actor, user_id=users[0]["id"], api_key_id=key["id"],
                          **scope._asdict())
        devices = tx.query('SELECT id, belongs_to__application AS app FROM "device" WHERE actor = ?', (actor,))
        if devices:
            app = devices[0]["app"]
            return Caller(kind=DEVICE, actor_id=actor, device_id=devices[0]["id"], application_id=app,
                          api_key_id=key["id"], app_ids=frozenset([app]) if app else frozenset())
        apps = tx.query('SELECT id FROM "application" WHERE actor = ?', (actor,))
        if apps:
            # A provisioning key may only register devices: it reads nothing of its fleet.
            return Caller(kind=APPLICATION, actor_id=actor, application_id=apps[0]["id"], api_key_id=key["id"])
    return ANONYMOUS
