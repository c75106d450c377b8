"""SQLite as the embedded stores use it: WAL, one connection per thread.

WAL lets readers run beside the one writer; `BEGIN IMMEDIATE` takes the
write lock before reading, so read-check-write sequences are atomic across
threads and processes; synchronous=FULL makes every acknowledged commit
survive a killed process and a power cut.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000

_open: dict[Path, Database] = {}
_open_lock = threading.Lock()


def open_database(path: Path, schema: str) -> Database:
    """One Database object per file in this process, shared by every store on it."""
    with _open_lock:
        if path not in _open:
            _open[path] = Database(path, schema)
        return _open[path]


class Database:
    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self._schema = schema
        self._local = threading.local()
        self._created = False
        self._lock = threading.Lock()

    def connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = FULL")
            with self._lock:
                if not self._created:
                    _enable_wal(conn)
                    conn.executescript(self._schema)  # CREATE ... IF NOT EXISTS
                    self._created = True
            self._local.conn = conn
        return conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the database's write lock throughout."""
        conn = self.connection()
        with _transaction(conn):
            yield conn

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        return self.connection().execute(sql, params).fetchall()


def _enable_wal(conn: sqlite3.Connection) -> None:
    """WAL is a property of the file: set it once, waiting out other writers."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
