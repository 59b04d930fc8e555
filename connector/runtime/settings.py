"""Settings: one frozen dataclass built from ``PLATEN_*`` environment variables."""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

_TRUE = {"1", "true", "yes", "on"}


def _env(name: str, default: str | None = None, help: str = "") -> dict:  # noqa: A002
    """Declare a setting: the environment variable it reads, its default and what it does."""
    return {"env": name, "default": default, "help": help}


@dataclass(frozen=True)
class Settings:
    """Everything the service can be told from outside. docs/operations.md documents each one."""

    redis_url: str | None = field(default=None, metadata=_env(
        "REDIS_URL", None,
        "External Redis (redis://, rediss:// or unix://). Unset: an embedded Redis under PLATEN_DATA_DIR."))
    embedded_redis: str = field(default="auto", metadata=_env(
        "PLATEN_EMBEDDED_REDIS", "auto",
        "auto: make run starts an embedded Redis and the CLI joins it; on: any process may; off: REDIS_URL required."))
    data_dir: str = field(default="./data", metadata=_env(
        "PLATEN_DATA_DIR", "./data", "Where the embedded Redis keeps its AOF and where local files live."))
    redis_prefix: str = field(default="platen", metadata=_env(
        "PLATEN_REDIS_PREFIX", "platen", "Prefix of every Redis key Platen writes (`platen:<kind>:<id>`)."))
    redis_timeout: float = field(default=5.0, metadata=_env(
        "PLATEN_REDIS_TIMEOUT", "5",
        "Seconds a Redis call (or connecting) may take; past it, the request answers 503 unavailable."))
    redis_outage_wait: int = field(default=300, metadata=_env(
        "PLATEN_REDIS_OUTAGE_WAIT", "300",
        "Seconds a worker waits for an unreachable Redis (then carries on) before it exits with an error."))
    monthly_credits: int = field(default=1000, metadata=_env(
        "PLATEN_MONTHLY_CREDITS", "1000", "Credits (fresh renders) each account may use per calendar month (UTC)."))
    rate_limit_reads: str = field(default="600 per minute", metadata=_env(
        "PLATEN_RATE_LIMIT_READS", "600 per minute", "Per-key limit on GET requests."))
    rate_limit_renders: str = field(default="120 per minute", metadata=_env(
        "PLATEN_RATE_LIMIT_RENDERS", "120 per minute", "Per-key limit on render-creating requests."))
    rate_limit_writes: str = field(default="120 per minute", metadata=_env(
        "PLATEN_RATE_LIMIT_WRITES", "120 per minute", "Per-key limit on every other request."))
    rate_limit_previews: str = field(default="1200 per minute", metadata=_env(
        "PLATEN_RATE_LIMIT_PREVIEWS", "1200 per minute",
        "Per-key limit on editor previews (POST /api/v1/templates/preview), apart from renders."))
    rate_limit_enabled: bool = field(default=True, metadata=_env(
        "PLATEN_RATE_LIMIT_ENABLED", "1", "Set to 0 to switch rate limiting off (benchmarks)."))
    public_render_rate: str = field(default="30 per minute", metadata=_env(
        "PLATEN_PUBLIC_RENDER_RATE", "30 per minute",
        "Per client address: new (uncached) images its unsigned public-template URLs may render; empty: no limit."))
    public_credit_share: float = field(default=0.5, metadata=_env(
        "PLATEN_PUBLIC_CREDIT_SHARE", "0.5",
        "Share (0 to 1) of an account's monthly credits that unsigned public-template URLs may use (then 402)."))
    max_body_bytes: int = field(default=5 * 1024 * 1024, metadata=_env(
        "PLATEN_MAX_BODY_BYTES", "5242880", "Largest request body accepted (413 beyond)."))
    idempotency_ttl: int = field(default=24 * 3600, metadata=_env(
        "PLATEN_IDEMPOTENCY_TTL", "86400", "Seconds an Idempotency-Key and its response are remembered."))
    trusted_proxies: int = field(default=0, metadata=_env(
        "PLATEN_TRUSTED_PROXIES", "0",
        "How many reverse proxies set X-Forwarded-For/-Proto in front of the web process."))
    worker_stale_seconds: int = field(default=60, metadata=_env(
        "PLATEN_WORKER_STALE_SECONDS", "60", "/readyz fails when no worker has sent a heartbeat for this long."))
    host_id: str = field(default="", metadata=_env(
        "PLATEN_HOST_ID", "",
        "This host's name: its workers record it and its /readyz looks for them (default: the machine's hostname)."))
    local_worker: bool = field(default=True, metadata=_env(
        "PLATEN_LOCAL_WORKER", "1",
        "1: /readyz wants a live worker of this host (PLATEN_HOST_ID); 0: a web-only host, any live worker will do."))
    metrics_token: str = field(default="", metadata=_env(
        "PLATEN_METRICS_TOKEN", "", "When set, /metrics wants 'Authorization: Bearer <token>'."))
    public_url: str = field(default="http://127.0.0.1:8000", metadata=_env(
        "PLATEN_PUBLIC_URL", "http://127.0.0.1:8000",
        "The address clients reach Platen at; absolute URLs (hosted files, signed URLs, webhooks) start with it."))
    allow_private_networks: bool = field(default=False, metadata=_env(
        "PLATEN_ALLOW_PRIVATE_NETWORKS", "0",
        "1 lets image fetches and webhooks reach loopback/private addresses and any port (development, tests)."))
    allowed_ports: str = field(default="80,443", metadata=_env(
        "PLATEN_ALLOWED_PORTS", "80,443",
        "Ports image fetches and webhooks may connect to, comma-separated (add 5678 for n8n on its default port)."))
    fetch_timeout: float = field(default=10.0, metadata=_env(
        "PLATEN_FETCH_TIMEOUT", "10", "Seconds an image download may take in all."))
    fetch_max_bytes: int = field(default=20 * 1024 * 1024, metadata=_env(
        "PLATEN_FETCH_MAX_BYTES", "20971520", "Largest image download accepted."))
    fetch_cache_bytes: int = field(default=128 * 1024 * 1024, metadata=_env(
        "PLATEN_FETCH_CACHE_BYTES", "134217728", "Memory per worker for downloaded images (revalidated by ETag)."))
    storage: str = field(default="local", metadata=_env(
        "PLATEN_STORAGE", "local", "Where rendered files go: local (disk, served at /files/…) or s3."))
    files_dir: str = field(default="", metadata=_env(
        "PLATEN_FILES_DIR", "", "Folder of the local storage (default: PLATEN_DATA_DIR/files)."))
    s3_bucket: str = field(default="", metadata=_env("PLATEN_S3_BUCKET", "", "S3 bucket for rendered files."))
    s3_endpoint_url: str = field(default="", metadata=_env(
        "PLATEN_S3_ENDPOINT_URL", "", "S3-compatible endpoint (MinIO, R2, …); empty for AWS."))
    s3_region: str = field(default="", metadata=_env("PLATEN_S3_REGION", "", "S3 region."))
    s3_prefix: str = field(default="", metadata=_env("PLATEN_S3_PREFIX", "", "Key prefix inside the bucket."))
    s3_access_key_id: str = field(default="", metadata=_env(
        "PLATEN_S3_ACCESS_KEY_ID", "", "S3 credentials (else boto3's usual chain: AWS_* variables, roles)."))
    s3_secret_access_key: str = field(default="", metadata=_env(
        "PLATEN_S3_SECRET_ACCESS_KEY", "", "S3 credentials (else boto3's usual chain)."))
    s3_public_url: str = field(default="", metadata=_env(
        "PLATEN_S3_PUBLIC_URL", "",
        "Public base URL of the bucket or its CDN; empty: files are served through Platen's /files/…"))
    retention_days: int = field(default=30, metadata=_env(
        "PLATEN_RETENTION_DAYS", "30", "Rendered files (and their URLs) are kept this many days."))
    render_job_timeout: int = field(default=60, metadata=_env(
        "PLATEN_RENDER_JOB_TIMEOUT", "60", "Seconds a worker may spend on one render before it is stopped."))
    render_cache_bytes: int = field(default=256 * 1024 * 1024, metadata=_env(
        "PLATEN_RENDER_CACHE_BYTES", "268435456", "Memory per worker for decoded images, text layouts and masks."))
    png_compression: str = field(default="fast", metadata=_env(
        "PLATEN_PNG_COMPRESSION", "fast",
        "PNG speed/size: fast (~10 ms a card, sizes like zlib level 1), balanced (level 6), small (level 9)."))
    batch_max_rows: int = field(default=10_000, metadata=_env(
        "PLATEN_BATCH_MAX_ROWS", "10000", "Most rows one batch may have (JSON rows, CSV lines or sheet rows)."))
    csv_max_bytes: int = field(default=20 * 1024 * 1024, metadata=_env(
        "PLATEN_CSV_MAX_BYTES", "20971520",
        "Largest CSV or .xlsx file a batch accepts (413 beyond); a workbook may unpack to twice this."))
    font_dirs: str = field(default="", metadata=_env(
        "PLATEN_FONT_DIRS", "", "Extra font folders, separated by ':' (system fonts are always found)."))
    webhook_retry_schedule: str = field(default="", metadata=_env(
        "PLATEN_WEBHOOK_RETRY_SCHEDULE", "",
        "Seconds between webhook attempts, comma-separated (default: 5, 300, 1800, 7200, 18000, 36000, 36000 "
        "with ±10 % jitter; read by the workers)."))
    log_level: str = field(default="INFO", metadata=_env(
        "PLATEN_LOG_LEVEL", "INFO", "Python log level of web and worker processes."))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Read every setting from the environment; ``overrides`` win (tests, ``create_app(config)``)."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.name, f.type, raw)
        values.update(overrides)
        return cls(**values)

    def __post_init__(self):
        self.ports()   # a bad PLATEN_ALLOWED_PORTS stops the start, not the first fetch
        if self.embedded_redis.strip().lower() not in ("auto", "on", "off"):
            raise ValueError(f"setting PLATEN_EMBEDDED_REDIS must be auto, on or off, got {self.embedded_redis!r}")
        if not 0 <= self.public_credit_share <= 1:
            raise ValueError(f"setting PLATEN_PUBLIC_CREDIT_SHARE must be from 0 to 1 (0.5: half the credits), "
                             f"got {self.public_credit_share!r}")

    def ports(self) -> tuple[int, ...]:
        """``allowed_ports`` as numbers; a bad entry is a ValueError naming the setting."""
        try:
            ports = tuple(int(p) for p in self.allowed_ports.replace(" ", "").split(",") if p)
        except ValueError:
            ports = ()
        if not ports or not all(0 < p < 65536 for p in ports):
            raise ValueError(f"setting PLATEN_ALLOWED_PORTS must be port numbers like 80,443, got "
                             f"{self.allowed_ports!r}")
        return ports

    def host(self) -> str:
        """The name this host's workers record and its ``/readyz`` looks for."""
        return self.host_id.strip() or socket.gethostname()

    @classmethod
    def documented(cls) -> list[tuple[str, str, str]]:
        """(variable, default, meaning) for every setting, for docs/operations.md and ``--help``."""
        return [(f.metadata["env"], f.metadata["default"] or "", f.metadata["help"]) for f in fields(cls)]


def _coerce(name: str, type_: str, raw: str):
    if type_ == "bool":
        return raw.strip().lower() in _TRUE
    if type_ == "float":
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"setting {name} must be a number, got {raw!r}") from None
    if type_ == "int":
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"setting {name} must be a whole number, got {raw!r}") from None
    return raw
