"""`dkevents new-source NAME URL`: everything a new organiser needs, the way City Scrapers' `genspider` does it.

It adds the source's entry to extract/data/sources.toml (the spider, the command line and `source_of` all read it),
and makes a snapshot folder for the site with a place for its listing page, a gold stub for that page and a test
that crawls the source from the snapshot and scores it against its gold. The test fails until the real page is
saved in the snapshot and the gold says what is on it: that is the to-do list of a new source (README, "Adding a
source").
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from extract.sources import NAME, OTHER, SourceListError, parse_sources

ROOT = Path(__file__).resolve().parent.parent
SOURCES_FILE = Path("extract") / "data" / "sources.toml"


class ScaffoldError(ValueError):
    pass


def snapshot_file(host: str, path: str, query: str = "") -> Path:
    """Where the snapshot server looks for a URL (scraper/snapshot/README.md, "Path mapping")."""
    rel = path.strip("/")
    if query:
        return Path(host, rel, "index__" + query.replace("&", "__") + ".html")
    if Path(rel).suffix:
        return Path(host, rel)
    return Path(host, rel, "index.html")


def gold_name(path: str, query: str = "") -> str:
    stem = path.strip("/").replace("/", "_") or "index"
    return stem + (f"__{query}" if query else "") + ".json"


def entry_text(name: str, organiser: str, url: str) -> str:
    parts = urlsplit(url)
    domain = (parts.hostname or "").removeprefix("www.")
    # event pages are taken to sit under the listing's path (`/arrangementer/` -> `/arrangementer/<slug>/`);
    # look at the site and widen the pattern, or add navigation for its pagination
    section = re.escape(parts.path.rstrip("/")).replace("\\-", "-") or ""
    return (f'\n[[source]]\nname = "{name}"\norganiser = "{organiser}"\ndomains = ["{domain}"]\n'
            f'start_urls = ["{url}"]\nevent_pages = [\'{section}/[\\w-]+/?$\']\n')


def test_text(name: str, host: str) -> str:
    return f'''"""{name}: the spider from extract/data/sources.toml, crawled from scraper/snapshot/{host}/, matches its gold
(tests/snapshot_gold/{host}/) in every scored field. Made by `dkevents new-source`."""
from source_gold import check_source


def test_{name}_matches_its_gold(tmp_path):
    check_source("{name}", tmp_path)
'''


def stub_page(url: str, organiser: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>{organiser}</title></head>
<body>
<!-- Replace this file with the page as the site serves it (in a browser: Save page as..., HTML only):
     {url}
     then save the event pages it links beside it (scraper/snapshot/README.md, "Path mapping"). -->
</body></html>
"""


def scaffold(name: str, url: str, organiser: str | None = None, root: Path = ROOT) -> list[Path]:
    """Writes the source's entry, snapshot folder, gold stub and test under `root`; returns the files made."""
    if not NAME.match(name) or name == OTHER:
        raise ScaffoldError(f"{name!r}: a source name is lower-case letters, digits and _ (and not {OTHER!r})")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ScaffoldError(f"{url!r} is not a web address (https://...)")
    sources_file = root / SOURCES_FILE
    text = sources_file.read_text(encoding="utf-8")
    known = parse_sources(text, str(sources_file))
    if any(s.name == name for s in known):
        raise ScaffoldError(f"there is a source {name!r} already")
    owner = next((s.name for s in known if s.owns(parts.hostname)), None)
    if owner:
        raise ScaffoldError(f"{parts.hostname} belongs to the source {owner!r} already")
    organiser = organiser or name
    host = parts.hostname.lower()
    new_text = text.rstrip("\n") + "\n" + entry_text(name, organiser.replace('"', "'"), url)
    try:
        parse_sources(new_text, str(sources_file))
    except SourceListError as exc:
        raise ScaffoldError(str(exc)) from exc
    snapshot = root / "scraper" / "snapshot"
    page = snapshot / snapshot_file(host, parts.path, parts.query)
    gold = root / "tests" / "snapshot_gold" / host / gold_name(parts.path, parts.query)
    test = root / "tests" / f"test_source_{name}.py"
    made = []
    for path, content in [
        (snapshot / host / "robots.txt", "User-agent: *\nDisallow:\n"),
        (snapshot / host / "_routes.json", json.dumps({"redirects": {}, "redirect_loops": [],
                                                       "server_errors_once": [], "slow": []}) + "\n"),
        (page, stub_page(url, organiser)),
        (gold, json.dumps({"url": url, "source": name, "kind": "listing", "events": [], "ignore_titles": [],
                           "notes": "TODO: what a perfect extractor reads from this page "
                                    "(format: GOLD_FORMAT.md)"}, ensure_ascii=False, indent=2) + "\n"),
        (test, test_text(name, host)),
    ]:
        if path.exists():
            continue  # a snapshot saved before is kept
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        made.append(path)
    sources_file.write_text(new_text, encoding="utf-8")
    return [sources_file, *made]
