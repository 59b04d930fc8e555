"""File storage: one contract for local, memory and S3 (a real moto server on loopback), plus each backend's own."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from connector.runtime.settings import Settings
from connector.storage import (
    ASSETS_DIR,
    CONTENT_TYPES,
    FileMissing,
    StorageUnavailable,
    new_key,
    safe_key,
    storage_from_settings,
)
from connector.storage.local import LocalStorage
from connector.storage.memory import MemoryStorage
from connector.storage.s3 import CACHE_CONTROL, S3Storage

ROOT = Path(__file__).resolve().parents[3]
PNG = b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(64)
KEY_SHAPE = re.compile(r"\d{4}/\d{2}/\d{2}/[A-Za-z0-9_-]{22}/rnd_abc\.png")


@pytest.fixture(scope="module")
def s3_endpoint():
    """A real S3-compatible HTTP server (moto) on a free loopback port, for this module's tests."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def s3_settings(endpoint: str, bucket: str | None = None, **extra) -> Settings:
    values = dict(storage="s3", s3_bucket=bucket or f"platen-{secrets.token_hex(6)}", s3_endpoint_url=endpoint,
                  s3_region="us-east-1", s3_access_key_id="testing", s3_secret_access_key="testing")
    values.update(extra)
    return Settings.from_env({}, **values)


def make_s3(endpoint: str, **extra) -> S3Storage:
    """A fresh bucket per test, so tests never see each other's files."""
    storage = storage_from_settings(s3_settings(endpoint, **extra))
    storage.client.create_bucket(Bucket=storage.bucket)
    return storage


@pytest.fixture(params=["local", "memory", "s3"])
def storage(request, tmp_path):
    if request.param == "s3":
        return make_s3(request.getfixturevalue("s3_endpoint"), s3_prefix="renders")
    return storage_from_settings(Settings.from_env({}, storage=request.param, data_dir=str(tmp_path)))


# --- the contract every backend keeps -------------------------------------------------------------


def test_put_then_get_round_trips_bytes_and_content_type(storage):
    key = new_key("rnd_abc", "png")
    before = time.time()
    stored = storage.put(key, PNG, "image/png")
    assert (stored.key, stored.size, stored.content_type) == (key, len(PNG), "image/png")
    assert before - 2 <= stored.created_at <= time.time() + 2
    assert storage.get(key) == (PNG, "image/png")


@pytest.mark.parametrize("extension", sorted(CONTENT_TYPES))
def test_each_extension_keeps_its_content_type(storage, extension):
    key = new_key("rnd_abc", extension)
    storage.put(key, b"data", CONTENT_TYPES[extension])
    assert storage.get(key) == (b"data", CONTENT_TYPES[extension])


def test_put_overwrites(storage):
    key = new_key("rnd_abc", "png")
    storage.put(key, b"first", "image/png")
    storage.put(key, b"second", "image/png")
    assert storage.get(key)[0] == b"second"


def test_missing_and_unsafe_keys_raise_file_missing(storage):
    for key in (new_key("rnd_abc", "png"), "../etc/passwd", "/etc/passwd", ""):
        with pytest.raises(FileMissing):
            storage.get(key)
    with pytest.raises(KeyError):  # callers may treat it as the KeyError it is
        storage.get(new_key("rnd_abc", "png"))


def test_put_refuses_unsafe_keys(storage):
    with pytest.raises(ValueError, match="unsafe file key"):
        storage.put("../outside.png", PNG, "image/png")


def test_delete_is_true_once_then_false(storage):
    key = new_key("rnd_abc", "png")
    storage.put(key, PNG, "image/png")
    assert storage.delete(key) is True
    with pytest.raises(FileMissing):
        storage.get(key)
    assert storage.delete(key) is False
    assert storage.delete("../x") is False


def test_the_retention_sweep_leaves_uploaded_assets_alone(storage):
    asset, render = f"{ASSETS_DIR}tok3n/ast_0abc.png", new_key("rnd_abc", "png")
    storage.put(asset, PNG, "image/png")
    storage.put(render, PNG, "image/png")
    assert storage.delete_older_than(time.time() + 3600) == 1
    assert storage.get(asset) == (PNG, "image/png")
    with pytest.raises(FileMissing):
        storage.get(render)


def test_delete_older_than_with_past_and_future_cutoffs(storage):
    keys = [new_key("rnd_abc", "png") for _ in range(3)]
    for key in keys:
        storage.put(key, PNG, "image/png")
    assert storage.delete_older_than(time.time() - 3600) == 0
    assert all(storage.get(key)[0] == PNG for key in keys)
    assert storage.delete_older_than(time.time() + 3600) == 3
    for key in keys:
        with pytest.raises(FileMissing):
            storage.get(key)


def test_check_passes_on_a_usable_backend(storage):
    storage.check()


# --- keys -----------------------------------------------------------------------------------------


def test_new_key_is_unique_unguessable_and_shaped():
    keys = [new_key("rnd_abc", "png") for _ in range(1000)]
    assert len(set(keys)) == 1000
    assert len({key.split("/")[3] for key in keys}) == 1000  # the token alone is unique
    for key in keys:
        assert KEY_SHAPE.fullmatch(key), key
        assert safe_key(key)
    assert keys[0][:10] in {time.strftime("%Y/%m/%d", time.gmtime(t)) for t in (time.time(), time.time() - 5)}


def test_new_key_refuses_what_would_make_an_unsafe_key():
    with pytest.raises(ValueError):
        new_key("../rnd_abc", "png")
    with pytest.raises(ValueError):
        new_key("rnd abc", "png")


@pytest.mark.parametrize("key", ["../x", "/etc/passwd", "a/../../b", "a\\b", "%2e%2e/x", "", "a" * 301,
                                 "a//b", "./a", "a/", "a/..", "a b", "a\x00b", "ü.png"])
def test_safe_key_refuses(key):
    assert not safe_key(key)


@pytest.mark.parametrize("key", ["a", "2026/01/02/tok-en_1/rnd_abc.png", "x.tar.gz", "a" * 300])
def test_safe_key_accepts(key):
    assert safe_key(key)


# --- URLs -----------------------------------------------------------------------------------------


def test_local_url_is_served_by_platen(tmp_path):
    storage = storage_from_settings(Settings.from_env({}, data_dir=str(tmp_path), public_url="https://img.example/"))
    assert storage.url("2026/01/02/t/rnd_a.png") == "https://img.example/files/2026/01/02/t/rnd_a.png"


def test_s3_url_goes_through_platen_without_a_public_bucket_url():
    storage = storage_from_settings(s3_settings("http://127.0.0.1:9", public_url="https://img.example",
                                                s3_prefix="renders"))
    assert storage.url("2026/01/02/t/rnd_a.png") == "https://img.example/files/2026/01/02/t/rnd_a.png"


@pytest.mark.parametrize("prefix", ["renders", "renders/", "/renders/"])
def test_s3_url_points_at_the_bucket_url_with_the_prefix(prefix):
    storage = storage_from_settings(s3_settings("http://127.0.0.1:9", s3_prefix=prefix,
                                                s3_public_url="https://cdn.example/"))
    assert storage.url("2026/01/02/t/rnd_a.png") == "https://cdn.example/renders/2026/01/02/t/rnd_a.png"


def test_s3_url_without_prefix():
    storage = storage_from_settings(s3_settings("http://127.0.0.1:9", s3_public_url="https://cdn.example"))
    assert storage.url("k/rnd_a.png") == "https://cdn.example/k/rnd_a.png"


# --- choosing a backend ---------------------------------------------------------------------------


def test_storage_from_settings_picks_by_alias(tmp_path):
    local = storage_from_settings(Settings.from_env({}, data_dir=str(tmp_path)))
    assert isinstance(local, LocalStorage) and local.root == str(tmp_path / "files")
    chosen = storage_from_settings(Settings.from_env({}, storage="local", files_dir=str(tmp_path / "out")))
    assert chosen.root == str(tmp_path / "out")
    assert isinstance(storage_from_settings(Settings.from_env({}, storage="memory")), MemoryStorage)
    assert isinstance(storage_from_settings(s3_settings("http://127.0.0.1:9")), S3Storage)
    assert isinstance(storage_from_settings(s3_settings("http://127.0.0.1:9", storage=" S3 ")), S3Storage)


def test_unknown_alias_names_the_choices():
    with pytest.raises(ValueError, match=r"PLATEN_STORAGE='ftp'.*local, memory, s3"):
        storage_from_settings(Settings.from_env({}, storage="ftp"))


def test_s3_without_bucket_says_which_setting_is_missing():
    with pytest.raises(ValueError, match="PLATEN_S3_BUCKET"):
        storage_from_settings(Settings.from_env({}, storage="s3"))


def test_local_storage_does_not_import_boto3():
    code = "import sys, connector.storage.local, connector.storage.memory; assert 'boto3' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# --- local disk -----------------------------------------------------------------------------------


def test_local_cannot_escape_its_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("no")
    storage = LocalStorage(str(tmp_path / "files"))
    for key in ("../secret.txt", "%2e%2e/secret.txt", "a/../../secret.txt", str(tmp_path / "secret.txt")):
        with pytest.raises(FileMissing):
            storage.get(key)
        assert storage.delete(key) is False
    assert (tmp_path / "secret.txt").exists()


def test_local_writes_atomically_and_reports_mtime(tmp_path):
    storage = LocalStorage(str(tmp_path))
    key = new_key("rnd_abc", "png")
    stored = storage.put(key, PNG, "image/png")
    path = tmp_path / key
    assert os.listdir(path.parent) == ["rnd_abc.png"]  # no temp file left behind
    assert stored.created_at == path.stat().st_mtime
    with pytest.raises(FileMissing):  # a folder is not a file
        storage.get(key.rsplit("/", 1)[0])


def test_local_sweep_removes_only_old_files_and_empty_folders(tmp_path):
    storage = LocalStorage(str(tmp_path / "files"))
    old, new = new_key("rnd_old", "png"), new_key("rnd_new", "png")
    storage.put(old, PNG, "image/png")
    storage.put(new, PNG, "image/png")
    ten_days_ago = time.time() - 10 * 86400
    os.utime(tmp_path / "files" / old, (ten_days_ago, ten_days_ago))
    assert storage.delete_older_than(time.time() - 86400) == 1
    assert not (tmp_path / "files" / old).parent.exists()
    assert storage.get(new)[0] == PNG
    assert storage.delete_older_than(time.time() + 1) == 1
    assert os.listdir(tmp_path / "files") == []  # every folder pruned, the root kept


def test_local_delete_prunes_the_token_folder(tmp_path):
    storage = LocalStorage(str(tmp_path))
    key = new_key("rnd_abc", "png")
    storage.put(key, PNG, "image/png")
    storage.delete(key)
    assert os.listdir(tmp_path) == []


def test_local_check_and_put_fail_when_the_folder_cannot_be_made(tmp_path):
    (tmp_path / "plain-file").write_text("")
    storage = LocalStorage(str(tmp_path / "plain-file" / "files"))
    with pytest.raises(StorageUnavailable, match="not writable"):
        storage.check()
    with pytest.raises(StorageUnavailable, match="cannot write"):
        storage.put(new_key("rnd_abc", "png"), PNG, "image/png")


# --- memory ---------------------------------------------------------------------------------------


def test_memory_sweep_removes_only_old_files():
    now = [1000.0]
    storage = MemoryStorage(clock=lambda: now[0])
    old, new = new_key("rnd_old", "png"), new_key("rnd_new", "png")
    storage.put(old, PNG, "image/png")
    now[0] = 2000.0
    assert storage.put(new, PNG, "image/png").created_at == 2000.0
    assert storage.delete_older_than(1500.0) == 1
    assert storage.get(new)[0] == PNG
    with pytest.raises(FileMissing):
        storage.get(old)


# --- S3 -------------------------------------------------------------------------------------------


def test_s3_objects_are_immutable_typed_and_under_the_prefix(s3_endpoint):
    storage = make_s3(s3_endpoint, s3_prefix="renders/")
    key = new_key("rnd_abc", "webp")
    storage.put(key, b"RIFF", "image/webp")
    head = storage.client.head_object(Bucket=storage.bucket, Key=f"renders/{key}")
    assert (head["ContentType"], head["CacheControl"]) == ("image/webp", CACHE_CONTROL)


def test_s3_sweep_stays_inside_its_prefix_and_batches(s3_endpoint):
    storage = make_s3(s3_endpoint, s3_prefix="renders")
    storage.client.put_object(Bucket=storage.bucket, Key="elsewhere/keep.png", Body=b"x")
    for _ in range(5):
        storage.put(new_key("rnd_abc", "png"), PNG, "image/png")
    storage.batch_size = 2  # five objects in three delete_objects calls
    assert storage.delete_older_than(time.time() + 3600) == 5
    listed = storage.client.list_objects_v2(Bucket=storage.bucket)["Contents"]
    assert [item["Key"] for item in listed] == ["elsewhere/keep.png"]


def test_s3_check_fails_for_a_missing_bucket(s3_endpoint):
    storage = storage_from_settings(s3_settings(s3_endpoint, bucket="no-such-bucket"))
    with pytest.raises(StorageUnavailable, match="no-such-bucket"):
        storage.check()


def test_s3_unreachable_endpoint_is_unavailable_not_missing():
    client = boto3.client("s3", endpoint_url="http://127.0.0.1:9", region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing",
                          config=Config(retries={"mode": "standard", "max_attempts": 1}))
    with pytest.raises(StorageUnavailable, match="download"):
        S3Storage(client, "bucket").get("k/rnd_a.png")
