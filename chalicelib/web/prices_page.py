"""The prices page: a table of our prices and, per product, a chart of our
price against each competitor over time.

Server-rendered HTML with inline SVG and inline CSS: no script, no CDN, so
it works offline and in any browser. Pure: data in, text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from html import escape
from typing import Any

from chalicelib.pricewatch.store import parse_timestamp

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32
PALETTE = ["#d1495b", "#edae49", "#00798c", "#30638e", "#8f2d56", "#66a182", "#003d5b"]
OURS = "#1b4332"


@dataclass(frozen=True)
class Series:
    label: str
    points: list[tuple[datetime, Decimal]]
    colour: str
    ours: bool = False


def render(products: list[dict[str, Any]], generated: datetime) -> str:
    """`products` as views.price_details gives them: each row with its history."""
    body = [
        "<h1>Our prices</h1>",
        f"<p class=muted>{len(products)} product(s) · generated {escape(generated.strftime('%Y-%m-%d %H:%M UTC'))}</p>",
        _table(products),
        *(_product_section(product) for product in products),
    ]
    return _page("\n".join(body))


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p id=empty>No products yet. Add one with <code>PUT /products/{sku}</code>.</p>"
    head = "".join(
        f"<th scope=col>{h}</th>"
        for h in ("SKU", "Product", "Our price", "Lowest competitor", "Last checked", "Flags")
    )
    lines = []
    for row in rows:
        lowest = row["lowest_competitor"]
        competitor = (
            f"{escape(lowest['price'])} {escape(row['currency'])} "
            f"<span class=muted>({escape(lowest['who'] or '?')})</span>"
            if lowest
            else "<span class=muted>none yet</span>"
        )
        flags = " ".join(f"<span class=flag>{escape(flag)}</span>" for flag in row["flags"])
        lines.append(
            f'<tr data-sku="{escape(row["sku"])}"><td><a href="#p-{escape(row["sku"])}">{escape(row["sku"])}</a></td>'
            f"<td>{escape(row['name'])}</td>"
            f"<td class=num><strong>{escape(row['our_price'])}</strong> {escape(row['currency'])}"
            f" <span class=muted>({escape(row['reason'])})</span></td>"
            f"<td class=num>{competitor}</td>"
            f"<td>{escape((row['last_checked'] or '—')[:16].replace('T', ' '))}</td>"
            f"<td>{flags}</td></tr>"
        )
    return f"<table id=prices><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def _product_section(row: dict[str, Any]) -> str:
    series = [
        Series(
            "our price",
            [(parse_timestamp(p["at"]), Decimal(p["price"])) for p in row["our_history"]],
            OURS,
            ours=True,
        )
    ]
    by_site: dict[str, list[tuple[datetime, Decimal]]] = {}
    for seen in row["history"]:
        if seen["price"] is not None and seen["status"] == "ok" and not seen["flags"]:
            by_site.setdefault(seen["who"], []).append(
                (parse_timestamp(seen["at"]), Decimal(seen["price"]))
            )
    for i, (site, points) in enumerate(sorted(by_site.items())):
        series.append(Series(site, points, PALETTE[i % len(PALETTE)]))
    return (
        f'<section id="p-{escape(row["sku"])}" class=product><h2>{escape(row["name"])}'
        f" <span class=muted>{escape(row['sku'])}</span></h2>{chart(series, row['currency'])}"
        f"{_competitors(row)}</section>"
    )


AVAILABILITY = {
    "in_stock": "in stock",
    "out_of_stock": "out of stock",
    None: "availability not said",
}


def _competitors(row: dict[str, Any]) -> str:
    """Each competitor as last seen: price and availability (out of stock moves nothing)."""
    items = []
    for seen in row.get("latest", []):
        price = (
            f"{escape(seen['price'])} {escape(seen.get('currency') or row['currency'])}"
            if seen.get("price")
            else escape(seen["status"])
        )
        stock = seen.get("availability")
        notes = "".join(f" <span class=flag>{escape(n)}</span>" for n in seen.get("notes", []))
        items.append(
            f'<li data-who="{escape(seen["who"] or "")}" data-availability="{escape(stock or "")}">'
            f'<a href="{escape(seen["url"])}" rel="nofollow noreferrer">{escape(seen["who"] or "?")}</a>'
            f' {price} <span class="stock {escape(stock or "unknown")}">{AVAILABILITY.get(stock, "")}</span>{notes}</li>'
        )
    return f"<ul class=competitors>{''.join(items)}</ul>" if items else ""


def chart(series: list[Series], currency: str) -> str:
    """A step chart (prices hold until they change) of every series, with a legend."""
    drawn = [s for s in series if s.points]
    if not drawn:
        return "<p class=muted>No history yet.</p>"
    times = [at for s in drawn for at, _ in s.points]
    prices = [price for s in drawn for _, price in s.points]
    t0, t1 = min(times), max(times)
    low, high = min(prices), max(prices)
    pad = (high - low) * Decimal("0.1") or (high * Decimal("0.05")) or Decimal(1)
    low, high = low - pad, high + pad
    span_t = (t1 - t0).total_seconds() or 1.0
    span_p = float(high - low)

    def x(at: datetime) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (at - t0).total_seconds() / span_t

    def y(price: Decimal) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - float(price - low) / span_p)

    parts = [
        f'<svg class=chart viewBox="0 0 {WIDTH} {HEIGHT}" role=img '
        f'aria-label="price history in {escape(currency)}">',
        f"<line class=axis x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH - RIGHT} y2={HEIGHT - BOTTOM} />",
        f"<line class=axis x1={LEFT} y1={TOP} x2={LEFT} y2={HEIGHT - BOTTOM} />",
    ]
    for tick in (low + pad, (low + high) / 2, high - pad):
        parts.append(
            f"<text class=tick x={LEFT - 6} y={y(tick) + 4:.1f} text-anchor=end>{tick:.2f}</text>"
            f"<line class=grid x1={LEFT} y1={y(tick):.1f} x2={WIDTH - RIGHT} y2={y(tick):.1f} />"
        )
    parts.append(f"<text class=tick x={LEFT} y={HEIGHT - 10}>{t0:%Y-%m-%d}</text>")
    parts.append(
        f"<text class=tick x={WIDTH - RIGHT} y={HEIGHT - 10} text-anchor=end>{t1:%Y-%m-%d}</text>"
    )
    for s in drawn:
        points = sorted(s.points)
        path = [f"M{x(points[0][0]):.1f},{y(points[0][1]):.1f}"]
        for at, price in points[1:]:
            path.append(f"H{x(at):.1f}V{y(price):.1f}")
        path.append(f"H{x(t1):.1f}")
        width = 3 if s.ours else 1.5
        parts.append(
            f'<path class="series{" ours" if s.ours else ""}" data-label="{escape(s.label)}" '
            f'd="{"".join(path)}" stroke="{s.colour}" stroke-width={width} fill=none>'
            f"<title>{escape(s.label)}</title></path>"
        )
        for at, price in points:
            parts.append(
                f'<circle cx={x(at):.1f} cy={y(price):.1f} r=3 fill="{s.colour}">'
                f"<title>{escape(s.label)}: {price} {escape(currency)} at {at:%Y-%m-%d %H:%M}</title></circle>"
            )
    parts.append("</svg>")
    legend = "".join(
        f'<li><span class=swatch style="background:{s.colour}"></span>{escape(s.label)}</li>'
        for s in drawn
    )
    return "".join(parts) + f"<ul class=legend>{legend}</ul>"


def _page(body: str) -> str:
    return f"""<!doctype html>
<html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width, initial-scale=1">
<title>storekeeper · prices</title>
<style>
body{{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f}}
table{{border-collapse:collapse;width:100%;margin:1rem 0 2rem}}
th,td{{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e3e3e3;vertical-align:top}}
th{{font-weight:600;background:#f6f6f6}} .num{{white-space:nowrap}} .muted{{color:#6e6e73;font-weight:400}}
.flag{{display:inline-block;background:#fff4e5;color:#8a4b00;border-radius:4px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.8rem}}
.product{{margin:2rem 0}} .chart{{width:100%;height:auto;max-width:{WIDTH}px}}
.axis{{stroke:#888}} .grid{{stroke:#eee}} .tick{{font-size:11px;fill:#6e6e73}}
.legend{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem}}
.swatch{{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;margin-right:.35rem;vertical-align:-2px}}
.competitors{{list-style:none;padding:0;font-size:.9rem}} .stock.out_of_stock{{color:#b3261e}} .stock.in_stock{{color:#1e7b34}}
</style></head><body>
{body}
</body></html>"""


def wants_html(request: Any) -> bool:
    """?format=html, or a browser's Accept header asking for HTML before JSON."""
    if request is None:
        return False
    fmt = (request.query_params or {}).get("format", "")
    if fmt:
        return bool(fmt.lower() == "html")
    accept = (request.headers or {}).get("accept", "")
    return "text/html" in accept and accept.find("text/html") < (
        accept.find("application/json") if "application/json" in accept else len(accept)
    )
