"""Observations in, our price out: recording what a competitor charges and repricing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from chalicelib.batches import S3Record, s3_records, try_each
from chalicelib.config import PAGES_PREFIX, Settings
from chalicelib.logs import log_event
from chalicelib.prices import extract_offer
from chalicelib.prices.repricing import OK, Observation, flags_for, reprice
from chalicelib.pricewatch.store import (
    MAX_VERSION_RETRIES,
    PriceState,
    PriceStore,
    competitor_id,
    parse_timestamp,
    utc_now,
)
from chalicelib.storage.blobs import BlobNotFound, BlobStore, BlobTooLarge

log = logging.getLogger(__name__)
NO_PRICE = "no-price"


class PageEventFailed(RuntimeError):
    """Some records failed for reasons worth a retry; the others were recorded."""


def observation(sku: str, url: str, fetched_at: datetime, status: str, **found: Any) -> Observation:
    return Observation(
        sku=sku,
        competitor=competitor_id(url),
        url=url,
        host=(urlsplit(url).hostname or "").lower(),
        fetched_at=fetched_at,
        status=status,
        **found,
    )


def record(
    store: PriceStore, settings: Settings, seen: Observation, now: datetime
) -> PriceState | None:
    """Keep an observation and reprice its product; None if the product is gone."""
    store.record(seen)
    return reprice_product(store, settings, seen.sku, now)


def reprice_product(
    store: PriceStore, settings: Settings, sku: str, now: datetime
) -> PriceState | None:
    """Recompute our price from the latest observations, retrying on concurrent writers.

    The price is written only if the product's version is still the one read
    with it; every observation is recorded before this runs, so whichever
    writer lands last has read every recorded observation.
    """
    for _attempt in range(MAX_VERSION_RETRIES):
        found = store.product(sku)
        if found is None:
            return None
        product, state = found
        decision = reprice(product, store.latest(sku), settings.undercut)
        stored = store.set_price(sku, decision, state, now)
        if stored is not None:
            log_event(
                log,
                "repriced",
                sku=sku,
                price=str(decision.price),
                reason=decision.reason,
                lowest=str(decision.lowest.price) if decision.lowest else None,
            )
            return stored
    raise RuntimeError(f"{sku}: the price kept changing under us; giving up for now")


def handle_page_event(
    event: Mapping[str, Any],
    settings: Settings,
    store: PriceStore,
    pages: BlobStore,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> None:
    """S3 records for stored pages: extract each price, record it, reprice."""

    def ours(record: S3Record) -> bool:
        if (
            record.event == "created"
            and record.bucket == settings.pages_bucket
            and record.key.startswith(PAGES_PREFIX)
        ):
            return True
        log_event(log, "page event skipped", logging.WARNING, key=record.key, bucket=record.bucket)
        return False

    failed = try_each(
        [record for record in s3_records(event) if ours(record)],
        lambda record: record_page(record.key, settings, store, pages, clock()),
        describe=lambda record: {"key": record.key},
    )
    if failed:
        keys = ", ".join(record.key for record in failed[:5])
        raise PageEventFailed(f"{len(failed)} page(s) failed: {keys}")


def record_page(
    key: str, settings: Settings, store: PriceStore, pages: BlobStore, now: datetime
) -> Observation | None:
    try:
        page = pages.get(key, max_bytes=settings.max_page_bytes)
    except (BlobNotFound, BlobTooLarge) as error:
        log_event(log, "page skipped", logging.WARNING, key=key, reason=str(error) or "gone")
        return None
    meta = page.info.metadata
    try:
        sku, url, fetched_at = meta["sku"], meta["url"], parse_timestamp(meta["fetched-at"])
    except (KeyError, ValueError):
        log_event(
            log, "page skipped", logging.WARNING, key=key, reason="no sku/url/fetched-at metadata"
        )
        return None
    found = store.product(sku)
    if found is None:
        log_event(log, "page skipped", logging.WARNING, key=key, reason=f"no product {sku}")
        return None
    product, _state = found
    offer = extract_offer(page.data, url, charset=_charset(page.info.content_type))
    if offer.amount is None:
        seen = observation(
            sku, url, fetched_at, NO_PRICE, availability=offer.availability, notes=offer.flags
        )
    else:
        flags = flags_for(
            product, offer.amount, offer.currency, settings.plausible_fraction, offer.availability
        )
        seen = observation(
            sku, url, fetched_at, OK, price=offer.amount, currency=offer.currency, flags=flags,
            availability=offer.availability, notes=offer.flags,
        )  # fmt: skip
    record(store, settings, seen, now)
    log_event(
        log,
        "price observed",
        sku=sku,
        url=url,
        status=seen.status,
        price=str(seen.price) if seen.price is not None else None,
        currency=seen.currency,
        flags=list(seen.flags),
        availability=seen.availability,
    )
    return seen


def _charset(content_type: str) -> str | None:
    """The charset the shop's server named ("text/html; charset=Shift_JIS"): the fetcher
    stores its Content-Type with the page, and older shops name it nowhere else."""
    header = Message()
    header["content-type"] = content_type
    return header.get_content_charset()
