"""Queues in SQLite, with SQS's delivery rules.

A receive hides each message for the visibility timeout and hands out a
fresh receipt; only the latest receipt deletes. A message received
`max_receives` times moves to the dead-letter queue on its next receive,
as SQS's redrive policy does. FIFO queues keep SQS's groups (nothing of a
group is handed out while one of its messages is in flight; a receive
prefers the first ready group's messages, in order) and its five-minute
deduplication; standard queues keep per-message delays. Queue settings
live in the database, so the app that sends and the runtime that receives
agree on them.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from chalicelib.storage.files import STATE_DIR
from chalicelib.storage.queues import (
    DEDUPLICATION_WINDOW,
    MAX_BATCH,
    MAX_VISIBILITY,
    Message,
    Outgoing,
    QueueSettings,
    check_batch,
    check_outgoing,
)
from chalicelib.storage.sqlite import Database, open_database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queues (
    name TEXT PRIMARY KEY,
    visibility_timeout INTEGER NOT NULL,
    dead_letter_queue TEXT,
    max_receives INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT NOT NULL UNIQUE,
    queue TEXT NOT NULL,
    body TEXT NOT NULL,
    attributes TEXT NOT NULL,
    group_id TEXT,
    sent_at REAL NOT NULL,
    visible_at REAL NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    first_received_at REAL,
    receipt TEXT
);
CREATE INDEX IF NOT EXISTS messages_in_order ON messages (queue);
CREATE INDEX IF NOT EXISTS messages_by_group ON messages (queue, group_id);
CREATE INDEX IF NOT EXISTS messages_in_flight ON messages (queue, visible_at)
    WHERE receipt IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS messages_receipt ON messages (receipt);
CREATE TABLE IF NOT EXISTS sent_ids (
    queue TEXT NOT NULL,
    dedup_id TEXT NOT NULL,
    sent_at REAL NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (queue, dedup_id)
) WITHOUT ROWID;
"""

POLL_INTERVAL = 0.05  # a long poll looks again after this, then less often, up to
MAX_POLL_INTERVAL = 1.0  # this: SQS answers a long poll at once, a file needs looking at
_READY_IN_ORDER = (
    "SELECT * FROM messages WHERE queue = ? AND visible_at <= ? ORDER BY rowid LIMIT ?"
)
# FIFO: ready, and of no group with a message in flight.
_FREE_IN_ORDER = (
    "SELECT * FROM messages WHERE queue = ? AND visible_at <= ?"
    " AND (group_id IS NULL OR group_id NOT IN (SELECT group_id FROM messages"
    " WHERE queue = ? AND receipt IS NOT NULL AND visible_at > ? AND group_id IS NOT NULL))"
    " ORDER BY rowid LIMIT ?"
)
_GROUP_IN_ORDER = (
    "SELECT * FROM messages WHERE queue = ? AND visible_at <= ? AND group_id = ?"
    " ORDER BY rowid LIMIT ?"
)


def queue_database(data_dir: Path) -> Database:
    return open_database(data_dir / STATE_DIR / "queues-v2.sqlite3", _SCHEMA)


def declare_queue(data_dir: Path, settings: QueueSettings) -> None:
    """Create or update a queue's settings (what SQS calls its attributes)."""
    with queue_database(data_dir).write() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO queues VALUES (?, ?, ?, ?)",
            (
                settings.name,
                settings.visibility_timeout,
                settings.dead_letter_queue,
                settings.max_receives,
            ),
        )


class SqliteQueue:
    def __init__(
        self,
        data_dir: Path,
        name: str,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.name = name
        self.fifo = QueueSettings(name).fifo
        self._db = queue_database(data_dir)
        self._clock = clock
        self._sleep = sleep

    def settings(self) -> QueueSettings:
        rows = self._db.read("SELECT * FROM queues WHERE name = ?", (self.name,))
        if not rows:
            return QueueSettings(self.name)
        row = rows[0]
        return QueueSettings(
            row["name"], row["visibility_timeout"], row["dead_letter_queue"], row["max_receives"]
        )

    def send(self, message: Outgoing) -> str:
        check_outgoing(self.name, message)
        with self._db.write() as conn:
            return self._insert(conn, message, self._clock())

    def send_batch(self, messages: Sequence[Outgoing]) -> None:
        check_batch(self.name, messages)
        now = self._clock()
        with self._db.write() as conn:
            for message in messages:
                self._insert(conn, message, now)

    def _insert(self, conn: Any, message: Outgoing, now: float) -> str:
        if message.dedup_id is not None:
            row = conn.execute(
                "SELECT message_id FROM sent_ids WHERE queue = ? AND dedup_id = ? AND sent_at > ?",
                (self.name, message.dedup_id, now - DEDUPLICATION_WINDOW),
            ).fetchone()
            if row is not None:
                return str(row["message_id"])  # accepted, and dropped
        message_id = str(uuid.uuid4())
        if message.dedup_id is not None:
            conn.execute(
                "INSERT OR REPLACE INTO sent_ids VALUES (?, ?, ?, ?)",
                (self.name, message.dedup_id, now, message_id),
            )
        conn.execute(
            "INSERT INTO messages (id, queue, body, attributes, group_id, sent_at, visible_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                message_id,
                self.name,
                message.body,
                json.dumps(dict(message.attributes)),
                message.group,
                now,
                now + message.delay,
            ),
        )
        return message_id

    def receive(
        self,
        *,
        max_messages: int = MAX_BATCH,
        visibility_timeout: int | None = None,
        wait_seconds: float = 0,
    ) -> list[Message]:
        if not 1 <= max_messages <= MAX_BATCH:
            raise ValueError(f"max_messages must be between 1 and {MAX_BATCH}")
        deadline = self._clock() + wait_seconds
        interval = POLL_INTERVAL
        while True:
            messages = self._receive_now(max_messages, visibility_timeout)
            if messages or self._clock() >= deadline:
                return messages
            self._sleep(min(interval, max(0.0, deadline - self._clock())))
            interval = min(MAX_POLL_INTERVAL, interval * 2)

    def _receive_now(self, max_messages: int, visibility_timeout: int | None) -> list[Message]:
        settings = self.settings()
        timeout = settings.visibility_timeout if visibility_timeout is None else visibility_timeout
        now = self._clock()
        received = []
        with self._db.write() as conn:
            for row in self._ready(conn, now, max_messages):
                if settings.dead_letter_queue and row["receive_count"] >= settings.max_receives:
                    conn.execute(
                        "UPDATE messages SET queue = ?, receive_count = 0, receipt = NULL,"
                        " first_received_at = NULL, visible_at = ? WHERE id = ?",
                        (settings.dead_letter_queue, now, row["id"]),
                    )
                    continue
                receipt = f"{row['id']}:{uuid.uuid4()}"
                first = row["first_received_at"] or now
                count = row["receive_count"] + 1
                conn.execute(
                    "UPDATE messages SET receive_count = ?, receipt = ?, visible_at = ?,"
                    " first_received_at = ? WHERE id = ?",
                    (count, receipt, now + timeout, first, row["id"]),
                )
                received.append(
                    Message(
                        row["id"],
                        receipt,
                        row["body"],
                        count,
                        row["sent_at"],
                        first,
                        json.loads(row["attributes"]),
                        row["group_id"],
                    )
                )
        return received

    def _ready(self, conn: Any, now: float, limit: int) -> list[Any]:
        """Messages to hand out, in the order sent; for FIFO, none of a group in flight."""
        if not self.fifo:
            return list(conn.execute(_READY_IN_ORDER, (self.name, now, limit)))
        rows = list(conn.execute(_FREE_IN_ORDER, (self.name, now, self.name, now, limit)))
        if not rows:
            return rows
        # Like SQS, as many of the first group's messages as fit, then the others'.
        first = rows[0]["group_id"]
        same = list(conn.execute(_GROUP_IN_ORDER, (self.name, now, first, limit)))
        chosen = {row["id"] for row in same}
        return same + [row for row in rows if row["id"] not in chosen][: limit - len(same)]

    def delete(self, receipt: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM messages WHERE receipt = ?", (receipt,))

    def change_visibility(self, receipt: str, seconds: int) -> None:
        now = self._clock()
        with self._db.write() as conn:
            row = conn.execute(
                "SELECT first_received_at FROM messages WHERE receipt = ?", (receipt,)
            ).fetchone()
            first = row["first_received_at"] if row is not None else now
            if not 0 <= seconds <= MAX_VISIBILITY or now + seconds - first > MAX_VISIBILITY:
                raise ValueError(
                    f"visibility of {seconds} s would end over {MAX_VISIBILITY} s after the "
                    "message's first receive"
                )
            conn.execute(
                "UPDATE messages SET visible_at = ? WHERE receipt = ?", (now + seconds, receipt)
            )

    def approximate_count(self) -> int:
        rows = self._db.read("SELECT COUNT(*) AS n FROM messages WHERE queue = ?", (self.name,))
        return int(rows[0]["n"])
