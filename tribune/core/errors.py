"""The page for a request that failed on our side. When the database is away (PostgreSQL restarting,
a failover), the answer is 503 with Retry-After: the reader's browser, nginx and monitoring all know
it is temporary; connections are checked before reuse (conn_health_checks), so the next request after
the database returns is served normally. The pages are self-contained: no query, no cache."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 5


def database_unavailable(error):
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    error = sys.exc_info()[1]
    if database_unavailable(error):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
