"""People named in an event's running text without a cue: the last reading of who speaks.

Real pages often name their speakers only in prose ("Derfor har KL inviteret børne- og undervisningsminister
Pernille Rosenkrantz-Theil til en samtale", "I den forbindelse kommer formanden for Danske Skoleelever, Thea
Enevoldsen, og giver sit bud"). The cue-based readers in `speakers.py` cannot list every verb; this pass
takes every person named in the event's text, except where the words around the name say the person is not
a speaker (extract/lexicon/not_speaker_context.toml): a quote's sayer, a photo credit, a byline, a contact
person, a possessive ("Mette Frederiksens regering").
"""
from __future__ import annotations

import re
import tomllib
from functools import cache

from . import lexicon
from .model import Speaker
from .names import is_first_name, looks_like_person
from .parties import party_letter

_INITIAL = re.compile(r"[A-ZÆØÅ]\.")  # a middle initial: "Steen B. Andersen"
_WORD = re.compile(r"[\wÆØÅæøåÄÖÜäöüÉé'’.-]+")
_SENTENCE_START = re.compile(r"[.!?:;]\s+(?=\S)|^\s*[-–•]\s+")
# a name that goes on in a possessive (`Mette Frederiksens regering`, `Henrik Sejerskildes bog`): the surname
# ends in -s and the next word is a lower-case noun, not a verb the person does
_VERBS_AFTER = re.compile(r"(?i)^(?:og|er|var|vil|skal|kan|har|fortæller|taler|giver|holder|deltager|"
                          r"fra|i|på|om|ved|med|til|som|der)\b")


@cache
def _contexts() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = tomllib.loads(lexicon.read("not_speaker_context"))
    before = [re.compile(e["pattern"]) for e in data["entry"] if e["side"] == "before"]
    after = [re.compile(e["pattern"]) for e in data["entry"] if e["side"] == "after"]
    return before, after


def not_a_speaker(before: str, after: str) -> bool:
    """Do the words before the name (its sentence up to the name) or after it say this is no speaker?"""
    b, a = _contexts()
    before, after = before.lower(), after.lower()
    return any(p.search(before) for p in b) or any(p.search(after) for p in a)


def sentence_before(text: str, start: int) -> str:
    """The words of the sentence (or list item) that stand before position `start`."""
    head = text[:start]
    return head[max((m.end() for m in _SENTENCE_START.finditer(head)), default=0):]


def not_a_speaker_at(text: str, start: int, end: int) -> bool:
    """`not_a_speaker` for the name at text[start:end]."""
    return not_a_speaker(sentence_before(text, start), text[end:])


def _possessive(name: str, after: str) -> bool:
    last = name.split()[-1]
    if not last.endswith("s") or len(last) < 5 or is_first_name(last):
        return False
    nxt = after.lstrip()
    return bool(nxt[:1].islower()) and not _VERBS_AFTER.match(nxt)


# the last word of a street or a building named after a person: "Herluf Trolles Gade", "Odd Fellow Palæet"
PLACE_WORDS = frozenset({"Gade", "Allé", "Alle", "Plads", "Vej", "Torv", "Boulevard", "Stræde", "Palæ", "Palæet",
                         "Vænge", "Park", "Parken", "Have", "Haven", "Kaserne", "Skole", "Hus", "Huset", "Gård",
                         "Gården", "Centret", "Center", "Kirke", "Hallen", "Salen", "Sal"})


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s([\wÆØÅæøå]+)", text[pos:])
    return m.group(1) if m else ""


def _role_word(word: str) -> bool:
    from .speakers import ROLE_WORDS, _ROLE_END
    return bool(ROLE_WORDS.match(word)) or bool(_ROLE_END.search(word.lower()))


def names_in(text: str) -> list[tuple[str, int, int]]:
    """Every person's name in a line: (name, start, end). Longest name first at each first name."""
    out = []
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        w = words[i].group(0).rstrip(".,")
        if not is_first_name(w):
            i += 1
            continue
        hit = None
        for j in range(min(len(words), i + 5), i + 1, -1):
            parts = [m.group(0) for m in words[i:j]]
            if any(p.endswith(",") or (p.endswith(".") and not _INITIAL.fullmatch(p)) for p in parts[:-1]) or \
                    any(text[a.end():b.start()] != " " for a, b in zip(words[i:j - 1], words[i + 1:j])):
                continue  # a name runs over single spaces only: not over a stop, a comma or a parenthesis
            cand = " ".join(parts).rstrip(".,")
            while len(cand.split()) > 2 and _role_word(cand.split()[-1]):
                cand = cand.rsplit(" ", 1)[0]  # "Joan Lindskov Sektornæstformand": the role is not the name
            if looks_like_person(cand) and cand.split()[-1] not in PLACE_WORDS and \
                    _next_word(text, words[i].start() + len(cand)) not in PLACE_WORDS:
                hit = (cand, words[i].start(), words[i].start() + len(cand), j)
                break
        if hit:
            out.append(hit[:3])
            i = hit[3]
        else:
            i += 1
    return out


# words that may stand in a role before the name besides role words: "tidligere minister", "børne- og ..."
_ROLE_MODIFIERS = {"tidligere", "fhv.", "nye", "nyvalgte", "konstitueret", "administrerende", "ledende",
                   "praktiserende", "kommunal", "regional", "national", "daglig", "faglig", "politisk", "social",
                   "sociale", "ansvarlig", "ansvarshavende", "cheføkonom", "landsformand", "forhenværende"}
_ORG_AFTER_ROLE = re.compile(r"(?P<role>[a-zæøå][\w-]*)\s+(?:for|i|hos|ved|på)\s+(?P<org>[A-ZÆØÅ][\w&'’.-]*"
                             r"(?:\s+(?:[A-ZÆØÅ][\w&'’.-]*|for|og|i|af))*?)\s*,\s*$")


_PARTY_GENITIVE = re.compile(r"(?i)\b(?P<p>(?:det\s+)?(?:[\w-]+\s+){0,1}[\w-]+?)(?:s|'s|’s)\s+"
                             r"(?:[a-zæøå][\w-]*\s+){0,3}$")


_PARTY_FOR = re.compile(r"\b(?:for|fra)\s+(?P<p>(?:det\s+)?[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+)?)\s*,?\s*$")


def party_before(before: str) -> str | None:
    """A party named in the genitive before the name, perhaps with a role between: `Enhedslistens`,
    `Socialdemokratiets borgmesterkandidat`; or a role for the party: `Folketingsmedlem for Socialdemokratiet`."""
    m = _PARTY_FOR.search(before)
    if m and party_letter(m["p"]):
        return party_letter(m["p"])
    m = _PARTY_GENITIVE.search(before)
    if not m:
        return None
    words = m["p"].split()
    for k in range(len(words)):
        letter = party_letter(" ".join(words[k:]))
        if letter:
            return letter
    return None


def role_before(before: str) -> tuple[str | None, str | None]:
    """The role written before a name: `børne- og undervisningsminister`, `Unicefs generalsekretær,`,
    `formanden for Danske Skoleelever,` → (role, organisation)."""
    m = _ORG_AFTER_ROLE.search(before)
    if m and _role_word(m["role"]):
        return m["role"], m["org"]
    words = before.rstrip().rstrip(",").split()
    if not words or not _role_word(words[-1].strip(",")):
        return None, None
    role = [words[-1].strip(",")]
    i = len(words) - 2
    while i >= 0:
        w = words[i]
        if w.endswith("-") or w in _ROLE_MODIFIERS or (w == "og" and i > 0 and words[i - 1].endswith("-")):
            role.insert(0, w)
            i -= 1
            continue
        break
    org = None
    if i >= 0 and re.match(r"^[A-ZÆØÅ][\w&.-]*(?:s|'s|’s|')$", words[i]) and not is_first_name(words[i]):
        k = i
        while k > 0 and words[k - 1][:1].isupper():
            k -= 1
        org = " ".join(words[k:i + 1])
        org = re.sub(r"(?:'s|’s|s|')$", "", org)  # "Unicefs" → "Unicef", "Danske Regioners" → "Danske Regioner"
    return " ".join(role), org


_AFTER = re.compile(r"\s*,\s*(?P<a>[^,.;()]{2,80}?)(?:,\s*(?P<b>[A-ZÆØÅ][^,.;()]{1,60}?))?(?=\s*[,.;)]|\s+og\s|$)")


def role_after(after: str) -> tuple[str | None, str | None]:
    """The role and organisation written after a name: `, projektleder i Realdania`, `, forstander, Rønshoved
    Højskole`, ` fra Jobcenter Aarhus`."""
    m = re.match(r"\s+fra\s+(?P<org>[A-ZÆØÅ][\w&'’.-]*(?:\s+[A-ZÆØÅ][\w&'’.-]*){0,4})", after)
    if m:
        return None, m["org"]
    m = _AFTER.match(after)
    if not m:
        return None, None
    a, b = m["a"].strip(), m["b"]
    first = a.split()[0]
    if first[:1].islower() and (_role_word(first) or _role_word(a.split()[-1]) or
                                 re.search(r"\s(?:i|hos|ved|for)\s+[A-ZÆØÅ]", a)):
        inner = re.match(r"^(?P<role>.*?\S)\s+(?:i|hos|ved)\s+(?P<org>[A-ZÆØÅ].*)$", a)
        if inner and not b:
            return a, inner["org"]
        return a, b
    return None, None


def _lone(text: str, found: tuple[str, int, int]) -> bool:
    """Only the name on the line, perhaps after a role word or a bullet (`Regionskonsulent Søren Bach`)."""
    _, start, end = found
    head, tail = text[:start].strip(" •-–*"), text[end:].strip(" .,")
    return not tail and len(head.split()) <= 1


def mentioned_speakers(texts: list[str], known: set[str]) -> list[Speaker]:
    """The people named in an event's lines who are not yet among its speakers (`known`, lower-cased names),
    except those the context rules out. Party letters in parentheses right after the name are read."""
    out: list[Speaker] = []
    seen = set(known)
    for text in texts:
        if "@" in text or re.search(r"(?i)\btlf\b|\btelefon\b", text):
            continue  # a contact line
        found = names_in(text)
        if len(found) == 1 and _lone(text, found[0]):
            continue  # a person on a line of their own is a list entry (read by the list readers) or a contact card
        for name, start, end in found:
            key = name.casefold()
            if key in seen or any(key in k or k in key for k in seen):
                continue
            before, after = sentence_before(text, start), text[end:]
            if not_a_speaker(before, after) or _possessive(name, after):
                continue
            sp = Speaker(name=name, evidence=text)
            m = re.match(r"\s*\(([^()]{1,40})\)", after)
            if m and party_letter(m.group(1)):
                sp.party = party_letter(m.group(1))
            elif m and m.group(1)[:1].isupper() and not re.search(r"\d", m.group(1)):
                sp.organization = m.group(1).strip()  # "Maja Holm Thorsen (VIVE)"
            if not sp.party:
                sp.party = party_before(before)  # "Enhedslistens Mai Villadsen", "Alternativets Theresa Scavenius"
            role, org = role_before(before)
            if not role:
                role, org2 = role_after(after)
                org = org or org2
            sp.role, sp.organization = role, sp.organization or org
            seen.add(key)
            out.append(sp)
    return out
