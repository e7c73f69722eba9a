"""Teachable-moment detection on hand-picked cases (the labelled set is in benchmarks/)."""
from __future__ import annotations

import pytest

from preferences.moments import MomentDetector, Turn, conflicting, is_request, mentions


@pytest.fixture(scope="module")
def detector() -> MomentDetector:
    return MomentDetector()


def kind(detector: MomentDetector, history: list[tuple[str, float]], text: str, at: float, **kw: object) -> str:
    moment = detector.detect([Turn(t, s) for t, s in history], Turn(text, at, metadata=kw.pop("metadata", {})),
                             **kw)  # type: ignore[arg-type]
    return moment.kind if moment else "none"


def test_repeat_soon_is_a_moment_but_not_hours_later(detector: MomentDetector) -> None:
    assert kind(detector, [("how did the Yankees do", 0)], "How did the yankees do?", 20) == "repeat"
    assert kind(detector, [("how did the Yankees do", 0)], "how did the Yankees do", 3 * 3600) == "none"


def test_rephrase_same_meaning_other_words(detector: MomentDetector) -> None:
    assert kind(detector, [("play some jazz", 0)], "put on some jazz music", 15) == "rephrase"
    assert kind(detector, [("find me food", 0)], "I'm hungry, where can I eat", 15) == "rephrase"


def test_new_values_are_new_requests_not_rephrases(detector: MomentDetector) -> None:
    assert kind(detector, [("play jazz", 0)], "now play some rock", 10) == "none"
    assert kind(detector, [("set the thermostat to 68", 0)], "set it to 70", 10) == "none"
    assert kind(detector, [("what's the weather in Boston", 0)], "play some music", 10) == "none"


def test_dissatisfaction_but_not_a_polite_no(detector: MomentDetector) -> None:
    assert kind(detector, [("play some jazz", 0)], "no, that's wrong", 5) == "dissatisfaction"
    assert kind(detector, [("play some jazz", 0)], "ugh", 5) == "dissatisfaction"
    assert kind(detector, [("play some jazz", 0)], "no thanks", 5, last_bot_text="Anything else?") == "none"
    assert kind(detector, [("play some jazz", 0)], "thanks!", 5) == "none"


def test_channel_signals(detector: MomentDetector) -> None:
    moment = detector.detect([Turn("play some jazz", 0)], Turn("", 2, metadata={"barge_in": True}))
    assert moment is not None and moment.kind == "barge_in" and moment.about == Turn("play some jazz", 0)
    assert kind(detector, [("play jazz", 0)], "", 3, metadata={"feedback": "thumbs_down"}) == "dissatisfaction"
    assert kind(detector, [("play jazz", 0)], "play some blues", 3, metadata={"barge_in": False}) == "none"


def test_helpers() -> None:
    assert mentions("play some Hip-Hop music by Drake at 70") == {"genre": "hip hop", "artist": "Drake",
                                                                  "number": "70"}
    assert conflicting({"genre": "jazz"}, {"genre": "rock"}) and not conflicting({"genre": "jazz"}, {"team": "x"})
    assert not is_request(Turn("ok great, thanks", 0)) and is_request(Turn("play jazz", 0))
    assert not is_request(Turn("play jazz", 0, intent="thank"))


def test_understood_requests_of_different_skills_are_not_rewordings(detector: MomentDetector) -> None:
    history = [Turn("switch on the bedroom fan", 0, "control_device")]
    assert detector.detect(history, Turn("is the bedroom fan on?", 10, "device_status")) is None
    unclear = [Turn("bedroom fan go", 0, "nlu_fallback")]
    moment = detector.detect(unclear, Turn("turn on the bedroom fan", 10, "control_device"),
                             "Sorry, I didn't quite get that. Could you say it another way?")
    assert moment is not None and moment.kind == "rephrase"


def test_a_request_after_a_statement_it_could_not_keep_rewords_nothing(detector: MomentDetector) -> None:
    """A replay of the eleventh real set: "no explicit songs please, my kids use this" ("I can't keep that kind of
    thing yet") then "play some eminem" was taken for a rewording, and "you like Eminem" learned."""
    history = [Turn("no explicit songs please, my kids use this", 0, "state_dislike")]
    assert detector.detect(history, Turn("play some eminem", 10, "play_music"),
                           "I can't keep that kind of thing yet. I remember the music, food and teams you like") is None


def test_answering_the_assistants_question_and_titles_are_not_moments(detector: MomentDetector) -> None:
    asked = "Did you mean Portland, Oregon or Portland, Maine?"
    assert detector.detect([Turn("weather in portland", 0)], Turn("Portland Oregon", 5), asked) is None
    assert detector.detect([Turn("play some music", 0)], Turn("play Wrong by Depeche Mode", 5),
                           "Playing Blue Train by John Coltrane.") is None


def test_another_day_or_an_added_item_is_a_new_request(detector: MomentDetector) -> None:
    assert kind(detector, [("weather in Boston today", 0)], "weather in Boston tomorrow", 10) == "none"
    assert kind(detector, [("what's the weather in Boston", 0)], "and what about Boston on saturday", 10) == "none"
    assert kind(detector, [("what's the weather in Boston", 0)], "weather in Denver", 10) == "none"
    assert kind(detector, [("turn on the kitchen lights", 0)], "turn on the bedroom lights too", 10) == "none"
    assert kind(detector, [("play some jazz", 0)], "also play something by Miles Davis", 10) == "none"


def test_saying_the_same_value_more_precisely_is_a_rewording(detector: MomentDetector) -> None:
    said = "In Springfield, Missouri it's 54°F and cloudy."
    assert kind(detector, [("weather in Springfield", 0)], "what's it like outside in Springfield, Illinois", 10,
                last_bot_text=said) == "rephrase"
    assert kind(detector, [("put on the telly", 0)], "turn on the TV", 10,
                last_bot_text="Sorry, I don't know what a telly is.") == "rephrase"


def test_request_words_do_not_name_catalog_values() -> None:
    assert mentions("who won the game") == {}
    assert mentions("where can I get a good burger in Austin") == {"cuisine": "american", "city": "Austin, TX, US"}
    # a football club named after its town: said as a place it is the place, said alone it is the club
    assert "team" not in mentions("weather in barcelona") and mentions("how did arsenal do")["team"] == "Arsenal"


def test_complaints_without_a_complaint_word(detector: MomentDetector) -> None:
    history = [("turn off the fan in the bedroom", 0)]
    for text in ("the fan's still spinning", "i literally just said no country", "you said no rain",
                 "thanks for nothing", "you had one job", "why on earth would i want polka",
                 "that's the reverse of what i said", "your weather is broken", "hmm no", "close but no",
                 "you're honestly terrible at this", "why do you keep saying that"):
        assert kind(detector, history, text, 6) == "dissatisfaction", text
    # a question about the state asks; it does not complain
    assert kind(detector, [("turn on the oven", 0)], "is the oven still on?", 600) == "none"


def test_praise_then_teaching_is_no_rewording(detector: MomentDetector) -> None:
    assert not is_request(Turn("nice, remember i'm a big metallica fan", 0))
    assert not is_request(Turn("love this. remember i like bossa nova", 0))
    assert not is_request(Turn("from now on call that my reading light", 0))
    assert kind(detector, [("turn the fan to low", 0)], "that's it, thanks", 5) == "none"


def test_a_value_still_said_is_not_another_value(detector: MomentDetector) -> None:
    # "queen" is still named; a second name does not make it another request
    assert kind(detector, [("play queen", 0)], "play the band queen, freddie mercury", 8,
                last_bot_text="Playing Queen by Perfume Genius.") == "rephrase"
    # the device is the last device word: "heat ... oven" is the oven, as in the rewording
    assert mentions("heat the oven up")["device"] == "oven"
    assert kind(detector, [("heat the oven up", 0)], "preheat the oven", 8,
                last_bot_text="Turning up the thermostat.") == "rephrase"
    assert kind(detector, [("play queen", 0)], "play freddie mercury", 8) == "none"  # the first name is gone


def test_a_device_that_did_not_change_and_counted_attempts_are_complaints(detector: MomentDetector) -> None:
    for text in ("the fan didn't turn off", "the blinds didn't move", "it's just as loud as before",
                 "the thermostat still says 65", "this is the third time", "you never understand me",
                 "what do you mean you can't", "this isn't coldplay", "whoa, way too loud", "that's last week's score"):
        assert kind(detector, [("turn off the ceiling fan", 0)], text, 9, last_bot_text="OK.") == "dissatisfaction", text
    # of a team, not of the assistant
    assert kind(detector, [("did the jets win", 0)], "of course they lost, they're hopeless", 14,
                last_bot_text="The Jets lost to the Bills 31 to 10.") == "none"


def test_another_weekday_or_league_is_a_new_request_and_more_words_for_the_same_is_a_rewording(
        detector: MomentDetector) -> None:
    assert kind(detector, [("is it going to rain saturday", 0)], "what about sunday", 6) == "none"
    assert kind(detector, [("nba scores", 0)], "nhl scores", 7) == "none"
    assert kind(detector, [("play yesterday", 0)], "yesterday by the beatles", 8,
                last_bot_text="Playing Yesterday by Leona Lewis.") == "rephrase"
    assert kind(detector, [("set a timer for ten minutes", 0)], "set a timer for 10 minutes", 9,
                last_bot_text="Hmm, something went wrong.") == "repeat"
    assert not is_request(Turn("make oakland my default city", 0))
    assert not is_request(Turn("the mariners are my team", 0))
