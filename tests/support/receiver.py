"""A real webhook receiver on 127.0.0.1: answers POSTs per path from a script and keeps every request it got."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    at: float

    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def webhook_id(self) -> str | None:
        return next((value for name, value in self.headers.items() if name.lower() == "webhook-id"), None)


class Receiver:
    """An HTTP server answering POSTs per path from a script of answers (the last one repeats, 200 by default);
    keeps every request. ``delay``: seconds each answer takes, to be a little slow like a real endpoint."""

    def __init__(self, delay: float = 0.0):
        self.received: list[Received] = []
        self.script: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.gates: dict[str, threading.Event] = {}
        self.changed = threading.Condition()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if delay:
                    time.sleep(delay)   # a slow endpoint, not a wait for anything
                with owner.changed:
                    seen = sum(1 for r in owner.received if r.path == self.path)
                    owner.received.append(Received(self.path, dict(self.headers), body, time.monotonic()))
                    owner.changed.notify_all()
                if self.path in owner.gates:
                    owner.gates[self.path].wait(60)
                answers = owner.script.get(self.path) or [(200, {}, b"thanks")]
                status, headers, text = answers[min(seen, len(answers) - 1)]
                self.send_response(status)
                for name, value in {"Content-Type": "text/plain", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.base + "/hook"   # a default path, for tests that need just one
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, path: str, *answers: tuple[int, dict, bytes]) -> str:
        self.script[path] = list(answers)
        return self.base + path

    def hold(self, path: str) -> threading.Event:
        """Keep requests to ``path`` waiting until the returned event is set."""
        self.gates[path] = threading.Event()
        return self.gates[path]

    def got(self, path: str) -> list[Received]:
        with self.changed:
            return [r for r in self.received if r.path == path]

    def wait(self, path: str, count: int = 1, timeout: float = 30) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.changed:
            while len(found := [r for r in self.received if r.path == path]) < count:
                if not self.changed.wait(max(0.0, deadline - time.monotonic())):
                    raise AssertionError(f"{path}: {len(found)} requests, wanted {count}")
            return found

    @property
    def ids(self) -> list[str]:
        """The ``webhook-id`` of every request, in the order they came (a retried event appears again)."""
        with self.changed:
            return [r.webhook_id for r in self.received]

    @property
    def bodies(self) -> dict[str, dict]:
        """Each webhook-id's JSON body."""
        with self.changed:
            return {r.webhook_id: r.json() for r in self.received}

    def wait_for(self, count: int, timeout: float) -> bool:
        """True once ``count`` distinct webhook-ids have arrived, False if ``timeout`` seconds pass first."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while len({r.webhook_id for r in self.received}) < count:
                if not self.changed.wait(max(0.0, deadline - time.monotonic())):
                    return False
            return True

    def close(self):
        self.server.shutdown()
        self.server.server_close()
