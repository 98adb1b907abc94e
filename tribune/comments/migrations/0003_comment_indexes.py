import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_moderation"),
        ("newsroom", "0004_article_search_entry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The latest published comments of a thread (the off-topic rule's context), first; then the
        # single-column indexes that an index of Meta already leads go.
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["article", "status", "-created_at"], name="comment_recent_idx"),
        ),
        migrations.AlterField(
            model_name="comment",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="newsroom.articlepage",
                verbose_name="article",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="author",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="Empty when the author deleted their account and chose to keep their comments.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="comments",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="root",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="The top-level comment of the conversation; empty for a top-level comment.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="descendants",
                to="comments.comment",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "pending"),
                    ("published", "published"),
                    ("held", "held for review"),
                    ("rejected", "rejected"),
                    ("deleted", "deleted"),
                ],
                max_length=16,
                verbose_name="status",
            ),
        ),
    ]
