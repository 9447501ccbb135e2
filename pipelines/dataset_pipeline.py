"""The Scrapy item pipeline: archive each fetched page, extract its events, stage the rows, and commit the run
when the spider closes. Spiders only fetch and follow links; reading pages is the extraction library's.

Reading pages, archiving them and staging their rows is CPU work, so it happens in worker processes beside the
crawl (DATASETS_EXTRACT_WORKERS; default one per core up to four, 0 = in the crawl's process). Each
worker keeps its own archive file and batch files; the crawl's process only hands pages over and, at the end,
commits everything the workers staged in one step.

Pages go to the workers in hand-offs of DATASETS_HANDOFF_PAGES (default 32): each hand-off costs the crawl's
process a few thread switches, and paid for every page they cost a fifth of the crawl's own CPU. On 2 cores,
hand-offs of 8, 16, 32 and 64 pages gave crawl ratios of 0.77, 0.79, 0.82 and 0.86 (bench/crawl.py, one run
each of three rounds; runs vary by ±0.04).
The crawl waits when more than two hand-offs per worker are outstanding, so pages never pile up in memory.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.util import Finalize

from extract import extract_page

from . import monitors
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
        self.writer = store.writer(run_id, batch_rows=batch_rows, tag=tag, owner=False)  # the crawl's process owns
        self.archive = WarcArchive(store.root, f"{run_id}-{tag}")

    def process(self, item: PageItem) -> tuple[int | None, str | None]:
        """→ (events read or None, error)."""
        warc = self.archive.write(item) if item.status else None  # a fetch that failed has no response
        page, error = read_fetched_page(item)
        fetch = Fetch(url=item.url, source=item.source, fetched_at=item.fetched_at, http_status=item.status,
                      content_hash=item.content_hash, run_id=self.writer.run_id, warc_file=warc)
        for table, rows in page_rows(page, fetch, error, body=item.body).items():
            self.writer.add(table, rows)
        return (len(page.events) if page is not None else None), error

    def close(self) -> None:
        self.writer.flush()
        self.archive.close(final=False)  # the commit makes it final


_worker: PageWorker | None = None


def _start_worker(root: str, run_id: str, batch_rows: int, crawl_pid: int) -> None:
    global _worker
    _worker = PageWorker(root, run_id, batch_rows, tag=f"w{os.getpid()}")
    Finalize(_worker, _worker.close, exitpriority=10)  # runs when the pool shuts the worker down
    threading.Thread(target=_exit_with, args=(crawl_pid,), name="dkevents-watch-crawl", daemon=True).start()


def _exit_with(crawl_pid: int, every: float = 1.0) -> None:
    """Ends this worker when the crawl's process is gone (killed by a scheduler's timeout, say). A worker waits
    for pages on a queue whose other end it holds itself, so it would never notice and live on; and the fork
    server that started it lives as long as its workers. The run's staged rows are left for the next run to
    clean up, as for any killed run."""
    while True:
        time.sleep(every)
        try:
            os.kill(crawl_pid, 0)
        except (ProcessLookupError, PermissionError):  # gone, or the pid now belongs to another user's process
            os._exit(1)


def _work(items: list[PageItem]) -> list[tuple[int | None, str | None]]:
    return [_worker.process(item) for item in items]


def _worker_context():
    """Workers are forked from a fork server that has already loaded what they need (worker_preload), never
    from the crawl's own process, which runs threads (fork copies none of them, and locks they hold stay held).
    Where there is no fork server (Windows), each worker starts afresh."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["pipelines.worker_preload"])
    return ctx


class DatasetPipeline:
    """Settings: DATASETS_DIR (default 'datasets'), DATASETS_BATCH_ROWS, DATASETS_RUN_ID, DATASETS_EXTRACT_WORKERS,
    DATASETS_HANDOFF_PAGES."""

    def __init__(self, root: str, batch_rows: int, run_id: str | None, workers: int | None = 0,
                 handoff_pages: int = 32):
        self.store = DatasetStore(root)
        self.batch_rows = batch_rows
        self.run_id = run_id
        self.seen_pages: list[str] = []
        self.events = 0
        self.errors = 0
        self.http_errors = 0          # pages answered HTTP >= 400 (counted in errors too)
        self.monitor_settings: dict = {}
        # one per core, not one less: the crawl's own process waits on the network much of the time, and on
        # 2 cores a loopback crawl ran 16.1 s with two workers against 17.6 s with one (bench/crawl.py). At most
        # four: one reads 200 pages a second, far more than a polite crawl fetches, and each holds ~150 MB.
        self.workers = min(os.cpu_count() or 1, 4) if workers is None else workers
        self.pool = None
        self.local: PageWorker | None = None
        self.handoff_pages = max(1, handoff_pages)
        self.handoff: list[PageItem] = []                       # pages waiting to be handed over
        self.outstanding: dict[Future, list[PageItem]] = {}     # hand-offs the workers have not answered yet
        self.order: deque[Future] = deque()                     # the same, oldest first
        self.started: Future = Future()                         # done when every worker is up

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals  # the pipeline is used by Scrapy; the module imports no Scrapy otherwise

        s = crawler.settings
        workers = s.get("DATASETS_EXTRACT_WORKERS")
        pipe = cls(s.get("DATASETS_DIR", "datasets"), s.getint("DATASETS_BATCH_ROWS", 20_000), s.get("DATASETS_RUN_ID"),
                   None if workers in (None, "") else int(workers), s.getint("DATASETS_HANDOFF_PAGES", 32))
        pipe.crawler = crawler
        pipe.monitor_settings = {k: (s.getbool(k) if isinstance(v, bool) else s.getfloat(k))
                                 for k, v in monitors.DEFAULTS.items() if s.get(k) is not None}
        crawler.signals.connect(pipe.spider_closed, signal=signals.spider_closed)
        return pipe

    def open_spider(self, spider=None):
        run_id = (self.run_id + "-" + spider.name) if self.run_id and spider else new_run_id()
        # held from the first staged row to the commit (re-entrant: the spiders of one process share it);
        # `dkevents crawl` takes it before the crawl starts, so a second crawl waits before fetching anything
        self.store.acquire()
        self.writer = self.store.writer(run_id, kind="crawl", batch_rows=self.batch_rows)
        self.writer._claim()
        if self.workers:
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_worker_context(),
                                            initializer=_start_worker,
                                            initargs=(str(self.store.root), run_id, self.batch_rows, os.getpid()))
            # starting a worker blocks its caller until the worker has loaded (about a second): a thread does
            # it, so the crawl goes on meanwhile and its first pages wait in the hand-off list
            threading.Thread(target=self._start_workers, name="dkevents-start-workers", daemon=True).start()
        else:
            self.local = PageWorker(str(self.store.root), run_id, self.batch_rows, tag="main")

    def _start_workers(self) -> None:
        try:
            for future in [self.pool.submit(os.getpid) for _ in range(self.workers)]:  # one new worker each
                future.result()
            self.started.set_result(True)
        except Exception as exc:  # noqa: BLE001 - reported where the pages are handed over
            self.started.set_exception(exc)

    async def process_item(self, item, spider=None):
        if not isinstance(item, PageItem):
            return item
        if self.local is not None:
            self._record(item, *self.local.process(item))
        else:
            self.handoff.append(dataclasses.replace(item))  # the copy keeps the body until a worker has it
            if not self.started.done() and len(self.handoff) > 4 * self.workers * self.handoff_pages:
                await asyncio.wrap_future(self.started)  # the workers are still starting and enough is waiting
            if self.started.done() and len(self.handoff) >= self.handoff_pages:
                self._hand_over(asyncio.get_running_loop())
            while len(self.order) > 2 * self.workers:  # the workers are behind: let them catch up
                oldest = self.order[0]
                await asyncio.wrap_future(oldest)
                self._collect(oldest)
        item.body = b""  # the archive has it; do not keep pages in memory
        return item

    def _hand_over(self, loop=None) -> None:
        """Hands the waiting pages over, in hand-offs of handoff_pages so that the workers share them."""
        waiting, self.handoff = self.handoff, []
        failed = self.started.exception()  # (waits for the workers to be up: a short crawl may end first)
        for k in range(0, len(waiting), self.handoff_pages):
            items = waiting[k:k + self.handoff_pages]
            try:
                if failed:
                    raise failed
                future = self.pool.submit(_work, items)
            except Exception as exc:  # noqa: BLE001 - no workers: read the pages here rather than lose them
                self._read_here(items, exc)
                continue
            self.outstanding[future] = items
            self.order.append(future)
            if loop is not None:  # counted as soon as it is done; spider_closed counts what is left
                future.add_done_callback(lambda f: loop.call_soon_threadsafe(self._collect, f))

    def _read_here(self, items: list[PageItem], why: BaseException) -> None:
        if self.local is None:
            log.error("the extraction workers are not running (%s: %s); reading pages in the crawl's process",
                      type(why).__name__, why)
            self.local = PageWorker(str(self.store.root), self.writer.run_id, self.batch_rows, tag="main")
        for item in items:
            self._record(item, *self.local.process(item))

    def _collect(self, future: Future) -> None:
        """Counts a finished hand-off's pages once, whichever of the loop callback and the close comes first."""
        items = self.outstanding.pop(future, None)
        if items is None:
            return
        self.order.remove(future)
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died loses its pages, not the run
            log.error("a worker failed on %d pages (%s ...): %s: %s", len(items), items[0].url,
                      type(exc).__name__, exc)
            results = [(None, f"worker failed: {type(exc).__name__}") for _ in items]
        for item, (n_events, error) in zip(items, results):
            self._record(item, n_events, error)

    def _record(self, item: PageItem, n_events: int | None, error: str | None) -> None:
        if n_events is not None:
            self.seen_pages.append(item.url)
            self.events += n_events
            self.crawler.stats.inc_value("dkevents/events", n_events)
        else:
            self.errors += 1
            if item.status >= 400:
                self.http_errors += 1
            if not item.error:  # fetch failures were logged by the spider
                log.warning("could not read %s: %s", item.url, error)

    def spider_closed(self, spider, reason):
        if self.pool is not None:
            if self.handoff:
                self._hand_over()
            self.pool.shutdown(wait=True)  # workers write their last batches and close their archives
            for future in list(self.outstanding):
                self._collect(future)
        if self.local is not None:
            self.local.close()
        stats = self.crawler.stats
        results, held = self._monitor(spider)
        try:
            version = self.writer.commit(
                {"spider": spider.name, "pages": stats.get_value("response_received_count") or 0,
                 "items": self.events, "errors": self.errors, "finish_reason": reason,
                 "http_errors": self.http_errors,
                 "start_urls_failed": stats.get_value("dkevents/start_urls_failed") or 0,
                 "monitors_failed": [r.name for r in results if not r.passed],
                 "monitor_report": "\n".join(r.line() for r in results), "events_held_back": held},
                # a site that changed shape says nothing about which events are gone: mark none removed
                seen_pages=[] if held else self.seen_pages)
        except Exception as exc:  # the earlier datasets stay as they were; say so loudly
            stats.set_value("dkevents/commit_failed", f"{type(exc).__name__}: {exc}")
            log.error("run %s was NOT written to %s (the datasets keep their previous state): %s: %s",
                      self.writer.run_id, self.store.root, type(exc).__name__, exc)
            return
        finally:
            self.store.release()
        # what the summary reports: rows this run committed (an event on three pages is one), not rows read
        for table in ("events", "appearances", "pages"):
            stats.set_value(f"dkevents/committed_{table}", self.writer.committed_rows.get(table, 0))
        log.info("committed run %s (%d events) as %s", self.writer.run_id,
                 self.writer.committed_rows.get("events", 0), version.name)

    def _monitor(self, spider) -> tuple[list, bool]:
        """Runs the monitors on the staged run; holds its events back when the site changed shape. Results go to
        the stats (`dkevents/monitors`) for the summary and the exit code."""
        stats = self.crawler.stats
        facts = monitors.RunFacts(spider=spider.name, source=getattr(spider, "source", spider.name),
                                  pages_read=len(self.seen_pages), http_errors=self.http_errors,
                                  pages_unreadable=self.errors - self.http_errors, events_read=self.events)
        try:
            monitors.gather(facts, self.store.root, self.writer.staging, self.store.current, self.seen_pages,
                            int(self.monitor_settings.get("MONITOR_HISTORY_RUNS", 5)))
            results = monitors.check(facts, self.monitor_settings)
        except Exception as exc:  # noqa: BLE001 - a fault in a monitor must not lose the run; it fails instead
            log.error("the monitors of %s could not run: %s: %s", spider.name, type(exc).__name__, exc)
            results = [monitors.MonitorResult("monitors", False, f"could not run: {type(exc).__name__}: {exc}")]
        held = monitors.holds_back(results, self.monitor_settings)
        if held:
            where = monitors.hold_back(self.store.root, self.writer.staging, self.writer.run_id)
            log.info("%s seems to have changed shape; its %d events of this run are held back in %s and none of "
                      "its events is marked removed", spider.name, facts.events, where)
        for r in results:  # the command line reports the failures
            log.info("monitor %s: %s", spider.name, r.line())
        stats.set_value("dkevents/pages_read", facts.pages_read)
        stats.set_value("dkevents/monitors", [dataclasses.asdict(r) for r in results])
        stats.set_value("dkevents/events_held_back", held)
        return results, held
