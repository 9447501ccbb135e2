"""A read page → table rows (events, sessions, appearances, pages), with stable ids."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from extract import EXTRACTOR_VERSION, Page
from extract.model import Event

from .schema import PAGE, PAGE_EVENTS



@dataclass
class Fetch:
    """Provenance of one fetched page."""
    url: str
    source: str
    fetched_at: dt.datetime
    http_status: int
    content_hash: str
    run_id: str
    warc_file: str | None = None


def digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """http/https, www., trailing slash and fragments do not make a different page."""
    s = urlsplit(url)
    host = (s.hostname or "").removeprefix("www.")
    path = s.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, s.query, ""))


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", s).split())


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)  # the same speakers appear on page after page
def name_key(name: str) -> str:
    """`Årup` and `Aarup` are one spelling; accents and case do not count."""
    s = name.casefold().replace("aa", "å")
    return norm_text(s.replace("å", "aa"))


def _ts(value) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    from extract.dates import local_datetime
    return local_datetime(value, (0, 0))  # a date: local midnight (all_day says so)


def title_key(title: str) -> str:
    """The title as an identity: notes in parentheses and status prefixes do not make another event
    (`AFLYST: X (virtuelt møde)` on a listing is `X` on its own page, and `AFLYST X` is X cancelled)."""
    t = re.sub(r"\([^)]*\)", " ", title)
    t = re.sub(r"(?i)^\s*(?:aflyst|udsat|udskudt|flyttet|nyt tidspunkt)\b\s*[:!-]?\s*", "", t)
    return norm_text(t)


def event_ids(page: Page, titles: list[str] | None = None) -> list[str]:
    """An event with a date is one event wherever it is listed (the network page, the mixed listing and its
    own page): source + title + day. Without a date, the page it is on tells it apart. (Titles that differ
    between pages, 'X' and 'X - Aarhus', are joined at the commit: pipelines/matching.py.)"""
    base = canonical_url(page.url or "")
    keys = [title_key(t) for t in (titles or [e.title for e in page.events])]
    out = []
    for e, k in zip(page.events, keys):
        if e.start is not None:
            day = (e.start.date() if isinstance(e.start, dt.datetime) else e.start).isoformat()
            out.append(digest(page.source, k, day))
        else:
            out.append(digest(page.source, base, k, str(keys[: len(out)].count(k))))
    return out


# Words that make a text the name of a network or series ('Socialpolitisk netværk', 'Webinarrække: ...').
SERIES_WORDS = re.compile(r"(?i)netv(?:æ|ae)rk\b|r(?:æ|ae)kke\b|\bserie\b|\bnetwork\b")
NETWORK = re.compile(r"(?i)netv(?:æ|ae)rk\b")
GENERIC = {"netværk", "netvaerk", "møderække", "moederaekke", "arrangementer", "arrangementsrække"}
_DASH = re.compile(r"\s[-–—]\s")


def page_series(body: bytes | str | None) -> str | None:
    """The network or series a page as a whole belongs to, as its <title> or a heading names it
    ('Møderække - Beskæftigelsespolitisk netværk | Samuelsen', '<h1>Socialpolitisk netværk</h1>'): a network page
    names its network once, above the meetings, not on each. The <title> first (a sidebar teaser can carry an
    <h1> of another network), then a heading naming a '...politisk netværk'."""
    if not body:
        return None
    if isinstance(body, bytes):
        from extract.text import decode_html
        body = decode_html(body)
    head = body[:200_000]
    m = re.search(r"(?is)<title[^>]*>(.*?)</title>", head)
    if m:
        parts = [p.strip() for p in re.split(r"\s[|–—-]\s", _plain(m.group(1)))
                 if SERIES_WORDS.search(p) and len(p) <= 80 and p.strip().casefold() not in GENERIC]
        # 'Møderække - Beskæftigelsespolitisk netværk': the network is the name, not the word for its meetings
        parts.sort(key=lambda p: not NETWORK.search(p))
        if parts:
            return parts[0]
    for h in re.findall(r"(?is)<h[12][^>]*>(.*?)</h[12]>", head):
        text = _plain(h)
        if re.search(r"(?i)\w+politisk\s+netv(?:æ|ae)rk", text) and len(text) <= 80:
            return re.split(r"\s[-–—]\s", text)[0].strip()
    return None


def _plain(html: str) -> str:
    import html as html_lib
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def title_and_series(ev: Event, series_of_page: str | None) -> tuple[str, str | None]:
    """The event's title and series as the page writes them. A series that names no network or series was cut
    off the title at the wrong dash ('Frivillige og integration – civilsamfundets rolle - Integrationspolitisk
    netværk' is the title up to the last dash): the title line (evidence) is split again at the dash before the
    network's name. An event whose own line names no series takes its page's."""
    title, series = ev.title, ev.series
    if series and not SERIES_WORDS.search(series):
        line = ev.evidence.get("title") or ""
        cuts = [m for m in _DASH.finditer(line) if SERIES_WORDS.search(line[m.end():])]
        if cuts and line.startswith(title):
            title, series = line[:cuts[-1].start()].strip(), line[cuts[-1].end():].strip()
        else:
            title, series = f"{title} – {series}", None
    if not series and series_of_page and title_key(series_of_page) != title_key(title):
        series = series_of_page  # (an event's own page whose <title> is the event's title names no series)
    return title, series


def page_rows(page: Page, fetch: Fetch, error: str | None = None, body: bytes | str | None = None
              ) -> dict[str, list[dict]]:
    """All rows one page gives. `body` (the page as fetched) tells the network or series the page is about."""
    now = fetch.fetched_at
    rows: dict[str, list[dict]] = {"events": [], "sessions": [], "appearances": [], "pages": []}
    rows["pages"].append({"url": fetch.url, "source": fetch.source, "fetched_at": now,
                          "http_status": fetch.http_status, "content_hash": fetch.content_hash,
                          "extractor_version": EXTRACTOR_VERSION, "events": len(page.events) if page else 0,
                          "error": error, "warc_file": fetch.warc_file, "run_id": fetch.run_id})
    if page is None:
        return rows
    series_of_page = page_series(body)
    titled = [title_and_series(ev, series_of_page) for ev in page.events]
    for eid, ev, (title, series) in zip(event_ids(page, [t for t, _ in titled]), page.events, titled):
        rows["events"].append({**event_row(eid, ev, page, fetch), "title": title, "series": series})
        session_ids = {}
        for pos, s in enumerate(ev.sessions):
            sid = digest(eid, str(pos), norm_text(s.title or ""))
            session_ids[id(s)] = sid
            rows["sessions"].append({
                "session_id": sid, "event_id": eid, "source": page.source, "position": pos, "title": s.title,
                "start_time": "%02d:%02d" % s.start if s.start else None,
                "end_time": "%02d:%02d" % s.end if s.end else None, "block": s.block,
                "speakers": [sp.name for sp in s.speakers], "run_id": fetch.run_id})
        # one appearance per person per event: a speaker at three sessions spoke at one event (counting rows
        # counts people at events); the sessions keep who speaks in each, and the appearance its first session
        people: dict[str, dict] = {}
        for s in ev.sessions:
            for sp in s.speakers:
                k = name_key(sp.name)
                if k in people:
                    people[k]["sessions"] += 1
                else:
                    people[k] = appearance_row(eid, session_ids[id(s)], sp, ev, page, fetch)
        for sp in ev.speakers:
            if name_key(sp.name) not in people:
                people[name_key(sp.name)] = appearance_row(eid, None, sp, ev, page, fetch)
        rows["appearances"].extend(people.values())
    for table in ("events", "sessions", "appearances"):
        for r in rows[table]:
            r[PAGE], r[PAGE_EVENTS] = fetch.url, len(page.events)
    return rows


def event_row(eid: str, ev: Event, page: Page, fetch: Fetch) -> dict:
    v = ev.venue
    return {
        "event_id": eid, "source": page.source, "series": ev.series, "title": ev.title,
        "start": _ts(ev.start), "end": _ts(ev.end), "all_day": ev.all_day, "year_inferred": ev.year_inferred,
        "date_confirmed": ev.date_confirmed, "status": ev.status, "status_evidence": ev.evidence.get("status"),
        "venue_raw": v.raw if v else None, "venue_name": v.name if v else None,
        "venue_street": v.street if v else None, "venue_postal_code": v.postal_code if v else None,
        "venue_city": v.city if v else None, "online": ev.online, "organisers": ev.organisers,
        "audience": ev.audience, "price": ev.price, "registration_deadline": ev.registration_deadline,
        "description": ev.description, "source_url": fetch.url, "first_seen": fetch.fetched_at,
        "last_seen": fetch.fetched_at, "run_id": fetch.run_id, "extractor_version": EXTRACTOR_VERSION,
    }


def appearance_row(eid: str, sid: str | None, sp, ev: Event, page: Page, fetch: Fetch) -> dict:
    return {
        "appearance_id": appearance_id(eid, name_key(sp.name)), "event_id": eid, "session_id": sid,
        "sessions": 1 if sid else 0,
        "source": page.source, "name": sp.name, "name_key": name_key(sp.name), "role": sp.role,
        "organisation_as_written": sp.organization, "party": sp.party, "confirmed": sp.confirmed,
        "moderator": sp.moderator, "evidence": sp.evidence, "event_start": _ts(ev.start),
        "first_seen": fetch.fetched_at, "last_seen": fetch.fetched_at, "run_id": fetch.run_id,
    }


def appearance_id(event_id: str, key: str) -> str:
    """One person at one event (the store recomputes it when events on several pages are joined)."""
    return digest(event_id, "", key)  # the id event-level appearances had before: they keep it
