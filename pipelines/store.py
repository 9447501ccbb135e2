"""The Parquet dataset store: Hive-partitioned tables under datasets/, written atomically per run.

Layout (every path a reader uses is a plain directory of Parquet files):

    datasets/events/source=samu/part-0.parquet      → symlink datasets/events → current/events
    datasets/current                                → symlink to .versions/<version>/ (the committed state)
    datasets/.versions/<version>/<table>/...        one complete copy of every table per commit
    datasets/.staging/<run_id>/<table>/batch-*.parquet   a run's rows while it runs
    datasets/.staging/<run_id>/OWNER                    flock-ed by the run's process for as long as it runs
    datasets/.lock                                      flock-ed by the one process writing (see DatasetStore.lock)

Why: a run writes its rows to staging in batches (memory bounded by the batch size, not by the rows), then
DuckDB merges the committed state and the staged rows into a new version (out of core), and the commit is one
`os.replace` of the `current` symlink. A process killed at any moment leaves `current` pointing at the previous
complete version; leftovers are removed by the next run. Rows are keyed (schema.KEYS), so running the same
crawl twice gives the same tables.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import sys
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .changes import CHANGE_SQL, MOVED_SQL
from .derive import derive
from .matching import match_events
from .schema import ALL_TABLES, KEYS, PAGE, PAGE_EVENTS, PARTITIONS, RENAMED, TABLES, ZONE

KEEP_VERSIONS = 3
MERGE_MEMORY = os.environ.get("DKEVENTS_MERGE_MEMORY", "512MB")  # readers that opened an older version keep working while it is kept


class DatasetsBusy(RuntimeError):
    """Another process is writing to the datasets folder and this one was asked not to wait."""


# The datasets lock is held per process, re-entrantly: one crawl process runs several spiders, each a run of its
# own, and they must not wait for each other (they share the reactor thread: a wait there would never end).
# flock conflicts between open files, not between processes, so a second flock in this process would block.
_HELD: dict[str, list] = {}          # resolved datasets folder -> [open lock file, depth]
_HELD_GUARD = threading.Lock()
_MERGE_GUARD = threading.Lock()      # and within the process, one merge at a time


def new_run_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


class DatasetStore:
    def __init__(self, root: str | os.PathLike = "datasets"):
        self.root = Path(root)

    # --- reading -------------------------------------------------------------------------------------
    @property
    def current(self) -> Path | None:
        link = self.root / "current"
        return link.resolve() if link.is_symlink() and link.resolve().exists() else None

    def table_glob(self, table: str) -> str | None:
        """A glob over the committed files of a table, or None when nothing is committed."""
        cur = self.current
        if cur is None or not (cur / table).exists():
            return None
        return str(cur / table / "**" / "*.parquet")

    def read(self, table: str) -> pa.Table:
        g = self.table_glob(table)
        if g is None:
            return ALL_TABLES[table].empty_table()
        con = duckdb.connect()
        return con.execute(f"SELECT * FROM read_parquet('{g}', hive_partitioning=true, union_by_name=true)").arrow()

    # --- writing -------------------------------------------------------------------------------------
    @contextmanager
    def lock(self, wait: bool = True):
        """One writing process at a time, from before its runs stage their first row until the last has
        committed: two processes merging into one folder each start from the same committed state, and the
        second commit would drop the first one's rows. A second writer prints one line and waits (or, with
        wait=False, raises DatasetsBusy). The lock is the kernel's (flock), so a killed holder releases it."""
        self.acquire(wait)
        try:
            yield
        finally:
            self.release()

    def _lock_key(self) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        return str(self.root.resolve())

    def acquire(self, wait: bool = True) -> None:
        key = self._lock_key()
        with _HELD_GUARD:
            if key in _HELD:
                _HELD[key][1] += 1
                return
            fh = open(self.root / ".lock", "a+")
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "?"
                if not wait:
                    fh.close()
                    raise DatasetsBusy(f"{self.root}/ is being written by another run (process {holder}); "
                                       "try again when it has committed")
                print(f"waiting: another run (process {holder}) is writing to {self.root}/; "
                      "this one starts when it has committed", file=sys.stderr, flush=True)
                fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))  # for the waiting message of the next writer
            fh.flush()
            _HELD[key] = [fh, 1]
        # no other process writes now, and no run of this one has started: whatever is left was left by the dead
        self.clean_leftovers()

    def release(self) -> None:
        key = self._lock_key()
        with _HELD_GUARD:
            held = _HELD.get(key)
            if held is None:
                return
            held[1] -= 1
            if held[1] == 0:
                del _HELD[key]
                fcntl.flock(held[0], fcntl.LOCK_UN)
                held[0].close()

    def writer(self, run_id: str | None = None, kind: str = "crawl", batch_rows: int = 20_000,
               tag: str = "main", owner: bool = True) -> "RunWriter":
        """`tag` names this writer's batch files: several processes may stage rows for one run. The run's
        process holds the one `owner` writer, which commits; workers' writers only stage."""
        return RunWriter(self, run_id or new_run_id(), kind, batch_rows, tag, owner)

    def committed_runs(self) -> set[str]:
        cur = self.current
        if cur is None or not (cur / "runs").exists():
            return set()
        return set(pq.read_table(cur / "runs", columns=["run_id"]).column("run_id").to_pylist())

    def clean_leftovers(self) -> list[str]:
        """Remove what killed runs left: staging folders, archives being written, and versions that never became
        current. A run is alive while its process holds the flock on its staging OWNER file."""
        removed = []
        cur = self.current
        live = set()
        for d in (self.root / ".staging").glob("*") if (self.root / ".staging").exists() else []:
            if _owner_alive(d):
                live.add(d.name)
                continue  # another run is still writing there
            shutil.rmtree(d, ignore_errors=True)
            removed.append(str(d))
        parts = sorted((self.root / "archive").glob("*.warc.gz.part")) if (self.root / "archive").is_dir() else []
        committed = self.committed_runs() if parts else set()
        for part in parts:
            run_id = archive_run_id(part.name)
            if run_id in live:
                continue
            if run_id in committed:  # killed between its commit and the rename: the archive is the run's
                part.replace(part.with_name(part.name.removesuffix(".part")))
                continue
            # a killed run's pages: never committed, so never to be read again (reprocess reads no .part)
            part.unlink(missing_ok=True)
            removed.append(str(part))
        versions = [v.resolve() for v in (self.root / ".versions").glob("*")] if (self.root / ".versions").exists() else []
        # newest commits last (by the commit marker's time, not by name: run ids of one second sort at random)
        committed = sorted((v for v in versions if (v / "COMMITTED").exists()),
                           key=lambda v: (v / "COMMITTED").stat().st_mtime_ns)
        for v in versions:
            if v != cur and v not in committed[-KEEP_VERSIONS:]:
                if _remove_unless_read(v):  # else a reader still reads it; a later run removes it
                    removed.append(str(v))
        for tmp in self.root.glob(".current-*"):
            tmp.unlink(missing_ok=True)
        return removed

    def _ensure_table_links(self) -> None:
        for table in ALL_TABLES:
            link = self.root / table
            if link.is_symlink() or not link.exists():
                if not link.is_symlink():
                    link.symlink_to(Path("current") / table)
            # a real directory there (not ours) is left alone


def hold_version(store: DatasetStore):
    """(the current version, an open file whose shared flock keeps it from removal), or None when nothing is
    committed. Close the file to let the version go."""
    for _ in range(100):  # each retry means a commit and a removal happened in between: rare
        cur = store.current
        if cur is None:
            return None
        try:
            fh = open(cur / "COMMITTED", "r")
        except FileNotFoundError:
            continue  # removed between the resolve and the open: a newer one is current
        fcntl.flock(fh, fcntl.LOCK_SH)  # waits while a removal of this version is under way
        if (cur / "COMMITTED").exists():
            return cur, fh
        fh.close()
    raise RuntimeError(f"{store.root}/current keeps changing; try again")


def _remove_unless_read(version: Path) -> bool:
    """Removes a version no reader holds (hold_version); False when one does."""
    try:
        fh = open(version / "COMMITTED", "r")
    except OSError:
        shutil.rmtree(version, ignore_errors=True)  # never committed
        return True
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(version, ignore_errors=True)  # under the lock: a reader arriving now finds it gone
        return True


def archive_run_id(name: str) -> str:
    """The run an archive file belongs to: <run_id>-<writer tag>.warc.gz[.part] (tags have no '-')."""
    stem = name.removesuffix(".part").removesuffix(".warc.gz")
    return stem.rsplit("-", 1)[0] if "-" in stem else stem


class RunWriter:
    """Collects one run's rows in staging, then commits them in one step."""

    def __init__(self, store: DatasetStore, run_id: str, kind: str, batch_rows: int, tag: str = "main",
                 owner: bool = True):
        self.store, self.run_id, self.kind, self.batch_rows, self.tag = store, run_id, kind, batch_rows, tag
        self.owner = owner
        self.staging = store.root / ".staging" / run_id
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.batches = 0
        self.counts = {t: 0 for t in TABLES}
        self.started = dt.datetime.now(dt.timezone.utc)
        self.committed = False
        self.committed_rows: dict[str, int] = {}   # rows of each table this run committed (after keying)
        self._owner_fh = None

    def _claim(self) -> None:
        """The owner marks the staging folder as its run's for as long as its process lives: an flock, which
        the kernel drops when the process dies (a pid in a file cannot tell a live run of this very process,
        or a reused pid, from a dead one)."""
        self.staging.mkdir(parents=True, exist_ok=True)
        if self.owner and self._owner_fh is None:
            fh = open(self.staging / "OWNER", "a+")
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # run ids are unique: nobody else holds it
            fh.write(str(os.getpid()))
            fh.flush()
            self._owner_fh = fh

    def _disown(self) -> None:
        if self._owner_fh is not None:
            self._owner_fh.close()
            self._owner_fh = None

    def flush(self) -> None:
        """Write what is buffered (a worker process does this before it ends)."""
        for table in TABLES:
            self._flush(table)

    def add(self, table: str, rows: list[dict]) -> None:
        buf = self.buffers[table]
        buf.extend(rows)
        self.counts[table] += len(rows)
        if len(buf) >= self.batch_rows:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self.buffers[table]
        if not rows:
            return
        self._claim()
        schema = TABLES[table]
        # _seq orders rows within a run: a later row with the same key wins
        tab = pa.Table.from_pylist(rows, schema=schema)
        tab = tab.append_column("_seq", pa.array(range(self.batches * 10**9, self.batches * 10**9 + len(rows)),
                                                 pa.int64()))
        if table in _BY_PAGE:
            tab = tab.append_column(PAGE, pa.array([r.get(PAGE) for r in rows], pa.string()))
            tab = tab.append_column(PAGE_EVENTS, pa.array([r.get(PAGE_EVENTS) for r in rows], pa.int32()))
        out = self.staging / table
        out.mkdir(parents=True, exist_ok=True)
        pq.write_table(tab, out / f"batch-{self.tag}-{self.batches:06d}.parquet", compression="zstd")
        self.batches += 1
        self.buffers[table] = []

    def commit(self, run_row: dict | None = None, seen_pages: list[str] | None = None) -> Path:
        """Merge the staged rows into a new version and make it current. Returns the version path."""
        if run_row is not None:
            self.add("runs", [{"run_id": self.run_id, "kind": self.kind, "started": self.started,
                               "finished": dt.datetime.now(dt.timezone.utc), **run_row}])
        self._claim()
        for table in TABLES:
            self._flush(table)
        store = self.store
        try:
            with store.lock(), _MERGE_GUARD:
                version = self._merge_and_commit(seen_pages)
        finally:
            self._disown()
        self.committed = True
        return version

    def _merge_and_commit(self, seen_pages: list[str] | None) -> Path:
        store = self.store
        version = store.root / ".versions" / (self.run_id + "-" + uuid.uuid4().hex[:4])
        version.mkdir(parents=True)
        old = store.current
        con = duckdb.connect()
        con.execute("SET preserve_insertion_order=false")
        # bounded memory for the merge: DuckDB spills to disk beyond this
        con.execute(f"SET memory_limit='{MERGE_MEMORY}'")
        con.execute(f"SET temp_directory='{self.staging / 'spill'}'")
        # times written as text (event_changes.old/new) are Copenhagen times with their offset, as readers see them
        con.execute(f"SET TimeZone = '{ZONE}'")
        now = dt.datetime.now(dt.timezone.utc)
        for table, schema in TABLES.items():
            con.execute(f"CREATE OR REPLACE VIEW old_{table} AS " + _select_or_empty(con, old, table, schema))
        # one list parameter: executemany would run an INSERT per page (0.3 s for 2,000 pages)
        con.execute("CREATE OR REPLACE TABLE seen_pages AS SELECT unnest(?::VARCHAR[]) AS url",
                    [list(seen_pages or [])])
        staged_events = self.staging / "events"
        staged_apps = self.staging / "appearances"
        # every page's copy of every event, under the id of the real-world event it is (pipelines/matching.py)
        if staged_events.exists():
            match_events(con, f"read_parquet('{staged_events}/*.parquet')",
                         f"read_parquet('{staged_apps}/*.parquet')" if staged_apps.exists() else None)
            con.execute(f"""CREATE OR REPLACE VIEW staged_events AS
                SELECT s.* REPLACE (coalesce(a.event_id, s.event_id) AS event_id), s.event_id AS page_event_id
                FROM read_parquet('{staged_events}/*.parquet') s LEFT JOIN event_alias a
                ON s.event_id = a.page_event_id""")
            # an event whose committed row was read from a better page than any this run read (its own page, not
            # read this time: a run of the listing only, or another source's spider listing it too) keeps that
            # row, its sessions and speakers; this run adds only where else it is listed (event_pages)
            staged_pages = self.staging / "pages"
            run_pages = (f"SELECT url FROM read_parquet('{staged_pages}/*.parquet') UNION " if staged_pages.exists()
                         else "") + "SELECT url FROM seen_pages"
            con.execute(f"""CREATE OR REPLACE TABLE kept_events AS
                WITH best AS (SELECT event_id, min({PAGE_EVENTS}) AS n, arg_min({PAGE}, ({PAGE_EVENTS}, {PAGE})) AS url
                              FROM staged_events GROUP BY 1)
                SELECT b.event_id FROM best b JOIN old_events o USING (event_id) JOIN old_pages p ON p.url = o.source_url
                WHERE o.source_url NOT IN ({run_pages}) AND o.status <> 'cancelled_or_removed'
                  AND (p.events < b.n OR (p.events = b.n AND o.source_url < b.url))""")
            # the page each event takes its fields, sessions and speakers from: its own page (the fewest events,
            # then the first URL), whatever order the pages were read in
            con.execute(f"CREATE OR REPLACE VIEW event_best_page AS SELECT event_id, "
                        f"arg_min({PAGE}, ({PAGE_EVENTS}, {PAGE})) AS best FROM staged_events "
                        f"WHERE event_id NOT IN (SELECT event_id FROM kept_events) GROUP BY 1")
        else:
            match_events(con, None, None)  # (no event this run: empty alias tables)
            con.execute("CREATE OR REPLACE TABLE kept_events (event_id VARCHAR)")
            con.execute("CREATE OR REPLACE VIEW event_best_page AS "
                        "SELECT NULL::VARCHAR AS event_id, NULL::VARCHAR AS best WHERE false")
        for table, schema in TABLES.items():
            con.execute(f"CREATE OR REPLACE VIEW new_{table} AS " + _staged_select(self.staging / table, table, schema))
        staged_rows = {t: con.execute(f"SELECT count(*) FROM new_{t}").fetchone()[0] for t in TABLES}
        staged_rows["events"] += con.execute("SELECT count(*) FROM kept_events").fetchall()[0][0]  # seen, kept as were
        # an event whose day changed has a new id: the same page and title (as an identity) tell it is the same
        from .rows import title_key  # (imports the extraction library: only a commit needs it)
        con.create_function("title_key", title_key, ["VARCHAR"], "VARCHAR")
        con.execute(f"CREATE OR REPLACE TABLE moved_events AS {MOVED_SQL}")
        # what changed since the last version, before the merge hides it
        con.execute(f"CREATE OR REPLACE TABLE changes AS {CHANGE_SQL}", {"run_id": self.run_id, "now": now})
        for table, schema in TABLES.items():
            _write_table(con, table, schema, version / table)
        derive(con, store.root, version)
        (version / "COMMITTED").write_text(self.run_id + "\n")
        _fsync_tree(version)
        tmp = store.root / f".current-{uuid.uuid4().hex[:6]}"
        tmp.symlink_to(Path(".versions") / version.name)
        os.replace(tmp, store.root / "current")  # the one step that commits
        self.committed_rows = staged_rows
        store._ensure_table_links()
        # the run's archives become final only now: one of a run that never committed is never re-read
        for part in (store.root / "archive").glob(f"{self.run_id}-*.warc.gz.part"):
            if archive_run_id(part.name) == self.run_id:
                part.replace(part.with_name(part.name.removesuffix(".part")))
        shutil.rmtree(self.staging, ignore_errors=True)
        store.clean_leftovers()
        return version


def _owner_alive(staging: Path) -> bool:
    """Whether a process (this one included) holds the staging folder's OWNER flock."""
    try:
        fh = open(staging / "OWNER", "r")
    except OSError:
        return False  # never claimed, or a worker of a dead run made the folder again
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


_BY_PAGE = ("events", "sessions", "appearances")


def _staged_select(staged: Path, table: str, schema: pa.Schema) -> str:
    """A run's rows of one table, one per key, under the ids of the real-world events (event_alias). Within a
    run a later row with the same key wins, except that an event read from several pages takes its row, sessions
    and speakers from its own page (the page listing the fewest events; among equals, the first URL): never from
    whichever page a worker happened to finish last. Its series is its own page's, else another page's."""
    if table == "event_pages":
        if not staged.parent.joinpath("events").exists():
            return _empty_select(schema)
        return ("SELECT event_id, source_url AS url, source, title, page_event_id, first_seen, last_seen, run_id "
                "FROM staged_events QUALIFY row_number() OVER (PARTITION BY source_url, page_event_id "
                "ORDER BY _seq DESC) = 1")
    if not staged.exists():
        return _empty_select(schema)
    src = f"read_parquet('{staged}/*.parquet')"
    if table == "events":
        return (f"SELECT * EXCLUDE (_seq, {PAGE}, {PAGE_EVENTS}, page_event_id, any_series) FROM ("
                f"SELECT * REPLACE (coalesce(series, any_series) AS series) FROM ("
                f"SELECT *, max(series) OVER (PARTITION BY event_id) AS any_series FROM staged_events)) "
                f"WHERE event_id NOT IN (SELECT event_id FROM kept_events) "
                f"QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY {PAGE_EVENTS} NULLS LAST, source_url, "
                f"_seq DESC) = 1")
    if table in _BY_PAGE:
        key = KEYS[table][0]
        canon = "coalesce(a.event_id, s.event_id)"
        fix = f"{canon} AS event_id"
        if table == "appearances":  # one person at one event: the id rows.appearance_id gives, on the event's id
            fix += f", substr(sha1({canon} || chr(31) || '' || chr(31) || s.name_key), 1, 16) AS appearance_id"
            key = "appearance_id"
        return (f"SELECT * EXCLUDE (_seq, {PAGE}, {PAGE_EVENTS}) FROM (SELECT s.* REPLACE ({fix}) FROM {src} s "
                f"LEFT JOIN event_alias a ON s.event_id = a.page_event_id) s JOIN event_best_page p "
                f"USING (event_id) WHERE s.{PAGE} IS NOT DISTINCT FROM p.best QUALIFY row_number() OVER "
                f"(PARTITION BY s.{key} ORDER BY s._seq DESC) = 1")
    return f"SELECT * EXCLUDE (_seq) FROM {src} {_latest(table)}"


def _latest(table: str) -> str:
    key = KEYS[table]
    if not key:
        return ""
    return f"QUALIFY row_number() OVER (PARTITION BY {', '.join(key)} ORDER BY _seq DESC) = 1"


def _empty_select(schema: pa.Schema) -> str:
    cols = ", ".join(f"CAST(NULL AS {_duck_type(f.type)}) AS \"{f.name}\"" for f in schema)
    return f"SELECT {cols} WHERE false"


def _select_or_empty(con, version: Path | None, table: str, schema: pa.Schema) -> str:
    """The committed rows of a table, in today's schema: columns added since they were written read as NULL."""
    if version is None or not (version / table).exists():
        return _empty_select(schema)
    src = f"read_parquet('{version / table}/**/*.parquet', hive_partitioning=true, union_by_name=true)"
    have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}
    return f"SELECT {schema_columns(table, schema, have)} FROM {src}"


def schema_columns(table: str, schema: pa.Schema, have: set[str]) -> str:
    """A select list giving today's columns from a table that has the columns `have`: a column renamed since
    reads from its old name, one added since as NULL."""
    renamed = RENAMED.get(table, {})
    out = []
    for f in schema:
        if f.name in have:
            out.append(f'"{f.name}"')
        elif renamed.get(f.name) in have:
            out.append(f'"{renamed[f.name]}" AS "{f.name}"')
        else:
            out.append(f'CAST(NULL AS {_duck_type(f.type)}) AS "{f.name}"')
    return ", ".join(out)


def _duck_type(t: pa.DataType) -> str:
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_list(t):
        return "VARCHAR[]"
    return "VARCHAR"


def _write_table(con, table: str, schema: pa.Schema, out: Path) -> None:
    """New version of one table = staged rows (keeping first_seen from before) + earlier rows not replaced,
    with events gone from a re-crawled page marked, and stale appearances of re-seen events dropped."""
    cols = ", ".join(f'"{f.name}"' for f in schema)
    key = KEYS[table]
    if table == "event_changes":
        # the history of an event folded into another (one meeting read twice) is the other's history
        body = (f"SELECT {cols} FROM (SELECT o.* REPLACE (coalesce(j.new_id, o.event_id) AS event_id) "
                f"FROM old_event_changes o LEFT JOIN joined_events j ON o.event_id = j.old_id) "
                f"UNION ALL SELECT {cols} FROM changes")
    elif key is None or not key:
        body = f"SELECT {cols} FROM old_{table} UNION ALL SELECT {cols} FROM new_{table}"
    else:
        k = key[0]
        keep_first = "first_seen" in schema.names
        new_sel = (f"SELECT n.* REPLACE (coalesce(o.first_seen, n.first_seen) AS first_seen) FROM new_{table} n "
                   f"LEFT JOIN old_{table} o USING ({k})") if keep_first else f"SELECT * FROM new_{table}"
        rest = f"SELECT * FROM old_{table} WHERE {k} NOT IN (SELECT {k} FROM new_{table})"
        if table in ("events", "appearances", "sessions"):
            # an event found to be another (the same meeting on two pages) lives on as that one
            rest += " AND event_id NOT IN (SELECT old_id FROM joined_events)"
        if table == "event_pages":
            # a page read again lists what it lists now; the pages not read keep theirs, under the joined id
            new_sel = (f"SELECT n.* REPLACE (coalesce(o.first_seen, n.first_seen) AS first_seen) FROM new_{table} n "
                       f"LEFT JOIN old_{table} o USING (url, page_event_id)")
            rest = (f"SELECT o.* REPLACE (coalesce(j.new_id, o.event_id) AS event_id) FROM old_{table} o "
                    f"LEFT JOIN joined_events j ON o.event_id = j.old_id WHERE o.url NOT IN (SELECT url FROM seen_pages) "
                    f"AND (o.url, o.page_event_id) NOT IN (SELECT (url, page_event_id) FROM new_{table})")
        if table == "events":
            # a moved event lives on under its new id; one that was on a page fetched in this run but is no
            # longer there is marked
            rest += " AND event_id NOT IN (SELECT old_id FROM moved_events)"
            rest = (f"SELECT * REPLACE (CASE WHEN source_url IN (SELECT url FROM seen_pages) "
                    f"AND status <> 'cancelled_or_removed' THEN 'cancelled_or_removed' ELSE status END AS status) "
                    f"FROM ({rest})")
        if table in ("appearances", "sessions"):
            # the event was read again (or moved): its speakers and sessions are what the page says now
            rest += (" AND event_id NOT IN (SELECT event_id FROM new_events)"
                     " AND event_id NOT IN (SELECT old_id FROM moved_events)")
        body = f"SELECT {cols} FROM ({new_sel}) UNION ALL BY NAME SELECT {cols} FROM ({rest})"
    query = f"SELECT {cols} FROM ({body})"
    if table in LOCAL_TIME:
        query = f"SELECT * REPLACE ({LOCAL_TIME[table]}) FROM ({query})"
    parts = PARTITIONS.get(table)
    n = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    out.mkdir(parents=True, exist_ok=True)
    if n == 0:
        # an empty table is still a readable table: one empty file with the schema
        target = out / "source=none" if parts else out
        target.mkdir(parents=True, exist_ok=True)
        empty = schema.empty_table()
        if parts:
            empty = empty.drop_columns(parts)
        pq.write_table(empty, target / "part-0.parquet", compression="zstd")
        return
    order = "event_id" if "event_id" in schema.names else schema.names[0]
    opts = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000"
    if parts:
        opts += f", PARTITION_BY ({', '.join(parts)}), OVERWRITE_OR_IGNORE true"
        con.execute(f"COPY ({query} ORDER BY {order}) TO '{out}' ({opts})")
    else:
        con.execute(f"COPY ({query} ORDER BY {order}) TO '{out / 'part-0.parquet'}' ({opts})")


# Local time is computed from the instants at every commit (rows written before these columns existed get them
# too): one rule, in one place, for every reader.
LOCAL_TIME = {
    "events": (f"timezone('{ZONE}', \"start\") AS start_local, timezone('{ZONE}', \"end\") AS end_local, "
               f"CAST(timezone('{ZONE}', \"start\") AS DATE) AS date, "
               f"dayname(timezone('{ZONE}', \"start\")) AS weekday"),
    "appearances": f"CAST(timezone('{ZONE}', event_start) AS DATE) AS event_date",
}


def _fsync_tree(path: Path) -> None:
    """Flush the new version to disk before the commit points at it."""
    for p in sorted(path.rglob("*"), reverse=True):
        try:
            fd = os.open(p, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
        except OSError:
            pass
    fd = os.open(path, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
