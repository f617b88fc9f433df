"""
The published films per decade, country, studio and theme that the unfiltered
film index shows are kept in the database and recounted by the writer once
its change commits (catalogue/browsing.py, core/tallies.py).
"""

import datetime
import json
import threading
import time

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

from catalogue.browsing import FilmBrowser, recount_published_films
from catalogue.models import Film, PublishedFilmCount, PublishedFilmCounting, Studio
from catalogue.models.counts import PublishedFilmCountQuerySet
from core.importing import import_fixtures
from core.tallies import counts_pending

from .factories import make_film, make_studio

pytestmark = pytest.mark.django_db

INDEX = "/films/"


@pytest.fixture
def catalogue(commit):
    """Two published films of Lenfilm, one on coal mining, and a draft; committed, so the counts are kept."""

    def build():
        lenfilm = make_studio("Lenfilm Studio", slug="lenfilm")
        miners = make_film("The Miners", 1937, country="Soviet Union")
        miners.studios.add(lenfilm)
        miners.tags.add("coal mining")
        make_film("Counterplan", 1932, country="Soviet Union").studios.add(lenfilm)
        make_film("Secret Draft", 1956, country="Ukrainian SSR", published_at=None)

    commit(build)


def kept():
    """{(kind, value): count} as kept."""
    return {(row.kind, row.value): row.count for row in PublishedFilmCount.objects.all()}


def shown(client, facet_name):
    """{choice label: count} of one facet of the unfiltered index."""
    response = client.get(INDEX)
    facet = next(facet for facet in response.context["facets"] if facet.name == facet_name)
    return {choice.label: choice.count for choice in facet.choices}


def test_the_unfiltered_index_shows_the_kept_counts(client, catalogue):
    # Changed behind the writer's back: only a page reading the kept rows shows it.
    PublishedFilmCount.objects.filter(kind="studio", value="lenfilm").update(count=99)

    assert shown(client, "studio") == {"Lenfilm Studio": 99}


def test_the_kept_counts_read_exactly_as_the_index_counts_them(client, catalogue):
    counted = FilmBrowser(QueryDict()).counted()

    for name in ("decade", "country", "studio", "theme"):
        assert shown(client, name) == {choice.label: choice.count for choice in counted[name]}


def test_the_studio_index_shows_the_kept_counts_and_0_for_a_studio_without_published_films(client, catalogue, commit):
    commit(lambda: make_studio("Mosfilm", slug="mosfilm"))
    PublishedFilmCount.objects.filter(kind="studio", value="lenfilm").update(count=99)

    response = client.get("/studios/")

    assert {studio.name: studio.film_count for studio in response.context["studios"]} == {
        "Lenfilm Studio": 99,
        "Mosfilm": 0,
    }


def test_the_themes_index_shows_the_kept_counts(client, catalogue):
    PublishedFilmCount.objects.filter(kind="theme", value="coal-mining").update(count=99)

    response = client.get("/themes/")

    assert {tag.name: tag.film_count for tag in response.context["themes"]} == {"coal mining": 99}


def test_counts_follow_a_publish(catalogue, commit):
    draft = Film.objects.get(title="Secret Draft")
    draft.publish()

    commit(draft.save)

    assert kept()[("decade", "1950")] == 1
    assert kept()[("country", "Ukrainian SSR")] == 1


def test_counts_follow_an_unpublish(catalogue, commit):
    counterplan = Film.objects.get(title="Counterplan")
    counterplan.unpublish()

    commit(counterplan.save)

    assert ("decade", "1930") in kept()
    assert kept()[("studio", "lenfilm")] == 1
    assert kept()[("country", "Soviet Union")] == 1


def test_counts_follow_a_delete(catalogue, commit):
    commit(Film.objects.get(title="The Miners").delete)

    assert ("theme", "coal-mining") not in kept()
    assert kept()[("studio", "lenfilm")] == 1


def test_counts_follow_a_studio_added_to_a_film(catalogue, commit):
    commit(lambda: Film.objects.get(title="The Miners").studios.add(make_studio("Mosfilm", slug="mosfilm")))

    assert kept()[("studio", "mosfilm")] == 1


def test_counts_follow_a_studio_removed_from_a_film(catalogue, commit):
    lenfilm = Studio.objects.get(slug="lenfilm")

    commit(lambda: Film.objects.get(title="The Miners").studios.remove(lenfilm))

    assert kept()[("studio", "lenfilm")] == 1


def test_counts_follow_a_tag_added(catalogue, commit):
    commit(lambda: Film.objects.get(title="Counterplan").tags.add("coal mining"))

    assert kept()[("theme", "coal-mining")] == 2


def test_counts_follow_a_tag_removed(catalogue, commit):
    commit(lambda: Film.objects.get(title="The Miners").tags.remove("coal mining"))

    assert ("theme", "coal-mining") not in kept()


def test_counts_follow_a_tag_renamed(catalogue, commit):
    tag = Tag.objects.get(slug="coal-mining")
    tag.name = "Coal mining in the Donbas"

    commit(tag.save)

    assert PublishedFilmCount.objects.get(kind="theme", value="coal-mining").label == "Coal mining in the Donbas"


def test_counts_follow_an_import(catalogue, commit, tmp_path):
    path = tmp_path / "catalogue.json"
    film = {"title": "Enthusiasm", "slug": "enthusiasm-1931", "year": 1931, "country": "Ukrainian SSR"}
    stamps = {"created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z"}
    published = {"published_at": "2026-01-01T00:00:00Z"}
    path.write_text(json.dumps([{"model": "catalogue.film", "fields": {**film, **stamps, **published}}]))

    commit(lambda: import_fixtures(str(path)))

    assert kept()[("decade", "1930")] == 3
    assert kept()[("country", "Ukrainian SSR")] == 1


def test_a_scheduled_film_counts_from_its_time_without_a_save(client, catalogue, commit, monkeypatch):
    at = timezone.now() + datetime.timedelta(hours=1)
    commit(lambda: make_film("Not Yet", 1956, country="Kazakh SSR", published_at=at))
    assert ("country", "Kazakh SSR") not in kept()
    assert PublishedFilmCounting.objects.get().true_until == at

    later = at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert shown(client, "country") == {"Kazakh SSR": 1, "Soviet Union": 2}
    counted_at = PublishedFilmCounting.objects.get().counted_at
    assert counted_at == later
    client.get(INDEX)
    assert PublishedFilmCounting.objects.get().counted_at == counted_at  # recounted once, not by every reader


def test_a_rolled_back_save_changes_no_counts(catalogue, commit):
    before = kept()

    class Refused(Exception):
        pass

    def publish_then_fail():
        draft = Film.objects.get(title="Secret Draft")
        draft.publish()
        with pytest.raises(Refused), transaction.atomic():
            draft.save()
            raise Refused

    commit(publish_then_fail)

    assert kept() == before
    assert not counts_pending()


def test_a_reader_inside_a_transaction_that_changed_films_counts_them_itself(client, catalogue):
    make_film("Enthusiasm", 1931, country="Soviet Union")  # not committed: not recounted yet

    assert counts_pending()
    assert shown(client, "country") == {"Soviet Union": 3}


def test_two_recounts_in_a_row_leave_one_set_of_rows(catalogue):
    recount_published_films()
    first = kept()
    recount_published_films()

    assert kept() == first
    assert PublishedFilmCount.objects.count() == len(first) == 4  # a decade, a country, a studio, a theme
    assert PublishedFilmCounting.objects.count() == 1


def test_writing_the_counts_retires_no_page(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        recount_published_films()

    assert callbacks == []


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite lets one writer at a time in (IMMEDIATE transactions); its in-memory test database cannot show it",
)
@pytest.mark.django_db(transaction=True)
def test_a_recount_waits_for_one_in_progress_and_writes_last(monkeypatch):
    """
    The first recount counts, then is held before writing while a film is
    committed; the film's recount must wait for it and count after it, or the
    first one's numbers (without the film) would be the ones left.
    """
    make_film("The Miners", 1937, country="Soviet Union")
    counting, release = threading.Event(), threading.Event()
    replace_with = PublishedFilmCountQuerySet.replace_with

    def held(queryset, counts):
        if threading.current_thread().name == "first":
            counting.set()
            release.wait(10)
        return replace_with(queryset, counts)

    def in_thread(name, work):
        def run():
            try:
                work()
            finally:
                connection.close()

        thread = threading.Thread(target=run, name=name)
        thread.start()
        return thread

    monkeypatch.setattr(PublishedFilmCountQuerySet, "replace_with", held)
    first = in_thread("first", recount_published_films)
    assert counting.wait(10)
    second = in_thread("second", lambda: make_film("Counterplan", 1932, country="Soviet Union"))
    time.sleep(0.5)  # the second writer's recount is waiting for the lock
    release.set()
    first.join(20)
    second.join(20)

    assert kept()[("country", "Soviet Union")] == 2
