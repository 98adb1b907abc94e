"""Fills the thread of the newest live English article of a throwaway site with 200 published
comments, all of them on the article page's first page of the thread: 20 top-level comments (the
page shows 20), each with 9 replies on the three levels the thread shows (4 answers to it, 3
answers to its first answer, 2 answers to the first of those, which attach beside it with "in reply
to"). 20 readers write them in turn.

Run by bench/article.sh with `manage.py shell -c "exec(open(path).read())"`; prints the article's
path as ARTICLE_PATH=…. Rows are written directly (like the demo's seed), not through
`comments.services.submit_comment`: the benchmark measures reading the page, not the house rules."""

import datetime
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tribune.comments import events, text
from tribune.comments.models import Comment, Status
from tribune.newsroom.models import ArticlePage

ROOTS = 20
READERS = 20
WORDS = (
    "The figures in the third paragraph deserve a follow-up once the ministry publishes the final "
    "numbers; until then it is hard to judge whether the change helps the regions or only the capital."
)

article = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-published_at").first()
User = get_user_model()
readers = []
for n in range(READERS):
    user, _created = User.objects.get_or_create(
        username=f"bench-reader-{n}", defaults={"email": f"bench-reader-{n}@example.invalid"}
    )
    user.display_name = f"Bench reader {n}"
    user.save(update_fields=["display_name"])
    readers.append(user)

start = timezone.now() - datetime.timedelta(days=1)
made = 0


def add(parent=None, in_reply_to=None):
    global made
    made += 1
    words = f"{WORDS} (comment {made})"
    cleaned = text.normalize(words)
    return Comment.objects.create(
        article=article,
        author=readers[made % READERS],
        parent=parent,
        root=(parent.root or parent) if parent else None,
        in_reply_to=in_reply_to,
        depth=parent.depth + 1 if parent else 0,
        status=Status.PUBLISHED,
        text=cleaned,
        html=text.render(cleaned),
        language="en",
    )


with transaction.atomic():
    Comment.objects.filter(article=article).delete()
    for _ in range(ROOTS):
        root = add()
        first = None
        for _ in range(4):
            reply = add(root)
            first = first or reply
        second = None
        for _ in range(3):
            reply = add(first)
            second = second or reply
        for _ in range(2):
            add(second.parent, in_reply_to=second)  # deeper answers attach beside the last level
        Comment.objects.filter(pk=root.pk).update(reply_count=9)
    events.thread_changed(article.pk)

# created_at is auto_now_add: spread the times as a real thread would have them.
for offset, pk in enumerate(
    Comment.objects.filter(article=article).order_by("pk").values_list("pk", flat=True)
):
    Comment.objects.filter(pk=pk).update(created_at=start + datetime.timedelta(minutes=offset))

published = Comment.objects.filter(article=article, status=Status.PUBLISHED).count()
if published != ROOTS * 10:
    raise SystemExit(f"{published} published comments, not {ROOTS * 10}")
print("ARTICLE_PATH=" + urlsplit(article.get_url()).path)
