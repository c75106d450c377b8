"""bench/odd_images.py: other projects' odd files, each judged in a process of its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from bench import odd_images
from bench.odd_images import FAILED, REFUSED, THUMBNAILED, WRONG, answers, files_under


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def test_each_file_is_thumbnailed_and_checked_or_refused_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "Pillow" / "Tests" / "images"
    folder.mkdir(parents=True)
    picture = Image.new("RGB", (300, 200), (200, 40, 40))
    (folder / "plain.png").write_bytes(encoded(picture, "PNG"))
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned a quarter: 200 wide, 300 high
    (folder / "turned.jpg").write_bytes(encoded(picture, "JPEG", exif=exif))
    (folder / "notes.txt").write_text("not a picture")
    (folder / "cut.png").write_bytes(encoded(picture.resize((600, 400)), "PNG")[:300])
    found = {path.name: answer for path, answer in answers(files_under(tmp_path)).items()}
    assert {name: answer.kind for name, answer in found.items()} == {
        "cut.png": REFUSED,
        "notes.txt": REFUSED,
        "plain.png": THUMBNAILED,
        "turned.jpg": THUMBNAILED,
    }
    assert found["notes.txt"].detail == "not an image in a supported format"
    assert found["plain.png"].peak_mb > 0


def test_a_thumbnail_that_does_not_keep_the_picture_s_shape_is_wrong(tmp_path: Path) -> None:
    picture = tmp_path / "wide.png"
    picture.write_bytes(encoded(Image.new("RGB", (300, 200)), "PNG"))
    right = encoded(Image.new("RGB", (160, 107)), "JPEG")
    turned = encoded(Image.new("RGB", (107, 160)), "JPEG")
    enlarged = encoded(Image.new("RGB", (450, 300)), "JPEG")
    assert odd_images._checked(picture, [(160, right)]) == (THUMBNAILED, "")
    assert odd_images._checked(picture, [(160, turned)])[0] == WRONG
    assert odd_images._checked(picture, [(480, enlarged)])[0] == WRONG


def test_a_file_that_takes_too_long_is_a_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(odd_images, "TIMEOUT_SECONDS", 0.01)
    [answer] = answers([tmp_path / "slow.png"]).values()
    assert answer.kind == FAILED
    assert answer.detail == "over 0.01 s"


def test_the_check_says_what_to_set_when_no_checkouts_are_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ODD_IMAGES_DIR", raising=False)
    odd_images.run()
    assert "set ODD_IMAGES_DIR" in capsys.readouterr().out
