"""Why a comment was refused: a stable `code` for the API and a message in the reader's language."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class CommentError(Exception):
    code = "invalid"
    status = 400
    message = _("This cannot be done.")

    def __init__(self, message=None, **params):
        self.params = params
        if message is not None:
            self.message = message
        super().__init__(str(self))

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


class EmptyComment(CommentError):
    code = "empty"
    message = _("Write something before you post.")


class CommentTooLong(CommentError):
    code = "too_long"
    message = _("A comment may have at most %(limit)s characters; this one has %(length)s.")


class ThreadClosed(CommentError):
    code = "thread_closed"
    status = 403
    message = _("Comments on this article are closed.")


class ArticleUnavailable(CommentError):
    code = "article_unavailable"
    status = 404
    message = _("This article is not published.")


class InvalidParent(CommentError):
    code = "invalid_parent"
    message = _("The comment you reply to is not in this thread, or no longer exists.")


class AccountRestricted(CommentError):
    code = "account_restricted"
    status = 403

    def __init__(self, standing):
        self.standing = standing
        if standing.until:
            message = _("Your account may not comment until %(until)s. Reason: %(reason)s")
            params = {
                "until": date_format(localtime(standing.until), "DATETIME_FORMAT"),
                "reason": standing.reason,
            }
        else:
            message = _("Your account may no longer comment. Reason: %(reason)s")
            params = {"reason": standing.reason}
        super().__init__(message, **params)


class RateLimited(CommentError):
    code = "rate_limited"
    status = 429
    message = _("You are posting too fast. Please wait %(seconds)s seconds and try again.")


class DuplicateComment(CommentError):
    code = "duplicate"
    status = 409
    message = _("You have just posted the same text.")


class NotAuthor(CommentError):
    code = "not_author"
    status = 403
    message = _("Only the author can change this comment.")


class EditWindowClosed(CommentError):
    code = "edit_window_closed"
    status = 403
    message = _("Comments can be edited for %(minutes)s minutes after posting.")


class CommentGone(CommentError):
    code = "comment_gone"
    status = 404
    message = _("This comment no longer exists.")


class AlreadyReported(CommentError):
    code = "already_reported"
    status = 409
    message = _("You have already reported this comment.")


class InvalidReason(CommentError):
    code = "invalid_reason"
    message = _("Choose one of the reasons.")


class WarningUnacknowledged(CommentError):
    code = "warning_unacknowledged"
    status = 403

    def __init__(self, standing):
        self.standing = standing
        super().__init__(
            _(
                "The editors have warned you. Acknowledge the warning on your notices page to comment "
                "again. Their reason: %(reason)s"
            ),
            reason=standing.warning.reason,
        )


class Nudge(CommentError):
    """The house rules would not publish this comment: the reader may edit it, or send it anyway
    (then it is held for a moderator, or rejected if it is near-certain advertising)."""

    code = "nudge"
    status = 409
    message = _(
        "Your comment may break the house rules. Edit it, or send it anyway for a moderator to decide."
    )

    def __init__(self, screening):
        self.screening = screening
        if screening.status == "rejected":  # near-certain advertising: no moderator would publish it
            super().__init__(
                _("Your comment breaks the house rules. Edit it: sent as it is, it will not be published.")
            )
        else:
            super().__init__()

    @property
    def rules(self):
        return list(self.screening.details.get("reasons", []))

    @property
    def findings(self):
        return [f for f in self.screening.details.get("findings", []) if f["rule"] in self.rules]

    @property
    def would_be(self):
        return self.screening.status


# The desk's refusals: the moderator reads them.


class NotModerator(CommentError):
    code = "not_moderator"
    status = 403
    message = _("Only moderators may decide comments.")


class LanguageNotAllowed(CommentError):
    code = "language_not_allowed"
    status = 403
    message = _("You moderate comments in other languages; this one is in %(language)s.")


class InvalidAction(CommentError):
    code = "invalid_action"
    message = _("Choose approve, reject, delete, restore or feature.")


class ReasonRequired(CommentError):
    code = "reason_required"
    message = _("Choose the rule the comment breaks.")


class NoteRequired(CommentError):
    code = "note_required"
    message = _("Say in a note what is wrong: the author will read it.")


class AlreadyDecided(CommentError):
    code = "already_decided"
    status = 409
    message = _("%(who)s has already decided this comment (%(action)s). Nothing was changed.")


class NotAllowedNow(CommentError):
    code = "not_allowed_now"
    status = 409
    message = _("This cannot be done to a comment that is %(status)s.")


class AppealNotAllowed(CommentError):
    code = "appeal_not_allowed"
    status = 403
    message = _("Only a comment a moderator rejected or removed can be appealed, by its author.")


class AppealClosed(CommentError):
    code = "appeal_closed"
    status = 403

    def __init__(self, days):
        super().__init__(
            ngettext(
                "Appeals are possible for %(days)s day after the decision; this time has passed.",
                "Appeals are possible for %(days)s days after the decision; this time has passed.",
                days,
            ),
            days=days,
        )


class EmptyAppeal(EmptyComment):
    message = _("Say why you think the decision was wrong.")


class AppealTooLong(CommentTooLong):
    message = _("An appeal may have at most %(limit)s characters; this one has %(length)s.")


class AlreadyAppealed(CommentError):
    code = "already_appealed"
    status = 409
    message = _("You have already appealed this decision; a comment can be appealed once.")


class AppealAlreadyDecided(CommentError):
    code = "appeal_already_decided"
    status = 409
    message = _("%(who)s has already decided this appeal. Its outcome is final.")
