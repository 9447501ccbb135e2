"""Progress on a terminal during a crawl (scraper/progress.py): a real crawl of the snapshot under a real
pseudo-terminal shows the live table; the same crawl with stderr to a file or a pipe shows none."""
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_on_a_terminal(args: list[str], timeout: float = 180) -> tuple[int, str]:
    """Run with stdin/stdout/stderr on a pseudo-terminal; return the exit code and everything it wrote."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, close_fds=True,
                            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(slave)
    out = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=30), out.decode("utf-8", "replace")


def test_a_crawl_on_a_terminal_shows_pages_events_and_rate_per_spider(tmp_path):
    code, out = _run_on_a_terminal([sys.executable, "-m", "scraper.cli", "crawl", "cfbu", "--snapshot",
                                    "--datasets", str(tmp_path / "d"), "--no-summary"])
    assert code == 0, out[-2000:]
    assert "Crawling" in out and "pages/s" in out and "cfbu" in out
    assert "done" in out  # the last frame: the spider has finished


def test_a_crawl_off_a_terminal_is_quiet(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", "cfbu", "--snapshot", "--datasets",
                           str(tmp_path / "d"), "--no-summary"], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "pages/s" not in proc.stderr and "Crawling" not in proc.stderr
