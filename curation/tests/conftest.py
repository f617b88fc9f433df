import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

SEED_FIXTURES = [settings.BASE_DIR / "fixtures" / "catalogue.json", settings.BASE_DIR / "fixtures" / "curation.json"]
SEED_LIST_SLUG = "soviet-factory-films"


def load_seed():
    call_command("loaddata", *map(str, SEED_FIXTURES), verbosity=0)


@pytest.fixture
def seed(db):
    load_seed()


@pytest.fixture
def editor(db):
    """The editor `make run` creates: staff, in the editors' group, not a superuser."""
    call_command("ensure_editor", stdout=io.StringIO())
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
