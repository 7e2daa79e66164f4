"""SQL for a field whether it is stored or computed (a computed field carries its own expression)."""
from __future__ import annotations

from ..schema import registry
from ..schema.declare import COMPUTED


def column(resource: str, field: str, alias: str) -> str:
    declared = registry.RESOURCES[resource].field(field)
    if declared is not None and declared.write == COMPUTED and declared.sql:
        return f"({declared.sql.format(t=alias)})"
    return f'{alias}."{field}"'
