"""The availability word lists against what shop platforms print, in their own translations.

A shop in Greek or Polish says "sold out" as its platform's translators wrote it. So the
word lists are read against those translations: the strings for sold out, in stock,
"notify me when it is available", add to cart, pre-order and a store's pickup, from the
locale files of eighteen platforms and of a paid Shopify theme (Maestrooo's Focal), each
string alone, and all but Horizon's, Spree's, Solidus's, Bagisto's, Aimeos's and
Saleor's also on a page shaped as that platform's product page. The word lists were
fixed against these in the thirty-sixth, thirty-seventh, thirty-ninth, forty-second,
forty-third and forty-fourth rounds: this is a check against regressions, not a figure for
unseen shops.

Set PLATFORM_LOCALES_DIR to a directory holding checkouts of Shopify/dawn,
Shopify/horizon, shopware/SwagLanguagePack, spree-contrib/spree_i18n,
solidusio/solidus_i18n, bagisto/bagisto, Sylius/Sylius, bigcommerce/cornerstone,
django-oscar/django-oscar, aimeos/ai-client-html, wp-plugins/woocommerce (at 9759981,
the last commit holding its catalogues), saleor/saleor-storefront, bigcommerce/catalyst,
vtex-apps/store-components and Mageplaza's Magento 2 language packs
(`magento-2-*-language-pack`), each in a folder named as its repository; and, each in a
folder named for it, Focal as a shop keeps it (focal:
BillySorrells/Shopify-Focal-Theme-upgrade-to-12.2.0) and Odoo 15's web shop (odoo: the
`addons/website_sale*/i18n` folders of any copy of odoo/odoo, such as
thuan07/TTDN-15-05-N7); and Salesforce Commerce Cloud's storefront reference architecture
(SalesforceCommerceCloud/storefront-reference-architecture, or a copy of it such as
muhammadmuneeb198/storefront-reference-architecture); and PrestaShop's core strings as a
theme ships them (PululuK/Prestashop-ZOneTheme). Those missing are left out.
"""

from __future__ import annotations

import ast
import csv
import gettext
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from bench.checkouts import checkouts
from chalicelib.prices import extract_offer
from chalicelib.prices.dom import plain
from chalicelib.prices.stock.text import IN_STOCK, OUT_OF_STOCK, PRE_ORDER, stock_said
from chalicelib.prices.stock.words import NOT_A_STATUS
from chalicelib.prices.words import BUY_ACTION

SOLD_OUT, ON_SALE, PROMISE, ELSEWHERE = "sold out", "on sale", "promise", "elsewhere"
BUY, PRE_ORDERING = "buy", "pre-order"
# A placeholder as each platform writes it: "{{ quantity }}", "{quantity}", "%1", "%d",
# "%{item}", ":qty", "{quantity, number}".
_PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}|%?\{\w+(?:,\s*\w+)?\}|%\w+%|%\d|%[ds]|:\w+")
_TAG = re.compile(r"<[^>]+>")


class Check(NamedTuple):
    source: str
    locale: str
    what: str  # the kind of string, or a page's name
    text: str  # the string, or the page
    expected: str  # one of the kinds above, or a page's availability


def judged_right(check: Check) -> bool:
    """A page by what `extract_offer` reads on it; a string by what `stock_said` reads in it
    (a promise to tell is read as sold out, a pre-order button as a pre-order), or, for a
    buy action, by `BUY_ACTION`."""
    if check.text.lstrip().startswith("<"):
        url = "https://shop.example/products/linen-shirt"
        return extract_offer(check.text, url).availability == check.expected
    text = plain(check.text).lower()
    said = stock_said(text)
    if check.expected in (SOLD_OUT, PROMISE):
        return said is not None and said.availability == OUT_OF_STOCK
    if check.expected == ON_SALE:
        return said is None or said.availability == IN_STOCK
    if check.expected == ELSEWHERE:
        return said is None or bool(NOT_A_STATUS.search(text))
    if check.expected == PRE_ORDERING:
        return said == PRE_ORDER
    return bool(BUY_ACTION.search(text))


def _filled(text: str) -> str:
    """A string as a page shows it: its placeholders filled, its markup dropped."""
    text = _PLACEHOLDER.sub(lambda m: "Centro" if "location" in m.group() else "3", text)
    return _TAG.sub("", text).strip()


def _pairs(text: str) -> Iterator[tuple[str, str]]:
    """`'key' => 'value'` pairs, as PHP locale files write them."""
    for key, value in re.findall(
        r"""['"]([\w.-]+)['"]\s*(?::|=>)\s*['"]((?:[^'"\\]|\\.)*)['"]""", text
    ):
        yield key.rsplit(".", 1)[-1], value


def _page(lang: str, body: str) -> str:
    return (
        f'<html lang="{lang}"><head><title>Linen Shirt</title></head><body>'
        '<header><a href="/">Shop</a><a href="/cart">Cart</a></header><main>'
        '<div class="product"><img src="/shirt.jpg" alt="Linen Shirt">'
        '<h1 class="product__title">Linen Shirt</h1><div class="price">€40,00</div>'
        f"{body}</div></main><footer>Shop</footer></body></html>"
    )


# A Shopify theme's strings by their place in its locale ("products.product.sold_out";
# Focal's "product.form.sold_out").
_SHOPIFY_KINDS = (
    (SOLD_OUT, r"(?:products\.product|blocks|content)\.(?:product_badge_)?sold_out$|"
     r"(?:products\.product|content)\.unavailable$|\.inventory_out_of_stock$|"
     r"(?:product\.form|collection\.product)\.sold_out$"),
    (ON_SALE, r"\.inventory_(?:in_stock|low_stock)(?:_show_count)?(?:\.one|\.other)?$|"
     r"\.inventory_out_of_stock_continue_selling$|"
     r"product\.form\.(?:in_stock|low_stock_with_quantity_count\.(?:one|other))$"),
    (ELSEWHERE, r"pick_?up_(?:available|(?:currently_)?unavailable|not_available)(?:_at)?(?:_html)?$"),
    (BUY, r"(?:products\.product|actions|product\.form)\.add_to_cart$"),
    (PRE_ORDERING, r"product\.form\.pre_order$"),
)  # fmt: skip


def _locale(path: Path) -> dict[str, str]:
    """A JSON locale file's strings by dotted path (Horizon's opens with comments)."""
    text = re.sub(r"^\s*/\*.*?\*/", "", path.read_text(encoding="utf-8"), count=1, flags=re.S)
    found: dict[str, str] = {}

    def walk(node: object, at: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{at}.{key}" if at else key)
        elif isinstance(node, str):
            found[at] = node

    walk(json.loads(re.sub(r"(?m)^\s*//.*$", "", text)), "")
    return found


def shopify(root: Path, theme: str) -> Iterator[Check]:
    """A Shopify theme's strings; Dawn's also on its product form, inventory line and
    pickup block."""
    for path in sorted((root / theme / "locales").glob("*.json")):
        if ".schema." in path.name:
            continue
        lang = path.name.split(".")[0]
        strings = _locale(path)
        for at, value in strings.items():
            kind = next((kind for kind, place in _SHOPIFY_KINDS if re.search(place, at)), None)
            if kind is not None:
                yield Check(theme, lang, at, _filled(value), kind)
        if theme == "dawn":
            yield from _dawn_pages(lang, strings)
        if theme == "focal":
            yield from _focal_pages(lang, strings)


def _buttons_alone(source: str, lang: str, sold: str, add: str) -> Iterator[Check]:
    """A theme's product page with its sold-out button, and with its add-to-cart one."""
    yield Check(source, lang, "page: sold out button", _page(lang, sold), OUT_OF_STOCK)
    yield Check(source, lang, "page: add to cart", _page(lang, add), IN_STOCK)


def _dawn_pages(lang: str, strings: dict[str, str]) -> Iterator[Check]:
    product = {at.removeprefix("products.product."): text for at, text in strings.items()}

    def form(label: str, disabled: bool) -> str:
        state = " disabled" if disabled else ""
        return (
            '<form class="product-form"><button type="submit" name="add" '
            f'class="product-form__submit button"{state}><span>{label}</span></button></form>'
        )

    sold, add = form(product["sold_out"], True), form(product["add_to_cart"], False)
    yield from _buttons_alone("dawn", lang, sold, add)
    for key, text in product.items():
        if key.startswith("inventory_") and "." not in key:
            out = key == "inventory_out_of_stock"
            body = f'<p class="product__inventory">{_filled(text)}</p>' + (sold if out else add)
            page = _page(lang, body)
            yield Check("dawn", lang, f"page: {key}", page, OUT_OF_STOCK if out else IN_STOCK)
    note = _filled(product.get("pickup_availability.pick_up_unavailable_at_html", ""))
    if note:
        block = f'<div class="pickup-availability-info"><p class="caption-large">{note}</p></div>'
        yield Check("dawn", lang, "page: pickup", _page(lang, add + block), IN_STOCK)


def _focal_pages(lang: str, strings: dict[str, str]) -> Iterator[Check]:
    """Focal's product form: its stock line above its buy button. A product still sold
    once none is left says "Re-stocking soon" by a button that takes orders; one sold out
    that is coming back says when, by a disabled "Sold out"."""
    form = {at.removeprefix("product.form."): text for at, text in strings.items()}

    def buttons(label: str, disabled: bool) -> str:
        state = " disabled" if disabled else ""
        return (
            '<div class="product-form__buy-buttons"><form class="product-form">'
            '<button id="AddToCart" type="submit" class="product-form__add-button button '
            f'button--full"{state}>{label}</button></form></div>'
        )

    def inventory(text: str) -> str:
        return (
            '<product-inventory class="product-form__inventory-wrapper">'
            f'<span class="inventory inventory--low">{_filled(text)}</span></product-inventory>'
        )

    sold, add = buttons(form["sold_out"], True), buttons(form["add_to_cart"], False)
    yield from _buttons_alone("focal", lang, sold, add)
    for key in ("in_stock", "low_stock_with_quantity_count.other", "oversell_stock"):
        if key in form:  # a count's forms are as many as its language has
            page = _page(lang, inventory(form[key]) + add)
            yield Check("focal", lang, f"page: {key}", page, IN_STOCK)
    coming = inventory(form["incoming_stock"])
    yield Check("focal", lang, "page: incoming, sold", _page(lang, coming + add), IN_STOCK)
    yield Check("focal", lang, "page: incoming", _page(lang, coming + sold), OUT_OF_STOCK)


_MAGENTO_KINDS = {
    "out of stock": SOLD_OUT, "this product is out of stock.": SOLD_OUT,
    "availability: out of stock.": SOLD_OUT, "in stock": ON_SALE, "only %1 left": ON_SALE,
    "alert me when this item is available.": PROMISE,
    "notify me when this product is in stock": PROMISE, "add to cart": BUY, "buy now": BUY,
}  # fmt: skip


def magento(root: Path) -> Iterator[Check]:
    """Mageplaza's language packs for Magento 2; also on Luma's stock line, add-to-cart box
    and stock alert."""
    for path in sorted(root.glob("magento-2-*-language-pack/[a-z][a-z]_*.csv")):
        lang = path.stem
        found: dict[str, str] = {}
        with path.open(encoding="utf-8", newline="") as rows:
            for source, text, *_ in (row for row in csv.reader(rows) if len(row) >= 2):
                source, text = source.lower(), text.strip()
                # a pack leaves what it has not translated in English
                if (
                    source in _MAGENTO_KINDS
                    and source not in found
                    and text.lower() not in ("", source)
                ):
                    found[source] = text
                    yield Check("magento", lang, source, _filled(text), _MAGENTO_KINDS[source])
        yield from _luma_pages(lang, found)


def _luma_pages(lang: str, found: dict[str, str]) -> Iterator[Check]:
    add = found.get("add to cart", "Add to Cart")
    box = (
        '<div class="product-add-form"><form id="product_addtocart_form"><div class="box-tocart">'
        f'<button type="submit" title="{add}" class="action primary tocart" '
        f'id="product-addtocart-button"><span>{add}</span></button></div></form></div>'
    )

    def stock(state: str, text: str) -> str:
        return f'<div class="product-info-stock-sku"><div class="stock {state}"><span>{text}</span></div></div>'

    in_stock, out = found.get("in stock", "In stock"), found.get("out of stock", "Out of stock")
    notify = found.get("notify me when this product is in stock") or found.get(
        "alert me when this item is available.", ""
    )
    alert = f'<div class="product alert stock"><a href="#" class="action alert">{notify}</a></div>'
    yield Check(
        "magento", lang, "page: in stock", _page(lang, stock("available", in_stock) + box), IN_STOCK
    )
    yield Check(
        "magento",
        lang,
        "page: out of stock",
        _page(lang, stock("unavailable", out) + alert),
        OUT_OF_STOCK,
    )


def shopware(root: Path) -> Iterator[Check]:
    """Shopware's language pack; also on its delivery information and buy widget."""
    folder = root / "SwagLanguagePack" / "src" / "Resources" / "snippet" / "storefront"
    for path in sorted(folder.glob("storefront.*.json")):
        lang = path.name.split(".")[1]
        found = _locale(path)
        sold, add = found.get("detail.soldOut"), found.get("detail.addProduct")
        if not (sold and add):
            continue
        available = _filled(found.get("detail.deliveryTimeAvailable", "").replace("%name%", "2-3"))
        restock = found.get("detail.deliveryTimeRestock", "").split("|")[-1].replace("[0,Inf[", "")
        restock = _filled(restock.replace("%restockTime%", "5").replace("%name%", "2-3"))
        yield Check("shopware", lang, "soldOut", sold, SOLD_OUT)
        yield Check("shopware", lang, "addProduct", add, BUY)

        def info(state: str, text: str) -> str:
            return f'<p class="delivery-information {state}"><span class="delivery-status-indicator"></span> {text}</p>'

        widget = f'<form class="buy-widget"><button class="btn btn-primary btn-buy" title="{add}">{add}</button></form>'
        yield Check(
            "shopware",
            lang,
            "page: sold out",
            _page(lang, info("delivery-not-available", sold)),
            OUT_OF_STOCK,
        )
        for name, text in (("available", available), ("restock", restock)):
            if text:
                yield Check("shopware", lang, name, text, ON_SALE)
                page = _page(lang, info(f"delivery-{name}", text) + widget)
                yield Check("shopware", lang, f"page: {name}", page, IN_STOCK)


def _yaml_strings(path: Path, keys: dict[str, str]) -> Iterator[tuple[str, str]]:
    """A YAML locale's `key: value` lines for the keys given, at any depth."""
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\s+(\w+):\s*['\"]?(.+?)['\"]?\s*$", line)
        if found and found.group(1) in keys:
            yield found.group(1), found.group(2)


def spree(root: Path, source: str) -> Iterator[Check]:
    """Spree's storefront strings, or those of Solidus, its fork (not their messages, which
    name an item: "%{item} sold out")."""
    kinds = {"out_of_stock": SOLD_OUT, "in_stock": ON_SALE, "add_to_cart": BUY}
    for path in sorted((root / f"{source}_i18n" / "config" / "locales").glob("*.yml")):
        for key, text in _yaml_strings(path, kinds):
            if "%{" not in text:
                yield Check(source, path.stem, key, text, kinds[key])


def sylius(root: Path) -> Iterator[Check]:
    """Sylius's shop strings; also on its product page, where a sold-out product's form gives
    way to one line."""
    kinds = {"out_of_stock": SOLD_OUT, "add_to_cart": BUY}
    folder = root / "Sylius" / "src" / "Sylius" / "Bundle" / "UiBundle" / "Resources"
    for path in sorted((folder / "translations").glob("messages.*.yml")):
        lang = path.name.split(".")[1]
        found: dict[str, str] = {}
        for key, text in _yaml_strings(path, kinds):
            found.setdefault(key, text)
        if len(found) < len(kinds):
            continue
        for key, text in found.items():
            yield Check("sylius", lang, key, text, kinds[key])
        sold = f'<div class="position-relative"><div data-test-product-out-of-stock>{found["out_of_stock"]}</div></div>'
        form = (
            '<div class="position-relative"><form name="sylius_shop_add_to_cart" method="post">'
            '<input type="number" name="quantity" value="1"><button type="submit" '
            f'class="btn btn-primary" data-test-add-to-cart-button>{found["add_to_cart"]}</button>'
            "</form></div>"
        )
        yield Check("sylius", lang, "page: out of stock", _page(lang, sold), OUT_OF_STOCK)
        yield Check("sylius", lang, "page: add to cart", _page(lang, form), IN_STOCK)


_CORNERSTONE_KINDS = {
    "products.sold_out": SOLD_OUT, "products.out_of_stock_default_message": SOLD_OUT,
    "page_builder.pdp_sold_out_label": SOLD_OUT, "products.in_stock": ON_SALE,
    "products.add_to_cart": BUY, "products.pre_order": PRE_ORDERING,
}  # fmt: skip


def cornerstone(root: Path) -> Iterator[Check]:
    """BigCommerce's Cornerstone theme; also on its product form, where a sold-out product's
    alert stands above the button the page is served with ("Add to Cart", until a script
    changes it)."""
    folder = root / "cornerstone" / "lang"
    if not (folder / "en.json").is_file():
        return
    english = _locale(folder / "en.json")
    for path in sorted(folder.glob("*.json")):
        lang = path.stem
        strings = _locale(path)
        for at, kind in _CORNERSTONE_KINDS.items():
            text = strings.get(at, english.get(at))
            # a locale leaves what it has not translated in English
            if text and (lang == "en" or text != english.get(at)):
                shown = f"3 {text}" if at == "products.in_stock" else _filled(text)
                yield Check("cornerstone", lang, at, shown, kind)
        yield from _cornerstone_pages(lang, {**english, **strings})


def _cornerstone_pages(lang: str, strings: dict[str, str]) -> Iterator[Check]:
    def form(alert: str, label: str, disabled: bool = False) -> str:
        shown = (
            f'<div class="alertBox alertBox--error"><p class="alertBox-message">{alert}</p></div>'
            if alert
            else '<span class="productView-stock-message"><span data-product-stock>3</span> '
            f"{strings['products.in_stock']}</span>"
        )
        state = " disabled" if disabled else ""
        return (
            '<form class="form" method="post" action="/cart.php" data-cart-item-add>'
            f'<div id="add-to-cart-wrapper" class="add-to-cart-wrapper">{shown}'
            '<div class="add-to-cart-buttons"><div class="form-action">'
            '<input id="form-action-addToCart" class="button button--primary" type="submit" '
            f'value="{label}"{state}></div></div></div></form>'
        )

    add, sold = strings["products.add_to_cart"], strings["products.sold_out"]
    unavailable = strings["products.out_of_stock_default_message"]
    for name, body, expected in (
        ("page: add to cart", form("", add), IN_STOCK),
        ("page: pre-order", form("", strings["products.pre_order"]), IN_STOCK),
        ("page: sold out, as served", form(sold, add), OUT_OF_STOCK),
        ("page: sold out, as scripted", form(sold, unavailable, disabled=True), OUT_OF_STOCK),
    ):
        yield Check("cornerstone", lang, name, _page(lang, body), expected)


def bagisto(root: Path) -> Iterator[Check]:
    kinds = {"add-to-cart": BUY, "sold_out": SOLD_OUT}
    lang_dir = root / "bagisto" / "packages" / "Webkul" / "Shop" / "src" / "Resources" / "lang"
    for path in sorted(lang_dir.glob("*/app.php")):
        seen = set()
        for key, value in _pairs(path.read_text(encoding="utf-8")):
            if key in kinds and (key, value) not in seen:
                seen.add((key, value))
                yield Check("bagisto", path.parent.name, key, _filled(value), kinds[key])


def _translated(path: Path, sources: Iterable[str]) -> dict[str, str]:
    """A compiled gettext catalogue's translations of the strings given, those it has."""
    with path.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)
    found = {source: catalogue.gettext(source) for source in sources}
    return {source: text for source, text in found.items() if text != source}


_OSCAR_KINDS = {
    "In stock": ON_SALE, "In stock (%d available)": ON_SALE, "Available": ON_SALE,
    "Unavailable": SOLD_OUT, "Add to basket": BUY,
    "You can get an email alert when this product is back in stock.": PROMISE,
}  # fmt: skip


def oscar(root: Path) -> Iterator[Check]:
    """Django Oscar's strings; also on its product page: the availability line, then the
    basket form or, sold out, the stock alert's form."""
    folder = root / "django-oscar" / "src" / "oscar" / "locale"
    for path in sorted(folder.glob("*/LC_MESSAGES/django.mo")):
        lang = path.parent.parent.name
        found = _translated(path, [*_OSCAR_KINDS, "Notify me"])
        for source, text in found.items():
            if source in _OSCAR_KINDS:
                yield Check("oscar", lang, source, _filled(text), _OSCAR_KINDS[source])
        said = {
            source: _filled(found.get(source, source)) for source in (*_OSCAR_KINDS, "Notify me")
        }
        add = said["Add to basket"]
        basket = (
            '<form id="add_to_basket_form" method="post" class="add-to-basket">'
            '<input type="number" name="quantity" value="1">'
            f'<button type="submit" class="btn btn-lg btn-primary w-100" value="{add}">{add}</button></form>'
        )
        alert = (
            '<form id="alert_form" method="post" class="add-to-basket">'
            f"<p>{said['You can get an email alert when this product is back in stock.']}</p>"
            '<input type="email" name="email"><button type="submit" class="btn btn-lg btn-info '
            f'w-100">{said["Notify me"]}</button></form>'
        )

        def line(code: str, icon: str, text: str) -> str:
            return f'<p class="{code} availability"><i class="fas fa-{icon}"></i> {text}</p>'

        in_stock = line("instock", "check-circle", said["In stock (%d available)"]) + basket
        sold_out = line("outofstock", "ban", said["Unavailable"]) + alert
        yield Check("oscar", lang, "page: in stock", _page(lang, in_stock), IN_STOCK)
        yield Check("oscar", lang, "page: out of stock", _page(lang, sold_out), OUT_OF_STOCK)


_AIMEOS_KINDS = {
    "stock-out": SOLD_OUT, "stock-high": ON_SALE, "stock-low": ON_SALE,
    "stock-unlimited": ON_SALE, "Add to basket": BUY,
}  # fmt: skip


def aimeos(root: Path) -> Iterator[Check]:
    """Aimeos's storefront strings (its stock levels are keys, "stock-out", translated)."""
    for path in sorted((root / "ai-client-html" / "i18n").glob("[a-z][a-z]*")):
        if path.is_file() and not path.suffix:
            for source, text in _translated(path, _AIMEOS_KINDS).items():
                yield Check("aimeos", path.name, source, _filled(text), _AIMEOS_KINDS[source])


_WOOCOMMERCE_KINDS = {
    "Out of stock": SOLD_OUT, "In stock": ON_SALE, "%s in stock": ON_SALE,
    "Only %s left in stock": ON_SALE, "Available on backorder": ON_SALE, "Add to cart": BUY,
    "This product is currently out of stock and unavailable.": SOLD_OUT,
}  # fmt: skip


def woocommerce(root: Path) -> Iterator[Check]:
    """WooCommerce's storefront catalogues (as wordpress.org's translators wrote them in 2015,
    when WooCommerce still shipped them); also on its single product page: the stock line,
    then the cart form, or none where it is sold out."""
    folder = root / "woocommerce" / "i18n" / "languages"
    for path in sorted(folder.glob("woocommerce-*.mo")):
        lang = path.stem.removeprefix("woocommerce-")
        if lang.startswith("admin") or "." in lang:
            continue
        found = _translated(path, _WOOCOMMERCE_KINDS)
        for source, text in found.items():
            yield Check("woocommerce", lang, source, _filled(text), _WOOCOMMERCE_KINDS[source])
        said = {source: _filled(found.get(source, source)) for source in _WOOCOMMERCE_KINDS}
        form = (
            '<form class="cart" method="post" enctype="multipart/form-data"><div class="quantity">'
            '<input type="number" class="input-text qty text" name="quantity" value="1"></div>'
            '<button type="submit" name="add-to-cart" value="12" class="single_add_to_cart_button '
            f'button alt">{said["Add to cart"]}</button></form>'
        )
        for name, state, text, expected in (
            ("in stock", "in-stock", said["%s in stock"], IN_STOCK),
            ("on backorder", "available-on-backorder", said["Available on backorder"], IN_STOCK),
            ("out of stock", "out-of-stock", said["Out of stock"], OUT_OF_STOCK),
        ):
            body = f'<div class="summary entry-summary"><p class="stock {state}">{text}</p>'
            body += (form if expected == IN_STOCK else "") + "</div>"
            yield Check("woocommerce", lang, f"page: {name}", _page(lang, body), expected)


def _po(path: Path) -> dict[str, str]:
    """A gettext source catalogue's translated strings (its plural forms left out)."""
    found: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""

    def keep() -> None:
        if entry.get("msgstr") and entry.get("msgid") and "msgid_plural" not in entry:
            found[entry["msgid"]] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines():
        keyword, _, quoted = line.partition(" ")
        if keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr") and quoted.startswith('"'):
            if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
                keep()
                entry = {}
            field, entry[keyword] = keyword, ast.literal_eval(quoted)
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
    keep()
    return found


_ODOO_KINDS = {
    "Out of Stock": SOLD_OUT, "Out of stock": SOLD_OUT, "Add to Cart": BUY,
    '<i class="fa fa-shopping-cart mr-2"/>ADD TO CART': BUY,
    '<i class="fa fa-bolt mr-2"/>BUY NOW': BUY,
}  # fmt: skip
# ...and the pieces its product page puts together: "Only" 3 "Units" "left in stock."
_ODOO_PAGE_STRINGS = (*_ODOO_KINDS, "Only", "Units", "left in stock.")


def odoo(root: Path) -> Iterator[Check]:
    """Odoo's web shop (website_sale, website_sale_stock); also on its product page: the
    add-to-cart link, greyed out and followed by "Out of Stock" when none is left, or
    by "Only 3 Units left in stock.", put together from three strings as Odoo does."""
    addons = root / "odoo" / "addons"
    for path in sorted((addons / "website_sale_stock" / "i18n").glob("*.po")):
        lang = path.stem
        shop = addons / "website_sale" / "i18n" / path.name
        found = {**(_po(shop) if shop.exists() else {}), **_po(path)}
        for source, text in found.items():
            if source in _ODOO_KINDS:
                yield Check("odoo", lang, source, _filled(text), _ODOO_KINDS[source])
        said = {source: _filled(found.get(source, source)) for source in _ODOO_PAGE_STRINGS}
        left = f"{said['Only']} 3 {said['Units']} {said['left in stock.']}"
        sold = f'<div id="out_of_stock_message" class="availability_message_12">{said["Out of Stock"]}</div>'
        few = f'<div id="threshold_message" class="availability_message_12">{left}</div>'
        add = said["Add to Cart"]
        for name, message, disabled, expected in (
            ("out of stock", sold, True, OUT_OF_STOCK),
            ("few left", few, False, IN_STOCK),
            ("in stock", "", False, IN_STOCK),
        ):
            page = _page(lang, _odoo_form(add, message, disabled))
            yield Check("odoo", lang, f"page: {name}", page, expected)


def _odoo_form(add: str, message: str, disabled: bool) -> str:
    """Odoo's add-to-cart form: a link, greyed out when none is left, and its message."""
    state = " disabled out_of_stock" if disabled else ""
    return (
        '<form action="/shop/cart/update" method="POST"><div class="js_product '
        'js_main_product"><input type="hidden" class="product_id" name="product_id" '
        'value="12"><a role="button" id="add_to_cart" class="btn btn-primary btn-lg '
        f'mt16 js_check_product a-submit d-block d-sm-inline-block{state}" href="#">'
        f'<i class="fa fa-shopping-cart"></i> {add}</a>'
        f'<div class="availability_messages o_not_editable">{message}</div></div></form>'
    )


_SALEOR_KINDS = {
    "outOfStock": SOLD_OUT, "noItemsAvailable": SOLD_OUT, "noPurchaseAvailable": SOLD_OUT,
    "lowStock": ON_SALE, "AddToCartButton": BUY,
}  # fmt: skip


def saleor(root: Path) -> Iterator[Check]:
    """Saleor's storefront strings (its product page is drawn by scripts: read alone)."""
    folder = root / "saleor-storefront" / "locale"
    if not (folder / "defaultMessages.json").is_file():
        return
    english = _locale(folder / "defaultMessages.json")
    for path in sorted(folder.glob("*.json")):
        if path.stem in ("defaultMessages", "en"):
            continue
        for at, text in _locale(path).items():
            kind = next((k for name, k in _SALEOR_KINDS.items() if f"_dot_{name}" in at), None)
            # a locale leaves what it has not translated in English
            if kind is not None and text != english.get(at):
                name = at.removesuffix(".string").split("_dot_")[-1]
                yield Check("saleor", path.stem, name, _filled(text), kind)


_CATALYST_KINDS = {
    "Submit.outOfStock": SOLD_OUT, "Submit.unavailable": SOLD_OUT, "Submit.addToCart": BUY,
    "Submit.preorder": PRE_ORDERING, "currentStock": ON_SALE, "backorderQuantity": ON_SALE,
}  # fmt: skip


def catalyst(root: Path) -> Iterator[Check]:
    """BigCommerce's Catalyst storefront; also on its product form, whose one button is
    served with the product's state as its label ("Out of stock", greyed)."""
    folder = root / "catalyst" / "core" / "messages"
    if not (folder / "en.json").is_file():
        return
    english = _locale(folder / "en.json")
    for path in sorted(folder.glob("*.json")):
        lang = path.stem
        strings = {
            at: _filled(text)
            for at, text in _locale(path).items()
            if at.startswith("Product.ProductDetails.")
            and (lang == "en" or text != english.get(at))
        }
        for at, text in strings.items():
            kind = next((k for name, k in _CATALYST_KINDS.items() if at.endswith(f".{name}")), None)
            if kind is not None:
                yield Check(
                    "catalyst", lang, at.removeprefix("Product.ProductDetails."), text, kind
                )
        said = {
            name: strings.get(f"Product.ProductDetails.{name}")
            or _filled(english[f"Product.ProductDetails.{name}"])
            for name in _CATALYST_KINDS
        }

        def form(label: str, disabled: bool, stock: str = "") -> str:
            state = " disabled" if disabled else ""
            line = f'<p class="text-contrast-400">{stock}</p>' if stock else ""
            return (
                f'<form class="flex flex-col gap-4">{line}<input type="number" name="quantity" '
                f'value="1"><button class="button" type="submit"{state}>{label}</button></form>'
            )

        for name, body, expected in (
            (
                "page: add to cart",
                form(said["Submit.addToCart"], False, said["currentStock"]),
                IN_STOCK,
            ),
            ("page: out of stock", form(said["Submit.outOfStock"], True), OUT_OF_STOCK),
            ("page: unavailable", form(said["Submit.unavailable"], True), OUT_OF_STOCK),
        ):
            yield Check("catalyst", lang, name, _page(lang, body), expected)


_VTEX_KINDS = {
    "store/availability-subscriber.title": SOLD_OUT, "store/buyButton-label-unavailable": SOLD_OUT,
    "store/availability-subscriber.subscribe-label": PROMISE, "store/buy-button.add-to-cart": BUY,
}  # fmt: skip


def vtex(root: Path) -> Iterator[Check]:
    """VTEX's store components; also on its product page: the buy button, or, sold out, the
    availability subscriber's form in its place."""
    folder = root / "store-components" / "messages"
    if not (folder / "en.json").is_file():
        return
    english = _locale(folder / "en.json")
    for path in sorted(folder.glob("*.json")):
        lang = path.stem
        if lang == "context":
            continue
        strings = _locale(path)
        for key, kind in _VTEX_KINDS.items():
            if key in strings and (lang == "en" or strings[key] != english.get(key)):
                yield Check("vtex", lang, key, _filled(strings[key]), kind)
        said = {key: _filled(strings.get(key, english[key])) for key in _VTEX_KINDS}
        buy = (
            '<button class="vtex-button"><div class="vtex-add-to-cart-button-0-x-buttonDataContainer">'
            f'<span class="vtex-add-to-cart-button-0-x-buttonText">{said["store/buy-button.add-to-cart"]}'
            "</span></div></button>"
        )
        subscriber = (
            '<div class="vtex-store-components-3-x-subscriberContainer">'
            f'<div class="vtex-store-components-3-x-title">{said["store/availability-subscriber.title"]}</div>'
            '<div class="vtex-store-components-3-x-subscribeLabel">'
            f"{said['store/availability-subscriber.subscribe-label']}</div>"
            '<form><input type="email" name="email"><button type="submit">OK</button></form></div>'
        )
        yield Check("vtex", lang, "page: add to cart", _page(lang, buy), IN_STOCK)
        yield Check("vtex", lang, "page: subscriber", _page(lang, subscriber), OUT_OF_STOCK)


_SFRA_KINDS = {
    "label.not.available": SOLD_OUT, "label.allnotavailable": SOLD_OUT,
    "label.outofstock": SOLD_OUT, "label.instock": ON_SALE, "label.quantity.in.stock": ON_SALE,
    "label.preorder": PRE_ORDERING, "label.preorder.items": PRE_ORDERING,
    "label.back.order": ON_SALE, "label.back.order.items": ON_SALE, "button.addtocart": BUY,
}  # fmt: skip


def _properties(path: Path) -> dict[str, str]:
    """A Java resource bundle's `key=value` lines (a later key overrides an earlier one)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and line[:1] not in "#!")
    return {key.strip(): value.strip() for key, value in pairs}


def sfra(root: Path) -> Iterator[Check]:
    """Salesforce Commerce Cloud's storefront reference architecture, which large shops
    build on; also on its product page: the availability list, whose one message the
    product's stock picks, above the add-to-cart button, greyed out where nothing can be
    ordered or no size is chosen yet."""
    folder = root / "storefront-reference-architecture" / "cartridges" / "app_storefront_base"
    folder = folder / "cartridge" / "templates" / "resources"
    english = _sfra_strings(folder, "")
    for path in sorted(folder.glob("common*.properties")):
        suffix = path.stem.removeprefix("common")  # "_it_IT"; "" for English
        strings = _sfra_strings(folder, suffix) if suffix else english
        lang = suffix.lstrip("_") or "en"
        for key, kind in _SFRA_KINDS.items():
            if key in strings:
                yield Check("sfra", lang, key, _filled(strings[key]), kind)
        said = {key: _filled(text) for key, text in {**english, **strings}.items()}
        for name, message, orderable, expected in (
            ("in stock", said["label.instock"], True, IN_STOCK),
            ("pre-order", said["label.preorder"], True, IN_STOCK),
            ("back order", said["label.back.order"], True, IN_STOCK),
            ("not available", said["label.not.available"], False, OUT_OF_STOCK),
        ):
            page = _page(lang, _sfra_form(said, message, orderable, ready=True))
            yield Check("sfra", lang, f"page: {name}", page, expected)
        choose = _sfra_form(said, said["info.selectforstock"], False, ready=False)
        yield Check("sfra", lang, "page: no size chosen", _page(lang, choose), IN_STOCK)


def _sfra_strings(folder: Path, suffix: str) -> dict[str, str]:
    """A locale's common and product strings ("_it_IT"; "" for the English ones)."""
    found: dict[str, str] = {}
    for bundle in ("common", "product"):
        path = folder / f"{bundle}{suffix}.properties"
        if path.is_file():
            found.update(_properties(path))
    return found


def _sfra_form(said: dict[str, str], message: str, orderable: bool, ready: bool) -> str:
    """SFRA's size picker, availability block and add-to-cart button, as it serves them."""
    state = "" if orderable and ready else " disabled"
    return (
        '<div class="attribute"><label for="size">Size</label><select class="custom-select '
        'select-size" id="size"><option value="">Select Size</option><option value="m">M'
        '</option><option value="l">L</option></select></div>'
        '<div class="row availability product-availability" '
        f'data-ready-to-order="{str(ready).lower()}" data-available="{str(orderable).lower()}">'
        f'<div class="col-4"><span class="availability non-input-label">'
        f"{said['label.availability']}:</span></div>"
        f'<div class="col-8"><ul class="list-unstyled availability-msg"><li><div>{message}'
        "</div></li></ul></div></div>"
        '<div class="row cart-and-ipay"><div class="col-sm-12"><button class="add-to-cart btn '
        f'btn-primary" data-pid="701644"{state}><i class="fa fa-shopping-bag"></i> '
        f"{said['button.addtocart']}</button></div></div>"
    )


# PrestaShop's strings by their English source: its core translations, as a theme
# carries them (Shop.Theme.Catalog, Shop.Theme.Actions, Shop.Notifications.Error and the
# stock alert module's). Not "In stock", which some translate as a sort order's "In stock
# first".
_PRESTASHOP_KINDS = {
    "Out of stock": SOLD_OUT, "Out-of-Stock": SOLD_OUT,
    "This product is no longer available.": SOLD_OUT, "Last items in stock": ON_SALE,
    "Product available with different options": ON_SALE,
    "Notify me when available": PROMISE, "Add to cart": BUY,
}  # fmt: skip
_XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def prestashop(root: Path) -> Iterator[Check]:
    """PrestaShop 1.7's translations, as a theme ships them (ZOneTheme's thirteen
    locales); also on the classic theme's add-to-cart block: its availability line under
    a button greyed out where the chosen combination cannot be ordered, followed by the
    stock alert module's form when none is left."""
    for folder in sorted((root / "Prestashop-ZOneTheme" / "translations").glob("*-*")):
        lang = folder.name
        found: dict[str, str] = {}
        for path in sorted(folder.glob("*.xlf")):
            catalogue = ElementTree.parse(path)  # noqa: S314 - a checkout's file, not the web's
            for unit in catalogue.iter(f"{_XLIFF}trans-unit"):
                source, target = unit.findtext(f"{_XLIFF}source"), unit.findtext(f"{_XLIFF}target")
                if source in _PRESTASHOP_KINDS and target and source not in found:
                    found[source] = _filled(target)
                    yield Check(
                        "prestashop", lang, source, found[source], _PRESTASHOP_KINDS[source]
                    )
        add = found.get("Add to cart", "Add to cart")
        last = found.get("Last items in stock")
        out = found.get("Out-of-Stock") or found.get("Out of stock")
        other = found.get("Product available with different options")
        notify = found.get("Notify me when available")
        pages = (
            [("last items", _prestashop_form(add, last, "last-items"), IN_STOCK)] if last else []
        )
        if out:
            sold = _prestashop_form(add, out, "unavailable")
            pages.append(("out of stock", sold, OUT_OF_STOCK))
            if notify:
                pages.append(
                    ("out of stock, alert", sold + _prestashop_alert(notify), OUT_OF_STOCK)
                )
        if other:
            sizes = (
                '<div class="product-variants"><div class="product-variants-item"><span '
                'class="control-label">Size</span><select class="form-control" id="group_1" '
                'name="group[1]"><option value="1" title="S">S</option><option value="2" '
                'title="M" selected="selected">M</option><option value="3" title="L">L</option>'
                "</select></div></div>"
            )
            form = _prestashop_form(add, other, "unavailable")
            pages.append(("other options", sizes + form, IN_STOCK))
        for name, body, expected in pages:
            yield Check("prestashop", lang, f"page: {name}", _page(lang, body), expected)


def _prestashop_form(add: str, message: str, icon: str) -> str:
    """The classic theme's quantity, add-to-cart button (greyed out where the chosen
    combination cannot be ordered) and availability line."""
    state = " disabled" if icon == "unavailable" else ""
    return (
        '<div class="product-add-to-cart"><span class="control-label">Quantity</span>'
        '<div class="product-quantity clearfix"><div class="qty"><input type="number" '
        'name="qty" id="quantity_wanted" value="1" class="input-group" min="1"></div>'
        '<div class="add"><button class="btn btn-primary add-to-cart" '
        f'data-button-action="add-to-cart" type="submit"{state}><i class="material-icons '
        f'shopping-cart">&#xE547;</i>{add}</button></div></div><span id="product-availability">'
        f'<i class="material-icons product-{icon}">&#xE14B;</i>{message}</span></div>'
    )


def _prestashop_alert(notify: str) -> str:
    """The stock alert module's form (ps_emailalerts), shown when none is left."""
    return (
        '<div class="js-mailalert" data-url="/module/ps_emailalerts/actions?process=add">'
        '<input class="form-control" type="email" placeholder="your@email.com">'
        f'<button class="btn btn-primary js-mailalert-add" type="submit">{notify}</button></div>'
    )


SOURCES: dict[str, Callable[[Path], Iterator[Check]]] = {
    "dawn": lambda root: shopify(root, "dawn"),
    "horizon": lambda root: shopify(root, "horizon"),
    "focal": lambda root: shopify(root, "focal"),
    "magento": magento,
    "shopware": shopware,
    "spree": lambda root: spree(root, "spree"),
    "bagisto": bagisto,
    "sylius": sylius,
    "cornerstone": cornerstone,
    "oscar": oscar,
    "aimeos": aimeos,
    "woocommerce": woocommerce,
    "saleor": saleor,
    "solidus": lambda root: spree(root, "solidus"),
    "catalyst": catalyst,
    "vtex": vtex,
    "odoo": odoo,
    "sfra": sfra,
    "prestashop": prestashop,
}


def run() -> None:
    root = checkouts(
        "platform words", "PLATFORM_LOCALES_DIR", "the platforms'", "bench/platform_words.py"
    )
    if root is None:
        return
    total = wrong = 0
    for source, checks in SOURCES.items():
        found = list(checks(root))
        missed = [check for check in found if not judged_right(check)]
        total, wrong = total + len(found), wrong + len(missed)
        print(f"platform words, {source}: {len(found)} checks, {len(missed)} read wrongly")
        for check in missed:
            shown = "the page" if check.text.lstrip().startswith("<") else repr(check.text)
            print(f"  {check.locale} {check.what}: {shown}, expected {check.expected}")
    print(f"platform words: {total} checks, {wrong} read wrongly")
