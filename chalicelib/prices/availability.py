"""Whether the competitor has the product to sell: in stock, out of stock, or not said.

Read from what the page declares (schema.org `availability` in JSON-LD, microdata or
RDFa, and `product:availability` meta tags, in every spelling shops use; a product
with several offers, one per size, is in stock if any at the price read is, else if
any is, while other products on the page are related items), else from what it shows
by the buy button (or the title) and beside the price: a short status such as "sold
out" or "nicht verfügbar", a button marked sold out, one that is there to be
pressed, or, where none takes orders, a promise to tell when the product is back, a
sentence saying "this item" cannot be had, a status in the element named for it
(id="availability", class="product-stock") however far away, or a size picker whose
every choice says sold out; a picture's alternative text counts as text. A disabled
button alone says nothing (many wait for a size to be chosen), nor does one size's
"M - sold out" in a picker (or in a list of choices a theme draws itself), "almost
sold out", a template branch that scripts may never show, a sold-out badge printed
beside a theme's other badges for CSS to pick, nor what is said of other products
(related or recently viewed ones, another product's tile), in reviews, in a pop-up
waiting for a click, or of a store's pickup or a delivery ("Store pickup: not
available"). A page that says "sold out" and offers nothing to press overrules a
declaration that the product can be bought, and one that says "in stock" by a button that
takes orders overrules one that it cannot: stale markup is common. A page that
offers the product at a price and says nothing else sells it: shops announce what
they cannot sell, not what they can. Pre-orders and back-orders are in stock,
flagged: the competitor takes the order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import islice
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from chalicelib.prices import words
from chalicelib.prices.layout import (
    BUTTONS,
    INLINE_TAGS,
    REGION_TAGS,
    SPACES,
    PageView,
    attr_text,
    common_prefix,
    concealed,
    hidden,
    lineage,
    picture_link,
    shown_nodes,
    shown_text,
    steps_of,
    up,
    visible,
)
from chalicelib.prices.structured import Stated

IN_STOCK, OUT_OF_STOCK = "in_stock", "out_of_stock"
NEAR = 10  # tree steps from the buy button (or title, or price) that still describe the product
NEAR_STEPS = 8  # ...or steps not counting wrappers around a single element (`steps_of`)
AROUND_LEVELS = 7  # how far up from a landmark its surroundings are read


@dataclass(frozen=True)
class Stock:
    availability: str  # IN_STOCK or OUT_OF_STOCK
    flag: str | None = None  # "pre-order" or "back-order"
    worded: bool = field(default=False, compare=False)  # said in words, not only by a button


WAITING = Stock(OUT_OF_STOCK, "waiting")  # "notify me when it is back": read in context


# schema.org ItemAvailability values (and what shops write instead), squashed to [a-z].
_DECLARED = {
    "instock": Stock(IN_STOCK), "limitedavailability": Stock(IN_STOCK),
    "onlineonly": Stock(IN_STOCK), "instoreonly": Stock(IN_STOCK), "madetoorder": Stock(IN_STOCK),
    "available": Stock(IN_STOCK), "availablefororder": Stock(IN_STOCK), "yes": Stock(IN_STOCK),
    "preorder": Stock(IN_STOCK, "pre-order"), "presale": Stock(IN_STOCK, "pre-order"),
    "backorder": Stock(IN_STOCK, "back-order"), "outofstock": Stock(OUT_OF_STOCK),
    "soldout": Stock(OUT_OF_STOCK), "discontinued": Stock(OUT_OF_STOCK),
    "oos": Stock(OUT_OF_STOCK), "unavailable": Stock(OUT_OF_STOCK),
    "notavailable": Stock(OUT_OF_STOCK), "no": Stock(OUT_OF_STOCK),
    "reserved": Stock(OUT_OF_STOCK), "markassold": Stock(OUT_OF_STOCK),
}  # fmt: skip

# Short statuses shops show for a product they cannot sell now, by language.
_OUT_TEXT = re.compile(
    "|".join(
        [
            r"out of stock", r"out-of-stock", r"sold[ -]?out", r"currently unavailable",
            r"temporarily unavailable", r"no longer available", r"no longer in stock",
            r"not in stock", r"no stock", r"isn.t in stock", r"not currently available",
            r"discontinued", r"awaiting stock", r"listing has ended", r"listing was ended",
            r"sales? (?:period )?(?:has )?ended", r"publicación (?:\w+ )?(?:pausada|finalizada)",
            r"anúncio (?:\w+ )?(?:pausado|finalizado)",
            r"no longer (?:on sale|sold|stocked|carried|offered)", r"not orderable",
            r"(?:cannot|can't|can not|can no longer) be (?:ordered|purchased|bought)",
            r"受付終了", r"販売期間(?:は)?終了",
            r"out of print", r"(?<![\d.,])0 (?:\w+ )?(?:in stock|available|left)",
            # a one-off item gone ("Sold" alone may head a count: "1.2k | Sold"); not an
            # auction's end, which a tuned benchmark page's label counts as in stock
            r"\b(?:item|product) (?:has been|was|is) sold\W*$", r"^status:\s*sold\W*$",
            r"נגמר (?:ה)?מלאי", r"אזל (?:מה|ב)?מלאי",
            r"\b(?:stock|lager|lagerbestand|bestand|existencias|available|availability|verfügbar"
            r"|disponible|disponibilidad|disponibilité|stan magazynowy|na stanie|остаток"
            r"|в наличии|在庫数|在庫|재고)\s*[:：]?\s*0(?![\d.,+\-–~])",
            r"nicht (?:mehr |derzeit |zurzeit )?erhältlich", r"loppu varastosta", r"loppunut",
            r"หมดชั่วคราว", r"temin edilemiyor", r"نفذ من المخزون", r"laos otsas", r"ei ole laos",
            r"uppselt", r"ekki til á lager", r"স্টক নেই",
            r"tuote on loppu", r"^slut\W*$",
            r"отсутству",
            r"nicht verfügbar", r"nicht mehr verfügbar", r"nicht lieferbar", r"nicht mehr lieferbar",
            r"ausverkauft", r"vergriffen", r"nicht auf lager", r"nicht an lager", r"nicht lagernd",
            r"nicht vorrätig", r"nicht mehr im sortiment", r"épuisé", r"rupture de stock",
            r"en rupture", r"victime de son succès", r"indisponible",
            r"non disponible", r"plus disponible", r"hors stock",
            r"agotad[oa]", r"sin stock", r"sin existencias?", r"no hay (?:stock|existencias)",
            r"fuera de stock", r"no disponible", r"esaurit[oaie]", r"non disponibile",
            r"esgotad[oa]", r"indisponível", r"não disponível", r"sem estoque",
            r"fora de (?:estoque|stock)",
            r"sem stock", r"uitverkocht", r"niet op voorraad", r"niet leverbaar", r"niet beschikbaar",
            r"slutsåld", r"slut i lager", r"ej i lager", r"tillfälligt slut", r"udsolgt", r"utsolgt",
            r"ikke på lager", r"loppuunmyyty", r"ei varastossa", r"tilapäisesti loppu",
            r"ei saatavilla", r"brak w magazynie", r"brak na stanie", r"niedostępn", r"brak towaru",
            r"wyprzedan", r"oferta (?:została |się )?zakończ(?:ona|yła)",
            r"sprzedaż (?:została |się )?zakończ(?:ona|yła)", r"vyprod[aá]n",
            r"není skladem", r"není k dispozici", r"nie je k dispozícii", r"není na skladě",
            r"nedostupn",
            r"vypredané", r"nie je skladom", r"elfogyott", r"nincs készleten", r"nincs raktáron",
            r"nem elérhető",
            r"stoc epuizat", r"epuizat", r"indisponibil", r"nu este în stoc",
            r"nema (?:na|u) zalihi", r"nije dostupn", r"nema na stanju", r"rasprodano",
            r"ni na zalogi", r"ni na voljo", r"razprodano", r"išparduota",
            r"nėra sandėlyje", r"neturime", r"izpārdots", r"nav noliktavā", r"välja müüdud",
            r"laost otsas", r"εξαντλήθηκε", r"εξαντλημένο", r"μη διαθέσιμο",
            r"нет в наличии", r"нет на складе", r"р[ао][сз]продано", r"закончил(?:ся|ась|ись)",
            r"закінчи(?:вся|лась|лись)",
            r"немає в наявності", r"немає на складі", r"відсутн", r"изчерпан", r"няма наличност",
            r"не е налич", r"нет в продаже", r"снят\w* с продажи", r"немає в продажу",
            r"знят\w* з продажу",
            r"stokta yok", r"stok yok", r"satışta değil", r"\bubos na\b", r"आउट ऑफ स्टॉक",
            r"^rupture\W*$", r"stokta değil", r"stokta bulunma", r"stok dışı", r"tükendi",
            r"mevcut değil", r"غير متوفر", r"غير متاح", r"نفدت الكمية", r"نفذت الكمية",
            r"نفد من المخزون", r"ناموجود", r"אזל", r"לא במלאי", r"स्टॉक में नहीं",
            r"在庫切れ", r"在庫なし", r"在庫がありません", r"在庫がございません", r"入荷未定",
            r"品切", r"売り?切", r"完売", r"入荷待ち",
            r"販売終了", r"販売(?:を|は)終了", r"取り?扱いできません", r"取り?扱いを終了",
            r"缺貨", r"缺货", r"售完", r"已售完", r"售罄", r"無庫存", r"无库存", r"暂无库存",
            r"無貨", r"无货", r"已下架", r"沒有現貨", r"没有现货", r"补货中", r"補貨中",
            r"품절", r"재고 ?없음", r"판매 ?종료", r"판매 ?중지", r"구매 ?불가", r"已下柜", r"已下櫃",
            r"stok habis", r"stok kosong", r"habis",
            r"tidak tersedia", r"kehabisan stok", r"สินค้าหมด", r"หมดสต็อก", r"ไม่มีสินค้า",
            r"hết hàng", r"ngừng (?:kinh doanh|bán)", r"停售", r"停產", r"停产",
        ]
    ),
)  # fmt: skip
# A label naming the product's status, with its colon.
_STATUS_LABEL = (
    r"(?:availability|status|stock|stock status|verfügbarkeit|lieferstatus|disponibilit[éyà]|"
    r"disponibilidad|beschikbaarheid|dostępność|état|statut|estado|stato)\s*:\s*"
)
_NO = r"(?:no|none|out|brak|nein|non|nee|nej|ne|нет|yok)\W*$"  # all that follows such a label
# "Unavailable" and "not available" are a status only on their own, or after an apology
# ("not available for purchase", "Sorry, this item is unavailable", "... at this time"),
# or under a label that names the product's status
# ("Availability: unavailable", not "Warranty: not available"); so is a bare "no"
# ("Dostępność: brak").
_UNAVAILABLE = re.compile(
    r"^(?:(?:we.?re |we are )?sorry\W+|unfortunately\W+)?"
    rf"(?:{_STATUS_LABEL})?(?:this )?(?:item|product)?\s*(?:is )?"
    r"(?:(?:currently|temporarily|presently) )?"
    r"(?:unavailable|not available)(?: (?:for purchase|to (?:buy|order|purchase)|online|"
    r"at (?:this|the) (?:time|moment)|at present|right now))*\W*$|"
    rf"^{_STATUS_LABEL}{_NO}",
)
_IN_TEXT = re.compile(
    r"\bin stock\b|\bauf lager\b|\ben stock\b|\bop voorraad\b|\bin magazzino\b|\ben existencia\b|"
    r"\bna skladě\b|\bw magazynie\b|\bi lager\b|\bpå lager\b|\bsofort lieferbar\b|\bstokta\b|"
    r"在庫あり|有現貨|现货|有货|재고 있음|tersedia|มีสินค้า|còn hàng|\blagernd\b|vorrätig|"
    r"sofort verfügbar|\bdostępny\b|\bskladem\b|raktáron|в наличии|в наявності|varastossa|"
    r"σε απόθεμα|em estoque|متوفر|במלאי|"
    # "available" and "orderable", which a negation before turns around ("no está
    # disponible", "non più disponibile", "nicht mehr bestellbar", "inte tillgänglig")
    r"\bdisponible\b|\bdisponibile\b|\bdisponível\b|\bbeschikbaar\b|\bleverbaar\b|"
    r"\bbestellbar\b|\bbestelbaar\b|\btilgjengelig\b|\btilgængelig\b|\btillgänglig\b|"
    r"\bdisponibil\b|\blieferbar\b|\b[iî]n stoc\b|\bem stock\b|в наличност|\bna stanju\b|"
    r"\bna zalihi\b|\bna zalogi\b|"
    r"\bna stanie\b|διαθέσιμο|재고 ?있음|\bsandėlyje\b|\bnoliktavā\b|^available\W*$|"
    # ready to leave the warehouse
    r"\bready to ship\b|\bships today\b|\b(?:ships|dispatched) (?:with)?in 24\b|"
    # few left, yet some: "Low stock", "Only a few left", "Últimas unidades"
    r"\b(?:low|limited) stock\b|\bonly a few left\b|^restocked\W*$|^just restocked\W*$|"
    r"\bgeringer bestand\b|\bstock limité\b|\bdernières pièces\b|últimas unidades|"
    r"ultimas unidades|\bpocas unidades\b|\bultimi pezzi\b|"
    # a marketplace's product with no buy box of its own: other sellers sell it
    r"(?:available|erhältlich|disponible|disponibile|verkrijgbaar|dostępne|tillgänglig) "
    r"(?:from|bei|auprès de|a través de|presso|bij|u|från) (?:these|other|diesen|anderen|ces|"
    r"estos|questi|deze|tych|dessa) (?:sellers|anbietern|vendeurs|vendedores|venditori|verkopers|"
    r"sprzedawców|säljare)",
)
# A word that turns the in-stock phrase right after it around.
_NEGATION = re.compile(
    r"(?:\b(?:not|no|nicht|kein\w*|pas|plus|non|niet|geen|ej|ikke|inte|ei|nie|není|nincs|nu|não|"
    r"не|нет|нема|nema|tidak|không)\s+(?:\w+\s+)?|ไม่|没有|沒有|暂无|暫無|無|无)$",
)
_PREORDER_TEXT = re.compile(
    r"pre-?order|vorbestell|précommande|pre-?venta|preordina|予約|預購|预购|예약|przedsprzeda|"
    r"předobjedn|předprodej|előrendel|precomand|предзаказ|передзамовлен|ön sipariş|förbeställ|"
    r"forudbestil|forhåndsbestill|ennakkotilaus|προπαραγγελ|pré-?venda|pré-?encomenda|预售|預售|"
    r"đặt trước|พรีออเดอร์|طلب مسبق",
)
_BACKORDER_TEXT = re.compile(
    r"back-?order|nachbestell|sur commande|auf bestellung|na zamówienie|na objednávku|"
    r"rendelésre|la comand[ăa]|под заказ|під замовлення|siparişe|beställningsvara|"
    r"bestillingsvare|tilaustuote|κατόπιν παραγγελίας|sob encomenda|bajo pedido|"
    r"su ordinazione|op bestelling|取り?寄せ",
)
# Said beside "sold out": the order is taken all the same (a back-order), "Temporarily out
# of stock. Order now and we'll deliver when available", "Stock: 0 – ships in 5 days".
# In a sentence of its own beside the status, only a promise to deliver it later counts
# (a bare "order now" there may be a promotion's).
_DELIVERED_LATER = (
    r"(?:deliver|ship|dispatch|send)\w* (?:it |them )?(?:as soon as|when(?:ever)?) "
    r"(?:it(?:'s| is| becomes) |they(?:'re| are) |stock )?(?:available|back|in stock|arrives|"
    r"restocked)|(?:can|may) still be ordered|still (?:be )?orderable|"
    r"(?:you )?can still (?:order|buy|purchase)"
)
_ORDERS_TAKEN = re.compile(
    rf"{_DELIVERED_LATER}|order (?:it )?now|\bships (?:with)?in \d|"
    r"jetzt (?:vor)?bestellen|trotzdem bestellen|weiterhin bestellbar|"
    r"commandez(?:-le)? (?:dès )?maintenant|pídelo ya|ordinalo ora",
)
_DELIVERED_LATER_SAID = re.compile(_DELIVERED_LATER)
_NONE_TAKEN = re.compile(r"\bno(?:t)? (?:\w+ )?(?:back|pre)-?orders?")  # "no back-orders"
_SOLD_OUT_CLASS = re.compile(r"\bsold-?out\b|out-?of-?stock")
_DISABLED_CLASS = re.compile(r"disabled\b")  # "btn--disabled", "button_disabled", "btnDisabled"
MAX_PHRASE = 60  # longer texts are sentences about something else (store pickup, a size)
PADDED_PHRASE = 10 * MAX_PHRASE  # a phrase with its markup's indentation
MAX_LABEL = 30  # "Warehouse deal:", a label's name before its value
MAX_SENTENCE = 140  # ...unless they speak of "this item"
BLOCK_TEXT = 400  # a status's block: the status and a sentence or two about it
TILE_TEXT = 300  # what of a tile is read for its price: a name, prices, a badge, a button
# A promise to tell when the product can be bought again, or that it is coming (read as
# WAITING): out of stock where nothing can be bought, else about one size (or a
# pre-order's launch).
_WAITING_TEXT = re.compile(
    # "soon available", either way round
    r"demnächst (?:wieder )?(?:verfügbar|erhältlich|lieferbar)|bald wieder|"
    r"disponible prochainement|próximamente (?:en stock|disponible)|disponible próximamente|"
    r"wkrótce dostępn|dostępny wkrótce|em breve (?:disponível|em estoque)|disponível em breve|"
    r"скоро (?:в продаже|в наличии|будет)|brzy (?:skladem|k dispozici)|"
    r"hamarosan (?:elérhető|raktáron)|yakında (?:stokta|satışta)|pian saatavilla|"
    r"snart (?:i lager|på lager|tillgänglig)|soon (?:to be )?available|"
    r"^coming soon\W*$|^bientôt disponible\W*$|^demnächst\W*$|^próximamente\W*$|"
    r"^in arrivo\W*$|^binnenkort\W*$|^近日(?:発売|入荷)|^即將(?:推出|到貨)|^即将(?:推出|到货)|"
    r"^(?:available|back|in stock) soon\W*$|^bientôt de retour|^pronto disponible|"
    r"^presto disponibile|^bald (?:wieder )?(?:verfügbar|lieferbar|auf lager)|"
    r"bientôt (?:en stock|de retour)|prochainement (?:en stock|disponible)|"
    r"binnenkort (?:weer )?(?:op voorraad|leverbaar|beschikbaar|verkrijgbaar)|"
    r"restock(?:ing soon| alert| notification)|awaiting restock|when restock|"
    r"^restocking\W*$|^being restocked\W*$|due (?:back )?in(?: stock)? (?:soon|on|\d)|"
    r"expected (?:in stock|back|on) |^on order(?: from (?:the )?supplier)?\W*$|"
    r"notify (?:me )?(?:of|about|on) availability|availability (?:alert|notification)|"
    r"e-?mail bei verfügbarkeit|benachrichtigung bei verfügbarkeit|réassort en cours|"
    r"en réassort|de réassort|alerté (?:\w+ ){0,2}disponibilité|"
    r"avertir (?:\w+ ){0,2}disponibilité|"
    r"cuando (?:\w+ ){0,2}(?:haya|tengamos) stock|avis\w* cuando llegue|"
    r"再入荷(?:の?お知らせ|通知|リクエスト)|入荷したら|"
    r"back in stock|in-?stock alert|when (?:it is |it's )?(?:back|available|in stock)|"
    r"wieder (?:verfügbar|lieferbar|vorrätig|auf lager)|de nouveau (?:disponible|approvisionn)|"
    r"réapprovisionn|de retour en stock|(?:vuelva|volverá) a estar disponible|"
    r"(?:de nuevo|nuevamente|di nuovo|novamente) dispon|torna disponibile|"
    r"ponownie dostępn|tillbaka i lager|tekrar stoğa|再入荷(?:予定|待ち|未定)|"
    r"weer (?:op voorraad|leverbaar)|wait-?list|入荷お知らせ|入荷通知|到貨通知|재입고|"
    r"(?:wenn|sobald) (?:\w+ )?(?:wieder )?(?:verfügbar|lieferbar)|(?:quand|dès que) (?:\w+ )?"
    r"disponible|cuando (?:\w+ )?disponible|quando (?:\w+ )?disponibile|"
    r"lorsque (?:\w+ ){0,3}disponible|retour en stock|powiadom (?:mnie )?o dostępności|"
    r"gdy (?:\w+ ){0,2}(?:będzie )?dostępn|hlídat dostupnost|naskladn|ha (?:újra )?elérhető|"
    r"revine [iî]n stoc|о поступлении|уведомить о наличии|про (?:наявність|надходження)|"
    r"stoka girince|gelince haber|när (?:\w+ ){0,3}i lager|i lager igen|"
    r"når (?:\w+ ){0,3}på lager|på lager igen|kun (?:\w+ ){0,3}saatavilla|"
    r"όταν (?:\w+ ){0,2}διαθέσιμ|quando (?:\w+ )?dispon[íi]vel|quando chegar|到货通知|到货提醒|"
    r"到貨提醒|(?:jika|saat) (?:\w+ )?tersedia|เมื่อมีสินค้า|khi có hàng|kad (?:\w+ ){0,2}dostupn|"
    r"ko bo na voljo|kai atsiras|kad būs pieejams|kui (?:\w+ ){0,2}saabub|عند (?:ال)?توفر|"
    r"כשיחזור למלאי|חזרה למלאי",
)
# An offer to tell the shopper later: with a sold-out status, a promise to tell when
# the product is back; alone, perhaps a price alert.
_NOTIFY = re.compile(
    r"notify|let you know|email me|alert|benachrichtig|prévenez|m'avertir|avísame|avvisami|"
    r"avise-me",
)
# A button's whole label offering to tell the shopper later: in the buy button's place,
# a promise to tell when the product is back ("Notify me"); elsewhere, perhaps a price alert.
_NOTIFY_BUTTON = re.compile(
    r"(?:notify|email|e-mail|alert|tell) me|benachrichtigen|benachrichtige mich|m'avertir|"
    r"me prévenir|prévenez-moi|avísame|avisarme|avvisami|avise-me|powiadom mnie|"
    r"informeer mij|bevaka|meddela mig|ilmoita minulle|upozornit|уведомить|сообщить|haber ver|"
    r"kabari saya",
)
_NOT_A_STATUS = re.compile(  # about something else: pickup, delivery, the picture
    r"when it|pick ?up|pick-up|collect|nearby|delivery|shipped|\bship to\b|\bshipping\b|"
    r"in store|\bstores?\b|near you|(?:your|this) (?:area|location|region)|\bzip\b|post ?code|"
    # "Out of stock at Downtown": a store's stock, named after the status
    r"(?:stock|sold out|unavailable) at (?!th(?:is|e) (?:time|moment)|present|(?:the )?moment)|"
    r"\bitems\b|image|immagine|imagen|bild|\?|"  # "Out of stock items ship later", "Sold out?"
    # a shop's stores, their pickup and delivery: "Im Markt nicht verfügbar", "店頭在庫なし"
    r"im markt|filiale|abholung|lieferung|en magasin|retrait|livraison|\bboutique|tienda|"
    r"recogida|env[ií]o|negozio|ritiro|spedizione|\bwinkel\b|afhalen|bezorging|levering|"
    r"w sklepie|stacjonarn|odbiór|dostaw|prodejn|vyzvednut|doručen|áruház|átvétel|"
    r"szállítás|[iî]n magazin|ridicare|livrare|в магазине|самовывоз|доставк|mağaza|teslimat|"
    r"\bbutik|hämta|afhent|\bhente|leverans|店頭|店舗|配送|门店|門市|门市|自提|매장|배송|"
    r"\btoko\b|pengiriman|"
    # a service with the product: express shipping, gift wrap, instalments, a warranty,
    # assembly ("Expressversand nicht verfügbar", "Garantía no disponible")
    r"express|versand|verzending|wysyłka|gift ?(?:wrap|box|bag)|geschenk|cadeau|regalo|"
    r"envoltorio|"
    r"warrant|garant[ií]|garanzi|gwaranc|assembly|montage|montaje|montaggio|installation|"
    r"instal+ment|ratenzahlung|finanzierung|financ|paiement|\bpago|pagamento|klarna|paypal|"
    # a promotion's: a flash sale, a coupon, a gift with orders ("Free tote bag with orders
    # over €50 — sold out")
    r"flash ?(?:sale|deal)|\bpromo|coupon|voucher|rabatt|gutschein|discount code|cupón|"
    r"free gift|with (?:\w+ )?(?:orders?|purchases?) (?:over|of|above)|\braty\b|"
    # the product's accessories and spare parts, or the model it replaces
    r"accessories|accessoires|accesorios|\baccessori\b|zubehör|ersatzteile|spare parts|"
    r"pièces détachées|repuestos|ricambi|"
    r"(?:previous|earlier|older|former) (?:model|version|edition|generation)|\breplaces\b|"
    r"vorgänger|"
    # the page's reviews, video, engraving or returns ("Reviews are temporarily unavailable")
    r"\breviews?\b|\bvideo|engrav|personali[sz]|monogram|\breturns?\b|\bretour|devoluci|"
    r"rückgabe|rücksend",
)
# Another condition or format of the product, named before a status ("Pre-owned: out of
# stock", "Audiobook: currently unavailable"): not what the page sells, unless its title
# names it so.
_OTHER_FORMS = re.compile(
    r"pre-?owned|refurbished|renewed|reconditioned|open[- ]box|\bused\b|warehouse|b-ware|"
    r"gebraucht|generalüberholt|reconditionné|occasion|reacondicionado|usado|ricondizionato|"
    r"usato|kindle|e-?book|audiobook|audio ?cd|hardcover|hardback|paperback|taschenbuch|"
    r"gebundene|broché|relié|tapa (?:dura|blanda)|\bmp3\b|\bdvd\b|blu-?ray|vinyl",
)
# Stock running low, or just come back: said of a product on sale now.
_STILL_ON_SALE = re.compile(
    r"\b(?:almost|nearly|presque|casi|quasi|quase|bijna|prawie|skoro|téměř|majdnem|aproape|"
    r"почти|майже|nästan|næsten|melkein)\b|selling fast|\bfast (?:ausverkauft|vergriffen)|"
    r"^(?:now |just )?back in stock\W*$|^wieder (?:da|verfügbar|lieferbar)\W*$|"
    r"^de retour en stock\W*$|^wieder (?:auf lager|vorrätig|erhältlich)\W*$|"
    r"快售完|残りわずか|残り僅か|품절 ?임박|"
    r"bald (?:ausverkauft|vergriffen)|bientôt épuisé|hampir habis|sắp hết|σχεδόν|"
    r"(?:完売|売り切れ|品切れ)間近|快要(?:售|卖|賣)|即(?:將|将)售|(?:几乎|幾乎)售|"
    r"bientôt en rupture|"
    r"wkrótce wyprzedan|snart (?:slutsåld|slut|udsolgt|utsolgt)|sold out soon|"
    r"soon (?:to be )?sold out|"
    # a boast of its past: "Sold out 3 times!", "Never sold out"
    r"sold out (?:twice|(?:\d+|three|several|many|multiple) ?(?:times|x)\b)|\d+ ?x sold out|"
    r"\b(?:previously|never|often|already|once) sold out|"
    r"sold out (?:last (?:year|season|time)|in (?:19|20)\d\d)|"
    r"sold out (?:in|within) (?:just )?(?:\d+|a|one|two|three|a few) "
    r"(?:minutes?|hours?|days?|weeks?)|sold out before|now back in stock|"
    r"(?:schon|bereits) (?:\d+ ?x |mehrfach |mehrmals |einmal )?ausverkauft|"
    r"\d+ ?x ausverkauft|"
    # a call to hurry: "only 2 left before it's sold out"
    r"before (?:it(?:'s| is)|they(?:'re| are)) (?:all )?(?:sold out|gone)|"
    r"before (?:it|they) sells? out",
)
# Attributes of elements that page scripts show or drop (Angular, Vue, Alpine, Knockout).
_TEMPLATE_BRANCH = {
    "ng-show", "ng-hide", "ng-if", "ng-switch-when", "ng-cloak", "data-ng-show", "data-ng-hide",
    "data-ng-if", "v-if", "v-else", "v-else-if", "v-show", "x-show", "x-if", "*ngif",
}  # fmt: skip
_KNOCKOUT_BRANCH = re.compile(r"\b(?:visible|if|ifnot|hidden)\s*:")
# Words that point at the page's own product: "this item", "dieser Artikel", "この商品".
_THIS_PRODUCT = re.compile(  # each starts with a letter: searched for on every text
    r"this (?:item|product|article|listing)|diese[rs]? (?:artikel|produkt)|ce produit|"
    r"cet article|"
    r"est[ea] (?:producto|artículo|produto|artigo|item)|quest[oa] (?:prodotto|articolo)|"
    r"dit (?:product|artikel)|denna (?:produkt|vara|artikel)|den här (?:produkten|varan)|"
    r"ten produkt|tento produkt|"
    r"этот товар|bu ürün|この商品|本商品|该商品|該商品|此商品|이 상품",
)
# A size or colour named beside a sold-out status: that choice is gone, not the product
# ("One size: sold out" is the product).
_VARIANT = re.compile(
    r"\b(?:xxs|xs|xl|xxl|xxxl|[2-5]xl)\b|"
    r"^(?:(?:eu|uk|us|fr|it) ?)?(?:[sml]|\d{1,2}(?:[.,]5)?)\s*[-–—:/]|"
    r"\bin (?:sizes? )?(?:[sml]|xs|xl|\d{1,2}(?:[.,]5)?|small|medium|large|x-?large)(?:,|\W*$)|"
    r"\b(?:black|white|red|blue|green|grey|gray|pink|navy|beige|brown|yellow|orange|purple|"
    r"silver|gold|schwarz|weiß|weiss|blau|grün|grau|noir|blanc|rouge|bleu|vert|negro|blanco|"
    r"rojo|azul|nero|bianco|rosso|zwart|rood|blauw|groen)\b",
)
_ONE_CHOICE = re.compile(
    r"(?<!one )size|colou?r|größe|farbe|taille|couleur|talla|taglia|selected|ausgewählt|"
    r"sélectionné|seleccionad|selezionat|geselecteerd|wybran|variant|combination|kombination|"
    r"combinaison|combinación"
)
# "While stocks last", "until sold out" (售完為止, 売り切れ次第, sampai stok habis):
# a promotion's terms, said of products that are on sale now.
_CONDITION = re.compile(
    r"\buntil\b|\bwhile\b|\bif\b|\bwhen\b|\bonce\b|"
    r"(?:售完|賣完|卖完|缺貨|缺货)(?:為止|为止|即止|時|时)|"
    r"次第|の際|の場合|の節|품절 ?시|경우|sampai|hingga|selama|đến khi|khi hết",
)
# Elements a page names for the product's status.
_STATUS_HOLDERS = (
    "[id*=availability i], [class*=availability i], [id*=stock i], [class*=stock i], "
    "[class*=inventory i], [class*=sold-out i], [class*=soldout i]"
)
# Texts in a size or colour picker speak of that choice, not of the product.
_PICKER_TAGS = {"option", "select", "datalist", "label"}  # <label> names a form's choice
_PICKER_ROLES = {"option", "radio", "listbox", "radiogroup"}
_PICKERS = (  # ...found by the selector, confirmed by `_a_picker`
    "select, [role=radiogroup], [role=listbox], [class*=swatch i], [class*=variant i], "
    "[class*=size i], [id*=swatch i], [id*=variant i], [id*=size i]"
)
_PICKER_CLASS = re.compile(r"swatch|variant|\bsizes\b|size-?(?:select|pick|option|list|box|grid)")
_CHOICES = {"li", "button", "a"}  # what a theme draws a list of choices with, itself
# A price written with a currency symbol: "£60.00", "60,00 €".
_PRICE_SHOWN = re.compile(r"[$€£¥₹₩₽₺₫฿₱₪₦₴₸]\s?\d|\d\s?[$€£¥₹₩₽₺₫฿₱₪₦₴₸円元]")
_WORD = re.compile(r"[^\W_]+")
# Class names of what shoppers write: "it was sold out for months" is no status.
_OTHERS_TALK = re.compile(r"review|comment|testimonial|question|answer|\bfaq|\bqa\b|q-and-a")


def declared_stock(
    products: list[tuple[str | None, list[Stated]]], main: str | None, price: Decimal | None
) -> Stock | None:
    """What the product named `main` declares, else the first that declares any: in
    stock if any of its offers at `price` (the price read) is, else if any of its
    offers is (sizes sell out one by one), else its first. Other products are
    related items."""
    ordered = sorted(products, key=lambda product: product[0] != main) if main else products
    for _, statements in ordered:
        read = [(stock, s.price) for s in statements if (stock := _declared(s.value)) is not None]
        priced = [stock for stock, offer_price in read if offer_price == price]
        stocks = priced or [stock for stock, _ in read]
        if stocks:
            return next((s for s in stocks if s == Stock(IN_STOCK)), stocks[0])
    return None


def _declared(value: str) -> Stock | None:
    """A schema.org value, or the free text microdata often carries ("Auf Lager")."""
    key = re.sub(r"[^a-z]", "", re.split(r"[/:#]", value.strip())[-1].lower())  # URL or CURIE
    if key in _DECLARED:
        return _DECLARED[key]
    text = value.strip().lower()
    said = _read(text) if len(text) <= MAX_PHRASE else None
    return said if said != WAITING else None


def shown_stock(view: PageView, price: LexborNode | None = None) -> Stock | None:
    """What the page shows where the product is bought (by its buy button, else its
    title) and beside its `price`, if anything."""
    button = view.buy_button or _sold_out_button(view, price)
    if button is not None and _says_sold_out(button):
        return Stock(OUT_OF_STOCK)
    # A disabled button alone says nothing: many wait for a size to be chosen.
    can_buy = button is not None and not disabled(button)
    said: Stock | None = Stock(IN_STOCK) if can_buy else None
    landmarks = [node for node in (button or view.title, price) if node is not None]
    for stock in _statuses_near(view, landmarks):
        if stock == WAITING:
            if can_buy:
                continue  # one size's, while the product can be bought
            return Stock(OUT_OF_STOCK)
        if stock.availability == OUT_OF_STOCK:
            return stock  # whatever else the page says nearby
        said = replace(stock if said is None or stock.flag else said, worded=True)
    if said is None and not can_buy:
        if button is not None and _sold_out_button(view, price, _offers_to_notify) is not None:
            return Stock(OUT_OF_STOCK)  # "Notify me" beside a greyed-out "Add to cart"
        # A promise to tell when it is back, beside a greyed-out button, may be a size's.
        promises = button is None
        return (
            _said_of_this_product(view, promises)
            or _said_where_named(view, promises)
            or _every_choice_gone(view, landmarks)
        )
    return said


def _sold_out_button(
    view: PageView,
    price: LexborNode | None,
    says: Callable[[LexborNode], bool] | None = None,
) -> LexborNode | None:
    """Where no button says "buy", one by the title or the price that says "sold out"
    in its place, in its text or only in its value or label (<input value="Sold out">)
    (or what `says` looks for)."""
    says = says or _says_sold_out
    anchors = _anchors([n for n in (view.title, price) if n is not None], view)
    for button in view.body.css(BUTTONS):
        if not says(button) or not visible(button):
            continue
        if _near(button, view.chain_of(button), anchors):
            return button
    return None


def _statuses_near(view: PageView, landmarks: list[LexborNode]) -> Iterator[Stock]:
    """Statuses shown within NEAR steps of a landmark, read under its ancestor a few
    levels up (most of what lies that near, without reading the whole page)."""
    anchors = _anchors(landmarks, view)
    title_words = (
        set(_WORD.findall(shown_text(view.title).lower())) if view.title is not None else set()
    )
    read_whole: set[int] = set()
    tables: dict[int, bool] = {}  # `_rows_disagree`, read once per table
    for around in _arounds(landmarks, view):
        for node in around.traverse(include_text=True):
            if not node.is_text_node and node.tag not in _PICTURES:
                continue
            for text, parent in _phrases(node, read_whole):
                if not text or not _short_enough(text):
                    continue
                stock = _status(text)
                if stock is None or parent is None or not _stated(parent) or _badge_off(parent):
                    continue
                if _in_picker(parent) or _of_something_else(parent):
                    continue
                if _another_choice(parent, title_words, view) or _of_another_form(
                    text, title_words
                ):
                    continue
                if _rows_disagree(parent, tables, view):
                    continue
                chain = view.chain_of(parent)
                if _near(parent, chain, anchors) and not _elsewhere(
                    parent, chain, anchors.chains, view
                ):
                    if stock.availability == OUT_OF_STOCK and stock != WAITING:
                        stock = _taken_beside(parent) or stock
                    yield stock


def _phrases(node: LexborNode, read_whole: set[int]) -> Iterator[tuple[str, LexborNode | None]]:
    """A text as shown, then, once per element, the element's whole text where a link or
    bold breaks its words up ("Available from <a>these sellers</a>", "Only <b>0</b> left")."""
    text, parent = _text_and_holder(node)
    yield text, parent
    if not text or not node.is_text_node or parent is None or parent.mem_id in read_whole:
        return
    if node.prev is None and node.next is None:
        return  # the element's only text: read already
    read_whole.add(parent.mem_id)
    raw = parent.text(deep=True)
    if len(raw) > PADDED_PHRASE:
        return
    whole = SPACES.sub(" ", raw).strip().lower()
    if whole == text or len(whole) > MAX_PHRASE:
        return
    inside = [n for n in parent.traverse() if n.mem_id != parent.mem_id]
    if inside and all(n.tag in _WORDS_INSIDE and not hidden(n) for n in inside):
        yield whole, parent


def _elsewhere(
    element: LexborNode, chain: list[int], anchors: list[list[int]], view: PageView
) -> bool:
    """On a branch of its own, away from the landmarks, that is about other things:
    reviews, the page's header or footer, a block of related or recently viewed
    products (classed so, and linking to them: a class such as "widget" alone may wrap
    the product's own parts), another product's card (a picture linking to its page)."""
    own_levels = len(chain) - max(common_prefix(chain, anchor) for anchor in anchors)
    return any(
        node.tag in REGION_TAGS
        or node.mem_id in view.landmarks.headed_elsewhere
        or _OTHERS_TALK.search(attrs := attr_text(node))
        or (words.RELATED_ATTR.search(attrs) and _links_on(node))
        or _another_product(node, view)
        or picture_link(node)
        for node in up(element, own_levels)
    )


def _another_product(node: LexborNode, view: PageView) -> bool:
    """A tile in a list of other products: one of several alike (same tag, same class),
    with a link and a price ("Brass Lamp £60 Sold out"); the product's own buy box,
    with its links and other prices (a warranty's), is one of a kind."""
    return (
        view.alike(node) > 1
        and bool(_PRICE_SHOWN.search(node.text(deep=True)[:TILE_TEXT]))
        and _links_on(node)
    )


def _links_on(node: LexborNode) -> bool:
    """Links to something other than a status ("notify me"): another product, say."""
    links = (a.text(deep=True).strip().lower() for a in node.css("a[href]"))
    return any(text and not (_ANY_STATUS.search(text) or _NOTIFY.search(text)) for text in links)


class Anchors(NamedTuple):
    """Landmarks' root-first id chains, read once: all their ancestors, and `steps_of`."""

    chains: list[list[int]]
    steps: list[list[int]]


def _anchors(landmarks: list[LexborNode], view: PageView) -> Anchors:
    return Anchors([view.chain_of(n) for n in landmarks], [steps_of(n) for n in landmarks])


def _near(node: LexborNode, chain: list[int], anchors: Anchors) -> bool:
    """Within NEAR tree steps of one of the landmarks (`chain`: the node's), or NEAR_STEPS
    `steps_of`: a theme may wrap each part of the product's box in five <div>s of its own."""
    return _within(chain, anchors.chains, NEAR) or _within(
        steps_of(node), anchors.steps, NEAR_STEPS
    )


def _within(chain: list[int], anchors: list[list[int]], limit: int) -> bool:
    return any(len(chain) + len(a) - 2 * common_prefix(chain, a) <= limit for a in anchors)


_ROWS = {"tr", "li"}
ROW_LEVELS = 4  # how far up from a status its table's or list's row is looked for
MAX_ROWS = 50  # rows of a table read for their statuses
_PICTURES = {"img", "input"}
_NOT_SENTENCES = {"button", "a", "option", "label"}  # "Order now" on a button is its label
_WORDS_INSIDE = INLINE_TAGS | {"a"}  # elements inside a phrase


def _text_and_holder(node: LexborNode) -> tuple[str, LexborNode | None]:
    """A text and the element showing it; older shops show a status as a picture
    (<img alt="Sold out">), so a picture's alternative text counts too, or, where it has
    none, its file's name (<img src="btn_soldout.gif">)."""
    if node.is_text_node:
        return node.text(deep=False).strip().lower(), node.parent
    if node.tag == "img" or (node.tag == "input" and node.attributes.get("type") == "image"):
        attributes = node.attributes
        said = (attributes.get("alt") or attributes.get("title") or "").strip().lower()
        file_name = (attributes.get("src") or "").split("?")[0].rsplit("/", 1)[-1].lower()
        if not said and _SOLD_OUT_CLASS.search(file_name.replace("_", "-")):
            said = "sold out"
        return said, node
    return "", None


def _badge_off(element: LexborNode) -> bool:
    """A sold-out badge printed beside its theme's other badges (sale, new), which CSS
    shows only under a container marked sold out (Shopify's `price--sold-out`)."""
    classes = _classes(element)
    parent = element.parent
    if parent is None or not _SOLD_OUT_CLASS.search(" ".join(classes)):
        return False
    if not any(classes & _classes(other) for other in parent.iter() if other != element):
        return False  # the only status there: the shop printed it because it applies
    return not any(_SOLD_OUT_CLASS.search(" ".join(_classes(n))) for n in up(parent, 4))


def _classes(element: LexborNode) -> set[str]:
    return set((element.attributes.get("class") or "").lower().split())


def _stated(node: LexborNode) -> bool:
    """Shown as the page stands: not hidden, nor in a pop-up ("Unavailable :( Notify me"
    waits in every page's markup for a click), nor one branch of a template that scripts
    choose between ("in stock" and "sold out" both sit in an Angular or Vue page)."""
    return not any(concealed(n) or _branch(n) for n in up(node, 8))


def _branch(node: LexborNode) -> bool:
    attributes = node.attributes
    return bool(
        _TEMPLATE_BRANCH.intersection(attributes)
        or _KNOCKOUT_BRANCH.search(attributes.get("data-bind") or "")
    )


def _said_of_this_product(view: PageView, promises: bool) -> Stock | None:
    """A sentence about "this item" saying it cannot be bought, anywhere on the page:
    read only where no buy button takes orders and nothing said near the landmarks
    (`promises`: a promise to tell when it is back counts too)."""
    for node in view.text_nodes:
        text = node.text(deep=False).strip().lower()
        if not text or len(text) > MAX_SENTENCE or not _THIS_PRODUCT.search(text):
            continue
        said = _read(text)  # a doubt "this item" will be back too: nothing can be bought
        if said is None or (said == WAITING and not promises):
            continue
        if said.availability == OUT_OF_STOCK and node.parent and _stated(node.parent):
            return Stock(OUT_OF_STOCK)
    return None


def _said_where_named(view: PageView, promises: bool) -> Stock | None:
    """A status in the element the page names for it (id="availability"), however far from
    the title (a marketplace's, with no buy box, sits 15 steps away): read only where no buy
    button takes orders and nothing said near the landmarks, and not in another product's block
    (`promises` as for `_said_of_this_product`)."""
    anchors = [view.chain_of(view.title)] if view.title is not None else []
    for holder in view.body.css(_STATUS_HOLDERS):
        text = shown_text(holder).lower()
        if not _short_enough(text):
            continue
        stock = _status(text)
        if stock is None or (stock == WAITING and not promises):
            continue
        if not _stated(holder) or _in_picker(holder):
            continue
        around = holder.parent or holder  # its own name says what it is ("celwidget" too)
        if anchors and _elsewhere(around, view.chain_of(around), anchors, view):
            continue
        return Stock(OUT_OF_STOCK) if stock == WAITING else stock
    return None


def _every_choice_gone(view: PageView, landmarks: list[LexborNode]) -> Stock | None:
    """A size or colour picker by the landmarks whose every choice says sold out ("40 -
    Sold out", "41 - Sold out"): each speaks of itself, all of them of the product. Read
    only where no buy button takes orders."""
    anchors = _anchors(landmarks, view)
    for around in _arounds(landmarks, view):
        for picker in around.css(_PICKERS):
            if not _a_picker(picker):
                continue
            choices = _choices(picker)
            if not (choices and all(map(_choice_gone, choices))):
                continue
            chain = view.chain_of(picker)
            if (
                _stated(picker)
                and _near(picker, chain, anchors)
                and not _elsewhere(picker, chain, anchors.chains, view)
            ):
                return Stock(OUT_OF_STOCK)
    return None


def _choice_gone(text: str) -> bool:
    """A choice's short text saying it is sold out (a longer one is no choice: a table
    of offers, say)."""
    return len(text) <= MAX_PHRASE and _says_out(text) and not _STILL_ON_SALE.search(text)


def _a_picker(element: LexborNode) -> bool:
    return (
        element.tag == "select"
        or element.attributes.get("role") in ("radiogroup", "listbox")
        or bool(_PICKER_CLASS.search(attr_text(element)))
    )


def _choices(picker: LexborNode) -> list[str]:
    """What each of a picker's choices says, shown or in its label for screen readers
    (a swatch is a picture); a drop-down's empty "Choose a size" is no choice."""
    said = []
    for choice in picker.iter():
        if choice.tag == "legend" or (
            choice.tag == "option" and choice.attributes.get("value") == ""
        ):
            continue
        text = shown_text(choice) or " ".join(
            n.attributes.get("aria-label") or n.attributes.get("title") or ""
            for n in choice.traverse()
        )
        if text.strip():
            said.append(text.strip().lower())
    return said


def _of_something_else(element: LexborNode) -> bool:
    """The value of a pair whose label names something else: a store's pickup, a delivery
    ("<p>Retiro en tienda</p><strong>No disponible</strong>")."""
    while element.parent is not None and element.parent.tag in INLINE_TAGS:
        element = element.parent
    pair = element.parent
    if pair is None:
        return False
    shown = (n for n in pair.iter(include_text=True) if n.text(deep=True).strip())
    parts = list(islice(shown, 3))  # a pair has two
    if len(parts) != 2 or parts[1].mem_id != element.mem_id:
        return False
    return bool(_NOT_A_STATUS.search(parts[0].text(deep=True).strip().lower()))


def _another_choice(element: LexborNode, title_words: set[str], view: PageView) -> bool:
    """One of a list's alike items whose status names a choice: a drop-down a theme
    draws itself ("<li>Olive - Sold out</li>"), a row of size buttons ("L <span>Sold
    out</span>"), of pictures linking to each colour's page; not a label ("<li>Availability:
    out of stock</li>") nor the product's own name."""
    item = next((n for n in up(element, 3) if n.tag in _CHOICES and view.alike(n) > 1), None)
    if item is None:
        return False
    href = item.attributes.get("href") or "#"
    if item.tag == "a" and not href.startswith(("#", "javascript")) and item.css_first("img"):
        return True  # a picture of another page's product: what it says, it says of that
    text = shown_text(item).lower()
    status = (_OUT_TEXT.search(text) or _UNAVAILABLE.search(text)) if _short_enough(text) else None
    if status is None:
        return False
    name = {
        w
        for w in _WORD.findall(text[: status.start()] + " " + text[status.end() :])
        if not w.isdigit()
    }
    return bool(name) and not re.search(_STATUS_LABEL, text) and not name <= title_words


def _rows_disagree(element: LexborNode, tables: dict[int, bool], view: PageView) -> bool:
    """A status in one of a table's or list's alike rows, where another row says otherwise
    ("Brass | Out of stock", "Chrome | In stock"): each row's, one variant's or one store's;
    where every row says sold out, the product is. `tables`: what each table says."""
    row = next((n for n in up(element, ROW_LEVELS) if n.tag in _ROWS), None)
    if row is None or row.parent is None or view.alike(row) < 2:
        return False
    table = row.parent
    if table.mem_id not in tables:
        tables[table.mem_id] = _statuses_differ(table, row.tag or "")
    return tables[table.mem_id]


def _statuses_differ(table: LexborNode, row_tag: str) -> bool:
    said = set()
    for other in islice((n for n in table.iter() if n.tag == row_tag), MAX_ROWS):
        for node in shown_nodes(other):
            text = node.text(deep=False).strip().lower() if node.is_text_node else ""
            if text and len(text) <= MAX_PHRASE and (stock := _status(text)):
                said.add(stock.availability)
    return len(said) > 1


def _of_another_form(text: str, title_words: set[str]) -> bool:
    """ "Pre-owned: out of stock" on the page of a new one (`_OTHER_FORMS`)."""
    label, colon, _ = text.partition(":")
    named = _OTHER_FORMS.search(label) if colon and len(label) <= MAX_LABEL else None
    return named is not None and not set(_WORD.findall(named.group(0))) <= title_words


def _in_picker(element: LexborNode) -> bool:
    return any(
        n.tag in _PICKER_TAGS
        or n.attributes.get("role") in _PICKER_ROLES
        or _PICKER_CLASS.search(attr_text(n))
        for n in up(element, 3)
    )


def _short_enough(text: str) -> bool:
    return len(text) <= MAX_PHRASE or (
        len(text) <= MAX_SENTENCE and _THIS_PRODUCT.search(text) is not None
    )


def _arounds(landmarks: list[LexborNode], view: PageView) -> list[LexborNode]:
    """The landmarks' ancestors AROUND_LEVELS up, each part of the page once."""
    return _outermost(
        [list(islice(lineage(landmark), AROUND_LEVELS + 1))[-1] for landmark in landmarks], view
    )


def _outermost(nodes: list[LexborNode], view: PageView) -> list[LexborNode]:
    """`nodes` without those inside another of them (read each part of the page once)."""
    kept: list[LexborNode] = []
    for node in sorted(nodes, key=lambda n: len(view.chain_of(n))):
        if not set(view.chain_of(node)) & {k.mem_id for k in kept}:
            kept.append(node)
    return kept


def _says_out(text: str) -> bool:
    return bool(_OUT_TEXT.search(text) or _UNAVAILABLE.search(text))


def _loose(pattern: str) -> str:
    """The pattern with its alternatives' leading anchors dropped: a looser first test,
    quick to search (alternatives starting with a letter are grouped by `words.any_of`),
    which the exact patterns then confirm."""
    return re.sub(r"(^|\|)(?:\^|\\b|\(\?<!\[[^\]]*\]\))+", r"\1", pattern)


_ANY_STATUS = words.any_of(
    *(
        _loose(p.pattern)
        for p in (_OUT_TEXT, _IN_TEXT, _PREORDER_TEXT, _BACKORDER_TEXT, _WAITING_TEXT)
    ),
    rf"unavailable|not available|:\s*{_NO}",
)


def _status(text: str) -> Stock | None:
    """A status the text shows, looked for with the quick pattern first: most texts of a
    page hold none."""
    return _read(text) if _ANY_STATUS.search(text) else None


def _read(text: str) -> Stock | None:
    if text.endswith(":") or _ONE_CHOICE.search(text):  # a field's name: "Discontinued:"
        return None
    if _STILL_ON_SALE.search(text):
        return Stock(IN_STOCK)
    out = _says_out(text)
    if out and _VARIANT.search(text):
        return None  # one size's or colour's, whether or not the product can be bought
    if out and (taken := _still_ordered(text)) is not None:
        return taken
    if _WAITING_TEXT.search(text) or (out and _NOTIFY.search(text)):
        return WAITING
    if _CONDITION.search(text) or _NOT_A_STATUS.search(text) or _NOTIFY.search(text):
        return None
    if out:
        return Stock(OUT_OF_STOCK)
    if _PREORDER_TEXT.search(text):
        return Stock(IN_STOCK, "pre-order")
    if _BACKORDER_TEXT.search(text):
        return Stock(IN_STOCK, "back-order")
    stocked = _IN_TEXT.search(text)
    if stocked and _NEGATION.search(text[: stocked.start()]):
        return Stock(OUT_OF_STOCK)  # "nicht sofort lieferbar", "pas en stock", "ไม่มีสินค้า"
    if stocked:
        return Stock(IN_STOCK)
    return None


def _still_ordered(text: str) -> Stock | None:
    """Orders taken for a product out of stock: a pre-order or a back-order, in stock."""
    if _NONE_TAKEN.search(text):
        return None
    if _PREORDER_TEXT.search(text):
        return Stock(IN_STOCK, "pre-order")
    if _BACKORDER_TEXT.search(text) or _ORDERS_TAKEN.search(text):
        return Stock(IN_STOCK, "back-order")
    return None


def _taken_beside(element: LexborNode) -> Stock | None:
    """A sold-out status followed by a sentence that takes the order all the same
    ("Temporarily out of stock." "Order now and we'll deliver when available."): read
    in the status's block, as shown, a few sentences at most."""
    for block in up(element, 3):
        said, length = [], 0
        for node in shown_nodes(block):
            if node.is_text_node and node.parent is not None:
                if node.parent.tag not in _NOT_SENTENCES:
                    said.append(node.text(deep=False))
                    length += len(said[-1].strip())
                if length > BLOCK_TEXT:
                    return None  # more than a status and a sentence or two
        text = SPACES.sub(" ", " ".join(said)).lower()
        if _DELIVERED_LATER_SAID.search(text) and not _NONE_TAKEN.search(text):
            return Stock(IN_STOCK, "back-order")
    return None


def availability_of(
    declared: Stock | None, shown: Stock | None, *, can_buy: bool, priced: bool
) -> Stock | None:
    """`can_buy`: the page has a buy button that is not disabled; `priced`: a price was read."""
    if declared is None:
        return shown or (Stock(IN_STOCK) if priced else None)
    if shown is not None and shown.availability == OUT_OF_STOCK and not can_buy:
        return shown
    if declared.availability == OUT_OF_STOCK and shown is not None and shown.worded and can_buy:
        return shown  # "In stock" by a button that takes orders: the markup is stale
    return declared


def _says_sold_out(button: LexborNode) -> bool:
    """By its class, its text, or its value or label (<input value="Out of stock">)."""
    if _SOLD_OUT_CLASS.search((button.attributes.get("class") or "").lower()):
        return True
    labels = _labels(button)
    # Sold out, or a promise to tell when it is back ("Notify me when available"); not
    # one that also says "add to cart": themes keep both labels, one hidden.
    return any(
        (stock := _status(label)) is not None
        and stock.availability == OUT_OF_STOCK
        and not words.BUY_ACTION.search(label)
        for label in labels
    ) or any(map(_bare_notify, labels))


def _labels(button: LexborNode) -> list[str]:
    """A button's text (a phrase: longer, it is a card acting as a button) and labels."""
    attributes = button.attributes
    text = SPACES.sub(" ", button.text(deep=True)[: MAX_PHRASE * 2])
    said = [text if len(text) <= MAX_PHRASE else ""]
    said += [attributes.get(name) or "" for name in ("value", "aria-label", "title", "alt")]
    return [label.strip().lower() for label in said]


def _bare_notify(label: str) -> bool:
    return bool(label) and _NOTIFY_BUTTON.fullmatch(label.rstrip("!. ")) is not None


def _offers_to_notify(button: LexborNode) -> bool:
    """A bare "Notify me" (`_NOTIFY_BUTTON`), in its text or its labels."""
    return any(map(_bare_notify, _labels(button)))


def disabled(button: LexborNode) -> bool:
    """Greyed out, or saying sold out: it does not take an order."""
    attributes = button.attributes
    if "disabled" in attributes or attributes.get("aria-disabled") == "true":
        return True
    return bool(_DISABLED_CLASS.search((attributes.get("class") or "").lower())) or (
        _says_sold_out(button)
    )
