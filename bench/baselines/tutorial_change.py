"""The classic tutorial change-maker: greedy over floats, no validation.

Wrong on non-canonical sets and on amounts like 1.15, which is why
storekeeper exists; here it only measures how cheap a request can be.
"""

from __future__ import annotations

import json
from typing import Any

from chalice.app import Chalice

app = Chalice(app_name="tutorial-change", configure_logs=False)

COINS = [100, 50, 20, 10, 5, 1, 0.25, 0.10, 0.05, 0.01]


@app.route("/change", methods=["POST"])
def change() -> dict[str, Any]:
    amount = json.loads(app.current_request.raw_body)["amount"]
    result = []
    for coin in COINS:
        count = int(amount // coin)
        amount -= count * coin
        if count:
            result.append({"value": coin, "count": count})
    return {"change": result}
