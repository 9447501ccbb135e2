"""Re-read every archived page with the current extractor and commit the result as one run, without network."""
from __future__ import annotations

from pathlib import Path

from .archive import archived_pages, count_archived
from .dataset_pipeline import read_fetched_page
from .rows import Fetch, page_rows
from .store import DatasetStore, new_run_id


def reprocess_archive(root: str | Path, progress: bool = False, wait: bool = True) -> tuple[int, int]:
    """→ (pages re-read, events found)."""
    root = Path(root)
    if not (root / "archive").is_dir():
        raise FileNotFoundError(f"no archive in {root}/archive: crawl first")
    store = DatasetStore(root)
    # the whole run under the datasets lock: no crawl stages or commits meanwhile, and the archives read are
    # those of committed runs only
    with store.lock(wait=wait):
        return _reprocess(root, store, progress)


def _reprocess(root: Path, store: DatasetStore, progress: bool) -> tuple[int, int]:
    total = count_archived(root)
    writer = store.writer(new_run_id(), kind="reprocess")
    latest: dict[str, tuple[str, object]] = {}
    # the newest fetch of each URL wins; older fetches of it were superseded
    for warc, item in archived_pages(root):
        latest[item.url] = (warc, item)
    n = events = errors = 0
    bar = None
    if progress:
        from rich.progress import Progress
        bar = Progress()
        bar.start()
        task = bar.add_task("re-reading archived pages", total=len(latest) or total)
    seen = []
    try:
        for url, (warc, item) in latest.items():
            page, error = read_fetched_page(item)
            fetch = Fetch(url=item.url, source=item.source, fetched_at=item.fetched_at, http_status=item.status,
                          content_hash=item.content_hash, run_id=writer.run_id, warc_file=warc)
            for table, rows in page_rows(page, fetch, error, body=item.body).items():
                writer.add(table, rows)
            n += 1
            if page is None:
                errors += 1
            else:
                events += len(page.events)
                seen.append(url)
            if bar:
                bar.advance(task)
    finally:
        if bar:
            bar.stop()
    writer.commit({"spider": "all", "pages": n, "items": events, "errors": errors, "finish_reason": "finished"},
                  seen_pages=seen)
    return n, events
