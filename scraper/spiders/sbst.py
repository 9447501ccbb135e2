"""Social- og Boligstyrelsen: the event listing has no page links, only a "Vis flere arrangementer" button whose
`data-next-url` the site's script fetches; the spider follows it as a link. Everything else is the source's entry
in extract/data/sources.toml."""
from scrapy import Request

from .base import EventSiteSpider


class SbstSpider(EventSiteSpider, source_name="sbst"):

    def parse_page(self, response):
        yield from super().parse_page(response)
        for href in response.css("[data-next-url]::attr(data-next-url)").getall():
            # `_parse` reads the next listing page like a start URL: recorded, and its event links followed
            yield Request(response.urljoin(href), callback=self._parse, errback=self.page_failed)
