"""Which store implementation a stage uses: AWS or embedded, by STOREKEEPER_BACKEND.

Each store is built on first use and reused: a warm Lambda container keeps
its clients, the embedded stores keep their SQLite connections, and a
handler builds only the stores it touches.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from chalicelib.config import Settings
from chalicelib.storage.blobs import BlobStore
from chalicelib.storage.queues import Queue
from chalicelib.storage.table import Table

if TYPE_CHECKING:
    from chalicelib.storage.embedded import EmbeddedStorage


@lru_cache(maxsize=16)
def blob_store(settings: Settings, bucket: str) -> BlobStore:
    if settings.backend == "aws":
        from chalicelib.storage.s3 import S3BlobStore

        return S3BlobStore(bucket, settings.region)
    return embedded_storage(settings).bucket(bucket)


@lru_cache(maxsize=8)
def table(settings: Settings) -> Table:
    if settings.backend == "aws":
        from chalicelib.storage.dynamodb import DynamoTable

        return DynamoTable(settings.table_name, settings.region)
    return embedded_storage(settings).table(settings.table_name)


@lru_cache(maxsize=16)
def queue(settings: Settings, name: str) -> Queue:
    if settings.backend == "aws":
        from chalicelib.storage.sqs import SqsQueue

        return SqsQueue(name, settings.region)
    return embedded_storage(settings).queue(name)


@lru_cache(maxsize=8)
def embedded_storage(settings: Settings) -> EmbeddedStorage:
    """The embedded backend, provisioned as the stage describes it (idempotent, once)."""
    from chalicelib.storage.embedded import EmbeddedStorage
    from chalicelib.storage.resources import stage_resources

    storage = EmbeddedStorage(settings.data_path)
    described = stage_resources(settings)
    storage.provision((bucket.name for bucket in described.buckets), described.queues.values())
    return storage
