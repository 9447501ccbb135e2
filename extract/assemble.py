"""Items → Event objects: when, where, who, status and the rest, read from each item's lines; then one page's
events put together (`build_events`), joint meetings listed twice made one."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from .chrome import contact_zones, cut_chrome
from .dates import TimeRange, find_dates, find_times, local_datetime, resolve, resolve_year
from .lines import (CHROME_TITLE, EVENT_TYPE, PLACE_LABELS, SENTENCE_BREAK, STREET_WORD, TIME_LABELS, LineInfo,
                    classify_all, is_time_only)
from .mentions import mentioned_speakers, names_in
from .model import Event, Session, Speaker, Venue
from .segment import pure_date_line, same_day, segment
from .speakers import enrich, may_cue_speakers, prose_speakers, respectively
from .status import CANCELLED, DATE_UNCONFIRMED, POSTPONED, date_confirmed, decide_status
from .text import Line
from .titles import clean_title, inline_title, norm_title, page_title, row_title
from .venue import (ONLINE, POSTAL, is_named_venue, looks_like_address, named_venue, parse_venue, place_after_date,
                    place_after_mention, without_time)
from . import lexicon

# a heading over the place (extract/lexicon/place_headings.toml)
PLACE_HEADING = re.compile(r"(?i)" + lexicon.line_pattern("place_headings"))




def merge_speakers(found: list[Speaker]) -> list[Speaker]:
    out: dict[str, Speaker] = {}
    for s in found:
        key = norm_title(s.name)
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
        # the page's years: written in its dates; else in a heading ("Møderække efterår 2025"), and those of its
        # dates that a weekday places ("Tirs. 9. sep.")
        self.years = [inf.anchor.year for inf in infos if inf.anchor and inf.anchor.year]
        if not self.years:
            self.years = [int(y) for inf in infos if (inf.line.kind == "h" or inf.generic) and inf.words <= 8
                          for y in re.findall(r"\b((?:19|20)\d{2})\b", inf.text)]
            self.years += [resolve_year(inf.anchor.day, inf.anchor.month, inf.anchor.weekday, self.years, today)[0]
                           for inf in infos if inf.anchor and inf.anchor.weekday is not None]
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

    def when_at(self, ev: Event, i: int, mention, hi: int = 0) -> None:
        """`when` as if line i's date were `mention` (one of several dates on the line, or one in its running
        text); times written apart from the date are looked for in lines [0, hi)."""
        saved = self.infos[i].anchor
        self.infos[i].anchor = mention
        try:
            self.when(ev, [i], 0, hi)
        finally:
            self.infos[i].anchor = saved

    def _time_line(self, lo: int, hi: int, loose: bool = True) -> TimeRange | None:
        """A time written apart from the date: `kl. 14:00 - 16:00`, `Tid: 10-15`, `Ny Kongensgade, kl. 9-12`."""
        for i in range(lo, hi):  # a labelled time first: "Tid: Kl. 17.00-20.00"
            inf = self.infos[i]
            if inf.times and inf.label and inf.label[0] in TIME_LABELS and i not in self.contacts:
                return ([t for t in inf.times if t.end] or inf.times)[0]
        if not loose:
            return None
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or inf.slot:
                continue
            label = inf.label[0] if inf.label else ""
            if inf.times and (is_time_only(inf.text) or label in (*TIME_LABELS, "dato")
                              or (re.search(r"(?i)\bkl\.?\s*\d", inf.text) and inf.words <= 14
                                  and not inf.prose)):
                rng = [t for t in inf.times if t.end] or inf.times
                return rng[0]
        return None

    def venue(self, ev: Event, anchor_idx: list[int], lo: int, hi: int) -> None:
        """The place, from the surest wording down: a labelled place (one with an address beats a room), an
        address in the running text, a `Sted`/`Tid og sted` heading over lines, the date line itself, an address
        line, and a listing card's town under its date."""
        raw, why = self._labelled_place(lo, hi)
        if raw is None or not POSTAL.search(raw):
            raw, why = self._address_in_prose(lo, hi) or (raw, why)
        if raw is not None and not POSTAL.search(raw):
            # "Lokale: Stakladen, Lille Sal" below "Sted" / "Aarhus Universitet, ..., 8000 Aarhus C": the address
            under = self._place_under_heading(anchor_idx, lo, hi)
            if under and POSTAL.search(under[0]):
                raw, why = under
        for finder in (self._place_under_heading, self._place_on_date_line, self._place_in_dated_sentence,
                       self._address_line, self._town_after_date, self._named_venue):
            if raw is not None:
                break
            raw, why = finder(anchor_idx, lo, hi) or (None, None)
        if why:
            ev.evidence["venue"] = why
        if raw and re.match(r"(?i)^(?:meldes|oplyses|følger|annonceres|offentliggøres|kommer|tba|senere)\b|"
                            r"^\w+\s+(?:meldes|oplyses|følger)\b", raw.strip()):
            raw = None  # "Meldes ud senere": no place yet
        if raw:
            raw = re.split(r"(?i)[.,]?\s*(?:link\s+(?:sendes|følger|til)|tilmelding\b)", raw)[0]
            v = parse_venue(raw)
            if v and not (v.postal_code or v.street or v.city) and v.name and len(v.name.split()) <= 3 and \
                    not ONLINE.search(raw) and raw == v.raw and "," not in raw and not is_named_venue(v.name) \
                    and not EVENT_TYPE.match(v.name):
                v.city = v.city or v.name  # a bare town
            if v and (v.name or v.street or v.city):
                ev.venue = v
            if v and v.online:
                ev.online = True

    # Each finder returns (place as written, the line that said it) or None.
    def _labelled_place(self, lo: int, hi: int) -> tuple[str | None, str | None]:
        """`MØDESTED: ...`, `Sted: ...`, `LOKATION: ...`; a place with an address beats a room."""
        infos = self.infos
        labelled = [i for i in range(lo, hi) if infos[i].venue and i not in self.contacts]
        best = next((i for i in labelled if POSTAL.search(infos[i].venue)), labelled[0] if labelled else None)
        return (infos[best].venue, infos[best].text) if best is not None else (None, None)

    def _address_in_prose(self, lo: int, hi: int) -> tuple[str, str] | None:
        """`... finder sted ... på Comwell Kolding, Skovbrynet 1, 6000 Kolding.`"""
        for i in range(lo, hi):
            inf = self.infos[i]
            m = PROSE_ADDRESS.search(inf.text) if inf.prose and i not in self.contacts else None
            if m:
                return m.group("venue"), inf.text
        return None

    def _place_under_heading(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, None] | None:
        """`Sted` on its own line, the place on the next; `Tid og sted` with the place over several lines."""
        infos = self.infos
        for i in range(lo, hi):
            inf = infos[i]
            if inf.label and inf.label[0] in PLACE_LABELS and not inf.label[1]:
                return (infos[i + 1].text if i + 1 < len(infos) else ""), None
            if inf.words <= 5 and PLACE_HEADING.match(inf.text) and i + 1 < hi:
                # the place may run over several lines: name / street / postal code and town
                cand = []
                for j in range(i + 1, min(hi, i + 6)):
                    nj = infos[j]
                    if (nj.anchor or is_time_only(nj.text)) and not cand:
                        continue  # "Tid og sted": the date comes first, then the place
                    if nj.anchor or is_time_only(nj.text) or nj.generic or nj.label or nj.line.kind == "h" \
                            or nj.prose or nj.contact or _is_sentence(nj.text):
                        break  # ("Praktiske oplysninger:" / "Der kan udbetales frikøb til ...": a sentence, no place)
                    cand.append(nj.text)
                    if re.search(r"\b\d{4}\s+[A-ZÆØÅ]", nj.text):
                        break
                if cand:
                    return ", ".join(cand), None
        return None

    def _place_on_date_line(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, str] | None:
        """The date line names the place: in a cell (`Seminar | 14. maj 2025 | ... | VIVE, ...`), after the date
        (`Dato og sted: 4. december 2024, Comwell Middelfart, ...`) or before it (`Altinget, Ny Kongensgade 10,
        1472 København K, 30. oktober 2019 kl. 09.30`)."""
        infos = self.infos
        for i in anchor_idx:
            inf = infos[i]
            if " | " in inf.text or " · " in inf.text:
                cells = re.split(r" [|·] ", inf.text)
                place = [c for c in cells if POSTAL.search(c) or looks_like_address(c)] or \
                    [c for c in cells if re.fullmatch(r"[A-ZÆØÅ][\wæøå.-]*(?:[ -][A-ZÆØÅ][\wæøå.-]*){0,2}", c.strip())
                     and not EVENT_TYPE.match(c.strip()) and not find_dates(c)] or \
                    [c for c in cells[1:] if " · " in inf.text and c[:1].isupper() and len(c.split()) <= 6
                     and not find_dates(c) and not is_time_only(c)]  # "... kl. 14.00-14.45 · Telt C2, Kæmpestranden"
                if place:
                    return place[0], inf.text
                continue
            if inf.anchor:
                tail = inf.text[inf.anchor.span[1]:]
                tail = without_time(tail)
                tail = tail.strip(" ,-–|")
                if tail and (POSTAL.search(tail) or looks_like_address(tail)) and not DATE_UNCONFIRMED.search(tail):
                    return tail, inf.text
                after = place_after_date(tail)  # "... kl. 14.30 – 18.00 på Severin i Middelfart."
                if after:
                    return after, inf.text
            cut = inf.anchor.span[0] if inf.anchor else \
                (re.search(r"(?i),?\s*(?:dato|tid)", inf.text) or re.search("$", inf.text)).start()
            head = inf.text[:cut]
            inline = inline_title(inf)
            if inline:
                head = inline[1] or ""  # a title after the date leaves no place before it
            head = re.sub(r"(?i)\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b\s*(?:den|d\.)?\s*$", "", head)
            head = re.sub(r"(?i)\s+(?:den|d\.)\s*$", "", head)  # "Scandic Sluseholmen i København den 27.-28. oktober"
            if re.fullmatch(r"[\w-]+\s*:\s*", head):
                continue  # "Holdstart: 3. februar": a label, not a place
            head = head.strip(" ,-–:")
            if (sum(w[:1].islower() for w in head.split()) >= 2 or re.search(r"\d", head)) and not POSTAL.search(head):
                continue  # "Det finder sted", "Konferencen afholdes": the start of a sentence, not a place
            if (EVENT_TYPE.match(head) and len(head.split()) <= 2) or _NAMES_AN_EVENT.search(head):
                continue  # "Temadag d. 12. marts", "Afdelingens generalforsamling den 2. april": the event, not a place
            if _TEAM.match(head):
                continue  # "Hold 2 – holdstart 10. marts": which run, not where
            if re.fullmatch(r"(?i)(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                            r"december)?\s*(?:\d{4})?", head):
                continue  # "Februar 2021 - dato følger": a month, not a place
            if len(head.split()) <= 3 and (POSTPONED.search(head) or CANCELLED.search(head)):
                continue  # "Udsat – ny dato følger": the status, not a place
            if not re.match(r"(?i)^(?:dato|tid|den|d\.|kl)\b", head) and \
                    not re.search(r"\d{1,2}[.:]\d{2}", head) and len(head) > 3:
                return head, inf.text
        return None

    def _address_line(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, None] | None:
        """A line that is an address, or `place, kl. 09:30-12:00`."""
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or inf.anchor or inf.prose:
                continue
            if (looks_like_address(inf.text) or (inf.words <= 10 and re.search(r",\s*[1-9]\d{3}\s+[A-ZÆØÅ][\wæøå]+"
                                                                            r"(?:\s+[A-ZÆØÅ]{1,2})?$", inf.text))) \
                    and inf.words <= 16:
                return re.split(r",?\s+kl\.?\s*\d", inf.text)[0], None  # "Industriens Hus, ..., kl. 09:30-12:00"
            m = re.match(r"^(?P<place>[A-ZÆØÅ][^.]{2,80}?),\s*kl\.?\s*\d", inf.text)
            if m and not inf.speakers:
                return m["place"], None
            # "I Borgerhuset, Ahlefeldtsgade, Rudkøbing": a place written as "in ..." on a line of its own
            m = _IN_PLACE_LINE.match(inf.text)
            if m and inf.words <= 10 and not inf.speakers and (POSTAL.search(inf.text) or STREET_WORD.search(inf.text)):
                return m["place"], None
        return None

    def _place_in_dated_sentence(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, str] | None:
        """A sentence that gives the event's day again with its place: `Dagtilbudskonferencen afholdes d. 31. maj
        2022 i ODEON i Odense`, `Det foregår d. 5. maj 2017 kl.14:00-16:30 i auditoriet på Metropol, ...`."""
        days = {(self.infos[i].anchor.day, self.infos[i].anchor.month) for i in anchor_idx if self.infos[i].anchor}
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or i in anchor_idx:
                continue
            for d in inf.dates:
                if (d.day, d.month) in days:
                    place = place_after_mention(inf.text, d)
                    if place:
                        return place, inf.text
        return None

    def _named_venue(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, str] | None:
        """A named venue in the title or the text (`EU-debatmøde på Hårslev Efterskole`), the last resort."""
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts or (inf.speakers and not inf.prose):
                continue
            place = named_venue(inf.text)
            if place:
                return place, inf.text
        return None

    def _town_after_date(self, anchor_idx: list[int], lo: int, hi: int) -> tuple[str, None] | None:
        """A listing card: title, date, then the town on a line of its own (`Brabrand`, `Odense NØ`)."""
        infos = self.infos
        for i in anchor_idx:
            nxt = infos[i + 1] if i + 1 < hi else None
            if nxt is not None and nxt.words <= 3 and (pure_date_line(infos[i]) or infos[i].undated) \
                    and i + 1 not in self.item_titles and not CHROME_TITLE.search(nxt.text) \
                    and re.fullmatch(r"(?:\d{4}\s+)?[A-ZÆØÅ][\wæøå.-]*(?:\s+(?:[A-ZÆØÅ][\wæøå.-]*|[A-ZÆØÅ]{1,2}))*",
                                     nxt.text) and not nxt.generic and not nxt.speakers:
                return nxt.text, None
        return None

    def status(self, ev: Event, lo: int, hi: int, anchor_idx: list[int]) -> None:
        infos = self.infos
        short = [infos[i].text for i in range(lo, hi) if infos[i].words <= 16 and i not in self.contacts]
        notes = [infos[i].text for i in range(lo, hi) if infos[i].words >= 3 and _CALLED_OFF.match(infos[i].text)]
        ev.status, why = decide_status(ev.title, short + notes)
        if why:
            ev.evidence["status"] = why
        conf_lines = [infos[i].text for i in anchor_idx] + short
        ev.date_confirmed, why = date_confirmed(conf_lines)
        if why:
            ev.evidence["date_confirmed"] = why
        if not ev.date_confirmed and ev.status == "confirmed":
            ev.status = "tentative"

    def people(self, ev: Event, lo: int, hi: int, prose: bool) -> None:
        found: list[Speaker] = []
        for i in range(lo, hi):
            inf = self.infos[i]
            if i in self.contacts:
                continue
            found += inf.speakers
            if prose and (not inf.speakers or inf.prose) and may_cue_speakers(inf.text):
                found += prose_speakers(inf.text)  # (a list, then "Desuden deltager Name, ...": both count)
        texts = [self.infos[i].text for i in range(lo, hi) if i not in self.contacts]
        ev.speakers = merge_speakers(found)
        if prose:  # the people the text names without a cue, last (extract/mentions.py)
            ev.speakers += mentioned_speakers(texts, {s.name.casefold() for s in ev.speakers})
        enrich(ev.speakers, texts)
        respectively(ev.speakers, texts)

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
            m = "inviterer" in inf.text and _INVITES.search(inf.text)
            if m and not ev.organisers:
                ev.organisers = [x.strip() for x in re.split(r",\s*|\s+og\s+", m["who"]) if x.strip()]
            if inf.dates and not ev.registration_deadline and re.search(r"(?i)\bsenest\b", inf.text):
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


def build_events(lines: list[Line], today: dt.date) -> tuple[str, list[Event], list[Speaker]]:
    infos = cut_chrome(classify_all(lines))
    contacts = contact_zones(infos)
    kind, items = segment(infos)
    asm = Assembler(infos, today, contacts)
    events: list[Event] = []
    festival = _festival_items(infos)
    if festival:
        events = _festival_events(asm, infos, festival)
    elif kind == "listing":
        runs: list[Event] = []
        asm.item_titles = {t for t, *_ in items if t is not None}
        for t, group, lo, hi in items:
            inline = inline_title(infos[group[0]])
            if inline:
                t = None  # the line names its own event
            title_text = infos[t].text if t is not None else (inline[0] if inline else infos[group[0]].text)
            if t is not None and infos[t].speaker_prefix:
                title_text = infos[t].speaker_prefix
            elif t is None and not inline:
                title_text = row_title(infos[group[0]]) or title_text  # "Tirs. 9. sep. | <title> | ... | <place>"
            title, series, place = clean_title(title_text)
            run_of_course = (_TEAM.match(title_text) or _TEAM.match(infos[group[0]].text)) and page_title(infos)[1]
            if run_of_course:
                title, series, _ = clean_title(page_title(infos)[1])  # "Hold 2 – holdstart 10. marts": the course
            ev = Event(title=title, series=series)
            ev.evidence["title"] = title_text
            if run_of_course:
                runs.append(ev)
            moved = _postponed_to(infos[lo:hi])  # "NB: Mødet er flyttet fra 9. marts til 16. marts"
            if moved is not None:
                group = [lo + moved]
            asm.when(ev, group, lo, hi)
            asm.venue(ev, group, lo, hi)
            if ev.venue is None and place and not ONLINE.search(title):
                ev.venue = Venue(raw=place, city=place)
            asm.people(ev, lo, hi, prose=True)
            asm.online(ev, lo, hi)
            asm.status(ev, lo, hi, group)
            asm.extras(ev, lo, hi)
            events.append(ev)
        events = _dedupe(events, page_title(infos)[1])
        for ev in runs:  # each run of a course has the course's place and teachers
            course = next((o for o in events if o is not ev and o.title == ev.title and (o.venue or o.speakers)), None)
            if course is not None:
                ev.venue, ev.online = ev.venue or course.venue, ev.online or course.online
                ev.speakers = ev.speakers or [dataclasses.replace(sp) for sp in course.speakers]
    else:
        n = len(infos)
        t, title_text = page_title(infos)
        if title_text is None:
            # no heading: a name in quotes that the page invites to ('inviterer Røde Kors til "Frivilligdag 2022"'),
            # else the first short line
            invited = next((m.group(1) for inf in infos if (m := _INVITED_NAME.search(inf.text))), None)
            title_text = invited or _fallback_title(infos)
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
            group = [i for i in anchors if infos[i].anchor and same_day(infos[i].anchor, infos[first].anchor)]
            # a day programme gives the times when the date line does not: first slot to last
            asm.when(ev, group, 0, n, loose_times=not timed)
        else:
            group = []
        if ev.start is not None and not isinstance(ev.start, dt.datetime) and timed:
            first_day = ev.start
            # a programme over several days ends on its last day: a day range, or day headings below the first
            days = [ev.end] if isinstance(ev.end, dt.date) and not isinstance(ev.end, dt.datetime) else []
            for i in anchors:
                a = infos[i].anchor
                if a is not None and pure_date_line(infos[i]):
                    try:
                        d = dt.date(a.year or first_day.year, a.month, a.day)
                    except ValueError:
                        continue
                    if first_day < d <= first_day + dt.timedelta(days=7):
                        days.append(d)
            ev.start = local_datetime(first_day, timed[0].start)
            last = timed[-1]
            end = last.end or last.start
            end_day = max(days) if days else first_day + dt.timedelta(days=1 if end < timed[0].start else 0)
            ev.end = local_datetime(end_day, end)
        asm.venue(ev, group, 0, n)
        asm.people(ev, 0, n, prose=True)
        asm.online(ev, 0, n)
        asm.status(ev, 0, n, group)
        asm.extras(ev, 0, n)
        # a page with no date, no speakers and no programme (an index, an article; a place alone may be a
        # network's usual venue) holds no event
        if ev.start is not None or ev.speakers or ev.sessions or not ev.date_confirmed:
            events += _held_several_times(asm, infos, ev, moved is None and not timed)
            events += _also_announced(asm, infos, events)
    contacts_out = _contacts(infos, contacts)
    return kind, events, contacts_out


PROGRAMME_BREAK = re.compile(r"(?i)" + lexicon.pattern("programme_breaks"))
_QUOTED = re.compile(r"[”“\"«]([^”“\"»]{8,120})[”“\"»]")
_COLON_CUT = re.compile(r":\s")
_DASH_CUT = re.compile(r"\s[–—]\s")
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÆØÅ])")


def _festival_items(infos: list[LineInfo]) -> list[tuple[int, int]] | None:
    """A festival's or a stand's programme (`FAGLIG FREDAG den 11. november` / `Kl. 10:30` / title / speakers /
    `Kl. 11:15` / ..., or `Kl. 14.05 – 14.50 <title>` / speakers): items that open with a time, each with its
    own title and people, and none of a conference's common parts (arrival, breaks, welcome:
    extract/lexicon/programme_breaks.toml). Each item is an event of its own, dated by the day heading above
    it. Returns (first line, end) per item, or None for any other page."""
    n = len(infos)
    if sum(1 for inf in infos if inf.anchor) > 4:
        return None
    starts = [i for i, inf in enumerate(infos) if inf.slot or (
        not inf.anchor and i + 1 < n and is_time_only(inf.text) and not is_time_only(infos[i + 1].text)
        and not infos[i + 1].anchor and not infos[i + 1].label)]
    if len(starts) < 4 or not any(inf.anchor for inf in infos[:starts[0]]):
        return None
    items = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else min(n, i + 10)
        end = next((j for j in range(i + 1, end) if infos[j].anchor or infos[j].line.kind == "h"), end)
        items.append((i, end))
    # the common parts may stand in the items or in a timetable of slots elsewhere on the page
    # (a break is named by its first words or in a few words: "Frokost", "Ankomst, kaffe og morgenbrød"; a
    # festival's item may mention coffee further on: "Åbent telt: Kaffe og snak med vores familierådgivere")
    if any(_is_break(_item_head(infos, i)) for i, _ in items) or \
            any(inf.slot and _is_break(inf.slot[2]) for inf in infos):
        return None
    people = sum(1 for i, end in items if any(infos[j].speakers or _names_someone(infos[j].text)
                                             for j in range(i, end)))
    return items if people * 2 >= len(items) else None


# a festival's tent, stage or stand with its code
_TENT = re.compile(r"(?i)^(?:telt|scene|stand|lokale|sal)\s+[a-zæøå]?\d+[a-z]?\b|^[a-zæøå]\d{1,2}\s*[-–]\s*[a-zæøå]")


def _is_break(name: str) -> bool:
    words = name.split()
    return bool(PROGRAMME_BREAK.search(" ".join(words[:2]))) or (len(words) <= 4 and bool(PROGRAMME_BREAK.search(name)))


def _item_head(infos: list[LineInfo], i: int) -> str:
    """The line that names a programme item: the slot's text after its time, or the line under a time."""
    return infos[i].slot[2] if infos[i].slot else infos[i + 1].text


def _names_someone(text: str) -> bool:
    return bool(names_in(text))


def _festival_events(asm: "Assembler", infos: list[LineInfo], items: list[tuple[int, int]]) -> list[Event]:
    events = []
    for i, end in items:
        head = _item_head(infos, i)
        line = infos[i] if infos[i].slot else infos[i + 1]
        quoted = _QUOTED.search(head) if line.prose else None
        colon = head.find(": ")
        if quoted and len(quoted.group(1).split()) >= 3 and not 0 <= colon < quoted.start():
            # "Dagens første arrangement ... Under titlen ”Mørkets fyrster eller demokratiets tjenere” ..."
            head = quoted.group(1)
        else:
            # a title that runs on into its people or its description ("Skåltale for ...: Jakob Vedelsby, ...")
            # (at its colon, else at a dash: "De Bornholmske Sønner – Søren Pind og Jarl Cordua - er at finde ...")
            if line.prose or line.speakers:
                cut = _COLON_CUT.search(head) or _DASH_CUT.search(head) or _SENTENCE_END.search(head)
            else:
                cut = _SENTENCE_END.search(head)  # "Klassikerquiz med Adrian Hughes. Mød op og følg duellen!"
            head = head[: cut.start()] if cut else head
        head = re.sub(r"\s*\[[^\]]*\]\s*$", "", head)  # "[Sponsoreret af Astellas]"
        title, series, _ = clean_title(head)
        ev = Event(title=title.rstrip(":"), series=series)
        ev.evidence["title"] = head
        day = next((j for j in range(i, -1, -1) if infos[j].anchor), None)
        while day and infos[day - 1].anchor:
            day -= 1  # a heading of several date lines ("Torsdag ... kl. 11-17 ..." / "Fredag og lørdag ..."): its first
        asm.when(ev, [day] if day is not None else [], i, end)
        times = find_times(infos[i].text)
        if times and ev.start is not None:  # the item's own time, not the day's opening hours
            first = ev.start.date() if isinstance(ev.start, dt.datetime) else ev.start
            ev.start = local_datetime(first, times[0].start)
            ev.end = local_datetime(first, times[0].end) if times[0].end else None
        asm.venue(ev, [], i, end)
        tent = next((infos[j].text for j in range(i + 1, end) if _TENT.search(infos[j].text) and infos[j].words <= 8
                     and not infos[j].speakers), None)
        if ev.venue is None and tent:  # "Telt C12, Cirkuspladsen", "J6 - Kæmpestrandens Debattelt"
            ev.venue = parse_venue(tent)
        if ev.venue is None and day is not None:  # the place given with the day ("... kl. 11-17 foran Grønbech Hotel")
            place = place_after_mention(infos[day].text, infos[day].anchor)
            ev.venue = parse_venue(place) if place else None
        asm.people(ev, i, end, prose=True)
        asm.online(ev, i, end)
        asm.status(ev, i, end, [])
        events.append(ev)
    return events


_HELD_TWICE = re.compile(r"(?i)\b(?:afholdes|holdes|gennemføres|gentages)\s+(?:to|tre|fire|flere)\s+gange\b|"
                         r"\b(?:to|tre|fire)\s+(?:gange|steder|byer)\b|\bsamme\s+(?:møde|arrangement|program)\b")
_INVITED_NAME = re.compile(r"(?i)\binviterer\b[^.]{0,60}?\btil\s+(?:\w+\s+){0,2}[\"”“«]([^\"”“»]{3,80})[\"”“»]")
_NAMES_AN_EVENT = re.compile(r"(?i)(?:møde|konference|generalforsamling|temadag|seminar|webinar|debat|arrangement|"
                             r"kursus|festival|reception|træf|topmøde|årsmøde|foredrag|workshop)\w{0,3}$")
_IN_PLACE_LINE = re.compile(r"^(?:I|På|Hos)\s+(?P<place>[A-ZÆØÅ][^.!?]{2,80}?)\.?$")
_FUNCTION_WORDS = re.compile(r"(?i)\b(?:der|som|har|vil|skal|kan|er|var|bliver|hvis|at|det|vi|du|man|sig)\b")


def _is_sentence(text: str) -> bool:
    """A sentence, not a name or an address: several function words ("Der kan udbetales frikøb til ..., hvis ...")."""
    return len(_FUNCTION_WORDS.findall(text)) >= 2


DEADLINE_WORDS = re.compile(r"(?i)\b(?:tilmeld\w*|frist|senest|deadline)\b")
_TOWN_LINE = re.compile(r"^(?P<town>[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?)\s*:\s+(?P<rest>\S.*)$")


def _repeat_dates(infos: list[LineInfo]) -> list[tuple[int, object]]:
    """The dates of one meeting held several times: a date line naming two or more days joined by "og"
    (`Tirsdag 6. maj og torsdag 8. maj`), or a run of date-first lines with nothing but a place after the time
    (`• Torsdag den 26/10 kl. 16.30 – 19.00 på Hotel Falster, Nykøbing` / `• Torsdag den 2/11 ...`)."""
    for i, inf in enumerate(infos):
        if inf.anchor and not inf.prose and len(inf.dates) >= 2 and pure_date_line(inf) and \
                all(inf.text[a.span[1]:b.span[0]].strip(" ,").lower() in ("og", "samt", "") for a, b in
                    zip(inf.dates, inf.dates[1:])) and len({(d.day, d.month) for d in inf.dates}) == len(inf.dates):
            return [(i, d) for d in inf.dates]
    run: list[int] = []
    for i, inf in enumerate(infos):
        # date-first lines with a place, or list items that each say when and where ("• Første arrangement ...,
        # der afholdes den 14. marts 2022 kl. 14.30 – 18.00 på Severin i Middelfart")
        item = inf.anchor and inf.anchor.start_time and (
            (not inf.prose and inf.anchor.span[0] <= 3 and inf.words <= 20) or inf.line.kind == "li")
        if item and (not run or run[-1] == i - 1):
            run.append(i)
            continue
        if len(run) >= 2:
            break
        run = []
    days = {(infos[i].anchor.day, infos[i].anchor.month) for i in run}
    if len(run) >= 2 and len(days) == len(run):
        return [(i, infos[i].anchor) for i in run]
    return []


_EVENT_NOUN = re.compile(r"(?i)(?P<np>(?:[\wæøå-]+\s+){0,3}?[\wæøå-]*(?:møde|konference|demonstration|oplæg|"
                         r"arrangement|debat|seminar|webinar|temadag|festival|træf|workshop|generalforsamling)\w{0,4})\b")
_ANNOUNCED = re.compile(r"(?i)\b(?:planlægger|afholdes|afholder|inviterer|husk|næste|også|derudover|desuden|endnu\s+en|"
                        r"allerede)\b")
_PAST = re.compile(r"(?i)\b(?:blev|var|afholdt|holdt|fandt\s+sted|sidste\s+år|i\s+fjor)\b")


def _also_announced(asm: "Assembler", infos: list[LineInfo], events: list[Event]) -> list[Event]:
    """A second event a page announces in passing ("Derudover planlægger ... et stort landsdækkende
    Tillidsrepræsentantmøde onsdag 4. oktober", "... høre et inspirerende oplæg allerede onsdag aften, den 26.
    oktober"): a sentence with its own day near the page's event, an event word and an announcing word, not in the
    past tense. Its title is the event's words as written."""
    days = {_day(e.start) for e in events if e.start is not None}
    if not days:
        return []
    out = []
    for i, inf in enumerate(infos):
        if not inf.prose or not inf.dates:
            continue
        for sentence in SENTENCE_BREAK.split(inf.text):
            found = [d for d in inf.dates if d.text in sentence]
            if not found or not _ANNOUNCED.search(sentence) or _PAST.search(sentence) or DEADLINE_WORDS.search(sentence):
                continue
            noun = _EVENT_NOUN.search(sentence)
            if not noun:
                continue
            probe = Event(title="", evidence={})
            asm.when_at(probe, i, found[0])
            day = _day(probe.start)
            if day is None or day in days or not any(abs((day - d).days) <= 62 for d in days):
                continue
            title = re.sub(r"(?i)^(?:(?:et|en|den|det|de|vores|jeres)\s+)?(?:stort|stor|store|nyt|ny|nye)?\s*", "",
                           noun.group("np")).strip()
            probe.title = title[:1].upper() + title[1:]
            probe.evidence["title"] = sentence
            days.add(day)
            out.append(probe)
    return out


def _fallback_title(infos: list[LineInfo]) -> str:
    """No line qualified as a title (a page saved without blank lines): the first short line that is no chrome, no
    label and no date and that the introduction or the date follows; else the first short line."""
    for k, inf in enumerate(infos):
        if 2 <= inf.words <= 14 and not (inf.anchor or inf.label or inf.generic or inf.filler or inf.contact or
                                         inf.speakers or inf.prose) and not CHROME_TITLE.search(inf.text) and \
                any(x.prose or x.anchor for x in infos[k + 1:k + 3]):
            return inf.text
    return next((inf.text for inf in infos if inf.words <= 14 and not CHROME_TITLE.search(inf.text)), "(uden titel)")


def _held_several_times(asm: "Assembler", infos: list[LineInfo], ev: Event, plain: bool) -> list[Event]:
    """One event page for a meeting held on several days, often in several towns: one event per day, each with
    its own place (on its date line, or a `Town: address` line in the order the dates come) and the speakers
    of lines labelled with its town; speakers on no town's line go to every day."""
    repeats = _repeat_dates(infos)
    towns = [(m["town"], m["rest"]) for inf in infos if (m := _TOWN_LINE.match(inf.text))
             and (POSTAL.search(m["rest"]) or looks_like_address(m["rest"]))]
    # two days on one line are a two-day event unless the page says the meeting is held twice
    said = len(towns) == len(repeats) or any(_HELD_TWICE.search(inf.text) for inf in infos)
    if len(repeats) < 2 or not (plain or said) or (len(infos[repeats[0][0]].dates) >= 2 and not said):
        return [ev]
    town_names = {t for t, _ in towns}
    out = []
    for k, (i, mention) in enumerate(repeats):
        copy = dataclasses.replace(ev, speakers=[], sessions=list(ev.sessions), warnings=list(ev.warnings),
                                   evidence=dict(ev.evidence))
        asm.when_at(copy, i, mention, hi=len(infos))
        place = place_after_mention(infos[i].text, mention) \
            if " og " not in infos[i].text[mention.span[1]:mention.span[1] + 5] else None
        if place:
            copy.venue = parse_venue(place)
        elif len(towns) == len(repeats):
            copy.venue = parse_venue(towns[k][1])
        town = towns[k][0] if len(towns) == len(repeats) else None
        for sp in ev.speakers:
            labelled = _town_label(infos, sp.name, town_names)
            if labelled is None or labelled == town:
                copy.speakers.append(dataclasses.replace(sp))
        out.append(copy)
    return out


def _town_label(infos: list[LineInfo], name: str, towns: set[str]) -> str | None:
    """The town whose label (`Aarhus:`) stands nearest before the name on its line, if any."""
    for inf in infos:
        at = inf.text.find(name)
        if at < 0 or not towns:
            continue
        labels = [(m.start(), m.group(1)) for m in re.finditer(r"(" + "|".join(map(re.escape, towns)) + r"):",
                                                               inf.text[:at])]
        if labels:
            return labels[-1][1]
    return None


def _day(value) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


PROSE_ADDRESS = re.compile(
    r"\b(?:på|i|hos)\s+(?P<venue>[A-ZÆØÅ][\wæøåÆØÅ&'. -]{2,60},\s*[A-ZÆØÅ][\wæøå'. -]{2,40}\s\d{1,4}[A-Za-z]?"
    r"(?:-\d{1,4})?,\s*\d{4}\s+[A-ZÆØÅ][\wæøå]+(?:\s[A-ZÆØÅ]{1,2}\b)?)")


# one run of a course or series that is named only by its number
_TEAM = re.compile(r"(?i)^(?:hold|modul|gang|runde|session|del)\s*\d+\b")
# "Mødet er desværre aflyst", "Konferencen bliver udsat"
_CALLED_OFF = re.compile(r"(?i)^(?:udsat|aflyst|flyttet|udskudt|ny\s+dato)\s*:|^(?:[\wæøå-]+(?:et|en|ne))\s+"
                         r"(?:er|bliver|må)\s+(?:desværre\s+)?(?:aflyst|udsat|flyttet|udskudt)")
# "Dansk Socialrådgiverforening og KL inviterer ...": the organisers
_INVITES = re.compile(r"^(?P<who>(?:[A-ZÆØÅ][\w'’.-]*(?:\s+[\wæøå'’.-]+){0,5}?)(?:(?:,\s*|\s+og\s+)[A-ZÆØÅ][\w'’.-]*"
                      r"(?:\s+[\wæøå'’.-]+){0,5}?)+)\s+inviterer\b")
POSTPONED_TO = re.compile(r"(?i)\b(?:udsat|udskudt|flyttet|rykket)\b(?:\s+fra\s+.{0,60}?)?\s+til\s+")


def _postponed_to(infos: list[LineInfo]) -> int | None:
    """The line that moves the event to a new date, with that date made its anchor."""
    for i, inf in enumerate(infos):
        m = POSTPONED_TO.search(inf.text)
        if not m:
            continue
        # the date after "til" ("fra 9. marts til 16. marts" reads as a range elsewhere: read the rest alone)
        later = find_dates(inf.text[m.end():])
        if later and later[0].span[0] <= 25:
            d = later[0]
            d.span = (d.span[0] + m.end(), d.span[1] + m.end())
            inf.anchor = d
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
                     (norm_title(o.title) in norm_title(ev.title) or norm_title(ev.title) in norm_title(o.title) or
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
        head = norm_title(page_title)
        out = [ev for ev in out if not (norm_title(ev.title) == head and not ev.speakers and any(
            o is not ev and _day(o.start) == _day(ev.start) for o in out))]
    return out


def _overlap(a: str, b: str) -> float:
    x, y = set(norm_title(a).split()), set(norm_title(b).split())
    return len(x & y) / max(1, min(len(x), len(y)))


def _contacts(infos: list[LineInfo], zone: set[int]) -> list[Speaker]:
    from .names import looks_like_person
    out = []
    for i in sorted(zone):
        t = infos[i].text.split(",")[0].strip()
        if looks_like_person(t):
            out.append(Speaker(name=t, evidence=infos[i].text))
    return out
