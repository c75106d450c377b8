"""Fetching competitor pages politely and safely.

Polite: a User-Agent naming our bot, robots.txt obeyed (cached per origin,
redirects followed as RFC 9309 says, its Crawl-delay honoured up to a
cap), at most one request per second per host across every fetcher (a
conditional write in the table), a body cap, and one deadline for the
whole fetch: robots.txt, redirects and the body together.

Safe: only http and https; every address a host resolves to must be a
public one (`urls.forbidden`), checked after DNS resolution and again on
every redirect hop (robots.txt's included), and the connection is made to
the address that was checked, so a second DNS answer cannot swap it (DNS
rebinding). The stage can allowlist host:port pairs (the local demo's
sample shop).

Failures are sorted for the queue: `Transient` ones (timeouts, 5xx, 429)
are worth retrying later; `HostBusy` means the host's turn has not come;
`Permanent` ones (404, robots, refused, malformed) are not worth asking again.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from chalicelib.config import Settings
from chalicelib.pricewatch.cookies import RedirectCookies
from chalicelib.pricewatch.http import Request, Response, Transport, TransportError, http_transport
from chalicelib.urls import BadUrl, WebAddress, allowlisted, forbidden, parse_web_url

MAX_REDIRECTS = 5  # for pages, and for robots.txt as RFC 9309 asks (at least five)
ROBOTS_TTL = 3600.0
MAX_ROBOTS_BYTES = 512 * 1024
MAX_WAIT_IN_PLACE = 10.0  # per fetch, robots.txt and redirects included; longer: HostBusy
MAX_CRAWL_DELAY = 30.0  # a Crawl-delay above this is read as this (a night has 21,600 s)
MAX_RETRY_AFTER = 3600  # a Retry-After above this is read as this
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


class HostBusy(Transient):
    """The host's next request slot is `wait` seconds away: a turn to wait for, not a failure."""

    def __init__(self, host: str, wait: float) -> None:
        super().__init__(f"{host} is busy for {wait:.1f} s", retry_after=max(1, round(wait)))
        self.wait = wait


@dataclass
class _Budget:
    """One fetch's time: waiting for the host's turns, and the network's deadline.

    Waiting for a turn does not count against the deadline (a Crawl-delay
    may be longer than FETCH_TIMEOUT_SECONDS); both are bounded.
    """

    deadline: float  # for the network, pushed back by each wait
    wait_left: float  # seconds of waiting for turns still allowed


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


@dataclass
class Fetcher:
    settings: Settings
    reserve: Reserve  # PriceStore.reserve_host: the shared per-host limit
    resolver: Resolver = resolve
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    transport: Transport = http_transport
    _robots: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def fetch(
        self, url: str, *, max_wait: float = MAX_WAIT_IN_PLACE, within: float | None = None
    ) -> Page:
        """The page at `url`, within FETCH_TIMEOUT_SECONDS (or `within` seconds) all told.

        Waits up to `max_wait` seconds for the host's turn, then raises HostBusy.
        """
        seconds = self.settings.fetch_timeout if within is None else within
        budget = _Budget(self.clock() + min(self.settings.fetch_timeout, seconds), max_wait)
        current = _parsed(url)
        cookies = RedirectCookies()
        for _hop in range(MAX_REDIRECTS + 1):
            rules = self._robots_for(current, budget)
            agent = self.settings.bot_user_agent
            if rules is not None and not rules.can_fetch(current.url, agent):
                raise Permanent("robots-disallowed", f"robots.txt of {current.host} disallows it")
            delay = _crawl_delay(rules.crawl_delay(agent) if rules is not None else None)
            interval = max(self.settings.host_interval, delay)
            response = self._get(current, budget, interval=interval, cookie=cookies.header(current))
            try:
                cookies.keep(current, response.cookies)
                location = response.headers.get("Location")
                if response.status in REDIRECTS and location:
                    current = _parsed(urljoin(current.url, location))
                    continue
                return self._page(url, current, response, budget.deadline)
            finally:
                response.close()
        raise Permanent("refused", f"more than {MAX_REDIRECTS} redirects")

    def _page(self, url: str, final: WebAddress, response: Response, deadline: float) -> Page:
        status = response.status
        if status == 429 or status >= 500 or status == 408:
            raise Transient(
                f"HTTP {status} from {final.url[:200]}", _retry_after(response, self.clock())
            )
        if status in (404, 410):
            raise Permanent("not-found", f"HTTP {status}")
        if status >= 300:
            raise Permanent(f"http-{status}", f"HTTP {status}")
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in HTML_TYPES:
            raise Permanent("not-html", f"content type {content_type}")
        body = self._read(response, self.settings.max_page_bytes, deadline)
        return Page(url, final.url, body, response.headers.get("Content-Type") or "text/html")

    def _robots_for(self, page: WebAddress, budget: _Budget) -> Any:
        """Protego rules for an origin, None when it has none (RFC 9309: all allowed)."""
        from protego import Protego

        origin = page.origin
        cached = self._robots.get(origin)
        if cached is not None and self.clock() - cached[0] < ROBOTS_TTL:
            return cached[1]
        rules: Any = None
        current = _parsed(f"{origin}/robots.txt")
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                response = self._get(current, budget, interval=self.settings.host_interval)
            except Permanent:
                break  # a redirect to where we may not go: as if there were no robots.txt
            try:
                status = response.status
                location = response.headers.get("Location")
                if status in REDIRECTS and location:
                    try:
                        current = _parsed(urljoin(current.url, location))
                    except Permanent:
                        break
                    continue
                if 200 <= status < 300:
                    text = self._read(response, MAX_ROBOTS_BYTES, budget.deadline)
                    rules = Protego.parse(text.decode("utf-8", errors="replace"))
                elif not 400 <= status < 500:
                    # RFC 9309: an unreachable robots.txt means "disallow all" for now.
                    raise Transient(
                        f"robots.txt of {page.host} answered HTTP {status}",
                        _retry_after(response, self.clock()),
                    )
                break
            finally:
                response.close()
        # More than five redirects, or a 4xx: unavailable, so everything is allowed.
        self._robots[origin] = (self.clock(), rules)
        return rules

    def _get(
        self, address: WebAddress, budget: _Budget, *, interval: float, cookie: str | None = None
    ) -> Response:
        """One GET to the address we checked, after waiting for the host's turn."""
        ip = self._checked_address(address)
        waited = self._wait_for_turn(address.host, interval, budget.wait_left)
        budget.wait_left -= waited
        budget.deadline += waited
        left = budget.deadline - self.clock()
        if left <= 0:
            raise Transient(f"{address.host}: the fetch ran out of time")
        headers = {
            "Host": address.host_header,
            "User-Agent": self.settings.bot_user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
        if cookie:
            headers["Cookie"] = cookie
        try:
            return self.transport(Request(address, ip, headers, left))
        except TransportError as error:
            if error.permanent:
                raise Permanent("refused", str(error)) from None
            raise Transient(str(error)) from None

    def _checked_address(self, address: WebAddress) -> str:
        host, port = address.host, address.port
        listed = allowlisted(address, self.settings.fetch_allowlist)
        if address.ip_literal:
            if forbidden(host) and not listed:
                raise Permanent("refused", f"{host} is not a public address")
            return host
        addresses = self.resolver(host, port)
        if not addresses:
            raise Transient(f"{host} has no address")
        bad = [a for a in addresses if forbidden(a)]
        if bad and not listed:
            raise Permanent("refused", f"{host} resolves to a non-public address ({bad[0]})")
        return addresses[0]

    def _wait_for_turn(self, host: str, interval: float, max_wait: float) -> float:
        """Seconds waited until the host's turn came; HostBusy if it would take over `max_wait`."""
        waited = 0.0
        while True:
            wait = self.reserve(host, self.clock(), interval)
            if wait <= 0:
                return waited
            if waited + wait > max_wait:
                raise HostBusy(host, wait)
            self.sleep(wait)
            waited += wait

    def _read(self, response: Response, limit: int, deadline: float) -> bytes:
        declared = response.headers.get("Content-Length") or ""
        if declared.isdigit() and int(declared) > limit:
            raise Permanent("too-large", f"{declared} bytes is over the {limit}-byte cap")
        chunks, total = [], 0
        try:
            for chunk in response.chunks():
                total += len(chunk)
                if total > limit:
                    raise Permanent("too-large", f"over the {limit}-byte cap")
                if self.clock() > deadline:
                    break
                chunks.append(chunk)
        except TransportError as error:
            if self.clock() < deadline:
                raise Transient(str(error)) from None
        if self.clock() >= deadline:  # cut off (the transport ends its reads at the deadline)
            raise Transient("the page took too long to arrive")
        return b"".join(chunks)


def _parsed(url: str) -> WebAddress:
    try:
        return parse_web_url(url)
    except BadUrl as error:
        raise Permanent("refused", f"{url[:200]!r} {error}") from None


def _crawl_delay(value: object) -> float:
    """A robots.txt Crawl-delay as seconds to keep between requests: finite, capped."""
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    if seconds != seconds or seconds <= 0:  # NaN, or nothing to wait
        return 0.0
    return min(seconds, MAX_CRAWL_DELAY)


def _retry_after(response: Response, now: float) -> int | None:
    """Retry-After in seconds (a number or an HTTP date), capped; None when absent or odd."""
    value = (response.headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return min(int(value), MAX_RETRY_AFTER)
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    seconds = round(when.timestamp() - now)
    return min(max(1, seconds), MAX_RETRY_AFTER)
