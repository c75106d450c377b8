"""Availability on other projects' saved product pages: a third set never tuned on.

Public scrapers and stock watchers keep product pages as their shops served them, as
test fixtures, and their tests or file names say whether each was in stock. Twelve, from
five shops (three US retailers, a Danish and a Norwegian one; six in stock, six sold
out), were gathered in the thirty-seventh round; a Taiwanese WooCommerce shop's two (one
of each) in the forty-seventh; an Egyptian computer shop's twenty (nineteen in stock,
one sold out, as its project's tests and file names say) in the fifty-first, with a US
stock watcher's five of Best Buy, Newegg and Walmart (three in stock, two sold out).
They are read as an aggregate only: no page has been looked at, and no rule may come
from them. Trimmed fixtures (a few hundred bytes cut from a page by hand) are left out;
so are pages their projects call neither.

Set OTHER_PAGES_DIR to a directory holding checkouts of the repositories below, each in
a folder named as its repository (without its owner).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from bench.checkouts import checkouts
from chalicelib.prices import extract_offer
from chalicelib.prices.stock.text import IN_STOCK, OUT_OF_STOCK


class SavedPage(NamedTuple):
    repository: str  # owner/name
    commit: str
    path: str
    url: str  # as the project's test or README gives it
    expected: str


_IRONSCOUT = ("jeb-scarbrough/IronScout", "e64e5f3")
_ADAPTERS = "apps/harvester/src/scraper/adapters"
_KIDS_WORLD = ("thaytharma/kids-world-stock-bot", "4635edc")
_KIDS_WORLD_URL = (
    "https://www.kids-world.dk/leander-luna-ombygningssaet-til-babyseng-140-cm-hvid-p-261365.html"
)
_CS_URL = "https://www.csmegastore.no/i/24512506/ombyggingssett-til-luna-babyseng-140-cm-hvit"
_WAGASHI = ("bluehaha/food-reminder", "9d2ff3c")
_WAGASHI_URL = "https://www.wagashi.com.tw/product/test/"
_STOCKSTALKER = ("barrycarey/StockStalker", "5c01def")
_STOCKSTALKER_PAGES = "tests/example_pages"
_BUILDSENSE = ("NourEldeenMahmoud/BuildSense", "e6dab8b")
_SIGMA = "fixtures/sigma/product-pages"
_SIGMA_URL = "https://sigma-computer.com/en/item"  # each page's own id follows as ?id=
_SIGMA_IN_STOCK = (
    "acer-predator-gp30-2tb-variant", "aerocool-p500d", "amd-ryzen-7-9700x",
    "amd-ryzen-7-9850x3d", "antec-flux-m", "corsair-vengeance-16gb-lpx-3200",
    "fighter-a62-bundle", "gigabyte-x870e-aorus-master-x3d", "id-cooling-frozn-a620",
    "intel-ultra-5-225f-bundle", "klevv-bolt-v-32gb-ddr5-6400", "msi-mag-b850m-mortar-wifi",
    "msi-rtx-3050-ventus-2x", "msi-rtx-5070-shadow-2x", "redragon-rm112-128gb",
    "seasonic-core-bc-850", "seasonic-core-gc-850", "transcend-esd310-512gb",
    "xigmatek-aero-dgt-360",
)  # fmt: skip

PAGES = (
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/brownells/__tests__/fixtures/in-stock.html",
              "https://www.brownells.com/ammunition/shotgun-ammunition/top-gun-light-ammo-12-gauge-2-34-1-18-oz-8-shot/",
              IN_STOCK),
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/brownells/__tests__/fixtures/out-of-stock.html",
              "https://www.brownells.com/ammunition/handgun-ammunition/blazer-brass-9mm-luger-handgun-ammo/",
              OUT_OF_STOCK),
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/midwayusa/__tests__/fixtures/in-stock.html",
              "https://www.midwayusa.com/product/100155156?pid=186680", IN_STOCK),
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/midwayusa/__tests__/fixtures/out-of-stock.html",
              "https://www.midwayusa.com/product/1023281272?pid=520053", OUT_OF_STOCK),
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/sgammo/__tests__/fixtures/in-stock.html",
              "https://sgammo.com/product/9mm-luger-ammo/50-round-box-9mm-luger-115-grain-fmj",
              IN_STOCK),
    SavedPage(*_IRONSCOUT, f"{_ADAPTERS}/sgammo/__tests__/fixtures/out-of-stock.html",
              "https://sgammo.com/product/300-blackout/500-round-case-300-blackout-220-grain",
              OUT_OF_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/in-stock.html", _KIDS_WORLD_URL, IN_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/out-of-stock.html", _KIDS_WORLD_URL, OUT_OF_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/out-of-stock-2.html", _KIDS_WORLD_URL, OUT_OF_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/cs-in-stock.html", _CS_URL, IN_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/cs-low-stock.html", _CS_URL, IN_STOCK),
    SavedPage(*_KIDS_WORLD, "test/fixtures/cs-out-of-stock.html", _CS_URL, OUT_OF_STOCK),
    SavedPage(*_WAGASHI, "tests/fixtures/in_stock.html", _WAGASHI_URL, IN_STOCK),
    SavedPage(*_WAGASHI, "tests/fixtures/out_of_stock.html", _WAGASHI_URL, OUT_OF_STOCK),
    SavedPage(*_STOCKSTALKER, f"{_STOCKSTALKER_PAGES}/bestbuy_product_instock.html",
              "https://www.bestbuy.com/site/", IN_STOCK),
    SavedPage(*_STOCKSTALKER, f"{_STOCKSTALKER_PAGES}/bestbuy_product_out_of_stock.html",
              "https://www.bestbuy.com/site/", OUT_OF_STOCK),
    SavedPage(*_STOCKSTALKER, f"{_STOCKSTALKER_PAGES}/newegg_product_instock.html",
              "https://www.newegg.com/abs-ali469/p/N82E16883360054", IN_STOCK),
    SavedPage(*_STOCKSTALKER, f"{_STOCKSTALKER_PAGES}/newegg_product_out_of_stock.html",
              "https://www.newegg.com/p/", OUT_OF_STOCK),
    SavedPage(*_STOCKSTALKER, f"{_STOCKSTALKER_PAGES}/walmart_product_instock.html",
              "https://www.walmart.com/ip/", IN_STOCK),
    *(SavedPage(*_BUILDSENSE, f"{_SIGMA}/{name}.html", _SIGMA_URL, IN_STOCK) for name in _SIGMA_IN_STOCK),
    SavedPage(*_BUILDSENSE, f"{_SIGMA}/intel-core-i5-13400f-out-of-stock.html", _SIGMA_URL, OUT_OF_STOCK),
)  # fmt: skip


def right(root: Path, pages: tuple[SavedPage, ...] = PAGES) -> dict[str, tuple[int, int]]:
    """Right and read, by the availability each page's project gives it; pages missing
    from `root` are left out."""
    counts = {IN_STOCK: [0, 0], OUT_OF_STOCK: [0, 0]}
    for page in pages:
        file = root / page.repository.split("/")[1] / page.path
        if file.is_file():
            html = file.read_text(encoding="utf-8", errors="replace")
            counts[page.expected][0] += extract_offer(html, page.url).availability == page.expected
            counts[page.expected][1] += 1
    return {kind: (good, read) for kind, (good, read) in counts.items()}


def run() -> None:
    root = checkouts("other pages", "OTHER_PAGES_DIR", "the projects'", "bench/other_pages.py")
    if root is None:
        return
    by_repository = {
        repository: right(root, tuple(page for page in PAGES if page.repository == repository))
        for repository in dict.fromkeys(page.repository for page in PAGES)
    }  # each page read once; the whole is their sum
    whole = {
        kind: (
            sum(c[kind][0] for c in by_repository.values()),
            sum(c[kind][1] for c in by_repository.values()),
        )
        for kind in (IN_STOCK, OUT_OF_STOCK)
    }
    print(f"other projects' pages, never tuned on: availability {_tally(whole)}")
    for repository, counts in by_repository.items():
        print(f"  {repository}: {_tally(counts)}")


def _tally(counts: dict[str, tuple[int, int]]) -> str:
    good = sum(good for good, _ in counts.values())
    read = sum(read for _, read in counts.values())
    (in_good, in_read), (out_good, out_read) = counts[IN_STOCK], counts[OUT_OF_STOCK]
    return (
        f"right on {good} of {read} "
        f"(in stock {in_good} of {in_read}, out of stock {out_good} of {out_read})"
    )
