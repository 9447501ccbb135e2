"""Exit codes a scheduler can act on, and one clear line for each mistake a user can make, checked before any work
starts; a crawl that reaches nothing (a closed port on loopback stands for no network) or loses a start URL exits 3
and sends its alerts to a real SMTP server and a webhook receiver, both on loopback."""
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from aiosmtpd.controller import Controller

from pipelines.monitors import RunFacts, gather
from scraper.cli import cli_main
from loopback import Receiver

ROOT = Path(__file__).resolve().parent.parent


def dk(*args):
    return subprocess.run([sys.executable, "-m", "scraper.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.parametrize("args, says", [
    (["crawl", "ds", "-s", "DATASETS_EXTRACT_WORKERS=abc"], "DATASETS_EXTRACT_WORKERS='abc': not a whole number"),
    (["crawl", "ds", "-s", "DATASETS_EXTRACT_WORKERS=-3"], "DATASETS_EXTRACT_WORKERS='-3': must be between 0"),
    (["crawl", "ds", "-s", "DOWNLOAD_TIMEOUT=soon"], "DOWNLOAD_TIMEOUT='soon': not a number"),
    (["crawl", "ds", "-s", "HTTPCACHE_ENABLED=maybe"], "HTTPCACHE_ENABLED='maybe': not true/false"),
    (["crawl", "ds", "-s", "MONITOR_MIN_DATE_SHARE=1.5"], "MONITOR_MIN_DATE_SHARE='1.5': must be between 0 and 1"),
    (["crawl", "ds", "-s", "DATASET_DIR=x"], "unknown setting DATASET_DIR (did you mean DATASETS_DIR?)"),
    (["crawl", "ds", "-s", "ALERT_WEBHOOK_URL=hooks.example"], "give an http:// or https:// URL"),
    (["crawl", "ds", "-s", "NOEQUALS"], "--set needs NAME=VALUE"),
    (["crawl", "--log-level", "LOUD"], "log level 'LOUD' is not one of"),
    (["crawl", "foa"], "unknown spider(s): foa; known: altinget, samu, ds, cfbu, kl, sbst"),
    (["crawl", "--bogus"], "No such option: --bogus"),
    (["query", "SELECT 1", "-o", "/nonexistent/dir/x.csv"], "there is no folder /nonexistent/dir/"),
    (["query", "SELECT 1", "-f", "xml"], "unknown format 'xml'"),
    (["who", ""], "give a name"),
    (["who", "   "], "give a name"),
    (["events", "--source", "foa"], "unknown source 'foa'; known: altinget, samu, ds, cfbu, kl, sbst"),
    (["events", "--from", "2020-13-01"], "'2020-13-01' is not a date"),
    (["speakers", "--top", "-5"], "--top -5: give how many people, 1 or more"),
    (["changes", "--since", "no-such-run"], "no run 'no-such-run'"),
    (["schedule", "--cron", "--at", "25:00"], "give the time of day as HH:MM"),
    (["schedule"], "give one of --cron or --systemd"),
])
def test_a_mistake_is_one_line_and_exit_2(snapshot_crawl, tmp_path, capsys, args, says):
    datasets = snapshot_crawl[0] if args[0] not in ("crawl", "schedule") else tmp_path / "datasets"
    if args[0] != "schedule":
        args = [*args, "--datasets", str(datasets)]
    code = cli_main(args)
    captured = capsys.readouterr()
    assert code == 2, captured
    assert says in one_error_line(captured.err)
    assert not (tmp_path / "datasets").exists()  # nothing was done


def make_read_only(path: Path) -> None:
    """chmod does not stop root; the immutable flag does (where the file system has it)."""
    if os.geteuid() != 0:
        path.chmod(0o555)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a folder read-only for root here (no chattr +i)")


def test_a_read_only_datasets_folder_is_one_line_before_any_work(snapshot_crawl, tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(snapshot_crawl[0], root, symlinks=True)
    make_read_only(root)
    try:
        for args in (["crawl", "cfbu", "--snapshot"], ["reprocess"]):
            r = dk(*args, "--datasets", root)
            assert r.returncode == 2, r.stderr[-2000:]
            assert f"cannot write to the datasets folder {root}/" in one_error_line(r.stderr)
            assert r.stdout == ""  # no progress bar, no summary: nothing started
    finally:
        subprocess.run(["chattr", "-i", str(root)], capture_output=True)
        root.chmod(0o755)


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(snapshot_crawl, tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(snapshot_crawl[0], root, symlinks=True)
    victim = next((root / "current" / "appearances").rglob("*.parquet"))
    victim.write_bytes(b"not parquet")
    r = dk("speakers", "--datasets", root)
    assert r.returncode == 1
    assert "(run with --debug for the traceback)" in one_error_line(r.stderr)
    r = dk("--debug", "speakers", "--datasets", root)
    assert r.returncode == 1 and "Traceback (most recent call last)" in r.stderr


class Mailbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content.decode("utf-8")))
        return "250 OK"


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield box, controller.port
    controller.stop()


def test_a_crawl_that_reaches_nothing_exits_3_and_alerts_by_mail_and_webhook(tmp_path, mailbox):
    box, smtp_port = mailbox
    hook = Receiver()
    root = tmp_path / "datasets"
    try:
        r = dk("crawl", "ds", "--snapshot", "--datasets", root, "--no-summary",
               "-s", f"SNAPSHOT_ADDRESS=127.0.0.1:{free_port()}",  # nothing listens there: no network
               "-s", "ALERT_MAIL_TO=analyst@example.org", "-s", "MAIL_HOST=127.0.0.1", "-s", f"MAIL_PORT={smtp_port}",
               "-s", f"ALERT_WEBHOOK_URL={hook.url}")
    finally:
        hook.shutdown()
    assert r.returncode == 3, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    failed = [line for line in r.stderr.splitlines() if "page failed: https://socialraadgiverne.dk/arrangementer/ (" in line]
    assert len(failed) == 1 and "Connection" in failed[0]
    assert "error: the ds crawl fetched no page" in r.stderr
    con = duckdb.connect()
    runs = con.execute(f"SELECT errors, start_urls_failed, monitors_failed FROM read_parquet('{root}/runs/**/*.parquet')"
                       ).fetchall()
    assert runs == [(1, 1, ["pages fetched", "pages not read"])]
    # an outage is no measure of the site: the next run's events are not compared with its 0
    facts = gather(RunFacts(spider="ds", source="ds"), root, root / ".staging" / "none", (root / "current").resolve(),
                   [], 5)
    assert facts.history == []
    # the mail, through a real SMTP server on loopback
    assert len(box.messages) == 1
    sender, to, content = box.messages[0]
    assert to == ["analyst@example.org"] and sender == "dkevents@localhost"
    assert "exit 3 (a spider fetched no page or lost a start URL)" in content
    assert "the ds crawl fetched no page" in content
    # the webhook
    assert len(hook.bodies) == 1 and hook.bodies[0]["exit_code"] == 3


def test_a_lost_start_url_exits_3_though_the_rest_of_the_site_was_read(tmp_path):
    snap = tmp_path / "snapshot"
    shutil.copytree(ROOT / "scraper" / "snapshot" / "samu.dk", snap / "samu.dk")
    (snap / "samu.dk" / "netvaerk" / "se-alle.aspx").unlink()  # the second of samu's start URLs: now a 404
    r = dk("crawl", "samu", "--snapshot", "--datasets", tmp_path / "datasets", "--no-summary",
           "-s", f"SNAPSHOT_DIR={snap}")
    assert r.returncode == 3, r.stderr[-3000:]
    assert "error: the samu crawl could not fetch 1 of its start URLs" in r.stderr
    assert "page failed: https://samu.dk/netvaerk/se-alle.aspx (HTTP 404)" in r.stderr


def test_an_alert_that_cannot_be_sent_is_one_line_and_keeps_the_exit_code(tmp_path):
    r = dk("crawl", "ds", "--snapshot", "--datasets", tmp_path / "datasets", "--no-summary",
           "-s", f"SNAPSHOT_ADDRESS=127.0.0.1:{free_port()}",
           "-s", "ALERT_MAIL_TO=analyst@example.org", "-s", "MAIL_HOST=127.0.0.1", "-s", f"MAIL_PORT={free_port()}")
    assert r.returncode == 3
    assert "warning: the alert mail to analyst@example.org was not sent: ConnectionRefusedError" in r.stderr
