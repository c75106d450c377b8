"""Images generated for the tests: every odd case made with Pillow, nothing copied."""

from __future__ import annotations

import io
import struct
from typing import Any

from PIL import Image

QUADRANTS = {"tl": (220, 20, 20), "tr": (20, 200, 20), "bl": (20, 20, 220), "br": (230, 230, 20)}


def encode(image: Image.Image, fmt: str, **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def quadrants(width: int = 300, height: int = 200) -> Image.Image:
    """An upright test card: a different colour in each quadrant."""
    image = Image.new("RGB", (width, height))
    half_w, half_h = width // 2, height // 2
    for name, box in {
        "tl": (0, 0, half_w, half_h),
        "tr": (half_w, 0, width, half_h),
        "bl": (0, half_h, half_w, height),
        "br": (half_w, half_h, width, height),
    }.items():
        image.paste(QUADRANTS[name], box)
    return image


def exif_with(orientation: int | None = None, gps: bool = False) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    return exif.tobytes()


def colour_at(image: Image.Image, fx: float, fy: float) -> tuple[int, ...]:
    x = min(image.width - 1, int(image.width * fx))
    y = min(image.height - 1, int(image.height * fy))
    pixel = image.convert("RGB").getpixel((x, y))
    assert isinstance(pixel, tuple)
    return pixel


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def swapped_primaries_profile() -> bytes:
    """A matrix/TRC RGB ICC profile whose red and blue primaries are swapped.

    Pure red tagged with it *means* blue; after conversion to sRGB it must
    come out blue, which shows the embedded profile was applied.
    """

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    gamma = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", int(2.2 * 256)) + b"\0\0"
    description = b"desc" + b"\0" * 4 + struct.pack(">I", 5) + b"swap\0" + b"\0" * 79
    tags = [
        (b"desc", description),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),  # sRGB's blue primary (D50)
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),  # sRGB's red primary (D50)
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def huge_png_header(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG whose IHDR declares an enormous image (a decompression bomb)."""
    import zlib

    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)
