"""One webhook attempt: the signed POST (Standard Webhooks), what is kept of it, and what it means for the delivery."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import requests
from requests_hardened.ip_filter import InvalidIPAddress
from standardwebhooks import Webhook

from connector.fetch.fetcher import FetchError
from connector.fetch.guard import Deadline
from connector.runtime.clock import isoformat, utcnow
from connector.webhooks.schedule import parse_retry_after

TIMEOUT = 15            # seconds an attempt may take in all (SPEC section 8)
BODY_KEPT = 500
USER_AGENT = "Platen-Webhooks/1.0"


class Outcome(StrEnum):
    SUCCEEDED = "succeeded"   # a 2xx
    GONE = "gone"             # 410: the receiver unsubscribes
    FAILED = "failed"         # anything else: tried again on the schedule, if any try is left


@dataclass
class Result:
    record: dict                    # what the delivery's attempt log keeps
    outcome: Outcome
    retry_after: float | None = None


class Sender:
    """POSTs attempts through the guarded fetcher's session (the subscribe-time address rules hold)."""

    def __init__(self, fetcher: Callable[[], object]):
        self._fetcher, self._session = fetcher, None

    @property
    def session(self) -> requests.Session:
        if self._session is None:
            self._session = self._fetcher().session()
            # The guarded session stamps the image fetcher's User-Agent on every request; receivers should see ours.
            self._session._config.user_agent_override = USER_AGENT
        return self._session

    def post(self, url: str, event_id: str, body: str, secret: str) -> Result:
        now = utcnow()
        headers = {"webhook-id": event_id, "webhook-timestamp": str(int(now.timestamp())),
                   "webhook-signature": Webhook(secret).sign(msg_id=event_id, timestamp=now, data=body),
                   "Content-Type": "application/json"}
        started, deadline = time.perf_counter(), Deadline(TIMEOUT)
        status, error, kept, retry_after = None, "", b"", None
        try:
            self._fetcher().check_target(url)   # the subscribe-time rule again: settings may have changed
            with deadline, self.session.post(url, data=body.encode(), headers=headers, stream=True,
                                             allow_redirects=False,
                                             timeout=(deadline.left(), deadline.left())) as response:
                status = response.status_code
                try:
                    kept = response.raw.read(BODY_KEPT, decode_content=True) or b""
                except Exception:  # noqa: BLE001 - the status is what counts; a body cut short is no matter
                    kept = b""
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if 300 <= status < 400:
                error = (f"Redirects are not followed (to {response.headers.get('Location', '?')}); "
                         "subscribe the final address instead.")
            elif not 200 <= status < 300:
                error = f"The receiver answered {status}."
        except FetchError as exc:
            error = f"{exc}."
        except InvalidIPAddress as exc:
            error = f"{url} resolves to a private network address ({exc}); Platen does not deliver there."
        except (requests.RequestException, OSError) as exc:
            timed_out = isinstance(exc, requests.Timeout) or deadline.over()
            error = f"No answer within {TIMEOUT} s." if timed_out else f"Could not connect: {exc}"[:300]
        record = {"at": isoformat(now), "status_code": status,
                  "duration_ms": round((time.perf_counter() - started) * 1000), "error": error or None,
                  "response_body": kept[:BODY_KEPT].decode("utf-8", "replace")}
        code = status or 0
        outcome = Outcome.SUCCEEDED if 200 <= code < 300 else Outcome.GONE if code == 410 else Outcome.FAILED
        return Result(record, outcome, retry_after)
