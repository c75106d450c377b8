"""One contender of the thumbnail benchmark, in a process of its own.

`python -m bench.thumbnails_worker timing <contender> <rounds>` loads the
corpus into memory, warms up and renders every photo `rounds` times.
`python -m bench.thumbnails_worker memory <contender> <photo>` renders one
photo in a fresh process and reports its working memory: the peak RSS above
what the imports and the loaded photo already hold.
"""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Callable

from bench.photos_corpus import photos

SIZES = (1200, 480, 160)


def storekeeper() -> Callable[[bytes], object]:
    from chalicelib.images import render_thumbnails

    return lambda data: render_thumbnails(data, SIZES)


def tutorial() -> Callable[[bytes], object]:
    """The tutorial handler's image work: half size, saved in the source format."""
    from PIL import Image

    def work(data: bytes) -> bytes:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail(tuple(x / 2 for x in image.size))  # type: ignore[arg-type]
            out = io.BytesIO()
            image.save(out, image.format)
            return out.getvalue()

    return work


def pyvips() -> Callable[[bytes], object]:
    """libvips at its best: shrink-on-load to the largest size, each next from the last."""
    import pyvips as vips

    def work(data: bytes) -> list[bytes]:
        # Shrink-on-load, then keep the pixels so each next size reads them again.
        image = vips.Image.thumbnail_buffer(data, SIZES[0]).copy_memory()
        outputs = []
        for size in SIZES:
            if size != SIZES[0]:
                image = image.thumbnail_image(size)
            outputs.append(image.jpegsave_buffer(Q=82, interlace=True, keep="none"))
        return outputs

    return work


def draft_decode() -> Callable[[bytes], object]:
    """The floor: decoding at the reduced scale the largest thumbnail needs, nothing else."""
    from PIL import Image

    def work(data: bytes) -> object:
        with Image.open(io.BytesIO(data)) as image:
            longest = max(image.size)
            scale = min(1.0, SIZES[0] / longest)
            image.draft(image.mode, (round(image.size[0] * scale), round(image.size[1] * scale)))
            image.load()
            return image.size

    return work


CONTENDERS = {f.__name__: f for f in (storekeeper, tutorial, pyvips, draft_decode)}


def _status(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # Linux: reset VmHWM, the peak-RSS mark, to the current RSS


def timing(contender: str, rounds: int) -> dict[str, object]:
    corpus = [path.read_bytes() for path in photos()]
    work = CONTENDERS[contender]()
    for data in corpus[:2]:
        work(data)  # warm up: lazy imports, caches, thread pools
    started = time.perf_counter()
    for _ in range(rounds):
        for data in corpus:
            work(data)
    return {"photos": len(corpus) * rounds, "seconds": time.perf_counter() - started}


def memory(contender: str, photo: str) -> dict[str, object]:
    """What one invocation needs: a fresh process, warmed up on a tiny image."""
    from PIL import Image

    tiny = io.BytesIO()
    Image.new("RGB", (64, 48)).save(tiny, "JPEG")
    data = open(photo, "rb").read()  # noqa: SIM115 - read once, before measuring
    work = CONTENDERS[contender]()
    work(tiny.getvalue())
    before = _status("VmRSS")
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # Linux: reset VmHWM, the peak-RSS mark, to the current RSS
    work(data)
    return {"working_memory": max(0, _status("VmHWM") - before)}


if __name__ == "__main__":
    command, contender, argument = sys.argv[1:4]
    if command == "timing":
        print(json.dumps(timing(contender, int(argument))))
    else:
        print(json.dumps(memory(contender, argument)))
