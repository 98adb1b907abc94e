from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from tribune.api import api
from tribune.core import health, metrics_views
from tribune.newsroom import views as newsroom_views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics_views.metrics_view, name="metrics"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("robots.txt", newsroom_views.robots_txt, name="robots_txt"),
    path("reads/<int:article_id>/", newsroom_views.record_read, name="record_read"),
    # "am" is a country code, not a language: Armenian is "hy". Old or mistyped links are sent on.
    re_path(r"^am(?P<rest>/.*)?$", newsroom_views.armenian_redirect, name="am_redirect"),
    path("", include("tribune.newsroom.distribution_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("tribune.accounts.urls")),
    path("", include("tribune.comments.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "tribune.newsroom.views.page_not_found"
handler500 = "tribune.core.errors.server_error"
