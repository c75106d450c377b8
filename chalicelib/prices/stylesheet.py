"""Prices the page's own stylesheet strikes through, marked as a browser would show them.

React shops name their elements with class names a build tool makes up
(styled-components' "sc-q2", Emotion's "css-1x2y3z", CSS modules'
"Price_was__x1") and write the line through an old price in a `<style>`
rule, not on the element: without the rule, "$40.00 $30.00" is two equal
prices. Only rules naming one class alone are applied: `.old .price` would
strike every `.price` of the page, the one to pay included, were its context
dropped.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

MAX_CSS_CHARS = 2_000_000  # of each inline stylesheet, read at most
MAX_STRUCK = 64  # struck selectors applied per page
MAX_STRIKES_READ = 1_000  # "line-through"s read per stylesheet
RULE_REACH = 2_000  # characters before a "line-through" where its rule's selectors are
STRIKE = "text-decoration:line-through"
_ONE_CLASS = re.compile(r"[a-z]*\.-?[A-Za-z_][\w-]*")  # "s.price-was" or ".sc-q2"


def struck_selectors(css: str) -> list[str]:
    """Selectors of the rules that strike text through, where a rule names one class
    alone, perhaps with its tag: ".sc-q2" of ".sc-q2{text-decoration:line-through}"."""
    found: list[str] = []
    at, seen = css.find("line-through"), 0
    while at != -1 and len(found) < MAX_STRUCK and seen < MAX_STRIKES_READ:
        seen += 1
        reach = max(0, at - RULE_REACH)  # a rule's selectors and declarations, at most
        opening = css.rfind("{", reach, at)
        if opening != -1 and css.rfind("}", opening, at) == -1:  # inside that rule
            start = max(reach, *(css.rfind(brace, reach, opening) + 1 for brace in "{}"))
            for selector in css[start:opening].split(","):
                selector = selector.strip()
                if _ONE_CLASS.fullmatch(selector) and selector not in found:
                    found.append(selector)
        at = css.find("line-through", at + 1)
    return found[:MAX_STRUCK]


def mark_struck(tree: LexborHTMLParser) -> None:
    """Strike through, in their inline style, the elements the page's stylesheets do."""
    sheets = (style.text(deep=True)[:MAX_CSS_CHARS] for style in tree.css("style"))
    selectors = [s for css in sheets if "line-through" in css for s in struck_selectors(css)]
    if not selectors:
        return
    for element in tree.css(", ".join(selectors)):
        inline = element.attributes.get("style") or ""
        element.attrs["style"] = f"{inline};{STRIKE}" if inline else STRIKE
