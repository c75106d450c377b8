"""The embedded backend as one thing: everything it keeps under a data directory.

Buckets are plain directories beside a `_state/` directory that holds what
files cannot: the blob index, the table, the queues, and whatever the local
runtime records for itself. The app's factory and the local runtime both go
through this class, so the layout is decided here and nowhere else.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterable, Iterator
from pathlib import Path

from chalicelib.storage.files import STATE_DIR, FileBlobStore
from chalicelib.storage.queues import QueueSettings
from chalicelib.storage.sqlite import Database, open_database
from chalicelib.storage.sqlite_queue import SqliteQueue, declare_queue
from chalicelib.storage.sqlite_table import SqliteTable


class EmbeddedStorage:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def bucket(self, name: str) -> FileBlobStore:
        return FileBlobStore(self.data_dir, name)

    def table(self, name: str) -> SqliteTable:
        return SqliteTable(self.data_dir, name)

    def queue(self, name: str) -> SqliteQueue:
        return SqliteQueue(self.data_dir, name)

    def provision(self, buckets: Iterable[str], queues: Iterable[QueueSettings]) -> None:
        """What the AWS bootstrap creates, on disk: bucket directories and queues."""
        for bucket in buckets:
            (self.data_dir / bucket).mkdir(parents=True, exist_ok=True)
        for declared in queues:
            declare_queue(self.data_dir, declared)

    def state_path(self, name: str) -> Path:
        """A file of the embedded backend's own (never inside a bucket)."""
        path = self.data_dir / STATE_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def database(self, name: str, schema: str) -> Database:
        return open_database(self.state_path(f"{name}.sqlite3"), schema)

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[bool]:
        """An advisory lock on this data directory; yields False when another process holds it."""
        with self.state_path(f"{name}.lock").open("w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
