"""S3 notifications for buckets that are directories.

Whatever changes a bucket directory (the app through the embedded store, or
a person dropping a file in), the watcher compares the directory with an
index of what it has already announced and sends ObjectCreated:Put and
ObjectRemoved:Delete events for the differences. The index is on disk, so
files added while the runtime was stopped are announced when it starts,
and an event whose handler was still running at a crash is sent again.

A file still being written (modified in the last moment) waits until it
settles, so a handler never reads half a photo being copied in.

The watcher never dies of what it finds: a file no S3 object could be (a
name that is not UTF-8, a named pipe, a link out of the data directory) is
logged once and skipped; if the file-system watch itself fails, it keeps
going by rescanning on a timer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from chalicelib.logs import log_event
from chalicelib.storage.embedded import EmbeddedStorage

log = logging.getLogger("local_runtime")

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

    def __init__(self, storage: EmbeddedStorage, buckets: set[str], announce: Announce) -> None:
        self.buckets = {name: storage.bucket(name) for name in sorted(buckets)}
        self._announce = announce
        self._index = storage.database("announced", _SCHEMA)
        self._pending: set[tuple[str, str, tuple[int, int] | None]] = set()
        self._reported: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def scan(self) -> float | None:
        """Announce every difference; return seconds until an unsettled file should be rechecked."""
        recheck: float | None = None
        now = time.time_ns()
        for bucket, store in self.buckets.items():
            on_disk = {}
            for entry in store.entries():
                if entry.problem is None:
                    on_disk[entry.key] = (entry.size, entry.mtime_ns)
                else:
                    self._report(bucket, entry.key, entry.problem)
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
        while not stop.is_set():
            try:
                self._watch(stop)
            except Exception as error:  # the watch broke; rescanning on a timer still works
                log_event(
                    log,
                    "bucket watch failed; rescanning every few seconds",
                    logging.WARNING,
                    error=f"{type(error).__name__}: {error}",
                )
                self._poll(stop)

    def _watch(self, stop: threading.Event) -> None:
        import watchfiles

        # Scan once the watch is in place (its first yield), and every few seconds
        # after: inotify can miss a file written into a directory it has not
        # started watching yet, and a scan costs a few stat calls.
        recheck_at = time.monotonic()
        for changes in watchfiles.watch(
            *(store.root for store in self.buckets.values()),
            stop_event=stop,
            debounce=200,
            step=20,
            rust_timeout=100,
            yield_on_timeout=True,
            raise_interrupt=False,
        ):
            if changes or time.monotonic() >= recheck_at:
                wait = self._safe_scan()
                recheck_at = time.monotonic() + (RESCAN_SECONDS if wait is None else wait)

    def _poll(self, stop: threading.Event) -> None:
        """Rescan on a timer for a while, then try the watch again."""
        until = time.monotonic() + 60
        while not stop.is_set() and time.monotonic() < until:
            wait = self._safe_scan()
            stop.wait(RESCAN_SECONDS if wait is None else min(wait, RESCAN_SECONDS))

    def _safe_scan(self) -> float | None:
        try:
            return self.scan()
        except Exception:
            log_event(log, "bucket scan failed", logging.ERROR, exc_info=True)
            return RESCAN_SECONDS

    def _report(self, bucket: str, key: str, problem: str) -> None:
        if (bucket, key) in self._reported:
            return
        self._reported.add((bucket, key))
        log_event(
            log,
            "file skipped: it cannot be an S3 object",
            logging.WARNING,
            bucket=bucket,
            key=ascii(key),
            reason=problem,
        )

    def _send(self, change: Change) -> None:
        marker = (change.bucket, change.key, change.stamp)
        with self._lock:
            if marker in self._pending:
                return  # already on its way
            self._pending.add(marker)
        if change.stamp is not None:
            info = self.buckets[change.bucket].head(change.key)  # hashed a chunk at a time
            if info is None:  # gone, or turned into something that is not a file
                with self._lock:
                    self._pending.discard(marker)
                return
            change = replace(change, size=info.size, etag=info.etag)

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
