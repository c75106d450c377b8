"""Each handler loads what it uses and nothing more: a fresh interpreter per path."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_DIR, stage_environment

CHILD = """
import json, sys
import app
before = set(sys.modules)
exec(sys.argv[1])
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def loaded_by(code: str) -> set[str]:
    env = {**os.environ, **stage_environment("prod"), "AWS_DEFAULT_REGION": "us-east-1"}
    output = subprocess.run(
        [sys.executable, "-c", CHILD, code], cwd=PROJECT_DIR, env=env,
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return set(json.loads(output))


def test_the_till_loads_no_storage_and_no_price_watch() -> None:
    loaded = loaded_by("from chalicelib.change import make_change; make_change('1.15')")
    assert not {m for m in loaded if m.startswith(("chalicelib.storage", "chalicelib.pric"))}
    assert not {"boto3", "PIL", "selectolax"} & loaded


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        (  # the thumbnail handler's stores
            "from chalicelib import photo_uploads, services;"
            "s = services.settings(); services.uploads(s); services.thumbnails(s)",
            ("chalicelib.pricewatch", "chalicelib.prices", "selectolax", "urllib3", "protego"),
        ),
        (  # the price routes
            "from chalicelib import services; from chalicelib.pricewatch import views;"
            "services.price_store(services.settings())",
            ("chalicelib.pricewatch.fetching", "chalicelib.prices.extraction", "selectolax", "PIL"),
        ),
    ],
)
def test_a_handler_builds_only_what_it_uses(code: str, absent: tuple[str, ...]) -> None:
    loaded = loaded_by(code)
    assert not {m for m in loaded if m.startswith(absent)}, sorted(loaded)
