"""HTTP for the fetcher: one request to an address that was checked, ended by a deadline.

The fetcher decides what to ask and where; this module only talks. Each
request opens its own connection to the IP address the fetcher checked
(so DNS cannot be asked again and answer differently), sends the host's
name for TLS and the Host header, and never follows redirects itself.

A deadline bounds the whole exchange, whatever the server does: socket
timeouts alone do not, because a server that sends a byte a second resets
them forever. A timer shuts the connection's socket at the deadline, which
ends any read in progress.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.urls import WebAddress

CHUNK = 64 * 1024
CONNECT_TIMEOUT = 5.0


class TransportError(Exception):
    """The exchange failed; `permanent` when asking again cannot help (a TLS failure)."""

    def __init__(self, detail: str, *, permanent: bool = False) -> None:
        super().__init__(detail)
        self.permanent = permanent


@dataclass(frozen=True)
class Request:
    address: WebAddress  # what is asked for
    ip: str  # where to connect: the address the fetcher checked
    headers: Mapping[str, str]
    seconds: float  # until the deadline


class Response(Protocol):
    status: int
    headers: Mapping[str, str]  # case-insensitive
    cookies: Sequence[str]  # its Set-Cookie headers, one a cookie

    def chunks(self) -> Iterator[bytes]:
        """The body, content-decoded, as it arrives; raises TransportError when it fails."""
        ...

    def close(self) -> None: ...


class Transport(Protocol):
    def __call__(self, request: Request) -> Response: ...


def http_transport(request: Request) -> Response:
    """The real network, through urllib3."""
    import urllib3

    sockets: list[socket.socket] = []
    address = request.address
    timeout = urllib3.Timeout(
        connect=min(CONNECT_TIMEOUT, request.seconds), read=max(0.001, request.seconds)
    )
    options: dict[str, Any] = {"timeout": timeout, "retries": False, "maxsize": 1}
    if address.scheme == "https":
        pool: Any = urllib3.HTTPSConnectionPool(
            request.ip, address.port, server_hostname=address.host, assert_hostname=address.host,
            cert_reqs="CERT_REQUIRED", **options,
        )  # fmt: skip
        pool.ConnectionCls = _tracked(urllib3.connection.HTTPSConnection, sockets)
    else:
        pool = urllib3.HTTPConnectionPool(request.ip, address.port, **options)
        pool.ConnectionCls = _tracked(urllib3.connection.HTTPConnection, sockets)
    watchdog = threading.Timer(max(0.0, request.seconds), _shut, args=(sockets,))
    watchdog.daemon = True
    watchdog.start()
    try:
        response = pool.urlopen(
            "GET", address.target, headers=dict(request.headers), redirect=False,
            preload_content=False, retries=False,
        )  # fmt: skip
    except urllib3.exceptions.SSLError as error:
        watchdog.cancel()
        raise TransportError(f"TLS failed for {address.host}: {error}", permanent=True) from None
    except (urllib3.exceptions.HTTPError, OSError) as error:
        watchdog.cancel()
        raise TransportError(f"{address.host}: {type(error).__name__}") from None
    return _Urllib3Response(response, watchdog, pool)


class _Urllib3Response:
    def __init__(self, response: Any, watchdog: threading.Timer, pool: Any) -> None:
        self._response = response
        self._watchdog = watchdog
        self._pool = pool
        self.status = int(response.status)
        self.headers: Mapping[str, str] = response.headers
        self.cookies: Sequence[str] = response.headers.getlist("Set-Cookie")

    def chunks(self) -> Iterator[bytes]:
        import urllib3

        try:
            while chunk := self._response.read1(CHUNK, decode_content=True):
                yield chunk
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise TransportError(f"reading the page failed: {type(error).__name__}") from None

    def close(self) -> None:
        self._watchdog.cancel()
        self._response.release_conn()
        self._pool.close()


def _tracked(base: type[Any], sockets: list[socket.socket]) -> type[Any]:
    """The connection class, noting each socket it opens so the deadline can shut it."""

    class Tracked(base):  # type: ignore[misc]
        def _new_conn(self) -> socket.socket:
            sock: socket.socket = super()._new_conn()
            sockets.append(sock)
            return sock

    return Tracked


def _shut(sockets: list[socket.socket]) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):  # already closed: nothing left to end
            sock.shutdown(socket.SHUT_RDWR)
