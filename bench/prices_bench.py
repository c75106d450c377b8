"""extract_price against extruct alone: accuracy and pages/s, in one run.

Always on the project's own page corpus (tests/price_pages). Set
PRICE_BENCHMARK_DIR to a directory holding a `ground-truth.json` and
`html/<id>.html.gz` (the layout of Zyte's public product-extraction
benchmark) to score real pages too; prices there are compared as decimals.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench.timing import Timings

PROJECT = Path(__file__).resolve().parent.parent
ROUNDS = 3

Case = tuple[bytes, str | None, set[Decimal]]  # html, url, accepted prices (empty: no price)


def own_corpus() -> list[Case]:
    pages = PROJECT / "tests" / "price_pages"
    expected = json.loads((pages / "expected.json").read_text())
    return [
        (
            (pages / name).read_bytes(),
            case["url"],
            {Decimal(case["price"])} if case["price"] else set(),
        )
        for name, case in sorted(expected.items())
    ]


def external_corpus(root: Path) -> list[Case]:
    truth = json.loads((root / "ground-truth.json").read_text())
    return [
        (
            gzip.open(root / "html" / f"{key}.html.gz").read(),
            entry.get("url"),
            {Decimal(value) for value in entry.get("price", [])},
        )
        for key, entry in sorted(truth.items())
    ]


def score(
    extract: Callable[[bytes, str | None], Decimal | None], corpus: list[Case]
) -> tuple[float, float, Timings]:
    """(F1, plain accuracy, per-page timings)."""
    tp = fp = fn = right = 0
    seconds = []
    for html, url, accepted in corpus:
        started = time.perf_counter()
        found = extract(html, url)
        seconds.append(time.perf_counter() - started)
        if found is not None and found in accepted:
            tp += 1
        else:
            fp += found is not None
            fn += bool(accepted)
        right += (found in accepted) if accepted else (found is None)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, right / len(corpus), Timings(seconds)


def run() -> None:
    from bench.baselines import extruct_price
    from chalicelib.prices import extract_price

    logging.disable(logging.WARNING)

    def ours(html: bytes, url: str | None) -> Decimal | None:
        found = extract_price(html, url)
        return found.amount if found else None

    corpora = {"own corpus (tests/price_pages)": own_corpus()}
    external = os.environ.get("PRICE_BENCHMARK_DIR")
    if external:
        corpora[f"external ({Path(external).name})"] = external_corpus(Path(external))
    print("\n== price extraction: storekeeper vs extruct alone ==")
    for name, corpus in corpora.items():
        for extractor in (ours, extruct_price.extract_price):
            score(extractor, corpus[:3])  # warm up imports
        mine = [score(ours, corpus) for _ in range(ROUNDS)]
        base = [score(extruct_price.extract_price, corpus) for _ in range(ROUNDS)]
        rate = max(m[2].per_second for m in mine)
        base_rate = max(b[2].per_second for b in base)
        print(f"{name}: {len(corpus)} pages")
        print(f"  storekeeper  F1 {mine[0][0]:.3f}  accuracy {mine[0][1]:.3f}  {rate:7.1f} pages/s")
        print(
            f"  extruct      F1 {base[0][0]:.3f}  accuracy {base[0][1]:.3f}  {base_rate:7.1f} pages/s"
        )
        print(f"  speed ratio  {rate / base_rate:.2f}x")
