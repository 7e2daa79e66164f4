"""Random "adjective-noun" names for devices created without one."""
from __future__ import annotations

import random

_ADJECTIVES = (
    "autumn", "hidden", "bitter", "misty", "silent", "empty", "dry", "dark", "summer", "icy", "delicate",
    "quiet", "white", "cool", "spring", "winter", "patient", "twilight", "dawn", "crimson", "wispy",
    "weathered", "blue", "billowing", "broken", "cold", "damp", "falling", "frosty", "green", "long",
    "late", "lingering", "bold", "little", "morning", "muddy", "old", "red", "rough", "still", "small",
    "sparkling", "snowy", "shy", "wandering", "withered", "wild", "black", "young", "holy", "solitary",
    "fragrant", "aged", "snappy", "ancient", "purple", "lively", "nameless",
)
_NOUNS = (
    "waterfall", "river", "breeze", "moon", "rain", "wind", "sea", "morning", "snow", "lake", "sunset",
    "pine", "shadow", "leaf", "dawn", "glitter", "forest", "hill", "cloud", "meadow", "sun", "glade",
    "bird", "brook", "butterfly", "bush", "dew", "dust", "field", "fire", "flower", "firefly", "feather",
    "grass", "haze", "mountain", "night", "pond", "darkness", "snowflake", "silence", "sound", "sky",
    "shape", "surf", "thunder", "violet", "water", "wildflower", "wave", "resonance", "beach", "frog",
    "smoke", "star",
)


def haiku_name(rng: random.Random | None = None) -> str:
    rng = rng or random
    return f"{rng.choice(_ADJECTIVES)}-{rng.choice(_NOUNS)}"
