"""Production: every secret from the environment, secure cookies, hashed static files."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import REDIS_URL, VAR_DIR, env_bool, task_backends

try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError as exc:  # pragma: no cover - exercised by deployment, not tests
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.") from exc

DEBUG = False
# Behind deploy/nginx: the reader's address is the last entry of X-Forwarded-For.
TRUSTED_PROXY_COUNT = ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tribune <newsroom@localhost>")

if not REDIS_URL:
    # Several gunicorn workers must share rate limits and cached pages: files on this machine.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# Background work goes to the Redis queue, for workers, whenever Redis is configured (docs/tasks.md).
TASKS = task_backends(
    os.environ.get("TASKS_BACKEND", "rq" if os.environ.get("TASKS_REDIS_URL") or REDIS_URL else "immediate")
)

# The front proxy's cache (deploy/nginx): a page is refreshed there when it is published (Wagtail's
# purge) or its thread changes (Tribune's). FRONTEND_CACHE_URL is the proxy's refresh listener.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    # Tribune's addresses carry their language already (/hy/…): each is purged as it is, not once per
    # language as Wagtail would otherwise (a /ru/ copy of an Armenian slug does not exist).
    WAGTAILFRONTENDCACHE_LANGUAGES = []
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "tribune.core.front_cache.RefreshBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
