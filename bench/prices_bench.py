"""extract_offer against extruct alone: price and availability, and pages/s, in one run.

Always on the project's own page corpus (tests/price_pages, written for the
rules: tuned on). Set PRICE_BENCHMARK_DIR to a directory holding a
`ground-truth.json` and `html/<id>.html.gz` (the layout of Zyte's public
product-extraction benchmark) to score real pages too, split in two by page
id: the first half was used to tune the rules, the second never was (its
failures were not looked at), and the second half's figure is the one that
counts.

Set PRICE_FATHOM_DIR to a checkout of swathiiyer2/fathom-products (72 US shop
pages saved in 2017 for Mozilla Fathom's product rules, each with the element
holding its price; `fathom_prices.json` holds the amounts read from those
elements) to score them too: its training split was tuned on, its test split
never was. These pages say nothing of availability.

Scoring follows the benchmark's F1 (a wrong answer is a false positive and
a false negative). Its ground truth writes some prices as the page groups
them ("23.450" for 23450 rupees, "24.99" for $24.990 in Chile, where the
dot groups thousands): those are read as the page shows them.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from bench.timing import Timings

PROJECT = Path(__file__).resolve().parent.parent
ROUNDS = 3
ZERO_DECIMAL = {"CLP", "COP", "PYG", "ISK", "HUF", "JPY", "KRW", "IDR", "VND", "TWD"}
# Published on the benchmark's page (F1, 140 pages) for comparison.
PUBLISHED = {
    "price": {"Zyte": 0.918, "Diffbot": 0.824, "extruct": 0.685},
    "availability": {"Zyte": 0.957, "Diffbot": 0.943, "extruct": 0.626},
}
AVAILABILITY = {"InStock": "in_stock", "OutOfStock": "out_of_stock"}


FATHOM_TUNED = "product_classification_training_data"
FATHOM_UNSEEN = "product_classification_test_data"
UNLABELLED = "unlabelled"  # a page whose availability the corpus does not say


class Case(NamedTuple):
    html: bytes
    url: str | None
    prices: set[Decimal]  # accepted answers; empty: the page shows no price
    availability: str | None


class Found(NamedTuple):
    amount: Decimal | None
    currency: str | None
    availability: str | None


def own_corpus() -> list[Case]:
    pages = PROJECT / "tests" / "price_pages"
    expected = json.loads((pages / "expected.json").read_text())
    return [
        Case(
            (pages / name).read_bytes(),
            case["url"],
            {Decimal(case["price"])} if case["price"] else set(),
            case.get("availability", UNLABELLED),
        )
        for name, case in sorted(expected.items())
    ]


def external_corpus(root: Path) -> list[Case]:
    truth = json.loads((root / "ground-truth.json").read_text())
    return [
        Case(
            gzip.open(root / "html" / f"{key}.html.gz").read(),
            entry.get("url"),
            {value for text in entry.get("price", []) for value in _readings(text)},
            AVAILABILITY.get((entry.get("availability") or [None])[0]),
        )
        for key, entry in sorted(truth.items())
    ]


def fathom_corpus(root: Path) -> dict[str, list[Case]]:
    """The fathom-products pages by split, priced as `fathom_prices.json` says."""
    labels = json.loads((Path(__file__).parent / "fathom_prices.json").read_text())
    splits: dict[str, list[Case]] = {}
    for page, amount in sorted(labels.items()):
        split = page.split("/")[0]
        source = root / page / "source.html"
        if not source.exists():  # mirrors that leave out large files lack a few pages
            print(f"fathom-products: {page} has no source.html in this checkout; left out")
            continue
        html = source.read_bytes()
        splits.setdefault(split, []).append(Case(html, None, {Decimal(amount)}, UNLABELLED))
    return splits


def _readings(text: str) -> set[Decimal]:
    """The ground truth's text, and its reading with thousands grouped ("23.450" -> 23450)."""
    readings = {Decimal(text)}
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        readings.add(Decimal(re.sub(r"[.,]", "", text)))
    return readings


def f1(pairs: list[tuple[object, object]]) -> float:
    """(found, expected) pairs; a wrong answer counts as a false positive and a false negative."""
    tp = sum(1 for found, expected in pairs if found is not None and found == expected)
    fp = sum(1 for found, expected in pairs if found is not None and found != expected)
    fn = sum(1 for found, expected in pairs if expected is not None and found != expected)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def right_where_stated(pairs: list[tuple[object, object]]) -> float:
    """The issue's availability figure: right on the pages that state it."""
    stated = [(found, expected) for found, expected in pairs if expected is not None]
    return sum(found == expected for found, expected in stated) / len(stated) if stated else 0.0


def score(extract: Callable[[bytes, str | None], Found], corpus: list[Case]) -> dict[str, float]:
    prices, stock, seconds = [], [], []
    for case in corpus:
        started = time.perf_counter()
        found = extract(case.html, case.url)
        seconds.append(time.perf_counter() - started)
        amount = found.amount
        if amount is not None and found.currency in ZERO_DECIMAL and amount / 1000 in case.prices:
            amount = amount / 1000  # the ground truth read '$24.990' as 24.99
        expected = amount if amount in case.prices else next(iter(case.prices), None)
        prices.append((amount, expected))
        if case.availability != UNLABELLED:
            stock.append((found.availability, case.availability))
    return {
        "price_f1": f1(prices),
        "availability_f1": f1(stock),
        "availability_right": right_where_stated(stock),
        "sold_out_found": sum(f == e == "out_of_stock" for f, e in stock),
        "sold_out_pages": sum(e == "out_of_stock" for _, e in stock),
        "stating": len(stock),
        "pages_per_second": Timings(seconds).per_second,
        "largest_mb": max(len(case.html) for case in corpus) / 1e6,
    }


def run() -> None:
    from bench.baselines import extruct_price
    from chalicelib.prices import extract_offer

    logging.disable(logging.WARNING)

    def ours(html: bytes, url: str | None) -> Found:
        offer = extract_offer(html, url)
        return Found(offer.amount, offer.currency, offer.availability)

    def extruct_alone(html: bytes, url: str | None) -> Found:
        return Found(*extruct_price.extract_offer(html, url))

    corpora = {"own pages (tuned on)": own_corpus()}
    external = os.environ.get("PRICE_BENCHMARK_DIR")
    if external:
        pages = external_corpus(Path(external))
        half = len(pages) // 2
        corpora["benchmark, first half (tuned on)"] = pages[:half]
        corpora["benchmark, second half (never tuned on)"] = pages[half:]
        corpora["benchmark, all pages"] = pages
    fathom = os.environ.get("PRICE_FATHOM_DIR")
    if fathom:
        splits = fathom_corpus(Path(fathom))
        corpora["fathom-products, training split (tuned on)"] = splits[FATHOM_TUNED]
        corpora["fathom-products, test split (never tuned on)"] = splits[FATHOM_UNSEEN]
    print("\n== price extraction: storekeeper vs extruct alone ==")
    for name, corpus in corpora.items():
        for extractor in (ours, extruct_alone):
            score(extractor, corpus[:3])  # warm up imports
        mine = [score(ours, corpus) for _ in range(ROUNDS)]
        base = [score(extruct_alone, corpus) for _ in range(ROUNDS)]
        rate = max(m["pages_per_second"] for m in mine)
        base_rate = max(b["pages_per_second"] for b in base)
        print(f"{name}: {len(corpus)} pages, the largest {mine[0]['largest_mb']:.1f} MB")
        for label, result, speed in (
            ("storekeeper", mine[0], rate),
            ("extruct", base[0], base_rate),
        ):
            stock = (
                f"availability F1 {result['availability_f1']:.3f} (right on "
                f"{result['availability_right']:.1%} of pages stating it; out of stock found on "
                f"{result['sold_out_found']} of {result['sold_out_pages']})"
                if result["stating"]
                else "availability not labelled"
            )
            print(f"  {label:12} price F1 {result['price_f1']:.3f}  {stock}  {speed:6.1f} pages/s")
        print(f"  speed ratio  {rate / base_rate:.2f}x")
    published = ", ".join(
        f"{attribute} " + " ".join(f"{who} {value}" for who, value in figures.items())
        for attribute, figures in PUBLISHED.items()
    )
    print(f"published F1 on the whole benchmark: {published}")
