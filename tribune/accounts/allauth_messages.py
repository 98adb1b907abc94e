"""allauth's texts that readers meet, listed so that `makemessages` puts them in the project's
catalogues. allauth ships Russian but no Armenian: the project's `hy` catalogue supplies it (and a
project translation wins over allauth's own in any language).

Every msgid and context here is copied exactly from django-allauth's templates and Python files:
sign-in, sign-up, email verification, password reset and change, email management, sign-out, the
third-party sign-in pages, the messages and emails those send, and the forms' error messages. The
comment above each group names the allauth file it comes from (under `allauth/templates/` for
templates). Texts of features the site does not use (sign-in by code, phones, passkeys, two-factor
authentication, changing the email in place) are left out. `tests/accounts/test_allauth_messages.py`
checks every entry against allauth's own catalogue, so an allauth upgrade that rewords one fails
there. Nothing imports this module at run time."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MESSAGES = [
    # account/adapter.py
    _("This account is currently inactive."),
    _("You cannot remove your primary email address."),
    _("This email address is already associated with this account."),
    _("The email address and/or password you specified are not correct."),
    _("A user is already registered with this email address."),
    _("Please type your current password."),
    _("Incorrect password."),
    _("Invalid or expired key."),
    _("Invalid login."),
    _("The password reset token was invalid."),
    _("You cannot add more than %d email addresses."),
    _("Too many failed login attempts. Try again later."),
    _("The email address is not assigned to any user account."),
    _("Your primary email address must be verified."),
    _("Be patient, you are sending too many requests."),
    # account/fields.py
    _("Email"),
    _("Email address"),
    _("Forgot your password?"),
    # account/forms.py
    _("You must type the same password each time."),
    _("Password"),
    _("Remember Me"),
    _("Password (again)"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    # Shown instead of "Email" if readers may ever sign in with a username too (ACCOUNT_LOGIN_METHODS).
    pgettext_lazy("field label", "Login"),
    _("Username or email"),
    # socialaccount/adapter.py
    _(
        "An account already exists with this email address. Please sign in to that account first, then connect your %s account."
    ),
    _("Invalid token."),
    _("Your account has no password set up."),
    _("Your account has no verified email address."),
    _("You cannot disconnect your last remaining third-party account."),
    _("The third-party account is already connected to a different account."),
    # account/account_inactive.html
    _("Account Inactive"),
    _("This account is inactive."),
    # account/base_reauthenticate.html
    _("Confirm Access"),
    _("Please reauthenticate to safeguard your account."),
    _("Alternative options"),
    # account/email.html
    _("Email Addresses"),
    _("The following email addresses are associated with your account:"),
    _("Verified"),
    _("Unverified"),
    _("Primary"),
    _("Make Primary"),
    _("Re-send Verification"),
    _("Remove"),
    _("Add Email Address"),
    _("Add Email"),
    _("Do you really want to remove the selected email address?"),
    # account/email/account_already_exists_message.txt
    _(
        "You are receiving this email because you or someone else tried to signup for an\n"
        "account using email address:\n"
        "\n"
        "%(email)s\n"
        "\n"
        "However, an account using that email address already exists.  In case you have\n"
        "forgotten about this, please use the password forgotten procedure to recover\n"
        "your account:\n"
        "\n"
        "%(password_reset_url)s"
    ),
    # account/email/account_already_exists_subject.txt
    _("Account Already Exists"),
    # account/email/base_message.txt
    _("Hello from %(site_name)s!"),
    _("Thank you for using %(site_name)s!\n%(site_domain)s"),
    # account/email/base_notification.txt
    _("You are receiving this mail because the following change was made to your account:"),
    _(
        "If you do not recognize this change then please take proper security precautions immediately. The change to your account originates from:\n"
        "\n"
        "- IP address: %(ip)s\n"
        "- Browser: %(user_agent)s\n"
        "- Date: %(timestamp)s"
    ),
    # account/email/email_changed_message.txt
    _("Your email has been changed from %(from_email)s to %(to_email)s."),
    # account/email/email_changed_subject.txt
    _("Email Changed"),
    # account/email/email_confirm_message.txt
    _("Your email has been confirmed."),
    # account/email/email_confirm_subject.txt
    _("Email Confirmation"),
    # account/email/email_confirmation_message.txt
    _(
        "You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s."
    ),
    _("To confirm this is correct, go to %(activate_url)s"),
    # account/email/email_confirmation_subject.txt
    _("Please Confirm Your Email Address"),
    # account/email/email_deleted_message.txt
    _("Email address %(deleted_email)s has been removed from your account."),
    # account/email/email_deleted_subject.txt
    _("Email Removed"),
    # account/email/password_changed_message.txt
    _("Your password has been changed."),
    # account/email/password_changed_subject.txt
    _("Password Changed"),
    # account/email/password_reset_key_message.txt
    _(
        "You're receiving this email because you or someone else has requested a password reset for your user account.\n"
        "It can be safely ignored if you did not request a password reset. Click the link below to reset your password."
    ),
    _("In case you forgot, your username is %(username)s."),
    # account/email/password_reset_key_subject.txt
    _("Password Reset Email"),
    # account/email/password_reset_message.txt
    _("Your password has been reset."),
    # account/email/password_reset_subject.txt
    _("Password Reset"),
    # account/email/password_set_message.txt
    _("Your password has been set."),
    # account/email/password_set_subject.txt
    _("Password Set"),
    # account/email/unknown_account_message.txt
    _("This mail can be safely ignored if you did not initiate this action."),
    _(
        "You are receiving this email because you, or someone else, tried to access an account with email %(email)s. However, we do not have any record of such an account in our database."
    ),
    _("If it was you, you can sign up for an account using the link below."),
    # account/email/unknown_account_subject.txt
    _("Unknown Account"),
    # account/email_confirm.html
    _("Confirm"),
    _("Confirm Email Address"),
    _(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    _("Unable to confirm %(email)s because it is already confirmed by a different account."),
    _(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    # account/login.html
    _("Sign In"),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    # account/logout.html
    _("Sign Out"),
    _("Are you sure you want to sign out?"),
    # account/messages/cannot_delete_primary_email.txt
    _("You cannot remove your primary email address (%(email)s)."),
    # account/messages/email_confirmation_sent.txt
    _("Confirmation email sent to %(email)s."),
    # account/messages/email_confirmed.txt
    _("You have confirmed %(email)s."),
    # account/messages/email_deleted.txt
    _("Removed email address %(email)s."),
    # account/messages/logged_in.txt
    _("Successfully signed in as %(name)s."),
    # account/messages/logged_out.txt
    _("You have signed out."),
    # account/messages/password_changed.txt
    _("Password successfully changed."),
    # account/messages/password_set.txt
    _("Password successfully set."),
    # account/messages/primary_email_set.txt
    _("Primary email address set."),
    # account/password_change.html
    _("Change Password"),
    # account/password_reset.html
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    _("Reset My Password"),
    _("Please contact us if you have any trouble resetting your password."),
    # account/password_reset_done.html
    _(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    # account/password_reset_from_key.html
    _("Bad Token"),
    _(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    _("Cancel"),
    # account/password_reset_from_key_done.html
    _("Your password is now changed."),
    # account/password_set.html
    _("Set Password"),
    # account/reauthenticate.html
    _("Enter your password:"),
    # account/signup.html
    _("Signup"),
    _("Sign Up"),
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    # account/signup_closed.html
    _("Sign Up Closed"),
    _("We are sorry, but the sign up is currently closed."),
    # account/snippets/already_logged_in.html
    _("Note"),
    _("You are already logged in as %(user_display)s."),
    # account/snippets/warn_no_email.html
    _("Warning:"),
    _(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),
    # account/verification_sent.html
    _("Verify Your Email Address"),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    # account/verified_email_required.html
    _(
        "This part of the site requires us to verify that\n"
        "you are who you claim to be. For this purpose, we require that you\n"
        "verify ownership of your email address. "
    ),
    _(
        "We have sent an email to you for\n"
        "verification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\n"
        "contact us if you do not receive it within a few minutes."
    ),
    _('<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'),
    # allauth/layouts/base.html
    _("Account Connections"),
    # socialaccount/authentication_error.html
    _("Third-Party Login Failure"),
    _("An error occurred while attempting to login via your third-party account."),
    # socialaccount/connections.html
    _("You can sign in to your account using any of the following third-party accounts:"),
    _("You currently have no third-party accounts connected to this account."),
    _("Add a Third-Party Account"),
    # socialaccount/email/account_connected_message.txt
    _("A third-party account from %(provider)s has been connected to your account."),
    # socialaccount/email/account_connected_subject.txt
    _("Third-Party Account Connected"),
    # socialaccount/email/account_disconnected_message.txt
    _("A third-party account from %(provider)s has been disconnected from your account."),
    # socialaccount/email/account_disconnected_subject.txt
    _("Third-Party Account Disconnected"),
    # socialaccount/login.html
    _("Continue"),
    _("Connect %(provider)s"),
    _("You are about to connect a new third-party account from %(provider)s."),
    _("Sign In Via %(provider)s"),
    _("You are about to sign in using a third-party account from %(provider)s."),
    # socialaccount/login_cancelled.html
    _("Login Cancelled"),
    _(
        'You decided to cancel logging in to our site using one of your existing accounts. If this was a mistake, please proceed to <a href="%(login_url)s">sign in</a>.'
    ),
    # socialaccount/messages/account_connected.txt
    _("The third-party account has been connected."),
    # socialaccount/messages/account_disconnected.txt
    _("The third-party account has been disconnected."),
    # socialaccount/signup.html
    _(
        "You are about to use your %(provider_name)s account to login to\n"
        "%(site_name)s. As a final step, please complete the following form:"
    ),
    # socialaccount/snippets/login.html
    _("Or use a third-party"),
]
