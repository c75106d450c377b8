"""What handlers work with, built once per stage settings and reused by a warm container."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chalicelib.config import Settings
from chalicelib.pricewatch.fetching import Fetcher
from chalicelib.pricewatch.store import PriceStore
from chalicelib.storage.factory import Stores, stores


@dataclass(frozen=True)
class Services:
    settings: Settings
    stores: Stores
    prices: PriceStore
    fetcher: Fetcher


def services() -> Services:
    return services_for(Settings.from_env())


@lru_cache(maxsize=8)
def services_for(settings: Settings) -> Services:
    store = stores(settings)
    prices = PriceStore(store.table)
    # One fetcher per container keeps its robots.txt cache between invocations.
    return Services(settings, store, prices, Fetcher(settings, prices.reserve_host))
