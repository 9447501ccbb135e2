"""The organisers dkevents knows: `extract/data/sources.toml`, one list read by the spiders, the command line, the
tests and `source_of`. It lives in `extract` (as data, with no Scrapy in sight) because `extract` names a page's
source and must not import the scraper: dependencies flow extract <- pipelines <- scraper."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from urllib.parse import urlparse

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FIELDS = {"name", "organiser", "domains", "start_urls", "event_pages", "navigation", "spider", "settings",
          "structured"}
OTHER = "other"   # the source of a page on no known organiser's site


@dataclass(frozen=True)
class Source:
    name: str
    organiser: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    event_pages: tuple[str, ...] = ()
    navigation: tuple[str, ...] = ()
    spider: str = "configured"          # "custom": a spider file of its own in scraper/spiders/
    settings: dict = field(default_factory=dict, hash=False, compare=False)
    structured: tuple[str, ...] = ()

    def owns(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in self.domains)


class SourceListError(ValueError):
    pass


def parse_sources(text: str, where: str = "sources.toml") -> tuple[Source, ...]:
    """The [[source]] tables of a sources file, checked: a mistake in the list is one clear line, not a spider
    that quietly follows nothing."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceListError(f"{where}: {exc}") from exc
    out, seen = [], set()
    for i, entry in enumerate(data.get("source", []), 1):
        label = f"{where}: source {entry.get('name') or i}"
        unknown = set(entry) - FIELDS
        if unknown:
            raise SourceListError(f"{label}: unknown field(s) {', '.join(sorted(unknown))}")
        for key in ("name", "organiser", "domains", "start_urls"):
            if not entry.get(key):
                raise SourceListError(f"{label}: needs {key}")
        if not NAME.match(entry["name"]) or entry["name"] == OTHER:
            raise SourceListError(f"{label}: a name is lower-case letters, digits and _ (and not {OTHER!r})")
        if entry["name"] in seen:
            raise SourceListError(f"{label}: listed twice")
        seen.add(entry["name"])
        for key in ("event_pages", "navigation"):
            for pattern in entry.get(key, []):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise SourceListError(f"{label}: {key} {pattern!r}: {exc}") from exc
        if not entry.get("event_pages") and entry.get("spider") != "custom":
            raise SourceListError(f"{label}: needs event_pages (or spider = \"custom\")")
        out.append(Source(name=entry["name"], organiser=entry["organiser"], domains=tuple(entry["domains"]),
                          start_urls=tuple(entry["start_urls"]), event_pages=tuple(entry.get("event_pages", ())),
                          navigation=tuple(entry.get("navigation", ())),
                          spider=entry.get("spider", "configured"), settings=dict(entry.get("settings", {})),
                          structured=tuple(entry.get("structured", ()))))
    return tuple(out)


@cache
def sources() -> tuple[Source, ...]:
    """Every source in the order of the file. Read through importlib.resources, so it works from an egg too."""
    text = resources.files("extract").joinpath("data/sources.toml").read_text(encoding="utf-8")
    return parse_sources(text)


def source_names() -> list[str]:
    return [s.name for s in sources()]


def source(name: str) -> Source:
    for s in sources():
        if s.name == name:
            return s
    raise KeyError(name)


def source_of(url: str | None) -> str:
    """The source a URL belongs to, by its host; `other` for any other site."""
    host = (urlparse(url).hostname or "") if url else ""
    return next((s.name for s in sources() if s.owns(host)), OTHER) if host else OTHER
