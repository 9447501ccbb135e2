"""Dansk Socialrådgiverforening: the event listing with its pagination → event pages."""
from .base import EventSiteSpider


class DsSpider(EventSiteSpider):
    name = "ds"
    source = "ds"
    allowed_domains = ["socialraadgiverne.dk"]
    start_urls = ["https://socialraadgiverne.dk/arrangementer/"]
    event_pages = (r"/arrangementer/[\w-]+/?$",
                   r"/socialraadgiverdage-\d{4}/program-socialraadgiverdage-\d{4}/[\w-]+/?$")
    navigation = (r"/arrangementer/?\?page=\d+$",)
