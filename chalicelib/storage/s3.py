"""The blob store on S3."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from chalicelib.storage.aws_clients import client, error_code
from chalicelib.storage.blobs import (
    DEFAULT_CONTENT_TYPE,
    Blob,
    BlobInfo,
    BlobNotFound,
    BlobTooLarge,
    check_key,
    check_metadata,
)

_MISSING = {"NoSuchKey", "404", "NotFound"}


class S3BlobStore:
    def __init__(self, bucket: str, region: str) -> None:
        self.bucket = bucket
        self._region = region

    @property
    def _s3(self) -> Any:
        return client("s3", self._region)

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        cache_control: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> BlobInfo:
        check_key(key)
        meta = check_metadata(metadata)
        extra = {"CacheControl": cache_control} if cache_control else {}
        response = self._s3.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=data,
            ContentType=content_type,
            Metadata=meta,
            **extra,
        )
        # Built from what we sent: reading it back would need s3:GetObject too.
        return BlobInfo(
            key=key,
            size=len(data),
            etag=str(response["ETag"]).strip('"'),
            last_modified=datetime.now(UTC),
            content_type=content_type,
            cache_control=cache_control,
            metadata=meta,
        )

    def get(self, key: str, *, max_bytes: int | None = None) -> Blob:
        check_key(key)
        try:
            response = self._s3.get_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            if error_code(error) in _MISSING:
                raise BlobNotFound(key) from None
            raise
        body = response["Body"]
        try:
            size = int(response["ContentLength"])
            if max_bytes is not None and size > max_bytes:
                raise BlobTooLarge(key, size, max_bytes)
            data = body.read()
        finally:
            body.close()
        return Blob(_info(key, response), data)

    def head(self, key: str) -> BlobInfo | None:
        check_key(key)
        try:
            response = self._s3.head_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            if error_code(error) in _MISSING:
                return None
            raise
        return _info(key, response)

    def delete(self, key: str) -> None:
        check_key(key)
        self._s3.delete_object(Bucket=self.bucket, Key=key)

    def list(self, prefix: str = "") -> Iterator[BlobInfo]:
        pages = self._s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix
        )
        for page in pages:
            for entry in page.get("Contents", []):
                info = self.head(entry["Key"])
                if info is not None:
                    yield info


def _info(key: str, response: dict[str, Any]) -> BlobInfo:
    return BlobInfo(
        key=key,
        size=int(response["ContentLength"]),
        etag=str(response["ETag"]).strip('"'),
        last_modified=response["LastModified"],
        content_type=response.get("ContentType", DEFAULT_CONTENT_TYPE),
        cache_control=response.get("CacheControl"),
        metadata=dict(response.get("Metadata", {})),
    )
