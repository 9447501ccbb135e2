"""Datasets written before issue 12 (appearances.organization, no event_pages, no local-time columns) still read
with `dkevents query` under today's names, and the next run carries their rows into today's schema."""
import datetime as dt
import shutil

import duckdb
import pyarrow.parquet as pq

from pipelines.query import DatasetQuery
from pipelines.store import DatasetStore

from test_store import PAGE_V1, URL, read, write_run


def make_old(root):
    """Rewrite the committed version as the schema of before: the renamed column under its old name, the
    columns and the table added since gone."""
    cur = (root / "current").resolve()
    for path in (cur / "appearances").rglob("*.parquet"):
        t = pq.read_table(path)
        t = t.rename_columns(["organization" if c == "organisation_as_written" else c for c in t.column_names])
        pq.write_table(t.drop_columns([c for c in ("sessions", "event_date") if c in t.column_names]), path)
    for path in (cur / "events").rglob("*.parquet"):
        t = pq.read_table(path)
        pq.write_table(t.drop_columns([c for c in ("start_local", "end_local", "date", "weekday")
                                       if c in t.column_names]), path)
    shutil.rmtree(cur / "event_pages")


def test_old_datasets_read_under_todays_names_and_the_next_run_carries_them(tmp_path):
    store = DatasetStore(tmp_path / "datasets")
    write_run(store, {URL: PAGE_V1}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    make_old(store.root)
    with DatasetQuery(store.root) as q:
        got = q.df("SELECT name, organisation_as_written FROM appearances ORDER BY name")
    assert dict(zip(got.name, got.organisation_as_written))["Torben Tranæs"] == "Ydelseskommissionen"
    other = "https://cfbu.dk/arrangementer/temadag/"
    write_run(store, {other: "Temadag om boligsocialt arbejde\n\n7. november 2024\n\nkl. 13-15"},
              dt.datetime(2021, 4, 2, tzinfo=dt.timezone.utc))
    ap = read(store.root, "appearances").set_index("name")
    assert ap.organisation_as_written["Torben Tranæs"] == "Ydelseskommissionen"
    assert "organization" not in ap.columns
    ev = read(store.root, "events").set_index("title")
    assert str(ev.date["Et nyt ydelsessystem?"].date()) == "2021-06-02"  # computed for the old rows too
    assert ev.weekday["Temadag om boligsocialt arbejde"] == "Thursday"
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{store.root}/event_pages/*.parquet')"
                                    ).fetchone()[0] == 1  # the new page's event; the old ones when next read
