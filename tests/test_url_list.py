"""`dkevents crawl --urls FILE`: the listed pages, on any site and with no source entry, read by a real crawl from
a loopback server into real datasets."""
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from scraper.snapshot_server import SnapshotServer

ROOT = Path(__file__).resolve().parent.parent

EVENT = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{title}</title>{ld}</head><body>
<nav><a href="/">Forside</a> <a href="/andet/">Et andet sted</a></nav>
<h1>{title}</h1>
<p>{when}</p>
<p>Sted: Folkets Hus, Kirkegade 12, 6700 Esbjerg</p>
<p>Oplæg v/ Ane Marie Kjeldsen, socialchef, Esbjerg Kommune</p>
<p>Debat med Rasmus Thorsø Lind, formand for Socialudvalget</p>
</body></html>"""
LD = json.dumps({"@context": "https://schema.org", "@type": "Event", "name": "Borgermøde om botilbud",
                 "startDate": "2027-02-02T19:00:00+01:00", "endDate": "2027-02-02T21:00:00+01:00",
                 "location": {"@type": "Place", "name": "Folkets Hus",
                              "address": {"@type": "PostalAddress", "streetAddress": "Kirkegade 12",
                                          "postalCode": "6700", "addressLocality": "Esbjerg"}}}, ensure_ascii=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two event pages on a site no source knows, served on 127.0.0.1; one linked page that must not be read."""
    root = tmp_path_factory.mktemp("site")
    pages = root / "127.0.0.1"
    for path, html in {
        "esbjerg/borgermoede-botilbud/index.html": EVENT.format(
            title="Borgermøde om botilbud", when="Tirsdag den 2. februar 2027 kl. 19.00-21.00",
            ld=f'<script type="application/ld+json">{LD}</script>'),
        "fredericia/dialogmoede-hjemloeshed/index.html": EVENT.format(
            title="Dialogmøde om hjemløshed", when="Torsdag den 4. marts 2027 kl. 16.00-18.00", ld=""),
        "andet/index.html": EVENT.format(title="Ikke på listen", when="1. april 2027 kl. 10", ld=""),
    }.items():
        (pages / path).parent.mkdir(parents=True, exist_ok=True)
        (pages / path).write_text(html, encoding="utf-8")
    server = SnapshotServer(root).start()
    yield f"http://{server.address}"
    server.stop()


def crawl(tmp_path, lines):
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(lines) + "\n", encoding="utf-8")
    datasets = tmp_path / "datasets"
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", "--urls", str(urls), "--datasets",
                           str(datasets), "--no-summary"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    return proc, datasets


def q(root, sql):
    con = duckdb.connect()
    for t in ("events", "appearances", "pages", "runs"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/{t}/**/*.parquet', hive_partitioning=1)")
    return con.execute(sql).fetchall()


def test_the_listed_pages_are_read_and_nothing_else(site, tmp_path):
    proc, datasets = crawl(tmp_path, ["# fundet af en analytiker", f"{site}/esbjerg/borgermoede-botilbud/", "",
                                      f"{site}/fredericia/dialogmoede-hjemloeshed/"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert sorted(q(datasets, "SELECT url, source, http_status FROM pages WHERE url NOT LIKE '%robots.txt'")) == [
        (f"{site}/esbjerg/borgermoede-botilbud/", "other", 200),
        (f"{site}/fredericia/dialogmoede-hjemloeshed/", "other", 200)]
    events = sorted(q(datasets, "SELECT title, strftime(start AT TIME ZONE 'Europe/Copenhagen', '%Y-%m-%d %H:%M') "
                                "FROM events"))
    assert events == [("Borgermøde om botilbud", "2027-02-02 19:00"), ("Dialogmøde om hjemløshed", "2027-03-04 16:00")]
    assert sorted(n for (n,) in q(datasets, "SELECT DISTINCT name FROM appearances")) == [
        "Ane Marie Kjeldsen", "Rasmus Thorsø Lind"]
    assert q(datasets, "SELECT spider, finish_reason FROM runs") == [("urls", "finished")]


def test_a_listed_page_that_fails_is_recorded_and_the_exit_code_says_so(site, tmp_path):
    proc, datasets = crawl(tmp_path, [f"{site}/esbjerg/borgermoede-botilbud/", f"{site}/findes-ikke/"])
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert f"page failed: {site}/findes-ikke/ (HTTP 404)" in proc.stderr
    assert (f"{site}/findes-ikke/", 404) in q(datasets, "SELECT url, http_status FROM pages")


@pytest.mark.parametrize("lines,extra,says", [
    (["www.esbjerg.dk/borgermoede"], [], "line 1: 'www.esbjerg.dk/borgermoede' is not a web address"),
    (["# kun en kommentar"], [], "lists no URL"),
    (["https://www.esbjerg.dk/x"], ["ds"], "give no spider names with it"),
])
def test_a_bad_url_list_is_one_line_and_exit_2(tmp_path, lines, extra, says):
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", *extra, "--urls", str(urls),
                           "--datasets", str(tmp_path / "d")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and says in proc.stderr, proc.stderr
    assert not (tmp_path / "d").exists()
