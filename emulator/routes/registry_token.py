"""`GET /auth/v1/token`: the token a docker client presents to balena's image registry. No registry
runs beside the emulator, so the token only has the right shape (a JWT carrying the granted scope)."""
from __future__ import annotations

from ..auth import jwt
from ..auth.sessions import now_seconds
from ..errors import unauthorized
from ..web.response import json_response

LIFETIME_SECONDS = 3600


def registry_token(world, request):
    caller = request.caller
    if caller is None or caller.kind == "guest":
        raise unauthorized()
    query = request.query()
    issued = int(now_seconds(world))
    scopes = [scope for scope in query.get("scope", "").split(" ") if scope]
    access = []
    for scope in scopes:
        kind, _, rest = scope.partition(":")
        name, _, actions = rest.rpartition(":")
        access.append({"type": kind, "name": name, "actions": [a for a in actions.split(",") if a]})
    claims = {"jti": f"{caller.actor_id or 0}-{issued}", "nbf": issued, "iat": issued,
              "exp": issued + LIFETIME_SECONDS, "aud": query.get("service") or "registry",
              "iss": "api", "sub": str(caller.actor_id or ""), "access": access}
    return json_response({"token": jwt.encode(claims, world.secret)})


def register(router) -> None:
    router.add("GET", "/auth/v1/token", registry_token)
