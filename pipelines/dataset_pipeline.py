"""The Scrapy item pipeline: archive each fetched page, extract its events, stage the rows, and commit the run
when the spider closes. Spiders only fetch and follow links; reading pages is the extraction library's.

Reading pages, archiving them and staging their rows is CPU work, so it happens in worker processes beside the
crawl (DATASETS_EXTRACT_WORKERS; default one core less than the machine has, 0 = in the crawl's process). Each
worker keeps its own archive file and batch files; the crawl's process only hands pages over and, at the end,
commits everything the workers staged in one step.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.util import Finalize

from extract import extract_page

from .archive import WarcArchive
from .items import PageItem
from .rows import Fetch, page_rows
from .store import DatasetStore, new_run_id

log = logging.getLogger(__name__)


def read_fetched_page(item: PageItem):
    """(Page or None, error) for one fetched page."""
    if item.error:
        return None, item.error
    if item.status >= 400:
        return None, f"HTTP {item.status}"
    try:
        return extract_page(item.body, url=item.url, today=item.fetched_at.date(), is_html=True), None
    except ValueError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not lose the others; the page is recorded
        return None, f"extractor failed: {type(exc).__name__}: {exc}"


class PageWorker:
    """Archives pages, reads them and stages their rows for one run; one per process."""

    def __init__(self, root: str, run_id: str, batch_rows: int, tag: str):
        store = DatasetStore(root)
        self.writer = store.writer(run_id, batch_rows=batch_rows, tag=tag)
        self.archive = WarcArchive(store.root, f"{run_id}-{tag}")

    def process(self, item: PageItem) -> tuple[int | None, str | None]:
        """→ (events read or None, error)."""
        warc = self.archive.write(item) if item.status else None  # a fetch that failed has no response
        page, error = read_fetched_page(item)
        fetch = Fetch(url=item.url, source=item.source, fetched_at=item.fetched_at, http_status=item.status,
                      content_hash=item.content_hash, run_id=self.writer.run_id, warc_file=warc)
        for table, rows in page_rows(page, fetch, error).items():
            self.writer.add(table, rows)
        return (len(page.events) if page is not None else None), error

    def close(self) -> None:
        self.writer.flush()
        self.archive.close()


_worker: PageWorker | None = None


def _start_worker(root: str, run_id: str, batch_rows: int) -> None:
    global _worker
    _worker = PageWorker(root, run_id, batch_rows, tag=f"w{os.getpid()}")
    Finalize(_worker, _worker.close, exitpriority=10)  # runs when the pool shuts the worker down


def _work(item: PageItem) -> tuple[int | None, str | None]:
    return _worker.process(item)


class DatasetPipeline:
    """Settings: DATASETS_DIR (default 'datasets'), DATASETS_BATCH_ROWS, DATASETS_RUN_ID, DATASETS_EXTRACT_WORKERS."""

    def __init__(self, root: str, batch_rows: int, run_id: str | None, workers: int | None = 0):
        self.store = DatasetStore(root)
        self.batch_rows = batch_rows
        self.run_id = run_id
        self.seen_pages: list[str] = []
        self.events = 0
        self.errors = 0
        self.workers = max(1, (os.cpu_count() or 2) - 1) if workers is None else workers
        self.pool = None
        self.local: PageWorker | None = None

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
        self.writer._claim()
        if self.workers:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"),
                                            initializer=_start_worker,
                                            initargs=(str(self.store.root), run_id, self.batch_rows))
        else:
            self.local = PageWorker(str(self.store.root), run_id, self.batch_rows, tag="main")

    async def process_item(self, item, spider=None):
        if not isinstance(item, PageItem):
            return item
        if self.pool is not None:
            n_events, error = await asyncio.wrap_future(self.pool.submit(_work, item))
        else:
            n_events, error = self.local.process(item)
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
            self.pool.shutdown(wait=True)  # workers write their last batches and close their archives
        if self.local is not None:
            self.local.close()
        stats = self.crawler.stats
        try:
            version = self.writer.commit(
                {"spider": spider.name, "pages": stats.get_value("response_received_count") or 0,
                 "items": self.events, "errors": self.errors, "finish_reason": reason},
                seen_pages=self.seen_pages)
        except Exception as exc:  # the earlier datasets stay as they were; say so loudly
            stats.set_value("dkevents/commit_failed", f"{type(exc).__name__}: {exc}")
            log.error("run %s was NOT written to %s (the datasets keep their previous state): %s: %s",
                      self.writer.run_id, self.store.root, type(exc).__name__, exc)
            return
        log.info("committed run %s (%d events) as %s", self.writer.run_id, self.events, version.name)
