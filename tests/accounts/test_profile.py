import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def reader(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def anahit(client):
    user = reader("anahit@tribune.example")
    client.force_login(user)
    return user


def test_the_account_page_needs_a_signed_in_reader(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("language", ["en", "ru", "hy"])
def test_the_account_page_has_everything_a_reader_manages(client, anahit, language):
    response = client.get(f"/{language}/accounts/profile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="display_name"' in html and 'value="Անահիտ Մ."' in html
    assert 'name="language"' in html
    assert f'href="/{language}/accounts/password/change/"' in html
    assert f'href="/{language}/accounts/email/"' in html
    assert f'action="/{language}/accounts/export/"' in html
    assert f'href="/{language}/accounts/delete/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_reader_without_a_password_is_offered_to_set_one(client):
    user = get_user_model().objects.create_user(username="social", email="social@example.am")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    html = client.get("/en/accounts/profile/").content.decode()
    assert 'href="/en/accounts/password/set/"' in html
    assert "/accounts/password/change/" not in html


@pytest.mark.parametrize(
    ("email", "name", "language"),
    [
        ("anahit@tribune.example", "Անահիտ", "hy"),
        ("sergei@tribune.example", "Сергей", "ru"),
        ("mark@tribune.example", "Mark Twain-Smith", "en"),
    ],
)
def test_a_reader_changes_their_name_in_any_script_and_their_language(client, email, name, language):
    user = reader(email)
    client.force_login(user)
    response = client.post("/en/accounts/profile/", {"display_name": f"  {name}  ", "language": language})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    user.refresh_from_db()
    assert user.display_name == name
    assert user.public_name == name
    assert user.language == language
    page = client.get(response["Location"]).content.decode()
    assert name in page


def test_the_new_name_shows_in_the_masthead_with_a_link_to_the_account_page(client, anahit):
    client.post("/en/accounts/profile/", {"display_name": "Անահիտ", "language": "en"})
    html = client.get("/en/accounts/profile/").content.decode()
    assert '<span class="account-name">Անահիտ</span>' in html
    assert '<a href="/en/accounts/profile/">Your account</a>' in html


@pytest.mark.parametrize("bad_name", ["", "   ", "...", "—!?"])
def test_a_name_needs_a_letter_or_digit(client, anahit, bad_name):
    response = client.post("/en/accounts/profile/", {"display_name": bad_name, "language": "hy"})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    anahit.refresh_from_db()
    assert anahit.display_name == "Անահիտ Մ."


def test_names_are_at_most_sixty_characters(client, anahit):
    response = client.post("/en/accounts/profile/", {"display_name": "Ա" * 61, "language": "hy"})
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors


def test_only_the_sites_languages_can_be_chosen(client, anahit):
    response = client.post("/en/accounts/profile/", {"display_name": "Անահիտ", "language": "de"})
    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    anahit.refresh_from_db()
    assert anahit.language == "hy"


def test_the_form_changes_nothing_but_name_and_language(client, anahit):
    client.post(
        "/en/accounts/profile/",
        {"display_name": "Անահիտ", "language": "ru", "email": "x@evil.example", "is_staff": "on"},
    )
    anahit.refresh_from_db()
    assert anahit.email == "anahit@tribune.example"
    assert not anahit.is_staff
