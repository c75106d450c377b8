"""The local stage's demo: a sample competitor shop and a small catalogue,
so the whole price watch runs offline on a fresh clone."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator

from chalicelib.config import Settings
from chalicelib.storage.embedded import EmbeddedStorage


def ensure_admin_token(storage: EmbeddedStorage) -> None:
    """The local stage's admin token: from the shell, else one generated and kept with the data."""
    if os.environ.get("ADMIN_TOKEN"):
        return
    path = storage.state_path("admin-token")
    if not path.exists():
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    os.environ["ADMIN_TOKEN"] = path.read_text().strip()


def sample_shop_port() -> int | None:
    text = os.environ.get("SAMPLE_SHOP_PORT", "").strip()
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise SystemExit(f"SAMPLE_SHOP_PORT must be a port number, not {text!r}")
    return int(text)


def allow_sample_shop() -> None:
    """The fetcher refuses loopback addresses; the sample shop's port is the exception,
    wherever SAMPLE_SHOP_PORT moved it."""
    port = sample_shop_port()
    if port is None:
        return
    allowed = [part for part in os.environ.get("FETCH_ALLOWLIST", "").split(",") if part]
    for host in ("127.0.0.1", "localhost"):
        if f"{host}:{port}" not in allowed:
            allowed.append(f"{host}:{port}")
    os.environ["FETCH_ALLOWLIST"] = ",".join(allowed)


@contextlib.contextmanager
def running(settings: Settings) -> Iterator[str | None]:
    """Serve the sample shop and seed the demo catalogue, when the stage asks for them."""
    from chalicelib import services
    from local_runtime.demo.catalogue import seed
    from local_runtime.demo.shop import SampleShop

    port = sample_shop_port()
    if port is None:
        yield None
        return
    if os.environ.get("DEMO_CATALOGUE") == "1":
        seed(services.price_store(settings), settings, port)
    try:
        shop = SampleShop("127.0.0.1", port)
    except OSError:  # already served by another runtime on this machine
        yield f"http://127.0.0.1:{port}"
        return
    thread = threading.Thread(target=shop.serve_forever, name="sample-shop", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        shop.shutdown()
