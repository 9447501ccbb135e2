"""Crawl speed: a generated loopback mirror of ≥ 2,000 pages crawled (a) by a bare Scrapy spider that only
follows links and (b) by the full dkevents crawl (extraction, WARC archive, Parquet writing), in one run.

    .venv/bin/python bench/crawl.py [--pages 2000] [--rounds 3]

Prints pages/second of both, their ratio and peak RSS. Target (issue "Spiders"): ratio ≥ 0.8.
Each crawl runs in its own process (a Twisted reactor starts once per process). The two crawls alternate for
--rounds rounds and the medians are shown: on a shared 2-core machine one crawl varies by ±5 % from run to run.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOST = "cfbu.dk"
PER_LISTING = 50


def generate(site: Path, n: int) -> None:
    """cfbu.dk/arrangementer/?page=K listings linking to n event pages made from the gold pages' HTML."""
    templates = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "pages").glob("*.html"))]
    base = site / HOST
    (base / "arrangementer").mkdir(parents=True)
    (base / "robots.txt").write_text("User-agent: *\nDisallow: /soeg/\n")
    listings = (n + PER_LISTING - 1) // PER_LISTING
    for k in range(listings):
        links = "".join(f'<li><a href="/arrangementer/e-{i}/">Arrangement {i}</a></li>'
                        for i in range(k * PER_LISTING, min(n, (k + 1) * PER_LISTING)))
        nxt = f'<a href="/arrangementer/?page={k + 2}">Næste side</a>' if k + 1 < listings else ""
        html = f"<html><body><main><h1>Arrangementer</h1><ul>{links}</ul>{nxt}</main></body></html>"
        name = "index.html" if k == 0 else f"index__page={k + 1}.html"
        (base / "arrangementer" / name).write_text(html, encoding="utf-8")
    for i in range(n):
        d = base / "arrangementer" / f"e-{i}"
        d.mkdir()
        (d / "index.html").write_text(templates[i % len(templates)], encoding="utf-8")


def child(mode: str, site: str, out: str) -> None:
    """Runs one crawl in this process and prints its figures as JSON."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from scraper.run import snapshot_settings
    from scraper.snapshot_server import SnapshotServer
    from scraper.spiders.configured import CfbuSpider  # made from the cfbu entry of the source list

    server = SnapshotServer(Path(site)).start()
    settings = get_project_settings()
    settings.update(snapshot_settings(server.address))
    settings.set("SNAPSHOT_DIR", site)
    settings.set("LOG_LEVEL", os.environ.get("BENCH_LOG", "ERROR"))
    settings.set("DATASETS_DIR", out)
    if os.environ.get("BENCH_HANDOFF"):
        settings.set("DATASETS_HANDOFF_PAGES", os.environ["BENCH_HANDOFF"])
    if os.environ.get("BENCH_WORKERS"):
        settings.set("DATASETS_EXTRACT_WORKERS", os.environ["BENCH_WORKERS"])
    spider = CfbuSpider
    if mode == "bare":
        settings.set("ITEM_PIPELINES", {})

        class BareSpider(CfbuSpider):  # the same rules, nothing read
            name = "bare"

            def parse_page(self, response):
                return []
        spider = BareSpider
    helpers_rss: dict[int, float] = {}
    threading.Thread(target=watch_helpers, args=(helpers_rss,), daemon=True).start()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    process.crawl(crawler)
    t0 = time.perf_counter()
    process.start()
    secs = time.perf_counter() - t0
    server.stop()
    pages = crawler.stats.get_value("response_received_count") or 0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"pages": pages, "seconds": secs, "rss_mb": me.ru_maxrss / 1024,
                      "cpu_main": me.ru_utime + me.ru_stime,
                      "cpu_workers": kids.ru_utime + kids.ru_stime + live_children_cpu(),
                      "worker_rss_mb": max(helpers_rss.values(), default=0.0)}))


def watch_helpers(peak: dict[int, float]) -> None:
    """Peak resident memory of each process below this one (fork server, workers), sampled (Linux /proc)."""
    me = os.getpid()
    while True:
        parent = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parent[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
        below, todo = set(), [me]
        while todo:
            p = todo.pop()
            kids = [c for c, pp in parent.items() if pp == p and c not in below]
            below.update(kids)
            todo += kids
        for pid in below:
            try:
                rss = next(int(x.split()[1]) for x in Path(f"/proc/{pid}/status").read_text().splitlines()
                           if x.startswith("VmRSS:"))
            except (OSError, StopIteration, ValueError):
                continue
            peak[pid] = max(peak.get(pid, 0.0), rss / 1024)
        time.sleep(0.5)


def live_children_cpu() -> float:
    """CPU seconds of this process's children that are still running, and of the children they have reaped:
    the fork server that starts the extraction workers lives until this process ends, and the workers' time is
    on its account (Linux /proc; 0 elsewhere)."""
    total, me, tick = 0.0, os.getpid(), os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:  # fields after the command: state, ppid, ..., utime(11), stime, cutime, cstime
            total += sum(int(x) for x in fields[11:15]) / tick
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3, help="bare and full crawls, alternating; medians are shown")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "SITE", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(*a.child)
    tmp = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    try:
        generate(tmp / "site", a.pages)
        runs = {"bare": [], "full": []}
        for r in range(a.rounds):  # alternating, so that a busy moment on the machine hits both
            for mode in ("bare", "full"):
                out = tmp / f"{mode}-{r}"
                p = subprocess.run([sys.executable, __file__, "--child", mode, str(tmp / "site"), str(out)],
                                   capture_output=True, text=True, cwd=ROOT)
                if p.returncode:
                    sys.exit(p.stderr[-2000:])
                runs[mode].append(json.loads(p.stdout.strip().splitlines()[-1]))
                shutil.rmtree(out, ignore_errors=True)
        b, f = (sorted(runs[m], key=lambda x: x["seconds"])[(a.rounds - 1) // 2] for m in ("bare", "full"))
        bps, fps = b["pages"] / b["seconds"], f["pages"] / f["seconds"]
        ratios = [x["seconds"] / y["seconds"] for x, y in zip(runs["bare"], runs["full"])]
        print(f"mirror                {a.pages} event pages + listings on 127.0.0.1, {a.rounds} rounds (medians)")
        print(f"bare spider           {b['pages']} pages in {b['seconds']:.1f} s = {bps:.0f} pages/s, "
              f"peak RSS {b['rss_mb']:.0f} MB")
        print(f"dkevents crawl        {f['pages']} pages in {f['seconds']:.1f} s = {fps:.0f} pages/s, "
              f"peak RSS {f['rss_mb']:.0f} MB (helper processes: fork server and workers, "
              f"at most {f['worker_rss_mb']:.0f} MB each)")
        print(f"ratio                 {fps / bps:.2f}   (target >= 0.8; per round {', '.join(f'{x:.2f}' for x in ratios)})")
        print(f"CPU seconds           bare {b['cpu_main']:.1f}; dkevents crawl {f['cpu_main']:.1f} in the crawl process "
              f"+ {f['cpu_workers']:.1f} in the extraction workers")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
