"""notebooks/who_speaks_where.ipynb runs top to bottom on the datasets of a real snapshot crawl; every chart has
a title, labelled axes and alt text; counts have integer axes; and every claim it prints is what the datasets
say, recomputed here from the datasets themselves (ties named as ties)."""
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipelines.query import DatasetQuery

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "who_speaks_where.ipynb"


def test_notebook_is_built_from_its_source():
    import sys
    sys.path.insert(0, str(ROOT / "notebooks"))
    from build_notebook import build
    on_disk = nbformat.read(NB, as_version=4)
    assert [c.source for c in on_disk.cells] == [c.source for c in build().cells], \
        "run .venv/bin/python notebooks/build_notebook.py"


@pytest.fixture(scope="module")
def executed(snapshot_crawl):
    import os
    os.environ["DKEVENTS_DATASETS"] = str(snapshot_crawl[0])
    try:
        nb = nbformat.read(NB, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NB.parent)}}).execute()
    finally:
        del os.environ["DKEVENTS_DATASETS"]
    return nb, snapshot_crawl[0]


def printed(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                   if o.get("output_type") == "stream")


def test_notebook_executes_with_titled_labelled_described_charts(executed):
    nb, _ = executed
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    images = [o["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "<img" in o.get("data", {}).get("text/html", "")]
    assert len(images) >= 8
    for img in images:
        alt = re.search(r'alt="([^"]*)"', img).group(1)
        assert len(alt) > 20 and re.search(r"\d", alt), alt  # says what the chart shows, figures included
    for c in nb.cells:
        if c.cell_type == "code" and "show(fig, " in c.source and "def show" not in c.source:
            assert "set_title" in c.source and "set_xlabel" in c.source and "set_ylabel" in c.source
            assert "print(" in c.source
            # a chart of counts has integer ticks (no axis at 0.25 events)
            if re.search(r"ylabel\(\"(people|politicians|speakers)|xlabel\(\"(distinct speakers|speakers|events)",
                         c.source):
                assert "integer_axis(" in c.source, c.source[:80]


def test_every_claim_is_what_the_data_say(executed):
    nb, root = executed
    text = printed(nb)
    with DatasetQuery(root) as q:
        per_person = q.df("SELECT person_id, count(DISTINCT event_id) AS n FROM appearances GROUP BY 1")
        top = per_person.n.max()
        tied = (per_person.n == top).sum()
        if tied > 1:
            assert f"{tied} people share the top count of {top} events" in text
        else:
            assert f"spoke at the most events: {top}." in text
        for source, speakers, returning in q.df(
                "SELECT source, count(*), count(*) FILTER (WHERE n > 1) FROM (SELECT source, person_id, "
                "count(DISTINCT event_id) AS n FROM appearances GROUP BY ALL) GROUP BY 1").itertuples(index=False):
            assert f"{source}: {returning} of its {speakers} speakers spoke at more than one" in text
        parties = q.df("SELECT party, count(DISTINCT person_id) AS n FROM appearances WHERE party IS NOT NULL "
                       "GROUP BY 1 ORDER BY 2 DESC, 1")
        leaders = list(parties.party[parties.n == parties.n.max()])
        assert f"had the most politicians on stage ({parties.n.max()} people)" in text
        assert f"Across all years, {leaders[0]}" in text and (len(leaders) > 1) == ("(a tie)." in text.split(
            "politicians on stage")[1].splitlines()[0])
        kinds = q.df("SELECT o.kind, count(DISTINCT a.person_id) AS n FROM appearances a JOIN organisations o "
                     "ON a.organisation = o.name WHERE o.kind <> 'other' GROUP BY 1")
        best = sorted(kinds.kind[kinds.n == kinds.n.max()])
        assert f"of the kinds recognised, {best[0]}" in text and f"({kinds.n.max()} people)" in text
        unnamed = q.df("SELECT count(DISTINCT person_id) AS n FROM appearances WHERE organisation IS NULL").n[0]
        assert f"{unnamed} speakers are introduced without an organisation" in text
        repeat = q.df("SELECT person_id, count(DISTINCT event_id) AS n, count(DISTINCT source) AS s "
                      "FROM appearances GROUP BY 1")
        more = ((repeat.n > 1) | (repeat.s > 1)).sum()
        bridges = (repeat.s > 1).sum()
        assert f"{more} people speak more than once; {bridges} of them speak for more than one organiser" in text
