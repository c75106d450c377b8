"""The queue contract, for SQS and SQLite alike."""

from __future__ import annotations

import time

from tests.storage.conftest import QUEUE, Backend


def test_send_receive_delete(backend: Backend) -> None:
    message_id = backend.queue.send('{"sku": "MUG-1"}', attributes={"kind": "scrape"})
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
    backend.queue.send("one")
    [first] = backend.queue.receive(visibility_timeout=1)
    assert backend.queue.receive() == []
    assert backend.queue.approximate_count() == 1
    time.sleep(1.2)
    [again] = backend.queue.receive(visibility_timeout=30)
    assert again.id == first.id
    assert again.receive_count == 2
    assert again.receipt != first.receipt


def test_change_visibility_releases_a_message_now(backend: Backend) -> None:
    backend.queue.send("one")
    [message] = backend.queue.receive()
    backend.queue.change_visibility(message.receipt, 0)
    [again] = backend.queue.receive()
    assert again.id == message.id


def test_batches_are_capped_and_every_message_comes_once(backend: Backend) -> None:
    for i in range(13):
        backend.queue.send(str(i))
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
    backend.queue.send("poison")
    for attempt in range(1, QUEUE.max_receives + 1):
        [message] = backend.queue.receive(visibility_timeout=0)
        assert message.receive_count == attempt
    assert backend.queue.receive(visibility_timeout=0) == []
    [dead] = backend.dead_letters.receive()
    assert dead.body == "poison"
