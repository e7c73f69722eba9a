"""Sentences the conversation says in more than one place, and the thresholds of when it says them."""
from __future__ import annotations

# Said when the store is unreachable (an outage); the turn carries `outage=True`, so a retry after it is
# not evidence of misunderstanding.
UNAVAILABLE = ("Sorry, I couldn't do that just now because part of my memory is unavailable. "
               "Nothing you told me is lost; please try again in a moment.")
# Said for a bug: honest that it was our fault, and not blaming memory (the log has the stack trace).
BUG = "Sorry, something went wrong on my side and I couldn't do that. Nothing you told me is lost."
LOW_CONFIDENCE = 0.6  # below this (but above the fallback) the assistant checks "Did I get that right?"
OFFER_QA_AFTER_MOMENTS = 2  # teachable moments in a session before offering the guided Q&A ...
OFFER_QA_BELOW_PREFERENCES = 3  # ... to a user who has taught fewer preferences than this
