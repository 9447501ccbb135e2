"""The `dkevents` command line. Each sub-command imports what it needs when it runs, so `dkevents extract`
never loads Scrapy."""
from __future__ import annotations

import datetime as dt
import sys
from typing import Optional

import typer

app = typer.Typer(help="Danish social-policy events: crawl, extract, query.", no_args_is_help=True,
                  add_completion=False)
SPIDERS = ["altinget", "samu", "ds", "cfbu"]
DATASETS = typer.Option("datasets", "--datasets", help="folder of the datasets")
WAIT = typer.Option(True, "--wait/--no-wait", help="when another run is writing to the datasets: wait for it, or stop")


@app.callback()
def main():
    """Danish social-policy events: crawl, extract, query."""


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")


def _fail(msg: str, code: int = 1):
    from rich.console import Console
    Console(stderr=True).print(f"[bold red]error:[/] {msg}")
    raise typer.Exit(code)


@app.command()
def extract(
    page: Optional[str] = typer.Argument(None, help="an .html/.htm or .txt page"),
    manifest: Optional[str] = typer.Option(None, help="JSON Lines of {\"path\": ..., \"url\": ...}"),
    url: Optional[str] = typer.Option(None, help="where the page came from"),
    today: Optional[str] = typer.Option(None, help="reference date YYYY-MM-DD for dates without a year"),
):
    """Extract events from pages; JSON Lines on stdout, one object per page (EXTRACT_CONTRACT.md)."""
    from .extract_cmd import run
    raise typer.Exit(run(page, manifest, url, _date(today)))


@app.command()
def crawl(
    spiders: list[str] = typer.Argument(None, help=f"spiders to run (default: all of {', '.join(SPIDERS)})"),
    snapshot: bool = typer.Option(False, "--snapshot", help="crawl the bundled snapshot served on 127.0.0.1"),
    datasets: str = DATASETS,
    log_level: str = typer.Option("WARNING", help="Scrapy log level"),
    summary: bool = typer.Option(True, help="print a summary at the end"),
    set_: list[str] = typer.Option(None, "--set", "-s", help="a Scrapy setting NAME=VALUE (as scrapy crawl -s)"),
    wait: bool = WAIT,
):
    """Crawl the organisers' sites (live, or the bundled snapshot) and add what they say to the datasets."""
    names = spiders or SPIDERS
    unknown = sorted(set(names) - set(SPIDERS))
    if unknown:
        _fail(f"unknown spider(s): {', '.join(unknown)}; known: {', '.join(SPIDERS)}", 2)
    extra = {}
    for kv in set_ or []:
        if "=" not in kv:
            _fail(f"--set needs NAME=VALUE, got {kv!r}", 2)
        k, v = kv.split("=", 1)
        extra[k.strip()] = v
    from pipelines.store import DatasetsBusy

    from .run import run_crawl
    try:
        stats = run_crawl(names, snapshot=snapshot, datasets=datasets, log_level=log_level, extra=extra, wait=wait)
    except DatasetsBusy as exc:
        _fail(str(exc))
    if summary:
        from .summary import print_summary
        print_summary(datasets, stats)
    failed = {name: s["dkevents/commit_failed"] for name, s in stats.items() if s.get("dkevents/commit_failed")}
    for name, why in failed.items():
        from rich.console import Console
        Console(stderr=True).print(f"[bold red]error:[/] the {name} crawl was not written to {datasets}/: {why}")
    if failed or any(s.get("finish_reason") not in ("finished", None) for s in stats.values()):
        raise typer.Exit(1)


@app.command()
def demo(datasets: str = DATASETS):
    """Crawl all four sites from the bundled snapshot on 127.0.0.1, write the datasets, print a summary."""
    crawl(spiders=None, snapshot=True, datasets=datasets, log_level="WARNING", summary=True, set_=None, wait=True)


@app.command()
def reprocess(datasets: str = DATASETS, wait: bool = WAIT):
    """Re-read every archived page (datasets/archive/*.warc.gz) with the current extractor, without network."""
    from pipelines.reprocess import reprocess_archive
    from pipelines.store import DatasetsBusy
    try:
        n, events = reprocess_archive(datasets, progress=True, wait=wait)
    except (FileNotFoundError, DatasetsBusy) as exc:
        _fail(str(exc))
    typer.echo(f"re-read {n} archived pages: {events} events")


@app.command()
def query(
    sql: str = typer.Argument(..., help="SQL over the views events, sessions, appearances, event_changes, runs, pages"),
    format: str = typer.Option("table", "--format", "-f", help="table | csv | json | parquet"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
    datasets: str = DATASETS,
):
    """Run read-only SQL (DuckDB) over the datasets."""
    from pipelines.query import DatasetQuery, QueryError
    try:
        df = DatasetQuery(datasets).df(sql)
    except QueryError as exc:
        _fail(str(exc), 2)
    _emit(df, format, output)


@app.command()
def speakers(top: int = typer.Option(20, "--top", help="how many"), datasets: str = DATASETS,
             format: str = typer.Option("table", "--format", "-f")):
    """The people who speak most, across all sources."""
    from pipelines.query import TOP_SPEAKERS, DatasetQuery, QueryError
    try:
        df = DatasetQuery(datasets).df(TOP_SPEAKERS, [top])
    except QueryError as exc:
        _fail(str(exc), 2)
    _emit(df.rename(columns={"where_": "where"}), format, None, title=f"Top {top} speakers")


@app.command()
def who(name: str = typer.Argument(..., help="a person's name, e.g. \"Joy Mogensen\""), datasets: str = DATASETS,
        format: str = typer.Option("table", "--format", "-f")):
    """Every appearance of a person: event, date, organiser, role."""
    from pipelines.query import WHO, DatasetQuery, QueryError
    from pipelines.rows import name_key
    try:
        df = DatasetQuery(datasets).df(WHO, [name_key(name), f"%{name}%"])
    except QueryError as exc:
        _fail(str(exc), 2)
    if df.empty:
        _fail(f"no appearances of {name!r}", 1)
    if format == "table":  # a terminal's width: the essentials (csv/json have every column)
        df = df[["start", "organiser", "event", "role", "organization", "party", "moderator"]]
    _emit(df, format, None, title=f"{name}: {len(df)} appearances")


@app.command()
def events(source: Optional[str] = typer.Option(None, help="altinget | samu | ds | cfbu | other"),
           from_: Optional[str] = typer.Option(None, "--from", help="YYYY-MM-DD"),
           to: Optional[str] = typer.Option(None, "--to", help="YYYY-MM-DD"),
           datasets: str = DATASETS, format: str = typer.Option("table", "--format", "-f")):
    """Events, optionally of one source and from/to a date."""
    from pipelines.query import EVENTS, DatasetQuery, QueryError
    f, t = _date(from_), _date(to)
    try:
        df = DatasetQuery(datasets).df(EVENTS, [source, source, f, str(f) if f else None, t, str(t) if t else None])
    except QueryError as exc:
        _fail(str(exc), 2)
    _emit(df, format, None, title=f"{len(df)} events")


@app.command()
def datadict(output: str = typer.Option("datasets/README.md", help="where to write the data dictionary")):
    """Write the data dictionary (datasets/README.md) from the schema."""
    from pathlib import Path

    from pipelines.datadict import render
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(render(), encoding="utf-8")
    typer.echo(f"wrote {output}")


def _emit(df, format: str, output: Optional[str], title: Optional[str] = None):
    fmt = format.lower()
    if fmt not in ("table", "csv", "json", "parquet"):
        _fail(f"unknown format {format!r}: table, csv, json or parquet", 2)
    if fmt == "parquet" and not output:
        _fail("--format parquet needs --output FILE", 2)
    if fmt == "table" and not output:
        from rich.console import Console
        from rich.table import Table
        table = Table(title=title, show_lines=False, expand=False)
        for c in df.columns:
            table.add_column(str(c))
        for row in df.itertuples(index=False):
            table.add_row(*["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in row])
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)  # piped: do not squeeze the table into 80 columns
        console.print(table)
        return
    if fmt in ("table", "csv"):
        text = df.to_csv(index=False)
    elif fmt == "json":
        text = df.to_json(orient="records", date_format="iso", force_ascii=False, lines=True)
    else:
        df.to_parquet(output, index=False)
        return
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    app()
