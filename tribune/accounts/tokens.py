"""Personal access tokens: a reader's scripts use the API with `Authorization: Bearer <token>`.

Only a SHA-256 digest of a token is stored, with its first characters in clear so that the reader can
tell their tokens apart; the token itself is shown once, when it is issued."""

from __future__ import annotations

import copy
import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tribune.core import snapshots

TOKEN_PREFIX = "trb_"  # noqa: S105 - a marker, not a secret
SHOWN_CHARS = len(TOKEN_PREFIX) + 8  # kept in clear: "trb_AbCd1234"
MAX_TOKEN_LENGTH = 100  # anything longer is not one of ours: not even hashed
MAX_TOKENS_PER_USER = 20
LAST_USED_PRECISION = datetime.timedelta(minutes=1)  # at most one write a minute per token
# A token with its user, as every request with it needs them: kept in the cache until any token or
# user changes (tribune/core/snapshots.py). Revoking a token, or deactivating its user, ends it at
# once in the process that did it and within a second in every other.
TOKENS_SNAPSHOT = "access-tokens"


class TokenError(Exception):
    """Why a token was not issued: a stable `code` and a message in the reader's language."""

    code = "token_refused"
    status = 400
    message = _("This access token cannot be issued.")

    def __init__(self, **params):
        self.params = params
        super().__init__(str(self))

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


class TooManyTokens(TokenError):
    code = "too_many_tokens"
    status = 409
    message = _("You may have at most %(limit)s access tokens. Revoke one you no longer use first.")


class AccessToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="access_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    prefix = models.CharField(_("starts with"), max_length=SHOWN_CHARS, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")
        indexes = [models.Index(fields=["user", "created_at"], name="accesstoken_user_idx")]

    def __str__(self):
        return f"{self.prefix}… ({self.name})"


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def tokens_of(user):
    return AccessToken.objects.filter(user=user).order_by("-created_at", "-pk")


def issue(*, user, name) -> tuple[AccessToken, str]:
    """A new token for `user`: the stored row, and the token in clear (never stored, shown once)."""
    if AccessToken.objects.filter(user=user).count() >= MAX_TOKENS_PER_USER:
        raise TooManyTokens(limit=MAX_TOKENS_PER_USER)
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user, name=name, prefix=clear[:SHOWN_CHARS], digest=digest_of(clear)
    )
    return token, clear


def revoke(*, user, token_id) -> bool:
    """Delete one of `user`'s tokens; False when they have no token of that id."""
    deleted, _rows = AccessToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def user_for(clear, now=None):
    """The active user a token in clear belongs to, or None; notes when the token was used."""
    if not clear or not clear.startswith(TOKEN_PREFIX) or len(clear) > MAX_TOKEN_LENGTH:
        return None
    digest = digest_of(clear)
    token = snapshots.get(
        TOKENS_SNAPSHOT,
        digest,
        lambda: (
            AccessToken.objects.select_related("user")
            .defer("user__password")  # the copy never carries the password's hash
            .filter(digest=digest, user__is_active=True)
            .first()
        ),
    )
    if token is None:
        return None
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        # The copy may be older than the row: one process a minute writes it, the others skip.
        if cache.add(f"accounts:token-used:{token.pk}", True, LAST_USED_PRECISION.total_seconds()):
            AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now  # in this process's copy too: the next request skips the check
    return copy.copy(token.user)  # the request's own: the copy is shared by the process's requests
