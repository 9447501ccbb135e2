"""The Scrapy item pipeline: archive each fetched page, extract its events, stage the rows, and commit the run
when the spider closes. Spiders only fetch and follow links; reading pages is the extraction library's."""
from __future__ import annotations

import logging

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


class DatasetPipeline:
    """Settings: DATASETS_DIR (default 'datasets'), DATASETS_BATCH_ROWS, DATASETS_RUN_ID."""

    def __init__(self, root: str, batch_rows: int, run_id: str | None):
        self.store = DatasetStore(root)
        self.batch_rows = batch_rows
        self.run_id = run_id
        self.seen_pages: list[str] = []
        self.events = 0
        self.errors = 0

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals  # the pipeline is used by Scrapy; the module imports no Scrapy otherwise

        s = crawler.settings
        pipe = cls(s.get("DATASETS_DIR", "datasets"), s.getint("DATASETS_BATCH_ROWS", 20_000), s.get("DATASETS_RUN_ID"))
        pipe.crawler = crawler
        crawler.signals.connect(pipe.spider_closed, signal=signals.spider_closed)
        return pipe

    def open_spider(self, spider=None):
        run_id = (self.run_id + "-" + spider.name) if self.run_id and spider else new_run_id()
        self.writer = self.store.writer(run_id, kind="crawl", batch_rows=self.batch_rows)
        self.archive = WarcArchive(self.store.root, run_id)

    def process_item(self, item, spider=None):
        if not isinstance(item, PageItem):
            return item
        warc = self.archive.write(item) if item.status else None  # a fetch that failed has no response
        page, error = read_page(item)
        fetch = Fetch(url=item.url, source=item.source, fetched_at=item.fetched_at, http_status=item.status,
                      content_hash=item.content_hash, run_id=self.writer.run_id, warc_file=warc)
        for table, rows in page_rows(page, fetch, error).items():
            self.writer.add(table, rows)
        if page is not None:
            self.seen_pages.append(item.url)
            self.events += len(page.events)
            self.crawler.stats.inc_value("dkevents/events", len(page.events))
        else:
            self.errors += 1
            if not item.error:  # fetch failures were logged by the spider
                log.warning("could not read %s: %s", item.url, error)
        item.body = b""  # the archive has it; do not keep pages in memory
        return item

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        errors = self.errors
        self.archive.close()
        version = self.writer.commit(
            {"spider": spider.name, "pages": stats.get_value("response_received_count") or 0,
             "items": self.events, "errors": errors, "finish_reason": reason},
            seen_pages=self.seen_pages)
        log.info("committed run %s (%d events) as %s", self.writer.run_id, self.events, version.name)
