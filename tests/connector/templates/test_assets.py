"""The asset store's image loader: an asset is known by its file name, however its url is spelled or reached."""

import io

import pytest
from PIL import Image

from connector.fetch.fetcher import Fetched
from connector.storage import FileMissing


def png(colour="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, "PNG")
    return out.getvalue()


class FakeFetcher:
    """Answers every url with ``data`` as if it had been redirected to ``final_url``; counts the fetches."""

    def __init__(self, data: bytes = b"fetched", final_url: str | None = None):
        self.data, self.final_url, self.fetched = data, final_url, []

    def get(self, url: str) -> Fetched:
        self.fetched.append(url)
        return Fetched(url, self.final_url or url, 200, "image/png", self.data, None, None)

    def load_image(self, url: str) -> bytes:
        return b"inline"


@pytest.fixture
def asset(conn):
    record, created = conn.assets.upload("acct_alice", png())
    assert created
    return record, conn.assets.url(record)


def test_the_owner_reads_it_from_storage_however_the_url_is_spelled(conn, asset):
    record, url = asset
    fetcher = FakeFetcher()
    load = conn.assets.loader("acct_alice", fetcher)
    for spelling in (url, url.replace("http://127.0.0.1:8000", "https://cdn.example.com"),
                     url.replace("ast_", "%61st_"), url + "?v=2"):
        assert load(spelling) == png(), spelling
    assert fetcher.fetched == []
    assert load("data:image/png;base64,AAAA") == b"inline"


def test_another_account_is_refused_it_however_the_url_is_spelled_or_reached(conn, asset):
    record, url = asset
    fetcher = FakeFetcher()
    load = conn.assets.loader("acct_bob", fetcher)
    for spelling in (url, url.replace("127.0.0.1", "localhost"), url.upper().replace("AST_", "ast_").lower()):
        with pytest.raises(ValueError, match="another account"):
            load(spelling)
    assert fetcher.fetched == []
    redirected = conn.assets.loader("acct_bob", FakeFetcher(png(), final_url=url))
    with pytest.raises(ValueError, match="another account"):
        redirected("https://short.example.com/abc")   # a public address that redirects to alice's asset


def test_a_deleted_asset_says_so_and_other_urls_are_fetched(conn, asset):
    record, url = asset
    fetcher = FakeFetcher()
    load = conn.assets.loader("acct_alice", fetcher)
    assert load("https://images.example.com/photo.png") == b"fetched"
    conn.assets.delete("acct_alice", record.id)
    with pytest.raises(ValueError, match="deleted"):
        load(url)
    assert fetcher.fetched == ["https://images.example.com/photo.png"]


def test_an_upload_that_lost_the_race_to_the_same_bytes_keeps_nothing_of_its_own(conn, monkeypatch):
    data = png("blue")
    first, _ = conn.assets.upload("acct_alice", data)
    # as if this upload had checked for the same bytes just before the first one stored them
    monkeypatch.setattr(conn.assets, "_same_file", lambda account_id, digest: None)
    stored = []
    real_put = conn.files.put
    monkeypatch.setattr(conn.files, "put", lambda key, *a: stored.append(key) or real_put(key, *a))
    again, created = conn.assets.upload("acct_alice", data)
    assert (created, again.id) == (False, first.id)
    assert [r.id for r in conn.assets.list("acct_alice")] == [first.id]
    with pytest.raises(FileMissing):   # its own copy of the file went again
        conn.files.get(stored[0])
