"""Competitor page addresses: read once and strictly, and judged for where they lead.

The catalogue refuses a URL when it is saved, and the fetcher refuses it
again (and every redirect) before connecting, with these same rules: only
http and https, no credentials, a real host (an IDNA name or an IP literal,
IPv6 in brackets), a valid port. A host may only be reached at a public
address; IPv6 forms that carry an IPv4 address inside (mapped, compatible,
translated, NAT64, 6to4) are judged by that IPv4 address, so
`64:ff9b::a9fe:a9fe` is the metadata service it spells. Pure: no I/O.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_URL = 2000

# IPv6 forms whose last 32 bits are an IPv4 address, judged as that address.
_EMBEDS_IPV4_LOW = (
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated)
    ipaddress.ip_network("::ffff:0:0:0/96"),  # IPv4-translated (SIIT)
    ipaddress.ip_network("64:ff9b::/96"),  # NAT64, the well-known prefix (DNS64 answers)
)
# Refused whatever they carry: the IPv4 inside is obfuscated or placed by the operator.
_REFUSED_V6 = (
    ipaddress.ip_network("2001::/32"),  # Teredo
    ipaddress.ip_network("64:ff9b:1::/48"),  # NAT64 for local use
    ipaddress.ip_network("fec0::/10"),  # site-local (deprecated)
)


class BadUrl(ValueError):
    """Not a web address we can fetch; the message says why."""


@dataclass(frozen=True)
class WebAddress:
    url: str
    scheme: str  # "http" or "https"
    host: str  # ASCII (IDNA), lower case; an IPv6 literal without brackets
    port: int
    target: str  # path and query, as sent in the request line

    @property
    def ip_literal(self) -> bool:
        try:
            ipaddress.ip_address(self.host)
        except ValueError:
            return False
        return True

    @property
    def netloc(self) -> str:
        """host:port as a URL writes it (IPv6 in brackets), the port always shown."""
        return f"{_bracketed(self.host)}:{self.port}"

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = _bracketed(self.host)
        return host if self.port == default else f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.netloc}"


def parse_web_url(url: str) -> WebAddress:
    """A competitor URL, or BadUrl naming what is wrong with it."""
    if not isinstance(url, str) or not url.strip():
        raise BadUrl("is empty")
    if len(url) > MAX_URL:
        raise BadUrl(f"is longer than {MAX_URL} characters")
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:
        raise BadUrl("is not valid text (a lone surrogate)") from None
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url) or " " in url.strip():
        raise BadUrl("must not contain spaces or control characters")
    try:
        parts = urlsplit(url.strip())
        hostname, port = parts.hostname, parts.port
    except ValueError as error:
        raise BadUrl(f"is malformed ({error})") from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise BadUrl("must be an http or https URL with a host")
    if parts.username is not None or parts.password is not None:
        raise BadUrl("must not carry credentials")
    if port == 0:
        raise BadUrl("has port 0")
    host = _ascii_host(hostname)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return WebAddress(
        url.strip(), parts.scheme, host, port or (443 if parts.scheme == "https" else 80), target
    )


def allowlisted(address: WebAddress, allowlist: frozenset[str]) -> bool:
    """FETCH_ALLOWLIST names `host:port` (`[::1]:8080` for IPv6) or a bare host."""
    return address.netloc in allowlist or address.host in allowlist


def forbidden(address: str) -> bool:
    """True unless `address` is a public unicast address (judging any IPv4 inside IPv6)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in _REFUSED_V6):
            return True
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return forbidden(str(inner))
    return not ip.is_global or ip.is_multicast


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in network for network in _EMBEDS_IPV4_LOW):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _ascii_host(hostname: str) -> str:
    if ":" in hostname:  # an IPv6 literal; urlsplit has checked it
        return hostname.split("%", 1)[0].lower()
    try:
        return hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise BadUrl(f"has an invalid host name {hostname[:100]!r}") from None


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
