"""Scripted conversations of the sixth set of real conversations (see README.md).

Written by hand, as many different users would type or dictate them. Played turn by turn by
../failure_points_real/collect.py --set benchmarks/data/failure_points_real6.
"""

CONVERSATIONS = [
    ("r6-u001", [
        "whats the weather like in paris this weekend",
        "paris texas lol not france",
        "ok so will it be windy on saturday",
    ]),
    ("r6-u002", [
        "play some dolly parton",
        "louder please",
        "skip this one, put on jolene",
    ]),
    ("r6-u003", [
        "turn on the porch light",
        "and lock the front door",
        "is the garage door closed?",
    ]),
    ("r6-u004", [
        "did the yankees win last night",
        "who pitched",
        "when do they play next",
    ]),
    ("r6-u005", [
        "book a table for 2 at trattoria nonna pia tomorrow at 8pm",
        "actually make it 4 people",
        "can we do 8:30 instead",
        "perfect thank you",
        "oh and can you mention it's a birthday",
    ]),
    ("r6-u006", [
        "fyi i dont eat pork",
        "find me somewhere good for dinner around here",
        "that place is famous for pulled pork?? i literally said no pork",
    ]),
    ("r6-u007", [
        "play led zepplin",
        "zeppelin* sorry",
        "stairway to heaven",
        "turn it up a bit",
    ]),
    ("r6-u008", [
        "snow?",
        "in kingston",
        "kingston ontario i mean",
    ]),
    ("r6-u009", [
        "call my sister",
        "can you send her a text then",
        "useless",
    ]),
    ("r6-u010", [
        "from now on when i say movie time dim the den lights and close the den blinds",
        "movie time",
        "did that work? the blinds are still open",
    ]),
    ("r6-u011", [
        "any news about the mars mission",
        "tell me more",
        "what about the stock market today",
    ]),
    ("r6-u012", [
        "turn off the kitchen lights, start the dishwasher and set the downstairs thermostat to 20",
        "thanks",
    ]),
    ("r6-u013", [
        "hello, how is the wheather tomorrow in mumbai, i go there for business",
        "it will rain? i need umbrella?",
        "thank you so much",
    ]),
    ("r6-u014", [
        "put on some reggae",
        "more bob marley",
        "who's singing this one",
        "add it to my playlist",
    ]),
    ("r6-u015", [
        "bundesliga table please",
        "where are dortmund",
        "and bayern?",
    ]),
    ("r6-u016", [
        "what do you know about me",
        "where did you get that from",
        "ok delete all of it",
        "is it gone now?",
    ]),
    ("r6-u017", [
        "I was wondering if you might be able to turn the heating up a little in the home office",
        "maybe to 21.5?",
        "lovely, much appreciated",
    ]),
    ("r6-u018", [
        "yo play some bangers",
        "nah this aint it, something with more bass",
        "ok this slaps",
    ]),
    ("r6-u019", [
        "is it gonna freeze tonight in aberdeen? got tomatoes outside",
        "aberdeen scotland",
        "so should i bring them in or not",
    ]),
    ("r6-u020", [
        "cancel my booking at the copper pot",
        "the one on friday",
        "ok then book sakura sushi for friday 7pm for three instead",
    ]),
    ("r6-u021", [
        "whats 48 times 365",
        "and divided by 12",
        "nvm ill use the calculator",
    ]),
    ("r6-u022", [
        "is the washing machine done",
        "how long left",
        "ping me when it finishes",
    ]),
    ("r6-u023", [
        "play um the song that goes is this the real life is this just fantasy",
        "yeah that one",
        "volume up to seventy",
    ]),
    ("r6-u024", [
        "maple leafs score",
        "who scored for them",
        "ugh. next game?",
    ]),
    ("r6-u025", [
        "i'm lactose intolerant just so you know",
        "suggest a pizza place for tonight",
        "do they have dairy free cheese",
    ]),
    ("r6-u026", [
        "weather in birmingham tomorrow",
        "no, alabama",
        "what about sunday",
        "will there be thunderstorms",
        "ok so umbrella or no",
    ]),
    ("r6-u027", [
        "wie wird das wetter morgen in hamburg",
        "in english please",
        "danke",
    ]),
    ("r6-u028", [
        "did i lock the back door",
        "lock it",
        "and close the garage while ur at it",
    ]),
    ("r6-u029", [
        "play vivaldi four seasons",
        "just winter",
        "a bit softer",
    ]),
    ("r6-u030", [
        "whats happening with the hurricane in florida",
        "is it gonna hit tampa",
        "any evacuation orders",
    ]),
    ("r6-u031", [
        "when i say goodnight house lock all the doors and turn off the downstairs lights",
        "remember that ok?",
        "goodnight house",
    ]),
    ("r6-u032", [
        "pakistan vs england score",
        "who's winning",
        "how many overs left",
    ]),
    ("r6-u033", [
        "temp",
        "outside I mean",
        "k",
    ]),
    ("r6-u034", [
        "any good ethiopian restaurants near me",
        "which one has the best reviews",
        "book that one for saturday 6:30 for 5",
        "under the name Okafor",
    ]),
    ("r6-u035", [
        "read my emails",
        "ok what's on my calendar today",
        "you can't do much huh",
    ]),
    ("r6-u036", [
        "play some beyonse",
        "beyoncé",
        "halo",
    ]),
    ("r6-u037", [
        "start the robot vacuum on the upstairs landing",
        "stop it the cat is freaking out",
        "send it back to the dock",
    ]),
    ("r6-u038", [
        "will it be a good beach day in naples on saturday",
        "naples florida",
        "what time is sunset",
        "and the water temperature?",
    ]),
    ("r6-u039", [
        "i cannot stand country music, never play it for me",
        "play something relaxing",
        "this sounds country to me?? i said no country",
    ]),
    ("r6-u040", [
        "do you remember my name",
        "its priya",
        "say my name back to me",
        "ok remember it this time",
    ]),
    ("r6-u041", [
        "plz turn of the lihgts in the mudroom",
        "mudroom lights. off.",
    ]),
    ("r6-u042", [
        "chiefs game score",
        "and the packers?",
        "who do the packers play next week",
    ]),
    ("r6-u043", [
        "set the kids room to 68",
        "is that fahrenheit",
        "ok make it 66 for tonight",
    ]),
    ("r6-u044", [
        "i want reserve table for six persons tonight, italian food",
        "seven o clock",
        "is possible near to the train station?",
    ]),
    ("r6-u045", [
        "play some lo-fi beats in the office and turn on the desk lamp",
        "turn it down a smidge",
        "nice",
    ]),
    ("r6-u046", [
        "air quality in delhi today",
        "is it safe to go for a run",
        "what about tmrw morning",
    ]),
    ("r6-u047", [
        "order me an uber to the airport",
        "how much would it cost",
        "fine",
    ]),
    ("r6-u048", [
        "any news on the election in brazil",
        "who's ahead",
        "cheers",
    ]),
    ("r6-u049", [
        "play hurt by johnny cash",
        "not the nine inch nails one",
        "when did he record this",
        "sad. play something happier",
    ]),
    ("r6-u050", [
        "turn on the coffee maker",
        "and the kettle",
        "make sure the toaster is off",
    ]),
    ("r6-u051", [
        "arsenal liverpool result",
        "who scored",
        "where does that leave arsenal in the table",
    ]),
    ("r6-u052", [
        "the spot means a table for 2 at sakura sushi at 8, remember that",
        "book the spot for friday",
        "what does the spot mean?",
    ]),
    ("r6-u053", [
        "wats the forcast for valenica this wek",
        "valencia spain",
        "will it be hot",
    ]),
    ("r6-u054", [
        "hey play some motown",
        "louder",
        "louder!!",
        "perfect, leave it there",
    ]),
    ("r6-u055", [
        "bruh its freezing in here",
        "crank the heat in the lounge",
        "fr thanks",
    ]),
    ("r6-u056", [
        "motogp this weekend where's the race",
        "what time does it start",
        "in my time zone?",
    ]),
    ("r6-u057", [
        "call me Dee from now on",
        "whats the weather",
        "you didn't say my name lol",
    ]),
    ("r6-u058", [
        "forget that i'm lactose intolerant",
        "actually forget everything about restaurants",
        "what do you still know about me",
    ]),
    ("r6-u059", [
        "looking for somewhere gluten free for lunch",
        "in the city centre",
        "do they take reservations",
        "ok book 1pm for 2",
    ]),
    ("r6-u060", [
        "tell me a joke",
        "another one",
        "lol ok",
    ]),
    ("r6-u061", [
        "open the conservatory blinds halfway",
        "a bit more",
        "thats too much, close them a little",
    ]),
    ("r6-u062", [
        "hey can you play some celtic folk, set the sunroom to 19 and close the blinds in there",
        "the blinds are still open",
        "and the music stopped??",
        "whatever, doing it by hand",
    ]),
    ("r6-u063", [
        "is it going to rain during the boston marathon on monday",
        "what time does the rain start",
        "hm ok",
    ]),
    ("r6-u064", [
        "pon música de rosalía",
        "más alto por favor",
        "gracias",
    ]),
    ("r6-u065", [
        "what's the latest on bird flu",
        "is it in my area",
        "should i worry about eggs",
    ]),
    ("r6-u066", [
        "celtics knicks tonight what channel",
        "whats the spread",
        "anyone injured?",
    ]),
    ("r6-u067", [
        "garage",
        "open it",
        "no close it, sorry",
    ]),
    ("r6-u068", [
        "weather in perth and in hamilton tomorrow",
        "perth scotland and hamilton new zealand",
        "which one's warmer",
    ]),
    ("r6-u069", [
        "i like the bedroom at 17 degrees at night, always",
        "set up the bedroom for tonight",
        "why is it on 20, i told you 17",
    ]),
    ("r6-u070", [
        "find my phone",
        "make it ring",
        "ugh",
    ]),
    ("r6-u071", [
        "play some jay chou",
        "jay chou not jay z",
        "next song please",
    ]),
    ("r6-u072", [
        "what routines have i set up",
        "delete goodnight house",
        "and the other ones too",
    ]),
    ("r6-u073", [
        "who won the us open final",
        "women's too",
        "how many slams does she have now",
    ]),
    ("r6-u074", [
        "I have a table at el rincón tonight for 4, can you move it to 9",
        "and add one more person",
        "actually cancel it, everyone bailed",
        "cheers anyway",
    ]),
    ("r6-u075", [
        "hows the weather looking for my hike saturday near boulder",
        "what about lightning",
        "and early sunday",
    ]),
    ("r6-u076", [
        "turn on the patio heater",
        "and the string lights out back",
        "switch it all off at 11",
    ]),
    ("r6-u077", [
        "metti un po' di musica italiana",
        "something by lucio dalla",
        "grazie mille",
    ]),
    ("r6-u078", [
        "lowkey need some drum and bass rn",
        "this is fire ngl",
        "bump it up",
    ]),
    ("r6-u079", [
        "headlines",
        "anything about tech",
        "read the first one",
    ]),
    ("r6-u080", [
        "is my shellfish allergy still saved",
        "i told you last week, i'm allergic to shellfish",
        "ok so what do you have on me",
    ]),
    ("r6-u081", [
        "how tall is mount kilimanjaro",
        "how long does it take to climb",
        "cool",
    ]),
    ("r6-u082", [
        "i support the bruins btw",
        "did my team win",
        "that's the celtics, i said bruins",
    ]),
    ("r6-u083", [
        "run the dehumidifier in the laundry room",
        "whats the humidity in there",
        "leave it on for 2 hours",
    ]),
    ("r6-u084", [
        "will it hail in calgary today",
        "should i put the car in the garage",
        "thx",
    ]),
    ("r6-u085", [
        "play the weekend",
        "THE WEEKND, the singer",
        "blinding lights",
    ]),
    ("r6-u086", [
        "hi there",
        "what can you help me with",
        "can you do recipes",
        "ok cool",
    ]),
    ("r6-u087", [
        "where can i get good dim sum on sunday around 11",
        "we're 8 people, do i need to book",
        "book it for 11 please",
    ]),
    ("r6-u088", [
        "six nations results",
        "how did wales do",
        "who's top",
        "you sure about that?",
    ]),
    ("r6-u089", [
        "would you mind switching off the tv in the den",
        "and the soundbar too please",
        "thank you kindly",
    ]),
    ("r6-u090", [
        "whenever i say coffee time turn on the coffee maker and read me the headlines",
        "coffee time",
        "you forgot the headlines",
    ]),
    ("r6-u091", [
        "yaar play some arijit singh songs",
        "tum hi ho",
        "volume thoda kam karo",
    ]),
    ("r6-u092", [
        "hey siri whats the weather in reykjavik",
        "fine, whoever you are, whats the weather in reykjavik",
        "northern lights tonight?",
    ]),
    ("r6-u093", [
        "book me a flight to lisbon next friday",
        "just check prices then",
        "nvm then",
    ]),
]
