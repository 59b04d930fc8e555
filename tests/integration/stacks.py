"""The app in-process with a real worker process beside it, and the card the integration tests render."""

from __future__ import annotations

import io
import time

from PIL import Image

from app import create_app
from tests.conftest import Caller

from .images import ImageServer
from .processes import settings_env, worker

CARD = {"name": "Card", "width": 400, "height": 200, "background": "#0f172a", "layers": [
    {"type": "image", "name": "logo", "x": 20, "y": 20, "width": 80, "height": 80, "src": "", "radius": 40},
    {"type": "text", "name": "title", "x": 120, "y": 20, "width": 260, "height": 160, "text": "Hello",
     "font_size": 40, "color": "#ffffff"}]}


def pixels(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


class Stack:
    """The Flask app (test client), a real RQ worker process and an image server on loopback."""

    def __init__(self, settings, tmp_path):
        self.settings = settings
        self.app = create_app({"SETTINGS": settings, "TESTING": True})
        self.conn = self.app.extensions["platen"]
        self.client = self.app.test_client()
        self.images = ImageServer()
        self.tmp = tmp_path
        self.worker = None
        self.start_worker()

    def worker_env(self) -> dict:
        return settings_env(self.settings)

    def start_worker(self, name="worker"):
        self.worker = worker(self.worker_env(), self.tmp / f"{name}.log").__enter__()

    def caller(self, name="Alice", **account) -> Caller:
        return Caller(self.conn, name)

    def template(self, caller, data=None) -> str:
        answer = self.client.post("/api/v1/templates", json=data or CARD, headers=caller.headers)
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()["id"]

    def render(self, caller, **body):
        return self.client.post("/api/v1/renders", json=body, headers=caller.headers)

    def close(self):
        if self.worker is not None:
            self.worker.__exit__(None, None, None)
        self.images.close()


class HookStack(Stack):
    """Stack whose worker retries deliveries on a schedule of seconds instead of hours."""

    retry_schedule = "1,1,1"

    def worker_env(self) -> dict:
        return {**settings_env(self.settings), "PLATEN_WEBHOOK_RETRY_SCHEDULE": self.retry_schedule}

    def hook(self, caller, target_url, event="render.completed", **more) -> dict:
        answer = self.client.post("/api/v1/hooks", json={"target_url": target_url, "event": event, **more},
                                  headers=caller.headers)
        assert answer.status_code == 201, answer.get_json()
        return answer.get_json()

    def deliveries(self, caller, hook_id) -> list[dict]:
        answer = self.client.get(f"/api/v1/hooks/{hook_id}/deliveries", headers=caller.headers)
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    def settled(self, caller, hook_id, count=1, timeout=30) -> list[dict]:
        """The hook's deliveries once ``count`` of them have stopped being pending."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.deliveries(caller, hook_id)
            if len([d for d in found if d["status"] != "pending"]) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"deliveries still pending: {found}\n{self.worker.output()[-3000:]}")
            time.sleep(0.1)   # polling the API as a client would; the worker is another process
