"""Scripted user conversations for the eleventh real set (see README.md).

Written by hand, as many different users would type or dictate them to a
home/personal assistant, without seeing the assistant, its training data or any
earlier set's conversations. Every conversation is fixed in advance: follow-ups
were written without seeing the replies. Played turn by turn, each conversation
under its own user id, by ../failure_points_real/collect.py --set <this directory>.
"""

CONVERSATIONS = [
    ("r11-u001", [
        "turn on the hallway light",
        "bit dimmer",
    ]),
    ("r11-u002", [
        "weather in portland tomorrow",
        "maine not oregon",
        "and saturday?",
    ]),
    ("r11-u003", [
        "play some fleetwood mac",
        "the go your own way one",
        "louder",
        "yes perfect, leave it there",
    ]),
    ("r11-u004", [
        "did arsenal win",
        "what was the score",
        "who scored for us",
    ]),
    ("r11-u005", [
        "i'm vegan btw, keep that in mind",
        "find me somewhere good for dinner tonight",
        "is that place actually vegan friendly??",
    ]),
    ("r11-u006", [
        "find me a thai place nearby that's open late",
        "book the first one for 3 at half 10",
        "can you text me the address",
    ]),
    ("r11-u007", [
        "remind me to call the dentist at 3",
        "actually can you just call them for me",
        "ok then text my husband that i'll be late",
    ]),
    ("r11-u008", [
        "could you switch the air purifier on in the study",
        "how's the air quality in there",
        "put it on the highest setting please",
    ]),
    ("r11-u009", [
        "what's in the news today",
        "anything about the climate summit",
        "read me the second one again",
    ]),
    ("r11-u010", [
        "will it rain in cambridge today",
        "the english one",
        "do i need an umbrella then",
    ]),
    ("r11-u011", [
        "alexa play bts in the dining room",
        "skip",
        "who's singing this part",
    ]),
    ("r11-u012", [
        "what do you know about me",
        "how did you know that",
        "delete that please",
        "is it gone now",
    ]),
    ("r11-u013", [
        "start the tumble dryer",
        "how long has it got left",
        "tell me when it's done",
    ]),
    ("r11-u014", [
        "when i say 'cozy mode' dim the lounge lights to 25 percent and switch on the fireplace",
        "cozy mode",
        "lovely, add some soft piano to it next time",
    ]),
    ("r11-u015", [
        "premier league table",
        "where are newcastle",
        "how far off the top are they",
    ]),
    ("r11-u016", [
        "how hot is it in springfield",
        "illinois",
        "fahrenheit is fine",
    ]),
    ("r11-u017", [
        "good morning!",
        "how are you today",
        "what can you actually do",
    ]),
    ("r11-u018", [
        "book a table at mama rosa's for saturday at 8, 6 people",
        "make it 7 people",
        "can we sit outside",
    ]),
    ("r11-u019", [
        "turn the garden sprinklers on for 15 minutes",
        "actually 10",
        "and the front lawn too",
    ]),
    ("r11-u020", [
        "put on something chill for studying, no lyrics",
        "this has lyrics",
        "pause",
    ]),
    ("r11-u021", [
        "i'm allergic to peanuts, please remember that",
        "any thai restaurants you'd suggest around here?",
        "you know thai food is full of peanuts right",
        "why would you even suggest that",
    ]),
    ("r11-u022", [
        "what's the uv index in marrakech",
        "should i bring sunscreen",
        "and out in the desert tomorrow",
    ]),
    ("r11-u023", [
        "when do the packers play next",
        "what channel is it on",
        "what time is that in pacific",
    ]),
    ("r11-u024", [
        "how much is 50 euros in dollars",
        "and in yen",
    ]),
    ("r11-u025", [
        "lights out in the loft and on the landing please",
        "not the landing, leave that one on",
    ]),
    ("r11-u026", [
        "mets du stromae",
        "la chanson alors on danse",
        "plus fort s'il te plaît",
    ]),
    ("r11-u027", [
        "business headlines please",
        "what happened with the stock market today",
        "ok that's enough",
    ]),
    ("r11-u028", [
        "is there gonna be frost tonight? i've got tomatoes out",
        "what about thursday night",
        "ok bringing them in",
    ]),
    ("r11-u029", [
        "Good afternoon. I should like to reserve a table for two at Le Petit Zinc this Friday evening.",
        "Would half past seven be possible?",
        "Thank you, that will be all.",
    ]),
    ("r11-u030", [
        "please call me doc from now on",
        "good morning, who am i?",
        "doc. DOC. remember??",
    ]),
    ("r11-u031", [
        "preheat the oven to 400",
        "is it hot yet",
        "set a 25 minute timer for the lasagne",
    ]),
    ("r11-u032", [
        "lakers score",
        "and the knicks?",
        "who led in rebounds",
    ]),
    ("r11-u033", [
        "do you keep recordings of what i say",
        "who can listen to them",
        "wipe whatever you've stored about me",
    ]),
    ("r11-u034", [
        "toca bossa nova, tipo tom jobim",
        "abaixa um pouquinho o volume",
        "obrigado",
    ]),
    ("r11-u035", [
        "birmingham weather",
        "alabama",
    ]),
    ("r11-u036", [
        "switch on the soundbar, dim the dining room to 30% and close the curtains in the lounge",
        "the curtains are still open",
        "try the curtains one more time",
        "nope, nothing happened",
        "oh forget it, i'll do it myself",
    ]),
    ("r11-u037", [
        "from now on 'heading out' means turn off every light and lock the front door",
        "heading out",
        "did you lock it?",
    ]),
    ("r11-u038", [
        "track my amazon parcel",
        "when's it getting here",
        "well that's pointless",
    ]),
    ("r11-u039", [
        "play billie ellish",
        "eilish sorry",
        "the newest album",
    ]),
    ("r11-u040", [
        "quel temps fera-t-il à lyon demain",
        "et dimanche ?",
        "merci",
    ]),
    ("r11-u041", [
        "hey meta, yankees mets tonight what time",
        "who's pitching",
        "and the cubs?",
    ]),
    ("r11-u042", [
        "any good vegan restaurants around here",
        "one with parking",
        "what are their hours",
    ]),
    ("r11-u043", [
        "please you can make warm the floor in the bath",
        "the floor heating, in bathroom upstairs",
        "thank you very much po",
    ]),
    ("r11-u044", [
        "tell me a joke",
        "another one",
        "haha ok that was terrible",
    ]),
    ("r11-u045", [
        "i support liverpool",
        "how did my team get on",
        "not everton, LIVERPOOL",
        "how many times do i have to say it",
    ]),
    ("r11-u046", [
        "今日のニュースを教えて",
        "スポーツは？",
        "ありがとう",
    ]),
    ("r11-u047", [
        "istanbul'da yarın hava nasıl",
        "yağmur yağacak mı",
        "teşekkürler",
    ]),
    ("r11-u048", [
        "zet de verwarming in de badkamer aan",
        "op 22 graden",
        "dank je wel",
    ]),
    ("r11-u049", [
        "play that song that goes i will always love you",
        "no the whitney version",
        "turn it up a notch",
    ]),
    ("r11-u050", [
        "f1 results from sunday",
        "where did verstappen finish",
        "when's the next race",
    ]),
    ("r11-u051", [
        "forget that i'm vegan",
        "what do you still remember about me",
        "ok good",
    ]),
    ("r11-u052", [
        "is the baby monitor on",
        "turn the night light in the nursery orange",
        "softer",
    ]),
    ("r11-u053", [
        "cancel my reservation at the golden lotus",
        "and rebook it for next week same time",
        "did that go through",
    ]),
    ("r11-u054", [
        "windy enough for sailing in the solent this saturday?",
        "what time's sunset",
        "and sunday morning?",
    ]),
    ("r11-u055", [
        "what's my horoscope today",
        "i'm a scorpio",
    ]),
    ("r11-u056", [
        "play jazz in the loft",
        "something more upbeat",
        "who's this",
    ]),
    ("r11-u057", [
        "jak zagrała legia wczoraj",
        "a lech?",
        "dzięki",
    ]),
    ("r11-u058", [
        "fireplace",
        "on",
        "lower the flame a bit",
    ]),
    ("r11-u059", [
        "no explicit songs please, my kids use this",
        "play some eminem",
        "that had swearing in it!",
        "skip it NOW",
    ]),
    ("r11-u060", [
        "remember that 'the usual' is a large flat white from the corner cafe",
        "order the usual",
        "oh you can't order. fine",
    ]),
    ("r11-u061", [
        "sunrise time in tromsø",
        "is it even light there right now",
        "wow. aurora forecast?",
    ]),
    ("r11-u062", [
        "any news about the wildfires in california",
        "are they anywhere near sacramento",
    ]),
    ("r11-u063", [
        "hey mycroft open the skylight in the upstairs hallway",
        "it's starting to rain, close it",
        "did it close?",
    ]),
    ("r11-u064", [
        "play abba mamma mia",
        "when did this come out",
        "play the whole album",
    ]),
    ("r11-u065", [
        "wimbledon order of play today",
        "is alcaraz on centre court",
        "and gauff",
    ]),
    ("r11-u066", [
        "i look for ramen, good one, not expensive",
        "which is more close",
        "ok reserve for me and my wife 7 o'clock",
        "tonight i mean",
        "thank you so much",
    ]),
    ("r11-u067", [
        "which club am i into, do you know?",
        "it's liverpool. don't forget it this time",
        "say it back to me",
    ]),
    ("r11-u068", [
        "ok so i'm heading off for the weekend can you turn off everything in the house except the fridge and the aquarium light and maybe put the heating on low so the pipes don't freeze",
        "what did you turn off",
        "and the aquarium light is still on right?",
        "great, lock up too",
    ]),
    ("r11-u069", [
        "good snow in whistler this week?",
        "whats the temp up the mountain",
        "two layers or three",
    ]),
    ("r11-u070", [
        "is flight ba 287 on time",
        "what gate",
        "ok i'll check the app",
    ]),
    ("r11-u071", [
        "play chopin nocturnes",
        "stop after this one",
    ]),
    ("r11-u072", [
        "i live in newcastle upon tyne so weather at home means there",
        "weather at home this weekend",
        "is that for the uk one?",
    ]),
    ("r11-u073", [
        "did the eagles cover the spread lol",
        "bro what was the final",
        "pain",
    ]),
    ("r11-u074", [
        "yo kill the lights in the gym",
        "crank the ac in the bedroom",
        "ayy much better",
    ]),
    ("r11-u075", [
        "thank you for today",
        "you're the best",
        "goodnight, спасибо",
    ]),
    ("r11-u076", [
        "reserva uma mesa para quatro no sábado",
        "às oito da noite",
        "valeu",
    ]),
    ("r11-u077", [
        "what's the forecast at home",
        "i live in richmond, virginia",
        "no, virginia. not the one in england",
    ]),
    ("r11-u078", [
        "play some iron maiden, really loud",
        "too loud my ears",
        "halfway",
    ]),
    ("r11-u079", [
        "teach: 'game time' = soundbar on and lounge lights to 50%",
        "game time",
        "what does game time do again?",
    ]),
    ("r11-u080", [
        "give me a recipe for banana bread",
        "how long in the oven",
        "what temp",
    ]),
    ("r11-u081", [
        "who's top of serie a",
        "napoli or inter?",
        "when do they play each other",
    ]),
    ("r11-u082", [
        "trun on teh lamp in the guets room",
        "guest room*",
        "brighter pls",
    ]),
    ("r11-u083", [
        "hey um could you give me like a quick rundown of what's going on in the world today i've only got about five minutes before i leave",
        "shorter",
        "anything about the bridge closure downtown",
    ]),
    ("r11-u084", [
        "athens weather this week",
        "georgia",
        "the state not the country",
    ]),
    ("r11-u085", [
        "play burna boy",
        "more like this",
        "add this one to my favourites",
    ]),
    ("r11-u086", [
        "clear my history",
        "is it gone?",
    ]),
    ("r11-u087", [
        "zapal światło w przedpokoju",
        "jaśniej",
        "dziękuję",
    ]),
    ("r11-u088", [
        "ashes score",
        "how many wickets down",
        "who's batting",
    ]),
    ("r11-u089", [
        "no jazz for me, ever. it drives me nuts",
        "play something relaxing",
        "is this jazz? ugh",
    ]),
    ("r11-u090", [
        "where can i get tacos right now",
        "do they deliver",
    ]),
    ("r11-u091", [
        "order me a large pepperoni from domino's",
        "can you pay with my card",
        "guess not",
    ]),
    ("r11-u092", [
        "play rain sounds in the guest room till morning",
        "quieter",
        "can you fade it out after an hour instead",
    ]),
    ("r11-u093", [
        "mow the back lawn",
        "stop it's about to rain",
        "send it back to its dock",
    ]),
    ("r11-u094", [
        "pollen count in toronto",
        "is tomorrow any better",
        "achoo. thanks anyway",
    ]),
    ("r11-u095", [
        "if i say 'wind down' play rain sounds and make the bedroom lights warm",
        "wind down",
        "forget wind down, i never use it",
    ]),
    ("r11-u096", [
        "champions league draw",
        "who did psg get",
        "is that on tuesday or wednesday",
    ]),
    ("r11-u097", [
        "what did i tell you yesterday",
        "no, about my allergies",
        "and my address, do you have that?",
    ]),
    ("r11-u098", [
        "ok google turn the heating up in the nursery",
        "to 21",
        "and keep it there overnight",
    ]),
    ("r11-u099", [
        "hey google play nina simone feeling good",
        "who wrote it",
    ]),
    ("r11-u100", [
        "dim sum for 8 on sunday, somewhere that takes bookings",
        "around noon",
        "can you put it under the name okafor",
    ]),
]
