"""The snapshot server serves the snapshot and nothing else: raw HTTP over real loopback sockets, with the Host
headers and paths an attacker or a broken client sends."""
import socket
import time

import pytest

from scraper.snapshot_server import SnapshotServer

SECRET = b"secret-outside-the-snapshot"


@pytest.fixture
def server(tmp_path):
    # <tmp>/secret.txt and <tmp>/project/settings.py beside <tmp>/project/snapshot/<host>/
    (tmp_path / "secret.txt").write_bytes(SECRET)
    project = tmp_path / "project"
    (project / "settings.py").parent.mkdir(parents=True)
    (project / "settings.py").write_bytes(SECRET)
    site = project / "snapshot" / "cfbu.dk"
    (site / "arrangementer").mkdir(parents=True)
    (site / "arrangementer" / "index.html").write_bytes(b"<html><body>Arrangementer</body></html>")
    (site / "robots.txt").write_bytes(b"User-agent: *\n")
    (project / "snapshot" / "cfbu.dk2").mkdir()  # a sibling host whose name starts like cfbu.dk's folder
    (project / "snapshot" / "cfbu.dk2" / "index.html").write_bytes(SECRET)
    srv = SnapshotServer(project / "snapshot", idle_timeout=0.5).start()
    yield srv
    srv.stop()


def raw(server: SnapshotServer, request: bytes, timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=timeout) as s:
        s.sendall(request)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return out
            out += chunk
            if b"\r\n\r\n" in out:
                head, _, body = out.partition(b"\r\n\r\n")
                length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")]
                if length and len(body) >= length[0]:
                    return out


def get(server: SnapshotServer, path: str, host: str) -> tuple[int, bytes]:
    out = raw(server, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
    return int(out.split(b" ", 2)[1]), out


def test_a_snapshot_host_is_served(server):
    status, body = get(server, "/arrangementer/", "cfbu.dk")
    assert status == 200 and b"Arrangementer" in body
    assert get(server, "/arrangementer/", "www.cfbu.dk:443")[0] == 200  # www. and a port as on the real sites


@pytest.mark.parametrize("host, path", [
    ("..", "/settings.py"),
    ("../..", "/secret.txt"),
    ("/", "/secret.txt"),
    ("cfbu.dk/..", "/settings.py"),
    ("", "/arrangementer/"),
    ("snapshot", "/cfbu.dk/arrangementer/"),
])
def test_a_host_header_never_leads_out_of_the_snapshot(server, host, path):
    status, body = get(server, path, host)
    assert SECRET not in body and status == 404, body


def test_a_host_of_slash_does_not_open_the_file_system(server, tmp_path):
    status, body = get(server, f"{tmp_path}/secret.txt", "/")
    assert SECRET not in body and status == 404, body


@pytest.mark.parametrize("path", ["/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/..%2f..%2fsecret.txt",
                                  "/arrangementer/../../cfbu.dk2/index.html"])
def test_a_path_never_leads_out_of_its_host_folder(server, path):
    status, body = get(server, path, "cfbu.dk")
    assert SECRET not in body and status == 404, body


@pytest.mark.parametrize("path", ["/a%00b/", "/arrangementer/%00", "/" + "x" * 300 + "/", "/" + "x" * 300 + ".html",
                                  "/arrangementer/?" + "p=" + "y" * 300])
def test_a_path_no_file_can_have_gets_a_clean_400(server, path):
    status, body = get(server, path, "cfbu.dk")
    assert status == 400, body
    assert get(server, "/arrangementer/", "cfbu.dk")[0] == 200  # and the server goes on


def test_an_idle_connection_is_closed(server):
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=5) as s:
        start = time.monotonic()
        assert s.recv(1) == b""  # the server hangs up; before, this waited forever
        assert time.monotonic() - start < 4
