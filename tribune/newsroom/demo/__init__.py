"""The demo newsroom's content, written for Tribune: fictional stories of an agency in Yerevan."""

from .pages import ABOUT, AGENCY_DATELINE, CREDITS, HOUSE_RULES, SECTIONS
from .stories_a import ARTICLES as _STORIES_A
from .stories_b import ARTICLES as _STORIES_B
from .stories_c import ARTICLES as _STORIES_C
from .stories_d import ARTICLES as _STORIES_D

ARTICLES = [*_STORIES_A, *_STORIES_B, *_STORIES_C, *_STORIES_D]

__all__ = ["ABOUT", "AGENCY_DATELINE", "ARTICLES", "CREDITS", "HOUSE_RULES", "SECTIONS"]
