"""Queues in SQLite, with SQS's delivery rules.

A receive hides each message for the visibility timeout and hands out a
fresh receipt; only the latest receipt deletes. A message received
`max_receives` times moves to the dead-letter queue on its next receive,
as SQS's redrive policy does. Queue settings live in the database, so the
app that sends and the runtime that receives agree on them.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from chalicelib.storage.files import STATE_DIR
from chalicelib.storage.queues import Message, QueueSettings
from chalicelib.storage.sqlite import Database, open_database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS queues (
    name TEXT PRIMARY KEY,
    visibility_timeout INTEGER NOT NULL,
    dead_letter_queue TEXT,
    max_receives INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    queue TEXT NOT NULL,
    body TEXT NOT NULL,
    attributes TEXT NOT NULL,
    sent_at REAL NOT NULL,
    visible_at REAL NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    first_received_at REAL,
    receipt TEXT
);
CREATE INDEX IF NOT EXISTS messages_ready ON messages (queue, visible_at, sent_at);
CREATE UNIQUE INDEX IF NOT EXISTS messages_receipt ON messages (receipt);
"""

MAX_BATCH = 10
POLL_INTERVAL = 0.05


def queue_database(data_dir: Path) -> Database:
    return open_database(data_dir / STATE_DIR / "queues.sqlite3", _SCHEMA)


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
        self, data_dir: Path, name: str, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.name = name
        self._db = queue_database(data_dir)
        self._clock = clock

    def settings(self) -> QueueSettings:
        rows = self._db.read("SELECT * FROM queues WHERE name = ?", (self.name,))
        if not rows:
            return QueueSettings(self.name)
        row = rows[0]
        return QueueSettings(
            row["name"], row["visibility_timeout"], row["dead_letter_queue"], row["max_receives"]
        )

    def send(self, body: str, *, attributes: Mapping[str, str] | None = None) -> str:
        message_id = str(uuid.uuid4())
        now = self._clock()
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (message_id, self.name, body, json.dumps(dict(attributes or {})), now, now),
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
        deadline = time.monotonic() + wait_seconds
        while True:
            messages = self._receive_now(max_messages, visibility_timeout)
            if messages or time.monotonic() >= deadline:
                return messages
            time.sleep(POLL_INTERVAL)

    def _receive_now(self, max_messages: int, visibility_timeout: int | None) -> list[Message]:
        settings = self.settings()
        timeout = settings.visibility_timeout if visibility_timeout is None else visibility_timeout
        now = self._clock()
        received = []
        with self._db.write() as conn:
            rows = conn.execute(
                "SELECT * FROM messages WHERE queue = ? AND visible_at <= ?"
                " ORDER BY sent_at LIMIT ?",
                (self.name, now, max_messages),
            ).fetchall()
            for row in rows:
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
                    )
                )
        return received

    def delete(self, receipt: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM messages WHERE receipt = ?", (receipt,))

    def change_visibility(self, receipt: str, seconds: int) -> None:
        with self._db.write() as conn:
            conn.execute(
                "UPDATE messages SET visible_at = ? WHERE receipt = ?",
                (self._clock() + seconds, receipt),
            )

    def approximate_count(self) -> int:
        rows = self._db.read("SELECT COUNT(*) AS n FROM messages WHERE queue = ?", (self.name,))
        return int(rows[0]["n"])
