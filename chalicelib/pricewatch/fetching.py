"""Fetching competitor pages politely and safely.

Polite: a User-Agent naming our bot, robots.txt obeyed (cached per origin,
with its Crawl-delay), at most one request per second per host across every
fetcher (a conditional write in the table), timeouts, a body cap.

Safe: only http and https; every address a host resolves to must be a
public one (no loopback, private, link-local such as 169.254.169.254,
multicast or reserved ranges), checked after DNS resolution and again on
every redirect hop, and the connection is made to the address that was
checked, so a second DNS answer cannot swap it (DNS rebinding). The stage
can allowlist host:port pairs (the local demo's sample shop).

Failures are sorted for the queue: `Transient` ones (timeouts, 5xx, 429)
are worth retrying later; `Permanent` ones (404, robots, refused) are not.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from chalicelib.config import Settings

MAX_REDIRECTS = 5
ROBOTS_TTL = 3600.0
MAX_ROBOTS_BYTES = 512 * 1024
MAX_WAIT_IN_PLACE = 3.0  # longer waits for a host's slot go back to the queue
REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

Resolver = Callable[[str, int], list[str]]
Reserve = Callable[[str, float, float], float]


class Permanent(Exception):
    """The page cannot be had, and asking again will not change that."""

    def __init__(self, status: str, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class Transient(Exception):
    """Worth another try later; `retry_after` seconds when the server said so."""

    def __init__(self, detail: str, retry_after: int | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    body: bytes
    content_type: str


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise Transient(f"cannot resolve {host}: {error.strerror}") from None
    return sorted({str(info[4][0]) for info in infos})


def forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


@dataclass
class Fetcher:
    settings: Settings
    reserve: Reserve  # PriceStore.reserve_host: the shared per-host limit
    resolver: Resolver = resolve
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def fetch(self, url: str) -> Page:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise Permanent("refused", f"not an http(s) URL: {current[:200]}")
            rules = self._robots_for(parts.scheme, parts.hostname, _port(parts))
            if rules is not None and not rules.can_fetch(current, self.settings.bot_user_agent):
                raise Permanent("robots-disallowed", f"robots.txt of {parts.hostname} disallows it")
            delay = rules.crawl_delay(self.settings.bot_user_agent) if rules is not None else None
            response = self._get(
                current, interval=max(self.settings.host_interval, float(delay or 0))
            )
            try:
                if response.status in REDIRECTS and response.headers.get("Location"):
                    current = urljoin(current, response.headers["Location"])
                    continue
                return self._page(url, current, response)
            finally:
                response.release_conn()
        raise Permanent("refused", f"more than {MAX_REDIRECTS} redirects")

    def _page(self, url: str, final_url: str, response: Any) -> Page:
        status = int(response.status)
        if status == 429 or status >= 500 or status == 408:
            raise Transient(f"HTTP {status} from {final_url[:200]}", _retry_after(response))
        if status in (404, 410):
            raise Permanent("not-found", f"HTTP {status}")
        if status >= 300:
            raise Permanent(f"http-{status}", f"HTTP {status}")
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in HTML_TYPES:
            raise Permanent("not-html", f"content type {content_type}")
        body = self._read(response, self.settings.max_page_bytes)
        return Page(url, final_url, body, response.headers.get("Content-Type") or "text/html")

    def _robots_for(self, scheme: str, host: str, port: int) -> Any:
        """Protego rules for an origin, None when it has no robots.txt (RFC 9309: all allowed)."""
        from protego import Protego

        origin = f"{scheme}://{host}:{port}"
        cached = self._robots.get(origin)
        if cached is not None and self.clock() - cached[0] < ROBOTS_TTL:
            return cached[1]
        response = self._get(f"{origin}/robots.txt", interval=self.settings.host_interval)
        try:
            status = int(response.status)
            if 200 <= status < 300:
                text = self._read(response, MAX_ROBOTS_BYTES).decode("utf-8", errors="replace")
                rules: Any = Protego.parse(text)
            elif 400 <= status < 500:
                rules = None  # no robots.txt: everything allowed
            else:
                # RFC 9309: an unreachable robots.txt means "disallow all" for now.
                raise Transient(
                    f"robots.txt of {host} answered HTTP {status}", _retry_after(response)
                )
        finally:
            response.release_conn()
        self._robots[origin] = (self.clock(), rules)
        return rules

    def _get(self, url: str, *, interval: float) -> Any:
        """One GET to the address we checked, after waiting for the host's slot."""
        import urllib3

        parts = urlsplit(url)
        host, port = _ascii_host(parts.hostname or ""), _port(parts)
        address = self._checked_address(host, port)
        self._wait_for_slot(host, interval)
        timeout = urllib3.Timeout(connect=5.0, read=float(self.settings.fetch_timeout))
        headers = {
            "Host": host if port == (443 if parts.scheme == "https" else 80) else f"{host}:{port}",
            "User-Agent": self.settings.bot_user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
        if parts.scheme == "https":
            pool: Any = urllib3.HTTPSConnectionPool(
                address, port, timeout=timeout, server_hostname=host, assert_hostname=host,
                cert_reqs="CERT_REQUIRED", retries=False, maxsize=1,
            )  # fmt: skip
        else:
            pool = urllib3.HTTPConnectionPool(
                address, port, timeout=timeout, retries=False, maxsize=1
            )
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            return pool.urlopen(
                "GET", path, headers=headers, redirect=False, preload_content=False, retries=False
            )
        except urllib3.exceptions.SSLError as error:
            raise Permanent("refused", f"TLS failed for {host}: {error}") from None
        except urllib3.exceptions.HTTPError as error:
            raise Transient(f"{host}: {type(error).__name__}") from None

    def _checked_address(self, host: str, port: int) -> str:
        addresses = self.resolver(host, port)
        if not addresses:
            raise Transient(f"{host} has no address")
        allowed = self.settings.fetch_allowlist
        if f"{host}:{port}" in allowed or host in allowed:
            return addresses[0]
        bad = [a for a in addresses if forbidden(a)]
        if bad:
            raise Permanent("refused", f"{host} resolves to a non-public address ({bad[0]})")
        return addresses[0]

    def _wait_for_slot(self, host: str, interval: float) -> None:
        deadline = self.clock() + MAX_WAIT_IN_PLACE
        while True:
            wait = self.reserve(host, self.clock(), interval)
            if wait <= 0:
                return
            if self.clock() + wait > deadline:
                raise Transient(f"{host} is busy; try again later", retry_after=max(1, round(wait)))
            self.sleep(wait)

    def _read(self, response: Any, limit: int) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise Permanent("too-large", f"{declared} bytes is over the {limit}-byte cap")
        chunks, total = [], 0
        started = self.clock()
        import urllib3

        try:
            for chunk in response.stream(64 * 1024, decode_content=True):
                total += len(chunk)
                if total > limit:
                    raise Permanent("too-large", f"over the {limit}-byte cap")
                if self.clock() - started > self.settings.fetch_timeout:
                    raise Transient("the page took too long to arrive")
                chunks.append(chunk)
        except urllib3.exceptions.HTTPError as error:
            raise Transient(f"reading the page failed: {type(error).__name__}") from None
        return b"".join(chunks)


def _ascii_host(hostname: str) -> str:
    try:
        return hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise Permanent("refused", f"invalid host name {hostname[:100]!r}") from None


def _port(parts: Any) -> int:
    try:
        port = parts.port
    except ValueError:
        raise Permanent("refused", "invalid port") from None
    return int(port or (443 if parts.scheme == "https" else 80))


def _retry_after(response: Any) -> int | None:
    value = response.headers.get("Retry-After", "")
    return min(int(value), 12 * 3600) if value.strip().isdigit() else None
