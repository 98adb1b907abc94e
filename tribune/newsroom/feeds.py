"""RSS 2.0 and Atom feeds of a language's home page or of one section."""

from django.http import Http404


def feed_response(request, page, kind):
    """The feed of `page` (a HomePage: the whole language; a SectionPage: that section)."""
    raise Http404
