"""The Scrapy item pipeline: archive each fetched page, extract its events, stage the rows, and commit the run
when the spider closes. Spiders only fetch and follow links; reading pages is the extraction library's."""
from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

from extract import extract_page

from .archive import WarcArchive
from .items import PageItem
from .rows import Fetch, page_rows
from .store import DatasetStore, new_run_id

log = logging.getLogger(__name__)


def read_page(item: PageItem):
    """(Page or None, error) for one fetched page."""
    if item.error:
        return None, item.error
    if item.status >= 400:
        return None, f"HTTP {item.status}"
    try:
        return extract_page(item.body, url=item.url, today=item.fetched_at.date(), is_html=True), None
    except ValueError as exc:
        return None, str(exc)


def extract_rows(item: PageItem, run_id: str, warc: str | None) -> tuple[dict, int | None, str | None]:
    """Read one page and turn it into rows; runs in a worker process. → (rows, events or None, error)."""
    page, error = read_page(item)
    fetch = Fetch(url=item.url, source=item.source, fetched_at=item.fetched_at, http_status=item.status,
                  content_hash=item.content_hash, run_id=run_id, warc_file=warc)
    return page_rows(page, fetch, error), (len(page.events) if page is not None else None), error


class DatasetPipeline:
    """Settings: DATASETS_DIR (default 'datasets'), DATASETS_BATCH_ROWS, DATASETS_RUN_ID, DATASETS_EXTRACT_WORKERS
    (processes that read pages beside the crawl; default: one core less than the machine has, 0 = in-process)."""

    def __init__(self, root: str, batch_rows: int, run_id: str | None, workers: int | None = 0):
        self.store = DatasetStore(root)
        self.batch_rows = batch_rows
        self.run_id = run_id
        self.seen_pages: list[str] = []
        self.events = 0
        self.errors = 0
        # Reading pages is CPU work: done in other processes, it runs beside the crawl instead of slowing it
        self.workers = max(1, (os.cpu_count() or 2) - 1) if workers is None else workers
        self.pool = None

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals  # the pipeline is used by Scrapy; the module imports no Scrapy otherwise

        s = crawler.settings
        workers = s.get("DATASETS_EXTRACT_WORKERS")
        pipe = cls(s.get("DATASETS_DIR", "datasets"), s.getint("DATASETS_BATCH_ROWS", 20_000), s.get("DATASETS_RUN_ID"),
                   None if workers in (None, "") else int(workers))
        pipe.crawler = crawler
        crawler.signals.connect(pipe.spider_closed, signal=signals.spider_closed)
        return pipe

    def open_spider(self, spider=None):
        run_id = (self.run_id + "-" + spider.name) if self.run_id and spider else new_run_id()
        self.writer = self.store.writer(run_id, kind="crawl", batch_rows=self.batch_rows)
        self.archive = WarcArchive(self.store.root, run_id)
        if self.workers:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"))

    async def process_item(self, item, spider=None):
        if not isinstance(item, PageItem):
            return item
        warc = self.archive.write(item) if item.status else None  # a fetch that failed has no response
        if self.pool is not None:
            rows, n_events, error = await asyncio.wrap_future(
                self.pool.submit(extract_rows, item, self.writer.run_id, warc))
        else:
            rows, n_events, error = extract_rows(item, self.writer.run_id, warc)
        for table, table_rows in rows.items():
            self.writer.add(table, table_rows)
        if n_events is not None:
            self.seen_pages.append(item.url)
            self.events += n_events
            self.crawler.stats.inc_value("dkevents/events", n_events)
        else:
            self.errors += 1
            if not item.error:  # fetch failures were logged by the spider
                log.warning("could not read %s: %s", item.url, error)
        item.body = b""  # the archive has it; do not keep pages in memory
        return item

    def spider_closed(self, spider, reason):
        if self.pool is not None:
            self.pool.shutdown()
        stats = self.crawler.stats
        errors = self.errors
        self.archive.close()
        try:
            version = self.writer.commit(
                {"spider": spider.name, "pages": stats.get_value("response_received_count") or 0,
                 "items": self.events, "errors": errors, "finish_reason": reason},
                seen_pages=self.seen_pages)
        except Exception as exc:  # the earlier datasets stay as they were; say so loudly
            stats.set_value("dkevents/commit_failed", f"{type(exc).__name__}: {exc}")
            log.error("run %s was NOT written to %s (the datasets keep their previous state): %s: %s",
                      self.writer.run_id, self.store.root, type(exc).__name__, exc)
            return
        log.info("committed run %s (%d events) as %s", self.writer.run_id, self.events, version.name)
