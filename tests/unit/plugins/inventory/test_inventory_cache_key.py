from __future__ import annotations

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.cache_key import cache_key, token_fingerprint


def test_key_changes_with_endpoint_token_and_selection_only():
    base = cache_key("balena_k1", "https://api.x/", "token-a", {"fleets": ["a"]})
    assert base == cache_key("balena_k1", "https://api.x", "token-a", {"fleets": ["a"]})
    assert base != cache_key("balena_k1", "https://api.y", "token-a", {"fleets": ["a"]})
    assert base != cache_key("balena_k1", "https://api.x", "token-b", {"fleets": ["a"]})
    assert base != cache_key("balena_k1", "https://api.x", "token-a", {"fleets": ["b"]})
    assert base != cache_key("balena_k2", "https://api.x", "token-a", {"fleets": ["a"]})
    assert base.startswith("balena_k1_")


def test_token_never_appears():
    assert "secret-token" not in cache_key("k", "u", "secret-token", {})
    assert "secret-token" not in token_fingerprint("secret-token")
