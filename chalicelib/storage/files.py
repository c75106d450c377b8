"""Buckets as plain directories: `<data>/<bucket>/<key>` is the object.

A person can drop a file in and it is an object. What a directory cannot
hold (content type, cache control, user metadata, the ETag) lives in a
small SQLite index beside the buckets, trusted only while the file's size
and modification time still match it; otherwise it is derived from the file.

Writes go to a temporary file outside the buckets, are fsynced and then
renamed into place, so readers and the local event runtime never see half
an object and a killed process never leaves one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import tempfile
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

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


class FileBlobStore:
    def __init__(self, data_dir: Path, bucket: str) -> None:
        self.bucket = bucket
        self.root = data_dir / bucket
        self.root.mkdir(parents=True, exist_ok=True)
        self._tmp = data_dir / STATE_DIR / "tmp"
        self._tmp.mkdir(parents=True, exist_ok=True)
        self._db = open_database(data_dir / STATE_DIR / "blobs.sqlite3", _SCHEMA)

    def path_of(self, key: str) -> Path:
        check_key(key)
        parts = key.split("/")
        if any(part in ("", ".", "..") for part in parts) or "\\" in key:
            raise InvalidKey(f"the embedded store cannot hold key {key[:60]!r}")
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
        path = self.path_of(key)
        try:
            with path.open("rb") as file:
                stat = os.fstat(file.fileno())
                if max_bytes is not None and stat.st_size > max_bytes:
                    raise BlobTooLarge(key, stat.st_size, max_bytes)
                data = file.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise BlobNotFound(key) from None
        return Blob(self._info(key, stat, data), data)

    def head(self, key: str) -> BlobInfo | None:
        path = self.path_of(key)
        try:
            stat = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        if not path.is_file():
            return None
        return self._info(key, stat, None)

    def delete(self, key: str) -> None:
        path = self.path_of(key)
        with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
            path.unlink()
        with self._db.write() as conn:
            conn.execute("DELETE FROM blobs WHERE bucket = ? AND key = ?", (self.bucket, key))
        self._prune_empty_dirs(path.parent)

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        keys = sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*")
            if path.is_file()
        )
        for key in keys:
            if key.startswith(prefix):
                info = self.head(key)
                if info is not None:
                    yield info

    def _info(self, key: str, stat: os.stat_result, data: bytes | None) -> BlobInfo:
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
        if data is None:
            data = self.path_of(key).read_bytes()
        guessed = mimetypes.guess_type(key)[0] or DEFAULT_CONTENT_TYPE
        etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
        return BlobInfo(key, stat.st_size, etag, _mtime(stat), guessed)

    def _prune_empty_dirs(self, directory: Path) -> None:
        while directory != self.root and self.root in directory.parents:
            try:
                directory.rmdir()
            except OSError:
                return
            directory = directory.parent


def _mtime(stat: os.stat_result) -> datetime:
    return datetime.fromtimestamp(stat.st_mtime_ns / 1e9, tz=UTC)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
