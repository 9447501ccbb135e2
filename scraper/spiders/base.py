"""What every site spider shares: hand each fetched page to the pipelines as a PageItem, follow the rules."""
from __future__ import annotations

import datetime as dt

from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

from pipelines.items import PageItem


class EventSiteSpider(CrawlSpider):
    """Subclasses set `name`, `source`, `allowed_domains`, `start_urls`, `event_pages` (URL regexes of pages that
    hold events) and `navigation` (URL regexes of pages that only lead to them: listings, pagination)."""
    source: str = "other"
    event_pages: tuple[str, ...] = ()
    navigation: tuple[str, ...] = ()
    deny: tuple[str, ...] = (r"/nyheder/", r"/soeg", r"/login", r"\.pdf$", r"/ical/", r"mailto:", r"/print/")
    custom_settings: dict = {}

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        # an empty `allow` would follow every link, so each rule exists only when it has patterns
        cls.rules = tuple(
            Rule(LinkExtractor(allow=patterns, deny=cls.deny, allow_domains=cls.allowed_domains),
                 callback="parse_page", follow=True)
            for patterns in (cls.event_pages, cls.navigation) if patterns)

    def parse_start_url(self, response, **kwargs):
        return self.parse_page(response)

    def parse_page(self, response):
        yield PageItem(url=response.url, source=self.source, status=response.status, body=response.body,
                       headers={k.decode(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
                       fetched_at=dt.datetime.now(dt.timezone.utc))
