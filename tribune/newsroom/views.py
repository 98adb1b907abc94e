"""The newsroom's few plain views; pages themselves are served by Wagtail."""

from django.http import Http404, HttpResponse, HttpResponseNotFound, HttpResponsePermanentRedirect
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import selectors


def armenian_redirect(request, rest=None):
    """`/am/...` → `/hy/...`, keeping the rest of the path and the query string."""
    target = "/hy" + (rest or "/")
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /reads/",
        *(f"Disallow: /{code}/search/" for code in ("en", "ru", "hy")),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@csrf_exempt  # a counter with no effect beyond itself; cached pages carry no token
@require_POST
def record_read(request, article_id):
    """The beacon behind "Most read": one POST per browser per article, sent by the page's script."""
    if not selectors.record_read(article_id):
        raise Http404
    return HttpResponse(status=204)


def page_not_found(request, exception=None):
    """The 404 page, in the language of the path the reader asked for."""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))
