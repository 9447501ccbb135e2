"""Faults on loopback, with the real Scrapy engine: a 500 then success, a timeout, a 404, a redirect, a redirect
loop, a page over the size limit, a page robots.txt forbids. The crawl finishes, logs each failure once with its
URL, and keeps every good item."""
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "tests" / "fixtures" / "faultsite"
FAILING = {
    "https://cfbu.dk/arrangementer/findes-ikke/": "HTTP 404",
    "https://cfbu.dk/arrangementer/loop/": "max redirections",
    "https://cfbu.dk/arrangementer/langsom/": "took longer than",
    "https://cfbu.dk/arrangementer/kaempe/": "larger than download max size",
    "https://cfbu.dk/arrangementer/privat/": "robots.txt",
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("faults") / "datasets"
    proc = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "crawl", "cfbu", "--snapshot", "--datasets", str(out),
         "--log-level", "INFO", "-s", f"SNAPSHOT_DIR={SITE}", "-s", "DOWNLOAD_TIMEOUT=1",
         "-s", "DOWNLOAD_MAXSIZE=1000000", "-s", "RETRY_TIMES=1", "-s", "REDIRECT_MAX_TIMES=4",
         "-s", "DATASETS_EXTRACT_WORKERS=0"],  # pages read in the crawl's own process (the snapshot tests use workers)
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    return proc, out


def q(root: Path, sql: str):
    con = duckdb.connect()
    for t in ("events", "appearances", "pages", "runs"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/{t}/**/*.parquet', hive_partitioning=true)")
    return con.execute(sql).fetchall()


def test_crawl_finishes_and_its_monitor_says_too_many_pages_failed(crawl):
    proc, out = crawl
    # 4 of 9 pages could not be fetched (timeout, loop, too big, robots.txt): over the 25% the monitor allows.
    # The run is committed, and the exit code tells the scheduler a monitor failed
    assert proc.returncode == 4, proc.stderr[-3000:]
    assert "monitor failed: cfbu: pages not read (4 of 9 = 44%, at most 25% allowed)" in proc.stderr
    assert q(out, "SELECT finish_reason, monitors_failed, events_held_back, http_errors, start_urls_failed "
                  "FROM runs") == [("finished", ["pages not read"], False, 1, 0)]


def test_each_failure_is_logged_once_with_its_url(crawl):
    log = crawl[0].stderr
    for url, why in FAILING.items():
        lines = [l for l in log.splitlines() if "page failed: " + url in l]
        assert len(lines) == 1, (url, lines)
        assert why in lines[0]


def test_every_good_item_is_kept(crawl):
    _, out = crawl
    got = q(out, """SELECT e.title, strftime(e."start" AT TIME ZONE 'Europe/Copenhagen', '%Y-%m-%d %H:%M'),
                           e.source_url, list(a.name ORDER BY a.name)
                    FROM events e JOIN appearances a USING (event_id) GROUP BY ALL ORDER BY 1""")
    assert got == [
        ("Boligsocial årskonference 2025", "2025-03-06 09:30", "https://cfbu.dk/arrangementer/ny/", ["Ditte Kjær Munk"]),
        ("Netværksmøde om beskæftigelse", "2024-12-05 10:00", "https://cfbu.dk/arrangementer/flaky/",
         ["Jonas Lindholm Bech"]),
        ("Temadag om tryghed", "2024-11-07 13:00", "https://cfbu.dk/arrangementer/god-side/", ["Rikke Engly Mygind"]),
    ]


def test_failed_pages_are_recorded_with_why(crawl):
    _, out = crawl
    rows = dict(q(out, "SELECT url, error FROM pages WHERE error IS NOT NULL"))
    for url, why in FAILING.items():
        assert url in rows and why.split()[0].lower() in rows[url].lower(), (url, rows.get(url))
    ok = dict(q(out, "SELECT url, http_status FROM pages WHERE error IS NULL"))
    assert ok["https://cfbu.dk/arrangementer/flaky/"] == 200  # the 500 was retried
    assert "https://cfbu.dk/arrangementer/ny/" in ok           # the redirect was followed to its real URL


def test_nothing_outside_the_snapshot_was_fetched(crawl):
    _, out = crawl
    urls = [u for (u,) in q(out, "SELECT url FROM pages")]
    assert all(re.match(r"https://cfbu\.dk/", u) for u in urls), urls
