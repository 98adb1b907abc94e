"""Demo readers and a few conversations under the newest articles of each language, and the desk's
demo: a moderator, and comments waiting for them (held by the house rules, reported, appealed)."""

from contextlib import contextmanager

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tribune.core import snapshots

from . import services, text
from .models import Comment, CommentSettings, Decision, Status
from .screening import SETTINGS_SNAPSHOT

# The demo readers sign in with these addresses and the password below (see the README).
DEMO_READER_PASSWORD = "tribune-reader"  # noqa: S105 - demo accounts only
READERS = [
    ("anahit@tribune.example", "Անահիտ Մ.", "hy"),
    ("sergei@tribune.example", "Сергей К.", "ru"),
    ("mark@tribune.example", "Mark T.", "en"),
]

CONVERSATIONS = {
    "en": [
        (
            "mark@tribune.example",
            "Good to see this covered in detail. Will there be a follow-up once the figures are final?",
        ),
        (
            "anahit@tribune.example",
            "The numbers in the third paragraph are the interesting part; thank you for including them.",
        ),
    ],
    "ru": [
        ("sergei@tribune.example", "Спасибо за подробный материал. Интересно, как это скажется на регионах."),
        ("mark@tribune.example", "Хороший вопрос — в статье об этом пока ничего нет."),
    ],
    "hy": [
        (
            "anahit@tribune.example",
            "Շնորհակալություն մանրամասն նյութի համար։ Հետաքրքիր է՝ ինչ կլինի մարզերում։",
        ),
        ("sergei@tribune.example", "Համաձայն եմ, սպասում ենք շարունակությանը։"),
    ],
}


def seed_comments(*, house_rules, articles):
    """Readers, the house rules page in the comment settings, and a short conversation (a comment and
    a reply) under the three newest articles of each language. Returns the number of comments."""
    CommentSettings.objects.update_or_create(
        site_id=house_rules.get_site().pk, defaults={"rules_page": house_rules}
    )
    users = {email: _reader(email, name, language) for email, name, language in READERS}
    created = 0
    for language, lines in CONVERSATIONS.items():
        newest = sorted(
            (page for (key, code), page in articles.items() if code == language),
            key=lambda page: page.published_at,
            reverse=True,
        )[:3]
        for article in newest:
            parent = None
            for email, words in lines:
                parent = _published(article, users[email], words, parent)
                created += 1
    return created + seed_desk(articles=articles)


def _reader(email, name, language, password=DEMO_READER_PASSWORD, username=None, **fields):
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(
            username=username or email.split("@")[0], email=email, password=password, **fields
        )
        user.display_name, user.language = name, language
        user.save(update_fields=["display_name", "language"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _published(article, author, words, parent):
    cleaned = text.normalize(words)
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        root=parent,
        depth=1 if parent else 0,
        status=Status.PUBLISHED,
        text=cleaned,
        html=text.render(cleaned),
        language=article.locale.language_code,
    )
    Decision.objects.create(
        comment=comment, action=Decision.Action.SUBMIT, to_status=Status.PUBLISHED, details={"demo": True}
    )
    if parent:
        Comment.objects.filter(pk=parent.pk).update(reply_count=parent.reply_count + 1)
        parent.reply_count += 1
    return comment


# The desk's demo --------------------------------------------------------------------------------

UNLIMITED = 32767  # the largest value of a rate-limit setting
DEMO_MODERATOR_PASSWORD = "tribune-moderator"  # noqa: S105 - demo account only
DESK_READERS = [
    ("gevorg@tribune.example", "Գևորգ Ս.", "hy"),
    ("oleg@tribune.example", "Олег В.", "ru"),
    ("roofs@tribune.example", "Roof Masters", "en"),
]
# (language, author, text): each breaks a house rule; the reader sends it anyway and it is held.
HELD = [
    ("hy", "gevorg@tribune.example", "Հեղինակը ապուշ է, ոչինչ չի հասկանում այս թեմայից։"),
    ("ru", "oleg@tribune.example", "Опять эти депутаты, бл*дь, ничего не меняется."),
    (
        "en",
        "roofs@tribune.example",
        "For anyone affected: our firm fixes roofs quickly, phone +374 91 555 123.",
    ),
]
REPORTED = (
    "en",
    "mark@tribune.example",
    "Off topic, but does anyone know when the summer timetable for the city buses comes out?",
    "anahit@tribune.example",
    "off_topic",
    "Nothing to do with the article.",
)
APPEALED = (
    "ru",
    "sergei@tribune.example",
    "Автор — клоун, а редакция вместе с ним.",
    "abusive",
    "Переход на личности.",
    "Я критиковал работу, а не человека. Прошу пересмотреть решение.",
)


def seed_desk(*, articles):
    """The demo moderator, and work for the desk under the fourth-newest article of each language,
    made through the services so that every Decision is real: a comment held by the house rules in
    each language, a reported comment, and a rejected comment whose author appealed. Returns the
    number of comments made (0 when they exist already)."""
    moderator = _reader(
        "moderator@tribune.example",
        "Lilit A.",
        "hy",
        password=DEMO_MODERATOR_PASSWORD,
        username="moderator",
        is_staff=True,
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    readers = {email: _reader(email, name, language) for email, name, language in DESK_READERS}
    readers.update({email: _reader(email, name, language) for email, name, language in READERS})
    if Comment.objects.filter(author__in=[readers[email] for email, _n, _l in DESK_READERS]).exists():
        return 0
    desk_articles = {}
    for language in ("en", "ru", "hy"):
        newest = sorted(
            (page for (key, code), page in articles.items() if code == language),
            key=lambda page: page.published_at,
            reverse=True,
        )
        desk_articles[language] = newest[min(3, len(newest) - 1)]
    with _no_rate_limits():
        _desk_comments(readers, moderator, desk_articles)
    return len(HELD) + 2


@contextmanager
def _no_rate_limits():
    """The demo posts several comments a second: the site's rate limits (kept in a cache that
    other processes may share) are lifted while it does, and put back after."""
    limits = ("min_seconds_between_comments", "comments_per_hour", "reports_per_hour")
    config = services.comment_settings()
    saved = {name: getattr(config, name) for name in limits}
    CommentSettings.objects.filter(pk=config.pk).update(
        min_seconds_between_comments=0, comments_per_hour=UNLIMITED, reports_per_hour=UNLIMITED
    )
    snapshots.invalidate(SETTINGS_SNAPSHOT)
    try:
        yield
    finally:
        CommentSettings.objects.filter(pk=config.pk).update(**saved)
        snapshots.invalidate(SETTINGS_SNAPSHOT)


def _desk_comments(readers, moderator, articles):
    def submit(language, email, words):
        return services.comment_submit(
            author=readers[email], article=articles[language], text_raw=words, acknowledge_rules=True
        )

    for language, email, words in HELD:
        submit(language, email, words)
    language, email, words, reporter, reason, note = REPORTED
    reported = submit(language, email, words)
    services.comment_report(comment=reported, reporter=readers[reporter], reason=reason, note=note)
    language, email, words, reason, note, appeal = APPEALED
    rejected = submit(language, email, words)
    services.comment_moderate(
        comment_id=rejected.pk, moderator=moderator, action=services.REJECT, reason=reason, note=note
    )
    rejected.refresh_from_db()
    services.comment_appeal(comment=rejected, author=readers[email], text_raw=appeal)
    # An editor's pick in each language, for the home pages: the opening comment of the demo
    # conversation under the first of its articles.
    for language in articles:
        opening = (
            Comment.objects.filter(
                article__locale__language_code=language,
                depth=0,
                status=Status.PUBLISHED,
                reply_count__gt=0,
                author__email__in=[email for email, _name, _language in READERS],
            )
            .order_by("article_id", "pk")
            .first()
        )
        if opening is not None:
            services.comment_moderate(comment_id=opening.pk, moderator=moderator, action=services.FEATURE)
