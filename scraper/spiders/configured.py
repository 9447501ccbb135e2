"""One spider per source in extract/data/sources.toml, made from its entry: start URLs, allowed domains, the URL
patterns of event pages and of navigation, per-site settings. A source marked `spider = "custom"` has a file of
its own in this folder instead."""
from extract.sources import sources

from .base import EventSiteSpider, spider_attributes


def _spider_class(src):
    attrs = spider_attributes(src)
    attrs["__module__"] = __name__  # Scrapy's spider loader takes the classes defined in this module
    attrs["__doc__"] = f"{src.organiser}: {', '.join(src.start_urls)} -> its event pages."
    return type(f"{src.name.title().replace('_', '')}Spider", (EventSiteSpider,), attrs)


for _src in sources():
    if _src.spider != "custom":
        globals()[f"{_src.name.title().replace('_', '')}Spider"] = _spider_class(_src)
