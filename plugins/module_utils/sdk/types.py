# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Type names of the official SDK's public signatures (hints only: values are plain dicts and lists)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

AnyObject = Dict[str, Any]
PineDeferred = Dict[str, int]  # {"__id": n}: a navigation that was selected but not expanded
ResourceKey = Union[int, Dict[str, int]]
ShutdownOptions = Dict[str, bool]
ApplicationInviteOptions = Dict[str, Optional[str]]
LogCount = Union[int, str, None]
Log = Dict[str, Any]
ApplicationMembershipRoles = str  # "developer" | "operator" | "observer"
OrganizationMembershipRoles = str  # "administrator" | "member"
IdOrIds = Union[int, str, List[Union[int, str]]]
