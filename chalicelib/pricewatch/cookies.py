"""Cookies set while one fetch follows its redirects, sent back where they belong.

Shops often answer a first visit with a redirect to the same page that sets a
session or consent cookie; a client that does not send it back loops until
it gives up. So a fetch keeps what its own hops set, as a browser would,
and forgets it when the fetch ends: nothing follows the bot from page to page.

Kept to what such a redirect needs: a cookie goes back to the host that set it
(or, with a Domain attribute naming a parent of that host, to that domain's
hosts), Secure ones over https only; paths are not told apart within one fetch.
Set-Cookie headers are input like any other: their number and size are capped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.cookies import CookieError, SimpleCookie

from chalicelib.urls import WebAddress

MAX_COOKIES = 30
MAX_COOKIE_BYTES = 4096  # what browsers keep of one cookie


@dataclass(frozen=True)
class _Cookie:
    value: str
    domain: str  # the host that set it, or the parent its Domain attribute names
    host_only: bool
    secure: bool


@dataclass
class RedirectCookies:
    now: float  # when the fetch began, to tell expired cookies (seconds since the epoch)
    _kept: dict[tuple[str, str], _Cookie] = field(default_factory=dict)  # (domain, name)

    def keep(self, address: WebAddress, set_cookies: Iterable[str]) -> None:
        """Take what a response's Set-Cookie headers set; an expired cookie is a deletion."""
        for line in list(set_cookies)[:MAX_COOKIES]:
            if len(line) > MAX_COOKIE_BYTES:
                continue
            parsed: SimpleCookie = SimpleCookie()
            try:
                parsed.load(line)
            except CookieError:
                continue  # malformed: a browser would drop it too
            for name, morsel in parsed.items():
                domain = morsel["domain"].lstrip(".").lower()
                host_only = domain in ("", address.host)
                if host_only:
                    domain = address.host
                elif address.ip_literal or "." not in domain or not _within(address.host, domain):
                    continue  # for hosts the one that set it does not belong to
                key = (domain, name)
                if self._expired(morsel["max-age"], morsel["expires"]):
                    self._kept.pop(key, None)
                elif key in self._kept or len(self._kept) < MAX_COOKIES:
                    self._kept[key] = _Cookie(
                        morsel.value, domain, host_only, bool(morsel["secure"])
                    )

    def header(self, address: WebAddress) -> str | None:
        """The Cookie header for a request to `address`, if it has any cookies."""
        pairs = [
            f"{name}={cookie.value}"
            for (_, name), cookie in self._kept.items()
            if (address.host == cookie.domain or not cookie.host_only)
            and _within(address.host, cookie.domain)
            and (address.scheme == "https" or not cookie.secure)
        ]
        return "; ".join(pairs) or None

    def _expired(self, max_age: str, expires: str) -> bool:
        if max_age:
            try:
                return int(max_age) <= 0
            except ValueError:
                pass  # RFC 6265: an unreadable Max-Age is ignored
        if expires:
            try:
                return parsedate_to_datetime(expires).timestamp() <= self.now
            except (TypeError, ValueError):
                return False
        return False


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)
