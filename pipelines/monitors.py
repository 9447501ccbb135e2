"""Monitors of one spider's run, checked before the run is committed (the idea of Spidermon's monitor suites, over
the run's staged rows and the committed `runs` and `events` tables).

Why not Spidermon itself: its suites run on `spider_closed` beside this pipeline's commit, in no set order, and see
only Scrapy's stats. The decision that matters here has to be taken before the commit and needs the rows: when a
site has changed shape (a redesign, a blank page), the run must not mark that site's events as removed, and the
events read from the new shape (junk titles, no dates) must not replace the good ones.

Each monitor says pass or fail with its figure and its threshold. The "shape" monitors (events against the recent
runs, dates/venues/speakers read, events that would be removed) make the run hold back its events: the pages are
recorded, the events, sessions and appearances it read are moved to datasets/quarantine/<run_id>/ for a person to
look at, and nothing of the site is marked removed. Thresholds are settings (MONITOR_*), per spider through a
spider's custom_settings.
"""
from __future__ import annotations

import dataclasses
import statistics
from pathlib import Path

import duckdb

# setting -> default; the crawl's argument checks know their types from these
DEFAULTS: dict[str, float | int | bool] = {
    "MONITOR_MIN_PAGES": 1,                     # pages fetched and read
    "MONITOR_HISTORY_RUNS": 5,                  # how many earlier good runs of the spider make the median
    "MONITOR_MIN_EVENTS_SHARE": 0.5,            # events read, as a share of the median of those runs
    "MONITOR_MIN_DATE_SHARE": 0.7,              # share of events with a start date
    "MONITOR_MIN_VENUE_SHARE": 0.5,             # ... with a venue (or online)
    "MONITOR_MIN_SPEAKER_SHARE": 0.5,           # ... with at least one speaker
    "MONITOR_MAX_UNREADABLE_SHARE": 0.25,       # pages not fetched or not read, for a reason other than HTTP
    "MONITOR_MAX_HTTP_ERROR_SHARE": 0.25,       # pages answered with HTTP >= 400
    "MONITOR_MAX_REMOVED_SHARE": 0.5,           # events of re-crawled pages that would turn cancelled_or_removed
    "MONITOR_HOLD_BACK": True,                  # a failed shape monitor holds the run's events back
}


@dataclasses.dataclass
class RunFacts:
    """What the monitors look at, for one spider's run."""
    spider: str
    source: str
    pages_read: int = 0            # fetched and read
    pages_unreadable: int = 0      # not fetched (timeout, DNS, too big, robots.txt) or not readable
    http_errors: int = 0           # answered HTTP >= 400
    events_read: int = 0           # events read, summed over pages (as runs.items)
    events: int = 0                # distinct events staged
    with_date: int = 0
    with_venue: int = 0
    with_speaker: int = 0
    history: list[int] = dataclasses.field(default_factory=list)  # runs.items of the earlier good runs
    on_seen_pages: int = 0         # committed events of pages this run read again
    would_be_removed: int = 0      # ... that the run no longer finds

    @property
    def pages(self) -> int:
        return self.pages_read + self.pages_unreadable + self.http_errors


@dataclasses.dataclass
class MonitorResult:
    name: str
    passed: bool
    detail: str
    shape: bool = False    # a failure means the site changed shape: its events are held back

    def line(self) -> str:
        return f"{self.name}: {'ok' if self.passed else 'FAILED'} ({self.detail})"


def _share(n: int, of: int) -> float:
    return n / of if of else 0.0


def check(facts: RunFacts, settings: dict | None = None) -> list[MonitorResult]:
    """Every monitor on one run; `settings` overrides DEFAULTS."""
    s = {**DEFAULTS, **(settings or {})}
    out = []
    min_pages = int(s["MONITOR_MIN_PAGES"])
    out.append(MonitorResult("pages fetched", facts.pages_read >= min_pages,
                             f"{facts.pages_read} read, at least {min_pages} wanted"))

    share = float(s["MONITOR_MIN_EVENTS_SHARE"])
    if facts.pages_read == 0:  # said by the pages monitor: the site was not reached, its shape is unknown
        out.append(MonitorResult("events", True, "no pages read", shape=True))
    elif facts.history:
        median = statistics.median(facts.history)
        ok = facts.events_read >= share * median and not (median > 0 and facts.events_read == 0)
        out.append(MonitorResult("events", ok, f"{facts.events_read} read, median of the last {len(facts.history)} "
                                               f"runs {median:g}, at least {share:.0%} of it wanted", shape=True))
    else:
        # a first run has nothing to compare with; a site that gives pages but no event at all is still wrong
        ok = facts.events_read > 0
        out.append(MonitorResult("events", ok, f"{facts.events_read} read, no earlier run to compare with",
                                 shape=True))

    for name, have, key in (("events with a date", facts.with_date, "MONITOR_MIN_DATE_SHARE"),
                            ("events with a venue", facts.with_venue, "MONITOR_MIN_VENUE_SHARE"),
                            ("events with a speaker", facts.with_speaker, "MONITOR_MIN_SPEAKER_SHARE")):
        least = float(s[key])
        if facts.events == 0:
            out.append(MonitorResult(name, True, "no events to measure", shape=True))
            continue
        got = _share(have, facts.events)
        out.append(MonitorResult(name, got >= least, f"{have} of {facts.events} = {got:.0%}, at least "
                                                     f"{least:.0%} wanted", shape=True))

    most = float(s["MONITOR_MAX_UNREADABLE_SHARE"])
    got = _share(facts.pages_unreadable, facts.pages)
    out.append(MonitorResult("pages not read", got <= most, f"{facts.pages_unreadable} of {facts.pages} = {got:.0%}, "
                                                            f"at most {most:.0%} allowed"))
    most = float(s["MONITOR_MAX_HTTP_ERROR_SHARE"])
    got = _share(facts.http_errors, facts.pages)
    out.append(MonitorResult("HTTP errors", got <= most, f"{facts.http_errors} of {facts.pages} = {got:.0%}, "
                                                         f"at most {most:.0%} allowed"))
    most = float(s["MONITOR_MAX_REMOVED_SHARE"])
    got = _share(facts.would_be_removed, facts.on_seen_pages)
    out.append(MonitorResult("events removed", got <= most,
                             f"{facts.would_be_removed} of {facts.on_seen_pages} events on the pages read again "
                             f"= {got:.0%}, at most {most:.0%} allowed", shape=True))
    return out


def holds_back(results: list[MonitorResult], settings: dict | None = None) -> bool:
    s = {**DEFAULTS, **(settings or {})}
    return bool(s["MONITOR_HOLD_BACK"]) and any(r.shape and not r.passed for r in results)


def gather(facts: RunFacts, root: Path, staging: Path, current: Path | None, seen_pages: list[str],
           history_runs: int) -> RunFacts:
    """Fills in what the staged rows and the committed tables say. `current` is the committed version or None."""
    con = duckdb.connect()
    staged_events = staging / "events"
    if staged_events.exists() and any(staged_events.glob("*.parquet")):
        apps = staging / "appearances"
        speakers = (f"event_id IN (SELECT event_id FROM read_parquet('{apps}/*.parquet'))"
                    if apps.exists() and any(apps.glob("*.parquet")) else "false")
        con.execute(f"""CREATE TABLE staged AS SELECT event_id, any_value(source_url) AS source_url,
                          any_value(title) AS title, bool_or("start" IS NOT NULL) AS dated,
                          bool_or(venue_raw IS NOT NULL OR coalesce(online, false)) AS placed,
                          bool_or({speakers}) AS spoken
                        FROM read_parquet('{staged_events}/*.parquet') GROUP BY event_id""")
        facts.events, facts.with_date, facts.with_venue, facts.with_speaker = con.execute(
            "SELECT count(*), count(*) FILTER (dated), count(*) FILTER (placed), count(*) FILTER (spoken) "
            "FROM staged").fetchone()
    else:
        con.execute("CREATE TABLE staged (event_id VARCHAR, source_url VARCHAR, title VARCHAR)")
    if current is None:
        return facts

    runs = current / "runs"
    if runs.exists():
        src = f"read_parquet('{runs}/**/*.parquet', union_by_name=true)"
        have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
        # only good runs make the median: a run that failed a monitor (an outage, a broken site) would pull it
        # down, and a few of them would let anything pass
        good = "AND coalesce(len(monitors_failed), 0) = 0" if "monitors_failed" in have else ""
        facts.history = [n for (n,) in con.execute(
            f"""SELECT items FROM {src} WHERE kind = 'crawl' AND spider = ? AND finish_reason = 'finished'
                AND items IS NOT NULL {good} ORDER BY finished DESC LIMIT ?""",
            [facts.spider, history_runs]).fetchall()]

    events = current / "events"
    if events.exists() and seen_pages:
        con.execute("CREATE TABLE seen AS SELECT unnest(?::VARCHAR[]) AS url", [list(seen_pages)])
        # as the store decides it: an event of a page read again that the run no longer finds, unless the same
        # page still has the same title (a moved event)
        facts.on_seen_pages, facts.would_be_removed = con.execute(
            f"""SELECT count(*), count(*) FILTER (o.event_id NOT IN (SELECT event_id FROM staged)
                     AND NOT EXISTS (SELECT 1 FROM staged s WHERE s.source_url = o.source_url AND s.title = o.title))
                FROM read_parquet('{events}/**/*.parquet', hive_partitioning=true, union_by_name=true) o
                WHERE o.source = ? AND o.status <> 'cancelled_or_removed'
                  AND o.source_url IN (SELECT url FROM seen)""", [facts.source]).fetchone()
    return facts


HELD_TABLES = ("events", "sessions", "appearances")


def hold_back(root: Path, staging: Path, run_id: str) -> Path:
    """Moves the run's staged events, sessions and appearances out of the commit, to datasets/quarantine/<run_id>/,
    where they can be read (as Parquet) to see what the site looks like now."""
    import shutil

    target = root / "quarantine" / run_id
    for table in HELD_TABLES:
        if (staging / table).exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.move(str(staging / table), str(target / table))
    return target
