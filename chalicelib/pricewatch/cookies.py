"""Cookies set while one fetch follows its redirects, sent back where they belong.

Shops often answer a first visit with a redirect to the same page that sets a
session or consent cookie; a client that does not send it back loops until
it gives up. So a fetch keeps what its own hops set, as a browser would,
and forgets it when the fetch ends: nothing follows the bot from page to page.

The standard library's cookie jar decides what goes where (the host or domain
that set a cookie, its path, Secure over https only, expiry), strictly. Set-Cookie headers
are input like any other: how many a response may set, and their size, are capped.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.message import Message
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.request import Request

from chalicelib.urls import WebAddress

MAX_COOKIES = 30  # a response's: a session and a consent cookie are what a redirect needs
MAX_COOKIE_BYTES = 4096  # what browsers keep of one cookie
# Strict about domains: no cookie for a whole country's "co.uk", and an address's
# cookies go back to that address only.
_POLICY = DefaultCookiePolicy(
    strict_domain=True, strict_ns_domain=DefaultCookiePolicy.DomainRFC2965Match
)


class RedirectCookies:
    def __init__(self) -> None:
        self._jar = CookieJar(_POLICY)

    def keep(self, address: WebAddress, set_cookies: Iterable[str]) -> None:
        """Take what a response from `address` set (an expired cookie is a deletion)."""
        headers = Message()
        for line in list(set_cookies)[:MAX_COOKIES]:
            if len(line) <= MAX_COOKIE_BYTES:
                headers["Set-Cookie"] = line
        if headers:
            # The jar reads only a response's info(), which _Response has.
            self._jar.extract_cookies(_Response(headers), _request(address))  # type: ignore[arg-type]

    def header(self, address: WebAddress) -> str | None:
        """The Cookie header for a request to `address`, if it has any cookies."""
        request = _request(address)
        self._jar.add_cookie_header(request)
        return request.get_header("Cookie")


def _request(address: WebAddress) -> Request:
    """The jar's view of a request; never opened (the fetcher checked the address)."""
    return Request(address.url)  # noqa: S310 - http or https only (`urls.parse_web_url`)


class _Response:
    """What the jar reads of a response: its headers."""

    def __init__(self, headers: Message) -> None:
        self._headers = headers

    def info(self) -> Message:
        return self._headers
