# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The inventory cache key: one entry per API endpoint, credential and selection.

Ansible's own key depends only on the inventory file's path, so two runs with different tokens
(one per organization, say) would share an entry. The token itself never appears in the key.
"""

from __future__ import annotations

import hashlib
import json


def token_fingerprint(token):
    return hashlib.sha256(("balena.cloud token " + str(token)).encode("utf-8")).hexdigest()[:16]


def cache_key(base, api_url, token, selection):
    """``base`` (Ansible's key for the file) extended with a digest of what the cached data depends on."""
    material = json.dumps(
        {"api_url": str(api_url).rstrip("/"), "token": token_fingerprint(token), "selection": selection},
        sort_keys=True, default=str, separators=(",", ":"),
    )
    return "{0}_{1}".format(base, hashlib.sha256(material.encode("utf-8")).hexdigest()[:16])
