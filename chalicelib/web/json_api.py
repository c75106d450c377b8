"""JSON requests in, JSON responses out, domain errors mapped to 4xx.

Bodies are decoded from their raw text with numbers as Decimal, so money
never passes through a binary float, and with NaN/Infinity and duplicate
keys refused rather than silently accepted.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from chalice.app import Request, Response

from chalicelib.errors import InputError, Unavailable
from chalicelib.logs import log_event

MAX_BODY_BYTES = 64 * 1024
JSON = "application/json"

log = logging.getLogger(__name__)

View = TypeVar("View", bound=Callable[..., Any])

_STATUS_CODES = {
    400: "BadRequestError",
    401: "UnauthorizedError",
    403: "ForbiddenError",
    404: "NotFoundError",
    413: "RequestEntityTooLargeError",
    422: "UnprocessableEntityError",
    503: "ServiceUnavailableError",
}


class PayloadTooLarge(InputError):
    status = 413


LOCALLY = (
    "To work without AWS, run `make run` (the whole app on local storage) or "
    "`chalice local --stage local`"
)


def decode_json_object(raw: bytes | str | None, *, limit: int = MAX_BODY_BYTES) -> dict[str, Any]:
    """Decode a request body that must be a JSON object."""
    if raw is None or not raw.strip():
        raise InputError("body", "is empty; send a JSON object")
    if len(raw) > limit:
        raise PayloadTooLarge("body", f"is larger than {limit} bytes")
    try:
        value = json.loads(
            raw,
            parse_float=Decimal,
            parse_int=Decimal,
            parse_constant=_non_finite,
            object_pairs_hook=_no_duplicate_keys,
        )
    except InputError:
        raise
    except (ValueError, RecursionError) as error:
        raise InputError("body", f"is not valid JSON ({_reason(error)})") from None
    if not isinstance(value, dict):
        raise InputError("body", "must be a JSON object")
    return value


def json_body(request: Request | None) -> dict[str, Any]:
    """The current request's body, decoded as a JSON object."""
    return decode_json_object(request.raw_body if request is not None else None)


def _non_finite(name: str) -> Any:
    # NaN and Infinity are not JSON, but Python accepts them: keep them as
    # non-finite Decimals so the field check can name the field.
    return Decimal(name.replace("Infinity", "Inf"))


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError(key, "appears more than once")
        result[key] = value
    return result


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno} column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return "undecodable text"


def error_body(error: InputError) -> dict[str, Any]:
    body = {"Code": _STATUS_CODES.get(error.status, "ClientError"), "Message": str(error)}
    if error.field:
        body["Field"] = error.field
    return body


def error_response(error: InputError) -> Response:
    headers: dict[str, str | list[str]] = {"Content-Type": JSON}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="storekeeper admin"'
    if error.status == 503:
        headers["Retry-After"] = "30"
    return Response(body=error_body(error), status_code=error.status, headers=headers)


def json_errors(view: View) -> View:
    """Turn the domain's InputError (and subclasses) into 4xx JSON responses, and
    storage that cannot be reached (no credentials, no network) into a 503 that says so."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except InputError as error:
            log_event(log, "request refused", status=error.status, reason=str(error))
            return error_response(error)
        except Exception as error:
            from chalicelib.storage.aws_clients import unavailable

            reason = unavailable(error)
            if reason is None:
                raise
            log_event(log, "storage unavailable", logging.ERROR, reason=reason)
            return error_response(Unavailable("", f"{reason}. {LOCALLY}"))

    return wrapper  # type: ignore[return-value]
