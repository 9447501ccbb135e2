"""Every fetched response in a WARC archive (warcio), so any page can be re-read later with a better extractor
without crawling again (`dkevents reprocess`).

One file per writer of a run: datasets/archive/<run_id>-<tag>.warc.gz, written as <name>.part and renamed when the
run commits. A killed run's .part files are never read (their pages were never committed, and a stale page must
not win over the last good crawl); the next writer removes them (DatasetStore.clean_leftovers).
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .items import PageItem

REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 500: "Internal Server Error"}


class WarcArchive:
    def __init__(self, root: str | Path, run_id: str):
        self.dir = Path(root) / "archive"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.name = f"{run_id}.warc.gz"
        self.part = self.dir / (self.name + ".part")
        self.fh = open(self.part, "ab")
        self.writer = WARCWriter(self.fh, gzip=True)

    def write(self, item: PageItem) -> str:
        headers = [(k, v) for k, v in item.headers.items() if k.lower() not in ("content-length", "transfer-encoding",
                                                                                "content-encoding")]
        http = StatusAndHeaders(f"{item.status} {REASONS.get(item.status, 'OK')}", headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            item.url, "response", payload=io.BytesIO(item.body), http_headers=http,
            warc_headers_dict={"WARC-Date": item.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               "WARC-Source": item.source})
        self.writer.write_record(record)
        self.fh.flush()
        return self.name

    def close(self, final: bool = True) -> None:
        """final=False leaves the .part name for the run's commit to finalise (RunWriter.commit)."""
        self.fh.close()
        if final:
            self.part.replace(self.dir / self.name)


def archived_pages(root: str | Path) -> Iterator[tuple[str, PageItem]]:
    """Every archived response of a finished run, oldest file first: (archive file name, PageItem)."""
    folder = Path(root) / "archive"
    files = sorted(folder.glob("*.warc.gz"))
    for path in files:
        with open(path, "rb") as fh:
            try:
                for rec in ArchiveIterator(fh):
                    if rec.rec_type != "response":
                        continue
                    body = rec.content_stream().read()
                    when = dt.datetime.strptime(rec.rec_headers.get_header("WARC-Date"), "%Y-%m-%dT%H:%M:%SZ")
                    yield path.name, PageItem(
                        url=rec.rec_headers.get_header("WARC-Target-URI"),
                        source=rec.rec_headers.get_header("WARC-Source") or "other",
                        status=int(rec.http_headers.get_statuscode() or 0), body=body,
                        headers=dict(rec.http_headers.headers), fetched_at=when.replace(tzinfo=dt.timezone.utc))
            except Exception:  # noqa: BLE001 - a damaged file's last record may be cut short; the rest counts
                continue


def count_archived(root: str | Path) -> int:
    return sum(1 for _ in archived_pages(root))
