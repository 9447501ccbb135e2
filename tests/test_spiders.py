"""Each spider end to end against the bundled snapshot on loopback, with the real Scrapy engine: every page the
snapshot's gold files describe is crawled, and the events and speakers read from it are scored against the gold
with the project's scorer (tests/score.py)."""
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "snapshot_gold"
sys.path.insert(0, str(ROOT / "tests"))
import score  # noqa: E402

CPH = ZoneInfo("Europe/Copenhagen")
from extract.sources import source_names, sources  # noqa: E402

SPIDERS = source_names()
pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="no snapshot gold")


@pytest.fixture(scope="module")
def datasets(snapshot_crawl):
    return snapshot_crawl


def _q(root, sql, params=None):
    con = duckdb.connect()
    for t in ("events", "appearances", "pages", "runs"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/{t}/**/*.parquet', hive_partitioning=true)")
    return con.execute(sql, params or []).fetchall()


def _iso(ts, all_day):
    if ts is None:
        return None
    local = ts.astimezone(CPH)
    return local.date().isoformat() if all_day else local.isoformat()


def predictions(root: Path) -> dict[str, list[dict]]:
    """Events per crawled page, read again from the crawl's own WARC archive (the exact bytes fetched), in the
    shape `dkevents extract` prints. Per page, because the datasets merge an event listed on several pages."""
    from extract import extract_page
    from pipelines.archive import archived_pages

    out = {}
    for _, item in archived_pages(root):
        if item.status == 200:
            page = extract_page(item.body, url=item.url, today=item.fetched_at.date(), is_html=True)
            out[item.url] = [e.to_json() for e in page.events]
    return out


def test_merged_events_keep_every_speaker_once(datasets):
    root, _ = datasets
    dupes = _q(root, "SELECT event_id, name_key, count(*) FROM appearances WHERE session_id IS NULL "
                     "GROUP BY ALL HAVING count(*) > 1")
    assert dupes == []
    # the joint meeting listed under two networks and on two event pages is one event
    rows = _q(root, "SELECT count(*) FROM events WHERE title LIKE 'Psykiatri og misbrug%'")
    assert rows == [(1,)]


def gold_files():
    return sorted(GOLD.rglob("*.json"))


def test_every_spider_finished_and_found_events(datasets):
    root, log = datasets
    runs = dict(_q(root, "SELECT spider, finish_reason FROM runs"))
    assert runs == {s: "finished" for s in SPIDERS}
    per_source = dict(_q(root, "SELECT source, count(*) FROM events GROUP BY 1"))
    for s in SPIDERS:  # the four first sites' snapshots are larger than those of the organisers added later
        assert per_source.get(s, 0) >= (5 if s in ("altinget", "samu", "ds", "cfbu") else 2), per_source


def test_pages_keep_their_real_urls_and_provenance(datasets):
    root, _ = datasets
    rows = _q(root, "SELECT url, source, http_status, content_hash, extractor_version, warc_file FROM pages")
    known = {s.name: s for s in sources()}
    for url, source, status, digest, version, warc in rows:
        assert url.startswith("https://") and known[source].owns(url.split("/")[2]), url
        if status == 200:
            assert len(digest) == 64 and version and warc
    assert (root / "archive").is_dir() and list((root / "archive").glob("*.warc.gz"))


def test_snapshot_pages_score_against_their_gold(datasets):
    root, _ = datasets
    preds = predictions(root)
    crawled = {score_url(u) for (u,) in _q(root, "SELECT url FROM pages WHERE http_status = 200")}
    t, problems = score.Tally(), []
    counts = dict.fromkeys(["gold_events", "pred_events", "matched_events", "gold_speakers", "pred_speakers",
                            "matched_speakers", "all_gold_speakers"], 0)
    missing = []
    for path in gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        url = score_url(gold["url"])
        if url not in crawled:
            missing.append(gold["url"])
            continue
        pred = {"events": next((v for k, v in preds.items() if score_url(k) == url), [])}
        score.score_page(gold, pred, t, counts, problems, path.stem)
    assert not missing, f"gold pages the crawl never fetched: {missing}"
    ep = counts["matched_events"] / max(1, counts["pred_events"])
    er = counts["matched_events"] / max(1, counts["gold_events"])
    sp = counts["matched_speakers"] / max(1, counts["pred_speakers"])
    sr = counts["matched_speakers"] / max(1, counts["gold_speakers"])
    report = "\n".join(problems[:60])
    # every gold event and every gold speaker, and nothing else
    assert (counts["matched_events"], counts["pred_events"]) == (counts["gold_events"],) * 2, report
    assert (counts["matched_speakers"], counts["pred_speakers"]) == (counts["gold_speakers"],) * 2, report


def score_url(url: str) -> str:
    from pipelines.rows import canonical_url
    return canonical_url(url)


def test_robots_txt_is_obeyed(datasets):
    root, log = datasets
    assert "Forbidden by robots.txt" not in log or "page failed" in log
    urls = [u for (u,) in _q(root, "SELECT url FROM pages")]
    assert not [u for u in urls if "/soeg/" in u or "/umbraco/" in u or "/login/" in u]
