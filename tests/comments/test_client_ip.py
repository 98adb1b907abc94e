"""Whose address the rate limits count: behind our proxy, the reader's (the last entry the proxy
appended to X-Forwarded-For), never an address the client wrote itself."""

import pytest
from django.test import RequestFactory, override_settings

from tribune.core.client import client_ip


def request(remote="127.0.0.1", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/en/comments/1/write/", **headers)


def test_without_a_proxy_the_connection_is_the_reader():
    assert client_ip(request("203.0.113.9", forwarded="198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize(
    ("forwarded", "reader"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("10.9.9.9, 198.51.100.7", "198.51.100.7"),  # the first entry is the client's own claim
        (" 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_the_last_forwarded_address_is_the_reader(forwarded, reader):
    assert client_ip(request(forwarded=forwarded)) == reader


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", "198.51.100.7, <script>"])
def test_a_missing_or_forged_header_falls_back_to_the_connection(forwarded):
    assert client_ip(request("192.0.2.44", forwarded=forwarded)) == "192.0.2.44"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_proxies_in_front():
    assert client_ip(request(forwarded="6.6.6.6, 198.51.100.7, 10.0.0.2")) == "198.51.100.7"
    assert client_ip(request("192.0.2.44", forwarded="10.0.0.2")) == "192.0.2.44"


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_two_readers_behind_the_proxy_each_have_their_own_cooldown(article, reader, second_reader):
    from django.test import Client

    from tribune.comments.models import Comment

    for user, address in ((reader, "198.51.100.7"), (second_reader, "198.51.100.8")):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)
        client.force_login(user)
        response = client.post(f"/en/comments/{article.pk}/write/", {"text": "A fair comment on the budget."})
        assert response.status_code == 302, response.content.decode()[:300]
    stored = Comment.objects.filter(author__in=[reader, second_reader]).values_list("ip_address", flat=True)
    assert sorted(stored) == ["198.51.100.7", "198.51.100.8"]
