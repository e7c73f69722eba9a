"""The learning layer through the real servers: what is taught shapes the very next turn."""
from __future__ import annotations

import uuid

import pytest

from preferences.store import PreferenceStore
from rasa_components.served import RunningAssistant

pytestmark = pytest.mark.e2e


def new_user() -> str:
    return f"learner-{uuid.uuid4().hex[:8]}"


def said(assistant: RunningAssistant, user: str, text: str, **metadata: object) -> str:
    texts = assistant.say(user, text, metadata or None)
    assert texts, f"no reply to {text!r}"
    return " ".join(texts)


def test_a_statement_shapes_the_next_turn_survives_restart_and_does_not_leak(
        assistant: RunningAssistant) -> None:
    ann, bob = new_user(), new_user()
    assert "you like jazz" in said(assistant, ann, "I really like jazz")
    assert "Playing jazz, since you told me you like it" in said(assistant, ann, "play some music")
    assistant.say(ann, "/restart")  # slots and tracker reset; preferences live in SQL
    assert "Playing jazz" in said(assistant, ann, "play some music")
    assert "since you told me" not in said(assistant, bob, "play some music")


def test_home_city_and_units(assistant: RunningAssistant) -> None:
    user = new_user()
    said(assistant, user, "I live in Portland, Maine")
    said(assistant, user, "give me temperatures in celsius")
    reply = said(assistant, user, "what's the weather like?")
    assert "Portland, Maine" in reply and "°C" in reply


def test_repeat_becomes_a_teachable_moment_and_the_answer_is_stored(assistant: RunningAssistant,
                                                                     db_url: str) -> None:
    user = new_user()
    said(assistant, user, "play some music")
    offer = said(assistant, user, "play some music")
    assert "What did you mean?" in offer
    answer = said(assistant, user, "blues")
    assert "Got it: you like blues" in answer and "blues" in answer
    with PreferenceStore(db_url) as store:
        prefs = store.get(user, "genre")
    assert prefs and prefs[0].value == "blues" and prefs[0].source.value == "teachable_moment"


def test_barge_in_signal_offers_to_learn(assistant: RunningAssistant) -> None:
    user = new_user()
    said(assistant, user, "what's the weather in Springfield")
    assert "What did you mean?" in said(assistant, user, "stop", barge_in=True)


def test_privacy_in_chat(assistant: RunningAssistant) -> None:
    user = new_user()
    said(assistant, user, "I love thai food")
    assert "you like thai food" in said(assistant, user, "what do you know about me?")
    assert "Are you sure?" in said(assistant, user, "forget everything about me")
    assert "forgotten everything" in said(assistant, user, "yes")
    assert "don't know anything about you" in said(assistant, user, "what do you know about me?")


def test_personal_concept_is_taught_once_then_just_works(assistant: RunningAssistant) -> None:
    user = new_user()
    ask = said(assistant, user, "set the living room to study mode")
    assert "I don't know what study mode is yet" in ask
    taught = said(assistant, user, "the lights at 40 percent warm white")
    assert "study mode means" in taught
    assert "Study mode is on" in said(assistant, user, "turn on study mode")


def test_preferences_survive_a_server_restart(assistant: RunningAssistant) -> None:
    user = new_user()
    said(assistant, user, "I'm a Celtics fan")
    assistant.stop()
    assistant.start()
    assert "Boston Celtics" in said(assistant, user, "how did my team do?")
