"""The learning conversation, turn by turn, on a real SQLite store and the real embedding model."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from preferences.dialogue import HANDLERS, Conversation, State, TurnContext
from preferences.skills import registry
from preferences.moments import MomentDetector, Turn
from preferences.records import Polarity, Source
from preferences.service import AssistantService
from preferences.store import PreferenceStore


@pytest.fixture(scope="module")
def detector() -> MomentDetector:
    return MomentDetector()


@pytest.fixture()
def conv(store: PreferenceStore, detector: MomentDetector) -> Conversation:
    return Conversation(AssistantService(store, today=date(2026, 3, 1)), detector)


class Chat:
    """Plays one user's side: keeps the state and the turn history like the Rasa adapter does."""

    def __init__(self, conv: Conversation, user: str = "ann") -> None:
        self.conv, self.user, self.state = conv, user, State()
        self.history: list[Turn] = []
        self.last_bot: str | None = None
        self.clock = 0.0

    def request(self, skill: str, text: str, entities: dict[str, Any] | None = None, **kw: Any) -> str:
        self.clock += 10
        ctx = self._context(text, registry.skill(skill).intent, entities, **kw)
        reply = self.conv.handle(registry.skill(skill).action, ctx)
        return self._after(text, registry.skill(skill).intent, reply)

    def do(self, method: str, text: str, *args: Any, intent: str = "other") -> str:
        """Runs the conversation's own action for Conversation.<method> on one user message.

        args: the entities (a dict), or a guided-Q&A command, or a polarity for `statement`.
        """
        self.clock += 10
        entities = next((a for a in args if isinstance(a, dict)), None)
        if method == "guided_qa":
            intent = {"start": "learn_preferences", "skip": "skip", "back": "go_back", "stop": "stop"}[args[0]]
        if method == "statement" and Polarity.DISLIKE in args:
            intent = "state_dislike"
        action = next(name for name, fn in HANDLERS.items() if fn.__name__ == method)
        reply = self.conv.handle(action, self._context(text, intent, entities))
        return self._after(text, intent, reply)

    def _context(self, text: str, intent: str, entities: dict[str, Any] | None, confidence: float = 1.0,
                 metadata: dict[str, Any] | None = None, rewrite: dict[str, Any] | None = None) -> TurnContext:
        return TurnContext(self.user, text, intent, confidence, entities or {}, metadata or {}, self.clock,
                           list(self.history), self.last_bot, self.state, rewrite)

    def _after(self, text: str, intent: str, reply: Any) -> str:
        self.state = State.from_json(reply.state.to_json())  # round-trips through the Rasa slot
        self.history.append(Turn(text, self.clock, intent))
        self.last_bot = " ".join(reply.texts)
        return self.last_bot


def test_repeat_offers_to_learn_then_the_answer_is_stored_and_used(conv: Conversation,
                                                                   store: PreferenceStore) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some music")
    offer = chat.request("play_music", "play some music")
    assert offer.startswith("Sorry, I keep getting this wrong. What did you mean?")
    answer = chat.do("inform", "jazz", {"genre": ["jazz"]}, intent="inform")
    assert answer.startswith("Got it: you like jazz.") and "Playing some jazz" in answer
    pref = store.get("ann", "genre")[0]
    assert (pref.value, pref.source) == ("jazz", Source.TEACHABLE_MOMENT)
    later = chat.request("play_music", "put on a song")
    assert later.startswith("Playing jazz, since you")


def test_declining_is_respected_for_the_session(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some music")
    assert "What did you mean?" in chat.request("play_music", "play some music")
    assert "won't ask about that again" in chat.do("never_mind", "never mind")
    assert "What did you mean?" not in chat.request("play_music", "play some music")


def test_legitimate_repeat_an_hour_later_is_not_a_moment(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("sports_score", "how did the Celtics do", {"team": ["Celtics"]})
    chat.clock += 3600
    assert "Boston Celtics" in chat.request("sports_score", "how did the Celtics do", {"team": ["Celtics"]})


def test_dissatisfaction_and_barge_in_ask_about_the_last_request(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in Springfield", {"city": ["Springfield"]})
    offer = chat.do("dissatisfied", "no, that's wrong")
    assert "Which city did you mean?" in offer
    fixed = chat.do("inform", "Springfield, Illinois", {"city": ["Springfield, Illinois"]}, intent="inform")
    assert "Springfield, Illinois" in fixed
    # Next time, the bare name means their Springfield.
    assert "Springfield, Illinois" in chat.request("weather", "weather in Springfield", {"city": ["Springfield"]})
    chat2 = Chat(conv, "bob")
    chat2.request("play_music", "play some music")
    interrupted = chat2.request("play_music", "stop", metadata={"barge_in": True})
    assert interrupted.startswith("Sorry, I'll stop. What did you mean?")
    corrected = chat2.request("play_music", "no, play rock", {"genre": ["rock"]}, metadata={"barge_in": True})
    assert "Playing some rock" in corrected
    assert store.get("bob", "genre")[0].source is Source.TEACHABLE_MOMENT


def test_low_confidence_check_and_no_makes_a_teachable_moment(conv: Conversation) -> None:
    chat = Chat(conv)
    assert chat.request("news", "whats happening", confidence=0.45).endswith("Did I get that right?")
    assert "Which news topic did you want?" in chat.do("deny", "no", intent="deny")
    other = Chat(conv, "bob")
    other.request("news", "news please", confidence=0.45)
    assert "Great" in other.do("affirm", "yes")


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


def test_guided_qa_answer_skip_back_stop_and_summary(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    start = chat.do("guided_qa", "learn my preferences", "start")
    assert "What kind of music do you like?" in start
    assert "Which sports team" in chat.do("inform", "jazz", {"genre": ["jazz"]})
    assert "favourite kind of food" in chat.do("guided_qa", "skip", "skip")
    back = chat.do("guided_qa", "go back", "back")
    assert "Which sports team" in back
    assert "favourite kind of food" in chat.do("statement", "the Celtics", {"team": ["Celtics"]})
    stopped = chat.do("guided_qa", "stop", "stop")
    assert "OK, stopping here" in stopped and "you like jazz" in stopped and "Celtics" in stopped
    assert {p.slot for p in store.list("ann")} == {"genre", "team"}
    assert all(p.source is Source.GUIDED_QA for p in store.list("ann"))


def test_guided_qa_is_offered_after_several_moments(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some music")
    chat.request("play_music", "play some music")
    first = chat.do("inform", "jazz", {"genre": ["jazz"]})
    assert "learn my preferences" not in first
    chat.request("news", "what's going on")
    assert "What did you mean?" in chat.request("news", "what is going on")
    second = chat.do("inform", "science", {"news_topic": ["science"]})
    assert "science" in second and "learn my preferences" in second


def test_privacy_list_forget_one_and_forget_all(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    assert "don't know anything about you" in chat.do("what_do_you_know", "what do you know about me")
    chat.do("statement", "I like jazz", {"genre": ["jazz"]})
    chat.do("statement", "I like blues", {"genre": ["blues"]})
    known = chat.do("what_do_you_know", "what do you know about me")
    assert "you like jazz" in known and "you like blues" in known
    assert "forgotten that you like jazz" in chat.do("forget", "forget that I like jazz", {"genre": ["jazz"]})
    assert store.likes("ann", "genre") == ["blues"]
    assert "nothing to forget" in chat.do("forget", "forget that I like metal", {"genre": ["metal"]})
    assert "Are you sure?" in chat.do("forget_everything", "forget everything about me")
    assert "forgotten everything" in chat.do("affirm", "yes")
    assert store.list("ann") == []


def test_why_explains_from_history(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.do("statement", "I love jazz", {"genre": ["jazz"]})
    chat.request("play_music", "play something")
    why = chat.do("explain", "why did you pick that?", {})
    assert why.startswith("Because you told me on") and "\"I love jazz\"" in why
    assert "never told me" in chat.do("explain", "why do you think I like metal?", {"genre": ["metal"]})


def test_personal_concepts_are_taught_then_just_work(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    ask = chat.do("activate_mode", "set the living room to study mode", {"mode": ["study mode"],
                                                                          "room": ["living room"]})
    assert ask.startswith("I don't know what study mode is yet. Can you teach me?")
    taught = chat.do("inform", "the lights at 40 percent warm white", {"level": ["40"], "color": ["warm white"]})
    assert "Got it: study mode means the living room lights at 40% warm white" in taught
    assert store.get_concept("ann", "study mode").definition["level"] == 40
    again = Chat(conv).do("activate_mode", "turn on study mode", {"mode": ["Study Mode"]})
    assert "Study mode is on" in again and "brightness 40%" in again
    assert "don't know what study mode is" in Chat(conv, "bob").do("activate_mode", "study mode",
                                                                   {"mode": ["study mode"]})


def test_learning_switched_off_is_the_plain_assistant(store: PreferenceStore) -> None:
    plain = Conversation(AssistantService(store, personalize=False), learning=False)
    store.record("ann", "music", "genre", "jazz")
    chat = Chat(plain)
    chat.request("play_music", "play some music")
    reply = chat.request("play_music", "play some music")
    assert "What did you mean" not in reply and "since you told me" not in reply


def test_a_tampered_state_slot_is_a_fresh_state() -> None:
    assert State.from_json("not json") == State()
    assert State.from_json('{"declined": "x"}') == State()
    assert State.from_json(None) == State()


def test_device_context_changes_what_a_request_means(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    assert "the film The Hunger Games" in chat.request("play_music", "play hunger games", metadata={"screen": True})
    assert "audiobook of The Hunger Games" in Chat(conv, "dee").request("play_music", "play the hunger games")
    assert "Weather" not in chat.request("weather", "what's the temperature?", {"city": ["Boston"]})
    assert "Which city" in Chat(conv, "bob").request("weather", "what's the temperature?")
    store.set_device_state("ann", "oven", "kitchen", {"power": "on", "level": 375})
    chat.clock += 3600  # not a repeat of the question above
    assert "oven is on, temperature 375°" in chat.request("weather", "what's the temperature?")
    assert "oven reports that it is on" in Chat(conv, "cy").request("weather", "what's the temperature?",
                                                                     metadata={"oven": "on"})


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


def test_a_retry_after_the_store_was_unavailable_is_not_a_moment(conv: Conversation) -> None:
    from preferences.dialogue import UNAVAILABLE

    chat = Chat(conv)
    chat.history.append(Turn("play some music", 5.0, "play_music", reply=UNAVAILABLE, outage=True))
    chat.history.append(Turn("hello", 6.0, "greet", reply="Hi!"))
    assert "What did you mean" not in chat.request("play_music", "play some music")


def test_a_rewrite_is_never_hidden_and_why_explains_it(conv: Conversation) -> None:
    chat = Chat(conv)
    rewrite = {"id": 7, "raw": "play the artic monks", "target": "play arctic monkeys"}
    reply = chat.request("play_music", "play arctic monkeys", {"artist": ["arctic monkeys"]}, rewrite=rewrite)
    assert "Arctic Monkeys" in reply and 'I took "play the artic monks" as "play arctic monkeys"' in reply
    why = chat.do("explain", "why did you do that?", {})
    assert why.startswith('I read "play the artic monks" as "play arctic monkeys"') and "rewrite #7" in why
    assert "I took" not in chat.request("weather", "weather in Boston", {"city": ["Boston"]})
