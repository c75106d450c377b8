"""The stage's AWS resources in moto, made by the same bootstrap users run."""

from __future__ import annotations

import boto3

from chalicelib.config import Settings
from deploy.bootstrap import Bootstrap


def create_stage_resources(settings: Settings) -> None:
    Bootstrap(
        settings, boto3.session.Session(region_name=settings.region), say=lambda _: None
    ).run()
