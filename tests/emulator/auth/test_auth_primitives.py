"""Password hashing, RFC 6238 codes and the login rate limiter."""
from emulator.auth import totp
from emulator.auth.login_limiter import BLOCK_SECONDS, MAX_FAILURES, LoginLimiter
from emulator.auth.passwords import hash_password, is_hashed, verify_password


def test_passwords_are_salted_hashes_that_verify():
    first, second = hash_password("pw"), hash_password("pw")
    assert first != second and is_hashed(first)
    assert verify_password("pw", first)
    assert not verify_password("PW", first)
    assert not verify_password("pw", None)


def test_a_plain_stored_password_still_matches():
    assert verify_password("pw", "pw")
    assert not verify_password("pw", "other")


def test_totp_matches_the_rfc_6238_vectors():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"   # base32 of the RFC's "12345678901234567890"
    assert totp.code_at(secret, 59, digits=8) == "94287082"
    assert totp.code_at(secret, 1111111109, digits=8) == "07081804"
    assert totp.code_at(secret, 2000000000, digits=8) == "69279037"


def test_totp_accepts_one_step_of_drift_only():
    secret = totp.new_secret()
    assert len(secret) == 32
    now = 1_700_000_000
    assert totp.verify(secret, totp.code_at(secret, now - 30), now)
    assert not totp.verify(secret, totp.code_at(secret, now - 90), now)
    assert not totp.verify(secret, "abc", now)


def test_the_setup_uri_lets_the_sdk_parse_the_secret():
    from urllib.parse import parse_qs
    uri = totp.provisioning_uri("ABC", "alice")
    assert parse_qs(uri)["secret"] == ["ABC"]


def test_the_limiter_blocks_after_ten_failures_and_forgets_on_success():
    clock = [0.0]
    limiter = LoginLimiter(clock=lambda: clock[0])
    for _ in range(MAX_FAILURES):
        assert limiter.retry_after("bob") is None
        limiter.failed("bob")
    assert limiter.retry_after("bob") == BLOCK_SECONDS
    assert limiter.retry_after("alice") is None
    clock[0] += BLOCK_SECONDS + 1
    assert limiter.retry_after("bob") is None
    limiter.failed("carol")
    limiter.succeeded("carol")
    assert limiter.retry_after("carol") is None
