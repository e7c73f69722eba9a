"""A stand-in assistant for the driver's tests: understands careful requests, fails misheard ones."""
from __future__ import annotations

import threading
import time
from typing import Any

from preferences.catalogs import music
from preferences.catalogs.places import candidates


class FakeAssistant:
    """Plays the artist it can find in "play <name>", forecasts "<...> in <place>"; logs every call.

    `fail_on`: a text fragment or a user whose turns fail over HTTP.
    """

    def __init__(self, delay: float = 0.0, fail_on: str | None = None, deaf: bool = False) -> None:
        self.delay, self.fail_on, self.deaf = delay, fail_on, deaf  # deaf: understands nothing at all
        self.calls: list[tuple[float, str, str, dict[str, Any] | None]] = []
        self.in_flight: dict[str, int] = {}
        self.max_in_flight_per_user = 0
        self.lock = threading.Lock()

    def say(self, user: str, text: str, metadata: dict[str, Any] | None = None) -> list[str]:
        with self.lock:
            self.in_flight[user] = self.in_flight.get(user, 0) + 1
            self.max_in_flight_per_user = max(self.max_in_flight_per_user, self.in_flight[user])
            self.calls.append((time.monotonic(), user, text, metadata))
        try:
            time.sleep(self.delay)
            if self.fail_on and (self.fail_on in text or self.fail_on == user):
                raise ConnectionError("server went away")
            return ["Sorry, I didn't quite get that. Could you say it another way?"] if self.deaf else self.answer(text)
        finally:
            with self.lock:
                self.in_flight[user] -= 1

    @staticmethod
    def answer(text: str) -> list[str]:
        if text == "stop" or text.startswith(("no", "that's", "not ", "you ")):
            return ["Sorry about that. What did you mean?"]
        if " in " in text and ("weather" in text or "rain" in text or "forecast" in text):
            found = candidates(text.rsplit(" in ", 1)[1])
            if found:
                return [f"In {found[0].label} it's sunny today, with a high of 70°F and a low of 60°F."]
            return ["I couldn't find a city called that."]
        if text.startswith("play "):
            found = music.artist(text[5:].split(" by ")[-1])
            if found:
                return [f"Playing {found.tracks[0]} by {found.name}."]
        return ["Sorry, I didn't quite get that. Could you say it another way?"]
