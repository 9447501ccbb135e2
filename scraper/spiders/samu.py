"""Samuelsen's networks: the mixed listing, network møderækker, single event pages and the old .aspx design."""
from .base import EventSiteSpider


class SamuSpider(EventSiteSpider):
    name = "samu"
    source = "samu"
    allowed_domains = ["samu.dk"]
    start_urls = ["https://samu.dk/alle-arrangementer/", "https://samu.dk/netvaerk/se-alle.aspx"]
    event_pages = (r"/(?:da/)?(?:netvaerk/)?[\w-]+/moederaekke/?$", r"/arrangementer/[\w-]+-\d+/?$",
                   r"/netvaerk/[\w-]+\.aspx$", r"/(?:da/)?alle-arrangementer/?$")
