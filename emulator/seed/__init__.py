"""Data a new emulator database starts with: reference data, the demo world, devices at scale."""

SEED_KINDS = ("demo", "empty")
