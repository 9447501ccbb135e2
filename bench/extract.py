"""Extraction speed and memory: every test page (HTML as is, text pages both as text and dressed as HTML by the
scorer's as_html; HTML pages also padded with chrome to live weights of 30-50 KB; the snapshot's pages)
repeated until at least 2,000 pages have been read, on one core, in this process.

    .venv/bin/python bench/extract.py [--pages 2000]

Prints pages/second, MB/second and peak RSS. Target (issue "Extraction core"): ≥ 150 pages/s.
"""
import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from extract import extract_page  # noqa: E402
from extract.page import strip_header  # noqa: E402
from score import as_html  # noqa: E402


def corpus() -> list[tuple[str, bytes | str, bool]]:
    pages = []
    for p in sorted((ROOT / "tests" / "pages").iterdir()) + sorted((ROOT / "tests" / "encoding").glob("*.html")):
        if p.suffix == ".html":
            pages.append((p.name, p.read_bytes(), True))
        elif p.suffix == ".txt":
            text, _ = strip_header(p.read_text(encoding="utf-8"))
            pages.append((p.name, text, False))
            pages.append((p.name + " as html", as_html(text), True))
    # live pages weigh 30-50 KB, most of it chrome (inline scripts, mega menus): the same pages, so padded
    menu = "".join(f'<li><a href="/emne/{i}/">Emne nummer {i} om socialpolitik</a></li>' for i in range(260))
    script = "<script>window.__STATE__ = " + '{"k": "' + "x" * 12000 + '"};</script>'
    for name, content, is_html in list(pages):
        if is_html and isinstance(content, bytes) and len(content) < 30_000:
            padded = content.replace(b"<body", (script + "<body").encode(), 1).replace(
                b"</body>", f'<nav class="mega-menu"><ul>{menu}</ul></nav></body>'.encode(), 1)
            if 30_000 <= len(padded) <= 50_000:
                pages.append((name + " padded", padded, True))
    snap = ROOT / "scraper" / "snapshot"
    if snap.exists():
        for p in sorted(snap.rglob("*")):
            if p.is_file() and p.suffix in (".html", ".aspx"):
                pages.append((str(p.relative_to(snap)), p.read_bytes(), True))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    a = ap.parse_args()
    pages = corpus()
    sizes = [len(c.encode() if isinstance(c, str) else c) for _, c, _ in pages]
    big = sum(1 for s in sizes if 30_000 <= s <= 50_000)
    today = dt.date(2026, 11, 23)
    extract_page(pages[0][1], today=today, is_html=pages[0][2])  # warm up: name lists, regexes
    n = bytes_read = events = 0
    t0 = time.perf_counter()
    while n < a.pages:
        for (_, content, is_html), size in zip(pages, sizes):
            events += len(extract_page(content, today=today, is_html=is_html).events)
            n += 1
            bytes_read += size
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"distinct pages      {len(pages)} ({big} of 30-50 KB, largest {max(sizes) / 1024:.0f} KB)")
    print(f"pages read          {n}")
    print(f"events found        {events}")
    print(f"seconds             {secs:.2f}")
    print(f"pages/second        {n / secs:.0f}   (target >= 150)")
    print(f"MB/second           {bytes_read / secs / 1e6:.2f}")
    print(f"peak RSS            {rss:.0f} MB")


if __name__ == "__main__":
    main()
