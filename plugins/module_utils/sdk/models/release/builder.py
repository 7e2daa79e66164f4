# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Starting a build from a tarball URL on balena's builder."""

from __future__ import annotations

from ...exceptions import BuilderRequestError, RequestError


def build_from_url(ctx, owner, app_name, url, flatten_tarball):
    """Ask the builder to build ``url`` for ``owner/app_name``; the new release id."""
    try:
        response = ctx.transport.request(
            "POST", "v3/buildFromUrl",
            qs={"headless": "true", "owner": owner, "app": app_name},
            body={"url": url, "shouldFlatten": flatten_tarball},
            endpoint=ctx.settings.get("builder_url"),
        )
    except RequestError as error:
        raise BuilderRequestError(builder_message(error.body)) from None
    if not isinstance(response, dict) or not response.get("started"):
        raise BuilderRequestError(response.get("message") if isinstance(response, dict) else response)
    return response["releaseId"]


def builder_message(body):
    if isinstance(body, dict):
        return body.get("message", body)
    return body
