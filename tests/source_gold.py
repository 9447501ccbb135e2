"""Scoring one source's snapshot pages against its gold in every field the scorer checks; used by
tests/test_sources.py and by the test `dkevents new-source` writes for a new source."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import score  # noqa: E402


def gold_files(name: str) -> list[Path]:
    from extract.sources import source
    src = source(name)
    hosts = [p for p in (ROOT / "tests" / "snapshot_gold").iterdir() if p.is_dir() and src.owns(p.name)]
    return sorted(f for h in hosts for f in h.glob("*.json"))


def check_gold(name: str, preds: dict[str, list[dict]]) -> None:
    """Every gold event and speaker of the source and nothing else, and each one's date, times, place, town,
    online, date confirmation, party, confirmation, moderator and role/organisation as the gold says.
    `preds` maps a page's canonical URL to the events read from it."""
    from pipelines.rows import canonical_url
    t, problems = score.Tally(), []
    counts = dict.fromkeys(["gold_events", "pred_events", "matched_events", "gold_speakers", "pred_speakers",
                            "matched_speakers", "all_gold_speakers"], 0)
    files = gold_files(name)
    assert files, f"{name}: no gold in tests/snapshot_gold/"
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["source"] == name, path
        url = canonical_url(gold["url"])
        assert url in preds, f"{name}: the crawl never read {gold['url']}"
        score.score_page(gold, {"events": preds[url]}, t, counts, problems, path.stem)
    assert counts["gold_events"] > 0, f"{name}: the gold has no events yet ({', '.join(f.name for f in files)})"
    assert counts["matched_events"] == counts["pred_events"] == counts["gold_events"], (name, counts, problems)
    assert counts["matched_speakers"] == counts["pred_speakers"] == counts["gold_speakers"], (name, counts, problems)
    wrong = {k: t.rate(k) for k in t.total if t.rate(k) != 1.0}
    assert not wrong, (name, wrong, problems)


def read_archive(root: Path) -> dict[str, list[dict]]:
    """Events per crawled page, read again from the crawl's WARC archive (the bytes fetched)."""
    from extract import extract_page
    from pipelines.archive import archived_pages
    from pipelines.rows import canonical_url
    out = {}
    for _, item in archived_pages(root):
        if item.status == 200:
            page = extract_page(item.body, url=item.url, today=item.fetched_at.date(), is_html=True)
            out[canonical_url(item.url)] = [e.to_json() for e in page.events]
    return out


def check_source(name: str, tmp_path: Path) -> None:
    """Crawl the source from the snapshot on loopback (a real Scrapy crawl into real datasets), then score it."""
    datasets = tmp_path / "datasets"
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", name, "--snapshot", "--datasets",
                           str(datasets), "--no-summary"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    check_gold(name, read_archive(datasets))
