"""What a spider hands to the pipelines: one fetched page with its provenance. Extraction is the pipeline's."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass
class PageItem:
    url: str                      # the real site URL (also when crawled from the snapshot)
    source: str                   # a source in extract/data/sources.toml, or other
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    error: str | None = None      # why the page could not be fetched (timeout, 404, redirect loop, too big)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()
