"""What users say and the assistant answers in the conversational kinds of `generate_context`.

The same discipline as `generate_data`: every wording list is cut in two
halves by position (even: train, odd: test; `noise.half`), and every answer
comes as a (train, test) pair, so held-out traffic words follow-ups,
corrections and playback controls differently from the traffic a model
learns from. Only the kinds of turn are shared.

Lists that carry a value beside the words are (template, value) pairs: the
date a follow-up names ("and tomorrow?" -> "tomorrow") is what NLU tags as a
`time` entity when it recognises it.
"""
from __future__ import annotations

# --- follow-ups that lean on the previous turn ---------------------------------------------------
# A date alone, after a weather answer: (words, the date as NLU would tag it).
DATE_FOLLOWUPS: tuple[tuple[str, str], ...] = (
    ("and tomorrow?", "tomorrow"), ("what about tomorrow", "tomorrow"), ("how about this weekend", "this weekend"),
    ("and for the weekend?", "the weekend"), ("and tomorrow morning?", "tomorrow morning"),
    ("what about saturday", "saturday"), ("and tonight?", "tonight"), ("how about later tonight", "later tonight"),
    ("what about monday", "monday"), ("and on sunday?", "sunday"), ("what about next week", "next week"),
    ("and the day after tomorrow?", "the day after tomorrow"), ("same for friday", "friday"),
    ("how about tomorrow then", "tomorrow"))
# A weather request that names its date: (template, date).
DATE_REQUESTS: tuple[tuple[str, str], ...] = (
    ("what's the weather in {v} tomorrow", "tomorrow"), ("will it rain in {v} this weekend", "this weekend"),
    ("forecast for {v} on saturday", "saturday"), ("is it going to snow in {v} tonight", "tonight"),
    ("weather in {v} tomorrow morning", "tomorrow morning"), ("how hot will it be in {v} on sunday", "sunday"),
    ("do i need a coat in {v} tomorrow", "tomorrow"), ("what's {v} like next week", "next week"),
    ("weekend weather for {v}", "weekend"), ("will it be sunny in {v} on friday", "friday"),
    ("forecast in {v} for monday", "monday"), ("tomorrow's weather in {v}", "tomorrow"))
# Another value for the same request ("what about in chicago?"); cities have their own.
VALUE_FOLLOWUPS = ("what about {v}?", "and {v}?", "how about {v}", "what about {v} instead", "and what about {v}",
                   "same for {v}", "now {v}", "ok and {v}?", "try {v}", "{v} instead", "how about {v} then",
                   "and for {v}?")
CITY_FOLLOWUPS = ("what about in {v}?", "and in {v}?", "how about {v}", "and {v}?", "what about {v} instead",
                  "same for {v}", "and what's it like in {v}", "now {v}", "how about in {v} then", "ok and {v}?")
# More of what is playing: in the same vein (any music), or by the same artist (after an artist).
MORE_LIKE = ("more like this", "something similar", "something more upbeat", "play more of that",
             "something a bit calmer", "keep going with that", "more of the same", "something more chill")
MORE_BY = ("another one by them", "one more by them", "play another one", "another song by them",
           "more from them", "something else by them")

# --- playback controls while music plays ("skip" plays the next track, volume words set the speaker) -
SKIPS = ("skip", "skip this song", "next song", "skip this one", "next one please", "skip it", "skip that track",
         "go to the next one")
CONTROLS = ("louder", "turn it up", "pause", "pause the music", "volume down please", "turn it down a bit",
            "pause it", "a bit louder please", "mute the music", "resume", "hold on pause that", "can you turn it up")

# The guided Q&A ("learn my preferences"), where "skip" is what its rule is for.
QA_STARTS = ("learn my preferences", "ask me some questions", "let's set up my preferences", "get to know me",
             "teach yourself what i like", "quiz me about my taste")
QA_SKIPS = ("skip", "pass", "skip this one", "next question", "skip it", "i don't know, skip", "no idea, next",
            "skip that one")

# --- corrections of the turn before: {v} the right value, {h} what the assistant took -------------
CORRECTIONS = ("no, i meant {v}", "i said {v}", "no {v} not {h}", "not {h}, {v}", "no no, {v}", "i meant {v}",
               "{v} not {h}", "no i said {v}")

# --- statements of taste and requests worded like them --------------------------------------------
TASTES = ("i'm into {v}", "i'm really into {v} lately", "{v} is my thing", "i've been loving {v}",
          "big fan of {v}", "i dig {v}", "{v} is the best", "i'm obsessed with {v}")
MOODS = ("i'm in the mood for {v}", "i could go for some {v}", "i'd love some {v} right now", "i feel like {v} tonight",
         "i'm craving {v}", "some {v} would be nice", "i need some {v}", "i wouldn't mind some {v}")
MOOD_ENTITIES = ("genre", "artist", "cuisine")

# --- requests no skill serves, worded around a value a skill reads (so NLU may hand them to it) ----
UNSERVABLE: dict[str, tuple[str, ...]] = {
    "ask_weather": ("book a flight to {v}", "find me a hotel in {v}", "how far is {v}", "what time is it in {v}",
                    "get me a taxi to {v}", "show me {v} on a map", "how do i get to {v}", "rent a car in {v}"),
    "find_restaurant": ("order {v} delivery", "teach me to cook {v}", "how many calories in {v} food",
                        "add {v} to my shopping list", "give me a {v} recipe", "is {v} food healthy"),
    "play_music": ("buy tickets for {v}", "when is {v} on tour", "how old is {v}", "show me {v} videos",
                   "is {v} married", "what's {v} net worth"),
    "play_genre": ("teach me to play {v}", "what is {v} music", "who invented {v}", "find {v} concerts near me"),
    "sports_score": ("buy {v} tickets", "put a bet on the {v}", "order a {v} jersey", "who coaches the {v}"),
    "get_news": ("subscribe me to a {v} magazine", "post about {v} on twitter", "find a {v} podcast",
                 "write an essay on {v}"),
}

# --- turns that look like failures and are not ----------------------------------------------------
# (words, the chatter intent NLU gives them): multi-word, so not a chatter phrase the miner skips on sight.
ACKNOWLEDGEMENTS: tuple[tuple[str, str], ...] = (
    ("thanks that's perfect", "thank"), ("yes that's the one", "affirm"), ("ok sounds good", "affirm"),
    ("great thank you so much", "thank"), ("cool that works", "affirm"), ("perfect thanks a lot", "thank"),
    ("yep that's it", "affirm"), ("nice one thanks", "thank"), ("alright that's fine", "affirm"),
    ("ok bye for now", "goodbye"), ("awesome that's great", "affirm"), ("good enough thanks", "thank"))
# Complaints (the outcome rules read them as complaints) said although the answer was right.
GRUMBLES = ("ugh", "nope", "no", "not that", "wrong", "no no")

# --- answers ---------------------------------------------------------------------------------------
WEATHER_DAY = ("In {v} it's 14 degrees and cloudy {d}.", "{v}, {d}: sunny, a high of 21.")
HOME_LEAD = ("Using {v}, where you live.", "For {v}, your home:")
MORE_PLAYED = {"artist": ("Playing another one by {v}.", "More {v} coming up."),
               "genre": ("Playing more {v}.", "Here's more {v}.")}
OTHER_PLAYED = ("Here's something you might like: {v}.", "How about this one: {v}.")
GUIDED_SKIP = ("We're not in the middle of anything. Say \"learn my preferences\" to start.",
               "There's nothing to skip right now. Say \"learn my preferences\" to begin.")
QA_QUESTIONS = ("What kind of music do you like?", "Which city do you live in?", "What's your favourite cuisine?",
                "Which team do you follow?", "Which news topics interest you?")
QA_LEAD = ("Great, a few quick questions. You can say \"skip\", \"go back\" or \"stop\" at any time.",
           "Sure, some quick questions; say \"skip\" or \"stop\" whenever you like.")
STORED = ("Got it, {v}. I'll remember that.", "Okay, noted: {v}.")
DISLIKED = ("Okay, I'll avoid {v} from now on.", "Noted: no more {v}.")
DENIED = ("Okay, I won't.", "Alright, never mind then.")
WHICH_DEVICE = ("Which device do you mean?", "Which device should I change?")
SPEAKER_SET = ("Done: the living room speaker is on, volume {v}.", "The speaker is at {v} now.")
CHATTER_ANSWERS = {
    "goodbye": ("utter_goodbye", ("Goodbye! Talk to you soon.", "See you later!")),
    "thank": ("utter_youre_welcome", ("You're welcome!", "Any time!")),
    "affirm": ("action_handle_affirm", ("Okay.", "Great.")),
    "greet": ("utter_greet", ("Hi! What would you like?", "Hello there! How can I help?")),
}
