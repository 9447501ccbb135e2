"""Dataset writer and query speed: 1,000,000 synthetic appearances across 50,000 events through the real
writer (staging in batches, DuckDB merge, atomic commit), then the top-speakers query and a per-person lookup.

    .venv/bin/python bench/datasets.py [--appearances 1000000] [--events 50000] [--batch 20000]

Targets (issue "Parquet datasets"): top-speakers < 0.5 s; writer memory bounded by the batch size (compare peak
RSS for two batch sizes with --batch).
"""
import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.query import TOP_SPEAKERS, WHO, DatasetQuery  # noqa: E402
from pipelines.rows import digest, name_key  # noqa: E402
from pipelines.store import DatasetStore  # noqa: E402

FIRST = ["Mette", "Lars", "Anne", "Jens", "Camilla", "Peter", "Sofie", "Rasmus", "Karina", "Torben", "Ida", "Mads"]
LAST = ["Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen"]
SOURCES = ["altinget", "samu", "ds", "cfbu", "other"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--appearances", type=int, default=1_000_000)
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--batch", type=int, default=20_000)
    a = ap.parse_args()
    rnd = random.Random(7)
    people = [f"{f} {m} {l}" for f in FIRST for m in ("", "Bach", "Holm", "Vind") for l in LAST]
    people = [" ".join(p.split()) for p in people] * 40  # 30,720 names, duplicates make top speakers
    with tempfile.TemporaryDirectory() as tmp:
        store = DatasetStore(Path(tmp) / "datasets")
        w = store.writer(batch_rows=a.batch)
        now = dt.datetime.now(dt.timezone.utc)
        t0 = time.perf_counter()
        per_event = a.appearances // a.events
        for e in range(a.events):
            src = SOURCES[e % len(SOURCES)]
            eid = digest("bench", str(e))
            start = dt.datetime(2019, 1, 1, 9, tzinfo=dt.timezone.utc) + dt.timedelta(days=e % 2500)
            w.add("events", [{"event_id": eid, "source": src, "title": f"Møde {e}", "start": start,
                              "status": "confirmed", "source_url": f"https://{src}.dk/{e}", "first_seen": now,
                              "last_seen": now, "run_id": w.run_id, "extractor_version": "bench",
                              "organisers": []}])
            rows = []
            for k in range(per_event):
                name = people[rnd.randrange(len(people))] if k else people[e % 50]
                rows.append({"appearance_id": digest(eid, str(k)), "event_id": eid, "source": src, "name": name,
                             "name_key": name_key(name), "role": "socialordfører", "organisation_as_written": "Folketinget",
                             "party": "S", "confirmed": True, "moderator": False, "event_start": start,
                             "first_seen": now, "last_seen": now, "run_id": w.run_id})
            w.add("appearances", rows)
        staged = time.perf_counter()
        rss_staged = rss_mb()
        w.commit({"spider": "bench", "pages": 0, "items": a.events, "errors": 0, "finish_reason": "finished"})
        secs = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in (store.current).rglob("*.parquet"))
        q = DatasetQuery(store.root)
        t1 = time.perf_counter()
        top = q.df(TOP_SPEAKERS, [20])
        t_top = time.perf_counter() - t1
        t2 = time.perf_counter()
        who = q.df(WHO, [name_key(top.name[0]), f"%{top.name[0]}%"])
        t_who = time.perf_counter() - t2
    print(f"appearances written   {a.appearances:,} across {a.events:,} events (batch {a.batch:,} rows)")
    print(f"stage + commit        {staged - t0:.1f} s + {secs - (staged - t0):.1f} s")
    print(f"rows/second written   {a.appearances / secs:,.0f}")
    print(f"files on disk         {size / 1e6:.1f} MB (zstd Parquet)")
    print(f"top-speakers query    {t_top:.3f} s   (target < 0.5 s)")
    print(f"per-person lookup     {t_who:.3f} s   ({len(who)} appearances of {top.name[0]})")
    print(f"peak RSS while staging {rss_staged:.0f} MB (grows with --batch, not with --appearances)")
    print(f"peak RSS overall       {rss_mb():.0f} MB (DuckDB's merge and queries, capped by its memory_limit)")


if __name__ == "__main__":
    main()
