"""Redis as Django's cache, for a site that must stay up when Redis does not.

Everything Tribune keeps in the cache can be rebuilt: cached pages, rate-limit counters, counts for
the desk. So when Redis cannot be reached, this backend logs it once and carries on with this
process's own memory for RETRY_SECONDS before trying Redis again: pages render (from the database),
comments are accepted, rate limits still hold within each process. Entries kept in memory live at
most FALLBACK_MAX_SECONDS, so that a purge another process could not announce meanwhile is not
ignored for long. When Redis answers again, ON_RECOVER (a dotted path, e.g. the page cache's purge)
runs once, for whatever was deleted while Redis was away.

    CACHES = {"default": {
        "BACKEND": "tribune.core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5,
                    "RETRY_SECONDS": 5, "FALLBACK_MAX_SECONDS": 30,
                    "ON_RECOVER": "tribune.core.page_cache.purge_all"},
    }}
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.module_loading import import_string
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis object for every command, and building one costs more
    CPU than the command itself (redis-py fills a table of reply parsers each time). One object per
    connection pool is enough: redis.Redis is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client

    def incr(self, key, delta):
        """As Django's (ValueError for a missing key), in one round trip instead of two."""
        client = self.get_client(key, write=True)
        value = client.eval(INCR_EXISTING, 1, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def counts_in_window(self, keys, seconds):
        """Add one to each counter in `keys`, which expires `seconds` after its first count; the new
        counts. One round trip, and no counter is ever left without its expiry (EXPIRE … NX sets it
        on the first count only, whoever counted first)."""
        pipe = self.get_client(keys[0], write=True).pipeline(transaction=False)
        for key in keys:
            pipe.incr(key)
            pipe.expire(key, seconds, nx=True)
        return pipe.execute()[::2]


# INCRBY only if the key exists (Django's contract for incr), atomically.
INCR_EXISTING = """
if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end
return false
"""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        self.fallback_max_seconds = int(options.pop("FALLBACK_MAX_SECONDS", 30))
        self._on_recover = options.pop("ON_RECOVER", None)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._fallback = LocMemCache(
            f"tribune-fallback-{id(self)}",
            {"TIMEOUT": self.fallback_max_seconds, "OPTIONS": {"MAX_ENTRIES": 5000}},
        )
        self._down_until = 0.0
        self._missed_writes = False

    # Which store answers -------------------------------------------------------------------------

    @property
    def redis_down(self):
        return time.monotonic() < self._down_until

    def _redis(self, name, *args, **kwargs):
        """Call RedisCache's `name` (or this class's own `_redis_…` method); on a Redis error, mark
        Redis down and raise _Down."""
        method = getattr(self, name) if name.startswith("_redis_") else getattr(super(), name)
        try:
            result = method(*args, **kwargs)
        except RedisError as error:
            if not self.redis_down:
                logger.warning(
                    "cache: Redis unavailable (%s: %s); this process uses its own memory for %ss",
                    type(error).__name__,
                    error,
                    self.retry_seconds,
                )
            self._down_until = time.monotonic() + self.retry_seconds
            raise _Down from error
        if self._missed_writes:
            self._recovered()
        return result

    def _recovered(self):
        self._missed_writes = False
        logger.warning("cache: Redis is back")
        if self._on_recover:
            try:
                import_string(self._on_recover)()
            except Exception:  # the hook must not turn a read into an error
                logger.exception("cache: %s failed after Redis came back", self._on_recover)

    def _capped(self, timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self.fallback_max_seconds
        return min(timeout, self.fallback_max_seconds)

    def _either(self, name, args, kwargs, fallback, writes=False):
        if not self.redis_down:
            try:
                return self._redis(name, *args, **kwargs)
            except _Down:
                pass
        if writes:
            self._missed_writes = True
        return fallback()

    # The cache API -------------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._either(
            "get", (key, default, version), {}, lambda: self._fallback.get(key, default, version)
        )

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._either("get_many", (keys, version), {}, lambda: self._fallback.get_many(keys, version))

    def has_key(self, key, version=None):
        return self._either("has_key", (key, version), {}, lambda: self._fallback.has_key(key, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either(
            "set",
            (key, value, timeout, version),
            {},
            lambda: self._fallback.set(key, value, self._capped(timeout), version),
            writes=True,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either(
            "add",
            (key, value, timeout, version),
            {},
            lambda: self._fallback.add(key, value, self._capped(timeout), version),
            writes=True,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either(
            "set_many",
            (data, timeout, version),
            {},
            lambda: self._fallback.set_many(data, self._capped(timeout), version),
            writes=True,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._either(
            "touch",
            (key, timeout, version),
            {},
            lambda: self._fallback.touch(key, self._capped(timeout), version),
            writes=True,
        )

    def delete(self, key, version=None):
        return self._either(
            "delete", (key, version), {}, lambda: self._fallback.delete(key, version), writes=True
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._either(
            "delete_many", (keys, version), {}, lambda: self._fallback.delete_many(keys, version), writes=True
        )

    def incr(self, key, delta=1, version=None):
        return self._either(
            "incr", (key, delta, version), {}, lambda: self._fallback.incr(key, delta, version), writes=True
        )

    def clear(self):
        return self._either("clear", (), {}, self._fallback.clear, writes=True)

    def count_in_window(self, key, seconds, version=None):
        """One more event in the fixed window `key` that ends `seconds` after its first event: the
        count so far, in one round trip (tribune/comments/ratelimit.py)."""
        return self.counts_in_window([key], seconds, version)[0]

    def counts_in_window(self, keys, seconds, version=None):
        """count_in_window for several windows of the same length, all in one round trip."""
        full = [self.make_and_validate_key(key, version=version) for key in keys]
        return self._either(
            "_redis_counts_in_window",
            (full, seconds),
            {},
            lambda: [count_in_window(self._fallback, key, seconds, version) for key in keys],
            writes=True,
        )

    def _redis_counts_in_window(self, full_keys, seconds):
        return self._cache.counts_in_window(full_keys, seconds)


def count_in_window(cache, key, seconds, version=None):
    """ResilientRedisCache.count_in_window for any Django cache: add, then incr (two steps)."""
    cache.add(key, 0, timeout=seconds, version=version)
    try:
        return cache.incr(key, version=version)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=seconds, version=version)
        return 1


class _Down(Exception):
    """Redis did not answer; the fallback answers instead."""
