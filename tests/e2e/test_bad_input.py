"""Bad input against the running servers, generated rather than listed: no 5xx, no lost reply, clear refusals.

test_rest.py sends a handful of hostile messages; test_security.py the known
forged tokens. Here Hypothesis generates them (derandomized, so CI sees the
same examples every run): any Unicode text (lone surrogates and control
characters included), hostile values taught as preferences, raw bodies that
are not UTF-8 or not JSON, JSON of every shape where the API expects an
object, absurd sender ids, and Authorization headers and correctly signed
tokens with hostile claims. The invariants, whatever the input:

* never a 5xx, and the servers keep running;
* a message that reaches the assistant gets at least one reply text;
* a refusal (400, 401, 403, 413, 429) is JSON with its status, an `error`
  code and a sentence saying what to do;
* what one user id teaches is never seen by another, however alike the ids.

The unsecured checks use the shared `assistant` (tests/e2e/conftest.py);
the token checks a second instance with ASSISTANT_SECRET, as test_security.py
starts its own.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import string
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from preferences import tokens
from preferences.db import migrate
from preferences.dialogue.messages import BUG
from preferences.store import PreferenceStore
from rasa_components.auth import MAX_BODY_BYTES
from rasa_components.served import RunningAssistant, run_async
from tests.e2e.socketio_client import Client

pytestmark = pytest.mark.e2e

SECRET = "bad-input-" + uuid.uuid4().hex
REFUSALS = {400, 401, 403, 413, 429}
TOKEN_REASONS = {"missing", "malformed", "bad_algorithm", "bad_signature", "expired", "bad_audience", "bad_subject",
                 "invalid"}
# Few examples each (a REST turn costs 50-100 ms and some examples take several), the same ones every run.
FEW = settings(max_examples=15, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOME = settings(FEW, max_examples=30)

# Any JSON value, with the awkward numbers (huge, negative, fractional) and strings included.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12)
# Any text, lone surrogates and control characters included (they travel as JSON \u escapes).
any_text = st.text(st.characters(blacklist_categories=()), max_size=300)


def new_user(prefix: str = "fuzz") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def post(assistant: RunningAssistant, body: Any, *, raw: bytes | None = None,
         headers: dict[str, str] | None = None) -> requests.Response:
    """POST to the REST channel: `body` as JSON (NaN and Infinity allowed, as a careless client sends them)."""
    data = raw if raw is not None else json.dumps(body).encode("utf-8")
    return requests.post(f"{assistant.url}/webhooks/rest/webhook", data=data, timeout=60,
                         headers={"Content-Type": "application/json", **(headers or {})})


def answered(r: requests.Response) -> list[dict[str, Any]]:
    """The bot messages of a 200: a JSON list with at least one text."""
    assert r.status_code == 200, (r.status_code, r.text[:500])
    messages = r.json()
    assert isinstance(messages, list) and any(isinstance(m.get("text"), str) and m["text"].strip()
                                              for m in messages), f"no reply text: {messages}"
    # the channel's apology for a turn that failed inside Rasa is an answer, but also a bug to fix
    assert not any((m.get("custom") or {}).get("error") == "internal_error" for m in messages), messages
    return messages


def refused(r: requests.Response, *statuses: int) -> dict[str, Any]:
    """A refusal: one of `statuses`, JSON with the same status, an error code and a message for people."""
    assert r.status_code in (statuses or REFUSALS), (r.status_code, r.text[:500])
    body = r.json()
    assert isinstance(body, dict) and body.get("status") == r.status_code, body
    assert isinstance(body.get("error"), str) and body["error"], body
    assert isinstance(body.get("message"), str) and len(body["message"]) > 10, body
    return body


def no_server_error(r: requests.Response) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:500])
    if r.status_code == 200:
        answered(r)
    else:
        refused(r)


# --- what reaches the assistant: any text ---------------------------------------------------------

@SOME
@given(text=any_text)
@example(text="\ud800 play some jazz \udfff")  # lone surrogates: the sentence embedder raised on them
def test_any_text_gets_a_reply(assistant: RunningAssistant, text: str) -> None:
    answered(post(assistant, {"sender": new_user(), "message": text}))


@FEW
@given(value=any_text.filter(lambda v: v.strip()), template=st.sampled_from([
    "I really like {}", "I live in {}", "I'm a {} fan", "set the living room to {} mode", "forget that I like {}"]))
def test_hostile_values_taught_or_asked_get_replies(assistant: RunningAssistant, value: str, template: str) -> None:
    """The value lands in the store, in concepts, in replies: every step must survive it."""
    user = new_user("teach")
    answered(post(assistant, {"sender": user, "message": template.format(value)}))
    for follow_up in (value, "what do you know about me?"):  # an answer to a question it may have asked
        answered(post(assistant, {"sender": user, "message": follow_up}))


@FEW
@given(metadata=st.dictionaries(st.sampled_from(["barge_in", "feedback", "screen", "oven", "customData", ""]),
                                json_values, max_size=4),
       text=st.sampled_from(["play some music", "stop", "is the oven on?", "no, that's not what I wanted"]))
def test_any_channel_metadata_gets_a_reply(assistant: RunningAssistant, metadata: dict[str, Any],
                                           text: str) -> None:
    user = new_user("meta")
    answered(post(assistant, {"sender": user, "message": "what's the weather in Springfield"}))
    answered(post(assistant, {"sender": user, "message": text, "metadata": metadata}))


# --- what does not: bodies the API does not expect ---------------------------------------------------

@SOME
@given(raw=st.binary(max_size=300) | st.builds(lambda b: b'{"sender": "raw-1", "message": "' + b + b'"}',
                                                st.binary(min_size=1, max_size=40)))
def test_raw_bodies_never_cause_a_server_error(assistant: RunningAssistant, raw: bytes) -> None:
    """Not UTF-8, not JSON, or JSON with bytes that are not UTF-8 inside a string: a 400, or an answer."""
    no_server_error(post(assistant, None, raw=raw))


@SOME
@given(body=json_values)
def test_json_that_is_not_an_object_is_a_clear_400(assistant: RunningAssistant, body: Any) -> None:
    r = post(assistant, body)
    if isinstance(body, dict):
        no_server_error(r)
    else:
        assert refused(r, 400)["error"] == "bad_request"


@SOME
@given(message=json_values, metadata=json_values, channel=json_values)
def test_fields_of_the_wrong_type_are_refused_or_answered(assistant: RunningAssistant, message: Any,
                                                          metadata: Any, channel: Any) -> None:
    r = post(assistant, {"sender": new_user(), "message": message, "metadata": metadata, "input_channel": channel})
    if (message is not None and not isinstance(message, str)) or (metadata is not None
                                                                   and not isinstance(metadata, dict)):
        assert refused(r, 400)["error"] == "bad_request"
    else:
        answered(r)


@pytest.mark.parametrize("size", [MAX_BODY_BYTES - 200, MAX_BODY_BYTES + 1, 100_000, 1_000_000])
def test_big_bodies_are_answered_or_refused_with_413(assistant: RunningAssistant, size: int) -> None:
    """Under the body limit a big metadata is carried; over it (100 kB, 1 MB), 413 before any parsing."""
    head = json.dumps({"sender": new_user(), "message": "hi", "metadata": {"pad": ""}})[:-3].encode()  # ..."pad": "
    raw = head + b"x" * (size - len(head) - 3) + b'"}}'
    assert len(raw) == size
    r = post(assistant, None, raw=raw)
    if size <= MAX_BODY_BYTES:
        answered(r)
    else:
        assert refused(r, 413)["error"] == "body_too_large"


# --- who: absurd user ids, and ids that look alike -----------------------------------------------------

@SOME
@given(sender=st.text(max_size=200) | st.integers() | st.floats() | st.booleans() | st.lists(st.integers(),
                                                                                             max_size=2)
       | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
       | st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.@+:-]{100,140}\Z"))
def test_absurd_sender_ids_are_refused_clearly(assistant: RunningAssistant, sender: Any) -> None:
    named = str(sender) if isinstance(sender, (int, float)) and not isinstance(sender, bool) else sender
    r = post(assistant, {"sender": sender, "message": "hi"})
    if tokens.valid_user_id(named):
        answered(r)
    else:
        assert refused(r, 400)["error"] == "invalid_sender"


def _look_alike(user: str, how: str) -> str:
    """Another valid id that a careless store or channel might take for `user`."""
    return {"case": user.swapcase(), "suffix": user + ".", "prefix": "x" + user, "shorter": user[:-1],
            "colon": user + ":1", "at": user + "@example.org", "plus": user.replace("-", "+")}[how]


@FEW
@given(tail=st.from_regex(r"\A[A-Za-z0-9_.@+:-]{0,40}\Z"),
       how=st.sampled_from(["case", "suffix", "prefix", "shorter", "colon", "at", "plus"]))
def test_a_preference_taught_by_one_id_is_never_seen_by_another(assistant: RunningAssistant, db_url: str,
                                                                tail: str, how: str) -> None:
    ann = f"a{uuid.uuid4().hex[:8]}-{tail}"[:tokens.USER_ID_MAX]  # fresh each example
    bob = _look_alike(ann, how)[:tokens.USER_ID_MAX]
    if bob == ann or not tokens.valid_user_id(bob):
        return
    assert "you like jazz" in " ".join(m.get("text", "") for m in answered(
        post(assistant, {"sender": ann, "message": "I really like jazz"})))
    known = " ".join(m.get("text", "") for m in answered(post(assistant, {"sender": bob,
                                                                          "message": "what do you know about me?"})))
    assert "jazz" not in known, (ann, bob, known)
    played = " ".join(m.get("text", "") for m in answered(post(assistant, {"sender": bob,
                                                                           "message": "play some music"})))
    assert "since you told me" not in played, (ann, bob, played)
    with PreferenceStore(db_url) as store:
        assert [p.value for p in store.get(ann, "genre")] == ["jazz"]
        assert store.get(bob, "genre") == [], (ann, bob)


# --- the same over socket.io ---------------------------------------------------------------------------------

async def _socket_turns(url: str, user: str, payloads: list[Any]) -> list[tuple[str, Any]]:
    """Emit each payload as a user message; the first event that answers it (bot_uttered or error_message)."""
    import asyncio

    client = Client()
    events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    confirmed: asyncio.Queue[str] = asyncio.Queue()
    client.on("session_confirm", lambda sid: confirmed.put_nowait(sid))
    client.on("bot_uttered", lambda data: events.put_nowait(("bot_uttered", data)))
    client.on("error_message", lambda data: events.put_nowait(("error_message", data)))
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": user})
        assert await asyncio.wait_for(confirmed.get(), 10) == user
        answers = []
        for payload in payloads:
            await client.emit("user_uttered", payload)
            answers.append(await asyncio.wait_for(events.get(), 60))
            await asyncio.sleep(0.3)  # a turn may send several messages: let them all arrive
            while not events.empty():
                events.get_nowait()
        return answers
    finally:
        await client.disconnect()


def test_odd_socketio_messages_get_an_answer_or_a_clear_error(assistant: RunningAssistant) -> None:
    user = new_user("sock")
    payloads = [{"message": 42, "session_id": user}, {"message": None, "session_id": user},
                {"message": "hi", "session_id": user, "customData": "not json {"},
                {"message": "play some music", "session_id": user, "customData": [1, {"barge_in": True}]},
                {"message": "\ud800\x00 hello \u202e", "session_id": user},
                {"message": "a" * 5000, "session_id": user},
                {"message": "hi", "session_id": "not a valid id!"},
                {"message": "hi", "session_id": user}]
    answers = run_async(_socket_turns(assistant.url, user, payloads))
    for payload, (event, data) in zip(payloads, answers):
        if payload["session_id"] != user:
            assert event == "error_message" and data["status"] == 400 and data["message"], (payload, data)
            continue
        assert event == "bot_uttered" and isinstance(data.get("text"), str) and data["text"].strip(), (payload, data)
        assert data["text"] != BUG, (payload, data)  # the channel's apology: answered, but a bug inside Rasa
    assert "too long" in answers[5][1]["text"]


# --- tokens, against a server that requires them ----------------------------------------------------------

@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    workdir = tmp_path_factory.mktemp("bad-input-secured")
    url = f"sqlite:///{workdir / 'preferences.db'}"
    migrate(url)
    running = RunningAssistant(workdir, url, extra_env={"ASSISTANT_SECRET": SECRET}).start()
    try:
        yield running
    finally:
        running.stop()


header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"),
                      max_size=200).map(str.strip)


@SOME
@given(header=header_text | header_text.map(lambda t: "Bearer " + t)
       | st.lists(st.text(string.ascii_letters + string.digits + "-_", max_size=60), min_size=2, max_size=5)
       .map(lambda parts: "Bearer " + ".".join(parts)))
@example(header="Bearer eyJhbGciOiJIUzI1NiJ9.\x8e.x")  # not UTF-8 on the wire: was a 500 (auth.py)
def test_any_authorization_header_is_refused_clearly(secured: RunningAssistant, header: str) -> None:
    r = post(secured, {"sender": "alice", "message": "hi"}, headers={"Authorization": header} if header else {})
    body = refused(r, 401)
    assert body["reason"] in TOKEN_REASONS and "Bearer" in r.headers.get("WWW-Authenticate", "")


claim_values = json_values | st.floats() | st.integers(min_value=-(2 ** 200), max_value=2 ** 200)
now_ish = st.integers(-7200, 7200).map(lambda d: int(time.time()) + d)


def signed(header: dict[str, Any], payload: Any) -> str:
    """A JWT signed with the server's real user-token key, built by hand: PyJWT refuses to encode odd claims."""
    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    head = b64(json.dumps({**header, "alg": "HS256"}).encode())
    body = b64(json.dumps(payload).encode())  # NaN and Infinity too, as JSON parsers accept them
    mac = hmac.new(tokens.derive_key(SECRET, "user-token").encode(), f"{head}.{body}".encode(), hashlib.sha256)
    return f"{head}.{body}.{b64(mac.digest())}"


@SOME
@given(sub=st.one_of(st.just("fuzzer"), st.text(max_size=150), claim_values),
       exp=now_ish | claim_values, iat=now_ish | claim_values,
       aud=st.one_of(st.just(tokens.CHAT_AUDIENCE), st.just([tokens.CHAT_AUDIENCE, "x"]), claim_values),
       extra=st.dictionaries(st.sampled_from(["nbf", "iss", "jti", "user"]), claim_values, max_size=2),
       header=st.dictionaries(st.sampled_from(["kid", "typ", "cty", "jku", "crit", "b64"]), json_values, max_size=2),
       as_list=st.booleans())
def test_signed_tokens_with_hostile_claims_are_refused_or_honoured_consistently(
        secured: RunningAssistant, sub: Any, exp: Any, iat: Any, aud: Any, extra: dict[str, Any],
        header: dict[str, Any], as_list: bool) -> None:
    """Correctly signed, so only the claims decide: the server agrees with tokens.verify, and never errs."""
    claims = {"sub": sub, "exp": exp, "iat": iat, "aud": aud, **extra}
    token = signed(header, [claims] if as_list else claims)
    try:
        expected: str | None = tokens.verify(SECRET, token)
    except tokens.TokenError:
        expected = None
    r = post(secured, {"sender": "someone-else", "message": "hi"}, headers={"Authorization": f"Bearer {token}"})
    if r.status_code == 429:
        refused(r, 429)
    elif expected is None:
        assert refused(r, 401)["reason"] in TOKEN_REASONS
    else:
        answered(r)


@FEW
@given(age=st.integers(min_value=6, max_value=10 ** 8), ttl=st.integers(min_value=1, max_value=3600))
def test_expired_tokens_of_any_age_are_refused_as_expired(secured: RunningAssistant, age: int, ttl: int) -> None:
    token = tokens.mint(SECRET, "fuzzer", ttl=ttl, now=time.time() - ttl - age)
    body = refused(post(secured, {"message": "hi"}, headers={"Authorization": f"Bearer {token}"}), 401)
    assert body["reason"] == "expired"


# --- and afterwards --------------------------------------------------------------------------------------

def test_the_servers_are_healthy_after_all_this(assistant: RunningAssistant, secured: RunningAssistant) -> None:
    for running in (assistant, secured):
        assert all(p.poll() is None for p in running.procs), running.logs()
        assert requests.get(f"{running.url}/webhooks/rest/", timeout=10).json() == {"status": "ok"}
        assert requests.get(f"http://127.0.0.1:{running.actions_port}/health", timeout=10).ok
    assert assistant.say(new_user(), "hi")
    assert secured.say(new_user(), "hi")
