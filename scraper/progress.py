"""Progress on a terminal during a crawl: pages fetched, events read and pages per second, per spider, in a table
that rich redraws in place. Quiet when stderr is not a terminal (a scheduled run's log stays clean) or when
PROGRESS_ENABLED is False.

One table serves every spider of the process: each spider's crawler has its own copy of this extension, and they
share the display, which stops when the last spider has closed.
"""
from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured


class _Board:
    """The rows of the running spiders and the live display they are drawn on."""

    def __init__(self):
        self.rows: dict[str, dict] = {}
        self.live = None
        self.loop = None

    def table(self):
        from rich.table import Table
        t = Table(title="Crawling", expand=False)
        for c in ("spider", "pages", "events", "pages/s", "state"):
            t.add_column(c, justify="right" if c in ("pages", "events", "pages/s") else "left")
        now = time.monotonic()
        for name, r in self.rows.items():
            stats = r["crawler"].stats
            pages = stats.get_value("response_received_count") or 0
            events = stats.get_value("dkevents/events") or 0
            seconds = (r["closed"] or now) - r["opened"]
            rate = pages / seconds if seconds > 0 else 0.0
            t.add_row(name, str(pages), str(events), f"{rate:.1f}", "done" if r["closed"] else "running")
        return t

    def refresh(self):
        if self.live is not None:
            self.live.update(self.table())


BOARD = _Board()


class CrawlProgress:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("PROGRESS_ENABLED", True) or not sys.stderr.isatty():
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        BOARD.rows[spider.name] = {"crawler": self.crawler, "opened": time.monotonic(), "closed": None}
        if BOARD.live is None:
            from rich.console import Console
            from rich.live import Live
            from twisted.internet import task
            BOARD.live = Live(BOARD.table(), console=Console(stderr=True), refresh_per_second=4, transient=False)
            BOARD.live.start()
            BOARD.loop = task.LoopingCall(BOARD.refresh)
            BOARD.loop.start(0.5, now=False)

    def spider_closed(self, spider):
        row = BOARD.rows.get(spider.name)
        if row is not None:
            row["closed"] = time.monotonic()
        BOARD.refresh()
        if BOARD.live is not None and all(r["closed"] for r in BOARD.rows.values()):
            if BOARD.loop is not None and BOARD.loop.running:
                BOARD.loop.stop()
            BOARD.live.stop()
            BOARD.live, BOARD.loop = None, None
