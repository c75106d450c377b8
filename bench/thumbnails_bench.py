"""render_thumbnails against the tutorial handler and pyvips, each in its own process.

Prints photos/s and working memory per contender, and storekeeper's ratios.
The draft-decode floor is what decoding alone costs (JPEG decoded at the
reduced scale the largest thumbnail needs): no thumbnailer can beat it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.photos_corpus import photos

PROJECT = Path(__file__).resolve().parent.parent
CONTENDERS = ("storekeeper", "tutorial", "pyvips", "draft_decode")
LABELS = {
    "storekeeper": "storekeeper: 1200+480+160, progressive JPEG",
    "tutorial": "tutorial: one half-size copy",
    "pyvips": "pyvips thumbnail_buffer: 1200+480+160",
    "draft_decode": "floor: JPEG draft decode only",
}
ROUNDS = 2


def _worker(*args: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-m", "bench.thumbnails_worker", *args],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(output))


def run() -> None:
    corpus = photos()
    print(f"\n== thumbnails: {len(corpus)} real photos of 1-24 MP, {ROUNDS} rounds ==")
    speed = {name: _worker("timing", name, str(ROUNDS)) for name in CONTENDERS}
    memory: dict[str, list[float]] = {}
    with ThreadPoolExecutor(2) as pool:
        for name in CONTENDERS:
            runs = pool.map(lambda p, n=name: _worker("memory", n, str(p)), corpus)
            memory[name] = [r["working_memory"] / 2**20 for r in runs]
    rate = {name: r["photos"] / r["seconds"] for name, r in speed.items()}
    print(f"{'contender':46} {'photos/s':>9} {'memory max':>11} {'median':>8}")
    for name in CONTENDERS:
        print(
            f"{LABELS[name]:46} {rate[name]:9.2f} {max(memory[name]):9.1f}MB"
            f" {statistics.median(memory[name]):6.1f}MB"
        )
    ours_max, tutorial_max = max(memory["storekeeper"]), max(memory["tutorial"])
    per_photo = [
        ours / theirs
        for ours, theirs in zip(memory["storekeeper"], memory["tutorial"], strict=True)
        if theirs
    ]
    print(
        f"speed vs tutorial      {rate['storekeeper'] / rate['tutorial']:.2f}x  (target >= 1.25x)"
    )
    print(f"speed vs pyvips        {rate['storekeeper'] / rate['pyvips']:.2f}x  (target >= 1.00x)")
    print(f"speed vs decode floor  {rate['storekeeper'] / rate['draft_decode']:.2f}x")
    print(
        f"memory vs tutorial     {ours_max / tutorial_max:.2f}x at the peak, "
        f"{statistics.median(per_photo):.2f}x per photo (median)"
    )
    floor_max = max(memory["draft_decode"])
    print(
        f"memory vs decode floor {ours_max / floor_max:.2f}x at the peak "
        f"({ours_max:.1f} MB against the floor's {floor_max:.1f} MB)  (target <= 1.15x)"
    )
