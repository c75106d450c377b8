"""Who may change the catalogue.

Deployed stages put a Cognito user-pool authorizer on the admin routes
(USER_POOL_ARN): API Gateway checks the token before Lambda runs, and the
view admits only members of the pool's ADMIN_GROUP group (default `admin`):
being a user of the pool (a customer, say) is not enough. The local stage has
no Cognito, so the view checks a bearer token from ADMIN_TOKEN. With neither
configured, admin routes are closed rather than open.
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
        if settings.admin_group not in _groups(claims.get("cognito:groups")):
            raise Forbidden(
                "Authorization",
                f"the user is not in the user pool's {settings.admin_group!r} group",
            )
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


def _groups(claim: object) -> set[str]:
    """`cognito:groups` as API Gateway passes it: a list, or text such as "a,b" or "[a b]"."""
    if isinstance(claim, list):
        return {str(group) for group in claim}
    if isinstance(claim, str):
        return {group for group in claim.strip("[]").replace(",", " ").split() if group}
    return set()
