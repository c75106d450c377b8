"""Upload events in, thumbnails out: the photo handler's work, minus the decorator.

Each record is handled on its own: a bad photo is logged with its key and
reason and skipped, and the rest of the event proceeds. Only unexpected
failures (S3 unavailable, a bug) make the invocation fail, after every
record has been tried, so Lambda retries the event (twice, then gives up);
rewriting thumbnails is idempotent, so a retry or a redelivery changes
nothing but the objects' timestamps.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from chalicelib.batches import S3Record, s3_records, try_each
from chalicelib.config import Settings
from chalicelib.images import OUTPUT_EXTENSIONS, ImageRejected, render_thumbnails, thumbnail_key
from chalicelib.logs import log_event
from chalicelib.storage.blobs import BlobNotFound, BlobStore, BlobTooLarge, InvalidKey

log = logging.getLogger(__name__)

# A year: thumbnails are fetched often and change only when their upload does.
CACHE_CONTROL = "public, max-age=31536000"


class PhotoEventFailed(RuntimeError):
    """Some records failed for reasons worth a retry; the others were done."""


def handle_event(
    event: Mapping[str, Any], settings: Settings, uploads: BlobStore, thumbnails: BlobStore
) -> None:
    def handle(record: S3Record) -> None:
        try:
            if record.event == "created":
                make_thumbnails(record, settings, uploads, thumbnails)
            else:
                remove_thumbnails(record, settings, uploads, thumbnails)
        except InvalidKey as error:
            _skip(record, str(error))

    ours = [record for record in s3_records(event) if _ours(record, settings)]
    failed = try_each(ours, handle, describe=lambda record: {"key": record.key})
    if failed:
        keys = ", ".join(record.key for record in failed[:5])
        raise PhotoEventFailed(f"{len(failed)} record(s) failed: {keys}")


def make_thumbnails(
    record: S3Record, settings: Settings, uploads: BlobStore, thumbnails: BlobStore
) -> None:
    limit = settings.max_upload_bytes
    if record.size is not None and record.size > limit:
        _skip(record, f"{record.size} bytes is over the {limit}-byte upload limit")
        return
    started = time.perf_counter()
    try:
        upload = uploads.get(record.key, max_bytes=limit)
    except BlobNotFound:
        _skip(record, "the upload no longer exists")
        return
    except BlobTooLarge as error:
        _skip(record, str(error))
        return
    try:
        rendered = render_thumbnails(
            upload.data, settings.thumbnail_sizes, max_pixels=settings.max_image_pixels
        )
    except ImageRejected as error:
        _skip(record, str(error))
        return
    metadata = {"source-key": quote(record.key), "source-etag": upload.info.etag}
    for thumbnail in rendered:
        thumbnails.put(
            thumbnail_key(record.key, thumbnail.size, thumbnail.extension),
            thumbnail.data,
            content_type=thumbnail.content_type,
            cache_control=CACHE_CONTROL,
            metadata=metadata,
        )
        # A previous upload under this key may have had the other format.
        for extension in OUTPUT_EXTENSIONS:
            if extension != thumbnail.extension:
                thumbnails.delete(thumbnail_key(record.key, thumbnail.size, extension))
    log_event(
        log,
        "thumbnails written",
        key=record.key,
        sizes=[t.size for t in rendered],
        bytes=sum(len(t.data) for t in rendered),
        duration_ms=round((time.perf_counter() - started) * 1000, 1),
    )


def remove_thumbnails(
    record: S3Record, settings: Settings, uploads: BlobStore, thumbnails: BlobStore
) -> None:
    if uploads.head(record.key) is not None:
        _skip(record, "the upload exists again; its thumbnails stay")
        return
    for size in settings.thumbnail_sizes:
        for extension in OUTPUT_EXTENSIONS:
            thumbnails.delete(thumbnail_key(record.key, size, extension))
    log_event(log, "thumbnails removed", key=record.key)


def _ours(record: S3Record, settings: Settings) -> bool:
    """Only uploads under the prefix; a thumbnail can never start another round."""
    if record.bucket == settings.uploads_bucket and record.key.startswith(settings.uploads_prefix):
        return True
    _skip(record, f"not an upload (bucket {record.bucket}, prefix {settings.uploads_prefix})")
    return False


def _skip(record: S3Record, reason: str) -> None:
    log_event(log, "photo skipped", logging.WARNING, key=record.key, reason=reason)
