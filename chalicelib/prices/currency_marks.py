"""Currency symbols and hints as shops write them, mapped to ISO 4217 codes."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# The codes read wherever a page writes them: those of the shops this reader has met. Any
# other counts only on its own country's shops, as many are also words or names written in
# capitals ("ALL", "TOP", "CUP", "AMD", "AWG", "BTN").
_CODES_READ_ANYWHERE = frozenset(
    """AED ARS AUD BAM BDT BGN BHD BRL BYN CAD CHF CLP CNY COP CRC CZK DKK EGP EUR GBP GEL GHS
    HKD HRK HUF IDR ILS INR IQD ISK JOD JPY KES KRW KWD KZT LKR LYD MAD MXN MYR NGN NOK NZD OMR
    PEN PHP PKR PLN PYG QAR RON RSD RUB SAR SEK SGD THB TND TRY TWD UAH UGX USD UYU VND
    ZAR""".split()
)
# Unambiguous marks first; longer marks win over their prefixes ("US$" over "$").
_SYMBOLS = {
    "US$": "USD", "U$S": "USD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "CDN$": "CAD", "A$": "AUD",
    "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "MX$": "MXN",
    "R$": "BRL", "NT$": "TWD", "CLP$": "CLP", "COL$": "COP",
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₴": "UAH",
    "₪": "ILS", "₱": "PHP", "₫": "VND", "฿": "THB", "₦": "NGN", "₸": "KZT", "₾": "GEL",
    "円": "JPY", "원": "KRW", "RMB": "CNY", "ZŁ": "PLN", "ZL": "PLN", "KČ": "CZK",
    "บาท": "THB", "Đ": "VND", "VNĐ": "VND", 'ש"ח': "ILS", "ש״ח": "ILS",
    "FT": "HUF", "LEI": "RON", "LEU": "RON", "RON": "RON", "ЛВ": "BGN", "ЛВ.": "BGN",
    "РУБ": "RUB", "РУБ.": "RUB", "ГРН": "UAH", "ГРН.": "UAH", "RM": "MYR",
    "RP": "IDR", "FR.": "CHF", "SFR.": "CHF", "EURO": "EUR", "EUROS": "EUR", "DT": "TND",
    "KD": "KWD", "TL": "TRY", "DIN.": "RSD", "KN": "HRK", "KN.": "HRK", "E£": "EGP",
    "GH₵": "GHS", "₵": "GHS", "₡": "CRC", "৳": "BDT", "S/": "PEN", "S/.": "PEN", "GS": "PYG",
    "GS.": "PYG", "KSH": "KES", "ر.س": "SAR", "د.إ": "AED", "ج.م": "EGP",
    "ر.ق": "QAR", "د.ك": "KWD", "ر.ع": "OMR", "د.ب": "BHD", "د.ا": "JOD", "د.م.": "MAD",
    "جنيه": "EGP", "RD$": "DOP", "J$": "JMD", "TT$": "TTD", "TK": "BDT", "₲": "PYG",
    "₼": "AZN", "֏": "AMD", "LEK": "ALL", "CFA": "XOF", "FCFA": "XOF", "ДЕН": "MKD",
    "DHS": "AED", "ТГ": "KZT", "ТГ.": "KZT", "ТЕНГЕ": "KZT", "YEN": "JPY",
}  # fmt: skip
# Marks price-parser does not report, found in the text itself (Arabic marks, "S/", "Gs",
# Swedish "299:-", the rand's "R"; not "din", which is "your" in Scandinavian shops), and
# those it reports in one case only ("zł" but not "ZŁ", "kn" but not "Kn", "EUR" but not "Eur").
_UNREPORTED = re.compile(
    r"(?<![^\W\d_])(?:kr\.?|s/\.?|gs\.?|ksh|dhs?|ден|vnđ|тг\.?|тенге|yen"
    r"|zł|zl|kč|kn\.?|лв\.?|руб\.?|грн\.?|euros?|eur|usd|gbp|chf|pln|czk|huf|dkk)"
    r"(?![^\W\d_])|(?<=\d):-"
    r"|ر\.س|د\.إ|ج\.م|ر\.ق|د\.ك|ر\.ع|د\.ب|د\.ا|د\.م\.|جنيه|ש[\"״]ח|(?<=\d)\s?(?:元|บาท)"
    r"|(?<=\d\.-)\s?บาท"  # "1,290.- บาท"
    # The rand: "R 299", or "R1 299,00" with its cents (not a rating such as "R18").
    r"|(?<![^\W\d_])(?-i:R)(?=\s\d|[\d ,.]*\d[.,]\d\d(?!\d))",
    re.IGNORECASE,
)
# Marks that say "a price" in the shop's own currency, whatever it is: Norway's "399,-",
# Switzerland's "39.-" (read where no other mark is written).
_LOCAL_MARKS = {",-", ",–", ".-", ".–"}
_LOCAL_MARK = re.compile(rf"(?<=\d)(?:{'|'.join(map(re.escape, sorted(_LOCAL_MARKS)))})(?![\d-])")
# Marks that mean a currency only in this exact case ("5 ft" is a length).
_CASED = {"Ft": "HUF", "KM": "BAM", "SR": "SAR", "QR": "QAR"}
# Marks that are a currency only on their own country's shops: "R 12345" elsewhere is a
# part number.
_AT_HOME = {"R": ("ZAR", "za"), "BD": ("BHD", "bh")}  # "BD 25" is a Blu-ray elsewhere
_AMBIGUOUS = {
    "$": "USD", "KR": "SEK", "KR.": "DKK", ":-": "SEK", "¥": "JPY", "￥": "JPY", "RS": "INR",
    "RS.": "INR", "₨": "INR", "DH": "MAD", "元": "CNY", "درهم": "AED", "ريال": "SAR", "Р.": "RUB",
}  # fmt: skip

# Where a mark is ambiguous, the shop's country decides.
_TLD_CURRENCY = {
    "us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "mx": "MXN", "cl": "CLP", "co": "COP",
    "ar": "ARS", "uy": "UYU", "sg": "SGD", "hk": "HKD", "tw": "TWD", "br": "BRL", "se": "SEK",
    "no": "NOK", "dk": "DKK", "is": "ISK", "cn": "CNY", "jp": "JPY", "uk": "GBP", "gb": "GBP",
    "de": "EUR", "fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "be": "EUR", "at": "EUR",
    "ie": "EUR", "pt": "EUR", "fi": "EUR", "gr": "EUR", "sk": "EUR", "si": "EUR", "ee": "EUR",
    "lv": "EUR", "lt": "EUR", "lu": "EUR", "ch": "CHF", "li": "CHF", "pl": "PLN", "cz": "CZK",
    "hu": "HUF", "ro": "RON", "bg": "BGN", "hr": "EUR", "tr": "TRY", "ru": "RUB", "ua": "UAH",
    "in": "INR", "kr": "KRW", "za": "ZAR", "il": "ILS", "ae": "AED", "sa": "SAR", "my": "MYR",
    "id": "IDR", "th": "THB", "ph": "PHP", "vn": "VND", "pe": "PEN", "kw": "KWD", "pk": "PKR",
    "lk": "LKR", "eg": "EGP", "qa": "QAR", "om": "OMR", "bh": "BHD", "jo": "JOD", "ma": "MAD",
    "ke": "KES", "py": "PYG", "rs": "RSD", "cr": "CRC", "bd": "BDT", "gh": "GHS", "ng": "NGN",
    "tn": "TND", "kz": "KZT", "ge": "GEL", "ba": "BAM", "by": "BYN", "ug": "UGX", "iq": "IQD",
    "ly": "LYD", "eu": "EUR", "cy": "EUR", "mt": "EUR", "mc": "EUR", "ec": "USD", "bo": "BOB",
    "do": "DOP", "gt": "GTQ", "hn": "HNL", "np": "NPR", "mk": "MKD", "al": "ALL", "dz": "DZD",
    "tz": "TZS", "az": "AZN", "uz": "UZS", "am": "AMD", "kg": "KGS", "md": "MDL", "mn": "MNT",
    "lb": "LBP", "et": "ETB", "rw": "RWF", "zm": "ZMW", "bw": "BWP", "mz": "MZN", "ni": "NIO",
    "mu": "MUR", "jm": "JMD", "tt": "TTD",
}  # fmt: skip
_DOLLAR_TLDS = {"ca", "au", "nz", "mx", "cl", "co", "ar", "uy", "sg", "hk", "tw"}
_KRONA_TLDS = {"se", "no", "dk", "is"}
_YEN_TLDS = {"cn", "jp"}
_RUPEE_TLDS = {"in", "pk", "lk"}
_DIRHAM_TLDS = {"ae", "ma"}
# Where each ambiguous mark's own countries are.
_HOMES = {
    "KR": _KRONA_TLDS, "KR.": _KRONA_TLDS, ":-": _KRONA_TLDS, "$": _DOLLAR_TLDS, "¥": _YEN_TLDS,
    "￥": _YEN_TLDS, "RS": _RUPEE_TLDS, "RS.": _RUPEE_TLDS, "₨": _RUPEE_TLDS, "DH": _DIRHAM_TLDS, "درهم": _DIRHAM_TLDS, "元": {"cn", "tw", "hk"},
    "ريال": {"sa", "qa", "om"}, "Р.": {"ru", "by"},
}  # fmt: skip

# The currencies an ambiguous mark stands for, each named by its code somewhere.
_SHARING = {
    mark: {default} | {_TLD_CURRENCY[tld] for tld in _HOMES[mark]}
    for mark, default in _AMBIGUOUS.items()
}
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
_LOCALE_REGION = re.compile(r"[a-z]{2,3}[-_]([a-z]{2})(?![a-z])", re.IGNORECASE)


def country_currency(url: str | None) -> str | None:
    tld = top_level_domain(url)
    return _TLD_CURRENCY.get(tld) if tld else None


def locale_currency(locale: str) -> str | None:
    """The currency of the country a page's locale names: "es-CL", "es_CL" (not "es")."""
    region = _LOCALE_REGION.match(locale.strip())
    return _TLD_CURRENCY.get(region.group(1).lower()) if region else None


def in_region(mark: str | None, currency: str | None, local: str | None) -> str | None:
    """An ambiguous mark's currency on a shop whose domain names no country (`currency_of`
    took the mark's first currency) but whose page names its region: "$" in "es-CL" is the
    Chilean peso, "kr" in "nb-NO" the Norwegian krone. `local`: that region's currency."""
    shared = _SHARING.get((mark or "").strip().upper(), set())
    return local if local in shared else currency


def currency_of(mark: str | None, url: str | None = None) -> str | None:
    """ISO code for a mark such as '€', 'zł', 'USD' or '$' (resolved by the shop's domain)."""
    if not mark:
        return None
    if mark.strip() in _LOCAL_MARKS:
        return country_currency(url)
    if mark.strip() in _AT_HOME:
        currency, home = _AT_HOME[mark.strip()]
        return currency if top_level_domain(url) == home else None
    if mark.strip() in _CASED:
        return _CASED[mark.strip()]
    text = mark.strip().upper()
    if text in _CODES_READ_ANYWHERE or text == country_currency(url):
        return text
    if text in _SYMBOLS:
        return _SYMBOLS[text]
    if text in _AMBIGUOUS:
        tld = top_level_domain(url)
        if tld in _HOMES[text]:
            return _TLD_CURRENCY[tld]
        return _AMBIGUOUS[text]
    return None


def widened(mark: str | None, text: str) -> str | None:
    """The mark as the text writes it: the longer one around what price-parser read ("SG$ 77"
    holds "SG$", "E£ 1,200" holds "E£", where it reads "$" and "£"), the code naming which
    currency an ambiguous mark is ("MXN $1,299"), or one it does not read at all ("99 ر.س",
    "S/ 129.90"); else the mark."""
    written = _letters_before(mark.strip()).search(text) if mark else None
    whole = written.group(0).replace(" ", "") if written else ""  # "AU $39.95" is in "AU$"
    if whole.upper() in _SYMBOLS:
        return whole  # ... and "CDN$ 19.99" in "CDN$", where price-parser reads "N$"
    if not mark or inside_a_word(mark, text):  # "Руб", where price-parser reads "Р"
        unreported = _UNREPORTED.search(text) or _LOCAL_MARK.search(text)
        return unreported.group(0) if unreported else mark
    named = _CODE.findall(text)  # "MXN $1,299": the code says which of the dollars
    return next((code for code in named if code in _SHARING.get(mark.strip().upper(), ())), mark)


def inside_a_word(mark: str, text: str) -> bool:
    """A mark of letters that is only ever part of a longer word: the rouble's short
    mark in the Russian for an avenue, or its longer one in the word for a shirt."""
    if not (mark[:1].isalpha() or mark[-1:].isalpha()):
        return False  # "$", "€": no word's part
    found = [m.start() for m in re.finditer(re.escape(mark), text)]
    return bool(found) and all(
        (mark[0].isalpha() and start > 0 and text[start - 1].isalpha())
        or (mark[-1].isalpha() and text[start + len(mark) : start + len(mark) + 1].isalpha())
        for start in found
    )


@lru_cache(maxsize=64)
def _letters_before(mark: str) -> re.Pattern[str]:
    """Up to three letters written before the mark, or two or three capitals and a space:
    "SG$", "AU $" (not the article in "for a $25 gift card")."""
    return re.compile(r"(?<![A-Za-z])(?:[A-Za-z]{1,3}|[A-Z]{2,3} )" + re.escape(mark))


def top_level_domain(url: str | None) -> str | None:
    """ "uk" for https://shop.co.uk/x; None for a URL without a dotted host name."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # "http://[::1"
        return None
    return host.rsplit(".", 1)[-1].lower() if "." in host else None
