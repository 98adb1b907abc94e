import re

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

LANGUAGE_PREFIX_SHAPE = re.compile(r"^/[a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?(?:/|$)")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a path which already starts with something shaped like a language code
    (`/de/…`, `/pt-br/…`) that the site does not publish in is a 404, not a redirect to `/en/de/…`."""

    def process_response(self, request, response):
        if response.status_code == 404 and LANGUAGE_PREFIX_SHAPE.match(request.path_info):
            return response
        return super().process_response(request, response)
