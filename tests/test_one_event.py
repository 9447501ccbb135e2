"""One row per real-world event: snapshot pages that list the same meeting (a network page, a listing, the
meeting's own page; the samu network page of 2016 and its 'se alle' page) read by the real extractor, staged by
several writers and merged by the real store; and the demo crawl holds no duplicate event or appearance."""
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from extract import extract_page
from pipelines.matching import similar_titles
from pipelines.rows import Fetch, page_rows
from pipelines.store import DatasetStore

ROOT = Path(__file__).resolve().parent.parent
SNAP = ROOT / "scraper" / "snapshot" / "samu.dk"
FGU_OWN = "https://samu.dk/arrangementer/den-nye-fgu-to-aar-efter-1116"
FGU_NETWORK = "https://samu.dk/uddannelsespolitisk-netvaerk/moederaekke/"
ALL = "https://samu.dk/alle-arrangementer/"
INTEGRATION = "https://samu.dk/netvaerk/integration.aspx"
SE_ALLE = "https://samu.dk/netvaerk/se-alle.aspx"
FILES = {FGU_OWN: SNAP / "arrangementer/den-nye-fgu-to-aar-efter-1116/index.html",
         FGU_NETWORK: SNAP / "uddannelsespolitisk-netvaerk/moederaekke/index.html",
         ALL: SNAP / "alle-arrangementer/index.html",
         INTEGRATION: SNAP / "netvaerk/integration.aspx",
         SE_ALLE: SNAP / "netvaerk/se-alle.aspx"}


def crawl(store: DatasetStore, urls: list[str], day: int, writers: int = 2) -> str:
    """One run as the crawl makes it: workers stage the pages in the order given, the run's process commits."""
    when = dt.datetime(2020, 10, day, 12, tzinfo=dt.timezone.utc)
    owner = store.writer(kind="crawl", batch_rows=1)
    owner._claim()
    workers = [store.writer(owner.run_id, batch_rows=1, tag=f"w{k}", owner=False) for k in range(writers)]
    for k, url in enumerate(urls):
        body = FILES[url].read_bytes()
        page = extract_page(body, url=url, today=when.date(), is_html=True)
        fetch = Fetch(url=url, source=page.source, fetched_at=when, http_status=200,
                      content_hash=hashlib.sha256(body).hexdigest(), run_id=owner.run_id)
        for table, rows in page_rows(page, fetch, body=body).items():
            workers[k % writers].add(table, rows)
    for w in workers:
        w.flush()
    owner.commit({"spider": "samu", "pages": len(urls), "items": 0, "errors": 0, "finish_reason": "finished"},
                 seen_pages=urls)
    return owner.run_id


def q(root: Path, sql: str) -> list:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Europe/Copenhagen'")
    for t in ("events", "appearances", "event_pages", "event_changes", "sessions"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/current/{t}/**/*.parquet', "
                    "hive_partitioning=true)")
    return con.execute(sql).fetchall()


@pytest.fixture
def store(tmp_path):
    return DatasetStore(tmp_path / "datasets")


FGU = "SELECT event_id, title, series, source_url FROM events WHERE title LIKE 'Den nye FGU%'"


def test_a_meeting_on_its_network_page_a_listing_and_its_own_page_is_one_event(store, tmp_path):
    crawl(store, [FGU_NETWORK, ALL, FGU_OWN], day=1)
    ((eid, title, series, own),) = q(store.root, FGU)
    # the fields of its own page, the series its network page names
    assert (title, series, own) == ("Den nye FGU – to år efter", "Uddannelsespolitisk netværk", FGU_OWN)
    pages = q(store.root, f"SELECT url, title FROM event_pages WHERE event_id = '{eid}' ORDER BY url")
    assert pages == [(ALL, "Den nye FGU – to år efter"), (FGU_OWN, "Den nye FGU – to år efter"),
                     (FGU_NETWORK, "Den nye FGU – to år efter - Odense")]
    people = q(store.root, f"SELECT name FROM appearances WHERE event_id = '{eid}' ORDER BY name")
    assert people == [("Anne Sofie Marcussen",), ("Peter Bruun Lykke",)]
    # whatever order the pages come in, the same tables and the same id
    other = DatasetStore(tmp_path / "other")
    crawl(other, [FGU_OWN, FGU_NETWORK, ALL], day=1, writers=3)
    assert q(other.root, FGU) == q(store.root, FGU)


def test_event_ids_stay_stable_from_run_to_run(store):
    crawl(store, [FGU_NETWORK], day=1)              # first only the network page, as 'X - Odense'
    ((first_id, title, _, _),) = q(store.root, FGU)
    assert title == "Den nye FGU – to år efter - Odense"
    crawl(store, [FGU_NETWORK, ALL, FGU_OWN], day=2)  # then its own page too: the id the data already gave it
    ((eid, title, _, _),) = q(store.root, FGU)
    assert (eid, title) == (first_id, "Den nye FGU – to år efter")
    own_page = q(store.root, "SELECT * EXCLUDE (run_id, last_seen) FROM events WHERE title LIKE 'Den nye FGU%'")
    speakers = q(store.root, f"SELECT name, role FROM appearances WHERE event_id = '{first_id}' ORDER BY name")
    crawl(store, [ALL], day=3)                        # a run that reads only the listing finds it again,
    # and the event keeps what its own page says (a listing's shorter copy does not overwrite it)
    assert q(store.root, "SELECT * EXCLUDE (run_id, last_seen) FROM events WHERE event_id = "
                         f"'{first_id}'") == own_page
    assert q(store.root, f"SELECT name, role FROM appearances WHERE event_id = '{first_id}' ORDER BY name") == speakers
    assert q(store.root, f"SELECT change FROM event_changes WHERE event_id = '{first_id}'") == []
    crawl(store, [FGU_NETWORK, FGU_OWN, ALL], day=4)
    assert [r[0] for r in q(store.root, FGU)] == [first_id]
    assert q(store.root, "SELECT DISTINCT event_id FROM event_pages WHERE title LIKE 'Den nye FGU%'") == [(first_id,)]
    # the meeting was never added or gone: the pages' other meetings were (the listing was new on day 2)
    assert q(store.root, f"SELECT change FROM event_changes WHERE event_id = '{first_id}' "
                         "AND change IN ('event_gone', 'event_added')") == []


def test_a_page_read_in_a_later_run_joins_the_committed_event(store):
    """Runs that each read one of the pages (two spiders, or a partial crawl) still make one event, and mark
    nothing removed."""
    crawl(store, [FGU_NETWORK], day=1)
    crawl(store, [FGU_OWN], day=1)
    assert len(q(store.root, FGU)) == 1  # matched against the committed event of the same day
    crawl(store, [FGU_NETWORK, ALL, FGU_OWN], day=2)
    assert len(q(store.root, FGU)) == 1
    assert q(store.root, "SELECT count(*) FROM events WHERE status = 'cancelled_or_removed'") == [(0,)]


def test_the_se_alle_title_is_split_at_the_dash_before_the_network(store):
    crawl(store, [SE_ALLE, INTEGRATION], day=1)
    rows = q(store.root, "SELECT title, series, (SELECT count(*) FROM event_pages p WHERE p.event_id = e.event_id) "
                         "FROM events e WHERE title LIKE 'Frivillige og integration%'")
    assert rows == [("Frivillige og integration – civilsamfundets rolle", "Integrationspolitisk netværk", 2)]
    # every event of the two pages is one event, and has its network
    assert q(store.root, "SELECT count(*), count(series) FROM events") == [(9, 9)]


@pytest.mark.parametrize("a,b,same", [
    ("Den nye FGU – to år efter", "Den nye FGU – to år efter - Odense", True),
    ("AFLYST: Beskæftigelsesindsatsen efter corona", "Beskæftigelsesindsatsen efter corona - Aarhus", True),
    ("Frivillige og integration", "Frivillige og integration – civilsamfundets rolle", True),
    ("Webinar 1: Hvad kan data fortælle?", "Webinar 2: Hvad kan data fortælle?", False),
    ("Netværksmøde for boligsociale ledere", "Netværksmøde for boligsociale beskæftigelsesmedarbejdere", False),
    ("Webinarrække: Brug data i det boligsociale arbejde", "Webinar 1: Hvad kan data fortælle om boligområdet?",
     False),
])
def test_similar_titles(a, b, same):
    assert similar_titles(a, b) is same


def test_the_demo_data_hold_no_duplicate_event_or_appearance(snapshot_crawl):
    root = snapshot_crawl[0]
    # no two events of one day with alike titles and a shared speaker or venue
    events = q(root, "SELECT event_id, date, title, venue_raw FROM events WHERE date IS NOT NULL")
    speakers = {}
    for eid, key in q(root, "SELECT event_id, name_key FROM appearances"):
        speakers.setdefault(eid, set()).add(key)
    dupes = [(a[2], b[2]) for i, a in enumerate(events) for b in events[i + 1:]
             if a[1] == b[1] and similar_titles(a[2], b[2])
             and (speakers.get(a[0], set()) & speakers.get(b[0], set()) or (a[3] and a[3] == b[3]))]
    assert dupes == []
    assert q(root, "SELECT count(*) - count(DISTINCT (event_id, person_id)) FROM appearances") == [(0,)]
    assert q(root, "SELECT count(*) - count(DISTINCT (event_id, name_key)) FROM appearances") == [(0,)]
    # the meetings the issue found twice are once each, on every page that lists them
    for like, pages in (("Den nye FGU%", 3), ("%Beskæftigelsesindsatsen efter corona%", 3),
                        ("Frivillige og integration%", 2)):
        assert q(root, f"SELECT count(*) FROM events WHERE title LIKE '{like}'") == [(1,)], like
        assert q(root, f"SELECT count(*) FROM event_pages p JOIN events e USING (event_id) "
                       f"WHERE e.title LIKE '{like}'") == [(pages,)], like
    # a speaker at three sessions of a day is one appearance; the sessions keep where
    ((n, sessions),) = q(root, "SELECT count(*), any_value(a.sessions) FROM appearances a "
                               "WHERE a.name = 'Lone Kjær Sørensen'")
    in_sessions = q(root, "SELECT count(*) FROM sessions WHERE list_contains(speakers, 'Lone Kjær Sørensen')")
    assert (n, sessions, in_sessions) == (1, 3, [(3,)])


SAMU_OWN = "https://samu.dk/arrangementer/hjemloeshed-blandt-unge-1119"
ALTINGET = "https://www.altinget.dk/arena/netvaerk/social"
SAMU_TEXT = """Hjemløshed blandt unge

Onsdag den 2. december 2020 kl. 14.00-16.00

v/ Lise Bach Hjorth, direktør, Projekt Udenfor og Jakob Vestergaard Krog, socialborgmester, Aarhus Kommune

(MØDESTED: Dokk1, Hack Kampmanns Plads 2, 8000 Aarhus C)
"""
ALTINGET_TEXT = """Socialpolitisk netværk

Hjemløshed blandt unge - Aarhus

Onsdag den 2. december 2020 kl. 14.00-16.00

v/ Jakob Vestergaard Krog, socialborgmester, Aarhus Kommune

Debat om unge hjemløse

Torsdag den 10. december 2020 kl. 9.30-11.30

v/ Mette Hansen, direktør, Børns Vilkår
"""


def test_one_meeting_listed_by_two_sources_is_one_event_under_both(tmp_path):
    from test_store import write_run
    store = DatasetStore(tmp_path / "datasets")
    write_run(store, {SAMU_OWN: SAMU_TEXT}, dt.datetime(2020, 11, 1, tzinfo=dt.timezone.utc))    # samu's spider
    write_run(store, {ALTINGET: ALTINGET_TEXT}, dt.datetime(2020, 11, 1, 1, tzinfo=dt.timezone.utc))  # altinget's
    rows = q(store.root, "SELECT e.title, e.source, list(p.source ORDER BY p.source) FROM events e "
                         "JOIN event_pages p USING (event_id) WHERE e.title LIKE 'Hjemløshed%' GROUP BY ALL")
    # one event, on both sources' pages; its row is its own page's (listing one event), not the network page's
    assert rows == [("Hjemløshed blandt unge", "samu", ["altinget", "samu"])]
    assert q(store.root, "SELECT count(*) FROM appearances a JOIN events e USING (event_id) "
                         "WHERE e.title LIKE 'Hjemløshed%'") == [(2,)]
    assert q(store.root, "SELECT count(*) FROM events") == [(2,)]  # and the network's other meeting
