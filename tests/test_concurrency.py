"""Several writers on one datasets folder, and what killed runs leave behind: real crawl subprocesses on the
loopback snapshot, real Parquet, real flocks. Nothing a run committed is lost, and nothing a run did not commit
is read back."""
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.archive import WarcArchive
from pipelines.items import PageItem
from pipelines.reprocess import reprocess_archive
from pipelines.store import DatasetsBusy, DatasetStore

ROOT = Path(__file__).resolve().parent.parent
# the smallest batches and hand-offs: every page is its own batch file, so a run's staging is many files
# written over the whole crawl, and a writer that deleted another's staging would be caught
TINY = ["-s", "DATASETS_BATCH_ROWS=1", "-s", "DATASETS_HANDOFF_PAGES=1"]


def crawl_cmd(root: Path, *spiders: str) -> list[str]:
    return [sys.executable, "-m", "scraper.cli", "crawl", *spiders, "--snapshot", "--datasets", str(root),
            "--no-summary", *TINY]


def rows(root: Path, sql: str) -> set:
    con = duckdb.connect()
    for t in ("events", "appearances", "pages", "runs"):
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{root}/current/{t}/**/*.parquet', "
                    "hive_partitioning=true)")
    return {tuple(tuple(v) if isinstance(v, list) else v for v in r) for r in con.execute(sql).fetchall()}


PAGE_URLS = "SELECT url FROM pages WHERE source IN ({})"
EVENT_KEYS = "SELECT event_id FROM events WHERE source IN ({})"


def in_sources(sql: str, *sources: str) -> str:
    return sql.format(", ".join(f"'{s}'" for s in sources))


def test_two_crawls_at_once_keep_every_row_of_both(tmp_path, snapshot_crawl):
    reference, _ = snapshot_crawl  # one crawl of all four sites, alone
    root = tmp_path / "datasets"
    procs = [subprocess.Popen(crawl_cmd(root, "altinget", "samu"), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True),
             subprocess.Popen(crawl_cmd(root, "ds", "cfbu"), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err[-3000:]
    everything = ("altinget", "samu", "ds", "cfbu")
    assert rows(root, in_sources(PAGE_URLS, *everything)) == rows(reference, in_sources(PAGE_URLS, *everything))
    assert rows(root, in_sources(EVENT_KEYS, *everything)) == rows(reference, in_sources(EVENT_KEYS, *everything))
    assert len(rows(root, "SELECT run_id FROM runs")) == 4
    assert not list((root / ".staging").iterdir())


def test_a_crawl_beside_reprocess_keeps_every_row_of_both(tmp_path, snapshot_crawl):
    reference, _ = snapshot_crawl
    root = tmp_path / "datasets"
    first = subprocess.run(crawl_cmd(root, "cfbu"), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr[-3000:]
    procs = [subprocess.Popen([sys.executable, "-m", "scraper.cli", "reprocess", "--datasets", str(root)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
             subprocess.Popen(crawl_cmd(root, "samu", "ds"), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err[-3000:]
    both = ("cfbu", "samu", "ds")
    assert rows(root, in_sources(PAGE_URLS, *both)) == rows(reference, in_sources(PAGE_URLS, *both))
    assert rows(root, in_sources(EVENT_KEYS, *both)) == rows(reference, in_sources(EVENT_KEYS, *both))
    assert {k for (k,) in rows(root, "SELECT kind FROM runs")} == {"crawl", "reprocess"}


def test_a_second_writer_says_it_waits_and_writes_nothing_until_the_first_has_committed(tmp_path):
    root = tmp_path / "datasets"
    store = DatasetStore(root)
    with store.lock():  # this test process is the first writer
        proc = subprocess.Popen(crawl_cmd(root, "cfbu"), cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        said = []
        while not (said and said[-1].startswith("waiting: ")):
            line = proc.stderr.readline()  # blocks until the crawl says something, or ends
            assert line, said
            said.append(line)
        assert said[-1].startswith("waiting: another run (process %d) is writing to %s/" % (os.getpid(), root))
        time.sleep(1.0)
        assert proc.poll() is None
        assert not (root / ".staging").exists() or not list((root / ".staging").iterdir())
        assert not (root / "archive").exists()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    (n,), = rows(root, "SELECT count(*) FROM pages")
    assert n > 5


def test_a_writer_asked_not_to_wait_refuses_in_one_line(tmp_path):
    root = tmp_path / "datasets"
    code = ("import sys; from pipelines.store import DatasetStore\n"
            f"with DatasetStore({str(root)!r}).lock(): sys.stdout.write('held\\n'); sys.stdout.flush(); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(DatasetsBusy, match=r"is being written by another run \(process %d\)" % holder.pid):
            with DatasetStore(root).lock(wait=False):
                pass
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with DatasetStore(root).lock(wait=False):  # the holder is gone, and so is its lock
        pass


PAGE = ("<html><body><main><h1>{title}</h1><p>Torsdag den 7. november 2024 kl. 13-15</p>"
        "<p>Sted: Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg</p>"
        "<p>Oplæg ved Rikke Engly Mygind, direktør, CFBU</p></main></body></html>")
URL = "https://cfbu.dk/arrangementer/temadag/"


def archive_page(root: Path, run_id: str, title: str, when: dt.datetime, final: bool) -> None:
    arch = WarcArchive(root, run_id)
    arch.write(PageItem(url=URL, source="cfbu", status=200, body=PAGE.format(title=title).encode(),
                        headers={"Content-Type": "text/html; charset=utf-8"}, fetched_at=when))
    if final:
        arch.close()
    # else: left as a SIGKILL leaves it, flushed record by record, still named .part


def test_a_killed_runs_archive_is_removed_and_never_reprocessed(tmp_path):
    root = tmp_path / "datasets"
    day = dt.datetime(2024, 10, 1, tzinfo=dt.timezone.utc)
    archive_page(root, "20241001T000000Z-aaaaaa-main", "Temadag om boligsocialt arbejde", day, final=True)
    assert reprocess_archive(root) == (1, 1)
    # a later run saw the page marked AFLYST and was killed before it committed
    archive_page(root, "20241002T000000Z-bbbbbb-w123", "AFLYST: Temadag om boligsocialt arbejde",
                 day + dt.timedelta(days=1), final=False)
    assert reprocess_archive(root) == (1, 1)
    assert rows(root, "SELECT status FROM events") == {("confirmed",)}
    assert [p.name for p in (root / "archive").iterdir()] == ["20241001T000000Z-aaaaaa-main.warc.gz"]


def test_one_crawl_of_two_sites_keeps_both_and_its_summary_says_what_was_committed(tmp_path, snapshot_crawl):
    reference, _ = snapshot_crawl
    root = tmp_path / "datasets"
    cmd = [c for c in crawl_cmd(root, "cfbu", "samu") if c != "--no-summary"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ,
                                                                                          "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    both = ("cfbu", "samu")
    assert rows(root, in_sources(EVENT_KEYS, *both)) == rows(reference, in_sources(EVENT_KEYS, *both))
    committed = dict(rows(root, "SELECT source, count(*) FROM events GROUP BY 1"))
    for spider in both:  # the Crawl table's row: spider | pages | events committed | failed pages | finish
        line = next(l for l in proc.stdout.splitlines() if l.replace("│", " ").split()[:1] == [spider])
        assert line.replace("│", " ").split()[2] == str(committed[spider]), line


def test_soak_random_kills_among_concurrent_writers_end_with_exactly_a_clean_runs_rows(tmp_path, snapshot_crawl):
    """Rounds of two crawls and a reprocess started together, one of them SIGKILLed (with its worker
    processes) at a random moment; then one clean crawl. Bounded: rounds start for 8 seconds (at least two); SOAK_SEED=n repeats one."""
    import random
    import signal

    reference, _ = snapshot_crawl
    root = tmp_path / "datasets"
    seed = int(os.environ.get("SOAK_SEED", time.time()))
    rng = random.Random(seed)
    reprocess = [sys.executable, "-m", "scraper.cli", "reprocess", "--datasets", str(root)]
    deadline, rounds, kills = time.monotonic() + 8, 0, 0
    while time.monotonic() < deadline or rounds < 2:
        spiders = ["altinget", "samu", "ds", "cfbu"]
        rng.shuffle(spiders)
        cmds = [crawl_cmd(root, *spiders[:2]), crawl_cmd(root, *spiders[2:])]
        if (root / "archive").is_dir():
            cmds.append(reprocess)
        rng.shuffle(cmds)
        procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True) for c in cmds]
        victim = rng.choice(procs)
        time.sleep(rng.uniform(0.3, 7.0))
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)  # the crawl and its workers, as a scheduler's timeout does
            kills += 1
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p is victim or p.returncode == 0, (seed, err[-3000:])
        rounds += 1
        # after every round: every table readable, nothing twice
        assert len(rows(root, "SELECT event_id FROM events")) == rows(root, "SELECT count(*) FROM events").pop()[0]
    assert kills >= 1, seed
    clean = subprocess.run(crawl_cmd(root), cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert clean.returncode == 0, clean.stderr[-3000:]
    same = {
        "pages": "SELECT url, source, http_status, content_hash, events, error FROM pages",
        "events": "SELECT * EXCLUDE (run_id, first_seen, last_seen) FROM events",
        "appearances": "SELECT * EXCLUDE (run_id, first_seen, last_seen) FROM appearances",
        "changes": "SELECT event_id, change, field FROM read_parquet('{root}/current/event_changes/*.parquet')",
    }
    for what, sql in same.items():
        assert rows(root, sql.format(root=root)) == rows(reference, sql.format(root=reference)), (what, seed)
    assert not list((root / ".staging").iterdir())
    assert not list((root / "archive").glob("*.part"))


@pytest.mark.parametrize("command", [["reprocess"], ["crawl", "cfbu", "--snapshot"]])
def test_the_command_line_told_not_to_wait_refuses_in_one_line_and_writes_nothing(tmp_path, command):
    root = tmp_path / "datasets"
    (root / "archive").mkdir(parents=True)  # (reprocess says "crawl first" without one)
    with DatasetStore(root).lock():
        proc = subprocess.run([sys.executable, "-m", "scraper.cli", *command, "--datasets", str(root), "--no-wait"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 7  # the exit code for "another run holds the datasets" (README, exit codes)
    said = " ".join(proc.stderr.split())  # (rich wraps long lines)
    assert said.startswith(f"error: {root}/ is being written by another run (process {os.getpid()})"), proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in root.iterdir()) == [".lock", "archive"] and not list((root / "archive").iterdir())
