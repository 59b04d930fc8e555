"""Batches end to end (SPEC section 7), on the reference card, with ``make run``'s processes (gunicorn web, one
``python -m connector.jobs.worker``), side by side in one run:

1. Accepting: ``POST /api/v1/batches`` with N JSON rows and with the same rows as a CSV upload — how long the
   client waits for the 202 (rows are stored, not rendered, before it answers).
2. Throughput: N rows as one batch against N single renders posted with ``wait: false`` by one client, each
   timed from the first POST to the last render's ``completed_at`` (every title distinct: nothing cached).
   Ratio = batch rows per second / single renders per second (target >= 1.0: a batch costs no more per image).
3. Priority: sync single renders timed alone, then again while a big batch is running on the same one worker.
   Ratio = p50 during / p50 alone. A worker finishes the row in hand and then takes the single render, so the
   expected cost is about half a row's render time, not the batch's length.

    .venv/bin/python bench/batch_bench.py            # about a minute
    .venv/bin/python bench/batch_bench.py --rows 1000 --redis embedded
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _http_phases import Bench  # noqa: E402
from _measure import Client, loadavg, ms, pct, say  # noqa: E402
from _procs import AssetServer, Stack, choose_redis  # noqa: E402

TARGET_THROUGHPUT = 1.0


def multipart(fields: dict, file_name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
              "Content-Type: text/csv\r\n\r\n".encode())
    out.write(data + f"\r\n--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def post_raw(client: Client, path: str, body: bytes, content_type: str) -> tuple[int, dict]:
    client.conn.request("POST", path, body=body, headers={**client.headers, "Content-Type": content_type})
    response = client.conn.getresponse()
    return response.status, json.loads(response.read())


def iso_seconds(text: str) -> float:
    from connector.runtime.clock import parse_iso

    return parse_iso(text).timestamp()


class BatchBench(Bench):
    def titles(self, count: int) -> list[str]:
        tag = secrets.token_hex(3)
        return [f"Batch bench {tag} row {i}: a title long enough to wrap onto a second line" for i in range(count)]

    def wait_batch(self, client: Client, batch_id: str, timeout: float = 600) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, batch = client.call("GET", f"/api/v1/batches/{batch_id}")
            if status == 200 and batch["status"] == "completed":
                return batch
            time.sleep(0.2)
        raise SystemExit(f"batch {batch_id} did not complete:\n{self.s.workers[0].tail()}")

    def wait_renders(self, client: Client, ids: list[str], timeout: float = 600) -> list[dict]:
        deadline, done = time.monotonic() + timeout, {}
        while len(done) < len(ids) and time.monotonic() < deadline:
            for rid in ids:
                if rid not in done:
                    status, render = client.call("GET", f"/api/v1/renders/{rid}")
                    if render["status"] in ("completed", "failed"):
                        done[rid] = render
                    else:
                        break
            else:
                continue
            time.sleep(0.2)
        if len(done) < len(ids):
            raise SystemExit("single renders did not complete")
        return list(done.values())

    def phase_accept(self, rows: int) -> None:
        client = Client(self.s.port, self.key)
        titles = self.titles(rows)
        started = time.perf_counter()
        status, batch = client.call("POST", "/api/v1/batches", {"template_id": self.template_id,
                                                                "rows": [{"title": t} for t in titles]})
        json_ms = ms(time.perf_counter() - started)
        assert status == 202, batch
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["title"])
        writer.writerows([[t + " (csv)"] for t in titles])
        body, content_type = multipart({"template_id": self.template_id}, "rows.csv", buffer.getvalue().encode())
        started = time.perf_counter()
        status, csv_batch = post_raw(client, "/api/v1/batches", body, content_type)
        csv_ms = ms(time.perf_counter() - started)
        assert status == 202, csv_batch
        self.wait_batch(client, batch["id"])
        self.wait_batch(client, csv_batch["id"])
        self.results["accept"] = {"rows": rows, "json_ms": json_ms, "csv_ms": csv_ms, "csv_bytes": len(body)}
        client.close()

    def phase_throughput(self, rows: int, rounds: int) -> None:
        client = Client(self.s.port, self.key)
        batch_rates, single_rates = [], []
        for round_ in range(rounds):
            order = ("batch", "single") if round_ % 2 == 0 else ("single", "batch")
            for kind in order:
                titles = self.titles(rows)
                started = time.time()
                if kind == "batch":
                    status, batch = client.call("POST", "/api/v1/batches", {
                        "template_id": self.template_id, "rows": [{"title": t} for t in titles]})
                    assert status == 202, batch
                    done = self.wait_batch(client, batch["id"])
                    assert done["failed"] == 0, done
                    batch_rates.append(rows / (iso_seconds(done["completed_at"]) - started))
                else:
                    ids = []
                    for title in titles:
                        status, render = client.call("POST", "/api/v1/renders", {
                            "template_id": self.template_id, "fields": {"title": title}, "wait": False})
                        assert status == 202, render
                        ids.append(render["id"])
                    renders = self.wait_renders(client, ids)
                    last = max(iso_seconds(r["completed_at"]) for r in renders)
                    single_rates.append(rows / (last - started))
                self.s.prune_files()
        self.results["throughput"] = {"rows": rows, "batch": batch_rates, "single": single_rates}
        client.close()

    def sync_latencies(self, client: Client, count: int) -> list[float]:
        out = []
        for title in self.titles(count):
            started = time.perf_counter()
            status, render = client.call("POST", "/api/v1/renders", {"template_id": self.template_id,
                                                                      "fields": {"title": "sync " + title}})
            assert status == 201, render
            out.append(ms(time.perf_counter() - started))
        return out

    def phase_priority(self, rows: int, count: int) -> None:
        client = Client(self.s.port, self.key)
        alone = self.sync_latencies(client, count)
        status, batch = client.call("POST", "/api/v1/batches", {
            "template_id": self.template_id, "rows": [{"title": t} for t in self.titles(rows)]})
        assert status == 202, batch
        time.sleep(1.0)   # the worker is in the middle of the batch's rows
        during = self.sync_latencies(client, count)
        _, progress = client.call("GET", f"/api/v1/batches/{batch['id']}")
        self.wait_batch(client, batch["id"])
        self.results["priority"] = {"alone": alone, "during": during, "batch_rows": rows,
                                    "rows_done_when_measured": progress["completed"]}
        self.s.prune_files()
        client.close()


def report(b: BatchBench) -> bool:
    a, t, p = b.results["accept"], b.results["throughput"], b.results["priority"]
    batch_rate, single_rate = statistics.median(t["batch"]), statistics.median(t["single"])
    ratio = batch_rate / single_rate
    alone, during = statistics.median(p["alone"]), statistics.median(p["during"])
    say("\n| measure | value |\n|---|---|")
    say(f"| accept {a['rows']} JSON rows (202) | {a['json_ms']:.0f} ms |")
    say(f"| accept {a['rows']} CSV rows ({a['csv_bytes'] // 1024} KB, 202) | {a['csv_ms']:.0f} ms |")
    say(f"| {t['rows']} rows as one batch, 1 worker | {batch_rate:.1f} rows/s "
        f"({', '.join(f'{r:.1f}' for r in t['batch'])}) |")
    say(f"| {t['rows']} single async renders, 1 worker | {single_rate:.1f} renders/s "
        f"({', '.join(f'{r:.1f}' for r in t['single'])}) |")
    say(f"| **batch / single throughput** | **{ratio:.2f}** (target >= {TARGET_THROUGHPUT}) |")
    say(f"| sync render p50 / p95, alone | {alone:.1f} / {pct(p['alone'], 0.95):.1f} ms |")
    say(f"| sync render p50 / p95, during a {p['batch_rows']}-row batch | {during:.1f} / "
        f"{pct(p['during'], 0.95):.1f} ms |")
    say(f"| **during / alone (p50)** | **{during / alone:.2f}** (batch rows done meanwhile: "
        f"{p['rows_done_when_measured']}) |")
    return ratio >= TARGET_THROUGHPUT


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=300, help="rows of the throughput comparison (default 300)")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of batch vs singles, alternating (default 2)")
    ap.add_argument("--accept-rows", type=int, default=2000, help="rows of the accept timing (default 2000)")
    ap.add_argument("--sync", type=int, default=30, help="sync renders timed alone and during a batch")
    ap.add_argument("--redis", help="a Redis URL, or 'embedded' (default as http_bench)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="platen-batch-bench-"))
    assets, stack, ok = AssetServer(), None, True
    try:
        stack = Stack(tmp, choose_redis(args.redis))
        say("# Platen batches end to end\n")
        say(f"{stack.redis_kind} Redis, load average at start {loadavg()}\n")
        stack.start_web()
        stack.start_workers(1)
        bench = BatchBench(stack, {}, assets)
        bench.setup()
        bench.phase_accept(args.accept_rows)
        bench.phase_throughput(args.rows, args.rounds)
        bench.phase_priority(max(args.rows, 400), args.sync)
        ok = report(bench)
    finally:
        if stack is not None:
            for problem in stack.close():
                say(f"  cleanup: {problem}")
        assets.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
