"""Settings from environment variables, set per stage in .chalice/config.json.

Read lazily (Chalice's test client and the local runtime set the stage's
variables around each call), validated once per distinct environment, and
cached so a warm Lambda container pays for it once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

# Where fetched competitor pages live in the pages bucket: the S3 trigger,
# the IAM grants and the lifecycle rule all follow this one name.
PAGES_PREFIX = "pages/"

# Every variable the app reads, with the default used when it is unset.
DEFAULTS: dict[str, str] = {
    "STOREKEEPER_BACKEND": "embedded",
    "STOREKEEPER_DATA": ".storekeeper",
    "UPLOADS_BUCKET": "storekeeper-uploads",
    "UPLOADS_PREFIX": "products/",
    "THUMBNAILS_BUCKET": "storekeeper-thumbnails",
    "THUMBNAIL_SIZES": "160,480,1200",
    "MAX_UPLOAD_BYTES": str(40 * 1024 * 1024),
    "MAX_IMAGE_PIXELS": str(50_000_000),
    "PAGES_BUCKET": "storekeeper-pages",
    "TABLE_NAME": "storekeeper",
    "SCRAPE_QUEUE": "storekeeper-scrape.fifo",
    "SCRAPE_DEAD_LETTER_QUEUE": "storekeeper-scrape-dlq.fifo",
    "SCRAPE_MAX_RECEIVES": "4",
    "SCRAPE_VISIBILITY_TIMEOUT": "120",
    "SCRAPE_SCHEDULE": "cron(0 3 * * ? *)",
    "UNDERCUT": "0.00",
    "PLAUSIBLE_FRACTION": "0.5",
    "BOT_USER_AGENT": "storekeeper-pricebot/0.1 (+https://github.com/storekeeper/storekeeper)",
    "FETCH_ALLOWLIST": "",
    "FETCH_TIMEOUT_SECONDS": "20",
    "MAX_PAGE_BYTES": str(5 * 1024 * 1024),
    "HOST_INTERVAL_SECONDS": "1",
    "ADMIN_TOKEN": "",
    "USER_POOL_ARN": "",
    "ADMIN_GROUP": "admin",
    "AWS_REGION": "us-east-1",
}


class ConfigError(ValueError):
    """A stage variable is missing or malformed; the message names it."""


class Settings(NamedTuple):
    """Read from the stage's variables; a NamedTuple (hashable, cheap to import)."""

    backend: str
    data_dir: str
    region: str
    uploads_bucket: str
    uploads_prefix: str
    thumbnails_bucket: str
    thumbnail_sizes: tuple[int, ...]
    max_upload_bytes: int
    max_image_pixels: int
    pages_bucket: str
    table_name: str
    scrape_queue: str
    scrape_dead_letter_queue: str
    scrape_max_receives: int
    scrape_visibility_timeout: int
    scrape_schedule: str
    undercut: Decimal
    plausible_fraction: Decimal
    bot_user_agent: str
    fetch_allowlist: frozenset[str]
    fetch_timeout: int
    max_page_bytes: int
    host_interval: float
    admin_token: str
    user_pool_arn: str
    admin_group: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        return _settings(_snapshot(os.environ if env is None else env))

    @property
    def buckets(self) -> tuple[str, ...]:
        return (self.uploads_bucket, self.thumbnails_bucket, self.pages_bucket)

    @property
    def data_path(self) -> Path:
        """The embedded stores' directory (pathlib is imported only by those who need it)."""
        from pathlib import Path

        return Path(self.data_dir)

    def __repr__(self) -> str:  # never print the admin token
        return f"Settings(backend={self.backend!r}, region={self.region!r}, ...)"


def _snapshot(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((name, env.get(name, default)) for name, default in DEFAULTS.items())


@lru_cache(maxsize=8)
def _settings(snapshot: tuple[tuple[str, str], ...]) -> Settings:
    env = dict(snapshot)
    backend = env["STOREKEEPER_BACKEND"].strip().lower()
    if backend not in ("aws", "embedded"):
        raise ConfigError(f"STOREKEEPER_BACKEND must be 'aws' or 'embedded', not {backend!r}")
    for name in ("SCRAPE_QUEUE", "SCRAPE_DEAD_LETTER_QUEUE"):
        if not env[name].strip().endswith(".fifo"):
            raise ConfigError(
                f"{name} must name a FIFO queue (ending in .fifo): its message groups keep "
                "each competitor's host to one request at a time"
            )
    if env["UPLOADS_BUCKET"].strip() == env["THUMBNAILS_BUCKET"].strip():
        raise ConfigError(
            "THUMBNAILS_BUCKET must differ from UPLOADS_BUCKET, or thumbnails would trigger "
            "the upload handler"
        )
    return Settings(
        backend=backend,
        data_dir=os.path.abspath(os.path.expanduser(env["STOREKEEPER_DATA"])),
        region=env["AWS_REGION"],
        uploads_bucket=_name(env, "UPLOADS_BUCKET"),
        uploads_prefix=env["UPLOADS_PREFIX"],
        thumbnails_bucket=_name(env, "THUMBNAILS_BUCKET"),
        thumbnail_sizes=_sizes(env["THUMBNAIL_SIZES"]),
        max_upload_bytes=_positive_int(env, "MAX_UPLOAD_BYTES"),
        max_image_pixels=_positive_int(env, "MAX_IMAGE_PIXELS"),
        pages_bucket=_name(env, "PAGES_BUCKET"),
        table_name=_name(env, "TABLE_NAME"),
        scrape_queue=_name(env, "SCRAPE_QUEUE"),
        scrape_dead_letter_queue=_name(env, "SCRAPE_DEAD_LETTER_QUEUE"),
        scrape_max_receives=_positive_int(env, "SCRAPE_MAX_RECEIVES"),
        scrape_visibility_timeout=_positive_int(env, "SCRAPE_VISIBILITY_TIMEOUT"),
        scrape_schedule=_name(env, "SCRAPE_SCHEDULE"),
        undercut=_decimal(env, "UNDERCUT", low=Decimal(0)),
        plausible_fraction=_decimal(env, "PLAUSIBLE_FRACTION", low=Decimal(0), high=Decimal(1)),
        bot_user_agent=_name(env, "BOT_USER_AGENT"),
        fetch_allowlist=frozenset(
            part.strip().lower() for part in env["FETCH_ALLOWLIST"].split(",") if part.strip()
        ),
        fetch_timeout=_positive_int(env, "FETCH_TIMEOUT_SECONDS"),
        max_page_bytes=_positive_int(env, "MAX_PAGE_BYTES"),
        host_interval=float(_decimal(env, "HOST_INTERVAL_SECONDS", low=Decimal(0))),
        admin_token=env["ADMIN_TOKEN"].strip(),
        user_pool_arn=env["USER_POOL_ARN"].strip(),
        admin_group=_name(env, "ADMIN_GROUP"),
    )


def _name(env: Mapping[str, str], name: str) -> str:
    value = env[name].strip()
    if not value:
        raise ConfigError(f"{name} must not be empty")
    return value


def _positive_int(env: Mapping[str, str], name: str) -> int:
    try:
        value = int(env[name])
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {env[name]!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive")
    return value


def _decimal(
    env: Mapping[str, str], name: str, *, low: Decimal, high: Decimal | None = None
) -> Decimal:
    try:
        value = Decimal(env[name].strip())
    except InvalidOperation:
        raise ConfigError(f"{name} must be a decimal number, not {env[name]!r}") from None
    if not value.is_finite() or value < low or (high is not None and value > high):
        raise ConfigError(f"{name} must be between {low} and {high if high is not None else 'any'}")
    return value


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True)
    except ValueError:
        raise ConfigError(
            f"THUMBNAIL_SIZES must be comma-separated pixel sizes, not {text!r}"
        ) from None
    if not sizes or sizes[-1] <= 0 or sizes[0] > 10_000:
        raise ConfigError("THUMBNAIL_SIZES must list sizes between 1 and 10000 pixels")
    return tuple(sizes)
