"""The word lists' patterns: grouped for speed, matching as the plain alternation does."""

from __future__ import annotations

import re
import tracemalloc
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.prices import words
from chalicelib.prices.dom import READ_PAST, plain
from chalicelib.prices.stock import words as stock_words
from chalicelib.prices.words import alternatives, any_of, bare_too

# Pieces of the kinds the word lists are written with: words, words at a word's edge,
# groups, optional letters, classes, anchors, a piece holding its own "|", and words
# opening with letters beyond ASCII.
PIECES = [
    "ab", "abc", "b", "ba", "bab", "a b", r"\bab", r"ab\b", r"\bb\b", "(?:a|b)c", "a?b",
    "[ab]c", "a.b", "c$", "^a", "a+c", "b{2}", "bc|ca", "(?<!a)b", "a(?!b)", r"a\|b", "[|]a",
    "(?:ab|b c)a", "(?:a|b)?c", "(?:a|bc)+b", "éa", "é b", r"\béa", "üb", "(?:é|ü)a", "aé",
    "[éa]b", r"\b[üa]c", "(?:a|[éb]a)c", "[ab]?c", "[^a]b", "(?:(?:a|b) |c)a", "(?:a|b?)c",
    r"(?:\bé|a+)\W*$",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8),
    st.text(alphabet="abcéü |", max_size=14),
)
def test_grouping_matches_where_the_plain_alternation_does(pieces: list[str], text: str) -> None:
    grouped, plain = any_of(*pieces).search(text), re.compile("|".join(pieces)).search(text)
    assert (grouped is None) == (plain is None)
    if grouped is not None and plain is not None:
        assert grouped.start() == plain.start()


def test_a_pattern_is_split_only_at_its_own_bars() -> None:
    assert alternatives(r"a|(?:b|c)d|[|x]|\||e") == ["a", "(?:b|c)d", "[|x]", r"\|", "e"]


def test_alternatives_sharing_a_first_letter_are_grouped() -> None:
    grouped = any_of("sold out", "sale ended", "sales over", r"\bgone", r"(?:no|zero) stock")
    # ...and within a letter, by the next one. A group of plain words opening an alternative
    # is written out word by word.
    assert grouped.pattern == (
        r"s(?:old out|a(?:le ended|les over))|g(?<!\w.)one|no stock|zero stock"
    )
    # So is one holding more than plain words, and a group opening one of its alternatives:
    # a group left whole would be tried at every place of every text.
    opened = any_of(r"(?:sold|売却済み?)\W*$", r"(?:(?:no|zero) |out of )stock").pattern
    assert opened == (
        r"sold\W*$|no stock|zero stock|out of stock|(?=[^\x00-\x7f])(?:売却済み?\W*$)"
    )
    # Not one that is optional or repeated: written out, it would no longer be either.
    kept = any_of(r"(?:being )?restocked", r"(?:a|b)+c").pattern
    assert kept == r"(?:being )?restocked|(?:a|b)+c"


def test_groups_opening_beyond_ascii_wait_behind_one_test() -> None:
    """Most text is ASCII: there, the groups of other letters are not tried one by one."""
    grouped = any_of("ausverkauft", "épuisé", "品切れ", "agotado", "ελεύθερο").pattern
    assert grouped == r"a(?:usverkauft|gotado)|(?=[^\x00-\x7f])(?:épuisé|品切れ|ελεύθερο)"


def test_an_alternative_opening_with_a_class_of_letters_is_grouped_under_each() -> None:
    assert any_of(r"[ée]puisé", r"\b[ée]n rupture").pattern == (
        r"e(?:puisé|(?<!\w.)n rupture)|(?=[^\x00-\x7f])(?:é(?:puisé|(?<!\w.)n rupture))"
    )


def test_an_accented_letter_of_a_word_list_also_matches_the_letter_bare() -> None:
    """Shops write "Epuisé", "EPUISE", "Neni skladem"; Greek capitals drop their accents."""
    assert bare_too("épuisé") == "[ée]puis[ée]"
    assert bare_too("disponibilit[éyà]") == "disponibilit[éyàea]"  # a class takes them in
    assert bare_too(bare_too("není")) == "nen[íi]"  # once
    assert bare_too("εξαντλήθηκε") == "εξαντλ[ήη]θηκε"
    # A negated class, a letter of its own and marks that are no accents stay as written.
    assert bare_too("[^é]ł ø ガ ไม่มี") == "[^é]ł ø ガ ไม่มี"
    # ...and so does a letter written as an escape, a word kept from its bare twin
    assert bare_too(r"\b\u010de\b") == r"\b\u010de\b"
    assert not re.search(bare_too(r"\b\u010de\b"), "ce produit")
    assert re.search(bare_too(r"\b\u010de\b"), "če ni na zalogi")
    assert re.fullmatch(bare_too(r"nicht (?:mehr )?verfügbar"), "nicht verfugbar")
    # Turkish in capitals: "I" lower-cases to "i", and `plain` writes "İ" as "I"
    assert re.fullmatch(bare_too("stok dışı"), plain("STOK DIŞI").lower())
    assert plain("GEÇİCİ OLARAK TEMİN EDİLEMİYOR").lower() == "geçici olarak temin edilemiyor"


def test_a_word_list_is_grouped_unless_it_captures_parts_to_read() -> None:
    listed = r"(?:sold|vendu) out|épuisé"
    assert stock_words.word_pattern(listed).pattern == any_of(bare_too(listed)).pattern
    way = stock_words.word_pattern(r"(?P<way>delivery|pickup): (?:no|yes)")
    assert way.match("pickup: no").group("way") == "pickup"  # type: ignore[union-attr]


def test_the_quick_status_test_leaves_no_alternative_ungrouped() -> None:
    """An alternative left out of the groups (one opening with an optional word) is tried
    at every place of every text a page holds: "(?:a)?waiting for stock" cost every page
    0.6% more instructions."""
    grouped = re.compile(r"[^\\()\[\].^$|?*+{](?![?*+{])|\(\?=\[\^\\x00-\\x7f\]\)")
    ungrouped = [
        alternative
        for alternative in alternatives(stock_words.ANY_STATUS.pattern)
        if not grouped.match(alternative)
    ]
    assert not ungrouped, ungrouped


def test_the_word_lists_write_letters_as_the_texts_they_search_are_written() -> None:
    """Texts are searched as `plain` leaves them (NFKC, optional marks taken out): a Thai
    "ำ" becomes "ํา", so a word list holding "ำ" or Arabic's "ّ" would never match."""
    patterns = [
        value.pattern if isinstance(value, re.Pattern) else value
        for module in (words, stock_words)
        for name, value in vars(module).items()
        if isinstance(value, (re.Pattern, str)) and not name.startswith("__")
    ]
    changed = {
        char
        for pattern in patterns
        for char in pattern
        if unicodedata.category(char)[0] in "LM"
        and (unicodedata.normalize("NFKC", char) != char or READ_PAST.match(char))
    }
    assert not changed


def test_text_is_read_without_the_marks_a_reader_reads_past() -> None:
    """Arabic's vowel marks and stretching line and Hebrew's points are optional: shops
    write "السلّة" or "السـلة" for the word lists' "السلة"."""
    assert plain("أضف إلى السلّة") == "أضف إلى السلة"
    assert plain("غير متـوفر") == "غير متوفر"
    assert plain("הוֹסֵף לַסַּל") == "הוסף לסל"
    # Hebrew's hyphen is no mark; nor is an Arabic digit
    assert plain("בית־ספר ٣") == "בית־ספר ٣"


def test_a_basket_holding_items_is_no_buy_action() -> None:
    """Ukrainian "to the basket" adds to it; "in the basket" says what is in it."""
    assert words.BUY_ACTION.search("у кошик")
    assert not words.BUY_ACTION.search("3 товари у кошику")


def test_a_remembered_search_answers_as_the_pattern_and_keeps_no_long_text() -> None:
    """Class names and phrases are read again and again, so their answers are kept; a
    hostile page's names of a megabyte each must not stay in memory with them."""
    found = words.remembered(re.compile("sale"))
    for text in ("price sale", "price", "price sale", "Sale"):
        assert found(text) == (re.search("sale", text) is not None)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(30):
        assert found(f"{n} {'x' * 1_000_000} sale")
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 1_000_000
