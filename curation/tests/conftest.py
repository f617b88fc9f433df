import pytest
from django.conf import settings
from django.core.management import call_command

SEED_FIXTURES = [settings.BASE_DIR / "fixtures" / "catalogue.json", settings.BASE_DIR / "fixtures" / "curation.json"]
SEED_LIST_SLUG = "soviet-factory-films"


def load_seed():
    call_command("loaddata", *map(str, SEED_FIXTURES), verbosity=0)


@pytest.fixture
def seed(db):
    load_seed()
