"""Run spiders in this process with the project's settings: live, or against the snapshot on loopback."""
from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler


def snapshot_settings(address: str | None = None) -> dict:
    """Loopback needs no politeness delay; robots.txt is still obeyed (the snapshot has one per site)."""
    s = {"SNAPSHOT": True, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
         "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_TIMEOUT": 10}
    if address:
        s["SNAPSHOT_ADDRESS"] = address
    return s


class _OneLine(logging.Filter):
    """Errors a user can cause (no network, a refused connection) are one line each; their tracebacks are for
    `dkevents --debug`. The message already names the error."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


def install_log_handler(settings, debug: bool = False) -> logging.Handler:
    """The crawl's log: to stderr, or to LOG_FILE, rotated at LOG_FILE_MAX_BYTES keeping LOG_FILE_BACKUPS old files
    (Scrapy's own file handler never rotates, and a daily crawl would grow its log for ever)."""
    if settings.get("LOG_FILE"):
        handler = RotatingFileHandler(settings.get("LOG_FILE"), maxBytes=settings.getint("LOG_FILE_MAX_BYTES"),
                                      backupCount=settings.getint("LOG_FILE_BACKUPS"),
                                      encoding=settings.get("LOG_ENCODING") or "utf-8")
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT")))
    handler.setLevel(settings.get("LOG_LEVEL"))
    if not debug:
        handler.addFilter(_OneLine())
    logging.root.setLevel(logging.NOTSET)
    logging.root.addHandler(handler)
    return handler


def crawl_settings(datasets: str, log_level: str = "WARNING", extra: dict | None = None):
    """The project's settings with the command line's on top."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("DATASETS_DIR", datasets)
    settings.set("LOG_LEVEL", log_level)
    for k, v in (extra or {}).items():
        settings.set(k, v)
    return settings


def run_crawl(spiders: list, snapshot: bool, datasets: str, log_level: str = "WARNING",
              extra: dict | None = None, debug: bool = False, spider_args: dict | None = None,
              wait: bool = True) -> dict[str, dict]:
    """Crawl; returns Scrapy's stats per spider. A spider is a name from the spider list or a spider class (the
    URL-list reader); `spider_args` are the keyword arguments each gets, by name."""
    from scrapy.crawler import CrawlerProcess

    from .snapshot_server import DEFAULT_ROOT, SnapshotServer

    settings = crawl_settings(datasets, log_level)
    server = None
    if snapshot:
        root = (extra or {}).get("SNAPSHOT_DIR") or DEFAULT_ROOT
        server = SnapshotServer(root).start()
        # above a spider's own settings too: a per-site delay is politeness to a live server, not to loopback
        settings.update(snapshot_settings(server.address), priority="cmdline")
        settings.set("SNAPSHOT_DIR", str(root))
    for k, v in (extra or {}).items():  # `-s NAME=VALUE` beats everything, as with `scrapy crawl -s`
        settings.set(k, v, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)  # install_log_handler does it
    process = CrawlerProcess(settings)
    install_log_handler(settings, debug)
    crawlers = {}
    for spider in spiders:
        name = getattr(spider, "name", spider)
        crawler = process.create_crawler(spider)
        crawlers[name] = crawler
        process.crawl(crawler, **(spider_args or {}).get(name, {}))
    from pipelines.store import DatasetStore
    try:
        # one writing process at a time: a second crawl waits here (and says so) before it fetches anything
        with DatasetStore(settings.get("DATASETS_DIR")).lock(wait=wait):
            process.start()
    finally:
        if server is not None:
            server.stop()
    return {name: dict(c.stats.get_stats()) for name, c in crawlers.items()}
