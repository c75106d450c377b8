"""Where a benchmark finds other projects' checkouts: a folder named by an environment
variable, kept out of this repository so that nothing here is tuned to them."""

from __future__ import annotations

import os
from pathlib import Path


def checkouts(title: str, variable: str, whose: str, source: str) -> Path | None:
    """The folder `variable` names; where it names none, says what to set (`title`: the
    benchmark's, `whose`: "the projects'", `source`: the file listing them) and gives None."""
    folder = os.environ.get(variable)
    if not folder:
        print(f"{title}: set {variable} to {whose} checkouts ({source})")
        return None
    return Path(folder)
