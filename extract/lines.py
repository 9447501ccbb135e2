"""What each line of a page is: an event date, a title, a speaker line, a venue, a programme slot, filler, ...

Classification is per line and cheap; segmentation (segment.py) then reads the sequence of kinds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon
from .anycase import AnyCase
from .dates import MONTHS, WEEKDAYS, DateMention, TimeRange, find_dates, find_times
from .model import Speaker
from .reference import dateline
from .names import looks_like_person, split_name_run
from .speakers import LEAD_CUE, MID_CUE, ROLE_WORDS, TRAILING_MOD, name_shaped, opens_with_name, parse_speaker_list, speaker_line
from .status import DATE_UNCONFIRMED
from .text import Line
from .venue import labelled_venue, looks_like_address, venue_note

# Headings that organise a page but are not event titles.
GENERIC = re.compile(
    r"(?i)^(?:(?:foreløbigt\s+|dagens\s+)?(?:program(?:met)?|møderække(?:n)?|mødeprogram(?:met)?|mødeplan|"
    r"arrangementer|møder|kalender)(?:\s+(?:for\s+)?(?:(?:i\s+)?(?:forår(?:et)?|efterår(?:et)?|sommer(?:en)?|"
    r"vinter(?:en)?|sæson(?:en)?|året|\d{4}(?:[-/]\d{2,4})?)\s*)+)?|"
    r"(?:forår|efterår|sæson|sommer|vinter)(?:et|en)?\s+\d{4}(?:[-/]\d{2,4})?|"
    r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\s+\d{4})?|"
    r"program(?:met)?(?:\s+for\s+.*)?|"
    r"(?:alle\s+|kommende\s+|tidligere\s+|aktuelle\s+|afholdte\s+)?(?:arrangementer|møder|events|webinarer|kurser)|"
    r"kalender|tid\s+og\s+sted|tid|sted|dato|vælg\s+(?:hold|dato|tidspunkt|kursusdato|dag)|viser\s+\d+(?:\s*[-–]\s*\d+)?(?:\s+af\s+\d+)?(?:\s+kommende)?"
    r"(?:\s+(?:arrangementer|resultater|events|kurser))?|"
    r"målgruppe|pris|tilmelding|tilmeldingsfrist|kontakt(?:person)?|om\s+netværket|oplægsholdere|medvirkende|"
    r"praktisk(?:e)?\s+(?:information|oplysninger)|læs\s+mere|se\s+mere|del|arrangement|event|konference|"
    r"netværksmøde|beskrivelse|indhold|om\s+arrangementet|invitation(?:\s+og\s+program)?|hvor|hvornår|"
    r"yderligere\s+information|mere\s+information|arrangør(?:er)?|medarrangør(?:er)?|bemærk|obs|"
    r"det\s+kan\s+du\s+se\s+frem\s+til|forplejning|adresse|lokation|tidspunkt|se\s+alle|tilbage(?:\s+til\s+.*)?|"
    r"netværk|om\s+os|forside|hjem|nyheder|workshops?(?:,?\s+(?:blok|runde|spor)\s*\d*)?|paneldebat|pause|"
    r"frokost|kaffe(?:pause)?|morgenmad|morgenbrød|velkomst|velkommen|afrunding|opsamling|tak\s+for\s+i\s+dag|"
    r"interesseret\??|bliv\s+medlem|medlemskab|fakta(?:\s+om\s+\w+)?|praktisk|priser?\s+og\s+tilmelding|"
    r"spørgsmål\??|aflyst|udsat|udskudt|aflyst\s+\S+|nyt\s+tidspunkt)[\s:.!?]*$"
    r"|^(?:[\w'’-]+\s+){0,3}(?:netværk|netværket)(?:\s*[-–:]\s*(?:mødeprogram|møderække|program)(?:\s+\d{4}(?:[-/]\d{2,4})?)?)?\s*$")
# Lines that stand in for content ("Yderligere information følger", "Læs mere"). Every alternative starts with a
# letter of its own, so re can skip ahead to those letters; the ones only at the start of a line are apart.
FILLER_ANYWHERE = AnyCase(
    r"yderligere\s+information\b.*\bfølger|mere\s+information\b.*\bfølger|nærmere\s+information\b.*\bfølger|"
    r"følger\s+(?:snarest|senere|snart)|information\s+om\s+gæst(?:en)?\s+tilgår|"
    r"programmet\s+(?:er\s+)?(?:under\s+udarbejdelse|opdateres)|kan\s+ske\s+ændringer|læs\s+mere\s+og\s+tilmeld")
FILLER_START = AnyCase(r"se\s+(?:alle\s+|kommende\s+)?arrangementer|læs\s+mere|tilmeld\s+dig|(?:til|af)melding\s+her|"
                       r"del\s+på\s+\w+$")
CONTACT_HEAD = re.compile(
    r"(?i)^(?:kontakt(?:person(?:er)?)?|kontaktoplysninger|ønsker\s+du\s+at\s+høre\s+nærmere|har\s+du\s+"
    r"(?:nogle\s+)?spørgsmål|spørgsmål\s+(?:til|om)|for\s+(?:mere|yderligere)\s+information|netværksansvarlig|"
    r"praktiske\s+spørgsmål|yderligere\s+oplysninger|kontakt\s+os)\b")
# an e-mail address, not a social-media handle ("formand for BUPL, @BergmannEml" names a panellist)
CONTACT_LINE = re.compile(r"(?i)[\w.+-]@[\w-]+\.\w|\btlf\.?\b|\btelefon\b|\bmobil\b|\b(?:\d{2}\s){3}\d{2}\b|\+45")
DEADLINE = AnyCase(r"(?i)tilmelding|frist|senest|deadline|svar\s+udbedes|sidste\s+(?:dag|frist)|billetsalg|"
                   r"billet(?:ter)?\s+(?:kan\s+)?(?:bestilles|købes|reserveres)|(?:bestilles|købes|sælges)\s+fra|"
                   r"udgivet|publiceret|opdateret|offentliggjort|skrevet")
REPEAT = AnyCase(r"(?i)samme\s+arrangement|afholdes\s+(?:også|igen)|gentages|også\s+(?:den|d\.)|"
                 r"stiftet|grundlagt|etableret|oprettet|født|døde|udgivet|udkom|siden\s+\d|"
                 r"næste\s+(?:møde|gang)|sidste\s+år|tidligere\s+(?:afholdt|arrangement)|blev\s+afholdt|"
                 r"trådte\s+i\s+kraft|træder\s+i\s+kraft|vedtaget|udkom|offentliggjorde|siden\s+(?:den\s+)?\d")
TIMESLOT = re.compile(r"^(?:kl\.?\s*)?(?P<a>[0-2]?\d[.:][0-5]\d)\s*(?:-|–|til)\s*(?P<b>[0-2]?\d[.:][0-5]\d)\s*:?\s+"
                      r"(?P<rest>\S.*)$|^(?:kl\.?\s*)?(?P<c>[0-2]?\d[.:][0-5]\d)\s*:?\s+(?P<rest2>[A-ZÆØÅ\"”“].*)$", re.I)
TEASER = re.compile(r"(?i)^(?:se\s+)?(?:kommende|andre|flere|relaterede|lignende|øvrige)\s+(?:arrangementer|events|"
                    r"møder|kurser|aktiviteter|konferencer|webinarer|temadage|netværksmøder)|^se\s+også\b|^del\s+(?:siden|artiklen|arrangementet)|"
                    r"^tilmeld\s+dig\s+(?:vores\s+)?nyhedsbrev|^nyhedsbrev$|^(?:seneste\s+|flere\s+|andre\s+)?nyheder$|"
                    r"^læs\s+også$|^mest\s+læste$|^næste\s+møder(?:\s+i\s+.*)?$|^relaterede?\s+\w+$|^seneste\s+fra\b")
LABEL = re.compile(r"(?i)^(?P<key>dato|tid|tidspunkt|hvornår|sted|hvor|adresse|lokation|pris|målgruppe|"
                   r"tilmelding(?:sfrist)?|frist|arrangør(?:er)?|medarrangør(?:er)?|deltagerpris|kontakt)"
                   r"\s*(?::|–|-)\s*(?P<value>.*)$")


@dataclass
class LineInfo:
    line: Line
    dates: list[DateMention] = field(default_factory=list)
    times: list[TimeRange] = field(default_factory=list)
    anchor: DateMention | None = None       # the event date this line gives
    undated: bool = False                   # "..., dato følger": stands where an item's date would
    speakers: list[Speaker] = field(default_factory=list)
    speaker_prefix: str | None = None       # "Workshop: X" before "v/ ..."
    title: bool = False                     # could be an event title
    generic: bool = False
    venue: str | None = None                # a place named by a label or note
    slot: tuple | None = None               # (start, end, text) of a programme line
    filler: bool = False
    contact: bool = False
    label: tuple[str, str] | None = None    # ("sted", "IDA Mødecenter ...")
    words: int = 0
    prose: bool = False

    @property
    def text(self) -> str:
        return self.line.text


PLACE_LABELS = ("sted", "hvor", "adresse", "lokation")
TIME_LABELS = ("tid", "tidspunkt", "hvornår")
_PAREN = re.compile(r"\([^)]*\)")
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d[.:]\d\d")
_TIME_ONLY = re.compile(r"(?i)^(?:tid(?:spunkt)?\s*:?\s*|kl\.?\s*)?[0-2]?\d(?:[.:][0-5]\d)?\s*(?:-|–|til)\s*"
                        r"(?:kl\.?\s*)?[0-2]?\d(?:[.:][0-5]\d)?\s*(?:\(.*\))?\.?$|^kl\.?\s*[0-2]?\d(?:[.:][0-5]\d)?\.?$")


def is_time_only(text: str) -> bool:
    return bool(_TIME_ONLY.match(text.strip()))


def classify(line: Line, block_size: int, first_in_block: bool) -> LineInfo:
    t = line.text
    info = LineInfo(line, words=len(t.split()))
    bare_words = len(_PAREN.sub(" ", t).split()) if "(" in t else info.words  # notes in parentheses aside
    info.prose = (bare_words > 24 or (t.endswith(".") and bare_words > 12)) and " | " not in t  # not a table row
    lm = LABEL.match(t)
    if lm:
        info.label = (lm["key"].lower(), lm["value"].strip())
    # cheap substring tests first: most lines have no digit, no "kl"/"tid" and no "@"
    low, has_digit = t.lower(), _DIGIT.search(t) is not None
    info.dates = find_dates(t) if has_digit else []
    info.times = find_times(t) if "kl" in low or "tid" in low or (has_digit and _CLOCK.search(t)) else []
    info.filler = FILLER_START.match(t) or FILLER_ANYWHERE.search(t)
    info.contact = bool(CONTACT_HEAD.match(t)) or (
        info.words < 14 and (has_digit or "@" in t or "tlf" in low or "telefon" in low or "mobil" in low)
        and bool(CONTACT_LINE.search(t)))
    if info.dates:
        first = info.dates[0]
        before = t[: first.span[0]]
        if not (info.prose and first.span[0] > 30 and first.start_time is None) and not DEADLINE.search(before) and not REPEAT.search(t) \
                and not (info.label and info.label[0] in ("tilmeldingsfrist", "frist", "tilmelding")):
            info.anchor = first
    if not info.dates and DATE_UNCONFIRMED.search(t) and (
            (not info.prose and info.words <= 16) or (info.label and info.label[0] in ("dato",) + TIME_LABELS)):
        info.undated = True  # ("Tidspunkt: Dato er endnu ikke endeligt fastlagt. Webinaret forventes ...": a label)
    cells = t.split(" | ") if " | " in t else None
    ts = TIMESLOT.match(t.replace(" | ", " ") if cells else t)
    if ts and not info.anchor:
        a = ts["a"] or ts["c"]
        info.slot = (a, ts["b"], (ts["rest"] or ts["rest2"]).strip())
    v = venue_note(t) or labelled_venue(t)
    if v and not (info.label and info.label[0] not in PLACE_LABELS):
        info.venue = v
    # running text names speakers only after a cue; prose_speakers reads those sentences
    cue = not info.prose or LEAD_CUE.match(t) or MID_CUE.search(t) or TRAILING_MOD.search(t) or \
        (not t.endswith(".") and looks_like_person(t.split(",")[0].strip()))  # a long list of names
    if cue and not info.contact and info.words <= 90 and not info.filler:
        sp = _row_speakers(cells) if cells else speaker_line(info.slot[2] if info.slot else t)
        if sp:
            info.speakers, info.speaker_prefix = sp
    if info.slot and not info.speakers and ": " in info.slot[2] and not info.contact:
        sp = _speaker_then_talk(info.slot[2])
        if sp:
            info.speakers, info.speaker_prefix = sp
    info.generic = bool(GENERIC.match(t))
    info.title = _could_be_title(info, block_size, first_in_block)
    return info


def _speaker_then_talk(rest: str) -> tuple[list, str] | None:
    """`13:15 – 13.30 Carsten Hansen, Minister for By, Bolig og Landdistrikter: Det videre arbejde ...`: a
    programme slot that names its speaker first and the talk after the colon."""
    who, talk = rest.split(": ", 1)
    first = who.split(",")[0].strip()
    if not (looks_like_person(first) and "," in who and len(who.split()) <= 16):
        return None
    found = parse_speaker_list(who, evidence=rest)
    return (found, talk.strip()) if found else None


def _row_speakers(cells: list[str]) -> tuple[list, str | None] | None:
    """A programme table row `time | item | speakers`: the speakers' cell is read as a speaker list. A cell of
    several lines (`Paneldebat: ...; Name, role, Org; Name, role, Org`) is read line by line."""
    for k, cell in enumerate(cells):
        items = [x.strip() for x in cell.split("; ") if x.strip()]
        if len(items) > 1:
            found = [sp for item in items for sp in (_row_speakers([item]) or ([], None))[0]]
            if not found:  # the lines may be one list after all
                found = [sp for item in items[1:] for sp in (_row_speakers(["", item]) or ([], None))[0]]
            if found:
                head = items[0] if not speaker_line(items[0]) else (cells[k - 1] if k else None)
                if head and TIMESLOT.match(head):
                    head = TIMESLOT.match(head)["rest"] or head
                return found, head
            continue
        found = speaker_line(cell)
        if not found and k:
            first = re.sub(r"\s*\([^)]*\)", "", cell.split(",")[0]).strip()
            if looks_like_person(first) or (split_name_run(first) and len(split_name_run(first)[0].split()) <= 4):
                found = (parse_speaker_list(cell, evidence=cell), None)
        if found and found[0]:
            title = found[1] or (cells[k - 1] if k else None)
            if title and TIMESLOT.match(title):
                title = TIMESLOT.match(title)["rest"] or title
            # parallel tracks side by side ("Oplægsholder: A | Oplægsholder: B"): the later cells' people too
            more = [sp for c in cells[k + 1:] for sp in ((speaker_line(c) or ([], None))[0])]
            return found[0] + more, title
    return None


# a line that stops at a preposition, an article or a conjunction goes on on the next line
_OPEN_END = re.compile(r"(?i)\s(?:på|i|til|af|for|med|om|hos|ved|fra|den|det|de|en|et|at|som|der|og|eller|samt)$")
_NUMBERED_PLACE = re.compile(r"^[A-ZÆØÅ][\w.'’ -]*\s\d{1,4}[A-Za-z]?,\s*(?:\d{4}\s+)?[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ]{1,2})?$")
STREET_WORD = re.compile(r"(?i)\b\w+(?:vej|gade|allé|alle|plads|torv|stræde|boulevard|vænge)\b")


def _could_be_title(info: LineInfo, block_size: int, first_in_block: bool) -> bool:
    t, line = info.text, info.line
    if info.anchor or info.undated or info.slot or info.filler or info.contact or info.generic or info.label:
        return False
    if info.speakers and not info.speaker_prefix:
        return False
    if info.venue and not info.speaker_prefix:
        return False
    if not 3 <= len(t) <= 170 or info.words > 22:
        return False
    if t.endswith((".", ",", ";")) and not t.endswith("..."):
        return False
    if not re.match(r"[\wÆØÅ\"'”“«(]", t) or t[0].islower():
        return False
    if re.search(r"(?i)(?:https?://|www\.)", t) or t.count(" / ") >= 2 or t.count(" | ") >= 2 or " > " in t or \
            (" / " in t and any(CHROME_TITLE.search(part) for part in t.split(" / "))):
        return False  # a link, a breadcrumb ("Samfundsvidenskab > Arrangementer > ...") or a table row
    if t.endswith(":"):
        return False  # "Konference på DPU:": a label over the title
    if _OPEN_END.search(t):
        return False  # "Årsmødet 2022 bliver afholdt på": a sentence broken over lines, not a heading
    if "," in t and STREET_WORD.search(t) or _NUMBERED_PLACE.match(t):
        return False  # "Campus Esbjerg, Degnevej i Esbjerg Ø", "Herregårdscentret 17, Faaborg": a place
    if re.match(r"^[0-2]?\d[.:][0-5]\d\b", t):
        return False  # "18.30 Konferencemiddag": a programme line
    if info.dates and DEADLINE.search(t):
        return False  # "Tilmelding senest 7. maj"
    if info.times and re.search(r"(?i)\bkl\.?\s*\d", t) or looks_like_address(t):
        return False  # "Altinget, Ny Kongensgade 10, kl. 09:30-12:00" is a place and time
    if is_time_only(t):
        return False
    if CHROME_TITLE.search(t):
        return False  # page chrome: "Gå til indhold", "Indlæser Begivenheder", "Kalender"
    if line.kind == "li" and line.level == 0 and block_size > 1 and not first_in_block:
        return False
    return line.kind == "h" or block_size == 1 or first_in_block


# the vocabulary of chrome lines that are never an event's title (extract/lexicon/chrome_titles.toml)
CHROME_TITLE = AnyCase(lexicon.pattern("chrome_titles"))

EVENT_TYPE = re.compile(r"(?i)^(?:arrangement|event|webinar|seminar|konference|temadag|kursus|fyraftensmøde|"
                        r"netværksmøde|debatmøde|dialogmøde|workshop|møde|fagligt\s+møde|generalforsamling|"
                        r"studiekreds|høring|samråd|messe|festival|online|fysisk|fagdag|temamøde|netværksdag|"
                        r"inspirationsdag|studietur|træf|topmøde|årsmøde|morgenmøde|frokostmøde|foredrag|debat|"
                        r"paneldebat|masterclass|uddannelse|kursusdag|konferencer?|webinarer|café|nytårskur|temaaften|"
                        r"studiebesøg|netværk|medlemsmøde|informationsmøde|gå-hjem-møde|e-læring|kurser|arrangementer)$")


def type_label(inf: LineInfo) -> bool:
    """`arrangement`, `Webinar`, `Fyraftensmøde`, `ÅBENT RÅDSMØDE`: a type label above a title."""
    if inf.anchor or inf.speakers or inf.words > 5:
        return False
    if inf.words > 3 and not re.search(r"\s[·|•]\s", inf.text):
        return False
    if inf.words <= 2 and (inf.text[:1].islower() or EVENT_TYPE.match(inf.text)):
        return True
    kind = re.split(r"\s+[·|•]\s+", inf.text, maxsplit=1)
    if len(kind) == 2 and EVENT_TYPE.match(kind[0]):
        return True  # "Kursus · 2 dage", "Webinar | Online"
    return inf.text.isupper() and len(inf.text) >= 4 and not inf.dates  # a kicker in capitals


# A badge on a card: "AFLYST", "Udsat", "Få pladser". The status is read from it elsewhere; it is not a title.
BADGE = re.compile(r"(?i)^(?:aflyst|udsat|udskudt|nyt\s+tidspunkt|ny\s+dato|udsolgt|fuldt\s+booket|få\s+pladser|"
                   r"venteliste|gratis|nyhed|ny)[!.]?$")


# a heading over a list of speakers (extract/lexicon/speaker_heads.toml), alone or with the list after its colon
_HEADS = re.compile(r"(?i)" + lexicon.line_pattern("speaker_heads"))


def speaker_head(text: str) -> tuple[bool, str | None] | None:
    """(True, None) for a heading over a list of speakers; (True, list) with the list after its colon; None
    when the line is not one."""
    m = _HEADS.match(text)
    if not m:
        return None
    return True, (m["rest"] or None)


def _opens_block(infos: list[LineInfo], k: int) -> bool:
    return k == 0 or infos[k - 1].line.block != infos[k].line.block


def classify_all(lines: list[Line]) -> list[LineInfo]:
    sizes: dict[int, int] = {}
    for ln in lines:
        sizes[ln.block] = sizes.get(ln.block, 0) + 1
    out, prev_block = [], None
    for ln in lines:
        out.append(classify(ln, sizes[ln.block], ln.block != prev_block))
        prev_block = ln.block
    k = dateline([inf.text for inf in out])
    if k is not None:  # a news item's dateline dates the page, not an event (extract/reference.py)
        out[k].anchor, out[k].dates = None, []
    _date_in_event_sentence(out)
    # where the page dates its event on a line of its own, a date in running text with no time is history or
    # background ("Den 1. januar 2024 trådte Barnets Lov i kraft"), not another event
    if any(inf.anchor and not inf.prose for inf in out):
        for inf in out:
            if inf.anchor and inf.prose and inf.anchor.start_time is None and not inf.speakers:
                inf.anchor = None
    # a date badge (`19. nov.`) above the card's full date line is the same date: the full line dates the card
    for k, badge in enumerate(out):
        if badge.anchor and badge.words <= 4:
            same = next((o for o in out[k + 1:k + 5] if o.line.block == badge.line.block and o.anchor and
                         (o.anchor.day, o.anchor.month) == (badge.anchor.day, badge.anchor.month)), None)
            if same is not None:
                badge.anchor = None
    # a line right above its date line (`Va mæ kulturen?` / `Torsdag 17. juni kl. 14`) may be the title, in
    # a page saved without blank lines too, where no line but the first opens a block
    for k in range(len(out) - 1):
        cur, nxt = out[k], out[k + 1]
        if nxt.anchor and not nxt.prose and nxt.words <= 12 and not cur.title and not cur.anchor and \
                cur.line.block == nxt.line.block and cur.line.kind != "li":
            cur.title = _could_be_title(cur, sizes[cur.line.block], True)
    # a card that opens with its date (`Torsdag 12. juni kl. 14.00 · Telt C2` / title / speakers): the line
    # after the date may be the title
    for k in range(len(out) - 1):
        first, nxt = out[k], out[k + 1]
        if _opens_block(out, k) and first.anchor and not first.prose and \
                nxt.line.block == first.line.block and not nxt.title and not nxt.anchor:
            nxt.title = _could_be_title(nxt, sizes[nxt.line.block], True)
    # a card saved as text: `Temaaften` / title / date / town in one block: the line after a type label that
    # opens its block may be the title, as the first line of a block may
    # (`Webinar` / `5/3-2025` / title: the date may stand between), and the label itself is not the title
    for k in range(len(out) - 1):
        label = out[k]
        opens = _opens_block(out, k) or (  # or only a date badge stands above it
            out[k - 1].dates and out[k - 1].words <= 4 and _opens_block(out, k - 1))
        if opens and type_label(label):
            j = k + 1
            while j < len(out) - 1 and out[j].line.block == label.line.block and (
                    BADGE.match(out[j].text) or (out[j].anchor and out[j].words <= 6) or is_time_only(out[j].text)):
                j += 1
            if out[j].line.block == label.line.block and \
                    (out[j].title or _could_be_title(out[j], sizes[out[j].line.block], True)):
                out[j].title, label.title = True, False
    _calendar_days(out)
    for prev, cur in zip(out, out[1:]):
        # "Tilmeldingsfrist" on one line, its date on the next: a deadline, not an event date
        if cur.anchor and not cur.prose and re.match(r"(?i)^(?:tilmeldingsfrist|tilmelding|frist|deadline|sidste\s+frist|"
                                   r"tilmelding\s+senest|svarfrist|afmeldingsfrist)\s*:?$", prev.text):
            cur.anchor = None
    _speaker_sections(out)
    _speakers_under_slots(out)
    return out


# a sentence that says when the event takes place (extract/lexicon/event_sentences.toml)
EVENT_SENTENCE = AnyCase(lexicon.pattern("event_sentences"))
# where one sentence ends and the next begins
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def _date_in_event_sentence(infos: list[LineInfo]) -> None:
    """A page that dates its event only in running text ("Fælleskonferencen afholdes den 25. og 26. oktober 2023",
    "inviterer til debatmøde 28. marts 2017"): the date in the sentence that says the event takes place is the
    event's. A bare date over the text (no weekday, no time: when the item was written) then dates nothing.
    Pages with a date line of their own that has a weekday or a time are left as they are."""
    strong = [inf for inf in infos if inf.anchor and not inf.prose and
              (inf.anchor.weekday is not None or inf.anchor.start_time or inf.label)]
    weak = [inf for inf in infos if inf.anchor and not inf.prose and inf not in strong]
    if strong or len(weak) > 1:
        return
    for inf in infos:
        if not (inf.prose and inf.dates) or inf.anchor is not None and inf.anchor.start_time:
            continue
        for sentence in SENTENCE_BREAK.split(inf.text):
            if not EVENT_SENTENCE.search(sentence):
                continue
            found = [d for d in inf.dates if d.text in sentence and not DEADLINE.search(sentence)]
            if found:
                inf.anchor = found[0]
                for w in weak:
                    w.anchor = None
                return


def _speakers_under_slots(infos: list[LineInfo]) -> None:
    """`13.15 Keynote: ...` then `Associate Professor Name, Aalborg Universitet` on the next line: a speaker
    written under a programme slot, title first, with or without an organisation."""
    for prev, inf in zip(infos, infos[1:]):
        if inf.speakers or not (prev.slot or prev.speakers) or inf.words > 12 or inf.anchor:
            continue
        first = inf.text.split(",")[0].strip()
        run = split_name_run(first)
        if run and len(run[0].split()) <= 3 and (run[0][:1].islower() or ROLE_WORDS.match(run[0])):
            found = parse_speaker_list(inf.text, evidence=inf.text)
            if found:
                inf.speakers, inf.title = found, False
        elif "," in inf.text and opens_with_name(first) and not inf.anchor:
            # "Mujtaba Rahman, Managing Director, Eurasia Group" under a slot: a name outside the first-name lists
            found = parse_speaker_list(inf.text, evidence=inf.text, lenient_first=True)
            if found:
                inf.speakers, inf.title = found, False


_MONTH_HEAD = re.compile(r"(?i)^(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                         r"december)\s+((?:19|20)\d{2})$")
_DAY_ONLY = re.compile(r"(?i)^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\.?\s+(?:d\.\s*|den\s+)?"
                       r"([0-3]?\d)\.?$")


def _calendar_days(infos: list[LineInfo]) -> None:
    """A calendar page (Altinget's kalender.aspx): a month heading, then `Tirsdag 14.` lines under it.
    The day takes its month and year from the heading above."""
    month = year = None
    for inf in infos:
        m = _MONTH_HEAD.match(inf.text)
        if m:
            month, year = MONTHS[m.group(1).lower()], int(m.group(2))
            continue
        d = _DAY_ONLY.match(inf.text)
        if d and month and not inf.anchor:
            day = int(d.group(2))
            if 1 <= day <= 31:
                inf.anchor = DateMention((0, len(inf.text)), day, month, year, WEEKDAYS[d.group(1).lower()],
                                         text=inf.text)
                inf.dates = [inf.anchor]
                inf.title = False


def _speaker_sections(infos: list[LineInfo]) -> None:
    """Under `Oplægsholdere` (and kin) a name stands on its own line with its role on the next:
    `Henrik Vinther Krogh` / `Vicedirektør, Styrelsen for Arbejdsmarked og Rekruttering`."""
    inside = False
    for i, inf in enumerate(infos):
        head = speaker_head(inf.text) if inf.words <= 40 else None
        if head and head[1] is None:
            inside = True
            continue
        if head and not inf.speakers:
            # "De deltagende kandidater er: Troels Ravn (Socialdemokratiet), Gitte Reimer (Radikale Venstre)"
            inf.speakers = parse_speaker_list(head[1], evidence=inf.text, lenient_first=True)
            inf.title = inf.title and not inf.speakers
            continue
        if not inside:
            continue
        if inf.line.kind == "h" or inf.anchor or CONTACT_HEAD.match(inf.text) or (inf.generic and inf.words <= 3) \
                or inf.venue or looks_like_address(inf.text):
            inside = False  # a heading, a date, a contact block or the place ends the list
            continue
        name = re.sub(r"\s*\([^)]*\)\s*", " ", inf.text).strip()
        if inf.speakers:
            continue
        if not looks_like_person(name):
            # "Social- og boligminister Karen Holm Rosendahl (S) (inviteret)": a title, then the name
            run = split_name_run(name.split(",")[0].strip())
            if run and len(run[0].split()) <= 4:
                inf.speakers = parse_speaker_list(inf.text, evidence=inf.text)
                inf.title = not inf.speakers
            elif name_shaped(name.split(",")[0].strip(" •-–")):
                # under the heading a name needs no first name from the lists: "Thue Kjærhus, forstander ..."
                inf.speakers = parse_speaker_list(inf.text.strip(" •-–"), evidence=inf.text, lenient_first=True)
                inf.title = not inf.speakers
            continue
        nxt = infos[i + 1] if i + 1 < len(infos) else None
        attrs = ""
        if nxt is not None and not nxt.speakers and not nxt.anchor and nxt.words <= 16 and \
                not looks_like_person(re.sub(r"\s*\([^)]*\)", "", nxt.text).strip()) and not nxt.contact:
            attrs = nxt.text
            nxt.title = False
        found = parse_speaker_list(inf.text + (", " + attrs if attrs else ""), evidence=inf.text)
        if found:
            inf.speakers = found
            inf.title = False
