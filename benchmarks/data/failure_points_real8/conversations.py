"""Scripted conversations for the eighth set of real conversations with the served assistant.

Written by hand (see README.md), as many different users would type or dictate them:
95 conversations, 300 user turns. Played turn by turn over REST by
../failure_points_real/collect.py --set benchmarks/data/failure_points_real8, each
conversation under its own user id. The scripts are fixed in advance: follow-ups were
written without seeing the replies, and nothing is to be edited after the run.
"""

CONVERSATIONS = [
    ("r8-u001", [
        "play some johnny cash",
        "the one about folsom prison",
        "bit louder",
    ]),
    ("r8-u002", [
        "whats the weather in paris this weekend",
        "paris texas",
        "any storms?",
    ]),
    ("r8-u003", [
        "did arsenal win last night",
        "what was the score",
        "who scored the second",
    ]),
    ("r8-u004", [
        "turn on the porch light",
        "and the garage",
        "make the porch one a bit dimmer",
    ]),
    ("r8-u005", [
        "just so you know i'm lactose intolerant",
        "recommend me somewhere for dessert tonight",
        "do they use a lot of cream there",
        "i told you no dairy",
    ]),
    ("r8-u006", [
        "Book a table at Trattoria da Enzo for 4 tomorrow at 8",
        "actually make it 8:30",
        "and a window seat if they have one",
    ]),
    ("r8-u007", [
        "set a timer for 12 minutes",
        "for the pasta",
        "ok never mind",
    ]),
    ("r8-u008", [
        "can you play jolene",
        "the original, by dolly",
        "aww love this one",
    ]),
    ("r8-u009", [
        "is it going to rain in birmingham tomorrow",
        "the uk one",
        "and alabama?",
    ]),
    ("r8-u010", [
        "whats the latest on the german election",
        "who's ahead",
        "shorter please",
    ]),
    ("r8-u011", [
        "when i say movie night, dim the living room lights to 20 and turn on the tv",
        "movie night",
        "too dark, make it 35",
        "movie night's over, lights back to normal",
    ]),
    ("r8-u012", [
        "turn off all the lights downstairs, lock the front door and start the dishwasher",
        "did you do all three",
        "night",
    ]),
    ("r8-u013", [
        "whats that song that goes is this the real life is this just fantasy",
        "yes play it",
        "who was the singer again",
    ]),
    ("r8-u014", [
        "forecast for perth please",
        "in scotland",
        "do i need an umbrella",
    ]),
    ("r8-u015", [
        "when do the celtics play next",
        "where can i watch it",
        "and the knicks?",
    ]),
    ("r8-u016", [
        "what do you have saved about me",
        "how do you know that",
        "delete all of it",
    ]),
    ("r8-u017", [
        "good evening",
        "are you a robot",
        "do you ever dream",
    ]),
    ("r8-u018", [
        "can you please switch on the coffee machine",
        "and the kettle too",
        "lol i need caffeine",
    ]),
    ("r8-u019", [
        "play radiohed",
        "radiohead*",
        "something off ok computer",
        "skip this one",
    ]),
    ("r8-u020", [
        "any good ethiopian places near me",
        "the first one",
        "book it for two at 7 tonight",
    ]),
    ("r8-u021", [
        "weather in hanoi and chiang mai tomorrow",
        "which one's drier",
        "ok chiang mai it is",
    ]),
    ("r8-u022", [
        "send a whatsapp to my sister saying i'm running late",
        "can you call her then",
        "pfff",
    ]),
    ("r8-u023", [
        "don't ever play country music for me",
        "play something for a road trip",
        "is this country??",
        "skip it",
    ]),
    ("r8-u024", [
        "bayern dortmund result",
        "bundesliga table",
        "how far behind are dortmund",
    ]),
    ("r8-u025", [
        "is the garage door closed",
        "close it",
        "thanks i was worried",
    ]),
    ("r8-u026", [
        "hey siri weather in reykjavik",
        "northern lights tonight?",
        "shame",
    ]),
    ("r8-u027", [
        "hey play some reggaeton",
        "turn it down a bit my neighbours",
        "who is this",
    ]),
    ("r8-u028", [
        "tech news today",
        "tell me more about the first one",
        "where's that from",
    ]),
    ("r8-u029", [
        "tolong matikan lampu kamar tidur",
        "bedroom light off",
        "makasih",
    ]),
    ("r8-u030", [
        "set the thermostat in the office to 21",
        "actually 20.5",
        "is the window open in there",
    ]),
    ("r8-u031", [
        "I would like reserve a table for sushi, two people, friday evening",
        "sakura sushi house",
        "at 19 o'clock",
    ]),
    ("r8-u032", [
        "temperature in kingston",
        "jamaica",
        "nice. and the one in ontario?",
    ]),
    ("r8-u033", [
        "i support celtic, remember that",
        "did my lot win at the weekend",
        "no not boston, glasgow celtic",
    ]),
    ("r8-u034", [
        "give me a recipe for banana bread",
        "without eggs",
        "useless",
    ]),
    ("r8-u035", [
        "play la vie en rose",
        "édith piaf please",
        "c'est magnifique, merci",
    ]),
    ("r8-u036", [
        "who won the tour de france stage today",
        "who's got the yellow jersey",
        "nice one",
    ]),
    ("r8-u037", [
        "forget that i'm lactose intolerant",
        "did it work?",
        "do you still know my name",
    ]),
    ("r8-u038", [
        "cancel my booking at le petit zinc",
        "the one on saturday",
        "book the olive tree instead, same time",
        "under the name dubois",
    ]),
    ("r8-u039", [
        "start the robot vacuum in the living room",
        "not the rug area",
        "stop it the dog is freaking out",
    ]),
    ("r8-u040", [
        "snow in salzburg next week?",
        "good for skiing?",
        "hmm",
    ]),
    ("r8-u041", [
        "put some salsa on in the kitchen and turn the lights up in there",
        "more celia cruz",
        "wepa!",
    ]),
    ("r8-u042", [
        "my name is priya",
        "what's my name",
        "good you got it",
    ]),
    ("r8-u043", [
        "headlines pls",
        "anything about the train strike",
        "ugh great",
    ]),
    ("r8-u044", [
        "book me an uber to the airport",
        "what about a taxi then",
        "fine i'll do it myself",
    ]),
    ("r8-u045", [
        "play kendrick lamar humble",
        "next",
        "go back to the previous one",
        "this slaps",
    ]),
    ("r8-u046", [
        "would you be so kind as to close the blinds in the conservatory, the sun is right in my eyes",
        "only halfway",
        "that's much better ta",
    ]),
    ("r8-u047", [
        "yo who's playing tonight in the nba",
        "bucks game score",
        "giannis went crazy fr",
    ]),
    ("r8-u048", [
        "from now on 'good morning' means open the bedroom blinds, start the coffee machine and tell me the forecast",
        "good morning",
        "you forgot the coffee",
    ]),
    ("r8-u049", [
        "where can i get dim sum on sunday morning",
        "do they take reservations",
        "ok book for 5 people at 11",
    ]),
    ("r8-u050", [
        "play some fado",
        "amália rodrigues",
        "what is she singing about",
    ]),
    ("r8-u051", [
        "switch on the dehumidifier in the utility room and put the washing machine on 40",
        "when will the wash be done",
        "k thx",
    ]),
    ("r8-u052", [
        "i live in hamilton new zealand, use that for weather please",
        "weather tomorrow",
        "that's not hamilton nz is it",
        "hamilton, waikato",
        "never mind then",
    ]),
    ("r8-u053", [
        "ipl score mumbai indians",
        "how many overs left",
        "close one",
    ]),
    ("r8-u054", [
        "wheather bogota tmrw",
        "bogotá colombia",
        "and medellin",
    ]),
    ("r8-u055", [
        "how do you say thank you in vietnamese",
        "and in mandarin",
        "write it down for me",
    ]),
    ("r8-u056", [
        "trun of teh lamp in the libary",
        "the reading lamp",
        "thnaks",
    ]),
    ("r8-u057", [
        "aquarium light on",
        "and the pump",
        "is the heater in the tank on",
        "set it to 25",
        "ok good",
    ]),
    ("r8-u058", [
        "do you know my address",
        "good, keep it that way",
        "what else do you store",
    ]),
    ("r8-u059", [
        "i want to hear the four seasons",
        "vivaldi",
        "just winter",
    ]),
    ("r8-u060", [
        "is sinner playing today",
        "at the us open",
        "who's he up against",
    ]),
    ("r8-u061", [
        "whats the weather like in valencia",
        "no the venezuelan one",
        "is it muggy",
        "and caracas?",
    ]),
    ("r8-u062", [
        "table for 8 at smokehouse 88 for a birthday on the 14th",
        "can they do a cake",
        "under the name okafor",
    ]),
    ("r8-u063", [
        "is the hurricane going to hit florida",
        "how strong is it",
        "yikes",
    ]),
    ("r8-u064", [
        "'date night' means a table for two at le petit zinc at 8",
        "what does date night mean",
        "date night this friday",
    ]),
    ("r8-u065", [
        "play the bee gees in the kitchen",
        "stayin alive",
        "everybody dance lol",
    ]),
    ("r8-u066", [
        "hali ya hewa mombasa leo",
        "mombasa weather today",
        "asante",
    ]),
    ("r8-u067", [
        "turn on the electric blanket on my side",
        "how long does it stay on",
        "ok turn it off at midnight",
    ]),
    ("r8-u068", [
        "je vais à montréal demain, il fera froid ?",
        "sorry in english: will it be cold in montreal tomorrow",
        "how cold",
    ]),
    ("r8-u069", [
        "six nations ireland v france score",
        "when's the next match",
        "cheers pal",
    ]),
    ("r8-u070", [
        "i don't eat pork, keep that in mind",
        "find me a place for dinner",
        "do they do halal",
    ]),
    ("r8-u071", [
        "is the front door locked",
        "lock it",
        "and the back door",
        "what about the patio door",
    ]),
    ("r8-u072", [
        "spiel was von rammstein",
        "lauter bitte",
        "danke",
    ]),
    ("r8-u073", [
        "good day to hang the washing out?",
        "london",
        "the one in canada",
    ]),
    ("r8-u074", [
        "erase my name please",
        "and my team",
        "so what's left",
    ]),
    ("r8-u075", [
        "read my emails",
        "whats on my calendar today",
        "so what CAN you do",
    ]),
    ("r8-u076", [
        "bixby open the shutters in the sunroom",
        "all the way up",
        "sweet",
    ]),
    ("r8-u077", [
        "play arijit singh",
        "tum hi ho",
        "bahut badhiya",
    ]),
    ("r8-u078", [
        "teach you a word: 'chillax' = lo-fi at low volume",
        "chillax",
        "what shortcuts have i got",
        "remove chillax",
    ]),
    ("r8-u079", [
        "please, what is the weather for tomorrow in tbilisi, i must go to the mountain",
        "it will be snow there?",
        "thank you, very helpful",
    ]),
    ("r8-u080", [
        "how's the stock market doing",
        "and bitcoin",
        "why did it drop",
    ]),
    ("r8-u081", [
        "luces de la cocina apagadas por favor",
        "y la terraza también",
        "gracias",
    ]),
    ("r8-u082", [
        "celtic rangers score??",
        "ffs",
        "who got sent off",
    ]),
    ("r8-u083", [
        "gluten free burger places open now",
        "which is closest",
        "is it pricey",
    ]),
    ("r8-u084", [
        "play something by abba",
        "dancing queen",
        "louder!!",
        "next one",
        "ok that's enough, stop",
    ]),
    ("r8-u085", [
        "play shakira",
        "hips don't lie",
        "stop",
        "i meant the music not everything",
    ]),
    ("r8-u086", [
        "please use kilometres and celsius for me",
        "how far is the nearest petrol station",
        "miles? really?",
    ]),
    ("r8-u087", [
        "heatwave coming to athens?",
        "how many degrees",
        "our flat has no cooling, any tips",
    ]),
    ("r8-u088", [
        "extractor fan in the bathroom off",
        "its still on",
        "forget about it then",
    ]),
    ("r8-u089", [
        "do you remember what i like to eat",
        "i'm pescatarian",
        "remember that this time",
    ]),
    ("r8-u090", [
        "is my flight LH 902 on time",
        "lufthansa",
        "guess i'll look it up",
    ]),
    ("r8-u091", [
        "che tempo fa a napoli domani?",
        "in english please, naples italy",
        "grazie",
    ]),
    ("r8-u092", [
        "play smells like teen spirit",
        "turn it up to max",
        "ok too loud too loud",
    ]),
    ("r8-u093", [
        "quiero reservar una mesa para dos esta noche",
        "en el gaucho",
        "a las nueve",
    ]),
    ("r8-u094", [
        "chiefs packers who won",
        "how many yards did mahomes throw",
        "is that good",
    ]),
    ("r8-u095", [
        "thanks for the help earlier",
        "bye for now",
    ]),
]
