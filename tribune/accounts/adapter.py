from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return f"/{translation.get_language() or 'en'}/"


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        """A reader who signs in with Facebook, Google or OpenID Connect keeps the name they have
        there, in whatever script it is written."""
        user = super().populate_user(request, sociallogin, data)
        name = (
            " ".join(part for part in (data.get("first_name"), data.get("last_name")) if part)
            or data.get("name")
            or ""
        )
        user.display_name = name[:60]
        user.language = translation.get_language() or "en"
        return user
