"""What the labelled traffic generator says and answers: templates, values, confusions, reactions.

Every list that shapes the words comes in two halves, `train` and `test`,
so held-out traffic is worded differently from the traffic a model learns
from (other request templates, other answer phrasings, other complaints),
not only drawn with another seed. Catalog values are split the same way in
`generate.py` (the test half also asks for values the train half never saw).
"""
from __future__ import annotations

# skill intent -> (action, entity, request templates). Templates alternate train/test by position.
SKILLS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "play_music": ("action_play_music", "artist", (
        "play {v}", "put on {v}", "i want to hear {v}", "play some {v} please", "can you play {v}",
        "let's listen to {v}", "play music by {v}", "could you put {v} on", "start playing {v}",
        "i'd like some {v}", "play songs by {v}", "queue up {v}")),
    "play_genre": ("action_play_music", "genre", (
        "play some {v}", "put on {v} music", "i feel like {v}", "play {v} music", "some {v} please",
        "can you play {v}", "let's have some {v}", "i want to listen to {v}", "play me {v}",
        "put some {v} on", "start some {v} music", "{v} music please")),
    "ask_weather": ("action_weather", "city", (
        "what's the weather in {v}", "weather for {v}", "is it going to rain in {v}", "how hot is it in {v}",
        "forecast for {v} please", "what's it like outside in {v}", "do i need an umbrella in {v}",
        "tell me the weather in {v}", "how cold is it in {v}", "weather in {v} today",
        "what's the temperature in {v}", "is it sunny in {v}")),
    "find_restaurant": ("action_find_restaurant", "cuisine", (
        "find {v} restaurants", "i want {v} food", "any good {v} places nearby", "where can i get {v}",
        "book me a {v} restaurant", "recommend a {v} place", "i'm hungry for {v}", "show me {v} restaurants",
        "is there a {v} place around here", "search for {v} food", "looking for {v} tonight",
        "find a place that serves {v}")),
    "sports_score": ("action_sports_score", "team", (
        "how did the {v} do", "{v} score", "did the {v} win last night", "what was the {v} score",
        "give me the {v} result", "who won the {v} game", "latest score for the {v}", "are the {v} winning",
        "{v} game result", "how are the {v} doing", "tell me the {v} score", "final score of the {v}")),
    "get_news": ("action_news", "news_topic", (
        "news about {v}", "what's new in {v}", "read me the {v} headlines", "any {v} news today",
        "latest {v} stories", "give me {v} news", "what's happening in {v}", "{v} headlines please",
        "catch me up on {v}", "tell me the {v} news", "brief me on {v}", "top {v} stories")),
}
SKILL_OF_INTENT = {"play_genre": "play_music"}  # the generator's two music templates share one intent

# Intents NLU confuses a skill with (the wrong intent it picks), and what their actions answer.
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "play_music": ("get_news", "nlu_fallback", "state_preference"),
    "ask_weather": ("get_news", "nlu_fallback", "find_restaurant"),
    "find_restaurant": ("state_preference", "nlu_fallback", "out_of_scope"),
    "sports_score": ("get_news", "nlu_fallback", "play_music"),
    "get_news": ("play_music", "nlu_fallback", "sports_score"),
}
ACTION_OF = {"play_music": "action_play_music", "ask_weather": "action_weather",
             "find_restaurant": "action_find_restaurant", "sports_score": "action_sports_score",
             "get_news": "action_news", "nlu_fallback": "action_handle_fallback",
             "out_of_scope": "utter_out_of_scope", "state_preference": "action_learn_statement",
             "inform": "action_handle_inform"}
# Wrong actions the policy may run for a correct interpretation.
WRONG_ACTIONS = ("action_guided_qa", "action_learn_statement", "action_handle_fallback", "utter_help",
                 "action_what_do_you_know", "action_news", "action_weather")

# Values the catalogs do not know (checked at generation time: a catalog that learns one drops it).
UNKNOWN = {
    "genre": ("jersey club", "afroswing", "bedroom pop", "sea shanties", "dark academia", "cottagecore",
              "study music", "rainy day music", "glitchcore", "nightcore", "weirdcore", "yacht rock",
              "dungeon synth", "tiktok songs", "gym music", "wedding songs", "road trip music", "anime songs",
              "meditation music", "christmas music", "plunderphonics", "slowed and reverb"),
    "cuisine": ("fusion", "street food", "brunch", "gastropub", "food truck", "comfort food", "health food",
                "buffet", "bakery", "breakfast"),
    "news_topic": ("gardening", "crypto", "fashion", "real estate", "education", "travel", "food", "cars",
                   "religion", "law", "art", "books"),
}
# What users ask for (checked against the catalogs at generation time; the test split asks for all,
# the train split for every other one). Artists come from the catalog itself, most charted first.
GENRES = ("jazz", "rock", "classical", "hip hop", "country", "blues", "pop", "metal", "reggae", "electronic",
          "folk", "soul", "r&b", "punk", "indie", "latin", "k-pop", "lo-fi", "gospel", "funk", "disco", "techno",
          "house", "opera", "bluegrass", "salsa", "grunge", "ska", "dubstep", "trap", "shoegaze", "synthwave")
CUISINES = ("italian", "mexican", "chinese", "japanese", "sushi", "thai", "indian", "french", "greek", "korean",
            "vietnamese", "mediterranean", "american", "bbq", "vegetarian", "vegan", "pizza", "seafood", "spanish",
            "ethiopian", "peruvian", "turkish", "lebanese", "moroccan", "brazilian", "german", "caribbean")
ARTISTS_ASKED = 160  # the most charted artists people ask for by name
CITIES = ("Chicago", "Seattle", "Denver", "Boston", "Austin", "Miami", "Atlanta", "Phoenix", "Dallas", "Houston",
          "San Diego", "Nashville", "Detroit", "Baltimore", "Minneapolis", "Pittsburgh", "Tokyo", "Berlin",
          "Madrid", "Toronto", "Sydney", "Rome", "Vienna", "Oslo")
AMBIGUOUS_CITIES = ("Portland", "Springfield", "Columbus", "Richmond", "Arlington", "Aurora", "Jackson",
                    "Lexington", "Madison", "Burlington", "Salem", "Athens", "Dublin", "Cambridge")
AMBIGUOUS_TEAMS = ("giants", "rangers", "cardinals", "kings", "panthers", "jets")

# Answers. {v}: the value the assistant acted on. Two phrasings each: train, test.
SUCCESS = {
    "action_play_music": ("Playing {v}.", "Here's {v}, enjoy."),
    "action_weather": ("In {v} it's 14 degrees and cloudy.", "{v}: sunny, a high of 21."),
    "action_find_restaurant": ("I found three {v} places near you.", "Here are some {v} restaurants nearby."),
    "action_sports_score": ("The {v} won 3 to 1.", "Final score: {v} 102, visitors 97."),
    "action_news": ("Here are today's {v} headlines.", "Top {v} stories: first, ..."),
    "action_handle_inform": ("Got it, {v}.", "Okay: {v}."),
}
EMPTY = {
    "action_play_music": ("I couldn't find anything by {v}.", "Sorry, no tracks for {v} right now."),
    "action_weather": ("Sorry, I can't get the weather for {v} right now.", "No forecast available for {v}."),
    "action_find_restaurant": ("I couldn't find any {v} restaurants.", "No {v} places are open near you."),
    "action_sports_score": ("I don't have a score for the {v}.", "No recent games for the {v}."),
    "action_news": ("There are no {v} stories right now.", "I couldn't load the {v} news."),
}
UNKNOWN_VALUE = ("I don't know {v}.", "Sorry, I'm not sure what {v} is.")
WRONG_ACTION_ANSWERS = {
    "action_guided_qa": ("Let's learn your preferences! What music do you like?", "First question: your cuisine?"),
    "action_learn_statement": ("Got it, I'll remember that you like {v}.", "Noted: you like {v}."),
    "action_handle_fallback": ("Sorry, I didn't get that.", "Hmm, I'm not sure what you mean."),
    "utter_help": ("I can play music, give the weather, find restaurants, scores and news.",
                   "Try asking for music, weather, food, sports or news."),
    "action_what_do_you_know": ("You told me you like jazz.", "Here's what I know about you: ..."),
    "utter_out_of_scope": ("Sorry, I can't help with that.", "That's not something I can do."),
}
CLARIFY = ("Which {v} do you mean: {a} or {b}?", "There are several: {a} or {b}?")
ASK_MISSING = {"city": ("For which city?", "Which city do you mean?"),
               "artist": ("Who should I play?", "Which artist?"), "genre": ("What kind of music?", "Which genre?"),
               "cuisine": ("What kind of food?", "Which cuisine?"), "team": ("Which team?", "Which team do you mean?"),
               "news_topic": ("Which topic?", "News about what?")}
COMPLAINTS = (("no", "that's wrong", "not what i asked for", "no that's not it"),
              ("nope", "that's not right", "wrong answer", "you misunderstood"))
CHATTER = (("thanks", "ok", "great"), ("thank you", "cool", "perfect"))

# Requests that need no entity (the skill has a default: the home town, the top headlines, the user's taste).
BARE = {
    "play_music": ("play some music", "play something", "put some music on", "music please",
                   "play something i like", "i want to hear some music"),
    "ask_weather": ("what's the weather", "how's the weather today", "will it rain today", "weather please",
                    "do i need a jacket", "what's it like outside"),
    "get_news": ("read me the news", "what's in the news", "news please", "any news today", "give me the headlines",
                 "what's happening today"),
}
BARE_ANSWERS = {"action_play_music": "something you might like", "action_weather": "Boston, MA, US",
                "action_news": "top"}
# Sound-alike rewrites a voice front end makes (pairs alternate train/test), besides letter edits.
SOUNDS = (("ph", "f"), ("ck", "k"), ("ee", "ea"), ("c", "k"), ("s", "z"), ("tion", "shun"), ("y", "ie"),
          ("er", "a"), ("igh", "y"), ("ou", "ow"), ("i", "ee"), ("g", "j"), ("th", "d"), ("v", "b"),
          ("qu", "kw"), ("x", "ks"), ("ai", "ay"), ("oo", "u"), ("w", "wh"), ("le", "el"))

# Statements of taste ("I love jazz"): requests of the learning layer, answered by remembering them.
STATEMENTS = ("i love {v}", "i'm a big fan of {v}", "i really like {v}", "{v} is my favourite", "i like {v} a lot",
              "remember that i like {v}", "i enjoy {v}", "i'm into {v}")
STATED = ("artist", "genre", "cuisine", "team", "news_topic")
