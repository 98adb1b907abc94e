"""Social sign-in with the real protocol: allauth's `openid_connect` provider against a small OpenID
Connect provider on loopback (tests/accounts/oidc_provider.py). The browser's part is played by the
Django test client and urllib; allauth itself calls /token, /userinfo and the discovery document over
real HTTP."""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers import registry
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory, override_settings
from django.urls import include, path

from tribune import urls as tribune_urls
from tribune.settings import base as base_settings

from .oidc_provider import OIDCProvider

OIDC_APP = "allauth.socialaccount.providers.openid_connect"
CLIENT_ID, CLIENT_SECRET, PROVIDER_ID = "tribune-test", "loopback-secret", "loopback"
ARAM = {
    "sub": "aram-0042",
    "name": "Արամ Պետրոսյան",
    "given_name": "Արամ",
    "family_name": "Պետրոսյան",
    "preferred_username": "aram",
    "email": "aram@example.am",
    "email_verified": True,
    "locale": "hy",
}

# Used as ROOT_URLCONF when settings do not install the openid_connect provider app (it is only
# installed when OIDC_* variables are in the environment): its URLs first, then the site's.
urlpatterns = [
    *i18n_patterns(
        path("accounts/", include("allauth.socialaccount.providers.openid_connect.urls")),
        prefix_default_language=True,
    ),
    *tribune_urls.urlpatterns,
]


@pytest.fixture
def signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def no_proxy(monkeypatch):
    """Loopback must never go through a proxy the environment may name."""
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def oidc_routes():
    """allauth's openid_connect provider registered and routed, whatever the environment."""
    if OIDC_APP in settings.INSTALLED_APPS:
        yield
        return
    added = registry.get_class(OpenIDConnectProvider.id) is None
    if added:
        registry.register(OpenIDConnectProvider)
    try:
        with override_settings(ROOT_URLCONF=__name__):
            yield
    finally:
        if added:
            registry.provider_map.pop(OpenIDConnectProvider.id, None)


@pytest.fixture
def provider(signing_key, no_proxy):
    with OIDCProvider(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, signing_key=signing_key, claims=ARAM
    ) as running:
        yield running


def _providers_setting(provider):
    return {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": PROVIDER_ID,
                    "name": "Loopback ID",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": provider.url, "oauth_pkce_enabled": True},
                }
            ]
        }
    }


@pytest.fixture
def configured(provider, oidc_routes):
    with override_settings(SOCIALACCOUNT_PROVIDERS=_providers_setting(provider)):
        yield provider


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _visit_provider(url):
    """The browser at the provider: returns where it sends the reader back (a 302's Location)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            raise AssertionError(f"the provider answered {response.status}, not a redirect")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302, redirect.read()
        return redirect.headers["Location"]


def _sign_in_with_provider(client, provider, next_url="/hy/"):
    start = client.post(f"/hy/accounts/oidc/{PROVIDER_ID}/login/", {"process": "login", "next": next_url})
    assert start.status_code == 302, start.content[:500]
    authorize = start["Location"]
    assert authorize.startswith(f"{provider.url}/authorize?")
    params = {k: v[0] for k, v in parse_qs(urlsplit(authorize).query).items()}
    assert params["client_id"] == CLIENT_ID
    assert params["redirect_uri"] == f"http://testserver/hy/accounts/oidc/{PROVIDER_ID}/login/callback/"
    assert set(params["scope"].split()) >= {"openid", "profile", "email"}
    assert params["code_challenge_method"] == "S256"

    back = urlsplit(_visit_provider(authorize))
    assert f"{back.scheme}://{back.netloc}{back.path}" == params["redirect_uri"]
    returned = parse_qs(back.query)
    assert returned["state"] == [params["state"]] and returned["code"]
    return client.get(back.path, {"code": returned["code"][0], "state": returned["state"][0]})


@pytest.mark.django_db
def test_openid_connect_sign_in_creates_a_reader_with_the_providers_armenian_name(client, configured):
    provider = configured
    user_model = get_user_model()
    assert not user_model.objects.filter(email=ARAM["email"]).exists()

    done = _sign_in_with_provider(client, provider)

    assert done.status_code == 302, done.content[:1000]
    assert done["Location"] == "/hy/"
    # allauth itself talked to the provider over loopback HTTP.
    assert "/.well-known/openid-configuration" in provider.paths_requested("GET")
    assert provider.paths_requested("POST") == ["/token"]
    assert "/userinfo" in provider.paths_requested("GET")
    assert provider.codes == {}  # the code was spent

    user = user_model.objects.get(email=ARAM["email"])
    assert user.display_name == "Արամ Պետրոսյան"
    assert user.public_name == "Արամ Պետրոսյան"
    assert user.language == "hy"
    assert not user.has_usable_password()
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == (PROVIDER_ID, ARAM["sub"])
    assert EmailAddress.objects.filter(user=user, email=ARAM["email"], verified=True, primary=True).exists()

    # ...and is signed in.
    assert client.session["_auth_user_id"] == str(user.pk)
    page = client.get("/hy/accounts/profile/")
    assert page.status_code == 200
    assert "Արամ Պետրոսյան" in page.content.decode()


@pytest.mark.django_db
def test_a_second_sign_in_finds_the_same_reader(client, configured):
    _sign_in_with_provider(client, configured)
    client.logout()
    again = _sign_in_with_provider(client, configured)
    assert again.status_code == 302
    assert get_user_model().objects.filter(email=ARAM["email"]).count() == 1
    assert SocialAccount.objects.filter(uid=ARAM["sub"]).count() == 1
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email=ARAM["email"]).pk)


@pytest.mark.django_db
def test_an_unverified_address_from_the_provider_must_be_verified_first(client, configured):
    configured.claims["email_verified"] = False

    done = _sign_in_with_provider(client, configured)

    user = get_user_model().objects.get(email=ARAM["email"])
    assert user.display_name == "Արամ Պետրոսյան"
    assert "_auth_user_id" not in client.session  # mandatory verification holds for social sign-up too
    assert done.status_code == 302 and "confirm-email" in done["Location"]
    assert [m.to for m in mail.outbox] == [[ARAM["email"]]]


@pytest.mark.django_db
def test_a_forged_state_is_refused(client, configured):
    start = client.post(f"/en/accounts/oidc/{PROVIDER_ID}/login/", {"process": "login"})
    back = urlsplit(_visit_provider(start["Location"]))
    code = parse_qs(back.query)["code"][0]
    refused = client.get(back.path, {"code": code, "state": "forged"})
    assert refused.status_code == 401
    assert "Third-Party Login Failure" in refused.content.decode()
    assert "/token" not in configured.paths_requested()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_id_token_is_signed_rs256_and_verifies_against_the_jwks(configured, signing_key):
    provider = configured
    token = provider.id_token()
    claims = jwtkit.verify_and_decode(
        credential=token,
        keys_url=f"{provider.url}/jwks",
        issuer=provider.url,
        audience=CLIENT_ID,
        lookup_kid=jwtkit.lookup_kid_jwk,
    )
    assert claims["name"] == "Արամ Պետրոսյան"
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(OAuth2Error):
        jwtkit.verify_and_decode(
            credential=provider.id_token(key=other_key),
            keys_url=f"{provider.url}/jwks",
            issuer=provider.url,
            audience=CLIENT_ID,
            lookup_kid=jwtkit.lookup_kid_jwk,
        )


@pytest.mark.django_db
def test_the_configured_provider_is_offered_on_the_sign_in_page(client, configured):
    page = client.get("/en/accounts/login/")
    html = page.content.decode()
    assert "Or use a third-party" in html
    assert 'title="Loopback ID"' in html
    assert f"/en/accounts/oidc/{PROVIDER_ID}/login/?process=login" in html


# Without credentials -------------------------------------------------------------------------------

PROVIDER_VARIABLES = (
    "FACEBOOK_CLIENT_ID",
    "FACEBOOK_SECRET",
    "GOOGLE_CLIENT_ID",
    "GOOGLE_SECRET",
    "OIDC_SERVER_URL",
    "OIDC_CLIENT_ID",
    "OIDC_SECRET",
    "OIDC_PROVIDER_ID",
    "OIDC_NAME",
)


def test_no_credentials_in_the_environment_configure_no_provider(monkeypatch):
    for name in PROVIDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert base_settings._social_providers() == {}
    monkeypatch.setenv("GOOGLE_CLIENT_ID", "id-only")  # half a credential is none
    monkeypatch.setenv("OIDC_SERVER_URL", "https://id.example")
    assert base_settings._social_providers() == {}


def test_credentials_in_the_environment_switch_providers_on(monkeypatch):
    for name in PROVIDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GOOGLE_CLIENT_ID", "g-id")
    monkeypatch.setenv("GOOGLE_SECRET", "g-secret")
    monkeypatch.setenv("OIDC_SERVER_URL", "https://id.example")
    monkeypatch.setenv("OIDC_CLIENT_ID", "o-id")
    providers = base_settings._social_providers()
    assert set(providers) == {"google", "openid_connect"}
    assert providers["openid_connect"]["APPS"][0]["settings"] == {"server_url": "https://id.example"}


@pytest.mark.django_db
def test_with_no_credentials_the_sign_in_page_offers_no_social_provider(client, monkeypatch, oidc_routes):
    """Even with the openid_connect provider app installed and routed (`oidc_routes`), as settings
    may always install it, no provider is offered until credentials configure one."""
    for name in PROVIDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with override_settings(SOCIALACCOUNT_PROVIDERS=base_settings._social_providers()):
        request = RequestFactory().get("/en/accounts/login/")
        assert get_social_adapter(request).list_providers(request) == []
        for language in ("en", "ru", "hy"):
            page = client.get(f"/{language}/accounts/login/")
            assert page.status_code == 200
            html = page.content.decode()
            assert 'name="password"' in html  # the email form is there...
            assert "Or use a third-party" not in html  # ...and nothing else
            assert "process=login" not in html
            for name in ("oidc", "google", "facebook", "3rdparty"):
                assert f"/accounts/{name}/" not in html
