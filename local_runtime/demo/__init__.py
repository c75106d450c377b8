"""The local stage's demo: a sample competitor shop and a small catalogue,
so the whole price watch runs offline on a fresh clone."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator

from chalicelib.config import Settings
from chalicelib.storage.files import STATE_DIR


def ensure_admin_token(settings: Settings) -> None:
    """The local stage's admin token: from the shell, else one generated and kept with the data."""
    if os.environ.get("ADMIN_TOKEN"):
        return
    path = settings.data_path / STATE_DIR / "admin-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    os.environ["ADMIN_TOKEN"] = path.read_text().strip()


@contextlib.contextmanager
def running(settings: Settings) -> Iterator[str | None]:
    """Serve the sample shop and seed the demo catalogue, when the stage asks for them."""
    from chalicelib.services import services_for
    from local_runtime.demo.catalogue import seed
    from local_runtime.demo.shop import SampleShop

    port_text = os.environ.get("SAMPLE_SHOP_PORT", "")
    if not port_text:
        yield None
        return
    port = int(port_text)
    if os.environ.get("DEMO_CATALOGUE") == "1":
        seed(services_for(settings), port)
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
