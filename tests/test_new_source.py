"""`dkevents new-source NAME URL` in a copy of the project: it adds the source's entry, a snapshot folder, a gold stub
and a test; the new spider is listed at once; the test it wrote fails until the page is saved and its gold written,
and then passes, by a real crawl of the snapshot on loopback."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LISTING = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Arrangementer | FOA</title></head>
<body>
<div class="cookie"><p>FOA bruger cookies. <button>OK</button></p></div>
<header><a href="/">FOA – Fag og Arbejde</a><nav><a href="/arrangementer/">Arrangementer</a> <a href="/om-foa/">Om FOA</a></nav></header>
<main>
<h1>Arrangementer</h1>
<div class="card"><h2><a href="/arrangementer/temadag-om-fremtidens-aeldrepleje/">Temadag om fremtidens ældrepleje</a></h2>
<p>Tirsdag den 9. februar 2027 · FOA, Staunings Plads 1-3, 1790 København V</p></div>
</main>
<footer><p>FOA · Staunings Plads 1-3 · 1790 København V · Tlf. 46 97 26 26</p></footer>
</body></html>
"""
EVENT = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Temadag om fremtidens ældrepleje | FOA</title></head>
<body>
<header><a href="/">FOA – Fag og Arbejde</a><nav><a href="/arrangementer/">Arrangementer</a></nav></header>
<main>
<h1>Temadag om fremtidens ældrepleje</h1>
<p>Dato: Tirsdag den 9. februar 2027 kl. 10.00-15.00</p>
<p>Sted: FOA, Staunings Plads 1-3, 1790 København V</p>
<p>Oplæg v/ Mona Striib, forbundsformand, FOA</p>
<p>Debat med Jens Kristian Aagaard, ældrechef, Vejle Kommune</p>
<p>Tilmelding senest 26. januar 2027.</p>
</main>
</body></html>
"""
EVENT_GOLD = {"title": "Temadag om fremtidens ældrepleje", "date": "2027-02-09", "year_stated": True,
              "start_time": "10:00", "end_time": "15:00", "venue": "FOA, Staunings Plads 1-3, 1790 København V",
              "city": "København V", "online": False, "date_confirmed": True, "speakers": [
                  {"name": "Mona Striib", "role": "forbundsformand", "organization": "FOA", "party": None,
                   "confirmed": True, "moderator": False},
                  {"name": "Jens Kristian Aagaard", "role": "ældrechef", "organization": "Vejle Kommune",
                   "party": None, "confirmed": True, "moderator": False}]}


@pytest.fixture
def project(tmp_path):
    """The project as a clone has it (its snapshot, gold and the tests' helpers), in a folder of its own."""
    copy = tmp_path / "project"
    keep = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("extract", "pipelines", "scraper"):
        shutil.copytree(ROOT / name, copy / name, ignore=keep)
    (copy / "tests").mkdir()
    for name in ("score.py", "source_gold.py"):
        shutil.copy(ROOT / "tests" / name, copy / "tests" / name)
    shutil.copytree(ROOT / "tests" / "snapshot_gold", copy / "tests" / "snapshot_gold")
    for name in ("pyproject.toml", "scrapy.cfg"):
        shutil.copy(ROOT / name, copy / name)
    return copy


def run(project, *args, timeout=300):
    # the copy's packages, not the installed checkout's: `python -m` puts the working folder first on the path
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, timeout=timeout)


def test_new_source_scaffolds_a_source_that_is_done_when_its_gold_passes(project):
    made = run(project, "-m", "scraper.cli", "new-source", "foa", "https://www.foa.dk/arrangementer/",
               "--organiser", "FOA")
    assert made.returncode == 0, made.stderr
    for path in ("extract/data/sources.toml", "scraper/snapshot/www.foa.dk/robots.txt",
                 "scraper/snapshot/www.foa.dk/_routes.json", "scraper/snapshot/www.foa.dk/arrangementer/index.html",
                 "tests/snapshot_gold/www.foa.dk/arrangementer.json", "tests/test_source_foa.py"):
        assert f"wrote {path}" in made.stdout, made.stdout
    # the spider, the command line and source_of know it at once
    listed = run(project, "-m", "scrapy.cmdline", "list")
    assert "foa" in listed.stdout.split(), listed.stderr[-2000:]
    known = run(project, "-c", "from extract import source_of; print(source_of('https://foa.dk/arrangementer/x/'))")
    assert known.stdout.strip() == "foa", known.stderr
    test = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_source_foa.py"]
    # not done yet: the snapshot has only the stub page and the gold no event
    assert run(project, *test).returncode == 1
    # the analyst saves the listing and the event page it links, and writes down what they say
    snap = project / "scraper" / "snapshot" / "www.foa.dk" / "arrangementer"
    (snap / "index.html").write_text(LISTING, encoding="utf-8")
    (snap / "temadag-om-fremtidens-aeldrepleje").mkdir()
    (snap / "temadag-om-fremtidens-aeldrepleje" / "index.html").write_text(EVENT, encoding="utf-8")
    gold_dir = project / "tests" / "snapshot_gold" / "www.foa.dk"
    listing = json.loads((gold_dir / "arrangementer.json").read_text(encoding="utf-8"))
    listing["events"] = [{**EVENT_GOLD, "start_time": None, "end_time": None, "speakers": []}]
    (gold_dir / "arrangementer.json").write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")
    event = {"url": "https://www.foa.dk/arrangementer/temadag-om-fremtidens-aeldrepleje/", "source": "foa",
             "kind": "event", "events": [EVENT_GOLD]}
    (gold_dir / "arrangementer_temadag-om-fremtidens-aeldrepleje.json").write_text(
        json.dumps(event, ensure_ascii=False), encoding="utf-8")
    done = run(project, *test)
    assert done.returncode == 0, done.stdout[-3000:]
    # and the gold is really checked: a wrong speaker fails it
    event["events"][0]["speakers"][1]["name"] = "Jens Kristian Aagård Holm"
    (gold_dir / "arrangementer_temadag-om-fremtidens-aeldrepleje.json").write_text(
        json.dumps(event, ensure_ascii=False), encoding="utf-8")
    assert run(project, *test).returncode == 1


@pytest.mark.parametrize("args,says", [
    (["kl", "https://www.example.dk/arrangementer/"], "there is a source 'kl' already"),
    (["kl2", "https://www.kl.dk/andre-arrangementer/"], "www.kl.dk belongs to the source 'kl' already"),
    (["Foa Faglig", "https://www.foa.dk/"], "a source name is lower-case"),
    (["foa", "www.foa.dk/arrangementer"], "is not a web address"),
])
def test_new_source_refuses_a_name_or_site_that_is_taken_or_wrong(project, args, says):
    before = (project / "extract" / "data" / "sources.toml").read_text(encoding="utf-8")
    r = run(project, "-m", "scraper.cli", "new-source", *args)
    assert r.returncode == 2 and says in r.stderr, r.stderr
    assert (project / "extract" / "data" / "sources.toml").read_text(encoding="utf-8") == before
