"""What each handler works with, built on first use and reused by a warm container.

Each builder makes only what its handler touches, so the thumbnail handler
never imports the price watch and the price routes never import the fetcher.
Settings are read per call (they are cached per environment), which is what
lets Chalice's test client and the local runtime switch stages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from chalicelib.config import Settings
from chalicelib.storage import factory

if TYPE_CHECKING:
    from chalicelib.pricewatch.fetching import Fetcher
    from chalicelib.pricewatch.store import PriceStore
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.queues import Queue


def settings() -> Settings:
    return Settings.from_env()


def uploads(s: Settings) -> BlobStore:
    return factory.blob_store(s, s.uploads_bucket)


def thumbnails(s: Settings) -> BlobStore:
    return factory.blob_store(s, s.thumbnails_bucket)


def pages(s: Settings) -> BlobStore:
    return factory.blob_store(s, s.pages_bucket)


def scrape_queue(s: Settings) -> Queue:
    return factory.queue(s, s.scrape_queue)


@lru_cache(maxsize=8)
def price_store(s: Settings) -> PriceStore:
    from chalicelib.pricewatch.store import PriceStore

    return PriceStore(factory.table(s))


@lru_cache(maxsize=8)
def fetcher(s: Settings) -> Fetcher:
    """One per container: its robots.txt cache lasts between invocations."""
    from chalicelib.pricewatch.fetching import Fetcher

    return Fetcher(s, price_store(s).reserve_host)
