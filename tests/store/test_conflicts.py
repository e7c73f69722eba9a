"""The conflict rules as a pure function (no database)."""
from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from preferences.conflicts import Incoming, decide, merged_fields
from preferences.records import ChangeAction, Polarity, Source
from preferences.slots import SLOTS, spec_for


@dataclass
class R:
    value_key: str
    polarity: str = "like"
    source: str = "stated"
    confidence: float = 1.0


def inc(v, pol="like", src="stated", conf=1.0):
    return Incoming(v, Polarity(pol), Source(src), conf)


def test_new_value_is_created_and_likes_coexist_in_multi_valued_slots():
    plan = decide([R("jazz")], inc("blues"), multi_valued=True)
    assert plan.action is ChangeAction.CREATED and plan.supersede == ()


def test_single_valued_like_supersedes_previous_like_but_not_dislikes():
    boston, dis = R("boston"), R("paris", polarity="dislike")
    plan = decide([boston, dis], inc("portland"), multi_valued=False)
    assert plan.action is ChangeAction.CREATED
    assert plan.supersede == (boston,)


def test_dislike_flips_like_of_same_value_and_back():
    row = R("jazz")
    assert decide([row], inc("jazz", "dislike"), True).action is ChangeAction.FLIPPED
    assert decide([R("jazz", "dislike")], inc("jazz"), True).action is ChangeAction.FLIPPED


def test_inferred_never_overrides_explicit():
    assert decide([R("jazz")], inc("jazz", "dislike", "inferred"), True).action is ChangeAction.IGNORED
    assert decide([R("boston")], inc("paris", src="inferred"), False).action is ChangeAction.IGNORED
    # ...but may override an older inferred one
    assert decide([R("boston", source="inferred")], inc("paris", src="inferred"), False).supersede


def test_explicit_overrides_inferred():
    plan = decide([R("jazz", source="inferred")], inc("jazz", "dislike", "guided_qa"), True)
    assert plan.action is ChangeAction.FLIPPED


def test_reaffirmation_fields():
    assert merged_fields(R("jazz", source="inferred", confidence=0.3), inc("jazz", src="stated", conf=0.9)) == (
        "stated", 0.9)
    assert merged_fields(R("jazz", source="stated", confidence=0.8), inc("jazz", src="inferred", conf=0.2)) == (
        "stated", 0.8)
    assert merged_fields(R("jazz", source="inferred", confidence=0.3), inc("jazz", src="inferred", conf=0.6)) == (
        "inferred", 0.6)


def test_slot_table_single_valued_slots():
    assert {s for s, spec in SLOTS.items() if not spec.multi_valued} == {"home_city", "units"}
    assert spec_for("favourite_scene", "devices").multi_valued and not spec_for("x", "y").catalogued


rows = st.lists(st.builds(R, st.sampled_from("abcd"), st.sampled_from(["like", "dislike"]),
                          st.sampled_from([s.value for s in Source])), unique_by=lambda r: r.value_key)


@given(rows, st.sampled_from("abcde"), st.sampled_from(list(Polarity)), st.sampled_from(list(Source)),
       st.booleans())
def test_rules_hold_for_any_state(existing, value, pol, src, multi):
    plan = decide(existing, Incoming(value, pol, src, 0.5), multi)
    same = [r for r in existing if r.value_key == value]
    assert plan.target is (same[0] if same else None)
    if multi or pol is Polarity.DISLIKE:
        assert plan.supersede == ()
    if plan.action is ChangeAction.IGNORED:
        assert not src.explicit
    if src.explicit:
        assert plan.action is not ChangeAction.IGNORED
        if not multi and pol is Polarity.LIKE:  # afterwards exactly one like remains: the new one
            assert {r.value_key for r in plan.supersede} == {
                r.value_key for r in existing if r.polarity == "like" and r.value_key != value}
