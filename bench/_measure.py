"""What the HTTP benchmarks measure with and talk to the API through: quantiles, timestamps, the machine's load,
new titles, the HTTP client and request bodies, CPU accounting."""

from __future__ import annotations

import http.client
import itertools
import json
import math
import os
import socket
import statistics
import time
from datetime import datetime

import psutil
from _reference import CARD

# --- small helpers ------------------------------------------------------------------------------------------------

def pct(values, q: float) -> float:
    """The q-quantile the way the renderer bench takes its p90: the ceil(q*n)-th smallest value."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def med(values) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> float:
    return seconds * 1000.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def iso_ts(text: str | None) -> float | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() if text else None


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def say(text: str) -> None:
    print(text, flush=True)


def wait_quiet(limit: float, threshold: float = 0.25, window: float = 3.0) -> float:
    """Wait (at most ``limit`` s) until the machine is quiet: less than ``threshold`` cores busy over ``window`` s.
    Returns the cores busy in the last window."""
    deadline = time.monotonic() + limit
    while True:
        t0, b0 = time.perf_counter(), CpuMeter._busy()
        time.sleep(window)
        busy = (CpuMeter._busy() - b0) / (time.perf_counter() - t0)
        if busy < threshold or time.monotonic() >= deadline:
            return busy
        say(f"  (waiting for a quiet machine: {busy:.2f} cores busy)")


_titles = itertools.count(1)
_BASE_TITLE = json.loads(CARD.read_text())["layers"][5]["text"] if CARD.exists() else "Title"


def new_title(tag: str) -> str:
    """A title never used before in this run, as long as the card's own (74 characters: the same shrink work)."""
    suffix = f"{tag}{next(_titles):06d}"
    return f"{_BASE_TITLE[:len(_BASE_TITLE) - len(suffix) - 1]} {suffix}"


# --- the HTTP client ----------------------------------------------------------------------------------------------

class Client:
    """One keep-alive connection (http.client: a thin client, so the figures are the server's, not ours)."""

    def __init__(self, port: int, key: str | None):
        self.port = port
        self.headers = {"Content-Type": "application/json"}
        if key:
            self.headers["X-API-Key"] = key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(self, method: str, path: str, body=None) -> tuple[int, dict | None]:
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            try:
                self.conn.request(method, path, body=data, headers=self.headers)
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()   # gunicorn closed an idle keep-alive connection: nothing was sent, resend
                if attempt:
                    raise
                continue
            try:
                response = self.conn.getresponse()
                raw = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError):
                self.conn.close()
                if attempt or method != "GET":
                    raise
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
            return response.status, (json.loads(raw) if raw else None)
        raise AssertionError("unreachable")

    def close(self):
        self.conn.close()


def render_body(template_id: str, title: str, *, wait: bool = True) -> dict:
    return {"template_id": template_id, "fields": {"title": title}, "format": "png", "output": "url", "wait": wait}


# --- CPU accounting -----------------------------------------------------------------------------------------------

class CpuMeter:
    """CPU seconds of each group of processes between start() and stop(), and of everyone else on the machine."""

    def __init__(self, groups: dict):
        self.groups = groups   # name -> callable returning psutil.Process list

    @staticmethod
    def _busy() -> float:
        t = psutil.cpu_times()
        return sum(t) - t.idle - getattr(t, "iowait", 0.0)

    def _snap(self) -> dict:
        out = {}
        for name, procs in self.groups.items():
            total = 0.0
            for proc in procs():
                try:
                    c = proc.cpu_times()
                    total += c.user + c.system
                except psutil.Error:
                    pass
            out[name] = total
        return out

    def start(self):
        self.t0, self.b0, self.s0 = time.perf_counter(), self._busy(), self._snap()

    def stop(self) -> dict:
        wall, busy, s1 = time.perf_counter() - self.t0, self._busy() - self.b0, self._snap()
        used = {name: max(0.0, s1[name] - self.s0.get(name, 0.0)) for name in s1}
        used["others"] = max(0.0, busy - sum(used.values()))
        return {"wall": wall, "cpu": used, "cores_busy": busy / wall if wall else 0.0}


def cpu_summary(meter: dict, renders: int) -> str:
    if not renders:
        return ""
    parts = [f"{name} {ms(sec) / renders:.1f}" for name, sec in meter["cpu"].items()]
    return (f"CPU ms per render: {', '.join(parts)}; machine busy {meter['cores_busy']:.2f} of "
            f"{psutil.cpu_count()} cores")


def combine(runs: list[dict], time_key: str) -> dict:
    """Several runs of one configuration as one: renders over seconds, CPU summed, cores busy over wall time."""
    n, seconds = sum(r["n"] for r in runs), sum(r[time_key] for r in runs)
    cpu: dict = {}
    for r in runs:
        for name, sec in r["cpu"]["cpu"].items():
            cpu[name] = cpu.get(name, 0.0) + sec
    wall = sum(r["cpu"]["wall"] for r in runs)
    return {"rate": n / seconds if seconds else 0.0, "n": n, "runs": runs,
            "cpu": {"wall": wall, "cpu": cpu, "cores_busy": sum(r["cpu"]["cores_busy"] * r["cpu"]["wall"]
                                                                for r in runs) / wall if wall else 0.0},
            "cpu_renders": sum(r["cpu_renders"] for r in runs),
            "problems": sum(r.get("errors", 0) + r.get("failed", 0) for r in runs),
            "duration_ms_p50": med([r["duration_ms_p50"] for r in runs if "duration_ms_p50" in r])}
