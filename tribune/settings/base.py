"""Settings shared by every environment; everything a deployment changes comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "tribune"
VAR_DIR = Path(os.environ.get("TRIBUNE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Proxies of ours in front of the application, each appending to X-Forwarded-For (tribune/core/client.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "tribune.core",
    "tribune.accounts",
    "tribune.newsroom",
    "tribune.comments",
    "tribune.desk",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "tribune.desk.apps.DeskUsersConfig",  # Wagtail's users, with moderators' languages
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
]

MIDDLEWARE = [
    "tribune.core.logs.RequestIdMiddleware",
    "tribune.core.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tribune.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tribune.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "tribune.urls"
WSGI_APPLICATION = "tribune.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'tribune.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One machine on SQLite: readers keep reading while a comment is written (write-ahead log).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"init_command": "PRAGMA journal_mode=WAL;"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"  # reversed in the reader's language: /hy/accounts/login/
LOGIN_REDIRECT_URL = "/"

# Readers sign in with their email address (verified) or with a social account.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "tribune.accounts.forms.SignupForm"
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "signup": "20/h/ip"}
ACCOUNT_ADAPTER = "tribune.accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "tribune.accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tribune <newsroom@localhost>")


def _social_providers():
    """Each provider is switched on by its credentials in the environment, and only then."""
    providers = {}
    for name, prefix in (("facebook", "FACEBOOK"), ("google", "GOOGLE")):
        client_id, secret = os.environ.get(f"{prefix}_CLIENT_ID"), os.environ.get(f"{prefix}_SECRET")
        if client_id and secret:
            providers[name] = {"APPS": [{"client_id": client_id, "secret": secret}]}
    oidc_url = os.environ.get("OIDC_SERVER_URL")
    if oidc_url and os.environ.get("OIDC_CLIENT_ID"):
        providers["openid_connect"] = {
            "APPS": [
                {
                    "provider_id": os.environ.get("OIDC_PROVIDER_ID", "oidc"),
                    "name": os.environ.get("OIDC_NAME", "OpenID Connect"),
                    "client_id": os.environ["OIDC_CLIENT_ID"],
                    "secret": os.environ.get("OIDC_SECRET", ""),
                    "settings": {"server_url": oidc_url},
                }
            ]
        }
    return providers


SOCIALACCOUNT_PROVIDERS = _social_providers()
# OpenID Connect is always installed (it serves any provider, and its tests run against one on
# loopback); the others only when configured. None is offered to readers without credentials.
INSTALLED_APPS += ["allauth.socialaccount.providers.openid_connect"] + [
    f"allauth.socialaccount.providers.{name}" for name in SOCIALACCOUNT_PROVIDERS if name != "openid_connect"
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Armenian is `hy` everywhere (ISO 639-1); `/am/` is redirected to `/hy/`.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("hy", "Հայերեն"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "desk" / "locale"]
FORMAT_MODULE_PATH = ["tribune.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Yerevan")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Tribune")
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.CreditedImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "tribune.newsroom.search_backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
TAGGIT_CASE_INSENSITIVE = True

# The cache also holds the rate limits and the anonymous page cache, so every web process must
# share it: Redis when REDIS_URL is set; otherwise local memory (one process: `make run`, tests).
# Production without Redis uses files under var/ (see production.py).
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    # When Redis cannot be reached, each process carries on with its own memory (tribune/core/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "tribune.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_SECONDS": 5,
                "FALLBACK_MAX_SECONDS": 30,
                "ON_RECOVER": "tribune.core.page_cache.purge_all",
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tribune"}}

# Background work (django_tasks). TASKS_BACKEND=immediate (the default here; production's default is
# rq when REDIS_URL is set) runs each task in the process that enqueues it, after its transaction
# commits. TASKS_BACKEND=rq puts tasks on RQ queues in Redis (TASKS_REDIS_URL, else REDIS_URL) for
# `manage.py rqworker default --with-scheduler`. Every job is retried (a worker that dies mid-task
# included), so tasks must be idempotent. See docs/tasks.md.
TASKS_REDIS_URL = os.environ.get("TASKS_REDIS_URL") or REDIS_URL or "redis://127.0.0.1:6379/0"
TASK_QUEUES = list(dict.fromkeys(["default", *env_list("TASK_QUEUES")]))  # "default" and any others
TASK_RETRIES = int(os.environ.get("TASK_RETRIES", "5"))
TASK_RETRY_INTERVALS = [10, 60, 300, 1800, 3600]  # seconds before the 1st, 2nd… retry; then the last
TASK_QUEUE_DOWN_SECONDS = 30  # after a failed enqueue, a process runs its tasks itself this long
TASK_MAINTENANCE_SECONDS = 60  # how often workers look for the jobs of dead workers
RQ_QUEUES = {
    name: {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": int(os.environ.get("TASK_TIMEOUT", "900"))}
    for name in TASK_QUEUES
}
RQ = {
    "JOB_CLASS": "django_tasks_rq.Job",
    "QUEUE_CLASS": "tribune.core.tasks.RetryingQueue",
    "WORKER_CLASS": "tribune.core.tasks.Worker",
}
INSTALLED_APPS += ["django_rq"]


def task_backends(kind: str) -> dict:
    """TASKS for TASKS_BACKEND=kind: "immediate" or "rq"."""
    backends = {
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        "rq": "django_tasks_rq.RQBackend",
    }
    if kind not in backends:
        raise ValueError(f"TASKS_BACKEND must be 'immediate' or 'rq', not {kind!r}")
    return {"default": {"BACKEND": backends[kind], "QUEUES": TASK_QUEUES}}


TASKS = task_backends(os.environ.get("TASKS_BACKEND", "immediate"))

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Prometheus metrics at /metrics, for direct connections from these addresses or networks, or for
# anyone with "Authorization: Bearer $METRICS_TOKEN" when it is set. Several gunicorn workers share
# their metrics through PROMETHEUS_MULTIPROC_DIR (see tribune/core/metrics.py).
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", "127.0.0.1,::1")
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")

# Every line carries the request's id (also returned as X-Request-ID); LOG_FORMAT=json for collectors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "tribune.core.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "tribune.core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request (method, path, status, ms, user). runserver prints its own: set
        # ACCESS_LOG_LEVEL=WARNING there to keep only the server's.
        "tribune.request": {"level": os.environ.get("ACCESS_LOG_LEVEL", "INFO")},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# The agency's name, as it appears in datelines, feeds and structured data, until an editor
# sets it per site in the admin (Settings → Newsroom).
TRIBUNE_DEFAULT_AGENCY = os.environ.get("AGENCY_NAME", "Tribune")
TRIBUNE_LANGUAGE_NAMES = {"en": _("English"), "ru": _("Russian"), "hy": _("Armenian")}
