"""Structured data first: schema.org `Event` (JSON-LD, microdata) in a page and iCalendar `.ics` feeds, read with
the ecosystem's libraries (extruct, icalendar), mapped to the event model and merged with what the text reader
found on the same page.

A site's own structured data is what its calendar system stores, so it decides the date, the time and the place;
the text is what people wrote, so it keeps the title as written and decides the speakers (schema.org's `performer`
is rarely filled in, and never with roles and parties). Each merged field's `evidence` says which one decided it:
structured values are prefixed `JSON-LD:`, `microdata:` or `iCalendar:`; the text's keep their source line.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from difflib import SequenceMatcher

from .dates import COPENHAGEN
from .model import Event, Speaker, Venue
from .venue import parse_venue

# cheap tests first: extruct parses the whole page again, so only pages that announce structured data pay for it
MARKUP = re.compile(rb"application/ld\+json|schema\.org/\w*Event", re.I)
MARKUP_TEXT = re.compile(MARKUP.pattern.decode(), re.I)
VCALENDAR = re.compile(rb"^\s*(?:\xef\xbb\xbf)?BEGIN:VCALENDAR", re.I)

# a LOCATION that names no place, only the meeting's medium
ONLINE_ONLY = re.compile(r"(?i)\W*(?:online|virtuelt|digitalt|webinar|zoom|teams|livestream)(?:\W+(?:via|på|i)?\W*"
                         r"(?:microsoft\s+)?(?:zoom|teams|online))*\W*")
STATUS = {"eventcancelled": "cancelled", "eventpostponed": "postponed", "eventrescheduled": "postponed",
          "eventscheduled": "confirmed", "eventmovedonline": "confirmed"}
ICS_STATUS = {"CANCELLED": "cancelled", "TENTATIVE": "tentative", "CONFIRMED": "confirmed"}


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8", "replace")


def has_markup(content: str | bytes) -> bool:
    if isinstance(content, str):
        return bool(MARKUP_TEXT.search(content))
    return bool(MARKUP.search(content))


def is_icalendar(content: str | bytes) -> bool:
    return bool(VCALENDAR.match(_bytes(content[:64])))


# --- schema.org Event in HTML ---------------------------------------------------------------------------------

def _is_event(item: dict) -> bool:
    types = item.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1].endswith("Event") for t in types)


def _walk(node):
    """Every dict in a JSON-LD document: @graph lists, ItemLists of events, nested values."""
    if isinstance(node, list):
        for x in node:
            yield from _walk(x)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "itemListElement", "item", "subEvent"):
            if key in node:
                yield from _walk(node[key])


def _text(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def parse_when(value) -> dt.datetime | dt.date | None:
    """An ISO 8601 date or date-time → a date, or a datetime in Europe/Copenhagen (a time without an offset is
    the site's local time)."""
    value = _text(value)
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=COPENHAGEN)
    return when.astimezone(COPENHAGEN)


def _address(addr) -> str | None:
    if isinstance(addr, str):
        return _text(addr)
    if not isinstance(addr, dict):
        return None
    street = _text(addr.get("streetAddress"))
    town = " ".join(x for x in (_text(addr.get("postalCode")), _text(addr.get("addressLocality"))) if x)
    return ", ".join(x for x in (street, town) if x) or None


def _venue(location) -> tuple[Venue | None, bool, str | None]:
    """(venue, online, the place as the data wrote it) from `location`: a Place, a VirtualLocation, a text, or a
    list of them (a hybrid event)."""
    places = location if isinstance(location, list) else [location]
    venue, online, raw = None, False, None
    for place in places:
        if isinstance(place, str):
            text = _text(place)
            if text and venue is None:
                venue, raw = parse_venue(text), text
            continue
        if not isinstance(place, dict):
            continue
        if "VirtualLocation" in str(place.get("@type")):
            online = True
            continue
        parts = [_text(place.get("name")), _address(place.get("address"))]
        text = ", ".join(p for p in parts if p)
        if text and venue is None:
            venue, raw = parse_venue(text), text
    return venue, online, raw


def _people(value) -> list[Speaker]:
    people = value if isinstance(value, list) else [value]
    out = []
    for p in people:
        if isinstance(p, dict) and "Person" in str(p.get("@type", "Person")) and _text(p.get("name")):
            org = p.get("worksFor") or p.get("affiliation")
            out.append(Speaker(name=_text(p["name"]), role=_text(p.get("jobTitle")), organization=_text(org),
                               evidence=f"performer {_text(p['name'])}"))
        elif isinstance(p, str) and p.strip():
            out.append(Speaker(name=" ".join(p.split()), evidence=f"performer {p.strip()}"))
    return out


def event_from_schema(item: dict, origin: str) -> Event | None:
    """One schema.org Event (as extruct's uniform output gives it) → an Event whose evidence names `origin`."""
    title = _text(item.get("name"))
    start = parse_when(item.get("startDate"))
    if not title or start is None:
        return None
    ev = Event(title=title, start=start, end=parse_when(item.get("endDate")))
    ev.evidence["title"] = f"{origin}: name {title}"
    ev.evidence["start"] = f"{origin}: startDate {_text(item.get('startDate'))}"
    if ev.end is not None:
        ev.evidence["end"] = f"{origin}: endDate {_text(item.get('endDate'))}"
    venue, online, raw = _venue(item.get("location"))
    mode = str(item.get("eventAttendanceMode") or "")
    status = str(_text(item.get("eventStatus")) or "").rsplit("/", 1)[-1].lower()
    ev.online = online or "Online" in mode or "Mixed" in mode or status == "eventmovedonline"
    if venue is not None:
        venue.online = venue.online or ev.online
        ev.venue = venue
        ev.evidence["venue"] = f"{origin}: location {raw}"
    if status in STATUS:
        ev.status = STATUS[status]
        ev.evidence["status"] = f"{origin}: eventStatus {item.get('eventStatus')}"
    ev.speakers = _people(item.get("performer"))
    ev.description = _text(item.get("description"))
    org = item.get("organizer")
    ev.organisers = [n for n in (_text(o) for o in (org if isinstance(org, list) else [org])) if n]
    return ev


def events_from_markup(html: str | bytes, url: str | None = None) -> list[Event]:
    """schema.org Events in a page's JSON-LD and microdata, in page order, each once."""
    if not has_markup(html):
        return []
    import extruct  # only pages with structured data load it
    try:
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore")
    except Exception:  # noqa: BLE001 - broken markup must not cost the page its text reading
        return []
    out, seen = [], set()
    for syntax, origin in (("json-ld", "JSON-LD"), ("microdata", "microdata")):
        for item in _walk(data.get(syntax) or []):
            if not _is_event(item):
                continue
            ev = event_from_schema(item, origin)
            if ev is not None and (ev.title, ev.start) not in seen:
                seen.add((ev.title, ev.start))
                out.append(ev)
    return out


# --- iCalendar feeds ------------------------------------------------------------------------------------------

def _ics_when(prop) -> dt.datetime | dt.date | None:
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=COPENHAGEN) if value.tzinfo is None else value.astimezone(COPENHAGEN)
    return value


def events_from_icalendar(content: str | bytes) -> list[tuple[Event, str]]:
    """(event, its DESCRIPTION) for each VEVENT of a feed, in feed order. An all-day DTEND is exclusive in
    iCalendar; the model's `end` is the last day."""
    import icalendar
    cal = icalendar.Calendar.from_ical(_bytes(content))
    out = []
    for comp in cal.walk("VEVENT"):
        title = _text(str(comp.get("SUMMARY") or ""))
        start = _ics_when(comp.get("DTSTART"))
        if not title or start is None:
            continue
        end = _ics_when(comp.get("DTEND"))
        if end is not None and not isinstance(end, dt.datetime):
            end = end - dt.timedelta(days=1)
            end = None if end <= start else end
        ev = Event(title=title, start=start, end=end)
        ev.evidence["title"] = f"iCalendar: SUMMARY {title}"
        ev.evidence["start"] = f"iCalendar: DTSTART {comp.get('DTSTART').to_ical().decode()}"
        if end is not None:
            ev.evidence["end"] = f"iCalendar: DTEND {comp.get('DTEND').to_ical().decode()}"
        location = _text(str(comp.get("LOCATION") or ""))
        if location and ONLINE_ONLY.fullmatch(location):
            ev.online = True
            ev.evidence["online"] = f"iCalendar: LOCATION {location}"
        elif location:
            ev.venue = parse_venue(location)
            if ev.venue is not None:
                ev.evidence["venue"] = f"iCalendar: LOCATION {location}"
                ev.online = ev.venue.online
        status = str(comp.get("STATUS") or "").upper()
        if status in ICS_STATUS:
            ev.status = ICS_STATUS[status]
            ev.evidence["status"] = f"iCalendar: STATUS {status}"
            if status == "TENTATIVE":  # the model's `tentative` is an event whose date is not yet confirmed
                ev.date_confirmed = False
                ev.evidence["date_confirmed"] = "iCalendar: STATUS TENTATIVE"
        if comp.get("URL"):
            ev.evidence["url"] = str(comp.get("URL"))
        out.append((ev, str(comp.get("DESCRIPTION") or "")))
    return out


# --- merging with the text ------------------------------------------------------------------------------------

def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def _day(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _same_thing(a: Event, b: Event) -> float:
    """How sure we are that two readings are one event: the titles' likeness, raised by the same day."""
    s = SequenceMatcher(None, _norm(a.title), _norm(b.title)).ratio()
    if a.start is not None and _day(a.start) == _day(b.start):
        s += 0.3
    return s


def pair(text_events: list[Event], structured: list[Event]) -> list[tuple[int | None, int]]:
    """(text event index or None, structured event index) for each structured event. A page with one of each
    pairs them whatever their titles (a page's heading and its data's `name` are often worded apart)."""
    if len(text_events) == 1 and len(structured) == 1:
        return [(0, 0)]
    scored = sorted(((_same_thing(t, s), ti, si) for ti, t in enumerate(text_events)
                     for si, s in enumerate(structured)), reverse=True)
    used_t, used_s, out = set(), set(), {}
    for score, ti, si in scored:
        if score >= 0.75 and ti not in used_t and si not in used_s:
            used_t.add(ti), used_s.add(si)
            out[si] = ti
    return [(out.get(si), si) for si in range(len(structured))]


def _when_text(value) -> str:
    return value.isoformat() if value is not None else "no date"


def merge_event(text: Event, data: Event) -> Event:
    """The text's event with the structured date, time and place. A structured date without a time does not
    overrule a text that gives the time on that same day. What the text said otherwise is kept as a warning."""
    origin = data.evidence["start"].split(":", 1)[0]
    decided = []
    text_more_precise = (not isinstance(data.start, dt.datetime) and isinstance(text.start, dt.datetime)
                         and text.start.date() == data.start)
    if not text_more_precise:
        if text.start is not None and text.start != data.start:
            text.warnings.append(f"the text says {_when_text(text.start)}; {origin} says {_when_text(data.start)}")
        text.start, text.end = data.start, data.end
        text.year_inferred = False
        text.evidence["start"] = data.evidence["start"]
        text.evidence.pop("end", None)
        if "end" in data.evidence:
            text.evidence["end"] = data.evidence["end"]
        decided.append("start, end")
    if data.venue is not None:
        text.venue = data.venue
        text.evidence["venue"] = data.evidence["venue"]
        decided.append("venue")
    if data.online and not text.online:
        text.online = True
        decided.append("online")
    if data.status != "confirmed" and text.status == "confirmed":
        text.status = data.status
        text.evidence["status"] = data.evidence["status"]
        decided.append("status")
    if not data.date_confirmed and text.date_confirmed:
        text.date_confirmed = False
        text.evidence["date_confirmed"] = data.evidence["date_confirmed"]
        decided.append("date_confirmed")
    if not text.speakers and data.speakers:
        text.speakers = data.speakers
        text.evidence["speakers"] = f"{origin}: performer"
        decided.append("speakers")
    elif text.speakers:
        text.evidence["speakers"] = "text"
    text.organisers = text.organisers or data.organisers
    text.evidence["decided_by"] = (f"{origin}: {', '.join(decided)}; " if decided else "") + "text: the rest"
    return text


def merge(text_events: list[Event], structured: list[Event]) -> list[Event]:
    """The page's events: each text event with its structured counterpart merged in, then the structured events
    the text did not find (an event only the data announce is still an event)."""
    if not structured:
        return text_events
    out = list(text_events)
    for ti, si in pair(text_events, structured):
        data = structured[si]
        if ti is None:
            data.evidence["decided_by"] = f"{data.evidence['start'].split(':', 1)[0]}: every field"
            out.append(data)
        else:
            out[ti] = merge_event(text_events[ti], data)
    return out
