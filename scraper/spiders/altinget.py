"""Altinget's policy networks: the network index → each network page (its season's programme)."""
from .base import EventSiteSpider


class AltingetSpider(EventSiteSpider):
    name = "altinget"
    source = "altinget"
    allowed_domains = ["altinget.dk"]
    start_urls = ["https://www.altinget.dk/arena/netvaerk/"]
    event_pages = (r"/arena/netvaerk/[\w-]+/?$",)
