"""The reader's address, as the rate limits and the comments' records need it. Behind nginx every
request comes from nginx's own address; the reader's is the last entry nginx appended to
X-Forwarded-For. settings.TRUSTED_PROXY_COUNT says how many proxies of ours stand in front (0: none,
as with `make run`; 1 in production behind deploy/nginx): entries further left were written by the
client and are never believed."""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # not through our proxies (a direct connection to the application)
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
