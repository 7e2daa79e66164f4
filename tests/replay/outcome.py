"""The result of replaying one recorded exchange."""
from __future__ import annotations

from dataclasses import dataclass, field

from .exclusions import SKIP


@dataclass
class Outcome:
    seq: int
    section: str
    step: str
    method: str
    path: str
    expected_status: int
    status: int | None = None
    expected_format: str = ""
    body_format: str = ""
    problems: list = field(default_factory=list)
    excluded: tuple | None = None   # (kind, reason) from the exclusion table

    @property
    def verdict(self) -> str:
        if self.excluded and self.excluded[0] == SKIP:
            return "excluded"
        return "mismatched" if self.problems else "matched"
