"""What a stage's storage is: its buckets, table and queues, and how each is made.

One description, read by the embedded backend (which makes directories and
queue rows from it), by `deploy.bootstrap` (which creates it on AWS) and by
`deploy.package` (which writes it as Terraform).
"""

from __future__ import annotations

from dataclasses import dataclass

from chalicelib.config import PAGES_PREFIX, Settings
from chalicelib.storage.queues import QueueSettings

PAGES_RETENTION_DAYS = 90  # raw competitor pages: enough to re-extract, not an archive
DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600  # SQS's maximum: time for a person to look


@dataclass(frozen=True)
class BucketSpec:
    role: str  # "uploads", "thumbnails" or "pages": a stable name for tooling
    name: str
    versioned: bool = False  # uploads: a photo replaced by mistake can be had back
    expire_prefix: str | None = None
    expire_days: int | None = None


@dataclass(frozen=True)
class StageResources:  # a dict field: built per call, never hashed
    buckets: tuple[BucketSpec, ...]
    table: str  # keys: pk (hash) and sk (range), both strings; billed on demand
    queues: dict[str, QueueSettings]  # by role; dead-letter queues first: others point at them

    def bucket(self, role: str) -> BucketSpec:
        return next(bucket for bucket in self.buckets if bucket.role == role)


def stage_resources(settings: Settings) -> StageResources:
    return StageResources(
        buckets=(
            BucketSpec("uploads", settings.uploads_bucket, versioned=True),
            BucketSpec("thumbnails", settings.thumbnails_bucket),
            BucketSpec(
                "pages",
                settings.pages_bucket,
                expire_prefix=PAGES_PREFIX,
                expire_days=PAGES_RETENTION_DAYS,
            ),
        ),
        table=settings.table_name,
        queues={
            "scrape_dead_letters": QueueSettings(
                settings.scrape_dead_letter_queue,
                visibility_timeout=30,
                retention_seconds=DEAD_LETTER_RETENTION_SECONDS,
            ),
            "scrape": QueueSettings(
                settings.scrape_queue,
                visibility_timeout=settings.scrape_visibility_timeout,
                dead_letter_queue=settings.scrape_dead_letter_queue,
                max_receives=settings.scrape_max_receives,
            ),
        },
    )
