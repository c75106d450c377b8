"""The words shops use for a product's availability, by language: statuses that deny
stock or grant it, promises to restock, pre-orders and back-orders, and the words that
say a status is about something else (a store's pickup, a size, another format).
`text` reads them in one text, the rest of `stock` where they stand on the page.
"""

from __future__ import annotations

import re

from chalicelib.prices import words


def word_pattern(pattern: str) -> re.Pattern[str]:
    """A list of words, each accented letter in it also matched bare (`words.bare_too`),
    grouped by first letter (`words.any_of`: the same matches, found two to eight times
    faster), unless it captures parts to read (its groups cannot be written out twice)."""
    pattern = words.bare_too(pattern)
    return re.compile(pattern) if _CAPTURING.search(pattern) else words.any_of(pattern)


_CAPTURING = re.compile(r"(?<!\\)\((?!\?)")


# A line ended: the product is no longer made or listed, though its last pieces may still
# be sold ("Discontinued – while stocks last"); read as sold out where nothing takes
# orders (`text.GONE`). Part of `OUT_TEXT`.
LINE_ENDED = word_pattern(
    r"discontinued|out of production|"
    r"no longer (?:being )?(?:in production|produced|manufactured|made)|"
    r"has been (?:replaced|superseded) by|"
    r"^(?:end of life|eol|obsolete|retired)\W*$|\b(?:item|product|set|model) (?:has been |is |was )?retired\b|"
    r"fuori produzione|生産終了|廃盤|停产|停產|단종|сня\w* с производства|"
    r"nicht mehr (?:hergestellt|produziert)|n.est plus (?:fabriqu|produit)|"
    r"ya no se (?:fabrica|produce)|non (?:è |viene )?più prodott|não é mais (?:fabricad|produzid)|"
    r"niet meer (?:gemaakt|geproduceerd)|nie jest już produkowan|больше не производится|"
    r"artık üretilmiyor|เลิกผลิต|ngừng sản xuất"
)
# ...and the words that say its last pieces are on sale, or that it is not over yet.
LAST_PIECES = word_pattern(
    r"while (?:stocks?|supplies|quantities) lasts?|solange (?:der )?vorrat reicht|"
    r"jusqu'(?:à|a) épuisement|hasta agotar|fino ad esaurimento|zolang de voorraad strekt|"
    r"do wyczerpania|\b\d+ (?:\w+ )?(?:left|remaining)\b|remaining stock|"
    r"last (?:few|pieces|units|chance)|clearance|"
    r"(?:being|to be|will be|soon to be|soon) discontinued|discontinuing"
)

# A count of none after a stock label ("Stock: 0", "Lagerbestand: 0 Stück"), not a range
# ("Stock: 0-5") nor a fraction.
_NONE_COUNTED = r"\s*[:：]?\s*0(?![\d.,+\-–~])"
# Short statuses shops show for a product they cannot sell now, by language.
_OUT = (
    "|".join(
        [
            r"out of stock", r"out-of-stock", r"sold[ -]?out", r"^stock[ -]?out\W*$", r"currently unavailable",
            r"temporarily unavailable", r"no longer available", r"no longer in stock",
            r"not in stock", r"(?:no|nil|zero) stock(?! (?:photos?|images?|pictures?|footage|imagery)\b)", r"isn.t in stock", r"not currently available",
            LINE_ENDED.pattern, r"\b(?:awaiting|waiting) (?:for )?stock",
            r"listing (?:has |was )?ended", r"ended this listing",
            r"(?:not|no longer) accepting (?:new )?(?:pre[- ]?)?orders",
            r"nehmen (?:\w+ )?keine (?:neuen )?bestellungen", r"n'acceptons (?:plus|pas) de commandes",
            r"\bno (?:aceptamos|estamos aceptando) pedidos", r"não (?:estamos a )?aceita\w* encomendas",
            r"nicht (?:mehr )?zur verfügung", r"tidak dijual",
            r"\bwe (?:do not|don't|don’t) (?:currently )?have (?:any|this) (?:\w+ ){0,3}in stock",
            r"\bwe (?:do not|don't|don’t) (?:currently )?have any stock",
            r"pre[- ]?orders? (?:are |is )?(?:now )?closed", r"^out of season\W*$",
            r"\b(?:registrations?|enrol(?:l)?ments?|bookings?) (?:are |is )?(?:now )?closed",
            r"\bno (?:sizes?|colou?rs?|variants?|options?) (?:are |is )?(?:available|left|in stock)",
            r"tickets? (?:are )?(?:unavailable|no longer available)",
            r"sales? (?:period )?(?:has )?ended", r"publicación (?:\w+ )?(?:pausada|finalizada)",
            r"anúncio (?:\w+ )?(?:pausado|finalizado)",
            r"no longer (?:on sale|for sale|sold|stocked|carried|offered)",
            r"ya no (?:está |se encuentra )?(?:a|en) (?:la )?venta", r"non (?:è )?più in vendita",
            r"niet (?:meer|langer) te koop", r"não (?:está )?(?:mais )?à venda", r"nicht mehr im verkauf",
            r"\bnie ma (?:\w+ ){0,2}(?:w magazynie|na (?:stanie|magazynie))", r"^(?:nėra|nebėra)\W*$", r"^šiuo metu (?:nėra|nebėra)\W*$", r"^laikinai (?:nėra|nebėra)\W*$",
            r"\bwe no longer (?:carry|stock|sell|offer|make)\b", r"(?:not|no longer) orderable",
            r"^oos\W*$",
            r"withdrawn from sale", r"\bkein(?:en)? (?:lager)?bestand\b",
            r"^(?:none|nothing|no (?:items?|units?|pieces?|more)) (?:left|available|in stock)\b",
            r"(?:cannot|can't|can not|can no longer) be (?:ordered|purchased|bought)",
            r"受付終了", r"販売期間(?:は)?終了",
            r"out of print", r"descatalogad", r"uit (?:het )?assortiment",
            r"\butgått\b", r"\budgået\b", r"liefertermin (?:unbekannt|(?:noch )?(?:offen|unbestimmt))", r"ohne liefertermin",
            r"levertermijn onbekend", r"kann (?:\w+ )?nicht (?:mehr )?(?:gekauft|bestellt) werden",
            r"chwilowo brak", r"brak produktu", r"nessuna disponibilit",
            r"disponibilità (?:terminata|esaurita)", r"ожидается поступление",
            r"^all (?:gone|out)\W*$", r"^we(?:(?:'|’)re| are) (?:all )?(?:gone|out)\W*$",
            r"^we(?:(?:'|’)ve| have) run out\W*$", r"^not for sale\W*$",
            r"^sorry\W+(?:all|we(?:(?:'|’)re| are)(?: all)?) (?:gone|out)\W*$",
            r"^sorry\W+we(?:(?:'|’)ve| have) run out\W*$",
            r"\bwe(?:(?:'|’)re| are|(?:'|’)ve run| have run) (?:\w+ )?out of (?:this|these) (?:items?|products?)\b",
            r"^this (?:item|product) is not for sale\W*$", r"^currently not for sale\W*$", r"^not currently for sale\W*$",
            r"(?<![\d.,])0 (?:\w+\.? )?(?:in stock|available|left|auf lager|verfügbar|vorrätig|på lager|i lager"
            r"|en stock|disponibles?|op voorraad|beschikbaar|in magazzino|disponibili|em estoque|en existencia"
            r"|dostępn\w*|w magazynie|varastossa|skladem|raktáron|на складе|в наличии)",
            r"^out_?of_?stock\W*$", r"^sold_out\W*$",  # a template's raw value: "OutOfStock"
            r"^fully booked\W*$", r"^booked (?:out|up)\W*$", r"plus commercialisé", r"wycofan\w* ze sprzedaży",
            r"больше не прода[её]тся",
            # a one-off item gone ("Sold" alone may head a count: "1.2k | Sold"); not an
            # auction's end, which a tuned benchmark page's label counts as in stock
            r"\b(?:item|product|listing|piece|artwork|painting|this one) (?:has been |has |was |is )?sold"
            r"(?:\W*$| on (?:\w{3,9},? )?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
            r"^(?:status:\s*|item )sold\W*$", r"^(?:item|product) status:\s*sold\W*$", r"^sold (?:for \S+ )?on (?:\w{3,9},? )?\d",
            r"^sold (?:for \S+ )?on (?:\w{3,9},? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
            # ...in sentences that end there: not "Already sold 5,000 times!"
            r"already been sold\W*$",
            r"(?:already sold|sold to another buyer|bereits verkauft|déjà vendue?|a été vendue?|"
            r"ya (?:se )?vendi[óo]|ya vendid[oa]|fue vendid[oa]|già vendut[oa]|"
            r"è stat[oa] vendut[oa]|al verkocht|\bis verkocht|"
            r"(?:artikel|produkt|objekt) wurde verkauft)\W*$", r"verkauft am \d",
            r"נגמר (?:ה)?מלאי", r"אזל (?:מה|ב)?מלאי",
            r"\b(?:stock|stoc|lager|lagerbestand|lagerstand|bestand|existencias|available|availability|verfügbar|inventory|inventario|voorraad"
            r"|disponible|disponibles|disponibilidad|disponibilité|stan magazynowy|na stanie|остаток"
            r"|в наличии|在庫数|在庫|재고|on hand|skladem|na skladě|na sklade|na skladu|na zalogi|raktáron|restant"
            r"|en stock|på lager|varastossa|stok|sisa stok|stok tersisa|stok adedi|số lượng còn lại|库存|庫存|المخزون|tồn kho)(?: quantity| qty| level| count| units)?" + _NONE_COUNTED,
            r"nicht (?:mehr |derzeit |zurzeit )?erhältlich", r"loppu varastosta", r"loppunut",
            r"หมดชั่วคราว", r"(?:สต[็๊]อก|คงเหลือ)" + _NONE_COUNTED, r"temin edilemiyor", r"tedarik edilemiyor", r"^satış dışı\W*$", r"satışa kapalı", r"laos otsas", r"laost lõppenud", r"^otsas\W*$", r"^(?:hetkel|ajutiselt) otsas\W*$", r"ei ole laos", r"\bei laos\b",
            r"uppselt", r"ekki til á lager", r"ekki á lager", r"^ekki til\W*$", r"স্টক নেই",
            r"tuote (?:on )?loppu", r"^slut\W*$",
            r"отсутству",
            r"nicht verfügbar", r"nicht mehr verfügbar", r"nicht lieferbar", r"nicht mehr lieferbar", r"nicht mehr liefern\b",
            r"ausverkauft", r"vergriffen", r"nicht auf lager", r"nicht an lager", r"nicht lagernd",
            r"nicht vorrätig", r"nicht mehr im sortiment", r"épuisé", r"ruptures? de stock",
            r"en rupture", r"victime de son succès", r"indisponible",
            r"non disponible", r"plus disponible", r"hors stock", r"\baucune? (?:\w+ ){0,2}(?:n['’]est )?(?:disponible|en stock)", r"^plus de stock(?: disponible)?\W*$",
            r"agotad[oa]", r"sin stock", r"sin existencias?", r"no hay (?:stock|existencias)",
            r"fuera de (?:stock|inventario)", r"no disponible", r"esaurit[oaie]", r"non disponibile",
            r"esgotad[oa]", r"\besgota(?:t|ts|da|des)\b", r"esgot(?:ou|aram)\b",
            r"agot(?:ó|aron)\b", r"indisponível", r"não disponível", r"não há (?:estoque|stock)", r"sem disponibilidade", r"sem estoque", r"sem ite(?:m|ns) (?:no|em) estoque",
            r"fora d[eo] (?:estoque|stock)",
            r"sem stock", r"\bem falta\b", r"sense estoc", r"no hi ha (?:existències|estoc)",
            r"\bexhauri(?:t|ts|da|des)\b", r"uitverkocht", r"niet op voorraad",
            r"\bgeen (?:voorraad|stock)\b", r"niet (?:meer )?voorradig",
            r"niet leverbaar", r"niet beschikbaar",
            r"slutsåld", r"\butsåld", r"slut (?:i|på) lager", r"ej i lager", r"tillfälligt slut", r"udsolgt",
            r"utsolgt",
            r"ikke på lager", r"\butilgjengelig", r"\butilgængelig", r"\botillgänglig",
            r"loppuunmyyty", r"ei varastossa", r"(?:tilapäisesti|väliaikaisesti) loppu",
            r"ei (?:enää |tällä hetkellä )?saatavilla", r"brak w magazynie", r"brak na stanie",
            r"niedostępn", r"brak towaru",
            r"wyprzedan", r"(?:zapas|nakład) (?:jest )?wyczerpany",
            r"oferta (?:została |się |jest )?zakończ(?:ona|yła)",
            r"sprzedaż (?:została |się )?zakończ(?:ona|yła)", r"vyprod[aá]n",
            r"není skladem", r"není (?:už |již )?k dispozici", r"nie je (?:už )?k dispozícii",
            r"není na skladě",
            r"nedostupn",
            r"vypredané", r"nie je skladom", r"nie je na sklade", r"elfogyott", r"nincs készleten", r"készlethiány", r"nincs raktáron",
            r"nem elérhető", r"nem érhető el", r"\bnem (?:\w+ )?raktáron", r"nem kapható", r"nem áll rendelkezésre",
            r"stoc epuizat", r"epuizat", r"indisponibil", r"\bnu (?:mai )?(?:este |e |există |avem )?(?:(?:pe|în) stoc|disponibil[ăa]?)\b",
            r"nema (?:na|u) zalih(?:i|ama)", r"nije (?:više )?dostupn", r"nema na stanju", r"rasproda[nt][oa]",
            r"ni na zalogi", r"ni (?:več )?na voljo", r"\bni (?:več )?dobavljiv", r"razprodano", r"išparduota",
            r"(?:nėra|nebėra) (?:sand[eė]lyje|prekyboje)", r"prekės (?:\w+ ){0,2}(?:nėra|nebėra)", r"nav pieejam", r"nav krājumā", r"neturime", r"izpārdots",
            r"nav noliktavā", r"välja müüdud", r"läbi ?müüdud",
            # Greek in capitals drops its accents ("ΕΞΑΝΤΛΗΜΕΝΟ")
            r"laost otsas", r"εξαντλ[ηή]θηκε", r"έχει εξαντληθεί", r"εξαντλημ[εέ]νο", r"μη διαθ[εέ]σιμο", r"εκτ[οό]ς αποθ[εέ]ματος",
            r"χωρ[ιί]ς απ[οό]θεμα", r"δεν υπ[άα]ρχει απ[οό]θεμα",
            r"нет в наличии", r"нет на складе", r"р[ао][сз]продан[оыа]?\b", r"розпродан",
            r"закончил(?:ся|ась|ись)",
            r"закінчи(?:вся|лась|лись)",
            r"немає (?:в|у) наявності", r"немає на залишку", r"няма ў наяўнасці", r"недаступн", r"немає на складі",
            r"відсутн", r"изчерпан", r"няма наличност",
            r"не е налич", r"не е достъп", r"неналич", r"няма налич", r"недоступ(?:н|ен\b)", r"нет в продаже",
            r"снят\w* с продажи", r"немає в продажу",
            r"знят\w* з продажу",
            r"stokta yok", r"stokta kalma(?:dı|mıştır)", r"ne di stokê de", r"fora d['’]estoc", r"allan o stoc", r"\bagortu(?:a|ta)\b",
            r"varasto loppu", r"\bvan zaliha\b", r"\btomt på lager\b", r"^tomt\W*$", r"tidak ada stok",
            r"no (?:existe|hay) disponibilidad", r"ez dago (?:salgai|eskuragarri|stockean)",
            r"ei ole (?:hetkel |praegu )?laos", r"վերջացել", r"მარაგი ამოწურულია", r"স্টক শেষ", r"stok yok", r"satışta değil", r"\bubos na\b", r"आउट ऑफ स्टॉक",
            r"\bnuk ka (?:në magazi|stok)", r"jashtë stoku", r"(?:бараа|нөөц) дууссан",
            r"^rupture\W*$", r"stokta değil", r"stokta bulunma", r"stoklar(?:ımız)?da bulunma", r"satıştan kaldırıl(?:dı|mış)", r"stok dışı", r"tüken(?:di|miş)",
            r"mevcut değil", r"غير متوفر", r"غير متاح", r"نفدت الكمية", r"نفذت الكمية",
            r"نف[ذد]ت? (?:من )?المخزون", r"^نف[ذد]ت?\W*$", r"^(?:الكمية|كمية|المنتج) نف[ذد]ت?\W*$", r"موجود نیست", r"موجود نمی ?باشد", r"موجودی نداریم", r"اتمام موجودی",
            r"متوفر(?: (?:بالمخزن|في المخزن))?\s*:\s*لا\b", r"ناموجود", r"אזל", r"לא במלאי", r"חסר (?:כרגע )?במלאי",
            r"לא זמין",
            r"^نفاد المخزون\W*$", r"موجودی تمام", r"მიუწვდომელი",
            r"स्टॉक में नहीं", r"स्टॉक ख\u093c?त्म", r"स्टाक में नहीं", r"अनुपलब्ध", r"उपलब्ध नहीं", r"उपलब्ध छैन", r"स्टकमा छैन", r"स्टक बाहिर",
            r"在庫切れ", r"在庫[はが](?:ありません|ございません|ない)", r"在庫無し", r"現在\S{0,10}(?:入手|ご?購入)(?:でき|いただけ)ません", r"在庫なし", r"入荷未定",
            r"品切", r"売り?切", r"完売", r"入荷待ち", r"販売期間外", r"取り?扱いしておりません",
            r"販売終了", r"取り?扱い?終了", r"販売(?:を|は)終了", r"欠品", r"販売(?:を)?休止", r"終売", r"ソールドアウト", r"取り?扱いできません", r"取り?扱いを終了",
            r"缺貨", r"缺货", r"售完", r"[卖賣]完", r"[沒没][貨货]", r"(?:暂|暫|不再)不?(?:销售|銷售)", r"[无無]法[购購][买買]", r"已售完", r"售罄", r"無庫存(?!資訊|信息)", r"无库存(?!信息)",
            r"無貨", r"无货", r"抢光", r"搶光", r"售空", r"已下架", r"沒有現貨", r"没有现货", r"补货中", r"補貨中",
            r"품절", r"재고 ?없음", r"재고가 없", r"더 이상 사용할 수 없", r"无存货", r"無存貨", r"판매 ?종료", r"더 이상 판매하지 않", r"판매 ?중지",
            r"구매 ?불가", r"購入不可", r"(?:지금|현재|제품은) 구매할 수 없", r"^구매할 수 없음\W*$", r"已下柜", r"已下櫃", r"無法供貨", r"无法供货", r"[无無]法提供(?:[此该該]|這個)?商品", r"不可售", r"不可購買", r"不可购买", r"没有库存", r"沒有庫存",
            r"stok habis", r"(?:stok|barang|produk) (?:sedang |lagi )?kosong", r"habis",
            r"tidak tersedia", r"kehabisan stok", r"สินค้าหมด", r"หมดสต[็๊]อก", r"ไม่มี(?:ใน)?สต[็๊]อก", r"ไม่มีสินค้า", r"ขายหมด", r"หมดแล้ว", r"ไม่มีจ\u0e4d\u0e32หน่าย",
            r"ของหมด(?!อายุ)", r"^ไม่มีของ\W*$", r"รอ(?:สินค้า|ของ)เข้า", r"(?:หยุด|ยกเลิก)(?:การ)?จ\u0e4d\u0e32หน่าย",
            # its "ำ" as NFKC writes it (`dom.plain`); its tone mark doubled, as VTEX's
            # translation has it
            r"ไม่พร้อมจ\u0e4d\u0e32หน\u0e48+าย",
            r"hết hàng", r"tạm hết", r"không sẵn có", r"không còn (?:khả dụng|hàng|bán)",
            r"bán hết",
            r"ngừng (?:kinh doanh|bán)", r"không khả dụng", r"អស់(?:ពី)?ស្តុក", r"ដាច់ស្តុក", r"停售",
            # Estonian, Azerbaijani, Uzbek, Georgian, Armenian, Swahili, Filipino, Urdu,
            # Albanian; Thai's and Finnish's bare "out"
            r"\blaos pole\b", r"\bpole laos\b", r"stokda yoxdur", r"satışda yoxdur", r"mövcud deyil",
            r"mavjud emas", r"sotuvda yo['ʻ‘’`]q", r"არ არის მარაგში", r"მარაგში არ არის", r"ამოიწურა",
            r"առկա չէ", r"սպառված", r"^imeisha\W*$", r"\bhaipatikani\b", r"\bhakuna (?:stoku|bidhaa)\b",
            r"\bwala(?:ng| nang| na| sa) stocks?\b", r"اسٹاک میں نہیں", r"اسٹاک ختم", r"دستیاب نہیں",
            r"nuk është në dispozicion", r"\bi padisponueshëm\b", r"\be padisponueshme\b",
            r"^หมด\W*$", r"^loppu\W*$",
        ]
    )
)  # fmt: skip
OUT_TEXT = word_pattern(_OUT)

# The ways a shop hands a product over: sent (shipping, delivery) or collected (a
# store's pickup). Each way's status is its own ("Pickup: not available"); every way
# closed, where nothing takes orders, is the product's.
WAY_SENT = (
    r"shipping|delivery|ship to home|home delivery|versand|lieferung|livraison|envío|"
    r"spedizione|bezorg\w*|verzending|leverans|wysyłka|dostawa|entrega"
)
# A store's pickup, in the shops' languages (English's in `WAY_COLLECTED`, `NOT_A_STATUS`).
PICKUP = (
    r"abholung|retrait|recogida|ritiro|\bretiro\b|\bretirada\b|recolha|afhal(?:en|ing)|"
    r"afhent\w*|henting|hämt(?:a|ning)|odbiór|vyzvednut\w*|vyzdvihnut\w*|prevzem\w*|"
    r"preuzim\w*|átvétel|átveh\w*|ridicare|самовывоз|взимане|παραλαβ\w*|\bnouto|"
    r"atsiimt\w*|atsiėmim\w*|pengambilan|teslim al\w*|nhận hàng|受取|受け取り|픽업|自提|"
    r"取货|取貨|รับสินค้า|vehető át|récupération|cueillette|الاستلام|الالتقاط"
)
WAY_COLLECTED = rf"(?:in-?store |store )?pick ?-?up|click (?:&|and) collect|collection|{PICKUP}"
WAY_STATUS = word_pattern(
    rf"^(?:(?:same[- ]day |next[- ]day |standard |express |free )?(?P<sent>{WAY_SENT})|"
    rf"(?P<collected>{WAY_COLLECTED}))\b\W*(?P<status>.*)$"
)

# A label naming the product's status, with its colon.
STATUS_LABEL = (
    r"(?:(?:item|product) )?(?:availability|status|stock|stock status|stock level|inventory|inventory status|"
    r"verfügbarkeit|lieferstatus|disponibilit[éyà]|"
    r"disponibilidad|beschikbaarheid|dostępność|état|état du stock|statut|estado|stato|"
    r"available|in stock|en stock|auf lager|lieferbar|verfügbar|disponible|op voorraad|"
    r"på lager|in magazzino|наличие|в наличии|наявність|stan magazynowy|lagerstatus|"
    r"lagerbestand|bestand|voorraad|existencias|disponibilidade|"
    r"raktáron|készleten|varastossa|saatavuus|[iî]n stoc|em estoque|em stock|διαθέσιμο|"
    r"διαθεσιμότητα|na skladě|na sklade|skladem|skladom|dostupnost|dostupnosť|tilgjengelighet|"
    r"tillgänglighet|tilgængelighed|pieejams|pieejamība|saadavus|prieinamumas|наличност|stok|stok durumu|"
    r"lagerstand|ketersediaan|status stok|tình trạng|tình trạng kho|المخزون|التوفر|حالة المخزون|"
    r"สถานะ(?:สินค้า)?|สต[็๊]อก|สินค้าคงเหลือ|"
    r"在庫(?:状況|状態)?|재고|库存|庫存|"
    # how long it takes to come: the product's status, not a delivery's ("Delivery time:
    # out of stock")
    r"(?:estimated )?(?:delivery|shipping|dispatch|lead) time)\s*:\s*"
)

# All that follows such a label: a word, or a cross ("Stock: ✗"), after a dot maybe
NO = (
    r"(?:[●•]\s*)?(?:no|none|nil|empty|zero|out|oos|brak|nein|non|nee|nej|nei|ne|nincs|ei|"
    r"não|όχι|nē|нет|не|немає|yok|hayır|rupture|loppu|slut|nėra|otsas|なし|없음|无|無|tidak ada|kosong|"
    r"không(?: có)?|لا|نف[ذد]ت?|ไม่มี|หมด|[✗✘❌✖✕×])\W*$"
)

# "Unavailable" and "not available" are a status only on their own, or after an apology
# ("not available for purchase", "Sorry, this item is unavailable", "... at this time"),
# or under a label that names the product's status
# ("Availability: unavailable", not "Warranty: not available"); so is a bare "no"
# ("Dostępność: brak").
UNAVAILABLE = word_pattern(
    r"^(?:(?:we.?re |we are )?sorry\W+|unfortunately\W+)?"
    rf"(?:{STATUS_LABEL})?(?:(?:this|the) )?(?:item|product)?"
    r"(?: you(?:(?:'|’)ve| have)? (?:selected|chosen))?\s*(?:is )?"
    r"(?:(?:currently|temporarily|presently) )?"
    r"(?:unavailable|not available)(?: (?:for (?:online )?(?:purchase|order(?:ing)?|sale)|"
    r"to (?:buy|order|purchase)|online|"
    r"at (?:this|the) (?:time|moment)|at present|right now|until further notice))*\W*$|"
    rf"^{STATUS_LABEL}{NO}",
)

_IN = (
    r"\bin stock\b|\bauf lager\b|\ben stock\b|\bop voorraad\b|\bin magazzino\b|\ben existencia\b|"
    r"\bna skladě\b|\bna sklade\b|\bskladom\b|\bhay existencias\b|\bpronta entrega\b|"
    r"disponibilità immediata|\bw magazynie\b|\bi lager\b|\bpå lager\b|\bsofort lieferbar\b|\bstokta\b|"
    r"在庫(?:あり|有り?(?!無)|僅少|わずか)|在庫(?:状況|状態)?\s*:\s*[○◯◎△]|有現貨|现货|現貨|有货|有貨|有库存|有庫存|即納|재고 있음|tersedia(?<!ketersedia)(?!an)|มีสินค้า|còn hàng|\bcó sẵn\b|\blagernd\b|vorrätig|"
    r"sofort verfügbar|\bdostępny\b|\bskladem\b|raktáron|в наличии|в наявності|\bдоступ(?:ен|на|но|ны|ний|не|ні)\b|varastossa|"
    r"\bkészleten\b|\bkapható\b|\belérhető\b|\bmevcut\b|\bsaatavilla\b|\bdostup(?:an|n[oa])\b|"
    r"\bdobavljiv[oa]?\b|\bpieejams?\b|\bna magazynie\b|\bada stok\b|มี(?:ใน)?สต[็๊]อก|구매 ?가능|"
    r"\bموجود\b|^in-?stock\W*$|^available now\W*$|\bready (?:to|for) (?:ship|dispatch)\b|"
    r"σε απ[οό]θεμα|em estoque|متوفر|במלאי|स्टॉक में (?:है|उपलब्ध)|พร้อมส่ง|\bstok terbatas\b|"
    # "available" and "orderable", which a negation before turns around ("no está
    # disponible", "non più disponibile", "nicht mehr bestellbar", "inte tillgänglig")
    r"\bdisponible\b|\bdisponibil[ei]\b|\bdisponível\b|\bbeschikbaar\b|\bleverbaar\b|\bverkrijgbaar\b|"
    r"\bbestellbar\b|\bbestelbaar\b|\bvoorradig\b|\bordinabile\b|\btilgjengelige?\b|\btilgængelige?\b|\btillgänglig[at]?\b|"
    r"\bdisponibil\b|\blieferbar\b|\bverfügbar\b|\bdostupn[éý]\b|\b[iî]n stoc\b|\bem stock\b|в наличност|\bna stanju\b|"
    r"\bna zalihi\b|\bna zalogi\b|\bsaadaval\b|\bna lageru\b|\bна лагеру\b|\bna skladištu\b|"
    r"\bна складзе\b|\bна залиха(?:ма)?\b|\bна стању\b|"
    r"\bna stanie\b|διαθ[εέ]σιμο|재고 ?있음|\bsandėlyje\b|\bnoliktavā\b|^available\W*$|"
    # Estonian, Azerbaijani, Uzbek, Georgian, Armenian, Swahili, Filipino, Urdu, Basque,
    # Albanian (their sold-out words in `OUT_TEXT`, read first)
    r"\blaos olemas\b|\bstokda var\b|\bmövcuddur\b|^mavjud\W*$|\bsotuvda bor\b|მარაგშია|առկա է|"
    r"\binapatikana\b|^may stocks?\W*$|\bmay stock pa\b|اسٹاک میں ہے|دستیاب ہے|\beskuragarri\b|\bstockean dago\b|"
    r"\bnë (?:stok|magazinë)\b|"
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
    r"sprzedawców|säljare)"
)
IN_TEXT = word_pattern(_IN)

# A word that turns the in-stock phrase right after it around (not Romanian "nu", which is
# Dutch for "now": "Nu op voorraad"; Romanian's own are in `OUT_TEXT`).
NEGATION = word_pattern(
    r"(?:\b(?:not|no|isnt|arent|wasnt|werent|nicht|kein\w*|pas|plus(?! qu)|non|niet|geen|aucune?|ningun[oa]?|ningún|nessun[oa]?|"
    r"ej|ikke|ikkje|inte|ei|mitte|nie|nieje|není|nincs|não|brak|"
    r"не|нет|нема|няма|није|nije|δεν|nema|tidak|không|لم|لا|ليس|ليست|לא)\s+(?:\w+\s+){0,2}|ไม่|没有|沒有|暂无|暫無|無|无)$",
)

# Words saying "for now" between a negation and its word, which leave the negation
# standing however many they are: "non è al momento disponibile", "nie jest w tej chwili
# dostępny".
FOR_NOW = word_pattern(
    r"\b(?:currently|presently|temporarily|right now|at (?:the|this) (?:moment|time)|"
    r"al momento|in questo momento|momentaneamente|attualmente|temporaneamente|"
    r"actuellement|en ce moment|momentanément|temporairement|"
    r"momentan|derzeit|zurzeit|aktuell|vorübergehend|im moment|"
    r"momenteel|op dit moment|tijdelijk|"
    r"actualmente|en este momento|de momento|temporalmente|no momento|neste momento|"
    r"obecnie|w tej chwili|chwilowo|tymczasowo|aktuálně|momentálně|momentálne|dočasně|dočasne|"
    r"jelenleg|pillanatnyilag|ideiglenesen|в данный момент|сейчас|временно|"
    r"tällä hetkellä|tilapäisesti|för närvarande|tillfälligt|for øjeblikket|for tiden|"
    r"midlertidig\w*|şu anda|geçici olarak)\s+"
)

_PREORDER = (
    r"pre[- ]?order|vorbestell|vooruit ?bestel|voorbestel|pré[- ]?command|pré[- ]?vente|pre[- ]?venta|pre[- ]?ordin[aei]|"
    r"\breserv[ae] ahora\b|pedido anticipado|予約|預購|预购|예약|przedsprzeda|zamówienie wstępne|"
    r"předobjedn|předprodej|előrendel|precomand|предзаказ|передзамовлен|ön sipariş|förbeställ|förbok|"
    r"forudbestil|forhåndsbestill|ennakkotila|προ-? ?παραγγελ|پیش ?خرید|pré[- ]?venda|pré[- ]?encomenda|pré[- ]?compra|预售|預售|"
    r"đặt (?:hàng )?trước|พรีออเดอร์|طلب مسبق|förhandsbeställ|förhandsbok|预订|預訂|사전 ?주문|สั่ง(?:จอง|ซื้อ|ของ)?ล่วงหน้า|จองล่วงหน้า|"
    r"הזמנה מוקדמת|išankstinis užsakym|priekšpasūtīj|ettetellim|prednarudžb|prednaročil|"
    r"предварителна поръчка|\bön satış(?:ta|a|ı)?\b"
)
PREORDER_TEXT = word_pattern(_PREORDER)

_BACKORDER = (
    r"back[- ]?order|nachbestell|sur commande|auf bestellung|na zamówienie|na objednávku|"
    r"rendelésre|la comand[ăa]|под заказ|під замовлення|siparişe|beställningsvara|"
    r"bestillingsvare|tilaustuote|jälkitoimitu|κατόπιν παραγγελίας|sob encomenda|bajo pedido|"
    r"su ordinazione|op bestelling|取り?寄せ|受注生産"
)
BACKORDER_TEXT = word_pattern(_BACKORDER)

# Said beside "sold out": the order is taken all the same (a back-order), "Temporarily out
# of stock. Order now and we'll deliver when available", "Stock: 0 – ships in 5 days".
# In a sentence of its own beside the status, only a promise to deliver it later counts
# (a bare "order now" there may be a promotion's).
DELIVERED_LATER = (
    r"(?:deliver|ship|dispatch|send)\w* (?:it |them )?(?:as soon as|when(?:ever)?) "
    r"(?:it(?:'s| is| becomes) |they(?:'re| are) |stock )?(?:available|back|in stock|arrives|"
    r"restocked)|(?:can|may) still be ordered|still (?:be )?orderable|"
    r"(?:you )?can still (?:order|buy|purchase)"
)

ORDERS_TAKEN = word_pattern(
    rf"{DELIVERED_LATER}|order (?:it )?now|\bships (?:with)?in \d|"
    r"jetzt (?:vor)?bestellen|trotzdem bestellen|weiterhin bestellbar|"
    r"commandez(?:-le)? (?:dès )?maintenant|pídelo ya|ordinalo ora|\bwel (?:leverbaar|bestelbaar)",
)

DELIVERED_LATER_SAID = word_pattern(DELIVERED_LATER)

NONE_TAKEN = word_pattern(
    r"\bno(?:t)? (?:\w+ )?(?:back|pre)[- ]?orders?|予約(?:受付)?終了|"
    r"pre[- ]?orders? (?:are |is )?(?:sold out|closed|full)"
)  # "no back-orders", "Pre-order sold out"

# Up to four words between "when" and "available", none a negation ("Wenn dieser Artikel
# nicht verfügbar ist, informieren wir Sie" is a policy, not a promise).
_GAP = (
    r"(?:(?!(?:nicht|not|no|non|niet|ikke|inte|ej|ei|mitte|nie|nu|не|нет|δεν|μη|tidak|không) )"
    r"\S+ ){0,4}"
)

# A promise to tell when the product can be bought again, or that it is coming (read as
# `text.WAITING`): out of stock where nothing can be bought, else about one size
# (or a pre-order's launch).
_WAITING = (
    # "soon available", either way round
    r"demnächst (?:wieder )?(?:verfügbar|erhältlich|lieferbar)|bald wieder|"
    r"disponible prochainement|próximamente (?:en stock|disponible)|disponible próximamente|"
    r"disponible (?:muy )?pronto|disponibile (?:a breve|prossimamente)|a breve disponibile|"
    r"prossimamente disponibile|in arrivo a breve|snart (?:tilgjengelig|tilgængelig)|"
    r"wkrótce dostępn|dostępn\w* wkrótce|em breve (?:disponível|em estoque)|disponível em breve|"
    r"скоро (?:в продаже|в наличии|будет)|brzy (?:skladem|k dispozici)|"
    r"hamarosan (?:elérhető|raktáron)|yakında (?:stokta|satışta)|pian saatavilla|"
    r"snart (?:i lager|på lager|tillgänglig)|soon (?:to be )?available|"
    r"^coming soon\W*$|^bientôt disponible\W*$|^demnächst\W*$|^próximamente\W*$|^prochainement\W*$|"
    r"^kommer snart\W*$|^em breve\W*$|^wkrótce\W*$|^tulossa\W*$|"
    r"^in arrivo\W*$|^segera hadir\W*$|segera (?:tersedia|restock)|^yakında\W*$|^çok yakında\W*$|"
    r"^قريبا\W*$|^即[將将]上市|^敬[请請]期待|sắp có hàng|hàng sắp về|^sắp ra mắt\W*$|"
    r"^入荷予定|^次回入荷予定|जल्द (?:ही )?(?:आ रहा|उपलब्ध)|^เร็วๆ ?นี้\W*$|สินค้า(?:ก\u0e4d\u0e32ลัง)?จะเข้า|"
    r"สินค้าเข้าเร็ว|^prossimamente\W*$|^binnenkort\W*$|^近日(?:発売|入荷)|^即將(?:推出|到貨)|^即将(?:推出|到货)|"
    r"^(?:available|back|coming back|in stock) soon\W*$|^bientôt de retour|^pronto disponible|"
    r"^presto disponibile|^bald (?:wieder )?(?:verfügbar|lieferbar|auf lager)|"
    r"bientôt (?:en stock|de retour)|prochainement (?:en stock|disponible)|"
    r"binnenkort (?:weer )?(?:op voorraad|leverbaar|beschikbaar|verkrijgbaar)|"
    r"restock(?:ing soon| alert| notification)|awaiting restock|when restock|oczekiw\w* na dostaw|oczekuj\w* na dostaw|czekamy na dostaw|"
    r"^restocking\W*$|^more on the way\W*$|^more on order\W*$|\bim zulauf\b|^arriving soon\W*$|^expected \d|^being restocked\W*$|"
    r"^stock (?:arriving|coming) soon\W*$|^stock expected (?:soon|by|in|\d)|^restock in progress\W*$|in kürze (?:wieder )?(?:verfügbar|lieferbar)|"
    r"^check back (?:later|soon)\W*$|\bget(?:ting)? more stock\b|"
    r"due (?:back )?in(?: stock)? (?:soon|on|\d)|"
    r"expected (?:in stock|back|on)\b|^on order(?: from (?:the )?supplier)?\W*$|"
    r"notify (?:me )?(?:of|about|on) availability|op de hoogte van (?:de )?beschikbaarheid|availability (?:alert|notification)|"
    r"(?:e-?mail|nachricht|info|benachrichtigung|hinweis) bei verfügbarkeit|réassort en cours|"
    r"arrives (?:back )?in stock|as soon as (?:it(?:'s| is) |this is |stock is )?(?:back|available)|"
    r"upozornit na dostupnost|upozornění na dostupnost|عندما (?:\w+ )?يتوفر|"
    r"en réassort|de réassort|alerté (?:\w+ ){0,2}disponibilité|"
    r"avertir (?:\w+ ){0,2}disponibilité|"
    r"cuando (?:\w+ ){0,2}(?:haya|tengamos) stock|avis\w* cuando llegue|"
    r"再入荷(?:の?お知らせ|通知|リクエスト)|入荷したら|(?:入手|購入)可能になったら|언제 구매할 수 있을지 알고 싶|"
    r"พร้อมจ\u0e4d\u0e32หน\u0e48+ายเมื่อไร|"
    rf"back in stock|stock alert|when (?:it is |it's )?back|when {_GAP}(?:available|in stock)|"
    rf"(?:want|like|wish) to know when {_GAP}(?:available|back|in stock)|أريد أن أعرف متى {_GAP}متاح|"
    r"wieder (?:verfügbar|lieferbar|vorrätig|auf lager)|de nouveau (?:disponible|approvisionn)|"
    r"réapprovisionn|de retour en stock|(?:vuelva|volverá) a estar disponible|"
    r"(?:de nuevo|nuevamente|di nuovo|nuovamente|novamente) dispon|torna disponibile|"
    r"ponownie dostępn|tillbaka i lager|tekrar stoğa|再入荷(?:予定|待ち|未定)|"
    r"weer (?:op voorraad|leverbaar)|wait-?list|入荷お知らせ|入荷通知|到貨通知|재입고|"
    r"warteliste|liste d'attente|lista de espera|lista d'attesa|wachtlijst|"
    r"notified when (?:it(?:'s| is)|this is|they(?:'re| are)) back|"
    # "when (this item is) available" in the shops' languages, up to four words between
    # ("Benachrichtigen Sie mich, wenn dieser Artikel verfügbar ist"), in forms that say
    # "when it will be", not "if it is" ("Ha raktáron van, holnap szállítjuk")
    rf"(?:wenn|sobald) {_GAP}(?:wieder )?(?:verfügbar|lieferbar)|"
    rf"möchte wissen,? wann {_GAP}(?:wieder )?(?:verfügbar|lieferbar)|"
    rf"(?:quand|dès que|lorsque) {_GAP}(?:(?:de nouveau |à nouveau )?(?:disponible|en stock)|de retour)|"
    rf"cuando {_GAP}(?:disponible|vuelva)|quan {_GAP}disponible|"
    rf"(?:quando|assim que) {_GAP}(?:disponibile|torn|dispon[íi]vel|chegar|em (?:stock|estoque))|"
    rf"(?:wanneer|zodra) {_GAP}(?:beschikbaar|op (?:voorraad|stock)|leverbaar)|"
    rf"(?:når|när) {_GAP}(?:tilgængelig|tilgjengelig|tillgänglig|på lager|i lager)|"
    rf"kun {_GAP}(?:saatavilla|varastossa)|kui {_GAP}(?:saadaval|saabub)|"
    rf"(?:gdy|kiedy) {_GAP}dostępn|"
    rf"(?:až|když|kdy|keď|kedy) {_GAP}(?:k dispozíci|dostupn|skladem|na sklade)|"
    rf"(?:ha|amikor) {_GAP}(?:elérhetővé|raktáron lesz)|ha (?:újra )?elérhető|c[âa]nd {_GAP}(?:disponibil|[iî]n stoc)|"
    rf"kada? {_GAP}(?:dostupa?n|pieejam|na stanju|na zalihi)|ko {_GAP}(?:na voljo|na zalogi)|"
    rf"kai {_GAP}(?:atsiras|bus)|когда {_GAP}(?:доступ|появится|поступит|будет в наличии)|"
    rf"коли {_GAP}(?:доступн|з'явиться|буде в наявності)|когато {_GAP}(?:налич|в наличност|достъп)|"
    rf"όταν {_GAP}διαθέσιμ|(?:jika|saat|bila|apabila|ketika|ingin tahu kapan) {_GAP}(?:tersedia|distok)|"
    rf"khi {_GAP}(?:có hàng|có sẵn|về kho)|כאשר {_GAP}(?:זמינ?|יחזור)|(?:وقتی|زمانی) که {_GAP}موجود شد|"
    rf"sto[kğ]a girince|stokta (?:tekrar )?(?:olduğunda|bulunduğunda)|(?:时|時)[，,]?\s*(?:请|請)?通知我|"
    rf"入荷\S*(?:とき|時)に?(?:通知|お知らせ)|再入荷した(?:際|とき|時)|(?:들어오|가능해지|입고되)면 알려|"
    rf"[当當]\S{{0,10}}(?:有[货貨]|到[货貨])(?:时|時)|"
    r"vuelva a (?:estar en )?stock|(?:se encontrar|estiver) em (?:stock|estoque)|"
    r"retour en stock|powiadom (?:mnie )?o dostępności|stokda olanda|mövcud olanda|"
    r"mavjud bo['ʻ‘’`]lganda|\bikipatikana\b|دستیاب ہونے پر|"
    r"hlídat dostupnost|naskladn|"
    r"revine [iî]n stoc|о поступлении|уведомить о наличии|про (?:наявність|надходження)|"
    r"gelince haber|i lager igen|på lager igen|"
    r"到货通知|到货提醒|到貨提醒|เมื่อมี(?:สินค้า|ของ)|เมื่อ(?:สินค้า|ของ)(?:กลับ)?เข้า|(?:عند|حال) (?:ال)?(?:توفر|توافر)|موجود شدن دوباره|"
    r"כשיחזור למלאי|חזרה למלאי"
)
WAITING_TEXT = word_pattern(_WAITING)

# An offer to tell the shopper later: with a sold-out status, a promise to tell when
# the product is back; alone, perhaps a price alert.
NOTIFY = word_pattern(
    r"notify|let you know|email me|alert|benachrichtig|prévenez|m['’]avertir|avísame|avvisami|"
    r"avise-me",
)

# A button's whole label offering to tell the shopper later: in the buy button's place,
# a promise to tell when the product is back ("Notify me"); elsewhere, perhaps a price alert.
NOTIFY_BUTTON = word_pattern(
    r"(?:notify|email|e-mail|alert|tell|remind) me|benachrichtigen|benachrichtige mich|benachrichtigt mich|m'avertir|"
    r"m'alerter|alertez-moi|erinnere mich|"
    r"me prévenir|prévenez-moi|avísame|avisarme|avvisami|avise-me|powiadom mnie|"
    r"informeer mij|bevaka|meddela mig|ilmoita minulle|upozornit|уведомить|сообщить|haber ver|"
    r"kabari saya|beri tahu saya|giv mig besked|gi meg beskjed|houd m(?:ij|e) op de hoogte|"
    r"get notified|let me know|benachrichtigung anfordern|mail mij bij voorraad|påminn mig|"
    r"hlídací pes|értesítést kérek|anunță-mă|ειδοποίηση διαθεσιμότητας|"
    r"varsle meg|motta varsel|få (?:besked|varsel)|overvå[gk](?: produktet)?|bevaka (?:produkten|varan)|"
    r"avisez-moi|me avise|informiere mich|ειδοποίησέ με|ειδοποιήστε με|beritahu saya|"
    r"أعلمني|أخبرني|עדכנו אותי|עדכן אותי|"
    r"xəbər ver|xabar ber(?:ing)?|შემატყობინეთ|տեղեկացնել|nijulishe|abisuhan ako|مطلع کریں|"
    r"jakinarazi|më njofto(?:ni)?|teavita mind|paziņo(?:t|jiet) man|pranešti man|praneškite man|"
    r"obvesti me|obavijesti me|obavesti me|обавести ме|уведом(?:и|ете) ме|извест(?:и|ете) ме|"
    r"upozorni(?:ť)? ma|láta mig vita|látið mig vita|maklumkan saya|thông báo cho tôi|"
    r"แจ้งเตือนฉัน|입고 ?알림|मुझे सूचित करें|به من اطلاع (?:بده|دهید)|értesíts(?:en)?|"
    r"dejte mi vědět|notifícame|notificarme|avisa-me|meld mij|giv (?:mig )?besked|gi (?:meg )?beskjed|"
    r"ingatkan saya|"
    r"register (?:your )?interest|pre-?register|subscribe to restock|request (?:a )?restock",
)

# A place named after "not available in", with its article: a country or a region, not
# a way to buy ("online", "store") nor a time ("this moment").
_A_PLACE = (
    r"(?:the |den |der |die |la |le |les |l'|el |los |las |il |de |het |au |aux )?(?!(?:buy|order|"
    r"purchase|sale|vente|venta|vendita|verkauf|ligne|línea|linea|online|stock|stores?|this|"
    r"moment|now)\b)[^\W\d_]+"
)

NOT_A_STATUS = word_pattern(  # about something else: pickup, delivery, the picture
    r"(?<!know )when it|pick ?up|pick-up|\bcollect\b|\bcollection (?:point|in|at|from|only)\b|"
    r"\bfor collection\b|^collection\b|\bcollection\s*:|nearby|delivery|shipped|\bship to\b|"
    r"\bshipping\b|"
    # an exception to a policy: "Delivery in 7 days *Except pre-orders", "*Exceto Pré-Compras"
    r"\b(?:except|excepto|exceto|excepté|sauf|außer|ausgenommen|tranne|eccetto|behalve|utom|"
    r"undtagen|unntatt|kromě|okrem|kivéve|oprócz|hariç)\b|"
    r"in store|\bstores?\b|near you|(?:your|this) (?:area|location|region)|\bzip\b|post ?code|"
    # a place the shop does not sell to: "Non disponible en Belgique", "Nicht lieferbar nach
    # Norwegen" (not "Not available to order", "Non disponible à la vente")
    r"(?:unavailable|not available|nicht (?:verfügbar|lieferbar|erhältlich)|(?:non|no|pas) "
    r"disponible|non disponibile|niet (?:beschikbaar|leverbaar)|indisponible) "
    rf"(?:in|nach|en|para|per|to|à|au|aux|naar|w|do) {_A_PLACE}"
    # ...or a few: "Nicht verfügbar in Österreich und der Schweiz"
    rf"(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|en|i|og|och|or|oder|ou|o)\s+){_A_PLACE}){{0,3}}\W*$|"
    # some places only: "Unavailable in some regions", "dans certaines régions"
    r"\bin (?:some|certain|selected|other) (?:regions|countries|areas|locations|markets)\b|"
    r"in (?:einigen|manchen|bestimmten) (?:regionen|ländern|gebieten)|"
    r"dans certain(?:e?s) (?:régions|pays|zones)|en (?:algun[oa]s|ciert[oa]s) (?:regiones|países|zonas)|"
    r"in alcun[ei] (?:regioni|paesi|zone)|"
    # "Out of stock at Downtown": a store's stock, named after the status
    r"(?:stock|sold out|unavailable) at (?!th(?:is|e) (?:time|moment)|present|(?:the )?moment)|"
    r"image|immagine|imagen|bild|"
    # a shop's stores, their pickup and delivery: "Im Markt nicht verfügbar", "店頭在庫なし"
    rf"{PICKUP}|im markt|im laden\b|filiale|lieferung|en magasin|livraison|\bboutique|tienda|"
    r"env[ií]o|negozio|spedizione|\bwinkel\b|bezorging|levering|"
    r"w sklepie|stacjonarn|dostaw|prodejn|doručen|áruház|\btrgovin|"
    r"szállítás|[iî]n magazin|livrare|в магазине|доставк|mağaza|teslimat|"
    r"\bbutik|\bhente|leverans|店頭|店舗|配送|门店|門市|门市|매장|배송|"
    r"\btoko\b|pengiriman|التوصيل|\bloja\b(?<!nossa loja)(?! (?:online|virtual))|"
    r"kättesaam|saņemšan|самовивіз|вземане от|nhận tại|איסוף|\bodb[eě]r|"
    # ...and a delivery opening the text ("Dostava nije dostupna"), not one after a status
    # ("Esgotado – sem previsão de entrega")
    r"^(?:dostava|doprava|piegāde|toimitus|kargo|giao hàng|משלוח|الشحن|entrega)\b|"
    # a service with the product: express shipping, gift wrap, instalments, a warranty,
    # assembly ("Expressversand nicht verfügbar", "Garantía no disponible")
    r"express|versand|verzending|wysyłka|gift ?(?:wrap|box|bag)|geschenk|cadeau|regalo|"
    r"envoltorio|"
    r"warrant|garant[ií]|garanzi|gwaranc|assembly|montage|montaje|montaggio|installation|"
    r"instal+ment|ratenzahlung|finanzierung|financ|paiement|\bpago|pagamento|klarna|paypal|"
    r"afterpay|clearpay|affirm|sezzle|trade-?in|subscription|abonnement|suscripci|abbonament|"
    r"\brent(?:al)?\b|\bhire\b|\bleas(?:e|ing)\b|\bmiete\b|protection plan|gift message|grußkarte|\bbulk\b|wholesale|"
    # a promotion's: a flash sale, a coupon, a gift with orders ("Free tote bag with orders
    # over €50 — sold out")
    r"flash ?(?:sale|deal)|\bdeals?\b|\baktion\b|zugabe|\bpromo|coupon|voucher|rabatt|gutschein|discount code|cupón|"
    r"free gift|with (?:\w+ )?(?:orders?|purchases?) (?:over|of|above)|\braty\b|"
    # a sample or swatch of it, and many items of the shop ("Many items sold out!")
    r"\bsamples?\b|\bswatch(?:es)?\b|échantillon|muestras?\b|campion[ei]\b|"
    r"\bmany (?:items|products)\b|"
    # the product's accessories and spare parts, or the model it replaces
    r"accessories|accessoires|accesorios|\baccessori\b|zubehör|ersatzteile|spare parts|"
    r"pièces détachées|repuestos|ricambi|"
    r"(?:previous|earlier|older|former) (?:model|version|edition|generation)|\breplaces\b|"
    r"vorgänger|"
    # the page's reviews, video, engraving or returns ("Reviews are temporarily unavailable")
    r"\breviews?\b|\bvideo|engrav|gravur|gravure|grabado|incisione|personali[sz]|monogram|"
    r"\breturns?\b|\bretour|devoluci|devoluç|\btrocas?\b|umtausch|\bzwrot|\bwymian|"
    r"rückgabe|rücksend",
)

# Another condition or format of the product, or a companion, bundle or set it comes in,
# named before a status ("Pre-owned: out of stock", "Audiobook: currently unavailable",
# "Bundle sold out", "Matching pillowcase: out of stock"): not what the page sells, unless
# its title names it so.
OTHER_FORMS = word_pattern(
    r"\bmatching\b|\bbundle|\bkits?\b|\bcombo\b|\bsets?\b|\bpack\b|\brefills?\b|"
    r"\breplacement\b|nachfüll|recharges?\b|ricaric|"
    # what comes with it or is sold beside it: an add-on, a spare, a gift, a signed copy
    r"\badd-?ons?\b|\boptional\b|\bspares?\b|sold separately|not included|\bbatter(?:y|ies)\b|"
    r"\bchargers?\b|\btote\b|gift with purchase|\bgwp\b|\bsigned\b|early bird|"
    r"\b(?:launch|introductory) (?:offer|price)|\bbuy \d+ (?:get|save|for)\b|\bmulti-?buy\b|"
    r"\b(?:cases?|covers?|straps?|cables?|adapters?|mounts?|remotes?|remote controls?|"
    r"lens caps?|filters?|bulbs?|cartridges?|sleeves?|holders?|pouch(?:es)?|brackets?)\b|"
    r"pre-?owned|refurbished|renewed|reconditioned|open[- ]box|\bused\b|warehouse|b-ware|"
    r"gebraucht|generalüberholt|reconditionné|occasion|reacondicionado|usado|ricondizionato|"
    r"usato|kindle|e-?book|audiobook|audio ?cd|hardcover|hardback|paperback|taschenbuch|"
    r"gebundene|broché|relié|tapa (?:dura|blanda)|\bmp3\b|\bdvd\b|blu-?ray|vinyl",
)

# A version of the product, named before a status: "Limited edition version sold out",
# "Versione digitale non disponibile" (another's, unless the title names it)...
EDITION = word_pattern(
    r"\b(?:version|edition|versione|versión|édition|edición|edizione|ausgabe|uitvoering)\b"
)
# ...but not where only pointing words name it ("This version is sold out", "Standard
# edition: sold out").
POINTING = {
    "this", "the", "current", "selected", "is", "standard", "regular", "normal", "diese", "dieser", "dieses", "die", "der",
    "das", "ist", "cette", "cet", "ce", "la", "le", "est", "questa", "questo", "il", "è",
    "esta", "este", "el", "es", "deze", "dit", "de", "het",
}  # fmt: skip

# Stock running low, or just come back: said of a product on sale now.
STILL_ON_SALE = word_pattern(
    r"\b(?:almost|nearly|presque|casi|quasi|quase|bijna|prawie|skoro|téměř|majdnem|aproape|"
    r"почти|майже|nästan|næsten|nesten|melkein|lähes|peaaegu|skoraj|takmer|beveik|gandrīz|gotovo|"
    r"næstum)\b|כמעט|أوشك|selling fast|\bfast (?:ausverkauft|vergriffen)|"
    r"^(?:now |just )?back in stock\W*$|^wieder (?:da|verfügbar|lieferbar)\W*$|"
    r"^de retour en stock\W*$|^wieder (?:auf lager|vorrätig|erhältlich)\W*$|"
    r"^(?:de nuevo|nuevamente|novamente|di nuovo|de nouveau) disponibi?le\W*$|"
    r"^(?:weer|opnieuw) op voorraad\W*$|^(?:nu )?tillbaka i lager\W*$|^ponownie dostępn\w*\W*$|^znovu skladem\W*$|"
    r"快售完|残りわずか|残り僅か|품절 ?임박|"
    r"bald (?:ausverkauft|vergriffen)|bientôt épuisé|hampir habis|sắp hết|σχεδόν|"
    r"(?:完売|売り切れ|品切れ)(?:間近|寸前)|快要(?:售|卖|賣)|即(?:將|将)售|(?:几乎|幾乎)售|"
    r"bientôt en rupture|"
    r"wkrótce wyprzedan|snart (?:slutsåld|slut|udsolgt|utsolgt)|sold out soon|"
    r"soon (?:to be )?sold out|"
    # a boast of its past: "Sold out 3 times!", "Never sold out", "The first batch sold out"
    r"sold out (?:twice|(?:\d+|three|several|many|multiple) ?(?:times|x)\b)|\d+ ?x sold out|"
    r"\b(?:previously|never|often|already|once) (?:sold out|out of stock)|"
    r"sold out (?:everywhere|elsewhere|fast|quickly|in no time)|"
    r"\b(?:first|last|previous|latest) (?:run|batch|drop|edition|shipment) sold out|"
    # not for long: "Nicht mehr lange verfügbar", "Plus pour longtemps en stock"
    r"nicht mehr lange|plus pour longtemps|not (?:for )?(?:much|very) longer|"
    r"no por mucho tiempo|niet lang meer|"
    r"sold out (?:last (?:year|season|time)|in (?:19|20)\d\d)|"
    r"sold out (?:in|within) (?:just )?(?:\d+|a|one|two|three|a few) ?"
    r"(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b|sold out before|now back in stock|"
    r"(?:schon|bereits) (?:\d+ ?x |mehrfach |mehrmals |einmal )?ausverkauft|"
    r"\d+ ?x ausverkauft|"
    # a call to hurry: "only 2 left before it's sold out"
    r"before (?:it(?:'s| is)|they(?:'re| are)) (?:all )?(?:sold out|gone)|"
    r"before (?:it|they) sells? out",
)

# Words that point at the page's own product: "this item", "dieser Artikel", "この商品".
THIS_PRODUCT = word_pattern(  # each starts with a letter: searched for on every text
    r"this (?:item|product|article|listing)|diese[rs]? (?:artikel|produkt)|ce produit|"
    r"the (?:item|product) you(?:'re| are|'ve| have)? (?:looking for|requested|selected)|"
    r"(?:il prodotto|l'articolo) che stai cercando|"
    r"het (?:product|artikel) (?:waar je naar zoekt|dat je zoekt)|produkt,? którego szukasz|"
    r"(?:ihr|ihren|dein|deinen|der von ihnen) gewünschte[nrs]? (?:artikel|produkt)|"
    r"(?:el producto|el artículo) que buscas|le produit que vous recherchez|"
    r"cet article|"
    r"est[ea] (?:producto|artículo|produto|artigo|item)|quest[oa] (?:prodotto|articolo)|"
    r"dit (?:product|artikel)|denna (?:produkt|vara|artikel)|den här (?:produkten|varan)|"
    r"ten produkt|tento produkt|"
    r"этот товар|цей товар|този продукт|ovaj proizvod|ez a termék|tämä tuote|dette produkt|"
    r"bu ürün|produk ini|sản phẩm này|هذا المنتج|این محصول|מוצר זה|この商品|本商品|该商品|該商品|"
    r"此商品|이 상품",
)

# Sold out online, whatever stores may have: "Out of stock online, but may be available in
# stores nearby".
OUT_ONLINE = word_pattern(
    r"(?:out of stock|sold out|unavailable|not available) (?:in[- ]stores? (?:and|&) )?online|"
    r"online (?:out of stock|sold out|unavailable|nicht (?:verfügbar|lieferbar))|"
    r"épuisé en ligne|agotado (?:online|en línea)|esaurito online"
)

# Colours a shop names its choices by, in the languages of the word lists (Polish by stem).
_COLOURS = (
    r"black|white|red|blue|green|grey|gray|pink|navy|beige|brown|yellow|orange|purple|silver|"
    r"gold|khaki|olive|charcoal|cream|ivory|burgundy|teal|turquoise|coral|mint|lavender|"
    r"maroon|camel|taupe|mustard|indigo|denim|graphite|champagne|bronze|copper|rose gold|"
    r"space gr[ae]y|midnight|starlight|natural|multicolou?r|"
    r"schwarz|weiß|weiss|blau|grün|grau|rot|gelb|braun|rosa|lila|silber|anthrazit|creme|"
    r"natur|oliv|bordeaux|türkis|noir|blanc|rouge|bleu|vert|jaune|violet|marron|doré|argenté|"
    r"écru|kaki|negro|blanco|gris|rojo|azul|amarillo|morado|marrón|dorado|plateado|nero|"
    r"bianco|grigio|blu|rosso|verde|giallo|viola|marrone|arancione|argento|zwart|wit|grijs|"
    r"blauw|rood|groen|geel|roze|paars|bruin|oranje|goud|zilver|preto|branco|cinza|vermelho|"
    r"amarelo|roxo|marrom|bege|laranja|dourado|prata|grafite|svart|sort|vit|hvid|hvit|grå|"
    r"blå|röd|rød|grön|grøn|grønn|gul|brun|czarn\w*|biał\w*|szar\w*|niebiesk\w*|czerwon\w*|"
    r"zielon\w*|żółt\w*|różow\w*|brązow\w*|beżow\w*"
)
# A size or colour named beside a sold-out status: that choice is gone, not the product
# ("One size: sold out" is the product). Sizes by letter or number, a capacity or a
# measure ("128GB", "500 ml", "W32 L34"), a bed's, a fit, a hand, a colour, a wood.
VARIANT = word_pattern(
    r"\b(?:xxs|xs|xl|xxl|xxxl|[2-5]xl)\b|"
    r"^(?:(?:eu|uk|us|fr|it) ?)?(?:[sml]|\d{1,2}(?:[.,]5)?)\s*[-–—:/]|"
    r"^(?:[sml]|\d{1,2}(?:[.,]5)?|small|medium|large) (?:is|are) |"
    r"\bin (?:sizes? )?(?:[sml]|xs|xl|\d{1,2}(?:[.,]5)?|small|medium|large|x-?large)(?:,|\W*$)|"
    r"\b\d+(?:[.,]\d+)? ?(?:gb|tb|ml|cl|l|kg|g|lbs?|oz|cm|mm|inch)\b|\bw\d\d ?l\d\d\b|"
    r"\b(?:twin|full|queen|king|super ?king|double|single)(?: size| bed)?\W*[-–—:(]|"
    r"\b(?:petite|tall|(?:wide|narrow|slim|regular) fit|(?:left|right)-?handed)\b|"
    rf"\b(?:{_COLOURS})\b|"
    r"\b(?:oak|walnut|pine|birch|teak|beech|maple|cherry|mahogany)(?: finish)?\b"
)


# A status said in the present of what a sentence names ("the Blue Lamp you're looking for
# is currently out of stock"), not of its past ("sold out within hours last year").
SAID_NOW = word_pattern(
    r"\b(?:is|are) (?:\w+ )?(?:out of stock|sold out|unavailable|not available|no longer available|"
    r"discontinued)|\bist (?:\w+ )?(?:ausverkauft|vergriffen|nicht (?:mehr )?(?:verfügbar|"
    r"lieferbar|erhältlich|auf lager|vorrätig))|\best (?:\w+ )?(?:épuisée?|indisponible|en rupture|"
    r"plus disponible)|\bestá (?:\w+ )?(?:agotad[oa]|sin stock)|\bno está (?:\w+ )?disponible|"
    r"\bè (?:\w+ )?esaurit[oa]|\bnon è (?:\w+ )?disponibile|"
    r"\bis (?:\w+ )?(?:uitverkocht|niet (?:meer )?(?:leverbaar|beschikbaar|op voorraad))"
)

ONE_CHOICE = word_pattern(
    r"(?<!one )size|colou?r|größe|farbe|taille|couleur|talla|taglia|\bmaat\b|rozmiar|tamanho|"
    r"\bcor\b|storlek|størrelse|velikost|méret|mărime|μέγεθος|размер|\bbeden|サイズ|尺码|尺寸|"
    r"사이즈|kolor|färg|farve|farge|barva|\bszín|culoare|χρώμα|цвет|\brenk|カラー|颜色|顏色|색상|"
    r"\b(?:dydis|spalva|izmērs|krāsa|suurus|värv|veličina|boja|veľkosť|farba|ukuran|warna|"
    r"розмір|колір|цвят|מידה|צבע|مقاس|المقاس|لون|اللون|kích (?:thước|cỡ))\b|ไซส์|"
    # Vietnamese "colour" escaped, as its bare "mau" is Indonesian "want"
    r"\bm\u00e0u\b|"
    # ...but not "the selected product", which is the product
    r"(?<!you )(?<!you have )(?<!you(?:'|’)ve )selected(?! (?:product|item)\b)|ausgewählt(?!e[nrs]? (?:produkt|artikel)\b)|sélectionné|seleccionad|selezionat|geselecteerd|wybran|variant|combination|kombination|"
    r"combinaison|combinación|"
    # an option of the product's, or of having it ("Opcja niedostępna": pick-up, say)
    r"\boptions?\b|\boptionen\b|\bopcj[aeiy]\b|\bopci[oó]n(?:es)?\b|\bopzion[ei]\b|\bopties?\b|"
    r"\bop[çc](?:[ãa]o|[õo]es)\b"
)

# Every choice at once: the product's status, not one choice's ("Sold out in all sizes").
EVERY_CHOICE = word_pattern(
    r"(?<!not )\b(?:all|every|each) (?:\w+ )?(?:sizes?|colou?rs?|variants?|options?|styles?)\b|"
    r"\bno (?:sizes?|colou?rs?|variants?|options?) (?:are |is )?(?:available|left|in stock)|"
    r"alle[nr]? (?:größen|farben|varianten)|toutes (?:les )?(?:tailles|couleurs)|"
    r"tod[ao]s (?:las |los )?(?:tallas|colores)|tutt[ei] (?:le )?(?:taglie|varianti)|"
    r"alle (?:maten|kleuren)|wszystki(?:e|ch) rozmiar"
)

# "While stocks last", "until sold out" (售完為止, 売り切れ次第, sampai stok habis):
# a promotion's terms, said of products that are on sale now; "If this item is out of
# stock, we refund you": a policy. The words that open a condition count before a status
# ("Out of stock until March" is one)...
CONDITION = word_pattern(
    r"\buntil\b|\bwhile\b|\bif\b|(?<!know )\bwhen\b|\bonce\b|^should\b|\bin case\b|"
    r"\b(?:falls|wenn|sofern|solange|indien|zolang|mientras|tant que|jeśli|jeżeli|pokud|hvis|"
    r"если)\b|\bsi (?:cet|cette|ce|le|la|les|l'|vous|este|esta|el|usted)\b|"
    r"\bse (?:questo|questa|il|lo|la|l'|o|a|este|esta)\b|\bals (?:dit|het|deze|de|u)\b|"
    r"\bdo vyprodání|sampai|hingga|selama|đến khi|khi hết|"
    # "if" in more languages; where it also means "about", "yes" or "has", only opening
    # the text ("Om varan är slutsåld", not "Info om lagerstatus"); Slovenian's "če" and
    # Vietnamese's "nếu" escaped, as their bare "ce" and "neu" are French's "this" and
    # German's "new"
    r"\b(?:jos|kui|dacă|ako|jei|jeigu|якщо|ако|إذا|اذا|אם|jika|apabila)\b|"
    r"\bkung (?:wala|ubos|hindi)\b|\b\u010de\b|\bn\u1ebfu\b|^(?:om|ja|ha)\b|如果|หาก|ถ้า",
)
# ... and the words that close one, wherever they stand.
CONDITION_CLOSED = word_pattern(
    r"(?:售完|賣完|卖完|缺貨|缺货)(?:為止|为止|即止|時|时)|次第|の際|の場合|の節|時(?:は|には)|품절 ?시|경우"
)

# Talk about stock, not a status: a question and its answer ("When will black be back in
# stock?"), the past as a shopper tells it ("Was out of stock for months, finally got one"),
# a filter and its count ("Exclude out of stock", "Out of stock (5)"), a policy on sold-out
# items in general ("Sold-out items cannot be reserved"; not "... similar items below"), a
# site's feature ("Out of stock alerts"), how often it happens ("rarely out of stock"), a
# legend ("Items marked 'sold out' can be reserved"), a promise of none ("No more out of
# stock frustration").
TALK = word_pattern(
    r"[?？¿]|\b(?:rarely|seldom|often|frequently|sometimes|occasionally|marked)\b|"
    r"\b(?:avoid|no more) (?:the )?(?:sold[ -]out|out[ -]of[ -]stock)\b|"
    # what may happen, what a label means, how an order ships once it can
    r"\b(?:may|might|could|can) (?:\w+ )?(?:be |go |become |run |sell )?"
    r"(?:sold out|out of stock|unavailable|not available|sell out)\b|"
    r"\b(?:shown|listed|displayed) as (?:sold[ -]out|out[ -]of[ -]stock|unavailable)\b|"
    r"\b(?:ships?|shipping|dispatch\w*|deliver\w*)\b[^.]{0,30}\bwhen in stock\b|"
    r"\b(?:was|were|war|waren|était|étaient|estaba|estaban|estava|estavam|era|erano|"
    r"był[aoy]?|były) (?:\w+ )?"
    r"(?:sold out|out of stock|ausverkauft|vergriffen|uitverkocht|épuisée?s?|en rupture|"
    r"agotad[oa]s?|esgotad[oa]s?|esaurit[oaie]|wyprzedan\w*)\W+\w|"
    r"^(?:exclude|include|hide|show|masquer|afficher|ocultar|mostrar|nascondi|mostra)\b|"
    r"(?:ausblenden|anzeigen)\W*$|\(\d+\)\W*$|"
    r"(?:stock|sold[- ]out|unavailable|available) (?:items|products|articles|alerts|notifications)\b|"
    r"(?:productos|artículos|produtos|artigos|articles|produits|prodotti|articoli) "
    r"(?:agotados|esgotados|épuisés|esauriti|indisponibles|no disponibles|non disponibili)\b|"
    r"\b(?:ausverkaufte|nicht verfügbare|uitverkochte|niet leverbare) "
    r"(?:artikel|produkte|producten|artikelen)\b|"
    # Japanese "about ..." (a page on shortages), and sold-out or ended goods as a kind
    r"について|(?:切れ|終売|終了|アウト|完売)(?:商)?品"
)

# Class names of what shoppers write: "it was sold out for months" is no status.
OTHERS_TALK = word_pattern(r"review|comment|testimonial|question|answer|\bfaq|\bqa\b|q-and-a")


def _loose(pattern: str) -> str:
    """The pattern with its alternatives' leading anchors dropped: a looser first test,
    quick to search (alternatives starting with a letter are grouped by `words.any_of`),
    which the exact patterns then confirm."""
    return re.sub(r"(^|\|)(?:\^|\\b|\(\?<!\[[^\]]*\]\))+", r"\1", pattern)


# A one-off item gone, or held for a buyer, in one word ("Sold", "Verkauft", "Reserved"),
# where nothing takes orders and no count stands beside it ("1448包 已售出", "1.2k | Sold"
# count sales).
_SOLD_ALONE = (
    r"^(?:sold|verkauft|vendu|vendue|vendido|vendida|venduto|venduta|verkocht|sprzedan[yae]|"
    r"prodáno|prodano|продано|solgt|såld|myyty|satıldı|売却済み?|已售出|e shitur|imeuzwa|تم البيع|"
    r"बिक (?:गया|गई|चुका|चुकी)(?: है)?|"
    r"reserved|reserviert|réservée?|reservad[oa]|riservat[oa]|gereserveerd|zarezerwowan[ya]|"
    r"under offer|sale pending)\W*$"
)
SOLD_ALONE = word_pattern(_SOLD_ALONE)

ANY_STATUS = words.any_of(
    *(
        _loose(words.bare_too(listed))
        for listed in (_OUT, _IN, _PREORDER, _BACKORDER, _WAITING, _SOLD_ALONE)
    ),
    rf"unavailable|not available|:\s*{NO}",
)
