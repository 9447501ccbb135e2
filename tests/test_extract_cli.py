"""`dkevents extract` keeps the contract in ../shared/eval/EXTRACT_CONTRACT.md: run as a real subprocess."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SEED = HERE / "pages" / "seed_samu_socialpolitisk_2021.txt"
DKEVENTS = [sys.executable, "-m", "scraper.cli"]


def run(*args, cwd=HERE.parent):
    return subprocess.run([*DKEVENTS, "extract", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_single_text_page_gives_one_json_line_with_contract_fields():
    out = run(SEED, "--today", "2021-04-01")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.splitlines()
    page = json.loads(line)
    assert page["path"] == str(SEED)
    ev = page["events"][1]
    assert ev["title"] == "Et nyt ydelsessystem?"
    assert ev["start"] == "2021-06-02T09:15:00+02:00" and ev["end"] == "2021-06-02T12:00:00+02:00"
    assert ev["year_inferred"] is False and ev["date_confirmed"] is True and ev["online"] is False
    assert ev["venue"] == {**ev["venue"], "raw": "IDA Mødecenter, Kalvebod Brygge 31-33, 1560 København V",
                           "name": "IDA Mødecenter", "street": "Kalvebod Brygge 31-33", "postal_code": "1560",
                           "city": "København V"}
    (sp,) = ev["speakers"]
    assert {k: sp[k] for k in ("name", "party", "confirmed", "moderator")} == {
        "name": "Torben Tranæs", "party": None, "confirmed": True, "moderator": False}


def test_manifest_keeps_order_and_a_bad_page_gets_an_error_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage\x00")
    html = tmp_path / "page.html"
    html.write_text("<html><body><main><h1>Temadag om efterværn</h1><p>Tirsdag den 3. oktober 2023 kl. 9-12</p>"
                    "<p>v/ Mette Hansen, formand, Børns Vilkår</p></main></body></html>", encoding="utf-8")
    missing = tmp_path / "missing.html"
    manifest = tmp_path / "m.jsonl"
    rows = [{"path": str(html), "url": "https://cfbu.dk/arrangementer/x/"}, {"path": str(empty), "url": None},
            {"path": str(binary), "url": None}, {"path": str(missing), "url": None}, {"path": str(SEED), "url": None}]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = run("--manifest", manifest)
    assert out.returncode == 0, out.stderr
    got = [json.loads(l) for l in out.stdout.splitlines()]
    assert [g["path"] for g in got] == [r["path"] for r in rows]
    assert got[0]["events"][0]["start"] == "2023-10-03T09:00:00+02:00"
    assert got[0]["events"][0]["speakers"][0]["name"] == "Mette Hansen"
    for bad in got[1:4]:
        assert bad["events"] == [] and bad["error"]
    assert len(got[4]["events"]) == 6


def test_today_decides_a_missing_year(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Fyraftensmøde om hjemløshed\n\nden 15. maj kl. 16.30-18.30\n\nDebat med Mette Hansen, formand, DS.\n")
    a = json.loads(run(page, "--today", "2024-03-01").stdout)["events"][0]
    b = json.loads(run(page, "--today", "2025-03-01").stdout)["events"][0]
    assert a["start"].startswith("2024-05-15T16:30") and b["start"].startswith("2025-05-15T16:30")
    assert a["year_inferred"] is True


def test_html_and_text_of_one_page_give_the_same_events(tmp_path):
    sys.path.insert(0, str(HERE))
    from score import as_html
    text = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.html").write_text(as_html(text), encoding="utf-8")
    a = json.loads(run(tmp_path / "a.txt", "--today", "2021-04-01").stdout)["events"]
    b = json.loads(run(tmp_path / "a.html", "--today", "2021-04-01").stdout)["events"]
    strip = lambda evs: [{k: e[k] for k in ("title", "start", "end", "venue", "online")} |  # noqa: E731
                         {"speakers": [s["name"] for s in e["speakers"]]} for e in evs]
    assert strip(a) == strip(b)


@pytest.mark.parametrize("args", [[], ["a.txt", "--manifest", "m.jsonl"], ["x.txt", "--today", "tomorrow"]])
def test_wrong_arguments_exit_non_zero(args):
    out = run(*args)
    assert out.returncode != 0


def test_bad_manifest_line_is_an_argument_error(tmp_path):
    m = tmp_path / "m.jsonl"
    m.write_text("not json\n")
    out = run("--manifest", m)
    assert out.returncode == 2 and "manifest line 1" in out.stderr
