from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tribune.accounts"
    label = "accounts"
    verbose_name = _("Readers' accounts")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from tribune.core.snapshots import invalidator

        from .models import Sanction, User
        from .selectors import SANCTIONS_SNAPSHOT
        from .tokens import TOKENS_SNAPSHOT, AccessToken

        # The copies that every comment reads (tribune/core/snapshots.py) go stale with their rows.
        for kind, senders in ((TOKENS_SNAPSHOT, (AccessToken, User)), (SANCTIONS_SNAPSHOT, (Sanction,))):
            receiver = invalidator(kind)
            for sender in senders:
                post_save.connect(receiver, sender=sender, weak=False)
                post_delete.connect(receiver, sender=sender, weak=False)
