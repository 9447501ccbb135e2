"""The Parquet dataset store: readable by DuckDB and pandas as is, idempotent, atomic, with a change history."""
import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extract import extract_page
from pipelines.archive import WarcArchive, archived_pages
from pipelines.datadict import render
from pipelines.items import PageItem
from pipelines.query import DatasetQuery, QueryError
from pipelines.reprocess import reprocess_archive
from pipelines.rows import Fetch, name_key, page_rows
from pipelines.schema import TABLES
from pipelines.store import DatasetStore

ROOT = Path(__file__).resolve().parent.parent
URL = "https://samu.dk/socialpolitisk-netvaerk/moederaekke/"

PAGE_V1 = """Socialpolitisk netværk - mødeprogram

Et nyt ydelsessystem?

Onsdag den 2. juni 2021, 09.15 -12.00

v/ Torben Tranæs, formand for Ydelseskommissionen og Mette Hansen, direktør, Børns Vilkår (ikke bekræftet) (MØDESTED: IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V)

Forandringer på vej til anbringelsesområdet

Onsdag den 8. september 2021, 09.15 -12.00

v/ Rasmus Kjeldahl, direktør, Børns Vilkår
"""
# a week later: the first meeting moved and its speakers changed; the second is gone from the page
PAGE_V2 = """Socialpolitisk netværk - mødeprogram

Et nyt ydelsessystem?

Onsdag den 9. juni 2021, 09.15 -12.00

v/ Mette Hansen, direktør, Børns Vilkår og Jens Jensen, professor, Aalborg Universitet (MØDESTED: IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V)
"""


def write_run(store: DatasetStore, pages: dict[str, str], when: dt.datetime) -> str:
    w = store.writer()
    for url, text in pages.items():
        page = extract_page(text, url=url, today=dt.date(2021, 4, 1), is_html=False)
        fetch = Fetch(url=url, source=page.source, fetched_at=when, http_status=200,
                      content_hash=hashlib.sha256(text.encode()).hexdigest(), run_id=w.run_id)
        for table, rows in page_rows(page, fetch).items():
            w.add(table, rows)
    w.commit({"spider": "test", "pages": len(pages), "items": 0, "errors": 0, "finish_reason": "finished"},
             seen_pages=list(pages))
    return w.run_id


def read(root: Path, table: str) -> pd.DataFrame:
    return duckdb.connect().execute(
        f"SELECT * FROM read_parquet('{root}/{table}/**/*.parquet', hive_partitioning=true)").df()


@pytest.fixture
def store(tmp_path):
    return DatasetStore(tmp_path / "datasets")


def test_tables_read_with_duckdb_and_pandas_as_they_are(store):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    for table in TABLES:
        a = read(store.root, table)
        b = pd.read_parquet(store.root / table)
        assert len(a) == len(b)
        assert set(TABLES[table].names) <= set(b.columns)
    ev = read(store.root, "events").sort_values("start")
    assert list(ev.title) == ["Et nyt ydelsessystem?", "Forandringer på vej til anbringelsesområdet"]
    assert ev.start.iloc[0] == pd.Timestamp("2021-06-02 09:15", tz="Europe/Copenhagen")
    assert (store.root / "events" / "source=samu").is_dir()   # Hive partitions
    ap = read(store.root, "appearances")
    assert sorted(ap.name) == ["Mette Hansen", "Rasmus Kjeldahl", "Torben Tranæs"]
    assert not ap.set_index("name").confirmed["Mette Hansen"]


def test_the_same_run_twice_gives_the_same_tables(store):
    when = dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc)
    write_run(store, {URL: PAGE_V1}, when)
    first = {t: read(store.root, t) for t in ("events", "appearances", "sessions", "pages")}
    write_run(store, {URL: PAGE_V1}, when + dt.timedelta(days=1))
    for t, before in first.items():
        after = read(store.root, t)
        drop = [c for c in ("run_id", "last_seen", "fetched_at") if c in after]
        key = TABLES[t].names[0]
        assert after.drop(columns=drop).sort_values(key).reset_index(drop=True).equals(
            before.drop(columns=drop).sort_values(key).reset_index(drop=True)), t
    assert len(read(store.root, "runs")) == 2
    assert len(read(store.root, "event_changes")) == 0
    ev = read(store.root, "events")
    assert (ev.first_seen < ev.last_seen).all()


def test_changes_between_runs_are_recorded(store):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    run2 = write_run(store, {URL: PAGE_V2}, dt.datetime(2021, 4, 8, tzinfo=dt.timezone.utc))
    ch = read(store.root, "event_changes")
    assert set(ch.run_id) == {run2}
    got = sorted(zip(ch.change, ch.field.fillna("")))
    assert ("date_moved", "start") in got
    assert ("speaker_added", "Jens Jensen") in got
    assert ("speaker_removed", "Torben Tranæs") in got
    assert ("speaker_confirmed", "Mette Hansen") in got
    assert ("event_gone", "source_url") in got
    ev = read(store.root, "events").set_index("title")
    assert ev.status["Forandringer på vej til anbringelsesområdet"] == "cancelled_or_removed"
    assert ev.start["Et nyt ydelsessystem?"] == pd.Timestamp("2021-06-09 09:15", tz="Europe/Copenhagen")
    ap = read(store.root, "appearances")
    first = ev.event_id["Et nyt ydelsessystem?"]
    assert sorted(ap[ap.event_id == first].name) == ["Jens Jensen", "Mette Hansen"]


def test_a_page_not_fetched_again_keeps_its_events(store):
    other = "https://cfbu.dk/arrangementer/temadag/"
    write_run(store, {URL: PAGE_V1, other: "Temadag om boligsocialt arbejde\n\n7. november 2024\n\nkl. 13-15"},
              dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 2, tzinfo=dt.timezone.utc))
    ev = read(store.root, "events")
    assert "Temadag om boligsocialt arbejde" in set(ev.title)
    assert set(ev.status) == {"confirmed"}


def _writer_script(root: Path, rounds: int, pages: int = 300) -> str:
    return textwrap.dedent(f"""
        import datetime as dt, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pipelines.store import DatasetStore
        from pipelines.rows import Fetch, page_rows
        from extract import extract_page
        store = DatasetStore({str(root)!r})
        text = open({str(ROOT / 'tests/pages/seed_samu_socialpolitisk_2021.txt')!r}).read().split(chr(10)*2, 1)[1]
        page = extract_page(text, url="https://samu.dk/x/", today=dt.date(2021, 4, 1), is_html=False)
        titles = [e.title for e in page.events]
        for r in range({rounds}):
            w = store.writer(batch_rows=50)
            for i in range({pages}):   # 300 pages a run by default: commits take a while, so kills land mid-write
                url = f"https://samu.dk/x/{{i}}/"
                f = Fetch(url=url, source="samu", fetched_at=dt.datetime.now(dt.timezone.utc), http_status=200,
                          content_hash=str(i), run_id=w.run_id)
                page.url = url
                for e, title in zip(page.events, titles):
                    e.title = f"{{title}} {{i}}"   # 300 pages, 1800 different events
                for t, rows in page_rows(page, f).items():
                    w.add(t, rows)
            w.commit({{"spider": "kill", "pages": {pages}, "items": 0, "errors": 0, "finish_reason": "finished"}})
            print("committed", flush=True)
    """)


def test_sigkill_at_any_moment_leaves_the_previous_state_complete(tmp_path):
    root = tmp_path / "datasets"
    script = tmp_path / "writer.py"
    script.write_text(_writer_script(root, rounds=1))
    assert subprocess.run([sys.executable, str(script)], capture_output=True).returncode == 0
    events = read(root, "events")
    assert len(events) == 1800
    script.write_text(_writer_script(root, rounds=50))
    for delay in (0.3, 0.9, 1.6, 2.4, 3.1):
        proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # everything readable, nothing duplicated, whatever the moment of the kill
        for table in TABLES:
            read(root, table)
            pd.read_parquet(root / table)
        ev = read(root, "events")
        assert len(ev) == 1800 and ev.event_id.is_unique
        assert read(root, "appearances").appearance_id.is_unique
    # and the next run cleans up and commits
    script.write_text(_writer_script(root, rounds=1))
    assert subprocess.run([sys.executable, str(script)], capture_output=True).returncode == 0
    assert len(read(root, "events")) == 1800
    assert not list((root / ".staging").glob("*"))


def test_data_dictionary_is_generated_from_the_schema():
    assert (ROOT / "datasets" / "README.md").read_text(encoding="utf-8") == render(), \
        "datasets/README.md is stale: run `dkevents datadict`"
    for table, schema in TABLES.items():
        for f in schema:
            assert (f.metadata or {}).get(b"description"), f"{table}.{f.name} has no description"


def test_query_is_read_only_and_stays_inside_the_datasets(store, tmp_path):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    q = DatasetQuery(store.root)
    assert q.df("SELECT count(*) AS n FROM appearances").n[0] == 3
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    for sql in [f"SELECT * FROM read_csv('{secret}')", f"COPY events TO '{tmp_path}/out.csv'",
                "CREATE TABLE x AS SELECT 1", "DROP VIEW events", "INSERT INTO runs SELECT * FROM runs",
                "SET enable_external_access = true", f"ATTACH '{tmp_path}/db.duckdb'"]:
        with pytest.raises(QueryError):
            q.df(sql)
    assert not (tmp_path / "out.csv").exists()


def test_query_without_datasets_says_what_to_do(tmp_path):
    with pytest.raises(QueryError, match="dkevents crawl"):
        DatasetQuery(tmp_path / "nothing")


def test_archive_and_reprocess_rebuild_the_tables_without_network(store):
    when = dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc)
    html = (ROOT / "tests/pages/altinget_beskaeftigelse_2019.html").read_bytes()
    arch = WarcArchive(store.root, "run1")
    item = PageItem(url="https://www.altinget.dk/arena/netvaerk/beskaeftigelse", source="altinget", status=200,
                    body=html, headers={"Content-Type": "text/html"}, fetched_at=when)
    arch.write(item)
    arch.close()
    (got,) = [it for _, it in archived_pages(store.root)]
    assert got.body == html and got.url == item.url and got.status == 200
    n, events = reprocess_archive(store.root)
    assert (n, events) == (1, 6)
    assert len(read(store.root, "events")) == 6
    assert read(store.root, "runs").kind.tolist() == ["reprocess"]


def test_name_key_folds_aa_and_accents():
    assert name_key("Årup") == name_key("Aarup") == name_key("AARUP")
    assert name_key("René Nielsen") == name_key("Rene Nielsen")


def test_a_relative_datasets_folder_keeps_its_current_version(tmp_path, monkeypatch):
    """Four runs in one second, from a relative path (as `make demo` writes datasets/)."""
    monkeypatch.chdir(tmp_path)
    store = DatasetStore("datasets")
    for k in range(5):
        write_run(store, {URL.replace("moederaekke", f"m{k}"): PAGE_V1.replace("ydelsessystem", f"system {k}")},
                  dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    assert store.current is not None and store.current.exists()
    assert len(pd.read_parquet("datasets/events")) == 2 + 4 * 1
    assert len(list(Path("datasets/.versions").iterdir())) <= 3


def test_query_cannot_read_duckdbs_temp_folder(store, tmp_path, monkeypatch):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    monkeypatch.chdir(tmp_path)  # DuckDB's temp folder is .tmp/ in the working directory
    (tmp_path / ".tmp").mkdir()
    (tmp_path / ".tmp" / "secret.txt").write_text("hush")
    q = DatasetQuery(store.root)
    for sql in ["SELECT * FROM read_text('.tmp/secret.txt')", f"SELECT * FROM read_text('{tmp_path}/.tmp/secret.txt')",
                "SELECT * FROM glob('.tmp/*')"]:
        with pytest.raises(QueryError):
            q.df(sql)
    assert q.df("SELECT count(*) AS n FROM events").n[0] == 2


def test_an_open_query_keeps_its_version_while_later_runs_commit(store):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    q = DatasetQuery(store.root)
    opened = q.version
    for k in range(5):  # more commits than the store keeps versions
        write_run(store, {URL.replace("moederaekke", f"m{k}"): PAGE_V1.replace("ydelsessystem", f"system {k}")},
                  dt.datetime(2021, 4, 2, tzinfo=dt.timezone.utc))
    # still the data as it was when it opened, from the version it opened
    assert q.df("SELECT count(*) AS n FROM events").n[0] == 2
    assert q.df("SELECT count(*) AS n FROM runs").n[0] == 1
    assert opened.exists() and store.current != opened
    q.close()
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 3, tzinfo=dt.timezone.utc))
    assert not opened.exists()  # let go, it is removed like any old version
    with DatasetQuery(store.root) as q2:
        assert q2.df("SELECT count(*) AS n FROM runs").n[0] == 7


def test_a_suppressed_person_leaves_every_table_and_every_later_run(store):
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    write_run(store, {URL: PAGE_V2}, dt.datetime(2021, 4, 8, tzinfo=dt.timezone.utc))
    history = read(store.root, "event_changes")
    assert {"Jens Jensen", "Torben Tranæs"} <= set(history.field.dropna())  # added and removed, before
    (store.root / "suppressed_people.csv").write_text("name,requested,note\nJens Jensen,2021-04-10,\n"
                                                      "professor Torben Tranæs,2021-04-10,\n", encoding="utf-8")
    for day in (15, 22):  # the run after the request, and the one after that
        write_run(store, {URL: PAGE_V2}, dt.datetime(2021, 4, day, tzinfo=dt.timezone.utc))
        for table in ("event_changes", "appearances", "people", "events"):
            text = read(store.root, table).astype(str).to_csv()
            assert "Jens Jensen" not in text and "Torben Tranæs" not in text, table
    left = read(store.root, "event_changes")
    assert ("speaker_confirmed", "Mette Hansen") in set(zip(left.change, left.field))  # others' history stays


def test_queries_opened_while_runs_commit_never_fail(tmp_path):
    root = tmp_path / "datasets"
    script = tmp_path / "writer.py"
    script.write_text(_writer_script(root, rounds=1, pages=30))
    assert subprocess.run([sys.executable, str(script)], capture_output=True).returncode == 0
    script.write_text(_writer_script(root, rounds=6, pages=30))
    writer = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    opened, failures, versions = 0, [], set()
    while writer.poll() is None:
        try:
            with DatasetQuery(root) as q:
                versions.add(q.version.name)
                assert q.df("SELECT count(*) AS n FROM events").n[0] == 180
                q.df("SELECT count(*) FROM appearances JOIN runs USING (run_id)")
            opened += 1
        except (QueryError, OSError) as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
    assert writer.returncode == 0, writer.stderr.read()[-2000:]
    assert not failures, failures[:3]
    assert opened > 10 and len(versions) >= 3  # readers really met commits
