"""The fetcher against real HTTP (pytest-httpserver playing the competitor)."""

from __future__ import annotations

import dataclasses
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from chalicelib.config import Settings
from chalicelib.pricewatch.cookies import MAX_COOKIES, RedirectCookies
from chalicelib.pricewatch.fetching import (
    MAX_CRAWL_DELAY,
    MAX_RETRY_AFTER,
    Fetcher,
    HostBusy,
    Permanent,
    Transient,
    _crawl_delay,
    resolve,
)
from chalicelib.pricewatch.http import http_transport
from chalicelib.urls import forbidden, parse_web_url

PAGE = "<html><body><h1>Mug</h1><p class=price>$24.99</p></body></html>"


class Clock:
    """Fake time for the per-host limit: sleeping advances it."""

    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class Slots:
    """The shared per-host limit, as PriceStore.reserve_host keeps it."""

    def __init__(self) -> None:
        self.next_at: dict[str, float] = {}

    def reserve(self, host: str, now: float, interval: float) -> float:
        if self.next_at.get(host, 0.0) <= now:
            self.next_at[host] = now + interval
            return 0.0
        return self.next_at[host] - now


@pytest.fixture
def settings(httpserver: HTTPServer) -> Settings:
    base = Settings.from_env()
    return base._replace(
        fetch_allowlist=frozenset({f"127.0.0.1:{httpserver.port}", f"localhost:{httpserver.port}"}),
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fetcher(settings: Settings, clock: Clock) -> Fetcher:
    return Fetcher(settings, Slots().reserve, clock=clock.time, sleep=clock.sleep)


def robots(httpserver: HTTPServer, text: str | None, status: int = 200) -> None:
    response = Response(text or "", status=status, content_type="text/plain")
    httpserver.expect_request("/robots.txt").respond_with_response(response)


def test_a_page_is_fetched_with_our_user_agent(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request(
        "/mug", headers={"User-Agent": fetcher.settings.bot_user_agent}
    ).respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    page = fetcher.fetch(httpserver.url_for("/mug"))
    assert page.body.decode() == PAGE
    assert page.content_type.startswith("text/html")


def test_gzip_pages_are_decoded(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, None, 404)
    body = gzip.compress(PAGE.encode())
    httpserver.expect_request("/gz").respond_with_response(
        Response(body, headers={"Content-Encoding": "gzip"}, content_type="text/html")
    )
    assert fetcher.fetch(httpserver.url_for("/gz")).body.decode() == PAGE


def test_robots_txt_is_obeyed_and_cached(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, "User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/public").respond_with_data(PAGE, content_type="text/html")
    with pytest.raises(Permanent) as refused:
        fetcher.fetch(httpserver.url_for("/private/mug"))
    assert refused.value.status == "robots-disallowed"
    assert fetcher.fetch(httpserver.url_for("/public")).body
    robots_requests = [r for r, _ in httpserver.log if r.path == "/robots.txt"]
    assert len(robots_requests) == 1


def test_robots_for_our_bot_by_name(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, "User-agent: storekeeper-pricebot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    with pytest.raises(Permanent, match="robots"):
        fetcher.fetch(httpserver.url_for("/anything"))


def test_an_unreachable_robots_txt_means_try_later(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    robots(httpserver, "down", 503)
    with pytest.raises(Transient):
        fetcher.fetch(httpserver.url_for("/mug"))


@pytest.mark.parametrize(
    ("status", "kind", "label"),
    [(404, Permanent, "not-found"), (410, Permanent, "not-found"), (403, Permanent, "http-403"),
     (500, Transient, None), (503, Transient, None), (408, Transient, None)],
)  # fmt: skip
def test_status_codes_are_sorted(
    httpserver: HTTPServer, fetcher: Fetcher, status: int, kind: type[Exception], label: str | None
) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request("/p").respond_with_data("x", status=status, content_type="text/html")
    with pytest.raises(kind) as raised:
        fetcher.fetch(httpserver.url_for("/p"))
    if label:
        assert raised.value.status == label  # type: ignore[attr-defined]


def test_429_passes_on_retry_after(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request("/p").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    with pytest.raises(Transient) as raised:
        fetcher.fetch(httpserver.url_for("/p"))
    assert raised.value.retry_after == 120


def test_redirects_are_followed_five_times_at_most(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    robots(httpserver, None, 404)
    for hop in range(5):  # /a0 -> ... -> /a5: five redirects, then the page
        httpserver.expect_request(f"/a{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/a{hop + 1}"}
        )
    httpserver.expect_request("/a5").respond_with_data(PAGE, content_type="text/html")
    for hop in range(6):  # /b0 -> ... -> /b6: one redirect too many
        httpserver.expect_request(f"/b{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/b{hop + 1}"}
        )
    assert fetcher.fetch(httpserver.url_for("/a0")).final_url.endswith("/a5")
    with pytest.raises(Permanent, match="redirects"):
        fetcher.fetch(httpserver.url_for("/b0"))


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{other}/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{other}/",
        "http://10.0.0.7/",
    ],
)
def test_redirects_to_private_addresses_are_refused(
    httpserver: HTTPServer, fetcher: Fetcher, target: str
) -> None:
    robots(httpserver, None, 404)
    location = target.format(other=httpserver.port + 1)
    httpserver.expect_request("/hop").respond_with_data(
        "", status=301, headers={"Location": location}
    )
    with pytest.raises(Permanent) as raised:
        fetcher.fetch(httpserver.url_for("/hop"))
    assert raised.value.status == "refused"


def test_a_name_resolving_to_a_private_address_is_refused(settings: Settings, clock: Clock) -> None:
    def rebinding_dns(host: str, port: int) -> list[str]:
        return ["10.1.2.3"] if host == "shop.example" else resolve(host, port)

    fetcher = Fetcher(
        settings, Slots().reserve, resolver=rebinding_dns, clock=clock.time, sleep=clock.sleep
    )
    with pytest.raises(Permanent, match="non-public address"):
        fetcher.fetch("https://shop.example/mug")


def test_a_name_with_one_private_address_among_public_ones_is_refused(settings: Settings) -> None:
    fetcher = Fetcher(
        settings, Slots().reserve, resolver=lambda host, port: ["93.184.216.34", "192.168.1.5"]
    )
    with pytest.raises(Permanent, match=r"192\.168\.1\.5"):
        fetcher.fetch("http://shop.example/mug")


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0",  # noqa: S104 - an address to refuse, not to bind
     "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "240.0.0.1",
     # IPv6 forms that carry a private IPv4 address, and ranges refused whole:
     "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, as DNS64 answers on IPv6-only subnets
     "64:ff9b::a00:1", "64:ff9b:1::a9fe:a9fe", "::a9fe:a9fe", "::ffff:0:a9fe:a9fe",
     "2002:a9fe:a9fe::1", "2002:7f00:1::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "fec0::1",
     "fe80::1%eth0"],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert forbidden(address)


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "2606:4700::1111",
     "64:ff9b::5db8:d822", "2002:5db8:d822::1"],  # NAT64 and 6to4 of a public IPv4 address
)  # fmt: skip
def test_public_addresses(address: str) -> None:
    assert not forbidden(address)


@pytest.mark.parametrize(
    "url", ["ftp://shop.example/mug", "file:///etc/passwd", "gopher://x/", "https:///nohost"]
)
def test_only_http_and_https(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(Permanent, match="refused"):
        fetcher.fetch(url)


def test_the_body_cap(httpserver: HTTPServer, settings: Settings, clock: Clock) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    small = Fetcher(
        settings._replace(max_page_bytes=4096), Slots().reserve, clock=clock.time, sleep=clock.sleep
    )
    with pytest.raises(Permanent) as raised:
        small.fetch(httpserver.url_for("/big"))
    assert raised.value.status == "too-large"


def test_not_html_is_refused(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(Permanent) as raised:
        fetcher.fetch(httpserver.url_for("/pdf"))
    assert raised.value.status == "not-html"


def test_one_request_per_second_per_host(
    httpserver: HTTPServer, fetcher: Fetcher, clock: Clock
) -> None:
    robots(httpserver, None, 404)
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    started = clock.now
    for _ in range(3):
        fetcher.fetch(httpserver.url_for("/a"))
    # robots.txt, then three pages: four requests, at least a second apart.
    assert clock.now - started >= 3.0
    assert all(wait <= 1.0 for wait in clock.slept)


def test_a_busy_host_is_a_turn_to_wait_for(settings: Settings, clock: Clock) -> None:
    def busy(host: str, now: float, interval: float) -> float:
        return 30.0

    fetcher = Fetcher(
        settings,
        busy,
        resolver=lambda host, port: ["93.184.216.34"],
        clock=clock.time,
        sleep=clock.sleep,
    )
    with pytest.raises(HostBusy) as raised:
        fetcher.fetch("http://shop.example/mug")
    assert raised.value.wait == 30
    assert clock.slept == []  # too long to wait in place: nothing slept


def test_timeouts_are_transient(httpserver: HTTPServer, settings: Settings) -> None:
    robots(httpserver, None, 404)

    def slow(request: Any) -> Response:
        time.sleep(2)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    impatient = Fetcher(settings._replace(fetch_timeout=1), Slots().reserve)
    with pytest.raises(Transient):
        impatient.fetch(httpserver.url_for("/slow"))


# --- cookies set by redirects ----------------------------------------------------


def cookies_sent(httpserver: HTTPServer, path: str) -> list[str | None]:
    return [r.headers.get("Cookie") for r, _ in httpserver.log if r.path == path]


def test_a_redirect_setting_a_session_cookie_is_followed_with_it(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    """A first visit is sent back to the same page with a session cookie; without
    sending it back, the fetch would loop until it gave up."""
    robots(httpserver, None, 404)
    httpserver.expect_request("/mug", headers={"Cookie": "sid=42; consent=yes"}).respond_with_data(
        PAGE, content_type="text/html"
    )
    httpserver.expect_request("/mug").respond_with_data(
        "", status=302, headers=[("Location", "/mug"),
                                 ("Set-Cookie", "sid=42; Path=/; HttpOnly; SameSite=Lax; Priority=High; Partitioned"),
                                 ("Set-Cookie", "consent=yes; Expires=Wed, 21 Oct 2099 07:28:00 GMT")],
    )  # fmt: skip
    assert fetcher.fetch(httpserver.url_for("/mug")).body.decode() == PAGE
    assert cookies_sent(httpserver, "/mug") == [None, "sid=42; consent=yes"]
    # Kept for one fetch only: the next one starts as a first visit again.
    fetcher.fetch(httpserver.url_for("/mug"))
    assert cookies_sent(httpserver, "/mug")[2] is None


def test_cookies_go_back_only_where_they_belong(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    robots(httpserver, None, 404)
    assert httpserver.url_for("/").startswith("http://localhost:")
    other = f"http://127.0.0.1:{httpserver.port}"  # the same server under another name
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers=[("Location", "/b"), ("Set-Cookie", "here=1"),
                                 ("Set-Cookie", "secure=1; Secure"),
                                 ("Set-Cookie", "elsewhere=1; Domain=shop.example")],
    )  # fmt: skip
    httpserver.expect_request("/b").respond_with_data(
        "", status=302, headers=[("Location", "/c"), ("Set-Cookie", "here=; Max-Age=0"),
                                 ("Set-Cookie", "kept=2")],
    )  # fmt: skip
    httpserver.expect_request("/c").respond_with_data(
        "", status=302, headers={"Location": f"{other}/d"}
    )
    httpserver.expect_request("/d").respond_with_data(PAGE, content_type="text/html")
    assert fetcher.fetch(httpserver.url_for("/a")).body.decode() == PAGE
    # A Secure cookie is not sent over http, nor one for another domain; a deletion deletes.
    assert cookies_sent(httpserver, "/b") == ["here=1"]
    assert cookies_sent(httpserver, "/c") == ["kept=2"]
    assert cookies_sent(httpserver, "/d") == [None]  # another host


def test_what_redirects_set_is_capped_and_checked() -> None:
    www, shop = parse_web_url("https://www.shop.co.uk/p"), parse_web_url("https://shop.co.uk/")
    jar = RedirectCookies()
    jar.keep(www, [f"c{n}=v" for n in range(100)] + ["big=" + "x" * 5000, "bad cookie;;=", "=v"])
    assert len(jar.header(www).split("; ")) == MAX_COOKIES
    jar = RedirectCookies()
    jar.keep(www, ["parent=1; Domain=.shop.co.uk", "country=1; Domain=.co.uk", "old=1; Max-Age=-1"])
    assert jar.header(shop) == jar.header(www) == "parent=1"
    assert jar.header(parse_web_url("https://another.co.uk/")) is None
    jar.keep(
        parse_web_url("http://127.0.0.1/"), ["odd=1; Domain=0.0.1"]
    )  # an address has no parent
    assert jar.header(parse_web_url("http://8.0.0.1/")) is None


# --- robots.txt redirects (RFC 9309 2.3.1.2) ---------------------------------


def test_robots_txt_redirects_are_followed_for_five_hops(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    # http -> another name for the host (as www. or https redirects do) -> four more hops.
    other = f"http://localhost:{httpserver.port}"
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=301, headers={"Location": f"{other}/r1"}
    )
    for hop in range(1, 5):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r5").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/public").respond_with_data(PAGE, content_type="text/html")
    with pytest.raises(Permanent) as refused:
        fetcher.fetch(httpserver.url_for("/private/mug"))
    assert refused.value.status == "robots-disallowed"
    assert fetcher.fetch(httpserver.url_for("/public")).body.decode() == PAGE


def test_more_than_five_robots_redirects_mean_no_robots_txt(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=301, headers={"Location": "/r1"}
    )
    for hop in range(1, 7):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/mug").respond_with_data(PAGE, content_type="text/html")
    assert fetcher.fetch(httpserver.url_for("/mug")).body.decode() == PAGE
    assert not [r for r, _ in httpserver.log if r.path == "/r7"]  # the sixth hop is not asked


def test_a_robots_redirect_to_a_private_address_is_not_followed(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    httpserver.expect_request("/mug").respond_with_data(PAGE, content_type="text/html")
    # Not followed, so robots.txt is unavailable, which RFC 9309 reads as "allow all".
    assert fetcher.fetch(httpserver.url_for("/mug")).body.decode() == PAGE


# --- IPv6 literals and malformed URLs ------------------------------------------


def test_an_ipv6_literal_host_is_fetched(
    httpserver_ipv6: HTTPServer, settings: Settings, clock: Clock
) -> None:
    server = httpserver_ipv6
    robots(server, "User-agent: *\nDisallow: /private/\n")
    server.expect_request("/mug").respond_with_data(PAGE, content_type="text/html")
    allowed = settings._replace(fetch_allowlist=frozenset({f"[::1]:{server.port}"}))
    fetcher = Fetcher(allowed, Slots().reserve, clock=clock.time, sleep=clock.sleep)
    assert fetcher.fetch(f"http://[::1]:{server.port}/mug").body.decode() == PAGE
    with pytest.raises(Permanent, match="robots"):
        fetcher.fetch(f"http://[::1]:{server.port}/private/x")
    [robots_request] = [r for r, _ in server.log if r.path == "/robots.txt"]
    assert robots_request.host == f"[::1]:{server.port}"


def test_a_public_ipv6_literal_passes_the_address_check(
    httpserver_ipv6: HTTPServer, settings: Settings, clock: Clock
) -> None:
    """Checked as the public address it is, connected to as asked: here the local server
    stands in for the internet, reached through the address the fetcher hands the transport."""
    server = httpserver_ipv6
    robots(server, None, 404)
    server.expect_request("/mug").respond_with_data(PAGE, content_type="text/html")
    connected: list[str] = []

    def to_local_server(request: Any) -> Any:
        connected.append(request.ip)
        return http_transport(dataclasses.replace(request, ip="::1"))

    fetcher = Fetcher(
        settings, Slots().reserve, clock=clock.time, sleep=clock.sleep, transport=to_local_server
    )
    page = fetcher.fetch(f"http://[2606:4700::1111]:{server.port}/mug")
    assert page.body.decode() == PAGE
    assert set(connected) == {"2606:4700::1111"}
    with pytest.raises(Permanent, match="not a public address"):
        fetcher.fetch(f"http://[::ffff:10.0.0.1]:{server.port}/mug")


@pytest.mark.parametrize(
    "url",
    ["http://[127.0.0.1]/", "http://[::1/", "http://[zz]/", "http://shop.example:99999/",
     "http://shop.example:-1/", "http://\ud800.example/", "http://user:pw@shop.example/"],
)  # fmt: skip
def test_a_malformed_url_is_a_permanent_refusal(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(Permanent) as raised:
        fetcher.fetch(url)
    assert raised.value.status == "refused"


def test_a_name_resolving_to_nat64_of_the_metadata_service_is_refused(
    settings: Settings, clock: Clock
) -> None:
    fetcher = Fetcher(
        settings, Slots().reserve, resolver=lambda host, port: ["64:ff9b::a9fe:a9fe"],
        clock=clock.time, sleep=clock.sleep,
    )  # fmt: skip
    with pytest.raises(Permanent, match="non-public"):
        fetcher.fetch("http://ipv6-only.example/mug")


# --- one deadline for the whole fetch ------------------------------------------


def test_a_server_trickling_its_body_is_cut_off_at_the_deadline(
    httpserver: HTTPServer, settings: Settings
) -> None:
    robots(httpserver, None, 404)
    stop = threading.Event()

    def trickle(request: Any) -> Response:
        def body() -> Iterator[bytes]:
            yield b"<html>"
            while not stop.wait(0.1):  # a byte every tenth of a second, for as long as asked
                yield b"x"

        return Response(body(), content_type="text/html")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    fetcher = Fetcher(settings._replace(fetch_timeout=1, host_interval=0.0), Slots().reserve)
    started = time.monotonic()
    try:
        with pytest.raises(Transient, match="too long"):
            fetcher.fetch(httpserver.url_for("/trickle"))
    finally:
        stop.set()
    assert time.monotonic() - started < 2.0


def test_a_server_trickling_its_headers_is_cut_off_at_the_deadline(settings: Settings) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n":
                    if stop.wait(0.1):
                        break
                    try:
                        conn.sendall(bytes([byte]))
                    except OSError:
                        break

    threading.Thread(target=serve, daemon=True).start()
    allowed = settings._replace(fetch_timeout=1, fetch_allowlist=frozenset({f"127.0.0.1:{port}"}))
    fetcher = Fetcher(allowed, Slots().reserve)
    started = time.monotonic()
    try:
        with pytest.raises(Transient):
            fetcher.fetch(f"http://127.0.0.1:{port}/mug")
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 2.0


# --- long waits are capped -------------------------------------------------------


@pytest.mark.parametrize("delay", ["100000", "1e300"])
def test_a_huge_crawl_delay_is_capped(httpserver: HTTPServer, fetcher: Fetcher, delay: str) -> None:
    robots(httpserver, f"User-agent: *\nCrawl-delay: {delay}\n")
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    fetcher.fetch(httpserver.url_for("/a"))
    with pytest.raises(HostBusy) as busy:
        fetcher.fetch(httpserver.url_for("/a"))
    assert 1 < busy.value.wait <= MAX_CRAWL_DELAY
    assert fetcher.fetch(httpserver.url_for("/a"), max_wait=MAX_CRAWL_DELAY).body


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(float("inf"), MAX_CRAWL_DELAY), (1e300, MAX_CRAWL_DELAY), (float("nan"), 0.0), (-1, 0.0),
     (None, 0.0), ("2.5", 2.5)],
)  # fmt: skip
def test_crawl_delays_as_read(value: object, seconds: float) -> None:
    assert _crawl_delay(value) == seconds


@pytest.mark.parametrize("delay", ["nan", "-5", "soon"])
def test_an_odd_crawl_delay_means_the_usual_second(
    httpserver: HTTPServer, fetcher: Fetcher, clock: Clock, delay: str
) -> None:
    robots(httpserver, f"User-agent: *\nCrawl-delay: {delay}\n")
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    fetcher.fetch(httpserver.url_for("/a"))
    fetcher.fetch(httpserver.url_for("/a"))
    assert max(clock.slept) <= 1.0


def test_waiting_for_a_crawl_delay_does_not_eat_the_fetch_deadline(
    httpserver: HTTPServer, settings: Settings, clock: Clock
) -> None:
    robots(httpserver, "User-agent: *\nCrawl-delay: 10\n")
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    fetcher = Fetcher(
        settings._replace(fetch_timeout=3), Slots().reserve, clock=clock.time, sleep=clock.sleep
    )
    fetcher.fetch(httpserver.url_for("/a"), max_wait=15)
    assert fetcher.fetch(httpserver.url_for("/a"), max_wait=15).body  # after ten seconds' wait
    assert sum(clock.slept) >= 10


@pytest.mark.parametrize(
    ("header", "expected"),
    [("50000", MAX_RETRY_AFTER), ("120", 120), ("1e300", None), ("-3", None),
     ("{in 90 s}", 90), ("{a minute ago}", 1), ("{in two days}", MAX_RETRY_AFTER)],
)  # fmt: skip
def test_retry_after_is_read_and_capped(
    httpserver: HTTPServer, fetcher: Fetcher, clock: Clock, header: str, expected: int | None
) -> None:
    from email.utils import formatdate

    dates = {"{in 90 s}": 90, "{a minute ago}": -60, "{in two days}": 2 * 86400}
    if header in dates:
        header = formatdate(clock.now + dates[header], usegmt=True)
    robots(httpserver, None, 404)
    httpserver.expect_request("/p").respond_with_data(
        "later", status=429, headers={"Retry-After": header}
    )
    with pytest.raises(Transient) as raised:
        fetcher.fetch(httpserver.url_for("/p"))
    got = raised.value.retry_after
    # A date is counted from the moment of asking, a second (the host's turn) after it was set.
    assert got == expected or (
        got is not None and expected is not None and 0 <= expected - got <= 1
    )
