"""User tokens and the other keys derived from ASSISTANT_SECRET (preferences.tokens), and the channel checks
that use them without a server (rasa_components.auth, the launcher's arguments)."""
from __future__ import annotations

import base64
import json
import time

import jwt
import pytest

from preferences import tokens
from preferences.settings import Settings
from rasa_components.auth import ChannelGuard, RateLimiter, bearer, page_origins, serve_host
from rasa_components.launcher import rasa_arguments

SECRET = "unit-test-secret-0123456789abcdef"
OTHER = "another-secret-0123456789abcdefgh"


def _b64(data: dict | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _claims(**over: object) -> dict:
    now = int(time.time())
    claims = {"sub": "alice", "iat": now, "exp": now + 600, "aud": tokens.CHAT_AUDIENCE, "iss": tokens.ISSUER}
    claims.update(over)
    return {k: v for k, v in claims.items() if v is not None}


def _signed(claims: dict, key: str | None = None, alg: str = "HS256") -> str:
    return jwt.encode(claims, key or tokens.derive_key(SECRET, "user-token"), algorithm=alg)


def reason(token: object, secret: str = SECRET, now: float | None = None) -> str:
    with pytest.raises(tokens.TokenError) as caught:
        tokens.verify(secret, token, now=now)
    return caught.value.reason


# --- mint and verify --------------------------------------------------------------------------

def test_a_minted_token_proves_its_user() -> None:
    token = tokens.mint(SECRET, "alice", ttl=60)
    assert tokens.verify(SECRET, token) == "alice"
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == "alice" and claims["exp"] - claims["iat"] == 60
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_each_token_is_distinct() -> None:
    assert tokens.mint(SECRET, "alice") != tokens.mint(SECRET, "alice")


@pytest.mark.parametrize("user", ["alice", "user-1a2b3c4d", "web-0f1e2d3c4b5a69788796a5b4", "bob@example.com",
                                  "a", "x" * tokens.USER_ID_MAX, "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8"])
def test_valid_user_ids_round_trip(user: str) -> None:
    assert tokens.verify(SECRET, tokens.mint(SECRET, user)) == user


@pytest.mark.parametrize("user", ["", " alice", "alice\n", "al ice", "x" * (tokens.USER_ID_MAX + 1), "../etc",
                                  "<script>", "bob\x00", "-dash-first", "ålice", None, 42, ["alice"]])
def test_invalid_user_ids_cannot_be_minted(user: object) -> None:
    assert not tokens.valid_user_id(user)
    with pytest.raises(ValueError):
        tokens.mint(SECRET, user)  # type: ignore[arg-type]


@pytest.mark.parametrize("ttl", [0, -5, tokens.MAX_TTL + 1, 1.5, True, "60"])
def test_ttl_must_be_sensible(ttl: object) -> None:
    with pytest.raises(ValueError):
        tokens.mint(SECRET, "alice", ttl)  # type: ignore[arg-type]


def test_short_or_missing_secret_is_refused() -> None:
    for secret in (None, "", "short"):
        with pytest.raises(ValueError, match="at least"):
            tokens.check_secret(secret)
        with pytest.raises(ValueError):
            tokens.mint(secret, "alice")  # type: ignore[arg-type]


# --- expiry ---------------------------------------------------------------------------------------

def test_expired_token_is_refused() -> None:
    token = tokens.mint(SECRET, "alice", ttl=60, now=1_000_000)
    assert tokens.verify(SECRET, token, now=1_000_030) == "alice"
    assert reason(token, now=1_000_060) == "expired"
    assert reason(token, now=1_000_061) == "expired"
    assert reason(token) == "expired"  # by the real clock too


def test_token_from_the_future_is_refused() -> None:
    token = tokens.mint(SECRET, "alice", ttl=60, now=2_000_000)
    assert reason(token, now=1_000_000) == "invalid"


@pytest.mark.parametrize("missing", ["exp", "sub", "iat", "aud"])
def test_required_claims(missing: str) -> None:
    assert reason(_signed(_claims(**{missing: None}))) in ("malformed", "bad_subject")


# --- forgeries ---------------------------------------------------------------------------------------

def test_signed_with_another_secret_is_refused() -> None:
    assert reason(tokens.mint(OTHER, "alice")) == "bad_signature"


def test_tampered_payload_is_refused() -> None:
    header, _, signature = tokens.mint(SECRET, "alice").split(".")
    forged = f"{header}.{_b64(_claims(sub='bob'))}.{signature}"
    assert reason(forged) == "bad_signature"


def test_alg_none_is_refused() -> None:
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims())}."
    assert reason(unsigned) == "bad_algorithm"
    assert reason(jwt.encode(_claims(), None, algorithm="none")) == "bad_algorithm"
    # "none" with the right signature still attached is refused too
    header, payload, signature = tokens.mint(SECRET, "alice").split(".")
    assert reason(f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.{signature}") == "bad_algorithm"


@pytest.mark.parametrize("alg", ["HS384", "HS512"])
def test_other_algorithms_are_refused_even_with_the_right_key(alg: str) -> None:
    assert reason(_signed(_claims(), alg=alg)) == "bad_algorithm"


def test_a_key_for_another_purpose_does_not_sign_user_tokens() -> None:
    for purpose in ("http-api", "action-server", "page-cookie"):
        assert reason(_signed(_claims(), key=tokens.derive_key(SECRET, purpose))) == "bad_signature"
    # and an HTTP API token is no user token
    assert reason(tokens.mint_api_token(SECRET)) == "bad_signature"


def test_a_token_for_another_audience_is_refused() -> None:
    assert reason(_signed(_claims(aud="someone-else"))) == "bad_audience"


@pytest.mark.parametrize("sub", [42, 4.2, True, ["alice"], {"id": "alice"}, "", "bad id", "x" * 200, "<b>"])
def test_subject_must_be_a_valid_user_id_string(sub: object) -> None:
    assert reason(_signed(_claims(sub=sub))) in ("bad_subject", "malformed", "invalid")


@pytest.mark.parametrize("token", [None, "", "abc", "a.b.c", "....", 123, b"bytes", {"token": "x"}, "x" * 5000])
def test_garbage_is_refused_with_a_reason(token: object) -> None:
    assert reason(token) in ("missing", "malformed", "invalid")


# --- the other derived keys -----------------------------------------------------------------------------

def test_derived_keys_differ_by_purpose_and_secret() -> None:
    keys = {tokens.derive_key(SECRET, p) for p in ("user-token", "http-api", "action-server", "page-cookie")}
    assert len(keys) == 4 and SECRET not in keys
    assert tokens.derive_key(SECRET, "http-api") != tokens.derive_key(OTHER, "http-api")
    with pytest.raises(ValueError):
        tokens.derive_key(SECRET, "anything")


def test_http_api_token_has_rasa_shape() -> None:
    admin = jwt.decode(tokens.mint_api_token(SECRET), tokens.http_api_key(SECRET), algorithms=["HS256"])
    assert admin["user"] == {"username": "admin", "role": "admin"} and admin["exp"] > time.time()
    own = jwt.decode(tokens.mint_api_token(SECRET, username="alice", role="user"), tokens.http_api_key(SECRET),
                     algorithms=["HS256"])
    assert own["user"] == {"username": "alice", "role": "user"}


def test_an_admin_api_token_is_verified_with_the_same_checks_as_every_token() -> None:
    assert tokens.verify_admin_token(SECRET, tokens.mint_api_token(SECRET)) == "admin"
    assert tokens.verify_admin_token(SECRET, tokens.mint_api_token(SECRET, username="ops")) == "ops"
    token = tokens.mint_api_token(SECRET, ttl=60, now=1_000_000)
    assert tokens.verify_admin_token(SECRET, token, now=1_000_030) == "admin"
    api_key = tokens.http_api_key(SECRET)
    now = int(time.time())
    admin = {"user": {"username": "admin", "role": "admin"}, "iat": now, "exp": now + 600}
    refused = {
        "expired": (token, 1_000_060),
        "not_admin": (tokens.mint_api_token(SECRET, username="alice", role="user"), None),
        "bad_signature": (tokens.mint_api_token(OTHER), None),
        "malformed": (jwt.encode({k: v for k, v in admin.items() if k != "exp"}, api_key, algorithm="HS256"), None),
        "bad_algorithm": (jwt.encode(admin, api_key, algorithm="HS512"), None),
        "missing": (None, None),
    }
    for why, (wrong, at) in refused.items():
        with pytest.raises(tokens.TokenError) as caught:
            tokens.verify_admin_token(SECRET, wrong, now=at)
        assert caught.value.reason == why, why
    # a chat token is signed with another key; a token with no `user` claim grants no role
    for wrong, why in ((tokens.mint(SECRET, "alice"), "bad_signature"),
                       (jwt.encode({"iat": now, "exp": now + 60}, api_key, algorithm="HS256"), "not_admin")):
        with pytest.raises(tokens.TokenError) as caught:
            tokens.verify_admin_token(SECRET, wrong)
        assert caught.value.reason == why


def test_the_insight_page_lets_in_admin_api_tokens_only() -> None:
    from rasa_components.web_server import admin_refusal

    s = _settings(assistant_secret=SECRET)
    assert admin_refusal(s, f"Bearer {tokens.mint_api_token(SECRET)}") is None
    user = admin_refusal(s, f"Bearer {tokens.mint_api_token(SECRET, username='alice', role='user')}")
    assert user.status == 401 and user.extra == {"reason": "not_admin"} and "not an admin token" in user.message
    for header, why in ((None, "missing"), (f"Bearer {tokens.mint(SECRET, 'alice')}", "bad_signature")):
        refusal = admin_refusal(s, header)
        assert refusal.status == 401 and refusal.extra == {"reason": why}
        assert refusal.message.startswith("An admin API token is required")


def test_signed_cookie_values() -> None:
    signed = tokens.sign_value(SECRET, "web-abc")
    assert tokens.unsign_value(SECRET, signed) == "web-abc"
    assert tokens.unsign_value(OTHER, signed) is None
    assert tokens.unsign_value(SECRET, signed.replace("web-abc", "web-abd")) is None
    assert tokens.unsign_value(SECRET, "web-abc") is None and tokens.unsign_value(SECRET, None) is None
    assert tokens.valid_user_id(tokens.new_web_user()) and tokens.new_web_user() != tokens.new_web_user()


def test_same_is_a_strict_comparison() -> None:
    assert tokens.same("a", "a") and not tokens.same("a", "b")
    assert not tokens.same(None, None) and not tokens.same("", None)


# --- the channel checks --------------------------------------------------------------------------------

def _settings(**over: object) -> Settings:
    return Settings(preferences_db_url="sqlite://", **over)  # type: ignore[arg-type]


def test_bearer_header_parsing() -> None:
    assert bearer("Bearer abc") == "abc" and bearer("bearer  abc ") == "abc"
    assert bearer(None) is None and bearer("Basic abc") is None and bearer("Bearer") is None


def test_guard_with_secret_takes_the_user_from_the_token() -> None:
    guard = ChannelGuard(_settings(assistant_secret=SECRET))
    assert guard.secured
    assert guard.authenticate(tokens.mint(SECRET, "alice")) == ("alice", None)
    user, refusal = guard.authenticate(None)
    assert user is None and refusal and refusal.status == 401 and refusal.body()["reason"] == "missing"
    assert "Bearer" in refusal.headers()["WWW-Authenticate"]


def test_guard_without_secret_validates_the_named_sender() -> None:
    guard = ChannelGuard(_settings())
    assert not guard.secured
    assert guard.check_sender("alice") == ("alice", None) and guard.check_sender(None) == (None, None)
    assert guard.check_sender(42) == ("42", None)
    _, refusal = guard.check_sender("bob\x00")
    assert refusal and refusal.status == 400
    assert guard.limit("alice", "127.0.0.1") is None  # no rate limits on loopback-only servers


def test_guard_origin_and_size() -> None:
    guard = ChannelGuard(_settings(web_port=8080, max_message_bytes=10))
    assert guard.origin_allowed(None) and guard.origin_allowed("http://localhost:8080")
    assert not guard.origin_allowed("https://evil.example")
    assert ChannelGuard(_settings(cors_origins="*")).origin_allowed("https://evil.example")
    assert not guard.too_long("é" * 5) and guard.too_long("é" * 6) and not guard.too_long(None)
    assert "10 bytes" in guard.too_long_answer()


def test_rate_limiter_token_bucket() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=3, clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(3)] == [None, None, None]
    wait = limiter.take("a")
    assert wait is not None and 0 < wait <= 1.0
    assert limiter.take("b") is None  # per key
    now[0] += 1.0
    assert limiter.take("a") is None and limiter.take("a") is not None
    assert RateLimiter(per_minute=0, burst=1).take("a") is None  # 0 = no limit


def test_rate_limiter_forgets_old_keys() -> None:
    limiter = RateLimiter(per_minute=1, burst=1, clock=lambda: 0.0, max_keys=3)
    for key in "abcd":
        limiter.take(key)
    assert limiter.take("a") is None  # dropped as least recently seen: forgiven, never stricter


def test_guard_rate_limits_with_secret() -> None:
    guard = ChannelGuard(_settings(assistant_secret=SECRET, rate_limit_user_per_minute=1, rate_limit_user_burst=2))
    assert guard.limit("alice", "10.0.0.1") is None and guard.limit("alice", "10.0.0.1") is None
    refusal = guard.limit("alice", "10.0.0.1")
    assert refusal and refusal.status == 429 and int(refusal.headers()["Retry-After"]) >= 1
    assert guard.limit("bob", "10.0.0.1") is None


# --- where servers listen, and the arguments Rasa is started with -----------------------------------------

def test_without_secret_everything_is_loopback() -> None:
    s = _settings(bind_host="0.0.0.0")
    assert serve_host(s) == "127.0.0.1" and serve_host(s, "0.0.0.0") == "127.0.0.1"
    args = rasa_arguments(["run", "--model", "m", "--enable-api"], s)
    assert args[args.index("-i") + 1] == "127.0.0.1" and "--jwt-secret" not in args
    with pytest.raises(SystemExit, match="refusing to listen on 0.0.0.0"):
        rasa_arguments(["run", "-i", "0.0.0.0"], s)


def test_with_secret_the_api_needs_a_token_and_cors_is_the_page() -> None:
    s = _settings(assistant_secret=SECRET, bind_host="0.0.0.0", web_port=8081)
    args = rasa_arguments(["run", "--model", "m", "--enable-api"], s)
    assert args[args.index("-i") + 1] == "0.0.0.0"
    assert args[args.index("--jwt-secret") + 1] == tokens.http_api_key(SECRET)
    cors = args[args.index("--cors") + 1:args.index("--jwt-secret")]
    assert cors == page_origins(s) == ["http://localhost:8081", "http://127.0.0.1:8081"]
    with pytest.raises(SystemExit, match="refused"):
        rasa_arguments(["run", "--cors", "*"], s)
    shell = rasa_arguments(["shell", "--model", "m"], s)  # rasa shell's channel has no token: loopback always
    assert shell[shell.index("-i") + 1] == "127.0.0.1"
    with pytest.raises(SystemExit):
        rasa_arguments(["shell", "-i", "0.0.0.0"], s)


def test_with_secret_rasa_sends_the_action_server_secret(tmp_path, monkeypatch) -> None:
    from rasa.core.utils import AvailableEndpoints

    monkeypatch.setenv("ASSISTANT_ACTIONS_TOKEN", tokens.actions_token(SECRET))  # as main() does
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text('action_endpoint:\n  url: "http://127.0.0.1:5055/webhook"\n')
    args = rasa_arguments(["run", "--endpoints", str(endpoints)], _settings(assistant_secret=SECRET))
    copy = args[args.index("--endpoints") + 1]
    assert copy != str(endpoints) and tokens.actions_token(SECRET) not in open(copy).read()
    action = AvailableEndpoints.read_endpoints(copy).action
    assert action.url == "http://127.0.0.1:5055/webhook"
    assert action.headers == {tokens.ACTIONS_HEADER: tokens.actions_token(SECRET)}


def test_a_token_that_is_not_ascii_is_malformed_not_a_crash() -> None:
    """Header bytes that are not UTF-8 reach us as lone surrogates; PyJWT cannot encode them."""
    for token in ("abc\udcff.def.ghi", "ünïcode.token.here"):
        with pytest.raises(tokens.TokenError) as refused:
            tokens.verify("a-long-enough-secret-for-the-tests-0123456789", token)
        assert refused.value.reason == "malformed"
