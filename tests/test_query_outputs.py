"""What researchers read, on the demo crawl through the real command line: times the same in every output
(local Copenhagen time with its offset; an all-day event on its own day), every view named in `query --help`,
the ready-made questions of queries/examples.sql, and the Excel export."""
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipelines.query import DatasetQuery, load_examples
from pipelines.schema import ALL_TABLES

ROOT = Path(__file__).resolve().parent.parent
OFFSET = r"T\d\d:\d\d:\d\d\+0[12]:00$"  # Copenhagen is UTC+1 in winter, UTC+2 in summer


def dk(*args):
    return subprocess.run([sys.executable, "-m", "scraper.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def data(snapshot_crawl):
    return snapshot_crawl[0]


def test_an_all_day_event_is_on_its_own_day(data):
    sql = ("SELECT title, start, date(start) AS day_of_start, date, weekday, start_local FROM events "
           "WHERE all_day ORDER BY title")
    r = dk("query", sql, "-f", "json", "--datasets", data)
    assert r.returncode == 0, r.stderr
    rows = jsonl(r.stdout)
    assert len(rows) >= 3
    for row in rows:
        # local midnight of its own day, not 22:00 or 23:00 the day before
        assert row["start"].startswith(row["date"] + "T00:00:00+0"), row
        assert row["day_of_start"] == row["date"] and row["start_local"] == row["date"] + "T00:00:00"
    topmoede = next(r for r in rows if r["title"] == "Altingets netværkstopmøde 2021")
    assert (topmoede["start"], topmoede["weekday"]) == ("2021-08-26T00:00:00+02:00", "Thursday")


def test_who_and_query_give_the_same_times_in_every_format(data, tmp_path):
    who = jsonl(dk("who", "Astrid Krag", "-f", "json", "--datasets", data).stdout)
    sql = ("SELECT e.title AS event, e.start FROM appearances a JOIN events e USING (event_id) "
           "WHERE a.name = 'Astrid Krag' ORDER BY e.start")
    query = jsonl(dk("query", sql, "-f", "json", "--datasets", data).stdout)
    assert [(w["event"], w["start"]) for w in who] == [(q["event"], q["start"]) for q in query]
    assert all(pd.Series([q["start"] for q in query]).str.contains(OFFSET))
    csv = pd.read_csv(pd.io.common.StringIO(dk("query", sql, "-f", "csv", "--datasets", data).stdout))
    assert list(csv.start) == [q["start"] for q in query]
    table = dk("query", sql, "--datasets", data).stdout
    assert all(q["start"] in table for q in query)
    out = tmp_path / "krag.parquet"
    assert dk("query", sql, "-f", "parquet", "-o", out, "--datasets", data).returncode == 0
    assert [t.isoformat() for t in pd.read_parquet(out).start] == [q["start"] for q in query]
    xlsx = tmp_path / "krag.xlsx"
    assert dk("query", sql, "-f", "xlsx", "-o", xlsx, "--datasets", data).returncode == 0
    sheet = openpyxl.load_workbook(xlsx).active
    cells = list(sheet.values)
    assert cells[0] == ("event", "start") and [c[1] for c in cells[1:]] == [q["start"] for q in query]


def test_xlsx_needs_a_file_and_keeps_dates_as_dates(data, tmp_path):
    r = dk("query", "SELECT 1", "-f", "xlsx", "--datasets", data)
    assert r.returncode == 2 and "--output" in r.stderr
    out = tmp_path / "events.xlsx"
    r = dk("query", "SELECT title, date, organisers FROM events WHERE date IS NOT NULL ORDER BY date",
           "-f", "xlsx", "-o", out, "--datasets", data)
    assert r.returncode == 0, r.stderr
    rows = list(openpyxl.load_workbook(out).active.values)
    with DatasetQuery(data) as q:
        n = q.df("SELECT count(*) AS n FROM events WHERE date IS NOT NULL").n[0]
    assert len(rows) == n + 1
    assert hasattr(rows[1][1], "year") and rows[1][1].year == 2016  # an Excel date, not text


def test_every_view_is_in_query_help_and_in_the_data_dictionary(data):
    help_text = " ".join(dk("query", "--help").stdout.split())
    dictionary = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    with DatasetQuery(data) as q:
        views = set(q.df("SELECT table_name FROM information_schema.tables").table_name)
    assert views == set(ALL_TABLES)
    for view in ALL_TABLES:
        assert view in help_text, view
        assert f"## `{view}`" in dictionary, view


def test_as_written_and_canonical_follow_one_naming_scheme(data):
    """X_as_written is the page's text, X the canonical value, in every table that has both."""
    with DatasetQuery(data) as q:
        cols = q.df("SELECT table_name, column_name FROM information_schema.columns")
    pairs = [(t, c) for t, c in zip(cols.table_name, cols.column_name) if c.endswith("_as_written")]
    assert {("appearances", "organisation_as_written"), ("people", "organisations_as_written"),
            ("organisations", "names_as_written")} <= set(pairs)
    for table, column in pairs:
        base = column.removesuffix("_as_written")
        assert base in set(cols.column_name[cols.table_name == table]) or table == "organisations", (table, column)
    assert "organization" not in set(cols.column_name)  # one spelling: organisation


EXAMPLES = load_examples()


def test_the_examples_file_has_the_questions_researchers_ask():
    assert set(EXAMPLES) >= {"speakers_by_organisation_kind", "party_by_year", "where_ministers_speak",
                             "organisers_invite_whom", "unconfirmed_speakers", "top_speakers"}
    assert all(about for about, _ in EXAMPLES.values())


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_query_answers_on_the_demo_data(data, name):
    r = dk("query", "--example", name, "-f", "json", "--datasets", data)
    assert r.returncode == 0, r.stderr
    rows = jsonl(r.stdout)
    assert rows, f"{name} gave no rows"
    with DatasetQuery(data) as q:
        if name == "party_by_year":
            # each year's politicians, counted independently
            want = q.df("SELECT year(e.date) AS y, a.party, count(DISTINCT a.person_id) AS n FROM appearances a "
                        "JOIN events e USING (event_id) WHERE a.party IS NOT NULL AND e.date IS NOT NULL GROUP BY ALL")
            assert {(r["year"], r["party"], r["politicians"]) for r in rows} == set(zip(want.y, want.party, want.n))
        elif name == "where_ministers_speak":
            assert {"Astrid Krag", "Peter Hummelgaard", "Magnus Heunicke"} <= {r["name"] for r in rows}
            assert all("minister" in r["role"].lower() and "ministeriet" not in r["role"].lower() for r in rows)
        elif name == "unconfirmed_speakers":
            n = q.df("SELECT count(*) AS n FROM appearances WHERE NOT confirmed").n[0]
            assert len(rows) == n and "Hülya Demir" in {r["name"] for r in rows}
        elif name == "top_speakers":
            # ties share a rank: everyone with the top count is rank 1
            top = max(r["events"] for r in rows)
            assert {r["name"] for r in rows if r["rank"] == 1} == {r["name"] for r in rows if r["events"] == top}
        elif name == "organisers_invite_whom":
            # every organiser whose pages name speakers in the demo data
            with_speakers = set(q.df("SELECT DISTINCT source FROM appearances").source)
            assert {r["organiser"] for r in rows} == with_speakers and {"altinget", "samu", "ds", "cfbu"} <= with_speakers
        elif name == "speakers_by_organisation_kind":
            assert {r["organisation_kind"] for r in rows} >= {"municipality", "union", "ngo", "research"}


def test_an_unknown_example_says_which_there_are(data):
    r = dk("query", "--example", "most_talkative", "--datasets", data)
    assert r.returncode == 2 and "party_by_year" in r.stderr
