"""The `dkevents` command line. Each sub-command imports what it needs when it runs, so `dkevents extract`
never loads Scrapy."""
from __future__ import annotations

import datetime as dt
import sys
from typing import Optional

import typer
# Typer carries its own copy of Click; its exceptions are the ones raised
from typer._click import exceptions as click_errors

from extract.sources import source_names

from . import exitcodes
from .checks import SOURCES, ArgumentError

app = typer.Typer(help="Danish social-policy events: crawl, extract, query.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
SPIDERS = source_names()   # every source in extract/data/sources.toml has a spider of the same name
DATASETS = typer.Option("datasets", "--datasets", help="folder of the datasets")
DEBUG = False   # --debug: tracebacks instead of one line per error
WAIT = typer.Option(True, "--wait/--no-wait", help="when another run is writing to the datasets: wait for it, or stop")


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="show tracebacks (errors are one line without)")):
    """Danish social-policy events: crawl, extract, query."""
    global DEBUG
    DEBUG = debug


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")


def _say(msg: str, label: str = "error") -> None:
    from rich.console import Console
    from rich.markup import escape
    Console(stderr=True, soft_wrap=True).print(f"[bold red]{label}:[/] {escape(msg)}")


def _fail(msg: str, code: int = 1):
    _say(msg)
    raise typer.Exit(code)


def _check(fn, *args):
    """A check from scraper.checks; its complaint is one line and exit code 2."""
    try:
        return fn(*args)
    except ArgumentError as exc:
        _fail(str(exc), exitcodes.USAGE)


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
    log_level: str = typer.Option("WARNING", help="Scrapy log level: CRITICAL ERROR WARNING INFO DEBUG"),
    log_file: Optional[str] = typer.Option(None, "--log-file", help="log here (rotated) instead of to stderr"),
    lock: bool = typer.Option(False, "--lock", help="exit 7 at once when another crawl of these datasets runs"),
    summary: bool = typer.Option(True, help="print a summary at the end"),
    set_: list[str] = typer.Option(None, "--set", "-s", help="a Scrapy setting NAME=VALUE (as scrapy crawl -s)"),
    wait: bool = WAIT,
    urls: Optional[str] = typer.Option(None, "--urls", help="read just the pages listed in this file (one URL a "
                                                            "line), on any site; no source entry needed"),
):
    """Crawl the organisers' sites (live, or the bundled snapshot) and add what they say to the datasets.
    Exit codes: README, "Running on a schedule"."""
    import logging

    from . import checks
    names = spiders or SPIDERS
    unknown = sorted(set(names) - set(SPIDERS))
    if unknown:
        _fail(f"unknown spider(s): {', '.join(unknown)}; known: {', '.join(SPIDERS)}", exitcodes.USAGE)
    spider_args = None
    if urls is not None:
        if spiders:
            _fail("--urls reads the listed pages only: give no spider names with it", exitcodes.USAGE)
        from .urllist import UrlListSpider, read_url_list
        try:
            listed = read_url_list(urls)
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read the URL list {urls}: {getattr(exc, 'strerror', None) or exc}", exitcodes.USAGE)
        except ValueError as exc:
            _fail(str(exc), exitcodes.USAGE)
        names, spider_args = [UrlListSpider], {UrlListSpider.name: {"urls": listed}}
    level = _check(checks.log_level, log_level)
    extra = _check(checks.settings, list(set_ or []) + ([f"LOG_FILE={log_file}"] if log_file else []))
    _check(checks.writable_folder, datasets)
    held = _hold_crawl_lock(datasets) if lock else None  # noqa: F841 - held until the process ends

    from .run import crawl_settings, run_crawl
    settings = crawl_settings(datasets, level, extra)
    log = logging.getLogger("dkevents")
    from pipelines.store import DatasetsBusy
    try:
        stats = run_crawl(names, snapshot=snapshot, datasets=datasets, log_level=level, extra=extra, debug=DEBUG,
                          spider_args=spider_args, wait=wait)
    except DatasetsBusy as exc:  # --no-wait, and another run is writing
        _fail(str(exc), exitcodes.LOCKED)
    except Exception as exc:  # noqa: BLE001 - the scheduler still gets an exit code and an alert
        if DEBUG:
            raise
        stats = {}
        first = (str(exc).strip().splitlines() or [""])[0]
        problems = [(exitcodes.ERROR, f"the crawl failed: {type(exc).__name__}: {first}")]
    else:
        problems = [p for name, s in stats.items() for p in exitcodes.spider_problems(name, s)]
    if summary and stats:
        from .summary import print_summary
        print_summary(datasets, stats)
    to_log = bool(settings.get("LOG_FILE"))  # else the log is stderr, where the lines are said already
    for _, line in problems:
        _say(line)
        if to_log:
            log.error(line)
    code = exitcodes.crawl_exit_code(problems)
    if to_log:
        log.warning("crawl of %s ended: exit %d (%s)", ", ".join(getattr(n, "name", n) for n in names), code,
                    exitcodes.MEANING[code])
    if code != exitcodes.OK:
        from .alerts import send_alerts
        for line in send_alerts(settings, code, exitcodes.MEANING[code], [p for _, p in problems]):
            _say(line, "warning")
            if to_log:
                log.warning(line)
    raise typer.Exit(code)


def _hold_crawl_lock(datasets: str):
    """A lock of its own beside the datasets (the store's lock only orders commits): a scheduled crawl that finds
    the previous one still running stops at once instead of crawling the sites twice at the same time."""
    import fcntl
    import os
    from pathlib import Path
    fh = open(Path(datasets) / ".crawl.lock", "a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        other = fh.read().strip() or "?"
        _fail(f"another crawl of {datasets}/ is running (pid {other}); this one did not start", exitcodes.LOCKED)
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    return fh


@app.command()
def demo(datasets: str = DATASETS):
    """Crawl every source from the bundled snapshot on 127.0.0.1, write the datasets, print a summary."""
    crawl(spiders=None, snapshot=True, datasets=datasets, log_level="WARNING", log_file=None, lock=False,
          summary=True, set_=None, urls=None, wait=True)


@app.command("new-source")
def new_source(
    name: str = typer.Argument(..., help="the source's name: lower case, e.g. foa"),
    url: str = typer.Argument(..., help="the organiser's event listing, e.g. https://www.foa.dk/arrangementer/"),
    organiser: Optional[str] = typer.Option(None, help="who the organiser is, e.g. \"FOA\" (default: NAME)"),
):
    """Add a source: its entry in extract/data/sources.toml, a snapshot folder, a gold stub and a test (README,
    "Adding a source")."""
    from .newsource import ROOT, ScaffoldError, scaffold
    try:
        made = scaffold(name, url, organiser)
    except ScaffoldError as exc:
        _fail(str(exc), exitcodes.USAGE)
    for path in made:
        typer.echo(f"wrote {path.relative_to(ROOT)}")
    typer.echo(f"next: save {url} (and the event pages it links) in the snapshot folder, fill in the gold, then "
               f".venv/bin/python -m pytest tests/test_source_{name}.py")


@app.command()
def reprocess(datasets: str = DATASETS, wait: bool = WAIT):
    """Re-read every archived page (datasets/archive/*.warc.gz) with the current extractor, without network."""
    from pipelines.reprocess import reprocess_archive

    from .checks import writable_folder
    _check(writable_folder, datasets)
    from pipelines.store import DatasetsBusy
    try:
        n, events = reprocess_archive(datasets, progress=True, wait=wait)
    except FileNotFoundError as exc:
        _fail(str(exc))
    except DatasetsBusy as exc:  # --no-wait, and another run is writing
        _fail(str(exc), exitcodes.LOCKED)
    typer.echo(f"re-read {n} archived pages: {events} events")


@app.command(help="Run read-only SQL (DuckDB) over the datasets. Views: " + ", ".join([
    "events", "sessions", "appearances", "event_changes", "runs", "pages", "event_pages", "people", "organisations",
    "parties"]) + " (datasets/README.md describes every column; queries/examples.sql has ready-made questions). "
    "Times are in Europe/Copenhagen: instants print with their offset, date(start) is the Danish day.")
def query(
    sql: Optional[str] = typer.Argument(None, help="SQL over the views (listed above)"),
    example: Optional[str] = typer.Option(None, "--example", "-e",
                                          help="run a ready-made question from queries/examples.sql by name "
                                               "(--example list shows them)"),
    format: str = typer.Option("table", "--format", "-f", help="table | csv | json | parquet | xlsx"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
    datasets: str = DATASETS,
):
    from pipelines.query import DatasetQuery, QueryError, load_examples

    from .checks import output_file
    if example is not None:
        examples = load_examples()
        if example == "list":
            for name, (about, _) in examples.items():
                typer.echo(f"{name}: {about}")
            return
        if sql is not None or example not in examples:
            _fail(f"give SQL or --example NAME, not both; examples: {', '.join(examples)}"
                  if sql is not None else f"no example {example!r}; examples: {', '.join(examples)}", exitcodes.USAGE)
        sql = examples[example][1]
    if not sql:
        _fail("give SQL, or --example NAME (dkevents query --example list)", exitcodes.USAGE)
    _check_format(format, output)
    if output:
        _check(output_file, output)
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
    if top < 1:
        _fail(f"--top {top}: give how many people, 1 or more", exitcodes.USAGE)
    _check_format(format, None)
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
    if not name.strip():
        _fail("give a name, e.g. dkevents who \"Astrid Krag\"", exitcodes.USAGE)
    _check_format(format, None)
    name = name.strip()
    try:
        df = DatasetQuery(datasets).df(WHO, [name_key(name), f"%{name}%"])
    except QueryError as exc:
        _fail(str(exc), 2)
    if df.empty:
        _fail(f"no appearances of {name!r}", 1)
    if format == "table":  # a terminal's width: the essentials (csv/json have every column)
        df = df[["start", "organiser", "event", "role", "organisation", "party", "moderator"]]
    _emit(df, format, None, title=f"{name}: {len(df)} appearances")


@app.command()
def events(source: Optional[str] = typer.Option(None, help=f"{' | '.join(SOURCES)}"),
           from_: Optional[str] = typer.Option(None, "--from", help="YYYY-MM-DD"),
           to: Optional[str] = typer.Option(None, "--to", help="YYYY-MM-DD"),
           datasets: str = DATASETS, format: str = typer.Option("table", "--format", "-f")):
    """Events, optionally of one source and from/to a date."""
    from pipelines.query import EVENTS, DatasetQuery, QueryError
    if source is not None and source not in SOURCES:
        _fail(f"unknown source {source!r}; known: {', '.join(SOURCES)}", exitcodes.USAGE)
    _check_format(format, None)
    f, t = _date(from_), _date(to)
    try:
        df = DatasetQuery(datasets).df(EVENTS, [source, source, f, str(f) if f else None, t, str(t) if t else None])
    except QueryError as exc:
        _fail(str(exc), 2)
    _emit(df, format, None, title=f"{len(df)} events")


@app.command()
def changes(since: str = typer.Option(..., "--since", help="a run id (from that run on) or a date YYYY-MM-DD"),
            format: str = typer.Option("table", "--format", "-f", help="table | csv | markdown | json"),
            output: Optional[str] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
            datasets: str = DATASETS):
    """What changed since a run or a date: new, moved, cancelled or gone events, speakers added, removed or
    confirmed; one line per change with its event and page."""
    from pipelines.change_report import changes_since
    from pipelines.query import QueryError

    from .checks import output_file
    _check_format(format, output, ("table", "csv", "markdown", "json"))
    if output:
        _check(output_file, output)
    try:
        df = changes_since(datasets, since)
    except QueryError as exc:
        _fail(str(exc), exitcodes.USAGE)
    _emit(df, format, output, title=f"{len(df)} changes since {since}")


@app.command()
def schedule(
    spiders: list[str] = typer.Argument(None, help="spiders to run (default: all)"),
    cron: bool = typer.Option(False, "--cron", help="print a crontab line"),
    systemd: bool = typer.Option(False, "--systemd", help="print a systemd service and timer"),
    at: str = typer.Option("04:30", "--at", help="time of day HH:MM"),
    datasets: str = DATASETS,
    log_file: str = typer.Option("logs/crawl.log", "--log-file", help="where the runs log (rotated)"),
    snapshot: bool = typer.Option(False, "--snapshot", help="schedule crawls of the bundled snapshot (to try it)"),
    set_: list[str] = typer.Option(None, "--set", "-s", help="a setting NAME=VALUE for every run"),
):
    """Print how to run the crawl daily from cron or systemd, for this install. README: "Running on a schedule"."""
    from pathlib import Path

    from . import checks
    from .schedule import crawl_command, cron_line, parse_at, systemd_units
    if cron == systemd:
        _fail("give one of --cron or --systemd", exitcodes.USAGE)
    unknown = sorted(set(spiders or []) - set(SPIDERS))
    if unknown:
        _fail(f"unknown spider(s): {', '.join(unknown)}; known: {', '.join(SPIDERS)}", exitcodes.USAGE)
    try:
        hour, minute = parse_at(at)
    except ValueError as exc:
        _fail(str(exc), exitcodes.USAGE)
    _check(checks.settings, list(set_ or []))
    command = crawl_command(list(spiders or []), datasets, log_file, snapshot, list(set_ or []))
    workdir = Path.cwd()
    typer.echo(cron_line(command, hour, minute, workdir) if cron else systemd_units(command, hour, minute, workdir),
               nl=cron)


@app.command()
def datadict(output: str = typer.Option("datasets/README.md", help="where to write the data dictionary")):
    """Write the data dictionary (datasets/README.md) from the schema."""
    from pathlib import Path

    from pipelines.datadict import render
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(render(), encoding="utf-8")
    typer.echo(f"wrote {output}")


def _check_format(format: str, output: Optional[str], formats=("table", "csv", "json", "parquet", "xlsx")) -> None:
    fmt = format.lower()
    if fmt not in formats:
        _fail(f"unknown format {format!r}: {', '.join(formats[:-1])} or {formats[-1]}", exitcodes.USAGE)
    if fmt in ("parquet", "xlsx") and not output:
        _fail(f"--format {fmt} needs --output FILE", exitcodes.USAGE)


def _iso_times(df):
    """Times as text, the same in every text format: an instant in ISO 8601 with its offset
    (2021-06-02T09:15:00+02:00), a DATE as 2021-06-02, a local wall-clock TIMESTAMP without offset."""
    import pandas as pd
    types = df.attrs.get("types", {})
    out = df.copy()
    for c in out.columns:
        col = out[c]
        kind = types.get(c, "")
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            out[c] = col.map(lambda t: None if pd.isna(t) else t.isoformat())
        elif pd.api.types.is_datetime64_any_dtype(col.dtype):
            fmt = "%Y-%m-%d" if kind == "DATE" else "%Y-%m-%dT%H:%M:%S"
            out[c] = col.map(lambda t: None if pd.isna(t) else t.strftime(fmt))
        elif col.dtype == object:
            import datetime as dt
            out[c] = col.map(lambda v: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v)
    return out


def _xlsx(df, output: str) -> None:
    """An Excel workbook: instants as ISO 8601 text with their offset (Excel has no time zones, and a bare
    wall-clock value would lose which instant it was), dates and local times as Excel dates, lists as text."""
    import pandas as pd
    types = df.attrs.get("types", {})
    out = df.copy()
    for c in out.columns:
        col = out[c]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            out[c] = col.map(lambda t: None if pd.isna(t) else t.isoformat())
        elif pd.api.types.is_datetime64_any_dtype(col.dtype) and types.get(c) == "DATE":
            out[c] = col.dt.date
        elif col.dtype == object:
            out[c] = col.map(lambda v: ", ".join(map(str, v)) if hasattr(v, "__len__") and not isinstance(v, (str, bytes, dict)) else v)
    out.to_excel(output, index=False, sheet_name="query", engine="openpyxl")


def _emit(df, format: str, output: Optional[str], title: Optional[str] = None):
    fmt = format.lower()
    _check_format(format, output, ("table", "csv", "json", "parquet", "markdown", "xlsx"))
    if fmt == "xlsx":
        _xlsx(df, output)
        return
    if fmt != "parquet":
        df = _iso_times(df)
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
    elif fmt == "markdown":
        text = _markdown(df)
    elif fmt == "json":
        text = df.to_json(orient="records", force_ascii=False, lines=True)
    else:
        df.to_parquet(output, index=False)
        return
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


def _markdown(df) -> str:
    """A Markdown table (for a mail or an issue): a cell's | and line breaks would break its row."""
    def cell(v) -> str:
        if v is None or (isinstance(v, float) and v != v):
            return ""
        return str(v).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(map(str, df.columns)) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def cli_main(argv: Optional[list[str]] = None) -> int:
    """The `dkevents` entry point: every error is one line (usage errors exit 2, others 1), unless --debug."""
    command = typer.main.get_command(app)
    try:
        rv = command.main(args=argv, prog_name="dkevents", standalone_mode=False)
    except click_errors.NoArgsIsHelpError:
        return 0  # the help was printed
    except click_errors.UsageError as exc:
        where = f"{exc.ctx.command_path}: " if exc.ctx else ""
        _say(where + exc.format_message() + (f" (see {exc.ctx.command_path} --help)" if exc.ctx else ""))
        return exitcodes.USAGE
    except typer.Abort:
        _say("interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for the user; the traceback with --debug
        if DEBUG:
            raise
        first = (str(exc).strip().splitlines() or [""])[0]  # DuckDB and others add lines of context
        _say(f"{type(exc).__name__}: {first} (run with --debug for the traceback)")
        return exitcodes.ERROR
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":
    sys.exit(cli_main())
