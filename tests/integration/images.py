"""A real HTTP image server on 127.0.0.1 for render tests: it serves generated PNGs and counts requests."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def png(colour: str, size=(64, 64)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


class ImageServer:
    """``/red.png``, ``/blue.png`` … (any colour name), ``/slow.png`` (sleeps ``delay`` s), 404 otherwise."""

    def __init__(self):
        self.hits: list[str] = []
        self.delay = 0.0
        self.gate = threading.Event()
        self.gate.set()
        self.slow_in_flight = 0   # /slow.png requests being answered right now (workers mid-fetch)
        lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.hits.append(self.path)
                name = self.path.lstrip("/").split("?")[0]
                if name == "slow.png":
                    with lock:
                        owner.slow_in_flight += 1
                    try:
                        owner.gate.wait(owner.delay)
                    finally:
                        with lock:
                            owner.slow_in_flight -= 1
                    body = png("purple")
                elif name.endswith(".png"):
                    try:
                        body = png(name[:-4])
                    except ValueError:
                        body = None
                else:
                    body = None
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"not here")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
