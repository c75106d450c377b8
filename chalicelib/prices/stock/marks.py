"""Sold out said without words: the class or data attribute a platform puts on the
product's block, its form or its button ("outofstock", "product-form--sold-out",
data-available="false"), and the sold-out badges a theme prints beside its other
badges for its stylesheet to show only when they apply, which say nothing by being
there.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from chalicelib.prices.dom import class_names, structure_up, up, wrapped_alone

# A sold-out status in a class or an attribute, its words joined by a hyphen, an
# underscore or nothing ("sold-out", "_sold_out", "outofstock").
_SOLD_OUT = r"(?:sold[-_]?out|out[-_]?of[-_]?stock)"
# A class naming that status, as a state or as what to do then ("js-sold-out-toggle").
SOLD_OUT_CLASS = re.compile(r"(?<![^\W_])sold[-_]?out(?![^\W_])|out[-_]?of[-_]?stock")
# A class saying the element it is on is sold out, whole or as a state ("outofstock",
# "product--sold-out", "is-soldout"), not what it does then ("hide-if-sold-out").
_SOLD_OUT_STATE = re.compile(rf"(?:^_?|--|^is[-_]|[-_]is[-_]){_SOLD_OUT}$")
# ...a class of what is shown only then, under a container marked so ("show-if-sold-out")
_SHOWN_WHEN_OUT = re.compile(
    rf"(?:show|visible|display)\w*?[-_](?:if|when|on)[-_]{_SOLD_OUT}|{_SOLD_OUT}[-_]only"
)
# A data attribute saying the element is sold out, as name=value: "sold-out=true",
# "available=false", "status=oos", or a stock of none ("stock=0", "inventory-quantity=0").
_DATA_SOLD_OUT = re.compile(
    rf"(?:is[-_]?)?{_SOLD_OUT}=(?:true|1|yes)$|"
    r"(?:is[-_]?)?(?:available|in[-_]?stock|purchasable)=(?:false|0|no)$|"
    rf"(?:stock[-_]?)?(?:status|stock|availability)=(?:{_SOLD_OUT}|oos)$|"
    r"(?:stock|inventory)(?:[-_]?(?:qty|quantity|level|count))?=0$"
)
SOLD_OUT_BADGES = "[class*=sold i], [class*=stock i]"  # looked at: those whose state it is
BADGE_LEVELS = 3  # a badge's own element may wrap its text in a <span> or two
PRODUCT_LEVELS = 40  # how far up from the title the product's own block is looked for


def marked_sold_out(element: LexborNode) -> bool:
    """Classed sold out as its state (`_SOLD_OUT_STATE`), or marked so for its scripts
    (data-sold-out="true", data-available="false", data-status="out-of-stock")."""
    if any(map(_SOLD_OUT_STATE.search, class_names(element))):
        return True
    return any(
        name.startswith("data-") and _DATA_SOLD_OUT.match(f"{name[5:]}={value or ''}".lower())
        for name, value in element.attributes.items()
    )


def badge_off(holder: LexborNode) -> bool:
    """A sold-out badge (the status's holder, or an element around it) printed beside its
    theme's other badges (sale, new), or classed to be shown only then ("show-if-sold-out"),
    which CSS shows only under a container marked sold out (Shopify's `price--sold-out`)."""
    element = next(
        (
            n
            for n in structure_up(holder, BADGE_LEVELS)
            if SOLD_OUT_CLASS.search(" ".join(class_names(n)))
        ),
        None,
    )
    if element is None:
        return False
    badges = wrapped_alone(element).parent  # bare wrappers around a badge are not the theme's
    if badges is None:
        return False
    classes = class_names(element)
    if any(map(_SHOWN_WHEN_OUT.search, classes)):  # "show-if-sold-out"
        return not any(map(marked_sold_out, up(badges, PRODUCT_LEVELS)))
    others = (n for n in badges.traverse() if n.mem_id not in (badges.mem_id, element.mem_id))
    if not any(classes & class_names(other) for other in others):
        return False  # the only status there: the shop printed it because it applies
    return not any(SOLD_OUT_CLASS.search(" ".join(class_names(n))) for n in up(badges, 4))
