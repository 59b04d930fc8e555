"""The address guard every server-side connection goes through: which addresses are off limits, a check on the
address actually connected to, and a total time limit."""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Collection
from urllib.parse import urlsplit

from requests.adapters import HTTPAdapter
from requests_hardened.ip_filter import InvalidIPAddress
from requests_hardened.ip_filter_adapter import IPFilterAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# Ranges Python's is_global/is_reserved miss, or IPv6 forms that carry an IPv4 address we cannot see through:
# CGNAT (Alibaba's metadata 100.100.100.200), 6to4 relay, NAT64, 6to4, Teredo, IPv4-compatible, SIIT, site-local.
_BLOCKED = tuple(ipaddress.ip_network(n) for n in (
    "100.64.0.0/10", "192.88.99.0/24", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32", "::/96",
    "::ffff:0:0:0/96", "fec0::/10", "5f00::/16", "2001:20::/28"))
_NUMERIC_HOST = re.compile(r"[0-9a-fx.]+\Z")  # what inet_aton reads as IPv4: 2130706433, 0x7f.1, 127.1
_current = threading.local()


def is_forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, *, allow_loopback: bool = False) -> bool:
    """True for an address Platen must not connect to: anything not publicly routable, or IPv6 wrapping IPv4."""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1 to the kernel
    if allow_loopback and ip.is_loopback:
        return False
    return (not ip.is_global or ip.is_private or ip.is_reserved or ip.is_multicast or ip.is_link_local
            or any(ip in net for net in _BLOCKED if net.version == ip.version))


def _literal_ip(host: str):
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host)
    if _NUMERIC_HOST.match(host):  # the resolver would turn these into addresses without asking DNS
        with contextlib.suppress(OSError):
            return ipaddress.ip_address(socket.inet_aton(host))
    return None


class Deadline:
    """A total time limit on what this thread sends through a guarded session (``with Deadline(15):``).

    Socket timeouts count per read, so a server dripping a byte at a time (TLS handshake, headers or body) could
    hold a worker for hours; at the deadline this shuts the sockets down, which wakes the blocked read. It holds
    duplicated descriptors: they reach the same connection, and their numbers cannot be given to another socket.
    """

    def __init__(self, seconds: float):
        self.expired, self._at, self._done = False, time.monotonic() + seconds, False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._outer = getattr(_current, "deadline", None)
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _current.deadline = self._outer
        with self._lock:
            self._done = True
            for sock in self._socks:
                sock.close()
            self._socks.clear()

    def left(self) -> float:
        return max(self._at - time.monotonic(), 0.001)

    def over(self) -> bool:
        return self.expired or time.monotonic() >= self._at

    @staticmethod
    def watch(sock: socket.socket) -> None:
        deadline = getattr(_current, "deadline", None)
        if deadline is None or sock.fileno() < 0:
            return
        with deadline._lock:
            if not deadline._done:
                deadline._socks.append(dup := socket.fromfd(sock.fileno(), sock.family, sock.type))
                if deadline.expired:
                    with contextlib.suppress(OSError):
                        dup.shutdown(socket.SHUT_RDWR)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in () if self._done else self._socks:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class _Watched:
    """Connection mixin: new sockets, and pooled ones when reused, are put under the thread's deadline."""

    def _new_conn(self):
        sock = super()._new_conn()
        Deadline.watch(sock)
        return sock

    def request(self, *args, **kwargs):
        if self.sock is not None:
            Deadline.watch(self.sock)
        return super().request(*args, **kwargs)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = type("_HTTPConnection", (_Watched, HTTPConnection), {})


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = type("_HTTPSConnection", (_Watched, HTTPSConnection), {})


class _GuardedAdapter(IPFilterAdapter):
    """requests-hardened resolves the host once, checks it and connects to that very address (Host header, SNI and
    certificate name kept); on the same pinned address we add our stricter ranges and the ports rule."""

    def __init__(self, *, https: bool, allow_private: bool, allow_loopback: bool, ports: Collection[int]):
        super().__init__(is_https_proto=https, allow_loopback=allow_loopback)
        self.allow_private, self.ports = allow_private, ports

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        if self.allow_private:
            return HTTPAdapter.build_connection_pool_key_attributes(self, request, verify, cert)
        port = urlsplit(request.url).port
        if port is not None and port not in self.ports:  # again here: this is the port urllib3 will dial
            raise InvalidIPAddress(f"port {port}")
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        ip = ipaddress.ip_address(host_params["host"].strip("[]"))
        if is_forbidden(ip, allow_loopback=self._allow_loopback):
            raise InvalidIPAddress(ip)
        return host_params, pool_kwargs
