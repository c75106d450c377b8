"""The queue contract, for SQS and SQLite alike."""

from __future__ import annotations

import time

import pytest

from chalicelib.storage.queues import Outgoing
from tests.storage.conftest import FIFO, QUEUE, Backend


def test_send_receive_delete(backend: Backend) -> None:
    message_id = backend.queue.send(Outgoing('{"sku": "MUG-1"}', attributes={"kind": "scrape"}))
    [message] = backend.queue.receive(max_messages=10)
    assert message.id == message_id
    assert message.body == '{"sku": "MUG-1"}'
    assert message.receive_count == 1
    assert message.attributes == {"kind": "scrape"}
    assert message.sent_at > time.time() - 60
    backend.queue.delete(message.receipt)
    assert backend.queue.receive(max_messages=10) == []
    assert backend.queue.approximate_count() == 0


def test_a_received_message_stays_hidden_until_its_timeout(backend: Backend) -> None:
    backend.queue.send(Outgoing("one"))
    [first] = backend.queue.receive(visibility_timeout=1)
    assert backend.queue.receive() == []
    assert backend.queue.approximate_count() == 1
    time.sleep(1.2)
    [again] = backend.queue.receive(visibility_timeout=30)
    assert again.id == first.id
    assert again.receive_count == 2
    assert again.receipt != first.receipt


def test_change_visibility_releases_a_message_now(backend: Backend) -> None:
    backend.queue.send(Outgoing("one"))
    [message] = backend.queue.receive()
    backend.queue.change_visibility(message.receipt, 0)
    [again] = backend.queue.receive()
    assert again.id == message.id


def test_batches_are_capped_and_every_message_comes_once(backend: Backend) -> None:
    for i in range(13):
        backend.queue.send(Outgoing(str(i)))
    seen: list[str] = []
    for _ in range(5):
        batch = backend.queue.receive(max_messages=10)
        assert len(batch) <= 10
        seen += [m.body for m in batch]
        for m in batch:
            backend.queue.delete(m.receipt)
    # A standard queue promises no order; each message once, here, with none left.
    assert sorted(seen, key=int) == [str(i) for i in range(13)]


def test_dead_letter_after_max_receives(backend: Backend) -> None:
    backend.queue.send(Outgoing("poison"))
    for attempt in range(1, QUEUE.max_receives + 1):
        [message] = backend.queue.receive(visibility_timeout=0)
        assert message.receive_count == attempt
    assert backend.queue.receive(visibility_timeout=0) == []
    [dead] = backend.dead_letters.receive()
    assert dead.body == "poison"


def test_a_batch_send_delivers_every_message(backend: Backend) -> None:
    backend.queue.send_batch([Outgoing(f"m{i}") for i in range(10)])
    seen = []
    while batch := backend.queue.receive(max_messages=10):
        seen += [m.body for m in batch]
        for m in batch:
            backend.queue.delete(m.receipt)
    assert sorted(seen) == sorted(f"m{i}" for i in range(10))
    with pytest.raises(ValueError, match="1 to 10"):
        backend.queue.send_batch([Outgoing("x")] * 11)


def test_a_delayed_message_waits(backend: Backend) -> None:
    backend.queue.send(Outgoing("later", delay=1))
    backend.queue.send(Outgoing("now"))
    assert [m.body for m in backend.queue.receive()] == ["now"]
    time.sleep(1.2)
    assert [m.body for m in backend.queue.receive()] == ["later"]


def fifo(body: str, group: str, dedup: str | None = None) -> Outgoing:
    return Outgoing(body, group=group, dedup_id=dedup or body)


def test_a_fifo_group_is_handed_out_in_order_and_to_one_consumer_at_a_time(
    backend: Backend,
) -> None:
    backend.fifo.send_batch([fifo(f"a{i}", "shop-a") for i in range(3)] + [fifo("b0", "shop-b")])
    first = backend.fifo.receive(max_messages=2, visibility_timeout=30)
    assert [m.body for m in first] == ["a0", "a1"]  # a group's messages, in the order sent
    assert {m.group for m in first} == {"shop-a"}
    # While shop-a has messages in flight, nobody else gets its next one.
    second = backend.fifo.receive(max_messages=10)
    assert [m.body for m in second] == ["b0"]
    assert backend.fifo.receive(max_messages=10) == []
    for m in first:
        backend.fifo.delete(m.receipt)
    assert [m.body for m in backend.fifo.receive(max_messages=10)] == ["a2"]


def test_a_failed_fifo_message_holds_its_group_until_it_is_visible_again(
    backend: Backend,
) -> None:
    backend.fifo.send_batch([fifo("a0", "shop-a"), fifo("a1", "shop-a")])
    [a0] = backend.fifo.receive(max_messages=1)
    backend.fifo.change_visibility(a0.receipt, 1)  # a backoff
    assert backend.fifo.receive(max_messages=10) == []
    time.sleep(1.2)
    again = backend.fifo.receive(max_messages=10)
    assert [m.body for m in again] == ["a0", "a1"]
    assert again[0].receive_count == 2


def test_fifo_drops_a_repeated_deduplication_id(backend: Backend) -> None:
    backend.fifo.send(fifo("page", "shop-a", dedup="run-1:page"))
    backend.fifo.send(fifo("page again", "shop-a", dedup="run-1:page"))
    backend.fifo.send_batch([fifo("page once more", "shop-a", dedup="run-1:page")])
    assert [m.body for m in backend.fifo.receive(max_messages=10)] == ["page"]


def test_fifo_refuses_what_sqs_refuses(backend: Backend) -> None:
    with pytest.raises(ValueError, match="group"):
        backend.fifo.send(Outgoing("no group"))
    with pytest.raises(ValueError, match="delay"):
        backend.fifo.send(Outgoing("late", group="g", dedup_id="d", delay=5))
    with pytest.raises(ValueError, match="FIFO"):
        backend.queue.send(Outgoing("grouped", group="g", dedup_id="d"))


def test_a_fifo_message_is_dead_lettered_after_max_receives(backend: Backend) -> None:
    backend.fifo.send(fifo("poison", "shop-a"))
    for attempt in range(1, FIFO.max_receives + 1):
        [message] = backend.fifo.receive(visibility_timeout=0)
        assert message.receive_count == attempt
    assert backend.fifo.receive(visibility_timeout=0) == []
    [dead] = backend.fifo_dead_letters.receive()
    assert dead.body == "poison"
