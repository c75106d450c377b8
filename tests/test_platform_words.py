"""bench/platform_words.py: platforms' locale files read as each platform writes them."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from bench import platform_words
from bench.platform_words import (
    BUY,
    ELSEWHERE,
    ON_SALE,
    PRE_ORDERING,
    PROMISE,
    SOLD_OUT,
    Check,
    judged_right,
)


def compiled(translations: dict[str, str]) -> bytes:
    """A gettext catalogue as `msgfmt` writes it: header, then the strings' lengths and
    places, then the strings."""
    catalogue = {"": "Content-Type: text/plain; charset=UTF-8\n", **translations}
    keys = sorted(catalogue)
    originals = [key.encode() for key in keys]
    texts = [catalogue[key].encode() for key in keys]
    start = 28 + 16 * len(keys)
    table, data = [], b""
    for string in originals + texts:
        table.append((len(string), start + len(data)))
        data += string + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    return head + b"".join(struct.pack("<2I", *entry) for entry in table) + data


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
    focal = tmp_path / "focal" / "locales"
    focal.mkdir(parents=True)
    form = {"sold_out": "Ausverkauft", "add_to_cart": "In den Warenkorb", "in_stock": "Auf Lager",
            "oversell_stock": "Bald wieder auf Lager", "pre_order": "Vorbestellen",
            "incoming_stock": "Ab dem {{ next_incoming_date }} wieder auf Lager",
            "low_stock_with_quantity_count": {"other": "Nur noch {{count}} übrig"}}  # fmt: skip
    (focal / "de.json").write_text(json.dumps({"product": {"form": form}}), "utf-8")
    odoo = tmp_path / "odoo" / "addons"
    (odoo / "website_sale_stock" / "i18n").mkdir(parents=True)
    (odoo / "website_sale" / "i18n").mkdir(parents=True)
    (odoo / "website_sale_stock" / "i18n" / "de.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        '#. module: website_sale_stock\nmsgid "Out of Stock"\nmsgstr "Nicht "\n"vorrätig"\n\n'
        'msgid "Only"\nmsgstr "Nur noch"\n\nmsgid "Units"\nmsgstr "Stück"\n\n'
        'msgid "left in stock."\nmsgstr "auf Lager."\n\n'
        'msgid "Out of stock"\nmsgstr ""\n\n'
        'msgid "%s unit"\nmsgid_plural "%s units"\nmsgstr[0] "%s Stück"\n',
        "utf-8",
    )
    (odoo / "website_sale" / "i18n" / "de.po").write_text(
        'msgid "Add to Cart"\nmsgstr "In den Warenkorb"\n', "utf-8"
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
    solidus = tmp_path / "solidus_i18n" / "config" / "locales"
    solidus.mkdir(parents=True)
    (solidus / "uk.yml").write_text("uk:\n  spree:\n    out_of_stock: Немає на залишку\n", "utf-8")
    sylius = tmp_path / "Sylius" / "src" / "Sylius" / "Bundle" / "UiBundle" / "Resources"
    (sylius / "translations").mkdir(parents=True)
    (sylius / "translations" / "messages.nl.yml").write_text(
        "sylius:\n    ui:\n        add_to_cart: 'In winkelwagen'\n"
        "        out_of_stock: 'Geen voorraad'\n    form:\n        out_of_stock: 'Elders'\n",
        "utf-8",
    )
    cornerstone = tmp_path / "cornerstone" / "lang"
    cornerstone.mkdir(parents=True)
    english = {"sold_out": "Sold Out", "out_of_stock_default_message": "Sold Out",
               "in_stock": "in stock", "add_to_cart": "Add to Cart", "pre_order": "Pre-Order Now"}  # fmt: skip
    (cornerstone / "en.json").write_text(json.dumps({"products": english}), "utf-8")
    swedish = {"sold_out": "Utsåld", "in_stock": "I lager", "pre_order": "Förbeställ nu"}
    (cornerstone / "sv.json").write_text(json.dumps({"products": swedish}), "utf-8")
    oscar = tmp_path / "django-oscar" / "src" / "oscar" / "locale" / "et" / "LC_MESSAGES"
    oscar.mkdir(parents=True)
    (oscar / "django.mo").write_bytes(
        compiled({"Unavailable": "Mitte saadaval", "In stock": "In stock", "Basket": "Ostukorv"})
    )
    aimeos = tmp_path / "ai-client-html" / "i18n"
    (aimeos / "code").mkdir(parents=True)
    (aimeos / "nl").write_bytes(compiled({"stock-out": "Geen voorraad"}))
    (aimeos / "nl.po").write_text('msgid "stock-out"\nmsgstr "Geen voorraad"\n', "utf-8")
    woocommerce = tmp_path / "woocommerce" / "i18n" / "languages"
    woocommerce.mkdir(parents=True)
    welsh = {"Out of stock": "Allan o stoc", "Add to cart": "Ychwanegu i'r fasged"}
    (woocommerce / "woocommerce-cy.mo").write_bytes(compiled(welsh))
    (woocommerce / "woocommerce-admin-cy.mo").write_bytes(compiled({"In stock": "Gweinyddu"}))
    (woocommerce / "woocommerce-zh_CN.GB2312.mo").write_bytes(compiled({"In stock": "有货"}))
    saleor = tmp_path / "saleor-storefront" / "locale"
    saleor.mkdir(parents=True)
    key = "intl_dot_commonMessages_dot_outOfStock"
    for name, text in (
        ("defaultMessages", "Out of stock"),
        ("nl", "Geen stock meer"),
        ("it", "Out of stock"),
    ):
        (saleor / f"{name}.json").write_text(json.dumps({key: {"string": text}}), "utf-8")
    catalyst = tmp_path / "catalyst" / "core" / "messages"
    catalyst.mkdir(parents=True)
    submit = {"addToCart": "Add to cart", "outOfStock": "Out of stock", "unavailable": "Unavailable",
              "preorder": "Preorder"}  # fmt: skip
    details = {"Submit": submit, "currentStock": "{quantity, number} in stock",
               "backorderQuantity": "{quantity, number} will be on backorder"}  # fmt: skip
    (catalyst / "en.json").write_text(
        json.dumps({"Product": {"ProductDetails": details}, "Compare": {"addToCart": "Add"}}),
        "utf-8",
    )
    submit = {**submit, "outOfStock": "Fora do estoque", "addToCart": "Adicionar ao carrinho"}
    portuguese = {"Submit": submit, "currentStock": "{quantity, number} em estoque"}
    (catalyst / "pt.json").write_text(
        json.dumps({"Product": {"ProductDetails": portuguese}}), "utf-8"
    )
    vtex = tmp_path / "store-components" / "messages"
    vtex.mkdir(parents=True)
    english = {"store/buy-button.add-to-cart": "Add to Cart",
               "store/availability-subscriber.title": "This product isn't available right now",
               "store/availability-subscriber.subscribe-label": "I want to know when this product "
               "becomes available", "store/buyButton-label-unavailable": "Unavailable"}  # fmt: skip
    (vtex / "en.json").write_text(json.dumps(english), "utf-8")
    italian = {"store/availability-subscriber.title": "Questo prodotto non è disponibile",
               "store/buyButton-label-unavailable": "Unavailable"}  # fmt: skip
    (vtex / "it.json").write_text(json.dumps(italian), "utf-8")
    (vtex / "context.json").write_text(json.dumps({"store/buy-button.add-to-cart": "A button"}))
    sfra = tmp_path / "storefront-reference-architecture" / "cartridges" / "app_storefront_base"
    sfra = sfra / "cartridge" / "templates" / "resources"
    sfra.mkdir(parents=True)
    (sfra / "common.properties").write_text(
        "label.availability=Availability\nbutton.addtocart=Add to Cart\nlabel.instock=In Stock\n"
        "label.preorder=Pre-Order\nlabel.back.order=Back Order\n"
        "label.not.available=This item is currently not available\n",
        "utf-8",
    )
    (sfra / "product.properties").write_text(
        "info.selectforstock=Select Styles for Availability\n", "utf-8"
    )
    (sfra / "common_it_IT.properties").write_text(
        "# Italian\nlabel.instock=Disponibile\nlabel.instock=disponibile\n"
        "label.quantity.in.stock={0} Articolo/i disponibile\n"
        "label.not.available=L'articolo non è al momento disponibile\n",
        "utf-8",
    )
    presta = tmp_path / "Prestashop-ZOneTheme" / "translations" / "pl-PL"
    presta.mkdir(parents=True)
    (presta.parent / "index.php").write_text("<?php\n", "utf-8")

    def xliff(units: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.tpl"><body>'
            f"{units}</body></file></xliff>"
        )

    (presta / "ShopThemeCatalog.pl-PL.xlf").write_text(
        xliff(
            '<trans-unit id="1"><source>Out of stock</source><target>Oczekiwanie na dostawę'
            '</target></trans-unit><trans-unit id="2"><source>In stock</source><target>Najpierw '
            "dostępne</target></trans-unit>"
        ),
        "utf-8",
    )
    (presta / "ShopThemeActions.pl-PL.xlf").write_text(
        xliff(
            '<trans-unit id="3"><source>Add to cart</source><target>Dodaj do koszyka</target>'
            "</trans-unit>"
        ),
        "utf-8",
    )
    (presta / "ShopThemeGlobal.pl-PL.xlf").write_text(
        xliff('<trans-unit id="4"><source>Out of stock</source><target>Brak</target></trans-unit>'),
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
    assert ("focal", "Ausverkauft", SOLD_OUT) in words
    # Odoo's, a string written over two lines read whole; one untranslated left out
    assert {(c.what, c.text) for c in found["odoo"] if not c.what.startswith("page")} == {
        ("Out of Stock", "Nicht vorrätig"),
        ("Add to Cart", "In den Warenkorb"),
    }
    few = next(c for c in found["odoo"] if c.what == "page: few left")
    assert "Nur noch 3 Stück auf Lager." in few.text
    assert ("focal", "Nur noch 3 übrig", ON_SALE) in words
    assert ("focal", "Vorbestellen", PRE_ORDERING) in words
    assert ("magento", "Dodaj do koszyka", BUY) in words
    assert ("shopware", "Nie je už k dispozícii", SOLD_OUT) in words
    assert ("spree", "Agotado", SOLD_OUT) in words
    assert ("solidus", "Немає на залишку", SOLD_OUT) in words
    assert ("sylius", "Geen voorraad", SOLD_OUT) in words
    assert ("cornerstone", "Utsåld", SOLD_OUT) in words
    assert ("cornerstone", "3 I lager", ON_SALE) in words
    assert ("cornerstone", "Förbeställ nu", PRE_ORDERING) in words
    assert ("oscar", "Mitte saadaval", SOLD_OUT) in words
    assert ("aimeos", "Geen voorraad", SOLD_OUT) in words
    assert ("woocommerce", "Allan o stoc", SOLD_OUT) in words
    assert ("catalyst", "Fora do estoque", SOLD_OUT) in words
    assert ("catalyst", "3 em estoque", ON_SALE) in words
    assert ("vtex", "Questo prodotto non è disponibile", SOLD_OUT) in words
    assert ("vtex", "I want to know when this product becomes available", PROMISE) in words
    # Salesforce's, a key written twice read as Java reads it, the last one
    assert ("sfra", "disponibile", ON_SALE) in words
    assert ("sfra", "Disponibile", ON_SALE) not in words
    assert ("sfra", "3 Articolo/i disponibile", ON_SALE) in words
    assert ("sfra", "L'articolo non è al momento disponibile", SOLD_OUT) in words
    # ...its Italian page in English where its locale says nothing ("Add to Cart")
    gone = next(c for c in found["sfra"] if c.locale == "it_IT" and c.what == "page: not available")
    assert "L'articolo non è al momento disponibile" in gone.text
    assert "Add to Cart</button>" in gone.text
    assert "disabled" in gone.text
    # PrestaShop's, each string once, the first found, and not "In stock" (in some
    # locales, a sort order's "In stock first")
    assert [(c.what, c.text) for c in found["prestashop"] if not c.what.startswith("page")] == [
        ("Add to cart", "Dodaj do koszyka"),
        ("Out of stock", "Oczekiwanie na dostawę"),
    ]
    sold = next(c for c in found["prestashop"] if c.what == "page: out of stock")
    assert "Oczekiwanie na dostawę" in sold.text
    assert "disabled" in sold.text
    # Catalyst's strings of its product details, not its comparison page's; VTEX's
    # translations, not the notes its translators read.
    assert ("catalyst", "en", "Add") not in {
        (c.source, c.locale, c.text) for c in found["catalyst"]
    }
    assert {c.locale for c in found["vtex"]} == {"en", "it"}
    assert ("vtex", "it", "Unavailable") not in {
        (c.source, c.locale, c.text) for c in found["vtex"]
    }
    # Saleor's, but not a string its locale left in English
    assert [(c.locale, c.what, c.text) for c in found["saleor"]] == [
        ("nl", "outOfStock", "Geen stock meer")
    ]
    # Not its admin's catalogue, nor a copy in another encoding.
    assert {c.locale for c in found["woocommerce"]} == {"cy"}
    # Not the pickup block's loading error, a contributors' list, nor a message naming an item.
    texts = {c.text for checks in found.values() for c in checks}
    assert not {"Abholverfügbarkeit konnte nicht geladen werden", "someone", "Elders"} & texts
    # Oscar's untranslated "In stock" and a string of no kind checked ("Ostukorv") are left.
    assert [c.text for c in found["oscar"] if not c.what.startswith("page")] == ["Mitte saadaval"]
    # A string a locale leaves in English is not its language's.
    assert ("cornerstone", "sv", "Add to Cart") not in {
        (c.source, c.locale, c.text) for c in found["cornerstone"]
    }
    assert not any("se agotó" in text for text in texts)
    # All but Spree's, Solidus's, Bagisto's, Aimeos's and Saleor's are also read on their
    # product pages.
    pages = [c for checks in found.values() for c in checks if c.what.startswith("page")]
    assert {c.source for c in pages} == {
        "dawn",
        "focal",
        "odoo",
        "magento",
        "shopware",
        "sylius",
        "cornerstone",
        "oscar",
        "woocommerce",
        "catalyst",
        "vtex",
        "sfra",
        "prestashop",
    }
    assert all(judged_right(c) for c in pages)
    # Cornerstone serves a sold-out product's page with its "Add to Cart" button and an alert.
    served = next(c for c in pages if c.locale == "sv" and c.what == "page: sold out, as served")
    assert "Utsåld" in served.text
    assert 'value="Add to Cart"' in served.text
    # Focal says "Bald wieder auf Lager" of a product it still sells, by its buy button.
    oversold = next(c for c in pages if c.source == "focal" and c.what == "page: oversell_stock")
    assert "Bald wieder auf Lager" in oversold.text
    assert oversold.expected == "in_stock"


def test_a_string_is_judged_by_what_a_shopper_reads_in_it() -> None:
    assert judged_right(Check("x", "de", "sold_out", "Ausverkauft", SOLD_OUT))
    assert not judged_right(Check("x", "de", "sold_out", "Auf Lager", SOLD_OUT))
    assert not judged_right(Check("x", "de", "in_stock", "Ausverkauft", ON_SALE))
    assert judged_right(Check("x", "de", "add", "In den Warenkorb legen", BUY))
    assert not judged_right(Check("x", "de", "add", "Warenkorb", BUY))
    assert judged_right(Check("x", "de", "pre_order", "Jetzt vorbestellen", PRE_ORDERING))
    assert not judged_right(Check("x", "de", "pre_order", "In den Warenkorb", PRE_ORDERING))


def test_the_check_says_what_to_set_when_no_checkouts_are_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], locales: Path
) -> None:
    monkeypatch.delenv("PLATFORM_LOCALES_DIR", raising=False)
    platform_words.run()
    assert "set PLATFORM_LOCALES_DIR" in capsys.readouterr().out
    monkeypatch.setenv("PLATFORM_LOCALES_DIR", str(locales))
    platform_words.run()
    assert capsys.readouterr().out.splitlines()[-1].endswith("checks, 0 read wrongly")
