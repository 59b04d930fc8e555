"""The fetcher's address guard: private addresses, odd ports and schemes, rebinding DNS, redirects: all refused."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from http.server import ThreadingHTTPServer

import pytest
import requests
from requests_hardened.ip_filter import get_ip_address

from connector.fetch.fetcher import Fetcher, FetchError, is_forbidden
from tests.connector.fetch.fetch_support import PNG, Handler, dev, public_ish


def test_the_same_loopback_url_is_refused_before_connecting(server):
    with pytest.raises(FetchError, match="is a private network address.*PLATEN_ALLOW_PRIVATE_NETWORKS=1"):
        Fetcher().get(server.url + "/logo.png")   # the address first: fixing only the port would not help
    with pytest.raises(FetchError, match="uses port 8080; Platen only connects to ports 80 and 443.*"
                                         "PLATEN_ALLOWED_PORTS"):
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


def test_more_ports_are_a_setting(make_settings):
    """PLATEN_ALLOWED_PORTS opens other ports (a self-hosted n8n on 5678) without opening private networks."""
    fetcher = Fetcher.from_settings(make_settings(allowed_ports="80, 443,5678"))
    fetcher.check_target("https://n8n.example.com:5678/webhook/abc")
    with pytest.raises(FetchError, match="uses port 8080; Platen only connects to ports 80, 443 and 5678"):
        fetcher.check_target("https://n8n.example.com:8080/webhook/abc")
    with pytest.raises(FetchError, match="private network address"):
        fetcher.check_target("http://10.0.0.5:5678/webhook/abc")
    for bad in ("", "http", "80,99999"):
        with pytest.raises(ValueError, match="PLATEN_ALLOWED_PORTS"):
            make_settings(allowed_ports=bad)
