"""Buckets as plain directories: `<data>/<bucket>/<key>` is the object.

A person can drop a file in and it is an object. What a directory cannot
hold (content type, cache control, user metadata, the ETag) lives in a
small SQLite index beside the buckets, trusted only while the file's size
and modification time still match it; otherwise it is derived from the file.

Writes go to a temporary file outside the buckets, are fsynced and then
renamed into place, so readers and the local event runtime never see half
an object and a killed process never leaves one.

What is on disk is not trusted: only regular files are objects (a named
pipe or a device is not, and is never opened in a way that could block), a
symbolic link counts only while it points inside the data directory, sizes
come from `stat` before anything is read, and names that no S3 key could
have (not UTF-8, over 1,024 bytes) are reported, not read. S3 keys may hold
segments longer than a file name may be (255 bytes): those objects live in
the state directory, named by the key's hash, with the key in the index.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import stat as stat_mode
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from chalicelib.storage.blobs import (
    DEFAULT_CONTENT_TYPE,
    Blob,
    BlobInfo,
    BlobNotFound,
    BlobTooLarge,
    InvalidKey,
    check_key,
    check_metadata,
)
from chalicelib.storage.sqlite import open_database

STATE_DIR = "_state"  # never a bucket: S3 bucket names cannot contain "_"
MAX_NAME_BYTES = 255  # one path segment, as Linux file systems allow
HASH_CHUNK = 1024 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS blobs (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    etag TEXT NOT NULL,
    content_type TEXT NOT NULL,
    cache_control TEXT,
    metadata TEXT NOT NULL,
    PRIMARY KEY (bucket, key)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Entry:
    """A file found in a bucket directory: an object's key and stamp, or why it is none."""

    key: str  # as found on disk; undecodable bytes show as surrogates
    size: int = 0
    mtime_ns: int = 0
    problem: str | None = None


class FileBlobStore:
    def __init__(self, data_dir: Path, bucket: str) -> None:
        self.bucket = bucket
        self.root = data_dir / bucket
        self.root.mkdir(parents=True, exist_ok=True)
        self._boundary = os.path.realpath(data_dir)
        self._long = data_dir / STATE_DIR / "long-keys" / bucket
        self._tmp = data_dir / STATE_DIR / "tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)
        self._db = open_database(data_dir / STATE_DIR / "blobs.sqlite3", _SCHEMA)

    def path_of(self, key: str) -> Path:
        check_key(key)
        parts = key.split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise InvalidKey(f"the embedded store cannot hold key {key[:60]!r}")
        if _long(key):
            return self._long / hashlib.sha256(key.encode()).hexdigest()
        return self.root.joinpath(*parts)

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        cache_control: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> BlobInfo:
        path = self.path_of(key)
        meta = check_metadata(metadata)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self._inside(path.parent):
            raise InvalidKey(f"{key[:60]!r} leads out of the data directory through a link")
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp)
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        _fsync_dir(path.parent)
        stat = path.stat()
        etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.bucket,
                    key,
                    stat.st_size,
                    stat.st_mtime_ns,
                    etag,
                    content_type,
                    cache_control,
                    json.dumps(meta),
                ),
            )
        return BlobInfo(key, stat.st_size, etag, _mtime(stat), content_type, cache_control, meta)

    def get(self, key: str, *, max_bytes: int | None = None) -> Blob:
        with self._open(key) as (file, stat):
            if max_bytes is not None and stat.st_size > max_bytes:
                raise BlobTooLarge(key, stat.st_size, max_bytes)
            data = file.read()
        return Blob(self._info(key, stat, data), data)

    def head(self, key: str) -> BlobInfo | None:
        try:
            with self._open(key) as (file, stat):
                return self._info(key, stat, file)
        except BlobNotFound:
            return None

    def delete(self, key: str) -> None:
        path = self.path_of(key)
        with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
            path.unlink()
        with self._db.write() as conn:
            conn.execute("DELETE FROM blobs WHERE bucket = ? AND key = ?", (self.bucket, key))
        self._prune_empty_dirs(path.parent)

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        keys = sorted(
            (entry.key for entry in self.entries() if entry.problem is None),
            key=lambda key: key.encode(),
        )
        for key in keys:
            if key.startswith(prefix):
                info = self.head(key)
                if info is not None:
                    yield info

    def entries(self) -> Iterator[Entry]:
        """Every file in the bucket, from `stat` alone: objects, and what cannot be one."""
        for directory, dirs, names in os.walk(self.root):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(directory, name)
                key = os.path.relpath(path, self.root).replace(os.sep, "/")
                try:
                    check_key(key)
                    stat = self._regular_stat(path)
                except (InvalidKey, BlobNotFound) as error:
                    yield Entry(key, problem=str(error) or "gone")
                    continue
                yield Entry(key, stat.st_size, stat.st_mtime_ns)
        rows = self._db.read("SELECT key FROM blobs WHERE bucket = ?", (self.bucket,))
        for row in rows:
            if _long(row["key"]):
                with contextlib.suppress(BlobNotFound):
                    stat = self._regular_stat(str(self.path_of(row["key"])))
                    yield Entry(row["key"], stat.st_size, stat.st_mtime_ns)

    @contextlib.contextmanager
    def _open(self, key: str) -> Iterator[tuple[IO[bytes], os.stat_result]]:
        """The object's file, opened only if it is a regular file inside the data directory."""
        path = self.path_of(key)
        if not self._inside(path):
            raise BlobNotFound(key)
        try:
            # Non-blocking, so a named pipe swapped in is refused instead of waited on.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
            raise BlobNotFound(key) from None
        with os.fdopen(fd, "rb") as file:
            stat = os.fstat(fd)
            if not stat_mode.S_ISREG(stat.st_mode):
                raise BlobNotFound(key)
            yield file, stat

    def _regular_stat(self, path: str) -> os.stat_result:
        if not self._inside(Path(path)):
            raise BlobNotFound("a link out of the data directory")
        try:
            stat = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise BlobNotFound("gone") from None
        if not stat_mode.S_ISREG(stat.st_mode):
            raise BlobNotFound("not a regular file")
        return stat

    def _inside(self, path: Path) -> bool:
        real = os.path.realpath(path)
        return real == self._boundary or real.startswith(self._boundary + os.sep)

    def _info(self, key: str, stat: os.stat_result, content: bytes | IO[bytes]) -> BlobInfo:
        rows = self._db.read("SELECT * FROM blobs WHERE bucket = ? AND key = ?", (self.bucket, key))
        row = rows[0] if rows else None
        if row is not None and (row["size"], row["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
            return BlobInfo(
                key,
                stat.st_size,
                row["etag"],
                _mtime(stat),
                row["content_type"],
                row["cache_control"],
                json.loads(row["metadata"]),
            )
        # Dropped in (or replaced) by hand: derive what S3 would report.
        guessed = mimetypes.guess_type(key)[0] or DEFAULT_CONTENT_TYPE
        return BlobInfo(key, stat.st_size, _md5(content), _mtime(stat), guessed)

    def _prune_empty_dirs(self, directory: Path) -> None:
        while directory != self.root and self.root in directory.parents:
            try:
                directory.rmdir()
            except OSError:
                return
            directory = directory.parent


def _long(key: str) -> bool:
    return any(len(part.encode()) > MAX_NAME_BYTES for part in key.split("/"))


def _md5(content: bytes | IO[bytes]) -> str:
    """The ETag: of the bytes, or read from an open file a chunk at a time (bounded memory)."""
    digest = hashlib.md5(usedforsecurity=False)
    if isinstance(content, bytes):
        digest.update(content)
    else:
        while chunk := content.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _mtime(stat: os.stat_result) -> datetime:
    return datetime.fromtimestamp(stat.st_mtime_ns / 1e9, tz=UTC)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
