"""The page's own time: when a page was written, read from the page itself, so that a date without a year is
placed near the page and not near the day it was read.

A stored page from 2017 that says "Tirsdag d. 25. april" means 25 April 2017, whatever day it is crawled.
Evidence, strongest first: a publication line ("Udgivet d. 6.9.2021", "Senest opdateret: søndag 21. marts
2021"), a date in the URL ("/nyheder/2019-09-18/...", "/2021/03/21/...", "/2017/04/..."), a bare year in the
URL ("/nyheder/2017/..."), a copyright line ("© 2020").
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterable
from urllib.parse import urlparse

from .dates import find_dates

# a line that dates the page itself, not an event: "Publiceret 18 September 2019", "Udgivet d. 6.9.2021"
PUBLISHED = re.compile(r"(?i)^\s*(?:senest\s+|sidst\s+)?(?:opdateret|publiceret|udgivet|offentliggjort|"
                       r"oprettet|skrevet|published|updated)\b\s*(?:den|d\.|:)?")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?:/|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|$)")
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|copyright)\s*(?:\w+\s+)?((?:19|20)\d{2})(?!\d)")
_ENGLISH_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
_ENGLISH_DATE = re.compile(r"(?i)\b([0-3]?\d)\.?\s+(" + "|".join(_ENGLISH_MONTHS) + r")\s+((?:19|20)\d{2})\b")


def _day(y: int, m: int, d: int = 1) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def published_date(text: str) -> dt.date | None:
    """The date of a publication line, or None when the line is not one."""
    if not PUBLISHED.match(text):
        return None
    found = [m for m in find_dates(text) if m.year]
    if found:
        return _day(found[0].year, found[0].month, found[0].day)
    m = _ENGLISH_DATE.search(text)
    return _day(int(m.group(3)), _ENGLISH_MONTHS[m.group(2).lower()], int(m.group(1))) if m else None


_DIGIT = re.compile(r"\d")
_BARE_DATE_REST = re.compile(r"(?i)^[\s,.|·-]*(?:den|d\.)?[\s,.|·-]*$")


def dateline(texts: list[str]) -> int | None:
    """The index of a news item's dateline: a date with its year and nothing else ("14. januar 2020",
    "02. jun. 2017") among the page's first lines, above later dates that it precedes. It dates the page,
    not an event: the events are announced below it."""
    return _dateline(tuple(texts))


@lru_cache(maxsize=4)  # asked twice of each page: for its reference date, then by the line classifier
def _dateline(texts: tuple[str, ...]) -> int | None:
    for i, t in enumerate(texts[:15]):  # (under a menu and a breadcrumb)
        found = find_dates(t) if _DIGIT.search(t) else []
        if len(found) != 1:
            continue
        m = found[0]
        # a time stamp to the minute ("kl: 12:16") is when the item was posted; events start on round times
        stamped = m.start_time is not None and m.start_time[1] % 5 != 0 and m.end_time is None
        if not m.year or (m.weekday is not None and not stamped) or (m.start_time is not None and not stamped) or \
                m.end_day is not None or not (stamped or _BARE_DATE_REST.match(t[:m.span[0]] + t[m.span[1]:])):
            continue
        day = _day(m.year, m.month, m.day)
        if not day:
            return None
        # the item announces its event in its lead, just below (a date far down is background); a time stamp to the
        # minute says "posted" wherever the event's date comes
        lead = texts[i + 1:] if stamped else texts[i + 1:i + 5]
        if not any(_after(day, d) for x in lead if _DIGIT.search(x) for d in find_dates(x)):
            return None
        # a listing whose items start with their own date lines is not a news item
        if any(_bare(x, d) for x in texts[i + 1:] if _DIGIT.search(x) and not PUBLISHED.match(x)
               for d in find_dates(x)):
            return None
        return i
    return None


def _bare(text: str, m) -> bool:
    """A line that is a date and little else (an item's date line)."""
    rest = text[:m.span[0]] + text[m.span[1]:]
    return len(re.findall(r"[A-Za-zÆØÅæøå]{3,}", re.sub(r"(?i)\bkl\.?|\bden\b|\d", " ", rest))) <= 2


def _after(day: dt.date, m) -> bool:
    """Is the mention a day after `day` (within a year, its year or the next when not written)?"""
    for y in ([m.year] if m.year else [day.year, day.year + 1]):
        other = _day(y, m.month, m.day)
        if other and day < other <= day + dt.timedelta(days=366):
            return True
    return False


def page_reference(texts: Iterable[str], url: str | None) -> tuple[dt.date, str] | None:
    """When the page was written, and what says so; None when the page does not tell."""
    texts = list(texts)
    for t in texts:
        day = published_date(t)
        if day:
            return day, "the page's publication date"
    k = dateline(texts)
    if k is not None:
        m = find_dates(texts[k])[0]
        return _day(m.year, m.month, m.day), "the news item's dateline"
    path = urlparse(url).path if url else ""
    m = _URL_DAY.search(path)
    if m and _day(*map(int, m.groups())):
        return _day(*map(int, m.groups())), "the date in the URL"
    m = _URL_MONTH.search(path)
    if m and _day(int(m.group(1)), int(m.group(2))):
        return _day(int(m.group(1)), int(m.group(2))), "the month in the URL"
    m = _URL_YEAR.search(path)
    if m:
        return dt.date(int(m.group(1)), 7, 1), "the year in the URL"
    years = [int(m.group(1)) for t in texts for m in _COPYRIGHT.finditer(t)]
    if years:
        # a copyright year is the year the page was rendered: its events lie in that year or just after
        return dt.date(max(years), 7, 1), "the copyright year"
    return None


def reference_date(texts: Iterable[str], url: str | None, today: dt.date) -> tuple[dt.date, str | None]:
    """The date that places a date written without a year: the page's own time when it is older than `today`
    (a stored or old page), else `today`. A year-only clue in the current year says nothing `today` does not."""
    found = page_reference(texts, url)
    if found is None:
        return today, None
    day, how = found
    if how in ("the year in the URL", "the copyright year"):
        if day.year >= today.year:
            return today, None
    elif day > today:
        return today, None
    return day, how
