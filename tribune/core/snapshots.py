"""Copies of small rows that nearly every comment needs and editors seldom change (the comment
settings, a live article, a reader's sanctions, a personal token), kept in the shared cache so that a
busy thread does not ask the database for them on every post.

Each kind of copy has a version (tribune/core/versions.py) in its cache keys; a change to a row it
is made of moves the version on, both at once and again after the commit, so that a copy that
another process made from the old row while the change was uncommitted is never read either."""

from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction

from tribune.core import versions

TIMEOUT = 300
_MISSING = object()
_local = OrderedDict()  # this process's own copies of `local` kinds: {full key: value}
LOCAL_SIZE = 64


def _version_key(kind):
    return f"snapshot:{kind}"


def get(kind, key, build, *, local=False, timeout=TIMEOUT):
    """The copy of `kind` for `key`, made by `build()` on a miss. `local` copies are also kept in
    this process, for values that are read on every request and are not changed by their readers."""
    full = f"snapshot:{kind}:v{versions.current(_version_key(kind))}:{key}"
    if local:
        value = _local.get(full, _MISSING)
        if value is not _MISSING:
            _local.move_to_end(full)
            return value
    value = cache.get(full, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(full, value, timeout)
    if local:
        _local[full] = value
        while len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)
    return value


def invalidate(kind):
    """Every copy of `kind` is stale: now, and once more when the transaction commits."""
    versions.bump(_version_key(kind))
    transaction.on_commit(lambda: versions.bump(_version_key(kind)))


def invalidator(kind):
    """A signal receiver that invalidates `kind` (connected in the apps' ready())."""

    def receiver(**kwargs):
        invalidate(kind)

    receiver.__name__ = f"invalidate_{kind.replace('-', '_')}"
    return receiver
