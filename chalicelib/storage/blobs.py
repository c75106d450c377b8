"""The blob store interface: S3 buckets, or directories on disk."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

DEFAULT_CONTENT_TYPE = "application/octet-stream"


class BlobNotFound(KeyError):
    pass


class BlobTooLarge(ValueError):
    def __init__(self, key: str, size: int, limit: int) -> None:
        super().__init__(f"{key} is {size} bytes, over the {limit}-byte limit")
        self.size = size
        self.limit = limit


class InvalidKey(ValueError):
    pass


@dataclass(frozen=True)
class BlobInfo:
    key: str
    size: int
    etag: str
    last_modified: datetime
    content_type: str = DEFAULT_CONTENT_TYPE
    cache_control: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Blob:
    info: BlobInfo
    data: bytes


class BlobStore(Protocol):
    """One bucket. Keys are S3 keys: '/'-separated, UTF-8, at most 1024 bytes."""

    bucket: str

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        cache_control: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> BlobInfo: ...

    def get(self, key: str, *, max_bytes: int | None = None) -> Blob:
        """Raises BlobNotFound, or BlobTooLarge (before reading) past `max_bytes`."""
        ...

    def head(self, key: str) -> BlobInfo | None: ...

    def delete(self, key: str) -> None:
        """Idempotent: deleting a missing key is not an error."""
        ...

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        """Every object whose key starts with `prefix`, in key order."""
        ...


def check_key(key: str) -> str:
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidKey(f"object keys must be UTF-8: {key[:40]!r}") from None
    if not key or len(encoded) > 1024:
        raise InvalidKey(f"object keys must be 1 to 1024 bytes: {key[:40]!r}")
    if "\x00" in key:
        raise InvalidKey(f"object keys must not contain NUL: {key[:40]!r}")
    return key


def check_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """S3 user metadata is ASCII; checking here keeps both stores alike."""
    checked = {}
    for name, value in (metadata or {}).items():
        if not (name.isascii() and value.isascii()) or not name:
            raise ValueError(f"metadata must be ASCII: {name!r}")
        checked[name.lower()] = value
    return checked
