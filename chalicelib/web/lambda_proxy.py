"""Calling a JSON operation from a plain Lambda invocation.

Accepts either the request object itself ({"amount": 1.45}) or an API
Gateway proxy event whose `body` holds the JSON text, and answers in the
proxy shape, so the same function serves a direct invoke and an HTTP
integration.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from typing import Any

from chalicelib.errors import InputError
from chalicelib.web.json_api import JSON, decode_json_object, error_body


def invoke(operation: Callable[[Mapping[str, Any]], Any], event: object) -> dict[str, Any]:
    try:
        result = operation(_request_of(event))
    except InputError as error:
        return _proxy(error.status, error_body(error))
    return _proxy(200, result.to_json())


def _request_of(event: object) -> Mapping[str, Any]:
    if isinstance(event, Mapping) and isinstance(event.get("body"), str):
        body: str | bytes = event["body"]
        if event.get("isBase64Encoded"):
            try:
                body = base64.b64decode(body, validate=True)
            except (binascii.Error, ValueError):
                raise InputError("body", "is not valid base64") from None
        return decode_json_object(body)
    if not isinstance(event, Mapping):
        raise InputError("body", "must be a JSON object")
    return event


def _proxy(status: int, body: Any) -> dict[str, Any]:
    return {
        "statusCode": status,
        "headers": {"Content-Type": JSON},
        "body": json.dumps(body),
    }
