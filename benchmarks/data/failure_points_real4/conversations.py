"""Scripted user conversations for the fourth set of real conversations (see README.md).

Written by hand in advance, without seeing any reply: later turns do not depend
on what the assistant actually answered. Played by
../failure_points_real/collect.py --set benchmarks/data/failure_points_real4.
"""

CONVERSATIONS: list[tuple[str, list[str]]] = [
    ("r4-u001", [
        "play something by lana del ray",
        "not that one, video games",
        "can you make it a bit quieter",
    ]),
    ("r4-u002", [
        "whats the weather in kingston tomorrow",
        "no the one in jamaica",
        "and is it gonna rain there on sunday",
    ]),
    ("r4-u003", [
        "hey there",
        "would you mind dimming the lights in the den a little",
        "thanks thats perfect",
    ]),
    ("r4-u004", [
        "find me a ramen place nearby",
        "something thats open late",
        "book it for 3 people at 9:30",
        "actually make it 4",
        "whats the name of the place again",
    ]),
    ("r4-u005", [
        "who won the celtics game last night",
        "when do they play next",
        "what about the knicks",
    ]),
    ("r4-u006", [
        "from now on when i say movie night dim the living room lights and turn on the tv",
        "movie night",
        "nice. turn the tv volume down a couple notches",
    ]),
    ("r4-u007", [
        "just so you know i'm vegetarian",
        "find somewhere for dinner tonight",
        "does that place even have vegetarian stuff",
    ]),
    ("r4-u008", [
        "put on kendrick lamarr",
        "louder",
        "louder",
        "skip",
    ]),
    ("r4-u009", [
        "is it going to snow in bristol this week",
        "i meant bristol tennessee",
        "ok what about friday night",
    ]),
    ("r4-u010", [
        "set a timer for 12 minutes",
        "ok then can you remind me to take the lasagna out",
        "useless",
    ]),
    ("r4-u011", [
        "what do you know about me",
        "forget my favorite team",
        "and forget that i like jazz too",
    ]),
    ("r4-u012", [
        "play the song that goes is this the real life is this just fantasy",
        "yes that one",
        "who sings it",
    ]),
    ("r4-u013", [
        "turn the thermostat to 71",
        "is that fahrenheit",
        "make it 69 then",
    ]),
    ("r4-u014", [
        "yo play some bangers",
        "nah something with more bass",
        "ngl this slaps, play more like it",
    ]),
    ("r4-u015", [
        "please you can tell me the weather for tomorrow in columbus",
        "columbus georgia not ohio",
        "thank you very much",
    ]),
    ("r4-u016", [
        "lock the front door",
        "and the back one",
        "did the garage close too",
    ]),
    ("r4-u017", [
        "whats new with the mars rover",
        "anything else in science news",
        "ok what about sports headlines",
    ]),
    ("r4-u018", [
        "i want reserve table for four persons at friday",
        "italian food please",
        "at seven o clock in the evening",
    ]),
    ("r4-u019", [
        "turn off the kitchen lights and play some smooth jazz",
        "the kitchen lights are still on",
    ]),
    ("r4-u020", [
        "play ed shearin",
        "ed sheeran",
        "the one about the castle on the hill",
    ]),
    ("r4-u021", [
        "i really cant stand country music so please never play it",
        "play something upbeat for cleaning",
        "what kind of music do i not like",
    ]),
    ("r4-u022", [
        "is it humid in houston today",
        "should i bring an umbrella",
        "what about tomorrow morning",
    ]),
    ("r4-u023", [
        "call my mom",
        "can you text her then",
        "fine, skip it",
    ]),
    ("r4-u024", [
        "whats the score of the dodgers game",
        "thats not what i asked, i said dodgers",
        "whats the score of the dodgers game",
    ]),
    ("r4-u025", [
        "open the blinds in the bedroom",
        "halfway",
        "actually close them",
    ]),
    ("r4-u026", [
        "from now on the spot means thai basil on fifth street",
        "book a table at the spot for 2 tomorrow at 8",
        "what does the spot mean",
    ]),
    ("r4-u027", [
        "how cold will it get in paris tonight",
        "paris texas lol",
        "is that below freezing",
    ]),
    ("r4-u028", [
        "play tame and paula",
        "tame impala",
        "mix up the order",
    ]),
    ("r4-u029", [
        "good morning",
        "whats the weather like",
        "any news i should know about",
        "ok thanks have a good one",
    ]),
    ("r4-u030", [
        "start the dishwasher",
        "how long does it take",
        "ok and turn on the robot vacuum in the hallway",
    ]),
    ("r4-u031", [
        "how did arsenal do this weekend",
        "where are they in the table",
        "and liverpool",
    ]),
    ("r4-u032", [
        "i was wondering if you could find a sushi place thats not too expensive",
        "somewhere downtown maybe",
        "whats their rating",
        "nah im good",
    ]),
    ("r4-u033", [
        "when i say im heading out lock all the doors and turn off every light",
        "im heading out",
        "did it work",
    ]),
    ("r4-u034", [
        "whats the weather in birmingham",
        "no the uk one",
        "and next week",
    ]),
    ("r4-u035", [
        "play sabrina carpender",
        "play a different track of hers",
        "whats this one called",
    ]),
    ("r4-u036", [
        "my name is dolores by the way",
        "what's my name",
    ]),
    ("r4-u037", [
        "can you order me an uber to the airport",
        "how about checking my flight then",
        "what can you actually do",
    ]),
    ("r4-u038", [
        "make it warmer in here",
        "warmer",
        "still freezing in here",
        "set it to 74",
    ]),
    ("r4-u039", [
        "any thunderstorms in aurora this afternoon",
        "aurora colorado",
        "and illinois",
    ]),
    ("r4-u040", [
        "book dim sum for sunday brunch",
        "six of us",
        "around 11",
        "can you change it to 11:30",
        "and add a high chair",
    ]),
    ("r4-u041", [
        "news",
        "more",
        "stop",
    ]),
    ("r4-u042", [
        "play country roads take me home",
        "by john denver",
        "play it again",
    ]),
    ("r4-u043", [
        "i prefer celsius for the temperature",
        "how hot is it gonna be in phoenix tomorrow",
        "why is that in fahrenheit i told you celsius",
    ]),
    ("r4-u044", [
        "turn on the porch light",
        "and set it to turn off at midnight",
        "ok just turn it off then",
    ]),
    ("r4-u045", [
        "who's winning the packers bears game",
        "what quarter is it",
        "whatever, who won last week",
    ]),
    ("r4-u046", [
        "play some music",
        "not this",
        "something chill for studying",
        "perfect thank you",
    ]),
    ("r4-u047", [
        "whats the weather in salem this weekend",
        "massachusetts",
        "no i said oregon sorry",
    ]),
    ("r4-u048", [
        "hey siri turn on the speakers in the patio",
        "play bad bunnie out there",
        "bad bunny",
    ]),
    ("r4-u049", [
        "remember that i'm allergic to shellfish",
        "find me a seafood restaurant for saturday",
        "wait i just said im allergic",
    ]),
    ("r4-u050", [
        "how many calories are in a bagel",
        "ok whats the weather then",
    ]),
    ("r4-u051", [
        "put on the arctic monkies",
        "the arctic monkeys",
        "do i wanna know",
        "turn it down",
    ]),
    ("r4-u052", [
        "could you possibly tell me if the yankees won",
        "by how much",
        "who pitched",
    ]),
    ("r4-u053", [
        "turn off everything in the basement",
        "the tv too",
        "ok and the dehumidifier",
    ]),
    ("r4-u054", [
        "whats the forecast for durham tomorrow",
        "wait which durham is that",
        "the one in north carolina",
        "will it be windy",
    ]),
    ("r4-u055", [
        "hola puedes poner musica",
        "sorry, play rosalia",
        "gracias",
    ]),
    ("r4-u056", [
        "my team is the chiefs",
        "how did my team do",
        "when do they play next",
    ]),
    ("r4-u057", [
        "cancel my reservation",
        "the one at bella notte on thursday",
        "ok and book blue door bistro instead same time",
    ]),
    ("r4-u058", [
        "play that song i cant get out of my head lol",
        "the one that goes i got a feeling that tonights gonna be a good night",
        "the black eyed peas",
    ]),
    ("r4-u059", [
        "tell me a joke",
        "another",
        "ok play some comedy podcasts",
    ]),
    ("r4-u060", [
        "is there fog in san francisco this morning",
        "and tomorrow",
        "ok and in berkeley",
    ]),
    ("r4-u061", [
        "when i say bedtime turn off the downstairs lights lock the front door and set the heat to 65",
        "bedtime",
        "actually make bedtime 64 degrees not 65",
        "bedtime",
    ]),
    ("r4-u062", [
        "whats going on with the teachers strike",
        "locally i mean",
        "eh doesnt matter",
    ]),
    ("r4-u063", [
        "play led zeplin",
        "stairway",
        "skip the intro",
        "next",
    ]),
    ("r4-u064", [
        "im looking for ethiopian food",
        "for tomorrow night, 2 people",
        "is there parking there",
    ]),
    ("r4-u065", [
        "lights",
        "the living room",
        "off",
    ]),
    ("r4-u066", [
        "will it be nice enough for a bbq in hamilton on saturday",
        "hamilton ontario",
        "what about sunday",
    ]),
    ("r4-u067", [
        "what was the last thing i asked you",
        "why did you say that",
    ]),
    ("r4-u068", [
        "play olivia rodriguez",
        "no OLIVIA RODRIGO",
        "you're not getting it",
        "whatever i give up",
    ]),
    ("r4-u069", [
        "turn the kettle on",
        "and start the coffee machine",
        "make the coffee a double",
    ]),
    ("r4-u070", [
        "hows the weather in georgetown",
        "the one in dc",
        "is it raining right now",
    ]),
    ("r4-u071", [
        "who's top of the nba standings",
        "east or west?",
        "sorry, the west",
    ]),
    ("r4-u072", [
        "i dont like spicy food",
        "recommend me a thai place",
        "what do you remember about my food",
        "please delete all of that",
    ]),
    ("r4-u073", [
        "play some 80s rock and tell me the weather",
        "the weather?",
    ]),
    ("r4-u074", [
        "lowkey is it cold out",
        "fr? how cold",
        "bet thanks",
    ]),
    ("r4-u075", [
        "whats the news on the election",
        "who's ahead",
        "ok tell me something else",
    ]),
    ("r4-u076", [
        "set the bedroom to 66 and the office to 70",
        "what is the office at now",
    ]),
    ("r4-u077", [
        "play harry style",
        "play harry styles",
        "the one about watermelon",
    ]),
    ("r4-u078", [
        "book a table at casa ramirez",
        "tonight",
        "uh 7:45 for 5",
        "is that confirmed",
    ]),
    ("r4-u079", [
        "is it going to freeze in burlington tonight",
        "vermont",
        "should i cover my plants",
    ]),
    ("r4-u080", [
        "what's the capital of australia",
        "how far is it from sydney",
        "ok whats the weather in perth",
    ]),
    ("r4-u081", [
        "i hate when you play the same songs over and over",
        "play something new",
        "this is the same song again",
    ]),
    ("r4-u082", [
        "turn on the washer, cold wash",
        "how long is left",
        "tell me when its done",
    ]),
    ("r4-u083", [
        "play music by gorillas",
        "gorillaz the band",
        "feel good inc",
        "thanks",
    ]),
    ("r4-u084", [
        "whats the weather in valencia next tuesday",
        "spain",
        "good enough for the beach?",
    ]),
    ("r4-u085", [
        "did the maple leafs win",
        "what was the score",
        "and the bruins",
        "ok thats enough hockey, any news about the heat wave",
        "cheers",
    ]),
    ("r4-u086", [
        "erase everything you know about me",
        "are you sure its all gone",
        "so what have you got on me now",
    ]),
    ("r4-u087", [
        "please close the living room blinds and turn on the floor lamp",
        "the floor lamp is the one by the couch",
    ]),
    ("r4-u088", [
        "put on phoebe bridges",
        "a sadder one",
        "ok this is too sad, something happy",
    ]),
    ("r4-u089", [
        "find a steakhouse for my anniversary",
        "on the 14th",
        "make sure its somewhere quiet",
        "thank you you're a lifesaver",
    ]),
    ("r4-u090", [
        "hm",
        "what can i ask you",
        "ok what's the weather tomorrow in london",
        "london ontario",
    ]),
    ("r4-u091", [
        "what time do the cubs play today",
        "turn on the tv for the game",
        "put it on channel 5",
    ]),
]
