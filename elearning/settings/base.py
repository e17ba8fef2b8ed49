"""Settings shared by every environment: the composition point.

Everything that differs between machines is read from the environment (12-factor):
DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, SITE_URL, EMAIL_URL-like
variables. `dev`, `test` and `prod` only change defaults and hardening.

The apps, middleware, templates, database, cache, languages and files are here; each
other concern has its module, whose settings are imported by name below (a setting
defined in a module but not imported here does not exist): `auth` (accounts,
allauth, second factor), `security` (cookies, headers, CSP), `wagtail`, `mail`,
`tasks` (Celery), `logs`; `environment` reads the environment.
"""

import time
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .auth import (
    ACCOUNT_ADAPTER,
    ACCOUNT_CHANGE_EMAIL,
    ACCOUNT_CONFIRM_EMAIL_ON_GET,
    ACCOUNT_DEFAULT_HTTP_PROTOCOL,
    ACCOUNT_EMAIL_NOTIFICATIONS,
    ACCOUNT_EMAIL_SUBJECT_PREFIX,
    ACCOUNT_EMAIL_VERIFICATION,
    ACCOUNT_FORMS,
    ACCOUNT_LOGIN_METHODS,
    ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION,
    ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE,
    ACCOUNT_RATE_LIMITS,
    ACCOUNT_SESSION_REMEMBER,
    ACCOUNT_SIGNUP_FIELDS,
    ACCOUNT_UNIQUE_EMAIL,
    ACCOUNT_USER_MODEL_USERNAME_FIELD,
    AUTH_PASSWORD_VALIDATORS,
    AUTH_USER_MODEL,
    AUTHENTICATION_BACKENDS,
    LOGIN_REDIRECT_URL,
    LOGIN_URL,
    MFA_ADAPTER,
    MFA_ENCRYPTION_KEY,
    MFA_PASSKEY_LOGIN_ENABLED,
    MFA_PASSKEY_SIGNUP_ENABLED,
    MFA_RECOVERY_CODES_SHOW_ONCE,
    MFA_SUPPORTED_TYPES,
    MFA_TOTP_ISSUER,
    MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN,
    OIDC_APPS,
    SITE_ID,
    SOCIALACCOUNT_ADAPTER,
    SOCIALACCOUNT_AUTO_SIGNUP,
    SOCIALACCOUNT_EMAIL_AUTHENTICATION,
    SOCIALACCOUNT_ONLY,
    SOCIALACCOUNT_PROVIDERS,
    SOCIALACCOUNT_STORE_TOKENS,
)
from .environment import (
    BASE_DIR,
    REDIS_URL,
    SITE_URL,
    SITE_URL_FROM_ENVIRONMENT,
    env,
    env_bool,
    env_list,
)
from .logs import LOG_FORMAT, LOGGING
from .mail import (
    DEFAULT_FROM_EMAIL,
    EMAIL_BACKEND,
    EMAIL_DELIVERY_BACKEND,
    EMAIL_FILE_PATH,
    EMAIL_HOST,
    EMAIL_HOST_PASSWORD,
    EMAIL_HOST_USER,
    EMAIL_PORT,
    EMAIL_TIMEOUT,
    EMAIL_USE_TLS,
    SERVER_EMAIL,
)
from .security import (
    CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY_ADMIN,
    CSRF_COOKIE_HTTPONLY,
    PERMISSIONS_POLICY,
    SECURE_CONTENT_TYPE_NOSNIFF,
    SECURE_CROSS_ORIGIN_OPENER_POLICY,
    SECURE_REFERRER_POLICY,
    SESSION_COOKIE_AGE,
    SESSION_COOKIE_HTTPONLY,
    X_FRAME_OPTIONS,
)
from .storage import storages_from_env
from .tasks import (
    CELERY_BEAT_MAX_LOOP_INTERVAL,
    CELERY_BEAT_SCHEDULE,
    CELERY_BEAT_SCHEDULER,
    CELERY_BROKER_TRANSPORT_OPTIONS,
    CELERY_BROKER_URL,
    CELERY_DB_REUSE_MAX,
    CELERY_REDBEAT_KEY_PREFIX,
    CELERY_REDBEAT_LOCK_TIMEOUT,
    CELERY_REDBEAT_REDIS_OPTIONS,
    CELERY_REDBEAT_REDIS_URL,
    CELERY_RESULT_BACKEND,
    CELERY_TASK_ACKS_LATE,
    CELERY_TASK_ALWAYS_EAGER,
    CELERY_TASK_DEFAULT_RETRY_DELAY,
    CELERY_TASK_EAGER_PROPAGATES,
    CELERY_TASK_REJECT_ON_WORKER_LOST,
    CELERY_TASK_SOFT_TIME_LIMIT,
    CELERY_TASK_TIME_LIMIT,
    CELERY_WORKER_HIJACK_ROOT_LOGGER,
    CELERY_WORKER_PREFETCH_MULTIPLIER,
    LRS_FORWARD_PASSWORD,
    LRS_FORWARD_URL,
    LRS_FORWARD_USERNAME,
    SCHEDULER_HEARTBEAT_SECONDS,
)
from .wagtail import (
    WAGTAIL_CONTENT_LANGUAGES,
    WAGTAIL_ENABLE_UPDATE_CHECK,
    WAGTAIL_FRONTEND_LOGIN_URL,
    WAGTAIL_GRAVATAR_PROVIDER_URL,
    WAGTAIL_I18N_ENABLED,
    WAGTAIL_PASSWORD_MANAGEMENT_ENABLED,
    WAGTAIL_PASSWORD_RESET_ENABLED,
    WAGTAIL_SITE_NAME,
    WAGTAILADMIN_BASE_URL,
    WAGTAILADMIN_LOGIN_URL,
    WAGTAILADMIN_PERMITTED_LANGUAGES,
    WAGTAILDOCS_EXTENSIONS,
    WAGTAILSEARCH_BACKENDS,
    WAGTAILUSERS_PASSWORD_ENABLED,
)

SECRET_KEY = env("SECRET_KEY", "insecure-dev-key-change-me-0123456789-abcdefghijklmnopqrstuvwxyz")
DEBUG = env_bool("DEBUG", False)
# A Server-Timing header on every answer (core.middleware.ServerTimingMiddleware).
SERVER_TIMING = env_bool("SERVER_TIMING", DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)
# A refused form says so in French, in the site's layout (Django's page is English).
CSRF_FAILURE_VIEW = "core.views_errors.csrf_failure"

INSTALLED_APPS = [
    # Project apps first so their templates override those of third-party apps
    # (allauth pages, DSFR snippets).
    "core",
    "territories",
    "accounts",
    "courses",
    "quizzes",
    "certificates",
    # xAPI learning record store for partners (/xapi/); indicators reads it.
    "lrs",
    "events",
    "placements",
    "assignments",
    "indicators",
    # Égide as an LTI 1.3 tool for partner platforms (Mentor, Moodle).
    "lti",
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
    # LTI 1.3 protocol tables (registrations, deployments, keys) used by `lti`.
    "lti_tool",
    "ninja",  # the JSON API (indicators.api.main); serves its Swagger UI files locally
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
    # First: its figure covers every other middleware (core.middleware).
    "core.middleware.ServerTimingMiddleware",
    # Then the request id, so that every later line of the request's log carries it.
    "core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Links in emails, QR codes and calendar files follow the host answered on
    # when SITE_URL is not set (core.absolute_urls); CMS confirmations (core.moderation).
    "core.request_context.CurrentRequestMiddleware",
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
    # Under `make run` (DEBUG) too, a 404 is the French page (core.views_errors).
    "core.middleware.FrenchNotFoundMiddleware",
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

# --- Internationalisation ------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Periodic tasks (settings/tasks.py) run on the site's clock.
CELERY_TIMEZONE = TIME_ZONE

# --- Static and media ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
# The H5P player and the SCORM run-time come from npm (make run / make test install
# them), never from a CDN.
STATICFILES_DIRS = [
    ("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
    ("scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files with personal data (attestations): outside MEDIA_ROOT, so never served by
# whatever serves /media/; views check who asks, then stream them.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
# Local disk by default; S3-compatible object storage when AWS_PRIVATE_BUCKET_NAME is
# set (settings/storage.py, README "Configuration").
STORAGES = storages_from_env(env, private_root=PRIVATE_MEDIA_ROOT)
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

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
