"""The store API on SQLite and PostgreSQL: rules, history, privacy, concepts, devices, export/import."""
from __future__ import annotations

import json
from datetime import timezone

import pytest
from sqlalchemy import inspect

from preferences.db import make_engine
from preferences.records import ChangeAction, Polarity, PreferenceError, Source, StoreUnavailable
from preferences.store import UNRECOGNIZED_CONFIDENCE, PreferenceStore

from .conftest import fake_normalizer


def test_record_and_read_back_with_all_fields(store):
    r = store.record("ann", "music", "genre", "Jazz", utterance="I really like jazz", confidence=0.9)
    assert r.action is ChangeAction.CREATED and r.changed
    [p] = store.get("ann", "genre")
    assert (p.user, p.domain, p.slot, p.value, p.polarity, p.source) == (
        "ann", "music", "genre", "jazz", Polarity.LIKE, Source.STATED)
    assert p.confidence == pytest.approx(0.9) and p.evidence == 1 and p.recognized
    assert p.utterance == "I really like jazz"
    assert p.created_at.tzinfo is timezone.utc and p.created_at == p.updated_at
    assert p == r.preference


def test_real_catalog_makes_italian_food_and_italian_one_cuisine(store):
    first = store.record("ann", "food", "cuisine", "italian food")
    second = store.record("ann", "food", "cuisine", "Italian")
    assert first.preference.value == "italian"
    assert second.action is ChangeAction.REAFFIRMED
    [p] = store.get("ann", "cuisine")
    assert p.value == "italian" and p.evidence == 2
    assert store.forget("ann", "cuisine", "Italian food") == 1 and store.get("ann", "cuisine") == []


def test_real_catalog_city_and_team(store):
    assert store.record("ann", "location", "home_city", "Portland, Maine").preference.value == "Portland, ME, US"
    assert store.record("ann", "sports", "team", "warriors").preference.value == "Golden State Warriors"


def test_unknown_catalog_value_is_kept_as_text_with_low_confidence(store):
    p = store.record("ann", "music", "genre", "  Zorblax   Wave ").preference
    assert (p.value, p.recognized, p.confidence) == ("Zorblax Wave", False, UNRECOGNIZED_CONFIDENCE)
    assert store.stats()["unrecognized_values"] == 1


def test_injected_normalizer_is_used(db_url):
    with PreferenceStore(db_url, normalizer=fake_normalizer) as s:
        assert s.record("u", "food", "cuisine", "THAI food").preference.value == "thai"
        assert s.record("u", "misc", "nickname", "  Ace ").preference.value == "Ace"


def test_several_likes_coexist_and_order_is_newest_first(store):
    store.record("ann", "music", "genre", "jazz")
    store.record("ann", "music", "genre", "blues")
    assert store.likes("ann", "genre") == ["blues", "jazz"]


def test_dislike_removes_like_of_same_value_and_history_shows_both(store):
    store.record("ann", "music", "genre", "jazz", utterance="I like jazz")
    store.record("ann", "music", "genre", "blues")
    r = store.record("ann", "music", "genre", "jazz", polarity="dislike", utterance="I can't stand jazz anymore")
    assert r.action is ChangeAction.FLIPPED
    prefs = {p.value: p.polarity for p in store.get("ann", "genre")}
    assert prefs == {"jazz": Polarity.DISLIKE, "blues": Polarity.LIKE}
    hist = store.why("ann", "genre", "jazz")
    assert [(h.action, h.polarity, h.utterance) for h in hist] == [
        (ChangeAction.CREATED, Polarity.LIKE, "I like jazz"),
        (ChangeAction.FLIPPED, Polarity.DISLIKE, "I can't stand jazz anymore")]
    assert hist[0].at <= hist[1].at


def test_single_valued_slot_keeps_one_like_newer_wins(store):
    store.record("ann", "weather", "units", "metric")
    r = store.record("ann", "weather", "units", "imperial", source="guided_qa")
    assert r.action is ChangeAction.CREATED and [p.value for p in r.replaced] == ["metric"]
    assert [(p.value, p.source) for p in store.get("ann", "units")] == [("imperial", Source.GUIDED_QA)]
    actions = [(h.action, h.value) for h in store.why("ann", "units")]
    assert actions == [(ChangeAction.CREATED, "metric"), (ChangeAction.SUPERSEDED, "metric"),
                       (ChangeAction.CREATED, "imperial")]


def test_inferred_never_overrides_stated(store):
    store.record("ann", "weather", "units", "metric")
    r = store.record("ann", "weather", "units", "imperial", source="inferred", confidence=0.6)
    assert r.action is ChangeAction.IGNORED and not r.changed and "never" in r.reason
    store.record("ann", "music", "genre", "jazz")
    assert store.record("ann", "music", "genre", "jazz", "dislike", "inferred").action is ChangeAction.IGNORED
    assert [(p.value, p.polarity) for p in store.list("ann")] == [("jazz", Polarity.LIKE), ("metric", Polarity.LIKE)]
    assert len(store.history("ann")) == 2  # ignored evidence is not a change


def test_inferred_agreeing_with_stated_adds_evidence_only(store):
    store.record("ann", "music", "genre", "jazz", confidence=0.8, utterance="I like jazz")
    r = store.record("ann", "music", "genre", "jazz", source="inferred", confidence=0.3, utterance="play jazz")
    p = r.preference
    assert (r.action, p.source, p.confidence, p.evidence, p.utterance) == (
        ChangeAction.REAFFIRMED, Source.STATED, 0.8, 2, "I like jazz")


def test_newer_explicit_statement_beats_older(store):
    store.record("ann", "music", "genre", "jazz", source="inferred", confidence=0.4)
    p = store.record("ann", "music", "genre", "jazz", source="teachable_moment", confidence=0.95,
                     utterance="I meant jazz").preference
    assert (p.source, p.confidence, p.utterance, p.evidence) == (Source.TEACHABLE_MOMENT, 0.95, "I meant jazz", 2)


def test_why_answers_when_and_from_what(store):
    store.record("ann", "music", "genre", "jazz", source="guided_qa", utterance="jazz, mostly")
    [h] = store.why("ann", "genre", "Jazz")
    assert (h.action, h.source, h.utterance, h.value) == (ChangeAction.CREATED, Source.GUIDED_QA, "jazz, mostly", "jazz")
    assert store.why("ann", "genre", "blues") == [] and store.why("bob", "genre") == []


def test_forget_one_value_one_slot_everything(store):
    for g in ("jazz", "blues", "rock"):
        store.record("ann", "music", "genre", g, utterance=f"I like {g}")
    store.record("ann", "food", "cuisine", "thai")
    assert store.forget("ann", "genre", "jazz") == 1
    hist = store.why("ann", "genre")
    assert "jazz" not in {h.value for h in hist} and "I like jazz" not in {h.utterance for h in hist}
    assert [h.action for h in hist if h.value is None] == [ChangeAction.FORGOTTEN]
    assert store.forget("ann", "genre", "jazz") == 0
    assert store.forget("ann", "genre") == 2
    assert [p.slot for p in store.list("ann")] == ["cuisine"]
    assert store.forget("ann") == 1 and store.list("ann") == []
    with pytest.raises(PreferenceError):
        store.forget("ann", None, "jazz")


def test_forget_user_is_a_hard_delete_of_every_table(store, db_url):
    store.record("ann", "music", "genre", "jazz")
    store.define_concept("ann", "study mode", {"level": 40})
    store.set_device_state("ann", "lights", "kitchen", {"power": "on"})
    store.record("bob", "music", "genre", "rock")
    assert store.forget_user("ann") == 5  # 1 preference + 1 concept + 1 device + 2 history entries
    assert store.export_user("ann")["history"] == [] and store.list_concepts("ann") == []
    assert store.stats()["users"] == 1 and store.list("bob")
    assert store.forget_user("ann") == 0 and store.stats()["users"] == 1  # forgetting creates nobody


def test_personal_concepts(store):
    c = store.define_concept("ann", "  Study   MODE ", {"device": "lights", "room": "living room", "level": 40,
                                                       "color": "warm white"}, utterance="study mode is 40% warm")
    assert c.name == "study mode"
    assert store.get_concept("ann", "STUDY MODE").definition["level"] == 40
    assert store.get_concept("bob", "study mode") is None  # scoped to the user
    store.define_concept("ann", "study mode", {"level": 30})
    assert store.get_concept("ann", "study mode").definition == {"level": 30}
    actions = [h.action for h in store.history("ann") if h.kind == "concept"]
    assert actions == [ChangeAction.DEFINED, ChangeAction.REDEFINED]
    assert [x.name for x in store.list_concepts("ann")] == ["study mode"]
    assert store.forget_concept("ann", "study mode") and not store.forget_concept("ann", "study mode")
    assert [h.action for h in store.history("ann")] == [ChangeAction.FORGOTTEN]
    with pytest.raises(PreferenceError):
        store.define_concept("ann", "x", {"f": object()})
    with pytest.raises(PreferenceError):
        store.define_concept("ann", "x", {"f": float("nan")})


def test_device_state_merge_replace_list(store):
    store.set_device_state("ann", "Lights", "Living Room", {"power": "on"})
    d = store.set_device_state("ann", "lights", "living room", {"level": 40})
    assert d.state == {"power": "on", "level": 40}
    assert store.set_device_state("ann", "lights", "living room", {"power": "off"}, merge=False).state == {
        "power": "off"}
    store.set_device_state("ann", "thermostat", "hall", {"target": 20.5})
    assert [(x.device, x.room) for x in store.list_device_states("ann")] == [("thermostat", "hall"),
                                                                              ("lights", "living room")]
    assert store.get_device_state("ann", "LIGHTS", "living room").state == {"power": "off"}
    assert store.get_device_state("bob", "lights", "living room") is None


def test_export_is_json_and_import_restores_it_idempotently(store):
    store.record("ann", "music", "genre", "jazz", utterance="I like jazz")
    store.record("ann", "weather", "units", "metric", source="guided_qa")
    store.record("ann", "weather", "units", "imperial")
    store.define_concept("ann", "study mode", {"level": 40})
    store.set_device_state("ann", "lights", "kitchen", {"power": "on"})
    exported = json.loads(json.dumps(store.export_user("ann")))
    assert [p["value"] for p in exported["preferences"]] == ["jazz", "imperial"]
    assert len(exported["history"]) == 5
    store.forget_user("ann")
    counts = store.import_data(exported)
    assert counts == {"users": 1, "preferences": 2, "concepts": 1, "device_states": 1, "history": 5}
    store.import_data(exported)
    again = store.export_user("ann")
    for key in ("preferences", "concepts", "device_states", "history"):
        assert again[key] == exported[key]
    assert store.why("ann", "genre", "jazz")[0].utterance == "I like jazz"


def test_import_many_users_is_all_or_nothing(store):
    store.record("ann", "music", "genre", "jazz")
    good = store.export_user("ann")
    bad = dict(good, user="bob", preferences=[dict(good["preferences"][0], polarity="love")])
    with pytest.raises(PreferenceError, match="polarity"):
        store.import_data({"users": [dict(good, user="carl"), bad]})
    assert store.list("carl") == [] and store.list("bob") == []
    assert store.import_data({"users": [dict(good, user="carl")]})["preferences"] == 1
    assert store.likes("carl", "genre") == ["jazz"]


@pytest.mark.parametrize("mutate, message", [
    (lambda e: e.update(format="other"), "export"),
    (lambda e: e.update(user="bad\x00id"), "control"),
    (lambda e: e["preferences"].append(dict(e["preferences"][0])), "twice"),
    (lambda e: e["preferences"].append(dict(e["preferences"][0], value="Paris, FR", slot="home_city",
                                            domain="location")), "more than one like"),
    (lambda e: e["preferences"][0].update(confidence=7), "confidence"),
    (lambda e: e["preferences"][0].update(created_at="yesterday"), "timestamp"),
    (lambda e: e.update(preferences="x"), "list"),
])
def test_import_rejects_malformed_files(store, mutate, message):
    store.record("ann", "location", "home_city", "Boston")
    e = json.loads(json.dumps(store.export_user("ann")))
    mutate(e)
    with pytest.raises(PreferenceError, match=message):
        store.import_data(e)


def test_stats_counts(store):
    store.record("ann", "music", "genre", "jazz")
    store.record("ann", "food", "cuisine", "thai", source="inferred", confidence=0.3)
    store.record("bob", "music", "genre", "jazz", "dislike")
    s = store.stats()
    assert (s["users"], s["preferences"], s["history_entries"]) == (2, 3, 3)
    assert s["by_domain"] == {"food": 1, "music": 2}
    assert s["by_source"] == {"inferred": 1, "stated": 2} and s["by_polarity"] == {"dislike": 1, "like": 2}


@pytest.mark.parametrize("args, message", [
    (("", "music", "genre", "jazz"), "empty"),
    (("a" * 129, "music", "genre", "jazz"), "longer"),
    (("ann", "food", "genre", "jazz"), "belongs to domain"),
    (("ann", "Music; DROP", "genre", "jazz"), "identifier"),
    (("ann", "music", "genre", "\x00\x01  "), "empty"),
    (("ann", "misc", "nickname", "   "), "empty"),
])
def test_bad_input_is_rejected_clearly(store, args, message):
    with pytest.raises(PreferenceError, match=message):
        store.record(*args)


@pytest.mark.parametrize("kwargs, message", [
    ({"polarity": "love"}, "polarity"), ({"source": "rumour"}, "source"),
    ({"confidence": 1.5}, "confidence"), ({"confidence": float("nan")}, "confidence")])
def test_bad_options_are_rejected(store, kwargs, message):
    with pytest.raises(PreferenceError, match=message):
        store.record("ann", "music", "genre", "jazz", **kwargs)
    assert store.list("ann") == []


def test_hostile_text_is_stored_as_data(store):
    evil = "'); DROP TABLE preferences; --"
    p = store.record("ann'; --", "misc", "nickname", evil + "\x1b[31m\x00", utterance="x" * 5000).preference
    assert p.value == evil + " [31m"  # escape and NUL became spaces, then whitespace collapsed
    assert "\x1b" not in p.value and "\x00" not in p.value
    assert len(p.utterance) == 1000
    assert [q.user for q in store.list("ann'; --")] == ["ann'; --"]
    assert "preferences" in inspect(store.engine).get_table_names()
    long = store.record("ann", "misc", "nickname", "y" * 500).preference
    assert len(long.value) == 200


def test_unmigrated_database_gives_clear_error(tmp_path):
    with PreferenceStore(f"sqlite:///{tmp_path / 'empty.db'}") as s:
        with pytest.raises(StoreUnavailable, match="not migrated"):
            s.list("ann")
        with pytest.raises(StoreUnavailable, match="not migrated"):
            s.record("ann", "music", "genre", "jazz")


def test_unreachable_postgres_gives_clear_error():
    with PreferenceStore("postgresql+psycopg2://postgres@127.0.0.1:1/nothing") as s:
        with pytest.raises(StoreUnavailable, match="cannot use database"):
            s.list("ann")


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert c.exec_driver_sql("PRAGMA cache_size").scalar() == -16384
    engine.dispose()
