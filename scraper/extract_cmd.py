"""`dkevents extract`: the command EXTRACT_CONTRACT.md fixes. One JSON line per page, in input order; a page
that cannot be read gets `"events": []` and an `"error"`, and the run goes on."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from extract import extract_page
from extract.page import strip_header


def read_page(path: Path) -> tuple[str | bytes, bool, str | None, dt.date | None]:
    """→ (content, is_html, url from a header, crawl date from a header)."""
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if path.suffix.lower() in (".html", ".htm"):
        return data, True, None, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text: {exc}") from exc
    fetched = re.search(r"^(?:RETRIEVED|FETCHED|CRAWLED)(?:-AT)?: (\d{4}-\d{2}-\d{2})", text[:500], re.M)
    body, url = strip_header(text)
    return body, False, url, dt.date.fromisoformat(fetched.group(1)) if fetched else None


def extract_one(path: str, url: str | None, today: dt.date | None) -> dict:
    out = {"path": path, "url": url, "events": []}
    try:
        content, is_html, header_url, crawled = read_page(Path(path))
        page = extract_page(content, url=url or header_url, today=today or crawled or dt.date.today(),
                            is_html=is_html)
        out.update(source=page.source, kind=page.kind, events=[e.to_json() for e in page.events],
                   contacts=[{"name": c.name} for c in page.contacts])
        if page.warnings:
            out["warnings"] = page.warnings
    except (OSError, ValueError, UnicodeError) as exc:
        out["error"] = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a bug in the extractor must not stop the other pages
        out["error"] = f"extractor failed: {type(exc).__name__}: {exc}"
    return out


def run(page: str | None, manifest: str | None, url: str | None, today: dt.date | None) -> int:
    if bool(page) == bool(manifest):
        print("give either PAGE or --manifest MANIFEST.jsonl", file=sys.stderr)
        return 2
    jobs: list[tuple[str, str | None]] = []
    if manifest:
        try:
            lines = Path(manifest).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            print(f"cannot read manifest: {exc}", file=sys.stderr)
            return 2
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                jobs.append((obj["path"], obj.get("url")))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                print(f"manifest line {n} is not {{\"path\": ..., \"url\": ...}}: {exc}", file=sys.stderr)
                return 2
    else:
        jobs.append((page, url))
    out = sys.stdout
    for path, u in jobs:
        out.write(json.dumps(extract_one(path, u, today), ensure_ascii=False) + "\n")
        out.flush()
    return 0
