"""Settings shared by every environment.

Everything that differs between machines is read from the environment (12-factor):
DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, SITE_URL, EMAIL_URL-like
variables below. `dev`, `test` and `prod` only change defaults and hardening.
"""

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, treating an empty value as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def _origin(url: str) -> str:
    """Return the scheme and host of URL (`https://auth.example.fr`)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


SECRET_KEY = env("SECRET_KEY", "insecure-dev-key-change-me-0123456789-abcdefghijklmnopqrstuvwxyz")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
SITE_URL = (env("SITE_URL", "http://127.0.0.1:8000") or "").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    # Project apps first so their templates override those of third-party apps
    # (allauth pages, DSFR snippets).
    "core",
    "territories",
    "accounts",
    "courses",
    "quizzes",
    "certificates",
    "events",
    "placements",
    "assignments",
    "indicators",
    # The demonstration data (`load_demo`): the top floor, imported by no app.
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.EgideUsersConfig",  # wagtail.users, with the delegations on its forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # State design system
    "dsfr",
    "widget_tweaks",
    # Content-Security-Policy (system checks for its settings, {% csp_nonce %})
    "csp",
    # Django
    # Django admin, restricted to superusers (core.admin_site).
    "core.apps.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database with the address or the query string.
    "core.middleware.RejectNullCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After allauth's: privileged roles enrol a second factor before anything else.
    "accounts.middleware.MfaEnrolmentMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.CachedSiteMiddleware",
]

ROOT_URLCONF = "elearning.urls"
WSGI_APPLICATION = "elearning.wsgi.application"
ASGI_APPLICATION = "elearning.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "accounts.context_processors.navigation",
                # {{ CSP_NONCE }}: created (and added to the header) only when a page uses it.
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Every form rendered with {{ form }} gets DSFR markup (labels, hints, errors),
# including allauth's forms. Wagtail admin renders its own widgets and is unaffected.
FORM_RENDERER = "core.forms.DsfrFormRenderer"
DSFR_MARK_OPTIONAL_FIELDS = True

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Sessions read from Redis, written through to the database: no session query per page.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "egide",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Per-process cache for fragments that depend on the release only (layout head and
# footer): no reason to fetch them from Redis on every page.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "egide-local",
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"

# --- allauth -------------------------------------------------------------------
SITE_ID = 1
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Égide] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Login throttling: 5 failed attempts per account per 5 minutes, 10 per minute per IP.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

# --- Second factor (allauth.mfa) -------------------------------------------------
# Privileged roles (accounts.constants.MFA_REQUIRED_ROLES) must enrol one before
# reaching anything else (accounts.middleware); anyone else may from "Mon compte".
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
# Encrypts TOTP secrets and recovery-code seeds in the database (a Fernet key:
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`);
# without it, a key derived from SECRET_KEY (changing SECRET_KEY then voids the factors).
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", "")
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Égide"
# A security key or a phone's passkey can also sign in alone (it is two factors:
# possession of the key, and the PIN or biometrics that unlock it).
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_PASSKEY_SIGNUP_ENABLED = False
# Recovery codes are shown once, right after enrolment; a person who lost them
# generates new ones (which revokes the old ones).
MFA_RECOVERY_CODES_SHOW_ONCE = True
# WebAuthn needs a secure origin; plain http is accepted only where dev and test
# settings turn this on (127.0.0.1).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False

SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False


def _oidc_app(prefix: str, provider_id: str, name: str, scope: list[str]) -> dict | None:
    """Return an allauth OpenID Connect app built from PREFIX_* variables, or None.

    The provider only exists when its client id, secret and server URL are all set,
    so a deployment without ProConnect shows no ProConnect button.
    """
    client_id = env(f"{prefix}_CLIENT_ID")
    secret = env(f"{prefix}_CLIENT_SECRET")
    server_url = env(f"{prefix}_SERVER_URL")
    if not (client_id and secret and server_url):
        return None
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": {
            "server_url": server_url,
            "token_auth_method": "client_secret_post",
            "oauth_pkce_enabled": True,
            "scope": scope,
        },
    }


OIDC_APPS = [
    app
    for app in (
        _oidc_app(
            "PROCONNECT",
            "proconnect",
            "ProConnect",
            ["openid", "email", "given_name", "usual_name", "siret", "uid"],
        ),
        _oidc_app(
            "PROSANTECONNECT",
            "prosanteconnect",
            "Pro Santé Connect",
            ["openid", "scope_all"],
        ),
    )
    if app
]
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": OIDC_APPS}} if OIDC_APPS else {}

# --- Internationalisation ------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
# The H5P player comes from npm (make run / make test install it), never from a CDN.
STATICFILES_DIRS = [("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files with personal data (attestations): outside MEDIA_ROOT, so never served by
# whatever serves /media/; views check who asks, then stream them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail -------------------------------------------------------------------
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

# --- Email ---------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Égide <ne-pas-repondre@egide.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The backend that really delivers mail. When Redis is configured, EMAIL_BACKEND
# becomes the Celery backend below, which queues delivery through this one.
EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "emails"))
EMAIL_BACKEND = "core.mail.CeleryEmailBackend" if REDIS_URL else EMAIL_DELIVERY_BACKEND

# --- Celery --------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged after it ran, so a worker killed mid-task hands it to another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task
# unless told to reuse it: a new PostgreSQL connection per task (a backend process
# forked, authentication) cost a quarter of an attestation's render time. Reused for
# this many tasks, then closed and opened again (a broken one fails its task, which is
# retried on a fresh connection).
CELERY_DB_REUSE_MAX = int(env("CELERY_DB_REUSE_MAX", "100") or 100)
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
# How long a task taken by a worker that died without acknowledging it waits before
# another worker gets it (Redis has no connection-bound delivery).
# Workers look for such tasks every CELERY_RESTORE_INTERVAL seconds (one cheap Redis
# range query; kombu's default throttle would make it every 100 s).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT", "3600") or 3600),
    "unacked_restore_interval": int(env("CELERY_RESTORE_INTERVAL", "10") or 10),
    "unacked_restore_throttle": 1,
    # The scan holds a Redis lock; a worker killed while holding it blocks every other
    # worker's scan until the lock expires (kombu's default: 5 minutes).
    "unacked_mutex_expire": int(env("CELERY_RESTORE_LOCK_SECONDS", "60") or 60),
}
CELERY_TASK_DEFAULT_RETRY_DELAY = 30
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "core.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60,
    },
    # Import previews and rejected lines hold names and addresses: kept a day at most.
    "owned-files-purge": {"task": "core.tasks.owned_files_purge", "schedule": 60 * 60},
    # Attestations whose PDF task was lost (worker killed, broker restarted).
    "attestations-requeue-stale": {
        "task": "certificates.tasks.attestations_requeue_stale",
        "schedule": 5 * 60,
    },
    # Reminders before sessions (two days before, the day before); idempotent.
    "events-reminders": {"task": "events.tasks.reminders_send", "schedule": 15 * 60},
    # Mandatory training: notices, reminders before/on/after the due date, expiry
    # notices. Hourly, and idempotent (each reminder is recorded once).
    "assignments-reminders": {"task": "assignments.tasks.reminders_send", "schedule": 60 * 60},
}

# --- Security defaults (hardened further in prod) --------------------------------
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
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
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
        "img-src": [SELF, "data:", "blob:"],
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

# --- Égide ---------------------------------------------------------------------
# The quick-exit button leaves for a neutral site (and replaces the history entry).
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://meteofrance.com/")
SERVICE_NAME = "Égide"
# Part of the cache keys of rendered fragments that embed static file names, so a
# new release never serves fragments pointing at the previous release's files.
RELEASE = env("RELEASE") or str(int(time.time()))
SERVICE_TAGLINE = _(
    "Se former pour mieux repérer, accueillir et protéger les femmes victimes de violences"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "egide.security": {"level": "INFO"},
        # Wagtail runs its search-index and reference-index tasks through django-tasks.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint and fontTools log every step of every attestation at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
