"""/metrics, for Prometheus: answered to the addresses in METRICS_ALLOWED_IPS (addresses or networks;
loopback by default) when they connect directly, or to anyone with `Authorization: Bearer
<METRICS_TOKEN>` when a token is set. Anyone else gets the site's 404; a wrong token gets 403.

A request that came through a proxy (it carries X-Forwarded-For, Forwarded or X-Real-IP) is never
let in by its address: behind nginx on the same machine every reader's request comes from 127.0.0.1."""

from __future__ import annotations

import functools
import hmac
import ipaddress

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4, generate_latest

from . import metrics

PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


@functools.lru_cache(maxsize=8)
def _networks(allowed):
    return tuple(ipaddress.ip_network(item, strict=False) for item in allowed)


def _address_allowed(request):
    if any(request.META.get(header) for header in PROXY_HEADERS):
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if getattr(address, "ipv4_mapped", None) is not None:
        address = address.ipv4_mapped
    return any(address in network for network in _networks(tuple(settings.METRICS_ALLOWED_IPS)))


def _token_given(request):
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def _check_access(request):
    token, given = settings.METRICS_TOKEN, _token_given(request)
    if token and given:
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise PermissionDenied
        return
    if not _address_allowed(request):
        raise Http404


@never_cache
@require_GET
def metrics_view(request):
    _check_access(request)
    return HttpResponse(generate_latest(metrics.scrape_registry()), content_type=CONTENT_TYPE_PLAIN_0_0_4)
