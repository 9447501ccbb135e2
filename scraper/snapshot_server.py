"""A loopback HTTP server over a site snapshot: scraper/snapshot/<host>/<path>.

The Host header picks the site, so one server serves all four hostnames. Path mapping: a path with a file
extension is that file; any other path is <path>/index.html; a query string `?page=2` is index__page=2.html.
Each host may have a _routes.json with faults for tests and demos:
  {"redirects": {"/old/": "/new/"}, "redirect_loops": ["/loop/"], "server_errors_once": ["/flaky/"],
   "slow": {"/slow/": 5}, "oversize": ["/huge/"]}
Python's stock http.server queues only 5 waiting connections; Scrapy opens them in bursts, so the listen
backlog here is 128.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).parent / "snapshot"


class SnapshotServer(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 0):
        self.root = Path(root)
        self.routes: dict[str, dict] = {}
        self.hits: dict[tuple[str, str], int] = {}
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SnapshotHandler)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def routes_for(self, host: str) -> dict:
        if host not in self.routes:
            f = self.root / host / "_routes.json"
            self.routes[host] = json.loads(f.read_text()) if f.exists() else {}
        return self.routes[host]

    def start(self) -> "SnapshotServer":
        threading.Thread(target=self.serve_forever, name="snapshot-server", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def file_for(root: Path, host: str, path: str, query: str) -> Path:
    base = root / host
    rel = unquote(path).lstrip("/")
    target = (base / rel).resolve()
    if not str(target).startswith(str(base.resolve())):
        return base / "__outside__"
    if query:
        name = "index__" + query.replace("&", "__") + ".html"
        return (base / rel / name) if rel else base / name
    if Path(rel).suffix:
        return target
    return target / "index.html"


class SnapshotHandler(BaseHTTPRequestHandler):
    server: SnapshotServer
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the crawl logs what matters
        pass

    def do_GET(self):  # noqa: N802
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        if not (self.server.root / host).is_dir() and (self.server.root / ("www." + host)).is_dir():
            host = "www." + host
        parts = urlsplit(self.path)
        path, query = parts.path or "/", parts.query
        routes = self.server.routes_for(host)
        with self.server.lock:
            key = (host, path)
            self.server.hits[key] = self.server.hits.get(key, 0) + 1
            hits = self.server.hits[key]
        norm = path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"
        if norm in routes.get("redirect_loops", []) or path in routes.get("redirect_loops", []):
            return self._redirect(f"{path}?loop={hits}")  # never lands: the crawler's redirect limit ends it
        for src in (path, norm):
            if src in routes.get("redirects", {}):
                return self._redirect(routes["redirects"][src])
        if (path in routes.get("server_errors_once", []) or norm in routes.get("server_errors_once", [])) and hits == 1:
            return self._send(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>")
        slow = routes.get("slow") or {}
        slow = slow if isinstance(slow, dict) else {p: 5 for p in slow}  # a list: five seconds each
        delay = slow.get(path) or slow.get(norm)
        if delay:
            time.sleep(float(delay))
        if path in routes.get("oversize", []) or norm in routes.get("oversize", []):
            return self._send(200, b"<html><body>" + b"<p>fyld</p>" * 800_000 + b"</body></html>")
        f = file_for(self.server.root, host, path, query)
        if not f.is_file():
            return self._send(404, b"<html><body><h1>Siden findes ikke</h1></body></html>")
        ctype = {".txt": "text/plain; charset=utf-8", ".ics": "text/calendar; charset=utf-8"}.get(f.suffix, "text/html")
        self._send(200, f.read_bytes(), ctype)

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():  # python -m scraper.snapshot_server [port]
    import sys
    srv = SnapshotServer(DEFAULT_ROOT, int(sys.argv[1]) if len(sys.argv) > 1 else 8123)
    print(f"serving {DEFAULT_ROOT} on http://{srv.address}/ (send the site's Host header)")
    srv.serve_forever()


if __name__ == "__main__":
    main()
