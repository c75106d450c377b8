"""The thumbnail handler end to end: moto S3, events from chalice.test.Client."""

from __future__ import annotations

import io
import logging
from typing import Any
from urllib.parse import quote_plus

import boto3
import pytest
from chalice.test import Client
from PIL import Image, ImageOps

from app import app
from chalicelib.config import ConfigError, Settings
from local_runtime.discovery import discover
from tests.conftest import PROJECT_DIR, stage_environment
from tests.imaging import encode, exif_with, quadrants

pytestmark = pytest.mark.usefixtures("aws")


@pytest.fixture
def client() -> Client:
    return Client(app, stage_name="dev", project_dir=str(PROJECT_DIR))


@pytest.fixture
def s3() -> Any:
    return boto3.client("s3", region_name="us-east-1")


def settings() -> Settings:
    return Settings.from_env()


def upload(s3: Any, key: str, data: bytes) -> None:
    s3.put_object(Bucket=settings().uploads_bucket, Key=key, Body=data)


def event(
    client: Client, *keys: str, name: str = "ObjectCreated:Put", bucket: str | None = None
) -> dict[str, Any]:
    records = []
    for key in keys:
        generated = client.events.generate_s3_event(
            bucket=bucket or settings().uploads_bucket,
            key=quote_plus(key, safe="/"),
            event_name=name,
        )
        records += generated["Records"]
    return {"Records": records}


def thumbnail_keys(s3: Any) -> list[str]:
    listed = s3.list_objects_v2(Bucket=settings().thumbnails_bucket)
    return sorted(entry["Key"] for entry in listed.get("Contents", []))


def test_an_upload_gets_every_thumbnail(client: Client, s3: Any) -> None:
    upload(s3, "products/mug.jpg", encode(quadrants(2400, 1600), "JPEG"))
    client.lambda_.invoke("make_thumbnails", event(client, "products/mug.jpg"))
    assert thumbnail_keys(s3) == [
        "1200/products/mug.jpg",
        "160/products/mug.jpg",
        "480/products/mug.jpg",
    ]
    head = s3.head_object(Bucket=settings().thumbnails_bucket, Key="480/products/mug.jpg")
    assert head["ContentType"] == "image/jpeg"
    assert "max-age=31536000" in head["CacheControl"]
    body = s3.get_object(Bucket=settings().thumbnails_bucket, Key="480/products/mug.jpg")[
        "Body"
    ].read()
    assert Image.open(io.BytesIO(body)).size == (480, 320)


def test_transparent_upload_becomes_webp(client: Client, s3: Any) -> None:
    cutout = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    cutout.paste((200, 30, 30, 255), (100, 100, 500, 500))
    upload(s3, "products/cutout.png", encode(cutout, "PNG"))
    client.lambda_.invoke("make_thumbnails", event(client, "products/cutout.png"))
    assert "160/products/cutout.webp" in thumbnail_keys(s3)
    head = s3.head_object(Bucket=settings().thumbnails_bucket, Key="160/products/cutout.webp")
    assert head["ContentType"] == "image/webp"


@pytest.mark.parametrize(
    "key",
    ["products/new in/blue mug.jpg", "products/c++ mug+lid.jpg", "products/été/ティーカップ.jpg"],
)
def test_odd_keys_round_trip(client: Client, s3: Any, key: str) -> None:
    upload(s3, key, encode(quadrants(300, 200), "JPEG"))
    client.lambda_.invoke("make_thumbnails", event(client, key))
    assert f"160/{key}" in thumbnail_keys(s3)


def test_a_bad_record_is_logged_and_the_rest_proceed(
    client: Client, s3: Any, caplog: pytest.LogCaptureFixture
) -> None:
    upload(s3, "products/good-1.jpg", encode(quadrants(800, 600), "JPEG"))
    upload(s3, "products/broken.jpg", b"this is not a jpeg at all")
    upload(s3, "products/good-2.png", encode(quadrants(800, 600), "PNG"))
    with caplog.at_level(logging.INFO):
        client.lambda_.invoke(
            "make_thumbnails",
            event(client, "products/good-1.jpg", "products/broken.jpg", "products/good-2.png"),
        )
    keys = thumbnail_keys(s3)
    assert "480/products/good-1.jpg" in keys
    assert "480/products/good-2.jpg" in keys
    assert not any("broken" in key for key in keys)
    skipped = [r for r in caplog.records if r.getMessage() == "photo skipped"]
    assert [(r.fields["key"], "not an image" in r.fields["reason"]) for r in skipped] == [  # type: ignore[attr-defined]
        ("products/broken.jpg", True)
    ]


def test_oversized_uploads_are_refused_from_the_event_size(
    client: Client, s3: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    photo = encode(quadrants(800, 600), "JPEG")
    upload(s3, "products/big.jpg", photo)
    generated = event(client, "products/big.jpg")
    generated["Records"][0]["s3"]["object"]["size"] = len(photo)
    with caplog.at_level(logging.INFO):
        client.lambda_.invoke("make_thumbnails", generated)
    assert thumbnail_keys(s3) == []
    [skipped] = [r for r in caplog.records if r.getMessage() == "photo skipped"]
    assert "over the 1000-byte upload limit" in skipped.fields["reason"]  # type: ignore[attr-defined]


def test_a_redelivered_event_rewrites_the_same_objects(client: Client, s3: Any) -> None:
    upload(s3, "products/mug.jpg", encode(quadrants(1000, 800), "JPEG"))
    created = event(client, "products/mug.jpg")
    client.lambda_.invoke("make_thumbnails", created)
    first = {
        k: s3.head_object(Bucket=settings().thumbnails_bucket, Key=k)["ETag"]
        for k in thumbnail_keys(s3)
    }
    client.lambda_.invoke("make_thumbnails", created)
    second = {
        k: s3.head_object(Bucket=settings().thumbnails_bucket, Key=k)["ETag"]
        for k in thumbnail_keys(s3)
    }
    assert first == second
    assert len(first) == 3


def test_removing_an_upload_removes_its_thumbnails(client: Client, s3: Any) -> None:
    upload(s3, "products/gone.jpg", encode(quadrants(900, 600), "JPEG"))
    client.lambda_.invoke("make_thumbnails", event(client, "products/gone.jpg"))
    upload(s3, "products/kept.jpg", encode(quadrants(900, 600), "JPEG"))
    client.lambda_.invoke("make_thumbnails", event(client, "products/kept.jpg"))
    s3.delete_object(Bucket=settings().uploads_bucket, Key="products/gone.jpg")
    client.lambda_.invoke(
        "make_thumbnails", event(client, "products/gone.jpg", name="ObjectRemoved:Delete")
    )
    assert thumbnail_keys(s3) == [
        "1200/products/kept.jpg",
        "160/products/kept.jpg",
        "480/products/kept.jpg",
    ]


def test_a_late_removal_event_keeps_thumbnails_of_a_reupload(client: Client, s3: Any) -> None:
    upload(s3, "products/again.jpg", encode(quadrants(900, 600), "JPEG"))
    client.lambda_.invoke("make_thumbnails", event(client, "products/again.jpg"))
    client.lambda_.invoke(
        "make_thumbnails", event(client, "products/again.jpg", name="ObjectRemoved:Delete")
    )
    assert len(thumbnail_keys(s3)) == 3


def test_phone_photo_comes_out_upright(client: Client, s3: Any) -> None:
    # Stored sideways, as a phone held upright stores it: orientation 6 turns it back.
    photo = encode(quadrants(1200, 800), "JPEG", exif=exif_with(6, gps=True))
    upload(s3, "products/phone.jpg", photo)
    client.lambda_.invoke("make_thumbnails", event(client, "products/phone.jpg"))
    body = s3.get_object(Bucket=settings().thumbnails_bucket, Key="480/products/phone.jpg")[
        "Body"
    ].read()
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(photo)))
    assert upright.size == (800, 1200)
    assert Image.open(io.BytesIO(body)).size == (320, 480)
    assert b"Exif" not in body


def test_a_transient_failure_fails_the_invocation_after_the_other_records(
    client: Client, s3: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload(s3, "products/ok.jpg", encode(quadrants(400, 300), "JPEG"))
    upload(s3, "products/flaky.jpg", encode(quadrants(400, 300), "JPEG"))
    from chalicelib.storage.s3 import S3BlobStore

    real_get = S3BlobStore.get

    def flaky_get(self: S3BlobStore, key: str, **kwargs: Any) -> Any:
        if key.endswith("flaky.jpg"):
            raise ConnectionError("S3 is having a moment")
        return real_get(self, key, **kwargs)

    monkeypatch.setattr(S3BlobStore, "get", flaky_get)
    from chalicelib.photo_uploads import PhotoEventFailed

    with pytest.raises(PhotoEventFailed, match="flaky"):
        client.lambda_.invoke(
            "make_thumbnails", event(client, "products/flaky.jpg", "products/ok.jpg")
        )
    assert "160/products/ok.jpg" in thumbnail_keys(s3)


def test_thumbnails_can_never_trigger_the_handler(client: Client, s3: Any) -> None:
    [subscription] = [s for s in discover(app).s3 if s.name == "make_thumbnails"]
    local = stage_environment("local")
    assert subscription.bucket == local["UPLOADS_BUCKET"] != local["THUMBNAILS_BUCKET"]
    assert subscription.prefix == "products/"
    for size in (160, 480, 1200):
        assert not subscription.matches(
            local["THUMBNAILS_BUCKET"], f"{size}/products/x.jpg", "ObjectCreated:Put"
        )
        assert not subscription.matches(
            local["UPLOADS_BUCKET"], f"{size}/products/x.jpg", "ObjectCreated:Put"
        )
    # And if a thumbnail event reached it anyway, it would do nothing.
    s3.put_object(
        Bucket=settings().thumbnails_bucket,
        Key="products/x.jpg",
        Body=encode(quadrants(50, 50), "JPEG"),
    )
    client.lambda_.invoke(
        "make_thumbnails", event(client, "products/x.jpg", bucket=settings().thumbnails_bucket)
    )
    assert thumbnail_keys(s3) == ["products/x.jpg"]


def test_one_bucket_for_uploads_and_thumbnails_is_refused() -> None:
    env = {
        **stage_environment("dev"),
        "THUMBNAILS_BUCKET": stage_environment("dev")["UPLOADS_BUCKET"],
    }
    with pytest.raises(ConfigError, match="THUMBNAILS_BUCKET"):
        Settings.from_env(env)
