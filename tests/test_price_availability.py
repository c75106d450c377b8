"""extract_offer's availability: what a shopper would conclude from the page.

A competitor that is out of stock must not pull our price down, and one that
sells must not be ignored; each page below holds one way shops say which.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices import dom, extract_offer, layout
from tests.framework_markup import wrapped

URL = "https://lampen.example.de/atelier"
TITLE = "<h1>Lampe Atelier</h1>"
PRICE = '<p class="price">89,00 €</p>'
BUTTON = '<button class="add-to-cart">In den Warenkorb</button>'
GREYED = '<button class="add-to-cart" disabled>In den Warenkorb</button>'  # takes no orders


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Lampe Atelier</title>{head}</head><body>{body}</body></html>"


def json_ld(*offers: dict[str, str], name: str = "Lampe Atelier") -> str:
    product = {"@context": "https://schema.org", "@type": "Product", "name": name}
    product["offers"] = [
        {"@type": "Offer", "price": "89.00", "priceCurrency": "EUR", **o} for o in offers
    ]
    return f'<script type="application/ld+json">{json.dumps(product)}</script>'


def offer(body: str, head: str = "") -> tuple[str | None, tuple[str, ...]]:
    found = extract_offer(page(body, head), URL)
    return found.availability, found.flags


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("https://schema.org/InStock", ("in_stock", ())),
        ("http://schema.org/InStock", ("in_stock", ())),
        ("InStock", ("in_stock", ())),
        ("in stock", ("in_stock", ())),
        ("LimitedAvailability", ("in_stock", ())),
        ("https://schema.org/OutOfStock", ("out_of_stock", ())),
        ("schema:OutOfStock", ("out_of_stock", ())),
        ("out of stock", ("out_of_stock", ())),
        ("SoldOut", ("out_of_stock", ())),
        ("Discontinued", ("out_of_stock", ())),
        ("https://schema.org/Reserved", ("out_of_stock", ())),
        ("mark_as_sold", ("out_of_stock", ())),
        ("https://schema.org/PreOrder", ("in_stock", ("pre-order",))),
        ("BackOrder", ("in_stock", ("back-order",))),
    ],
)
def test_schema_org_availability_in_every_spelling(
    declared: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    assert offer(TITLE + PRICE + BUTTON, json_ld({"availability": declared})) == expected
    microdata = (
        '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lampe Atelier</h1>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        f'<link itemprop="availability" href="{declared}"><span itemprop="price">89.00</span>'
        f'<meta itemprop="priceCurrency" content="EUR"></div>{BUTTON}</div>'
    )
    assert offer(microdata) == expected
    meta = f'<meta property="product:availability" content="{declared}">'
    assert offer(TITLE + PRICE + BUTTON, meta) == expected
    # JSON-LD may name the value as a node of its own.
    node = json_ld({"availability": {"@id": declared}})
    assert offer(TITLE + PRICE + BUTTON, node) == expected


@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [("Availability", "Out of stock", "out_of_stock"), ("Available", "0", "out_of_stock"),
     ("Available", "567", "in_stock"), ("Stock", "In stock", "in_stock")],
)  # fmt: skip
def test_a_twitter_product_card_s_stock_field_says_it(label: str, data: str, expected: str) -> None:
    """Its fields are written in `value` (an older marketplace's cards)."""
    card = (
        '<meta name="twitter:label1" value="Price"><meta name="twitter:data1" value="89,00 €">'
        f'<meta name="twitter:label2" value="{label}"><meta name="twitter:data2" value="{data}">'
    )
    found = extract_offer(page(TITLE + BUTTON, card), URL)
    assert (found.amount, found.availability) == (Decimal(89), expected)


@pytest.mark.parametrize(
    ("level", "expected"),
    [({"@type": "QuantitativeValue", "value": 0}, "out_of_stock"), (0, "out_of_stock"),
     ("0", "out_of_stock"), ({"value": 12}, "in_stock"), ({"value": "many"}, "in_stock")],
)  # fmt: skip
def test_a_stock_count_declared_without_an_availability_says_it(
    level: object, expected: str
) -> None:
    """schema.org's `inventoryLevel`: none left is sold out, though the button stays."""
    declared = json_ld({"inventoryLevel": level})
    assert offer(TITLE + PRICE + BUTTON, declared)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Auf Lager", "in_stock"), ("Disponible", "in_stock"), ("Derzeit nicht lieferbar",
     "out_of_stock"), ("Ya no está disponible", "out_of_stock")],
)  # fmt: skip
def test_microdata_in_the_shop_s_own_words(text: str, expected: str) -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lampe Atelier</h1>'
        f'{PRICE}<meta itemprop="availability" content="{text}">{BUTTON}</div>'
    )
    assert offer(body)[0] == expected


def test_a_product_is_in_stock_while_any_of_its_sizes_is() -> None:
    sizes = json_ld({"availability": "OutOfStock"}, {"availability": "InStock"})
    assert offer(TITLE + PRICE + BUTTON, sizes)[0] == "in_stock"
    # Some shops write each size as a product of its own, under one name.
    one_per_size = json_ld({"availability": "OutOfStock"}) + json_ld({"availability": "InStock"})
    assert offer(TITLE + PRICE + BUTTON, one_per_size)[0] == "in_stock"
    # schema.org's ProductGroup: variants of their own names, the group's all the same.
    variants = [
        {"@type": "Product", "name": f"Lampe Atelier - {colour}", "offers": {"@type": "Offer",
         "price": "89.00", "priceCurrency": "EUR", "availability": availability}}
        for colour, availability in (("Rot", "OutOfStock"), ("Blau", "InStock"))
    ]  # fmt: skip
    group = {"@context": "https://schema.org", "@type": "ProductGroup", "name": "Lampe Atelier"}
    group["hasVariant"] = variants
    script = f'<script type="application/ld+json">{json.dumps(group)}</script>'
    assert offer(TITLE + PRICE + BUTTON, script)[0] == "in_stock"


def test_another_product_s_declared_sold_out_does_not_stop_a_page_that_sells() -> None:
    """All the page declares may be a related product's JSON-LD or a tile's microdata:
    named with none of the words of the page's title and heading, its sold-out is not
    this product's, where the page takes orders."""
    vase = json_ld({"availability": "OutOfStock", "price": "19.00"}, name="Vase Bleu")
    assert offer(TITLE + PRICE + BUTTON, vase)[0] == "in_stock"
    assert offer(TITLE + PRICE + GREYED, vase)[0] == "out_of_stock"  # the page may not sell
    # Named after the page's product, or its heading under a shop's bare title, it is.
    own = json_ld({"availability": "OutOfStock"}, name="Atelier")
    assert offer(TITLE + PRICE + BUTTON, own)[0] == "out_of_stock"
    bare_title = (
        f"<html><head><title>Shop</title>{own}</head><body>{TITLE}{PRICE}{BUTTON}</body></html>"
    )
    assert extract_offer(bare_title, URL).availability == "out_of_stock"
    # Sharing a word with the title, at a price the page does not sell at, it is another's;
    # the product's own name at its regular price, beside the sale price read, is not.
    brass = json_ld({"availability": "OutOfStock", "price": "249.00"}, name="Lampe Messing Classic")
    assert offer(TITLE + PRICE + BUTTON, brass)[0] == "in_stock"
    regular = json_ld({"availability": "OutOfStock", "price": "119.00"})
    assert offer(TITLE + PRICE + BUTTON, regular)[0] == "out_of_stock"
    # What such a name declares in stock stands: shops name their JSON-LD after its
    # category or a variant's id.
    category = json_ld({"availability": "InStock"}, name="Home & Garden")
    assert offer(TITLE + PRICE + GREYED, category)[0] == "in_stock"


def test_a_declared_name_without_spaces_is_the_product_s_when_the_title_holds_it() -> None:
    """Chinese, Japanese and Thai names run on without spaces: "招牌肉乾" is the product of
    a page titled "招牌肉乾自由選", and its sold-out stands by a button."""

    def taiwanese(name: str, title: str) -> str:
        declared = json.dumps(
            {"@context": "https://schema.org", "@type": "Product", "name": name,
             "offers": {"price": "350", "priceCurrency": "TWD", "availability": "OutOfStock"}},
            ensure_ascii=False,
        )  # fmt: skip
        return (
            f"<html><head><title>{title} | 好食店</title>"
            f'<script type="application/ld+json">{declared}</script></head>'
            f"<body><h1>{title}</h1><p class='price'>NT$350</p><button>加入購物車</button></body></html>"
        )

    shop = "https://shop.example.tw/p/1"
    taiwan = taiwanese("招牌肉乾", "招牌肉乾自由選")
    assert extract_offer(taiwan, shop).availability == "out_of_stock"
    japanese = taiwanese("ワイヤレスイヤホン X1", "【公式】ワイヤレスイヤホンX1")
    assert extract_offer(japanese, shop).availability == "out_of_stock"
    # Another product's name shares no pair of letters with the title: not this product's.
    assert extract_offer(taiwanese("蘋果醋", "招牌肉乾自由選"), shop).availability == "in_stock"


def test_the_size_whose_price_is_read_decides_where_the_declaration_prices_its_sizes() -> None:
    def size(price: str, availability: str) -> dict[str, str]:
        return {"price": price, "availability": availability}

    # The 89 € size is sold out; only the 120 € one can be bought: not the price read.
    sizes = json_ld(size("89.00", "OutOfStock"), size("120.00", "InStock"))
    assert offer(TITLE + PRICE + BUTTON, sizes)[0] == "out_of_stock"
    # Two sizes at the price read: in stock while either is.
    both = json_ld(size("89.00", "OutOfStock"), size("89.00", "InStock"), size("120.00", "SoldOut"))
    assert offer(TITLE + PRICE + BUTTON, both)[0] == "in_stock"


def test_related_products_in_stock_do_not_make_a_sold_out_product_available() -> None:
    related = (
        '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lampe Mini</span>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<link itemprop="availability" href="https://schema.org/InStock"></div></div>'
    )
    head = json_ld({"availability": "https://schema.org/OutOfStock"})
    assert offer(TITLE + PRICE + '<p class="stock">Ausverkauft</p>' + related, head)[0] == (
        "out_of_stock"
    )


def test_a_related_product_declared_first_is_not_taken_for_the_product() -> None:
    """Its name may share a word with the title ("Lampe Schirm" beside "Lampe Atelier"):
    the declared product named most like the page's title is the page's."""

    def product(name: str, price: str, availability: str) -> dict[str, object]:
        return {"@type": "Product", "name": name, "offers": {"@type": "Offer", "price": price,
                "priceCurrency": "EUR", "availability": availability}}  # fmt: skip

    def declared(*products: dict[str, object]) -> str:
        graph = {"@context": "https://schema.org", "@graph": list(products)}
        return f'<script type="application/ld+json">{json.dumps(graph)}</script>'

    shade = product("Lampe Schirm", "19.00", "OutOfStock")
    lamp = product("Lampe Atelier", "89.00", "InStock")
    for head in (declared(shade, lamp), declared(shade) + declared(lamp)):
        assert offer(TITLE + PRICE + BUTTON, head)[0] == "in_stock"
    shade["offers"]["availability"], lamp["offers"]["availability"] = "InStock", "OutOfStock"
    assert offer(TITLE + PRICE + BUTTON, declared(shade, lamp))[0] == "out_of_stock"


def test_the_declaration_of_the_product_whose_price_is_read_counts() -> None:
    card = {"@context": "https://schema.org", "@type": "Product", "name": "Gift card",
            "offers": {"@type": "Offer", "availability": "https://schema.org/InStock"}}  # fmt: skip
    head = f'<script type="application/ld+json">{json.dumps(card)}</script>'
    lamp = (
        '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lampe Atelier</h1>'
        '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<link itemprop="availability" href="https://schema.org/OutOfStock">'
        '<span itemprop="price" content="89.00">89,00 €</span>'
        f'<meta itemprop="priceCurrency" content="EUR"></div>{BUTTON}</div>'
    )
    assert offer(lamp, head)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "status",
    [
        "Out of stock", "Sold out", "Currently unavailable.", "This item is no longer available",
        "Derzeit nicht verfügbar", "Épuisé", "Agotado", "Esaurito", "Uitverkocht",
        "Niedostępny", "Stokta yok", "在庫切れ", "品切れ", "缺貨", "품절", "Нет в наличии",
        "Hết hàng", "Unavailable", "SOLD-OUT", "SOLDOUT", "Stok yok",
        "Not available for purchase", "Temporarily not available", "Unavailable online",
        "Not available for online purchase",
        "This item is currently not available at this time.", "Sorry, this item is unavailable.",
        "We're sorry, this product is not available", "Publicación pausada",
        "Esta publicación está finalizada", "Anúncio pausado", "Není k dispozici",
        "Tuote on loppu", "Slut", "Out of stock at the moment", "Unavailable at present",
        "Нет в продаже", "Снят с продажи", "Немає в продажу", "Знято з продажу",
        "販売を終了しました", "現在お取り扱いできません", "판매중지", "구매불가", "商品已下柜",
        "Satışta değil", "Ubos na", "आउट ऑफ स्टॉक", "Stock: Out", "Rupture",
        "ขายหมดแล้ว", "Đã bán hết", "Nie je na sklade", "Läbi müüdud", "Εκτός αποθέματος",
        "نفذ من المخزون", "販売期間外", "現在お取り扱いしておりません", "予約受付終了", "已抢光",
        "已售空", "Liefertermin unbekannt", "Liefertermin noch offen", "Producto descatalogado",
        "Liefertermin noch unbestimmt", "Ohne Liefertermin", "Levertermijn onbekend",
        "Artikel kann derzeit nicht gekauft werden", "Artikel kann nicht bestellt werden",
        # "the selected product" is the product, not one of its choices
        "Das von Ihnen ausgewählte Produkt ist ausverkauft", "The selected item is sold out",
        "Uit assortiment", "Chwilowo brak", "Utgått", "Udgået",
        "Ожидается поступление", "État du stock : Rupture", "Nessuna disponibilità",
        "Наличие: нет", "В наличии: нет", "Наявність: немає", "Available: No", "In stock: No",
        "Sorry – we’re all out", "All gone", "This item is not for sale",
        "Not available to order", "Non disponible à la vente", "Non disponible en ligne",
        "Stan magazynowy: brak", "Lagerbestand: ausverkauft", "Voorraad: uitverkocht",
        "Delivery time: out of stock", "Shipping time: sold out", "Lead time: unavailable",
        "Plus commercialisé", "Wycofany ze sprzedaży", "Больше не продается",
        "Currently not for sale", "Not currently for sale", "Fully booked", "Nil stock",
        "Zero stock", "Sorry, we're out!", "We are out", "Sorry, we've run out",
    ],
)  # fmt: skip
def test_a_status_shown_by_the_buy_button_says_out_of_stock(status: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + BUTTON)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "status",
    [
        "Tidak tersedia", "Pas en stock", "Plus en stock", "Nicht lagernd", "Non disponible",
        "Niet beschikbaar", "Não disponível", "Brak na stanie", "0 in stock", "Stokta değil",
        "ไม่มีสินค้า", "売切れ", "在庫がありません", "无货", "재고 없음", "Нет на складе",
        "Nicht mehr erhältlich", "Временно отсутствует", "Loppu varastosta", "Stock: 0",
        "0 available", "Status: Unavailable", "Availability: not available",
        "No está disponible", "Ya no está disponible", "Non più disponibile", "Não está disponível",
        "Niet meer leverbaar", "Nicht mehr bestellbar", "Ikke tilgjengelig", "Inte tillgänglig",
        "This product is no longer stocked.", "No longer carried", "Nicht mehr im Sortiment",
        "Oferta zakończona", "Sprzedaż została zakończona", "Ta oferta się zakończyła",
        "Not orderable", "No longer orderable",
        "This item can no longer be ordered",
        # a negation run into its verb
        "This item isn't available", "This product isn’t currently available",
        "These items aren't in stock",
        # feminine and plural forms, and kin
        "Esgotada", "Agotada", "Esaurita", "Niedostępna", "Vyprodané", "Nedostupný",
        "Fora de stock", "Sin existencia", "Victime de son succès", "在庫がございません",
        "入荷未定", "Nema u zalihi", "Nije dostupno", "Ni na voljo", "Відсутній",
        "Нема в наявності", "Розпродано", "Trenutno nedostupno", "Не е наличен",
        "Ngừng kinh doanh", "停售",
        # a count of none
        "Lagerbestand: 0 Stück", "Stan magazynowy: 0 szt.", "Остаток: 0 шт.", "在庫数：0",
        "재고 0개", "Disponibilidad: 0", "Inventory: 0 units", "Voorraad: 0",
        "Available quantity: 0", "Stock quantity: 0", "On hand: 0", "None available",
        "None in stock", "Skladem: 0 ks", "Na skladě: 0 ks", "Raktáron: 0 db", "Restant : 0",
        "En stock : 0", "På lager: 0 st.", "Varastossa: 0 kpl",
        # ...written before the words for in stock
        "0 auf Lager", "0 Stück verfügbar", "0 stk. på lager", "0 en stock", "0 disponibles",
        "0 op voorraad", "0 szt. dostępnych", "0 kpl varastossa", "0 em estoque",
        # a label's value saying none, in a word or a cross
        "Stock level: None", "Stock: Empty", "Stock: ✗", "Available: ❌", "Lieferbar: nein",
        "En stock : non", "Op voorraad: nee", "På lager: nej", "Verfügbar: nein",
        # Bangladeshi and Indian shops' badge
        "Stock Out", "Stockout",
        # a one-off item gone, a listing ended
        "This item has been sold", "Status: Sold", "נגמר המלאי", "This item has sold", "Item sold",
        "This item has already been sold", "Item status: Sold",
        # a template's raw value, a label's value after a dot, an item's status
        "OutOfStock", "out_of_stock", "Status: OOS", "Stock: ● Out", "Item status: Unavailable",
        "Listing ended", "The seller has ended this listing",
        # and more languages
        "หมดชั่วคราว", "Geçici olarak temin edilemiyor", "نفذ من المخزون", "Laos otsas",
        "Uppselt", "স্টক নেই", "Brak produktu", "Non ordinabile",
        # no longer made or carried, nothing left
        "We no longer carry this item", "We no longer sell this product", "None left",
        "No items left", "Nothing left in stock", "OOS", "Awaiting stock", "Waiting for stock",
        "Withdrawn from sale", "Not available for sale", "Kein Bestand",
        "Ta oferta jest zakończona",
        # an in-stock label, then its "no": "Raktáron: nincs" ("In stock: none")
        "Raktáron: nincs", "Varastossa: ei", "Em estoque: não", "Διαθέσιμο: όχι",
        "Na skladě: ne", "Tilgjengelighet: nei", "Наличност: не", "Stok durumu: yok",
        "在庫：なし", "재고: 없음", "購入不可", "Saatavuus: Loppu", "Tillgänglighet: Slut", "Lagerstand: 0",
        "Prieinamumas: Nėra", "Saadavus: Otsas",
        # Romanian's "not" ("nu" is Dutch "now": below)
        "Nu este disponibil", "Nu mai este în stoc", "Nu e disponibilă", "Nu există în stoc",
        # and more ways to say none is left
        "Não há estoque", "Sem disponibilidade", "Δεν υπάρχει απόθεμα", "Ikkje på lager",
        "Jelenleg nem kapható", "Ekki á lager", "Ei laos", "Prekės nėra",
        # the negation written without its accents: not "skladem", in stock
        "Neni skladem", "Nao disponivel", "Nem elerheto", "Nincs keszleten",
        # Odoo's translators' words; Turkish in capitals ("I" for "ı", "İ" for "i")
        "No hi ha existències", "Läbimüüdud", "Tuote loppu", "Plus de stock", "Készlethiány",
        "Нөөц дууссан", "หมดสต๊อก", "Stokta kalmadı", "STOK DIŞI",
        "GEÇİCİ OLARAK TEMİN EDİLEMİYOR",
        # "not" a "for now" away from its word (Salesforce's storefront translations)
        "L'articolo non è al momento disponibile.", "No está en este momento disponible",
        "Niet op dit moment leverbaar", "Nie jest w tej chwili dostępny",
        "Ce produit n'est pas en ce moment disponible", "Ruptures de stock",
        "この商品は現在ご購入いただけません。", "目前无法提供此商品。",
        # and more ways to say "not in stock"
        "Nem raktáron", "Ni dobavljivo", "ไม่มีในสต็อก", "Niet voorradig", "Väliaikaisesti loppu",
        "Αυτό το προϊόν έχει εξαντληθεί", "สินค้านี้หมดแล้ว", "ไม่มีจำหน่ายแล้ว",
        "더 이상 판매하지 않습니다", "لم يعد متوفرا", "ليس متوفرا حاليا", "לא נמצא במלאי",
        "在庫はありません", "在庫はございません", "現在在庫がない", "在庫無し", "取り扱い終了",
        "已经卖完", "賣完了", "没货", "沒貨", "暂不销售", "不再销售", "此商品暂时无法购买",
        "目前無法購買",
        # no longer sold, and more
        "Este artículo ya no está a la venta", "Articolo non più in vendita",
        "Dit artikel is niet meer te koop", "Não está mais à venda", "No longer for sale",
        "Nie ma tego produktu w magazynie", "Šiuo metu nėra", "Hetkel otsas",
        "Unavailable until further notice", "Currently unavailable until March",
        # the web shop's own store, not one in town
        "Esgotado em nossa loja", "Esgotado na loja online",
        # an event's places gone
        "Registration closed", "Registrations are now closed", "Bookings closed",
        # Amazon's status, whose "when" is no condition
        "This item is currently out of stock and we don't know when it will be back",
        # PrestaShop's translators' words: "no longer obtainable", Croatian's masculine
        # "available", Lithuanian's "no longer is"
        "Product is niet langer verkrijgbaar", "Niet meer verkrijgbaar",
        "Dit artikel is niet langer te koop", "Proizvod više nije dostupan", "Prekės nebėra",
        "Nebėra sandėlyje", "Laikinai nėra", "Šios prekės šiuo metu nėra",
        # Estonian, Azerbaijani, Uzbek, Georgian, Armenian, Swahili, Filipino, Urdu, Basque,
        # Albanian; Thai's and Finnish's bare "out"
        "Laos pole", "Stokda yoxdur", "Mövcud deyil", "Mavjud emas", "Sotuvda yo'q",
        "არ არის მარაგში", "Առկա չէ", "Imeisha", "Haipatikani", "Wala nang stock",
        "اسٹاک میں نہیں", "Agortuta", "Ez dago stockean", "Nuk është në dispozicion", "หมด",
        "Loppu",
        # a delivery named after the status: still the product's; Indonesian "want", not
        # Vietnamese "colour"
        "Esgotado – sem previsão de entrega", "Barang yang kamu mau sudah habis",
        # Japanese shops' shortage, sales paused, line ended, handling ended, katakana "sold
        # out", and their stock tables' cross; Turkish "not in our stocks", "taken off sale"
        "欠品中", "只今欠品しております", "販売休止中", "終売", "取扱終了", "ソールドアウト",
        "在庫：×", "在庫状況：×", "Bu ürün stoklarımızda bulunmamaktadır", "Satıştan kaldırıldı",
        # both ways to have it closed in one status
        "Sold out in store and online", "Out of stock in-store & online",
        # what the restock watcher changedetection.io waits for: "no offer is available" (a
        # negation before its noun), an apostrophe left out, a longer "we have none", "we
        # can no longer deliver"
        "Aucune offre n'est disponible", "Aucun article en stock", "Ninguna oferta disponible",
        "Nessuna offerta disponibile", "Isnt in stock right now",
        "We don't currently have any of this item in stock.",
        "Deinen gewünschten Artikel können wir leider nicht mehr liefern",
        # opening with an icon typed into the text
        "✗ Not available", "⚠️ Currently unavailable", "❌ Nicht verfügbar",
        # Thai "goods gone", "awaiting goods", "sale stopped", "production ended"; Turkish
        # "closed to sale", "cannot be supplied"; a count of none, and a label's "none", in
        # the languages of Thai, Indonesian, Chinese, Arabic and Vietnamese shops
        "ของหมด", "ของหมดแล้วค่ะ", "ไม่มีของ", "รอสินค้าเข้า", "หยุดจำหน่าย", "ยกเลิกการจำหน่าย",
        "Geçici olarak satışa kapalı", "Tedarik edilemiyor", "Stok: 0",
        "Sisa stok: 0", "库存: 0", "庫存：0", "المخزون: 0", "สินค้าคงเหลือ 0 ชิ้น",
        "สต็อก: 0",
        "สถานะ: ไม่มี", "สถานะสินค้า: หมด", "Ketersediaan: tidak ada", "Tình trạng: Không",
        "Tồn kho: 0", "Số lượng còn lại: 0", "Stok Adedi: 0", "Stok tersisa: 0",
        "Ketersediaan: Kosong", "Barang sedang kosong", "Satış dışı", "نفدت من المخزون", "نفذت",
        "حالة المخزون: نفذ",
        # Swedish "finished in stock"; Serbian "sold out"
        "Slut på lager", "Tillfälligt slut på lager", "Rasprodato", "Rasprodata",
    ],
)  # fmt: skip
def test_a_status_that_denies_stock_is_not_read_as_in_stock(status: str) -> None:
    # Several of these hold an in-stock phrase ("tersedia", "en stock", "มีสินค้า").
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + BUTTON)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "row",
    ["<table><tr><th>{label}</th><td>{value}</td></tr></table>",
     "<table><tr><td>{label}:</td><td><span>{value}</span></td></tr></table>",
     "<dl><dt>{label}</dt><dd>{value}</dd></dl>",
     '<div class="product-quantities"><label>{label}</label> <span>{value}</span></div>'],
)  # fmt: skip
@pytest.mark.parametrize(
    ("label", "none", "some"),
    [("Stock", "0", "12"), ("Lagerbestand", "0 Stk.", "3 Stk."), ("Stan magazynowy", "0 szt.", "5 szt."),
     ("Auf Lager", "Nein", "Ja"), ("In stock", "0 Items", "7 Items"), ("Raktáron", "Nincs", "Igen"),
     ("Varastossa", "Ei", "Kyllä"), ("Em estoque", "Não", "Sim"), ("Na skladě", "Ne", "Ano")],
)  # fmt: skip
def test_a_count_of_none_under_its_label_in_a_cell_of_its_own_says_out_of_stock(
    row: str, label: str, none: str, some: str
) -> None:
    """A shop's table of details puts the stock's label and its value in cells of their own."""
    assert offer(TITLE + PRICE + row.format(label=label, value=none) + BUTTON)[0] == "out_of_stock"
    # Some left, or a count of something else, is no status.
    for other in (row.format(label=label, value=some), row.format(label="Reviews", value=none)):
        assert offer(TITLE + PRICE + other + BUTTON)[0] == "in_stock", other


@pytest.mark.parametrize(
    "status",
    ["Discontinued", "This product has been discontinued", "Fuori produzione",
     "No longer produced", "No longer in production", "Out of production",
     "This set has been retired", "Retired", "End of life", "EOL", "Obsolete", "生産終了",
     "단종", "Снят с производства", "停产",
     "This product has been replaced by the Lampe Atelier II",
     # "no longer made", in more words and languages
     "This lamp is no longer being made", "Wird nicht mehr hergestellt",
     "Dieser Artikel wird nicht mehr produziert", "N'est plus fabriqué",
     "Ce produit n'est plus produit", "Ya no se fabrica", "Este producto ya no se produce",
     "Non più prodotto", "Não é mais fabricado", "Wordt niet meer gemaakt",
     "Wordt niet meer geproduceerd", "Nie jest już produkowany", "Больше не производится",
     "Artık üretilmiyor", "廃盤", "เลิกผลิต", "Ngừng sản xuất"],
)  # fmt: skip
def test_a_line_ended_is_sold_out_only_where_nothing_takes_orders(status: str) -> None:
    """No more will be made, which is not to say none are left: shops sell the last pieces."""
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>')[0] == "out_of_stock"
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + GREYED)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    ["Discontinued - while stocks last", "Discontinued: only 3 left",
     "Discontinued. Limited stock remaining.", "Discontinued by the maker – 2 left in stock",
     "Being discontinued", "To be discontinued", "Clearance - discontinued line",
     "Last chance: discontinued", "Fuori produzione, fino ad esaurimento scorte"],
)  # fmt: skip
def test_a_line_ended_with_its_last_pieces_on_sale_is_in_stock(status: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>')[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    ["Discontinued - sold out", "Discontinued, out of stock", "Ausverkauft: Auslaufmodell"],
)
def test_a_line_ended_and_sold_out_is_out_of_stock(status: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + BUTTON)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "status",
    ["This listing sold on Jun 12, 2023", "Sold for $40.00 on Jun 12", "This piece has sold",
     "This artwork has been sold", "Sold to another buyer", "Already sold", "Bereits verkauft",
     "Verkauft am 12.06.2023", "Dieser Artikel wurde verkauft", "Cet article a été vendu",
     "Este artículo ya se vendió", "Questo articolo è stato venduto", "Dit artikel is verkocht",
     # a bare word, where nothing takes orders
     "Sold", "SOLD", "Verkauft", "Vendu", "Vendido", "Venduto", "Verkocht", "Solgt", "Såld",
     "Продано", "売却済み", "已售出", "E shitur", "Imeuzwa", "تم البيع", "बिक गया", "🔴 Sold",
     "बिक चुका है",
     # held for a buyer
     "Reserved", "Reserviert", "Réservé", "Gereserveerd", "Under offer", "Sale pending"],
)  # fmt: skip
def test_a_one_off_item_sold_is_out_of_stock(status: str) -> None:
    """Vintage, art and second-hand shops sell each piece once, and hold it for a buyer."""
    assert offer(TITLE + PRICE + f'<p class="badge">{status}</p>')[0] == "out_of_stock"
    assert offer(TITLE + PRICE + f"<p>{status}</p>" + GREYED)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "note",
    ["<span>1448包</span>已售出", "<span>1.2k</span><span>Sold</span>",
     "<span>10K+</span> <span>sold</span>", "<div>Sold</div><div>48 in the last 24 hours</div>",
     "Sold by Lichtladen", "Batteries sold separately", "This product is sold in packs of 6",
     "This item is sold on our website only", "Ce produit a été vendu à 500 exemplaires",
     "Already sold 5,000 times!", "Verkauft von Lichtladen"],
)  # fmt: skip
def test_sales_counted_or_a_seller_named_say_nothing_of_stock(note: str) -> None:
    assert offer(TITLE + PRICE + f"<div>{note}</div>")[0] == "in_stock"
    # A bare "Sold" beside a button that takes orders is a label, not a status.
    assert offer(TITLE + PRICE + "<p>Sold</p>" + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "title",
    ["Lampe Atelier | Ausverkauft", "[SOLD OUT] Lampe Atelier", "Lampe Atelier (Out of stock) - Lumen",
     "Lampe Atelier – Currently unavailable", "Sold | Lampe Atelier | Lumen"],
)  # fmt: skip
def test_a_status_the_page_s_title_gives_says_sold_out_where_nothing_takes_orders(
    title: str,
) -> None:
    """Some shops' templates end the <title> with the status, and the page says no more."""

    def titled(name: str, body: str) -> str | None:
        return extract_offer(f"<html><head><title>{name}</title></head>{body}", URL).availability

    assert titled(title, TITLE + PRICE) == "out_of_stock"
    # A button that takes orders outvotes it (a cached title)...
    assert titled(title, TITLE + PRICE + BUTTON) == "in_stock"
    # ...and a name that holds a status, the product's or the shop's, is no status.
    for name in ("Sold Out Tour Tee | Band", "Lampe | Sold Out Records", "Lampe – Almost sold out"):
        assert titled(name, TITLE + PRICE) == "in_stock", name


@pytest.mark.parametrize(
    "heading", ["[SOLD] Lampe Atelier", "Lampe Atelier (Sold)", "Lampe Atelier [Verkauft]"]
)
def test_a_status_in_brackets_in_the_heading_says_sold_out_where_nothing_takes_orders(
    heading: str,
) -> None:
    """A one-off piece's page marks its heading when the piece is gone; beside a button that
    takes orders, a bare "Sold" is a label."""
    assert offer(f"<h1>{heading}</h1>{PRICE}")[0] == "out_of_stock"
    assert offer(f"<h1>{heading}</h1>{PRICE}{BUTTON}")[0] == "in_stock"
    # A count in brackets is none.
    assert offer(f"<h1>Lampe Atelier (2 sold)</h1>{PRICE}")[0] == "in_stock"


def test_an_icon_s_label_is_its_status() -> None:
    """A red cross or dot titled "Out of stock" says it as its text would; a row of colour
    dots, each titled with its name and status, speaks of each colour."""
    cross = '<i class="icon icon-cross" aria-label="Nicht auf Lager"></i>'
    assert offer(TITLE + PRICE + cross + BUTTON)[0] == "out_of_stock"
    dot = '<span class="stock" title="Ausverkauft">●</span>'
    assert offer(TITLE + PRICE + dot)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + dot.replace("Ausverkauft", "Auf Lager"))[0] == "in_stock"
    dots = '<div><span class="c" title="Salbei"></span><span class="c" title="Moos - Ausverkauft"></span></div>'
    assert offer(TITLE + PRICE + dots + BUTTON)[0] == "in_stock"


def test_a_template_s_branches_are_not_what_the_page_says() -> None:
    # Angular and Vue pages carry every status; scripts show the one that applies.
    branches = (
        '<div ng-cloak><b ng-show="sku.isFewLeft">Only a few left</b>'
        '<span ng-show="sku.isOutOfStock()">Out of stock</span></div>'
        '<p v-if="!product.available">Sold out</p>'
        '<p data-bind="visible: soldOut">Ausverkauft</p>'
    )
    assert offer(TITLE + PRICE + branches, json_ld({"availability": "InStock"}))[0] == "in_stock"


def test_a_status_by_the_title_tells_why_a_button_far_away_takes_no_order() -> None:
    """A buy box a column away from the title, its button greyed out: "Sold out" under
    the title is the product's; beside a button that takes orders, it says nothing."""
    deep = '<div class="col"><i>·</i>' * 10  # columns in columns, each with a part
    title = f"<div>{TITLE}<p>4.5 stars (120 reviews)</p></div><div>Sold out</div>"
    box = f"{deep}{PRICE}{{button}}{'</div>' * 10}"
    assert offer(title + box.format(button=GREYED))[0] == "out_of_stock"
    assert offer(title + box.format(button=BUTTON))[0] == "in_stock"
    # Where the markup says it is in stock, the button may wait for a size to be chosen.
    in_stock = json_ld({"availability": "InStock"})
    assert offer(title + box.format(button=GREYED), in_stock)[0] == "in_stock"


def test_a_longer_sentence_about_this_item_is_a_status() -> None:
    sentence = (
        "Sorry, this item is currently out of stock and cannot be ordered online at the moment."
    )
    assert offer(TITLE + PRICE + f"<p>{sentence}</p>")[0] == "out_of_stock"
    ended = "This listing was ended by the seller because the item is no longer available."
    assert offer(TITLE + PRICE + f"<p>{ended}</p>")[0] == "out_of_stock"  # a marketplace's
    for said in (
        "We're sorry, but the item you're looking for is no longer available.",
        "Sorry! This item is sold out, but check out similar items below.",
        "Il prodotto che stai cercando non è più disponibile nel nostro catalogo.",
        "Het product waar je naar zoekt is helaas niet meer leverbaar.",
        "Produkt, którego szukasz, jest obecnie niedostępny w naszym sklepie.",
        "The product you selected is currently unavailable for purchase online.",
        "This item is currently out of stock online, but may be available in stores nearby.",
        "Not available online. Check stores near you",
    ):
        assert offer(TITLE + PRICE + f"<p>{said}</p>")[0] == "out_of_stock", said
    # As long a sentence about something else is not.
    other = "Orders placed before 3pm ship the same day; out of stock items ship on arrival."
    assert offer(TITLE + PRICE + f"<p>{other}</p>" + BUTTON)[0] == "in_stock"


def test_a_sentence_naming_the_product_says_it_is_out_where_nothing_takes_orders() -> None:
    """Shops name the product where others say "this item"; said in the present, of
    the product's name, not of another product sharing a word of it or of its past."""
    for said in (
        "We're sorry, but the Lampe Atelier you're looking for is currently out of stock.",
        "Unfortunately the Lampe Atelier is currently out of stock and cannot be ordered.",
        "Die Lampe Atelier aus unserer Herbstkollektion ist leider nicht mehr lieferbar.",
        "La lampe Atelier de notre collection d'automne est malheureusement épuisée.",
        "The item you have selected is currently not available for online purchase.",
        "We are out of this item.",
        "We're currently out of these products, sorry!",
        "Sold out online — unfortunately we cannot take any more orders for this one.",
    ):
        assert offer(TITLE + PRICE + f"<p>{said}</p>")[0] == "out_of_stock", said
    for other in (
        "We're sorry, but the Lampe Classic you're looking for is currently out of stock.",
        "The Lampe Atelier sold out within hours last year, so we made twice as many.",
        "Get the most out of this item with our care guide and a matching shade for it.",
    ):
        assert offer(TITLE + PRICE + f"<p>{other}</p>")[0] == "in_stock", other
    # The item chosen is still a size's where the sentence names one.
    size = "<p>The item you have selected is out of stock in XL.</p>"
    assert offer(TITLE + PRICE + size + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize("depth", [1, 4, 6])
def test_a_theme_s_wrappers_do_not_push_a_status_away_from_its_button(depth: int) -> None:
    def wrapped(part: str) -> str:
        return '<div class="w">' * depth + part + "</div>" * depth

    status = wrapped('<p class="stock">Out of stock</p>')
    button = wrapped("<button disabled>Add to cart</button>")
    assert offer(wrapped(TITLE) + wrapped(PRICE) + status + button)[0] == "out_of_stock"


def test_a_status_paired_with_a_label_naming_something_else_is_not_the_product_s() -> None:
    options = (
        '<div class="options"><div><p>Home delivery</p><span>Available</span></div>'
        "<div><p>Store pickup</p><strong><span>Not available</span></strong></div></div>"
    )
    assert offer(TITLE + PRICE + options + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + options)[0] == "in_stock"
    # The product's own status beside its label is.
    paired = "<div><p>Availability</p><span>Not available</span></div>"
    assert offer(TITLE + PRICE + paired)[0] == "out_of_stock"
    # Beside the block of its title, whose reviews, delivery note and price make no label.
    block = f"<div>{TITLE}<p>4.5 stars (120 reviews)</p>{PRICE}<p>Free delivery</p></div>"
    assert offer(f'<main>{block}<div class="status">Out of stock</div></main>')[0] == (
        "out_of_stock"
    )


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # one size's, one store's or a way to have it, each beside another saying otherwise
        ("<dt>Size 40</dt><dd>Sold out</dd><dt>Size 41</dt><dd>Available</dd>", "in_stock"),
        ("<dt>Oslo</dt><dd>Out of stock</dd><dt>Bergen</dt><dd>In stock</dd>", "in_stock"),
        ("<dt>Store pickup</dt><dd>Not available</dd><dt>Home delivery</dt><dd>Available</dd>",
         "in_stock"),
        ("<dt>SKU</dt><dd>A-1</dd><dt>Store pickup</dt><dd>Not available</dd>", "in_stock"),
        # every size sold out, or the product's own status among its details, whatever
        # else they say is available (its delivery, a store's shelf, its warranty)
        ("<dt>Size 40</dt><dd>Sold out</dd><dt>Size 41</dt><dd>Sold out</dd>", "out_of_stock"),
        ("<dt>SKU</dt><dd>A-1</dd><dt>Availability</dt><dd>Out of stock</dd>", "out_of_stock"),
        ("<dt>Availability</dt><dd>Out of stock</dd><dt>Delivery</dt><dd>Available</dd>",
         "out_of_stock"),
        ("<dt>Online</dt><dd>Sold out</dd><dt>In store</dt><dd>Available</dd>", "out_of_stock"),
        ("<dt>Status</dt><dd>Sold out</dd><dt>Warranty</dt><dd>Available</dd>", "out_of_stock"),
    ],
)  # fmt: skip
def test_a_definition_list_s_value_is_read_with_its_term_and_beside_the_others(
    pairs: str, expected: str
) -> None:
    """A <dd>'s label is the <dt> before it, however many pairs the list holds, and its
    values, each read with its term, are rows of a table: one disagreeing with another
    speaks of itself."""
    details = f"<dl>{pairs}</dl>"
    assert offer(TITLE + PRICE + details + BUTTON)[0] == expected
    assert offer(TITLE + PRICE + details + GREYED)[0] == expected
    assert offer(TITLE + PRICE + details)[0] == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('<div class="row"><div>Size 40</div><div>Sold out</div></div>'
         '<div class="row"><div>Size 41</div><div>Available</div></div>', "in_stock"),
        ("<div><div><span>Size 40</span><span>Sold out</span></div>"
         "<div><span>Size 41</span><span>Available</span></div></div>", "in_stock"),
        ("<p>Size 40: <b>Sold out</b></p><p>Size 41: <b>Available</b></p>", "in_stock"),
        ('<div class="store"><h4>Oslo</h4><p>Out of stock</p></div>'
         '<div class="store"><h4>Bergen</h4><p>In stock</p></div>', "in_stock"),
        ('<div class="row"><div>Size 40</div><div>Sold out</div></div>'
         '<div class="row"><div>Size 41</div><div>Sold out</div></div>', "out_of_stock"),
    ],
)  # fmt: skip
def test_alike_lines_each_pairing_a_label_and_a_status_are_rows(lines: str, expected: str) -> None:
    """Short blocks of two parts, a label and a status, side by side, are a table's rows
    drawn without one: one disagreeing with another speaks of itself, in a page laid out
    as a table too (the nearest row is the line)."""
    for button in (BUTTON, GREYED, ""):
        assert offer(TITLE + PRICE + lines + button)[0] == expected
        laid_out = f"<table><tr><td>{TITLE}{PRICE}{lines}{button}</td></tr></table>"
        assert offer(laid_out)[0] == expected


@pytest.mark.parametrize(
    "details",
    [
        "<table><tr><th>Availability</th><td>Out of stock</td></tr>"
        "<tr><th>Delivery</th><td>Available</td></tr></table>",
        "<ul><li><span>Availability:</span> <span>Out of stock</span></li>"
        "<li><span>Delivery:</span> <span>Available</span></li></ul>",
        '<div class="info"><span>Availability:</span> <span>Out of stock</span></div>'
        '<div class="info"><span>Delivery:</span> <span>Available</span></div>',
        "<div><div>Online</div><div>Sold out</div></div>"
        "<div><div>In store</div><div>Available</div></div>",
        # the row named as the product, beside its accessory's
        "<table><tr><td>Lampe Atelier</td><td>Sold out</td></tr>"
        "<tr><td>Bulb E27</td><td>In stock</td></tr></table>",
        "<dl><dt>Lampe Atelier</dt><dd>Sold out</dd><dt>Bulb E27</dt><dd>In stock</dd></dl>",
    ],
)
def test_a_row_s_value_is_read_with_its_label(details: str) -> None:
    """ "Delivery | Available" says nothing of the stock, so it does not disagree with the
    product's "Availability | Out of stock" (a sold-out page's details were read in stock
    before); nor does a store's shelf with the shop's "Online | Sold out". A row whose
    label is the product's name speaks of the product."""
    for button in (GREYED, ""):
        assert offer(TITLE + PRICE + details + button)[0] == "out_of_stock"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a way to have it, its label in bold and its value written after it
        ('<div class="info"><b>Retrait en magasin :</b> indisponible</div>', "in_stock"),
        ('<div class="info"><b>Disponibilité :</b> épuisé</div>', "out_of_stock"),
        # the element named for the stock holding a list of stores' stock
        ('<div class="store-stock"><div><span>Paris</span><span>Sold out</span></div>'
         "<div><span>Lyon</span><span>In stock</span></div></div>", "in_stock"),
        ('<div class="store-stock"><div><span>Paris</span><span>Sold out</span></div>'
         "<div><span>Lyon</span><span>Sold out</span></div></div>", "out_of_stock"),
        # ...or each line of it named for the stock
        ('<div class="color-stock"><span>ブラック</span><span>在庫切れ</span></div>'
         '<div class="color-stock"><span>ホワイト</span><span>在庫あり</span></div>', "in_stock"),
        ('<div class="color-stock"><span>ブラック</span><span>在庫切れ</span></div>'
         '<div class="color-stock"><span>ホワイト</span><span>在庫切れ</span></div>',
         "out_of_stock"),
    ],
)  # fmt: skip
def test_a_value_is_read_with_the_label_before_it_where_nothing_takes_orders(
    block: str, expected: str
) -> None:
    for button in (GREYED, ""):
        assert offer(TITLE + PRICE + block + button)[0] == expected


def test_a_status_in_a_pop_up_waiting_for_a_click_is_not_what_the_page_shows() -> None:
    modal = (
        '<div class="modal fade" id="notify"><h2 class="modal-title">Product unavailable :(</h2>'
        "<p>Notify me when it is back</p></div>"
    )
    assert offer(TITLE + PRICE + BUTTON + modal)[0] == "in_stock"
    # Named by made-up classes, a modal is still marked for screen readers; nor is a
    # <dialog> shown until it is open.
    unnamed = '<div class="x7f2" role="dialog"><h2>Product unavailable :(</h2></div>'
    assert offer(TITLE + PRICE + GREYED + unnamed)[0] == "in_stock"
    closed = "<dialog><h2>Product unavailable :(</h2></dialog>"
    assert offer(TITLE + PRICE + GREYED + closed)[0] == "in_stock"
    assert offer(TITLE + PRICE + GREYED + closed.replace("<dialog>", "<dialog open>"))[0] == (
        "out_of_stock"
    )


def test_a_sentence_about_this_item_counts_wherever_it_stands_when_nothing_can_be_bought() -> None:
    far = "<div>" * 14 + "<p>Sorry, this product is no longer available.</p>" + "</div>" * 14
    assert offer(far + "<footer>" + TITLE + "</footer>")[0] == "out_of_stock"
    # A greyed-out button takes no orders either.
    assert offer(far + "<footer>" + TITLE + PRICE + GREYED + "</footer>")[0] == "out_of_stock"
    # ... but a promise to tell when it is back, there, may be a size's.
    promise = (
        "<div><p>…</p>" * 14 + "<p>Email me when this item is back in stock</p>" + "</div>" * 14
    )
    assert offer(promise + "<footer>" + TITLE + PRICE + GREYED + "</footer>")[0] == "in_stock"
    assert offer(promise + "<footer>" + TITLE + PRICE + "</footer>")[0] == "out_of_stock"
    # Where the page takes orders, such a sentence far away is someone's review.
    review = "<div><p>…</p>" * 14 + "<p>This item sold out fast last year!</p>" + "</div>" * 14
    assert offer(TITLE + PRICE + BUTTON + review)[0] == "in_stock"


@pytest.mark.parametrize(
    "shoppers",
    [
        '<div class="reviews"><p>This product is no longer available in my area.</p></div>',
        '<section id="reviews"><div><p>This item is out of stock everywhere, glad I got one.'
        "</p></div></section>",
        "<div><h2>Customer reviews (12)</h2><p>This item is out of stock in most shops.</p></div>",
        "<div><h3>Questions &amp; answers</h3><p>A: This product is discontinued in Europe.</p>"
        "</div>",
        "<div><h2>Kundenbewertungen</h2><p>Dieser Artikel ist überall ausverkauft.</p></div>",
    ],
)
def test_a_sentence_about_this_item_in_shoppers_words_is_not_the_shop_s_status(
    shoppers: str,
) -> None:
    far = "<div>" * 14 + shoppers + "</div>" * 14
    # Where scripts draw the buy button, the saved page has none.
    assert offer(TITLE + PRICE + "<p>Versand in 2-3 Tagen</p>" + far)[0] == "in_stock"


@pytest.mark.parametrize(
    "sellers",
    [
        "Available from these sellers.", "Erhältlich bei diesen Anbietern.",
        "Disponible auprès de ces vendeurs.", "Disponible a través de estos vendedores.",
        "Disponibile presso questi venditori.", "Verkrijgbaar bij deze verkopers.",
        "Dostępne u tych sprzedawców.", "Tillgänglig från dessa säljare.",
        "Available from other sellers",
    ],
)  # fmt: skip
def test_a_marketplace_product_sold_by_other_sellers_is_in_stock(sellers: str) -> None:
    """No buy box of its own, and no price beside the title: other sellers sell it."""
    assert offer(TITLE + f"<p>{sellers}</p>")[0] == "in_stock"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Currently unavailable.", "out_of_stock"),
        ("Disponibile presso <a href='/offers'>questi venditori</a>.", "in_stock"),
        ("In stock", "in_stock"),
        ("Notify me when it is back", "out_of_stock"),
    ],
)
def test_a_status_in_the_element_named_for_it_counts_however_far_from_the_title(
    status: str, expected: str
) -> None:
    """A marketplace page with no buy box: its availability block sits 16 steps away."""
    for holder in ('id="availability" class="celwidget"', 'class="product-stock"'):
        named = f"<div {holder}><span>{status}</span></div>"
        far = "<div>" * 8 + TITLE + "</div>" * 8 + "<div>" * 8 + named + "</div>" * 8
        assert offer(far)[0] == expected, holder
        assert offer(far + GREYED)[0] == expected, holder


def test_a_link_asking_for_a_review_is_no_buy_button() -> None:
    """ "Kupiłeś ten produkt? Oceń go!" ("Bought it? Rate it!") holds a buy word: taken for
    the product's button, it took orders beside stale markup on a sold-out page."""
    stale = json_ld({"availability": "InStock"})
    sold_out = '<button class="add-to-cart" disabled>Produkt niedostępny</button>'
    for review in (
        '<a href="#reviews" class="rating-link opinion-add">Kupiłeś ten produkt? <em>Oceń go!</em></a>',
        '<a href="#reviews" class="btn">Did you buy this product? Rate it</a>',
        '<a href="#write" class="add-review btn">Bought it? Write a review</a>',
    ):
        assert offer(TITLE + review + PRICE + sold_out, stale)[0] == "out_of_stock", review
        assert offer(TITLE + review + PRICE + BUTTON, stale)[0] == "in_stock", review


def test_the_labels_a_theme_keeps_in_its_buy_buttons_are_not_statuses() -> None:
    """Each copy of the button (a sticky bar's, the buy box's) holds the label for every state,
    its stylesheet showing the one that applies: the button takes orders."""
    button = (
        '<a href="#" class="add-to-basket"><span class="can-buy-label">Dodaj do koszyka</span>'
        '<span class="unavailable-label">Produkt niedostępny</span></a>'
    )
    sticky = f'<div class="sticky-bar">{button}</div>'
    for page in (
        TITLE + PRICE + button,
        TITLE + sticky + PRICE + "<div><div>" + button + "</div></div>",
    ):
        assert offer(page)[0] == "in_stock"
    # A status beside the button, not in it, is the product's.
    assert offer(TITLE + PRICE + '<p class="stock">Produkt niedostępny</p>' + button)[0] == (
        "out_of_stock"
    )


@pytest.mark.parametrize(
    "option",
    ["Opcja niedostępna dla tego produktu", "Option unavailable for this product",
     "Option nicht verfügbar", "Opción no disponible", "Opzione non disponibile"],
)  # fmt: skip
def test_an_option_unavailable_is_not_the_product(option: str) -> None:
    """A way to have it ("Odbierz w sklepie": collect in store) or a choice, beside the
    tooltip that explains it and a hidden count: its option, not the product."""
    pickup = (
        '<div class="pickup-section"><div class="tooltip"><div class="tooltip-title">Odbiór w '
        "sklepie</div>Aby zamówić produkt z odbiorem w sklepie, wybierz Twój sklep.</div>"
        '<div class="label"><span>Odbierz w sklepie</span></div>'
        f'<div class="label">{option}</div><div class="quantity-info">Ostatnie w cenie</div></div>'
    )
    assert offer(TITLE + PRICE + pickup + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + "<p>No options available</p>")[0] == "out_of_stock"


def test_a_class_name_ending_in_widget_is_no_block_of_other_products() -> None:
    """A page built of "celwidget"s wraps its own buy box in one, with links of its own
    (delivery, the seller): its status is the product's. A shop's "widget" block linking
    to other products holds theirs."""
    status = '<div id="availability"><span>Currently unavailable.</span></div>'
    links = '<a href="/delivery">Delivery details</a><a href="/seller">Sold by Lampenhaus</a>'
    title = "<div>" * 8 + TITLE + PRICE + "</div>" * 8
    buy_box = f'<div class="celwidget">{status}{links}</div>'
    assert offer(title + "<div>" * 8 + buy_box + "</div>" * 8)[0] == "out_of_stock"
    related = f'<div class="widget">{status}<a href="/p2">Brass Lamp</a></div>'
    assert offer(title + "<div>" * 8 + related + "</div>" * 8)[0] == "in_stock"


def test_a_status_named_so_in_another_product_s_block_does_not_count() -> None:
    named = '<p class="availability">Out of stock</p>'
    related = f'<div class="related-products"><a href="/p2">Brass Lamp</a>{named}</div>'
    far = "<div>" * 8 + TITLE + "</div>" * 8 + "<div>" * 8 + related + "</div>" * 8
    assert offer(far)[0] is None


def test_a_status_whose_words_a_link_or_bold_breaks_up_is_read_whole() -> None:
    linked = '<p>Available from <a href="/offers">these sellers</a>.</p>'
    assert offer(TITLE + linked)[0] == "in_stock"
    assert offer(TITLE + PRICE + "<p>Only <b>0</b> left in stock</p>")[0] == "out_of_stock"
    # Not with what a stylesheet hides between the words.
    hidden = '<p>Only <b class="hidden">0</b> left in stock</p>'
    assert offer(TITLE + PRICE + hidden)[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    [
        "Out&nbsp;of&nbsp;stock", "Out of\n          stock", "\tSold\tout\t", "Aus&shy;verkauft",
        "Sold\u200bout", "Out of\u200b stock", "\uff33\uff2f\uff2c\uff24 \uff2f\uff35\uff34",
        "E\u0301puise\u0301", "<span>Sold</span>&nbsp;<span>out</span>", "ΕΞΑΝΤΛΗΜΕΝΟ",
        "ΕΚΤΟΣ ΑΠΟΘΕΜΑΤΟΣ", "Out of<br>stock", "Nicht<br/>lieferbar", "Aus<wbr>verkauft",
        # accents left out: a premium Shopify theme's French "Epuisé", capitals, plain keys
        "Epuisé", "EPUISE", "Niedostepny", "Nicht verfugbar",
        "Indisponivel", "Tukendi", "Het hang", "Slutsald", "Vypredane", "Victime de son succes",
    ],
)  # fmt: skip
def test_a_status_is_read_as_shown_whatever_spaces_and_characters_write_it(status: str) -> None:
    """No-break spaces, a template's line breaks and tabs, soft hyphens, zero-width spaces,
    full-width letters (Japanese shops' "SOLD OUT"), accents written apart or left out
    (French capitals, Greek ones, a keyboard without them), a badge's lines."""
    shown = f'<p class="stock">{status}</p>'
    assert offer(TITLE + PRICE + shown)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + shown + BUTTON)[0] == "out_of_stock"
    button = f"<button disabled>{status}</button>"
    assert offer(TITLE + PRICE + button)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "button",
    ['<button class="add-to-cart" disabled title="Ausverkauft">In den Warenkorb</button>',
     '<button class="add-to-cart" disabled data-tooltip="Ausverkauft">In den Warenkorb</button>',
     '<span title="Ausverkauft"><button class="add-to-cart" disabled>In den Warenkorb</button></span>',
     '<span class="d-inline-block" tabindex="0" data-bs-toggle="tooltip" '
     'data-bs-original-title="Ausverkauft"><button class="add-to-cart" disabled>In den Warenkorb'
     "</button></span>"],
)  # fmt: skip
def test_a_greyed_out_button_s_tooltip_says_why(button: str) -> None:
    """Themes explain a greyed-out button in a tooltip: its title, a script's attribute, or
    an element's wrapping it alone (a disabled button shows no tooltip of its own)."""
    assert offer(TITLE + PRICE + button)[0] == "out_of_stock"
    # An element holding more than the button speaks of more.
    wider = f'<div title="Ausverkauft"><p>Lieferzeit 2 Tage</p>{BUTTON}</div>'
    assert offer(TITLE + PRICE + wider)[0] == "in_stock"


@pytest.mark.parametrize(
    "label",
    ["Add to\n      cart", "Add to Ca&shy;rt", "In den Waren&shy;korb",
     "\uff21\uff24\uff24 \uff34\uff2f \uff23\uff21\uff32\uff34",
     "Pridat do kosiku", "Kosarba", "Anadir al carrito", "Lagg i varukorgen"],
)  # fmt: skip
def test_a_buy_button_is_read_as_shown(label: str) -> None:
    """A promise to tell when it is back is a size's beside a button that takes orders,
    and the page's without one: the button must be seen, its accents left out or not."""
    promise = "<p>Notify me when it is back in stock</p>"
    assert offer(TITLE + PRICE + f"<button>{label}</button>" + promise)[0] == "in_stock"


@pytest.mark.parametrize(
    "doubt",
    [
        "We don't know when or if this item will be back in stock.",
        "Ob und wann dieser Artikel wieder vorrätig sein wird, ist unbekannt.",
        "Nous ne savons pas quand cet article sera de nouveau approvisionné ni s'il le sera.",
        "Non sappiamo se e quando questo articolo sarà di nuovo disponibile.",
        "No sabemos si este producto volverá a estar disponible, ni cuándo.",
        "Não sabemos quando ou se este item estará novamente disponível.",
        "We weten niet of en wanneer dit artikel weer op voorraad zal zijn.",
        "Nie wiemy, czy i kiedy ten produkt będzie ponownie dostępny.",
        "Vi vet inte när eller om den här varan kommer tillbaka i lager.",
        "Bu ürünün ne zaman veya tekrar stoğa girip girmeyeceğini bilmiyoruz.",
        "この商品の再入荷予定は立っておりません。",
    ],
)
def test_a_doubt_that_this_item_will_be_back_is_out_of_stock_wherever_it_stands(
    doubt: str,
) -> None:
    """A marketplace's buy box, far from the title, with nothing to buy in it."""
    box = "<div>" * 7 + f"<span>—</span><br>{doubt}" + "</div>" * 7
    assert offer("<div>" * 7 + TITLE + "</div>" * 7 + box)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "terms",
    ["數量有限，售完為止", "売り切れ次第終了", "Promo sampai stok habis", "Until sold out!",
     "Do vyprodání zásob.",
     # a policy for when it is out of stock, in many languages
     "Should this item be out of stock, we'll contact you.",
     "In case this item is sold out, you get a voucher.",
     "Falls dieser Artikel ausverkauft ist, erstatten wir den Betrag.",
     "Wenn dieser Artikel nicht verfügbar ist, informieren wir Sie.",
     "Si cet article est en rupture de stock, nous vous rembourserons.",
     "Si este artículo está agotado, te avisaremos.",
     "Se questo articolo è esaurito, ti rimborseremo.",
     "Se o produto estiver esgotado, avisaremos.",
     "Als dit artikel uitverkocht is, ontvangt u een bericht.",
     "Jeśli produkt jest niedostępny, zwrócimy pieniądze.",
     "Pokud je zboží vyprodáno, vrátíme peníze.", "Hvis varen er udsolgt, refunderer vi.",
     "Если товара нет в наличии, мы вернем деньги.",
     "Jos tuote on loppu, toimitamme 5 päivässä", "Kui laos pole, tellime 5 päevaga",
     "Dacă produsul nu este în stoc, îl comandăm", "Ako proizvod nije dostupan, javit ćemo vam",
     "Če ni na zalogi, ga naročimo", "Jei prekės nėra sandėlyje, užsakysime",
     "Якщо товару немає в наявності, ми повідомимо", "Ако няма наличност, ще ви уведомим",
     "إذا نفدت الكمية سنخبرك", "אם המוצר אזל מהמלאי נעדכן אותך", "如果缺货，我们会通知您",
     "Nếu hết hàng, chúng tôi sẽ liên hệ", "หากสินค้าหมด เราจะแจ้งให้ทราบ",
     "ถ้าสินค้าหมดเราจะแจ้ง", "Jika stok habis, kami akan menghubungi Anda",
     "Apabila stok habis kami hubungi", "Kung wala nang stock, aabisuhan ka namin",
     "Om varan är slutsåld meddelar vi dig", "Ha nincs raktáron, értesítjük",
     "Ja prece nav noliktavā, mēs paziņosim",
     # Japanese "when ... then" ("時は"), after the status
     "在庫切れ時はキャンセルとなります", "欠品時はご連絡いたします",
     # how often, a legend, a promise of none
     "This item is rarely out of stock.", "Items marked 'sold out' can be reserved.",
     "Avoid sold out disappointment: order early", "No more out of stock frustration",
     # what may happen, what a label means, how an order ships once it can
     "Due to high demand some items may be out of stock",
     "Popular colours could sell out", "Products shown as sold out may be restocked",
     "Shipping: 2-3 days when in stock",
     # order before it runs out; the offer lasts until it does
     "اطلب الآن قبل نفاد المخزون", "العرض ساري حتى نفاد المخزون"],
)  # fmt: skip
def test_a_promotion_s_terms_or_a_policy_are_not_a_status(terms: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{terms}</p>" + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + f"<p>{terms}</p>")[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    ["Out of stock until March", "Sold out until further notice", "Ausverkauft bis Mai",
     "Sold out. If you'd like, browse similar lamps.", "Questo articolo si è esaurito",
     "O produto se esgotou", "Se agotó", "Пока нет в наличии",
     # "if"'s bare letters in other words: French's "this", German's "new"
     "Ce produit n'est plus disponible.", "Dieses Produkt ist leider neu nicht mehr verfügbar",
     "Kung Fu Panda – sold out"],
)  # fmt: skip
def test_a_status_before_a_condition_or_in_the_past_tense_still_counts(status: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>')[0] == "out_of_stock"


def test_a_sold_out_status_beside_the_price_counts_far_from_the_title() -> None:
    deep = "<div>" * 6 + PRICE.replace("</p>", "</p><span>Sold out</span>") + "</div>" * 6
    body = f"<header><div><div>{TITLE}</div></div></header><main>{deep}</main>"
    assert offer(body)[0] == "out_of_stock"
    assert offer(body.replace("Sold out", "Ships in 2 days"))[0] == "in_stock"


def test_a_button_that_only_says_sold_out_is_the_buy_button_in_its_sold_out_state() -> None:
    # Class names hashed by the shop's build, the label in the value: all a shopper reads.
    sold_out = (
        '<div class="x9f2"><input type="submit" class="b_4qhIn" value="Sold out" disabled></div>'
    )
    assert offer(TITLE + PRICE + sold_out)[0] == "out_of_stock"
    # A related product's card far below, sold out, is not this product's button.
    card = "<div><p>…</p>" * 12 + '<input type="submit" class="b_4qhIn" value="Sold out">'
    card += "</div>" * 12
    assert offer(f"<main>{TITLE}{PRICE}</main><aside>{card}</aside>")[0] == "in_stock"


@pytest.mark.parametrize(
    ("classes", "expected"),
    [("btn add-to-cart btn--sold-out", "out_of_stock"), ("add-to-cart is-soldout", "out_of_stock"),
     ("add-to-cart outofstock", "out_of_stock"),
     # ...its words joined by underscores
     ("button js-buy-button _sold_out", "out_of_stock"), ("btn product_sold_out", "out_of_stock"),
     ("btn out_of_stock", "out_of_stock"),
     # what a script does with the button then, not its state
     ("add-to-cart js-sold-out-toggle", "in_stock"), ("add-to-cart sold-out-hidden", "in_stock"),
     ("btn js_sold_out_toggle", "in_stock"), ("btn show_if_sold_out", "in_stock"),
     ("add-to-cart hide-when-sold-out", "in_stock"),
     ("add-to-cart out-of-stock-notify-trigger", "in_stock")],
)  # fmt: skip
def test_a_buy_button_classed_sold_out_is_sold_out(classes: str, expected: str) -> None:
    assert offer(TITLE + PRICE + f'<button class="{classes}">Add to cart</button>')[0] == expected


@pytest.mark.parametrize(
    "promise",
    ["Notify me when available", "Email me when back in stock", "Benachrichtigen, wenn verfügbar"],
)
def test_a_buy_button_that_promises_to_tell_when_it_is_back_is_its_sold_out_state(
    promise: str,
) -> None:
    """Themes keep the buy button's classes and label, and swap its text."""
    button = f'<button class="add-to-cart" aria-label="Add to cart">{promise}</button>'
    assert offer(TITLE + PRICE + button)[0] == "out_of_stock"
    # A button offering both keeps taking orders (one label is hidden by the theme).
    both = f'<button class="add-to-cart">Add to cart <span class="hidden">{promise}</span></button>'
    assert offer(TITLE + PRICE + both)[0] == "in_stock"


def test_a_card_that_acts_as_a_button_is_not_a_sold_out_button() -> None:
    card = (
        '<div role="button"><span class="price">89,00 €</span><p>Back in stock!</p>'
        "<h1>Lampe Atelier, Messing, 40 cm, mit Stoffschirm</h1><span>Berlin, Mitte</span></div>"
    )
    assert offer(card)[0] == "in_stock"


def test_a_back_in_stock_app_s_hidden_button_is_not_the_buy_button() -> None:
    notify = '<button class="add-to-cart bis-trigger" style="display:none">Notify me when available</button>'
    assert offer(TITLE + PRICE + notify + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + f'<div class="hidden">{notify}</div>' + BUTTON)[0] == "in_stock"


def test_a_buy_box_whose_buy_link_the_server_hid_takes_no_orders() -> None:
    """A platform's buy box (VTEX's "buyButton") keeps its buy link, hidden, while the
    product cannot be bought: the box's words are not shown, so it is no buy button."""
    box = (
        '<div class="buyButtonV2"><a class="buy-button" href="" style="display:none">'
        "In den Warenkorb</a></div>"
    )
    notify = "<p>Benachrichtigen Sie mich, wenn dieser Artikel wieder verfügbar ist</p>"
    assert offer(TITLE + PRICE + box + notify)[0] == "out_of_stock"
    shown = box.replace(' style="display:none"', "")
    assert offer(TITLE + PRICE + shown + notify)[0] == "in_stock"  # a size's promise


def test_buttons_are_looked_at_up_to_a_bound() -> None:
    others = "<button>Merken</button>" * layout.MAX_BUTTONS

    def buy_button(body: str) -> LexborNode | None:
        tree = LexborHTMLParser(page(body))
        assert tree.body is not None
        return layout.find_buy_button(tree.body, {}, None)

    assert buy_button(others + TITLE + BUTTON) is None
    assert buy_button(others[: len(others) // 2] + TITLE + BUTTON) is not None


def test_a_disabled_button_says_sold_out_only_when_the_page_says_so() -> None:
    sold_out = '<button class="add-to-cart" disabled>Sold out</button>'
    assert offer(TITLE + PRICE + sold_out)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + '<button class="btn sold-out">In den Warenkorb</button>')[0] == (
        "out_of_stock"
    )
    input_button = '<input type="submit" id="form-action-addToCart" value="Out of stock">'
    assert offer(TITLE + PRICE + input_button)[0] == "out_of_stock"
    in_stock = json_ld({"availability": "InStock"})  # stale: the button is what the shop shows
    assert offer(TITLE + PRICE + input_button, in_stock)[0] == "out_of_stock"
    says = '<button class="add-to-cart">Sold out</button>'
    assert offer(TITLE + PRICE + says, in_stock)[0] == "out_of_stock"
    both = '<button class="add-to-cart"><span>Add to cart</span><span class="hide">Sold out</span></button>'
    assert offer(TITLE + PRICE + both, in_stock)[0] == "in_stock"
    # Disabled until a size is chosen; the shop's "sold out" note waits hidden.
    waiting = (
        '<select name="size"><option>S</option><option>M</option></select>'
        '<div class="alert" style="display:none">Ausverkauft</div>' + GREYED
    )
    assert offer(TITLE + PRICE + waiting)[0] == "in_stock"


def test_a_promise_to_tell_when_it_is_back_says_out_of_stock_where_nothing_can_be_bought() -> None:
    notify = '<button class="notify">Email me when it is back in stock</button>'
    assert offer(TITLE + PRICE + notify)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + BUTTON + notify)[0] == "in_stock"  # one size's, then
    # A button greyed out by its class alone takes no orders either.
    for greyed in ("btn btn--disabled", "button_disabled", "addToCartDisabled"):
        button = f'<button class="{greyed}">In den Warenkorb</button>'
        assert offer(TITLE + PRICE + button + notify)[0] == "out_of_stock", greyed


@pytest.mark.parametrize(
    "promise",
    ["Me prévenir du retour en stock", "Powiadom mnie, gdy produkt będzie dostępny",
     "Hlídat dostupnost", "Értesítést kérek, ha elérhető", "Anunță-mă când revine în stoc",
     "Сообщить о поступлении", "Stoka girince haber ver", "Meddela mig när varan finns i lager",
     "Gi meg beskjed når varen er på lager", "Ilmoita kun tuote on saatavilla",
     "Avise-me quando disponível", "到货通知", "Ingatkan saya jika tersedia", "Báo khi có hàng",
     "أعلمني عند التوفر", "Email me when in stock", "Notify me when it's in stock",
     "Get in-stock alert", "Notify me of availability", "Bientôt en stock", "Réassort en cours",
     "E-Mail bei Verfügbarkeit", "Avísame cuando haya stock", "再入荷のお知らせ", "Restocking soon",
     "Auf die Warteliste", "Rejoindre la liste d'attente", "Apúntate a la lista de espera",
     "Get notified when it's back", "Prossimamente",
     "أخبرني عندما يتوفر", "Nachricht bei Verfügbarkeit", "Upozornit na dostupnost",
     "Email me when this arrives in stock", "We'll email you as soon as it's back",
     "Beri tahu saya", "Giv mig besked", "Houd mij op de hoogte", "Varsle meg", "Motta varsel",
     "Få besked", "Overvåk produktet", "Bevaka produkten", "Avisez-moi", "Me avise",
     "Informiere mich",
     # and in more languages, bare or saying when
     "Stokda olanda xəbər ver", "Mavjud bo'lganda xabar bering", "შემატყობინეთ", "Տեղեկացնել",
     "Nijulishe ikipatikana", "Abisuhan ako", "دستیاب ہونے پر مطلع کریں", "Jakinarazi",
     "Më njoftoni", "Teavita mind", "Paziņot man", "Pranešti man", "Obvesti me",
     "Obavijesti me", "Obavesti me", "Уведоми ме", "Известете ме", "Upozorniť ma",
     "Láta mig vita", "Maklumkan saya", "Thông báo cho tôi", "แจ้งเตือนฉัน", "입고 알림",
     "मुझे सूचित करें", "به من اطلاع بده", "Értesítsen", "Dejte mi vědět", "Notifícame",
     "Avisa-me", "Meld mij", "Giv besked", "Gi beskjed", "Ingatkan saya", "Benachrichtigt mich",
     # Thai "notify me when goods come in", "... when goods are back ready for sale" (a
     # Thai toy shop's button, after its "none")
     "แจ้งเตือนเมื่อสินค้าเข้า", "ไม่มี แจ้งเตือนฉันเมื่อมีของกลับมาพร้อมจำหน่าย"],
)  # fmt: skip
def test_a_promise_to_tell_when_it_is_back_in_many_languages(promise: str) -> None:
    assert offer(TITLE + PRICE + f'<button class="notify">{promise}</button>')[0] == "out_of_stock"


@pytest.mark.parametrize(
    "note",
    ["Out of stock - notify me", "Available soon", "Back soon", "Demnächst verfügbar",
     "Disponible prochainement", "Próximamente disponible", "Wkrótce dostępny",
     "Disponível em breve", "Скоро в продаже", "Binnenkort verkrijgbaar", "Snart i lager",
     "Restocking", "Being restocked", "Due in stock soon", "Expected in stock 12/03",
     "On order from supplier", "More on the way", "Im Zulauf", "Arriving soon", "Expected 12/03",
     "Dostępne wkrótce", "Expected in stock: 12/03", "Stock arriving soon",
     "Request a stock alert", "Stock coming soon", "Restock in progress",
     "Prochainement", "Kommer snart", "Em breve", "Wkrótce", "Tulossa",
     "Neuer Artikel in Kürze verfügbar", "Check back later!", "We're working hard to get more stock.",
     "Bientot disponible", "Proximamente", "Houd mij op de hoogte van beschikbaarheid",
     "Oczekiwanie na dostawę", "Oczekujemy na dostawę", "More on order",
     "Email me when this item is available to order", "Coming back soon",
     "Stock expected soon", "Stock expected 12/03",
     # "coming soon" in Indonesian, Turkish, Arabic, Chinese, Vietnamese, Japanese ("next
     # arrival due"), Hindi and Thai; Thai "goods about to come in"
     "Segera hadir", "Yakında", "Çok yakında", "قريباً", "即將上市", "敬请期待", "Sắp có hàng",
     "Hàng sắp về", "次回入荷予定：12月上旬", "जल्द ही आ रहा है", "เร็วๆ นี้", "สินค้ากำลังจะเข้า",
     "สินค้าจะเข้าเร็วๆ นี้",
     # "available soon" with "available" first, in Spanish, Italian, Norwegian and Danish
     # (not "available"), and Italian "again available soon", "arriving soon"
     "Disponible pronto", "Disponible muy pronto", "Disponibile a breve",
     "Disponibile prossimamente", "Prossimamente disponibile", "Snart tilgjengelig",
     "Snart tilgængelig", "Nuovamente disponibile a breve", "In arrivo a breve"],
)  # fmt: skip
def test_a_promise_for_later_is_out_of_stock_only_where_nothing_can_be_bought(note: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>')[0] == "out_of_stock"
    # Beside a button that takes orders, it speaks of one size or colour.
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>' + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "button",
    [
        "<button>Ielikt grozā</button>", "<button>Lisää ostoskoriin</button>",
        "<button>Naroči</button>", "<button>Adaugă în coș</button>", "<button>Satın Al</button>",
        "<button>放入購物車</button>", "<button>Añadir a la cesta</button>",
        '<a id="add-product" title="Ajouter à votre panier">Je fonce</a>',
        "<button>Bestellen</button>", "<button>Kup teraz</button>", "<button>Cumpără</button>",
        "<button>Αγορά</button>", "<button>أضف إلى السلة</button>", "<button>Mua ngay</button>",
        "<button>Pre-order</button>", "<button>Ajouter au chariot</button>",
        "<button>Add to Shopping Bag</button>", "<button>Do koszyka</button>",
        "<button>カートに追加</button>", "<button>In de winkelwagen</button>",
        "<button>In winkelmand</button>", "<button>Legg i handlevognen</button>",
        "<button>Læg i indkøbskurv</button>", "<button>Tilføj til kurv</button>",
        "<button>Adicionar à sacola</button>", "<button>Agregar a la bolsa</button>",
        "<button>เพิ่มลงรถเข็น</button>", "<button>Ajouter au sac</button>",
        "<button>Précommander</button>", "<button>Vorbestellen</button>",
        "<button>Lägg i kundvagn</button>", "<button>Lisää koriin</button>",
        "<button>Adaugă în coş</button>", "<button>הוספה לסל</button>",
        "<button>加入购物袋</button>", "<button>Beli</button>",
        '<a href="#">Aggiungi alla borsa</a>', '<a href="#">In den Korb</a>',
        '<a class="btn btn-primary" href="/carrinho/add/1">Comprar</a>',
        '<a class="button" href="/cart/add/1">Buy</a>',
        # a marketplace's "buy it now" link, in other words too
        '<a href="/bin/1">Buy It Now</a>', '<a href="/bin/1">Sofort-Kaufen</a>',
        '<a href="/bin/1">Achat immédiat</a>', '<a href="/bin/1">Cómpralo ya</a>',
        '<a href="/bin/1">Köp nu</a>', '<a href="/bin/1">Beli Sekarang</a>',
        '<a href="/bin/1">Купить в 1 клик</a>', '<a href="/bin/1">Bestel snel</a>',
        '<a href="/bin/1">Bestel direct</a>', '<a href="/bin/1">Bestel nu</a>',
        # Odoo's translators' "Buy now" and "Add to cart", a typo and all
        '<a href="/bin/1">COMPRAR ARA</a>', '<a href="/bin/1">اشترِ الآن</a>',
        '<a href="/bin/1">קנו עכשיו</a>', '<a href="/bin/1">Cumpără acum</a>',
        '<a href="/bin/1">ŞİMDİ AL</a>', '<a href="/bin/1">КУПИТИ ЗАРАЗ</a>',
        '<a href="/bin/1">馬上購買</a>', '<a href="#">Añadir a la carrito</a>',
        '<a href="#">Voeg toe aan mandje</a>', '<a href="#">Dodaj v voziček</a>',
        '<a href="#">เพิ่มในรถเข็น</a>',
        # a link to the cart's address for adding
        '<a href="/cart/add/1?deal=2">Buy <div>Processing... Please wait</div></a>',
        '<a href="/shop/?add-to-cart=12">Kaufen</a>',
        # a bid on an open auction
        '<a href="/bid/1">Place bid</a>', '<a href="/bid/1">Fai un’offerta</a>',
        '<a href="/bid/1">Gebot abgeben</a>', '<a href="/bid/1">Enchérir</a>',
        # themes' and platforms' translations of "Add to cart"; some hold a basket
        # link's words ("añadir al carrito" ends as "ir al carrito" does)
        "<button>Añadir al carrito</button>", "<button>Zum Warenkorb hinzufügen</button>",
        "<button>Añadir al carro</button>", "<button>Afegeix a la cistella</button>",
        "<button>Metti nel carrello</button>", "<button>Voeg toe aan winkelwagen</button>",
        "<button>In mijn winkelmandje</button>", "<button>Colocar no carrinho</button>",
        "<button>買い物かごに入れる</button>", "<button>カゴに入れる</button>",
        "<button>카트에 추가</button>", "<button>添加到购物车</button>",
        "<button>เพิ่มไปยังรถเข็น</button>", "<button>Adăugați în coș</button>",
        "<button>הוספה לעגלה</button>", "<button>إضافة إلى السلة</button>",
        "<button>أضف إلى عربة التسوق</button>", "<button>Lisa korvi</button>",
        "<button>कार्ट में जोड़ें</button>", "<button>افزودن به سبد خرید</button>",
        "<button>Sepete at</button>", "<button>Add to order</button>",
        "<button>Lägg till i varukorg</button>", "<button>Lägg till i kundvagnen</button>",
        "<button>Додај у корпу</button>",
        '<a href="#">Añadir al carrito</a>', '<a href="#">Toevoegen aan winkelwagen</a>',
        '<a href="#">Kosárba</a>', '<a href="#">장바구니에 추가</a>',
        '<a href="#">Aan winkelwagen toevoegen</a>', '<a href="#">Добавяне към количката</a>',
        '<a href="#">Hozzáadás a kosárhoz</a>', '<a href="#">Добави в количка</a>',
        '<a href="#">أضف لسلة التسوق</a>', '<a href="#">Αγορά Τώρα</a>',
        '<a href="#">اضافه کردن به سبد خرید</a>', '<a href="#">เพิ่มในตะกร้าสินค้า</a>',
        '<a href="#">Do nákupního košíku</a>', '<a href="#">A la cesta</a>',
        '<a href="#">Nel carrello</a>', '<a href="#">No carrinho de compras</a>',
        '<a href="#">Pridať do nákupného košíka</a>', '<a href="#">Alışveriş sepetine ekle</a>',
        '<a href="#">Додати до кошика</a>', '<a href="#">Добави в кошницата</a>',
        '<a href="#">Afegir al carret</a>', '<a href="#">加到購物車</a>',
        '<a href="#">הוסף לעגלת הקניות</a>', '<a href="#">কার্টে যোগ করুন</a>',
        '<a href="#">បន្ថែមចូលក្នុងកន្ត្រក</a>',
        # Sylius's and Cornerstone's; one with Arabic's optional doubling mark
        "<button>Føj til kurv</button>", "<button>Setja í körfu</button>",
        "<button>Сагсанд нэмэх</button>", "<button>Shto në kartë</button>",
        "<button>У кошик</button>", "<button>放进购物车</button>",
        "<button>أضف إلى السلّة</button>",
        # Django Oscar's and Aimeos's
        "<button>In Warenkorb legen</button>", "<button>Orgara gehitu</button>",
        "<button>Tambahkan pada keranjang</button>", "<button>Voeg aan winkelmand toe</button>",
        "<button>Adicionar à cesta</button>", "<button>添加至购物车</button>",
        "<button>კალათაში დამატება</button>", "<button>বাস্কেটে যোগ করুন</button>",
        "<button>バスケットに追加</button>",
        # WooCommerce's
        "<button>إضف إلى السلة</button>", "<button>Ychwanegu i'r fasged</button>",
        "<button>टोकरी में डाले</button>", "<button>კალათში დამატება</button>",
        "<button>ដាក់​ចូល​រទេះ</button>", "<button>Додади во кошничка</button>",
        "<button>Legg i korga</button>",
        # "buy" in Danish, and "order" alone
        "<button>Køb</button>", "<button>Commander</button>", "<button>Bestil</button>",
        "<button>Bestill</button>", "<button>Beställ</button>", "<button>Zamów</button>",
        "<button>Objednat</button>", "<button>Megrendelem</button>", "<button>Comandă</button>",
        "<button>Encomendar</button>", "<button>Sipariş ver</button>", "<button>Заказать</button>",
        "<button>Замовити</button>", "<button>注文する</button>", "<button>立即订购</button>",
        "<button>주문하기</button>", "<button>Đặt hàng</button>", "<button>اطلب الآن</button>",
        "<button>Gehitu saskira</button>", "<button>Engadir ao carro</button>",
        # Azerbaijani, Uzbek, Armenian, Swahili, Filipino, Urdu, Maltese, Kazakh, Tamil,
        # Khmer, Persian; "buy" in Dutch, Lithuanian, Latvian, Italian and Vietnamese
        "<button>Səbətə əlavə et</button>", "<button>Savatga qo'shish</button>",
        "<button>Ավելացնել զամբյուղ</button>", "<button>Ongeza kwenye kikapu</button>",
        "<button>Idagdag sa cart</button>", "<button>کارٹ میں شامل کریں</button>",
        "<button>Żid mal-karrettun</button>", "<button>Себетке қосу</button>",
        "<button>கூடையில் சேர்</button>", "<button>បន្ថែមទៅរទេះ</button>",
        "<button>اضافه به سبد</button>", "<button>Koop</button>", "<button>Nupirkti</button>",
        "<button>Pirkt</button>", "<button>Compra</button>", "<button>Mua</button>",
        # Hindi "buy", "buy now"; Arabic "purchase"
        "<button>खरीदें</button>", "<button>अभी खरीदें</button>", "<button>شراء</button>",
    ],
)  # fmt: skip
def test_buy_buttons_in_many_shops_words_take_orders(button: str) -> None:
    # Found as the buy button, it takes orders, so "back soon" speaks of another size.
    assert offer(TITLE + PRICE + '<p class="stock">Back soon</p>' + button)[0] == "in_stock"


def test_other_products_buttons_do_not_make_a_sold_out_product_buyable() -> None:
    """The product sold out shows no button of its own; the tiles of other products below
    it do, and no class or heading names them: the stale markup does not win."""
    tile = (
        '<li><a href="/p/{i}"><img src="{i}.jpg"></a><a href="/p/{i}">Lampe {i}</a>'
        "<span>{i}9,00 €</span><button>In den Warenkorb</button></li>"
    )
    tiles = "<ul>" + "".join(tile.format(i=i) for i in range(1, 5)) + "</ul>"
    stale = json_ld({"availability": "https://schema.org/InStock"})
    assert offer(TITLE + PRICE + "<p>Ausverkauft</p>" + tiles, stale)[0] == "out_of_stock"
    # Its own button, there, still takes orders.
    own = '<button class="add-to-cart">In den Warenkorb</button>'
    assert offer(TITLE + PRICE + own + tiles, stale)[0] == "in_stock"


def test_a_gallery_s_zoom_link_beside_the_button_makes_no_tile_of_its_column() -> None:
    """Three columns alike, the title in one, the picture (linked to its larger file),
    price and button in the next: the button is the product's own."""
    columns = (
        f'<div class="row"><div class="col">{TITLE}</div><div class="col">'
        f'<a href="/media/lampe-gross.jpg"><img src="/media/lampe.jpg"></a>{PRICE}'
        '<p class="stock">Auf Lager</p><button>In den Warenkorb</button></div>'
        '<div class="col"><p>Kostenlose Rücksendung</p></div></div>'
    )
    stale = json_ld({"availability": "https://schema.org/OutOfStock"})
    assert offer(columns, stale)[0] == "in_stock"


def test_another_product_s_card_says_nothing_of_this_one() -> None:
    """One card, a picture linking to the other product's page with its name, price and
    status, beside the product's own: no class, heading or list says it is another's."""
    card = (
        '<div><a href="/p/schirm"><img src="schirm.jpg"><span>Lampenschirm</span>'
        "<span>12,00 €</span><span>Ausverkauft</span></a></div>"
    )
    assert offer(TITLE + PRICE + card + BUTTON)[0] == "in_stock"
    # Its own picture, linked to its larger file, with the badge on it, does say.
    badge = '<a href="/media/lampe.jpg"><img src="lampe.jpg"><span>Ausverkauft</span></a>'
    assert offer(TITLE + badge + PRICE)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "sold_out_class",
    ["tile", "tile ", "tile sold-out", "tile is-soldout", "tile tile--unavailable"],
)
@pytest.mark.parametrize("own_button", [BUTTON, ""])
def test_other_products_tiles_speak_of_themselves_whatever_marks_the_sold_out_one(
    sold_out_class: str, own_button: str
) -> None:
    """Tiles of other products below the product, no class or heading naming them: the
    sold-out one classed apart ("tile sold-out", or a template's stray space), its name
    unlinked beside a linked picture, its own greyed-out button near the title."""

    def tile(name: str, classes: str, status: str) -> str:
        return (
            f'<div class="{classes}"><a href="/p/{name}"><img src="/{name}.jpg"></a>'
            f"<h3>{name}</h3><span class='price'>12,00 €</span>{status}</div>"
        )

    for status in ("<span>Ausverkauft</span>", '<button class="btn" disabled>Ausverkauft</button>'):
        tiles = tile("schirm", "tile", "") + tile("kabel", sold_out_class, status)
        tiles += tile("birne", "tile", "")
        body = f'<div class="product">{TITLE}{PRICE}{own_button}</div><div>{tiles}</div>'
        assert offer(body)[0] == "in_stock"


@pytest.mark.parametrize(
    "card",
    [
        # an accessory's card: no link, its own picture, name and price
        '<div><img src="/schirm.jpg"><span>Lampenschirm</span><span>12,00 €</span>'
        "<span>Ausverkauft</span></div>",
        # a part of a set, with its own sold-out button
        '<div class="set"><h3>Komplettiere das Set</h3><div><img src="/birne.jpg">'
        '<span>Glühbirne</span><span>4,99 €</span><button class="btn" disabled>Ausverkauft'
        "</button></div></div>",
    ],
)
@pytest.mark.parametrize("own_button", [BUTTON, ""])
def test_another_product_s_card_beside_the_price_speaks_of_itself(
    card: str, own_button: str
) -> None:
    body = f'<div class="product">{TITLE}{PRICE}{own_button}</div>{card}'
    assert offer(body)[0] == "in_stock"


def test_a_bar_repeating_the_product_s_picture_and_price_is_the_product_s() -> None:
    bar = (
        '<div class="sticky-bar"><img src="/lampe.jpg"><span>Lampe Atelier</span>'
        '<span>89,00 €</span><button class="btn" disabled>Ausverkauft</button></div>'
    )
    assert offer(f'<div class="product">{TITLE}{PRICE}</div>{bar}')[0] == "out_of_stock"


def test_woocommerce_s_tiles_are_alike_though_each_names_its_own_post() -> None:
    def tile(post: int, stock: str, status: str = "") -> str:
        return (
            f'<div class="product type-product post-{post} status-publish {stock}">'
            f'<a href="/p/{post}"><img src="/{post}.jpg"></a><a href="/p/{post}">Leuchte {post}'
            f'</a><span class="price">12,00 €</span>{status}</div>'
        )

    greyed = '<button class="button" disabled>Ausverkauft</button>'
    tiles = tile(11, "instock") + tile(12, "outofstock", greyed) + tile(13, "instock")
    body = f'<div class="summary">{TITLE}{PRICE}</div><div class="products">{tiles}</div>'
    assert offer(body)[0] == "in_stock"


@pytest.mark.parametrize(
    "frame",
    ['<header><a class="header-cart" href="/cart">Warenkorb</a></header>',
     '<div class="site-header"><button class="cart-toggle">Warenkorb</button></div>',
     '<nav><a class="btn" href="/gift">Buy gift cards</a></nav>'],
)  # fmt: skip
def test_the_page_s_header_sells_nothing_of_the_product(frame: str) -> None:
    """A sold-out page keeps its header's basket; stale markup says in stock."""
    stale = json_ld({"availability": "https://schema.org/InStock"})
    body = f"{frame}<main>{TITLE}<p>Ausverkauft</p><div><div>{PRICE}</div></div></main>"
    assert offer(body, stale)[0] == "out_of_stock"
    # A buy box set aside from the title still sells it.
    aside = f"<main>{TITLE}{PRICE}</main><aside><p>Ausverkauft</p>{BUTTON}</aside>"
    assert offer(aside, stale)[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    ['<p class="stock">Out of stock</p>', '<button class="notify">Notify me when available</button>',
     '<button class="add-to-cart" disabled>Sold out</button>'],
)  # fmt: skip
def test_another_product_s_card_alone_sells_nothing_of_the_product(status: str) -> None:
    """One card under a sold-out product (a gift card, "complete the look"): its picture
    and name link to its page, its price and button beside them. Stale markup says in stock."""
    stale = json_ld({"availability": "https://schema.org/InStock"})
    card = (
        '<div class="promo"><a href="/p/gift-card?ref=picture"><img src="/i/gift.jpg"></a>'
        '<a href="/p/gift-card?ref=name">Gift card</a><span>25,00 €</span>'
        '<button class="add-to-cart">In den Warenkorb</button></div>'
    )
    assert offer(TITLE + PRICE + status + "<div><div>" + card + "</div></div>", stale)[0] == (
        "out_of_stock"
    )
    # The product's own buy box, a card put under its button, still sells it.
    assert offer(TITLE + PRICE + f"<div>{BUTTON}{card}</div>", stale)[0] == "in_stock"
    # ... and so does one linking to several pages (ways to pay, each a logo and a name).
    pay = (
        '<a href="/pay/a"><img src="/i/a.png"></a><a href="/pay/a">Card A</a>'
        '<a href="/pay/b"><img src="/i/b.png"></a><a href="/pay/b">Card B</a>'
    )
    assert offer(TITLE + f'<div class="box">{PRICE}{pay}{BUTTON}</div>', stale)[0] == "in_stock"


def test_a_sold_out_button_a_column_away_from_the_title_is_the_product_s() -> None:
    """The buy box stands in a column of its own, far in tree steps from the title and the
    price; sold out, its only button says so. A store's row on a comparison page does not
    speak for the product."""

    def nested(html: str, levels: int) -> str:
        return "".join(f'<div class="c{i}">' for i in range(levels)) + html + "</div>" * levels

    sold_out = '<button class="x" disabled>Sold out</button>'
    buy_box = "<div><p>…</p>" * 6 + sold_out + "</div>" * 6
    page = f"<main>{nested(TITLE + PRICE, 6)}{buy_box}</main>"
    assert offer(page)[0] == "out_of_stock"
    stores = (
        "<div><p>…</p>" * 6
        + "<table><tr><td>Store A</td><td>89,00 €</td><td>Auf Lager</td></tr>"
        + f"<tr><td>Store B</td><td>92,00 €</td><td>{sold_out}</td></tr></table>"
        + "</div>" * 6
    )
    assert offer(f"<main>{nested(TITLE + PRICE, 6)}{stores}</main>")[0] == "in_stock"


@pytest.mark.parametrize(
    "cart",
    ['<a href="/koszyk">Przejdź do koszyka</a>', '<a class="viewCartBtn" href="/cart">Voir le panier</a>',
     '<a class="btn" href="/cart">View cart</a>', '<button class="cart">Zum Warenkorb</button>',
     '<a class="btn" href="/carrito">Ir al carrito</a>', '<button class="cart">Zur Kasse</button>'],
)  # fmt: skip
def test_a_link_to_the_cart_is_no_buy_button(cart: str) -> None:
    assert offer(TITLE + PRICE + '<p class="stock">Back soon</p>' + cart)[0] == "out_of_stock"


def test_coming_soon_is_out_of_stock_until_it_can_be_ordered() -> None:
    soon = '<p class="stock-status">COMING SOON</p>'
    assert offer(TITLE + PRICE + soon) == ("out_of_stock", ())
    pre_order = '<button class="add-to-cart">Pre-order now</button>'
    assert offer(TITLE + PRICE + soon + pre_order) == ("in_stock", ("pre-order",))
    ended = '<p class="stock-status">Sales period has ended</p>'
    assert offer(TITLE + PRICE + ended)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "note",
    [
        "Hurry, almost sold out!", "Fast ausverkauft", "Presque épuisé", "Casi agotado",
        "Bijna uitverkocht", "Back in stock!", "Wieder verfügbar",
        "Out of stock items are shipped separately.", "Sold out online? Try your local store",
        "Stock: 0-5", "Wieder auf Lager", "Lieferzeit bei Verfügbarkeit: 2-3 Tage",
        "Sold out in 24h last time – restocked!", "No stock photos – real product pictures",
        "暂无库存信息",
        # Thai "expiry date", "no free gift", "pay when the goods arrive"; an Indonesian
        # label "availability" holding "available"; a count of some
        "วันหมดอายุ: 12/2027", "ของหมดอายุ 2027", "ไม่มีของแถม", "ชำระเงินเมื่อสินค้าถึง",
        "Ketersediaan: Tersedia", "Stok: 10", "库存: 12", "สต็อก: 10",
        "Số lượng còn lại: 5", "أوشك على النفاد",
    ],
)  # fmt: skip
def test_notes_of_a_product_on_sale_now_are_not_sold_out(note: str) -> None:
    # Stock running low, just come back, a shop policy, a question: the page still sells.
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>')[0] == "in_stock"


@pytest.mark.parametrize(
    "note",
    ["Bald ausverkauft", "Bientôt épuisé", "Majdnem elfogyott", "Aproape epuizat",
     "Почти распродано", "Nästan slutsåld", "Næsten udsolgt", "Melkein loppuunmyyty",
     "Hampir habis", "Sắp hết hàng", "Σχεδόν εξαντλημένο", "Quase esgotada", "Casi agotada",
     "Quasi esaurita", "Майже розпродано", "Sold out 3 times!", "Sold out twice",
     "Never sold out", "Previously sold out", "Sold out last season", "5x sold out",
     "完売間近", "快要售完", "Bientôt en rupture", "Sold out soon", "Wkrótce wyprzedane",
     "Last restock sold out in 2 days", "Only 2 left before it's sold out",
     "Sold out before! Get yours now", "Bestseller – war schon 3x ausverkauft",
     "Was sold out, now back in stock", "Nicht mehr lange verfügbar",
     "Plus pour longtemps en stock", "Not available much longer", "Never out of stock",
     "Sold out everywhere else", "Nuevamente disponible", "Di nuovo disponibile",
     "De nouveau disponible", "Weer op voorraad", "Ponownie dostępny", "Plus que 2 en stock",
     "Plus qu'un article en stock", "Nesten utsolgt", "品切れ寸前", "Tillbaka i lager",
     "Peaaegu välja müüdud", "Skoraj razprodano", "Takmer vypredané", "Beveik išparduota",
     "Gandrīz izpārdots", "כמעט אזל", "Gotovo rasprodano", "Lähes loppuunmyyty",
     "Næstum uppselt", "أوشك على النفاد", "Our summer drop sold out fast!",
     "Sold out quickly last time", "The first batch sold out"],
)  # fmt: skip
def test_stock_running_low_in_many_languages_is_still_on_sale(note: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>' + GREYED)[0] == "in_stock"


@pytest.mark.parametrize(
    "talk",
    [
        # a question, and its answer, about the stock
        "Q: When will black be back in stock? A: Next week.",
        "Ausverkauft? Kein Problem – wir benachrichtigen Sie", "Sold out? Never again.",
        "¿Agotado? Te avisamos", "売り切れ？再入荷をお知らせします",
        # the past, as a shopper tells it
        "Was out of stock for months, finally got one", "It was sold out everywhere, so glad",
        "War wochenlang ausverkauft, endlich da", "Était épuisé partout, enfin reçu",
        "Het was uitverkocht maar nu binnen", "Estava esgotado há meses, finalmente chegou",
        "Był wyprzedany przez miesiąc, w końcu mam",
        # a filter and its count
        "Exclude out of stock", "Include sold out items", "Out of stock (5)", "Sold out (12)",
        # what a policy says of sold-out items in general
        "Sold-out items cannot be reserved", "Out-of-stock products ship separately",
        "Los productos agotados no se pueden reservar. Consulte en tienda.",
        "Ausverkaufte Artikel können nicht reserviert werden.",
        # a site's feature
        "Out of stock alerts", "Sold out notifications",
        # Japanese "about shortages", sold-out or ended goods as a kind, "in stock or not"
        # (a label); Turkish "products taken off sale"
        "欠品・返品について", "在庫切れについて", "終売品", "取扱終了品一覧", "ソールドアウト商品",
        "在庫有無", "Satıştan kaldırılan ürünler",
    ],
)  # fmt: skip
def test_talk_about_stock_beside_a_working_button_is_no_status(talk: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{talk}</p>" + BUTTON)[0] == "in_stock"
    # ...nor where scripts draw the buy button, so the saved page has none
    assert offer(TITLE + PRICE + f"<p>{talk}</p>")[0] == "in_stock"


@pytest.mark.parametrize(
    "message",
    [
        "Sorry, we are currently out of stock. Please check back later for availability.",
        "Out of stock. We expect new stock in the coming weeks, sign up below to hear first.",
        "Leider ausverkauft! Wir bekommen keine neue Ware mehr von diesem Hersteller herein.",
        "Agotado temporalmente. Estamos esperando una nueva entrega de nuestro proveedor.",
        "売り切れました。次回の入荷は未定です。ご了承くださいますようお願い申し上げます。",
        # a message short enough to be a phrase, whose whole says nothing
        "Sorry, this one has sold. Browse similar items below.",
    ],
)
def test_a_message_opening_with_a_status_says_it_where_nothing_can_be_bought(
    message: str,
) -> None:
    assert offer(TITLE + PRICE + f"<p>{message}</p>")[0] == "out_of_stock"
    assert offer(TITLE + PRICE + f"<p>{message}</p>" + GREYED)[0] == "out_of_stock"
    # A paragraph (a description, a policy) is no message about the stock.
    paragraph = message + " Lorem ipsum dolor sit amet, consectetur adipiscing elit." * 6
    assert offer(TITLE + PRICE + f"<p>{paragraph}</p>")[0] == "in_stock"


@pytest.mark.parametrize(
    "status", ["Not available for order", "Not available for purchase", "Unavailable to order"]
)
def test_unavailable_for_a_way_of_buying_says_out_of_stock_where_nothing_can_be_bought(
    status: str,
) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>')[0] == "out_of_stock"


@pytest.mark.parametrize(
    "talk",
    ["Was out of stock. Now back!", "Sold out last time! Don't miss out this season.",
     "Size M sold out. Sizes S and L in stock.", "Out of stock in black. Available in white.",
     "Sold out in store. Available online.", "Almost sold out. Only 2 left."],
)  # fmt: skip
def test_a_message_about_other_times_sizes_or_places_says_nothing(talk: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{talk}</p>")[0] == "in_stock"


def test_a_status_said_in_the_past_or_with_a_count_of_its_own_still_counts() -> None:
    # Not talk: the shop's own status, closing a sentence, or with a date or a size count.
    for status in ("This item was sold out.", "Sold out (all sizes)", "Ausverkauft!"):
        assert offer(TITLE + PRICE + f"<p>{status}</p>" + GREYED)[0] == "out_of_stock", status


@pytest.mark.parametrize("name", ["Casio", "Quasimodo", "Skorowidz"])
def test_a_word_for_almost_inside_another_word_is_not_stock_running_low(name: str) -> None:
    status = f'<p class="stock">{name}: ausverkauft</p>'
    assert offer(TITLE + PRICE + status + GREYED)[0] == "out_of_stock"


def test_a_size_sold_out_in_the_picker_is_not_the_product_sold_out() -> None:
    picker = '<select name="size"><option>S</option><option>M - Sold out</option></select>'
    swatches = '<ul class="swatches"><li><span>S</span><span>Sold out</span></li></ul>'
    assert offer(TITLE + PRICE + picker + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + swatches + BUTTON)[0] == "in_stock"
    radios = (
        '<fieldset><input type="radio" id="xl" name="size"><label for="xl">XL <em>Sold out</em>'
        '</label></fieldset><div role="radiogroup"><div role="radio">Blue - Out of stock</div></div>'
    )
    assert offer(TITLE + PRICE + radios + BUTTON)[0] == "in_stock"
    # A note naming a size or colour, outside any picker, where the product can be bought.
    for note in (
        "XL sold out",
        "Sold out in red",
        "Black: out of stock",
        "M - Ausverkauft",
        "Sold out in M, L",
        "Sold out in Large",
        "Out of stock in size S",
        "EU 42 — Sold out",
        "M is sold out",
        "42 is sold out",
        "Small is sold out",
    ):
        assert offer(TITLE + PRICE + f"<p>{note}</p>" + BUTTON)[0] == "in_stock", note
        # ...nor where scripts draw the buy button, so the saved page has none
        assert offer(TITLE + PRICE + f"<p>{note}</p>")[0] == "in_stock", note
    assert offer(TITLE + PRICE + "<p>Sold out in 42</p>" + BUTTON)[0] == "in_stock"
    # The only size there is: the product.
    assert offer(TITLE + PRICE + "<p>One size: sold out</p>")[0] == "out_of_stock"


@pytest.mark.parametrize(
    "said",
    ["<h1>Blue Lamp (Sold out)</h1>", "<h1>SOLD OUT – Black Wallet</h1>",
     "<h1>Blue Lamp</h1><p>Blue Lamp is sold out</p>", "<h1>Lampe Schwarz</h1><p>Lampe Schwarz: ausverkauft</p>"],
)  # fmt: skip
def test_a_colour_in_the_product_s_own_name_does_not_make_its_status_a_colour_s(said: str) -> None:
    # Names hold colours ("Blue Lamp"); where a status names the product, it is the product's.
    assert offer(said + PRICE)[0] == "out_of_stock"


def test_a_colour_the_name_does_not_hold_or_a_colour_and_size_alone_are_a_choice_s() -> None:
    assert offer("<h1>Blue Lamp</h1><p>Red lamp: sold out</p>" + PRICE + BUTTON)[0] == "in_stock"
    assert offer("<h1>Tee – Black / XL</h1><p>Black / XL: sold out</p>" + PRICE)[0] == "in_stock"
    assert offer("<h1>Black / XL – sold out</h1>" + PRICE)[0] == "in_stock"


@pytest.mark.parametrize(
    "picker",
    [
        '<select name="size"><option value="">Choose a size</option>'
        "<option disabled>40 - Sold out</option><option disabled>41 - Sold out</option></select>",
        '<div class="sizes"><button class="size" disabled>40 <span>sold out</span></button>'
        '<button class="size" disabled>41 <span>sold out</span></button></div>',
        '<div class="swatches"><a href="?c=blue" aria-label="Blue - sold out"></a>'
        '<a href="?c=red" aria-label="Red - sold out"></a></div>',
        '<select name="size"><option>One size - Sold out</option></select>',
    ],
)
def test_a_picker_whose_every_choice_is_sold_out_says_the_product_is(picker: str) -> None:
    assert offer(TITLE + PRICE + picker + GREYED)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + picker)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "picker",
    [
        '<select name="size"><option disabled>40 - Sold out</option>'
        "<option disabled>41 - Sold out</option><option disabled>42 - Sold out</option></select>",
        '<div class="sizes"><button class="size">40 <span>sold out</span></button>'
        '<button class="size">41 <span>sold out</span></button></div>',
        '<div class="swatches"><a href="?c=blue" aria-label="Blue - sold out"></a>'
        '<a href="?c=red" aria-label="Red - sold out"></a></div>',
    ],
)
def test_every_choice_sold_out_outvotes_a_template_s_buy_button(picker: str) -> None:
    """Themes print "Add to cart" whatever their scripts will make of it: two or more
    choices, all sold out, say the product is."""
    assert offer(TITLE + PRICE + picker + BUTTON)[0] == "out_of_stock"
    # Markup that says it is in stock still decides, as beside any status.
    assert offer(TITLE + PRICE + picker + BUTTON, json_ld({"availability": "InStock"}))[0] == (
        "in_stock"
    )
    # One choice alone may be the one size of several a theme lists.
    one = '<select name="size"><option>XL - Sold out</option></select>'
    assert offer(TITLE + PRICE + one + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "picker",
    [
        '<select name="size"><option disabled>40 - Sold out</option><option>41</option></select>',
        '<div class="sizes"><button class="size" disabled>40 <span>sold out</span></button>'
        '<button class="size">41 <span>almost sold out</span></button></div>',
    ],
)
def test_a_picker_with_a_choice_left_is_still_on_sale(picker: str) -> None:
    # Disabled until a size is chosen.
    assert offer(TITLE + PRICE + picker + GREYED)[0] == "in_stock"


def test_a_block_named_for_variants_holding_other_offers_is_no_picker() -> None:
    offers = (
        '<div class="variants"><table><tr><td><a href="/go/1">Lampe Atelier, weiß, von '
        "Lichtladen</a> Versand: 4-7 Werktage, out of stock, 92,00 €</td></tr></table></div>"
    )
    assert offer(TITLE + PRICE + offers)[0] == "in_stock"


@pytest.mark.parametrize(
    "choices",
    [
        # a drop-down a theme draws itself
        '<ul class="dropdown"><li>Sand</li><li>Olive - Sold out</li></ul>',
        # a row of size buttons, a tooltip beside the one sold out, or inside it
        '<div class="sizes"><button class="size">S</button><button class="size" disabled>XL'
        '</button><span class="tooltip">Sold out</span></div>',
        '<div><button type="button">S</button><button type="button">M</button>'
        '<button type="button" aria-disabled="true">L <span>Sold out</span></button></div>',
        # pictures linking to each colour's page
        '<div class="colours"><a href="/atelier-red"><img src="red.jpg" alt="Red"></a>'
        '<a href="/atelier-blue"><img src="blue.jpg" alt="Blue"><span>Sold out</span></a></div>',
        # the sold-out choice marked by a class of its own, which its siblings lack
        '<ul class="colours"><li><a href="#">Rot</a></li><li class="soldout"><a href="#">Blau'
        ' <span class="sr-only">Sold out</span></a></li></ul>',
        '<div class="opts"><button type="button" class="opt">Klein</button>'
        '<button type="button" class="opt unavailable">Groß <span>Sold out</span></button></div>',
        '<div class="opts"><a href="#" class="opt">Klein</a><a href="#" class="opt out">Groß'
        " <small>Out of stock</small></a></div>",
    ],
)
def test_a_choice_sold_out_in_a_list_a_theme_draws_itself_is_not_the_product_sold_out(
    choices: str,
) -> None:
    assert offer(TITLE + PRICE + choices + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "links",
    [
        # a shop's menu beside the title, with a collection of what has sold out
        '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/lamps">Lamps</a></li>'
        '<li><a href="/collections/sold-out">Sold Out</a></li></ul>',
        # a breadcrumb through that collection
        '<ol class="crumbs"><li><a href="/">Home</a></li><li><a href="/archive">Sold out'
        "</a></li><li>Lampe Atelier</li></ol>",
    ],
)
def test_a_list_s_link_to_another_page_names_that_page_not_a_status(links: str) -> None:
    assert offer(links + TITLE + PRICE + BUTTON)[0] == "in_stock"
    # linking to a part of this page, it is this page's status
    here = links.replace("/collections/sold-out", "#stock").replace("/archive", "#stock")
    assert offer(here + TITLE + PRICE)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "details",
    [
        '<ul><li class="sku">SKU: 123</li><li class="stock out">Sold out</li></ul>',
        '<ul class="details"><li>Lampe Atelier</li><li class="soldout">Sold out</li></ul>',
        # two statuses name nothing besides themselves
        "<ul><li>Art.-Nr. 4411</li><li>Ausverkauft – nicht lieferbar</li></ul>",
        '<div><button class="btn sold-out" disabled>Sold out</button>'
        '<button class="btn wish">Auf den Merkzettel</button></div>',
    ],
)
def test_the_product_s_own_status_among_its_details_or_buttons_is_no_choice(
    details: str,
) -> None:
    assert offer(TITLE + PRICE + details)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "rows",
    [
        "<table><tr><th>Finish</th><th>Stock</th></tr><tr><td>Brass</td><td>Out of stock</td>"
        "</tr><tr><td>Chrome</td><td>In stock</td></tr></table>",
        "<table class='stores'><tr><td>Downtown</td><td>Out of stock</td></tr>"
        "<tr><td>Uptown</td><td>In stock</td></tr></table>",
        # the sold-out row marked by a class of its own
        "<table><tr><td>Downtown</td><td>In stock</td></tr>"
        "<tr class='oos'><td>Uptown</td><td>Out of stock</td></tr></table>",
        # a status as the template writes it, with no-break spaces
        "<table><tr><td>Brass</td><td>Out&nbsp;of&nbsp;stock</td></tr><tr><td>Chrome</td>"
        "<td>In stock</td></tr></table>",
        # a legend of what each status means, its names styled deep in their cells
        "<table><tr><th><div class='left'><b><span>In stock</span></b></div></th>"
        "<td>Ships in 1-3 days.</td></tr><tr><th><div class='left'><b><span>Out of stock"
        "</span></b></div></th><td>Not available on the website.</td></tr></table>",
    ],
)
def test_rows_that_disagree_speak_each_of_itself(rows: str) -> None:
    """A variant's or a store's row says its own status; where every row says sold out,
    the product is."""
    assert offer(TITLE + PRICE + rows + BUTTON)[0] == "in_stock"
    gone = rows.replace("In stock", "Out of stock").replace("Available", "Sold out")
    assert offer(TITLE + PRICE + gone + BUTTON)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "label",
    ["Notify me", "Email me", "Benachrichtigen", "M'avertir", "Avísame", "Powiadom mnie",
     "Remind me", "M'alerter", "Erinnere mich", "Get notified", "Let me know",
     "Benachrichtigung anfordern", "Mail mij bij voorraad", "Påminn mig", "Értesítést kérek",
     "Register your interest", "Pre-register", "Request restock", "Request a restock",
     "Ειδοποίησέ με", "Beritahu saya", "أعلمني", "עדכנו אותי"],
)  # fmt: skip
def test_a_bare_notify_me_button_in_the_buy_button_s_place_is_out_of_stock(label: str) -> None:
    assert offer(TITLE + PRICE + f'<button class="btn">{label}</button>')[0] == "out_of_stock"
    # ...or beside a greyed-out one.
    assert offer(TITLE + PRICE + GREYED + f'<button class="btn">{label}</button>')[0] == (
        "out_of_stock"
    )
    # Beside a buy button, it is one size's, and beside a greyed-out one where the markup
    # says the product is in stock (the button waits for a size to be chosen); as text, or
    # about the price, it is no status.
    assert offer(TITLE + PRICE + f"<button>{label}</button>" + BUTTON)[0] == "in_stock"
    in_stock = json_ld({"availability": "InStock"})
    notify = f'<button class="btn">{label}</button>'
    assert offer(TITLE + PRICE + GREYED + notify, in_stock)[0] == "in_stock"
    assert offer(TITLE + PRICE + GREYED + "<p>Notify me when available</p>", in_stock)[0] == (
        "in_stock"
    )
    assert offer(TITLE + PRICE + f"<p>{label}</p>")[0] == "in_stock"
    alert = '<button class="btn">Notify me of price drops</button>'
    assert offer(TITLE + PRICE + alert)[0] == "in_stock"


def test_a_details_list_naming_the_status_the_product_or_its_price_is_the_product_s() -> None:
    for item in (
        "Availability: out of stock",
        "Lampe Atelier – ausverkauft",
        "Sold out",
        "89,00 € – sold out",
    ):
        details = f"<ul><li>SKU: LA-1</li><li>{item}</li></ul>"
        assert offer(TITLE + PRICE + details + BUTTON)[0] == "out_of_stock", item


def test_what_is_not_a_status_of_the_product() -> None:
    notify = '<a class="notify">Notify me when it is back in stock</a>'
    assert offer(TITLE + PRICE + BUTTON + notify)[0] == "in_stock"
    image = '<p class="gallery">Image not available</p>'
    assert offer(TITLE + PRICE + BUTTON + image)[0] == "in_stock"
    for elsewhere in (
        "This product is currently unavailable to pick up at nearby stores.",
        "Sold out in stores",
        "Click & collect: unavailable",
        "Out of stock near you",
        "Ship to home: out of stock",
        "Warranty: not available",
        "Shipping: not available",
        "Expressversand nicht verfügbar",
        "Geschenkverpackung nicht verfügbar",
        "Paiement en 3 fois indisponible",
        "Garantía no disponible",
        "Gift wrap: no",
        "Gift box: sold out",
        "Delivery: none",
        "Trade-in: not available",
        "Subscription: sold out",
        "Rental: unavailable",
        "Rent: not available",
        "Leasing: nicht verfügbar",
        "Protection plan: not available",
        "Gift message: unavailable",
        "Bulk pricing: not available",
        "Afterpay: unavailable",
        "Gravur: nicht verfügbar",
        # a promotion's
        "Flash sale ended",
        "Free tote bag with orders over €50 — sold out",
        "Rabattcode nicht verfügbar",
        "Raty niedostępne",
        "This deal is sold out",
        "Lightning deal: sold out",
        "This deal is currently unavailable",
        "Aktion ausverkauft",
        "Gratis-Zugabe vergriffen",
        "Many items sold out!",
        # a sample or swatch of it, or one colour
        "Sample sold out",
        "Swatches sold out",
        "Nicht in Rot verfügbar",
        # one choice named before its status: a colour in any of the lists' languages, a
        # capacity or measure, a bed's size, a fit, a hand, a wood
        "Preto: Esgotado",
        "Marrón: agotado",
        "Grigio: esaurito",
        "Anthrazit: ausverkauft",
        "Czarny - wyprzedane",
        "Burgundy - sold out",
        "Space Grey - out of stock",
        "128GB: Sold out",
        "500 ml – out of stock",
        "W32 L34 - sold out",
        "Queen – Sold out",
        "Wide fit: out of stock",
        "Left-handed: sold out",
        "Walnut finish – sold out",
        # the product's accessories or spare parts, or the model it replaces
        "Accessories: out of stock",
        "Ersatzteile nicht mehr lieferbar",
        "Replaces discontinued model X200",
        "The previous version sold out in 2 days",
        # the page's reviews, video, engraving or returns
        "Reviews are temporarily unavailable",
        "Video currently unavailable",
        "Engraving is currently unavailable",
        "Personalisation currently unavailable",
        "Returns are currently unavailable for this item",
        "Retour non disponible",
        "Devolución no disponible",
        "Rückgabe nicht verfügbar",
        # a boast of what is to come
        "Once it's sold out, it's gone",
        # another condition or format of it: a used one, the audiobook
        "Pre-owned: Out of stock",
        "Refurbished: Currently unavailable",
        "Open box: sold out",
        "Warehouse deal: sold out",
        "Audiobook: currently unavailable",
        "Hardcover: out of print",
        "Gebraucht: nicht verfügbar",
        "Taschenbuch: nicht lieferbar",
        # a companion product, a bundle or a set it comes in
        "Matching pillowcase: out of stock",
        "Replacement bulbs: sold out",
        "Refills: out of stock",
        "Bundle sold out",
        "Accessory kit: sold out",
        "Gift set – currently unavailable",
        "Pack of 3: out of stock",
        "Pre-owned – out of stock",
        # what comes with it or beside it: an add-on, a spare, a gift, a signed copy
        "Add-on: lamp shade — sold out",
        "Optional extra: spare bulb (out of stock)",
        "Spare bulbs: out of stock",
        "Bulb not included (sold out)",
        "Shade sold separately - currently unavailable",
        "Batteries (sold out)",
        "Free tote bag: sold out",
        "Gift with purchase: out of stock",
        "Signed copy: sold out",
        "Early bird price sold out",
        "Launch offer: sold out",
        "Buy 2 save 10% — sold out",
        "Multi-buy: out of stock",
        "Case: out of stock",
        "Remote control sold out",
        # another edition, named before the status
        "Limited edition version sold out",
        "Versione digitale non disponibile",
        "Édition collector épuisée",
    ):
        assert offer(TITLE + PRICE + f"<p>{elsewhere}</p>" + BUTTON)[0] == "in_stock", elsewhere
        # ...or its label and value in a pair of their own
        label, colon, value = elsewhere.partition(": ")
        if colon:
            for pair in (f"<dl><dt>{label}</dt><dd>{value}</dd></dl>",
                         f"<div><span>{label}</span> <span>{value}</span></div>"):  # fmt: skip
                assert offer(TITLE + PRICE + pair + BUTTON)[0] == "in_stock", pair
    for hiding in (
        'class="stock hidden"', 'class="d-none"', "hidden", 'style="display: none"',
        'class="stock ng-hide"', 'class="js-hidden"', 'class="u-hidden"',
    ):  # fmt: skip
        assert offer(TITLE + PRICE + f"<p {hiding}>Out of stock</p>" + BUTTON)[0] == "in_stock"
    # Hidden on small screens only: shown on the page the shopper reads.
    assert offer(TITLE + PRICE + '<p class="hidden-xs">Out of stock</p>' + BUTTON)[0] == (
        "out_of_stock"
    )
    # ...but an accessory's page says so of itself, and a model replaced by another is gone.
    for itself in (
        "This accessory is sold out",
        "Replaced by model X300 - discontinued",
        "This version is sold out",
        "Standard edition: sold out",
        "This set is sold out",
        "This case is sold out",
    ):
        assert offer(TITLE + PRICE + f"<p>{itself}</p>" + GREYED)[0] == "out_of_stock", itself
    # ...and a page selling the used or the audiobook one names it in its title.
    for title in (
        "Refurbished Lampe Atelier", "Lampe Atelier (Audiobook)", "Lampe Atelier Kit",
        "Lampe Atelier Case",
    ):  # fmt: skip
        status = f"<p>{title.split()[-1].strip('()')}: sold out</p>"
        assert offer(f"<h1>{title}</h1>" + PRICE + status + GREYED)[0] == "out_of_stock", title
    # A field's name in the product details: "Discontinued by manufacturer: No".
    details = "<table><tr><th>Is Discontinued By Manufacturer :</th><td>No</td></tr></table>"
    assert offer(TITLE + PRICE + details)[0] == "in_stock"
    far = "<div>" * 8 + '<p class="tile">Lampe Mini — out of stock</p>' + "</div>" * 8
    assert offer(f"<main>{TITLE}{PRICE}{BUTTON}</main><footer>{far}</footer>")[0] == "in_stock"


def test_a_status_under_a_heading_naming_other_sellers_or_the_shop_s_stores_is_theirs() -> None:
    """A block a heading names as other sellers' offers, or as the shop's stores' stock,
    is about them: "Main St: out of stock" is one store's, the product sells online."""
    for block in (
        "<div><h3>Other sellers</h3><div>Lampenwelt <span>92,00 €</span> Out of stock</div></div>",
        "<div><h4>Check in-store availability</h4><p>Main St: Out of stock</p>"
        "<p>Park Ave: Limited stock</p></div>",
        "<div><h4>Filialverfügbarkeit</h4><p>Hauptstraße: nicht vorrätig</p></div>",
    ):
        assert offer(TITLE + PRICE + block + BUTTON)[0] == "in_stock", block
        assert offer(TITLE + PRICE + BUTTON + block)[0] == "in_stock", block
        # ...while the product's own status beside it still counts
        sold_out = '<p class="stock">Ausverkauft</p>'
        assert offer(TITLE + PRICE + sold_out + block + GREYED)[0] == "out_of_stock", block


@pytest.mark.parametrize(
    "kept",
    [
        'class="sr-only"', 'class="visually-hidden"', 'class="a-offscreen"',
        'class="screen-reader-text"', 'class="stock-note stock-note--hidden"',
        'class="is-invisible"', 'style="position:absolute; left:-9999px"',
        'style="clip: rect(0 0 0 0); position: absolute"', 'style="opacity: 0"',
        'style="max-height:0; overflow:hidden"',
    ],
)  # fmt: skip
def test_a_sold_out_note_out_of_sight_beside_a_button_that_takes_orders_says_nothing(
    kept: str,
) -> None:
    """A saved page keeps a theme's spare "Sold out" (a size's, for screen readers, or
    one its external stylesheet hides until a script shows it) beside a working button."""
    note = f"<p {kept}>Sold out</p>"
    assert offer(TITLE + PRICE + note + BUTTON)[0] == "in_stock"
    # ...in a wrapper of its own, a level or two up
    assert offer(TITLE + PRICE + f"<div {kept}><div><p>Sold out</p></div></div>" + BUTTON)[0] == (
        "in_stock"
    )
    # Where nothing takes orders, it is what a screen reader says of the product.
    assert offer(TITLE + PRICE + note + GREYED)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + note)[0] == "out_of_stock"
    # Hidden on one screen size, it is shown on the others.
    for one_size in ("hidden-xs", "md:hidden", "is-hidden-mobile"):
        shown = f'<p class="{one_size}">Sold out</p>'
        assert offer(TITLE + PRICE + shown + BUTTON)[0] == "out_of_stock", one_size


@pytest.mark.parametrize(
    "beside",
    [
        # related or recently viewed products, shown right after the buy button
        '<div class="related-products"><a href="/p/2">Lampe Mini</a> <span>59,00 €</span>'
        "<span>Ausverkauft</span></div>",
        '<section class="recently-viewed"><a href="/p/9">Stuhl</a> <span>Nicht verfügbar</span>'
        "</section>",
        *(
            f'<div class="{named}"><div><a href="/p/9">Stuhl</a> <span>49,00 €</span>'
            "<span>Ausverkauft</span></div></div>"
            for named in (
                "complementary-products",
                "boost-fbt",
                "bought-together",
                "product-siblings",
                "other-colors",
                "shop-the-look",
                "featured-products",
            )
        ),
        # tiles of other products that no class names: one of several alike, each with
        # its link and its price
        '<ul><li><a href="/p/2">Lampe Mini</a> 59,00 € <em>Ausverkauft</em></li>'
        '<li><a href="/p/3">Lampe Maxi</a> 99,00 €</li></ul>',
        # one product under a heading naming others, with no class names to say so
        '<div><h3>Recently viewed</h3><div class="card"><a href="/p/9">Stuhl</a>'
        "<span>49,00 €</span><span>Ausverkauft</span></div></div>",
        *(
            f'<div><h3>{heading}</h3><div><a href="/p/9">Stuhl</a>'
            "<span>49,00 €</span><span>Ausverkauft</span></div></div>"
            for heading in (
                "Passendes Zubehör",
                "Accessories",
                "Other colours",
                "Andere Farben",
                "Aus der gleichen Serie",
                "Complete your set",
                "Häufig zusammen gekauft",
                "Unsere Empfehlung",
                "Weitere Produkte",
                "この商品を見た人はこんな商品も見ています",
            )
        ),
        # what shoppers wrote
        '<div class="reviews"><p>Was sold out for months, glad to get one!</p></div>',
        # the basket a theme draws beside the product, with no link; the shop's news
        '<div id="minicart"><p>Lampe Mini - Ausverkauft - entfernen</p></div>',
        '<div class="announcement-bar"><p>Our Christmas collection is sold out!</p></div>',
        # a bundle's block, its name and its status each in an element of its own
        '<div class="bundle"><p>Lampe + Leuchtmittel Bundle</p><p>Ausverkauft</p></div>',
    ],
)
def test_a_status_of_other_products_or_in_reviews_is_not_the_product_s(beside: str) -> None:
    assert offer(f"<div>{TITLE}{PRICE}{BUTTON}{beside}</div>")[0] == "in_stock"
    assert offer(f"<div>{TITLE}{PRICE}{beside}</div>")[0] == "in_stock"


def test_the_buy_buttons_of_related_products_do_not_sell_this_one() -> None:
    related = (
        '<div class="related-products"><h3>Das könnte Ihnen gefallen</h3><ul>'
        + "".join(
            f'<li><a href="/p/{n}">Lampe {n}</a> <span class="price">{n}9,00 €</span>{BUTTON}</li>'
            for n in (2, 3)
        )
        + "</ul></div>"
    )
    sold_out = '<p class="stock">Ausverkauft</p>'
    stale = json_ld({"availability": "InStock"})
    assert offer(f"<div>{TITLE}{PRICE}{sold_out}</div>{related}", stale)[0] == "out_of_stock"
    notify = '<button class="notify">Benachrichtigen, wenn verfügbar</button>'
    assert offer(f"<div>{TITLE}{PRICE}{notify}</div>{related}")[0] == "out_of_stock"


def test_the_product_s_own_buy_box_with_links_and_other_prices_is_not_another_product() -> None:
    # Warranties at their own prices, a wish-list link: still the product's buy box.
    box = (
        '<form class="add-to-cart-form"><p class="stock">Ausverkauft</p>'
        + "".join(
            f'<label><input type="radio"> {n} Monate Garantie: {n}9,00 €</label>' for n in (12, 24)
        )
        + '<a href="/wishlist">Auf die Merkliste</a> <a href="/compare">Vergleichen</a>'
        + "<p>Versand in 2-3 Werktagen, Rückgabe innerhalb von 30 Tagen kostenlos möglich.</p>"
        + "<p>Fragen zum Produkt? Unser Kundendienst hilft gerne weiter.</p></form>"
    )
    assert offer(f"<div>{TITLE}{PRICE}</div>{box}")[0] == "out_of_stock"


def test_a_class_naming_a_widget_does_not_hide_the_product_s_own_status() -> None:
    # Some shops wrap each part of the product's page in a "widget"; no product is linked.
    status = '<div class="stock-widget"><p>Ausverkauft</p></div>'
    assert offer(f"<div>{TITLE}{PRICE}{status}</div>")[0] == "out_of_stock"


@pytest.mark.parametrize("count", ["Quantity available: 0", "Disponibles: 0"])
def test_no_quantity_available_is_out_of_stock(count: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{count}</p>")[0] == "out_of_stock"


@pytest.mark.parametrize(
    "note",
    ["Im Markt nicht verfügbar", "Indisponible en magasin", "No disponible en tienda",
     "Ritiro in negozio non disponibile", "Niet beschikbaar in de winkel",
     "Niedostępny w sklepie stacjonarnym", "Není skladem na prodejně", "Нет в наличии в магазине",
     "Mağazada stokta yok", "Ej i lager i butik", "店頭在庫なし", "门店无货", "매장 품절",
     "Ni na voljo v trgovini", "Nije dostupno u trgovini",
     # a store's pickup, a delivery, in more languages
     "Poest kättesaamine ei ole saadaval", "Osobný odber nie je dostupný",
     "Saņemšana veikalā nav pieejama", "Самовивіз недоступний", "Вземане от магазин не е налично",
     "Nhận tại cửa hàng không khả dụng", "איסוף עצמי לא זמין", "Osobní odběr není k dispozici",
     "Dostava nije dostupna", "Dostava ni na voljo", "Doprava není k dispozici",
     "Piegāde nav pieejama", "Toimitus ei saatavilla", "Kargo mevcut değil",
     "Giao hàng không khả dụng", "משלוח לא זמין", "الشحن غير متوفر", "Entrega indisponível",
     "Lieferung nicht verfügbar", "Livraison indisponible", "Out of stock at Downtown",
     "Sold out at Westfield Mall", "Unavailable at this location",
     "Collection: not available", "Click & Collect unavailable", "Not available for collection",
     "Collection in store: out of stock",
     "Ausverkauft im Laden, online erhältlich", "この商品は店舗では入手できません",
     # a limit on how many one shopper may buy
     "1인당 2개 이상 구매할 수 없습니다",
     # a place the shop does not sell to
     "Non disponible en Belgique", "No disponible para Canarias", "Nicht lieferbar nach Norwegen",
     "Nicht verfügbar in Österreich", "Not available in the US", "Niet beschikbaar in België",
     "Nicht verfügbar in Österreich und der Schweiz", "Non disponible en Belgique et au Luxembourg",
     "Pas disponible en Belgique",
     # a Brazilian store's stock, and an exchange
     "Sem estoque na loja física", "Esgotado na loja, disponível online",
     "Produto não disponível para troca",
     # some places only
     "Temporarily unavailable in some regions", "In einigen Regionen nicht verfügbar",
     "Indisponible dans certaines régions", "No disponible en algunos países"],
)  # fmt: skip
def test_a_store_s_pickup_or_delivery_in_many_languages_is_not_the_product_s_status(
    note: str,
) -> None:
    assert offer(TITLE + PRICE + BUTTON + f'<p class="store">{note}</p>')[0] == "in_stock"


@pytest.mark.parametrize(
    "ways",
    ["<p>Shipping: Not available</p><p>Pickup: Not available</p>",
     "<div><span>Same-day delivery</span> <span>Unavailable</span></div>"
     "<div><span>Store pickup</span> <span>Not available at Downtown</span></div>",
     "<p>Versand: nicht verfügbar</p><p>Abholung: nicht verfügbar</p>",
     "<p>Livraison : indisponible</p><p>Retrait en magasin : indisponible</p>"],
)  # fmt: skip
def test_every_way_to_have_it_closed_is_the_product_out_of_stock(ways: str) -> None:
    """It can neither be sent nor picked up: where nothing takes orders, that is the
    product's status, though each way alone is a way's."""
    assert offer(TITLE + PRICE + ways)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + ways + GREYED)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + ways + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "ways",
    ["<p>Shipping: Not available</p><p>Pickup: Available at Downtown</p>",
     "<p>Shipping: Arrives Fri, Dec 4</p><p>Pickup: Not available</p>",
     "<p>Shipping: Not available</p><p>Delivery: Not available</p>",
     "<p>Free shipping on orders over $50</p><p>Pickup: not available</p>"],
)  # fmt: skip
def test_a_way_still_open_leaves_the_product_in_stock(ways: str) -> None:
    assert offer(TITLE + PRICE + ways)[0] == "in_stock"


@pytest.mark.parametrize(
    "status",
    ["Sold out in all sizes", "All sizes are sold out", "Out of stock in all colours",
     "No sizes available", "Alle Größen ausverkauft", "Toutes les tailles sont épuisées",
     "Agotado en todas las tallas",
     # orders closed
     "Pre-order sold out", "Pre-orders closed", "Not accepting orders", "Out of season",
     "Pre order sold out", "Pre orders closed", "Not accepting pre orders",
     "Wir nehmen derzeit keine Bestellungen an", "Nous n'acceptons plus de commandes",
     "No aceptamos pedidos en este momento", "Não estamos a aceitar encomendas",
     # and in other words
     "Artikel steht derzeit nicht zur Verfügung", "Tidak dijual",
     "We don't currently have any in stock"],
)  # fmt: skip
def test_every_choice_gone_or_orders_closed_is_the_product_out_of_stock(status: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{status}</p>" + GREYED)[0] == "out_of_stock"


GREYED_SIZES = {
    "disabled": '<div class="sizes"><button disabled>S</button><button disabled>M</button></div>',
    "classed disabled": '<div class="size-list"><ul><li><a class="size is-disabled">36</a></li>'
    '<li><a class="size is-disabled">38</a></li><li><a class="size is-disabled">40</a></li></ul></div>',
    "classed unavailable": '<div class="swatches"><label class="form-option unavailable">Red</label>'
    '<label class="form-option unavailable">Blue</label></div>',
    "radio buttons": '<div class="variant-picker"><input type="radio" id="s" name="size" disabled>'
    '<label for="s">S</label><input type="radio" id="m" name="size" disabled><label for="m">M</label></div>',
    "drop-down": '<select name="size"><option value="">Choose a size</option><option disabled>S</option>'
    "<option disabled>M</option></select>",
}


@pytest.mark.parametrize("sizes", GREYED_SIZES.values(), ids=GREYED_SIZES.keys())
def test_every_choice_greyed_out_with_nothing_to_press_is_out_of_stock(sizes: str) -> None:
    """No word, but nothing left to choose: the greyed-out button waits for nothing."""
    assert offer(TITLE + PRICE + sizes + GREYED)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + sizes)[0] == "out_of_stock"
    # A button that takes orders, or markup that says it sells, outweighs a wordless picker.
    assert offer(TITLE + PRICE + sizes + BUTTON)[0] == "in_stock"
    in_stock = json_ld({"availability": "InStock"})
    assert offer(TITLE + PRICE + sizes + GREYED, in_stock)[0] == "in_stock"


def test_a_choice_left_leaves_a_greyed_out_button_waiting_for_it() -> None:
    one_left = '<div class="sizes"><button disabled>S</button><button>M</button></div>'
    assert offer(TITLE + PRICE + one_left + GREYED)[0] == "in_stock"
    only_one = '<div class="sizes"><button disabled>One size</button></div>'  # chosen already
    assert offer(TITLE + PRICE + only_one + GREYED)[0] == "in_stock"


@pytest.mark.parametrize(
    "note", ["Sold out in some sizes", "Not all sizes are sold out", "Available in all sizes"]
)
def test_some_choices_gone_leave_the_product_in_stock(note: str) -> None:
    assert offer(TITLE + PRICE + f"<p>{note}</p>" + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "note",
    ["The selected variant is out of stock", "Selected size is sold out",
     "Ausgewählte Variante nicht verfügbar", "Cette combinaison n'est pas disponible",
     "Combinación no disponible",
     # a size or colour named in more languages
     "Deze maat is uitverkocht", "Ten rozmiar jest wyprzedany", "Este tamanho está esgotado",
     "Cor indisponível", "Denna storlek är slutsåld", "Farven er udsolgt", "Tato velikost je vyprodána",
     "Ez a méret elfogyott", "Этот размер распродан", "Bu beden tükendi", "このサイズは売り切れです",
     "カラー：売り切れ", "该尺码已售罄", "颜色已售罄", "이 사이즈는 품절입니다",
     "Dydis M išparduotas", "Izmērs M izpārdots", "Розмір M відсутній", "Ukuran M habis",
     "מידה M אזלה", "المقاس M غير متوفر", "Spalva mėlyna išparduota", "Warna biru habis",
     "Veličina M nije dostupna", "Suurus M on otsas", "Màu xanh hết hàng"],
)  # fmt: skip
def test_the_chosen_variant_s_status_is_not_the_product_s(note: str) -> None:
    head = json_ld({"availability": "InStock"})
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>', head)[0] == "in_stock"


def test_the_page_overrules_a_stale_declaration_only_when_nothing_can_be_bought() -> None:
    head = json_ld({"availability": "InStock"})
    status = '<p class="stock">Sold out</p>'
    assert offer(TITLE + PRICE + status, head)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + status + GREYED, head)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + status + BUTTON, head)[0] == "in_stock"


@pytest.mark.parametrize(
    "said",
    # Japanese "in stock" in kanji, "few in stock", and a stock table's circle or triangle
    # (a cross is none); Hindi "in stock"; Thai "ready to ship"; Indonesian "limited stock";
    # and in the languages whose sold-out words came in the forty-fourth round
    ["在庫有り", "在庫僅少", "在庫：○", "在庫状況：△", "स्टॉक में है", "พร้อมส่ง", "Stok terbatas",
     "Laos olemas", "Stokda var", "Mövcuddur", "Mavjud", "Sotuvda bor", "მარაგშია", "Առկա է",
     "Inapatikana", "May stock", "اسٹاک میں ہے", "Eskuragarri", "Në stok", "✔ Available",
     "✅ Auf Lager"],
)  # fmt: skip
def test_in_stock_said_in_more_languages_by_a_button_that_takes_orders(said: str) -> None:
    head = json_ld({"availability": "OutOfStock"})
    assert offer(TITLE + PRICE + f"<p>{said}</p>" + BUTTON, head)[0] == "in_stock"


def test_the_page_overrules_a_stale_sold_out_declaration_where_it_sells_and_says_so() -> None:
    """The mirror of the rule above: "In stock" by a button that takes orders."""
    head = json_ld({"availability": "OutOfStock"})
    status = '<p class="stock">In stock</p>'
    assert offer(TITLE + PRICE + status + BUTTON, head)[0] == "in_stock"
    for said in ("Low stock", "Only a few left", "Últimas unidades", "Restocked", "Na stanie",
                 "Διαθέσιμο", "재고있음", "Available", "Ready to ship", "Ships in 24 hours"):  # fmt: skip
        assert offer(TITLE + PRICE + f"<p>{said}</p>" + BUTTON, head)[0] == "in_stock", said
    # A button alone, or a greyed-out one, does not outvote the markup.
    assert offer(TITLE + PRICE + BUTTON, head)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + status + GREYED, head)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "css",
    [
        ".sold-out-note{display:none}",
        "p.sold-out-note { display: none !important; }",
        "/* notes */ .price-note,.sold-out-note{visibility:hidden}",
    ],
)
def test_a_status_the_page_s_stylesheet_hides_says_nothing(css: str) -> None:
    """Themes print their "Sold out" note on every page and hide it in a <style> rule
    until a script shows it for a sold-out variant."""
    note = '<p class="sold-out-note">Sold out</p>'
    for buy in (BUTTON, ""):
        assert offer(TITLE + PRICE + note + buy, f"<style>{css}</style>")[0] == "in_stock"


@pytest.mark.parametrize(
    "css",
    [
        # another rule shows it again where the product is sold out
        ".sold-out-note{display:none}.product--sold .sold-out-note{display:block}",
        # hidden on some screens only, or shown on some
        "@media (max-width:600px){.sold-out-note{display:none}}",
        ".sold-out-note{display:none}@media (min-width:768px){.sold-out-note{display:block}}",
        # in a context, or for a stylesheet printing the page
        ".js .sold-out-note{display:none}",
    ],
)
def test_a_status_hidden_only_somewhere_is_read(css: str) -> None:
    note = '<div class="product--sold"><p class="sold-out-note">Sold out</p></div>'
    assert offer(TITLE + PRICE + note, f"<style>{css}</style>")[0] == "out_of_stock"
    printed = '<style media="print">.sold-out-note{display:none}</style>'
    assert offer(TITLE + PRICE + note, printed)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "block",
    ["product type-product post-12 status-publish first outofstock product_cat-lamps",
     "product-single product--sold-out", "product is-soldout"],
)  # fmt: skip
def test_the_product_s_block_classed_sold_out_says_so_where_nothing_takes_orders(
    block: str,
) -> None:
    """WooCommerce classes the product's block "outofstock" (or "instock"), and removes the
    buy form, though a theme may print no stock; themes mark a sold-out product's block."""
    product = f'<div class="{block}">{TITLE}{PRICE}</div>'
    assert offer(product)[0] == "out_of_stock"
    # Not where a button takes orders, nor against the markup, nor a class saying what to
    # do then, nor another product's tile.
    assert offer(f'<div class="{block}">{TITLE}{PRICE}{BUTTON}</div>')[0] == "in_stock"
    assert offer(product, json_ld({"availability": "InStock"}))[0] == "in_stock"
    for doing in ("product hide-if-sold-out", "product sold-out-notify"):
        assert offer(f'<div class="{doing}">{TITLE}{PRICE}</div>')[0] == "in_stock"
    tile = f'<ul><li class="{block}"><a href="/p/2">Lampe Loft</a><p>79,00 €</p></li></ul>'
    assert offer(TITLE + PRICE + tile)[0] == "in_stock"


@pytest.mark.parametrize(
    "marked",
    [
        '<div class="product-form product-form--sold-out">{button}</div>',
        '<form class="cart soldout">{button}</form>',
        '<div data-sold-out="true"><div>{button}</div></div>',
        '<div data-available="false">{button}</div>',
        '<div class="is-sold-out">' + PRICE + "{button}</div>",
        '<div class="product _sold_out">{button}</div>',
        '<div class="product is_sold_out">{button}</div>',
        '<div class="product" data-stock="out_of_stock">{button}</div>',
        # ...a data attribute's name joined by underscores too
        '<div data-is_sold_out="true"><div>{button}</div></div>',
        '<div data-in_stock="false">{button}</div>',
        '<div class="product" data-stock_status="outofstock">{button}</div>',
        # ...or a stock of none
        '<div class="product" data-stock="0">{button}</div>',
        '<form data-inventory-quantity="0">{button}</form>',
    ],
)
def test_a_greyed_out_button_or_its_form_marked_sold_out_says_so(marked: str) -> None:
    """Themes mark the buy form of a sold-out product by a class or a data attribute for
    their scripts, and grey its button out, with no word said."""
    assert offer(TITLE + PRICE + marked.format(button=GREYED))[0] == "out_of_stock"
    assert offer(TITLE + PRICE + GREYED.replace(">", ' data-sold-out="true">', 1))[0] == (
        "out_of_stock"
    )
    # Not where the button takes orders, nor against the markup.
    assert offer(TITLE + PRICE + marked.format(button=BUTTON))[0] == "in_stock"
    in_stock = json_ld({"availability": "InStock"})
    assert offer(TITLE + PRICE + marked.format(button=GREYED), in_stock)[0] == "in_stock"


def test_a_stock_of_some_on_the_form_leaves_a_greyed_out_button_waiting() -> None:
    for some in ('data-stock="5"', 'data-inventory-quantity="10"', 'data-stock="0.5"'):
        assert offer(f"{TITLE}{PRICE}<form {some}>{GREYED}</form>")[0] == "in_stock", some


def test_an_empty_badge_classed_sold_out_by_the_price_says_so_where_nothing_takes_orders() -> None:
    """A badge whose stylesheet draws "Sold out" (a ribbon, a background picture)."""
    for badge in (
        '<span class="badge badge--sold-out"></span>',
        '<div class="ribbon sold-out"></div>',
        '<span class="availability out-of-stock"><i class="icon"></i></span>',
        '<div class="stock-status" data-status="out-of-stock"></div>',
    ):
        assert offer(TITLE + PRICE + badge)[0] == "out_of_stock", badge
        assert offer(TITLE + PRICE + badge + GREYED)[0] == "out_of_stock", badge
        assert offer(TITLE + PRICE + badge + BUTTON)[0] == "in_stock", badge
    # ...not one printed beside the theme's other badges for CSS to pick
    badges = '<div><span class="badge badge--sale"></span><span class="badge badge--sold-out"></span></div>'
    assert offer(TITLE + PRICE + badges)[0] == "in_stock"


def test_a_theme_s_sold_out_badge_hidden_by_its_stylesheet_does_not_outvote_the_markup() -> None:
    # Shopify-style themes print every badge and let CSS show the one that applies.
    price = (
        '<div class="price price--large"><span class="price-item">89,00 €</span>'
        '<span class="badge price__badge-sold-out">Sold out</span></div>'
    )
    head = json_ld({"availability": "https://schema.org/InStock"})
    assert offer(TITLE + price + BUTTON, head)[0] == "in_stock"
    sold_out = '<button class="add-to-cart" disabled>Sold out</button>'
    gone = json_ld({"availability": "https://schema.org/OutOfStock"})
    assert offer(TITLE + price.replace("price--large", "price--sold-out") + sold_out, gone)[0] == (
        "out_of_stock"
    )


@pytest.mark.parametrize(
    "shown_then",
    ["show-if-sold-out", "visible-when-sold-out", "sold-out-only", "show_if_sold_out",
     "sold_out_only", "display-on-out-of-stock", "visible_when_outofstock"],
)  # fmt: skip
def test_a_note_classed_to_show_only_when_sold_out_waits_for_its_container(shown_then: str) -> None:
    """Themes print the note on every page; CSS shows it under a block marked sold out."""
    note = f'<p class="{shown_then}">Sold out</p>'
    assert offer(f'<div class="product">{TITLE}{PRICE}{note}{BUTTON}</div>')[0] == "in_stock"
    assert offer(f'<div class="product">{TITLE}{PRICE}{note}</div>')[0] == "in_stock"
    sold = f'<div class="product is-sold-out">{TITLE}{PRICE}{note}</div>'
    assert offer(sold)[0] == "out_of_stock"


def test_a_theme_s_sold_out_badge_wrapping_its_text_is_off_outside_a_sold_out_price() -> None:
    """Shopify's Debut prints its badges with their text in a <span> of its own, beside
    the sale badge, and no markup to say which applies; a greyed-out button may wait for
    a size."""
    badges = (
        '<div class="price__badges"><span class="price__badge price__badge--sale">'
        "<span>Sale</span></span>"
        '<span class="price__badge price__badge--sold-out"><span>Sold out</span></span></div>'
    )
    price = f'<dl class="price price--on-sale"><dd>{PRICE}</dd>{badges}</dl>'
    assert offer(TITLE + price + BUTTON)[0] == "in_stock"
    assert offer(TITLE + price + GREYED)[0] == "in_stock"
    sold_out = price.replace("price--on-sale", "price--on-sale price--sold-out")
    assert offer(TITLE + sold_out + GREYED)[0] == "out_of_stock"


def test_a_picture_putting_it_in_the_cart_is_the_buy_button() -> None:
    """Older shops draw the buy button as a picture with no words: an image button in the
    form that posts to the cart, or a picture linking to an address that adds to it. It
    takes orders, so a promise for later beside it speaks of one size; greyed out, it takes
    none. A picture in another form (a newsletter's), another product's tile or linking
    to the wish list buys nothing."""
    note = '<p class="stock">Coming soon</p>'
    picture = '<input type="image" src="/images/AddCartButton.png" alt="">'

    def page(button: str, after: str = "") -> str:
        rows = (TITLE, PRICE, note + button)
        return "<table>" + "".join(f"<tr><td>{row}</td></tr>" for row in rows) + "</table>" + after

    cart = f'<form action="/cart.php" method="post">{picture}</form>'
    assert offer(page(cart))[0] == "in_stock"
    assert offer(page(cart.replace('alt="">', 'alt="" disabled>')))[0] == "out_of_stock"
    assert (
        offer(page(f'<form action="/newsletter/subscribe">{picture}</form>'))[0] == "out_of_stock"
    )
    pictured = '<form class="cart" method="post"><button><img src="/i/buy.png"></button></form>'
    assert offer(page(pictured))[0] == "in_stock"
    for address in (
        "/shop/basket.asp?add=123",
        "/cart/add/5",
        "/index.php?route=checkout/cart/add",
    ):
        assert offer(page(f'<a href="{address}"><img src="/i/b.gif"></a>'))[0] == "in_stock"
    assert offer(page('<a href="/wishlist.php?action=add"><img src="/i/w.gif"></a>'))[0] == (
        "out_of_stock"
    )
    tiles = "".join(
        f'<div class="item"><a href="/p/{n}"><img src="/p/{n}.jpg"></a><a href="/p/{n}">Lamp {n}'
        f'</a> 9,00 € <a href="/cart/add/{n}"><img src="/i/b.gif"></a></div>'
        for n in (2, 3)
    )
    assert offer(page("", f"<div><h3>You may also like</h3>{tiles}</div>"))[0] == "out_of_stock"


def test_a_pre_order_whose_button_offers_only_to_tell_when_it_is_back_is_sold_out() -> None:
    """A Thai toy shop's layout: the title still says "(Pre-order)", the button says "None:
    notify me when the goods are back", other products' tiles below. The button speaks
    for now; the title, for when the product was listed."""
    title = "<h1>(พรีออเดอร์) การ์ดโปเกมอน ชุด 30th Celebration</h1>"
    price = '<div class="prices"><span class="value">฿1,980</span></div>'
    tiles = '<div class="tile"><a href="/yoshi">Yoshi Figure</a><span>฿499</span></div>'
    notify = "ไม่มี <span>แจ้งเตือนฉันเมื่อมีของกลับมาพร้อมจำหน่าย</span>"
    closed = f'<button class="btn back-in-store">{notify}</button>'
    assert offer(title + price + closed + tiles) == ("out_of_stock", ())
    open_ = '<button class="btn add-to-cart">สั่งของล่วงหน้า</button>'  # "order in advance"
    assert offer(title.replace("(พรีออเดอร์) ", "") + price + open_ + tiles) == (
        "in_stock",
        ("pre-order",),
    )


def test_pre_orders_and_back_orders_are_in_stock_flagged() -> None:
    assert offer(TITLE + PRICE + "<p>Vorbestellung</p>" + BUTTON) == ("in_stock", ("pre-order",))
    assert offer(TITLE + PRICE + "<p>Available on back-order</p>" + BUTTON) == (
        "in_stock",
        ("back-order",),
    )


@pytest.mark.parametrize(
    ("button", "flag"),
    [("Pre-order now", "pre-order"), ("Vorbestellen", "pre-order"), ("予約する", "pre-order"),
     ("Backorder", "back-order"), ("Pre Order", "pre-order"), ("PRE ORDER NOW", "pre-order"),
     ("Förhandsbeställ", "pre-order"), ("预订", "pre-order"), ("사전 주문", "pre-order"),
     ("สั่งจองล่วงหน้า", "pre-order"), ("สั่งซื้อล่วงหน้า", "pre-order"),
     ("สั่งของล่วงหน้า", "pre-order"), ("จองล่วงหน้า", "pre-order"), ("הזמנה מוקדמת", "pre-order"),
     ("Išankstinis užsakymas", "pre-order"), ("Priekšpasūtījums", "pre-order"),
     ("Ettetellimus", "pre-order"), ("Prednarudžba", "pre-order"), ("Prednaročilo", "pre-order"),
     ("Предварителна поръчка", "pre-order"), ("Ön satış", "pre-order"),
     ("Ön satışta", "pre-order"), ("Pre-ordini aperti", "pre-order")],
)  # fmt: skip
def test_a_button_taking_pre_orders_flags_markup_that_says_in_stock(button: str, flag: str) -> None:
    """Markup's "InStock" says the shop takes orders, which a pre-order is: the page says
    which kind (pre-order apps relabel the button and leave the markup as it was)."""
    in_stock = json_ld({"availability": "InStock"})
    pressed = f'<button class="add-to-cart">{button}</button>'
    assert offer(TITLE + PRICE + pressed, in_stock) == ("in_stock", (flag,))
    assert offer(TITLE + PRICE + BUTTON, in_stock) == ("in_stock", ())
    # Markup that says pre-order keeps its word.
    pre_order = json_ld({"availability": "PreOrder"})
    assert offer(TITLE + PRICE + BUTTON, pre_order) == ("in_stock", ("pre-order",))


@pytest.mark.parametrize(
    "status",
    [
        "Out of stock – available for back-order",
        "Stock: 0 – ships in 5 days",
        "Sold out – can still be ordered",
        "Currently out of stock, but you can still order it",
        "Derzeit nicht auf Lager – jetzt bestellen",
        "Out of stock. Order now, we ship when it arrives",
        "Niet op voorraad, wel leverbaar",
    ],
)
def test_sold_out_yet_taking_orders_is_a_back_order(status: str) -> None:
    """The issue counts a back-order as in stock: the competitor takes the order."""
    taken = ("in_stock", ("back-order",))
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + BUTTON) == taken
    # A promise to ship it later takes the order without a button to say so.
    assert offer(TITLE + PRICE + '<p class="stock">Ships when available: 2 weeks</p>') == taken
    assert offer(TITLE + PRICE + "<p>Sold out – pre-order now</p>" + BUTTON) == (
        "in_stock",
        ("pre-order",),
    )


def test_a_back_order_sentence_beside_a_sold_out_status() -> None:
    """Amazon writes the status and the offer to take the order as two texts."""
    availability = (
        '<div id="availability"><span class="a-color-price">Temporarily out of stock.</span>'
        "<br><span>Order now and we'll deliver when available. We'll e-mail you with an "
        "estimated delivery date as soon as we have more information. Your account will "
        "only be charged when we ship the item.</span></div>"
    )
    assert offer(TITLE + PRICE + availability + BUTTON) == ("in_stock", ("back-order",))


@pytest.mark.parametrize(
    "body",
    [
        "<p>Out of stock – no back-orders</p>" + GREYED,
        "<p>Out of stock – no pre orders</p>" + GREYED,
        "<p>Sold out. Notify me when it is back</p>" + GREYED,
        '<div class="stock"><span>Sold out</span><button class="order" hidden>Order now'
        "</button></div>",
        "<div><p>Sold out</p><p>In-stock items ship in 24 hours</p></div>",
        '<div class="stock"><span>Sold out</span><button disabled>Order now</button></div>',
        "<div><p>Out of stock</p><p>Order now for free delivery on orders over $50</p></div>"
        + GREYED,
    ],
)
def test_sold_out_without_taking_orders_stays_sold_out(body: str) -> None:
    assert offer(TITLE + PRICE + body)[0] == "out_of_stock"


@pytest.mark.parametrize(
    ("note", "flag"),
    [("Przedsprzedaż", "pre-order"), ("Předobjednávka", "pre-order"), ("Предзаказ", "pre-order"),
     ("Ön sipariş", "pre-order"), ("Ennakkotilaus", "pre-order"), ("Pré-venda", "pre-order"),
     ("Auf Bestellung", "back-order"), ("Na zamówienie", "back-order"),
     ("Под заказ", "back-order"), ("Sob encomenda", "back-order"), ("Bajo pedido", "back-order"),
     ("Op bestelling", "back-order"), ("预售中", "pre-order"), ("Đặt trước", "pre-order"),
     ("พรีออเดอร์", "pre-order"), ("طلب مسبق", "pre-order"), ("お取り寄せ", "back-order"),
     ("Nu vooruitbestellen", "pre-order"), ("Pre-ordina ora", "pre-order"),
     ("Reserva ahora", "pre-order"), ("Ei varastossa, vain jälkitoimituksena", "back-order"),
     ("هم اکنون در انبار موجود نیست - اما میتوانید این محصول را پیش خرید کنید", "pre-order"),
     # BigCommerce's Catalyst's
     ("Pedido anticipado", "pre-order"), ("Pre-ordine", "pre-order"),
     ("Zamówienie wstępne", "pre-order"), ("Förboka", "pre-order"),
     # Maestrooo's Focal theme's
     ("Pre-commander", "pre-order"), ("Ennakkotilaa", "pre-order"), ("Pré-compra", "pre-order"),
     # Salesforce's storefront's, in two words; and so pre-orders
     ("Back Order", "back-order"), ("Back order 3 item(s)", "back-order"),
     ("Pre Order", "pre-order"), ("Pré commande", "pre-order"), ("Pre venta", "pre-order"),
     ("Pré venda", "pre-order"), ("Pre ordine", "pre-order"),
     # Japanese "made to order", Vietnamese "order ahead"
     ("受注生産品", "back-order"), ("Đặt hàng trước", "pre-order"),
     # French "pre-sale"
     ("En prévente", "pre-order"), ("Prévente", "pre-order")],
)  # fmt: skip
def test_pre_orders_and_back_orders_in_many_languages(note: str, flag: str) -> None:
    assert offer(TITLE + PRICE + f'<p class="stock">{note}</p>' + BUTTON) == ("in_stock", (flag,))


@pytest.mark.parametrize("status", ["Nu op voorraad", "Nu leverbaar", "Nu beschikbaar"])
def test_dutch_now_in_stock_by_a_working_button_is_in_stock(status: str) -> None:
    """Dutch "nu" is "now"; Romanian's "not" is the same word, and said sold out."""
    button = '<button class="add-to-cart">In winkelwagen</button>'
    assert offer(TITLE + PRICE + f'<p class="stock">{status}</p>' + button)[0] == "in_stock"
    assert offer(TITLE + PRICE + '<p class="stock">Nu este în stoc</p>' + GREYED)[0] == (
        "out_of_stock"
    )


@pytest.mark.parametrize(
    "exception",
    ["*Exceto Pré-Compras", "*Except pre-orders", "Excepto preventas", "Sauf précommandes",
     "Außer Vorbestellungen"],
)  # fmt: skip
def test_a_delivery_policy_s_exception_for_pre_orders_does_not_flag_the_product(
    exception: str,
) -> None:
    """A shop's delivery note, as a Portuguese shop's page shows it: "Delivery within 7
    working days, to your home or for pickup in store, *except pre-orders"."""
    note = (
        "<p>Entrega até 7 dias úteis<br>para envio ao domicílio ou recolha em loja<br>"
        f"{exception}</p>"
    )
    assert offer(TITLE + PRICE + BUTTON + note) == ("in_stock", ())


@pytest.mark.parametrize(
    ("status", "expected"),
    [("Lagernd", "in_stock"), ("Dostępny", "in_stock"), ("Skladem", "in_stock"),
     ("Raktáron", "in_stock"), ("В наличии", "in_stock"), ("Varastossa", "in_stock"),
     ("Em estoque", "in_stock"), ("במלאי", "in_stock"), ("Nincs raktáron", "out_of_stock"),
     ("Niedostępny", "out_of_stock"), ("לא במלאי", "out_of_stock"), ("În stoc", "in_stock"),
     ("Em stock", "in_stock"), ("В наличност", "in_stock"), ("Na stanju", "in_stock"),
     ("Na zalogi", "in_stock"), ("Lieferbar", "in_stock"), ("Disponibil", "in_stock"),
     ("Indisponibil", "out_of_stock"), ("אזל", "out_of_stock"), ("Закінчився", "out_of_stock"),
     ("Товар закончился", "out_of_stock"), ("Dostępność: brak", "out_of_stock"),
     ("Availability: none", "out_of_stock"), ("有貨", "in_stock"), ("現貨", "in_stock"),
     ("Raktáron: igen", "in_stock"), ("Em estoque: sim", "in_stock"), ("Na skladě: ano", "in_stock"),
     # Dutch "now": not Romanian "not"
     ("Nu op voorraad", "in_stock"), ("Nu leverbaar", "in_stock"), ("Nu beschikbaar", "in_stock"),
     ("Nu in stock", "in_stock"),
     ("即納", "in_stock"), ("Na sklade", "in_stock"), ("Skladom", "in_stock"),
     ("Hay existencias", "in_stock"), ("Disponibilità immediata", "in_stock"),
     ("Pronta entrega", "in_stock"), ("Verfügbar", "in_stock"), ("Dostupné", "in_stock"),
     ("Nicht verfügbar", "out_of_stock"), ("Nedostupné", "out_of_stock"),
     ("Lieferbar: sofort", "in_stock"), ("En stock : oui", "in_stock"),
     ("Verfügbar: ja", "in_stock"), ("Lieferbar: nein", "out_of_stock"),
     ("Ima na lageru", "in_stock"), ("Nema na lageru", "out_of_stock"),
     ("На лагеру", "in_stock"), ("Нема на лагеру", "out_of_stock"),
     ("Na skladištu", "in_stock"), ("Nema na skladištu", "out_of_stock"),
     ("Ёсць на складзе", "in_stock"), ("Няма на складзе", "out_of_stock"),
     ("Saadaval", "in_stock"), ("Laos saadaval (3 laos)", "in_stock"),
     ("На залиха", "in_stock"), ("3 на залихама", "in_stock"), ("На стању", "in_stock"),
     ("10 auf Lager", "in_stock"), ("100 på lager", "in_stock"), ("20 en stock", "in_stock"),
     ("1.0 verfügbar", "in_stock"),
     # a "for now" between a "not" and its word; the word alone, for now
     ("Non è al momento disponibile", "out_of_stock"), ("Al momento disponibile", "in_stock"),
     ("Niet op dit moment leverbaar", "out_of_stock"), ("Derzeit auf Lager", "in_stock"),
     ("有库存", "in_stock"), ("有庫存", "in_stock"), ("Voorradig", "in_stock"),
     # more languages' words for in stock, and their "not"
     ("Készleten", "in_stock"), ("Kapható", "in_stock"), ("Elérhető", "in_stock"),
     ("Mevcut", "in_stock"), ("Saatavilla", "in_stock"), ("Tuote ei ole saatavilla", "out_of_stock"),
     ("Dostupno", "in_stock"), ("Dobavljivo", "in_stock"), ("Pieejams", "in_stock"),
     ("Na magazynie", "in_stock"), ("Brak na magazynie", "out_of_stock"), ("Ada stok", "in_stock"),
     ("มีในสต็อก", "in_stock"), ("구매 가능", "in_stock"), ("موجود", "in_stock"),
     ("In-Stock", "in_stock"), ("InStock", "in_stock"), ("Available now", "in_stock"),
     ("Ready for dispatch", "in_stock"), ("Dostupan", "in_stock"), ("Verkrijgbaar", "in_stock")],
)  # fmt: skip
def test_a_status_alone_tells_where_no_price_is_shown(status: str, expected: str) -> None:
    assert offer(TITLE + f'<p class="stock">{status}</p>')[0] == expected


def test_a_page_offering_the_product_at_a_price_sells_it_unless_it_says_otherwise() -> None:
    assert offer(TITLE + PRICE)[0] == "in_stock"
    assert offer(TITLE + "<p>Eine schöne Lampe.</p>")[0] is None
    assert offer(TITLE + '<p class="stock">Ausverkauft</p>')[0] == "out_of_stock"


# How common shop platforms' default themes render a product's stock (trimmed to
# the parts that matter): each a way real competitors' pages say it.
PLATFORMS = {
    "woocommerce, in stock": (
        '<div class="summary entry-summary"><h1 class="product_title entry-title">Bag</h1>'
        '<p class="price"><span class="woocommerce-Price-amount amount"><bdi>'
        '<span class="woocommerce-Price-currencySymbol">&pound;</span>18.00</bdi></span></p>'
        '<p class="stock in-stock">12 in stock</p><form class="cart">'
        '<button type="submit" name="add-to-cart" class="single_add_to_cart_button">Add to cart'
        "</button></form></div>",
        "in_stock",
    ),
    "woocommerce, sold out: no form": (
        '<div class="summary entry-summary"><h1 class="product_title entry-title">Bag</h1>'
        '<p class="price">&pound;18.00</p><p class="stock out-of-stock">Out of stock</p>'
        '<div class="product_meta">SKU: B1</div></div>',
        "out_of_stock",
    ),
    "woocommerce, variations: disabled until one is chosen": (
        '<div class="summary"><h1 class="product_title">Bag</h1><p class="price">£18.00</p>'
        '<form class="variations_form cart"><select name="attribute_size"><option>Choose</option>'
        '<option>Large</option></select><button type="submit" class="single_add_to_cart_button '
        'disabled wc-variation-selection-needed">Add to cart</button></form></div>',
        "in_stock",
    ),
    "magento, sold out: no button": (
        '<div class="product-info-main"><div class="page-title-wrapper product">'
        '<h1 class="page-title"><span class="base">Bag</span></h1></div>'
        '<div class="product-info-price"><div class="price-box"><span class="price">$45.00</span>'
        '</div><div class="product-info-stock-sku"><div class="stock unavailable">'
        "<span>Out of stock</span></div></div></div></div>",
        "out_of_stock",
    ),
    "prestashop, sold out: a disabled button and a status": (
        '<h1 class="h1">Bag</h1><div class="current-price"><span>€29.00</span></div>'
        '<div class="product-add-to-cart"><button class="btn add-to-cart" type="submit" disabled>'
        'Add to cart</button><span id="product-availability">Out of stock</span></div>',
        "out_of_stock",
    ),
    "opencart, sold out: the button stays": (
        '<div class="col-sm-4"><h1>Bag</h1><ul><li>Availability: Out Of Stock</li></ul>'
        '<ul><li><h2>$122.00</h2></li></ul><div id="product"><button type="button" '
        'id="button-cart" class="btn btn-primary">Add to Cart</button></div></div>',
        "out_of_stock",
    ),
    "opencart, in stock as a delivery time": (
        '<div class="col-sm-4"><h1>Bag</h1><ul><li>Availability: 2-3 Days</li></ul>'
        '<ul><li><h2>$122.00</h2></li></ul><div id="product"><button type="button" '
        'id="button-cart" class="btn btn-primary">Add to Cart</button></div></div>',
        "in_stock",
    ),
    "shopware, sold out": (
        '<div class="product-detail-buy"><h1 class="product-detail-name">Bag</h1>'
        '<p class="product-detail-price">19,99 €*</p><p class="delivery-information '
        'delivery-soldout">Nicht mehr verfügbar</p></div>',
        "out_of_stock",
    ),
    "shopify dawn, in stock: every badge printed, CSS shows none": (
        '<div class="product__info-container"><h1>Bag</h1><div class="price price--show-badge">'
        '<span class="price-item price-item--regular">$45.00 USD</span>'
        '<span class="badge price__badge-sale">Sale</span>'
        '<span class="badge price__badge-sold-out">Sold out</span></div>'
        '<form action="/cart/add"><button type="submit" name="add" class="product-form__submit">'
        "<span>Add to cart</span></button></form></div>",
        "in_stock",
    ),
    "shopify dawn, sold out: the container marked, the button says it": (
        '<div class="product__info-container"><h1>Bag</h1>'
        '<div class="price price--sold-out price--show-badge">'
        '<span class="price-item price-item--regular">$45.00 USD</span>'
        '<span class="badge price__badge-sale">Sale</span>'
        '<span class="badge price__badge-sold-out">Sold out</span></div>'
        '<form action="/cart/add"><button type="submit" name="add" class="product-form__submit" '
        "disabled><span>Sold out</span></button></form></div>",
        "out_of_stock",
    ),
    "zen cart, sold out: a picture says it": (
        '<table><tr><td><h1 id="productName">Bag</h1><h2 id="productPrices">$45.00</h2>'
        '<div id="cartAdd"><img src="button_sold_out.gif" alt="Sold Out"></div></td></tr></table>',
        "out_of_stock",
    ),
    "an old shop, sold out: a picture with only its file's name to say it": (
        "<table><tr><td><b>Bag</b></td></tr><tr><td>Price: $45.00</td></tr>"
        '<tr><td><img src="/img/btn_soldout.gif"></td></tr></table>',
        "out_of_stock",
    ),
    "zen cart, in stock: a picture to press": (
        '<table><tr><td><h1 id="productName">Bag</h1><h2 id="productPrices">$45.00</h2>'
        '<div id="cartAdd"><input type="text" name="cart_quantity" value="1">'
        '<input type="image" src="button_in_cart.gif" alt="Add to Cart"></div></td></tr></table>',
        "in_stock",
    ),
    "nopcommerce, sold out: the button stays": (
        '<div class="overview"><div class="product-name"><h1>Bag</h1></div><div class="stock">'
        '<span class="label">Availability:</span> <span class="value">Out of stock</span></div>'
        '<div class="product-price"><span>$45.00</span></div><div class="add-to-cart">'
        '<button type="button" class="button-1 add-to-cart-button">Add to cart</button></div></div>',
        "out_of_stock",
    ),
    "etsy-like, sold out: a sentence about this item": (
        '<div class="listing-page"><h1>Bag</h1><p>$45.00</p><div class="wt-alert">'
        '<p>Sorry, this item is sold out</p></div><a href="/shop/x">Visit shop</a></div>',
        "out_of_stock",
    ),
    "squarespace, sold out: a button that is a div": (
        '<div class="ProductItem-details"><h1>Bag</h1><div class="product-price">$45.00</div>'
        '<div class="sqs-add-to-cart-button" role="button"><div>Sold Out</div></div></div>',
        "out_of_stock",
    ),
    "bigcommerce, sold out: the button's value says it": (
        '<section class="productView-details"><h1 class="productView-title">Bag</h1>'
        '<span class="price price--withoutTax">$45.00</span><input id="form-action-addToCart" '
        'class="button" type="submit" value="Out of stock" disabled></section>',
        "out_of_stock",
    ),
}


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("btn_soldout.gif", "out_of_stock"), ("OutOfStock.png", "out_of_stock"),
        ("ausverkauft.gif", "out_of_stock"), ("artikel-nicht-lieferbar.gif", "out_of_stock"),
        ("agotado.png", "out_of_stock"), ("uitverkocht.jpg", "out_of_stock"),
        ("sin_stock.gif", "out_of_stock"), ("esaurito.png", "out_of_stock"),
        # a missing photo's placeholder, and a picture of the product, say nothing of its stock
        ("image_unavailable.png", "in_stock"), ("no-photo-available.jpg", "in_stock"),
        ("bag_blue_large.jpg", "in_stock"),
    ],
)  # fmt: skip
def test_an_old_shops_status_picture_is_read_by_its_file_name(
    file_name: str, expected: str
) -> None:
    # Shops of the 2000s showed a status as a picture with no alternative text, its file
    # named in the shop's language.
    body = (
        "<table><tr><td><b>Bag</b></td></tr><tr><td>Price: $45.00</td></tr>"
        f'<tr><td><img src="/img/{file_name}?v=2"></td></tr></table>'
    )
    assert extract_offer(page(body), "https://shop.example.com/bag").availability == expected


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_shop_platforms_default_themes(platform: str) -> None:
    body, expected = PLATFORMS[platform]
    chrome = '<header><a href="/cart">Cart</a></header><main>{}</main><footer>©</footer>'
    found = extract_offer(page(chrome.format(body)), "https://shop.example.com/bag")
    assert found.amount is not None
    assert found.availability == expected


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
@pytest.mark.parametrize("times", [1, 2])
def test_a_framework_s_bare_wrappers_change_nothing(platform: str, times: int) -> None:
    body, expected = PLATFORMS[platform]
    html = page(f"<main>{wrapped(body, times)}</main>")
    found = extract_offer(html, "https://shop.example.com/bag")
    assert (found.amount is not None, found.availability) == (True, expected)


def test_another_product_s_card_and_a_theme_s_badges_in_a_framework_s_wrappers() -> None:
    card = (
        '<div class="upsell"><img src="/shade.jpg" alt=""><span>Lampenschirm</span>'
        "<span>19,00 €</span><span>Ausverkauft</span></div>"
    )
    assert offer(TITLE + PRICE + wrapped(card, times=2) + BUTTON)[0] == "in_stock"
    badges = (
        '<div class="price"><span class="badge price__badge-sale">Sale</span>'
        '<span class="badge price__badge-sold-out">Sold out</span></div>'
    )
    assert offer(TITLE + wrapped(badges, times=2) + PRICE + BUTTON)[0] == "in_stock"


def test_a_grouped_product_s_sold_out_row_beside_rows_that_take_an_order() -> None:
    """Magento's grouped product: each part's row holds its quantity box, or "Out of
    stock" in its place; the product sells while any row takes an order."""

    def row(name: str, price: str, order: str) -> str:
        return f"<tr><td><strong>{name}</strong><span class='price'>{price}</span></td><td>{order}</td></tr>"

    gone = '<div class="stock unavailable"><span>Out of stock</span></div>'
    quantity = '<input type="number" name="super_group[2]" value="0" class="qty">'
    cart = '<button type="submit" class="action tocart">Add to Cart</button>'
    grouped = f'<table class="grouped">{row("Lampe Messing", "89,00 €", gone)}{{other}}</table>'
    assert offer(TITLE + grouped.format(other=row("Lampe Blau", "79,00 €", quantity)) + cart)[
        0
    ] == ("in_stock")
    assert offer(TITLE + grouped.format(other=row("Lampe Blau", "79,00 €", gone)) + cart)[0] == (
        "out_of_stock"
    )
    # ...or its own buy button.
    assert offer(TITLE + grouped.format(other=row("Lampe Blau", "79,00 €", cart)))[0] == "in_stock"
    # A hidden or greyed-out box takes nothing.
    for closed in (
        '<input type="hidden" name="qty" value="1">',
        quantity.replace(">", " disabled>"),
    ):
        other = row("Lampe Blau", "79,00 €", closed)
        assert offer(TITLE + grouped.format(other=other) + cart)[0] == "out_of_stock", closed


def test_a_price_list_s_sold_out_row_beside_rows_on_sale_is_its_own() -> None:
    """Each row an offer with its price: the row that says nothing is on sale. A spec
    table's status row holds no price of its own, and is the product's."""

    def row(*cells: str) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    variants = (
        f"<table>{row('Messing', '89,00 €', 'Ausverkauft')}{row('Blau', '79,00 €', '')}</table>"
    )
    assert offer(TITLE + variants + BUTTON)[0] == "in_stock"
    assert offer(TITLE + variants)[0] == "in_stock"
    every = variants.replace("<td></td>", "<td>Ausverkauft</td>")
    assert offer(TITLE + every + BUTTON)[0] == "out_of_stock"
    specs = f"<table>{row('Preis', '89,00 €')}{row('Verfügbarkeit', 'Ausverkauft')}</table>"
    assert offer(TITLE + PRICE + specs + BUTTON)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + specs)[0] == "out_of_stock"


@pytest.mark.parametrize(
    "row",
    [
        "<div class='sizes'><button>S</button><button class='unavailable'>M<span>Sold out"
        "</span></button><button>L</button></div>",
        "<table><tr><td>Brass</td><td>Out of stock</td></tr><tr><td>Chrome</td><td>In stock"
        "</td></tr></table>",
    ],
)
def test_a_choice_s_status_is_its_own_in_a_framework_s_wrappers(row: str) -> None:
    assert offer(TITLE + PRICE + wrapped(row) + BUTTON)[0] == "in_stock"
    assert offer(TITLE + PRICE + wrapped(row, times=2) + BUTTON)[0] == "in_stock"


def test_a_count_of_sales_in_a_framework_s_wrappers_is_no_status() -> None:
    sales = wrapped("<div><span>1.2k</span><span>Sold</span></div>", times=2)
    assert offer(TITLE + PRICE + sales)[0] == "in_stock"


def test_a_page_of_thousands_of_other_products_is_read_in_bounded_time() -> None:
    """Each status in a long list of tiles or rows was once checked against every sibling
    (3,000 tiles took 20 s), and later read the whole list again to ask whether it was
    another product's card (4 s); so was each tile's microdata, asking whether it was one
    of a list (3,000 tiles took 60 s). The time grows with the list, not with its square:
    ten times the tiles take about ten times as long, not a hundred, on a fast machine or
    a slow one (where a fixed limit of 4 s failed a machine of half the speed)."""

    def tiles(count: int) -> str:
        return "".join(
            f'<li><a href="/p/{i}">Lampe {i}</a> 1{i},00 € <em>Ausverkauft</em></li>'
            for i in range(count)
        )

    def rows(count: int) -> str:
        return "".join(
            f"<tr><td>V{i}</td><td>{'Ausverkauft' if i % 2 else 'Auf Lager'}</td></tr>"
            for i in range(count)
        )

    def items(count: int) -> str:
        return "".join(
            f'<li class="tile"><div itemscope itemtype="http://schema.org/Product">'
            f'<a href="/p/{i}">Lampe {i}</a><div itemprop="offers" itemscope '
            f'itemtype="http://schema.org/Offer"><span itemprop="price" content="1{i}.00">'
            f'1{i},00 €</span><link itemprop="availability" href="http://schema.org/OutOfStock">'
            "</div></div></li>"
            for i in range(count)
        )

    def seconds(others: str) -> float:
        started = time.perf_counter()
        assert offer(TITLE + PRICE + BUTTON + others)[0] == "in_stock"
        return time.perf_counter() - started

    for listed, wrap in ((tiles, "ul"), (rows, "table"), (items, "ul")):
        few = seconds(f"<{wrap}>{listed(300)}</{wrap}>")
        many = seconds(f"<{wrap}>{listed(3000)}</{wrap}>")
        assert many < 20 * few + 0.5
        assert many < 12


def test_tens_of_thousands_of_choices_or_statuses_are_read_in_bounded_time() -> None:
    """Lexbor parses a list's choices in time growing with the square of their number
    (40,000 sizes in one <select> took 15 s), and every status of a long table went through
    each check of whose it is (40,000 rows took 7 s): past the first few thousand choices
    and the first few hundred statuses, more cost little, and a page's own status still
    counts."""

    def sizes(count: int) -> str:
        return f"<select>{''.join(f'<option>Größe {i}</option>' for i in range(count))}</select>"

    def rows(count: int) -> str:
        cells = (
            f"<tr><td>V{i}</td><td>{'Ausverkauft' if i % 2 else 'Auf Lager'}</td></tr>"
            for i in range(count)
        )
        return f"<table>{''.join(cells)}</table>"

    def seconds(others: str) -> float:
        started = time.perf_counter()
        assert offer(TITLE + PRICE + BUTTON + others)[0] == "in_stock"
        return time.perf_counter() - started

    for listed in (sizes, rows):
        few = seconds(listed(4_000))
        many = seconds(listed(40_000))
        assert many < 5 * few + 1
    few = seconds(sizes(4_000))
    sold_out = page(TITLE + PRICE + "<p>Ausverkauft</p>" + sizes(40_000))
    for fetched in (sold_out, sold_out.encode()):  # as text, and as the fetcher's bytes
        started = time.perf_counter()
        assert extract_offer(fetched, URL).availability == "out_of_stock"
        assert time.perf_counter() - started < 5 * few + 1


def test_nested_bare_wrappers_are_taken_out_in_time_growing_with_them() -> None:
    """Lexbor unwraps an element in time growing with what lies below it: unwrapped
    outermost first, 20,000 nested <div>s took 2 s; innermost first, a hundredth of that."""

    def seconds(depth: int) -> float:
        tree = LexborHTMLParser(f"<body>{'<div>' * depth}<p>89,00 €</p>{'</div>' * depth}")
        started = time.perf_counter()
        dom.unwrap_bare(tree.body)
        elapsed = time.perf_counter() - started
        assert tree.body.css_first("p").parent.tag == "body"  # every wrapper taken out
        return elapsed

    few = min(seconds(2_000) for _ in range(3))  # the best of three: a busy machine's
    many = min(seconds(20_000) for _ in range(3))  # pauses are not the code's
    assert many < 20 * few + 0.5


def test_microdata_on_a_list_of_other_products_tiles_is_theirs() -> None:
    """Themes put microdata on every product tile, and none on the product's own page:
    tiles alike, each its own item, declare neither the product's price nor its stock."""

    def tile(n: int, price: str, stock: str) -> str:
        return (
            f'<li class="tile" itemscope itemtype="http://schema.org/Product">'
            f'<a href="/p/{n}"><img src="/{n}.jpg"> Lampe {n}</a>'
            '<div itemprop="offers" itemscope itemtype="http://schema.org/Offer">'
            f'<span itemprop="price" content="{price}">{price} €</span>'
            f'<link itemprop="availability" href="http://schema.org/{stock}"></div></li>'
        )

    tiles = "<ul>" + "".join(tile(n, f"{n}9.00", "OutOfStock") for n in (3, 4, 5)) + "</ul>"
    for buy in (BUTTON, ""):
        found = extract_offer(page(TITLE + PRICE + buy + tiles), URL)
        assert (found.amount, found.availability) == (Decimal("89.00"), "in_stock")
    # One item alone is still read: the product's own, its name left out.
    alone = tile(7, "89.00", "OutOfStock").replace("<li", "<div").replace("</li>", "</div>")
    assert offer(TITLE + alone)[0] == "out_of_stock"


def test_a_sold_out_status_beside_a_pre_order_button_that_takes_orders_is_a_pre_order() -> None:
    """Shops keep "Out of stock" up while they take orders for the next delivery."""
    pre_order = '<button class="add-to-cart">Pre-order now</button>'
    status = '<p class="stock">Out of stock</p>'
    assert offer(TITLE + PRICE + status + pre_order) == ("in_stock", ("pre-order",))
    gone = json_ld({"availability": "OutOfStock"})
    assert offer(TITLE + PRICE + status + pre_order, gone) == ("in_stock", ("pre-order",))
    # Not where the pre-order button is greyed out, nor where the button only buys.
    greyed = pre_order.replace(">", " disabled>", 1)
    assert offer(TITLE + PRICE + status + greyed)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + status + BUTTON)[0] == "out_of_stock"


# Platforms' own translations of their stock strings: Shopify's Dawn and Horizon themes,
# Magento's community language packs, Spree's and Bagisto's locales and Shopware's
# language pack, as shops in those languages print them.
@pytest.mark.parametrize(
    "status",
    ["Χωρίς απόθεμα", "Nema na zalihama", "Zapas wyczerpany", "Nakład wyczerpany", "Неналично",
     "Наличност: Няма налично.", "Utilgjengelig", "Недоступно", "Этот продукт недоступен.",
     "Inte tillgängliga", "Không có sẵn", "無法供貨", "Sense estoc", "Disponibilitat: sense estoc.",
     "Este produto está em falta.", "本产品已无存货。", "이 제품의 재고가 없습니다.", "Nav pieejams",
     "Prieinamumas: nėra sandelyje", "در انبار موجود نیست", "Tento tovar nieje na sklade.",
     "Немає у наявності", "Sản phẩm này tạm hết.", "Questi prodotti non sono disponibili.",
     "متوفر بالمخزن: لا.", "Няма в наличност", "Не доступен", "Esgotat", "Otsas",
     "موجودی نداریم", "Nav krājumā", "स्टकमा छैन", "उपलब्ध छैन", "Няма ў наяўнасці",
     "Билеты распроданы", "Les entrades estan esgotades", "Biletler tükenmiştir",
     "Inte tillgängligt", "Nem áll rendelkezésre", "ไม่พร้อมจำหน่าย", "不可售", "Không khả dụng",
     "Fuera de Inventario", "Laost lõppenud", "Nu mai este pe stoc", "没有库存", "អស់ស្តុក",
     "Ne di Stokê de",
     # Sylius's and BigCommerce's Cornerstone's
     "Utsåld", "Geen voorraad", "Nuk ka në magazi", "Бараа дууссан байна",
     # Django Oscar's and Aimeos's
     "Mitte saadaval", "Ei ole saadaval", "לא זמין", "Không sẵn có", "不可購買", "მიუწვდომელი",
     "موجودی تمام شد", "Disponibilità terminata", "نفاد المخزون", "Stoc: 0",
     # WooCommerce's, as wordpress.org's translators wrote them
     "Fora d'estoc", "Allan o stoc", "Agortua", "Varasto loppu", "Van zaliha", "Tomt på lager",
     "Tomt", "نفذ المخزون", "در انبار موجود نمی باشد", "חסר במלאי", "स्टाक में नहीं", "Վերջացել",
     "მარაგი ამოწურულია", "អស់​ពី​ស្តុក", "Нема на залиха", "Нема на залихама",
     "Maaf, tidak ada stok untuk produk ini.",
     "No existe disponibilidad de este producto ni está disponible.",
     "Une honetan produktu hau ez dago salgai.",
     "Seda toodet ei ole hetkel laos ja pole seetõttu saadaval.",
     "এই প্রোডাক্টের স্টক শেষ এবং পাওয়া যাবে না।",
     "Овај производ тренутно није на стању и није доступан.",
     "यह उत्पाद स्टॉक और अनुपलब्ध से बाहर है.",
     # Saleor's storefront's
     "Geen stock meer", "Sem item no estoque",
     # BigCommerce's Catalyst's, VTEX's and Magento's Hindi pack's
     "Fora do estoque", "В момента този продукт не е достъпен", "現在、この製品を入手できません",
     "이 제품은 지금 구매할 수 없습니다.", "구매할 수 없음", "स्टॉक ख़त्म",
     "ผลิตภัณฑ์นี้ไม่พร้อมจำหน่่ายในขฯะนี้",  # sic, a tone mark doubled
     # Solidus's
     "Немає на залишку",
     # written with Arabic's optional vowel marks or stretched
     "غير متوفّر", "نفدت الكميّة", "غير متـوفر"],
)  # fmt: skip
def test_platforms_translations_of_out_of_stock_say_so(status: str) -> None:
    assert (
        offer(TITLE + PRICE + f'<div class="stock unavailable"><span>{status}</span></div>')[0]
        == "out_of_stock"
    )


@pytest.mark.parametrize(
    "promise",
    ["Giv mig besked, når varen er tilgængelig.", "Waarschuw me wanneer dit product beschikbaar is.",
     "Informeer mij wanneer dit product op voorraad is", "Teavita mind, kui see kaup on saadaval.",
     "Tilaa ilmoitus kun tätä tuotetta on varastossa",
     "M’avertir quand ce produit sera de nouveau en stock",
     "Benachrichtigen Sie mich, wenn dieser Artikel verfügbar ist.",
     "Να ειδοποιηθώ όταν το προϊόν είναι ξανά διαθέσιμο", "שלח לי התראה כאשר פריט זה יהיה זמין.",
     "Értesíts, ha a termék elérhetővé válik.", "Értesítsen, ha a termék raktáron lesz",
     "Beritahu saya bila produk ini tersedia", "Avvisami quando l'articolo tornerà disponibile.",
     "この商品が入荷しているときに通知する", "재고가 들어오면 알려주세요.",
     "Pabrīdināt kad šis produkts ir pieejams.", "Praneškite man, kai ši prekės atsiras sandėlyje",
     "Varsle meg når dette produkt er tilgjengelig.", "زمانی که این محصول موجود شد به من اطلاع بده.",
     "Avise-me quando este item estiver disponível.",
     "Notificar-me quando este produto se encontrar em stock",
     "Сообщите мне, когда этот товар будет доступен.",
     "Upozorniťe ma, keď bude táto položka k dispozícii.",
     "Avísame cuando este artículo esté disponible.",
     "Notificarme cuando este producto vuelva a stock", "Avisera mig när produkten är tillgänglig.",
     "Bu ürün stoğa girince beni bilgilendir.", "Сповістіть мене, коли ця позиція стане доступною.",
     "Thông báo cho tôi khi sản phẩm này có hàng", "Уведоми ме, когато този продукт е наличен.",
     "Avisa'm quan l'article estigui disponible.", "当产品可买时，请通知我。",
     # VTEX's availability subscriber's
     "I want to know when this product becomes available",
     "Ich möchte wissen, wann dieses Produkt verfügbar ist",
     "Уведомете ме, когато този продукт стане достъпен",
     "Értesítést kérek, amikor a termék elérhetővé válik",
     "Saya ingin tahu kapan produk ini menjadi tersedia",
     "この製品が入手可能になったらお知らせください", "أريد أن أعرف متى يصبح هذا المنتج متاحًا",
     "이 제품을 언제 구매할 수 있을지 알고 싶습니다.",
     "ฉันต้องการทราบว่า ผลิตภัณฑ์นี้จะเริ่มพร้อมจำหน่ายเมื่อไร"],
)  # fmt: skip
def test_platforms_translations_of_notify_me_when_available_say_out_of_stock(promise: str) -> None:
    link = f'<div class="product alert stock"><a href="#" class="action alert">{promise}</a></div>'
    assert offer(TITLE + PRICE + link)[0] == "out_of_stock"
    # Beside a button that takes orders, it speaks of one size or colour.
    assert offer(TITLE + PRICE + link + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "alert",
    ["سيتم إعلامك عبر البريد الإلكتروني حال توافر هذا المنتج بالمخزون.",
     "می‌توانید با ثبت ای‌میل خود از موجود شدن دوباره ی این محصول مطلع شوید.",
     "באפשרותך לקבל אימייל כאשר מוצר זה יחזור להיות במלאי",
     "Anda dapat mendapat email peringatan ketika produk ini distok kembali",
     "この商品が再入荷した際にメールでお知らせを受け取ることができます。",
     "Você pode receber um alerta por e-mail assim que tivermos este produto em estoque.",
     "Možete primati obaveštenja putem email-a kada je ovaj proizvod ponovo na stanju.",
     "Bu ürün stokta tekrar bulunduğunda e-posta alabilirsiniz.",
     "Bạn có thể có một email thông báo khi sản phẩm này về kho",
     "当该商品有货时，您会收到一封通知邮件。", "當商品到貨時，你會收到 email 通知"],
)  # fmt: skip
def test_django_oscar_s_stock_alert_form_in_its_languages_says_out_of_stock(alert: str) -> None:
    """Oscar shows it in the basket form's place; the sentence names "this product", so
    its length does not make it a description."""
    form = f'<form id="alert_form" class="add-to-basket"><p>{alert}</p><input type="email"></form>'
    assert offer(TITLE + PRICE + form)[0] == "out_of_stock"
    assert offer(TITLE + PRICE + form + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize(
    "pickup",
    ["Retiro no disponible actualmente en Centro", "Retirada em Centro indisponível no momento",
     "Preuzimanje trenutačno nije dostupno na lokaciji Centar", "Recolha atualmente indisponível em Centro",
     "Henting er for øyeblikket ikke tilgjengelig hos Sentrum",
     "Afhaling is momenteel niet beschikbaar bij Centrum",
     "Aktuálne nedostupné na vyzdvihnutie na adrese Centrum",
     "Nouto ei ole tällä hetkellä saatavilla paikassa Keskusta",
     "Személyesen egyelőre nem vehető át itt: Belváros",
     # Focal's
     "Récupération actuellement indisponible", "الالتقاط غير متوفر حاليًا",
     "التوصيل غير متوفر حاليًا في Centro",
     # Quebec's word
     "Cueillette non disponible"],
)  # fmt: skip
def test_a_store_s_pickup_in_the_themes_languages_is_not_the_product_s_status(pickup: str) -> None:
    note = f'<div class="pickup-availability-info"><p class="caption-large">{pickup}</p></div>'
    assert offer(TITLE + PRICE + BUTTON + note)[0] == "in_stock"


@pytest.mark.parametrize(
    "sold_out",
    ["No longer available", "Nicht mehr verfügbar", "Nije više dostupno", "Δεν είναι πλέον διαθέσιμο",
     "Ei enää saatavilla", "अब उपलब्ध नहीं", "Már nem érhető el", "더 이상 사용할 수 없음",
     "Больше не доступно", "Ni več na voljo", "Більше не доступний", "Không còn khả dụng nữa",
     "Nie je už k dispozícii", "Již není k dispozici"],
)  # fmt: skip
def test_shopware_s_no_longer_available_in_its_languages_is_sold_out(sold_out: str) -> None:
    """Shopware prints it, with a red dot, where its buy form would be."""
    info = (
        '<div class="product-delivery-information"><p class="delivery-information '
        f'delivery-not-available"><span class="delivery-status-indicator bg-danger"></span> '
        f"{sold_out}</p></div>"
    )
    assert offer(TITLE + PRICE + info)[0] == "out_of_stock"


@pytest.mark.parametrize(
    ("line", "expected"),
    [('<p class="stock out-of-stock">Uit voorraad</p>', "out_of_stock"),
     ('<p class="outofstock availability"><i class="fas fa-ban"></i> Nepasiekiama</p>', "out_of_stock"),
     ('<p class="stock in-stock">3 in voorraad</p>', "in_stock"),
     # the class stale, the words right
     ('<p class="stock out-of-stock">In stock</p>', "in_stock"),
     # not a status: more than a phrase
     ('<div class="out-of-stock-info"><p>Ons stuur vir u e-pos sodra ons weer van hierdie '
      'produk het, en ons hou dit dan vir u vir 24 uur.</p></div>', "in_stock")],
)  # fmt: skip
def test_a_status_line_classed_sold_out_says_it_in_words_the_lists_lack(
    line: str, expected: str
) -> None:
    """WooCommerce prints its stock line, classed by its state, where the cart form would
    be; in a language the word lists lack, the class still says it."""
    assert offer(TITLE + PRICE + line)[0] == expected
    assert offer(TITLE + PRICE + line + BUTTON)[0] == "in_stock"


@pytest.mark.parametrize("note", ["De nouveau en stock", "À nouveau en stock", "Back in stock"])
def test_a_note_that_the_product_is_back_is_no_promise_to_tell(note: str) -> None:
    """ "Back in stock" says it sells now; "... when it is back in stock" promises to tell."""
    assert offer(TITLE + PRICE + f'<p class="badge">{note}</p>')[0] == "in_stock"
