"""Segmentation: classified lines → events.

A listing (an Altinget or Samu programme, "alle arrangementer") becomes one event per item, whatever the
order of title/speaker/description/date lines: Altinget puts the date last, Samu second, Altinget's 2021
design first. A single event page (one date, maybe a day programme) becomes one event with sessions.

The order is found from the page itself: where the dates are lines of their own and the line before each is
not a title, items start at their date; otherwise they start at their title.
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import DateMention, TimeRange, find_dates, local_datetime, resolve
from .lines import (CONTACT_HEAD, TEASER, LineInfo, classify_all, is_time_only)
from .model import Event, Session, Speaker, Venue
from .speakers import enrich, prose_speakers
from .status import date_confirmed, decide_status
from .text import Line
from .venue import ONLINE, POSTAL, looks_like_address, parse_venue

NETWORK_SUFFIX = re.compile(r"\s+[-–]\s+(?:[\w'’.-]+\s+){0,4}(?:netværk|network|forum)\b.*$", re.I)


NEXT_BOX = re.compile(r"(?i)^(?:næste|kommende|førstkommende)\s+(?:møde|arrangement|event|netværksmøde)\s*:?$")


def cut_chrome(infos: list[LineInfo]) -> list[LineInfo]:
    """Drop breadcrumbs, a "Næste møde" box that repeats an item of the page, and teaser lists
    ("Kommende arrangementer", "Seneste nyheder", "Læs også"): a run of short lines with dates and titles.
    A listing headed "Kommende møder" differs in that its first item goes on with a description or speakers."""
    out: list[LineInfo] = []
    i, n = 0, len(infos)
    while i < n:
        inf = infos[i]
        t = inf.text
        if NEXT_BOX.match(t) and any(infos[j].anchor for j in range(i + 1, min(n, i + 5))):
            i += 1
            while i < n and not infos[i - 1].anchor and i < n:
                i += 1
            continue
        # a teaser heading after the page's own dated content starts a teaser list; one before it heads the
        # page's listing ("• Nyheder" in a menu is a link, not a heading)
        if TEASER.match(t) and inf.line.kind != "li" and any(o.anchor for o in out):
            j = i + 1
            share = re.match(r"(?i)^del\b", t)  # a share box: a few one-word links
            while j < n and _teaser_like(infos[j]) and not TEASER.match(infos[j].text) and \
                    (not share or infos[j].words <= 2):
                j += 1
            real_item = j - i - 1 <= 4 and j < n and (infos[j].speakers or (infos[j].prose and not _chrome_prose(infos[j])))
            if not real_item:
                i = j
                continue
        if t.count(" / ") >= 1 and re.match(r"(?i)^(?:hjem|forside|home|du er her)\b", t):
            i += 1
            continue
        out.append(inf)
        i += 1
    return out


def _teaser_like(inf: LineInfo) -> bool:
    """A line of a teaser list: short, no speakers, no prose, and not a fact-box label or heading."""
    if inf.label or re.match(r"(?i)^(?:praktisk(?:e)?(?:\s+\w+)?|fakta(?:\s+om\s+\w+)?|tid\s+og\s+sted|dato|tid|sted|"
                             r"pris|hvor|hvornår|tidspunkt|adresse|målgruppe|tilmelding|program)\s*:?$", inf.text):
        return False
    return inf.words <= 18 and not inf.speakers and not inf.prose


def _chrome_prose(inf: LineInfo) -> bool:
    return bool(re.search(r"(?i)nyhedsbrev|cookies|abonn[eé]r|tilmeld dig (?:vores|vort)", inf.text))


def contact_zones(infos: list[LineInfo]) -> set[int]:
    """Indices of lines that belong to a contact block: after a contact heading until the next title or date,
    and a name line followed by a phone or e-mail line."""
    zone: set[int] = set()
    left = 0  # lines still inside the contact block
    for i, inf in enumerate(infos):
        if CONTACT_HEAD.match(inf.text) and inf.line.kind != "li":  # "• Kontakt" in a menu is a link
            left = 6
        elif inf.anchor or inf.title or inf.generic or inf.slot or (inf.prose and not inf.contact):
            left = 0
        if left:
            zone.add(i)
            left -= 1
        if inf.contact and i:
            zone.update({i - 1, i})
            if i > 1 and infos[i - 1].contact:
                zone.add(i - 2)
    return zone


def _pure_date(inf: LineInfo) -> bool:
    """A line that holds a date (and time, weekday) and little else."""
    if inf.anchor is None:
        return False
    t = inf.text
    for d in inf.dates:
        t = t.replace(d.text, " ")
    for tm in inf.times:
        t = t.replace(tm.text, " ")
    rest = [w for w in re.split(r"[\s,.\-–:|]+", t) if w and not re.match(r"(?i)^(?:kl|den|d|fra|til|og)$", w)]
    return len(rest) <= 2


def _same_day(a: DateMention, b: DateMention) -> bool:
    return (a.day, a.month) == (b.day, b.month) and (a.year is None or b.year is None or a.year == b.year)


def _title_in(infos: list[LineInfo], lo: int, hi: int, first: bool, levels: set[int]) -> int | None:
    """Pick the title among candidates in [lo, hi): headings win; else the first of the run nearest
    the date (title-first) or the first candidate (date-first)."""
    cands = [i for i in range(lo, hi) if infos[i].title]
    # headings win where the page gives its items headings (a level used more than once)
    heads = [i for i in cands if infos[i].line.kind == "h" and infos[i].line.level in levels]
    if heads:
        cands = heads
    if not cands:
        return None
    if first:
        return cands[0]
    # the last run of consecutive candidates (title + subtitle), its first line
    j = len(cands) - 1
    while j > 0 and cands[j - 1] == cands[j] - 1:
        j -= 1
    return cands[j]


def segment(infos: list[LineInfo]) -> tuple[str, list[tuple[int | None, list[int], int, int]]]:
    """→ (kind, [(title index, anchor indices, segment start, segment end)])."""
    dated = [i for i, inf in enumerate(infos) if inf.anchor]
    if not dated:
        return "event", []
    groups = _group_anchors(infos, dated)
    distinct = {(infos[g[0]].anchor.day, infos[g[0]].anchor.month) for g in groups}
    slots = sum(1 for inf in infos if inf.slot)
    if len(groups) < 2 or len(distinct) < 2:
        return "event", []
    if slots >= 3 and len(groups) <= 4:
        days = sorted(_approx_day(infos[g[0]].anchor) for g in groups)
        if (days[-1] - days[0]).days <= 4:
            return "event", []  # a multi-day programme: one event
    starts = [g[0] for g in groups]
    pure = sum(_pure_date(infos[i]) for i in starts)
    preceded = 0
    for i in starts[1:]:
        j = i - 1
        while j >= 0 and (infos[j].generic or infos[j].filler):
            j -= 1
        preceded += j >= 0 and infos[j].title
    # items that are only a date line and a title (a calendar) look title-first from the inside: the first
    # item tells, as nothing but headings and an introduction stand before its date
    followed = sum(1 for i in starts if _next_title(infos, i))
    first_open = not _prev_title(infos, starts[0])
    date_first = pure * 2 > len(starts) and (
        preceded * 2 < max(1, len(starts) - 1) or (first_open and followed * 2 > len(starts)))
    if not date_first:
        # "..., dato følger" stands where a date-last item's date would be: an item of its own
        groups = _group_anchors(infos, sorted(dated + [i for i, inf in enumerate(infos) if inf.undated]))
    counts: dict[int, int] = {}
    for inf in infos:
        if inf.title and inf.line.kind == "h":
            counts[inf.line.level] = counts.get(inf.line.level, 0) + 1
    levels = {lv for lv, c in counts.items() if c >= 2}
    items = []
    if date_first:
        for k, g in enumerate(groups):
            end = groups[k + 1][0] if k + 1 < len(groups) else len(infos)
            t = _title_in(infos, g[0] + 1, end, first=True, levels=levels)
            items.append((t, g, g[0], end))
    else:
        prev_end = 0
        titles = []
        for k, g in enumerate(groups):
            lo = groups[k - 1][-1] + 1 if k else 0
            t = _title_in(infos, lo, g[0], first=False, levels=levels)
            titles.append(t)
        for k, t in enumerate(titles):
            # a type label just above a title ("webinar", "konference") belongs to that item
            while t is not None and t > 0 and _type_label(infos[t - 1]) and (k == 0 or t - 1 > groups[k - 1][-1]):
                t -= 1
            titles[k] = t if t is None or not _type_label(infos[t]) else t
        title_lines = [_first_title(infos, t) for t in titles]
        for k, g in enumerate(groups):
            start = titles[k] if titles[k] is not None else (groups[k - 1][-1] + 1 if k else g[0])
            nxt = [titles[j] if titles[j] is not None else groups[j][0] for j in range(k + 1, len(groups))]
            end = nxt[0] if nxt else len(infos)
            items.append((title_lines[k], g, max(start, prev_end), end))
            prev_end = end
    titled = sum(1 for t, *_ in items if t is not None)
    if titled < 2:
        return "event", []
    return "listing", items


def _prev_title(infos: list[LineInfo], i: int) -> bool:
    j = i - 1
    while j >= 0 and (infos[j].generic or infos[j].filler):
        j -= 1
    return j >= 0 and infos[j].title


def _next_title(infos: list[LineInfo], i: int) -> bool:
    j = i + 1
    while j < len(infos) and (is_time_only(infos[j].text) or _type_label(infos[j])):
        j += 1
    return j < len(infos) and infos[j].title


def _type_label(inf: LineInfo) -> bool:
    """`arrangement`, `webinar`, `konference`: a one-word type label above a title."""
    return inf.words <= 2 and inf.text[:1].islower() and not inf.anchor and not inf.speakers


def _first_title(infos: list[LineInfo], i: int | None) -> int | None:
    """The title line at or after a type label."""
    while i is not None and i < len(infos) and _type_label(infos[i]):
        i += 1
    return i


def _group_anchors(infos: list[LineInfo], anchors: list[int]) -> list[list[int]]:
    """Anchors that repeat the previous date with no title between them belong to the same item, and so
    does a "dato følger" note next to a date."""
    groups: list[list[int]] = []
    for i in anchors:
        if groups:
            last = groups[-1][-1]
            between = any(infos[j].title for j in range(last + 1, i))
            a, b = infos[last].anchor, infos[i].anchor
            if not between and (a is None or b is None or _same_day(a, b)):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def _approx_day(m: DateMention) -> dt.date:
    try:
        return dt.date(m.year or 2000, m.month, m.day)
    except ValueError:
        return dt.date(2000, 1, 1)


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
    return t, series, place


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.casefold()).strip()


def merge_speakers(found: list[Speaker]) -> list[Speaker]:
    out: dict[str, Speaker] = {}
    for s in found:
        key = _norm(s.name)
        if key not in out:
            out[key] = s
            continue
        o = out[key]
        o.role = o.role or s.role
        o.organization = o.organization or s.organization
        o.party = o.party or s.party
        o.confirmed = o.confirmed and s.confirmed
        o.moderator = o.moderator or s.moderator
    return list(out.values())


class Assembler:
    """Builds Event objects from line ranges; knows the page's years and reference date."""

    def __init__(self, infos: list[LineInfo], today: dt.date, contacts: set[int]):
        self.infos = infos
        self.today = today
        self.contacts = contacts
        self.years = [inf.anchor.year for inf in infos if inf.anchor and inf.anchor.year]
        self.item_titles: set[int] = set()  # title lines of a listing's items

    def when(self, ev: Event, anchor_idx: list[int], lo: int, hi: int, loose_times: bool = True) -> None:
        infos = self.infos
        anchor_idx = [i for i in anchor_idx if infos[i].anchor]
        if not anchor_idx:
            return
        primary = next((i for i in anchor_idx if infos[i].anchor.start_time), anchor_idx[0])
        men = infos[primary].anchor
        fallback = None
        if men.start_time is None:
            fallback = self._time_line(lo, hi, loose_times)
        et = resolve(men, self.years, self.today, fallback)
        ev.start, ev.end, ev.year_inferred = et.start, et.end, et.year_inferred
        ev.evidence["start"] = infos[primary].text
        if et.weekday_conflict:
            ev.warnings.append("weekday contradicts date: " + et.weekday_conflict)
        ev.warnings += et.notes

    def _time_line(self, lo: int, hi: int, loose: bool = True) -> TimeRange | None:
        """A time written apart from the date: `kl. 14:00 - 16:00`, `Tid: 10-15`, `Ny Kongensgade, kl. 9-12`."""
        for i in range(lo, hi):  # a labelled time first: "Tid: Kl. 17.00-20.00"
            inf = self.infos[i]
            if inf.times and inf.label and inf.label[0] in ("tid", "tidspunkt", "hvornår") and i not in self.contacts:
                return ([t for t in inf.times if t.end] or inf.times)[0]
        if not loose:
            return None
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or inf.slot:
                continue
            label = inf.label[0] if inf.label else ""
            if inf.times and (is_time_only(inf.text) or label in ("tid", "tidspunkt", "hvornår", "dato")
                              or (re.search(r"(?i)\bkl\.?\s*\d", inf.text) and inf.words <= 14
                                  and not inf.prose)):
                rng = [t for t in inf.times if t.end] or inf.times
                return rng[0]
        return None

    def venue(self, ev: Event, anchor_idx: list[int], lo: int, hi: int) -> None:
        infos = self.infos
        raw = None
        labelled = [i for i in range(lo, hi) if infos[i].venue and i not in self.contacts]
        # a place with an address beats a room ("Lokation: Plenumsalen")
        best = next((i for i in labelled if POSTAL.search(infos[i].venue)), labelled[0] if labelled else None)
        if best is not None:
            raw = infos[best].venue
            ev.evidence["venue"] = infos[best].text
        if raw is None or not POSTAL.search(raw):
            # a room ("Lokation: Sal ABC") or nothing: an address named in the running text says more
            for i in range(lo, hi):
                m = PROSE_ADDRESS.search(infos[i].text) if infos[i].prose and i not in self.contacts else None
                if m:
                    raw = m.group("venue")
                    ev.evidence["venue"] = infos[i].text
                    break
        if raw is None:
            for i in range(lo, hi):
                inf = infos[i]
                if inf.label and inf.label[0] in ("sted", "hvor", "adresse", "lokation") and not inf.label[1]:
                    # "Sted" on its own line; the place follows
                    nxt = infos[i + 1].text if i + 1 < len(infos) else ""
                    raw = nxt
                    break
                if re.match(r"(?i)^(?:sted|hvor|tid og sted|adresse|lokation|mødested)\s*:?$", inf.text) and i + 1 < hi:
                    # the place may run over several lines: name / street / postal code and town
                    cand = []
                    for j in range(i + 1, min(hi, i + 6)):
                        nj = infos[j]
                        if (nj.anchor or is_time_only(nj.text)) and not cand:
                            continue  # "Tid og sted": the date comes first, then the place
                        if nj.anchor or is_time_only(nj.text) or nj.generic or nj.label or nj.line.kind == "h" \
                                or nj.prose or nj.contact:
                            break
                        cand.append(nj.text)
                        if re.search(r"\b\d{4}\s+[A-ZÆØÅ]", nj.text):
                            break
                    if cand:
                        raw = ", ".join(cand)
                        break
        if raw is None:
            for i in anchor_idx:
                inf = infos[i]
                cut = inf.anchor.span[0] if inf.anchor else (re.search(r"(?i),?\s*(?:dato|tid)", inf.text) or re.search("$", inf.text)).start()
                head = inf.text[:cut]
                inline = _inline_title(inf)
                if inline:
                    head = inline[1]
                head = re.sub(r"(?i)\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b\s*(?:den|d\.)?\s*$", "", head)
                head = head.strip(" ,-–:")
                if len(head.split()) >= 1 and not re.match(r"(?i)^(?:dato|tid|den|d\.|kl)\b", head) and \
                        not re.search(r"\d{1,2}[.:]\d{2}", head) and len(head) > 3:
                    raw = head
                    ev.evidence["venue"] = inf.text
                    break
        if raw is None:
            for i in range(lo, hi):
                inf = infos[i]
                if i in self.contacts or inf.anchor or inf.prose:
                    continue
                if looks_like_address(inf.text) and inf.words <= 16:
                    raw = inf.text
                    break
                m = re.match(r"^(?P<place>[A-ZÆØÅ][^.]{2,80}?),\s*kl\.?\s*\d", inf.text)
                if m and not inf.speakers:
                    raw = m["place"]
                    break
        if raw is None:
            # a listing card: title, date, then the town on a line of its own ("Brabrand", "Odense NØ")
            for i in anchor_idx:
                nxt = infos[i + 1] if i + 1 < hi else None
                if nxt is not None and nxt.words <= 3 and _pure_date(infos[i]) and i + 1 not in self.item_titles \
                        and re.fullmatch(r"(?:\d{4}\s+)?[A-ZÆØÅ][\wæøå.-]*(?:\s+(?:[A-ZÆØÅ][\wæøå.-]*|[A-ZÆØÅ]{1,2}))*",
                                         nxt.text) and not nxt.generic and not nxt.speakers:
                    raw = nxt.text
                    break
        if raw and re.match(r"(?i)^(?:meldes|oplyses|følger|annonceres|offentliggøres|kommer|tba|senere)\b|"
                            r"^\w+\s+(?:meldes|oplyses|følger)\b", raw.strip()):
            raw = None  # "Meldes ud senere": no place yet
        if raw:
            raw = re.split(r"(?i)[.,]?\s*(?:link\s+(?:sendes|følger|til)|tilmelding\b)", raw)[0]
            v = parse_venue(raw)
            if v and not (v.postal_code or v.street) and v.name and len(v.name.split()) <= 3 and \
                    not ONLINE.search(raw) and raw == v.raw and "," not in raw:
                v.city = v.city or v.name  # a bare town
            if v and (v.name or v.street or v.city):
                ev.venue = v
            if v and v.online:
                ev.online = True

    def status(self, ev: Event, lo: int, hi: int, anchor_idx: list[int]) -> None:
        infos = self.infos
        short = [infos[i].text for i in range(lo, hi) if infos[i].words <= 16 and i not in self.contacts]
        notes = [infos[i].text for i in range(lo, hi)
                 if re.match(r"(?i)^(?:arrangementet|mødet|konferencen|debatten|webinaret|dagen|kurset)\s+"
                             r"(?:er|bliver|må)\s+(?:desværre\s+)?(?:aflyst|udsat|flyttet|udskudt)", infos[i].text)]
        ev.status, why = decide_status(ev.title, short + notes)
        if why:
            ev.evidence["status"] = why
        conf_lines = [infos[i].text for i in anchor_idx] + short
        ev.date_confirmed, why = date_confirmed(conf_lines)
        if why:
            ev.evidence["date_confirmed"] = why
        if ev.date_confirmed and ev.status == "confirmed" and ev.start is not None:
            pass
        elif not ev.date_confirmed and ev.status == "confirmed":
            ev.status = "tentative"

    def people(self, ev: Event, lo: int, hi: int, prose: bool) -> None:
        found: list[Speaker] = []
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts:
                continue
            found += inf.speakers
            if prose and not inf.speakers and re.search(r"(?i)\b(?:med|af|fra|ved|er|hør)\b", inf.text):
                found += prose_speakers(inf.text)
        ev.speakers = merge_speakers(found)
        enrich(ev.speakers, [self.infos[i].text for i in range(lo, hi) if i not in self.contacts])

    def extras(self, ev: Event, lo: int, hi: int) -> None:
        infos = self.infos
        for i in range(lo, hi):
            inf = infos[i]
            key = inf.label[0] if inf.label else (inf.text.lower().rstrip(":") if inf.words <= 2 else "")
            val = inf.label[1] if inf.label and inf.label[1] else (infos[i + 1].text if i + 1 < hi else "")
            if key == "målgruppe" and not ev.audience:
                ev.audience = val or None
            elif key in ("pris", "deltagerpris") and not ev.price:
                ev.price = val or None
            elif key in ("tilmeldingsfrist", "frist") and not ev.registration_deadline:
                ev.registration_deadline = val or None
            elif key in ("arrangør", "arrangører", "medarrangør", "medarrangører") and val:
                ev.organisers += [x.strip() for x in re.split(r",\s*|\s+og\s+", val) if x.strip()]
            m = re.search(r"^(?P<who>(?:[A-ZÆØÅ][\w'’.-]*(?:\s+[\wæøå'’.-]+){0,5}?)(?:(?:,\s*|\s+og\s+)[A-ZÆØÅ][\w'’.-]*"
                          r"(?:\s+[\wæøå'’.-]+){0,5}?)+)\s+inviterer\b", inf.text)
            if m and not ev.organisers:
                ev.organisers = [x.strip() for x in re.split(r",\s*|\s+og\s+", m["who"]) if x.strip()]
            if re.search(r"(?i)\bsenest\b", inf.text) and not ev.registration_deadline and inf.dates:
                ev.registration_deadline = inf.dates[0].text
        desc = [infos[i].text for i in range(lo, hi) if infos[i].prose and i not in self.contacts]
        ev.description = "\n\n".join(desc[:3]) or None

    def online(self, ev: Event, lo: int, hi: int) -> None:
        if ev.online:
            return
        if ONLINE.search(ev.title):
            ev.online = True
            return
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or inf.prose:
                continue
            if ONLINE.search(inf.text) and (inf.words <= 14 or inf.venue or inf.label):
                ev.online = True
                return


def sessions_from(infos: list[LineInfo], lo: int, hi: int, contacts: set[int]) -> list[Session]:
    """Programme slots (`09.30-10.45 Title, v/ Name`) and the workshops listed under a block heading."""
    out: list[Session] = []
    block = None
    for i in range(lo, hi):
        inf = infos[i]
        if i in contacts:
            continue
        if inf.slot:
            a, b, rest = inf.slot
            title = inf.speaker_prefix or rest
            if re.search(r"(?i)workshops?|blok|runde|spor", rest) and not inf.speakers:
                block = rest
            s = Session(title=re.sub(r"^(?:[0-2]?\d[.:][0-5]\d\s*[-–]\s*[0-2]?\d[.:][0-5]\d\s*)", "", title),
                        start=_hm(a), end=_hm(b) if b else None)
            s.speakers = list(inf.speakers)
            out.append(s)
        elif inf.speakers and inf.speaker_prefix:
            out.append(Session(title=inf.speaker_prefix, block=block, speakers=list(inf.speakers)))
        elif inf.speakers and out:
            out[-1].speakers += [s for s in inf.speakers if s.name not in {x.name for x in out[-1].speakers}]
    return out


def _hm(s: str) -> tuple[int, int]:
    h, m = re.split(r"[.:]", s)
    return int(h), int(m)


CHROME_TITLE = re.compile(
    r"(?i)cookie|privatliv|persondata|dine\s+data|samtykke|gå\s+til\s+(?:indhold|hovedindhold)|spring\s+til|"
    r"^log\s*ind|^søg|^menu$|^accepter|^filtr[eé]r|^vælg\s+|^luk$|^del\b|^print|^tilbage\b|^forside$|^hjem$")


def _titled_date(inf: LineInfo) -> bool:
    """`Socialrådgiverdage 2024 – fredag 8. november`: a heading that names the event and its day."""
    if not inf.anchor or inf.words > 12 or inf.times or inf.prose or "," in inf.text[: inf.anchor.span[0]]:
        return False
    head = inf.text[: inf.anchor.span[0]].strip(" –-:")
    return len(head.split()) >= 2 and head[:1].isupper() and not LABEL_WORDS.match(head)


LABEL_WORDS = re.compile(r"(?i)^(?:dato|tid|tidspunkt|hvornår|sted|udsat|aflyst|nb|obs|bemærk)\b")


def page_title(infos: list[LineInfo]) -> tuple[int | None, str | None]:
    """The page's own title: its h1 where the markup says so; else the title-like line that the page treats
    as a title: followed by the date or the introduction, repeated further down (fact box), not chrome."""
    for i, inf in enumerate(infos):
        if inf.line.kind == "h" and inf.line.level == 1 and not inf.generic and not inf.anchor \
                and not CHROME_TITLE.search(inf.text):
            return i, inf.text
    best, best_score = None, None
    texts = [_norm(inf.text) for inf in infos]
    for i, inf in enumerate(infos):
        if not (inf.title or _titled_date(inf)) or inf.text.islower() or CHROME_TITLE.search(inf.text):
            continue
        score = -0.02 * i
        after = [x for x in infos[i + 1:i + 4] if not (x.words <= 2 and x.text.islower())]
        if after and after[0].anchor:
            score += 3
        elif any(x.anchor for x in after[:2]):
            score += 2
        if any(x.prose and not _chrome_prose(x) for x in after[:2]):
            score += 2  # the introduction follows (a subtitle may stand between)
        if inf.line.kind == "li" or " · " in inf.text or " | " in inf.text:
            score -= 2  # a menu item, a breadcrumb or a "type · region" label
        if texts[i] in texts[i + 1:]:
            score += 2
        if inf.line.kind == "h":
            score += 1
        if best_score is None or score > best_score:
            best, best_score = i, score
    return (best, infos[best].text) if best is not None else (None, None)


def build_events(lines: list[Line], today: dt.date) -> tuple[str, list[Event], list[Speaker]]:
    infos = cut_chrome(classify_all(lines))
    contacts = contact_zones(infos)
    kind, items = segment(infos)
    asm = Assembler(infos, today, contacts)
    events: list[Event] = []
    if kind == "listing":
        asm.item_titles = {t for t, *_ in items if t is not None}
        for t, group, lo, hi in items:
            inline = _inline_title(infos[group[0]])
            if inline:
                t = None  # the line names its own event
            title_text = infos[t].text if t is not None else (inline[0] if inline else infos[group[0]].text)
            if t is not None and infos[t].speaker_prefix:
                title_text = infos[t].speaker_prefix
            title, series, place = clean_title(title_text)
            ev = Event(title=title, series=series)
            ev.evidence["title"] = title_text
            asm.when(ev, group, lo, hi)
            asm.venue(ev, group, lo, hi)
            if ev.venue is None and place and not ONLINE.search(title):
                ev.venue = Venue(raw=place, city=place)
            asm.people(ev, lo, hi, prose=False)
            asm.online(ev, lo, hi)
            asm.status(ev, lo, hi, group)
            asm.extras(ev, lo, hi)
            events.append(ev)
        events = _dedupe(events, page_title(infos)[1])
    else:
        n = len(infos)
        t, title_text = page_title(infos)
        if title_text is None:
            title_text = next((inf.text for inf in infos if inf.words <= 14), "(uden titel)")
        title, series, _ = clean_title(title_text)
        ev = Event(title=title, series=series)
        ev.evidence["title"] = title_text
        anchors = [i for i, inf in enumerate(infos) if inf.anchor]
        ev.sessions = sessions_from(infos, 0, n, contacts)
        timed = [s for s in ev.sessions if s.start]
        moved = _postponed_to(infos)
        if moved is not None:
            anchors = [moved]  # "Arrangementet er udsat til torsdag den 21. november": the new date counts
        if anchors:
            first = anchors[0]
            group = [i for i in anchors if infos[i].anchor and _same_day(infos[i].anchor, infos[first].anchor)]
            # a day programme gives the times when the date line does not: first slot to last
            asm.when(ev, group, 0, n, loose_times=not timed)
        else:
            group = []
        if ev.start is not None and not isinstance(ev.start, dt.datetime) and timed:
            ev.start = local_datetime(ev.start, timed[0].start)
            last = timed[-1]
            end = last.end or last.start
            end_day = ev.start.date() + dt.timedelta(days=1 if end < timed[0].start else 0)
            ev.end = local_datetime(end_day, end)
        asm.venue(ev, group, 0, n)
        asm.people(ev, 0, n, prose=True)
        asm.online(ev, 0, n)
        asm.status(ev, 0, n, group)
        asm.extras(ev, 0, n)
        # a page with no date, no speakers, no place and no programme (an index, an article) holds no event
        if ev.start is not None or ev.speakers or ev.venue or ev.sessions or not ev.date_confirmed:
            events.append(ev)
    contacts_out = _contacts(infos, contacts)
    return kind, events, contacts_out


def _inline_title(inf: LineInfo) -> tuple[str, str] | None:
    """`<title> - <venue> <weekday> <d>. <month> <yyyy>` on one line → (title, venue)."""
    if not inf.anchor:
        return None
    head = inf.text[: inf.anchor.span[0]].strip()
    m = re.match(r"^(?P<title>[A-ZÆØÅ\d][^,]{3,90}?)\s+[-–]\s+(?P<venue>.{3,120})$", head)
    if not m or re.match(r"(?i)^(?:dato|tid|kl)\b", head):
        return None
    return m["title"].strip(), m["venue"].strip(" ,")


def _day(value) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


PROSE_ADDRESS = re.compile(
    r"\b(?:på|i|hos)\s+(?P<venue>[A-ZÆØÅ][\wæøåÆØÅ&'. -]{2,60},\s*[A-ZÆØÅ][\wæøå'. -]{2,40}\s\d{1,4}[A-Za-z]?"
    r"(?:-\d{1,4})?,\s*\d{4}\s+[A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ]{1,2}\b)?)")
POSTPONED_TO = re.compile(r"(?i)\b(?:udsat|udskudt|flyttet|rykket)\b(?:\s+fra\s+[^.]*?)?\s+til\s+")


def _postponed_to(infos: list[LineInfo]) -> int | None:
    """The line that moves the event to a new date, with that date made its anchor."""
    for i, inf in enumerate(infos):
        m = POSTPONED_TO.search(inf.text)
        if not m:
            continue
        later = [d for d in (inf.dates or find_dates(inf.text)) if d.span[0] >= m.end() - 1]
        if later and later[0].span[0] - m.end() <= 25:
            inf.anchor = later[0]
            return i
    return None


def _dedupe(events: list[Event], page_title: str | None = None) -> list[Event]:
    """A joint meeting listed under two networks is one event: same day, similar title. The page's own
    heading with the date of its first item (a series page, a fact box) is not an event of its own."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if _day(o.start) == _day(ev.start) and ev.start is not None and
                     (o.start == ev.start or not isinstance(o.start, dt.datetime)
                      or not isinstance(ev.start, dt.datetime)) and
                     (_norm(o.title) in _norm(ev.title) or _norm(ev.title) in _norm(o.title) or
                      _overlap(o.title, ev.title) >= 0.6)), None)
        if twin:
            twin.speakers = merge_speakers(twin.speakers + ev.speakers)
            twin.end = twin.end or ev.end
            twin.venue = twin.venue or ev.venue
            twin.online = twin.online or ev.online
            twin.description = twin.description or ev.description
            if isinstance(ev.start, dt.datetime) and not isinstance(twin.start, dt.datetime):
                twin.start, twin.end = ev.start, ev.end
            continue
        out.append(ev)
    if page_title and len(out) > 2:
        head = _norm(page_title)
        out = [ev for ev in out if not (_norm(ev.title) == head and not ev.speakers and any(
            o is not ev and _day(o.start) == _day(ev.start) for o in out))]
    return out


def _overlap(a: str, b: str) -> float:
    x, y = set(_norm(a).split()), set(_norm(b).split())
    return len(x & y) / max(1, min(len(x), len(y)))


def _contacts(infos: list[LineInfo], zone: set[int]) -> list[Speaker]:
    from .names import looks_like_person
    out = []
    for i in sorted(zone):
        t = infos[i].text.split(",")[0].strip()
        if looks_like_person(t):
            out.append(Speaker(name=t, evidence=infos[i].text))
    return out
