"""
Exports import back whole: the whole catalogue, or chosen films, lists and
themes with every row their pages need, into an empty database.
"""

import json

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import Film, Poster, Still
from core.importing import import_fixtures
from core.tests.helpers import content_snapshot, empty_catalogue, image_upload, visible_text

from .conftest import SEED_LIST_SLUG

pytestmark = pytest.mark.django_db

MINERS = "the-miners-1937"


@pytest.fixture
def catalogue(seed, django_capture_on_commit_callbacks):
    """The seed, generated films beside it, and pictures: a poster and a still for The Miners."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("generate_catalogue", films=40, seed=5, verbosity=0)
        miners = Film.objects.get(slug=MINERS)
        Poster.objects.create(film=miners, image=image_upload(), alt_text="Miners at the pithead", source="Lenfilm")
        Still.objects.create(
            film=miners, image=image_upload("still.jpg", (900, 600)), alt_text="A shaft", source="Lenfilm"
        )


def export(tmp_path, **chosen):
    path = tmp_path / "export.json"
    call_command("export_fixtures", output=str(path), verbosity=0, **chosen)
    return path


def differences(before, after):
    """{row: {field: (before, after)}} for every row and field that differ (None for a missing row)."""
    changed = {}
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            changed[key] = (old, new)
        elif old != new:
            changed[key] = {
                name: (old.get(name), new.get(name)) for name in old | new if old.get(name) != new.get(name)
            }
    return changed


def import_into_an_empty_database(path, capture):
    empty_catalogue()
    with capture(execute=True):
        return import_fixtures(str(path))


def test_the_whole_catalogue_imports_into_an_empty_database_with_nothing_lost(
    tmp_path, catalogue, django_capture_on_commit_callbacks
):
    before = content_snapshot()
    path = export(tmp_path)

    result = import_into_an_empty_database(path, django_capture_on_commit_callbacks)

    assert result.created == len(before)
    assert differences(before, content_snapshot()) == {}


def test_an_export_names_rows_by_natural_key_only(tmp_path, catalogue):
    rows = json.loads(export(tmp_path).read_text(encoding="utf-8"))

    assert [row for row in rows if "pk" in row and row["model"] != "curation.themeredirect"] == []
    poster = next(row for row in rows if row["model"] == "catalogue.poster")
    assert poster["fields"]["film"] == [MINERS]


def test_loaddata_reads_an_export_too(tmp_path, catalogue):
    before = content_snapshot()
    path = export(tmp_path)
    empty_catalogue()

    call_command("loaddata", str(path), verbosity=0)

    after = {
        key: {name: value for name, value in fields.items() if name != "version"}
        for key, fields in content_snapshot(timestamps=False).items()
    }
    assert after == {
        # loaddata stamps the rows' times itself and starts every film and list at version 0.
        key: {name: value for name, value in fields.items() if name not in ("created_at", "updated_at", "version")}
        for key, fields in before.items()
    }


def test_a_film_exports_with_its_whole_page(tmp_path, client, catalogue, django_capture_on_commit_callbacks):
    before = {key: fields for key, fields in content_snapshot().items() if _on_the_miners_page(key, fields)}
    path = export(tmp_path, film=[MINERS])

    import_into_an_empty_database(path, django_capture_on_commit_callbacks)

    after = content_snapshot()
    assert differences(before, {key: fields for key, fields in after.items() if _on_the_miners_page(key, fields)}) == {}
    miners = Film.objects.get(slug=MINERS)
    # The films at the other end of its connections come with it, so its links lead somewhere.
    assert miners.influenced_by.count() == miners.influences.count() == 5
    assert client.get(miners.get_absolute_url()).status_code == 200


def _on_the_miners_page(key, fields):
    model, identity = key
    return (
        model == "catalogue.Film"
        and identity == (MINERS,)
        or [MINERS] in fields.values()
        or (identity[:1] == (MINERS,) and model.startswith("catalogue."))
    )


@pytest.mark.parametrize(
    ("chosen", "page"),
    [({"list": [SEED_LIST_SLUG]}, f"/lists/{SEED_LIST_SLUG}/"), ({"tag": ["coal mining"]}, "/themes/coal-mining/")],
    ids=["list", "theme"],
)
def test_a_list_or_a_theme_exports_with_everything_its_page_shows(
    tmp_path, client, catalogue, django_capture_on_commit_callbacks, chosen, page
):
    shown = visible_text(client.get(page))
    path = export(tmp_path, **chosen)

    import_into_an_empty_database(path, django_capture_on_commit_callbacks)

    assert visible_text(client.get(page)) == shown
    for link in _film_links(client.get(page)):
        assert client.get(link).status_code == 200


def _film_links(response):
    html = response.content.decode()
    return sorted(
        {"/films/" + part.split('"')[0] for part in html.split('href="/films/')[1:] if "/" in part.split('"')[0]}
    )


def test_exporting_something_that_does_not_exist_writes_nothing_and_says_what(tmp_path, catalogue):
    with pytest.raises(CommandError, match="Nothing was exported: No film “no-such-film”."):
        call_command("export_fixtures", output=str(tmp_path / "x.json"), film=["no-such-film"])

    assert not (tmp_path / "x.json").exists()
