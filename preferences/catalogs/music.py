"""Music catalog: genres with their everyday aliases, and well-known artists.

Each artist carries a genre so that "play something like Miles Davis" and a
liked genre can be reconciled, and a few real track titles so the demo
player has something concrete to announce.
"""
from __future__ import annotations

from dataclasses import dataclass

from preferences.catalogs.text import build_index, fold, strip_suffixes

GENRES: dict[str, list[str]] = {
    "jazz": ["smooth jazz", "bebop", "swing"],
    "rock": ["rock and roll", "rock n roll", "classic rock", "rock music"],
    "classical": ["classical music", "orchestral", "symphony", "baroque"],
    "hip hop": ["hip-hop", "hiphop", "rap", "rap music"],
    "country": ["country music", "country western", "americana"],
    "blues": ["the blues", "delta blues"],
    "pop": ["pop music", "top 40", "chart music"],
    "metal": ["heavy metal", "metal music", "thrash"],
    "reggae": ["reggae music", "dub"],
    "electronic": ["edm", "electronica", "techno", "house", "house music", "dance music"],
    "folk": ["folk music", "acoustic folk"],
    "soul": ["soul music", "motown"],
    "r&b": ["rnb", "r and b", "rhythm and blues"],
    "punk": ["punk rock"],
    "indie": ["indie rock", "indie pop", "alternative"],
    "latin": ["latin music", "salsa", "reggaeton"],
    "k-pop": ["kpop", "k pop", "korean pop"],
    "lo-fi": ["lofi", "lo fi", "chill beats"],
    "gospel": ["gospel music"],
    "funk": ["funk music"],
}


@dataclass(frozen=True)
class Artist:
    name: str
    genre: str
    tracks: tuple[str, ...]


ARTISTS: tuple[Artist, ...] = (
    Artist("Miles Davis", "jazz", ("So What", "Blue in Green", "Freddie Freeloader")),
    Artist("John Coltrane", "jazz", ("Giant Steps", "Naima", "My Favorite Things")),
    Artist("Ella Fitzgerald", "jazz", ("Summertime", "Dream a Little Dream of Me")),
    Artist("Norah Jones", "jazz", ("Don't Know Why", "Come Away with Me")),
    Artist("The Beatles", "rock", ("Hey Jude", "Let It Be", "Here Comes the Sun")),
    Artist("Queen", "rock", ("Bohemian Rhapsody", "Don't Stop Me Now")),
    Artist("Led Zeppelin", "rock", ("Stairway to Heaven", "Kashmir")),
    Artist("Radiohead", "indie", ("Karma Police", "No Surprises")),
    Artist("Arctic Monkeys", "indie", ("Do I Wanna Know?", "505")),
    Artist("Taylor Swift", "pop", ("Shake It Off", "Anti-Hero", "Love Story")),
    Artist("Beyonce", "r&b", ("Halo", "Crazy in Love", "Formation")),
    Artist("Adele", "pop", ("Hello", "Rolling in the Deep", "Someone Like You")),
    Artist("Ed Sheeran", "pop", ("Shape of You", "Perfect")),
    Artist("Billie Eilish", "pop", ("bad guy", "Happier Than Ever")),
    Artist("Drake", "hip hop", ("Hotline Bling", "God's Plan")),
    Artist("Kendrick Lamar", "hip hop", ("HUMBLE.", "Alright")),
    Artist("Eminem", "hip hop", ("Lose Yourself", "Without Me")),
    Artist("Johnny Cash", "country", ("Ring of Fire", "Hurt", "Folsom Prison Blues")),
    Artist("Dolly Parton", "country", ("Jolene", "9 to 5")),
    Artist("Luke Combs", "country", ("Beer Never Broke My Heart", "Fast Car")),
    Artist("B.B. King", "blues", ("The Thrill Is Gone", "Every Day I Have the Blues")),
    Artist("Muddy Waters", "blues", ("Hoochie Coochie Man", "Mannish Boy")),
    Artist("Ludwig van Beethoven", "classical", ("Moonlight Sonata", "Symphony No. 5")),
    Artist("Wolfgang Amadeus Mozart", "classical", ("Eine kleine Nachtmusik", "Requiem")),
    Artist("Johann Sebastian Bach", "classical", ("Cello Suite No. 1", "Air on the G String")),
    Artist("Metallica", "metal", ("Enter Sandman", "Master of Puppets")),
    Artist("Iron Maiden", "metal", ("The Trooper", "Run to the Hills")),
    Artist("Bob Marley", "reggae", ("Three Little Birds", "Redemption Song", "One Love")),
    Artist("Daft Punk", "electronic", ("Get Lucky", "One More Time")),
    Artist("Calvin Harris", "electronic", ("Summer", "Feel So Close")),
    Artist("Bob Dylan", "folk", ("Blowin' in the Wind", "Like a Rolling Stone")),
    Artist("Simon & Garfunkel", "folk", ("The Sound of Silence", "Mrs. Robinson")),
    Artist("Aretha Franklin", "soul", ("Respect", "Natural Woman")),
    Artist("Marvin Gaye", "soul", ("What's Going On", "Let's Get It On")),
    Artist("Stevie Wonder", "soul", ("Superstition", "Sir Duke")),
    Artist("Usher", "r&b", ("Yeah!", "U Got It Bad")),
    Artist("The Ramones", "punk", ("Blitzkrieg Bop", "I Wanna Be Sedated")),
    Artist("Green Day", "punk", ("Basket Case", "American Idiot")),
    Artist("Bad Bunny", "latin", ("Titi Me Pregunto", "Me Porto Bonito")),
    Artist("Shakira", "latin", ("Hips Don't Lie", "Waka Waka")),
    Artist("BTS", "k-pop", ("Dynamite", "Butter")),
    Artist("BLACKPINK", "k-pop", ("How You Like That", "Pink Venom")),
    Artist("James Brown", "funk", ("I Got You (I Feel Good)", "Get Up Offa That Thing")),
    Artist("Mahalia Jackson", "gospel", ("How I Got Over", "Precious Lord")),
    Artist("Nujabes", "lo-fi", ("Feather", "Aruarian Dance")),
)

_GENRE_INDEX = build_index(GENRES)
_ARTIST_INDEX = build_index(
    {a.name: [a.name.replace("The ", "")] if a.name.startswith("The ") else [] for a in ARTISTS}
)
_ARTIST_INDEX.update({fold("Beyoncé"): "Beyonce", fold("BB King"): "B.B. King",
                      fold("Beethoven"): "Ludwig van Beethoven", fold("Mozart"): "Wolfgang Amadeus Mozart",
                      fold("Bach"): "Johann Sebastian Bach"})
ARTISTS_BY_NAME = {a.name: a for a in ARTISTS}


def normalize_genre(value: str) -> str | None:
    """Canonical genre for "some jazz", "Hip-Hop music", "EDM"; None if unknown."""
    folded = fold(value)
    return _GENRE_INDEX.get(folded) or _GENRE_INDEX.get(strip_suffixes(folded, ("music", "songs", "tunes")))


def normalize_artist(value: str) -> str | None:
    """Canonical artist name; None if the artist is not in the catalog."""
    folded = fold(value)
    return _ARTIST_INDEX.get(folded) or _ARTIST_INDEX.get(strip_suffixes(folded, ("songs", "music")))


def artists_for(genre: str) -> list[Artist]:
    return [a for a in ARTISTS if a.genre == genre]
