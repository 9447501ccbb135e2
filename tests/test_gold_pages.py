"""Every gold page is a test of its own: its events and speakers, exactly. A fix that breaks another page names
that page here. Pages whose misses are known (and not yet fixed) are strict xfails: when a change mends one, the
xfail fails, and the page moves to the passing set.

The real-page corpus in ../shared/corpus is scored as a whole (as text and dressed as HTML) against issue 9's
targets; the test is skipped where ../shared is not."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SHARED_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"
CORPUS = HERE.parent.parent / "shared" / "corpus"
CMD = f"{sys.executable} -m scraper.cli extract --manifest {{manifest}}"


def _scorer():
    path = SHARED_SCORER if SHARED_SCORER.exists() else HERE / "score.py"
    spec = importlib.util.spec_from_file_location("dkevents_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


score = _scorer()

# known misses on our own gold pages (each names its shape); a strict xfail fails once the page is mended
KNOWN_MISSES = {
    "ds_socialraadgiverdage-2025-torsdag": "a sub-page's title names the day, the event's name is only in the text",
    "html7_altinget_netvaerk-social-efteraar-2025": "a speakers' line '(navne følger)' over the title",
    "txt10_altinget_beskaeftigelse_2017": "an Altinget 2017 meeting whose block has no title line",
    "txt10_samu_moederaekke_ny_dato_2025": "'Ny dato: ...' over the title is taken as the title",
    "txt4_altinget_artikel-hjemloesestrategien": "a byline 'Af <name>' read as an event",
    "txt9_holbaek_kalender": "a calendar item whose title shares its line with the date",
    "txt10_ds_fyraften_to_gange": "a name that ends in a town's name ('Marianne Dyhr Kolding')",
    "txt10_ds_socialraadgiverdage_torsdag_2025": "a room label beats the conference venue",
    "seed_samu_socialpolitisk_2021": "a minister named in the introduction is not on the programme",
    "txt5_altinget_beskaeftigelse-netvaerk-foraar-2023": "a researcher whose work is cited, not a speaker",
    "txt5_other_socialpolitisk-forening-debat-specialomraadet-2025": "a quote's sayer with the name after the verb",
    "txt8_other_socialpolitisk-topmoede-2025": "last year's speaker named in the text",
    "txt8_samu_beskaeftigelse-moederaekke-2014": "a researcher whose analysis is cited",
    "txt_samu_arrangement-handicapomraadets-oekonomi-5318": "a researcher who led an analysis is named, not invited",
    "blind11_07": "an organist who accompanies the singing is named like a speaker",
    "blind11_11": "a project's name that reads as a person's ('Bo Videre')",
    "txt9_vive_housing_first_webinar": "an English programme's title on a dated line",
}


def _stems(gold_dir: Path, pages_dir: Path) -> list[tuple[str, str]]:
    out = []
    for g in sorted(gold_dir.glob("*.json")):
        page = next((p for p in (pages_dir / (g.stem + ext) for ext in (".txt", ".html", ".htm")) if p.exists()), None)
        if page is not None:
            out.append((g.stem, page.name))
    return out


@pytest.fixture(scope="module")
def gold_predictions():
    stems = _stems(HERE / "gold", HERE / "pages")
    return stems, score.run_extractor(CMD, str(HERE / "pages"), stems)


def _page_problems(stem: str, preds: dict, gold_dir: Path) -> tuple[list[str], dict]:
    gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
    counts = dict.fromkeys(["gold_events", "pred_events", "matched_events", "gold_speakers", "pred_speakers",
                            "matched_speakers", "all_gold_speakers"], 0)
    problems: list[str] = []
    score.score_page(gold, preds.get(stem), score.Tally(), counts, problems, stem)
    return problems, counts


GOLD_STEMS = [s for s, _ in _stems(HERE / "gold", HERE / "pages")]


@pytest.mark.parametrize("stem", [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[s]))
                                  if s in KNOWN_MISSES else s for s in GOLD_STEMS])
def test_gold_page(stem, gold_predictions):
    _, preds = gold_predictions
    problems, c = _page_problems(stem, preds, HERE / "gold")
    exact = c["matched_events"] == c["gold_events"] == c["pred_events"] and \
        c["matched_speakers"] == c["gold_speakers"] == c["pred_speakers"]
    assert exact and not [p for p in problems if " title " in p], "\n".join(problems)


def test_every_known_miss_names_a_gold_page():
    assert set(KNOWN_MISSES) <= set(GOLD_STEMS)


# ../shared/corpus: issue 9's targets, held as text and as HTML (measured on this change: events 0.959, speakers
# 0.949, recall 0.922, title 0.933 / 0.922, venue 0.902, date 0.990, party 1.000)
CORPUS_TARGETS = {"events_f1": 0.95, "speaker_f1": 0.93, "speaker_recall_all": 0.85, "title": 0.90, "venue": 0.90,
                  "date": 0.98, "party": 0.97}
needs_corpus = pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="../shared/corpus is not here")


def _corpus_figures(wrap_html: bool) -> dict:
    import subprocess
    out = HERE / f".corpus-figures-{int(wrap_html)}.json"
    cmd = [sys.executable, str(SHARED_SCORER), "--gold", str(CORPUS / "gold"), "--pages", str(CORPUS / "pages"),
           "--cmd", CMD, "--json", str(out)] + (["--wrap-html"] if wrap_html else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = json.loads(out.read_text())
    out.unlink()
    return figures


@pytest.fixture(scope="module", params=[False, True], ids=["as-text", "as-html"])
def corpus_figures(request):
    return _corpus_figures(request.param)


@needs_corpus
def test_corpus_meets_the_issue_targets(corpus_figures):
    short = {k: round(corpus_figures[k], 3) for k, t in CORPUS_TARGETS.items() if corpus_figures[k] < t}
    assert not short, f"short of the targets: {short}"
