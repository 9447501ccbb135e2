"""Scrapyd, end to end on loopback: a real `scrapyd` on 127.0.0.1, the project deployed to it with `scrapyd-deploy`
(the scrapy.cfg target `local`, pointed at the test's port), the snapshot crawl of CFBU scheduled through its HTTP
API, and the datasets found written, monitors passed."""
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb

from extract.sources import source_names

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base: str, path: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=30) as resp:
        return json.loads(resp.read())


def test_scrapyd_runs_the_deployed_snapshot_crawl(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = tmp_path / "scrapyd"
    server.mkdir()
    (server / "scrapyd.conf").write_text(f"""[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = eggs
logs_dir = logs
items_dir =
dbs_dir = dbs
poll_interval = 0.5
""")
    # the project as a clone has it; scrapyd-deploy builds its egg in place, so in a copy
    project = tmp_path / "project"
    project.mkdir()
    for name in ("extract", "pipelines", "scraper"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("snapshot", "__pycache__"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    cfg = (ROOT / "scrapy.cfg").read_text()
    assert "[deploy:local]" in cfg
    (project / "scrapy.cfg").write_text(cfg.replace("http://127.0.0.1:6800/", base))
    datasets = tmp_path / "datasets"

    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=server, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert api(base, "daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                assert time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        deploy = subprocess.run([str(BIN / "scrapyd-deploy"), "local", "-p", "dkevents"], cwd=project,
                                capture_output=True, text=True, timeout=120)
        assert deploy.returncode == 0, deploy.stderr
        assert sorted(api(base, "listspiders.json?project=dkevents")["spiders"]) == sorted(source_names())
        job = api(base, "schedule.json", [
            ("project", "dkevents"), ("spider", "cfbu"), ("setting", "SNAPSHOT=1"),
            # the egg is a zip: the snapshot is served from a folder on the node
            ("setting", f"SNAPSHOT_DIR={ROOT / 'scraper' / 'snapshot'}"), ("setting", f"DATASETS_DIR={datasets}")])
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 120
        while not [j for j in api(base, "listjobs.json?project=dkevents")["finished"] if j["id"] == job["jobid"]]:
            assert time.monotonic() < deadline, "the scheduled crawl did not finish"
            time.sleep(0.5)
        log = (server / "logs" / "dkevents" / "cfbu" / f"{job['jobid']}.log").read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in log, log[-3000:]
    con = duckdb.connect()
    runs = con.execute(f"SELECT spider, finish_reason, monitors_failed FROM read_parquet('{datasets}/runs/**/*.parquet')"
                       ).fetchall()
    assert runs == [("cfbu", "finished", [])]
    events = con.execute(f"SELECT count(*) FROM read_parquet('{datasets}/events/**/*.parquet', hive_partitioning=true) "
                         "WHERE source = 'cfbu'").fetchone()[0]
    assert events > 5
