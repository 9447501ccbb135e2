"""The dataset pipeline on its own (no crawl): pages handed to worker processes in hand-offs, counted once, and
read in the crawl's own process when the workers cannot start. Real worker processes, a real store."""
import asyncio
import datetime as dt
import logging
import multiprocessing.spawn
from pathlib import Path
from types import SimpleNamespace

import duckdb
from scrapy.settings import Settings
from scrapy.statscollectors import StatsCollector

import pipelines.dataset_pipeline as dataset_pipeline
from extract import extract_page
from pipelines.dataset_pipeline import DatasetPipeline
from pipelines.items import PageItem

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "pages").glob("cfbu_*.html")) + sorted((ROOT / "tests" / "pages").glob("ds_*.html"))
FETCHED = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def crawl_into(root: Path, workers: int, handoff_pages: int) -> DatasetPipeline:
    """What Scrapy does with the pipeline: open, one process_item per page, then spider_closed."""
    pipe = DatasetPipeline(str(root), batch_rows=1000, run_id=None, workers=workers, handoff_pages=handoff_pages)
    pipe.crawler = SimpleNamespace(stats=StatsCollector(SimpleNamespace(settings=Settings())))
    spider = SimpleNamespace(name="bench")

    async def crawl():
        pipe.open_spider(spider)
        for k, path in enumerate(PAGES):
            item = PageItem(url=f"https://cfbu.dk/arrangementer/page-{k}/", source="cfbu", status=200,
                            body=path.read_bytes(), fetched_at=FETCHED)
            returned = await pipe.process_item(item, spider)
            assert returned is item and returned.body == b""  # pages are not kept in memory
        pipe.spider_closed(spider, "finished")

    asyncio.run(crawl())
    return pipe


def expected_events() -> int:
    return sum(len(extract_page(p.read_bytes(), url=f"https://cfbu.dk/arrangementer/page-{k}/",
                                today=FETCHED.date(), is_html=True).events) for k, p in enumerate(PAGES))


def test_pages_go_to_workers_in_handoffs_and_each_is_counted_once(tmp_path):
    assert len(PAGES) >= 5
    pipe = crawl_into(tmp_path / "ds", workers=2, handoff_pages=2)  # the last hand-off is a partial one
    want = expected_events()
    assert pipe.events == want and pipe.errors == 0
    assert sorted(pipe.seen_pages) == sorted(f"https://cfbu.dk/arrangementer/page-{k}/" for k in range(len(PAGES)))
    assert pipe.crawler.stats.get_value("dkevents/events") == want
    con = duckdb.connect()
    pages = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/ds/current/pages/**/*.parquet', "
                    "hive_partitioning=true)").fetchone()[0]
    events = con.execute(f"SELECT count(DISTINCT event_id) FROM read_parquet('{tmp_path}/ds/current/events/**/*.parquet', "
                     "hive_partitioning=true)").fetchone()[0]
    assert pages == len(PAGES)
    assert 0 < events <= want  # the same event on two pages is one row


def test_pages_are_read_in_the_crawl_process_when_the_workers_cannot_start(tmp_path, monkeypatch, caplog):
    # a worker process whose interpreter is missing never starts
    monkeypatch.setattr(dataset_pipeline, "_worker_context", lambda: multiprocessing.get_context("spawn"))
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", str(tmp_path / "no-such-python"))
    with caplog.at_level(logging.ERROR):
        pipe = crawl_into(tmp_path / "ds", workers=1, handoff_pages=2)
    assert "extraction workers are not running" in caplog.text
    assert pipe.events == expected_events() and pipe.errors == 0
    assert len(pipe.seen_pages) == len(PAGES)
    assert (tmp_path / "ds" / "current" / "events").exists()


def test_pages_are_read_in_the_crawl_process_when_asked(tmp_path):
    pipe = crawl_into(tmp_path / "ds", workers=0, handoff_pages=16)
    assert pipe.pool is None and pipe.events == expected_events()
