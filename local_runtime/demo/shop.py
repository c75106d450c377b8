"""A sample competitor shop on 127.0.0.1 (and localhost, as a second shop).

Pages are templates whose price drifts a little on every fetch, so repeated
scrapes draw a history worth charting. Served only by the local runtime.
"""

from __future__ import annotations

import json
import math
import threading
from decimal import ROUND_HALF_UP, Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
BASE_PRICES: dict[str, str] = json.loads((PAGES / "prices.json").read_text())


class SampleShop:
    def __init__(self, host: str = "127.0.0.1", port: int = 8001) -> None:
        self._fetches: dict[str, int] = {}
        self._lock = threading.Lock()
        shop = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, kind = shop.respond(self.path.split("?", 1)[0].lstrip("/"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def respond(self, path: str) -> tuple[int, bytes, str]:
        if path == "robots.txt":
            return 200, (PAGES / "robots.txt").read_bytes(), "text/plain"
        if path not in BASE_PRICES:
            return 404, b"<h1>Not found</h1>", "text/html"
        price = self._price(path)
        text = (PAGES / path).read_text()
        for name, value in {
            "{{price}}": f"{price}",
            "{{price_de}}": f"{price}".replace(".", ","),
            "{{third_de}}": f"{(price / 3).quantize(Decimal('0.01'))}".replace(".", ","),
        }.items():
            text = text.replace(name, value)
        return 200, text.encode(), "text/html; charset=utf-8"

    def _price(self, path: str) -> Decimal:
        with self._lock:
            n = self._fetches.get(path, 0)
            self._fetches[path] = n + 1
        drift = Decimal(str(round(math.sin(n * 1.3 + len(path)) * 0.06, 4)))
        return (Decimal(BASE_PRICES[path]) * (1 + drift)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        self.server.shutdown()
        self.server.server_close()
