"""SQLite storage of the emulator's resources."""
from .store import Store

__all__ = ["Store"]
