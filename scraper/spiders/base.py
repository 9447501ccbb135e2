"""What every site spider shares: hand each fetched page to the pipelines as a PageItem, follow the rules."""
from __future__ import annotations

import datetime as dt

from scrapy import Request
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

from extract.sources import Source, source as source_named
from pipelines.items import PageItem


def spider_attributes(src: Source) -> dict:
    """A source's entry in extract/data/sources.toml as a spider's class attributes."""
    return {"name": src.name, "source": src.name, "organiser": src.organiser, "allowed_domains": list(src.domains),
            "start_urls": list(src.start_urls), "event_pages": src.event_pages, "navigation": src.navigation,
            "custom_settings": dict(src.settings)}


class EventSiteSpider(CrawlSpider):
    """A site's spider: `name`, `source`, `allowed_domains`, `start_urls`, `event_pages` (URL regexes of pages that
    hold events) and `navigation` (URL regexes of pages that only lead to them: listings, pagination), all from
    the source's entry in extract/data/sources.toml. Most sources need nothing more (scraper/spiders/configured.py);
    one with special navigation has a small file of its own: `class XSpider(EventSiteSpider, source_name="x")`
    with the methods it needs."""
    source: str = "other"
    organiser: str = ""
    event_pages: tuple[str, ...] = ()
    navigation: tuple[str, ...] = ()
    deny: tuple[str, ...] = (r"/nyheder/", r"/soeg", r"/login", r"\.pdf$", r"/ical/", r"mailto:", r"/print/")
    custom_settings: dict = {}

    def __init_subclass__(cls, source_name: str | None = None, **kw):
        super().__init_subclass__(**kw)
        if source_name is not None:
            for key, value in spider_attributes(source_named(source_name)).items():
                setattr(cls, key, value)
        # an empty `allow` would follow every link, so each rule exists only when it has patterns
        cls.rules = tuple(
            Rule(LinkExtractor(allow=patterns, deny=cls.deny, allow_domains=cls.allowed_domains),
                 callback="parse_page", errback="page_failed", follow=True)
            for patterns in (cls.event_pages, cls.navigation) if patterns)

    async def start(self):
        """The start URLs with the errback too: a start URL that cannot be fetched (no network, DNS, 404) is a page
        that failed like any other, logged and recorded, and counted apart: losing one loses a part of the site."""
        for url in self.start_urls:
            yield Request(url, callback=self._parse, errback=self.page_failed, dont_filter=True,
                          meta={"dkevents_start_url": True})

    def parse_start_url(self, response, **kwargs):
        return self.parse_page(response)

    def page_failed(self, failure):
        """One line per failed page, with its URL and why; the page is recorded in the datasets' pages table."""
        request = failure.request
        url = (request.meta.get("redirect_urls") or [request.url])[0]  # the link as followed, before redirects
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else \
            (f"{type(failure.value).__name__}: {failure.value}".strip(": ") or type(failure.value).__name__)
        self.logger.warning("page failed: %s (%s)", url, reason)
        self.crawler.stats.inc_value("dkevents/pages_failed")
        if request.meta.get("dkevents_start_url"):
            self.crawler.stats.inc_value("dkevents/start_urls_failed")
        yield PageItem(url=url, source=self.source, status=response.status if response is not None else 0,
                       body=b"", error=reason, fetched_at=dt.datetime.now(dt.timezone.utc))

    def parse_page(self, response):
        yield PageItem(url=response.url, source=self.source, status=response.status, body=response.body,
                       headers={k.decode(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
                       fetched_at=dt.datetime.now(dt.timezone.utc))
