"""bench/platform_words.py: platforms' locale files read as each platform writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import platform_words
from bench.platform_words import BUY, ELSEWHERE, ON_SALE, SOLD_OUT, Check, judged_right


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """One locale of each platform, in its own layout and format."""
    dawn = tmp_path / "dawn" / "locales"
    dawn.mkdir(parents=True)
    product = {
        "sold_out": "Ausverkauft",
        "add_to_cart": "In den Warenkorb",
        "inventory_in_stock_show_count": "{{ quantity }} auf Lager",
        "pickup_availability": {
            "pick_up_unavailable_at_html": "Abholung bei <span>{{ location_name }}</span> derzeit "
            "nicht verfügbar",
            "unavailable": "Abholverfügbarkeit konnte nicht geladen werden",
        },
    }
    (dawn / "de.json").write_text(json.dumps({"products": {"product": product}}), "utf-8")
    (dawn / "de.schema.json").write_text("{}", "utf-8")
    horizon = tmp_path / "horizon" / "locales"
    horizon.mkdir(parents=True)
    (horizon / "sv.json").write_text(
        '/*\n * auto-generated\n */\n{\n  "content": {\n    // a comment\n'
        '    "product_badge_sold_out": "Slutsåld"\n  }\n}\n',
        "utf-8",
    )
    pack = tmp_path / "magento-2-polish-language-pack"
    pack.mkdir()
    (pack / "pl_PL.csv").write_text(
        '"Out of stock","Brak w magazynie",module,Magento_Catalog\n'
        '"Add to Cart","Dodaj do koszyka",module,Magento_Catalog\n',
        "utf-8",
    )
    (pack / "github_contributions.csv").write_text('"Out of stock","someone"\n', "utf-8")
    snippets = tmp_path / "SwagLanguagePack" / "src" / "Resources" / "snippet" / "storefront"
    snippets.mkdir(parents=True)
    detail = {"soldOut": "Nie je už k dispozícii", "addProduct": "Do košíka"}
    (snippets / "storefront.sk-SK.json").write_text(json.dumps({"detail": detail}), "utf-8")
    spree = tmp_path / "spree_i18n" / "config" / "locales"
    spree.mkdir(parents=True)
    (spree / "es.yml").write_text(
        "es:\n  spree:\n    out_of_stock: Agotado\n    errors:\n"
        "      out_of_stock: '%{item} se agotó'\n",
        "utf-8",
    )
    return tmp_path


def test_each_platform_s_strings_are_found_in_its_own_layout(locales: Path) -> None:
    found = {source: list(read(locales)) for source, read in platform_words.SOURCES.items()}
    words = {(c.source, c.text, c.expected) for checks in found.values() for c in checks}
    assert ("dawn", "Ausverkauft", SOLD_OUT) in words
    assert ("dawn", "3 auf Lager", ON_SALE) in words
    assert ("dawn", "Abholung bei Centro derzeit nicht verfügbar", ELSEWHERE) in words
    assert ("horizon", "Slutsåld", SOLD_OUT) in words
    assert ("magento", "Dodaj do koszyka", BUY) in words
    assert ("shopware", "Nie je už k dispozícii", SOLD_OUT) in words
    assert ("spree", "Agotado", SOLD_OUT) in words
    # Not the pickup block's loading error, a contributors' list, nor a message naming an item.
    texts = {c.text for checks in found.values() for c in checks}
    assert not {"Abholverfügbarkeit konnte nicht geladen werden", "someone"} & texts
    assert not any("se agotó" in text for text in texts)
    # Dawn's, Magento's and Shopware's strings are also read on their product pages.
    pages = [c for checks in found.values() for c in checks if c.what.startswith("page")]
    assert {c.source for c in pages} == {"dawn", "magento", "shopware"}
    assert all(map(judged_right, found["dawn"] + found["magento"] + found["shopware"]))


def test_a_string_is_judged_by_what_a_shopper_reads_in_it() -> None:
    assert judged_right(Check("x", "de", "sold_out", "Ausverkauft", SOLD_OUT))
    assert not judged_right(Check("x", "de", "sold_out", "Auf Lager", SOLD_OUT))
    assert not judged_right(Check("x", "de", "in_stock", "Ausverkauft", ON_SALE))
    assert judged_right(Check("x", "de", "add", "In den Warenkorb legen", BUY))
    assert not judged_right(Check("x", "de", "add", "Warenkorb", BUY))


def test_the_check_says_what_to_set_when_no_checkouts_are_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], locales: Path
) -> None:
    monkeypatch.delenv("PLATFORM_LOCALES_DIR", raising=False)
    platform_words.run()
    assert "set PLATFORM_LOCALES_DIR" in capsys.readouterr().out
    monkeypatch.setenv("PLATFORM_LOCALES_DIR", str(locales))
    platform_words.run()
    assert capsys.readouterr().out.splitlines()[-1].endswith("checks, 0 read wrongly")
