"""The render path with S3 storage: a real worker process writes to a real S3-compatible server on loopback."""

from __future__ import annotations

import io
import secrets

import pytest
from PIL import Image

from .stacks import CARD, Stack


@pytest.fixture
def s3_stack(make_settings, tmp_path):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    settings = make_settings(allow_private_networks=True, public_url="http://platen.test", storage="s3",
                             s3_bucket=f"renders-{secrets.token_hex(4)}", s3_endpoint_url=f"http://{host}:{port}",
                             s3_region="us-east-1", s3_access_key_id="testing", s3_secret_access_key="testing",
                             s3_prefix="platen", render_job_timeout=8)
    from connector.storage import storage_from_settings

    storage = storage_from_settings(settings)
    storage.client.create_bucket(Bucket=settings.s3_bucket)
    stack = Stack(settings, tmp_path)
    yield stack, storage
    stack.close()
    server.stop()


def test_renders_land_in_s3_and_are_served(s3_stack):
    stack, storage = s3_stack
    alice = stack.caller()
    tpl = stack.template(alice)
    render = stack.render(alice, template_id=tpl, fields={"title": "Stored in S3"}).get_json()
    assert render["status"] == "completed", render
    key = render["url"].removeprefix("http://platen.test/files/")
    listed = storage.client.list_objects_v2(Bucket=storage.bucket)["Contents"]
    assert [o["Key"] for o in listed] == [f"platen/{key}"]
    served = stack.client.get(f"/files/{key}")   # no public bucket URL set: Platen serves it from S3
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert Image.open(io.BytesIO(served.data)).size == (CARD["width"], CARD["height"])
    download = stack.client.get(f"/api/v1/renders/{render['id']}/file", headers=alice.headers)
    assert download.data == served.data
