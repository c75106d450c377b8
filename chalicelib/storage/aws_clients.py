"""boto3 clients, created on first use and reused for the container's life.

Importing boto3 costs tens of milliseconds, so nothing imports it until a
handler actually talks to AWS: a cold start that only makes change never
pays for it.
"""

from __future__ import annotations

import sys
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
    from botocore.config import Config

    # Fail within seconds, not minutes: a Lambda or a page waits on every call.
    config = Config(
        connect_timeout=3, read_timeout=10, retries={"max_attempts": 3, "mode": "standard"}
    )
    return boto3.session.Session().client(service, region_name=region, config=config)


def reset() -> None:
    """Forget every client (tests switch between mocked and unmocked AWS)."""
    with _lock:
        _clients.clear()


def error_code(error: Exception) -> str:
    response = getattr(error, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


# Error codes AWS answers when the caller cannot be who it says, or may not look.
_CREDENTIAL_CODES = {
    "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId",
    "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "AccessDenied",
    "AccessDeniedException", "InvalidSignatureException",
}  # fmt: skip
_MISSING_CODES = {
    "ResourceNotFoundException",
    "NoSuchBucket",
    "AWS.SimpleQueueService.NonExistentQueue",
}


def unavailable(error: BaseException) -> str | None:
    """Why AWS cannot be used at all (credentials, network, the stage's resources), or None.

    Reads botocore's exception classes only if botocore is loaded: a handler
    that never touched AWS pays nothing for asking.
    """
    exceptions = sys.modules.get("botocore.exceptions")
    if exceptions is None:
        return None
    if isinstance(error, exceptions.NoCredentialsError | exceptions.PartialCredentialsError):
        return "no AWS credentials are configured"
    if isinstance(error, exceptions.CredentialRetrievalError):
        return "the AWS credentials could not be loaded"
    if isinstance(
        error,
        exceptions.EndpointConnectionError
        | exceptions.ConnectTimeoutError
        | exceptions.ReadTimeoutError,
    ):
        return "AWS cannot be reached"
    if isinstance(error, exceptions.ClientError):
        code = error_code(error)
        if code in _CREDENTIAL_CODES:
            return f"AWS refused the credentials ({code})"
        if code in _MISSING_CODES:
            return f"the stage's AWS resources do not exist ({code}): run `make bootstrap`"
    return None
