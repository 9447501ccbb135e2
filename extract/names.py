"""Is this a person's name? First names come from gender-guesser's per-country name lists (Denmark and the
other countries whose names are common here); the rest is the shape of Danish names."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# gender-guesser columns (see its nam_dict.txt): GB, IE, US, IT, MT, PT, ES, FR, BE, LU, NL, EF, DE, AT, CH,
# IS, DK, NO, SE, FI, ... ; a name counts when it is used in the Nordics or common in Western Europe.
_NORDIC = (15, 16, 17, 18, 19)
_WEST = (0, 1, 2, 7, 10, 12, 13)

# Capitalised words that are also first names but in these pages mostly are not.
_NOT_NAMES = {"De", "Hør", "Det", "Den", "Vi", "Og", "Med", "Mere", "Program", "Kl", "Sted", "Tid", "Pris",
              "Dato", "Fra", "Til", "Om", "Oplæg", "Debat", "Panel", "Velkommen", "Velkomst", "Frokost",
              "Pause", "Kaffe", "Kommune", "Region", "Dansk", "Danske", "Danmarks", "Nord", "Syd", "Øst",
              "Vest", "Social", "Alle", "Mange", "Man", "Nye", "Ny", "Hvad", "Hvem", "Hvordan", "Hvorfor",
              "Workshop", "Sal", "Lokale", "Online", "Zoom", "Teams", "Ordstyrer", "Moderator", "Tak",
              "Afrunding", "Opsamling", "Bemærk", "Læs", "Se", "Kontakt", "Tilmelding", "Målgruppe", "Max",
              "The", "Juni", "Juli", "August", "April", "Marts", "Maj", "Januar", "Ole.", "Lokation",
              "Center", "Institut", "Rådet", "Børn", "Unge", "Ungdom", "Byen", "Viborg",
              "Aalborg", "Aarhus", "Odense", "Esbjerg", "Roskilde", "Vejle", "Kolding", "Horsens", "Randers",
              "Herning", "Silkeborg", "Næstved", "Gladsaxe", "Ballerup", "Faxe", "Christiansborg"}
# Lower-case particles inside surnames
PARTICLES = {"von", "van", "de", "der", "la", "le", "af", "zu", "di", "da", "el", "al", "bin", "ibn"}
NAME_WORD = re.compile(r"^(?:[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçë']+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçë']+)?|[A-ZÆØÅ]\.)$")


_AT_LEAST = {k: frozenset("0123456789ABCDEF"[k:]) for k in (1, 4, 6)}  # hexadecimal frequencies k and up


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    names = set()
    some, common, very_common = _AT_LEAST[1], _AT_LEAST[4], _AT_LEAST[6]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line[:1] in ("#", "=", "") or len(line) < 31:
                continue
            cols = line[30:-1]  # one frequency digit per country, blank for none
            name = line.split()[1]
            if "+" in name:
                continue
            n = len(cols)
            if any(i < n and cols[i] in some for i in _NORDIC) or any(i < n and cols[i] in common for i in _WEST) \
                    or not very_common.isdisjoint(cols):
                names.add(name)
    names.update({"Mads", "Søren", "Bjarke", "Rasmus", "Mette", "Signe", "Lærke", "Sofie", "Asger",
                  "Frederik", "Malene", "Pernille", "Trine", "Karina", "Camilla", "Marlene", "Jakob", "Jacob",
                  "Ulrik", "Ulrich", "Kenneth", "Hakon", "Isabell", "Johan", "René", "Janne", "Stine",
                  "Astrid", "Ida", "Naser", "Mai", "Zenia", "Mattias", "Kaare", "Aaja", "Malthe",
                  "Villads", "Bertram", "Liva", "Solvej"})
    return frozenset(n for n in names if n not in _NOT_NAMES)


@lru_cache(maxsize=65536)  # pages repeat their words; these run on every capitalised word of every line
def is_first_name(word: str) -> bool:
    base = word.split("-")[0]
    return base in first_names() and base not in _NOT_NAMES


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    return bool(NAME_WORD.match(word)) and word not in _NOT_NAMES


# Last words that end the names of organisations and places, not of people
ORG_END = re.compile(r"(?i)^(?:\w*(?:kommune|vilkår|råd|rådet|forening(?:en)?|fond(?:en)?|hus(?:et)?|cent(?:er|ret)|"
                     r"universitet|styrelse(?:n)?|ministeri(?:et|um)|region(?:en)?|selskab(?:et)?|gruppe(?:n)?|"
                     r"udvalg(?:et)?|organisation(?:en)?|skole(?:n)?|hospital(?:et)?|akademi(?:et)?|institut(?:tet)?|"
                     r"kors|hjælp(?:en)?|sag(?:en)?|parti(?:et)?|folkeparti|alliance|listen|lab|group|team|"
                     r"netværk(?:et)?|bibliotek(?:et)?|forum|samråd|"
                     r"\w{2,}(?:brygge|gade|vej|plads|torv|allé|boulevard)|"  # streets are compounds; Gade is a surname
                     r"landsforening(?:en)?|forbund(?:et)?|fagforening|a/s|aps|ungdom|kommunikation|fortællinger))$")


@lru_cache(maxsize=65536)
def looks_like_person(text: str) -> bool:
    """`Torben Tranæs`, `Frank Cloyd Ebsen`, `Ulrich Schmidt-Hansen`, `Jens-Kristian Lütken`, `Ib van der Berg`."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if not is_first_name(words[0]) or not is_name_word(words[0]):
        return False
    if not is_name_word(words[-1]) or words[-1].endswith(".") or ORG_END.search(words[-1]):
        return False
    if not all(is_name_word(w) or w in PARTICLES for w in words[1:]):
        return False
    from .speakers import ROLE_WORDS  # (speakers imports this module: looked up when first needed)
    return not ROLE_WORDS.match(words[-1])  # "Nathalie Tocci Director": a role is not a surname


def split_name_run(text: str) -> tuple[str, str] | None:
    """`Medvind i Østerbyen Tine Nørholm Larsen` → (`Medvind i Østerbyen`, `Tine Nørholm Larsen`): a person's
    name that ends a phrase, found by its first name. None when the phrase does not end in a name."""
    words = text.split()
    for i in range(1, len(words) - 1):
        tail = " ".join(words[i:])
        if is_first_name(words[i]) and looks_like_person(tail):
            return " ".join(words[:i]), tail
    return None


def find_name_inside(text: str) -> tuple[str, str, str] | None:
    """`arbejdsmiljørepræsentant Jesper Kragh Bundgaard fra Jobcenter Aarhus` → (`arbejdsmiljørepræsentant`,
    `Jesper Kragh Bundgaard`, `Jobcenter Aarhus`): a name followed by `fra`/`hos`/`i` and an organisation."""
    words = text.split()
    for i, w in enumerate(words):
        if not is_first_name(w):
            continue
        for j in range(min(len(words), i + 5), i + 1, -1):
            if looks_like_person(" ".join(words[i:j])) and j + 1 < len(words) and \
                    words[j] in ("fra", "hos", "i", "ved") and words[j + 1][:1].isupper():
                return " ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j + 1:])
        return None
    return None
