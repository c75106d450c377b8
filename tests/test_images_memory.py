"""A 50-megapixel JPEG must render inside a 512 MB Lambda."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

PROJECT = Path(__file__).resolve().parent.parent
LAMBDA_MB = 512
RUNTIME_HEADROOM_MB = 100  # the Lambda runtime, boto3's S3 client, the event

CHILD = """
import sys
from chalicelib.images import render_thumbnails
data = open(sys.argv[1], "rb").read()
sizes = [t.size for t in render_thumbnails(data, (1200, 480, 160))]
assert sizes == [1200, 480, 160], sizes
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(int(peak.split()[1]) // 1024)
"""


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
def test_a_50_megapixel_jpeg_renders_within_a_512_mb_lambda(
    tmp_path: Path, progressive: bool
) -> None:
    width, height = 8660, 5773  # 49.99 MP, just under the default limit
    gradient = Image.linear_gradient("L").resize((width, height))
    photo = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_180), gradient))
    path = tmp_path / "50mp.jpg"
    photo.save(path, "JPEG", quality=90, progressive=progressive)
    del photo, gradient
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        check=True,
    )
    peak_mb = int(result.stdout)
    assert peak_mb < LAMBDA_MB - RUNTIME_HEADROOM_MB, f"peak RSS {peak_mb} MB"
