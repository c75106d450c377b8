"""Photos as phones save them (HEIC/HEIF, AVIF), and the files that used to slip through.

Every file is made here: HEIF with pillow-heif, AVIF with Pillow, the broken
ones by cutting or patching good ones. The expected pictures come from an
independent reader (Pillow's own `ImageOps.exif_transpose`, or the file as
decoded without us), never from a table copied from the code under test.
"""

from __future__ import annotations

import contextlib
import io
import struct
import time
import zlib

import pillow_heif
import pytest
from PIL import Image, ImageOps

from chalicelib.images import ImageRejected, render_thumbnails
from tests.imaging import close, colour_at, encode, exif_with, quadrants, swapped_primaries_profile

SPOTS = ((0.2, 0.2), (0.8, 0.2), (0.2, 0.8), (0.8, 0.8))


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def heic(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, quality=92, **options)
    return out.getvalue()


def same_picture(output: Image.Image, expected: Image.Image, tolerance: int = 40) -> bool:
    expected = expected.copy()
    expected.thumbnail(output.size)
    return output.size == expected.size and all(
        close(colour_at(output, fx, fy), colour_at(expected, fx, fy), tolerance) for fx, fy in SPOTS
    )


def test_a_heic_photo_gets_jpeg_thumbnails() -> None:
    [big, small] = render_thumbnails(heic(quadrants(600, 400)), [480, 160])
    assert (big.content_type, small.content_type) == ("image/jpeg", "image/jpeg")
    assert opened(big.data).size == (480, 320)
    assert same_picture(opened(small.data), quadrants(600, 400))


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_a_heic_photo_is_turned_once(orientation: int) -> None:
    """libheif applies HEIF's irot/imir itself; we must not turn it again."""
    upright = quadrants(300, 200)
    photo = io.BytesIO()
    upright.save(photo, "HEIF", exif=exif_with(orientation), quality=92)
    reference = ImageOps.exif_transpose(
        opened(encode(upright, "JPEG", exif=exif_with(orientation)))
    )
    [thumbnail] = render_thumbnails(photo.getvalue(), [160])
    assert same_picture(opened(thumbnail.data), reference)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_an_avif_photo_is_turned_once(orientation: int) -> None:
    upright = quadrants(300, 200)
    photo = encode(upright, "AVIF", exif=exif_with(orientation), quality=90)
    assert b"irot" in photo  # the turn is in AVIF's own box, as phones write it
    reference = ImageOps.exif_transpose(
        opened(encode(upright, "JPEG", exif=exif_with(orientation)))
    )
    [thumbnail] = render_thumbnails(photo, [160])
    assert same_picture(opened(thumbnail.data), reference)


def cut_out(width: int = 300, height: int = 200) -> Image.Image:
    """A product cut out on transparency: opaque on the left, clear on the right."""
    image = Image.new("RGBA", (width, height), (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (width // 2, 0, width, height))
    return image


@pytest.mark.parametrize("make", ["heic", "avif"])
def test_real_transparency_is_kept(make: str) -> None:
    data = heic(cut_out()) if make == "heic" else encode(cut_out(), "AVIF", quality=90)
    [thumbnail] = render_thumbnails(data, [160])
    assert thumbnail.content_type == "image/webp"
    output = opened(thumbnail.data)
    assert output.mode == "RGBA"
    assert output.getpixel((10, 50))[3] == 255
    assert output.getpixel((150, 50))[3] == 0


def test_a_10_bit_heif_with_alpha_comes_out_8_bit_and_still_transparent() -> None:
    width, height = 64, 48
    pixels = b"".join(
        struct.pack("<HHHH", 60000, 1000, 1000, 0 if x < width // 2 else 65535)
        for _ in range(height)
        for x in range(width)
    )
    data = io.BytesIO()
    pillow_heif.from_bytes(mode="RGBA;16", size=(width, height), data=pixels).save(data, quality=-1)
    assert (
        pillow_heif.open_heif(io.BytesIO(data.getvalue()), convert_hdr_to_8bit=False).info[
            "bit_depth"
        ]
        == 10
    )
    [thumbnail] = render_thumbnails(data.getvalue(), [160])
    output = opened(thumbnail.data)
    assert (output.mode, thumbnail.content_type) == ("RGBA", "image/webp")
    red, green, blue, alpha = output.getpixel((50, 20))
    assert alpha == 255
    assert close((red, green, blue), (233, 4, 4), 12)  # 60000/65535 of full red, not clipped
    assert output.getpixel((5, 20))[3] == 0


def test_a_heic_s_colour_profile_is_applied() -> None:
    red = Image.new("RGB", (120, 80), (255, 0, 0))
    data = heic(red, icc_profile=swapped_primaries_profile())
    [thumbnail] = render_thumbnails(data, [80])
    output = opened(thumbnail.data)
    red, _, blue = colour_at(output, 0.5, 0.5)
    assert blue > 150  # the profile says this "red" is blue
    assert red < 100
    assert "icc_profile" not in output.info


def test_metadata_is_stripped_from_heic() -> None:
    data = heic(quadrants(400, 300), exif=exif_with(1, gps=True))
    [thumbnail] = render_thumbnails(data, [160])
    assert b"Exif" not in thumbnail.data
    assert not opened(thumbnail.data).getexif()


def test_a_multi_image_heif_gives_its_primary_image() -> None:
    first, primary = (
        Image.new("RGB", (60, 40), (200, 0, 0)),
        Image.new("RGB", (80, 50), (0, 0, 200)),
    )
    data = io.BytesIO()
    first.save(data, "HEIF", append_images=[primary], primary_index=1)
    [thumbnail] = render_thumbnails(data.getvalue(), [160])
    output = opened(thumbnail.data)
    assert output.size == (80, 50)
    assert close(colour_at(output, 0.5, 0.5), (0, 0, 200))


def test_a_200_megapixel_heic_is_refused_from_its_header() -> None:
    data = bytearray(heic(quadrants(64, 64)))  # whole coding blocks: no clean-aperture crop
    assert b"clap" not in data
    at = data.index(b"ispe") + 8  # after the box's version and flags: width, height
    data[at : at + 8] = struct.pack(">II", 20_000, 10_000)
    started = time.perf_counter()
    with pytest.raises(ImageRejected, match="more than 50000000 pixels"):
        render_thumbnails(bytes(data), [160])
    assert time.perf_counter() - started < 0.5  # judged from the header, nothing decoded


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_heic_or_avif_is_refused(cut: int) -> None:
    for data in (heic(quadrants(400, 300)), encode(quadrants(400, 300), "AVIF", quality=90)):
        with pytest.raises(ImageRejected):
            render_thumbnails(data[: int(len(data) * cut)], [160])


def test_a_corrupted_heic_is_refused_or_rendered_but_never_crashes() -> None:
    data = bytearray(heic(quadrants(400, 300)))
    for at in range(len(data) // 3, len(data), 97):
        data[at] ^= 0xFF
    with contextlib.suppress(ImageRejected):
        render_thumbnails(bytes(data), [160])


# --- the correctness gaps ---------------------------------------------------------


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], 8
    while at < len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        chunks.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def png_from(chunks: list[tuple[bytes, bytes]]) -> bytes:
    out = b"\x89PNG\r\n\x1a\n"
    for kind, body in chunks:
        out += (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )
    return out


def test_a_png_whose_zlib_stream_breaks_is_refused_not_painted_black() -> None:
    chunks = png_chunks(encode(quadrants(400, 300), "PNG"))
    body = next(b for k, b in chunks if k == b"IDAT")
    broken = body[: len(body) // 2] + bytes(b ^ 0x5A for b in body[len(body) // 2 :])
    data = png_from([(k, broken if k == b"IDAT" else b) for k, b in chunks])
    with pytest.raises(ImageRejected, match="corrupt or truncated"):
        render_thumbnails(data, [160])


def test_a_png_with_all_its_pixels_and_its_last_chunk_cut_is_fine() -> None:
    data = encode(quadrants(400, 300), "PNG")
    assert data.endswith(b"IEND\xaeB`\x82")
    [thumbnail] = render_thumbnails(data[:-6], [160])  # IEND's CRC cut short
    assert same_picture(opened(thumbnail.data), quadrants(400, 300))


def test_a_jpeg_promising_more_rows_than_it_holds_is_refused() -> None:
    data = bytearray(encode(quadrants(400, 300), "JPEG", quality=90))
    sof = data.index(b"\xff\xc0") + 5  # SOF0: length, precision, then height and width
    assert struct.unpack(">H", data[sof : sof + 2])[0] == 300
    data[sof : sof + 2] = struct.pack(">H", 600)
    with pytest.raises(ImageRejected, match="ends before"):
        render_thumbnails(bytes(data), [160])


def test_a_flat_grey_picture_is_still_a_picture() -> None:
    grey = encode(Image.new("RGB", (400, 300), (128, 128, 128)), "JPEG")
    [thumbnail] = render_thumbnails(grey, [160])
    assert opened(thumbnail.data).size == (160, 120)


def test_16_bit_grey_with_a_transparency_key_keeps_it() -> None:
    image = Image.new("I;16", (200, 100), 1000)
    image.paste(Image.new("I;16", (100, 100), 40000), (100, 0))
    data = encode(image, "PNG", transparency=1000)
    [thumbnail] = render_thumbnails(data, [100])
    output = opened(thumbnail.data)
    assert (thumbnail.content_type, output.mode) == ("image/webp", "RGBA")
    assert output.getpixel((10, 20))[3] == 0  # the key's grey: see-through
    assert output.getpixel((90, 20))[3] == 255
    assert close(output.getpixel((90, 20))[:3], (156, 156, 156), 6)  # 40000/65535 of white


@pytest.mark.parametrize("compression", ["tiff_lzw", "tiff_adobe_deflate", "raw"])
def test_a_tiff_turned_by_libtiff_is_not_turned_again(compression: str) -> None:
    upright = quadrants(300, 200)
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(upright, "TIFF", compression=compression, exif=exif)
    reference = ImageOps.exif_transpose(opened(encode(upright, "JPEG", exif=exif_with(6))))
    [thumbnail] = render_thumbnails(data, [160])
    assert same_picture(opened(thumbnail.data), reference)
