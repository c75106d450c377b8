"""bench/other_pages.py: other projects' saved pages, counted by what their projects say."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import other_pages
from bench.other_pages import PAGES, SavedPage, right

IN, OUT = "in_stock", "out_of_stock"
SOLD_OUT = (
    "<html><body><h1>Lampe Atelier</h1><p class='price'>89,00 €</p>"
    "<p class='stock'>Udsolgt</p></body></html>"
)
ON_SALE = SOLD_OUT.replace("<p class='stock'>Udsolgt</p>", "<button>Læg i kurv</button>")


def test_pages_are_counted_by_the_availability_their_project_gives(tmp_path: Path) -> None:
    shop = tmp_path / "watcher" / "fixtures"
    shop.mkdir(parents=True)
    (shop / "in.html").write_text(ON_SALE, "utf-8")
    (shop / "out.html").write_text(SOLD_OUT, "utf-8")
    pages = (
        SavedPage("someone/watcher", "abc1234", "fixtures/in.html", "https://shop.example/p", IN),
        SavedPage("someone/watcher", "abc1234", "fixtures/out.html", "https://shop.example/p", OUT),
        # read as in stock, though its project says sold out
        SavedPage("someone/watcher", "abc1234", "fixtures/in.html", "https://shop.example/p", OUT),
        SavedPage("someone/missing", "abc1234", "fixtures/in.html", "https://shop.example/p", IN),
    )
    assert right(tmp_path, pages) == {IN: (1, 1), OUT: (1, 2)}


def test_each_page_names_where_it_comes_from() -> None:
    assert len(PAGES) == len({(p.repository, p.path) for p in PAGES}) == 39
    assert {p.expected for p in PAGES} == {IN, OUT}
    assert all(p.url.startswith("https://") and len(p.commit) >= 7 for p in PAGES)


def test_the_check_says_what_to_set_when_no_checkouts_are_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("OTHER_PAGES_DIR", raising=False)
    other_pages.run()
    assert "set OTHER_PAGES_DIR" in capsys.readouterr().out
    monkeypatch.setenv("OTHER_PAGES_DIR", str(tmp_path))
    other_pages.run()
    assert "right on 0 of 0" in capsys.readouterr().out
