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
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote_plus

from chalicelib.config import Settings
from chalicelib.images import OUTPUT_EXTENSIONS, ImageRejected, render_thumbnails, thumbnail_key
from chalicelib.logs import log_event
from chalicelib.storage.blobs import BlobNotFound, BlobStore, BlobTooLarge, InvalidKey

log = logging.getLogger(__name__)

# A year: thumbnails are fetched often and change only when their upload does.
CACHE_CONTROL = "public, max-age=31536000"


class PhotoEventFailed(RuntimeError):
    """Some records failed for reasons worth a retry; the others were done."""


@dataclass(frozen=True)
class Record:
    event: str  # "created" or "removed"
    bucket: str
    key: str
    size: int | None


def handle_event(
    event: Mapping[str, Any], settings: Settings, uploads: BlobStore, thumbnails: BlobStore
) -> None:
    failed = []
    for raw in event.get("Records", []):
        record = _parse(raw)
        if record is None:
            continue
        if not _ours(record, settings):
            continue
        try:
            if record.event == "created":
                make_thumbnails(record, settings, uploads, thumbnails)
            else:
                remove_thumbnails(record, settings, uploads, thumbnails)
        except InvalidKey as error:
            _skip(record, str(error))
        except Exception:
            log_event(log, "photo failed", logging.ERROR, exc_info=True, key=record.key)
            failed.append(record.key)
    if failed:
        raise PhotoEventFailed(f"{len(failed)} record(s) failed: {', '.join(failed[:5])}")


def make_thumbnails(
    record: Record, settings: Settings, uploads: BlobStore, thumbnails: BlobStore
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
    record: Record, settings: Settings, uploads: BlobStore, thumbnails: BlobStore
) -> None:
    if uploads.head(record.key) is not None:
        _skip(record, "the upload exists again; its thumbnails stay")
        return
    for size in settings.thumbnail_sizes:
        for extension in OUTPUT_EXTENSIONS:
            thumbnails.delete(thumbnail_key(record.key, size, extension))
    log_event(log, "thumbnails removed", key=record.key)


def _parse(raw: Any) -> Record | None:
    try:
        name = str(raw["eventName"])
        bucket = str(raw["s3"]["bucket"]["name"])
        key = unquote_plus(str(raw["s3"]["object"]["key"]))
        size = raw["s3"]["object"].get("size")
    except (KeyError, TypeError):
        log_event(log, "malformed S3 record skipped", logging.ERROR, record=str(raw)[:300])
        return None
    if name.startswith("ObjectCreated:"):
        event = "created"
    elif name.startswith("ObjectRemoved:"):
        event = "removed"
    else:
        log_event(log, "S3 event type not handled", logging.WARNING, event=name, key=key)
        return None
    return Record(event, bucket, key, size if isinstance(size, int) else None)


def _ours(record: Record, settings: Settings) -> bool:
    """Only uploads under the prefix; a thumbnail can never start another round."""
    if record.bucket == settings.uploads_bucket and record.key.startswith(settings.uploads_prefix):
        return True
    _skip(record, f"not an upload (bucket {record.bucket}, prefix {settings.uploads_prefix})")
    return False


def _skip(record: Record, reason: str) -> None:
    log_event(log, "photo skipped", logging.WARNING, key=record.key, reason=reason)
