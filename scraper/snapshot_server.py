"""A loopback HTTP server over a site snapshot: scraper/snapshot/<host>/<path>.

The Host header picks the site, so one server serves all four hostnames. Path mapping: a path with a file
extension is that file; any other path is <path>/index.html; a query string `?page=2` is index__page=2.html.
Each host may have a _routes.json with faults for tests and demos:
  {"redirects": {"/old/": "/new/"}, "redirect_loops": ["/loop/"], "server_errors_once": ["/flaky/"],
   "slow": {"/slow/": 5}, "oversize": ["/huge/"]}
Python's stock http.server queues only 5 waiting connections; Scrapy opens them in bursts, so the listen
backlog here is 128.

Only the snapshot is served: the Host header must name a host folder that exists directly under the snapshot,
and every path resolves inside its host folder. A connection idle for IDLE_TIMEOUT seconds is closed (each holds
a thread). A request the server cannot map to a file name (a NUL byte, a path part too long for the file system)
gets 400.
"""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).parent / "snapshot"
IDLE_TIMEOUT = 15.0  # seconds; Scrapy's downloads here take milliseconds
HOSTNAME = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
MAX_PART = 255  # bytes in one path part: the usual file-system limit


class BadRequest(ValueError):
    pass


class SnapshotServer(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 0, idle_timeout: float = IDLE_TIMEOUT):
        self.root = Path(root).resolve()
        self.idle_timeout = idle_timeout
        self.routes: dict[str, dict] = {}
        self.hits: dict[tuple[str, str], int] = {}
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SnapshotHandler)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def host_folder(self, header: str | None) -> str | None:
        """The snapshot's folder for a Host header, or None when the snapshot has no such host. `www.` is
        optional, as on the real sites."""
        host = (header or "").strip().lower()
        host = host.rsplit(":", 1)[0] if re.fullmatch(r".*:\d+", host) else host
        if not HOSTNAME.fullmatch(host):
            return None
        for name in (host, "www." + host, host.removeprefix("www.")):
            folder = (self.root / name).resolve()
            if folder.parent == self.root and folder.is_dir():
                return name
        return None

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
    """The file a request maps to, always inside root/host (a path that leads out maps to a missing file).
    Raises BadRequest for a path no file can have."""
    base = (root / host).resolve()
    rel = unquote(path).lstrip("/")
    name = ("index__" + query.replace("&", "__") + ".html") if query else None
    for part in rel.split("/") + [name or ""]:
        if "\x00" in part or len(part.encode("utf-8", "surrogateescape")) > MAX_PART:
            raise BadRequest("a path part with a NUL byte or over 255 bytes")
    target = (base / rel).resolve()
    if name:
        target = (target / name).resolve()
    elif not Path(rel).suffix:
        target = target / "index.html"
    if not target.is_relative_to(base):
        return base / "__outside__"
    return target


class SnapshotHandler(BaseHTTPRequestHandler):
    server: SnapshotServer
    protocol_version = "HTTP/1.1"

    def setup(self):
        self.timeout = self.server.idle_timeout  # socketserver sets it on the connection: idle ones end
        super().setup()

    def log_message(self, fmt, *args):  # quiet: the crawl logs what matters
        pass

    def do_GET(self):  # noqa: N802
        try:
            self._get()
        except (BadRequest, ValueError, OSError) as exc:
            if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
                return
            self.close_connection = True
            self._send(400, f"<html><body><h1>400 Bad Request</h1><p>{type(exc).__name__}</p></body></html>".encode())

    def _get(self):
        host = self.server.host_folder(self.headers.get("Host"))
        if host is None:  # only the hosts of the snapshot; never a folder above or beside them
            self.close_connection = True
            return self._send(404, b"<html><body><h1>No such host in the snapshot</h1></body></html>")
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
