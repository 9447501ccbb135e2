"""The entry point: a page (HTML or its text) → Page(events=[...])."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from urllib.parse import urlparse

from .model import Page
from .reference import reference_date
from .sources import source_of
from .structured import events_from_icalendar, events_from_markup, is_icalendar, merge, merge_event, pair
from .assemble import build_events
from .text import join_split_dates, lines_from_html, lines_from_text, looks_like_html

EXTRACTOR_VERSION = "0.1.0"

# pages that are about something else: "about", contact and membership pages. News items and articles are
# read like any page: many of them are the only announcement of an event ("Sæt kryds i kalenderen ...").
ABOUT_URL = re.compile(r"(?i)/(?:om-[\w-]+|om|kontakt|presse|job|ledige-stillinger|medlemskab|bliv-medlem)/?$")

EVENT_PATH = re.compile(r"(?i)arrangement|/events?/|kalender|moede|konference|kursus|temadag|webinar|program")


def extract_page(content: str | bytes, url: str | None = None, today: dt.date | None = None,
                 is_html: bool | None = None, structured: bool = True) -> Page:
    """Read one page. `content` is HTML (str or bytes), the page's visible text or an iCalendar feed; `today` is
    the reference date for dates written without a year. Structured data in the page (schema.org Event) decide
    the date and place unless `structured` is false (extract/structured.py). Raises ValueError for content that
    is not a readable page."""
    today = today or dt.date.today()
    if is_icalendar(content):
        return read_feed(content, url, today)
    if isinstance(content, bytes):
        is_html = True if is_html is None else is_html
        if not is_html:
            content = content.decode("utf-8")
    if is_html is None:
        is_html = looks_like_html(content)
    if not is_html and isinstance(content, str) and "\x00" in content:
        raise ValueError("binary content, not a page")
    lines = join_split_dates(lines_from_html(content) if is_html else lines_from_text(content))
    lines = [_without_date_stamp(line) for line in lines]
    if not lines:
        raise ValueError("the page has no text")
    reference, how = reference_date((line.text for line in lines), url, today)
    kind, events, contacts = build_events(lines, reference)
    found = events_from_markup(content, url) if structured and is_html else []
    if found:
        events = merge(events, found)
        kind = "listing" if len(events) > 1 else kind
    if how:
        for ev in events:
            if ev.year_inferred:
                ev.warnings.append(f"year placed by {how} ({reference.isoformat()}), not by the day it was read")
    path = urlparse(url).path if url else ""
    if ABOUT_URL.search(path) and not EVENT_PATH.search(path):
        kind, events = "about", []
    page = Page(events=events, url=url, source=source_of(url), kind=kind, contacts=contacts)
    for ev in events:  # a weekday that contradicts its date is the page's problem too: say so at the top
        page.warnings += [f"{ev.title[:40]}: {w}" for w in ev.warnings if w.startswith("weekday")]
    return page


# a stored copy's date stamp before the first words ("date 2022-02 HJALLERUP:Lørdag 5. februar ..."): the month the
# page was stored, not part of its text
_DATE_STAMP = re.compile(r"^date\s+((?:19|20)\d{2})-(\d{2})(?:-\d{2})?\s*")


def _without_date_stamp(line):
    m = _DATE_STAMP.match(line.text)
    if not m:
        return line
    return dataclasses.replace(line, text=line.text[m.end():])


def read_feed(content: str | bytes, url: str | None, today: dt.date) -> Page:
    """An iCalendar feed: each VEVENT's date, time and place, and the speakers the text reader finds in its
    SUMMARY and DESCRIPTION."""
    try:
        found = events_from_icalendar(content)
    except ValueError as exc:
        raise ValueError(f"not a readable iCalendar feed: {exc}") from exc
    events = []
    for data, description in found:
        lines = join_split_dates(lines_from_text(f"{data.title}\n\n{description}"))
        reference, _ = reference_date((line.text for line in lines), url, today)
        text_events = build_events(lines, reference)[1] if lines else []
        (ti, _), = pair(text_events, [data])
        if ti is None:
            data.evidence["decided_by"] = "iCalendar: every field"
        events.append(merge_event(text_events[ti], data) if ti is not None else data)
    return Page(events=events, url=url, source=source_of(url), kind="listing" if len(events) > 1 else "event")


def strip_header(text: str) -> tuple[str, str | None]:
    """A saved page may start with `URL: ...` and `RETRIEVED-AS: ...` lines (the eval format)."""
    m = re.match(r"URL: (\S+)\n(?:RETRIEVED-AS: [^\n]*\n)?\n?", text)
    if m:
        return text[m.end():], m.group(1)
    return text, None
