"""Development: DEBUG on, a secret key generated once and kept under var/."""

import secrets

from .base import *
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)


def _dev_secret_key() -> str:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _dev_secret_key()
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
