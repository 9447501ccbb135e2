"""Downloader middleware that routes the real hostnames to the snapshot server on loopback.

With SNAPSHOT on, a request for https://samu.dk/alle-arrangementer/ is fetched from http://127.0.0.1:<port>/
alle-arrangementer/ with `Host: samu.dk`, by Scrapy's own HTTP/1.1 download handler, and the response keeps the
real URL, so links, items and datasets carry the real addresses. Retries, redirects, robots.txt, timeouts and
size limits all work as on the live sites. Hosts without a snapshot folder are not fetched at all: a snapshot
crawl never touches the internet.
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from scrapy import signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from .snapshot_server import DEFAULT_ROOT, SnapshotServer

log = logging.getLogger(__name__)


class SnapshotRoutingMiddleware:
    def __init__(self, crawler, root: Path, address: str | None):
        self.root = root
        self.server = None
        if address is None:
            self.server = SnapshotServer(root).start()
            address = self.server.address
            log.info("serving the snapshot %s on http://%s/", root, address)
        self.address = address
        self.hosts = {p.name for p in root.iterdir() if p.is_dir()}
        self.handler = HTTP11DownloadHandler(crawler)
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        if not s.getbool("SNAPSHOT") and not s.get("SNAPSHOT_ADDRESS"):
            raise NotConfigured("live crawl")
        root = Path(s.get("SNAPSHOT_DIR") or DEFAULT_ROOT)
        if not root.is_dir():
            raise NotConfigured(f"no snapshot at {root}")
        return cls(crawler, root, s.get("SNAPSHOT_ADDRESS"))

    def _host(self, url: str) -> str | None:
        host = (urlsplit(url).hostname or "").lower()
        for h in (host, "www." + host, host.removeprefix("www.")):
            if h in self.hosts:
                return host
        return None

    async def process_request(self, request):
        host = self._host(request.url)
        if host is None:
            # a snapshot crawl never leaves the machine: hosts without a snapshot are not fetched
            raise IgnoreRequest(f"not in the snapshot: {request.url}")
        parts = urlsplit(request.url)
        local = request.replace(url=urlunsplit(("http", self.address, parts.path or "/", parts.query, "")))
        local.headers["Host"] = host
        response = await self.handler.download_request(local)
        return response.replace(url=request.url)

    async def engine_stopped(self):
        await self.handler.close()
        if self.server is not None:
            self.server.stop()
