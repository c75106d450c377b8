"""What shops write around prices, in the languages they write it in.

Each pattern names one kind of text, searched in a price's label (the words
just before it), its own text, the words after it, or the class and id names
of the elements around it. Patterns are written in lower case and searched
in lower-cased text, which is several times faster than asking the regular
expression engine to ignore case. Add a language by adding its
words here; nothing else changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache

from chalicelib.prices.memo import kept_for_short_texts

_OPERATORS = set("\\()[].^$|?*+{")
# A class of letters opening an alternative, as `bare_too` writes an accented one: "[ée]".
_LETTER_CLASS = re.compile(r"\[([^\W\d_]{2,})\]")
_COMBINING_ACCENTS = re.compile("[\u0300-\u036f]+")
# What `bare_too` leaves to itself: an escaped character, or a class.
_ESCAPED_OR_CLASS = re.compile(r"(\\.|\[\^?\]?(?:\\.|[^\]\\])*\])", re.DOTALL)


def bare_too(pattern: str) -> str:
    """The pattern with each accented letter also matching the letter bare ("é" as "[ée]"):
    shops write "Epuisé" and "EPUISE", "Neni skladem" and "niedostepny", and Greek
    capitals drop their accents. A negated class is left as it is, and so is a letter
    written as an escape ("\\u010d"): the way a list keeps a word whose bare form is
    another language's word (Slovenian "če", "if", is French "ce" bare)."""
    return "".join(
        _class_bare_too(piece) if at % 2 else piece.translate(_ACCENTED)  # split's odd ones
        for at, piece in enumerate(_ESCAPED_OR_CLASS.split(pattern))
    )


def _class_bare_too(piece: str) -> str:
    if not piece.startswith("[") or piece.startswith("[^"):
        return piece
    bare = (b for letter in piece if (b := _bare(letter)) and b not in piece)
    return piece[:-1] + "".join(dict.fromkeys(bare)) + "]"


@cache
def _bare(letter: str) -> str:
    """The letter without its accents ("é": "e", "ę": "e", Greek "ή": "η"), or "" for one
    that has none, or is a letter in its own right ("ł", "ø"). Turkish's dotless i (U+0131)
    is "i" too: its capital, "I", lower-cases to "i" ("STOK DIŞI")."""
    if letter == "ı":
        return "i"
    if letter.isascii() or not letter.isalpha():
        return ""
    decomposed = unicodedata.normalize("NFD", letter)
    bare = _COMBINING_ACCENTS.sub("", decomposed)
    return bare if len(bare) == 1 and bare != decomposed else ""  # accents were taken off


# Each accented letter of the Latin, Greek and Cyrillic blocks, as `bare_too` writes it.
_ACCENTED = {
    code: f"[{chr(code)}{bare}]"
    for block in (range(0xC0, 0x250), range(0x370, 0x500), range(0x1E00, 0x2000))
    for code in block
    if (bare := _bare(chr(code)))
}


def remembered(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern` is found in a text, the answer kept for short texts (`memo`)."""
    return kept_for_short_texts(lambda text: pattern.search(text) is not None)


def any_of(*patterns: str) -> re.Pattern[str]:
    """A pattern matching any of `patterns`, its alternatives grouped by the letter they
    start with, and within each letter by the next, so that the engine tries at each
    place only those that can match there: three times faster on a long word list,
    searched in nearly every text of a page. The groups of letters outside ASCII (most
    of the word lists' languages) wait behind one test for such a letter: most text on
    most pages is ASCII, and the engine tries each group at every place. Where the plain
    alternation matches, this matches too, from the same place. A word's opening edge
    is checked just after its first letter: "\\bbuy" is "b(?<!\\w.)uy"."""
    grouped, others = _by_first_letter(_opened("|".join(patterns)), top=True)
    ascii_first = [group for group in grouped if group[0].isascii()]
    beyond = [group for group in grouped if not group[0].isascii()]
    if beyond:
        ascii_first.append(f"(?=[^\\x00-\\x7f])(?:{'|'.join(beyond)})")
    return re.compile("|".join(ascii_first + others))


def _by_first_letter(alternatives: list[str], top: bool) -> tuple[list[str], list[str]]:
    """The alternatives grouped by their first letter, those of the top level's groups by
    the next letter too (the second level makes a word list's search 40% faster, a third
    adds little), and those that open with no letter to group by ("(?:a|b)?c", "x?y")."""
    by_first: dict[str, list[str]] = defaultdict(list)
    others: list[str] = []
    for alternative in alternatives:
        edge = (
            top
            and alternative.startswith("\\b")
            and (alternative[2:3].isalnum() or bool(_LETTER_CLASS.match(alternative, 2)))
        )
        word = alternative[2:] if edge else alternative
        letters = _LETTER_CLASS.match(word)  # "[ée]puisé": under "é" and under "e"
        firsts = letters.group(1) if letters else word[:1]
        rest = word[letters.end() :] if letters else word[1:]
        if firsts and firsts[0] not in _OPERATORS and rest[:1] not in ("?", "*", "+", "{"):
            for first in firsts:
                by_first[first].append(("(?<!\\w.)" if edge else "") + rest)
        else:
            others.append(alternative)  # left as they are
    grouped = []
    for first, rests in by_first.items():
        rests = list(dict.fromkeys(rests))
        if top and len(rests) > 1:
            inner, left = _by_first_letter(_opened("|".join(rests)), top=False)
            rests = list(dict.fromkeys(inner + left))
        grouped.append(first + rests[0] if len(rests) == 1 else f"{first}(?:{'|'.join(rests)})")
    return grouped, others


def _opened(pattern: str) -> list[str]:
    """The pattern's alternatives, those opening with a group written out one by one
    ("(?:quand|dès que) disponible" is "quand disponible|dès que disponible", and so on
    for a group opening one of those), so that each can be grouped by its first letter:
    a group left whole is tried at every place of every text."""
    found: list[str] = []
    for alternative in alternatives(pattern):
        close = _closing(alternative) if alternative.startswith("(?:") else -1
        if close != -1 and alternative[close + 1 : close + 2] not in ("?", "*", "+", "{"):
            rest = alternative[close + 1 :]
            found += _opened("|".join(a + rest for a in alternatives(alternative[3:close])))
        else:
            found.append(alternative)
    return found


def _closing(pattern: str) -> int:
    """Where the group opening the pattern closes."""
    return next((at for at, char, depth in _syntax(pattern) if char == ")" and depth == 0), -1)


def alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives: split at each "|" outside brackets."""
    found: list[str] = []
    start = 0
    for at, char, depth in _syntax(pattern):
        if char == "|" and depth == 0:
            found.append(pattern[start:at])
            start = at + 1
    found.append(pattern[start:])
    return found


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Where the pattern's groups open and close and its alternatives part (not escaped,
    not inside a character class), and how deep in groups each leaves the pattern."""
    depth = 0
    for token in _SYNTAX.finditer(pattern):
        char = token.group()
        if len(char) == 1:  # not an escape, not a class
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield token.start(), char, depth


_SYNTAX = re.compile(rf"{_ESCAPED_OR_CLASS.pattern}|[()|]", re.DOTALL)


# Class, id and itemprop names of elements that hold prices.
PRICE_ATTR = any_of(
    r"price", r"prix", r"preis", r"precio", r"prezzo", r"preco", r"preço", r"prijs", r"pris",
    r"cena", r"fiyat", r"money", r"cost", r"\bcur(?:rency)?\b", r"amount", r"hinta", r"kaina",
    r"cijena", r"harga", r"kakaku", r"jiage", r"betrag", r"importe", r"montant",
)  # fmt: skip
# ... and of elements that hold numbers that are not prices (not "discount", "account" or
# "country").
NOT_PRICE_ATTR = any_of(
    r"rating", r"review", r"stars?\b", r"(?<!dis)(?<!ac)count(?!ry)", r"quantity", r"\bqty"
)  # fmt: skip
# A bare number that counts something: "Only 3 left", "Earn 120 points", "in 1-2 days".
COUNT = re.compile(
    r"\d\s*(?:[-–]\s*\d+\s*)?(?:business |working )?(?:left|points?|pts|days?|hours?|"
    r"weeks?|months?|years?|reviews?|ratings?|stars?|sold|in stock|available|items?|votes?|"
    r"answers?|punkte|bewertungen|avis|reseñas|recensioni|st\.? auf lager)\b",
    re.IGNORECASE,
)
# Words that introduce a price: a bare number after them is one ("特價 294", "Price: 294").
PRICE_LABEL = any_of(
    r"\bprice\b", r"\bpreis\b", r"\bprix\b", r"\bprecio\b", r"\bprezzo\b", r"\bpreço\b",
    r"\bcena\b", r"\bhinta\b", r"\bpris\b", r"\bprijs\b", r"\bfiyat", r"價", r"价", r"価格",
    r"가격", r"판매가", r"\bharga\b", r"ราคา", r"\bgiá\b", r"\bcijena\b", r"цена", r"ціна",
    r"τιμή", r"\bár\b", r"\bpre[tț]\b", r"\bkaina\b", r"\bhind\b", r"السعر", r"מחיר",
)  # fmt: skip
# Class names of the price being asked now.
CURRENT_ATTR = any_of(
    r"sale", r"special", r"current", r"final", r"\bnow(?!rap)", r"actual", r"offer", r"promo",
    r"deal", r"our-?price", r"selling", r"reduced", r"discounted", r"price--?new",
    r"new-?price", r"price-?new", r"pricenew", r"aktion", r"sonder", r"angebot", r"oferta",
    r"scontat", r"actie", r"promoc", r"indirim", r"akcn", r"r[ée]duit", r"rebaj", r"sleva",
)  # fmt: skip
# Class names of a previous, list or recommended price.
OLD_ATTR = any_of(
    # "old" ("price-old", "priceOld"), not the end of "bold", "gold", "sold-out" or "holder"
    r"(?<![bgfhcst])old", r"\bwas", r"was-?price", r"regular", r"list-?price", r"compare", r"strike",
    r"original", r"before", r"\brrp", r"msrp", r"\buvp", r"crossed", r"previous", r"retail",
    r"(?<!p)reference", r"barr[ée]", r"former", r"non-?sale", r"price--?old", r"price-?old",
    r"price_old", r"line-?through", r"stroke", r"price-?standard", r"standard-?price",
    r"streich", r"alter?-?preis", r"ancien", r"anterior", r"barrat", r"oude", r"stara",
    r"p[uů]vodn", r"antigo", r"eski", r"przekresl", r"vorher", r"statt", r"normal-?preis",
    r"tachad", r"pieno", r"org\b(?<=[-_]org)", r"orig\b(?<=[-_]orig)",  # "prc-org", "price-orig"
)  # fmt: skip
# Words that label a previous, list or recommended price (Dutch "van €30 voor €20": "van",
# not "voor", which introduces the price now).
OLD_TEXT = any_of(
    r"\bwas\b", r"\bbefore\b", r"instead of", r"\brrp\b", r"\buvp\b", r"\bmsrp\b", r"\bstatt\b",
    r"\bavant\b", r"originally", r"\bregular\b", r"list price", r"\bantes\b", r"\bprima\b",
    r"\bvorher\b", r"\btidigare\b", r"ordinarie", r"\bord\.\s*pris", r"normalpris", r"\borig", r"\breg\.",
    r"compare at", r"valued at", r"typical price", r"\blist\s*:", r"prix conseill", r"prezzo consigliato", r"\bpvp\b",
    r"precio anterior", r"\bzamiast\b", r"\bvan\b", r"empfohlen", r"\bieškoti\b",
    r"原價", r"原价", r"定價", r"定价", r"建議售價", r"建议售价", r"市價", r"市价",
    r"通常価格", r"希望小売", r"参考価格", r"정가", r"소비자가",
    r"\bharga normal\b", r"ราคาปกติ", r"\bliste fiyat", r"\bpiyasa fiyat",
    r"market price", r"retail price", r"prezzo di listino", r"prezzo pieno", r"invece di",
    r"precio normal", r"precio de lista", r"precio habitual", r"en lugar de", r"prix barré",
    r"prix de référence", r"au lieu de", r"prix initial", r"ancien prix", r"\bbisher\b",
    r"regulär", r"streichpreis", r"ursprünglich", r"alter preis", r"listenpreis",
    r"normalpreis", r"adviesprijs", r"oude prijs", r"normale prijs", r"cena regularna",
    r"poprzednia cena", r"cena katalogowa", r"stara cen", r"původní cena", r"běžná cena",
    r"původně", r"pôvodná cena", r"bežná cena", r"eredeti ár", r"régi ár", r"listaár",
    r"pre[tț] vechi", r"pre[tț] [iî]ntreg", r"pre[tț] ini[tț]ial", r"redovna cijena",
    r"stara cijena", r"redna cena", r"κανονική τιμή", r"αρχική τιμή", r"παλιά τιμή",
    r"старая цена", r"обычная цена", r"\bбыло\b", r"стара ціна", r"звичайна ціна",
    r"eski fiyat", r"normal fiyat", r"定価", r"参考上代", r"市场价", r"市場價", r"零售价",
    r"零售價", r"划线价", r"劃線價", r"giá gốc", r"giá cũ", r"giá niêm yết", r"harga asli",
    r"harga coret", r"harga asal", r"harga sebelum", r"ราคาเดิม", r"veiledende pris",
    r"vejledende pris", r"\bfør\b", r"tidligere pris", r"førpris", r"rek\. pris",
    r"\bvejl\.", r"\bpvpr\b", r"\bnorm\.", r"\bprp\b", r"don'?t pay", r"без скидки",
    r"до скидки", r"без знижки",
    # what a set is worth, named right before its amount ("Value $49.99", "Worth $120")
    *(
        rf"{word}:?\s*(?:[^\w\s]{{1,3}}|[a-z]{{3}})?\s*(?:\d|$)"
        for word in (r"(?<!great )(?<!good )(?<!best )(?<!better )(?<!top )(?<!for )\bvalue",
                     r"\bworth", r"\bvaleur", r"\bwert")
    ),
    r"normaalihinta", r"\bennen\b", r"\bovh\b", r"aiempi hinta", r"alkuperäinen hinta", r"السعر الأصلي",
    r"السعر القديم", r"بدلا من", r"قبل الخصم", r"במקום", r"מחיר מקורי", r"לפני הנחה",
    # Portuguese "De R$ 2.199,99 Por R$ 1.759,99": "de" opening the text, not "10x de R$"
    r"^\s*de:?\s*(?:r\$|\$|€)?\s*(?:\d|$)",
)  # fmt: skip
# Words that say "the price now" wherever they stand ("Now $30", "Jetzt 30 €", "You pay").
_PRICE_NOW = (
    r"\bnow\b", r"\bsale\b", r"\bjetzt\b", r"\bmaintenant\b", r"\bahora\b", r"\bteraz\b",
    r"\bnyní\b", r"\bjust nu\b", r"特価", r"特價", r"特价", r"現在", r"现价", r"現價", r"セール",
    r"할인가", r"ราคาพิเศษ", r"your price", r"our price", r"you pay", r"final price",
)  # fmt: skip
NOW_LABEL = any_of(*_PRICE_NOW)
# ... and those that do so after another price ("Was $40 Now $30", "statt 40 € nur 30 €",
# "De R$ 40 por R$ 30", "van €40 voor €30", "Reg. $40 Sale $30"): on their own, "offer",
# "deal" or "only" also lead to other sellers' offers ("vezi încă o ofertă la 271,99 Lei")
# and to counts.
NOW_TEXT = any_of(
    *_PRICE_NOW,
    r"\bonly\b", r"\bjust\b", r"\btoday\b", r"\bspecial\b", r"\boffer\b", r"\bdeal\b",
    r"\bnur\b", r"\bangebot", r"\baktion", r"\bseulement\b", r"\bpromo", r"\bsolo\b",
    r"\bsólo\b", r"\boferta\b", r"\bora\b", r"\bofferta\b", r"\bpor\b", r"\bvoor\b", r"\bnu\b",
    r"\btylko\b", r"\bjen\b", r"\bnå\b", r"優惠", r"优惠", r"售價", r"售价", r"판매가",
    r"\bspesial\b", r"\bindirim",
)  # fmt: skip
# The EU's "lowest price in the last 30 days", shown beside a reduced price: a reference,
# read in the longer lead-in before a price.
LOWEST_RECENT = any_of(
    r"lowest price", r"niedrigste[rn]? (?:gesamt)?preis", r"günstigste[rn]? (?:gesamt)?preis",
    r"prix le plus bas", r"najniższa cena", r"prezzo più basso", r"precio más bajo",
    r"laagste prijs", r"nejnižší cena", r"najnižšia cena", r"legalacsonyabb ár",
    r"cel mai mic pre[tț]", r"preço mais baixo", r"lägsta pris", r"laveste pris", r"alin hinta",
    r"najniža cijena", r"najnižja cena", r"най-ниска цена", r"χαμηλότερη τιμή",
    r"mažiausia kaina", r"zemākā cena", r"madalaim hind",
)  # fmt: skip
# A span of days ("in the last 30 days", "30-day returns"): a number that is no price.
# Searched in text as written, so it ignores case itself.
DURATION = re.compile(
    r"\b\d{1,3}\s*-?\s*(?:days?|tage[n]?|jours|dni|dnů|dní|giorni|d[ií]as|dagen|dagar|dage|"
    r"dager|dana|päivän|päivää|napo?t?|zile|ημερών|ημέρες|дней|днів|дни|gün|hari)\b",
    re.IGNORECASE,
)
# A saving, not a price (a "discounted price", 할인가 or 割引価格 is the price to pay).
SAVING = any_of(
    r"\bsave\b", r"you save", r"saving", r"\bsparen\b", r"\bspare\b", r"économisez",
    r"\béconomie", r"\bahorra", r"risparmi", r"\boff\b", r"discount(?!ed|\s*price)",
    r"rabatt(?!iert)", r"\bremise", r"(?<!con )descuento", r"\bsconto", r"korting(?!sprijs)",
    r"\bspar\b", r"oszczędzasz", r"\bdu sparst", r"現省", r"节省", r"節省", r"省下",
    r"折扣(?!价|價)", r"割引(?!価格|後)", r"お得", r"할인(?!\s*가|\s*판매가)", r"\bhemat\b",
    r"ประหยัด", r"tasarruf", r"bespaar", r"\bsparar\b", r"\bsparer\b", r"ušetř", r"ušetr",
    r"megtakarítás", r"economise[sș]ti", r"экономия", r"економія", r"tiết kiệm", r"säästä",
    r"εξοικονομ", r"prihran", r"ušted", r"economize", r"\bpoupe", r"وفر", r"توفير", r"חסכון",
    r"חוסך",
    # money back: cashback, or a reward paid onto a loyalty card ("Späť na NAY Extra kartu")
    r"cash ?back", r"geld zurück", r"(?:back|späť|zpět|zurück) (?:on|to|na|auf) (?:\S+ ){0,3}"
    r"(?:card|kart)", r"ポイント還元", r"返现", r"返現",
)  # fmt: skip
# ... said right after the amount ("$10 off your first order", "5 € Rabatt").
SAVING_AFTER = re.compile(
    r"^(?:\S{1,3}\s+)?(?:off\b|rabatt|de (?:réduction|remise|descuento|desconto)|di sconto|"
    r"korting|taniej|zniżki|sleva|(?:back )?in rewards\b|cash ?back)"
)
SAVING_ATTR = re.compile(r"sav(e|ing)|you-save|cash-?back|reward|loyalty")
# ... and a discount, when the price's own element is so classed: a box classed "discount"
# often holds the discounted price itself.
DISCOUNT_ATTR = re.compile(r"(?<!no-)discount(?!ed|[-_]?price)")
# A price only some shoppers pay (members, a loyalty card's holders, the app's users, a
# business, with a trade-in or a bundle), a charge beside the price (a deposit, assembly,
# a protection plan), or the price converted into another currency ("Approximately EUR
# 36.50"): named before it or in its own text...
CONDITIONAL = any_of(
    r"members?(?:'s)? (?:price|only|get|pay|save)", r"members?:",
    r"membership", r"club (?:price|member)", r"clubcard", r"loyalty (?:price|card|member)",
    r"rewards? (?:card|member|price)", r"with (?:\S+ ){0,2}card\b", r"card ?(?:holders?|price)",
    r"gift ?card", r"nectar price", r"\bapp(?:-only| only| price| exclusive)", r"in-?app price",
    r"student (?:price|discount)", r"\btrade (?:price|account)", r"business (?:price|customers?)",
    r"\bb2b\b", r"bundle (?:price|deal)", r"in a bundle", r"with (?:a )?trade-?in", r"\bcmr\b", r"con (?:la )?tarjeta", r"precio (?:tarjeta|socio|club)",
    r"\bsocios?\b", r"z kartą", r"kundenkarte", r"mit (?:\S+ )?karte\b", r"mitglied",
    r"adhérent", r"prix (?:membre|fidélité|carte)", r"carte (?:fidélité|club)",
    r"prezzo (?:soci|fidelity|card)", r"ledenprijs", r"medlemspris", r"jäsenhinta",
    r"kanta-?asiakas", r"会員", r"회원", r"会员", r"會員", r"harga member",
    r"ราคาสมาชิก", r"thành viên", r"по карте", r"с (?:\S+ )?картой", r"клубн", r"üyelere",
    r"\bdeposit\b", r"core charge", r"\best(?:imated)?\.? (?:sales )?tax",
    r"assembly\s*\+|assembly (?:fee|service|cost|charge)|add assembly", r"protection plan",
    # a service added to the product: gift wrap, engraving, a longer warranty, insurance
    r"gift ?(?:wrap|box|bag|packaging)", r"engraving", r"personali[sz]ation", r"monogram",
    r"(?:extended|additional|extra) (?:warranty|guarantee)", r"\binsurance\b",
    r"geschenkverpackung", r"emballage cadeau", r"garantieverlängerung", r"gravur",
    r"\brent (?:for|from|it)", r"rental (?:price|fee)", r"\bpfand\b", r"\bkaution\b",
    # a fee included in the price ("Éco-participation : 0,50 €", "Includes $2 eco fee")
    r"[ée]co-?(?:participation|part|fee|tax[ea]?|contribution)|recycling fee|"
    r"environmental (?:fee|levy)|urheberrechtsabgabe",
    # a price to watch for ("Notify me if it drops below $20")
    r"(?:drops?|falls?|goes) below",
    # a reward earned, named before the amount ("Earn $3.35 in rewards")
    r"\bearn(?: up to)?\s*[^\w\s]{0,3}\s*$",
    # a charge added, its sign right before the amount: "+ €4.99 delivery", "Large (+$5)"
    r"(?:^|[\s(])\+\s*(?:[a-z]{3}\s*)?[^\w\s]{0,3}\s*$",
    # right before the price, or its currency: "Approximately EUR 36.50", "(ca. €36.50)"
    *(
        rf"{word}\s*(?:[a-z]{{3}}\s*)?[^\w\s]{{0,3}}\s*$"
        for word in (r"approx(?:imately|\.)?", r"≈", r"\bca\.", r"\benviron",
                     r"\baprox(?:imadamente|\.)?", r"ungefähr", r"около", r"\bsekitar")
    ),
)  # fmt: skip
# The tax alone, its name opening the text the amount is in ("Tax: $2.00"; not "Price incl.
# VAT: $49.99").
TAX_ALONE = re.compile(r"\W*(?:sales )?(?:tax|vat|mwst|tva|iva|gst)\s*:\s*[^\w\s]{0,3}\s*")
# ... or right after it ("$35.99 with Rewards card", "£1.50 Clubcard Price"; a deposit:
# "$2,500 deposit", "$7,624 due at signing").
CONDITIONAL_AFTER = re.compile(
    r"^(?:\S{1,3}\s+)?(?:with (?:\S+ ){0,2}card\b|for members|members?\b|clubcard|"
    r"(?:refundable )?deposit\b|due at signing|down payment|anzahlung|d'acompte|de entrada|"
    r"(?:eco|recycling|environmental) (?:fee|levy|tax)|"
    r"(?:club|member|card|app) price|mit (?:\S+ )?karte\b|con tarjeta|z kartą|会員|회원|"
    r"für (?:\S+ )?mitglieder|pour les (?:membres|adhérents)|para socios|per i soci|"
    r"с (?:\S+ )?картой|по карте)"
)
SHIPPING = any_of(
    r"shipping", r"delivery", r"versand", r"lieferung", r"livraison", r"env[ií]o", r"spedizione",
    r"frete", r"verzend", r"\bfrakt", r"dostawa", r"送料", r"\bporto\b", r"postage", r"\bp&p\b",
    r"運費", r"运费", r"배송비", r"ongkir", r"ค่าส่ง", r"kargo", r"wysyłka", r"doprava",
    r"szállítás", r"livrare", r"доставка", r"vận chuyển", r"toimitus", r"αποστολή",
    r"μεταφορικά", r"dostava", r"forsendelse", r"\bfragt\b", r"الشحن", r"التوصيل", r"משלוח",
)  # fmt: skip
INSTALMENT = any_of(
    r"/\s*mo\b", r"/\s*month", r"per month", r"a month", r"monthly", r"/\s*mes\b", r"al mes",
    r"par mois", r"/\s*mois", r"pro monat", r"monatlich", r"mensil", r"al mese", r"/\s*kk\b",
    r"miesięcznie", r"\bx de\b", r"cuotas", r"install?ments?", r"klarna", r"afterpay",
    r"affirm", r"sezzle", r"zip\s?pay", r"pay in \d", r"\bpayments? of\b", r"financ",
    r"\d\s*[x×]\s*$", r"^\s*\d{1,2}\s*[x×]", r"\bmonat", r"ratenzahlung", r"\brata\b",
    r"\bratas\b", r"parcela", r"/\s*maand", r"per maand", r"\bmån\b", r"/\s*mån",
    r"分期", r"月付", r"분할", r"cicilan", r"taksit", r"ผ่อน", r"\bemi\b", r"\brate\b",
    r"\braten\b", r"\braty\b", r"mensualit", r"splátk", r"részlet", r"рассрочк", r"розстрочк",
    r"ratalla", r"kuukausierä",
)  # fmt: skip
INSTALMENT_ATTR = re.compile(r"instal|klarna|afterpay|affirm|financ|monthly|credit")
# A price per measure ("£0.61/ltr", "2,50 € je 100 g"), or so named ("unit-price").
_PER_MEASURE = (
    r"/\s*(?:1\s*)?kg\b", r"per kg", r"\b(?:je|pro|par|le|al|za|por|à)\s+(?:1\s*)?(?:kg|l|100\s*(?:g|ml))\b", r"/\s*100\s*(?:g|ml)\b", r"/\s*l\b", r"per l(?:it(?:er|re))?\b",
    r"/\s*ltr\b", r"/\s*m[²2]\b", r"grundpreis",
    r"prix au k", r"prix/k", r"precio por", r"/\s*lb\b", r"per lb", r"/\s*oz\b", r"\bper\s+\d",
    r"unit-?price", r"price-?per(?!-?(?:sellable|item))", r"base-?price", r"baseprice", r"kilopris",
    r"平均每", r"每罐", r"每包", r"단가",
)  # fmt: skip
# A price per item ("£1.39/unit", "2,50 €/Stk."): the product's own where it is sold
# one by one, one of a pack's where the pack's price is beside it.
_PER_ITEM = (r"/\s*ea\b", r"per unit", r"/\s*unit", r"/\s*stk\b", r"/\s*st\.?\b", r"每件")
PER_MEASURE = any_of(*_PER_MEASURE)
PER_ITEM = any_of(*_PER_ITEM)
PER_UNIT = any_of(*_PER_MEASURE, *_PER_ITEM)
# A spend a promotion asks for, named before the amount ("orders over $50", "Spend $100,
# get $20 off", "commandes de 49 €") ...
THRESHOLD_BEFORE = any_of(
    r"\borders? (?:over|above|of|from)\b", r"\bspend\b", r"\bpurchases? (?:over|above|of)\b",
    r"\bminimum\b", r"\bmin\.", r"\bcommandes? (?:de|dès)\b",  # not "dès 19 €": a from-price
    r"\bpedidos? (?:superiores|desde|de más)", r"\bordini (?:superiori|sopra|oltre|da)",
    r"\bbestellingen (?:vanaf|boven)", r"\bzamówieni[ae]? (?:od|powyżej)",
)  # fmt: skip
# ... or right after it ("ab 50 € Bestellwert", "$99 + orders", "$50 or more"; not "$28.50+",
# a price for the cheapest of several sizes).
THRESHOLD_AFTER = re.compile(  # after the currency mark, where it follows the amount
    r"^(?:\S{1,3}\s+)?(?:\+\s*(?:orders?|purchases?)\b|or more\b|d'achats?|(?:de )?bestellwert|einkaufswert|"
    r"warenwert|en compras|(?:more )?(?:to|for) (?:qualify for |get |unlock )?free|more to go|"
    r"away from free)"
)
# A price for many of what the page sells one of.
BULK = any_of(
    r"\bcase of\b", r"\bper case\b", r"/\s*case\b", r"\bcase price\b", r"\bpack of \d{2,}",
    r"\bbox of \d{2,}", r"\bcarton\b", r"\bkarton\b", r"\bcaisse de\b", r"\bcaja de\b",
    r"ケース", r"箱入", r"整箱", r"每組", r"每组", r"\bper box\b", r"\bbulk\b",
    # a multi-buy: "2 for £10", "3 für 10 €", "2 st för 50 kr"
    r"\b[2-9]\d?\s*(?:x\s*)?(?:st\.?\s*|stk\.?\s*|kpl\s*|pcs\s*)?(?:for|för|für|pour|por|voor|za|за)\s",
)  # fmt: skip
EX_TAX = any_of(
    r"excl\.?\s*(?:vat|tax|btw|mwst|iva|tva|gst)", r"\bex(?:c|cluding)?\.?\s*(?:vat|tax|gst)",
    r"without (?:vat|tax)", r"before tax", r"zzgl\.?\s*(?:mwst|ust)", r"\+\s*vat\b", r"plus vat", r"net price", r"\bnetto\b", r"brez ddv", r"hors tax",
    r"\bht\b", r"sin iva", r"senza iva", r"ohne mwst", r"exkl\.?\s*mwst", r"bez dph", r"bez vat",
    r"bez pdv", r"excl\.? btw", r"price-?tax", r"excl-?tax", r"tax-?excl", r"price-?excl",
    r"price-?net\b", r"netprice", r"税抜", r"税別", r"本体価格", r"\+\s*税", r"未税", r"未稅",
    r"不含稅", r"不含税", r"부가세 별도", r"\bkdv hari[çc]", r"ไม่รวม(?:ภาษี|vat)",
    r"ex(?:kl|cl)?\.?\s*moms", r"ekskl\.?\s*(?:mva|moms)", r"\balv 0", r"ilman alv",
    r"\bnettó\b", r"f[ăa]r[ăa] tva", r"без ндс", r"без пдв", r"без ддс", r"sans tva",
    r"\+\s*(?:iva|btw|tva|mwst|moms|mva|alv|dph|ddv|pdv|ндс)\b", r"χωρίς φπα", r"bez pvn",
    r"be pvm", r"bez ddv", r"iva esclusa", r"s/\s*iva",
)  # fmt: skip
# What the consumer pays, tax in: a price so labelled is the one to quote.
TAX_IN = any_of(
    r"税込", r"含稅", r"含税", r"incl\.?\s*(?:vat|tax|btw|mwst|iva|tva|gst)",
    r"\binc(?:luding)?\.?\s*(?:vat|tax|gst)",
    r"inkl\.?\s*mwst", r"\bttc\b", r"iva incluid", r"\bkdv dahil", r"부가세 포함",
    r"inkl(?:udert)?\.?\s*(?:moms|mva)", r"iva inclus", r"\bs dph\b", r"vč\.?\s*dph",
    r"včetně dph", r"vrátane dph", r"\bz vat\b", r"z podatkiem vat", r"\bbrutt[oó]\b",
    r"cu tva", r"с ндс", r"з пдв", r"с ддс", r"sis\.?\s*alv", r"με φπα", r"ar pvn",
    r"su pvm", r"(?:vat|tax|gst) included", r"iva incl", r"c/\s*iva", r"con iva", r"com iva",
    r"\b[sz] ddv\b", r"\bsa? pdv\b",
)  # fmt: skip
# Related products as shops in other languages name them ("produits-similaires",
# "productos-relacionados", "artikel-empfehlungen", "podobne-produkty", "aanbevolen").
_RELATED_ELSEWHERE = (
    r"similai", r"relacionad", r"correlat", r"gerelateerd", r"empfehl", r"aehnlich", r"ähnlich",
    r"podobn", r"polecan", r"souvisej", r"doporu", r"recomend", r"consigliat", r"aanbevol",
)  # fmt: skip
# Class names of blocks about other things than the product: related products, the
# mini-cart, other sellers' offers.
_RELATED = (
    r"related", r"recommend", r"similar", r"upsell", r"up-sell", r"cross-?sell", r"also",
    r"recent", r"carousel", r"slider", r"swiper", r"suggest", r"bundle", r"accessor",
    r"complete-the-look", r"you-may", r"\bothers", r"viewed", r"trending", r"popular",
    r"best-?sell", r"more-from", r"product-?list", r"products-?grid", r"product-?grid",
    r"listings", r"listing-?(?:grid|results?|items?|cards?|tiles?)",
    r"(?:product|search|category)-?listing", r"widget", r"sponsored", r"minicart", r"mini-cart", r"cart-?drawer",
    r"header-?cart", r"cart-?total", r"basket-?total", r"cart-?summary", r"cart-?preview",
    r"other-?(?:offers?|sellers?|vendors?)", r"more-?(?:offers|sellers|buying)", r"offer-?listing",
    r"marketplace-?offers",
    *_RELATED_ELSEWHERE,
    r"zubeh",  # Zubehör: accessories
    # what goes with it: complementary products, bought together, other colours (not
    # "add-ons": a shop's "product-addons" may wrap the product's own details)
    r"complementary", r"\bfbt\b", r"bought-?together", r"frequently", r"more-products",
    r"you-might", r"\bx-?sell", r"sibling", r"other-colou?rs", r"matching-products",
    r"pair-with", r"the-look", r"featured-products", r"promo-products", r"gift-with-purchase",
)  # fmt: skip
RELATED_ATTR = any_of(*_RELATED)
# ... of those, the names only blocks of other products go by (not "widget" or "listing",
# which wrap a product's own parts on some shops, nor a gallery's "slider").
OTHER_PRODUCTS_ATTR = any_of(
    r"related", r"recommend", r"similar", r"upsell", r"up-sell", r"cross-?sell", r"also-",
    r"recent", r"you-may", r"viewed", r"trending", r"popular", r"best-?sell", r"more-from",
    r"product-?list", r"products-?grid", r"product-?grid", r"sponsored", *_RELATED_ELSEWHERE,
)  # fmt: skip
# The related blocks a status in is another product's: "widget" only as a word, since a
# page built of "celwidget"s wraps its own buy box in one (a price there is scored as the
# rest of the page is, every block alike).
RELATED_BLOCK_ATTR = any_of(*(r"\bwidget" if name == "widget" else name for name in _RELATED))
# Class names of the page's frame around the product: its header, menus, basket, the
# shop's announcements.
PAGE_FRAME_ATTR = any_of(
    r"announcement",
    r"minicart",
    r"mini-cart",
    r"cart-?drawer",
    r"header-?cart",
    r"cart-?toggle",
    r"site-?header",
    r"page-?header",
    r"navbar",
    r"top-?bar",
    r"main-?nav",
)
# Headings of blocks of other products, for shops whose class names do not say so.
OTHER_PRODUCTS_HEADING = any_of(
    r"also (?:like|love|viewed|bought|purchased)", r"you may like", r"you might like",
    r"related (?:products|items)", r"similar (?:products|items)", r"more like this",
    r"customers (?:also|who)", r"people (?:also|who)", r"frequently bought", r"bought together",
    r"recently viewed", r"recommended (?:for you|products|items)", r"complete the look",
    r"shop the look", r"more from", r"sponsored products", r"best ?sellers", r"top picks",
    r"goes well with", r"pairs well with", r"consider (?:this|these)",
    r"alternative (?:products|items|produkte|artikel)", r"similar items? (?:available|in stock)",
    r"produ(?:ctos|its) alternati(?:vos|fs)", r"könnte (?:dir|ihnen) (?:auch )?gefallen",
    r"ähnliche (?:produkte|artikel)", r"kunden kauften auch", r"zuletzt angesehen",
    r"passend dazu", r"vous aimerez", r"produits similaires", r"articles similaires",
    r"produits associés", r"consultés récemment", r"récemment consultés",
    r"te puede interesar", r"te puede gustar", r"productos (?:similares|relacionados)",
    r"vistos recientemente", r"potrebbe(?:ro)? interessarti", r"prodotti (?:simili|correlati)",
    r"visti di recente", r"ook leuk", r"vergelijkbare producten", r"gerelateerde producten",
    r"recent bekeken", r"kochten ook", r"podobne produkty", r"ostatnio oglądane",
    r"kupili również", r"também pode gostar", r"produtos (?:relacionados|semelhantes)",
    r"liknande produkter", r"lignende produkter", r"関連商品", r"おすすめ商品",
    r"チェックした商品", r"相关产品", r"相關產品", r"猜你喜欢", r"관련 상품", r"추천 상품",
    r"похожие товары", r"вы смотрели", r"benzer ürünler", r"ilgili ürünler",
    # accessories, other colours, the same collection, what goes with it, recommendations
    r"accessor(?:y|ies)", r"zubehör", r"accessoires?\b", r"accesorios", r"accessori\b",
    r"toebehoren", r"akcesoria", r"acessórios", r"tillbehör", r"tilbehør",
    r"(?:other|more) colou?rs", r"also available in", r"andere (?:farben|kleuren)",
    r"autres coloris", r"otros colores", r"altri colori", r"outras cores", r"inne kolory",
    r"same (?:collection|series|range)", r"(?:gleichen|derselben) serie", r"shop the collection",
    r"complete your", r"(?:pair|wear|style) (?:it|this|them) with", r"you may also need",
    r"often bought", r"inspired by your", r"zusammen gekauft", r"achetés ensemble",
    r"comprados juntos", r"comprati insieme", r"samen gekocht", r"kupowane razem",
    r"dazu passt", r"empfehlung", r"recomendad[oa]s", r"consigliati", r"aanbevolen",
    r"polecane", r"rekommender", r"anbefal", r"top sellers", r"new arrivals", r"trending",
    r"other (?:products|items)", r"weitere (?:produkte|artikel)", r"autres produits",
    r"otros productos", r"altri prodotti", r"andere producten", r"inne produkty",
    r"outros produtos", r"見た人", r"看了又看", r"함께 본", r"с этим товаром", r"alanlar bunları",
)  # fmt: skip
# ...and a heading that is the name of a block of what shoppers write, a count aside
# ("Customer reviews (23)"): what they say of the stock ("This item is out of stock
# everywhere, glad I got one") is not the shop's status. Not "4.5 stars | 23 reviews".
SHOPPERS_HEADING = re.compile(
    r"^\W*(?:customer |product |guest |verified )?(?:reviews?|ratings? (?:&|and) reviews|"
    r"questions? (?:&|and) answers|q ?& ?a|customer questions|bewertungen|kundenbewertungen|"
    r"rezensionen|fragen (?:&|und) antworten|avis(?: clients| des clients)?|"
    r"questions[- ]réponses|opiniones(?: de (?:clientes|usuarios))?|reseñas|"
    r"preguntas y respuestas|recensioni|domande e risposte|beoordelingen|recensies|opinie|"
    r"avaliações|recensioner|anmeldelser|レビュー|カスタマーレビュー|商品评价|评价|評價|리뷰|"
    r"상품평|отзывы|değerlendirmeler|yorumlar)\W*(?:\d+\W*)?$"
)
# What says a price is another seller's offer for the product ("Used from $5.99", "Other
# sellers from $12", "vezi încă o ofertă la 271,99 Lei").
OTHER_OFFERS = any_of(
    r"other sellers", r"more (?:buying choices|offers)", r"other offers", r"another offer",
    r"\b(?:new|used|refurbished|renewed|open[- ]box)(?: & used)?(?: \(\d+\))? from",
    r"weitere angebote", r"autres offres", r"otras ofertas", r"altre offerte",
    r"[iî]nc[aă] o ofert[aă]", r"inne oferty", r"další nabídky", r"andere aanbiedingen",
    r"他の出品者", r"其他卖家", r"другие предложения",
)  # fmt: skip
# ...and a heading naming a block of the shop's stores' stock ("Check in-store
# availability": "Main St: out of stock" is a store's, not the product's online).
STORES_HEADING = any_of(
    r"(?:store|shop) (?:availability|stock)", r"availability in (?:stores?|shops?)",
    r"check (?:a |your )?(?:local )?stores?", r"find (?:it )?in (?:a |your )?(?:local )?stores?",
    r"stock in (?:stores?|shops?)",
    r"filialverfügbarkeit", r"verfügbarkeit in (?:der |den |unseren )?filialen?",
    r"disponibilit[éeà] (?:en|in|nei) (?:magasins?|negozi?o?)", r"disponibilidad en tiendas?",
    r"beschikbaarheid in (?:de )?winkels?", r"dostępność w sklepach",
)  # fmt: skip
# What the basket's summary says beside its total.
BASKET_TEXT = any_of(
    r"\bbasket\b", r"\bcart\b", r"\btrolley\b", r"warenkorb", r"\bpanier\b", r"carrito",
    r"carrello", r"winkelwagen", r"varukorg", r"koszyk", r"košík", r"kosár", r"\bsepet",
    r"カート", r"购物车", r"購物車", r"장바구니", r"корзин",
)  # fmt: skip
_BUY_ACTIONS = (
    r"add.{0,3}to.{0,3}(?:my |your |shopping )?(?:cart|bag|basket|trolley)",
    r"buy(?: it)?.{0,3}now",
    r"in den (?:warenkorb|einkaufswagen|korb)", r"in warenkorb legen", r"zum warenkorb hinzuf",
    r"ajouter au (?:panier|sac|chariot)",
    r"(?:añadir|agregar) a(?:l carr(?:ito|o)| la (?:cesta|bolsa|carrito)| mi (?:cesta|carrito|bolsa))",
    r"afeg(?:eix|ir) a la cistella", r"afeg(?:eix|ir) al carr(?:o|et|eto)",
    r"^a la cesta\W*$", r"^nel carrello\W*$", r"^no carrinho(?: de compras)?\W*$",
    r"(?:aggiungi|metti) (?:al|nel)(?:la)? (?:carrello|borsa)",
    r"(?:adicionar|colocar) (?:ao|no) carrinho", r"(?:adicionar|colocar) (?:à|na) (?:sacola|cesta)",
    r"in (?:de |het |mijn )?winkel(?:wagen|mand)",
    r"toe(?:voegen)? aan (?:de |je |mijn )?winkel(?:wagen|mand)",
    r"toe(?:voegen)? aan (?:(?:de|je|mijn|het) )?(?:winkel)?mandje",
    r"aan (?:de |je |mijn )?winkel(?:wagen|mand) toevoegen",
    r"voeg aan (?:de |je |mijn )?winkel(?:wagen|mand)",
    r"lägg (?:till )?i (?:varukorg|kundvagn)", r"do koszyka(?<!przejdź do koszyka)",
    r"do (?:nákupního )?košíku",
    r"do (?:nákupného )?košíka", r"sepet(?:e|ine) (?:ekle|at)\b", r"kosárba",
    r"(?:カート|バスケット)に(?:入れる|追加)", r"買い物(?:かご|カゴ)に入れる", r"(?:かご|カゴ)に入れる",
    r"(?:加入|放入|放进|添加到|添加至|加到)购物(?:车|袋)", r"(?:加入|放入|放進|追加到|添加到|加到)購物(?:車|袋)",
    r"(?:장바구니|카트)(?:에)? ?(?:담기|추가)", r"в корзину", r"до кошика", r"у кошик\b", r"у кошык",
    r"в кошницата",
    r"立即購買", r"立即购买",
    r"ielikt grozā", r"pievienot grozam", r"(?:setja|bæta) í körfu", r"сагсанд нэмэх",
    r"shto në (?:kartë|shport)",
    r"į krepšelį", r"lisää (?:ostos)?koriin", r"ostoskoriin", r"ostukorvi", r"lisa korvi",
    r"v košarico", r"v voziček", r"u košaricu", r"u korpu", r"у корпу", r"ad[aă]ug[aă](?:[țţt]i)? [iî]n co[sșş]",
    r"(?:в|към) количка(?:та)?", r"στο καλάθι", r"в кошик", r"a kosárhoz",
    r"(?:أضف|اضف|إضف|إضافة|اضافة) (?:إلى|الى) (?:ال)?(?:سلة|عربة)", r"(?:أضف|اضف) لل?(?:سلة|عربة)",
    r"הוס(?:ף|פה|יפו) ל(?:סל|עגל[הת])", r"(?:কার্টে|বাস্কেটে) যোগ", r"ใส่ตะกร้า", r"ลงตะกร้า", r"ลงในตะกร้า",
    r"ไปยังตะกร้า",
    r"ใส่รถเข็น", r"เพิ่ม(?:ใน|ลง)(?:ตะกร้า|รถเข็น)", r"ลงรถเข็น", r"ลงในรถเข็น", r"ไปยังรถเข็น",
    r"კალათა?ში დამატება", r"ដាក់ចូលរទេះ", r"(?:orgara|saskira) gehitu", r"gehitu (?:orgara|saskira)", r"engadir ao carr",
    r"vào giỏ", r"ke keranjang", r"masukkan keranjang", r"tambah(?:kan)? pada keranjang", r"ke troli",
    r"compralo subito",
    r"कार्ट में", r"टोकरीमा थप्नुहोस्", r"ចូលក្នុងកន្ត្រក", r"(?:افزودن|اضافه(?: کردن)?) به سبد",
    r"səbətə (?:əlavə et|at)", r"savat(?:cha)?ga qo['ʻ‘’`]?sh", r"զամբյուղ", r"ongeza (?:kwenye )?(?:kikapu|toroli)",
    r"idagdag sa (?:cart|basket|bag)", r"کارٹ میں", r"żid mal-?karrettun", r"себетке (?:қосу|салу)",
    r"கூடையில் சேர்", r"បន្ថែមទៅរទេះ",
    r"add to order",
    r"legg i handle(?:kurv|vogn)", r"legg i korga", r"ychwanegu i['’]r (?:fasged|drol)",
    r"टोकरी में डाल", r"во кошничка", r"læg (?:i|til) (?:indkøbs)?kurv",
    r"føj (?:i|til) (?:indkøbs)?kurv", r"kup teraz", r"jetzt kaufen",
    # "buy now" in other words (a marketplace's link rather than a form's button)
    r"sofort-?kaufen", r"achat immédiat", r"acheter maintenant", r"c[oó]mpralo ya",
    r"comprar (?:ahora|agora|ya|ara)", r"cumpără acum", r"(?:اشتر|اشتري) الآن",
    r"קנ(?:ה|ו|י) עכשיו", r"acquista (?:ora|subito)", r"nu kopen", r"koop nu",
    r"\bbestel (?:nu|snel|direct)\b",
    r"köp nu", r"kjøp nå", r"αγορά τώρα", r"køb nu", r"osta nyt", r"kúpiť teraz",
    r"koupit (?:nyní|teď)",
    r"hemen al", r"şimdi al", r"今すぐ購入", r"바로 ?구매", r"beli sekarang", r"mua ngay", r"ซื้อ(?:เลย|ทันที)",
    r"купить (?:сейчас|в 1 клик|в один клик)", r"купити зараз", r"馬上購買", r"马上购买",
    # a bid on an auction that is open
    r"place (?:a )?bid", r"bid now", r"jetzt bieten", r"gebot abgeben", r"enchérir",
    r"\bpujar\b", r"fai un['’]offerta", r"licytuj", r"bied nu", r"сделать ставку",
)  # fmt: skip
# What a link to the basket says: it shows what is bought, it buys nothing.
VIEW_CART = any_of(
    r"view (?:my |your )?(?:cart|bag|basket)",
    r"go to (?:cart|bag|basket|checkout)",
    r"proceed to checkout",
    r"voir (?:le |mon )?panier",
    r"(?:zum|zur) (?:warenkorb|kasse)(?! hinzu)",
    r"warenkorb anzeigen",
    r"ver (?:el )?carrito",
    r"\bir al carrito",
    r"vai al carrello",
    r"naar (?:de |je )?winkelwagen",
    r"przejdź do koszyka",
    r"bekijk winkelwagen",
)
# A link asking for a review, which a buy word may open ("Kupiłeś ten produkt? Oceń go!",
# "Bought it? Rate it!"): a question, or named for reviews or ratings. It buys nothing.
REVIEW_PROMPT = any_of(r"\?", r"review", r"rating", r"opinion", r"\brate it")
# What only a buy action says (an <a> or <div> acting as the buy button must say it):
# not "panier" or "buy" alone, which the cart link and reviews say too.
# A shop that writes its statuses without accents writes its buttons so too: "Do kosiku".
BUY_ACTION = any_of(*map(bare_too, _BUY_ACTIONS))
# The related-products words that only say how a block moves: a product's own
# gallery or hero banner slides too.
MOVING_ATTR = any_of(r"carousel", r"slider", r"swiper")
# A buy button's text or attributes: the actions, and words a button says alone.
_BUY_WORDS = (
    *_BUY_ACTIONS, r"\bbuy\b", r"warenkorb", r"\bpanier\b", r"\bcomprar\b", r"toevoegen aan",
    r"\bköp\b", r"\bkjøp\b", r"kosárba", r"kúpiť", r"カートへ", r"장바구니", r"add-?to-?cart",
    r"addtocart", r"add_to_cart", r"buy-?button", r"add-?product", r"add_?product", r"購入", r"구매",
    r"\bbeli\b", r"\bkupi", r"\bnaroči\b", r"\bкупи", r"satın al", r"ตะกร้า",
    r"keranjang", r"troli", r"\bacquista\b", r"\bacheter\b", r"\bkaufen\b", r"handlekurv",
    r"\bkoupit\b", r"\bosta\b", r"\bbestellen\b", r"order now", r"pre[- ]?order",
    r"pr[ée][- ]?commander", r"vorbestellen", r"\bkup\b", r"vásárl", r"cump[ăa]r", r"\bpirkti\b",
    r"αγορά", r"اشتر", r"mua ngay", r"ซื้อ", r"au chariot", r"\bkøb\b", r"\bkoop\b",
    r"\bnupirkti\b", r"\bpirkt\b", r"^compra\W*$", r"^mua\W*$",
    # "order" alone, as a verb on the buy button
    r"\bcommander\b", r"\bbestil\b", r"\bbestill\b", r"\bbeställ\b", r"\bzamów\b",
    r"\bobjednat\b", r"\bmegrendel", r"\bcomand[ăa]\b", r"\bencomendar\b", r"sipariş ver",
    r"\bзаказать\b", r"\bзамовити\b", r"注文する", r"ご注文", r"订购", r"訂購", r"주문하기",
    r"đặt hàng", r"اطلب الآن", r"खरीदें", r"\bشراء\b",
)  # fmt: skip
BUY = any_of(*map(bare_too, _BUY_WORDS))
MODAL = any_of(r"modal", r"popover", r"pop-?up", r"dialog", r"overlay", r"drawer", r"flyout")
# Class names of the parts of a price split into elements: "87" "." "11".
FRACTION_ATTR = any_of(
    r"fraction", r"(?<![a-z])cents?\b", r"decimals?\b", r"price-?minor", r"\bsup\b"
)
# Words that annotate a price rather than name a cost: "119,01 € zzgl. Versand".
QUALIFIER = any_of(
    r"zzgl", r"\bplus\b", r"^\s*\+", r"excl", r"exkl", r"inkl", r"incl", r"\bohne\b", r"\bhors\b",
    r"\bsans\b", r"\bsin\b", r"\bsenza\b", r"\bexcluding\b", r"\bincluding\b", r"\bnot including\b",
    # "£49 Free delivery": the price, delivered for nothing
    r"\bfree\b", r"\bgratis\b", r"kostenlos", r"versandkostenfrei", r"gratuit", r"grátis",
    r"送料無料", r"免運", r"包邮", r"무료", r"zdarma", r"zadarmo", r"darmow",
    r"ingyenes", r"бесплатн", r"безкоштовн", r"miễn phí", r"ilmai", r"δωρεάν", r"besplatn",
    r"brezplač", r"ücretsiz", r"免费", r"免費", r"مجاني", r"חינם",
)  # fmt: skip
# A price as a tile or a note shows it: a currency's sign by the number.
PRICE_SHOWN = re.compile(r"[$€£¥₹₩₽₺₫฿₱₪₦₴₸]\s?\d|\d\s?[$€£¥₹₩₽₺₫฿₱₪₦₴₸円元]")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# What keeps an element out of sight, or in sight of screen readers only: a class
# ("sr-only", "visually-hidden", "a-offscreen", "message--hidden", "is-invisible"), not one
# that hides it on one screen size ("hidden-xs", "md:hidden": others show it), or a style
# that moves, clips, shrinks or fades it away.
OUT_OF_SIGHT_CLASS = re.compile(
    r"(?:^|[-_:])(?:hidden|hide|invisible|offscreen)(?:$|[-_])|"
    r"sr-only|screen-?reader|visually-?hidden|a11y|not-?visible"
)
SCREEN_SIZE_CLASS = re.compile(
    r"(?:^|[-_])(?:xs|sm|md|lg|x*l|mobile|desktop|tablet|phone|small|medium|large|print)"
    r"(?:$|[-_])|:"
)
OUT_OF_SIGHT_STYLE = re.compile(
    r"(?:opacity|(?:max-)?height|font-size)\s*:\s*0(?:\.0*)?(?:px|em|rem|%)?\s*(?:;|!|$)|"
    r"clip\s*:\s*rect\(\s*0|(?:left|top|text-indent)\s*:\s*-\d{3,}"
)
LINE_THROUGH = re.compile(r"line-through")

# Any word that says what kind of price follows it: a price after such words is told
# apart from the one before it.
TELLS_APART = (
    OLD_TEXT,
    NOW_TEXT,
    PRICE_LABEL,
    SAVING,
    SHIPPING,
    CONDITIONAL,
    INSTALMENT,
    PER_UNIT,
    BULK,
    EX_TAX,
    TAX_IN,
)
