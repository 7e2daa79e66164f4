"""Behaviour that runs around writes: validation, defaults, derived fields, cascades."""
