"""The table in SQLite: one row per item, the item as JSON.

Conditions are evaluated in Python inside a write transaction, so a
conditional update is atomic across threads and processes, like
DynamoDB's. Sort keys compare as UTF-8 bytes in both.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from chalicelib.storage.files import STATE_DIR
from chalicelib.storage.sqlite import open_database
from chalicelib.storage.table import (
    AnyCondition,
    ConditionFailed,
    Item,
    check_changes,
    check_item,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    pk TEXT NOT NULL,
    sk TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (pk, sk)
) WITHOUT ROWID;
"""

_QUERY = "SELECT body FROM items WHERE pk = ? AND sk >= ? AND substr(sk, 1, ?) = ?"


class SqliteTable:
    def __init__(self, data_dir: Path, name: str) -> None:
        self.name = name
        self._db = open_database(data_dir / STATE_DIR / f"table-{name}.sqlite3", _SCHEMA)

    def get(self, pk: str, sk: str) -> Item | None:
        rows = self._db.read("SELECT body FROM items WHERE pk = ? AND sk = ?", (pk, sk))
        return _decode(rows[0]["body"]) if rows else None

    def put(self, item: Item, *, condition: AnyCondition | None = None) -> None:
        check_item(item)
        with self._db.write() as conn:
            if condition is not None:
                _require(condition, _current(conn, item["pk"], item["sk"]))
            conn.execute(
                "INSERT OR REPLACE INTO items VALUES (?, ?, ?)",
                (item["pk"], item["sk"], _encode(item)),
            )

    def update(
        self, pk: str, sk: str, changes: Mapping[str, Any], *, condition: AnyCondition | None = None
    ) -> Item:
        check_changes(changes)
        with self._db.write() as conn:
            current = _current(conn, pk, sk)
            if condition is not None:
                _require(condition, current)
            item = dict(current or {"pk": pk, "sk": sk})
            for name, value in changes.items():
                if value is None:
                    item.pop(name, None)
                else:
                    item[name] = value
            conn.execute("INSERT OR REPLACE INTO items VALUES (?, ?, ?)", (pk, sk, _encode(item)))
        return _decode(_encode(item))

    def delete(self, pk: str, sk: str, *, condition: AnyCondition | None = None) -> None:
        with self._db.write() as conn:
            if condition is not None:
                _require(condition, _current(conn, pk, sk))
            conn.execute("DELETE FROM items WHERE pk = ? AND sk = ?", (pk, sk))

    def query(
        self,
        pk: str,
        sk_prefix: str = "",
        *,
        descending: bool = False,
        limit: int | None = None,
        after: str | None = None,
    ) -> list[Item]:
        # TEXT compares as UTF-8 bytes here, as DynamoDB orders sort keys.
        sql, params = _QUERY, [pk, sk_prefix, len(sk_prefix), sk_prefix]
        if after is not None:
            sql += " AND sk < ?" if descending else " AND sk > ?"
            params.append(after)
        sql += f" ORDER BY sk {'DESC' if descending else 'ASC'} LIMIT ?"
        params.append(-1 if limit is None else limit)
        return [_decode(row["body"]) for row in self._db.read(sql, tuple(params))]


def _current(conn: Any, pk: str, sk: str) -> Item | None:
    row = conn.execute("SELECT body FROM items WHERE pk = ? AND sk = ?", (pk, sk)).fetchone()
    return _decode(row["body"]) if row else None


def _require(condition: AnyCondition, item: Item | None) -> None:
    if not condition.holds(item):
        raise ConditionFailed(condition)


# Decimals travel as {"$n": "1.23"} so JSON never turns them into floats.
def _encode(value: Any) -> str:
    return json.dumps(_tag(value), separators=(",", ":"), ensure_ascii=False)


def _tag(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | Decimal):
        return {"$n": str(value)}
    if isinstance(value, dict):
        return {key: _tag(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_tag(inner) for inner in value]
    raise TypeError(f"cannot store a {type(value).__name__}")


def _decode(text: str) -> Item:
    value: Item = json.loads(text, object_hook=_untag)
    return value


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$n" in obj:
        return Decimal(obj["$n"])
    return obj
