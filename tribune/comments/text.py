"""A comment's text: cleaned of invisible tricks, checked for length, and rendered as safe HTML
(paragraphs, line breaks and links with rel="nofollow ugc"; nothing else survives)."""

import re
import unicodedata

import nh3
from django.utils.html import escape, urlize

# Zero-width characters, bidirectional overrides and isolates: invisible, and used to hide words
# from moderators or to turn text around. Joiners inside emoji sequences (U+200D) are kept.
INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
BLANK_LINES = re.compile(r"\n\s*\n+")
ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def normalize(text):
    """NFC, Unix line ends, no invisible or control characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(INVISIBLE)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def length(text):
    """Length as readers count it: characters (code points) of the normalized text."""
    return len(text)


def render(text):
    """Safe HTML of a normalized text."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        linked = urlize(escape(paragraph), nofollow=False, autoescape=False)
        paragraphs.append("<p>" + linked.replace("\n", "<br>") + "</p>")
    return nh3.clean(
        "".join(paragraphs),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
