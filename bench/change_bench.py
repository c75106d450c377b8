"""POST /change through chalice.test.Client: requests/s and p99 per scenario.

The baseline is the tutorial's greedy float handler on the same amounts,
through the same client: the ratio shows what exactness and validation
cost over the framework's floor.
"""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path
from typing import Any

from chalice.test import Client

from bench.timing import Timings, ms, time_each

PROJECT = Path(__file__).resolve().parent.parent
REQUESTS = 2000

USD_DRAWER_VALUES = ["100", "50", "20", "10", "5", "1", "0.25", "0.10", "0.05", "0.01"]
NON_CANONICAL = ["0.01", "0.03", "0.04", "0.07", "0.25", "1", "3", "7", "20", "33"]


def scenarios(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    return {
        "USD amounts": [
            {"amount": f"{rng.randint(0, 100_000) / 100:.2f}"} for _ in range(REQUESTS)
        ],
        "non-canonical set at 1e9": [
            {
                "amount": f"{1_000_000_000 - rng.randint(0, 99_999) / 100:.2f}",
                "denominations": NON_CANONICAL,
            }
            for _ in range(REQUESTS)
        ],
        "10-denomination drawer": [
            {
                "amount": f"{rng.randint(1, 50_000) / 100:.2f}",
                "drawer": {v: rng.randint(3, 40) for v in USD_DRAWER_VALUES},
            }
            for _ in range(REQUESTS)
        ],
    }


def _poster(client: Client) -> Any:
    headers = {"Content-Type": "application/json"}

    def post(body: dict[str, Any]) -> int:
        return int(client.http.post("/change", headers=headers, body=json.dumps(body)).status_code)

    return post


def run() -> None:
    from app import app
    from bench.baselines.tutorial_change import app as tutorial

    logging.disable(logging.INFO)  # refusals are logged per request; not what is measured
    ours = _poster(Client(app, stage_name="local", project_dir=str(PROJECT)))
    floor = _poster(Client(tutorial, project_dir=str(PROJECT / "bench")))
    print("\n== POST /change through chalice.test.Client ==")
    header = f"{'scenario':28} {'req/s':>8} {'p50':>9} {'p99':>9} {'max':>9}"
    print(f"{header} {'tutorial req/s':>15} ratio")
    for name, bodies in scenarios(random.Random(7)).items():
        statuses = [ours(b) for b in bodies[:50]]  # warm up, and show what the answers were
        mine = time_each(ours, bodies)
        base: Timings = time_each(floor, [{"amount": float(b["amount"])} for b in bodies])
        print(
            f"{name:28} {mine.per_second:8.0f} {ms(mine.percentile(0.5)):>9} "
            f"{ms(mine.percentile(0.99)):>9} {ms(max(mine.seconds)):>9} "
            f"{base.per_second:15.0f} {mine.per_second / base.per_second:.2f}x"
            f"   (statuses {sorted(set(statuses))})"
        )
