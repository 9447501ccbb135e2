"""The `dkevents` command line. Each sub-command imports what it needs when it runs, so `dkevents extract`
never loads Scrapy."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import typer

app = typer.Typer(help="Danish social-policy events: crawl, extract, query.", no_args_is_help=True,
                  add_completion=False)


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


if __name__ == "__main__":
    app()
