"""Who may change the catalogue.

Deployed stages put a Cognito user-pool authorizer on the admin routes
(USER_POOL_ARN): API Gateway checks the token before Lambda runs. The local
stage has no Cognito, so the view checks a bearer token from ADMIN_TOKEN.
With neither configured, admin routes are closed rather than open.
"""

from __future__ import annotations

from chalice.app import CognitoUserPoolAuthorizer, Request

from chalicelib.config import Settings
from chalicelib.errors import Forbidden, Unauthorized


def cognito_authorizer(settings: Settings) -> CognitoUserPoolAuthorizer | None:
    if not settings.user_pool_arn:
        return None
    return CognitoUserPoolAuthorizer("storekeeper-admins", provider_arns=[settings.user_pool_arn])


def require_admin(request: Request | None, settings: Settings) -> None:
    if request is None:
        raise Unauthorized("Authorization", "no request")
    if settings.user_pool_arn:
        claims = (request.context or {}).get("authorizer", {}).get("claims")
        if not claims:  # API Gateway always passes them once Cognito said yes
            raise Unauthorized("Authorization", "a Cognito ID token is required")
        return
    if not settings.admin_token:
        raise Forbidden(
            "", "admin routes are disabled on this stage: set ADMIN_TOKEN or USER_POOL_ARN"
        )
    header = request.headers.get("authorization") or ""
    scheme, _, token = header.partition(" ")
    if not header:
        raise Unauthorized("Authorization", "send 'Authorization: Bearer <admin token>'")
    import hmac  # only admin requests pay for it (it loads OpenSSL's hashes)

    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.admin_token.encode()
    ):
        raise Forbidden("Authorization", "the token is not valid")
