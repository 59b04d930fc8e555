"""S3-compatible object storage (AWS, MinIO, R2, …) for several machines sharing one set of files."""

from __future__ import annotations

import contextlib
import logging
import time

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from connector.storage import FileMissing, FileStorage, StorageUnavailable, StoredFile, swept

log = logging.getLogger(__name__)
# Keys are unique per render, so an object never changes: caches may keep it for good.
CACHE_CONTROL = "public, max-age=31536000, immutable"
_MISSING = {"NoSuchKey", "404", "NotFound"}


@contextlib.contextmanager
def _unavailable(what: str):
    """Turn transport and permission failures into StorageUnavailable (a 503, not a 500)."""
    try:
        yield
    except (BotoCoreError, ClientError) as exc:
        raise StorageUnavailable(f"S3 {what} failed: {exc}") from exc


def _missing(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") in _MISSING


class S3Storage(FileStorage):
    """Objects under ``prefix`` in one bucket; URLs point at ``bucket_url`` or, without one, at Platen."""

    batch_size = 1000  # the most keys one delete_objects call takes

    def __init__(self, client, bucket: str, *, prefix: str = "", public_url: str = "http://127.0.0.1:8000",
                 bucket_url: str = ""):
        super().__init__(public_url)
        self.client, self.bucket = client, bucket
        # "renders" and "renders/" both mean a folder; nobody wants "rendersYYYY/...".
        prefix = prefix.strip("/")
        self.prefix = f"{prefix}/" if prefix else ""
        self.bucket_url = bucket_url.rstrip("/")

    @classmethod
    def from_settings(cls, settings) -> S3Storage:
        if not settings.s3_bucket:
            raise ValueError("PLATEN_STORAGE=s3 needs PLATEN_S3_BUCKET (the bucket rendered files go to)")
        options = {}
        if settings.s3_endpoint_url:
            # Most self-hosted endpoints have no wildcard DNS for bucket subdomains, and many reject
            # the CRC checksums boto3 sends by default since 1.36.
            options = {"s3": {"addressing_style": "path"}, "request_checksum_calculation": "when_required",
                       "response_checksum_validation": "when_required"}
        client = boto3.client(
            "s3",
            endpoint_url=settings.s3_endpoint_url or None,
            region_name=settings.s3_region or None,
            # Empty settings fall through to boto3's own chain (AWS_* variables, profiles, instance roles).
            aws_access_key_id=settings.s3_access_key_id or None,
            aws_secret_access_key=settings.s3_secret_access_key or None,
            config=Config(connect_timeout=5, read_timeout=30, retries={"mode": "standard", "max_attempts": 3},
                          **options),
        )
        return cls(client, settings.s3_bucket, prefix=settings.s3_prefix, public_url=settings.public_url,
                   bucket_url=settings.s3_public_url)

    def url(self, key: str) -> str:
        return f"{self.bucket_url}/{self.prefix}{key}" if self.bucket_url else super().url(key)

    def _put(self, key: str, data: bytes, content_type: str) -> StoredFile:
        with _unavailable("upload"):
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data,
                                   ContentType=content_type, CacheControl=CACHE_CONTROL)
        return StoredFile(key, len(data), content_type, time.time())

    def _get(self, key: str) -> tuple[bytes, str]:
        with _unavailable("download"):
            try:
                answer = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
            except ClientError as exc:
                if _missing(exc):
                    raise FileMissing(key) from None
                raise
            with contextlib.closing(answer["Body"]) as body:
                return body.read(), answer.get("ContentType") or "application/octet-stream"

    def _delete(self, key: str) -> bool:
        with _unavailable("delete"):
            # DELETE answers 204 whether or not the object existed; HEAD tells the two apart.
            try:
                self.client.head_object(Bucket=self.bucket, Key=self.prefix + key)
            except ClientError as exc:
                if _missing(exc):
                    return False
                raise
            self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)
        return True

    def delete_older_than(self, cutoff_epoch: float) -> int:
        deleted = 0
        with _unavailable("retention sweep"):
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
            old = [item["Key"] for page in pages for item in page.get("Contents", ())
                   if item["LastModified"].timestamp() < cutoff_epoch and swept(item["Key"][len(self.prefix):])]
            for start in range(0, len(old), self.batch_size):
                batch = old[start:start + self.batch_size]
                answer = self.client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True})
                errors = answer.get("Errors", [])
                for error in errors:
                    log.warning("retention: could not delete s3://%s/%s: %s", self.bucket, error.get("Key"),
                                error.get("Message"))
                deleted += len(batch) - len(errors)
        return deleted

    def check(self) -> None:
        with _unavailable(f"bucket {self.bucket!r} check"):
            self.client.head_bucket(Bucket=self.bucket)
