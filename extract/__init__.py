"""dkevents.extract: a pure library that turns Danish event pages into normalised events.

    from extract import extract_page
    page = extract_page(html_or_text, url="https://samu.dk/...", today=datetime.date(2021, 4, 1))
    for event in page.events: ...

It imports neither Scrapy nor the pipelines; pages can be re-read at any time without re-crawling.
"""
from .dates import find_dates, find_times, parse_danish_date
from .model import Event, Page, Session, Speaker, Venue
from .page import EXTRACTOR_VERSION, extract_page, source_of

__all__ = ["extract_page", "Page", "Event", "Session", "Speaker", "Venue", "parse_danish_date", "find_dates",
           "find_times", "source_of", "EXTRACTOR_VERSION"]
