"""Imported once by the fork server that starts the extraction workers (see dataset_pipeline): what every
worker needs is loaded there, before the workers are forked from it, so N workers pay for their start-up
(about 1.3 s of CPU: spaCy, pyarrow, the first-name lists, the rule pipeline, pyarrow's time-zone tables)
once instead of N times.

One small page is read and its rows turned into Arrow tables, which loads everything that is otherwise loaded
on first use.
"""
import datetime as dt

import pyarrow as pa

from extract import extract_page
from extract.nlp import pipeline

from . import dataset_pipeline  # noqa: F401 - the worker's own code and its imports
from .rows import Fetch, page_rows
from .schema import TABLES

_PAGE = """Socialpolitisk netværk

Debat om fremtidens socialpolitik

Torsdag den 5. marts 2026 kl. 10.00-12.00, Christiansborg, 1240 København K

Debatten modereres af Mette Hansen, direktør, Børns Vilkår. Oplæg fra Torben Tranæs (S)."""


def _warm() -> None:
    pipeline()
    fetched = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    page = extract_page(_PAGE, url="https://samu.dk/arrangementer/debat-1", today=fetched.date(), is_html=False)
    fetch = Fetch(url=page.url, source=page.source, fetched_at=fetched, http_status=200, content_hash="", run_id="")
    for table, rows in page_rows(page, fetch, None).items():
        pa.Table.from_pylist(rows, schema=TABLES[table])


_warm()
