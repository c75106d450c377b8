"""render_thumbnails on what people really upload."""

from __future__ import annotations

import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms, ImageOps

from chalicelib.images import ImageRejected, render_thumbnails, thumbnail_key
from tests.imaging import (
    QUADRANTS,
    close,
    colour_at,
    encode,
    exif_with,
    huge_png_header,
    quadrants,
    swapped_primaries_profile,
)

SIZES = (1200, 480, 160)


def open_output(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_sizes_largest_first_never_upscaled() -> None:
    photo = encode(quadrants(3000, 2000), "JPEG", quality=90)
    thumbnails = render_thumbnails(photo, SIZES)
    assert [t.size for t in thumbnails] == [1200, 480, 160]
    assert [open_output(t.data).size for t in thumbnails] == [(1200, 800), (480, 320), (160, 107)]
    assert all(t.content_type == "image/jpeg" for t in thumbnails)

    small = render_thumbnails(encode(quadrants(100, 50), "PNG"), SIZES)
    assert [open_output(t.data).size for t in small] == [(100, 50), (100, 50), (100, 50)]


def test_output_is_progressive_and_faithful() -> None:
    card = quadrants(1600, 1000)
    [big, _, tiny] = render_thumbnails(encode(card, "JPEG", quality=95), SIZES)
    output = open_output(big.data)
    assert output.info.get("progressive") or output.info.get("progression")
    for spot, (fx, fy) in {
        "tl": (0.25, 0.25),
        "tr": (0.75, 0.25),
        "bl": (0.25, 0.75),
        "br": (0.75, 0.75),
    }.items():
        assert close(colour_at(open_output(tiny.data), fx, fy), QUADRANTS[spot], 12)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(orientation: int) -> None:
    photo = encode(quadrants(300, 200), "JPEG", quality=95, exif=exif_with(orientation))
    # The oracle: Pillow's own reading of the EXIF orientation, on the source.
    expected = ImageOps.exif_transpose(open_output(photo))
    expected.thumbnail((160, 160))
    [thumbnail] = render_thumbnails(photo, [160])
    output = open_output(thumbnail.data)
    assert output.size == expected.size
    assert output.size == ((160, 107) if orientation <= 4 else (107, 160))
    for fx, fy in ((0.2, 0.2), (0.8, 0.2), (0.2, 0.8), (0.8, 0.8)):
        assert close(colour_at(output, fx, fy), colour_at(expected, fx, fy)), (orientation, fx, fy)


def test_metadata_is_stripped() -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    photo = encode(
        quadrants(800, 600),
        "JPEG",
        exif=exif_with(orientation=1, gps=True),
        xmp=xmp,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    assert b"Exif" in photo
    assert b"xmpmeta" in photo
    for thumbnail in render_thumbnails(photo, SIZES):
        assert b"Exif" not in thumbnail.data
        assert b"xmpmeta" not in thumbnail.data
        assert b"PhoneMaker" not in thumbnail.data
        output = open_output(thumbnail.data)
        assert not output.getexif()
        assert "icc_profile" not in output.info


def test_broken_exif_does_not_stop_the_thumbnail() -> None:
    photo = bytearray(encode(quadrants(400, 300), "JPEG", exif=exif_with(orientation=6)))
    start = photo.index(b"Exif\0\0") + 6
    photo[start : start + 40] = b"\xff" * 40  # trash the TIFF header inside APP1
    [thumbnail] = render_thumbnails(bytes(photo), [160])
    assert open_output(thumbnail.data).size == (160, 120)


def test_embedded_icc_profile_is_converted_to_srgb() -> None:
    red = Image.new("RGB", (64, 64), (255, 0, 0))
    tagged = encode(red, "PNG", icc_profile=swapped_primaries_profile())
    [thumbnail] = render_thumbnails(tagged, [64])
    r, g, b = colour_at(open_output(thumbnail.data), 0.5, 0.5)
    assert b > 200, (r, g, b)  # red in that profile is blue in sRGB
    assert r < 60, (r, g, b)


def test_unusable_icc_profile_falls_back_to_plain_conversion() -> None:
    tagged = encode(Image.new("RGB", (64, 64), (255, 0, 0)), "PNG", icc_profile=b"not a profile")
    [thumbnail] = render_thumbnails(tagged, [64])
    assert close(colour_at(open_output(thumbnail.data), 0.5, 0.5), (255, 0, 0))


def test_cmyk_jpeg_becomes_rgb() -> None:
    cmyk = quadrants(600, 400).convert("CMYK")
    [thumbnail] = render_thumbnails(encode(cmyk, "JPEG", quality=95), [300])
    output = open_output(thumbnail.data)
    assert output.mode == "RGB"
    assert close(colour_at(output, 0.25, 0.25), QUADRANTS["tl"])
    assert close(colour_at(output, 0.75, 0.75), QUADRANTS["br"])


def test_16_bit_grey_is_scaled_not_clipped() -> None:
    gradient = Image.linear_gradient("L").resize((256, 256)).convert("I")
    wide = gradient.point(lambda v: v * 257).convert("I;16")  # 0..65535
    [thumbnail] = render_thumbnails(encode(wide, "PNG"), [256])
    output = open_output(thumbnail.data).convert("L")
    low, high = output.getextrema()
    assert low < 10
    assert high > 245
    middle = output.getpixel((128, 128))
    assert isinstance(middle, int)
    assert 100 < middle < 156


def test_palette_transparency_is_kept_as_webp_alpha() -> None:
    palette = Image.new("P", (200, 200), 0)
    palette.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    palette.paste(1, (50, 50, 150, 150))  # a red square on transparent black
    [thumbnail] = render_thumbnails(encode(palette, "PNG", transparency=0), [100])
    assert thumbnail.content_type == "image/webp"
    output = open_output(thumbnail.data).convert("RGBA")
    assert output.getpixel((2, 2))[3] == 0  # type: ignore[index]
    assert output.getpixel((50, 50))[3] == 255  # type: ignore[index]
    assert close(output.getpixel((50, 50))[:3], (200, 30, 30))  # type: ignore[index]


def test_grey_with_alpha_keeps_its_alpha() -> None:
    la = Image.new("LA", (120, 80), (128, 0))
    la.paste((30, 255), (30, 20, 90, 60))
    [thumbnail] = render_thumbnails(encode(la, "PNG"), [120])
    output = open_output(thumbnail.data).convert("RGBA")
    assert thumbnail.content_type == "image/webp"
    assert output.getpixel((0, 0))[3] == 0  # type: ignore[index]
    assert output.getpixel((60, 40))[3] == 255  # type: ignore[index]


def test_opaque_alpha_is_not_kept() -> None:
    [thumbnail] = render_thumbnails(
        encode(Image.new("RGBA", (50, 50), (1, 2, 3, 255)), "PNG"), [50]
    )
    assert thumbnail.content_type == "image/jpeg"


def test_animated_gif_gives_its_first_frame() -> None:
    frames = [Image.new("RGB", (90, 60), colour) for colour in ((220, 20, 20), (20, 20, 220))]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    [thumbnail] = render_thumbnails(gif, [90])
    output = open_output(thumbnail.data)
    assert getattr(output, "n_frames", 1) == 1
    assert close(colour_at(output, 0.5, 0.5), (220, 20, 20))


def test_animated_webp_gives_its_first_frame() -> None:
    frames = [Image.new("RGB", (90, 60), colour) for colour in ((20, 200, 20), (20, 20, 220))]
    webp = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100)
    [thumbnail] = render_thumbnails(webp, [90])
    assert close(colour_at(open_output(thumbnail.data), 0.5, 0.5), (20, 200, 20))


def test_multi_page_tiff_gives_its_first_page() -> None:
    pages = [Image.new("RGB", (80, 80), colour) for colour in ((230, 230, 20), (20, 20, 220))]
    tiff = encode(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    [thumbnail] = render_thumbnails(tiff, [80])
    assert close(colour_at(open_output(thumbnail.data), 0.5, 0.5), (230, 230, 20))


def test_declared_huge_png_is_refused_before_decoding() -> None:
    started = time.perf_counter()
    with pytest.raises(ImageRejected, match="pixels"):
        render_thumbnails(huge_png_header(), SIZES)
    assert time.perf_counter() - started < 1


def test_pixel_limit_is_configurable() -> None:
    photo = encode(quadrants(1000, 1000), "JPEG")
    with pytest.raises(ImageRejected, match="over the 999999-pixel limit"):
        render_thumbnails(photo, SIZES, max_pixels=999_999)
    assert render_thumbnails(photo, SIZES, max_pixels=1_000_000)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"just some text, not a picture", "not an image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not an image"),
        (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "not an image"),
        (encode(quadrants(800, 600), "JPEG")[:3000], "truncated"),
        (encode(quadrants(800, 600), "PNG")[:200], "truncated"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "not an image"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImageRejected, match=reason):
        render_thumbnails(data, SIZES)


@settings(max_examples=40, deadline=None)
@given(
    width=st.integers(1, 700),
    height=st.integers(1, 700),
    sizes=st.lists(st.integers(1, 800), min_size=1, max_size=4, unique=True),
)
def test_every_thumbnail_fits_its_size_and_keeps_the_shape(
    width: int, height: int, sizes: list[int]
) -> None:
    thumbnails = render_thumbnails(encode(quadrants(width, height), "PNG"), sizes)
    assert [t.size for t in thumbnails] == sorted(sizes, reverse=True)
    for thumbnail in thumbnails:
        w, h = open_output(thumbnail.data).size
        scale = min(1.0, thumbnail.size / max(width, height))
        assert max(w, h) == min(thumbnail.size, max(width, height))
        assert abs(w - width * scale) <= 1  # the shape kept, to the pixel
        assert abs(h - height * scale) <= 1


@pytest.mark.parametrize(
    ("key", "size", "extension", "expected"),
    [
        ("products/mug.png", 480, ".webp", "480/products/mug.webp"),
        ("products/mug.JPG", 160, ".jpg", "160/products/mug.jpg"),
        ("products/a.b/noext", 160, ".jpg", "160/products/a.b/noext.jpg"),
        ("products/été/tasse bleue+1.jpeg", 1200, ".jpg", "1200/products/été/tasse bleue+1.jpg"),
    ],
)
def test_thumbnail_keys(key: str, size: int, extension: str, expected: str) -> None:
    assert thumbnail_key(key, size, extension) == expected
