"""Price strings as shops print them, read into exact amounts.

price-parser does the heavy lifting (grouping and decimal separators in
every locale); here we add what it cannot know: the currency's own digits
(`$24.990` in Chile is 24990, `KD 34.000` in Kuwait is 34), instalment
prefixes (`3 x 33,33 €`), and plausibility bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import itemgetter

from chalicelib.money import minor_digits
from chalicelib.prices import words
from chalicelib.prices.currency_marks import country_currency, currency_of, inside_a_word, widened

MAX_PRICE = Decimal(1_000_000_000)
VAT_RATES = tuple(
    Decimal(rate)
    for rate in "1.04 1.05 1.055 1.06 1.07 1.08 1.09 1.1 1.12 1.13 1.135 1.14 1.15 1.16 1.17 1.18 "
    "1.19 1.2 1.21 1.22 1.23 1.24 1.25 1.255 1.27".split()
)
CENT = Decimal("0.01")
PARSED_KEPT = 4_096  # texts whose reading is kept: about a large page's worth
MARK_REACH = 6  # characters between a number and its mark at most, spaces included ("R$ ", "руб.")
_MACHINE = re.compile(r"\s*\d{1,12}(?:\.\d{1,6})?\s*")
_INSTALMENT = re.compile(r"^\s*\d{1,2}\s*[x×]\s*\D", re.IGNORECASE)
_DIGITS = re.compile(r"\d")
# A number as shops group it: "1,299.99", "1.299,99", "1 299", "1'299"; after a space, only
# a group of three ("12€99 10€50" is two numbers).
# Spaces shops group thousands with: a plain, a no-break, a narrow no-break (French), a thin,
# a hair and a figure space.
GROUP_SPACES = " \u00a0\u202f\u2009\u200a\u2007"
AMOUNT_GROUPS = re.compile(rf"\d+(?:[.,'’]\d+|[{GROUP_SPACES}]\d{{3}}(?!\d))*")
# A mark ending in a point, the digits right after it: "Rs.1299" (not 0.1299).
_POINTED_MARK = re.compile(r"(?<![^\W\d_])((?:rs|fr|sfr|kr|gs|din)\.)(?=\d)", re.IGNORECASE)
# Pence, on British shops: "99p", "7.5p" (not "1080p", "4pk").
_PENCE = re.compile(r"(?<![\d.,])(\d{1,2}(?:\.\d)?) ?p(?![^\W_])")
# The euro sign where the decimal comma goes, as French shops print it: "12€99", "35€ 99"
# (not "10€ 20%", nor "30€ 40€": two prices).
_EURO_CENTS = re.compile(r"€ ?\d\d(?![\d%.,]| ?€)")
# The cents set apart from their decimal mark by a space, as a page's elements join:
# "118, 99 TL", "$119. 95" (price-parser reads them; the space is taken out before the
# number beside the mark is looked for).
_SPACED_CENTS = re.compile(r"(?<=\d[.,]) (?=\d\d(?!\d))")
# Digits, a space, then anything but a group of three: two numbers side by side ("£20 15"),
# which price-parser would join into one (2015).
_SIDE_BY_SIDE = re.compile(rf"\d[{GROUP_SPACES}]+(?!\d{{3}}(?!\d))(?=\d)")


# Digits, separators and marks of other scripts, as ASCII: Arabic-Indic and Persian digits
# with their separators (١٬٢٩٩٫٠٠), fullwidth ones and marks (１，２００円, ＄１２．９９,
# ￡), the typographic apostrophe grouping Swiss thousands (1’299.00), and thin spaces as
# the no-break space. Each character stands for one: where a number stands is kept.
_DIGITS_ELSEWHERE = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９٬٫，．’＄￡￦\u2009\u200a\u2007",
    "0123456789" * 3 + ",.,.'$£₩" + "\u00a0" * 3,
)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str | None  # ISO 4217: from the text, else from the hint given
    mark: str | None  # the currency as written ('€', 'zł', 'USD', '$'); None if not shown


def parse_machine(value: object) -> Decimal | None:
    """A number as structured data writes it: 1299, "1299.00", 12.5."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    elif isinstance(value, str) and _MACHINE.fullmatch(value):
        number = Decimal(value.strip())
    else:
        return None
    return _tidy(number) if Decimal(0) < number < MAX_PRICE else None


def parse_amount(
    text: str, url: str | None = None, currency_hint: str | None = None
) -> Amount | None:
    """The price in a short text ('1.299,99 €', 'CHF 1'299.90', '¥1,299'), or None."""
    if not _DIGITS.search(text) or len(text) > 80 or _INSTALMENT.match(text):
        return None
    return _parse_short(text, url, currency_hint)


@lru_cache(maxsize=PARSED_KEPT)
def _parse_short(text: str, url: str | None, currency_hint: str | None) -> Amount | None:
    """Kept once read: a page repeats its prices (in tiles; an element, then its parent)."""
    from price_parser import Price

    text = words.DURATION.sub(" ", text.translate(_DIGITS_ELSEWHERE))  # "30 days" is no price
    text = _SPACED_CENTS.sub("", text)
    apart = _SIDE_BY_SIDE.search(text)
    if apart:
        text = text[: apart.start() + 1]  # the first of them
    parsed = Price.fromstring(text)
    if parsed.amount is not None and parsed.amount < 1 and _POINTED_MARK.search(text):
        text = _POINTED_MARK.sub(r"\1 ", text)  # "Rs.1299" read as 0.1299
        parsed = Price.fromstring(text)
    mark = widened(parsed.currency, text)
    beside = _beside_mark(text, mark)
    if beside != text:  # "2 items £34.98": price-parser reads the first number, 2
        text, parsed = beside, Price.fromstring(beside)
        mark = widened(parsed.currency, text)
    if parsed.amount is None:
        return None
    pence = _PENCE.search(text) if not mark else None
    if pence and "GBP" in (currency_hint, country_currency(url)):
        return Amount(_tidy(Decimal(pence.group(1)) / 100), "GBP", "p")
    marked = currency_of(mark, url) if mark and not inside_a_word(mark, text) else None
    currency = marked or currency_hint
    value = parsed.amount
    if minor_digits(currency) == 3 and parsed.amount_text:
        # price-parser reads '34.000' as thousands; with three-digit fils it is 34.
        reread = Price.fromstring(text, decimal_separator=".")
        if reread.amount is not None:
            value = reread.amount
    try:
        value = Decimal(value)
    except InvalidOperation:
        return None
    if not Decimal(0) < value < MAX_PRICE:
        return None
    return Amount(_tidy(value), currency, mark if marked else None)


@dataclass(frozen=True)
class Marked:
    """A number written beside its currency mark, and where it stands in its text."""

    start: int  # the mark or the number, whichever comes first
    end: int
    amount: Amount


def marked_amounts(text: str, url: str | None = None, hint: str | None = None) -> list[Marked]:
    """Every number in a short text written beside a currency mark ("Was $40 Now $30"),
    each read on its own. A mark between two numbers goes to the nearer; at equal
    distance, to the one it follows if the text opens with a number ("30 € 40 €")."""
    if not text.isascii():
        text = text.translate(_DIGITS_ELSEWHERE)  # a mark is looked for where it is written
    groups = list(AMOUNT_GROUPS.finditer(text))
    trailing = _marks_trail(text)
    found: list[Marked] = []
    cents = -1  # the group read as the one before's cents ("12€99")
    for index, group in enumerate(groups):
        if index == cents:
            continue
        low = max(groups[index - 1].end() if index else 0, group.start() - MARK_REACH)
        high = group.end() + MARK_REACH
        if index + 1 < len(groups):
            after = groups[index + 1]
            euro_cents = _EURO_CENTS.match(text, group.end())
            if euro_cents and euro_cents.end() == after.end():
                amount = parse_amount(text[group.start() : after.end()], url, hint)
                if amount is not None:
                    found.append(Marked(group.start(), after.end(), amount))
                    cents = index + 1
                    continue
            high = min(high, after.start())
        amount = parse_amount(text[low:high], url, hint)
        if amount is None or not amount.mark:
            continue
        spots = [
            (low + m.start(), low + m.end())
            for m in _as_written(amount.mark).finditer(text[low:high])
        ]
        owned = [(at, end) for at, end in spots if _nearest(groups, at, end, trailing)[1] is group]
        if owned:
            at, end = min(owned, key=lambda spot: _gap(group, spot[0], spot[1], trailing))
            found.append(Marked(min(at, group.start()), max(end, group.end()), amount))
    return found


@lru_cache(maxsize=64)
def _as_written(mark: str) -> re.Pattern[str]:
    """A mark as a text may write it, with a space inside ("US $" for "US$", `widened`) or
    a point after its letters ("Rs. 999")."""
    written = f"[{GROUP_SPACES}]?".join(map(re.escape, mark))
    return re.compile(written + (r"\.?" if mark[-1:].isalpha() else ""))  # "Rs." for "Rs"


def _beside_mark(text: str, mark: str | None) -> str:
    """The number written beside the currency mark, with the mark: "2 items £34.98" is
    "£34.98", "Case of 12: US $27" is "US $27", "£120.00, now" is "£120.00"; of a mark
    written twice, the one nearest a number (":- 999:-" is "999:-")."""
    if not mark:
        return text
    groups = list(AMOUNT_GROUPS.finditer(text))
    if not groups:
        return text
    trailing = _marks_trail(text)
    pairs = []
    for written in _as_written(mark).finditer(text):
        at, end = written.span()
        if at and text[at - 1].isdigit() and (cents := _EURO_CENTS.match(text, at)):
            whole = next(g for g in groups if g.end() == at)
            return text[whole.start() : cents.end()]  # "12€99"
        gap, group = _nearest(groups, at, end, trailing)
        if gap[0] <= 2:
            pairs.append((gap, at, end, group))
    if not pairs:
        return text
    _, at, end, group = min(pairs, key=itemgetter(0))
    return text[min(at, group.start()) : max(end, group.end())]


def _marks_trail(text: str) -> bool:
    """Whether a text writes its marks after the numbers: it opens with a number."""
    return text.lstrip()[:1].isdigit()


def _gap(group: re.Match[str], start: int, end: int, trailing: bool) -> tuple[int, bool]:
    """How far a mark written at `start`:`end` stands from a number; at equal distance,
    the one it stands on the text's side of (`trailing`: after) comes first."""
    before = start >= group.end()  # the mark follows the number
    return (start - group.end() if before else group.start() - end), before != trailing


def _nearest(
    groups: list[re.Match[str]], start: int, end: int, trailing: bool
) -> tuple[tuple[int, bool], re.Match[str]]:
    """The number a mark written at `start`:`end` goes with, and how far it stands."""
    return min(((_gap(g, start, end, trailing), g) for g in groups), key=itemgetter(0))


def plus_vat(net: Decimal, gross: Decimal) -> bool:
    """`gross` is `net` with one of the world's common VAT rates added, to the cent (to
    the unit where both are whole hundreds or more: 2,980円 is 3,278円 with 10%)."""
    whole = net == net.to_integral_value() and gross == gross.to_integral_value()
    tolerance = Decimal(1) if whole and net >= 100 else CENT
    return any(abs(net * rate - gross) <= tolerance for rate in VAT_RATES)


def _tidy(value: Decimal) -> Decimal:
    """24990, not 2.499E+4; 24.90 stays 24.90."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value
