"""`dkevents schedule`: the crontab line runs as cron would run it (sh -c, from its own folder), logs to a rotated
file and prints nothing when all is well; a second run while the first holds the lock stops at once with exit 7;
the systemd units run the same command at the same time."""
import configparser
import fcntl
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent


def dk(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "scraper.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def schedule(kind: str, tmp: Path, *extra: str) -> str:
    r = dk("schedule", "cfbu", kind, "--at", "03:15", "--snapshot", "--datasets", tmp / "datasets",
           "--log-file", tmp / "logs" / "crawl.log", "-s", "LOG_FILE_MAX_BYTES=3000", "-s", "LOG_FILE_BACKUPS=2",
           *extra)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_cron_line_runs_quietly_logs_to_a_rotated_file_and_takes_the_lock(tmp_path):
    line = schedule("--cron", tmp_path).strip()
    assert len(line.splitlines()) == 1
    fields = line.split(" ", 5)
    assert fields[:5] == ["15", "3", "*", "*", "*"]
    command = fields[5]
    assert command.startswith(f"cd {shlex.quote(str(ROOT))} && ")
    assert "crawl cfbu --lock" in command

    run = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=300, cwd="/")
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout == "" and run.stderr == ""  # cron mails whatever a job prints: nothing when all is well
    logs = tmp_path / "logs"
    assert (logs / "crawl.log.1").exists()  # rotated at 3,000 bytes
    assert len(list(logs.glob("crawl.log*"))) <= 3  # the log and at most two old ones
    assert "crawl of cfbu ended: exit 0" in (logs / "crawl.log").read_text()
    events = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{tmp_path}/datasets/events/**/*.parquet')").fetchone()[0]
    assert events > 5

    # the next run finds the lock held (as by a run still going) and stops at once
    with open(tmp_path / "datasets" / ".crawl.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.seek(0)
        held.truncate()
        held.write("424242")
        held.flush()
        second = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60, cwd="/")
    assert second.returncode == 7
    assert second.stderr.strip() == (f"error: another crawl of {tmp_path / 'datasets'}/ is running (pid 424242); "
                                      "this one did not start")


def test_the_systemd_units_run_the_same_command_daily(tmp_path):
    cron_command = schedule("--cron", tmp_path).strip().split(" && ", 1)[1]
    text = schedule("--systemd", tmp_path)
    cut = text.index("# dkevents-crawl.timer")
    service_text, timer_text = text[:cut], text[cut:]
    units = {}
    for name, body in (("service", service_text), ("timer", timer_text)):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str
        parser.read_string(body)
        units[name] = parser
    assert units["service"]["Service"]["ExecStart"] == cron_command
    assert units["service"]["Service"]["Type"] == "oneshot"
    assert units["service"]["Service"]["WorkingDirectory"] == str(ROOT)
    assert units["timer"]["Timer"]["OnCalendar"] == "*-*-* 03:15:00"
    assert units["timer"]["Install"]["WantedBy"] == "timers.target"
    if shutil.which("systemd-analyze"):  # the units as systemd reads them (it refuses a bad calendar or command)
        (tmp_path / "dkevents-crawl.service").write_text(service_text)
        (tmp_path / "dkevents-crawl.timer").write_text(timer_text)
        r = subprocess.run(["systemd-analyze", "verify", "dkevents-crawl.service", "dkevents-crawl.timer"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert r.returncode == 0, r.stderr


def test_schedule_checks_its_settings(tmp_path):
    r = dk("schedule", "--cron", "-s", "DATASETS_EXTRACT_WORKERS=abc")
    assert r.returncode == 2 and "not a whole number" in r.stderr
    assert not os.path.exists(tmp_path / "datasets")
