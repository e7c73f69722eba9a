"""Table bookings: party sizes and times in words, and what the restaurant skill does with them."""
from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preferences.catalogs.bookings import When, parse_party_size, parse_when, say_when
from preferences.service import AssistantService
from preferences.store import PreferenceStore

WEDNESDAY = date(2026, 3, 4)


# --- party sizes -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "size"), [
    ("four", 4), ("4", 4), ("6 people", 6), ("six of us", 6), ("party of 8", 8), ("a couple of", 2),
    ("a couple", 2), ("couple", 2), ("the two of us", 2), ("just me", 1), ("a dozen", 12), ("half a dozen", 6),
    ("twenty-two", 22), ("twenty two", 22), ("me and 3 friends", 4), ("me and my wife", 2), ("Four", 4),
])
def test_party_sizes_in_words_and_digits(text: str, size: int) -> None:
    assert parse_party_size(text) == size


@pytest.mark.parametrize("text", ["a few", "some friends", "a group", "", "zero", None])
def test_vague_party_sizes_are_not_guessed(text: str | None) -> None:
    assert parse_party_size(text) is None


# --- times ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day", "clock", "day_said", "clock_said"), [
    ("7 tonight", WEDNESDAY, time(19), True, True),
    ("at 7", WEDNESDAY, time(19), False, True),  # a restaurant's bare hour is in the evening
    ("at 11", WEDNESDAY, time(11), False, True),  # ... unless it is late morning
    ("10 am", WEDNESDAY, time(10), False, True),
    ("at 10 tonight", WEDNESDAY, time(22), True, True),
    ("7:30am", WEDNESDAY, time(7, 30), False, True),
    ("19:00", WEDNESDAY, time(19), False, True),
    ("7 p.m.", WEDNESDAY, time(19), False, True),
    ("seven o'clock", WEDNESDAY, time(19), False, True),
    ("half past seven", WEDNESDAY, time(19, 30), False, True),
    ("seven thirty", WEDNESDAY, time(19, 30), False, True),
    ("quarter to eight", WEDNESDAY, time(19, 45), False, True),
    ("tomorrow", date(2026, 3, 5), time(19), True, False),  # a day alone is dinner time
    ("at noon tomorrow", date(2026, 3, 5), time(12), True, True),
    ("tomorrow night at 9", date(2026, 3, 5), time(21), True, True),
    ("lunch tomorrow", date(2026, 3, 5), time(12, 30), True, True),
    ("friday", date(2026, 3, 6), time(19), True, False),
    ("on friday at 8:30", date(2026, 3, 6), time(20, 30), True, True),
    ("wednesday", WEDNESDAY, time(19), True, False),  # today's weekday is today
    ("this weekend", date(2026, 3, 7), time(19), True, False),
    ("march 13 at 6", date(2026, 3, 13), time(18), True, True),
    ("3/14 at 7pm", date(2026, 3, 14), time(19), True, True),
    ("the 3rd of march", date(2027, 3, 3), time(19), True, False),  # already past this year
    ("tonight", WEDNESDAY, time(19), True, True),
])
def test_times_a_booking_uses(text: str, day: date, clock: time, day_said: bool, clock_said: bool) -> None:
    assert parse_when(text, WEDNESDAY) == When(day, clock, day_said, clock_said)


@pytest.mark.parametrize("text", ["whenever", "in an hour", "", "asap", None])
def test_times_it_cannot_read_are_not_guessed(text: str | None) -> None:
    assert parse_when(text, WEDNESDAY) is None


@pytest.mark.parametrize(("when", "said"), [
    (When(WEDNESDAY, time(19), True, True), "at 7 pm tonight"),
    (When(WEDNESDAY, time(12), True, True), "at noon today"),
    (When(date(2026, 3, 5), time(19, 30), True, True), "at 7:30 pm tomorrow"),
    (When(date(2026, 3, 6), time(20), True, True), "at 8 pm on Friday"),
    (When(date(2026, 3, 13), time(18), True, True), "at 6 pm on Friday, March 13"),
])
def test_times_are_said_the_way_people_say_them(when: When, said: str) -> None:
    assert say_when(when, WEDNESDAY) == said


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_parsers_never_raise(text: str) -> None:
    parse_party_size(text)
    when = parse_when(text, WEDNESDAY)
    if when is not None:
        say_when(when, WEDNESDAY)


# --- the restaurant skill books -----------------------------------------------------------------------

@pytest.fixture()
def service(store: PreferenceStore) -> AssistantService:
    return AssistantService(store, today=WEDNESDAY)


def test_a_booking_uses_stored_cuisine_and_city_and_says_what_it_did(service: AssistantService,
                                                                      store: PreferenceStore) -> None:
    store.record("ann", "food", "cuisine", "Thai food")
    store.record("ann", "location", "home_city", "Boston, Massachusetts")
    reply = service.reply("find_restaurant", "ann", {"party_size": ["four"], "time": ["7 tonight"]})
    booked = reply.facts["reservation"]
    assert booked["party_size"] == 4 and booked["day"] == "2026-03-04" and booked["time"] == "19:00"
    assert reply.facts["cuisine"] == "thai" and reply.facts["city"] == "Boston, MA, US"
    assert f"I've reserved a table for 4 at 7 pm tonight at {booked['restaurant']}, a Thai place in Boston" \
        in reply.text
    assert "thai food, since you told me you like it" in reply.text and "I assumed" not in reply.text
    assert booked["code"] in reply.text
    again = service.reply("find_restaurant", "ann", {"party_size": ["four"], "time": ["7 tonight"]})
    assert again.facts["reservation"] == booked  # the offline provider is deterministic


def test_a_booking_says_what_it_assumed(service: AssistantService) -> None:
    tonight = service.reply("find_restaurant", "bob", {"time": ["tonight"], "city": ["Denver"]})
    assert tonight.facts["reservation"]["party_size"] == 2
    assert "I assumed 2 people; tell me if you'd like it changed." in tonight.text
    friday = service.reply("find_restaurant", "bob", {"party_size": ["six"], "city": ["Denver"], "time": ["friday"]})
    assert "a table for 6 at 7 pm on Friday" in friday.text and "I assumed 7 pm;" in friday.text
    couple = service.reply("find_restaurant", "bob", {"party_size": ["a couple of"], "city": ["Denver"]})
    assert "a table for 2 at 7 pm tonight" in couple.text and "I assumed 7 pm tonight;" in couple.text
    explicit = service.reply("find_restaurant", "bob", {"party_size": ["2"], "cuisine": ["sushi"],
                                                        "city": ["Denver"], "time": ["tomorrow at 8"]})
    assert explicit.facts["cuisine"] == "japanese" and "a Japanese place in Denver" in explicit.text
    assert "at 8 pm tomorrow" in explicit.text and "I assumed" not in explicit.text


def test_a_booking_asks_rather_than_guesses(service: AssistantService) -> None:
    assert service.reply("find_restaurant", "bob", {"party_size": ["four"]}).facts == {"missing": "city"}
    assert "Where should I book a table for 4?" in service.reply("find_restaurant", "bob", {"party_size": ["4"]}).text
    assert service.reply("find_restaurant", "bob", {"party_size": ["a few"], "city": ["Denver"]}).facts == \
        {"missing": "party_size"}
    assert service.reply("find_restaurant", "bob", {"party_size": ["4"], "time": ["whenever"],
                                                    "city": ["Denver"]}).facts == {"missing": "time"}
    assert service.reply("find_restaurant", "bob", {"party_size": ["40"], "city": ["Denver"]}).facts == \
        {"too_many": 40}


def test_without_party_size_or_time_it_is_a_search(service: AssistantService) -> None:
    found = service.reply("find_restaurant", "bob", {"cuisine": ["pho"], "city": ["Denver"]})
    assert "reservation" not in found.facts and found.facts["cuisine"] == "vietnamese"
    assert found.text.startswith("A good vietnamese place for pho in Denver")
