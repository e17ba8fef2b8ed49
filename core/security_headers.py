"""Response headers that tell the browser what a page may load and use.

The site-wide Content-Security-Policy is django-csp's (`CONTENT_SECURITY_POLICY`);
the admin paths get their own (`CONTENT_SECURITY_POLICY_ADMIN`), because Wagtail's
admin cannot live without inline scripts and styles while the public pages can.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy on the admin paths.

    A policy set by a view's decorator (`csp.decorators`) wins over both.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # Wagtail's preview runs the middleware again on a dummy request for the page's
        # own URL; the real request, under /cms/, gets the admin policy (it frames the
        # preview and allows its inline scripts).
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            not report_only
            and admin
            and parts.config is None
            and request.path_info.startswith(tuple(admin["PATH_PREFIXES"]))
        ):
            parts.config = admin["DIRECTIVES"]
            # A nonce would make browsers ignore the admin's 'unsafe-inline'.
            parts.nonce = None
        return parts


def permissions_policy(features: dict[str, list[str]]) -> str:
    """Return the Permissions-Policy header value for FEATURES (`camera=()`)."""
    return ", ".join(
        f"{feature}=({' '.join(origins)})" for feature, origins in sorted(features.items())
    )


class PermissionsPolicyMiddleware:
    """Add `Permissions-Policy` from the PERMISSIONS_POLICY setting to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
