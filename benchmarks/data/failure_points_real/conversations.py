"""User scripts for the real-conversation collection (see README.md).

Written by hand, as varied users would type (or dictate) to a home assistant,
without looking at the assistant's training data or at any failure classifier.
Each entry: (user id, [turns in order]). Every conversation has its own user id.
"""
from __future__ import annotations

CONVERSATIONS: list[tuple[str, list[str]]] = [
    # --- music ---
    ("rc01", ["play some jazz", "something more upbeat", "thanks"]),
    ("rc02", ["play maj and dragons", "imagine dragons i mean", "turn it up"]),
    ("rc03", ["can you put on taylor swift", "play shake it off", "skip this song"]),
    ("rc04", ["play the beatles", "no the beatles not beetles", "whatever, forget it"]),
    ("rc05", ["hey", "i want to listen to some music", "something relaxing for studying", "perfect thank you"]),
    ("rc06", ["play bohemian rhapsody by queen", "who sings this", "play more like it"]),
    ("rc07", ["play billy eyelash", "billie eilish", "ok thanks"]),
    ("rc08", ["put on some classical music", "maybe some beethoven", "stop the music"]),
    ("rc09", ["play some hip hop", "play kendrick lamar", "louder please", "pause"]),
    ("rc10", ["play ed sheerin", "play shape of you", "that's not what i asked for"]),
    ("rc11", ["music please", "rock", "play acdc", "thanks that's great"]),
    ("rc12", ["play something by fleetwood mac", "play dreams", "next"]),
    ("rc13", ["play lo-fi beats", "play lofi hip hop", "ok"]),
    ("rc14", ["play country music", "actually i hate country, play some blues instead"]),
    # --- weather ---
    ("rc15", ["what's the weather like today", "and tomorrow?", "do i need an umbrella"]),
    ("rc16", ["weather in portland", "portland oregon", "what about the weekend"]),
    ("rc17", ["how hot is it in springfield", "springfield illinois", "thanks"]),
    ("rc18", ["is it going to rain in seattle tomorrow", "what about san francisco", "ok cool"]),
    ("rc19", ["weather in paris", "in celsius please", "what about london"]),
    ("rc20", ["whats the forecast for boston this weekend", "will it snow", "no i asked about snow", "never mind"]),
    ("rc21", ["temperature outside", "in new york", "is that fahrenheit?"]),
    ("rc22", ["how's the weather in tokyo", "and in sydney", "thank you"]),
    ("rc23", ["should i wear a jacket today", "i'm in chicago", "ok thanks"]),
    ("rc24", ["wether in miami", "the weather in miami florida", "great"]),
    # --- restaurants and bookings ---
    ("rc25", ["find me a good italian restaurant", "in downtown", "book a table for 2 at 7pm", "thanks"]),
    ("rc26", ["i'm hungry", "something cheap nearby", "any sushi places?"]),
    ("rc27", ["find a vegetarian restaurant in austin", "is it open now", "book it for 4 people tomorrow at 8"]),
    ("rc28", ["book a table for tonight", "for 3 people", "at 7:30", "at the thai place"]),
    ("rc29", ["where can i get good pizza", "in brooklyn", "cancel my reservation"]),
    ("rc30", ["recommend a mexican restaurant", "something with outdoor seating", "ok forget it"]),
    ("rc31", ["i need a restaurant for a date night", "french maybe", "book for two at 8 on saturday", "thank you so much"]),
    ("rc32", ["any indian food near me", "that's not near me", "show me other options"]),
    ("rc33", ["reserve a table at olive garden for 6", "friday at 6pm"]),
    # --- sports ---
    ("rc34", ["how did the lakers do last night", "who scored the most points", "when's the next game"]),
    ("rc35", ["score of the yankees game", "and the mets?", "thanks"]),
    ("rc36", ["did manchester united win", "what was the score", "who do they play next"]),
    ("rc37", ["nba scores", "warriors", "ok"]),
    ("rc38", ["how are the patriots doing this season", "are they in the playoffs", "no, the new england patriots"]),
    ("rc39", ["who won the super bowl", "who won the world series", "cool"]),
    ("rc40", ["how did my team do", "the celtics", "remember that they're my team"]),
    # --- news ---
    ("rc41", ["what's in the news today", "any tech news", "thanks"]),
    ("rc42", ["give me the headlines", "sports news", "read the first one"]),
    ("rc43", ["latest news about the election", "anything else", "ok bye"]),
    ("rc44", ["news please", "business news", "more"]),
    ("rc45", ["what happened in the world today", "tell me about science news"]),
    # --- smart home ---
    ("rc46", ["turn on the living room lights", "dim them to 50 percent", "thanks"]),
    ("rc47", ["turn off the lights", "all of them", "in the bedroom"]),
    ("rc48", ["set the thermostat to 72", "make it a bit warmer", "what's it set to now"]),
    ("rc49", ["lock the front door", "is the front door locked", "good"]),
    ("rc50", ["turn on the kitchen light", "turn on the kichen light", "why didn't that work"]),
    ("rc51", ["it's too cold in here", "turn the heat up", "to 70"]),
    ("rc52", ["switch off the tv", "turn off the fan in the bedroom", "thx"]),
    ("rc53", ["open the garage door", "close the garage", "is the garage closed?"]),
    ("rc54", ["turn the lights red", "set the bedroom lights to blue", "turn them off"]),
    # --- stating preferences ---
    ("rc55", ["i love jazz", "play some music", "thanks"]),
    ("rc56", ["i'm a vegetarian", "find me somewhere to eat", "great"]),
    ("rc57", ["i live in portland maine", "what's the weather", "and tomorrow"]),
    ("rc58", ["i hate country music", "play something", "that's country, i said i hate it"]),
    ("rc59", ["use celsius for temperatures", "weather in berlin", "what's the temperature in rome"]),
    ("rc60", ["i'm a big red sox fan", "how did my team do", "who are they playing tomorrow"]),
    ("rc61", ["my favorite food is sushi", "where should i eat tonight", "book it for 2 at 8pm"]),
    ("rc62", ["i don't like rap", "play some music", "i love 80s pop", "play something"]),
    # --- asking what it knows ---
    ("rc63", ["what do you know about me", "forget that i like jazz", "what do you know about me now"]),
    ("rc64", ["what music do i like", "i like indie rock", "what music do i like"]),
    ("rc65", ["i'm a chelsea fan and i love thai food", "what do you remember about me", "forget everything about me"]),
    ("rc66", ["where do i live", "i live in denver", "what's the weather"]),
    # --- things it cannot do ---
    ("rc67", ["order me an uber", "can you call a taxi", "ok what can you do"]),
    ("rc68", ["set an alarm for 7am", "remind me to call mom at 5", "useless"]),
    ("rc69", ["what's 15 times 23", "tell me a joke", "who are you"]),
    ("rc70", ["send a text to john", "can you read my emails", "fine, play some music then"]),
    ("rc71", ["buy milk on amazon", "add milk to my shopping list", "nevermind"]),
    # --- mixed ---
    ("rc72", ["good morning", "what's the weather", "play some morning music", "turn on the kitchen lights", "thanks"]),
    ("rc73", ["hi there", "how did the bulls do", "play some music", "bye"]),
    ("rc74", ["i'm bored", "suggest something", "play something fun"]),
    ("rc75", ["wats the score of the giants game", "new york giants", "football not baseball"]),
]
