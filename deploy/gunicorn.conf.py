"""gunicorn for Tribune: `gunicorn -c deploy/gunicorn.conf.py tribune.wsgi:application`.

Every setting can be changed from the environment (the systemd unit reads /etc/tribune/tribune.env).
Sync workers: a page costs CPU (templates), not waiting, so one process per request in flight and a
few more processes than cores is the right shape; scale out with more machines behind nginx."""

import multiprocessing
import os
import time

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (with jitter, so they do not all restart at once):
# a slow leak in a library never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# nginx on this machine sets X-Forwarded-Proto; trust it from loopback only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Tribune logs every request itself, with its request id (tribune.request); gunicorn's access log
# would repeat it.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "tribune-web")
# Application code is loaded in each worker after fork: database connections, Redis clients and the
# house-rules models are never shared between processes.
preload_app = False
# gunicorn 25+ opens a control socket; two instances on one machine would share its default path.
control_socket_disable = True


def post_worker_init(worker):
    """What the house-rules engine loads on first use (its lexicons and models, tens of
    milliseconds) is loaded before a worker takes its first request, so that the first comment after
    a start or a restart (max_requests) does not wait for it."""
    from tribune.houserules import warm_up

    started = time.monotonic()
    languages = warm_up()
    worker.log.info(
        "house-rules engine ready (%s) in %.2f s", ", ".join(languages), time.monotonic() - started
    )


def child_exit(server, worker):
    """A worker that exits is marked dead for the multiprocess metrics (its live gauges go)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from tribune.core.metrics import child_exit as mark_dead

        mark_dead(server, worker)
