"""The change history says what changed on the sites, and nothing else: real snapshot pages read by the real
extractor, staged by several writers of one run (as the crawl's worker processes do), merged by the real store."""
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from extract import extract_page
from pipelines.rows import Fetch, page_rows
from pipelines.store import DatasetStore

ROOT = Path(__file__).resolve().parent.parent
SNAP = ROOT / "scraper" / "snapshot"
OWN = "https://cfbu.dk/arrangementer/temadag-om-sociale-vicevaerter/"
LISTING = "https://cfbu.dk/arrangementer/"
SAMU = "https://samu.dk/socialpolitisk-netvaerk/moederaekke/"
FILES = {OWN: SNAP / "cfbu.dk/arrangementer/temadag-om-sociale-vicevaerter/index.html",
         LISTING: SNAP / "cfbu.dk/arrangementer/index.html",
         SAMU: SNAP / "samu.dk/socialpolitisk-netvaerk/moederaekke/index.html"}
TODAY = dt.date(2019, 10, 1)


def snapshot(url: str) -> str:
    return FILES[url].read_text(encoding="utf-8")


def crawl(store: DatasetStore, pages: dict[str, str], day: int, writers: int = 2) -> str:
    """One run as the crawl makes it: its process owns the run, workers stage pages in the order given, each
    page its own batch, and the run commits."""
    when = dt.datetime(2019, 10, day, 12, tzinfo=dt.timezone.utc)
    owner = store.writer(kind="crawl", batch_rows=1)
    owner._claim()
    workers = [store.writer(owner.run_id, batch_rows=1, tag=f"w{k}", owner=False) for k in range(writers)]
    for k, (url, html) in enumerate(pages.items()):
        body = html.encode("utf-8")
        page = extract_page(body, url=url, today=TODAY, is_html=True)
        fetch = Fetch(url=url, source=page.source, fetched_at=when, http_status=200,
                      content_hash=hashlib.sha256(body).hexdigest(), run_id=owner.run_id)
        for table, rows in page_rows(page, fetch).items():
            workers[k % writers].add(table, rows)
    for w in workers:
        w.flush()
    owner.commit({"spider": "test", "pages": len(pages), "items": 0, "errors": 0, "finish_reason": "finished"},
                 seen_pages=list(pages))
    return owner.run_id


def q(store: DatasetStore, sql: str) -> list:
    con = duckdb.connect()
    for t in ("events", "appearances", "sessions", "event_changes"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{store.root}/current/{t}/**/*.parquet', "
                    "hive_partitioning=true)")
    return con.execute(sql).fetchall()


def changes(store: DatasetStore, run_id: str) -> list[tuple]:
    return sorted(q(store, f"SELECT change, coalesce(field, '') FROM event_changes WHERE run_id = '{run_id}'"))


def tables(store: DatasetStore) -> dict[str, list]:
    return {"events": q(store, "SELECT * EXCLUDE (run_id, first_seen, last_seen) FROM events ORDER BY event_id"),
            "appearances": q(store, "SELECT * EXCLUDE (run_id, first_seen, last_seen) FROM appearances "
                                    "ORDER BY appearance_id"),
            "sessions": q(store, "SELECT * EXCLUDE (run_id) FROM sessions ORDER BY session_id")}


@pytest.fixture
def store(tmp_path):
    return DatasetStore(tmp_path / "datasets")


def test_an_event_on_a_listing_and_its_own_page_takes_its_own_pages_fields_in_any_order(store, tmp_path):
    other = DatasetStore(tmp_path / "other")
    crawl(store, {OWN: snapshot(OWN), LISTING: snapshot(LISTING)}, day=1)
    crawl(other, {LISTING: snapshot(LISTING), OWN: snapshot(OWN)}, day=1)
    assert tables(store) == tables(other)
    ((venue, start, source_url, speakers),) = q(store, """
        SELECT venue_raw, strftime("start" AT TIME ZONE 'Europe/Copenhagen', '%Y-%m-%d %H:%M'), source_url,
               (SELECT count(*) FROM appearances a WHERE a.event_id = e.event_id)
        FROM events e WHERE title LIKE 'Temadag: Sociale viceværter%'""")
    assert (venue, start, source_url, speakers) == (
        "Vollsmose Kulturhus, Vollsmose Torv 8, 5240 Odense NØ", "2019-11-26 09:30", OWN, 8)


def test_identical_crawls_record_no_change_whatever_the_order(store):
    pages = {OWN: snapshot(OWN), LISTING: snapshot(LISTING), SAMU: snapshot(SAMU)}
    crawl(store, pages, day=1)
    before = tables(store)
    for day, order in ((2, [LISTING, SAMU, OWN]), (3, [OWN, SAMU, LISTING]), (4, [SAMU, LISTING, OWN])):
        crawl(store, {u: pages[u] for u in order}, day=day, writers=3)
    assert q(store, "SELECT change, field FROM event_changes") == []
    assert tables(store) == before


def test_the_first_crawl_of_each_source_adds_no_history(store):
    crawl(store, {SAMU: snapshot(SAMU)}, day=1)       # the first spider to commit
    crawl(store, {OWN: snapshot(OWN), LISTING: snapshot(LISTING)}, day=1)   # the next one
    assert q(store, "SELECT change, source FROM event_changes") == []
    # a source crawled before: a new event on its page is an event added
    listing = snapshot(LISTING).replace("Temadag: Sociale viceværter og tryghed i boligområderne",
                                        "Temadag: Nye viceværter i boligområderne")
    run = crawl(store, {LISTING: listing, OWN: snapshot(OWN)}, day=2)
    assert ("event_added", "") in changes(store, run)


def edit(old: str, new: str):
    def apply(html: str) -> str:
        assert old in html, old
        return html.replace(old, new, 1)
    return apply


# what the event's own page says after the edit (the listing keeps saying what it said, except for the date,
# which the site changes in both places), and the one change that is to be recorded
EDITS = {
    "date": (edit("Tirsdag den 26. november 2019", "Torsdag den 28. november 2019"), [("date_moved", "start")]),
    "time": (edit("kl. 9.30-15.30", "kl. 10.00-15.30"), [("date_moved", "start")]),
    "venue": (edit("Vollsmose Kulturhus, Vollsmose Torv 8, 5240 Odense NØ",
                   "Odense Rådhus, Flakhaven 2, 5000 Odense C"), [("venue_changed", "venue")]),
    "status word in the title": (edit("<h1>Temadag:", "<h1>AFLYST: Temadag:"), [("status_changed", "status")]),
    "status word in the body": (edit("<h1>Temadag: Sociale viceværter og tryghed i boligområderne</h1>",
                                     "<h1>Temadag: Sociale viceværter og tryghed i boligområderne</h1>"
                                     "<p><strong>Arrangementet er aflyst.</strong></p>"),
                                [("status_changed", "status")]),
    "speaker added": (edit("<li>Den sociale vicevært i Vollsmose v/ Bent Rasmussen, social vicevært, Civica</li>",
                           "<li>Den sociale vicevært i Vollsmose v/ Bent Rasmussen, social vicevært, Civica</li>"
                           "<li>Tryghed i tal v/ Sofie Lund Kragh, analytiker, CFBU</li>"),
                      [("speaker_added", "Sofie Lund Kragh")]),
    "speaker removed": (edit("<li>Den sociale vicevært i Vollsmose v/ Bent Rasmussen, social vicevært, Civica</li>",
                             ""), [("speaker_removed", "Bent Rasmussen")]),
    "speaker confirmed": (edit(" (ikke bekræftet)", ""), [("speaker_confirmed", "Hülya Demir")]),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_one_edit_of_a_page_gives_exactly_that_change(store, what):
    change_page, want = EDITS[what]
    crawl(store, {OWN: snapshot(OWN), LISTING: snapshot(LISTING)}, day=1)
    listing = snapshot(LISTING)
    if what == "date":
        listing = edit('<p class="card__date">26. november 2019</p>', '<p class="card__date">28. november 2019</p>')(
            listing)
    run = crawl(store, {LISTING: listing, OWN: change_page(snapshot(OWN))}, day=2)
    assert changes(store, run) == want
    # and the event is one event, under its (possibly new) id, with its speakers
    assert q(store, "SELECT count(*) FROM events WHERE title LIKE '%Sociale viceværter%' "
                    "AND status <> 'cancelled_or_removed'") == [(1,)]
