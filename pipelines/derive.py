"""The tables rebuilt at every commit from the merged rows: people, organisations, parties; and the
suppression of people who asked not to be listed. Runs inside the store's commit, before the version is made
current, so a reader never sees appearances without their person_id."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.parties import PARTY_NAMES

from .organisations import canonical_organisation
from .people import load_aliases, load_suppressed, person_key, resolve_people
from .schema import ORGANISATIONS, PARTIES, PEOPLE

ALIASES_FILE = "people_aliases.csv"
SUPPRESSED_FILE = "suppressed_people.csv"


def derive(con, root: Path, version: Path) -> None:
    apps = f"read_parquet('{version}/appearances/**/*.parquet', hive_partitioning=true)"
    suppressed = load_suppressed(root / SUPPRESSED_FILE)
    rows = [dict(zip(("name", "party", "organization", "role", "n"), r)) for r in con.execute(
        f"SELECT name, party, organisation_as_written, mode(role), count(*) FROM {apps} GROUP BY ALL").fetchall()]
    hidden = sorted({r["name"] for r in rows if person_key(r["name"]) in suppressed})
    rows = [r for r in rows if person_key(r["name"]) not in suppressed]
    mapping, people = resolve_people(rows, load_aliases(root / ALIASES_FILE))
    con.execute("CREATE OR REPLACE TABLE person_map(name VARCHAR, party VARCHAR, organization VARCHAR, "
                "person_id VARCHAR, organisation VARCHAR)")
    if mapping:
        con.executemany("INSERT INTO person_map VALUES (?, ?, ?, ?, ?)",
                        [(n, p, o, pid, canonical_organisation(o)[0]) for (n, p, o), pid in mapping.items()])
    # appearances again, with person and organisation; suppressed people's rows are not written
    out = version / "appearances.new"
    cols = [c for (c,) in con.execute(f"SELECT column_name FROM (DESCRIBE SELECT * FROM {apps})").fetchall()
            if c not in ("person_id", "organisation")]
    sel = ", ".join(f'a."{c}"' for c in cols)
    n = con.execute(f"SELECT count(*) FROM {apps} a JOIN person_map m ON a.name = m.name "
                    f"AND a.party IS NOT DISTINCT FROM m.party "
                    f"AND a.organisation_as_written IS NOT DISTINCT FROM m.organization").fetchone()[0]
    if n:
        con.execute(f"""COPY (SELECT {sel}, m.person_id, m.organisation FROM {apps} a JOIN person_map m
                        ON a.name = m.name AND a.party IS NOT DISTINCT FROM m.party
                        AND a.organisation_as_written IS NOT DISTINCT FROM m.organization ORDER BY a.event_id)
                        TO '{out}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (source))""")
        shutil.rmtree(version / "appearances")
        out.rename(version / "appearances")
    elif suppressed:
        # nobody left: the empty table keeps its schema
        shutil.rmtree(version / "appearances")
        (version / "appearances" / "source=none").mkdir(parents=True)
        from .schema import APPEARANCES
        pq.write_table(APPEARANCES.empty_table().drop_columns(["source"]),
                       version / "appearances" / "source=none" / "part-0.parquet")
    _redact(con, version, hidden)
    _drop_suppressed_changes(con, version, suppressed)
    _people(con, version, people)
    _organisations(con, version)
    (version / "parties").mkdir(exist_ok=True)
    pq.write_table(pa.Table.from_pylist([{"party": k, "name": v} for k, v in PARTY_NAMES.items()], schema=PARTIES),
                   version / "parties" / "part-0.parquet", compression="zstd")


def _people(con, version: Path, people: list[dict]) -> None:
    apps = f"read_parquet('{version}/appearances/**/*.parquet', hive_partitioning=true)"
    stats = {pid: (ev, src, first, last) for pid, ev, src, first, last in con.execute(
        f"SELECT person_id, count(DISTINCT event_id), list(DISTINCT source ORDER BY source), min(event_start), "
        f"max(event_start) FROM {apps} GROUP BY 1").fetchall()} if people else {}
    for p in people:
        ev, src, first, last = stats.get(p["person_id"], (0, [], None, None))
        p.update(events=ev, sources=src, first_event=first, last_event=last)
        p["organisations_as_written"] = p["organisations"]
        p["organisations"] = sorted({canonical_organisation(o)[0] for o in p["organisations"]} - {None})
    (version / "people").mkdir(exist_ok=True)
    pq.write_table(pa.Table.from_pylist(people, schema=PEOPLE), version / "people" / "part-0.parquet",
                   compression="zstd")


def _organisations(con, version: Path) -> None:
    apps = f"read_parquet('{version}/appearances/**/*.parquet', hive_partitioning=true)"
    rows = con.execute(f"SELECT organisation, list(DISTINCT organisation_as_written), count(*), count(DISTINCT person_id) "
                       f"FROM {apps} WHERE organisation IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall() \
        if _has_rows(con, apps) else []
    orgs = [{"name": name, "kind": canonical_organisation(name)[1], "names_as_written": sorted(v), "appearances": n,
             "people": p} for name, v, n, p in rows]
    (version / "organisations").mkdir(exist_ok=True)
    pq.write_table(pa.Table.from_pylist(orgs, schema=ORGANISATIONS), version / "organisations" / "part-0.parquet",
                   compression="zstd")


def _has_rows(con, rel: str) -> bool:
    try:
        return con.execute(f"SELECT count(*) FROM {rel} WHERE person_id IS NOT NULL").fetchone()[0] > 0
    except Exception:  # noqa: BLE001 - an empty table without the column
        return False


def _drop_suppressed_changes(con, version: Path, suppressed: set[str]) -> None:
    """The change history of a suppressed person goes too: rows written before the suppression, and the
    `speaker_added` every later run would see (the merge compares with appearances that no longer hold them).
    Looked for by every name in the history, not only those still on a page."""
    if not suppressed:
        return
    src = f"read_parquet('{version}/event_changes/**/*.parquet')"
    names = [n for (n,) in con.execute(f"SELECT DISTINCT field FROM {src} WHERE change LIKE 'speaker_%' "
                                       "AND field IS NOT NULL").fetchall() if person_key(n) in suppressed]
    if not names:
        return
    out = version / "event_changes.kept"
    out.mkdir()
    con.execute(f"COPY (SELECT * FROM {src} WHERE NOT (change LIKE 'speaker_%' AND list_contains(?, field))) "
                f"TO '{out / 'part-0.parquet'}' (FORMAT parquet, COMPRESSION zstd)", [names])
    shutil.rmtree(version / "event_changes")
    out.rename(version / "event_changes")


def _redact(con, version: Path, names: list[str]) -> None:
    """A suppressed person's name is taken out of the text other rows carry (descriptions, evidence)."""
    if not names:
        return
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for table, columns in (("events", ("description", "status_evidence", "title")), ("appearances", ("evidence",)),
                           ("sessions", ("speakers",)), ("event_pages", ("title",))):
        src = f"read_parquet('{version}/{table}/**/*.parquet', hive_partitioning=true)"
        if not con.execute(f"SELECT count(*) FROM {src}").fetchone()[0]:
            continue
        # a session's list of speakers loses the person; text loses the name
        repl = ", ".join(f"list_filter({c}, x -> NOT regexp_matches(x, ?)) AS {c}" if c == "speakers" else
                         f"regexp_replace({c}, ?, '[navn fjernet]', 'g') AS {c}" for c in columns)
        out = version / f"{table}.redacted"
        partition = ", PARTITION_BY (source)" if table != "event_pages" else ""
        target = out if partition else out / "part-0.parquet"
        out.mkdir(exist_ok=True)
        con.execute(f"COPY (SELECT * REPLACE ({repl}) FROM {src}) TO '{target}' "
                    f"(FORMAT parquet, COMPRESSION zstd{partition}, OVERWRITE_OR_IGNORE true)", [pattern] * len(columns))
        shutil.rmtree(version / table)
        out.rename(version / table)
