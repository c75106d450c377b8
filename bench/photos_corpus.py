"""The photo corpus for the thumbnail benchmark: real JPEG photos from
Debian's wallpaper packages, fetched with apt and kept out of git.

`python -m bench.photos_corpus` downloads the packages (no root needed for
`apt-get download`), unpacks them and keeps the distinct JPEGs of 1 to 24
megapixels in bench/.corpus/photos/.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / ".corpus" / "photos"
PACKAGES = [
    "gnome-backgrounds",
    "mate-backgrounds",
    "plasma-workspace-wallpapers",
    "ukui-wallpapers",
    "lomiri-wallpapers-16.04",
    "lomiri-wallpapers-20.04",
]
MIN_PIXELS, MAX_PIXELS = 1_000_000, 24_000_000
WANTED = 20


def photos() -> list[Path]:
    """The corpus, fetching it first if it is not there yet."""
    if len(list(CORPUS.glob("*.jpg"))) < WANTED:
        fetch()
    return sorted(CORPUS.glob("*.jpg"))


def fetch() -> None:
    from PIL import Image

    CORPUS.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        print(f"downloading {', '.join(PACKAGES)} with apt-get ...", file=sys.stderr)
        subprocess.run(["apt-get", "download", "-qq", *PACKAGES], cwd=work, check=True)
        for deb in work.glob("*.deb"):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "tree")], check=True)
        for path in sorted((work / "tree").rglob("*")):
            if path.suffix.lower() not in (".jpg", ".jpeg") or path.is_symlink():
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                continue
            with Image.open(path) as image:
                pixels = image.size[0] * image.size[1]
            if MIN_PIXELS <= pixels <= MAX_PIXELS:
                seen.add(digest)
                shutil.copyfile(path, CORPUS / f"{path.stem}-{digest[:8]}.jpg")
    print(f"{len(seen)} photos in {CORPUS}", file=sys.stderr)


if __name__ == "__main__":
    print("\n".join(str(p) for p in photos()))
