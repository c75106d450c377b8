"""`make bench`: run every benchmark, or those named on the command line."""

from __future__ import annotations

import sys

from bench import (
    change_bench,
    coldstart_bench,
    odd_images,
    other_pages,
    platform_words,
    prices_bench,
    scrape_bench,
    thumbnails_bench,
)

BENCHMARKS = {
    "change": change_bench.run,
    "coldstart": coldstart_bench.run,
    "odd-images": odd_images.run,
    "other-pages": other_pages.run,
    "prices": prices_bench.run,
    "platform-words": platform_words.run,
    "scrape": scrape_bench.run,
    "thumbnails": thumbnails_bench.run,
}


def main(names: list[str]) -> None:
    for name in names or list(BENCHMARKS):
        BENCHMARKS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
