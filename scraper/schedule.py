"""`dkevents schedule`: the crontab line, or the systemd service and timer, that run the crawl of this install
unattended: absolute paths to this install's `dkevents` and datasets, a rotated log file, and `--lock` so a run
that is still going when the next is due makes the next one stop at once (exit 7) instead of overlapping."""
from __future__ import annotations

import shlex
import sys
from pathlib import Path

UNIT = "dkevents-crawl"


def dkevents_command() -> list[str]:
    """This install's `dkevents`: the script beside the running Python (a venv), else `python -m scraper.cli`."""
    script = Path(sys.executable).parent / "dkevents"
    return [str(script)] if script.exists() else [sys.executable, "-m", "scraper.cli"]


def crawl_command(spiders: list[str], datasets: str, log_file: str, snapshot: bool = False,
                  settings: list[str] | None = None) -> list[str]:
    # INFO: the log file is read after the fact, so it says what each spider did and each monitor found
    cmd = [*dkevents_command(), "crawl", *spiders, "--lock", "--no-summary", "--log-level", "INFO",
           "--datasets", str(Path(datasets).resolve()), "--log-file", str(Path(log_file).resolve())]
    if snapshot:
        cmd.append("--snapshot")
    for kv in settings or []:
        cmd += ["-s", kv]
    return cmd


def cron_line(command: list[str], hour: int, minute: int, workdir: Path) -> str:
    # cron mails what a job prints: the crawl prints only its problems (one line each) with --no-summary
    return f"{minute} {hour} * * * cd {shlex.quote(str(workdir))} && {shlex.join(command)}"


def systemd_units(command: list[str], hour: int, minute: int, workdir: Path) -> str:
    return f"""# {UNIT}.service: save as ~/.config/systemd/user/{UNIT}.service
[Unit]
Description=dkevents crawl of the organisers' event pages
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
WorkingDirectory={workdir}
ExecStart={shlex.join(command)}
# a crawl that hangs is ended; its datasets keep their previous state
TimeoutStartSec=6h

# {UNIT}.timer: save as ~/.config/systemd/user/{UNIT}.timer, then
#   systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer
# a failed run: systemctl --user status {UNIT}.service (its exit code; README "Running on a schedule")
[Unit]
Description=Run the dkevents crawl daily at {hour:02d}:{minute:02d}

[Timer]
OnCalendar=*-*-* {hour:02d}:{minute:02d}:00
Persistent=true

[Install]
WantedBy=timers.target
"""


def parse_at(at: str) -> tuple[int, int]:
    """'HH:MM' → (hour, minute); ValueError with the reason otherwise."""
    try:
        hour, minute = (int(x) for x in at.split(":"))
    except ValueError:
        raise ValueError(f"--at {at!r}: give the time of day as HH:MM") from None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"--at {at!r}: give the time of day as HH:MM")
    return hour, minute
