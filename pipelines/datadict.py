"""The data dictionary (datasets/README.md), generated from pipelines/schema.py."""
from __future__ import annotations

import pyarrow as pa

from .schema import ALL_TABLES as TABLES, KEYS, PARTITIONS, TABLE_DOCS

HEAD = """# The dkevents datasets: data dictionary

Generated from `pipelines/schema.py` by `dkevents datadict`; a test fails when this file and the schema disagree.

Every table is a folder of Hive-partitioned Parquet files (zstd), readable as is:

```python
import duckdb, pandas as pd, polars as pl
duckdb.sql("SELECT * FROM read_parquet('datasets/appearances/**/*.parquet', hive_partitioning=true)")
pd.read_parquet("datasets/events")
pl.read_parquet("datasets/events/**/*.parquet", hive_partitioning=True)
spark.read.parquet("datasets/events")
```

or with `dkevents query "SELECT ..."` (read-only views named like the tables; `dkevents query --example list`
shows the ready-made questions of `queries/examples.sql`). A run commits all tables in one step;
`datasets/archive/` holds every fetched page (WARC) for `dkevents reprocess`.

**Time.** A `timestamp with time zone` is an instant (stored in UTC in the files). The local columns beside it
(`start_local`, `date`, `weekday`, `event_date`) are the same moment in Copenhagen, computed at every commit:
group and filter by `date`, not by the UTC day of `start`. `dkevents query` runs in the time zone
Europe/Copenhagen, so `date(start)` and `year(start)` are Danish too, and every text output (table, csv, json,
xlsx) writes an instant in ISO 8601 with its offset (`2021-06-02T09:15:00+02:00`).

**Names.** A column ending in `_as_written` holds the text as the page writes it; the same name without the
suffix holds the canonical value (`appearances.organisation_as_written` 'KL's Socialudvalg',
`appearances.organisation` 'KL'). Datasets written before a column was renamed read under the new name.

**Counting.** One row of `events` is one real-world event, however many pages list it (`event_pages`); one row of
`appearances` is one person at one event, however many sessions they speak at (`sessions.speakers`). So
`count(*)` over appearances counts people at events; count people with `count(DISTINCT person_id)`.
"""


def _type(t: pa.DataType) -> str:
    if pa.types.is_timestamp(t):
        return "timestamp with time zone"
    if pa.types.is_list(t):
        return f"list<{_type(t.value_type)}>"
    return {"string": "string", "bool": "boolean", "int32": "int32", "int64": "int64"}.get(str(t), str(t))


def render() -> str:
    out = [HEAD]
    for name, schema in TABLES.items():
        out.append(f"\n## `{name}`\n\n{TABLE_DOCS[name]}")
        key = KEYS.get(name)
        meta = []
        if key:
            meta.append(f"key: `{', '.join(key)}`")
        if PARTITIONS.get(name):
            meta.append(f"partitioned by: `{', '.join(PARTITIONS[name])}`")
        if meta:
            out.append("  \n" + "; ".join(meta))
        out.append("\n\n| column | type | null | description |\n|---|---|---|---|")
        for f in schema:
            desc = (f.metadata or {}).get(b"description", b"").decode()
            out.append(f"\n| `{f.name}` | {_type(f.type)} | {'yes' if f.nullable else 'no'} | {desc} |")
        out.append("\n")
    return "".join(out)
