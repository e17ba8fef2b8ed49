"""Security: cookies, headers, Content-Security-Policy and Permissions-Policy
(hardened further in prod)."""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .auth import OIDC_APPS
from .environment import env, env_list
from .storage import public_media_sources


def _origin(url: str) -> str:
    """Return the scheme and host of URL (`https://auth.example.fr`)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = False
# Wagtail marks its preview views SAMEORIGIN itself; everything else refuses framing.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# A window opened from here (or opening us) shares no browsing context group with it.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp). Every script is a static file of ours: the
# nonce is for the rare inline script (none in the project's templates, a test
# checks it), and no page needs 'unsafe-inline' or 'unsafe-eval' (lesson pages add
# the hash of the one script H5P writes in its frames: courses/h5p/player.py).
# Style attributes are refused too: values set from Python use classes or <progress>.
# Sign-in with ProConnect / Pro Santé Connect starts with a POST to our own
# confirmation view, which redirects to the provider: browsers check form-action on
# that redirect, so the providers' origins (and CSP_FORM_ACTION, for an authorisation
# endpoint on another host) are allowed as form targets.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Public media may live in object storage (settings/storage.py).
        "img-src": [SELF, "data:", *public_media_sources(env)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *public_media_sources(env)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [
            SELF,
            *sorted({_origin(app["settings"]["server_url"]) for app in OIDC_APPS}),
            *env_list("CSP_FORM_ACTION"),
        ],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (/cms/) and Django's (/gestion-technique/), for editors and
# superusers only: Wagtail 8 still writes inline scripts (date pickers, inline
# panels: `wagtailadmin/widgets/date_input.html`, `panels/inline_panel.html`,
# also inserted by JavaScript when a form row is added) and style attributes, and
# frames its own previews. A nonce would disable 'unsafe-inline', so none is sent.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ["/cms/", "/gestion-technique/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image previews before upload, Wagtail's focal point and crop tools.
        "img-src": [SELF, "data:", "blob:", *public_media_sources(env)],
        # The page preview panel frames /cms/pages/…/preview/.
        "frame-ancestors": [SELF],
    },
}
# Powerful features nobody here uses are refused to every page and frame (H5P
# activities included). Attendance QR codes are read by the phone's camera app,
# not by a page: the camera is refused too. Security keys (WebAuthn) keep their
# default, this origin only.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# H5P activities go full screen in their frame.
PERMISSIONS_POLICY["fullscreen"] = ["self"]
