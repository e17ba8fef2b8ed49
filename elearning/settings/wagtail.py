"""Wagtail, the CMS and its admin (/cms/)."""

from .environment import SITE_URL

WAGTAIL_SITE_NAME = "Égide"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # French stemming on PostgreSQL ("violences" finds "violence").
        "SEARCH_CONFIG": "french",
    }
}
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "odt", "docx", "xlsx", "ods", "pptx", "odp", "csv", "txt"],
    # Lesson media and their WebVTT captions.
    *["vtt", "mp4", "webm", "mp3", "ogg", "m4a"],
]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Every password path goes through allauth (throttling, notifications, validators):
# Wagtail's reset and change forms are off, and elearning.urls sends their URLs to
# allauth's pages. Administrators do not set other people's passwords either: a
# person sets their own through "Mot de passe oublié".
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
# No avatar from gravatar.com: it would learn a hash of each editor's address, and
# the admin's Content-Security-Policy loads images from this site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
