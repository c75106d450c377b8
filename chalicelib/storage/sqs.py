"""The queue on SQS. Redrive to the dead-letter queue is the queue's own
policy (set when the queue is created), so nothing here counts receives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chalicelib.storage.aws_clients import client
from chalicelib.storage.queues import MAX_BATCH, Message, Outgoing, check_batch, check_outgoing


class SqsQueue:
    def __init__(self, name: str, region: str) -> None:
        self.name = name
        self._region = region
        self._url: str | None = None

    @property
    def _sqs(self) -> Any:
        return client("sqs", self._region)

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = str(self._sqs.get_queue_url(QueueName=self.name)["QueueUrl"])
        return self._url

    def send(self, message: Outgoing) -> str:
        check_outgoing(self.name, message)
        response = self._sqs.send_message(QueueUrl=self.url, **_entry(message))
        return str(response["MessageId"])

    def send_batch(self, messages: Sequence[Outgoing]) -> None:
        check_batch(self.name, messages)
        entries = [{"Id": str(i), **_entry(m)} for i, m in enumerate(messages)]
        for _attempt in range(3):  # SQS may refuse some entries of a batch for a moment
            failed = self._sqs.send_message_batch(QueueUrl=self.url, Entries=entries).get(
                "Failed", []
            )
            if not failed:
                return
            if any(f.get("SenderFault") for f in failed):
                raise ValueError(f"{self.name} refused messages: {failed[0].get('Message')}")
            refused = {f["Id"] for f in failed}
            entries = [entry for entry in entries if entry["Id"] in refused]
        raise RuntimeError(f"{self.name} kept refusing {len(entries)} message(s)")

    def receive(
        self,
        *,
        max_messages: int = MAX_BATCH,
        visibility_timeout: int | None = None,
        wait_seconds: float = 0,
    ) -> list[Message]:
        request: dict[str, Any] = {
            "QueueUrl": self.url,
            "MaxNumberOfMessages": max_messages,
            "WaitTimeSeconds": int(wait_seconds),
            "MessageSystemAttributeNames": ["All"],
            "MessageAttributeNames": ["All"],
        }
        if visibility_timeout is not None:
            request["VisibilityTimeout"] = visibility_timeout
        response = self._sqs.receive_message(**request)
        return [_message(raw) for raw in response.get("Messages", [])]

    def delete(self, receipt: str) -> None:
        self._sqs.delete_message(QueueUrl=self.url, ReceiptHandle=receipt)

    def change_visibility(self, receipt: str, seconds: int) -> None:
        self._sqs.change_message_visibility(
            QueueUrl=self.url, ReceiptHandle=receipt, VisibilityTimeout=seconds
        )

    def approximate_count(self) -> int:
        attributes = self._sqs.get_queue_attributes(
            QueueUrl=self.url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        return sum(int(value) for value in attributes.values())


def _entry(message: Outgoing) -> dict[str, Any]:
    entry: dict[str, Any] = {"MessageBody": message.body}
    if message.group is not None:
        entry["MessageGroupId"] = message.group
    if message.dedup_id is not None:
        entry["MessageDeduplicationId"] = message.dedup_id
    if message.delay:
        entry["DelaySeconds"] = message.delay
    if message.attributes:
        entry["MessageAttributes"] = {
            name: {"DataType": "String", "StringValue": value}
            for name, value in message.attributes.items()
        }
    return entry


def _message(raw: dict[str, Any]) -> Message:
    attributes = raw.get("Attributes", {})
    return Message(
        id=raw["MessageId"],
        receipt=raw["ReceiptHandle"],
        body=raw["Body"],
        receive_count=int(attributes.get("ApproximateReceiveCount", "1")),
        sent_at=int(attributes.get("SentTimestamp", "0")) / 1000,
        first_received_at=int(attributes.get("ApproximateFirstReceiveTimestamp", "0")) / 1000,
        attributes={
            name: value.get("StringValue", "")
            for name, value in raw.get("MessageAttributes", {}).items()
        },
        group=attributes.get("MessageGroupId"),
    )
