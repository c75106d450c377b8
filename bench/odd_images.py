"""The thumbnailer on other projects' odd files: Pillow's and pillow-heif's own test images.

Their test suites keep what real tools write and break: 16-bit, CMYK and YCCK, palette
and grey with alpha, broken EXIF, APNG, multi-page TIFF, bitmaps of every header, HEIC
from phones, decompression bombs, truncated and fuzzed files. None of them was written
for this project, and no rule was made for them. Each file is read in a process of its
own, so that a decoder that hangs or eats memory is stopped there, and each answer is
judged: thumbnails that decode, fit their sizes, keep the picture's shape and stand as an
independent reader (Pillow with every plugin, pillow-heif, EXIF's orientation applied)
stands the picture; or a refusal that says why. Anything else (another exception, a
timeout) is a failure.

Set ODD_IMAGES_DIR to a directory holding checkouts of python-pillow/Pillow and
bigcat88/pillow_heif, each in a folder named as its repository (without its owner).
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import traceback
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from bench.checkouts import checkouts

PROJECT = Path(__file__).resolve().parent.parent
SIZES = (1200, 480, 160)
MEMORY_LIMIT = 4 << 30  # a decoder that wants more fails, not the machine
FOLDERS = ("Pillow/Tests/images", "pillow_heif/tests/images")
TIMEOUT_SECONDS = 60
THUMBNAILED, REFUSED, WRONG, FAILED = "thumbnailed", "refused", "wrong", "failed"


class Answer(NamedTuple):
    kind: str  # THUMBNAILED, REFUSED, WRONG or FAILED
    detail: str  # the refusal's reason, what is wrong, or the failure
    peak_mb: int


def files_under(root: Path) -> list[Path]:
    return sorted(
        path for folder in FOLDERS for path in (root / folder).rglob("*") if path.is_file()
    )


def judge(path: Path) -> Answer:
    """One file's answer, read in this process (`answers` runs each in one of its own)."""
    from chalicelib.images import ImageRejected, render_thumbnails

    try:
        thumbnails = render_thumbnails(path.read_bytes(), SIZES)
    except ImageRejected as refusal:
        peak, reason = _peak_mb(), str(refusal).split(" (")[0]
        read = _as_shown(path)
        if read is not None:
            return Answer(WRONG, f"refused ({reason}), though its reader reads the {read[1]}", peak)
        return Answer(REFUSED, reason, peak)
    except Exception as error:  # any other exception is what is counted
        where = traceback.extract_tb(error.__traceback__)[-1]
        return Answer(FAILED, f"{type(error).__name__}: {error} ({where.name})", _peak_mb())
    peak = _peak_mb()  # before the independent reader decodes the whole picture
    return Answer(*_checked(path, [(t.size, t.data) for t in thumbnails]), peak)


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _checked(path: Path, thumbnails: list[tuple[int, bytes]]) -> tuple[str, str]:
    """Each thumbnail decodes, fits its size unenlarged and stands as the picture does."""
    from PIL import Image

    shown = _as_shown(path)
    if shown is None:
        return WRONG, "thumbnailed, though the independent reader cannot read it"
    (width, height), _ = shown
    for size, data in thumbnails:
        with Image.open(io.BytesIO(data)) as thumbnail:
            thumbnail.load()
            w, h = thumbnail.size
        if max(w, h) > size or w > width or h > height:
            return WRONG, f"{w}x{h} for {size} from {width}x{height}"
        if abs(w * height - h * width) > max(width, height):  # a pixel's rounding at most
            return WRONG, f"{w}x{h} does not keep {width}x{height}'s shape"
    return THUMBNAILED, ""


def _as_shown(path: Path) -> tuple[tuple[int, int], str] | None:
    """The picture's size as it stands, and its format, read without the thumbnailer, in
    the formats it takes (others' decoders are not its business, and some hang)."""
    import pillow_heif
    from PIL import Image, ImageOps

    from chalicelib.images import ACCEPTED_FORMATS, DEFAULT_MAX_PIXELS, HEIF

    pillow_heif.register_heif_opener()
    Image.init()
    Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS  # a bomb to the thumbnailer is one here too
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=(*ACCEPTED_FORMATS, HEIF)) as image:
                image.load()
                return ImageOps.exif_transpose(image).size, image.format or ""
    except Exception:  # what it cannot read, it cannot vouch for
        return None


def answers(files: list[Path], workers: int = 2) -> dict[Path, Answer]:
    """Each file judged in a process of its own (`python -m bench.odd_images FILE`); one
    that takes too long, or dies, is a failure."""
    with ThreadPoolExecutor(workers) as pool:
        return dict(zip(files, pool.map(_judged_apart, files), strict=True))


def _judged_apart(path: Path) -> Answer:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.odd_images", str(path)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return Answer(FAILED, f"over {TIMEOUT_SECONDS} s", 0)
    if done.returncode != 0:
        return Answer(FAILED, f"the process died ({done.returncode})", 0)
    return Answer(*json.loads(done.stdout))


def run() -> None:
    root = checkouts("odd images", "ODD_IMAGES_DIR", "the projects'", "bench/odd_images.py")
    if root is None:
        return
    found = answers(files_under(root))
    kinds = Counter(answer.kind for answer in found.values())
    reasons = Counter(a.detail for a in found.values() if a.kind == REFUSED)
    peak = max(found.items(), key=lambda item: item[1].peak_mb, default=None)
    print(
        f"odd images, never tuned on: {len(found)} files: {kinds[THUMBNAILED]} thumbnailed "
        f"right, {kinds[REFUSED]} refused, {kinds[WRONG]} wrong, {kinds[FAILED]} failed"
        + (f"; peak memory {peak[1].peak_mb} MB ({peak[0].name})" if peak else "")
    )
    for reason, count in reasons.most_common():
        print(f"  refused {count}: {reason}")
    for path, answer in found.items():
        if answer.kind in (WRONG, FAILED):
            print(f"  {answer.kind}: {path.name}: {answer.detail}")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    warnings.simplefilter("ignore")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # libtiff's complaints: what it raises counts
    print(json.dumps(judge(Path(sys.argv[1]))))
