"""Issue 12: the skills record what they resolved each entity to, and failure-point traces read that record.

Capture: the real skills on a real SQLite store (tests/unit/conftest.py), with
the cases re-deriving from the catalogs cannot see (a preference, an asked
city, "the closest I have"). Reading: traces built from raw turns with and
without a record, the JSON Lines round trip, and the rules on a closest
stand-in. The tracker-store path (a real action, Rasa's own bot event and
SQL tracker store) is tests/store/test_recorded_resolutions.py.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from preferences.resolution import METADATA_KEY, How, ResolvedEntity, from_json_list, to_metadata
from preferences.selflearning.failure_points.classes import FailurePoint as P
from preferences.selflearning.failure_points.generate import generate_turns
from preferences.selflearning.failure_points.resolve import resolve
from preferences.selflearning.failure_points.rules import rule_label
from preferences.selflearning.failure_points.sources import raw_from_mapping, raw_to_json, read_raw_jsonl, \
    write_raw_jsonl
from preferences.selflearning.failure_points.trace import Mention, RawTurn, build_session
from preferences.selflearning.turns import LoggedTurn
from preferences.service import AssistantService
from preferences.skills import registry
from preferences.store import PreferenceStore

T0 = 1_767_225_600.0
PORTLAND_OR, PORTLAND_ME = "Portland, OR, US", "Portland, ME, US"


@pytest.fixture()
def svc(store: PreferenceStore) -> AssistantService:
    return AssistantService(store, today=date(2026, 3, 1))


def only(reply) -> ResolvedEntity:
    (record,) = reply.resolutions
    return record


# --- capture -------------------------------------------------------------------------------------

def test_an_ambiguous_city_records_its_alternatives_and_what_chose_it(svc: AssistantService,
                                                                      store: PreferenceStore) -> None:
    new_user = only(svc.reply("weather", "ann", {"city": ["portland"]}))
    assert new_user.resolved == PORTLAND_OR and new_user.how is How.DEFAULT and new_user.value == "portland"
    assert PORTLAND_ME in new_user.alternatives and PORTLAND_OR not in new_user.alternatives
    store.record("bob", "location", "home_city", "Portland, Maine")
    home = only(svc.reply("weather", "bob", {"city": ["portland"]}))
    assert home.resolved == PORTLAND_ME and home.how is How.PREFERENCE and PORTLAND_OR in home.alternatives
    assert resolve("city", "portland").resolved == PORTLAND_OR  # re-deriving would have said Oregon
    svc.reply("weather", "cat", {"city": ["springfield, illinois"]})  # remembered as the Springfield she asks about
    asked = only(svc.reply("weather", "cat", {"city": ["springfield"]}))
    assert asked.how is How.ASKED and asked.resolved == "Springfield, IL, US" and len(asked.alternatives) >= 2
    filled = only(svc.reply("weather", "bob", {}))  # nothing said: the home town filled it
    assert filled == ResolvedEntity("city", None, PORTLAND_ME, (), How.PREFERENCE)
    assert only(svc.reply("weather", "ann", {"city": ["xqzzyville"]})) == ResolvedEntity.named("city", "xqzzyville",
                                                                                          None)


def test_music_records_exact_closest_unknown_and_a_preference(svc: AssistantService, store: PreferenceStore) -> None:
    assert only(svc.reply("play_music", "ann", {"genre": ["jazz"]})) == ResolvedEntity("genre", "jazz", "jazz")
    closest = svc.reply("play_music", "ann", {"genre": ["bedroom pop"]})
    assert "closest" in closest.text and only(closest) == ResolvedEntity("genre", "bedroom pop", "pop", (),
                                                                         How.CLOSEST)
    assert resolve("genre", "bedroom pop").resolved is None  # re-deriving calls it unresolved
    assert only(svc.reply("play_music", "ann", {"artist": ["maj and dragons"]})).how is How.UNKNOWN
    song = svc.reply("play_music", "ann", {"song": ["hotel california"], "artist": ["eagles"]})
    assert {(r.entity, r.how) for r in song.resolutions} == {("song", How.EXACT), ("artist", How.EXACT)}
    store.record("ann", "music", "genre", "blues")
    liked = only(svc.reply("play_music", "ann", {}))
    assert liked == ResolvedEntity("genre", None, "blues", (), How.PREFERENCE)


def test_the_other_skills_record_what_they_read(svc: AssistantService, store: PreferenceStore) -> None:
    food = svc.reply("find_restaurant", "ann", {"cuisine": ["northern thai"], "city": ["boston"]})
    assert [(r.entity, r.resolved, r.how) for r in food.resolutions] == [
        ("cuisine", "thai", How.CLOSEST), ("city", "Boston, MA, US", How.DEFAULT)]  # the biggest of the Bostons
    giants = only(svc.reply("sports_score", "ann", {"team": ["giants"]}))
    assert giants.how is How.DEFAULT and len(giants.alternatives) == 1
    store.record("bob", "sports", "team", giants.alternatives[0])
    assert only(svc.reply("sports_score", "bob", {"team": ["giants"]})).how is How.PREFERENCE
    assert only(svc.reply("news", "ann", {"news_topic": ["crypto"]})) == ResolvedEntity.named("news_topic", "crypto",
                                                                                            None)
    lamp = only(svc.reply("control_device", "ann", {"device": ["lamp"], "power": ["on"]}))
    assert lamp == ResolvedEntity("device", "lamp", "lights") and not svc.reply("weather", "ann", {}).resolutions


def test_each_skill_resolves_for_the_generator_as_its_reply_records(svc: AssistantService) -> None:
    for skill, entity, words in (("weather", "city", "portland"), ("play_music", "genre", "yacht rock"),
                                 ("find_restaurant", "cuisine", "northern thai"), ("sports_score", "team", "giants"),
                                 ("news", "news_topic", "tech"), ("control_device", "device", "lamp")):
        entities = {entity: [words], **({"city": ["boston"]} if skill == "find_restaurant" else {})}
        recorded = svc.reply(skill, "newcomer", entities).resolutions[0]
        assert registry.skill(skill).resolves(entity, words) == recorded, skill
    assert registry.skill("weather").resolves("genre", "jazz") is None  # not an entity the weather reads


def test_the_log_format_round_trips_and_bad_items_are_dropped() -> None:
    record = ResolvedEntity("city", "portland", PORTLAND_ME, (PORTLAND_OR,), How.PREFERENCE)
    assert to_metadata([]) == {} and to_metadata([record]) == {METADATA_KEY: [record.to_json()]}
    assert record.to_json() == {"entity": "city", "value": "portland", "resolved": PORTLAND_ME,
                                "alternatives": [PORTLAND_OR], "how": "preference"}
    logged = [record.to_json(), {"entity": "city", "how": "guessed"}, "junk", {"entity": 3, "how": "exact"},
              {"entity": "genre", "value": None, "resolved": "jazz", "how": "preference"}]
    assert from_json_list(logged) == (record, ResolvedEntity("genre", None, "jazz", (), How.PREFERENCE))
    assert from_json_list("not a list") == ()


# --- reading -------------------------------------------------------------------------------------

def raw(text: str, ts: float, intent: str, mentions: tuple[tuple[str, str], ...], answer: str, action: str,
        recorded: tuple[ResolvedEntity, ...] = ()) -> RawTurn:
    turn = LoggedTurn("u1", "s1", T0 + ts, text, intent=intent, confidence=0.9, entities=mentions, answer=answer)
    return RawTurn(turn, ((intent, 0.9),), tuple(Mention(e, v, 0.9) for e, v in mentions), (action,),
                   resolutions=recorded)


def test_a_trace_uses_the_record_and_says_so_and_old_logs_are_derived() -> None:
    recorded = (ResolvedEntity("city", "portland, maine", PORTLAND_ME, (), How.EXACT),
                ResolvedEntity("units", None, "metric", (), How.PREFERENCE))
    (t,) = build_session([raw("weather in portland maine", 0, "ask_weather", (("city", "portland"), ("city", "maine")),
                              "In Portland, Maine it's sunny.", "action_weather", recorded)])
    # Both city entities are the one place the skill read; the filled preference is kept apart.
    assert t.resolution_source == "recorded" and [r.resolved for r in t.resolutions] == [PORTLAND_ME] * 2
    assert all(r.recorded and r.how is How.EXACT for r in t.resolutions) and t.unnamed == (recorded[1],)
    (old,) = build_session([raw("weather in portland", 0, "ask_weather", (("city", "portland"),), "In Portland.",
                                "action_weather")])
    (res,) = old.resolutions
    assert old.resolution_source == "derived" and not res.recorded and res.resolved == PORTLAND_OR
    assert res.how is How.DEFAULT and old.unnamed == ()


def test_a_recorded_preference_changes_the_rephrase_diff() -> None:
    """"portland" was Maine for this user (recorded), so the rephrase "portland maine" changed no resolution;
    re-deriving would have said Oregon -> Maine, a resolution that changed."""
    said = ResolvedEntity("city", "portland", PORTLAND_ME, (PORTLAND_OR,), How.PREFERENCE)
    again = ResolvedEntity("city", "portland maine", PORTLAND_ME, (), How.EXACT)
    turns = [raw("weather in portland", 0, "ask_weather", (("city", "portland"),), "In Portland, Maine: rain.",
                 "action_weather", (said,)),
             raw("weather in portland maine", 6, "ask_weather", (("city", "portland maine"),), "In Portland, Maine.",
                 "action_weather", (again,))]
    assert build_session(turns)[0].rephrase.resolution_changed is False
    stripped = [RawTurn(r.turn, r.ranking, r.mentions, r.actions) for r in turns]
    assert build_session(stripped)[0].rephrase.resolution_changed is True


def test_a_closest_stand_in_counts_as_missed_for_the_rules() -> None:
    turns = [raw("play some techno", 0, "play_music", (("genre", "techno"),),
                 "I don't have any techno yet, so here's some electronic, the closest I have.", "action_play_music",
                 (ResolvedEntity("genre", "techno", "electronic", (), How.CLOSEST),)),
             raw("that's not what i asked for", 4, "dissatisfied", (), "Sorry. What did you mean?",
                 "action_handle_dissatisfaction")]
    t = build_session(turns)[0]
    (res,) = t.resolutions
    assert res.missed and res.resolved == "electronic" and t.outcome == "defect"
    assert rule_label(t) is P.ENTITY_RESOLUTION  # the value is real; the catalog had only its family


def test_json_lines_keep_the_record(tmp_path: Path) -> None:
    recorded = (ResolvedEntity("city", "portland", PORTLAND_ME, (PORTLAND_OR,), How.ASKED),)
    one = raw("weather in portland", 0, "ask_weather", (("city", "portland"),), "In Portland, Maine.",
              "action_weather", recorded)
    line = raw_to_json(one)
    assert line[METADATA_KEY] == [recorded[0].to_json()]
    assert raw_from_mapping(line, T0 + 60).resolutions == recorded
    generated = generate_turns(300, seed=4)
    assert any(r.resolutions for r in generated)  # the generator logs what the skills record
    write_raw_jsonl([one, *generated], tmp_path / "log.jsonl")
    back, skipped = read_raw_jsonl(tmp_path / "log.jsonl", now=T0 + 86_400 * 365)
    assert not skipped and back[0].resolutions == recorded
    assert [r.resolutions for r in back[1:]] == [r.resolutions for r in generated]
