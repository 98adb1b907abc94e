"""What the masthead shows a signed-in reader about their account. Anonymous readers get cached
pages: nothing here runs for them (base.html asks only when the reader is signed in)."""

from django import template

from tribune.accounts.selectors import unread_notices

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notice_count(context):
    """How many of the signed-in reader's notices they have not read: one query."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    return unread_notices(user)
