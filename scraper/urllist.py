"""`dkevents crawl --urls FILE`: read a list of event pages an analyst found, on any site, with no source entry.

The spider fetches exactly the listed pages (it follows no links), obeying robots.txt as every crawl does, and
hands each to the same pipelines: read, archived, staged, committed. A page on a known organiser's site keeps that
organiser as its source; any other page is `other`."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from extract.sources import source_of

from .spiders.base import EventSiteSpider


def read_url_list(path: str | Path) -> list[str]:
    """One URL a line; blank lines and lines starting with # are skipped. Raises ValueError naming the first
    line that is not an http(s) address."""
    urls = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{path}, line {n}: {line!r} is not a web address (http:// or https://)")
        urls.append(line)
    if not urls:
        raise ValueError(f"{path} lists no URL (one a line)")
    return list(dict.fromkeys(urls))


class UrlListSpider(EventSiteSpider):
    """Not in the spider list (`scrapy list`): it has no site of its own; `dkevents crawl --urls` starts it."""
    name = "urls"
    source = "other"
    # one-off pages: no history to compare with and no share of dates, places or speakers to expect
    custom_settings = {"MONITOR_MIN_EVENTS_SHARE": 0.0, "MONITOR_MIN_DATE_SHARE": 0.0, "MONITOR_MIN_VENUE_SHARE": 0.0,
                       "MONITOR_MIN_SPEAKER_SHARE": 0.0, "MONITOR_MAX_REMOVED_SHARE": 1.0}

    def __init__(self, urls: list[str] = (), **kw):
        super().__init__(**kw)
        self.start_urls = list(urls)

    def parse_page(self, response):
        for item in super().parse_page(response):
            item.source = source_of(item.url)
            yield item

    def page_failed(self, failure):
        for item in super().page_failed(failure):
            item.source = source_of(item.url)
            yield item
