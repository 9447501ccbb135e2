"""Run spiders in this process with the project's settings: live, or against the snapshot on loopback."""
from __future__ import annotations

import os


def snapshot_settings(address: str | None = None) -> dict:
    """Loopback needs no politeness delay; robots.txt is still obeyed (the snapshot has one per site)."""
    s = {"SNAPSHOT": True, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
         "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_TIMEOUT": 10}
    if address:
        s["SNAPSHOT_ADDRESS"] = address
    return s


def run_crawl(spiders: list[str], snapshot: bool, datasets: str, log_level: str = "WARNING",
              extra: dict | None = None, wait: bool = True) -> dict[str, dict]:
    """Crawl; returns Scrapy's stats per spider."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from .snapshot_server import DEFAULT_ROOT, SnapshotServer

    settings = get_project_settings()
    settings.set("DATASETS_DIR", datasets)
    settings.set("LOG_LEVEL", log_level)
    server = None
    if snapshot:
        root = (extra or {}).get("SNAPSHOT_DIR") or DEFAULT_ROOT
        server = SnapshotServer(root).start()
        settings.update(snapshot_settings(server.address))
        settings.set("SNAPSHOT_DIR", str(root))
    for k, v in (extra or {}).items():
        settings.set(k, v)
    process = CrawlerProcess(settings)
    crawlers = {}
    for name in spiders:
        crawler = process.create_crawler(name)
        crawlers[name] = crawler
        process.crawl(crawler)
    from pipelines.store import DatasetStore
    try:
        # one writing process at a time: a second crawl waits here (and says so) before it fetches anything
        with DatasetStore(settings.get("DATASETS_DIR")).lock(wait=wait):
            process.start()
    finally:
        if server is not None:
            server.stop()
    return {name: dict(c.stats.get_stats()) for name, c in crawlers.items()}
