"""Requests and their repair: repeats, low-confidence checks, context, outages and rewrites (dialogue/requests.py)."""
from __future__ import annotations

import pytest

from preferences.dialogue import Conversation
from preferences.moments import Turn
from preferences.records import Source
from preferences.resolution import How, ResolvedEntity
from preferences.store import PreferenceStore

from .chat import Chat


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


def test_low_confidence_check_and_no_makes_a_teachable_moment(conv: Conversation) -> None:
    chat = Chat(conv)
    assert chat.request("news", "whats happening", confidence=0.45).endswith("Did I get that right?")
    assert "Which news topic did you want?" in chat.do("deny", "no", intent="deny")
    other = Chat(conv, "bob")
    other.request("news", "news please", confidence=0.45)
    assert "Great" in other.do("affirm", "yes")


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


def test_an_online_rewrite_says_which_layer_read_the_words_otherwise(conv: Conversation) -> None:
    chat = Chat(conv)
    mine = {"id": None, "layer": "personal", "raw": "weather in springfield", "target": "weather in springfield illinois"}
    reply = chat.request("weather", "weather in springfield illinois", {"city": ["springfield illinois"]}, rewrite=mine)
    assert 'I took "weather in springfield" as "weather in springfield illinois", the way you usually ask' in reply
    why = chat.do("explain", "why did you do that?", {})
    assert "your own history" in why and "rewrite #" not in why
    theirs = {"id": None, "layer": "global", "raw": "play maj and dragons", "target": "play imagine dragons"}
    reply = chat.request("play_music", "play imagine dragons", {"artist": ["imagine dragons"]}, rewrite=theirs)
    assert "Imagine Dragons" in reply and "worked for other people" in reply
    assert "worked for other people" in chat.do("explain", "why did you do that?", {})


def test_the_reply_carries_what_the_skill_resolved_through_a_repair(conv: Conversation) -> None:
    """The adapter logs `Reply.resolutions`: they must survive the paths that rebuild the reply."""
    chat = Chat(conv)
    chat.request("play_music", "play some music")
    assert chat.last_reply.resolutions == ()  # nothing named, nothing liked: a pick, nothing resolved
    assert "What did you mean?" in chat.request("play_music", "play some music")
    assert chat.last_reply.resolutions == ()  # the offer runs no skill
    chat.do("inform", "bedroom pop", {"genre": ["bedroom pop"]}, intent="inform")  # the answer redoes the request
    assert chat.last_reply.resolutions == (ResolvedEntity("genre", "bedroom pop", "pop", (), How.CLOSEST),)
    other = Chat(conv, "bob")
    other.request("weather", "weather in portland", {"city": ["portland"]})
    again = other.request("weather", "weather in portland", {"city": ["portland"]})  # a repeat: sorry, then do it
    (city,) = other.last_reply.resolutions
    assert again.startswith("Sorry about that.") and city.resolved == "Portland, OR, US"
    assert city.how is How.ASKED  # the first request made Oregon the Portland bob asks about


def test_a_fragment_after_a_request_asks_it_again_with_what_it_changes(conv: Conversation) -> None:
    chat = Chat(conv)
    first = chat.request("weather", "weather in boston", {"city": ["boston"]})
    assert "Boston" in first and "today" in first
    tomorrow = chat.request("weather", "and tomorrow?", {"time": ["tomorrow"]})
    assert "Boston" in tomorrow and "tomorrow" in tomorrow and "Which city" not in tomorrow
    chicago = chat.do("inform", "what about in chicago", {"city": ["chicago"]}, intent="inform")
    assert "Chicago" in chicago and "tomorrow" in chicago  # the day asked before stays
    # a bare city after a restaurant search searches there, for the same food
    chat.request("find_restaurant", "find sushi in seattle", {"cuisine": ["sushi"], "city": ["seattle"]})
    portland = chat.do("inform", "portland oregon", {"city": ["portland oregon"]}, intent="inform")
    assert "Portland" in portland and "sushi" in portland.lower()
    # a full request of the same skill stands alone: nothing carried over
    alone = chat.request("weather", "will it rain on saturday", {})
    assert "Which city" in alone or "Chicago" not in alone


def test_the_weather_is_for_the_day_asked_and_says_when_it_cannot_reach_it(conv: Conversation) -> None:
    chat = Chat(conv)
    assert "Denver" in (reply := chat.request("weather", "will it snow in denver tomorrow", {"city": ["denver"]}))
    assert "tomorrow" in reply and "will be" in reply
    saturday = chat.request("weather", "weather in denver on saturday", {"city": ["denver"], "time": ["saturday"]})
    assert "on Saturday" in saturday
    far = chat.request("weather", "weather in denver on march 30", {"city": ["denver"], "time": ["march 30"]})
    assert "today" in far and "next 7 days" in far


def test_turning_it_up_while_music_plays_is_the_speaker(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some jazz", {"genre": ["jazz"]})
    assert "speaker" in chat.request("control_device", "turn it up a bit", {})
    other = Chat(conv, user="bo")
    other.request("weather", "weather in boston", {"city": ["boston"]})
    assert "Which device?" in other.request("control_device", "turn it up a bit", {})  # no music asked for last


def test_warmer_after_music_is_the_thermostat_and_after_stop_the_speaker_is_not_assumed(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some jazz", {"genre": ["jazz"]})
    assert "thermostat" in chat.request("control_device", "make it warmer in here", {})
    stopped = Chat(conv, user="cy")
    stopped.request("play_music", "play some jazz", {"genre": ["jazz"]})
    stopped.do("guided_qa", "stop", "stop")  # the music stops; music is still the last request
    assert "Which device?" in stopped.request("control_device", "turn it up a bit", {})


def test_a_request_that_names_nothing_of_the_last_one_is_about_the_same(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in denver", {"city": ["denver"]})
    windy = chat.request("weather", "will it be windy", {})
    assert "Denver" in windy and "Which city" not in windy
    assert "Miami" in chat.request("weather", "and is it hot in miami", {"city": ["miami"]})  # named: it stays
    chat.request("sports_score", "how did the celtics do", {"team": ["celtics"]})
    assert "Celtics" in chat.request("sports_score", "did they win", {})
    chat.request("control_device", "turn off the kitchen lights", {"device": ["lights"], "room": ["kitchen"]})
    back_on = chat.request("control_device", "turn them back on", {})
    assert "kitchen lights" in back_on.lower() and "Which device" not in back_on
    # another device in the words, or the thermostat meant, is not the lights
    assert "lights" not in chat.request("control_device", "make it warmer in here", {}).lower()
    # without a request of the same skill before, the skill asks (or uses what it knows of the user)
    fresh = Chat(conv, user="di")
    fresh.request("sports_score", "how did the celtics do", {"team": ["celtics"]})
    assert "Which city" in fresh.request("weather", "will it be windy", {})


def test_only_turning_it_up_or_down_is_about_the_device_just_talked_about(conv: Conversation) -> None:
    """The eleventh real set: "turn on the hallway light" then "bit dimmer" asked "Which device?"."""
    chat = Chat(conv)
    chat.request("control_device", "turn on the hallway light", {"device": ["light"], "room": ["hallway"]})
    dimmer = chat.request("control_device", "bit dimmer", {})
    assert dimmer.startswith("Done: the hallway lights") and "brightness" in dimmer
    assert "hallway lights" in chat.request("control_device", "brighter pls", {})
    # a device or a room said is not the last one's: the skill reads it (or asks) as before
    assert "hallway" not in chat.request("control_device", "the fan a bit lower", {})
    assert Chat(conv, "zed").request("control_device", "bit dimmer", {}).startswith("Which device?")


def test_a_question_about_the_device_just_commanded_is_about_it(conv: Conversation) -> None:
    """The eleventh real set: "start the tumble dryer" then "how long has it got left" asked "Which device?"."""
    chat = Chat(conv)
    chat.request("control_device", "start the tumble dryer", {"device": ["tumble dryer"]})
    left = chat.request("device_status", "how long has it got left", {})
    assert "dryer" in left and "minutes" in left and "Which device" not in left, left
    chat.request("device_status", "is the kitchen light on", {"device": ["light"], "room": ["kitchen"]})
    assert "kitchen lights are off" in chat.request("control_device", "turn it off then", {"power": ["off"]})


def test_a_new_party_size_after_a_table_request_changes_the_table_whatever_nlu_read(conv: Conversation) -> None:
    """The eleventh real set: after a table for 6, "make it 7 people" (read as a device command) asked
    "Which device?"."""
    chat = Chat(conv)
    chat.request("find_restaurant", "book a table in denver for saturday at 8, 6 people",
                 {"city": ["denver"], "time": ["saturday at 8"], "party_size": ["6"]})
    seven = chat.request("control_device", "make it 7 people", {"level": ["7"]})
    assert "a table for 7 at 8 pm on Saturday" in seven and "Denver" in seven, seven
    # no people said, or no table asked for just before: a device command stays one
    assert "table" not in chat.request("control_device", "make it 7", {"level": ["7"]})
    assert "Which device?" in Chat(conv, "bob").request("control_device", "make it 7 people", {"level": ["7"]})


def test_after_a_break_the_last_request_is_not_carried(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("sports_score", "how did the celtics do", {"team": ["celtics"]})
    chat.clock += 3600
    assert "Which team" in chat.request("sports_score", "did they win", {})


def test_only_what_the_skill_found_carries_and_a_device_only_when_the_words_point_back(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in alabama", {"city": ["alabama"]})  # no city the catalog knows
    assert "Which city" in chat.request("weather", "will there be thunderstorms", {})
    chat.request("control_device", "turn on the coffee maker", {"device": ["coffee maker"]})
    assert "coffee maker" in chat.request("control_device", "turn it off", {}).lower()
    other = Chat(conv, user="ed")
    other.request("control_device", "turn on the coffee maker", {"device": ["coffee maker"]})
    toaster = other.request("control_device", "make sure the toaster is off", {})
    assert toaster.startswith("Which device")  # not "Done: I stopped the coffee maker"


def test_a_colour_or_a_later_time_for_the_lights_just_talked_about(conv: Conversation) -> None:
    """"set them to blue" and "turn them off at 9" after the kitchen lights (real sets 2 and 3 asked
    "Which device?" and then ignored the colour or switched off at once)."""
    chat = Chat(conv)
    chat.request("control_device", "turn on the kitchen lights", {"device": ["lights"], "room": ["kitchen"]})
    blue = chat.request("control_device", "set them to blue", {})
    assert blue.startswith("Done:") and "kitchen lights" in blue and "blue" in blue
    later = chat.request("control_device", "turn them off at 9", {})
    assert "I can't schedule" in later and "kitchen lights" in later and "at 9" in later
    assert "on" in chat.request("device_status", "are the kitchen lights on", {"device": ["lights"],
                                                                                "room": ["kitchen"]})


def test_a_fragment_nlu_could_not_place_follows_the_last_request(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in boston", {"city": ["boston"]})
    sydney = chat.do("fallback", "and in sydney", {"city": ["sydney"]}, intent="nlu_fallback")
    assert "Sydney" in sydney and "didn't quite get that" not in sydney
    # nothing the last request's skill follows, or after a break: still "say it another way"
    assert "didn't quite get that" in chat.do("fallback", "how are you", {}, intent="nlu_fallback")
    # a value the skill does not find is a guess of NLU's, not a city
    assert "didn't quite get that" in chat.do("fallback", "under the name okafor", {"city": ["okafor"]},
                                              intent="nlu_fallback")
    chat.clock += 3600
    assert "didn't quite get that" in chat.do("fallback", "and in tacoma", {"city": ["tacoma"]}, intent="nlu_fallback")


@pytest.mark.parametrize("town, fragment, intent, entities, place", [
    ("birmingham", "the uk one", "inform", {}, "Birmingham, United Kingdom"),
    ("birmingham", "and alabama?", "weather", {"city": ["alabama"]}, "Birmingham, Alabama"),
    ("valencia", "no the venezuelan one", "fallback", {}, "Valencia, Venezuela"),
    ("perth", "in scotland", "inform", {}, "Perth, United Kingdom"),
    # the eleventh real set: the region ruled out is no part of it ("I couldn't find a city called Maine")
    ("portland", "maine not oregon", "weather", {"city": ["maine"]}, "Portland, Maine"),
])
def test_a_region_said_alone_picks_the_namesake_there(conv: Conversation, store: PreferenceStore, town: str,
                                                      fragment: str, intent: str, entities: dict, place: str) -> None:
    """After "I picked X; there are 3 places called X", "the uk one" names which (real sets 5, 7 and 8:
    "Sorry, I'm not sure what you'd like me to do with that", "I couldn't find a city called alabama")."""
    chat = Chat(conv)
    chat.request("weather", f"weather in {town}", {"city": [town]})
    if intent == "weather":
        reply = chat.request("weather", fragment, entities)
    else:
        reply = chat.do(intent if intent != "fallback" else "fallback", fragment, entities,
                        intent="nlu_fallback" if intent == "fallback" else intent)
    assert f"In {place}" in reply, reply
    # the user's meaning of the name is kept, as an answer at a teachable moment is, and the namesake picked
    # before is no longer "the one you usually mean" (make chat listed both Portlands under "what do you know")
    assert [p.value.split(",")[0] for p in store.get("ann", "asked_city")] == [place.split(",")[0]]
    assert place.split(",")[0] in chat.request("weather", f"weather in {town}", {"city": [town]})
    assert f"In {place}" in chat.request("weather", f"weather in {town}", {"city": [town]})


def test_a_region_with_no_namesake_or_more_words_is_no_refinement(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in birmingham", {"city": ["birmingham"]})
    assert "Birmingham" not in chat.do("inform", "the japanese one", {}, intent="inform")
    chat.request("weather", "weather in birmingham", {"city": ["birmingham"]})
    assert "didn't quite get" in chat.do("fallback", "is it muggy in the uk", {}, intent="nlu_fallback")


def test_several_device_commands_in_one_message_are_each_done(conv: Conversation) -> None:
    """Real sets 6 and 8: "turn off ..., start the dishwasher and ..." did the first and dropped the rest."""
    chat = Chat(conv)
    reply = chat.request("control_device", "turn off the kitchen lights, start the dishwasher and lock the back door",
                         {"device": ["lights", "dishwasher", "back door"], "room": ["kitchen"]})
    assert "kitchen lights are off" in reply and "dishwasher is running" in reply and "back door is" in reply
    both = chat.request("control_device", "turn on the bedroom lights and the fan", {"device": ["lights", "fan"],
                                                                                   "room": ["bedroom"]})
    assert "bedroom lights are on" in both and "fan is on" in both
    off = chat.request("control_device", "now turn off the tv and the fan", {"device": ["tv", "fan"], "power": ["off"]})
    assert "TV is off" in off and "fan is off" in off  # "and the fan" does what the clause before it did


def test_lights_out_is_off_whatever_on_the_landing_looks_like(conv: Conversation) -> None:
    """The eleventh real set: NLU tagged "loft" and the "on" of "on the landing" as the power: it turned them on."""
    chat = Chat(conv)
    reply = chat.request("control_device", "lights out in the loft and on the landing please",
                         {"device": ["lights"], "power": ["loft", "on"], "room": ["landing"]})
    assert "landing lights are off" in reply and "are on" not in reply, reply


def test_a_device_command_beside_another_request_is_done_too(conv: Conversation) -> None:
    """"turn off the kitchen lights and play some smooth jazz" played the jazz only (real set 4)."""
    chat = Chat(conv)
    reply = chat.request("play_music", "turn off the kitchen lights and play some smooth jazz",
                         {"genre": ["smooth jazz"], "device": ["lights"], "room": ["kitchen"]})
    assert "smooth jazz" in reply.lower() and "kitchen lights are off" in reply
    # the garden here is a room, not the band NLU took it for
    garden = chat.request("play_music", "play some blues and turn off the lights in the garden",
                          {"genre": ["blues"], "artist": ["the garden"]})
    assert "blues" in garden.lower() and "The Garden" not in garden and "garden lights are off" in garden


def test_one_request_with_and_in_it_is_not_split(conv: Conversation) -> None:
    chat = Chat(conv)
    assert "Earth, Wind & Fire" in chat.request("play_music", "play earth wind and fire",
                                                {"artist": ["earth wind and fire"]})
    lights = chat.request("control_device", "turn the lights on and make them brighter", {"device": ["lights"]})
    assert lights.count("Done") == 1


def test_a_device_fragment_nlu_could_not_place_follows_the_last_device_request(conv: Conversation) -> None:
    """"and the tv too", "close it", "all the way up" after a device request (real sets 6-8: "Sorry, I'm not
    sure what you'd like me to do with that")."""
    chat = Chat(conv)
    chat.request("control_device", "switch on the coffee maker", {"device": ["coffee maker"], "power": ["on"]})
    tv = chat.do("inform", "and the tv too", {}, intent="inform")
    assert tv.startswith("Done:") and "TV is on" in tv
    # a fragment that says its own action does that, not the last command's ("on")
    fan = chat.do("fallback", "switch off the fan", {}, intent="nlu_fallback")
    assert "fan is off" in fan, fan
    chat.request("device_status", "are the bedroom blinds open", {"device": ["blinds"], "room": ["bedroom"]})
    closed = chat.do("fallback", "close them", {}, intent="nlu_fallback")
    assert "bedroom blinds are closed" in closed
    up = chat.do("fallback", "all the way up", {}, intent="nlu_fallback")
    assert "bedroom blinds are open" in up
    third = chat.do("fallback", "open them about a third", {}, intent="nlu_fallback")
    assert "bedroom blinds are open 33%" in third, third
    asked = chat.do("fallback", "and the garage door?", {}, intent="nlu_fallback")
    assert "garage door" in asked.lower() and not asked.startswith("Done")  # a question asks, it does not do
    assert "didn't quite get" in chat.do("fallback", "they're still open", {}, intent="nlu_fallback")
    chat.request("control_device", "turn on the hallway light", {"device": ["light"], "room": ["hallway"]})
    # "on the landing" places the light, it does not switch the hallway's on again
    assert "not sure" in chat.do("inform", "and the one on the landing", {}, intent="inform")


@pytest.mark.parametrize("text", ["gracias", "danke!", "makasih", "asante sana", "merci beaucoup", "dank je"])
def test_thanks_in_other_languages_are_welcome(conv: Conversation, text: str) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in boston", {"city": ["boston"]})
    assert chat.do("fallback", text, {}, intent="nlu_fallback") == "You're welcome!"
    assert chat.do("inform", text, {}, intent="inform") == "You're welcome!"


@pytest.mark.parametrize("text", ["lol ok", "oof", "yikes!", "fair enough", "wow nice", "hmm ok cool"])
def test_a_reaction_to_an_answer_is_acknowledged_not_asked_to_be_rephrased(conv: Conversation, text: str) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in boston", {"city": ["boston"]})
    assert chat.do("fallback", text, {}, intent="nlu_fallback") == "OK."
    assert chat.do("inform", text, {}, intent="inform") == "OK."


@pytest.mark.parametrize("text", ["snow?", "temp", "ok play the next one by them", "W"])
def test_words_that_may_be_a_request_are_still_asked_to_be_rephrased(conv: Conversation, text: str) -> None:
    chat = Chat(conv)
    chat.request("sports_score", "how did the celtics do", {"team": ["celtics"]})
    assert "didn't quite get" in chat.do("fallback", text, {}, intent="nlu_fallback")


def test_a_thing_the_device_catalog_lacks_is_named_as_such_after_a_device_command(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("control_device", "turn on the kitchen lights", {"device": ["lights"], "room": ["kitchen"]})
    kettle = chat.do("fallback", "and the kettle", {}, intent="nlu_fallback")
    assert kettle.startswith("I can't control a kettle.") and "lights" in kettle
    assert chat.do("inform", "the toaster too", {}, intent="inform").startswith("I can't control a toaster.")
    # a place, or "the other one", is no appliance
    for text in ("and the landing", "and the other one", "the same"):
        assert "can't control" not in chat.do("fallback", text, {}, intent="nlu_fallback"), text
    # a device it knows is still switched as the last command said
    assert "fan is on" in chat.do("fallback", "and the fan", {}, intent="nlu_fallback")


def test_a_value_carried_or_asked_about_again_is_not_learned_as_a_preference(conv: Conversation,
                                                                           store: PreferenceStore) -> None:
    chat = Chat(conv)
    chat.request("sports_score", "bayern result", {"team": ["bayern"]})
    goals = chat.request("sports_score", "who got the goals for them")
    assert "Bayern Munich" in goals and "you support" not in goals, goals
    # other words about the same team: a new question, not a rewording of a failed one
    spread = chat.request("sports_score", "did bayern cover the spread", {"team": ["bayern"]})
    assert not spread.startswith("Sorry about that") and "Bayern Munich" in spread, spread
    assert store.get("ann", "team") == []
    # the same words again are a repeat, which a failed answer explains: sorry, then done again
    assert chat.request("sports_score", "did bayern cover the spread", {"team": ["bayern"]}).startswith(
        "Sorry about that.")


def test_a_team_the_skill_read_from_the_words_is_carried_to_the_next_question(conv: Conversation) -> None:
    chat = Chat(conv)
    assert chat.request("sports_score", "how did arsenal do this weekend").startswith("Arsenal ")
    nxt = chat.request("sports_score", "when do they play next")
    assert nxt.startswith("Arsenal play next"), nxt


def test_words_about_the_users_own_team_are_not_the_last_teams(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("sports_score", "how did liverpool do", {"team": ["liverpool"]})
    chat.do("statement", "i'm a spurs fan btw", {"team": ["spurs"]}, intent="state_preference")
    ours = chat.request("sports_score", "how did we get on")
    assert "San Antonio Spurs" in ours and "Liverpool" not in ours, ours
    assert "San Antonio Spurs" in chat.request("sports_score", "and did they win last time")  # the team just named
    other = Chat(conv, "bob")
    other.request("sports_score", "how did liverpool do", {"team": ["liverpool"]})
    assert "Liverpool" in other.request("sports_score", "did they win")  # "they" carries the last team
