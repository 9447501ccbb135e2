"""Shared fixtures: one real crawl of the bundled snapshot on loopback per test session."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def snapshot_crawl(tmp_path_factory):
    """(datasets folder, crawl log) of `dkevents crawl --snapshot` over all four sites."""
    out = tmp_path_factory.mktemp("snapshot") / "datasets"
    proc = subprocess.run([sys.executable, "-m", "scraper.cli", "crawl", "--snapshot", "--datasets", str(out),
                           "--log-level", "INFO"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc.stderr
