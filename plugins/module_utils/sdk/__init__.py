# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A balena SDK with the public API of the official Python SDK 17.3.0.

``from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena``
"""

from __future__ import annotations

from . import exceptions
from .balena import Balena
from .request import HAS_REQUESTS, REQUESTS_IMPORT_ERROR
from .version import __version__

__all__ = ["Balena", "__version__", "exceptions", "HAS_REQUESTS", "REQUESTS_IMPORT_ERROR"]
