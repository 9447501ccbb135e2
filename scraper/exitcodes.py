"""Exit codes of `dkevents`, for a scheduler to act on (README: "Running on a schedule").

When a crawl of several spiders has several problems, the code is the most serious one, in the order of
SEVERITY below.
"""
from __future__ import annotations

OK = 0                 # every spider fetched and committed, every monitor passed
ERROR = 1              # an unexpected error (a bug, or a crawl that could not start); --debug shows the traceback
USAGE = 2              # bad arguments, settings or paths: nothing was done
NOTHING_FETCHED = 3    # a spider fetched no page, or could not fetch one of its start URLs
MONITOR_FAILED = 4     # a monitor failed (the run is committed; a site that changed shape keeps its events)
COMMIT_FAILED = 5      # a run could not be written; the datasets keep their previous state
STOPPED = 6            # a crawl stopped before it finished (a signal, a close-spider limit)
LOCKED = 7             # `crawl --lock`: another crawl on the same datasets is still running; this one did not start

SEVERITY = (COMMIT_FAILED, ERROR, NOTHING_FETCHED, STOPPED, MONITOR_FAILED)

MEANING = {
    OK: "every spider fetched and committed, every monitor passed",
    ERROR: "an unexpected error (run with --debug for the traceback)",
    USAGE: "bad arguments, settings or paths; nothing was done",
    NOTHING_FETCHED: "a spider fetched no page or lost a start URL",
    MONITOR_FAILED: "a monitor failed",
    COMMIT_FAILED: "a run could not be written; the datasets keep their previous state",
    STOPPED: "a crawl stopped before it finished",
    LOCKED: "another crawl on these datasets is still running",
}


def spider_problems(name: str, s: dict) -> list[tuple[int, str]]:
    """(exit code, one line) for each problem of one spider's run, from its Scrapy stats."""
    out = []
    if s.get("dkevents/commit_failed"):
        out.append((COMMIT_FAILED, f"the {name} crawl was not written: {s['dkevents/commit_failed']}"))
    if not s.get("finish_reason"):
        out.append((ERROR, f"the {name} crawl did not run (see the log above)"))
        return out
    lost = s.get("dkevents/start_urls_failed") or 0
    if not s.get("dkevents/pages_read"):
        out.append((NOTHING_FETCHED, f"the {name} crawl fetched no page"))
    elif lost:
        out.append((NOTHING_FETCHED, f"the {name} crawl could not fetch {lost} of its start URLs"))
    if s["finish_reason"] != "finished":
        out.append((STOPPED, f"the {name} crawl stopped before it finished ({s['finish_reason']})"))
    failed = [m for m in s.get("dkevents/monitors") or [] if not m["passed"]]
    for m in failed:
        out.append((MONITOR_FAILED, f"monitor failed: {name}: {m['name']} ({m['detail']})"))
    if s.get("dkevents/events_held_back"):
        out.append((MONITOR_FAILED, f"{name} seems to have changed shape: this run's events are held back, "
                                    f"none of its events is marked removed"))
    return out


def crawl_exit_code(problems: list[tuple[int, str]]) -> int:
    codes = {code for code, _ in problems}
    return next((c for c in SEVERITY if c in codes), OK)
