"""Venues: `MØDESTED: IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V`, `Sted: ...`, the place part of
Altinget's `Altinget, Ny Kongensgade 10, 1472 København K, 30. oktober 2019 kl. 09.30 - 12.30`, and online
meetings (Zoom, Teams, online, virtuelt, webinar)."""
from __future__ import annotations

import re

from . import lexicon
from .model import Venue

ONLINE = re.compile(r"(?i)\b(?:zoom|teams|online|virtuel\w*|webinar\w*|livestream\w*|live-?stream\w*|"
                    r"digital(?:t)?\s+(?:møde|arrangement|event)|streames|skype|google meet)\b")
# A label that introduces a place, at the start of a line or in parentheses.
VENUE_LABEL = re.compile(
    r"(?i)^\(?\s*(?:bemærk:?\s*)?(?:nyt\s+)?(?:mødested(?:et)?(?:\s+er(?:\s+ændret\s+til)?)?|lokation|sted|adresse|"
    r"lokale|location|hvor|afholdes\s+(?:på|i|hos)|venue)\s*(?::|–|-|\s(?=[A-ZÆØÅ]))\s*")
POSTAL = re.compile(r"\b(?P<code>[1-9]\d{3})\s+(?P<city>[A-ZÆØÅ][a-zæøåA-ZÆØÅ.]*(?:[ -](?:[A-ZÆØÅ]{1,2}\b|[A-ZÆØÅ][a-zæøå.]*))*)")
STREET = re.compile(r"(?P<street>[A-ZÆØÅ][\wæøåÆØÅ'.\- ]*?\s\d{1,4}[A-Za-z]?(?:\s*-\s*\d{1,4}[A-Za-z]?)?"
                    r"(?:,?\s*\d\.?\s*(?:sal|th|tv|mf)\.?)?)(?=[,.]|\s+\d{4}\b|$)")


def parse_venue(raw: str) -> Venue | None:
    """One venue text → its parts. Returns None for text that names no place (empty, or just 'Online')."""
    raw = raw.strip(" ,.;:(-–")
    if raw.endswith(")") and raw.count("(") < raw.count(")"):
        raw = raw.rstrip(")").rstrip()  # a closing parenthesis without its opening one; "Eventtelt (J32)" keeps its own
    if not raw:
        return None
    v = Venue(raw=raw, online=bool(ONLINE.search(raw)))
    m = POSTAL.search(raw)
    if m:
        v.postal_code, v.city = m["code"], m["city"].strip(" .")
    if not m:  # "Severin i Middelfart", "Ungdomsgården i Grindsted": the place, then its town
        t = re.match(r"^(?P<name>[A-ZÆØÅ].*?\S)\s+(?:i|på)\s+(?P<town>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ]{1,2})?)$", raw)
        if t and "," not in raw:
            v.name, v.city = t["name"], t["town"]
            return v
    head = raw[: m.start()] if m else raw
    parts = [p.strip() for p in re.split(r",\s*|\.\s+(?=[A-ZÆØÅ])", head) if p.strip()]
    for i, p in enumerate(parts):
        sm = STREET.fullmatch(p.rstrip("."))
        if sm:
            v.street = sm["street"]
            if i:
                v.name = ", ".join(parts[:i])
            break
    else:
        if parts:
            v.name = parts[0]
    if v.name and ONLINE.fullmatch(v.name.strip()):
        v.name = None
    return v


def labelled_venue(text: str) -> str | None:
    """The place after a venue label (`MØDESTED: X`, `Sted: X`), or None."""
    m = VENUE_LABEL.match(text)
    if not m:
        return None
    rest = text[m.end():].strip()
    return rest.rstrip(")").strip() or None


def venue_note(text: str) -> str | None:
    """A venue note in parentheses inside a longer line: `(MØDESTED: IDA, ...)`, `(BEMÆRK: Mødested ...)`."""
    if "(" not in text:
        return None
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = labelled_venue(m.group(1))
        if inner:
            return inner
    return None


def looks_like_address(text: str) -> bool:
    if re.search(r"\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+[1-9]\d{3}\s+[A-ZÆØÅ]", text):
        return True  # "Boulevard 18, 1553 København V": a house number, then postal code and town
    return bool(POSTAL.search(text)) and bool(STREET.search(text.split(",")[0] + "," if "," in text else text)) \
        or bool(re.search(r"\b\d{4}\s+[A-ZÆØÅ]", text) and re.search(r"\w+(?:vej|gade|allé|plads|torv|stræde|"
                                                                   r"brygge|boulevard|vænge|have)\s+\d", text))


# a capitalised name that ends in a venue word (extract/lexicon/venue_words.toml)
_VENUE_END = re.compile(lexicon.pattern("venue_words"))
# capitalised words; a word may end in a full stop only as a short abbreviation ("Sct.", "Dr."), so that a
# sentence's end ("... på Hotel Nyborg Strand. Du kan ...") ends the name
_NAME_WORD = r"(?:[\w'’&.-]{0,3}\.(?=\s)|(?:[\w'’&-]*[\w'’&])?)"
_NAME_RUN = (r"[A-ZÆØÅ]" + _NAME_WORD + r"(?:\s+(?:[A-ZÆØÅ0-9]" + _NAME_WORD + r"|\([A-ZÆØÅ]?\d+[A-Z]?\)))*")
# a room before the named place: "i auditoriet på Metropol", "i kantinen på Rådhuset"
_ROOM = r"(?:(?:det\s+store\s+|den\s+gamle\s+|store\s+)?[a-zæøå]*(?:auditoriet|salen|sal|kantinen|lokalet|mødelokalet|foyeren|aulaen|kælderen|teltet|haven)\s+(?:på|i)\s+)?"
_PLACE_AFTER = re.compile(r"(?:^|\s)(?:på|i|hos|(?P<front>foran))\s+(?P<place>" + _ROOM + _NAME_RUN + r")"
                          r"(?P<note>\s+\([^()]{1,40}\))?"
                          r"(?P<street>,\s+[A-ZÆØÅ][\wæøå.'’ -]*?\s\d{1,4}[A-Za-z]?(?:-\d{1,4})?)?"
                          r"(?:\s+(?P<prep>i|på)\s+(?P<town>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ]{1,2}\b)?))?")


# a sentence that opens with the place: its name, then a verb in lower case
_PLACE_FIRST = re.compile(r"^(?P<place>[A-ZÆØÅ][\w'’.&-]*(?:\s+[A-ZÆØÅ][\w'’.&-]*)*)\s+(?=[a-zæøå])")


# the time right after a date: "kl. 14.30 – 18.00", "fra kl. 17.00 til 19.30", "klokken 19-21", ", 10-12"
_TIME_AFTER_DATE = re.compile(r"(?i)^[\s,]*(?:fra\s+)?(?:kl\.?|klokken)?\s*(?:på\s+)?[0-2]?\d(?:[.:]\d\d)?"
                              r"(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?[0-2]?\d(?:[.:]\d\d)?)?")


def without_time(tail: str) -> str:
    """The words after a date with its time taken off, where a place may stand."""
    return _TIME_AFTER_DATE.sub("", tail, count=1)


def place_after_mention(text: str, mention) -> str | None:
    """The place written right after a date mention in a line (its time taken off first)."""
    return place_after_date(without_time(text[mention.span[1]:]))


def place_after_date(tail: str) -> str | None:
    """The place right after a date and time in a sentence: `... kl. 14.30 – 18.00 på Severin i Middelfart.`
    → `Severin i Middelfart`."""
    tail = tail.lstrip(" ,")
    m = _PLACE_AFTER.match(tail)
    if not m or m.start() > 1 or len(m["place"].split()) > 8:
        return None
    return _with_venue_word(m, tail)


def _with_venue_word(m: re.Match, text: str) -> str:
    """The place as matched, with a lower-case venue word that ends its name (`Sct. Jørgens sognegård/kirke`)
    and its town."""
    # "foran Grønbech Hotel (Folkescenen, N6)": in front of it is where it is; a note in parentheses stays
    place = ("foran " if m["front"] else "") + m["place"] + (m["note"] or "") + (m["street"] or "")
    if not m["town"]:
        nxt = re.match(r"\s+([a-zæøå]+)(?:/[a-zæøå]+)?", text[m.end("place"):])
        if nxt and _VENUE_END.search(nxt.group(1)):
            place += " " + nxt.group(1)
    return place + (f" {m['prep']} {m['town']}" if m["town"] else "")


def is_named_venue(name: str) -> bool:
    """Does the name end in a venue word (`Altingets Gård`, `Trige Sognegård`)? Then it is no bare town."""
    return bool(_VENUE_END.search(re.sub(r"\s*\([^)]*\)\s*$", "", name).lower()))  # "Eventtelt (J32)"


def named_venue(text: str) -> str | None:
    """A named venue anywhere in a line: `EU-debatmøde på Hårslev Efterskole`, `i Kæmpestrandens Eventtelt
    (J32)`, `i Trige Sognegård`: a capitalised name after på/i/hos that ends in a venue word."""
    m = _PLACE_FIRST.match(text)
    if m and _VENUE_END.search(m["place"].lower()) and 2 <= len(m["place"].split()) <= 4:
        return m["place"]  # "Hillerød Bibliotek skulle på mandag 28. september have haft besøg af ..."
    if not any(w in text for w in (" på ", " i ", " hos ", "På ", "I ")):
        return None
    for m in _PLACE_AFTER.finditer(text):
        place = m["place"].rstrip(".")
        words = place.split()
        # the name may go on with a room or a code: "Kæmpestrandens Eventtelt (J32)"
        core = " ".join(w for w in words if not w.startswith("("))
        if len(words) <= 6 and (_VENUE_END.search(core.lower()) or _VENUE_END.search(
                _with_venue_word(m, text).removesuffix(f" {m['prep']} {m['town']}").lower())):
            return _with_venue_word(m, text)
    return None
