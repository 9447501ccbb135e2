"""Monitors after each spider's run: a site that changed shape (the DS pages blanked, as after a redesign) fails
its monitors, exits 4, alerts a webhook on loopback, and keeps its events; the thresholds on their own."""
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import lxml.html
import pytest

from loopback import Receiver
from pipelines.monitors import MonitorResult, RunFacts, check, gather, holds_back
from extract.sources import source_names

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "scraper" / "snapshot"


def blank_site(snapshot: Path, host: str) -> None:
    """Every page of the site keeps its links but loses all the text of its main part: the crawl still goes through
    every page, the extractor finds nothing it knows."""
    for page in (snapshot / host).rglob("*.html"):
        doc = lxml.html.fromstring(page.read_bytes())
        for main in doc.iter("main"):
            for el in main.iter():
                el.tail = None
                if el.tag != "a":
                    el.text = None
        page.write_bytes(lxml.html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>"))


def q(root: Path, sql: str):
    con = duckdb.connect()
    for t in ("events", "runs", "event_changes"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/{t}/**/*.parquet', "
                    f"hive_partitioning=true, union_by_name=true)")
    return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def blanked(snapshot_crawl, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("blanked")
    root = tmp / "datasets"
    shutil.copytree(snapshot_crawl[0], root, symlinks=True)
    snap = tmp / "snapshot"
    shutil.copytree(SNAPSHOT, snap)
    blank_site(snap, "socialraadgiverne.dk")
    before = q(root, "SELECT event_id, status FROM events WHERE source = 'ds' ORDER BY 1")
    hook = Receiver()
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", "ds", "--snapshot", "--datasets", str(root),
                           "--no-summary", "-s", f"SNAPSHOT_DIR={snap}", "-s", f"ALERT_WEBHOOK_URL={hook.url}"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    hook.shutdown()
    return proc, root, before, hook.bodies


def test_a_blanked_site_fails_its_monitors_and_exits_4(blanked):
    proc, root, before, _ = blanked
    assert proc.returncode == 4, proc.stderr[-3000:]
    assert "monitor failed: ds: events (0 read, median of the last 1 runs 19" in proc.stderr
    # every DS event is on a page read again (how many the datasets hold depends on how listings merge with pages)
    assert f"monitor failed: ds: events removed ({len(before)} of {len(before)} events" in proc.stderr
    assert "ds seems to have changed shape" in proc.stderr
    assert "Traceback" not in proc.stderr
    last = q(root, "SELECT monitors_failed, events_held_back, finish_reason FROM runs WHERE spider = 'ds' "
                   "ORDER BY finished DESC LIMIT 1")
    assert last == [(["events", "events removed"], True, "finished")]


def test_a_blanked_site_keeps_its_events(blanked):
    _, root, before, _ = blanked
    after = q(root, "SELECT event_id, status FROM events WHERE source = 'ds' ORDER BY 1")
    assert after == before and len(before) >= 10
    assert not [s for _, s in after if s == "cancelled_or_removed"]
    assert q(root, "SELECT count(*) FROM events WHERE title = '(uden titel)'") == [(0,)]
    assert q(root, "SELECT count(*) FROM event_changes WHERE source = 'ds' AND change = 'event_gone'") == [(0,)]


def test_a_blanked_site_alerts_the_webhook(blanked):
    _, _, _, bodies = blanked
    assert len(bodies) == 1
    alert = bodies[0]
    assert alert["exit_code"] == 4 and "exit 4 (a monitor failed)" in alert["subject"]
    assert any("ds seems to have changed shape" in p for p in alert["problems"])
    assert "monitor failed: ds: events removed" in alert["text"]


def test_a_failed_run_does_not_count_in_the_median_of_the_next(blanked):
    _, root, _, _ = blanked
    current = (root / "current").resolve()
    facts = gather(RunFacts(spider="ds", source="ds"), root, root / ".staging" / "none", current, [], 5)
    assert facts.history == [19]  # the good first run only; the blanked run read 0


def test_a_good_crawl_passes_every_monitor(snapshot_crawl):
    rows = q(snapshot_crawl[0], "SELECT spider, monitors_failed, events_held_back, monitor_report FROM runs")
    assert {r[0] for r in rows} == set(source_names())
    for spider, failed, held, report in rows:
        assert failed == [] and held is False, (spider, report)
        assert len(report.splitlines()) == 8 and "FAILED" not in report


def facts(**kw):
    base = dict(spider="ds", source="ds", pages_read=10, events_read=20, events=10, with_date=10, with_venue=10,
                with_speaker=10, history=[20, 19, 21])
    return RunFacts(**{**base, **kw})


def failed(results: list[MonitorResult]) -> list[str]:
    return [r.name for r in results if not r.passed]


def test_each_monitor_fails_past_its_threshold_and_only_shape_monitors_hold_back():
    assert failed(check(facts())) == []
    assert failed(check(facts(pages_read=0, events_read=0, events=0, with_date=0, with_venue=0,
                              with_speaker=0))) == ["pages fetched"]
    assert failed(check(facts(events_read=9))) == ["events"]            # below half the median 20
    assert failed(check(facts(events_read=10))) == []                    # exactly half
    assert failed(check(facts(events_read=0, history=[]))) == ["events"]  # a first run that reads nothing
    assert failed(check(facts(with_date=6))) == ["events with a date"]
    assert failed(check(facts(with_venue=4))) == ["events with a venue"]
    assert failed(check(facts(with_speaker=4))) == ["events with a speaker"]
    assert failed(check(facts(pages_unreadable=4))) == ["pages not read"]  # 4 of 14
    assert failed(check(facts(http_errors=3))) == []                     # 3 of 13
    assert failed(check(facts(http_errors=4))) == ["HTTP errors"]         # 4 of 14
    assert failed(check(facts(on_seen_pages=10, would_be_removed=6))) == ["events removed"]
    assert failed(check(facts(on_seen_pages=10, would_be_removed=5))) == []
    assert failed(check(facts(with_date=6), {"MONITOR_MIN_DATE_SHARE": 0.6})) == []
    assert holds_back(check(facts(with_date=6)))
    assert not holds_back(check(facts(pages_unreadable=4)))
    assert not holds_back(check(facts(with_date=6)), {"MONITOR_HOLD_BACK": False})
