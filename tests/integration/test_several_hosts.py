"""Two hosts (a gunicorn web process and a worker each, on 127.0.0.1 and 127.0.0.2) against one Redis and one
S3-compatible server: one host's clock runs 100 s ahead, the other host's worker is killed mid-batch, and still every
render completes, is charged once and is drawn once (the killed worker's render in hand aside)."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import sys
import time
from collections import Counter
from contextlib import ExitStack

import pytest
import requests

from connector import Connector
from connector.runtime.settings import Settings
from connector.storage import storage_from_settings
from tests.conftest import free_port

from .images import ImageServer
from .processes import Proc, settings_env, wait_for, worker

SKEW = 100           # seconds host A's worker clock runs ahead
ROWS = 120           # batch rows, posted to host B
SINGLES = 10         # single renders, posted to host A
DRAW_SECONDS = 0.15  # each render fetches its own slow image: a worker is nearly always mid-draw
JOB_TIMEOUT = 5      # the killed worker's render is due again after this + the watched jobs' grace
CARD = {"name": "Host card", "width": 240, "height": 120, "background": "#0f172a", "layers": [
    {"type": "image", "name": "logo", "x": 10, "y": 10, "width": 60, "height": 60, "src": ""},
    {"type": "text", "name": "title", "x": 80, "y": 10, "width": 150, "height": 100, "text": "Hi", "font_size": 24,
     "color": "#ffffff"}]}
# Loaded by every Python process whose PYTHONPATH starts with its folder: that process's time.time() runs ahead.
SITECUSTOMIZE = '''
import os, sys, time
_skew = float(os.environ.get("PLATEN_TEST_CLOCK_SKEW") or 0)
if _skew:
    _time, _time_ns = time.time, time.time_ns
    time.time = lambda: _time() + _skew
    time.time_ns = lambda: _time_ns() + int(_skew * 1e9)
    print(f"test clock: time.time() skewed by {_skew:+.0f} s", file=sys.stderr, flush=True)
'''


@pytest.fixture
def s3_server():
    from moto.server import ThreadedMotoServer

    quiet = logging.getLogger("werkzeug")   # moto's server logs every request; a failure should show ours
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
    quiet.setLevel(level)


def web_on(ip: str, port: int, env: dict, log) -> Proc:
    """A gunicorn web process (one worker) listening on ``ip`` (a loopback address standing for a host)."""
    return Proc([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "1", "wsgi:app"],
                {**env, "PORT": str(port), "HOST": ip}, log)


def api(base: str, key: str, method: str, path: str, **kwargs) -> requests.Response:
    return requests.request(method, f"{base}/api/v1{path}", headers={"X-API-Key": key}, timeout=30, **kwargs)


def test_two_hosts_one_clock_ahead_one_worker_killed_every_render_drawn_once(redis_url, s3_server, tmp_path):
    settings = Settings.from_env(
        {}, redis_url=redis_url, redis_prefix=f"platen_test_{secrets.token_hex(4)}", data_dir=str(tmp_path / "data"),
        public_url="http://platen.test",   # the same on every host: the load balancer's address
        storage="s3", s3_bucket=f"hosts-{secrets.token_hex(4)}", s3_endpoint_url=s3_server, s3_region="us-east-1",
        s3_access_key_id="testing", s3_secret_access_key="testing", s3_prefix="platen",
        render_job_timeout=JOB_TIMEOUT, allow_private_networks=True, rate_limit_reads="10000 per minute",
        rate_limit_writes="10000 per minute", rate_limit_renders="10000 per minute")
    storage = storage_from_settings(settings)
    storage.client.create_bucket(Bucket=settings.s3_bucket)   # operators create the bucket first
    skewed = tmp_path / "skewed"
    skewed.mkdir()
    (skewed / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = settings_env(settings)
    hosts = {"a": ("127.0.0.1", free_port()), "b": ("127.0.0.2", free_port())}
    bases = {name: f"http://{ip}:{port}" for name, (ip, port) in hosts.items()}
    images = ImageServer()
    images.delay = DRAW_SECONDS
    images.gate.clear()   # /slow.png answers after DRAW_SECONDS
    conn = Connector(settings)
    _account, _key, key = conn.accounts.create_account("Hosts", "hosts@example.test")
    with ExitStack() as stack:
        stack.callback(images.close)
        stack.callback(conn.close)
        webs, workers = {}, {}
        for name, (ip, port) in hosts.items():
            host_env = {**env, "PLATEN_HOST_ID": f"host-{name}"}
            webs[name] = stack.enter_context(web_on(ip, port, host_env, tmp_path / f"web-{name}.log"))
            if name == "a":   # host A's worker: its clock 100 s ahead
                path = os.pathsep.join(p for p in (str(skewed), os.environ.get("PYTHONPATH")) if p)
                host_env = {**host_env, "PYTHONPATH": path, "PLATEN_TEST_CLOCK_SKEW": str(SKEW)}
            workers[name] = stack.enter_context(worker(host_env, tmp_path / f"worker-{name}.log"))
        for name in hosts:   # each host is ready once its own worker is up
            wait_for(f"{bases[name]}/readyz", webs[name], timeout=60)
        assert f"skewed by +{SKEW} s" in workers["a"].output()

        template = api(bases["a"], key, "POST", "/templates", json=CARD)
        assert template.status_code == 201, template.text
        tpl = template.json()["id"]
        rows = [{"title": f"Row {i}", "logo": f"{images.base}/slow.png?row={i}"} for i in range(ROWS)]
        batch = api(bases["b"], key, "POST", "/batches", json={"template_id": tpl, "rows": rows})
        assert batch.status_code == 202, batch.text
        batch_id = batch.json()["id"]
        singles = []
        for i in range(SINGLES):
            answer = api(bases["a"], key, "POST", "/renders", json={
                "template_id": tpl, "wait": False, "fields": {"title": f"Single {i}",
                                                              "logo": f"{images.base}/slow.png?single={i}"}})
            assert answer.status_code == 202, answer.text
            singles.append(answer.json()["id"])

        deadline = time.monotonic() + 30
        while api(bases["a"], key, "GET", f"/batches/{batch_id}").json()["completed"] < ROWS * 2 // 3:
            assert time.monotonic() < deadline, workers["b"].output()[-3000:]
            time.sleep(0.05)
        os.killpg(workers["b"].pid, signal.SIGKILL)   # host B's worker, mid-batch
        workers["b"].popen.wait()

        deadline = time.monotonic() + 60
        while True:   # host A's worker alone finishes the batch and recovers the render B held
            done = api(bases["b"], key, "GET", f"/batches/{batch_id}").json()
            if done["status"] == "completed":
                break
            assert time.monotonic() < deadline, f"{done}\n{workers['a'].output()[-3000:]}"
            time.sleep(0.2)
        assert (done["completed"], done["failed"]) == (ROWS, 0)
        ids = list(singles)
        for page in range(ROWS // 100 + 1):
            ids += [r["id"] for r in api(bases["a"], key, "GET", f"/batches/{batch_id}/renders",
                                         params={"limit": 100, "page": page}).json()]
        assert len(set(ids)) == ROWS + SINGLES
        finals = {rid: api(bases["b"], key, "GET", f"/renders/{rid}").json() for rid in ids}
        assert {r["status"] for r in finals.values()} == {"completed"}, [r for r in finals.values()
                                                                         if r["status"] != "completed"]
        assert api(bases["b"], key, "GET", "/usage").json()["used"] == ROWS + SINGLES, "charged once each"

        # Drawn once: each draw counts a start in the render's record and uploads a file named after the render.
        # Only the render B's worker held when it was killed may have been drawn twice.
        starts = {rid: conn.render_store.load(rid).attempts for rid in ids}
        objects = storage.client.list_objects_v2(Bucket=settings.s3_bucket, Prefix="platen/")
        uploads = Counter(o["Key"].rsplit("/", 1)[-1].split(".")[0] for o in objects.get("Contents", []))
        twice = sorted({rid for rid in ids if starts[rid] > 1 or uploads[rid] > 1})
        assert len(twice) <= 1, (f"drawn more than once: {[(r, starts[r], uploads[r]) for r in twice]}\n"
                                 f"{workers['a'].output()[-3000:]}")
        assert all(uploads[rid] >= 1 for rid in ids) and max(starts.values()) <= 2

        # Every URL names the one public address, and either host serves any file (streamed from S3).
        url = finals[singles[0]]["url"]
        assert url.startswith("http://platen.test/files/")
        served = requests.get(bases["b"] + url.removeprefix("http://platen.test"), timeout=30)
        assert served.status_code == 200 and served.headers["Content-Type"] == "image/png"

        # Readiness counts a host's own workers: host A without its worker is not ready, whatever runs elsewhere.
        assert workers["a"].stop() == 0
        answer = requests.get(f"{bases['a']}/readyz", timeout=10)
        details = answer.json()["details"]
        assert answer.status_code == 503 and (details["host"], details["host_workers"]) == ("host-a", 0), details
        assert details["storage"] is True
        for name in hosts:
            assert webs[name].stop() == 0, webs[name].output()[-2000:]
