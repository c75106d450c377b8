"""Competitor prices: reading them off product pages, and repricing against them (pure)."""

from chalicelib.prices.extraction import Price, decode_html, extract_price

__all__ = ["Price", "decode_html", "extract_price"]
