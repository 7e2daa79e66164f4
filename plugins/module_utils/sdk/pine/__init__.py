# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""OData ("pine") for the SDK: the query compiler, the client, option merging and paging."""

from __future__ import annotations

from .client import Pine
from .compiler import PineCompileError, compile_params
from .merge import KNOWN_OPTIONS, expand_as_dict, merge

__all__ = ["Pine", "PineCompileError", "compile_params", "merge", "expand_as_dict", "KNOWN_OPTIONS"]
