"""boto3 clients, created on first use and reused for the container's life.

Importing boto3 costs tens of milliseconds, so nothing imports it until a
handler actually talks to AWS: a cold start that only makes change never
pays for it.
"""

from __future__ import annotations

import threading
from typing import Any

_clients: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


def client(service: str, region: str) -> Any:
    key = (service, region)
    if key not in _clients:
        with _lock:
            if key not in _clients:
                _clients[key] = new_client(service, region)
    return _clients[key]


def new_client(service: str, region: str) -> Any:
    import boto3  # deferred: see the module docstring

    return boto3.session.Session().client(service, region_name=region)


def reset() -> None:
    """Forget every client (tests switch between mocked and unmocked AWS)."""
    with _lock:
        _clients.clear()


def error_code(error: Exception) -> str:
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))
