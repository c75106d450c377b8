"""Which store implementation a stage uses, and the resources it declares.

Stores are built once per settings value and reused: a warm Lambda
container keeps its clients, and the embedded stores keep their SQLite
connections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chalicelib.config import Settings
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.queues import Queue, QueueSettings
from chalicelib.storage.table import Table


@dataclass(frozen=True)
class Stores:
    uploads: BlobStore
    thumbnails: BlobStore
    pages: BlobStore
    table: Table
    scrape_queue: Queue
    scrape_dead_letters: Queue


def queue_settings(settings: Settings) -> list[QueueSettings]:
    """The queues the app needs, with what they are created with."""
    return [
        QueueSettings(
            settings.scrape_queue,
            visibility_timeout=settings.scrape_visibility_timeout,
            dead_letter_queue=settings.scrape_dead_letter_queue,
            max_receives=settings.scrape_max_receives,
        ),
        QueueSettings(settings.scrape_dead_letter_queue, visibility_timeout=30),
    ]


@lru_cache(maxsize=8)
def stores(settings: Settings) -> Stores:
    return Stores(
        uploads=blob_store(settings, settings.uploads_bucket),
        thumbnails=blob_store(settings, settings.thumbnails_bucket),
        pages=blob_store(settings, settings.pages_bucket),
        table=table(settings),
        scrape_queue=queue(settings, settings.scrape_queue),
        scrape_dead_letters=queue(settings, settings.scrape_dead_letter_queue),
    )


def blob_store(settings: Settings, bucket: str) -> BlobStore:
    if settings.backend == "aws":
        from chalicelib.storage.s3 import S3BlobStore

        return S3BlobStore(bucket, settings.region)
    from chalicelib.storage.files import FileBlobStore

    return FileBlobStore(settings.data_path, bucket)


def table(settings: Settings) -> Table:
    if settings.backend == "aws":
        from chalicelib.storage.dynamodb import DynamoTable

        return DynamoTable(settings.table_name, settings.region)
    from chalicelib.storage.sqlite_table import SqliteTable

    return SqliteTable(settings.data_path, settings.table_name)


def queue(settings: Settings, name: str) -> Queue:
    if settings.backend == "aws":
        from chalicelib.storage.sqs import SqsQueue

        return SqsQueue(name, settings.region)
    from chalicelib.storage.sqlite_queue import SqliteQueue, declare_queue

    for declared in queue_settings(settings):
        if declared.name == name:
            declare_queue(settings.data_path, declared)
    return SqliteQueue(settings.data_path, name)


def provision_embedded(settings: Settings) -> None:
    """What the AWS bootstrap creates, on disk: bucket directories and queues."""
    from chalicelib.storage.sqlite_queue import declare_queue

    for bucket in settings.buckets:
        (settings.data_path / bucket).mkdir(parents=True, exist_ok=True)
    for declared in queue_settings(settings):
        declare_queue(settings.data_path, declared)
