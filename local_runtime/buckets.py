"""S3 notifications for buckets that are directories.

Whatever changes a bucket directory (the app through the embedded store, or
a person dropping a file in), the watcher compares the directory with an
index of what it has already announced and sends ObjectCreated:Put and
ObjectRemoved:Delete events for the differences. The index is on disk, so
files added while the runtime was stopped are announced when it starts,
and an event whose handler was still running at a crash is sent again.

A file still being written (modified in the last moment) waits until it
settles, so a handler never reads half a photo being copied in.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chalicelib.storage.files import STATE_DIR
from chalicelib.storage.sqlite import open_database

SETTLE_SECONDS = 0.3
RESCAN_SECONDS = 2.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS announced (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    PRIMARY KEY (bucket, key)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Change:
    bucket: str
    key: str
    event_name: str  # ObjectCreated:Put or ObjectRemoved:Delete
    size: int | None = None
    etag: str | None = None
    stamp: tuple[int, int] | None = None  # (size, mtime_ns) of a created object


Announce = Callable[[Change, Callable[[], None]], None]


class BucketWatcher:
    """`announce(change, done)` must call `done()` once the handlers have run."""

    def __init__(self, data_dir: Path, buckets: set[str], announce: Announce) -> None:
        self.data_dir = data_dir
        self.buckets = sorted(buckets)
        self._announce = announce
        self._index = open_database(data_dir / STATE_DIR / "announced.sqlite3", _SCHEMA)
        self._pending: set[tuple[str, str, tuple[int, int] | None]] = set()
        self._lock = threading.Lock()
        for bucket in self.buckets:
            (data_dir / bucket).mkdir(parents=True, exist_ok=True)

    def scan(self) -> float | None:
        """Announce every difference; return seconds until an unsettled file should be rechecked."""
        recheck: float | None = None
        now = time.time_ns()
        for bucket in self.buckets:
            on_disk = self._files(bucket)
            announced = {
                row["key"]: (row["size"], row["mtime_ns"])
                for row in self._index.read("SELECT * FROM announced WHERE bucket = ?", (bucket,))
            }
            for key, stamp in sorted(on_disk.items()):
                if announced.get(key) == stamp:
                    continue
                age = (now - stamp[1]) / 1e9
                if age < SETTLE_SECONDS:
                    wait = SETTLE_SECONDS - age
                    recheck = wait if recheck is None else min(recheck, wait)
                    continue
                self._send(Change(bucket, key, "ObjectCreated:Put", stamp=stamp))
            for key in sorted(set(announced) - set(on_disk)):
                self._send(Change(bucket, key, "ObjectRemoved:Delete"))
        return recheck

    def run(self, stop: threading.Event) -> None:
        import watchfiles

        # Scan once the watch is in place (its first yield), and every few seconds
        # after: inotify can miss a file written into a directory it has not
        # started watching yet, and a scan costs a few stat calls.
        recheck_at = time.monotonic()
        for changes in watchfiles.watch(
            *(self.data_dir / bucket for bucket in self.buckets),
            stop_event=stop,
            debounce=200,
            step=20,
            rust_timeout=100,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if changes or time.monotonic() >= recheck_at:
                wait = self.scan()
                recheck_at = time.monotonic() + (RESCAN_SECONDS if wait is None else wait)

    def _files(self, bucket: str) -> dict[str, tuple[int, int]]:
        root = self.data_dir / bucket
        files = {}
        for directory, _dirs, names in os.walk(root):
            for name in names:
                path = Path(directory, name)
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue
                files[path.relative_to(root).as_posix()] = (stat.st_size, stat.st_mtime_ns)
        return files

    def _send(self, change: Change) -> None:
        marker = (change.bucket, change.key, change.stamp)
        with self._lock:
            if marker in self._pending:
                return  # already on its way
            self._pending.add(marker)
        if change.stamp is not None:
            path = self.data_dir / change.bucket / change.key
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                with self._lock:
                    self._pending.discard(marker)
                return
            change = Change(
                change.bucket,
                change.key,
                change.event_name,
                size=len(data),
                etag=hashlib.md5(data, usedforsecurity=False).hexdigest(),
                stamp=change.stamp,
            )

        def done() -> None:
            self._record(change)
            with self._lock:
                self._pending.discard(marker)

        self._announce(change, done)

    def _record(self, change: Change) -> None:
        with self._index.write() as conn:
            if change.stamp is None:
                conn.execute(
                    "DELETE FROM announced WHERE bucket = ? AND key = ?",
                    (change.bucket, change.key),
                )
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO announced VALUES (?, ?, ?, ?)",
                    (change.bucket, change.key, *change.stamp),
                )
