"""Tests: fast hashing, local-memory cache, no network."""

import os
import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="tribune-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="tribune-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["loggers"]["tribune.request"]["level"] = "WARNING"  # tests that look at it raise it

# Parallel test workers share one Redis: each keeps its own keys (rate limits, cached pages).
for _cache in CACHES.values():
    _cache["KEY_PREFIX"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
