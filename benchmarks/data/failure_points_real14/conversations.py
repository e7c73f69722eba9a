"""Fourteenth set of scripted conversations (see README.md): 100 users, 300 turns, fixed in advance."""

CONVERSATIONS = [
    ('r14-u001', [
        'did celtic win yesterday',
        "when's the next old firm game",
    ]),
    ('r14-u002', [
        'call the robot vacuum the beast',
        'send the beast into the kitchen',
        'stop the beast',
    ]),
    ('r14-u003', [
        'learn this: school run = warm up the car and tell me the weather',
        'school run',
        "you can't warm up the car?",
    ]),
    ('r14-u004', [
        'put on some 90s hip hop for cleaning',
        'move it to the kitchen speaker',
        'skip this one',
    ]),
    ('r14-u005', [
        "what's the score in the chiefs game",
        'is mahomes playing',
        "who's top of the division",
    ]),
    ('r14-u006', [
        "how's your day going",
        'are you a real person',
        'haha fair enough',
    ]),
    ('r14-u007', [
        'Was weißt du alles über mich?',
        'Lösch bitte alles',
    ]),
    ('r14-u008', [
        'the big light means the ceiling light in the kitchen',
        'turn on the big light',
        'brighter',
    ]),
    ('r14-u009', [
        "keep the kitchen at 20 during the day please, that's how i like it",
        "it's freezing in here, is it on 20?",
        'put it back where i like it',
    ]),
    ('r14-u010', [
        'call me Big Tom from now on',
        "what's my name",
        'say it properly',
    ]),
    ('r14-u011', [
        'new routine: lights out = everything off downstairs and lock the front door',
        'lights out',
        'change it so it leaves the porch light on',
    ]),
    ('r14-u012', [
        'koi accha biryani wala restaurant batao',
        'near me',
        'shukriya',
    ]),
    ('r14-u013', [
        'put on some lo-fi beats, i need to focus',
        'something without vocals',
        'perfect, keep that going for an hour',
    ]),
    ('r14-u014', [
        'Mach bitte das Licht in der Küche aus',
        'und im Wohnzimmer auch',
        'danke dir',
    ]),
    ('r14-u015', [
        "just so you know i'm coeliac",
        'find me somewhere for lunch',
        'is that place actually gluten free?',
        "you're joking, that's a bakery",
    ]),
    ('r14-u016', [
        "what's the forecast for kingston",
        'jamaica',
        'any storms on the way',
    ]),
    ('r14-u017', [
        'shuffle my liked songs',
        'who is this singer',
        'add it to my gym playlist',
    ]),
    ('r14-u018', [
        "send an email to my boss saying i'm sick",
        'how do i do it then',
        'fine',
    ]),
    ('r14-u019', [
        'whats a good resturant for dim sum',
        'is it busy rn',
    ]),
    ('r14-u020', [
        'can u set the living room to 21, close the blinds in the office and put the porch light on',
        'blinds are still open',
        'office blinds i mean',
        'why is this so hard',
        'whatever, leave them',
    ]),
    ('r14-u021', [
        'score in the celtics knicks game',
        'how many points has tatum got',
        'is it on tv anywhere',
    ]),
    ('r14-u022', [
        'get me an uber to the airport',
        'can you at least tell me how long the drive is',
        'pointless',
    ]),
    ('r14-u023', [
        'when i say movie night, dim the living room and turn on the tv',
        'movie night',
        'nothing happened with the tv',
        'what does movie night do',
        'ok delete movie night',
    ]),
    ('r14-u024', [
        'whats the air quality like in delhi today',
        'is it safe to go for a run',
        'dhanyavaad',
    ]),
    ('r14-u025', [
        'busca un sitio de tapas cerca',
        'para seis personas a las nueve',
        '¿tienen terraza?',
        'perfecto',
    ]),
    ('r14-u026', [
        'is it a good day for a bbq',
        'what about tomorrow evening',
        'ok and the day after',
    ]),
    ('r14-u027', [
        "what's my bank balance",
        "didn't think so",
    ]),
    ('r14-u028', [
        'switch the kitchen lights on',
        'bit brighter',
        'and the ones over the island too',
    ]),
    ('r14-u029', [
        'i follow the chicago cubs',
        'how did my boys get on last night',
        'wait do you even know who my team is',
    ]),
    ('r14-u030', [
        'bro did the leafs choke again',
        'smh',
        'when do they play the oilers',
    ]),
    ('r14-u031', [
        'i live in springfield missouri, remember it',
        'weather at home tomorrow?',
        'thats the wrong springfield',
    ]),
    ('r14-u032', [
        'turn off teh lihgts in the garage',
        'GARAGE',
        'did it work or not',
    ]),
    ('r14-u033', [
        'find me a sushi place near here',
        "one that's open late",
        'book it for 4 at 9',
    ]),
    ('r14-u034', [
        "what's your favourite colour",
        'do you have feelings',
        'sing me a song',
        "you're terrible at this, goodnight",
    ]),
    ('r14-u035', [
        'pon algo de Bad Bunny',
        'sube el volumen',
        '¿cómo se llama esta canción?',
    ]),
    ('r14-u036', [
        'i need a table for 2 at Bella Vista on friday',
        "8 o'clock",
        'actually make it 3 people',
        "can you tell them it's a birthday",
    ]),
    ('r14-u037', [
        'play kind of blue by miles davis',
        "who's on the saxophone",
        'when was this made',
    ]),
    ('r14-u038', [
        'hamilton weather',
        'no the new zealand one, not canada',
    ]),
    ('r14-u039', [
        'move my booking at casa miguel to 9',
        '9pm obviously',
        'and add one more person',
    ]),
    ('r14-u040', [
        'weather in perth tomorrow',
        'scotland',
        'will i need a brolly',
    ]),
    ('r14-u041', [
        'any tech news today',
        'anything about apple',
        'ok thanks',
    ]),
    ('r14-u042', [
        'BTS 노래 틀어줘',
        '다음 곡',
        '이거 무슨 앨범이야?',
        '고마워',
    ]),
    ('r14-u043', [
        'enciende la calefacción del salón',
        'a veintidós grados por favor',
        'gracias',
    ]),
    ('r14-u044', [
        'read me the business news',
        'too long, just the top one',
        'efharisto',
    ]),
    ('r14-u045', [
        'add oat milk and eggs to the shopping list',
        'ok can you remind me later then',
        'forget it',
    ]),
    ('r14-u046', [
        'any good ethiopian restaurants around',
        'which one has the best reviews',
        'do they do takeaway',
    ]),
    ('r14-u047', [
        'okay so my in-laws are arriving in about an hour, can you warm up the spare room, put the porch light on and find somewhere near here that does a roast tonight',
        "the porch light's still off",
        'did you find anywhere',
        'do they have space for six',
        "forget it, we'll cook",
    ]),
    ('r14-u048', [
        'metti una canzone di Laura Pausini',
        'più piano per favore',
        'grazie mille',
    ]),
    ('r14-u049', [
        'Hur blir vädret i Göteborg i helgen?',
        'regnar det på lördag?',
        'okej, tack',
    ]),
    ('r14-u050', [
        'what have you got saved on me',
        'where did you get that from',
        'delete all of it',
    ]),
    ('r14-u051', [
        'heatwave coming or what',
        'in edinburgh',
        'hottest day this week?',
        'any rain at least?',
    ]),
    ('r14-u052', [
        'somewhere kid friendly for brunch on saturday',
        'with high chairs',
        'ok book the first one',
    ]),
    ('r14-u053', [
        'is the front door locked?',
        'lock it then',
        'and the garage door, is that shut',
    ]),
    ('r14-u054', [
        'the den is what we call the attic',
        'put the heating on in the den',
        'the den. the attic. same thing',
    ]),
    ('r14-u055', [
        'how hot will it get in birmingham today',
        'the alabama one',
        'humidity?',
    ]),
    ('r14-u056', [
        'hey siri turn the ceiling fan on in the attic',
        'faster',
        "ok that's too much, back to low",
    ]),
    ('r14-u057', [
        "what's in the news this morning",
        'next story',
        'more on that one',
    ]),
    ('r14-u058', [
        'do you know what food i like',
        'i told you last week',
        "ok then i'll tell you again, sushi",
    ]),
    ('r14-u059', [
        'is there anything about the wildfires in greece',
        'is athens affected',
        'how many people have been evacuated',
        "thanks, that's awful",
    ]),
    ('r14-u060', [
        'ayy play some afrobeats, burna boy or whatever',
        'bruh why is it so quiet',
        'ngl this slaps',
    ]),
    ('r14-u061', [
        'play dolly parton',
        'jolene',
        'one more time',
    ]),
    ('r14-u062', [
        'I search restaurant with gluten free food, near my hotel',
        'not expensive please',
        'how I go there?',
    ]),
    ('r14-u063', [
        'thank you for earlier, you were really helpful',
        'asante sana',
    ]),
    ('r14-u064', [
        'i use fahrenheit not celsius',
        'how warm is it outside',
        'in fahrenheit please',
    ]),
    ('r14-u065', [
        'what temperature is it in the kids room right now',
        'bump it up by two',
        'and drop it back down at 9 tonight',
    ]),
    ('r14-u066', [
        'please you can make the boiler more hot, in the house is very cold',
        'thank you so much my friend',
    ]),
    ('r14-u067', [
        '¿qué tiempo hace en Valencia?',
        'no, Valencia de Venezuela',
        '¿y mañana?',
    ]),
    ('r14-u068', [
        'who can see the stuff you save about me',
        'can i turn off the saving',
    ]),
    ('r14-u069', [
        'jarvis, kettle on',
        "what do you mean you can't, it's on a smart plug",
    ]),
    ('r14-u070', [
        'is the dishwasher finished yet',
        'how long has it got left',
        "ok start the robot vacuum in the living room while i'm out",
    ]),
    ('r14-u071', [
        'play the four seasons, vivaldi',
        'just winter please',
    ]),
    ('r14-u072', [
        "when's the ryder cup",
        "where's it being held",
        "who's captaining europe",
        'cool',
    ]),
    ('r14-u073', [
        'no spicy food for me ever, i mean it',
        'suggest somewhere for dinner tonight',
        "szechuan?? that's the spiciest thing going",
    ]),
    ('r14-u074', [
        'bixby spiel Rammstein',
        'lauter bitte',
        'nächstes Lied',
    ]),
    ('r14-u075', [
        'can you play something for my little boy to fall asleep to',
        'softer',
        'loop it until i tell you to stop',
    ]),
    ('r14-u076', [
        "i can't stand country music, never put it on",
        'play something chill',
        'is this country???',
    ]),
    ('r14-u077', [
        'Wie wird das Wetter morgen in München?',
        'Brauche ich eine Jacke?',
    ]),
    ('r14-u078', [
        "forget that i'm coeliac",
        'is it gone now for real',
        'what else do you have then',
    ]),
    ('r14-u079', [
        'are there thunderstorms forecast for tonight',
        'what time do they start',
        'should i bring the washing in',
    ]),
    ('r14-u080', [
        'is it going to rain in springfield this weekend',
        'illinois not missouri',
        'what about sunday morning specifically',
    ]),
    ('r14-u081', [
        'Wie hat Bayern gespielt?',
        'und Dortmund?',
        'wann ist das nächste Spiel',
    ]),
    ('r14-u082', [
        '¿a qué hora juega el Atlético?',
        '¿y contra quién?',
        'vale, gracias',
    ]),
    ('r14-u083', [
        'play beyonse',
        'not that one, halo',
    ]),
    ('r14-u084', [
        "how's the dow doing",
        'why is it down',
    ]),
    ('r14-u085', [
        "i'm running a marathon in chicago on sunday, what's the weather looking like",
        'what time does the sun come up',
        'how cold at 7am',
        'great cheers',
    ]),
    ('r14-u086', [
        'Good evening. I would be most grateful if you could reserve a table for two at Taverna Kostas this Saturday.',
        'Preferably at half past seven, by the window.',
        'Thank you kindly.',
    ]),
    ('r14-u087', [
        'jak hrála Sparta?',
        'a Slavia?',
        'díky',
    ]),
    ('r14-u088', [
        'cancel the reservation at the golden lantern',
        'the one for tomorrow night',
    ]),
    ('r14-u089', [
        "my name's not Sam, it's Samira",
        'what am i called',
        'good',
        "and don't shorten it",
    ]),
    ('r14-u090', [
        'put the fairy lights on in the conservatory',
        'can they twinkle or something',
    ]),
    ('r14-u091', [
        "cortana who's leading motogp",
        'marquez?',
        "where's the next round",
    ]),
    ('r14-u092', [
        'who won roland garros this year',
        "the women's as well",
        'is sinner playing next week',
    ]),
    ('r14-u093', [
        'who is win the match of real madrid yesterday?',
        'how much goals',
        'ok thank you',
    ]),
    ('r14-u094', [
        'six nations table',
        'when is ireland v wales',
    ]),
    ('r14-u095', [
        "i'm lactose intolerant fyi",
        'find me an ice cream place',
        'one i can eat at',
    ]),
    ('r14-u096', [
        'how long do you keep my data',
        'can you email me all of it',
        'ok then just list it here',
    ]),
    ('r14-u097', [
        'find my phone, make it ring',
        "it's on silent i think",
        'ugh',
    ]),
    ('r14-u098', [
        'quali sono le notizie di oggi?',
        'solo sport',
        'basta così',
    ]),
    ('r14-u099', [
        'my spot means the Blue Lotus on Mill Street',
        'book my spot for 2 tomorrow at 7',
        "remove my spot, i don't go there anymore",
    ]),
    ('r14-u100', [
        "what's that song that goes is this the real life is this just fantasy",
        'yeah stick it on',
        'who sang it originally',
    ]),
]
