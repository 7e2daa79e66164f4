# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations


class ModuleDocFragment:
    """How every balena module finds and authenticates to the balena API."""

    DOCUMENTATION = r"""
options:
  api_url:
    description:
      - Base URL of the balena API.
      - Point it at an openBalena server or at a local balena API emulator to manage those instead of balenaCloud.
      - When not set, the E(BALENA_API_URL) environment variable is used.
      - A trailing API version (C(/v7), in any case) and trailing slashes are ignored.
      - It must not contain a user name or password (C(user:password@host)); the module fails naming O(api_url) if it does.
      - If the server redirects API requests to another address (another host, port or scheme, such as C(http) to
        C(https)), the module does not follow and fails naming both addresses; set O(api_url) to the address the API
        is really at.
    type: str
    default: https://api.balena-cloud.com
  api_key:
    description:
      - A balena API key or session token.
      - When not set, the E(BALENA_API_KEY) environment variable is used, then E(BALENA_API_TOKEN).
      - The module runs where the task runs (usually the controller, with C(delegate_to=localhost)),
        so the environment variables are read there.
      - One of them is required; without any the module fails naming all three. A value of white space only counts as
        not set.
      - A key containing anything but printable ASCII characters without spaces (such as a line break read along with
        it from a file) is refused naming O(api_key), without showing it.
    type: str
    aliases: [api_token]
  actions_url:
    description:
      - Base URL of the actions service that starts host OS updates, without the C(v1/) or C(v2/) part.
      - Only needed for a self-hosted balena API or a local balena API emulator (which serves it at C(<api_url>/actions/)).
        When not set, the E(BALENA_ACTIONS_URL) environment variable is used; without either, balenaCloud's address
        is taken from the API's configuration (C(https://actions.<deviceUrlsBase>/)).
      - The API key is sent there, so name only a service you trust.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificates of O(api_url) and O(actions_url).
      - Only set this to V(false) for a trusted test server with a self-signed certificate.
      - When not set, the E(BALENA_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  timeout:
    description:
      - How long in seconds one request may take to connect, to start answering, and to deliver its whole answer.
        A request that takes longer is retried (reads, removals and updates, see O(max_retries)) or fails.
      - The default of 30 seconds suits balenaCloud; raise it for a slow or distant self-hosted API,
        or for very large answers.
    type: float
    default: 30
  max_retries:
    description:
      - How many times a request that cannot have changed anything (a read, a removal, an update)
        is sent again after a server error (5xx) or a lost connection, with growing pauses.
      - Answers saying "too many requests" (HTTP 429) are waited out as the API asks, independently of this.
    type: int
    default: 3
requirements:
  - python >= 3.9
  - requests
  - semver
  - python-dateutil
notes:
  - Use C(module_defaults) with the C(group/balena.cloud.balena) action group to set O(api_url) and O(api_key)
    once for every balena module of a play.
"""
