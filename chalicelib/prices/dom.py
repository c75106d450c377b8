"""How a reader takes one element of a page: its ancestors as the page's structure
counts them (a framework's bare wrappers and the words' styling are no level), whether
it is shown (hidden by an attribute, a style or a framework's class; kept for screen
readers; waiting in a pop-up), and its text as shown. `layout` finds where things sit
with these; the price and stock readers judge what they read with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from chalicelib.prices.words import (
    HIDDEN_STYLE,
    MODAL,
    OUT_OF_SIGHT_CLASS,
    OUT_OF_SIGHT_STYLE,
    SCREEN_SIZE_CLASS,
)

SPACES = re.compile(r"\s+")
# Characters a reader reads past: never shown (soft hyphens, zero-width spaces and
# joiners), or shown but optional, which word lists are written without: Arabic's vowel
# marks and stretching line ("السلّة", "السـلة"), Hebrew's points and accents.
READ_PAST = re.compile(
    "[\u00ad\u200b\u200c\u200d\u2060\ufeff"  # never shown
    "\u064b-\u065f\u0670\u0640"  # Arabic's vowel marks and stretching line
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"  # Hebrew's points and accents
)
ATTRIBUTES = ("class", "id", "itemprop", "data-testid", "data-test", "data-qa", "name")
MAX_UNWRAPPED = 20_000  # bare wrappers looked at, in document order
# Whole class names that hide an element everywhere (not "hidden-xs": one screen size).
HIDING_CLASSES = {
    "hidden",
    "hide",
    "d-none",
    "is-hidden",
    "ng-hide",  # AngularJS's, on what `ng-show` hides in the rendered page
    "js-hidden",
    "u-hidden",
    "u-hide",
    "invisible",
    "display-none",
    "no-display",
}
_HIDING_PART = re.compile("hid|none|invisible|display")  # one is in each of those names
# ... unless another class shows it again from some screen width up ("hidden md:block",
# "d-none d-lg-flex"): the desktop copy of a price.
SHOWN_FROM = re.compile(r"(?:[a-z0-9]+:|d-[a-z]+-)(?:block|flex|inline|grid|table|contents)")
DIALOG_ROLES = {"dialog", "alertdialog"}
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "section", "form", "br",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
INLINE_TAGS = {"span", "small", "sub", "b", "strong", "em", "i", "u", "font"}  # words' styling
ROOTS = ("html", "-document")  # above every element a chain holds
PAGE_TAGS = ("body", "html")  # what holds the whole page: no part of it, no level up
MAX_ANCESTRY = 250  # ancestors kept per chain: deeper nesting is hostile markup


def lineage(node: LexborNode) -> Iterator[LexborNode]:
    """The node, then its ancestors below the document's root, at most MAX_ANCESTRY."""
    return _climb(node, MAX_ANCESTRY, ROOTS)


def class_names(element: LexborNode) -> set[str]:
    return set((element.attributes.get("class") or "").lower().split())


def unwrap_bare(body: LexborNode) -> None:
    """Replace each <div> with no attributes, holding only elements, that is all its
    parent holds, by what it holds: nested so, they say nothing, yet would put a price
    steps further from its title, and its class names levels further up. (Not one
    holding text: a price's own element, its nearest class read as its kind.) Innermost
    first: Lexbor unwraps an element in time growing with what lies below it, and which
    are unwrapped does not depend on the order."""
    for element in reversed(body.css("div:not([class])")[:MAX_UNWRAPPED]):
        if not element.attributes and not _holds_text(element) and _alone(element):
            element.unwrap()


def _holds_text(element: LexborNode) -> bool:
    return any(
        child.is_text_node and (child.text_content or "").strip()
        for child in element.iter(include_text=True)
    )


def steps_of(node: LexborNode) -> list[int]:
    """Root-first ids of the node and its ancestors, less those that are all their parent
    holds: a theme's wrappers (<div class="x"><div class="y"><p>Sold out</p>) are no step
    away."""
    return [e.mem_id for e in lineage(node) if not _alone(e)][::-1]


def _alone(element: LexborNode) -> bool:
    """All its parent holds, but for spaces and comments."""
    parent = element.parent
    if parent is None:
        return False
    return not any(
        child.mem_id != element.mem_id
        and child.tag != "-comment"
        and (not child.is_text_node or (child.text_content or "").strip())
        for child in parent.iter(include_text=True)
    )


def attr_text(node: LexborNode) -> str:
    """The names an element is known by (class, id, itemprop, data-*price*), lower case."""
    attributes = node.attributes
    pieces = [attributes.get(name) or "" for name in ATTRIBUTES]
    pieces += [
        f"{name} {value or ''}"
        for name, value in attributes.items()
        if name.startswith("data-") and ("price" in name or "strike" in name)
    ]
    return " ".join(piece for piece in pieces if piece).lower()


MAX_NEIGHBOURS = 8  # siblings read for a label: empty ones (<br>, icons) must not run on


def line_above(node: LexborNode) -> str | None:
    """The text of the block just before the node in its parent, where nothing shown
    stands between them (the node starts a line under it); else None."""
    sibling = node.prev
    for _ in range(MAX_NEIGHBOURS):
        if sibling is None:
            return None
        if sibling.is_text_node or not hidden(sibling):
            text = sibling.text(deep=not sibling.is_text_node).strip()
            if text:
                return text if sibling.tag in BLOCK_TAGS else None
        sibling = sibling.prev
    return None


def neighbour_text(node: LexborNode, *, before: bool, limit: int = 40, line: bool = False) -> str:
    """Text shown right before (or after) the node within its parent, e.g. 'Was:' or
    '/month' (not what is hidden there, nor the markup's indentation); with `line`, only
    up to where a block element starts a new line."""
    texts: list[str] = []
    length = 0
    sibling = node.prev if before else node.next
    for _ in range(MAX_NEIGHBOURS):
        if sibling is None or length >= limit:
            break
        if line and sibling.tag in BLOCK_TAGS:
            break
        if sibling.is_text_node or not hidden(sibling):
            piece = sibling.text(deep=not sibling.is_text_node).strip()
            texts.append(piece)
            length += len(piece)
        sibling = sibling.prev if before else sibling.next
    if before:
        texts.reverse()
    text = SPACES.sub(" ", " ".join(texts)).strip()
    return text[-limit:] if before else text[:limit]


def hidden(node: LexborNode) -> bool:
    """Hidden by attribute, inline style, or the class names CSS frameworks hide with."""
    attributes = node.attributes
    if not attributes:
        return False
    if "hidden" in attributes or attributes.get("type") == "hidden":
        return True
    names = (attributes.get("class") or "").lower()
    if _HIDING_PART.search(names):  # a quick look first: this runs on every element read
        classes = names.split()
        if HIDING_CLASSES.intersection(classes) and not any(map(SHOWN_FROM.match, classes)):
            return True
    return bool(HIDDEN_STYLE.search((attributes.get("style") or "").lower()))


def out_of_sight(element: LexborNode) -> bool:
    """Kept out of sight on some screens, or on all but for screen readers, by a class or
    an inline style: a weaker test than `hidden`, which is for what no screen shows."""
    for name in class_names(element):
        if OUT_OF_SIGHT_CLASS.search(name) and not SCREEN_SIZE_CLASS.search(name):
            return True
    return bool(OUT_OF_SIGHT_STYLE.search((element.attributes.get("style") or "").lower()))


def shown_nodes(node: LexborNode) -> Iterator[LexborNode]:
    """The element and its descendants in document order, without what hidden elements
    inside it hold (a pop-up explaining a member price, a template's other branch)."""
    root, resume = node.mem_id, None
    for current in node.traverse(include_text=True):
        if resume is not None:
            if current.mem_id != resume:
                continue  # inside the hidden element
            resume = None
        yield current
        if not current.is_text_node and current.mem_id != root and hidden(current):
            after = _next_outside(current, root)
            if after is None:
                return
            resume = after.mem_id


def _next_outside(element: LexborNode, root: int) -> LexborNode | None:
    """The first node after the element's subtree, within the root's."""
    current: LexborNode | None = element
    while current is not None and current.mem_id != root:
        if current.next is not None:
            return current.next
        current = current.parent
    return None


def shown_text(node: LexborNode) -> str:
    """The element's text as shown, as `plain` reads it."""
    return plain(" ".join((n.text_content or "") for n in shown_nodes(node) if n.is_text_node))


def plain(text: str) -> str:
    """A text as a reader takes it: full-width letters (a Japanese shop's "SOLD OUT") and
    accents in their usual form (NFKC), what is read past taken out ("Aus&shy;verkauft",
    "Sold&#8203;out", "السلّة"), Turkish's dotted capital as "I" (lower-cased, "i̇" would
    hold a dot apart: "TÜKENDİ"), and every run of spaces, tabs, line breaks and no-break
    spaces one space."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = READ_PAST.sub("", text).replace("İ", "I")
    return " ".join(text.split())


def visible(node: LexborNode) -> bool:
    """Not hidden, and not in a pop-up or modal, up to twelve levels up."""
    return not any(concealed(n) for n in up(node, 12))


def concealed(element: LexborNode) -> bool:
    """Hidden, or a pop-up or modal that waits for a click, named so or marked so for
    screen readers (role="dialog"; a <dialog> not open): what it holds is not shown."""
    attributes = element.attributes
    return (
        hidden(element)
        or bool(MODAL.search(attr_text(element)))
        or attributes.get("role") in DIALOG_ROLES
        or (element.tag == "dialog" and "open" not in attributes)
    )


def style(node: LexborNode) -> str:
    """The inline style, lower case."""
    return (node.attributes.get("style") or "").lower()


def structure_up(node: LexborNode, levels: int) -> Iterator[LexborNode]:
    """`up`, where the words' styling (<b>, <span>) and the bare elements a page's
    framework nests around a single one count no level: "<div class="sizes"><span><span>
    <button>M <b>Sold out</b>" is a button one level below its picker."""
    current: LexborNode | None = node
    below = None
    while current is not None and current.tag not in PAGE_TAGS:
        yield current
        bare = below is not None and not current.attributes and _alone(below)
        if current.tag not in INLINE_TAGS and not bare:
            levels -= 1
            if levels == 0:
                return
        below, current = current, current.parent


def wrapped_alone(element: LexborNode) -> LexborNode:
    """The outermost of the bare elements (no attributes) around the element alone, as a
    page's framework nests them; else the element."""
    while (parent := element.parent) is not None and parent.tag not in PAGE_TAGS:
        if parent.attributes or not _alone(element):
            break
        element = parent
    return element


def up(node: LexborNode, levels: int) -> Iterator[LexborNode]:
    """The node, then its ancestors, `levels` in all, below the page's <body>."""
    return _climb(node, levels, PAGE_TAGS)


def _climb(node: LexborNode, levels: int, above: tuple[str, ...]) -> Iterator[LexborNode]:
    """The node, then its ancestors, at most `levels`, stopping at a tag in `above`."""
    current: LexborNode | None = node
    for _ in range(levels):
        if current is None or current.tag in above:
            return
        yield current
        current = current.parent


def common_prefix(a: list[int], b: list[int]) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def tokens(text: str) -> set[str]:
    """A text's words; in scripts written without spaces (Chinese, Japanese, Thai), its
    pairs of letters, so that "招牌肉乾自由選" shares words with "招牌肉乾"."""
    words = re.findall(r"\w+", text.lower())
    if not _UNSPACED.search(text):
        return {word for word in words if len(word) > 1}
    found: set[str] = set()
    for word in words:
        for run in _UNSPACED.findall(word):
            found.update(run[at : at + 2] for at in range(max(1, len(run) - 1)))
        found.update(part for part in _UNSPACED.sub(" ", word).split() if len(part) > 1)
    return found


_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
