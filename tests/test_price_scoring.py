"""Each scoring weight, shown by a page where it decides which price the page reads as.

Every page shows two prices that differ by one cue. With the cue, the
price it favours wins (or the one it marks down loses); without it, the
other one would. The weights themselves live in `chalicelib.prices.scoring`.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from chalicelib.prices import scoring, visible
from chalicelib.prices.layout import PageView
from chalicelib.prices.scoring import Candidate
from chalicelib.prices.visible import candidates, clean

FIRST, SECOND = Decimal("20.00"), Decimal("30.00")


def shown(body: str) -> list[Candidate]:
    tree = LexborHTMLParser(f"<html><head><title>Teapot</title></head><body>{body}</body></html>")
    clean(tree)
    view = PageView.of(tree, "Teapot")
    assert view is not None
    return sorted(candidates(view, "https://shop.example.de/teapot", "EUR"), key=_rank)


def _rank(candidate: Candidate) -> tuple[float, int]:
    return -candidate.score, candidate.order


def winner(body: str) -> Decimal:
    return shown(body)[0].amount.value


def product(first: str, second: str) -> str:
    """The title, two prices, the buy button: one product block."""
    return (
        '<div class="product"><h1>Teapot</h1>'
        f"<div>{first}</div><div>{second}</div>"
        "<button>In den Warenkorb</button></div>"
    )


PLAIN_A, PLAIN_B = '<span class="price">€20,00</span>', '<span class="price">€30,00</span>'

# weight, the two prices with the cue, and without it; the winner with the cue.
CUES = [
    ("PRICE_CLASS", "<span>€20,00</span>", PLAIN_B, "<span>€30,00</span>", SECOND),
    ("ITEMPROP_PRICE", "<span>€20,00</span>", '<span itemprop="price">€30,00</span>',
     "<span>€30,00</span>", SECOND),
    ("CURRENCY_SHOWN", '<span class="price">20,00</span>', PLAIN_B,
     '<span class="price">30,00</span>', SECOND),
    ("PRICE_LABEL", "<span>€20,00</span>", "Preis: <span>€30,00</span>", "<span>€30,00</span>",
     SECOND),
    ("CURRENT", PLAIN_A, '<span class="price special-price">€30,00</span>', PLAIN_B, SECOND),
    ("CURRENT", PLAIN_A, '<span class="price">Jetzt €30,00</span>', PLAIN_B, SECOND),
    ("CURRENT", PLAIN_A, 'You pay <span class="price">€30,00</span>', PLAIN_B, SECOND),
    ("TAX_IN", PLAIN_A, f"{PLAIN_B} inkl. MwSt.", PLAIN_B, SECOND),
    ("OLD", f"<del>{PLAIN_A}</del>", PLAIN_B, PLAIN_A, SECOND),
    ("SAVING", f"Sie sparen {PLAIN_A}", PLAIN_B, PLAIN_A, SECOND),
    ("SAVING", f"Cashback to your card: {PLAIN_A}", PLAIN_B, PLAIN_A, SECOND),
    ("SHIPPING", f"Versand {PLAIN_A}", PLAIN_B, PLAIN_A, SECOND),
    ("INSTALMENT", f"{PLAIN_A} monatlich", PLAIN_B, PLAIN_A, SECOND),
    ("PER_UNIT", f"{PLAIN_A} / kg", PLAIN_B, PLAIN_A, SECOND),
    ("PER_ITEM", f"{PLAIN_A} / Stk.", PLAIN_B, PLAIN_A, SECOND),
    ("EX_TAX", f"{PLAIN_A} zzgl. MwSt.", PLAIN_B, PLAIN_A, SECOND),
    ("BULK", f"Karton {PLAIN_A}", PLAIN_B, PLAIN_A, SECOND),
    ("CONDITIONAL", f"Mit Kundenkarte {PLAIN_A}", PLAIN_B, PLAIN_A, SECOND),
    ("CONDITIONAL", f"{PLAIN_A} für Mitglieder", PLAIN_B, PLAIN_A, SECOND),
    ("THRESHOLD", f"Spend {PLAIN_A}, get a gift", PLAIN_B, PLAIN_A, SECOND),
    ("THRESHOLD", f"Dès {PLAIN_A} d'achats", PLAIN_B, PLAIN_A, SECOND),
    ("THRESHOLD", f"Ab {PLAIN_A} Bestellwert", PLAIN_B, PLAIN_A, SECOND),
    ("THRESHOLD", f"A free tote with {PLAIN_A} or more", PLAIN_B, PLAIN_A, SECOND),
    ("SAVING", f"Get {PLAIN_A} off your first order", PLAIN_B, PLAIN_A, SECOND),
    ("HIDDEN", f'<div style="display:none">{PLAIN_A}</div>', PLAIN_B, PLAIN_A, SECOND),
    ("IN_VARIANT_LIST", f"<select><option>{PLAIN_A}</option></select>", PLAIN_B, PLAIN_A,
     SECOND),
]  # fmt: skip


@pytest.mark.parametrize(("weight", "first", "second", "plain", "expected"), CUES)
def test_a_cue_on_one_price_decides(
    weight: str, first: str, second: str, plain: str, expected: Decimal
) -> None:
    points = getattr(scoring, weight)
    assert winner(product(first, second)) == expected, weight
    cued = next(c for c in shown(product(first, second)) if c.amount.value == expected)
    other = FIRST if expected == SECOND else SECOND
    # Without the cue, the other price wins.
    if points > 0:
        assert winner(product(first, plain)) == other, weight
    else:
        assert winner(product(plain, second)) == other, weight
    assert cued.score != 0


@pytest.mark.parametrize(
    "heading",
    ["Customers also viewed", "You may also like", "Das könnte Ihnen auch gefallen",
     "Consider this available item", "Alternative products", "Alternative Produkte", "Produits alternatifs"],
)  # fmt: skip
def test_a_block_a_heading_names_as_other_products_is_related(heading: str) -> None:
    others = f'<div><h2>{heading}</h2><div class="tile"><a href="/p/2">Cup</a>{PLAIN_A}</div></div>'
    body = f'<div class="product"><h1>Teapot</h1><button>In den Warenkorb</button></div>{others}'
    [price] = shown(body)
    assert "related" in price.kinds
    # The product's own block under a heading of its own ("Similar products" in a
    # details list) is not: the heading does not open a block without the title.
    own = f'<div class="product"><h1>Teapot</h1><h3>Similar products</h3>{PLAIN_B}</div>'
    [price] = shown(own)
    assert "related" not in price.kinds


def test_bare_wrappers_put_no_distance_between_a_price_and_its_title() -> None:
    """A component library nests <div>s with nothing on them; they are no step."""
    wrapped = "<div>" * 12 + PLAIN_A + "</div>" * 12
    [price] = shown(f'<div class="product"><h1>Teapot</h1>{wrapped}</div>')
    assert f"{scoring.NEAR_TITLE[0][1]:+g} near the title (3)" in price.reasons


def test_a_deeply_nested_price_is_still_in_the_product_s_block() -> None:
    """Chains of ancestors reach the page's root however deep (within a hostile page's
    bound), so a title and a buy button 80 named levels down still share their block."""

    def nested(html: str, levels: int) -> str:
        return "".join(f'<div class="l{i}">' for i in range(levels)) + html + "</div>" * levels

    body = nested("<h1>Teapot</h1>" + nested(PLAIN_A + "<button>In den Warenkorb</button>", 70), 10)
    [price] = shown(body)
    assert f"{scoring.PRODUCT_BLOCK:+g} in the product block" in price.reasons


def test_a_from_price_is_no_spend() -> None:
    assert winner(product(f"{PLAIN_A} + orders ship free", PLAIN_B)) == SECOND
    # The cheapest size's price: "€20,00+", "Dès €20,00".
    assert winner(product(f"{PLAIN_A}+", PLAIN_B)) == FIRST
    assert winner(product(f"Dès {PLAIN_A}", PLAIN_B)) == FIRST
    assert winner(product(f"{PLAIN_A} + <span>€4,99</span> Versand", PLAIN_B)) == FIRST


def test_the_words_after_a_number_on_the_line_above_are_that_number_s() -> None:
    promo = "<p>Spend €100,00, get €10,00 off</p>"
    body = f'<div class="product"><h1>Teapot</h1>{promo}<p>€30,00</p><button>Kaufen</button></div>'
    assert winner(body) == SECOND
    [price] = [c for c in shown(body) if c.amount.value == SECOND]
    assert not any("saving" in reason for reason in price.reasons)
    # A line of words alone above a price still labels it.
    was = '<div class="product"><h1>Teapot</h1><p>Was</p><p>€30,00</p><p>€20,00</p></div>'
    assert winner(was) == FIRST


@pytest.mark.parametrize("lead", ["One more offer at", "Weitere Angebote ab", "Only"])
def test_words_that_also_lead_to_other_offers_do_not_label_the_price_now(lead: str) -> None:
    assert winner(product(PLAIN_A, f"{lead} {PLAIN_B}")) == FIRST


def test_related_products_and_the_page_regions() -> None:
    related = f'<div class="related-products"><div class="card">{PLAIN_A}</div><div class="card"><span class="price">€25,00</span></div></div>'
    body = f"<header>{PLAIN_A}</header>" + product(related, PLAIN_B)
    assert winner(body) == SECOND
    losers = [c for c in shown(body) if c.amount.value != SECOND]
    assert all("related" in c.kinds for c in losers)
    assert all(
        f"{scoring.RELATED:+g} related products, another offer, header, footer or basket"
        in c.reasons
        for c in losers
    )
    # Without the related block, the first price of the block wins.
    assert winner(product(PLAIN_A, PLAIN_B)) == FIRST


@pytest.mark.parametrize(
    ("box", "related"),
    [
        ("listing-page-cart", False),  # a marketplace calls its product page a listing
        ("listing-right-column", False),
        ("product-listing", True),
        ("listing-grid", True),
        ("search-listings", True),
    ],
)
def test_a_listing_is_the_product_s_own_page_and_listings_are_others(
    box: str, related: bool
) -> None:
    [price] = shown(product(f'<div class="{box}">{PLAIN_A}</div>', ""))
    assert ("related" in price.kinds) == related


def test_a_slider_showing_one_product_is_that_product_s_own() -> None:
    hero = '<div class="hero-slider"><span class="price price-new">€30,00</span><span class="price price-old">€40,00</span></div>'
    body = product("", hero).replace("<div></div>", f"<aside>{PLAIN_A}</aside>", 1)
    [best, *_] = shown(body)
    assert best.amount.value == SECOND
    assert "related" not in best.kinds
    assert any("its block shows one product" in reason for reason in best.reasons)


def test_in_the_product_block_and_near_the_title_and_the_buy_button() -> None:
    far = f"<div><div><div><div><div><div><div><div>{PLAIN_A}</div></div></div></div></div></div></div></div>"
    body = f"<section>{far}</section>" + product("", PLAIN_B)
    [best, *rest] = shown(body)
    assert best.amount.value == SECOND
    reasons = " ".join(best.reasons)
    assert f"{scoring.PRODUCT_BLOCK:+g} in the product block" in reasons
    assert "near the title" in reasons
    assert f"{scoring.NEAR_BUY:+g} near the buy button" in reasons
    assert not any("in the product block" in r for r in rest[0].reasons)


def test_far_below_the_buy_button() -> None:
    filler = "<p>more</p>" * 450
    body = product(PLAIN_A, "") + filler + f'<div class="x">{PLAIN_B}</div>'
    scores = {c.amount.value: c for c in shown(body)}
    assert f"{scoring.FAR_BELOW_BUY:+g} far below the buy button" in scores[SECOND].reasons
    assert winner(body) == FIRST


def test_a_page_showing_thousands_of_prices_is_read_up_to_a_bound() -> None:
    tiles = "".join(
        f'<li class="tile"><a href="/p{n}">Cup {n}</a> €{n},00</li>' for n in range(3000)
    )
    found = shown(product(PLAIN_A, "") + f"<ul>{tiles}</ul>")
    assert len(found) == visible.MAX_CANDIDATES
    assert found[0].amount.value == FIRST


def test_a_page_of_numbers_is_read_up_to_a_bound() -> None:
    numbers = "".join(f"<li>Part no. {n}</li>" for n in range(visible.MAX_NUMBER_TEXTS))
    assert shown(f"<ul>{numbers}</ul>" + product(PLAIN_A, "")) == []
    assert winner(f"<ul>{numbers[: len(numbers) // 2]}</ul>" + product(PLAIN_A, "")) == FIRST


def test_a_quantity_picker_s_element_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of its 999 numbers widens to the same <select>: read once, not 999 times."""
    reads: Counter[int] = Counter()
    read_text = visible._read_text

    def counted(node: LexborNode) -> visible.Reading | None:
        reads[node.mem_id] += 1
        return read_text(node)

    monkeypatch.setattr(visible, "_read_text", counted)
    options = "".join(f"<option>{n}</option>" for n in range(1, 1000))
    assert winner(product(PLAIN_A, "") + f'<select name="qty">{options}</select>') == FIRST
    assert max(reads.values()) == 1


def test_a_price_shown_again_is_likelier() -> None:
    body = product(PLAIN_A, PLAIN_B) + f'<div class="sticky-bar">{PLAIN_B}</div>'
    assert winner(body) == SECOND
    assert winner(product(PLAIN_A, PLAIN_B)) == FIRST
    [best, *_] = shown(body)
    assert f"{scoring.SHOWN_AGAIN:+g} shown more than once" in best.reasons


def test_a_price_read_in_an_element_and_in_one_around_it_is_shown_once() -> None:
    body = product("<label>Subscribe &amp; save 10% <span>€30,00</span></label>", PLAIN_A)
    read = [c for c in shown(body) if c.amount.value == SECOND]
    assert len(read) == 2  # in the <span>, and in the <label> with its words
    assert not any("shown more than once" in reason for c in read for reason in c.reasons)
    assert winner(body) == FIRST


@pytest.mark.parametrize(
    "name",
    ["price-old", "oldPrice", "price_old", "price-standard", "streichpreis", "alter-preis",
     "ancien-prix", "precio-anterior", "prezzo-barrato", "oude-prijs", "stara-cena",
     "puvodni-cena", "preco-antigo", "eski-fiyat", "cena-przekreslona", "precio-tachado",
     "prc-org", "price-orig", "price_org"],
)  # fmt: skip
def test_a_class_naming_an_old_price_marks_it_down(name: str) -> None:
    assert winner(product(f'<span class="price {name}">€20,00</span>', PLAIN_B)) == SECOND


@pytest.mark.parametrize(
    "name",
    ["aktionspreis", "sonderpreis", "angebotspreis", "precio-oferta", "prezzo-scontato",
     "actieprijs", "cena-promocyjna", "indirimli-fiyat", "akcni-cena", "prix-reduit",
     "precio-rebajado"],
)  # fmt: skip
def test_a_class_naming_the_price_now_in_other_languages_lifts_it(name: str) -> None:
    assert winner(product(PLAIN_A, f'<span class="price {name}">€30,00</span>')) == SECOND


@pytest.mark.parametrize(
    "name", ["bold", "gold-member", "placeholder", "sold-out", "holder", "org-price", "origin"]
)
def test_old_inside_another_word_is_not_an_old_price(name: str) -> None:
    assert winner(product(f'<span class="price {name}">€20,00</span>', PLAIN_B)) == FIRST


@pytest.mark.parametrize("discount", ["-33%", "33 % off", "Sie sparen €10,00"])
def test_of_two_prices_beside_the_discount_between_them_the_higher_is_the_old_one(
    discount: str,
) -> None:
    # Struck through only by a stylesheet, under class names a build tool made up.
    old, now = '<span class="css-x1">€30,00</span>', '<span class="css-x2">€20,00</span>'
    assert winner(product(old, f"{now} <em>{discount}</em>")) == FIRST
    # Without it, nothing tells them apart: the first shown wins.
    assert winner(product(old, now)) == SECOND
    # A discount other than the one between them says nothing of them.
    assert winner(product(old, f"{now} <em>-10%</em>")) == SECOND
    # Offered as choices, both are prices one may pay.
    choices = (
        f'<label><input type="radio" name="plan">One-time {old}</label>'
        f'<label><input type="radio" name="plan">Subscribe {now}</label><em>{discount}</em>'
    )
    assert winner(product(choices, "")) == SECOND


def test_a_discount_stated_over_the_box_of_two_prices_tells_them_apart_too() -> None:
    old, now = '<span class="css-x1">€30,00</span>', '<span class="css-x2">€20,00</span>'
    box = f"<div><div>{old}</div><div>{now}</div></div>"
    around = f"<div><div><em>Rabatt 33%</em></div><div>{box}</div></div>"
    assert winner(product(around, "")) == FIRST
    # Further up, it may be another box's.
    far = f'<div><em>Rabatt 33%</em><div class="a"><div class="b"><div class="c">{box}</div></div></div></div>'
    assert winner(product(far, "")) == SECOND


def test_a_discounted_price_is_the_price_and_a_discount_is_a_saving() -> None:
    for name in ("discounted-price", "discountPrice", "price-no-discount"):
        assert winner(product(f'<span class="price {name}">€20,00</span>', PLAIN_B)) == FIRST
    discount = '<span class="price discount-amount">€20,00</span>'
    assert winner(product(PLAIN_B, discount)) == SECOND
    # A price inside a discount box is still read (a count is not).
    boxed = '<div class="product-discount"><span>€20,00</span></div>'
    assert any(c.amount.value == FIRST for c in shown(product(boxed, PLAIN_B)))


@pytest.mark.parametrize("box", ["product-discount", "account-price", "country-price"])
def test_a_price_in_a_box_whose_name_holds_count_is_read(box: str) -> None:
    boxed = f'<div class="{box}"><span>€20,00</span></div>'
    assert any(c.amount.value == FIRST for c in shown(product(boxed, "")))


def test_nowrap_is_not_a_current_price() -> None:
    nowrap = '<span class="price nowrap">€20,00</span>'
    assert winner(product(nowrap, '<span class="price special-price">€30,00</span>')) == SECOND


@pytest.mark.parametrize(
    ("classes", "is_hidden"),
    [("hidden", True), ("d-none", True), ("hidden md:block", False), ("d-none d-lg-flex", False)],
)
def test_a_copy_shown_again_from_some_screen_width_is_not_hidden(
    classes: str, is_hidden: bool
) -> None:
    body = product(f'<div class="{classes}">{PLAIN_A}</div>', PLAIN_B)
    first = next(c for c in shown(body) if c.amount.value == FIRST)
    assert ("hidden" in first.kinds) is is_hidden


@pytest.mark.parametrize("note", ["Only 3 left", "Earn 120 points", "Ships in 1-2 business days"])
def test_a_count_inside_the_price_box_is_no_price(note: str) -> None:
    body = (
        '<h1>Teapot</h1><div class="price"><span>€ 119,01</span>'
        f"<div>{note}</div></div><button>Kaufen</button>"
    )
    assert [c.amount.value for c in shown(body)] == [Decimal("119.01")]


def test_the_basket_total_is_not_the_price() -> None:
    body = '<a href="/basket">Your basket: 2 items €30,00</a>' + product(PLAIN_A, "")
    basket = next(c for c in shown(body) if c.amount.value == SECOND)
    assert "related" in basket.kinds
    button = next(c for c in shown(product("<button>Add to cart – €20,00</button>", "")))
    assert "related" not in button.kinds


@pytest.mark.parametrize(
    "after",
    [
        # words leading on to the next price are its label
        "Grundpreis: €30,00 / 1 kg", "Versand ab €30,00", "Monatlich ab €30,00",
        # a statement of its own
        "Tax included. Shipping calculated at checkout.", "Shipping unavailable",
        "Financing available", "Klarna available", "Delivery not available",
    ],
)  # fmt: skip
def test_what_follows_the_price_on_a_line_of_its_own_is_not_a_note_on_it(after: str) -> None:
    body = f'<h1>Teapot</h1><div><p class="price">€20,00</p><p>{after}</p></div>'
    price = next(c for c in shown(body) if c.amount.value == FIRST)
    assert price.selling
    # What hangs on the price from the next line, or follows it on its own line, is.
    attached = '<h1>Teapot</h1><p class="price">€20,00</p><p>/ Monat</p><button>Kaufen</button>'
    assert not next(c for c in shown(attached)).selling
    same_line = '<h1>Teapot</h1><div><span class="price">€20,00</span> <span>shipping</span></div>'
    assert not next(c for c in shown(same_line)).selling


@pytest.mark.parametrize(
    ("text", "is_shipping"),
    [
        ("€20,00 zzgl. Versand", False),
        ("€20,00 + free shipping", False),
        ("Versand: €20,00", True),
        ("€20,00 Versand", True),
    ],
)
def test_a_delivery_named_after_a_price_with_plus_or_free_is_a_note(
    text: str, is_shipping: bool
) -> None:
    body = f"<h1>Teapot</h1><p>{text}</p><button>Kaufen</button>"
    price = next(c for c in shown(body) if c.amount.value == FIRST)
    assert ("shipping" in price.kinds) is is_shipping


@pytest.mark.parametrize(
    "block", ["produits-similaires", "productos-relacionados", "artikel-empfehlungen", "zubehoer",
              "podobne-produkty", "aanbevolen"],
)  # fmt: skip
def test_related_products_named_in_other_languages_are_related(block: str) -> None:
    body = product(PLAIN_B, "") + f'<div class="{block}"><a href="/x">Kanne</a> {PLAIN_A}</div>'
    related = next(c for c in shown(body) if c.amount.value == FIRST)
    assert "related" in related.kinds


@pytest.mark.parametrize("name", ["hinta", "kaina", "cijena", "harga", "betrag", "montant"])
def test_a_class_naming_a_price_in_other_languages_is_a_price_class(name: str) -> None:
    assert winner(product("<span>€20,00</span>", f'<span class="{name}">€30,00</span>')) == SECOND
