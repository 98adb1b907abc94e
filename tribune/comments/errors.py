"""Why a comment was refused: a stable `code` for the API and a message in the reader's language."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _


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
