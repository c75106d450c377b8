"""The queue interface: SQS, or a table in SQLite.

At-least-once delivery with a visibility timeout; after `max_receives`
receives a message moves to the dead-letter queue, as SQS's redrive
policy does.

FIFO queues (names ending in `.fifo`, as on SQS) add message groups: while
any message of a group is in flight, no other message of that group is
handed out, and a group's messages come in the order sent. A send carrying
a deduplication id already sent in the last five minutes is accepted and
dropped. Standard queues instead allow a per-message delay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

MAX_BATCH = 10  # SQS's limit for a receive and for a batched send
MAX_DELAY = 900  # SQS's limit for a message's delay, in seconds
MAX_VISIBILITY = 43_200  # SQS: a message is hidden at most 12 hours after its first receive
DEDUPLICATION_WINDOW = 300.0  # seconds during which a FIFO queue drops a repeated send


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
class Outgoing:
    """A message to send."""

    body: str
    group: str | None = None  # FIFO: required; one consumer at a time per group
    dedup_id: str | None = None  # FIFO: required; repeats within five minutes are dropped
    delay: int = 0  # standard queues only: seconds before it can be received (up to 900)
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Message:
    id: str
    receipt: str
    body: str
    receive_count: int
    sent_at: float  # epoch seconds
    first_received_at: float
    attributes: Mapping[str, str] = field(default_factory=dict)
    group: str | None = None


class Queue(Protocol):
    name: str

    def send(self, message: Outgoing) -> str:
        """Enqueue; returns the message id."""
        ...

    def send_batch(self, messages: Sequence[Outgoing]) -> None:
        """Enqueue up to ten in one call; raises if any was refused."""
        ...

    def receive(
        self,
        *,
        max_messages: int = MAX_BATCH,
        visibility_timeout: int | None = None,
        wait_seconds: float = 0,
    ) -> list[Message]: ...

    def delete(self, receipt: str) -> None: ...

    def change_visibility(self, receipt: str, seconds: int) -> None: ...

    def approximate_count(self) -> int:
        """Messages waiting or in flight."""
        ...


def check_batch(queue: str, messages: Sequence[Outgoing]) -> None:
    if not 1 <= len(messages) <= MAX_BATCH:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH} messages")
    for message in messages:
        check_outgoing(queue, message)


def check_outgoing(queue: str, message: Outgoing) -> None:
    """What SQS refuses, refused alike by both implementations."""
    fifo = queue.endswith(".fifo")
    if fifo and (not message.group or not message.dedup_id):
        raise ValueError(f"{queue}: a FIFO queue needs a message group and a deduplication id")
    if fifo and message.delay:
        raise ValueError(f"{queue}: a FIFO queue takes no per-message delay")
    if not fifo and (message.group or message.dedup_id):
        raise ValueError(f"{queue}: groups and deduplication ids are for FIFO queues")
    if not 0 <= message.delay <= MAX_DELAY:
        raise ValueError(f"a message's delay must be 0 to {MAX_DELAY} seconds")
    for value in (message.group, message.dedup_id):
        if value is not None and not 1 <= len(value) <= 128:
            raise ValueError("message groups and deduplication ids are 1 to 128 characters")
