"""What the page's own stylesheets do to its text that the reading must know: prices
they strike through, and elements they hide.

React shops name their elements with class names a build tool makes up
(styled-components' "sc-q2", Emotion's "css-1x2y3z", CSS modules'
"Price_was__x1") and write the line through an old price in a `<style>`
rule, not on the element: without the rule, "$40.00 $30.00" is two equal
prices. Themes likewise ship a "Sold out" note in every product page and hide
it with a rule (`.sold-out-note{display:none}`) until a script shows it: read
without the rule, every such page is sold out.

Only rules naming one class alone are applied: `.old .price` would strike every
`.price` of the page, the one to pay included, were its context dropped. A
class is hidden only by a rule outside `@media` (which hides at some widths
only) that no other rule naming it contradicts (`.product--sold .note
{display:block}`). What is found is written on the elements' inline style,
where the rest of the reading looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

MAX_CSS_CHARS = 2_000_000  # of each inline stylesheet, read at most
MAX_RULES_READ = 20_000  # declarations that may strike, hide or show, per stylesheet
RULE_REACH = 2_000  # characters before a declaration where its rule's selectors are
MAX_SELECTORS = 64  # struck and hidden selectors applied per page, each
STRIKE = "text-decoration:line-through"
HIDE = "display:none"
_ONE_CLASS = re.compile(r"[a-z]*\.-?[A-Za-z_][\w-]*")  # "s.price-was" or ".sc-q2"
_CLASS_NAMED = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_STYLING_WORDS = ("line-through", "display", "visibility")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_HIDES = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_SHOWS = re.compile(r"display\s*:\s*(?!none)[a-z]|visibility\s*:\s*visible")
_SCREEN = {"", "all", "screen"}  # a <style>'s media that applies where the page is read


@dataclass
class Sheet:
    """The selectors of the one-class rules that strike text through, and that hide."""

    struck: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


def read_sheet(css: str) -> Sheet:
    """Struck and hidden selectors of one stylesheet: ".sc-q2" of
    ".sc-q2{text-decoration:line-through}", ".note" of ".note{display:none}"."""
    sheet = Sheet()
    hiding: list[str] = []
    showing: list[str] = []  # the selectors of rules that show, read for their classes at need
    for selectors, declarations, nested in _rules(_COMMENT.sub("", css) if "/*" in css else css):
        if "line-through" in declarations:
            sheet.struck.extend(_one_class(selectors))
        if _SHOWS.search(declarations):
            showing.append(selectors)
        elif not nested and _HIDES.search(declarations):
            hiding.extend(_one_class(selectors))
    if hiding:
        shown = set(_CLASS_NAMED.findall(",".join(showing)))
        sheet.hidden = [s for s in hiding if _CLASS_NAMED.findall(s)[0] not in shown]
    return sheet


def mark_styled(tree: LexborHTMLParser) -> None:
    """Strike through and hide, in their inline style, the elements the page's
    stylesheets do."""
    struck: list[str] = []
    hidden: list[str] = []
    for style in tree.css("style"):
        css = style.text(deep=True)[:MAX_CSS_CHARS]
        sheet = read_sheet(css)
        struck += sheet.struck
        if (style.attributes.get("media") or "").strip().lower() in _SCREEN:
            hidden += sheet.hidden
    for selectors, declaration in ((struck, STRIKE), (hidden, HIDE)):
        selectors = _distinct(selectors)
        if not selectors:
            continue
        for element in tree.css(", ".join(selectors)):
            inline = element.attributes.get("style") or ""
            element.attrs["style"] = f"{inline};{declaration}" if inline else declaration


def _rules(css: str) -> Iterator[tuple[str, str, bool]]:
    """The selectors and declarations of each rule that may strike, hide or show, and
    whether it sits inside an at-rule's block (`@media`, `@supports`), in order. Found
    from their declarations' words, not by reading every rule: most rules do none."""
    depth = counted = end = 0
    for at in _styling_words(css):
        if at < end:
            continue  # in the rule just read
        reach = max(0, at - RULE_REACH)
        opening = css.rfind("{", reach, at)
        if opening == -1 or css.rfind("}", opening, at) != -1:
            continue  # not among a rule's declarations, or too far from its opening
        before = max(css.rfind("{", reach, opening), css.rfind("}", reach, opening))
        if before == -1 and reach > 0:
            continue  # its selectors start too far back to be read
        start = before + 1
        depth += css.count("{", counted, start) - css.count("}", counted, start)
        counted = start
        closing = css.find("}", at)
        end = closing if closing != -1 else len(css)
        yield css[start:opening], css[opening + 1 : end], depth > 0


def _styling_words(css: str) -> list[int]:
    """Where the sheet's styling words are, in order: looked for as plain strings, which
    is many times quicker than one pattern for the three."""
    found: list[int] = []
    for word in _STYLING_WORDS:
        at = css.find(word)
        while at != -1 and len(found) < MAX_RULES_READ:
            found.append(at)
            at = css.find(word, at + len(word))
    return sorted(found)


def _one_class(selectors: str) -> list[str]:
    return [s for s in map(str.strip, selectors.split(",")) if _ONE_CLASS.fullmatch(s)]


def _distinct(selectors: list[str]) -> list[str]:
    return list(dict.fromkeys(selectors))[:MAX_SELECTORS]
