"""Pages as a front-end framework writes them: every <span>, <b>, <strong> and <button>
inside a bare <span> of its own. A shopper sees the same page; so must the reader."""

from __future__ import annotations

import re

_OPENING = re.compile(r"(<(?:span|b|strong|button)\b[^>]*>)")
_CLOSING = re.compile(r"(</(?:span|b|strong|button)>)")


def wrapped(markup: str, times: int = 1) -> str:
    for _ in range(times):
        markup = _CLOSING.sub(r"\1</span>", _OPENING.sub(r"<span>\1", markup))
    return markup
