"""`dkevents changes --since RUN|DATE` after a real re-crawl in which CFBU moved an event two days and took a
speaker off its programme: one line per change with the event and its page, as a table, CSV or Markdown."""
import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "https://cfbu.dk/arrangementer/temadag-om-sociale-vicevaerter/"
TITLE = "Temadag: Sociale viceværter og tryghed i boligområderne"


def dk(*args):
    return subprocess.run([sys.executable, "-m", "scraper.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def recrawled(snapshot_crawl, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("changes")
    root = tmp / "datasets"
    shutil.copytree(snapshot_crawl[0], root, symlinks=True)
    snap = tmp / "snapshot"
    shutil.copytree(ROOT / "scraper" / "snapshot" / "cfbu.dk", snap / "cfbu.dk")
    listing = snap / "cfbu.dk" / "arrangementer" / "index.html"
    listing.write_text(listing.read_text().replace("26. november 2019", "28. november 2019"))
    page = snap / "cfbu.dk" / "arrangementer" / "temadag-om-sociale-vicevaerter" / "index.html"
    text = page.read_text()
    text = text.replace("Tirsdag den 26. november 2019", "Torsdag den 28. november 2019")
    text = "\n".join(line for line in text.splitlines() if "Bent Rasmussen" not in line)
    page.write_text(text)
    r = dk("crawl", "cfbu", "--snapshot", "--datasets", root, "--no-summary", "-s", f"SNAPSHOT_DIR={snap}")
    assert r.returncode == 0, r.stderr[-3000:]
    (run_id,), = duckdb.connect().execute(
        f"SELECT run_id FROM read_parquet('{root}/runs/**/*.parquet') ORDER BY finished DESC LIMIT 1").fetchall()
    return root, run_id


def test_changes_since_the_run_as_csv(recrawled):
    root, run_id = recrawled
    r = dk("changes", "--since", run_id, "--format", "csv", "--datasets", root)
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(io.StringIO(r.stdout))
    assert list(df.columns) == ["detected", "source", "change", "event", "when", "what", "page", "run_id"]
    got = sorted(zip(df.change, df.event, df.what, df.page))
    assert got == [
        ("date_moved", TITLE, "moved from 2019-11-26 09:30 to 2019-11-28 09:30", PAGE),
        ("speaker_removed", TITLE, "speaker removed: Bent Rasmussen", PAGE),
    ]
    assert set(df.run_id) == {run_id} and (df.when == "2019-11-28 09:30").all()


def test_changes_since_a_date_and_as_markdown(recrawled):
    root, run_id = recrawled
    today = dt.date.today().isoformat()
    r = dk("changes", "--since", today, "--format", "markdown", "--datasets", root)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "| detected | source | change | event | when | what | page | run_id |"
    assert lines[1] == "|---|---|---|---|---|---|---|---|"
    rows = lines[2:]
    ours = [row for row in rows if row.endswith(f"| {PAGE} | {run_id} |")]
    assert len(ours) == 2 and any("| speaker removed: Bent Rasmussen |" in row for row in ours)
    # today's earlier rows are the first crawl's: each spider committed after another, whose events were new then
    assert all("| event_added |" in row for row in rows if row not in ours)
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    r = dk("changes", "--since", tomorrow, "--format", "csv", "--datasets", root)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1  # the header only


def test_changes_as_a_table_for_a_terminal(recrawled):
    root, run_id = recrawled
    r = dk("changes", "--since", run_id, "--datasets", root)
    assert r.returncode == 0
    assert "2 changes since" in r.stdout and "Bent Rasmussen" in r.stdout
