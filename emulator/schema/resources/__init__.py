"""The v7 resources, one module per area; each module exposes RESOURCES (a tuple of Resource)."""
