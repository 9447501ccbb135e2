"""The summary printed after a crawl: events per source, speakers, the top speakers."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def print_summary(datasets: str, stats: dict[str, dict] | None = None) -> None:
    from pipelines.query import TOP_SPEAKERS, DatasetQuery, QueryError

    console = Console()
    if stats:
        t = Table(title="Crawl")
        for c in ("spider", "pages", "events committed", "failed pages", "finish", "monitors"):
            t.add_column(c)
        for name, s in stats.items():
            errors = s.get("dkevents/pages_failed") or 0
            failed = [m["name"] for m in s.get("dkevents/monitors") or [] if not m["passed"]]
            monitors = ("failed: " + ", ".join(failed) if failed else "ok") if s.get("dkevents/monitors") else "-"
            if s.get("dkevents/events_held_back"):
                monitors += "; events held back"
            # what the run committed (an event listed on three pages is one event), never what it merely read
            committed = "NOT committed" if s.get("dkevents/commit_failed") else str(s.get("dkevents/committed_events", 0))
            t.add_row(name, str(s.get("response_received_count", 0)), committed,
                      str(errors), str(s.get("finish_reason")), monitors)
        console.print(t)
    try:
        q = DatasetQuery(datasets)
    except QueryError as exc:
        console.print(f"[red]{exc}[/]")
        return
    per_source = q.df("""SELECT e.source, count(DISTINCT e.event_id) AS events,
                           count(a.appearance_id) AS appearances, count(DISTINCT a.name_key) AS people
                         FROM events e LEFT JOIN appearances a USING (event_id) GROUP BY 1 ORDER BY 1""")
    t = Table(title=f"Datasets in {datasets}/")
    for c in per_source.columns:
        t.add_column(c)
    for row in per_source.itertuples(index=False):
        t.add_row(*map(str, row))
    console.print(t)
    top = q.df(TOP_SPEAKERS, [10])
    t = Table(title="Top speakers")
    for c in ("name", "events", "where", "party"):
        t.add_column(c)
    for row in top.itertuples(index=False):
        t.add_row(row.name, str(row.events), row.where_, row.party if isinstance(row.party, str) else "")
    console.print(t)
