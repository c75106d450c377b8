"""A page's bytes as the text a browser shows.

Browsers follow the WHATWG encoding rules, and shops rely on them: a byte
order mark, else the charset the server sent, else the one the page declares,
each label read as browsers read it ("iso-8859-1" and "us-ascii" mean
windows-1252, so 0x80 is "€"); else a guess from the bytes and the domain
(Firefox's detector, chardetng), for the older Japanese, Russian or Chinese
shop whose server alone named its charset. One exception: bytes that are valid
UTF-8 are UTF-8, whatever is declared, because declarations lie (templates
copied from elsewhere) and legacy text is almost never valid UTF-8 by chance.
"""

from __future__ import annotations

import codecs
import re

from chalicelib.prices.currency_marks import top_level_domain

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
PRESCAN_BYTES = 4096  # where a page's own declaration is looked for
_TLD = re.compile(r"[a-z0-9-]+")


def decode_html(data: bytes, charset: str | None = None, url: str | None = None) -> str:
    """`charset`: what the server's Content-Type named; `url`: where the page came from."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _legacy(data, charset, url)


def parser_input(data: bytes, charset: str | None = None, url: str | None = None) -> str | bytes:
    """The page as the HTML parser takes it: its own bytes where they are UTF-8, which
    Lexbor reads as UTF-8 (2.5% fewer instructions a page than the same text as a str,
    which it encodes again), else the text `decode_html` gives."""
    if data.startswith(_UTF16_BOMS):
        return decode_html(data, charset, url)
    try:
        data.decode("utf-8")  # the one check Python offers that bytes are UTF-8
    except UnicodeDecodeError:
        return _legacy(data, charset, url)
    return data.removeprefix(codecs.BOM_UTF8)


def _legacy(data: bytes, charset: str | None, url: str | None) -> str:
    """Bytes that are not UTF-8, as the charset named, else declared, else guessed."""
    import webencodings  # only for a page that is not UTF-8

    declared = _META_CHARSET.search(data[:PRESCAN_BYTES])
    for label in (charset, declared.group(1).decode("ascii") if declared else None):
        encoding = webencodings.lookup(label) if label else None
        if encoding is not None and encoding.name != "utf-8":  # "UTF-8" here is a lie
            try:
                return data.decode(encoding.codec_info.name, errors="replace")
            except LookupError:  # a label browsers know and Python does not
                break
    return data.decode(_guess(data, url), errors="replace")


def _guess(data: bytes, url: str | None) -> str:
    """What Firefox would take the page's charset to be (as a Python codec name); the
    domain tips the balance between alike encodings (".pl" makes 0xA3 "Ł", ".uk" "£")."""
    import chardetng_py

    detector = chardetng_py.EncodingDetector()
    detector.feed(data, last=True)
    guess: str = detector.guess(tld=_tld(url), allow_utf8=False)
    return guess


def _tld(url: str | None) -> bytes | None:
    """The domain's last label as chardetng takes it: lower-case ASCII (punycode for "рф")."""
    label = top_level_domain(url)
    try:
        ascii_label = label.encode("idna").decode("ascii") if label else ""
    except UnicodeError:
        return None
    return ascii_label.encode("ascii") if _TLD.fullmatch(ascii_label) else None
