"""Property tests: arbitrary unicode round-trips, and one user's operations never touch another's rows."""
from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from preferences import sanitize as san
from preferences.records import PreferenceError
from preferences.store import PreferenceStore

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Any unicode (hypothesis excludes lone surrogates by default) minus control characters.
user_ids = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
    lambda u: u.strip() and not san._CONTROL.search(u))
values = st.text(min_size=1, max_size=300)


@pytest.fixture
def free_store(db_url):
    """Store with a free-text normaliser so values are only cleaned, not mapped to a catalog."""
    with PreferenceStore(db_url, normalizer=lambda slot, v: v) as s:
        yield s


@SETTINGS
@given(user=user_ids, value=values, utterance=st.one_of(st.none(), st.text(max_size=1200)))
def test_unicode_round_trip(free_store, user, value, utterance):
    user = f"{user}|{uuid.uuid4().hex[:6]}"  # fresh user per example (the database is shared by examples)
    expected = san.clean_text(value, san.MAX_VALUE)
    if not expected:
        with pytest.raises(PreferenceError):
            free_store.record(user, "misc", "note", value)
        return
    r = free_store.record(user, "misc", "note", value, utterance=utterance)
    [p] = free_store.get(user, "note")
    assert p.user == user and p.value == expected and p == r.preference
    assert p.utterance == san.clean_utterance(utterance)
    assert len(p.value) <= 200 and (p.utterance is None or len(p.utterance) <= 1000)
    assert not san._CONTROL.search(p.value + (p.utterance or ""))
    exported = free_store.export_user(user)
    assert exported["user"] == user and exported["preferences"][0]["value"] == expected
    free_store.forget_user(user)
    assert free_store.import_data(exported)["preferences"] == 1
    assert free_store.get(user, "note")[0].value == expected
    assert free_store.forget(user, "note", value) == 1  # found again from the raw text


ops = st.lists(st.tuples(st.sampled_from(["record", "dislike", "forget_value", "forget_slot", "concept", "device"]),
                         st.sampled_from(["a", "b", "c"])), min_size=1, max_size=8)


@SETTINGS
@given(me=user_ids, other=user_ids, script=ops)
def test_operations_never_touch_another_users_rows(free_store, me, other, script):
    tag = uuid.uuid4().hex[:6]
    me, other = f"{me}|{tag}", f"{other}|{tag}x"  # distinct by construction
    free_store.record(other, "misc", "note", "a", utterance="other's")
    free_store.define_concept(other, "a", {"x": 1})
    free_store.set_device_state(other, "lights", "a", {"power": "on"})
    before = free_store.export_user(other)
    for op, v in script:
        if op == "record":
            free_store.record(me, "misc", "note", v)
        elif op == "dislike":
            free_store.record(me, "misc", "note", v, polarity="dislike")
        elif op == "forget_value":
            free_store.forget(me, "note", v)
        elif op == "forget_slot":
            free_store.forget(me, "note")
        elif op == "concept":
            free_store.define_concept(me, v, {"x": 2})
        else:
            free_store.set_device_state(me, "lights", v, {"power": "off"})
    free_store.forget_user(me)
    after = free_store.export_user(other)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before
    assert free_store.list(me) == [] and free_store.history(me) == []
    free_store.forget_user(other)


@pytest.mark.parametrize("bad", ["", "  ", "a\x00b", "tab\tid", "x" * 129, "bidi\u202eid", 42])
def test_bad_user_ids_are_rejected_not_rewritten(bad):
    with pytest.raises(PreferenceError):
        san.check_user(bad)
