"""The guarded fetcher against a real HTTP server on 127.0.0.1 (and a fake DNS where a public name is needed)."""

from __future__ import annotations

import datetime
import io
import ipaddress
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image
from requests_hardened.ip_filter import get_ip_address

from connector.fetch import Fetcher, FetchError, is_forbidden
from connector.settings import Settings


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


PNG = _png()
STREAM_TOTAL = 50 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so a pooled connection is reused between fetches

    def setup(self):
        super().setup()
        self.server.connections += 1

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.hits.append((parts.path, dict(self.headers)))
        try:
            self.route(parts.path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, path, query):
        if path == "/logo.png":
            extra = {"Cache_Control": query["cc"]} if "cc" in query else {}
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, ETag='"v1"', **extra)
            return self.send(200, PNG, Content_Type="image/png", ETag='"v1"',
                             Last_Modified="Mon, 01 Jan 2024 00:00:00 GMT", **extra)
        if path == "/octet":
            return self.send(200, PNG, Content_Type="application/octet-stream")
        if path == "/notype":
            return self.send(200, PNG)
        if path == "/page":
            return self.send(200, b"<html></html>", Content_Type="text/html; charset=utf-8")
        if path == "/json":
            return self.send(200, b"{}", Content_Type="application/json")
        if path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            return self.send(302, Location=f"/hop/{left - 1}" if left else "/logo.png")
        if path == "/to":
            return self.send(302, Location=query["loc"])
        if path == "/big":
            return self.send(200, b"\0" * 5000, Content_Type="image/png")
        if path == "/stream":  # no length: the body runs until the connection closes
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"\0" * 65536
            for _ in range(STREAM_TOTAL // len(chunk)):
                self.wfile.write(chunk)
                self.server.streamed += len(chunk)
            return None
        if path == "/drip":  # each byte comes well within any read timeout; the whole body never does
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", "200")
            self.end_headers()
            return self.drip(b"\0" * 200)
        if path == "/drip-headers":
            self.close_connection = True
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            return self.drip(b"X-Slow: " + b"a" * 200)
        return self.send(404, b"no", Content_Type="text/plain")

    def drip(self, data):
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.05)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits, httpd.connections, httpd.streamed = [], 0, 0
    httpd.port = httpd.server_address[1]
    httpd.url = f"http://127.0.0.1:{httpd.port}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fake_dns(monkeypatch):
    """Names mapped to addresses, resolved by the real code path (socket.getaddrinfo); records each lookup."""
    names, lookups, real = {}, [], socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # noqa: A002
        if host not in names:
            return real(host, port, family, type, proto, flags)
        lookups.append(host)
        ip = ipaddress.ip_address(names[host])
        if ip.version == 4:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (str(ip), port or 0))]
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (str(ip), port or 0, 0, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names, lookups


def dev(**kw) -> Fetcher:
    return Fetcher(allow_private=True, **kw)


def public_ish(server, **kw) -> Fetcher:
    """The production rules, except that the test server's loopback address and port count as public."""
    return Fetcher(allow_loopback=True, ports=(80, 443, server.port), **kw)


def test_fetches_an_image_when_private_networks_are_allowed(server):
    got = dev().get(server.url + "/logo.png")
    assert (got.data, got.status, got.content_type, got.etag) == (PNG, 200, "image/png", '"v1"')
    assert got.final_url == got.url == server.url + "/logo.png"
    assert got.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_the_same_loopback_url_is_refused_before_connecting(server):
    with pytest.raises(FetchError, match="is a private network address.*PLATEN_ALLOW_PRIVATE_NETWORKS=1"):
        Fetcher().get(server.url + "/logo.png")   # the address first: fixing only the port would not help
    with pytest.raises(FetchError, match="uses port 8080; Platen only connects to ports 80 and 443"):
        Fetcher().check_target("http://93.184.215.14:8080/logo.png")
    with pytest.raises(FetchError, match="is a private network address; Platen does not connect to those"):
        Fetcher(ports=(80, 443, server.port)).get(server.url + "/logo.png")
    assert server.hits == [] and server.connections == 0


def test_a_name_resolving_to_loopback_is_refused_at_connect_time(server, fake_dns):
    """DNS rebinding: the name passes every check on the URL; the address DNS gives is checked and used."""
    names, lookups = fake_dns
    names["images.example.com"] = "127.0.0.1"
    with pytest.raises(FetchError, match=r"resolves to a private network address \(127\.0\.0\.1\)"):
        Fetcher(ports=(80, 443, server.port)).get(f"http://images.example.com:{server.port}/logo.png")
    assert lookups == ["images.example.com"] and server.connections == 0


@pytest.fixture
def tls_server(tmp_path):
    """The same handler over HTTPS, with a certificate for images.example.com from a CA made for the test."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    def cert(name, key, issuer, issuer_key, ca):
        now = datetime.datetime.now(datetime.UTC)
        subject = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, name)])
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer or subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if not ca:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        return builder.sign(issuer_key or key, hashes.SHA256())

    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = cert("Platen test CA", ca_key, None, None, True)
    leaf = cert("images.example.com", leaf_key, ca.subject, ca_key, False)
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + leaf_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "leaf.pem")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads, httpd.hits, httpd.connections, httpd.streamed = True, [], 0, 0
    httpd.sni = []
    context.sni_callback = lambda sock, name, ctx: httpd.sni.append(name)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.port, httpd.ca = httpd.server_address[1], str(tmp_path / "ca.pem")
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_https_to_the_pinned_address_keeps_sni_and_the_certificate_name(tls_server, fake_dns):
    names, lookups = fake_dns
    names["images.example.com"] = names["other.example.com"] = "127.0.0.1"
    fetcher = Fetcher(allow_loopback=True, ports=(443, tls_server.port))
    fetcher._session.verify = tls_server.ca
    got = fetcher.get(f"https://images.example.com:{tls_server.port}/logo.png")
    assert got.data == PNG and lookups == ["images.example.com"] and tls_server.sni == ["images.example.com"]
    with pytest.raises(FetchError, match="certificate was not accepted"):
        fetcher.get(f"https://other.example.com:{tls_server.port}/logo.png")


def test_ipv4_compatible_ipv6_is_refused_though_requests_hardened_lets_it_through(fake_dns):
    names, _ = fake_dns
    names["compat.example.com"] = "::127.0.0.1"
    assert str(get_ip_address("compat.example.com", 80, allow_loopback=False)[0]) == "::7f00:1"  # the gap
    with pytest.raises(FetchError, match="resolves to a private network address"):
        Fetcher().get("http://compat.example.com/logo.png")


def test_the_resolved_address_is_used_once_and_the_host_name_kept(server, fake_dns):
    names, lookups = fake_dns
    names["images.example.com"] = "127.0.0.1"
    got = public_ish(server).get(f"http://images.example.com:{server.port}/logo.png")
    assert got.data == PNG and lookups == ["images.example.com"]
    assert server.hits[0][1]["Host"] == f"images.example.com:{server.port}"


@pytest.mark.parametrize("target", ["http://10.0.0.1/x.png", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::ffff:10.0.0.1]/x.png", "http://localhost/x.png"])
def test_a_redirect_to_a_private_address_is_refused(server, target):
    with pytest.raises(FetchError, match=r"redirected to .*, which is a (private network address|local network)"):
        public_ish(server).get(f"{server.url}/to?loc={target}")
    assert len(server.hits) == 1


def test_a_redirect_to_a_name_resolving_privately_is_refused_at_connect_time(server, fake_dns):
    names, _ = fake_dns
    names["cdn.example.com"], names["intranet.example.com"] = "127.0.0.1", "10.1.2.3"
    target = f"http://intranet.example.com:{server.port}/logo.png"
    with pytest.raises(FetchError, match=r"redirected to .*, which resolves to a private network address \(10\.1"):
        public_ish(server).get(f"http://cdn.example.com:{server.port}/to?loc={target}")
    assert [path for path, _ in server.hits] == ["/to"]


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(FetchError, match="redirected to file:///etc/passwd, which is not an http or https"):
        dev().get(server.url + "/to?loc=file:///etc/passwd")


def test_three_redirects_are_followed_and_a_fourth_refused(server):
    got = dev().get(server.url + "/hop/2")
    assert got.data == PNG and got.final_url == server.url + "/logo.png"
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        dev().get(server.url + "/hop/3")


def test_a_declared_size_over_the_cap_is_refused_before_reading(server):
    with pytest.raises(FetchError, match=r"/big is larger than 1000 bytes"):
        dev(max_bytes=1000).get(server.url + "/big")


def test_an_undeclared_size_stops_reading_at_the_cap(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="is larger than 97.7 KB"):
        dev(max_bytes=100_000).get(server.url + "/stream")
    assert time.monotonic() - started < 5
    time.sleep(0.3)  # let the server notice the closed connection
    assert server.streamed < STREAM_TOTAL / 2


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_slow_drip_is_cut_at_the_total_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        dev(timeout=0.5).get(server.url + path)
    assert time.monotonic() - started < 2  # the drip alone would take 10 s


def test_the_deadline_also_covers_a_reused_connection(server):
    fetcher = dev(timeout=0.5)
    fetcher.get(server.url + "/logo.png")
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s"):
        fetcher.get(server.url + "/drip")
    assert time.monotonic() - started < 2 and server.connections == 1


def test_web_pages_and_other_types_are_refused_with_a_clear_message(server):
    with pytest.raises(FetchError, match="/page is a web page, not an image; use the address of the image file"):
        dev().get(server.url + "/page")
    with pytest.raises(FetchError, match="/json is application/json, not an image"):
        dev().get(server.url + "/json")
    assert dev().get(server.url + "/page", kind="any").data == b"<html></html>"


def test_octet_stream_and_a_missing_type_are_left_to_the_decoder(server):
    assert dev().load_image(server.url + "/octet") == PNG
    assert dev().get(server.url + "/notype").content_type == ""


def test_an_error_status_is_named(server):
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/nothing answered 404 Not Found$"):
        dev().get(server.url + "/nothing")


def test_an_unreachable_host_is_named():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not be reached"):
        dev().get(f"http://127.0.0.1:{port}/x.png")


def test_a_fresh_copy_is_served_from_the_cache(server):
    fetcher = dev()
    assert fetcher.get(server.url + "/logo.png").data == fetcher.get(server.url + "/logo.png").data == PNG
    assert len(server.hits) == 1 and fetcher.cached_bytes == len(PNG)


def test_a_stale_copy_is_revalidated_and_reused_on_304(server):
    fetcher, url = dev(), server.url + "/logo.png?cc=max-age=0"
    first, second = fetcher.get(url), fetcher.get(url)
    assert second.data == first.data == PNG and second.etag == '"v1"'
    assert len(server.hits) == 2 and server.hits[1][1]["If-None-Match"] == '"v1"'
    assert server.hits[1][1]["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_no_store_is_not_cached(server):
    fetcher, url = dev(), server.url + "/logo.png?cc=no-store"
    fetcher.get(url)
    fetcher.get(url)
    assert len(server.hits) == 2 and fetcher.cached_bytes == 0


def test_the_cache_stays_within_its_byte_budget(server):
    fetcher = dev(cache_bytes=len(PNG) * 5 // 2)
    for n in range(5):
        fetcher.get(f"{server.url}/logo.png?n={n}")
        assert fetcher.cached_bytes <= len(PNG) * 5 // 2
    fetcher.get(f"{server.url}/logo.png?n=4")   # the newest is kept
    fetcher.get(f"{server.url}/logo.png?n=0")   # the oldest was dropped
    assert len(server.hits) == 6


def test_data_urls_need_no_fetch():
    assert Fetcher().load_image("data:text/plain;base64,aGk=") == b"hi"


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/",
    "http://10.0.0.1/", "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://[64:ff9b::a00:1]/",
    "http://0.0.0.0/", "http://2130706433/", "http://127.1/", "http://localhost:8000/", "http://foo.localhost/",
    "http://printer.local/", "http://metadata.google.internal/", "http://intranet/", "ftp://x/", "file:///etc/passwd",
    "https://example.com:8443/", "http://[::1/", "http:///nohost"])
def test_check_target_refuses(url):
    with pytest.raises(FetchError):
        Fetcher().check_target(url)


@pytest.mark.parametrize("url", ["https://example.com", "http://example.com:80/a.png", "https://8.8.8.8/x",
                                 "https://EXAMPLE.com:443/"])
def test_check_target_accepts(url):
    Fetcher().check_target(url)


def test_private_networks_and_any_port_allowed_when_the_setting_says_so():
    for url in ("http://127.0.0.1:5173/", "http://localhost:8000/hook", "http://10.0.0.1/"):
        Fetcher(allow_private=True).check_target(url)
    with pytest.raises(FetchError, match="not an http or https address"):
        Fetcher(allow_private=True).check_target("gopher://x/")


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.100.100.200", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "::1", "::", "::ffff:127.0.0.1",
    "::127.0.0.1", "::ffff:0:7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "fd00:ec2::254", "fe80::1", "fec0::1",
    "ff02::1", "2001:db8::1"])
def test_is_forbidden(address):
    assert is_forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_not_forbidden(address):
    assert not is_forbidden(ipaddress.ip_address(address))


def test_the_session_is_guarded_and_does_not_follow_redirects(server):
    with pytest.raises(requests.RequestException, match="127.0.0.1"):
        Fetcher(ports=(80, 443, server.port)).session().post(server.url + "/hook", json={})
    with pytest.raises(requests.RequestException, match="port"):
        Fetcher().session().get(server.url + "/logo.png")
    assert server.hits == []
    response = dev().session().get(server.url + "/hop/0", allow_redirects=True)
    assert response.status_code == 302 and len(server.hits) == 1


def test_from_settings():
    fetcher = Fetcher.from_settings(Settings(allow_private_networks=True, fetch_timeout=3.0, fetch_max_bytes=10,
                                             fetch_cache_bytes=20))
    assert (fetcher.allow_private, fetcher.timeout, fetcher.max_bytes, fetcher.cache_bytes) == (True, 3.0, 10, 20)
