"""Thirteenth set of real conversations with the served assistant (see README.md).

Written by hand, blind: scripts are fixed in advance and played turn by turn by
../failure_points_real/collect.py --set benchmarks/data/failure_points_real13
"""

CONVERSATIONS = [
    ('r13-u001', [
        '宇多田ヒカルをかけて',
        '次の曲',
        'ありがとう',
    ]),
    ('r13-u002', [
        'hey google top 3 headlines only',
        'who is that about',
        "that's enough news for today",
    ]),
    ('r13-u003', [
        "is ronnie o'sullivan still in the snooker",
        "who's he playing next",
    ]),
    ('r13-u004', [
        'i live in richmond virginia, not the london one',
        "what's the weather like at home",
        'and tmrw at my place?',
    ]),
    ('r13-u005', [
        'play my discover weekly',
        'pause',
        'carry on in the bathroom',
    ]),
    ('r13-u006', [
        'ok google is the back door locked',
        'lock it then',
        'and the side gate?',
        "can you see if anyone's out there",
    ]),
    ('r13-u007', [
        "'bedtime' means all the lamps off except the landing, and lock the front door",
        'bedtime',
        'the landing one went off too',
        'put the landing back on then',
        'and is the front door actually locked',
    ]),
    ('r13-u008', [
        "who's leading the masters",
        'how far back is mcilroy',
        "what's the cut line",
    ]),
    ('r13-u009', [
        'what have i taught you so far',
        'delete the first one',
        "and now what's on the list",
    ]),
    ('r13-u010', [
        "i'm vegetarian btw, keep that in mind",
        'find me somewhere for dinner tonight',
        'do they even have veggie mains?',
    ]),
    ('r13-u011', [
        'yo did the packers cover lmao',
        'brutal',
        'when do they play the bears',
    ]),
    ('r13-u012', [
        'stop remembering stuff about me',
        'does that mean the old stuff is gone too',
    ]),
    ('r13-u013', [
        'latest on the hurricane in florida',
        'is it heading for tampa',
        'any evacuation orders?',
    ]),
    ('r13-u014', [
        'I want eat pho, where is good place',
        'it have parking?',
        'ok cảm ơn nhiều',
    ]),
    ('r13-u015', [
        'galatasaray fenerbahçe maçı kaç kaç bitti',
        'golleri kim attı',
        'sağ ol',
    ]),
    ('r13-u016', [
        "c'était combien le match de l'OM hier soir ?",
        'et le PSG ?',
        'merci beaucoup',
    ]),
    ('r13-u017', [
        'alexa switch off the bedroom lamp and put the hallway light on',
        'the hallway one is still off',
        'oh wait there it goes',
    ]),
    ('r13-u018', [
        'nieuws van vandaag alsjeblieft',
        'alleen het sportnieuws',
        'bedankt',
    ]),
    ('r13-u019', [
        'did arsenal win',
        'who scored',
        'when do they play next',
    ]),
    ('r13-u020', [
        'hey mycroft is the tumble dryer done',
        'can you fold it too haha',
    ]),
    ('r13-u021', [
        'start the washing machine on the quick wash',
        "how long's left on it",
        'let me know when it finishes',
    ]),
    ('r13-u022', [
        'its roasting in the study put the aircon on',
        'colder pls',
        'too cold now lol, go back up 2',
    ]),
    ('r13-u023', [
        'Good afternoon. I should like to reserve a table for two at Le Petit Moulin on Thursday evening, at half past seven if possible.',
        'We are celebrating our anniversary; would you be so kind as to let them know?',
        'That is most helpful, thank you.',
    ]),
    ('r13-u024', [
        'cancel my table at the crooked spoon',
        'the friday one',
    ]),
    ('r13-u025', [
        'turn the dehumidifier on in the basement',
        'how damp is it down there',
    ]),
    ('r13-u026', [
        "'washing day' means start the washer and then the dryer",
        'washing day',
        "forget washing day, it doesn't work",
    ]),
    ('r13-u027', [
        'mets du stromae',
        "plus fort s'il te plaît",
        "c'est quoi le titre de cette chanson",
    ]),
    ('r13-u028', [
        'pizza that delivers after 11',
        'any of them halal',
        'order from the first one',
    ]),
    ('r13-u029', [
        "i'm allergic to peanuts, like seriously allergic",
        'suggest somewhere for an indian tonight',
        'will they be careful with nuts?',
        'you did remember the peanut thing right',
    ]),
    ('r13-u030', [
        'lakers score?',
        'and the nuggets',
        'how many did jokic have',
    ]),
    ('r13-u031', [
        'is it gonna rain in cambridge this weekend',
        'the english one',
        'saturday specifically',
    ]),
    ('r13-u032', [
        'weather in santiago',
        'chile',
        'and next week',
    ]),
    ('r13-u033', [
        'where are wolves in the table',
        'how many points off safety',
        "who's bottom",
    ]),
    ('r13-u034', [
        'you can call me Priya',
        'morning! who am i?',
        'ok good you remembered',
    ]),
    ('r13-u035', [
        "text jonas that i'm running late",
        'call him then',
        'can you at least find his number',
        'honestly useless',
    ]),
    ('r13-u036', [
        'set a timer for 12 minutes',
        'how much time is left',
    ]),
    ('r13-u037', [
        'is my info shared with anyone',
        'where is it actually stored',
        'can i download a copy',
    ]),
    ('r13-u038', [
        "what's in the news",
        'skip that one',
        'more about this',
    ]),
    ('r13-u039', [
        'dog friendly pub that does food this sunday',
        '4 people plus the dog lol',
        '1pm if they can',
    ]),
    ('r13-u040', [
        'i hate heavy metal, never play it for me',
        'play some rock',
        'this is basically metal??',
        'skip skip skip',
    ]),
    ('r13-u041', [
        "what time's sunset today",
        'clear enough for stargazing tonight?',
    ]),
    ('r13-u042', [
        'turn the sprinklers on for 15 minutes',
        'not the front lawn, just the veg beds',
        'and stop them if it starts raining',
    ]),
    ('r13-u043', [
        'i like the bedroom at 18 degrees at night',
        'get the bedroom ready for sleep',
        'is it at 18?',
    ]),
    ('r13-u044', [
        'trun of the hallway ligths',
        'and the stair ones',
        'cheers',
    ]),
    ('r13-u045', [
        'play radiohead in rainbows',
        'shuffle it',
        "who's the drummer",
    ]),
    ('r13-u046', [
        'frost tonight? need to know whether to cover the tomatoes',
        "what's the lowest it gets",
        'covering them then',
    ]),
    ('r13-u047', [
        'how are the markets doing today',
        'ftse?',
        'and the pound',
    ]),
    ('r13-u048', [
        'how bad is the pollen today',
        'so hay fever tablets then?',
        'is tmrw any better',
    ]),
    ('r13-u049', [
        'find a thia place near me thats open now',
        "which one's closest",
        'book it for 2 at half 7',
    ]),
    ('r13-u050', [
        'preheat the oven to 180',
        'grill mode actually',
        "how long till it's up to temperature",
    ]),
    ('r13-u051', [
        'any fog at heathrow this morning',
        'will it clear by 11',
        "my flight's at 12:40",
        "what's it like in reykjavik when i land",
        'brrr ok thanks',
    ]),
    ('r13-u052', [
        'what song is this',
        'play it again from the beginning',
    ]),
    ('r13-u053', [
        "remember 'the cosy lamp' is the floor lamp next to the sofa",
        'cosy lamp on',
        'a bit lower',
    ]),
    ('r13-u054', [
        'do you know my address',
        'remove my address please',
        'check you actually forgot it',
    ]),
    ('r13-u055', [
        "what's the uv like in lisbon today",
        'do i need suncream',
        'factor 50? sige, salamat',
    ]),
    ('r13-u056', [
        "learn this: 'heading out' = heating down to 15 and every light off",
        'ok heading out',
        'did the heating actually go down?',
    ]),
    ('r13-u057', [
        'je cherche un bon restaurant marocain pour ce soir',
        'pour quatre personnes à 20h',
        'parfait merci',
    ]),
    ('r13-u058', [
        'gonna be windy cycling to work tmrw?',
        'which direction',
        'ugh headwind both ways probably',
    ]),
    ('r13-u059', [
        'play amy winehouse back to black',
        'who wrote it',
        'put the whole album on',
    ]),
    ('r13-u060', [
        'how hot is it in cordoba',
        'argentina not spain',
    ]),
    ('r13-u061', [
        'o benfica ganhou ontem?',
        'e o porto?',
        'valeu',
    ]),
    ('r13-u062', [
        'right so people are coming over in like twenty minutes, can you dim the dining room lamps, switch on the electric fire and put something mellow on in the background',
        'the fire didnt come on',
        "try again, it's the one in the dining room",
        'still nothing',
        'fine just the music then',
    ]),
    ('r13-u063', [
        'portland forecast for tomorrow pls',
        'maine',
        'will it snow?',
    ]),
    ('r13-u064', [
        'play the wheels on the bus for my daughter',
        'again',
        'AGAIN she says',
        'last time i promise',
    ]),
    ('r13-u065', [
        'i support aston villa, remember that',
        'how did my team get on',
        "and when's the next game",
    ]),
    ('r13-u066', [
        'millainen sää helsingissä on huomenna',
        'entä lauantaina',
        'kiitos',
    ]),
    ('r13-u067', [
        "book a table at nonna rosa's for 6 on saturday",
        'make it 8pm',
        'one of us uses a wheelchair, is that ok there',
        'lovely',
    ]),
    ('r13-u068', [
        'book the anchor and oak for tonight at 7',
        "there'll be 5 of us actually",
        'can we sit outside',
        "scrap outside, rain's coming",
    ]),
    ('r13-u069', [
        'book me a flight to marrakech in may',
        "ok then what's the weather like there in may",
    ]),
    ('r13-u070', [
        'weather in sydney nova scotia',
        'not australia, the nova scotia one',
        'how cold does it get tonight',
    ]),
    ('r13-u071', [
        'play that song that goes i bless the rains down in africa',
        "who's it by",
        'what year did it come out',
    ]),
    ('r13-u072', [
        'whats the score in the england india test',
        'how many wickets down',
        "who's batting now",
    ]),
    ('r13-u073', [
        "'my usual' means a large margherita from nonna rosa's",
        'get me my usual',
        "why can't you just order it",
    ]),
    ('r13-u074', [
        'vegan places near the station?',
        'cheap ones',
        'what time do they close',
    ]),
    ('r13-u075', [
        'thanks for sorting the heating this morning',
        'legend',
    ]),
    ('r13-u076', [
        'you can close the curtains in bedroom please, the sun is very strong',
        'only half',
        'ok is good, obrigado',
    ]),
    ('r13-u077', [
        "you called me doc earlier, it's actually dr okafor",
        'yes update it',
        'so what do you call me now',
    ]),
    ('r13-u078', [
        'puść coś dawida podsiadło',
        'głośniej',
        'dzięki',
    ]),
    ('r13-u079', [
        'can the lounge go up to 21 degrees',
        'actually make it 20.5',
        'how warm is it in there right now',
    ]),
    ('r13-u080', [
        "i don't drink, so no bars or wine places for me please",
        'where should we go on friday night',
        "that's literally a cocktail bar",
    ]),
    ('r13-u081', [
        'remind me to take my meds at 9pm',
        'can you at least wake me at 7 tomorrow',
        "nvm i'll use my phone",
    ]),
    ('r13-u082', [
        'any good ramen round here',
        'do they take bookings',
        "we'll just walk in then",
    ]),
    ('r13-u083', [
        'zet het licht in de slaapkamer uit',
        'en in de badkamer ook',
        'dank je wel',
    ]),
    ('r13-u084', [
        'tell me a joke',
        'lol that was awful, another',
    ]),
    ('r13-u085', [
        'play fleetwood mac',
        "the one that goes thunder only happens when it's raining",
        'louder',
    ]),
    ('r13-u086', [
        'any science news this week',
        'go into the mars rover story',
    ]),
    ('r13-u087', [
        'is the nursery monitor switched on',
        'put the night light in there on as well',
        'as low as it goes',
    ]),
    ('r13-u088', [
        'who won the wimbledon final',
        "i meant the women's",
        'was it close?',
    ]),
    ('r13-u089', [
        "what's on my calendar tomorrow",
        'add the dentist at 3',
    ]),
    ('r13-u090', [
        "new routine: 'workout' = my gym playlist loud and aircon on in the study",
        'workout',
        'what does workout do again',
    ]),
    ('r13-u091', [
        'put some chopin on for studying',
        'not the sonatas, the nocturnes',
        'turn it down a touch',
    ]),
    ('r13-u092', [
        "when's the next f1 race",
        "what time's that for me",
        "who's on pole",
        'norris again?',
    ]),
    ('r13-u093', [
        'what do you know about me',
        'how did you know that',
        'ok wipe all of it',
    ]),
    ('r13-u094', [
        'play taylor swfit',
        'swift*',
        'skip this one',
    ]),
    ('r13-u095', [
        "the guest room is 'the cave', ok? use that name",
        'turn the radiator up in the cave',
        'the cave is the guest room, i literally just told you',
    ]),
    ('r13-u096', [
        'yankees dodgers score',
        "who's pitching for la",
    ]),
    ('r13-u097', [
        'good morning!',
        'how are you today',
        'do you have a name?',
    ]),
    ('r13-u098', [
        'do you remember my favourite food',
        "it's dumplings, remember that",
        'anything else stored about me?',
    ]),
    ('r13-u099', [
        'need something for a long drive',
        'more 80s',
        'next',
        'not this one either',
    ]),
    ('r13-u100', [
        'music in the bedroom please, something chill',
        'less jazzy',
        'this is good, add it to my sunday mix',
    ]),
]
