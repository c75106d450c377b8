"""Product-photo thumbnails: bytes in, web-ready thumbnails out. Pure: no I/O.

One decode serves every size. JPEGs decode straight at a reduced scale
(libjpeg's DCT scaling, Pillow's "draft" mode) no smaller than the largest
thumbnail needs, so a 24 MP photo is never held at full size; each smaller
thumbnail is resized from the one before it. Large resizes run in bands and
encodes overlap the next resize, on a small thread pool: Pillow releases the
GIL for both, so a photo uses every core Lambda gives it.

What people upload is messy, so each image is normalised before resizing:
orientation applied once (EXIF, or HEIF's irot/imir, which the decoder
applies itself, as libtiff does), embedded ICC profiles converted to sRGB,
CMYK, YCCK, 16-bit, palette and grey+alpha images turned into RGB or RGBA,
transparency kept wherever it is real. Output carries no EXIF, GPS, XMP or
ICC data. Phones' HEIC/HEIF photos are read with pillow-heif (imported only
for them: its libraries are large), AVIF with Pillow's own plugin.

A picture must be whole: a decoder that fails once is not asked again (a
second try returns the rows it had, the rest black), and a JPEG whose data
ends before its declared height (libjpeg fills the rest with grey, and
Pillow does not say) is refused.

Output formats:
- opaque images: progressive JPEG, quality 82, 4:2:0 chroma. Progressive
  because catalogue pages show a whole image early on slow phones; 82
  because product shots at thumbnail sizes show no visible loss there, while
  files stay about 40% smaller than at 92.
- images with real transparency: WebP (lossy colour at quality 82, lossless
  alpha), so cut-out products keep clean edges on any background. Alpha that
  is fully opaque is dropped, and the image goes out as JPEG.

Pillow is imported on first use, so cold starts that never touch a photo
(the till, the price pages) do not pay for it.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PIL import Image as PILImage

DEFAULT_MAX_PIXELS = 50_000_000
# Formats we decode; anything else (PDF, EPS, PSD, ...) is refused without
# trying further plugins, some of which shell out to other programs.
ACCEPTED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP", "AVIF")  # JPEG covers MPO
HEIF = "HEIF"  # accepted too, once a file's brands say it is one (pillow-heif is then loaded)
# ISO base media brands (the `ftyp` box) of HEIF images that are not AVIF.
HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
}
AVIF_BRANDS = {b"avif", b"avis"}
GREY_FILL = 128  # what libjpeg writes for blocks it has no data for
JPEG_QUALITY = 82
WEBP_QUALITY = 82
REDUCING_GAP = 3.0  # Pillow: reduce by whole factors first when >= 3x too big
PARALLEL_PIXELS = 250_000  # smaller resizes are not worth splitting

JPEG = ("JPEG", "image/jpeg", ".jpg")
WEBP = ("WEBP", "image/webp", ".webp")
OUTPUT_EXTENSIONS = (JPEG[2], WEBP[2])

# EXIF orientation -> the transpose that undoes it.
_TRANSPOSE = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE"}
_TRANSPOSE |= {6: "ROTATE_270", 7: "TRANSVERSE", 8: "ROTATE_90"}
_ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}


class Thumbnail(NamedTuple):
    size: int
    data: bytes
    content_type: str

    @property
    def extension(self) -> str:
        return WEBP[2] if self.content_type == WEBP[1] else JPEG[2]


class ImageRejected(ValueError):
    """Not an image we can safely thumbnail; the message says why."""


def render_thumbnails(
    data: bytes, sizes: Sequence[int], *, max_pixels: int = DEFAULT_MAX_PIXELS
) -> list[Thumbnail]:
    """Thumbnails fitting each maximum edge in `sizes`, largest first.

    An image smaller than a size is not enlarged: that thumbnail keeps the
    image's own dimensions (still re-encoded and stripped).
    """
    from PIL import Image

    targets = sorted(set(sizes), reverse=True)
    if not targets or targets[-1] < 1:
        raise ValueError("sizes must be positive pixel counts")
    if not data:
        raise ImageRejected("empty file")
    image = _open(data, max_pixels)
    width, height = image.size
    jpeg = image.format in ("JPEG", "MPO")
    if jpeg:
        image.draft(image.mode, _fit(width, height, targets[0]))
    try:
        image.load()
    except (
        OSError, SyntaxError, ValueError, EOFError, RuntimeError, Image.DecompressionBombError,
    ) as error:  # fmt: skip
        raise ImageRejected(f"corrupt or truncated image ({_reason(error)})") from None
    if jpeg and _grey_filled(image, scale=width / image.size[0]):
        raise ImageRejected("the image data ends before the picture does (a cut file?)")
    # Read after loading: decoders that apply the orientation themselves drop it then.
    orientation = _orientation(image)
    current = _web_safe(image)
    del image  # from here on, each size holds only the one before it
    encoded: list[Future[Thumbnail]] = []
    for size in targets:
        current = _resized(current, _fit(width, height, size))
        # Encode on a worker while the next, smaller size is resized here.
        encoded.append(_pool().submit(_encode, _oriented(current, orientation), size))
    return [future.result() for future in encoded]


def thumbnail_key(upload_key: str, size: int, extension: str) -> str:
    """'products/a/mug.png' -> '480/products/a/mug.webp'."""
    stem, dot, suffix = upload_key.rpartition(".")
    if not dot or "/" in suffix:
        stem = upload_key
    return f"{size}/{stem}{extension}"


def _open(data: bytes, max_pixels: int) -> PILImage.Image:
    from PIL import Image, UnidentifiedImageError

    _register_plugins()
    brands = _brands(data)
    formats: tuple[str, ...] = ACCEPTED_FORMATS
    if brands & HEIF_BRANDS and not brands & AVIF_BRANDS:
        _register_heif()
        formats += (HEIF,)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=formats)
    except UnidentifiedImageError:
        raise ImageRejected(
            f"not an image in a supported format ({', '.join((*ACCEPTED_FORMATS, HEIF))})"
        ) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected(f"more than {max_pixels} pixels (a decompression bomb?)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ImageRejected(f"unreadable image header ({_reason(error)})") from None
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageRejected("image has no pixels")
    if width * height > max_pixels:
        raise ImageRejected(
            f"{width}x{height} is {width * height} pixels, over the {max_pixels}-pixel limit"
        )
    return image


@lru_cache(maxsize=1)
def _register_plugins() -> None:
    """Load just the decoders we accept (Image.init() would import every plugin)."""
    from PIL import (  # noqa: F401 - imported for their registration
        AvifImagePlugin,
        BmpImagePlugin,
        GifImagePlugin,
        JpegImagePlugin,
        PngImagePlugin,
        TiffImagePlugin,
        WebPImagePlugin,
    )


@lru_cache(maxsize=1)
def _register_heif() -> None:
    """pillow-heif, for phones' photos: only its primary image, transformations applied,
    10- and 12-bit pictures read as 8-bit (libheif scales them; the plugin's default)."""
    import pillow_heif

    pillow_heif.register_heif_opener(thumbnails=False)


def _brands(data: bytes) -> set[bytes]:
    """The major and compatible brands of an ISO base media file, from its `ftyp` box."""
    if data[4:8] != b"ftyp":
        return set()
    size = int.from_bytes(data[:4], "big")
    box = data[8 : min(size, 256)]
    return {box[i : i + 4] for i in range(0, len(box) - 3, 4)} - {b"\0\0\0\0"}


def _grey_filled(image: PILImage.Image, scale: float) -> bool:
    """Whether the bottom block row is libjpeg's grey fill, not picture.

    A JPEG's data that stops short leaves every block below it at exactly
    mid-grey in every channel; a photo's last rows never are (a fully grey
    image is taken as what it is).
    """
    if image.mode not in ("RGB", "L"):
        return False
    rows = max(1, round(16 / scale))  # one row of 16-pixel blocks, at the decoded scale
    if image.size[1] <= rows:
        return False
    bottom = image.crop((0, image.size[1] - rows, image.size[0], image.size[1]))
    return _all_grey_fill(bottom) and not _all_grey_fill(image)


def _all_grey_fill(image: PILImage.Image) -> bool:
    """Every channel of every pixel exactly libjpeg's fill value (RGB or L)."""
    extrema = image.getextrema()
    bands = extrema if image.mode == "RGB" else (extrema,)
    return all(band == (GREY_FILL, GREY_FILL) for band in bands)


def _orientation(image: PILImage.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # broken EXIF is common; it only costs us the orientation
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _fit(width: int, height: int, size: int) -> tuple[int, int]:
    """Dimensions fitting `size` on the longer edge, never larger than the image."""
    longest = max(width, height)
    if longest <= size:
        return width, height
    scale = size / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _resized(image: PILImage.Image, size: tuple[int, int]) -> PILImage.Image:
    """Lanczos resize; a large one is split into horizontal bands resized in parallel.

    Pillow samples beyond a band's box from the whole image, so the bands
    join without seams (they differ from one whole resize only by rounding).
    """
    from PIL import Image

    if image.size == size:
        return image
    width, height = size
    bands = min(_workers(), height // 64) if width * height >= PARALLEL_PIXELS else 1
    if bands < 2:
        return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
    step = image.size[1] / height
    cuts = [round(height * i / bands) for i in range(bands + 1)]

    def band(i: int) -> PILImage.Image:
        top, bottom = cuts[i], cuts[i + 1]
        box = (0.0, top * step, float(image.size[0]), bottom * step)
        return image.resize((width, bottom - top), Image.Resampling.LANCZOS, box=box)

    result = Image.new(image.mode, size)
    for i, part in enumerate(_pool().map(band, range(bands))):
        result.paste(part, (0, cuts[i]))
    return result


@lru_cache(maxsize=1)
def _workers() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0))))


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    """Pillow releases the GIL while resizing and encoding, so threads use every core."""
    return ThreadPoolExecutor(max(2, _workers()), thread_name_prefix="images")


def _oriented(image: PILImage.Image, orientation: int) -> PILImage.Image:
    from PIL import Image

    if orientation not in _TRANSPOSE:
        return image
    return image.transpose(getattr(Image.Transpose, _TRANSPOSE[orientation]))


def _web_safe(image: PILImage.Image) -> PILImage.Image:
    """RGB, RGBA or L in sRGB, with no metadata left to leak into the output."""
    from PIL import Image

    icc = image.info.get("icc_profile")
    transparent = image.mode in _ALPHA_MODES or "transparency" in image.info
    if image.mode.startswith("I") or image.mode == "F":
        key = image.info.get("transparency")
        alpha = _keyed_alpha(image, key) if isinstance(key, int) else None
        image = _eight_bit_grey(image)
        if alpha is not None:  # tRNS on 16-bit grey: one grey level means "see through"
            image = Image.merge("LA", (image, alpha)).convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode in ("P", "PA", "LA", "La", "RGBa"):
        image = image.convert("RGBA" if transparent else "RGB")
    target = "RGBA" if transparent else "L" if image.mode == "L" else "RGB"
    converted = _to_srgb(image, icc, target) if icc and target != "L" else None
    if converted is None and image.mode == target:
        converted = image  # already right: no copy of the largest image we hold
    elif converted is None:
        try:
            converted = image.convert(target)
        except ValueError:
            raise ImageRejected(f"unsupported colour mode {image.mode}") from None
    if converted.mode == "RGBA" and converted.getchannel("A").getextrema()[0] == 255:
        converted = converted.convert("RGB")  # declared transparent, yet fully opaque
    converted.info = {}
    return converted


def _keyed_alpha(image: PILImage.Image, key: int) -> PILImage.Image:
    """Transparent where a grey image holds its transparency key, opaque elsewhere."""
    from PIL import ImageMath

    mask: PILImage.Image = ImageMath.lambda_eval(
        lambda args: (args["a"] != key) * 255, a=image.convert("I")
    )
    return mask.convert("L")


def _eight_bit_grey(image: PILImage.Image) -> PILImage.Image:
    """16- and 32-bit grey to 8 bits by scaling (a plain convert would clip)."""
    wide = image if image.mode == "F" else image.convert("I")
    extrema = wide.getextrema()  # (low, high) for a single band
    low, high = float(extrema[0]), float(extrema[1])  # type: ignore[arg-type]
    if image.mode.startswith("I;16") or (low >= 0 and 255 < high <= 65535):
        scale, offset = 1 / 257, 0.0
    elif low >= 0 and high <= 255:
        scale, offset = 1.0, 0.0
    else:
        span = float(high - low) or 1.0
        scale, offset = 255 / span, -low * 255 / span
    return wide.point(lambda value: value * scale + offset).convert("L")


def _to_srgb(image: PILImage.Image, icc: bytes, target: str) -> PILImage.Image | None:
    """Apply the embedded profile; None when it is unusable (then convert plainly)."""
    from PIL import ImageCms

    transform = _transform(icc, image.mode, target)
    if transform is None:
        return None
    try:
        return ImageCms.applyTransform(image, transform)  # type: ignore[arg-type]
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


@lru_cache(maxsize=32)
def _transform(icc: bytes, source: str, target: str) -> object | None:
    """A LittleCMS transform from an embedded profile to sRGB, built once per profile."""
    from PIL import ImageCms

    try:
        return ImageCms.buildTransform(
            ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            source,
            target,
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _encode(image: PILImage.Image, size: int) -> Thumbnail:
    out = io.BytesIO()
    if image.mode == "RGBA":
        image.save(out, "WEBP", quality=WEBP_QUALITY, alpha_quality=100, method=4)
        return Thumbnail(size, out.getvalue(), WEBP[1])
    image.save(out, "JPEG", quality=JPEG_QUALITY, progressive=True, subsampling="4:2:0")
    return Thumbnail(size, out.getvalue(), JPEG[1])


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text[:120]
