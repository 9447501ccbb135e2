"""The event model every part of dkevents shares: Page → Event → Session / Speaker / Venue.

`Event.status` follows City Bureau's idea of an explicit status: tentative | confirmed | cancelled | postponed.
(The datasets add `cancelled_or_removed` for an event gone from its page in a later crawl.) `evidence` maps a field to the source text that
decided it, so a reviewer can see why a value is what it is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .dates import iso

STATUSES = ("tentative", "confirmed", "cancelled", "postponed")


@dataclass
class Speaker:
    name: str
    role: str | None = None
    organization: str | None = None
    party: str | None = None        # party letter: S, SF, V, DF, NB, RV, K, EL, LA, M, DD, ALT, KD, UFG
    confirmed: bool = True          # false for "(ikke bekræftet)" and kin
    moderator: bool = False         # moderates or facilitates
    evidence: str | None = None     # the text the speaker was read from


@dataclass
class Venue:
    raw: str | None = None          # as written
    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    online: bool = False


@dataclass
class Session:
    """A slot in a day programme: `09.30-10.45 Fælles om en stærkere fortælling, v/ ...`."""
    title: str
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    block: str | None = None        # "Workshops, blok 1", "runde 2", track "a."
    speakers: list[Speaker] = field(default_factory=list)


@dataclass
class Event:
    title: str
    start: dt.datetime | dt.date | None = None
    end: dt.datetime | dt.date | None = None
    year_inferred: bool = False
    date_confirmed: bool = True
    status: str = "confirmed"
    online: bool = False
    venue: Venue | None = None
    speakers: list[Speaker] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    contacts: list[Speaker] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)
    audience: str | None = None
    price: str | None = None
    registration_deadline: str | None = None
    series: str | None = None       # network / series name, e.g. "Socialpolitisk netværk"
    description: str | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def all_day(self) -> bool:
        return self.start is not None and not isinstance(self.start, dt.datetime)

    def to_json(self) -> dict:
        """The event as `dkevents extract` prints it (EXTRACT_CONTRACT.md), plus the richer fields."""
        d = asdict(self)
        d["start"], d["end"] = iso(self.start), iso(self.end)
        d["all_day"] = self.all_day
        for s in d["sessions"]:
            s["start"] = "%02d:%02d" % tuple(s["start"]) if s["start"] else None
            s["end"] = "%02d:%02d" % tuple(s["end"]) if s["end"] else None
        return d


@dataclass
class Page:
    events: list[Event] = field(default_factory=list)
    url: str | None = None
    source: str = "other"
    kind: str = "event"             # "listing" or "event"
    contacts: list[Speaker] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"url": self.url, "source": self.source, "kind": self.kind,
                "events": [e.to_json() for e in self.events],
                "contacts": [asdict(c) for c in self.contacts], "warnings": self.warnings}
