"""Segmentation: classified lines → the items of a page.

A listing (an Altinget or Samu programme, "alle arrangementer") becomes one item per event, whatever the
order of title/speaker/description/date lines: Altinget puts the date last, Samu second, Altinget's 2021
design first. A single event page (one date, maybe a day programme) is one item.

The order is found from the page itself: where the dates are lines of their own and the line before each is
not a title, items start at their date; otherwise they start at their title.
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import DateMention
from .lines import BADGE, LineInfo, is_time_only, type_label
from .titles import SERIES_HEADING, inline_title, row_title


def pure_date_line(inf: LineInfo) -> bool:
    """A line that holds a date (and time, weekday) and little else."""
    if inf.anchor is None:
        return False
    t = inf.text
    if " · " in t or " | " in t:  # "Torsdag 12. juni kl. 14.00-14.45 · Telt C2": the place is a part of its own
        t = next((part for part in re.split(r" [·|] ", t) if inf.anchor.text.strip() in part), t)
    for d in inf.dates:
        t = t.replace(d.text, " ")
    for tm in inf.times:
        t = t.replace(tm.text, " ")
    rest = [w for w in re.split(r"[\s,.\-–:|]+", t) if w and not re.match(r"(?i)^(?:kl|den|d|fra|til|og)$", w)]
    return len(rest) <= 2


def same_day(a: DateMention, b: DateMention) -> bool:
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
    # the last run of consecutive candidates (title + subtitle), its first line; a type label inside the run
    # starts the item ("Vis: Alle Dialogmøder" / "DIALOGMØDE" / title)
    j = len(cands) - 1
    while j > 0 and cands[j - 1] == cands[j] - 1:
        j -= 1
    if j < len(cands) - 1 and SERIES_HEADING.search(infos[cands[j]].text.lower()):
        j += 1  # "Det nære sundhedsvæsen - København - mødeprogram" / the meeting's title: the meeting's
    labels = [c for c in cands[j:] if type_label(infos[c])]
    return labels[-1] if labels and labels[-1] != cands[-1] else cands[j]


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
        year = next((infos[g[0]].anchor.year for g in groups if infos[g[0]].anchor.year), 2000)
        days = sorted(_approx_day(infos[g[0]].anchor, year) for g in groups)  # a year written once counts for all
        if (days[-1] - days[0]).days <= 4:
            return "event", []  # a multi-day programme: one event
    starts = [g[0] for g in groups]
    pure = sum(pure_date_line(infos[i]) for i in starts)
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
            if row_title(infos[g[0]]):
                t = None  # a table row names its own item
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
            while t is not None and t > 0 and type_label(infos[t - 1]) and (k == 0 or t - 1 > groups[k - 1][-1]):
                t -= 1
            titles[k] = t
        title_lines = [_first_title(infos, t) for t in titles]
        for k, g in enumerate(groups):
            start = titles[k] if titles[k] is not None else (groups[k - 1][-1] + 1 if k else g[0])
            nxt = [titles[j] if titles[j] is not None else groups[j][0] for j in range(k + 1, len(groups))]
            end = nxt[0] if nxt else len(infos)
            items.append((title_lines[k], g, max(start, prev_end), end))
            prev_end = end
    titled = sum(1 for t, g, *_ in items if t is not None or inline_title(infos[g[0]]) or row_title(infos[g[0]]))
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
    while j < len(infos) and (is_time_only(infos[j].text) or type_label(infos[j])):
        j += 1
    return j < len(infos) and infos[j].title


def _first_title(infos: list[LineInfo], i: int | None) -> int | None:
    """The title line at or after a type label (and the badges after it: "DIALOGMØDE" / "AFLYST" / title)."""
    while i is not None and i < len(infos) and (type_label(infos[i]) or BADGE.match(infos[i].text)):
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
            # a line that names its own item ("Fredag den 16. juni, kl. 16.30 ... (B1): <title>") starts one
            own = b is not None and b.start_time is not None and _title_after(infos[i]) and \
                _title_after(infos[i]) != _title_after(infos[last])
            moved = _MOVED_TO.search(infos[i].text[: b.span[0]]) if b is not None else None
            if not between and (moved or (not own and (a is None or b is None or same_day(a, b)))):
                # ("Udsat til torsdag den 13. marts" under an item: its new date, the same item)
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


_MOVED_TO = re.compile(r"(?i)\b(?:udsat|udskudt|flyttet|rykket)\b(?:\s+fra\s+.{0,60}?)?\s+til\s+\S*\s*$")


def _title_after(inf: LineInfo) -> str | None:
    found = inline_title(inf) if inf.anchor else None
    return found[0] if found else None


def _approx_day(m: DateMention, year: int = 2000) -> dt.date:
    try:
        return dt.date(m.year or year, m.month, m.day)
    except ValueError:
        return dt.date(2000, 1, 1)
