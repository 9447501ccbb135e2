"""Titles: the page's own title, a title written on a date line, and network suffixes taken off."""
from __future__ import annotations

import re

from . import lexicon
from .chrome import chrome_prose
from .dates import WEEKDAY_WORD, find_dates
from .lines import CHROME_TITLE, LineInfo, is_time_only
from .venue import POSTAL, is_named_venue, looks_like_address


NETWORK_SUFFIX = re.compile(r"\s+[-–]\s+(?:[\w'’.-]+\s+){0,4}(?:netværk|network|forum)\b.*$", re.I)


def clean_title(text: str) -> tuple[str, str | None, str | None]:
    """Strip a network suffix (`Title - Socialpolitisk netværk - Aarhus`) and bullets;
    → (title, series, place named after the network)."""
    t = text.strip(" •·-–\"”“")
    series = place = None
    m = NETWORK_SUFFIX.search(t)
    if m and m.start() > 8:
        parts = re.split(r"\s+[-–]\s+", m.group(0).strip(" -–"))
        series = parts[0].strip()
        if len(parts) > 1 and re.match(r"^[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){0,2}$", parts[1].strip()):
            place = parts[1].strip()
        t = t[: m.start()].strip()
    t = re.sub(r"\s*\((?:fællesmøde|i samarbejde)[^)]*\)", "", t, flags=re.I).strip()
    quoted = _QUOTED_TITLE.search(t)
    if quoted:  # "..., inviterer Børnesagen til debat på Folkemødet: “Kan vi leve med ...?”": the quoted name
        t = quoted["q"].strip()
    kicker = _KICKER.match(t.lower())
    if kicker and len(t) - kicker.end() >= 8:
        t = t[kicker.end():].strip()
    dated = _TRAILING_DATE.search(t)
    if dated and len(t[:dated.start()].split()) >= 2 and find_dates(dated.group(0)):
        t = t[:dated.start()].strip()  # "Boligsocial årskonference 2026 den 5. marts": the date is said elsewhere
    return t, series, place


_TRAILING_DATE = re.compile(r"\s+(?:den|d\.)\s+[0-3]?\d\.\s*[a-zæøå]+\.?(?:\s+(?:19|20)\d{2})?$", re.I)


_QUOTED_TITLE = re.compile(r':\s*[“"«„](?P<q>[^”"»“]{8,}?)[”"»“]?\s*$')
# "Sæt kryds i kalenderen: ..." (extract/lexicon/title_kickers.toml); lower-cased spans keep the length
_KICKER = re.compile(lexicon.pattern("title_kickers"))


def _titled_date(inf: LineInfo) -> bool:
    """`Socialrådgiverdage 2024 – fredag 8. november`: a heading that names the event and its day."""
    if not inf.anchor or inf.words > 14 or inf.prose or "," in inf.text[: inf.anchor.span[0]]:
        return False
    if inf.times and not _DATED_TAIL.search(inf.text[: inf.anchor.span[0]]):
        return False  # a time after the date: only "<title> — <date>, <time>" names its event
    head = inf.text[: inf.anchor.span[0]].strip(" –-:")
    return len(head.split()) >= 2 and head[:1].isupper() and not LABEL_WORDS.match(head)


_PLACE_TAIL = re.compile(r"\s+(?:på|i|hos)\s+[A-ZÆØÅ]")
_DATED_TAIL = re.compile(r"\S\s+[—–-]\s*$")
LABEL_WORDS = re.compile(r"(?i)^(?:dato|tid|tidspunkt|hvornår|sted|udsat|aflyst|nb|obs|bemærk)\b")


def page_title(infos: list[LineInfo]) -> tuple[int | None, str | None]:
    """The page's own title: its h1 where the markup says so; else the title-like line that the page treats
    as a title: followed by the date or the introduction, repeated further down (fact box), not chrome."""
    h1 = [i for i, inf in enumerate(infos) if inf.line.kind == "h" and inf.line.level == 1 and not inf.generic
          and not inf.anchor and not CHROME_TITLE.search(inf.text)]
    best, best_score = None, None
    texts = [norm_title(inf.text) for inf in infos]
    named = next((i for i, inf in enumerate(infos[:8]) if inf.words <= 8 and _names_its_event(inf.text)), None)
    if named is not None:
        return named, infos[named].text  # "Program for Sundhedstopmødet 2023" names the event
    for i, inf in enumerate(infos):
        if not (inf.title or _titled_date(inf) or (h1 and i == h1[0])) or inf.text.islower() or \
                CHROME_TITLE.search(inf.text):
            continue
        score = -0.02 * i
        if h1 and i == h1[0]:
            score += 0.5  # the markup's own heading: a small lead only (a text dressed as HTML makes its first line h1)
        after = [x for x in infos[i + 1:i + 4] if not (x.words <= 2 and x.text.islower())]
        if any(x.anchor for x in after[:2]):
            score += 2.5  # the date follows (a kicker or label line may stand between)
        elif any(x.anchor and not x.prose for x in after[:3]):
            score += 2  # a subtitle and a label may stand between
        if any(x.prose and not chrome_prose(x) for x in after[:2]):
            score += 2  # the introduction follows (a subtitle may stand between)
        if inf.line.kind == "li" or " · " in inf.text or " | " in inf.text:
            score -= 2  # a menu item, a breadcrumb or a "type · region" label
        if texts[i] in texts[i + 1:] and not _heads_address(infos, texts.index(texts[i], i + 1)):
            score += 2  # repeated in a fact box; not the organiser's name over its address in the footer
        if inf.line.kind == "h":
            score += 1
        if inf.words == 1:
            score -= 0.5  # a one-word line under a title is a label ("Socialudvalget"), not the title
        if inf.words <= 3 and all(w[:1].isupper() for w in inf.text.split()) and i + 1 < len(infos) and \
                infos[i + 1].title and infos[i + 1].words >= 4 and infos[i + 1].line.kind == inf.line.kind and \
                not CHROME_TITLE.search(infos[i + 1].text):
            score -= 1.5  # a name over the title ("Region Nord", "Socialpædagogerne Syddanmark"): the organiser
        if inf.speakers:
            score -= 2  # a session with its speakers ("Workshop: X, v/ Name") is part of the page, not its title
        if SERIES_HEADING.search(inf.text.lower()):
            score -= 3  # "Netværk for Mental Sundhed - mødeprogram": the series, not the event
        head = inf.text.split(",")[0]
        if (is_named_venue(head) and not any(w[:1].islower() for w in head.split())) or \
                (i + 1 < len(infos) and not infos[i + 1].prose and infos[i + 1].words <= 10 and
                 looks_like_address(infos[i + 1].text)):
            score -= 3  # "Faaborg Bibliotek" over "Herregårdscentret 17, Faaborg": the place
        if inf.words > 14:
            score -= 1  # a sentence more than a heading
        if re.match(r"(?i)^tema\s*:", inf.text):
            score -= 1.5  # "TEMA: ..." under the event's name is its theme
        if _SESSION_LABEL.match(inf.text):
            score -= 2  # "Workshop 1 - ...": one part of the day
        if best_score is None or score > best_score:
            best, best_score = i, score
    if best is None:
        return None, None
    inf = infos[best]
    if inf.anchor and _titled_date(inf) and (inf.times or _PLACE_TAIL.match(inf.text[inf.anchor.span[1]:])):
        # "<title> — 4 December 2025, 10:00-11:00", "Temadag d. 9. marts 2017 på UC Syd": the name before the date
        return best, re.sub(r"(?i)\s+(?:d\.|den)$", "", inf.text[: inf.anchor.span[0]].rstrip(" —–-"))
    return best, inf.text


def _names_its_event(text: str) -> bool:
    """`Program for Sundhedstopmødet 2023`: a programme heading that names its event (not a day of it:
    `Program for torsdag den 6. november`)."""
    m = _KICKER.match(text.lower())
    if not m or not m.group(0).strip().startswith(("program", "dagsorden")):
        return False
    rest = text[m.end():]
    return rest[:1].isupper() and not find_dates(rest) and not WEEKDAY_WORD.match(rest)


SERIES_HEADING = re.compile(lexicon.pattern("series_headings"))
_SESSION_LABEL = re.compile(r"(?i)^(?:workshop|session|spor|runde|hold|modul|track)\s*\d+\b")


def _heads_address(infos: list[LineInfo], j: int) -> bool:
    return any(POSTAL.search(x.text) for x in infos[j + 1:j + 3])


def inline_title(inf: LineInfo) -> tuple[str, str | None] | None:
    """The item's title on its date line: `<title> - <venue> <weekday> <d>. <month> <yyyy>` → (title, venue), or
    `Onsdag den 3. september 2014, 09.15 -12.00: <title> v/ <speakers> (MØDESTED: ...)` → (title, None)."""
    if not inf.anchor:
        return None
    head = inf.text[: inf.anchor.span[0]].strip()
    m = re.match(r"^(?P<title>[A-ZÆØÅ\d][^,]{3,90}?)\s+[-–]\s+(?P<venue>(?:[A-ZÆØÅ]|online).{2,120})$", head)
    if m and not re.match(r"(?i)^(?:dato|tid|kl)\b", head):
        return m["title"].strip(), m["venue"].strip(" ,")
    if _HEAD_TITLE.match(head) and inf.anchor.start_time and not inf.prose and not LABEL_WORDS.match(head) \
            and not WEEKDAY_WORD.match(head) and not _SESSION_LABEL.match(head):
        return head, None  # "Medlemsmøde 21. april kl. 19-21 på Skælskør Bibliotek": the title, then date and place
    return _title_after_date(inf)


# a short name before the date on its own line: a capital first, no digits, no label's colon or dash at its end
_HEAD_TITLE = re.compile(r"^[A-ZÆØÅ][^\d:–—|·,]{2,60}?[^\s:–—|·,-]$")


# "<date>, kl. 10.30 - 11.30 i Kæmpestrandens Eventtelt (J32): <title>": the time and the place before the colon
_AFTER_DATE = re.compile(r"^[\s,]*(?:(?:kl\.?\s*)?[0-2]?\d(?:[.:][0-5]\d)?(?:\s*[-–]\s*[0-2]?\d(?:[.:][0-5]\d)?)?)?"
                         r"(?:,?\s+(?:i|på)\s+(?P<place>[A-ZÆØÅ][^:.]{2,80}?))?\s*:\s+")
_TITLE_END = re.compile(r"\s+(?:v/|v\.\s+(?=[A-ZÆØÅ])|ved\s+(?=[A-ZÆØÅ]))|\s*\(|(?<=[.?!])\s+(?=[A-ZÆØÅ])")


def _title_after_date(inf: LineInfo) -> tuple[str, str | None] | None:
    """A whole item on one line, date first: the words after `<date>, <time>:` up to the speakers' cue, a note
    in parentheses or the end of the first sentence."""
    if inf.anchor.span[0] > 3:
        return None
    m = _AFTER_DATE.match(inf.text[inf.anchor.span[1]:])
    if not m:
        return None
    rest = inf.text[inf.anchor.span[1] + m.end():]
    end = _TITLE_END.search(rest)
    title = (rest[: end.start()] if end else rest).strip(" ,;")
    if len(title.split()) < 2 or not title[:1].isupper():
        return None
    return title, m["place"]

_NON_WORD = re.compile(r"[^\w]+")


def norm_title(s: str) -> str:
    return _NON_WORD.sub(" ", s.casefold()).strip()


def row_title(inf: LineInfo) -> str | None:
    """The title cell of a programme table row: not the date or time, not the place, not the speakers. None for
    a line that is not a table row."""
    if " | " not in inf.text:
        return None
    if inf.speaker_prefix and not find_dates(inf.speaker_prefix):
        return inf.speaker_prefix
    for cell in inf.text.split(" | "):
        c = cell.strip()
        if find_dates(c) or is_time_only(c) or POSTAL.search(c) or looks_like_address(c) or len(c.split()) < 2:
            continue
        return c
    return None
