"""Declarative teaching: statements and answers to the open question (dialogue/teaching.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation
from preferences.records import Polarity
from preferences.store import PreferenceStore

from .chat import Chat


def test_statements_are_stored_and_shape_the_next_turn(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    assert chat.do("statement", "I'm a Warriors fan", {"team": ["Warriors"]}) == \
        "Got it: you support the Golden State Warriors."
    assert "Golden State Warriors" in chat.request("sports_score", "how did my team do?")
    assert "you don't like country" in chat.do("statement", "I can't stand country music",
                                                 {"genre": ["country"]}, Polarity.DISLIKE)
    assert chat.do("statement", "I live in Portland, Maine", {"city": ["Portland", "Maine"]}) == \
        "Got it: you live in Portland, Maine."
    assert "Portland, Maine" in chat.request("weather", "what's the weather?")
    assert "What do you like?" in chat.do("statement", "I like stuff", {})


def test_skill_shaped_answers_go_to_the_open_question(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    chat.do("guided_qa", "learn my preferences", "start")
    chat.do("guided_qa", "skip", "skip")
    chat.do("guided_qa", "skip", "skip")  # now: favourite kind of food
    answer = chat.request("find_restaurant", "chinese food", {"cuisine": ["chinese"]})
    assert "you like chinese food" in answer and "Which city do you live in?" in answer
    assert store.likes("ann", "cuisine") == ["chinese"]
    other = Chat(conv, "bob")
    other.do("activate_mode", "sleep mode please", {"mode": ["sleep mode"]})
    defined = other.request("control_device", "bedroom lights off", {"room": ["bedroom"], "device": ["lights"],
                                                                    "power": ["off"]})
    assert "Got it: sleep mode means the bedroom lights off" in defined


def test_a_team_the_statement_names_in_untagged_words_is_learned(conv: Conversation, store: PreferenceStore) -> None:
    """The eleventh real set: "i support liverpool" (nothing tagged) answered "What do you like?"."""
    chat = Chat(conv)
    assert chat.do("statement", "i support liverpool", {}, intent="state_preference").startswith(
        "Got it: you support Liverpool")
    assert [p.value for p in store.get("ann", "team")] == ["Liverpool"]
    assert "Liverpool" in chat.request("sports_score", "how did my team get on")
    # without words about supporting, a team's name is not read into a statement ("the blues" is music)
    other = Chat(conv, "bob")
    assert other.do("statement", "i love the blues", {}, intent="state_preference").startswith("I can't keep")
    assert store.get("bob", "team") == []


def test_what_it_cannot_keep_is_said_and_a_plea_to_keep_is_no_forgetting(conv: Conversation,
                                                                          store: PreferenceStore) -> None:
    """The eleventh real set: "i'm allergic to peanuts, please remember that" answered "What do you like?", and
    "it's liverpool. don't forget it this time" (read as forget_preference) "What should I forget?"."""
    chat = Chat(conv)
    allergy = chat.do("statement", "i'm allergic to peanuts, please remember that", {}, intent="state_dislike")
    assert allergy.startswith("I can't keep that kind of thing yet") and store.list("ann") == []
    kept = chat.do("forget", "it's liverpool. don't forget it this time", {}, intent="forget_preference")
    assert kept.startswith("Got it: you support Liverpool"), kept
    assert [p.value for p in store.get("ann", "team")] == ["Liverpool"]
    # asked to forget, it still forgets
    assert chat.do("forget", "forget that i support liverpool", {"team": ["liverpool"]},
                   intent="forget_preference").startswith("Done: I've forgotten")
