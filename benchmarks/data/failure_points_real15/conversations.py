"""Fifteenth set of real conversations with the served assistant (see README.md).

Written by hand, as many different users would type or dictate them: topics spread roughly
like an assistant's traffic, in shuffled order, follow-ups written without seeing the replies.
Played turn by turn by ../failure_points_real/collect.py --set benchmarks/data/failure_points_real15.
"""

CONVERSATIONS = [
    ("r15-u001", [
        'can you turn on the underfloor heating in the ensuite, put the landing light on and set the coffee machine for 7 tomorrow',
        "the coffee machine didn't do anything",
        'typical',
        'what did you actually do then',
        'so basically nothing. brilliant',
    ]),
    ("r15-u002", [
        "how's the ftse doing",
        'and the nikkei',
        'bitcoin?',
    ]),
    ("r15-u003", [
        'forget my address',
        'did you actually forget it?',
        "what's my address then",
    ]),
    ("r15-u004", [
        'computer, all lights off downstairs',
        'now upstairs',
        'except the landing, leave that one',
    ]),
    ("r15-u005", [
        'new word for you: brekkie mode means coffee machine on and read me the news',
        'brekkie mode',
        "did it work? i can't smell any coffee",
    ]),
    ("r15-u006", [
        "table for 5 at luigi's trattoria saturday at 8",
        'actually make it 6',
        'and can we sit outside',
    ]),
    ("r15-u007", [
        'Tarkan çal',
        "Şımarık'ı aç",
        'sesi biraz kıs',
    ]),
    ("r15-u008", [
        'push my reservation at the olive branch back an hour',
        'and let them know one of us uses a wheelchair',
    ]),
    ("r15-u009", [
        'Heeft Ajax vandaag gespeeld?',
        'en Feyenoord?',
        'hoe staat de eredivisie ervoor',
    ]),
    ("r15-u010", [
        'some piano for reading please, nothing with words',
        'einaudi is good',
        'go back to the one before',
    ]),
    ("r15-u011", [
        'name of this track?',
        'stick it on my road trip list',
    ]),
    ("r15-u012", [
        'I have a severe peanut allergy',
        'recommend a thai place',
        "are you sure they don't cook with peanuts??",
    ]),
    ("r15-u013", [
        'basement dehumidifier on please',
        'how damp is it down there',
        'leave it running overnight',
    ]),
    ("r15-u014", [
        'Zet de verwarming in de badkamer op 22 graden',
        'en doe het licht op de overloop uit',
        'dank je wel',
    ]),
    ("r15-u015", [
        "we've got an outdoor wedding in cork on the 14th and i'm the one deciding about the marquee, is there any sign of rain",
        'what about wind',
        'and how cold will it get in the evening',
    ]),
    ("r15-u016", [
        'is verstappen on pole',
        "what time's the race",
        'in my time zone please',
    ]),
    ("r15-u017", [
        'icy roads in denver this morning?',
        'feels like temp?',
        'brr',
    ]),
    ("r15-u018", [
        'weathr reykjavik',
        'wil i see northern lights tonite',
    ]),
    ("r15-u019", [
        "'homecoming' means heating on and the landing light on",
        'homecoming',
        "it didn't turn the heating on",
    ]),
    ("r15-u020", [
        'play the song that goes we were both young when i first saw you',
        'yeah that',
        'what year is this from',
    ]),
    ("r15-u021", [
        'switch on the extractor in the bathroom',
        'and the towel rail',
        'how long till the towel rail is warm',
    ]),
    ("r15-u022", [
        'weather in portland this weekend',
        'maine',
        'will it snow',
    ]),
    ("r15-u023", [
        'cuaca di jakarta besok gimana?',
        'bakal hujan nggak sore ini?',
    ]),
    ("r15-u024", [
        "remember 'the usual' means Pho Bac on Green Street",
        'book the usual for 2 tonight',
        'scrap the usual, it closed down',
    ]),
    ("r15-u025", [
        'recommend a seafood place for our anniversary',
        'somewhere with a view',
        'book it for friday at 8 for 2',
        "can you add a note that it's our anniversary",
        'thanks 🙏',
    ]),
    ("r15-u026", [
        'turn the patio heater on',
        'no the one next to the hot tub',
        'and pull the awning out',
    ]),
    ("r15-u027", [
        'set up a routine called game day: projector on, lights blue, beer fridge to coldest',
        'game day',
        "what's in game day again",
        'take the beer fridge bit out',
    ]),
    ("r15-u028", [
        "text my mum that i'll be late",
        'call her then',
    ]),
    ("r15-u029", [
        'order me a large pepperoni from dominos',
        'just do it',
        'useless',
    ]),
    ("r15-u030", [
        'morning briefing pls',
        'skip the celebrity stuff',
    ]),
    ("r15-u031", [
        "my name's Priya by the way, use it please",
        "what's my name",
        "it's pree-ya not pry-a",
    ]),
    ("r15-u032", [
        'play enter sandman',
        'LOUDER',
        'this isnt the live version',
    ]),
    ("r15-u033", [
        'pls turn of the nightlight in the nursery',
        'its still on',
        'omg never mind i did it myself',
    ]),
    ("r15-u034", [
        'tell me a joke',
        'another one, a better one',
    ]),
    ("r15-u035", [
        "where's my amazon parcel",
        "when's it arriving",
    ]),
    ("r15-u036", [
        "you've got my name wrong, it's Johanna with an h",
        'say my name',
        'JOHANNA',
    ]),
    ("r15-u037", [
        'fam who won state of origin last night',
        'by how much',
        'blues bottled it again innit',
    ]),
    ("r15-u038", [
        'how are the packers doing this season',
        'are they making the playoffs',
        "what's their record",
        'woof',
    ]),
    ("r15-u039", [
        'hey mycroft set a timer for the pasta, 11 minutes',
        'how long left on it',
        'hello??',
    ]),
    ("r15-u040", [
        "I don't drink, so no wine bars or pubs please",
        'where should we go tonight for a date',
        "that's literally a wine bar",
    ]),
    ("r15-u041", [
        'Quel temps fera-t-il à Montréal demain ?',
        'et samedi ?',
        'merci',
    ]),
    ("r15-u042", [
        'do i need suncream today in sydney',
        'sydney nova scotia, not australia',
        'oh. so no then',
    ]),
    ("r15-u043", [
        'how did ohtani do last night',
        'the dodgers still won though right',
    ]),
    ("r15-u044", [
        'when i say wind down, dim everything to 10% and play rain sounds',
        'wind down',
        'remind me what wind down is set to',
    ]),
    ("r15-u045", [
        'ashes score',
        'how many overs left today',
        'is root still in',
    ]),
    ("r15-u046", [
        'cancel my booking at saigon corner tonight',
        'the 8 oclock one',
        'did it go through',
    ]),
    ("r15-u047", [
        'find me a good pho place nearby',
        'open now?',
        'book it for 2 at 7:30',
    ]),
    ("r15-u048", [
        'I prefer km/h for wind, not mph',
        'how windy is it',
        'km/h please',
    ]),
    ("r15-u049", [
        '宇多田ヒカルの曲をかけて',
        'First Loveをもう一回流して',
        '音量下げて',
    ]),
    ("r15-u050", [
        'Je voudrais réserver une table pour quatre ce soir vers 20h',
        'dans un restaurant libanais',
        'merci beaucoup',
    ]),
    ("r15-u051", [
        "I told you I'm allergic to shellfish, did you save that?",
        'remove it, that was my son not me',
        'and now?',
    ]),
    ("r15-u052", [
        'plz play arctic monkies',
        'do i wanna know',
        'again',
    ]),
    ("r15-u053", [
        'Notícias de hoje',
        'só de política',
    ]),
    ("r15-u054", [
        'how windy is cambridge this morning, thinking of cycling in',
        'the english one',
        'so worth it or not',
    ]),
    ("r15-u055", [
        'keep the nursery at 18 at night, the baby overheats',
        "what's the nursery at right now",
        'why is it 22??',
        'put it back to 18 and leave it there',
    ]),
    ("r15-u056", [
        'any news on the flooding up north',
        'is my area affected',
    ]),
    ("r15-u057", [
        'ok google turn on the aircon in the guest room',
        'set it to 19',
        'is it actually on?',
        "my dad's arriving at 6 so make sure it's cool in there by then",
        'thanks',
    ]),
    ("r15-u058", [
        'alexa play feeling good by nina simone',
        "turn it down the baby's asleep",
        'pause it',
    ]),
    ("r15-u059", [
        'science news today',
        'more on the mars mission',
        'cheers',
    ]),
    ("r15-u060", [
        'do you record everything i say',
        'is it stored on your servers or on my device',
        'can my husband see it',
    ]),
    ("r15-u061", [
        'the shed lights have been on all night can you kill them',
        'the shed',
        'SHED',
    ]),
    ("r15-u062", [
        'Włącz światło w pralni',
        'jaśniej',
        'dziękuję',
    ]),
    ("r15-u063", [
        'put on some edith piaf',
        'la vie en rose',
        'little bit louder please',
    ]),
    ("r15-u064", [
        "i'm in columbus georgia, not ohio",
        "what's the weather like",
        'the georgia one, i literally just told you',
    ]),
    ("r15-u065", [
        'frost tonight? got seedlings out',
        'durham',
        'north carolina',
        'should i cover them',
    ]),
    ("r15-u066", [
        'what are the headlines',
        'anything on the election',
        'next',
    ]),
    ("r15-u067", [
        'do you ever get bored',
        "what do you do when nobody's talking to you",
        'thats kinda sad tbh',
    ]),
    ("r15-u068", [
        'Jaka będzie pogoda w Krakowie w niedzielę?',
        'a w poniedziałek?',
    ]),
    ("r15-u069", [
        'i want eat steak tonight, where is good restaurant near to the train station?',
        'how much it cost',
        'ok reserve for me please, 3 person',
    ]),
    ("r15-u070", [
        'play something like fleetwood mac but from this decade',
        'which band is this',
        'ooh lowkey love this, add it to my favourites',
    ]),
    ("r15-u071", [
        'dim the dining room to 30%',
        'warmer colour',
        'perfect, salamat',
    ]),
    ("r15-u072", [
        'the robot mop is called Rosie',
        'Rosie, do the dining room',
        'send Rosie back to her dock',
    ]),
    ("r15-u073", [
        'toca Anitta',
        'agora bota uma bossa nova, tipo Tom Jobim',
        'aumenta um pouco',
        'valeu',
    ]),
    ("r15-u074", [
        'has the tumble dryer finished',
        'how long left',
        "turn it off when it's done then",
    ]),
    ("r15-u075", [
        '私について何を覚えてる？',
        '全部消して',
    ]),
    ("r15-u076", [
        "lock the back gate and arm the alarm, we're heading out",
        'did both work?',
        'what about the alarm',
    ]),
    ("r15-u077", [
        'qual o placar do jogo do flamengo?',
        'quem fez o gol?',
        'obrigado',
    ]),
    ("r15-u078", [
        'is it gonna rain in london tomorrow',
        'london ontario',
        'umbrella or no',
    ]),
    ("r15-u079", [
        'Good evening. I should like to reserve a table for two at Chez Margot on the 21st, at half past seven, if that is at all possible.',
        'Might we request a quiet corner?',
        'Thank you kindly.',
    ]),
    ("r15-u080", [
        "I'm vegan, please remember that",
        'find me somewhere for dinner',
        'does that place even do vegan food?',
    ]),
    ("r15-u081", [
        'can you put on the bach cello suites, the rostropovich recording if there is one',
        'how long is this one',
        'stop after this movement',
    ]),
    ("r15-u082", [
        'halal burger place open after midnight?',
        'do they deliver? shukran',
    ]),
    ("r15-u083", [
        'who made you',
        'are you smarter than chatgpt',
        'ok night night',
    ]),
    ("r15-u084", [
        'today is high pollen?',
        'richmond virginia',
        'my hayfever will be terrible then',
    ]),
    ("r15-u085", [
        'lakers tonight?',
        'did lebron play',
        'typical lakers',
    ]),
    ("r15-u086", [
        "what time's sunset tonight, want to get photos off the pier",
        'here in newcastle',
        'the australian newcastle',
        'and tomorrow?',
    ]),
    ("r15-u087", [
        'Galatasaray maçı kaç kaç bitti?',
        'golleri kim attı',
    ]),
    ("r15-u088", [
        'any vegan restaurants round here that take bookings',
        'something a bit fancier',
        'ok book the first one for tomorrow lunch, me and my sister',
    ]),
    ("r15-u089", [
        'i support boca juniors, keep that in mind',
        'how did my team get on',
        'boca. not river. BOCA',
    ]),
    ("r15-u090", [
        "Mets du Stromae s'il te plaît",
        'Papaoutai',
        "c'est trop fort, baisse un peu le son",
    ]),
    ("r15-u091", [
        'stop remembering stuff about me',
        'from now on, nothing',
        'promise?',
    ]),
    ("r15-u092", [
        'is pogacar riding the tour de france this year',
        'what stage is it on',
        "who's in yellow",
    ]),
    ("r15-u093", [
        'who won wimbledon this year, mens',
        "and the women's",
        'swiatek?',
    ]),
    ("r15-u094", [
        'what do you remember about me',
        'how do you know that',
        'ok wipe it',
        'is it gone?',
    ]),
    ("r15-u095", [
        'wheres good for ramen thats cheap',
        'walking distance',
        'do they do takeout',
    ]),
    ("r15-u096", [
        'the bunker means the basement',
        'turn on the bunker lights',
        'bunker lights. basement. you know this',
        'thank you',
    ]),
    ("r15-u097", [
        'please never play coldplay again, seriously',
        'play some chill stuff',
        'was that coldplay?!',
    ]),
    ("r15-u098", [
        "right we've got people coming over at 7, can you put on some dinner party music, relaxed but not boring, and make the dining room lights a bit cosier",
        'less jazzy than this',
        'perfect, keep it going all evening',
    ]),
    ("r15-u099", [
        'did arsenal win',
        'who scored',
        "when's the next game",
        'where are we in the league',
    ]),
    ("r15-u100", [
        'book me a flight to lisbon next friday',
        'a train then?',
        'never mind',
    ]),
]
