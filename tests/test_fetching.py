"""The fetcher against real HTTP (pytest-httpserver playing the competitor)."""

from __future__ import annotations

import gzip
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from chalicelib.config import Settings
from chalicelib.pricewatch.fetching import Fetcher, Permanent, Transient, forbidden, resolve

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
     "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "240.0.0.1"],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert forbidden(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
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


def test_a_busy_host_sends_the_message_back(settings: Settings, clock: Clock) -> None:
    def busy(host: str, now: float, interval: float) -> float:
        return 30.0

    fetcher = Fetcher(
        settings,
        busy,
        resolver=lambda host, port: ["93.184.216.34"],
        clock=clock.time,
        sleep=clock.sleep,
    )
    with pytest.raises(Transient) as raised:
        fetcher.fetch("http://shop.example/mug")
    assert raised.value.retry_after == 30


def test_timeouts_are_transient(httpserver: HTTPServer, settings: Settings) -> None:
    import time

    robots(httpserver, None, 404)

    def slow(request: Any) -> Response:
        time.sleep(2)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    impatient = Fetcher(settings._replace(fetch_timeout=1), Slots().reserve)
    with pytest.raises(Transient):
        impatient.fetch(httpserver.url_for("/slow"))
