"""The blob store contract, for S3 and for directories alike."""

from __future__ import annotations

import hashlib

import pytest

from chalicelib.storage.blobs import BlobNotFound, BlobTooLarge
from tests.storage.conftest import Backend

ODD_KEYS = ["products/a photo.jpg", "products/c++ mug+lid.png", "products/été/Ünïcødé 写真.webp"]


def test_put_then_get_returns_bytes_and_what_was_said_about_them(backend: Backend) -> None:
    data = b"\xff\xd8 not really a jpeg"
    info = backend.blobs.put(
        "products/mug.jpg",
        data,
        content_type="image/jpeg",
        cache_control="max-age=31536000, immutable",
        metadata={"Sku": "MUG-1", "source": "https://example.com/a?b=c"},
    )
    assert info.size == len(data)
    assert info.etag == hashlib.md5(data, usedforsecurity=False).hexdigest()
    blob = backend.blobs.get("products/mug.jpg")
    assert blob.data == data
    assert blob.info.content_type == "image/jpeg"
    assert blob.info.cache_control == "max-age=31536000, immutable"
    assert blob.info.metadata == {"sku": "MUG-1", "source": "https://example.com/a?b=c"}
    assert blob.info.etag == info.etag


def test_missing_objects(backend: Backend) -> None:
    with pytest.raises(BlobNotFound):
        backend.blobs.get("nothing/here.jpg")
    assert backend.blobs.head("nothing/here.jpg") is None
    backend.blobs.delete("nothing/here.jpg")  # idempotent, like S3


def test_size_cap_is_checked_before_reading(backend: Backend) -> None:
    backend.blobs.put("big.bin", b"x" * 1000)
    with pytest.raises(BlobTooLarge) as raised:
        backend.blobs.get("big.bin", max_bytes=999)
    assert raised.value.size == 1000
    assert backend.blobs.get("big.bin", max_bytes=1000).data == b"x" * 1000


def test_overwrite_and_delete(backend: Backend) -> None:
    backend.blobs.put("k.txt", b"one", content_type="text/plain")
    backend.blobs.put("k.txt", b"two", content_type="text/markdown")
    blob = backend.blobs.get("k.txt")
    assert (blob.data, blob.info.content_type) == (b"two", "text/markdown")
    backend.blobs.delete("k.txt")
    assert backend.blobs.head("k.txt") is None


@pytest.mark.parametrize("key", ODD_KEYS)
def test_odd_keys_round_trip(backend: Backend, key: str) -> None:
    backend.blobs.put(key, key.encode())
    assert backend.blobs.get(key).data == key.encode()
    assert [info.key for info in backend.blobs.list("products/")] == [key]


def test_list_by_prefix_in_key_order(backend: Backend) -> None:
    for key in ["b/2.txt", "a/1.txt", "b/1.txt", "c.txt", "b/sub/3.txt"]:
        backend.blobs.put(key, key.encode())
    assert [info.key for info in backend.blobs.list("b/")] == ["b/1.txt", "b/2.txt", "b/sub/3.txt"]
    assert len(list(backend.blobs.list())) == 5


def test_metadata_must_be_ascii(backend: Backend) -> None:
    with pytest.raises(ValueError, match="ASCII"):
        backend.blobs.put("m.txt", b"", metadata={"name": "crème"})
