"""Read-only SQL over the datasets with DuckDB: a view per table, nothing else reachable. The session's time
zone is Europe/Copenhagen: an instant prints with its Danish offset, and date(start), year(start) and hour(start)
are the Danish day, year and hour (an all-day event is on its own day, not at 22:00 the day before).

    q = DatasetQuery("datasets"); q.sql("SELECT name, count(*) FROM appearances GROUP BY 1")

Only SELECT-like statements run (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); once the views exist, DuckDB's
external access is switched off, so a query cannot read or write files outside the datasets. DuckDB would also
allow its temp folder (`.tmp/` in the working directory, whatever is in it), so spilling is off.

A DatasetQuery reads the version that was current when it opened, and only that one, until it is closed: it
holds a shared flock on the version's COMMITTED marker, and the store keeps a version so held (a crawl that
commits meanwhile does not pull the data from under it).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .schema import ALL_TABLES as TABLES
from .schema import RENAMED, ZONE
from .store import DatasetStore, hold_version

ALLOWED = {"SELECT", "EXPLAIN"}


class QueryError(ValueError):
    pass


class DatasetQuery:
    def __init__(self, root: str | Path = "datasets"):
        self.store = DatasetStore(root)
        held = hold_version(self.store)  # `current` resolved once: every view reads this one version
        if held is None:
            raise QueryError(f"no datasets in {Path(root).resolve()}: run `dkevents crawl` (or `make demo`) first")
        self.version, self._hold = held
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET temp_directory = ''")  # DuckDB allows reading its temp folder: have none
        self.con.execute(f"SET TimeZone = '{ZONE}'")
        for table in TABLES:
            if (self.version / table).exists():
                g = self.version / table / "**" / "*.parquet"
                src = f"read_parquet('{g}', hive_partitioning=true, union_by_name=true)"
                have = {r[0] for r in self.con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
                # datasets written before a column was renamed read under the new name too
                extra = "".join(f', "{old}" AS "{new}"' for new, old in RENAMED.get(table, {}).items()
                                if old in have and new not in have)
                self.con.execute(f"CREATE VIEW {table} AS SELECT *{extra} FROM {src}")
        # the committed version stays readable; everything else on disk is out of reach
        self.con.execute("SET allowed_directories = ?", [[str(self.version) + "/"]])
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")

    def close(self) -> None:
        """Lets the store remove this version once it is no longer among the kept ones."""
        self.con.close()
        if self._hold is not None:
            self._hold.close()
            self._hold = None

    def __enter__(self) -> "DatasetQuery":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check(self, sql: str) -> None:
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(f"not valid SQL: {exc}") from exc
        if not statements:
            raise QueryError("empty query")
        for st in statements:
            kind = st.type.name
            text = st.query.lstrip().upper()
            if kind not in ALLOWED and not text.startswith(("DESCRIBE", "SHOW", "SUMMARIZE", "FROM")):
                raise QueryError(f"only reading queries run here; this is a {kind} statement")

    def sql(self, sql: str) -> duckdb.DuckDBPyRelation:
        self.check(sql)
        try:
            return self.con.sql(sql)
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc

    def df(self, sql: str, params: list | None = None):
        """A DataFrame; df.attrs["types"] holds each column's DuckDB type (pandas shows a DATE and a local
        TIMESTAMP alike, and the outputs write them differently)."""
        self.check(sql)
        try:
            cur = self.con.execute(sql, params or [])
            types = {d[0]: str(d[1]) for d in cur.description or []}
            out = cur.df()
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc
        out.attrs["types"] = types
        return out


# Ready-made questions ---------------------------------------------------------------------------------------
TOP_SPEAKERS = """
SELECT any_value(a.name) AS name, count(DISTINCT a.event_id) AS events,
       count(DISTINCT a.source) AS sources, string_agg(DISTINCT a.source, ', ' ORDER BY a.source) AS where_,
       any_value(a.party) FILTER (WHERE a.party IS NOT NULL) AS party,
       min(a.event_start) AS first, max(a.event_start) AS last,
       rank() OVER (ORDER BY count(DISTINCT a.event_id) DESC) AS rank  -- people with as many events share a rank
FROM appearances a
GROUP BY coalesce(a.person_id, a.name_key) ORDER BY events DESC, name LIMIT ?
"""

# every appearance of the person (or people) a name is seen for, under any of their spellings
WHO = """
WITH hit AS (SELECT DISTINCT coalesce(person_id, name_key) AS who FROM appearances WHERE name_key = ? OR name ILIKE ?)
SELECT a.name, e.title AS event, e."start" AS start, e.date, e.source AS organiser,
       e.series, a.role, a.organisation_as_written, a.organisation, a.party, a.moderator, a.confirmed, e.source_url
FROM appearances a JOIN events e USING (event_id)
WHERE coalesce(a.person_id, a.name_key) IN (SELECT who FROM hit)
ORDER BY 3 NULLS LAST
"""

EVENTS = """
SELECT e.source, e.series, e.title, e."start" AS start, e.date, e.status,
       e.venue_city AS city, e.online,
       count(a.appearance_id) AS speakers
FROM events e LEFT JOIN appearances a USING (event_id)
WHERE (? IS NULL OR e.source = ?) AND (? IS NULL OR e."start" >= CAST(? AS TIMESTAMPTZ))
  AND (? IS NULL OR e."start" < CAST(? AS TIMESTAMPTZ))
GROUP BY ALL ORDER BY 4 NULLS LAST
"""


EXAMPLES = Path(__file__).resolve().parent.parent / "queries" / "examples.sql"


def load_examples(path: Path = EXAMPLES) -> dict[str, tuple[str, str]]:
    """queries/examples.sql → {name: (what it answers, SQL)}: each query starts at a `-- name:` line, and the
    comment lines right under it describe it."""
    out: dict[str, tuple[str, str]] = {}
    name, about, body = None, [], []
    for line in path.read_text(encoding="utf-8").splitlines() + ["-- name: "]:
        if line.startswith("-- name:"):
            if name:
                out[name] = (" ".join(about), "\n".join(body).strip().rstrip(";"))
            name, about, body = line.removeprefix("-- name:").strip(), [], []
        elif name and line.startswith("--") and not body:
            about.append(line.removeprefix("--").strip())
        elif name:
            body.append(line)
    return out
