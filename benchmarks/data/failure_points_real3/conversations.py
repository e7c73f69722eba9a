"""Third set of scripted conversations with the served assistant (see README.md).

Written by hand, in advance, without seeing any replies. Played by
../failure_points_real/collect.py --set benchmarks/data/failure_points_real3
"""

CONVERSATIONS = [
    ("re01", [
        "play some billy eyelash",
        "the one about the bad guy",
        "turn it up a little",
    ]),
    ("re02", [
        "whats the weather in springfield",
        "illinois",
        "and on saturday?",
    ]),
    ("re03", [
        "hey can you put on mr brightside",
        "skip",
        "play something else by the killers",
        "thanks that's good",
    ]),
    ("re04", [
        "turn off the kitchen lights",
        "and the hallway too",
        "actually leave the hallway on",
    ]),
    ("re05", [
        "i want to book a table for six on friday",
        "7:30",
        "somewhere italian if possible",
        "make it 8 instead",
    ]),
    ("re06", [
        "how did the lakers do last night",
        "what about the warriors",
        "when do they play next",
    ]),
    ("re07", [
        "play the song that goes hello from the other side",
        "no the adele one",
        "louder please",
    ]),
    ("re08", [
        "is it going to rain tomorrow in portland",
        "oregon not maine",
        "should i bring an umbrella",
    ]),
    ("re09", [
        "i really like jazz",
        "especially miles davis and coltrane",
        "play something i would like",
    ]),
    ("re10", [
        "whenever i say good morning open the blinds and start the coffee maker",
        "good morning",
    ]),
    ("re11", [
        "what's in the news today",
        "anything about tech",
        "tell me more about the first one",
    ]),
    ("re12", [
        "put on some lo fi beats to study to",
        "a bit quieter",
        "pause",
        "ok resume",
    ]),
    ("re13", [
        "temperature outside right now",
        "in fahrenheit please",
        "what about tonight",
    ]),
    ("re14", [
        "play dont stop believing",
        "journey",
        "repeat this song",
    ]),
    ("re15", [
        "set the bedroom thermostat to 68",
        "actually make it 70",
        "and turn on the fan in there",
    ]),
    ("re16", [
        "order me a pepperoni pizza",
        "ok can you find a pizza place nearby then",
        "one that delivers",
    ]),
    ("re17", [
        "play kendrick lamarr",
        "humble",
        "next one",
        "that's not what i asked for",
    ]),
    ("re18", [
        "weather in arlington this weekend",
        "the one in virginia",
        "will it be windy",
    ]),
    ("re19", [
        "what do you know about me",
        "what music do i like",
        "forget all of that",
    ]),
    ("re20", [
        "hi",
        "how are you doing today",
        "tell me a joke",
        "haha ok bye",
    ]),
    ("re21", [
        "play fleetwood mack",
        "dreams",
        "another one by them",
    ]),
    ("re22", [
        "is it snowing in lexington",
        "kentucky",
        "and next week?",
    ]),
    ("re23", [
        "dim the dining room lights to 30 percent",
        "a little brighter",
        "perfect thanks",
    ]),
    ("re24", [
        "did liverpool win today",
        "what was the score",
        "who scored",
    ]),
    ("re25", [
        "i hate heavy metal dont ever play it for me",
        "play some rock",
        "something softer",
    ]),
    ("re26", [
        "play ariana grandy",
        "thank u next",
        "skip this one",
        "go back to the last song",
    ]),
    ("re27", [
        "where can i get good ramen around here",
        "book a table for 2 tonight",
        "around 8 pm",
    ]),
    ("re28", [
        "set an alarm for 6 am",
        "ok what can you do then",
        "what's the weather tomorrow morning",
    ]),
    ("re29", [
        "play some smooth reggaeton",
        "more like bad bunny",
        "turn it down",
    ]),
    ("re30", [
        "how hot is it gonna get in madison today",
        "wisconsin",
        "and humidity?",
    ]),
    ("re31", [
        "preheat the oven to 375",
        "how long until it's ready",
        "turn it off in 40 minutes",
    ]),
    ("re32", [
        "from now on chill mode means play lo-fi and dim the lights",
        "chill mode",
        "stop",
    ]),
    ("re33", [
        "play the weekend blinding lights",
        "i said the weeknd",
        "whatever just play it",
    ]),
    ("re34", [
        "what's the forecast for richmond",
        "sorry i meant richmond virginia",
        "thunderstorms expected?",
    ]),
    ("re35", [
        "is the garage door closed",
        "close it",
        "and turn on the porch light",
    ]),
    ("re36", [
        "news about the election",
        "something more local",
        "ok never mind",
    ]),
    ("re37", [
        "play smells like teen",
        "nirvana",
        "play the whole album",
        "shuffle it",
    ]),
    ("re38", [
        "when do the packers play next",
        "who are they playing",
        "remind me before the game",
    ]),
    ("re39", [
        "play beyond say",
        "crazy in love",
        "more like this",
    ]),
    ("re40", [
        "weather",
        "manchester",
        "the uk one",
        "and tomorrow?",
    ]),
    ("re41", [
        "turn the ac down to 72 in the living room",
        "it's still too warm",
        "turn on the ceiling fan too",
    ]),
    ("re42", [
        "i'm vegetarian",
        "find me a restaurant with good veggie options",
        "mexican would be nice",
    ]),
    ("re43", [
        "play hosier take me to church",
        "who sings this",
        "play more from him",
    ]),
    ("re44", [
        "call my mom",
        "can you send a text to jake then",
        "useless",
    ]),
    ("re45", [
        "what's the weather going to be like for the game tonight",
        "in boston",
        "will it be below freezing",
    ]),
    ("re46", [
        "play we will we will rock you",
        "volume up",
        "more",
        "too loud now",
    ]),
    ("re47", [
        "switch the tv to hdmi 2",
        "turn the volume down on the tv",
        "turn off the tv in the bedroom",
    ]),
    ("re48", [
        "do you remember my favorite band",
        "it's radiohead",
        "play them",
    ]),
    ("re49", [
        "play some bluegrass",
        "not this one",
        "something with banjo",
    ]),
    ("re50", [
        "hows the weather in franklin tennessee on thursday",
        "what about friday",
        "and in nashville",
    ]),
    ("re51", [
        "reserve a table at a sushi place for 4 people",
        "saturday at 6",
        "actually change it to 5 people",
        "thanks",
    ]),
    ("re52", [
        "who won the yankees game",
        "and the mets",
        "what's the standings look like",
    ]),
    ("re53", [
        "play dojo cat",
        "say so",
        "what song is this",
    ]),
    ("re54", [
        "if i say i'm home turn on the hallway lights and set the heat to 70",
        "i'm home",
        "what does i'm home do",
    ]),
    ("re55", [
        "whats the capital of peru",
        "how many calories in an avocado",
        "ok tell me the weather then",
    ]),
    ("re56", [
        "play florence in the machine",
        "dog days are over",
        "louder",
        "stop the music",
    ]),
    ("re57", [
        "is it sunny in athens",
        "athens georgia",
        "and sunday",
    ]),
    ("re58", [
        "delete everything you know about me",
        "yes i'm sure",
        "what do you know about me now",
    ]),
    ("re59", [
        "play that song just a small town girl living in a lonely world",
        "yes that one",
    ]),
    ("re60", [
        "turn on the lights in the kids room",
        "set them to blue",
        "turn them off at 9",
    ]),
    ("re61", [
        "i'm not a fan of rap music",
        "but i love old school soul",
        "play me some",
    ]),
    ("re62", [
        "weather in moscow",
        "no moscow idaho",
        "how cold tonight",
    ]),
    ("re63", [
        "play some 90s hip hop",
        "play tupac",
        "next",
        "skip",
        "ok this is good",
    ]),
    ("re64", [
        "any good thai places open now",
        "something cheap",
        "how about indian",
    ]),
    ("re65", [
        "what's the latest on the climate summit",
        "sports news",
        "thanks that's enough",
    ]),
    ("re66", [
        "play the king of pop",
        "billie jean",
        "another michael jackson song",
    ]),
    ("re67", [
        "start the dishwasher",
        "is the washing machine done",
        "turn off everything in the kitchen",
    ]),
    ("re68", [
        "will it be foggy in san francisco tomorrow morning",
        "what time does the fog clear",
        "and oakland",
    ]),
    ("re69", [
        "play some synthwave",
        "like the stuff from drive",
        "perfect leave it on",
    ]),
    ("re70", [
        "what teams do i follow",
        "i follow the celtics and the patriots",
        "how did they do this week",
    ]),
    ("re71", [
        "book me a flight to chicago",
        "what's the weather in chicago then",
        "windy?",
    ]),
    ("re72", [
        "play post malony circles",
        "no post malone",
        "ugh never mind",
    ]),
    ("re73", [
        "weather in cambridge",
        "massachusetts",
        "i meant england actually",
    ]),
    ("re74", [
        "turn on the fan",
        "the one in the office",
        "speed 3",
    ]),
    ("re75", [
        "play something by bon ivor",
        "holocene",
        "something more upbeat",
        "that's still sad",
    ]),
    ("re76", [
        "what's my name",
        "my name is priya",
        "what's my name now",
    ]),
    ("re77", [
        "is there a steakhouse downtown",
        "table for 3 at 7 tomorrow",
        "cancel that",
    ]),
    ("re78", [
        "play radio head karma police",
        "turn it up",
        "what album is this on",
    ]),
    ("re79", [
        "how much snow is supposed to fall in buffalo",
        "when does it start",
        "and in syracuse",
    ]),
    ("re80", [
        "i don't like it when you play taylor swift",
        "play some pop",
        "why did you play that",
    ]),
    ("re81", [
        "what's the score of the dodgers game",
        "who's pitching",
        "ok play some music",
    ]),
    ("re82", [
        "the usual means a table for two at luigi's at 7",
        "the usual for friday",
    ]),
    ("re83", [
        "play some classical piano for dinner",
        "chopin",
        "quieter please",
        "thank you",
    ]),
    ("re84", [
        "what's the weather in vienna",
        "austria",
        "in celsius",
    ]),
    ("re85", [
        "you're not listening to me",
        "i asked for the weather in plymouth",
        "plymouth massachusetts",
        "forget it",
    ]),
]
