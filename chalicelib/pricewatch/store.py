"""The price watch's records in the table, behind names the pipeline uses.

One table, keyed for the queries we make:

    CATALOG        PRODUCT#<sku>             the product, our current price, a version
    SKU#<sku>      OBS#<fetched at>#<id>     every observation (history)
                   LATEST#<id>               the latest observation per competitor page
                   OURS#<at>                 our price whenever it changed
    RUNS           RUN#<scheduled time>      a nightly run: who is queuing it, how far, done
    HOST#<host>    RATE                      when the next request to a host may start
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from chalicelib.catalogue import Product, product_from_item
from chalicelib.prices.repricing import Decision, Observation
from chalicelib.storage.table import Attr, ConditionFailed, Item, Table

CATALOG = "CATALOG"
RUNS = "RUNS"
QUEUING, QUEUED = "queuing", "queued"
MAX_VERSION_RETRIES = 20


def utc_now() -> datetime:
    """The pipeline's clock, unless a caller (a test, the night simulation) passes its own."""
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """Sortable UTC text: '2026-11-26T03:00:00.000000Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_timestamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def competitor_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class RunClaim:
    """The right to queue a run's pages, and how far it has come."""

    run: str
    token: str
    cursor: str | None  # the last SKU whose pages are queued; None before the first
    queued: int


@dataclass(frozen=True)
class PriceState:
    """Our current price for a product and what it was set from."""

    price: Decimal
    reason: str
    lowest_price: Decimal | None
    lowest_url: str | None
    checked_at: str | None
    flags: tuple[str, ...]
    version: int


class PriceStore:
    def __init__(self, table: Table) -> None:
        self.table = table

    # --- catalogue -------------------------------------------------------

    def save_product(self, product: Product, now: datetime) -> bool:
        """Create or replace a product (its price state is kept); True if it was new."""
        fields = product.to_json() | {
            "list_price": product.list_price,
            "floor_price": product.floor_price,
            "updated_at": timestamp(now),
        }
        try:
            self.table.update(
                CATALOG, f"PRODUCT#{product.sku}", fields, condition=Attr("pk").exists()
            )
            return False
        except ConditionFailed:
            pass
        try:
            self.table.put(
                {"pk": CATALOG, "sk": f"PRODUCT#{product.sku}", **fields, "version": 0,
                 "our_price": product.list_price, "reason": "list", "flags": []},
                condition=Attr("pk").absent(),
            )  # fmt: skip
            return True
        except ConditionFailed:  # created meanwhile: update that one
            return self.save_product(product, now)

    def product(self, sku: str) -> tuple[Product, PriceState] | None:
        item = self.table.get(CATALOG, f"PRODUCT#{sku}")
        return (product_from_item(item), _state(item)) if item else None

    def products(self) -> Iterator[tuple[Product, PriceState]]:
        for item in self.table.query(CATALOG, "PRODUCT#"):
            yield product_from_item(item), _state(item)

    def product_page(self, after: str | None, size: int) -> list[Product]:
        """Up to `size` products in SKU order, those after SKU `after` (None: from the start)."""
        items = self.table.query(
            CATALOG, "PRODUCT#", limit=size, after=None if after is None else f"PRODUCT#{after}"
        )
        return [product_from_item(item) for item in items]

    def delete_product(self, sku: str) -> bool:
        existed = self.table.get(CATALOG, f"PRODUCT#{sku}") is not None
        self.table.delete(CATALOG, f"PRODUCT#{sku}")
        for item in self.table.query(f"SKU#{sku}"):
            self.table.delete(item["pk"], item["sk"])
        return existed

    # --- observations ----------------------------------------------------

    def record(self, observation: Observation) -> bool:
        """Keep an observation; True if it is now the latest for its page.

        Both writes are idempotent: a redelivered event rewrites the same
        history item, and an older or repeated observation never replaces
        a newer latest one.
        """
        item = _observation_item(observation)
        at = item["fetched_at"]
        self.table.put(
            {**item, "pk": f"SKU#{observation.sku}", "sk": f"OBS#{at}#{observation.competitor}"}
        )
        try:
            self.table.put(
                {**item, "pk": f"SKU#{observation.sku}", "sk": f"LATEST#{observation.competitor}"},
                condition=Attr("fetched_at").absent() | (Attr("fetched_at") < at),
            )
        except ConditionFailed:
            return False
        return True

    def latest(self, sku: str) -> list[Observation]:
        return [_observation(item) for item in self.table.query(f"SKU#{sku}", "LATEST#")]

    def history(self, sku: str, limit: int = 500) -> list[Observation]:
        items = self.table.query(f"SKU#{sku}", "OBS#", descending=True, limit=limit)
        return [_observation(item) for item in reversed(items)]

    def our_history(self, sku: str, limit: int = 500) -> list[tuple[datetime, Decimal]]:
        items = self.table.query(f"SKU#{sku}", "OURS#", descending=True, limit=limit)
        return [(parse_timestamp(i["at"]), Decimal(i["price"])) for i in reversed(items)]

    def set_price(
        self, sku: str, decision: Decision, read: PriceState, now: datetime
    ) -> PriceState | None:
        """Store a new price if nobody changed the product since `read` was read.

        Returns the state now stored, or None when someone had changed it.
        """
        lowest = decision.lowest
        state = PriceState(
            price=decision.price,
            reason=decision.reason,
            lowest_price=lowest.price if lowest else None,
            lowest_url=lowest.url if lowest else None,
            checked_at=timestamp(now),
            flags=decision.flags,
            version=read.version + 1,
        )
        try:
            self.table.update(
                CATALOG,
                f"PRODUCT#{sku}",
                _state_item(state),
                condition=Attr("version") == read.version,
            )
        except ConditionFailed:
            return None
        if state.price != read.price or not self.our_history(sku, 1):
            at = state.checked_at
            self.table.put({"pk": f"SKU#{sku}", "sk": f"OURS#{at}", "at": at, "price": state.price})
        return state

    # --- runs and hosts ----------------------------------------------------

    def claim_run(self, run: str, token: str, now: datetime, lease: float) -> RunClaim | None:
        """Start queuing a run, or take over one whose queuer is gone (its lease ran out).

        Atomic: of two deliveries of the same schedule event, one gets the run and
        the other None; so does a run already queued.
        """
        until = timestamp(now + timedelta(seconds=lease))
        try:
            self.table.put(
                {"pk": RUNS, "sk": f"RUN#{run}", "state": QUEUING, "token": token, "queued": 0,
                 "lease_until": until, "started_at": timestamp(now)},
                condition=Attr("pk").absent(),
            )  # fmt: skip
            return RunClaim(run, token, None, 0)
        except ConditionFailed:
            pass
        try:
            item = self.table.update(
                RUNS,
                f"RUN#{run}",
                {"token": token, "lease_until": until},
                condition=(Attr("state") == QUEUING) & (Attr("lease_until") < timestamp(now)),
            )
        except ConditionFailed:
            return None
        return RunClaim(run, token, item.get("cursor"), int(item.get("queued", 0)))

    def resume_run(self, run: str, token: str, now: datetime, lease: float) -> RunClaim | None:
        """The holder of a handed-over token takes the run up again; None if it was taken."""
        try:
            item = self.table.update(
                RUNS,
                f"RUN#{run}",
                {"lease_until": timestamp(now + timedelta(seconds=lease))},
                condition=(Attr("state") == QUEUING) & (Attr("token") == token),
            )
        except ConditionFailed:
            return None
        return RunClaim(run, token, item.get("cursor"), int(item.get("queued", 0)))

    def advance_run(self, claim: RunClaim, cursor: str, queued: int) -> bool:
        """Record that every page up to SKU `cursor` is queued; False if the run was taken."""
        return self._update_run(claim, {"cursor": cursor, "queued": queued})

    def hand_over(self, claim: RunClaim, token: str, now: datetime) -> bool:
        """Pass the run to whoever brings `token`; its lease ends now."""
        return self._update_run(claim, {"token": token, "lease_until": timestamp(now)})

    def finish_run(self, claim: RunClaim, queued: int, now: datetime) -> bool:
        return self._update_run(
            claim, {"state": QUEUED, "queued": queued, "finished_at": timestamp(now)}
        )

    def _update_run(self, claim: RunClaim, changes: dict[str, object]) -> bool:
        try:
            self.table.update(
                RUNS,
                f"RUN#{claim.run}",
                changes,
                condition=(Attr("state") == QUEUING) & (Attr("token") == claim.token),
            )
        except ConditionFailed:
            return False
        return True

    def reserve_host(self, host: str, now: float, interval: float) -> float:
        """Claim the next request slot for a host; 0 when granted, else seconds to wait.

        A conditional write, so every fetcher (every Lambda container, every
        local thread) shares one limit per host.
        """
        key = f"HOST#{host}"
        try:
            self.table.update(
                key,
                "RATE",
                {"next_at": Decimal(str(round(now + interval, 3)))},
                condition=Attr("next_at").absent()
                | (Attr("next_at") <= Decimal(str(round(now, 3)))),
            )
        except ConditionFailed:
            item = self.table.get(key, "RATE") or {}
            return max(0.001, float(item.get("next_at", now)) - now)
        return 0.0


def _state(item: Item) -> PriceState:
    return PriceState(
        price=Decimal(item["our_price"] if "our_price" in item else item["list_price"]),
        reason=item.get("reason", "list"),
        lowest_price=Decimal(item["lowest_price"])
        if item.get("lowest_price") is not None
        else None,
        lowest_url=item.get("lowest_url"),
        checked_at=item.get("checked_at"),
        flags=tuple(item.get("flags", [])),
        version=int(item.get("version", 0)),
    )


def _state_item(state: PriceState) -> Item:
    return {
        "our_price": state.price,
        "reason": state.reason,
        "lowest_price": state.lowest_price,
        "lowest_url": state.lowest_url,
        "checked_at": state.checked_at,
        "flags": list(state.flags),
        "version": state.version,
    }


def _observation_item(observation: Observation) -> Item:
    return {
        "sku": observation.sku,
        "competitor": observation.competitor,
        "url": observation.url,
        "host": observation.host,
        "fetched_at": timestamp(observation.fetched_at),
        "status": observation.status,
        "price": observation.price,
        "currency": observation.currency,
        "flags": list(observation.flags),
        "availability": observation.availability,
        "notes": list(observation.notes),
    }


def _observation(item: Item) -> Observation:
    return Observation(
        sku=item["sku"],
        competitor=item["competitor"],
        url=item["url"],
        host=item["host"],
        fetched_at=parse_timestamp(item["fetched_at"]),
        status=item["status"],
        price=Decimal(item["price"]) if item.get("price") is not None else None,
        currency=item.get("currency"),
        flags=tuple(item.get("flags", [])),
        availability=item.get("availability"),
        notes=tuple(item.get("notes", [])),
    )
