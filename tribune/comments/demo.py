"""Demo readers and a few conversations under the newest articles of each language."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from . import text
from .models import Comment, CommentSettings, Decision, Status

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
    users = {}
    user_model = get_user_model()
    for email, name, language in READERS:
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model.objects.create_user(
                username=email.split("@")[0], email=email, password=DEMO_READER_PASSWORD
            )
            user.display_name, user.language = name, language
            user.save(update_fields=["display_name", "language"])
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        users[email] = user
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
    return created


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
