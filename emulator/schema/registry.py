"""Every declared v7 resource by name, and lookup by name or alias."""
from __future__ import annotations

from typing import Optional

from .declare import Resource
from .resources import device, device_type, fleet, fleet_access, identity, organization, release, service, team

_MODULES = (identity, organization, team, device_type, fleet, fleet_access, service, release, device)

RESOURCES: dict[str, Resource] = {
    resource.name: resource for module in _MODULES for resource in module.RESOURCES
}

_BY_ALIAS: dict[str, Resource] = {
    alias: resource for resource in RESOURCES.values() for alias in resource.aliases
}


def resolve(name_or_alias: str) -> Optional[Resource]:
    return RESOURCES.get(name_or_alias) or _BY_ALIAS.get(name_or_alias)
