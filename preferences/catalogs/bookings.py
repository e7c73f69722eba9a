"""How people say how many and when: party sizes and times for a table reservation.

NLU hands the restaurant skill the words of a ``party_size`` entity ("four",
"a couple of", "6 people") and of a ``time`` entity ("7 tonight",
"tomorrow", "friday at 8:30", "half past seven"). No date library in the
environment reads these: dateparser is not installed, and dateutil's parser
knows neither "tonight" nor number words and reads "for 4" as the 4th of the
month. So this is a small parser for the words a booking uses, and it says
None rather than guess when it does not understand.

Rules a reservation needs and a calendar parser would not know: a bare hour
is a restaurant's hour ("at 7" is 7 pm, "at 11" is 11 am); "tonight",
"dinner" and "evening" make an hour pm; a day without a time is dinner at
7 pm; a weekday is the next one (today if it is today).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from preferences.catalogs.text import fold

NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
# Phrases that mean a number of people without saying one (checked before numbers).
PARTY_PHRASES: tuple[tuple[str, int], ...] = (
    ("half a dozen", 6), ("a dozen", 12), ("dozen", 12), ("a couple", 2), ("couple", 2), ("a pair", 2),
    ("pair", 2), ("just me", 1), ("only me", 1), ("myself", 1), ("solo", 1), ("just us two", 2),
    ("the two of us", 2), ("both of us", 2),
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                  "sat": 5, "sun": 6}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
# Part-of-day words: (whether an hour said with them is pm, the time meant when no hour is said).
PARTS_OF_DAY: dict[str, tuple[bool | None, time]] = {
    "tonight": (True, time(19)), "evening": (True, time(19)), "night": (True, time(19)),
    "dinner": (True, time(19)), "dinnertime": (True, time(19)), "supper": (True, time(19)),
    "afternoon": (True, time(14)), "lunch": (None, time(12, 30)), "lunchtime": (None, time(12, 30)),
    "brunch": (False, time(11)), "morning": (False, time(9)), "breakfast": (False, time(9)),
    "noon": (None, time(12)), "midday": (None, time(12)),
}
DINNER = time(19)

MAX_PARTY = 20


@dataclass(frozen=True)
class When:
    """A reservation time, and which parts of it the user said (the rest was assumed)."""

    day: date
    clock: time
    day_said: bool
    clock_said: bool


# --- numbers ---------------------------------------------------------------------------------------

def number_in(words: list[str]) -> int | None:
    """The first number written as digits or words ("4", "four", "twenty two", "twenty-two")."""
    for i, word in enumerate(words):
        if word.isdecimal():  # not isdigit(): "⓵" and "²" are digits int() refuses
            return int(word)
        if word in NUMBERS:
            value = NUMBERS[word]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if value >= 20 and NUMBERS.get(nxt, 10) < 10:
                value += NUMBERS[nxt]
            return value
    return None


def parse_party_size(text: str | int | None) -> int | None:
    """How many people "four", "a couple of", "6 people", "me and 3 friends" means; None if unclear."""
    if isinstance(text, int):
        return text if text > 0 else None
    words = fold(str(text or "")).replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    count = number_in(words)
    if count is not None and re.search(r"\b(me|myself) and\b", joined):
        return count + 1  # "me and 3 friends"
    if count is None and re.search(r"\b(me|myself) and (my|a) \w+$", joined):
        return 2  # "me and my wife"
    if count is not None:
        return count if count > 0 else None
    for phrase, value in PARTY_PHRASES:
        if re.search(rf"\b{phrase}\b", joined):
            return value
    return None  # "a few", "a group": not a number to book for


_SAYS_TIME = re.compile(r"\b(at|by|around|for about|from)\s*$")
_SAYS_PARTY = re.compile(r"\b(for|party of|table of|group of)\s*$")


def booking_role(before: str, words: str) -> str | None:
    """Whether a number in a booking is its time or its party size, from the words before it.

    The tagger reads "7" of "a table for 4 at 7" as a second party size and
    "nine" of "a party of nine" as anything: the preposition says which it is.
    None when the words are no number or nothing before them says."""
    folded = fold(words).replace("-", " ").split()
    if not folded or number_in(folded) is None or len(folded) > 3:
        return None
    lead = fold(before)
    if _SAYS_TIME.search(lead) or _AMPM_WORD.search(fold(words)):
        return "time"
    if _SAYS_PARTY.search(lead):
        return "party_size"
    return None


# --- times -----------------------------------------------------------------------------------------

_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\w/])")
_AMPM_WORD = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
_MONTH_NUMBER = {m[:3]: n for n, m in enumerate(MONTHS, 1)}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}")


def _day_of(words: list[str], text: str, today: date) -> date | None:
    """The day the words name: today/tonight, tomorrow, a weekday, "march 3", "3/14"."""
    joined = " ".join(words)
    if "day after tomorrow" in joined:
        return today + timedelta(days=2)
    if "tomorrow" in words or "tmrw" in words:
        return today + timedelta(days=1)
    if "today" in words or "tonight" in words or "this evening" in joined:
        return today
    for word in words:
        key = word[:-1] if word.endswith("s") and word[:-1] in WEEKDAYS else word
        wanted = WEEKDAYS.index(key) if key in WEEKDAYS else _WEEKDAY_SHORT.get(key)
        if wanted is not None:
            return today + timedelta(days=(wanted - today.weekday()) % 7)
    if "weekend" in words:
        return today + timedelta(days=(5 - today.weekday()) % 7)
    return _calendar_day(text, today)


def _calendar_day(text: str, today: date) -> date | None:
    """ "march 3", "3rd of march", "3/14" (month first, as in the US); next year if already past."""
    lowered = text.lower()
    m = _MONTH_DAY.search(lowered) or _DAY_MONTH.search(lowered)
    if m:
        month, day = _MONTH_NUMBER[m.group("month")[:3]], int(m.group("day"))
    elif (numeric := _NUMERIC_DATE.search(lowered)) is not None:
        month, day = int(numeric.group(1)), int(numeric.group(2))
    else:
        return None
    try:
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def _hour_words(words: list[str]) -> tuple[int, int] | None:
    """ "seven", "seven thirty", "half past seven", "quarter to eight" -> (hour, minute)."""
    for i, word in enumerate(words):
        if word in ("half", "quarter") and i + 2 < len(words) and words[i + 1] in ("past", "to", "after"):
            hour = NUMBERS.get(words[i + 2]) or (int(words[i + 2]) if words[i + 2].isdecimal() else None)
            if hour is None or hour > 12:
                return None
            minutes = 30 if word == "half" else 15
            return (hour, minutes) if words[i + 1] != "to" else ((hour - 1) % 12 or 12, 60 - minutes)
        if word in NUMBERS and NUMBERS[word] <= 12 and (i == 0 or words[i - 1] in ("at", "around", "by", "for")):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            minute = {"thirty": 30, "fifteen": 15, "fortyfive": 45}.get(nxt, 0)
            return NUMBERS[word], minute
    return None


def _clock_of(text: str, words: list[str]) -> tuple[int, int, str | None] | None:
    """(hour, minute, "am"/"pm"/None) said in the text, or None."""
    lowered = text.lower()
    for pattern in (_AMPM_WORD, _CLOCK):
        for m in pattern.finditer(lowered):
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            after = lowered[m.end():m.end() + 4]
            if after.startswith(("/", "st", "nd", "rd", "th")) or hour > 23 or minute > 59:
                continue
            suffix = m.group(3).replace(".", "")[:2] if m.group(3) else None
            return hour, minute, suffix
    spoken = _hour_words(words)
    return (spoken[0], spoken[1], None) if spoken else None


def _as_time(hour: int, minute: int, suffix: str | None, pm_hint: bool | None) -> time | None:
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    elif suffix is None and 1 <= hour <= 11:
        pm = pm_hint if pm_hint is not None else hour <= 9  # a restaurant's "at 7" is 7 pm, "at 11" 11 am
        hour += 12 if pm else 0
    return time(hour, minute) if 0 <= hour <= 23 else None


def parse_when(text: str | None, today: date) -> When | None:
    """The reservation time the words mean, relative to ``today``; None if they name no day or time."""
    if not text or not str(text).strip():
        return None
    text = str(text).replace("o'clock", " oclock").replace("o’clock", " oclock")
    words = fold(text).replace("-", " ").replace("forty five", "fortyfive").split()  # "7:30" -> "7 30"
    part = next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)
    day = _day_of(words, text, today)
    text_no_dates = _NUMERIC_DATE.sub(" ", _DAY_MONTH.sub(" ", _MONTH_DAY.sub(" ", text.lower())))
    clock = _clock_of(text_no_dates, words) if not ("noon" in words or "midday" in words) else (12, 0, "pm")
    if "midnight" in words:
        clock = (0, 0, "am")
    at = _as_time(*clock, part[0] if part else None) if clock else None
    if day is None and at is None and part is None:
        return None
    if at is None:
        return When(day or today, part[1] if part else DINNER, day is not None, part is not None)
    return When(day or today, at, day is not None, True)


def say_clock(clock: time) -> str:
    """ "7 pm", "7:30 pm", "noon", "midnight"."""
    if clock == time(12):
        return "noon"
    if clock == time(0):
        return "midnight"
    hour = clock.hour % 12 or 12
    suffix = "am" if clock.hour < 12 else "pm"
    return f"{hour}:{clock.minute:02d} {suffix}" if clock.minute else f"{hour} {suffix}"


def say_when(when: When, today: date) -> str:
    """ "at 7 pm tonight", "at noon tomorrow", "at 8:30 pm on Friday", "at 7 pm on Friday, March 13"."""
    at = f"at {say_clock(when.clock)}"
    days = (when.day - today).days
    if days == 0:
        return f"{at} tonight" if when.clock.hour >= 17 else f"{at} today"
    if days == 1:
        return f"{at} tomorrow"
    weekday = WEEKDAYS[when.day.weekday()].capitalize()
    if 1 < days < 7:
        return f"{at} on {weekday}"
    return f"{at} on {weekday}, {MONTHS[when.day.month - 1].capitalize()} {when.day.day}"


__all__ = ["DINNER", "MAX_PARTY", "NUMBERS", "When", "number_in", "parse_party_size", "parse_when", "say_clock",
           "say_when"]
