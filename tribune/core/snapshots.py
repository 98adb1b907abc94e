"""Copies of small rows that nearly every comment needs and editors seldom change (the comment
settings, a live article, a reader's sanctions, a personal token), so that a busy thread does not ask
the database, nor Redis, for them on every post.

Each kind of copy has a version (tribune/core/versions.py) in its keys. A change to a row a kind is
made of moves the version on, both at once and again after the commit, so that a copy that another
process made from the old row while the change was uncommitted is never read either. Copies are kept
in the shared cache and in each process; a process reads the version again at most every
VERSION_SECONDS, so another process sees a change within that time, and the process that made the
change sees it at once."""

import time
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction

from tribune.core import versions

# Seconds a copy is kept, in the shared cache and in each process: a change made behind the models'
# back (an SQL UPDATE, a restored backup), which no version follows, shows within this time.
TIMEOUT = 300
VERSION_SECONDS = 1.0
LOCAL_SIZE = 512  # copies kept in each process, the least recently used going first

_MISSING = object()
_local = OrderedDict()  # {full key: (value, when it expires)}
_versions = {}  # {kind: (version, read at)}


def _version_key(kind):
    return f"snapshot:{kind}"


def _version(kind):
    now = time.monotonic()
    known = _versions.get(kind)
    if known is None or now - known[1] >= VERSION_SECONDS:
        known = _versions[kind] = (versions.current(_version_key(kind)), now)
    return known[0]


def get(kind, key, build, *, timeout=TIMEOUT):
    """The copy of `kind` for `key`, made by `build()` where neither this process nor the shared
    cache has it. Copies are shared by every request of the process: read them, never change them."""
    full = f"snapshot:{kind}:v{_version(kind)}:{key}"
    now = time.monotonic()
    value, expires = _local.get(full, (_MISSING, 0))
    if value is not _MISSING and now < expires:
        _local.move_to_end(full)
        return value
    value = cache.get(full, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(full, value, timeout)
    _local[full] = (value, now + timeout)
    while len(_local) > LOCAL_SIZE:
        _local.popitem(last=False)
    return value


def invalidate(kind):
    """Every copy of `kind` is stale: now, and once more when the transaction commits."""

    def bump():
        versions.bump(_version_key(kind))
        _versions.pop(kind, None)

    bump()
    transaction.on_commit(bump)


def forget_local():
    """Drop this process's copies and versions (the shared cache was emptied, as between tests)."""
    _local.clear()
    _versions.clear()


def invalidator(kind):
    """A signal receiver that invalidates `kind` (connected in the apps' ready())."""

    def receiver(**kwargs):
        invalidate(kind)

    receiver.__name__ = f"invalidate_{kind.replace('-', '_')}"
    return receiver
