"""Danish dates and times as event pages write them.

One job: find the date and time mentions in a line of text and turn them into calendar values in
Europe/Copenhagen. A hand-written grammar (compiled regexes) does the work because it runs on every line of
every page; dateparser is too slow for that and misreads Danish words such as "man" and "i år" as dates.

    >>> m = find_dates("tirsdag 27. august 2019 kl. 09:30 - 12:30")[0]
    >>> (m.year, m.month, m.day, m.weekday, m.start_time, m.end_time)
    (2019, 8, 27, 1, (9, 30), (12, 30))
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
            "man": 0, "tirs": 1, "tir": 1, "ons": 2, "tors": 3, "tor": 3, "fre": 4, "lør": 5, "søn": 6}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_FULL = r"mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
_WEEKDAY = (r"(?:(?P<weekday>" + _WEEKDAY_FULL + r"|man|tirs?|ons|tors?|fre|lør|søn)\.?(?:en)?,?\s+"
            r"(?:(?:den|d\.)\s+)?)?")
_DASH = r"\s*(?:-|–|—|til)\s*"
WEEKDAY_WORD = re.compile(r"(?i)\b(?:" + _WEEKDAY_FULL + r")\b")
_YEAR = r"(?P<year>(?:19|20)\d{2})"

# "tirsdag den 27. august 2019", "15.-17. november 2023", "5. og 6. maj", "1. maj - 3. juni 2024", "27 aug. 2019"
TEXT_DATE = re.compile(
    r"(?<![\w.])" + _WEEKDAY +
    r"(?P<day>[0-3]?\d)\.?"
    r"(?:(?:" + _DASH + r"|\s+og\s+)(?:(?:" + _WEEKDAY_FULL + r")\s+(?:(?:den|d\.)\s+)?)?(?P<day2>[0-3]?\d)\.?)?"
    r"\s*" + _MONTH +
    r"(?:" + _DASH + r"(?:(?:" + _WEEKDAY_FULL + r")\s+(?:(?:den|d\.)\s+)?)?(?P<day3>[0-3]?\d)\.?\s*(?P<month3>"
    + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?)?"
    r"(?:,?\s*(?:i\s+)?" + _YEAR + r")?(?![\w])",
    re.IGNORECASE,
)
# "18.03.2026", "3/12-2024", "26/5-2021", "12-03-26", "d. 3/12"; a bare "3/12" needs a weekday or "d." before it
NUM_DATE = re.compile(
    r"(?<![\w./-])" + _WEEKDAY +
    r"(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<month>[01]?\d)"
    r"(?:[./-](?P<year>(?:19|20)?\d{2})|(?<=\d)\s(?P<year4>(?:19|20)\d{2}))?(?![\w/]|[.:]\d)",
    re.IGNORECASE,
)
_ONLY_TIME = re.compile(r"(?i)\s*(?:[·|,–-]\s*)?(?:(?:kl\.?\s*)?[0-2]?\d(?:[.:][0-5]\d)?"
                        r"(?:\s*[-–]\s*[0-2]?\d(?:[.:][0-5]\d)?)?)?\s*$")
ISO_DATE = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")

_HM = r"(?P<{0}h>[0-2]?\d)(?:[.:](?P<{0}m>[0-5]\d))?"
TIME_RANGE = re.compile(
    r"(?<![\w.:/])(?:(?:kl|klokken)\.?\s*|fra\s+(?:kl\.?\s*)?)?" + _HM.format("a") +
    r"\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?(?:ca\.?\s*)?" + _HM.format("b") + r"(?![\w/]|[.:]\d)",
    re.IGNORECASE,
)
TIME_SINGLE = re.compile(
    r"(?<![\w.:/])(?:(?:kl|klokken)\.?\s*" + _HM.format("a") + r"|" + r"(?P<bh>[0-2]?\d)[.:](?P<bm>[0-5]\d))"
    r"(?![\w/]|[.:]\d)",
    re.IGNORECASE,
)


@dataclass
class DateMention:
    """One date (or day range) written in a line, with the times written next to it."""
    span: tuple[int, int]
    day: int
    month: int
    year: int | None
    weekday: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    start_time: tuple[int, int] | None = None
    end_time: tuple[int, int] | None = None
    text: str = ""


@dataclass
class TimeRange:
    span: tuple[int, int]
    start: tuple[int, int]
    end: tuple[int, int] | None
    text: str = ""


def _valid(day: int, month: int, year: int | None = None) -> bool:
    try:
        dt.date(year or 2024, month, day)  # 2024 is a leap year: 29 February stays possible
        return True
    except ValueError:
        return False


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return y + 2000 if y < 100 else y


def _weekday(raw: str | None) -> int | None:
    return WEEKDAYS.get(raw.lower().rstrip(".")) if raw else None


def find_times(text: str) -> list[TimeRange]:
    """Time ranges (`09.15 -12.00`, `kl. 14:00 – 16:00`) and single times (`kl. 9`, `19.30`)."""
    found: list[TimeRange] = []
    taken: list[tuple[int, int]] = []
    for m in TIME_RANGE.finditer(text):
        a = (int(m["ah"]), int(m["am"] or 0))
        b = (int(m["bh"]), int(m["bm"] or 0))
        bare = m["am"] is None and m["bm"] is None
        if a[0] > 24 or b[0] > 24:
            continue
        if bare and not re.match(r"(?i)\s*(kl|klokken|fra)", m.group(0)) and \
                not re.search(r"(?i)\b(?:tid|tidspunkt|hvornår)\s*:?\s*$", text[:m.start()]):
            continue  # "15-17" alone is a day range or a count, not a time; "Tid: 9-12" is a time
        found.append(TimeRange(m.span(), a, b, m.group(0)))
        taken.append(m.span())
    for m in TIME_SINGLE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        h, mi = (m["ah"], m["am"]) if m["ah"] is not None else (m["bh"], m["bm"])
        if int(h) > 24:
            continue
        found.append(TimeRange(m.span(), (int(h), int(mi or 0)), None, m.group(0)))
    found.sort(key=lambda t: t.span)
    return found


def find_dates(text: str) -> list[DateMention]:
    """Every date written in `text`, in order, each with the time range that follows it (if any)."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(span):
        return not any(s < span[1] and span[0] < e for s, e in taken)

    for m in ISO_DATE.finditer(text):
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if _valid(d, mo, y):
            mentions.append(DateMention(m.span(), d, mo, y, text=m.group(0)))
            taken.append(m.span())
    for m in TEXT_DATE.finditer(text):
        d, mo = int(m["day"]), MONTHS[m["month"].lower()]
        if not _valid(d, mo) or not free(m.span()):
            continue
        # "maj" alone after a number is a month; "mar" is short for marts only with a dot or a year after
        if m["month"].lower() in ("mar", "jun", "jul", "sep", "nov", "dec", "okt", "feb", "jan", "apr", "aug") \
                and not (m.group(0).rstrip().endswith(".") or m["year"] or m.group(0)[m.end("month") - m.start():][:1] in (".",)):
            if not re.match(r"\s*(?:\d|kl|,|$|\)|-|–)", text[m.end():]):
                continue
        span, weekday = m.span(), _weekday(m["weekday"])
        between = text[m.end("day"):m.start("day2")] if m["day2"] else ""
        wd = WEEKDAY_WORD.search(between)
        if wd and m["weekday"] is None and not between.startswith("."):
            # "Dag 1 – torsdag den 13. november": a day number, then the date; not the range 1-13
            d, span, weekday = int(m["day2"]), (m.end("day") + wd.start(), m.end()), WEEKDAYS[wd.group(0).lower()]
            men = DateMention(span, d, mo, _year(m["year"]), weekday, text=text[span[0]:span[1]])
            mentions.append(men)
            taken.append(span)
            continue
        men = DateMention(span, d, mo, _year(m["year"]), weekday, text=m.group(0))
        if m["day2"] and _valid(int(m["day2"]), mo) and int(m["day2"]) > d:
            men.end_day, men.end_month = int(m["day2"]), mo
        if m["day3"] and _valid(int(m["day3"]), MONTHS[m["month3"].lower()]):
            # "1. maj - 3. juni": the first month belongs to the first day
            men.end_day, men.end_month = int(m["day3"]), MONTHS[m["month3"].lower()]
        mentions.append(men)
        taken.append(m.span())
    for m in NUM_DATE.finditer(text):
        if not free(m.span()):
            continue
        d, mo, y = int(m["day"]), int(m["month"]), _year(m["year"] or m["year4"])
        if m["year4"] and m["sep"] != "/":
            continue  # "14/11 2024" reads as a date; "12.30 2024" does not
        if m["sep"] == "-" and (not m["year"] or len(m["year"]) != 4):
            continue  # "12-03" is a range of numbers; "12-03-2026" is a date
        if not _valid(d, mo, y) or mo == 0:
            continue
        # a bare "12.30" is a time and "3/4" a fraction: without a year we need a weekday or "d./den" before
        if y is None and not (m["weekday"] or re.search(r"(?i)\b(?:den|d\.)\s*$", text[:m.start()]) or (
                m["sep"] == "/" and not text[:m.start()].strip() and _ONLY_TIME.match(text[m.end():]))):
            continue  # ("3/6 · kl. 10-11.30" on a line of its own, as a listing card gives it, is a date)
        if y is None and "." in m.group(0)[-6:] and not m["weekday"]:
            continue
        mentions.append(DateMention(m.span(), d, mo, y, _weekday(m["weekday"]), text=m.group(0)))
        taken.append(m.span())
    mentions.sort(key=lambda x: x.span)
    # "30. december 2024 - 2. januar 2025": two dates joined by a dash are one range
    # "onsdag 1. oktober kl. 10.00 til torsdag 2. oktober kl. 13.00": one range from the first time to the last
    merged: list[DateMention] = []
    first_times: dict[int, tuple[int, int]] = {}
    for men in mentions:
        prev = merged[-1] if merged else None
        between = text[prev.span[1]:men.span[0]] if prev else ""
        m = re.fullmatch(r"(?i)\s*(?:,?\s*kl\.?\s*(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)\s*)?(?:-|–|—|til)\s*", between)
        if prev and prev.end_day is None and m:
            prev.end_day, prev.end_month = men.day, men.month
            prev.span = (prev.span[0], men.span[1])
            prev.text = text[prev.span[0]:prev.span[1]]
            if prev.year is None:
                prev.year = men.year if men.month >= prev.month or men.year is None else men.year - 1
            if m["h"]:
                first_times[id(prev)] = (int(m["h"]), int(m["m"]))
            continue
        merged.append(men)
    mentions = merged
    # "3. februar, 10. marts og 14. april 2025": the year written once belongs to the whole list
    for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
        if a.year is None and b.year is not None and re.fullmatch(r"\s*(?:,|og|&|samt)\s*(?:og\s+)?",
                                                                    text[a.span[1]:b.span[0]]):
            a.year = b.year if a.month <= b.month else b.year - 1
    _attach_times(text, mentions, taken)
    for men in mentions:
        if id(men) in first_times:
            men.start_time, men.end_time = first_times[id(men)], men.start_time
    return mentions


def _attach_times(text: str, mentions: list[DateMention], taken: list[tuple[int, int]]) -> None:
    """Give each date the time written after it (before the next date), or before it on a date-less stretch."""
    if not mentions:
        return
    times = [t for t in find_times(text) if not any(s <= t.span[0] < e for s, e in taken)]
    for i, men in enumerate(mentions):
        limit = mentions[i + 1].span[0] if i + 1 < len(mentions) else len(text)
        after = [t for t in times if men.span[1] <= t.span[0] < limit]
        if after:
            t = after[0]
        else:
            prev = mentions[i - 1].span[1] if i else 0
            before = [t for t in times if prev <= t.span[0] < men.span[0]]
            if not before:
                continue
            t = before[-1]
        men.start_time, men.end_time = t.start, t.end


def resolve_year(day: int, month: int, weekday: int | None, known_years: list[int],
                 today: dt.date) -> tuple[int, str]:
    """The year for a date written without one, and how it was chosen.

    A written weekday decides first (27 August was a Tuesday in 2019), choosing the matching year nearest to
    the page's other years (else to today); then the years written elsewhere on the page; then the reference
    date, taking the occurrence from two months back to ten months ahead.
    """
    anchor = round(sum(known_years) / len(known_years)) if known_years else today.year
    if weekday is not None:
        for delta in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            y = anchor + delta
            if _valid(day, month, y) and dt.date(y, month, day).weekday() == weekday:
                return y, "weekday"
    if known_years:
        return max(set(known_years), key=known_years.count), "page"
    for y in (today.year, today.year + 1, today.year - 1):
        if _valid(day, month, y) and -61 <= (dt.date(y, month, day) - today).days <= 305:
            return y, "today"
    return today.year, "today"


def local_datetime(day: dt.date, time: tuple[int, int] | None) -> dt.datetime | dt.date:
    """A wall-clock time on a day in Copenhagen, with the right summer/winter offset; a date when no time."""
    if time is None:
        return day
    h, m = time
    if h == 24:
        return dt.datetime(day.year, day.month, day.day, tzinfo=COPENHAGEN) + dt.timedelta(days=1)
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=COPENHAGEN)


@dataclass
class EventTime:
    """When an event takes place, resolved to calendar values."""
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    year_inferred: bool = False
    weekday_conflict: str | None = None
    evidence: str | None = None
    notes: list[str] = field(default_factory=list)


def resolve(men: DateMention, known_years: list[int], today: dt.date,
            fallback_time: TimeRange | None = None) -> EventTime:
    """Turn a mention into start/end datetimes in Europe/Copenhagen."""
    out = EventTime(evidence=men.text)
    year = men.year
    if year is None:
        year, how = resolve_year(men.day, men.month, men.weekday, known_years, today)
        out.year_inferred = True
        out.notes.append(f"year {year} inferred from {how}")
    if not _valid(men.day, men.month, year):
        return out
    day = dt.date(year, men.month, men.day)
    if men.weekday is not None and day.weekday() != men.weekday and not out.year_inferred:
        names = [k for k, v in WEEKDAYS.items() if v == men.weekday and len(k) > 4]
        out.weekday_conflict = f"{men.text!r}: {day.isoformat()} is not a {names[0] if names else men.weekday}"
    st, en = men.start_time, men.end_time
    if st is None and fallback_time is not None:
        st, en = fallback_time.start, fallback_time.end
    end_day = day
    if men.end_day:
        end_month = men.end_month or men.month
        end_year = year + (1 if end_month < men.month else 0)
        if _valid(men.end_day, end_month, end_year):
            end_day = dt.date(end_year, end_month, men.end_day)
    out.start = local_datetime(day, st)
    if en is not None:
        if end_day == day and st is not None and en < st:
            end_day = day + dt.timedelta(days=1)  # "22.00-02.00" runs past midnight
        out.end = local_datetime(end_day, en)
    elif end_day != day:
        out.end = end_day
    return out


def iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def parse_danish_date(text: str, today: dt.date | None = None) -> EventTime | None:
    """The first date in `text` as an EventTime; None when there is no date. A one-call convenience."""
    found = find_dates(text)
    if not found:
        return None
    times = find_times(text)
    return resolve(found[0], [], today or dt.date.today(), times[0] if times else None)
