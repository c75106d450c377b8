"""Errors the domain raises, each carrying what the client needs to fix it.

The HTTP layer maps them to status codes; event handlers log them with the
record they came from. Nothing here knows about Chalice.
"""

from __future__ import annotations


class InputError(ValueError):
    """The request is malformed: a field is missing, of the wrong type or out of range."""

    status = 400

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}" if field else problem)
        self.field = field
        self.problem = problem


class Unprocessable(InputError):
    """The request is well-formed but cannot be carried out (nothing is short of a bug)."""

    status = 422


class NotFound(InputError):
    status = 404


class Unauthorized(InputError):
    status = 401


class Forbidden(InputError):
    status = 403


class Unavailable(InputError):
    """The service cannot answer now (its storage is out of reach); the message says what to do."""

    status = 503
