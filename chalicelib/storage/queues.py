"""The queue interface: SQS, or a table in SQLite.

At-least-once delivery with a visibility timeout; after `max_receives`
receives a message moves to the dead-letter queue, as SQS's redrive
policy does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class QueueSettings:
    """What a queue is created with (SQS attributes; rows in SQLite)."""

    name: str
    visibility_timeout: int = 30
    dead_letter_queue: str | None = None
    max_receives: int = 4
    retention_seconds: int | None = None  # None: the queue's default (four days on SQS)

    @property
    def fifo(self) -> bool:
        """SQS decides by name: a FIFO queue's name ends in '.fifo'."""
        return self.name.endswith(".fifo")


@dataclass(frozen=True)
class Message:
    id: str
    receipt: str
    body: str
    receive_count: int
    sent_at: float  # epoch seconds
    first_received_at: float
    attributes: Mapping[str, str] = field(default_factory=dict)


class Queue(Protocol):
    name: str

    def send(self, body: str, *, attributes: Mapping[str, str] | None = None) -> str:
        """Enqueue; returns the message id."""
        ...

    def receive(
        self,
        *,
        max_messages: int = 10,
        visibility_timeout: int | None = None,
        wait_seconds: float = 0,
    ) -> list[Message]: ...

    def delete(self, receipt: str) -> None: ...

    def change_visibility(self, receipt: str, seconds: int) -> None: ...

    def approximate_count(self) -> int:
        """Messages waiting or in flight."""
        ...
