"""CFBU (Center for Boligsocial Udvikling): the event listing → event pages."""
from .base import EventSiteSpider


class CfbuSpider(EventSiteSpider):
    name = "cfbu"
    source = "cfbu"
    allowed_domains = ["cfbu.dk"]
    start_urls = ["https://cfbu.dk/arrangementer/"]
    event_pages = (r"/arrangementer/[\w-]+/?$",)
    navigation = (r"/arrangementer/?\?page=\d+$",)
