"""The table interface: DynamoDB, or SQLite, keyed by (pk, sk).

Items are dicts of str, Decimal, bool, None, lists and dicts. Numbers come
back as Decimal from both implementations (as DynamoDB returns them);
floats are refused by both, so money never turns binary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

Item = dict[str, Any]


class ConditionFailed(Exception):
    """A conditional write found the item not as the condition required."""


@dataclass(frozen=True)
class Condition:
    """One test on one attribute; combine with | and &.

    `op` is one of: exists, absent, =, <>, <, <=, >, >=. Like DynamoDB, a
    comparison with a missing attribute, or between a number and a string,
    is false.
    """

    attribute: str
    op: str
    value: Any = None

    def __or__(self, other: AnyCondition) -> AnyOf:
        return AnyOf((self, other))

    def __and__(self, other: AnyCondition) -> AllOf:
        return AllOf((self, other))

    def holds(self, item: Mapping[str, Any] | None) -> bool:
        present = item is not None and self.attribute in item
        if self.op == "exists":
            return present
        if self.op == "absent":
            return not present
        if not present or item is None:
            return False
        return _compare(item[self.attribute], self.op, self.value)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[AnyCondition, ...]

    def __or__(self, other: AnyCondition) -> AnyOf:
        return AnyOf((*self.parts, other))

    def holds(self, item: Mapping[str, Any] | None) -> bool:
        return any(part.holds(item) for part in self.parts)


@dataclass(frozen=True)
class AllOf:
    parts: tuple[AnyCondition, ...]

    def __and__(self, other: AnyCondition) -> AllOf:
        return AllOf((*self.parts, other))

    def holds(self, item: Mapping[str, Any] | None) -> bool:
        return all(part.holds(item) for part in self.parts)


AnyCondition = Condition | AnyOf | AllOf


class Attr:
    """`Attr("price") < Decimal("9.99")` reads like the condition it builds."""

    def __init__(self, name: str) -> None:
        self.name = name

    def exists(self) -> Condition:
        return Condition(self.name, "exists")

    def absent(self) -> Condition:
        return Condition(self.name, "absent")

    def __eq__(self, value: object) -> Condition:  # type: ignore[override]
        return Condition(self.name, "=", value)

    def __ne__(self, value: object) -> Condition:  # type: ignore[override]
        return Condition(self.name, "<>", value)

    def __lt__(self, value: object) -> Condition:
        return Condition(self.name, "<", value)

    def __le__(self, value: object) -> Condition:
        return Condition(self.name, "<=", value)

    def __gt__(self, value: object) -> Condition:
        return Condition(self.name, ">", value)

    def __ge__(self, value: object) -> Condition:
        return Condition(self.name, ">=", value)

    __hash__ = None  # type: ignore[assignment]


def _compare(left: Any, op: str, right: Any) -> bool:
    numbers = (int, Decimal)
    if isinstance(left, bool) or isinstance(right, bool):
        comparable = isinstance(left, bool) and isinstance(right, bool)
    elif isinstance(left, numbers) and isinstance(right, numbers):
        comparable = True
    else:
        comparable = isinstance(left, str) and isinstance(right, str)
    if op == "=":
        return comparable and left == right
    if op == "<>":
        return not (comparable and left == right)
    if not comparable or isinstance(left, bool):
        return False
    if op == "<":
        return bool(left < right)
    if op == "<=":
        return bool(left <= right)
    if op == ">":
        return bool(left > right)
    if op == ">=":
        return bool(left >= right)
    raise ValueError(f"unknown condition operator {op!r}")


class Table(Protocol):
    def get(self, pk: str, sk: str) -> Item | None: ...

    def put(self, item: Item, *, condition: AnyCondition | None = None) -> None:
        """Create or replace; raises ConditionFailed when `condition` is false."""
        ...

    def update(
        self, pk: str, sk: str, changes: Mapping[str, Any], *, condition: AnyCondition | None = None
    ) -> Item:
        """Set attributes (None removes one), creating the item if needed; returns it."""
        ...

    def delete(self, pk: str, sk: str, *, condition: AnyCondition | None = None) -> None: ...

    def query(
        self,
        pk: str,
        sk_prefix: str = "",
        *,
        descending: bool = False,
        limit: int | None = None,
        after: str | None = None,
    ) -> list[Item]:
        """Items of partition `pk` whose sort key starts with `sk_prefix`, by sort key.

        `after` continues a paged read: only sort keys beyond it (in the order read).
        """
        ...


def check_item(item: Mapping[str, Any]) -> None:
    for key in ("pk", "sk"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ValueError(f"items need a non-empty string {key!r}")
    check_value(dict(item))


def check_changes(changes: Mapping[str, Any]) -> None:
    if not changes:
        raise ValueError("an update needs at least one change")
    if "pk" in changes or "sk" in changes:
        raise ValueError("keys cannot be updated")
    check_value(dict(changes))


def check_value(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not stored: use Decimal")
    if isinstance(value, dict):
        for key, inner in value.items():
            if not isinstance(key, str):
                raise TypeError("map keys must be strings")
            check_value(inner)
    elif isinstance(value, list):
        for inner in value:
            check_value(inner)
    elif value is not None and not isinstance(value, str | bool | int | Decimal):
        raise TypeError(f"cannot store a {type(value).__name__}")
