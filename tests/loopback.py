"""Receivers on loopback for the alert tests."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver(ThreadingHTTPServer):
    """A webhook receiver on loopback: keeps each POSTed JSON body."""

    def __init__(self):
        self.bodies = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(h):  # noqa: N802
                self.bodies.append(json.loads(h.rfile.read(int(h.headers["Content-Length"]))))
                h.send_response(204)
                h.end_headers()

            def log_message(h, *a):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/hook"
