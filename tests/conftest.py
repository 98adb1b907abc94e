"""The suite runs against the demo newsroom, seeded once per test database by `seed_demo` itself;
each test runs in a transaction that is rolled back, so the demo stays as seeded."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from tribune.core import snapshots

    cache.clear()
    snapshots.forget_local()
    yield
    cache.clear()
    snapshots.forget_local()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request through the test client leaves
    the language of its page active, and texts of the next test would come out in it."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
