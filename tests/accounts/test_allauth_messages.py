"""tribune/accounts/allauth_messages.py must list allauth's texts exactly as allauth spells them, or
the project's translations would never be looked up."""

import ast
import re
from pathlib import Path

import allauth
import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from tribune.accounts import allauth_messages

MODULE = Path(allauth_messages.__file__)
ALLAUTH = Path(allauth.__file__).parent

# Every text allauth has in the pages, messages and emails readers meet, and in the forms and
# adapters behind them, must be listed...
READER_FILES = re.compile(
    r"^(templates/(account|socialaccount)/|account/(adapter|fields|forms)\.py$|socialaccount/adapter\.py$)"
)
# ...except where it is only used by features the site does not use: sign-in by code, phones,
# passkeys, changing the email address in place (ACCOUNT_CHANGE_EMAIL), signing in by username.
UNUSED_FEATURES = re.compile(
    r"(_code\.html|code_message|code_subject|login_code|phone|passkey|email_change\.html)"
)
UNUSED_MESSAGES = {
    "Sign in with a passkey",
    "Sign up using a passkey",
    "Your email verification code is listed below. Please enter it in your open browser window.",
    "Send me a sign-in code",
    "Use your password",
    "Use authenticator app or code",
    "Use a security key",
    "Phone",
    "Incorrect code.",
    "Username",
    "Username (optional)",
    "Username, email or phone",
    "Username or phone",
    "Email or phone",
    "Email (optional)",
    "Email (again)",
    "Email address confirmation",
    "You must type the same email each time.",
    "Code",
    "Username can not be used. Please use other username.",
    "The username and/or password you specified are not correct.",
    "Please select only one.",
    "The new value must be different from the current one.",
    "The phone number and/or password you specified are not correct.",
    "A user is already registered with this phone number.",
    "The phone number is not assigned to any user account.",
    "Enter a phone number including country code (e.g. +1 for the US).",
}


def listed():
    """(context, msgid) of every call in the module, read the way xgettext reads it."""
    entries = []
    for node in ast.walk(ast.parse(MODULE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [arg.value for arg in node.args]
            if node.func.id == "_":
                entries.append((None, *args))
            elif node.func.id == "pgettext_lazy":
                entries.append(tuple(args))
    return entries


@pytest.fixture(scope="module")
def allauth_catalogue():
    with (ALLAUTH / "locale" / "en" / "LC_MESSAGES" / "django.po").open("rb") as po:
        return {(m.context, m.id): m for m in read_po(po) if m.id}


def test_the_module_lists_its_entries_once_each():
    entries = listed()
    assert len(entries) > 100
    assert len(entries) == len(set(entries))
    assert len(allauth_messages.MESSAGES) == len(entries)


def test_every_entry_is_an_allauth_msgid_with_its_exact_context(allauth_catalogue):
    unknown = [entry for entry in listed() if entry not in allauth_catalogue]
    assert unknown == []
    assert ("field label", "Login") in listed()


def test_every_text_of_the_readers_pages_and_emails_is_listed(allauth_catalogue):
    entries = set(listed())
    missing = []
    for key, message in allauth_catalogue.items():
        if isinstance(message.id, tuple) or message.id in UNUSED_MESSAGES or key in entries:
            continue
        used = [
            location
            for location, _line in message.locations
            if READER_FILES.search(location) and not UNUSED_FEATURES.search(location)
        ]
        if used:
            missing.append((key, used))
    assert missing == []


def test_allauths_own_russian_covers_every_entry():
    """Russian comes from allauth's catalogue (the project may improve on it); Armenian from ours."""
    with translation.override("ru"):
        untranslated = [
            msgid
            for context, msgid in listed()
            if (translation.pgettext(context, msgid) if context else translation.gettext(msgid)) == msgid
        ]
    assert untranslated == []
