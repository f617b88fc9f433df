"""
A picture's files follow its row: renditions are made once it is saved;
replacing or deleting it removes its old file and renditions, and only once
the database change has committed.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from catalogue.models import Film, Poster, Still
from core.tests.helpers import admin_url, change_form_data, image_upload, stored_files

from .factories import make_film, make_poster, make_still

pytestmark = pytest.mark.django_db


@pytest.fixture
def miners():
    return make_film("The Miners", 1937, slug="the-miners-1937")


def files_of(picture):
    """The stored picture and its renditions."""
    stem = picture.image.name.rsplit(".", 1)[0]
    return [name for name in stored_files() if name == picture.image.name or name.startswith(f"renditions/{stem}/")]


def post_poster_form(client, film, **fields):
    data = change_form_data(client.get(admin_url(Film, "change", film.pk)), Film)
    data.update({f"poster-0-{name}": value for name, value in fields.items()})
    return client.post(admin_url(Film, "change", film.pk), data)


def test_a_saved_picture_gets_its_renditions_once_the_save_commits(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        poster = make_poster(miners, size=(480, 720))
    assert files_of(poster) == [poster.image.name]

    for callback in callbacks:
        callback()

    # Four widths, each in AVIF, WebP and JPEG.
    assert len(files_of(poster)) == 1 + 4 * 3
    assert {rendition.file.name for rendition in poster.renditions()} <= set(stored_files())


def test_renditions_are_made_once(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    made_at = {name: (poster.image.storage.get_modified_time(name)) for name in files_of(poster)}

    with django_capture_on_commit_callbacks(execute=True):
        poster.alt_text = "The poster: a miner raises his lamp over the pithead"
        poster.save()

    assert {name: poster.image.storage.get_modified_time(name) for name in files_of(poster)} == made_at


def test_replacing_the_poster_in_the_admin_removes_the_old_files_after_commit(
    editor_client, miners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        old = make_poster(miners)
    old_files = files_of(old)

    with django_capture_on_commit_callbacks() as callbacks:
        response = post_poster_form(editor_client, miners, image=image_upload("new-poster.png", (300, 450), "PNG"))
    assert response.status_code == 302
    assert set(old_files) <= set(stored_files())  # nothing is removed before the change commits

    for callback in callbacks:
        callback()

    new = Poster.objects.get(film=miners)
    assert new.image.name != old.image.name
    assert not set(old_files) & set(stored_files())
    assert stored_files() == sorted(files_of(new))


def test_removing_the_poster_in_the_admin_deletes_its_files(editor_client, miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_poster(miners)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_poster_form(editor_client, miners, DELETE="on")

    assert response.status_code == 302
    assert not Poster.objects.filter(film=miners).exists()
    assert stored_files() == []


def test_deleting_a_film_deletes_its_pictures_files(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_poster(miners)
        make_still(miners)
        make_still(miners)
    assert stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        miners.delete()

    assert stored_files() == []


def test_a_new_focal_point_remakes_the_crops_and_removes_the_old_ones(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        still = make_still(miners, size=(1000, 500))
    centred = set(files_of(still))

    with django_capture_on_commit_callbacks(execute=True):
        still.focal_x, still.focal_y = 10, 50
        still.save()

    moved = set(files_of(still))
    assert still.image.name in moved
    assert len(moved) == len(centred)
    assert moved & centred == {still.image.name}  # every crop is new, the upload is the same


def test_a_failed_save_leaves_the_stored_picture_alone(editor_client, miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    before = stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_poster_form(editor_client, miners, image=image_upload("new.jpg"), alt_text="")

    assert response.status_code == 200  # the alt text is required
    assert Poster.objects.get(film=miners).image.name == poster.image.name
    assert stored_files() == before


def test_stills_keep_their_renditions_apart(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = make_still(miners), make_still(miners)

    with django_capture_on_commit_callbacks(execute=True):
        Still.objects.filter(pk=first.pk).get().delete()

    assert stored_files() == sorted(files_of(second))


def test_make_renditions_makes_the_missing_ones_and_nothing_else(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    lost, *kept = poster.renditions()
    lost.file.storage.delete(lost.file.name)
    out = io.StringIO()

    call_command("make_renditions", stdout=out)

    assert lost.file.storage.exists(lost.file.name)
    assert out.getvalue().strip() == "1 pictures, 1 renditions made."


class SaveFailed(Exception):
    pass


def rolled_back_still(film):
    """The upload a save stored before its transaction rolled back: no row names it."""
    try:
        with transaction.atomic():
            make_still(film)
            raise SaveFailed
    except SaveFailed:
        pass
    (orphan,) = [name for name in stored_files() if name.startswith("pictures/stills/")]
    return orphan


def test_prune_picture_files_deletes_what_a_rolled_back_save_left(miners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    kept = files_of(poster)
    orphan = rolled_back_still(miners)

    call_command("prune_picture_files", "--min-age", "0", stdout=io.StringIO())

    assert orphan not in stored_files()
    assert stored_files() == kept


def test_prune_picture_files_deletes_the_renditions_of_a_picture_that_is_gone(
    miners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        poster = make_poster(miners)
    # The test's transaction never commits, so the deletion's own clean-up never runs: its files stay,
    # as they do when an older database is restored under a newer media folder.
    poster.delete()

    call_command("prune_picture_files", "--min-age", "0", stdout=io.StringIO())

    assert stored_files() == []


def test_prune_picture_files_spares_an_upload_that_may_be_in_flight(miners):
    orphan = rolled_back_still(miners)

    call_command("prune_picture_files", stdout=io.StringIO())

    assert orphan in stored_files()


def test_prune_picture_files_dry_run_deletes_nothing(miners):
    orphan = rolled_back_still(miners)
    out = io.StringIO()

    call_command("prune_picture_files", "--min-age", "0", "--dry-run", stdout=out)

    assert orphan in stored_files()
    assert f"Would delete {orphan}" in out.getvalue()
