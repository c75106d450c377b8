"""Competitor prices: reading them off product pages, and repricing against them (pure).

The extraction names are loaded on first use, so the price watch's other
steps (repricing, the price table) never pay for the HTML parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chalicelib.prices.decoding import decode_html
    from chalicelib.prices.extraction import Offer, Price, extract_offer, extract_price

__all__ = ["Offer", "Price", "decode_html", "extract_offer", "extract_price"]


def __getattr__(name: str) -> Any:
    if name == "decode_html":
        from chalicelib.prices import decoding

        return decoding.decode_html
    if name in __all__:
        from chalicelib.prices import extraction

        return getattr(extraction, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
