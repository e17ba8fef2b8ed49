"""Email: the backend that delivers, queued through Celery when Redis is set."""

from .environment import BASE_DIR, REDIS_URL, env, env_bool

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
