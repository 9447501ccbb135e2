"""The data commands on a real crawl of the snapshot: query (formats, read-only), speakers, who, events,
reprocess; and a crawl killed with SIGKILL mid-run leaves the datasets complete."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extract.sources import source_names

ROOT = Path(__file__).resolve().parent.parent


def dk(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "scraper.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def data(snapshot_crawl, tmp_path_factory):
    """A private copy: some tests here write."""
    root = tmp_path_factory.mktemp("cli") / "datasets"
    shutil.copytree(snapshot_crawl[0], root, symlinks=True)
    return root


def test_query_prints_csv_json_and_writes_parquet(data, tmp_path):
    sql = "SELECT source, count(*) AS n FROM events GROUP BY 1 ORDER BY 1"
    csv = dk("query", sql, "--format", "csv", "--datasets", data)
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.splitlines()
    assert lines[0] == "source,n" and [l.split(",")[0] for l in lines[1:]] == sorted(source_names())
    js = dk("query", sql, "--format", "json", "--datasets", data)
    assert [json.loads(l)["source"] for l in js.stdout.splitlines()] == sorted(source_names())
    out = tmp_path / "n.parquet"
    assert dk("query", sql, "--format", "parquet", "--output", out, "--datasets", data).returncode == 0
    assert list(pd.read_parquet(out).source) == sorted(source_names())
    table = dk("query", sql, "--datasets", data)
    assert "altinget" in table.stdout and table.returncode == 0


def test_query_refuses_writes_and_files_outside(data, tmp_path):
    for sql in ["DELETE FROM events", f"COPY events TO '{tmp_path}/x.csv'", "SELECT * FROM read_csv('/etc/hostname')"]:
        r = dk("query", sql, "--datasets", data)
        assert r.returncode == 2 and "error" in r.stderr, (sql, r.stdout, r.stderr)
    assert not (tmp_path / "x.csv").exists()


def test_speakers_who_and_events(data):
    top = dk("speakers", "--top", "5", "--format", "csv", "--datasets", data)
    assert top.returncode == 0
    rows = top.stdout.splitlines()
    assert len(rows) == 6 and rows[0].startswith("name,events")
    who = dk("who", "Astrid Krag", "--format", "csv", "--datasets", data)
    assert who.returncode == 0, who.stderr
    df = pd.read_csv(pd.io.common.StringIO(who.stdout))
    assert set(df.organiser) == {"samu", "altinget"} and (df.name == "Astrid Krag").all()
    assert dk("who", "Ingen Sådan Person", "--datasets", data).returncode == 1
    ev = dk("events", "--source", "samu", "--from", "2020-11-01", "--to", "2020-12-31", "--format", "csv",
            "--datasets", data)
    df = pd.read_csv(pd.io.common.StringIO(ev.stdout))
    assert len(df) > 0 and (df.source == "samu").all()
    assert (pd.to_datetime(df.start, utc=True) >= pd.Timestamp("2020-10-31T23:00Z")).all()


def test_reprocess_rebuilds_the_same_events_from_the_archive(data):
    con = duckdb.connect()
    q = f"SELECT count(*) FROM read_parquet('{data}/events/**/*.parquet', hive_partitioning=true)"
    before = con.execute(q).fetchone()[0]
    r = dk("reprocess", "--datasets", data)
    assert r.returncode == 0, r.stderr
    assert "re-read" in r.stdout
    assert con.execute(q).fetchone()[0] == before
    kinds = con.execute(f"SELECT kind, count(*) FROM read_parquet('{data}/runs/**/*.parquet') GROUP BY 1").fetchall()
    assert dict(kinds)["reprocess"] == 1


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc)."""
    parent = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in found]
        found.update(kids)
        todo += kids
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def test_a_killed_crawl_leaves_complete_datasets_and_the_next_run_works(tmp_path):
    root = tmp_path / "datasets"
    first = dk("crawl", "cfbu", "--snapshot", "--datasets", root, "--no-summary")
    assert first.returncode == 0
    events = pd.read_parquet(root / "events")
    killed_helpers = set()
    for delay in (0.5, 1.5, 2.5, 3.5):
        proc = subprocess.Popen([sys.executable, "-m", "scraper.cli", "crawl", "--snapshot", "--datasets", str(root),
                                 "--no-summary"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        helpers = descendants(proc.pid)  # the fork server and the extraction workers, once started
        killed_helpers |= helpers
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in helpers if alive(pid)], "worker processes outlived the killed crawl"
        for table in ("events", "appearances", "sessions", "pages", "runs", "event_changes"):
            pd.read_parquet(root / table)
            duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{root}/{table}/**/*.parquet')").fetchone()
        now = pd.read_parquet(root / "events")
        assert now.event_id.is_unique and len(now) >= len(events)
    assert len(killed_helpers) >= 2  # some kills came while workers were running
    again = dk("crawl", "--snapshot", "--datasets", root, "--no-summary")
    assert again.returncode == 0, again.stderr[-2000:]
    final = pd.read_parquet(root / "events")
    assert final.event_id.is_unique and set(final.source) == set(source_names())
    assert not [p for p in (root / ".staging").glob("*") if p.is_dir()]


def test_a_run_that_cannot_be_written_fails_loudly_and_keeps_the_previous_state(tmp_path):
    root = tmp_path / "datasets"
    assert dk("crawl", "cfbu", "--snapshot", "--datasets", root, "--no-summary").returncode == 0
    before = (root / "current").resolve()
    # a committed file that no longer reads as Parquet: the merge cannot go on
    victim = next((root / "current" / "pages").rglob("*.parquet"))
    victim.write_bytes(b"not parquet")
    r = dk("crawl", "cfbu", "--snapshot", "--datasets", root, "--no-summary")
    assert r.returncode == 5  # a failed commit (scraper/exitcodes.py)
    assert "was not written" in r.stderr
    assert (root / "current").resolve() == before
