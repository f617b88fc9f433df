"""Curation's part of sitemap.xml: every published list and public theme, with when its page last changed."""

import datetime

import pytest
from django.utils import timezone
from taggit.models import Tag

from catalogue.models import Film
from catalogue.tests.test_sitemap import sitemap
from curation.models import CuratedList, Theme

from .factories import PUBLISHED, make_film, make_list

pytestmark = pytest.mark.django_db


def test_the_sitemap_names_every_published_list_with_its_last_change(client):
    curated_list = make_list("Dams")
    draft = make_list("Draft Steel", published_at=None)
    scheduled = make_list("Scheduled Oil", published_at=timezone.now() + datetime.timedelta(days=3))

    entries = sitemap(client)

    curated_list.refresh_from_db()
    assert entries["/lists/dams/"] == curated_list.updated_at
    assert draft.get_absolute_url() not in entries
    assert scheduled.get_absolute_url() not in entries


def test_the_sitemap_names_public_themes_but_not_those_only_drafts_carry(client):
    make_film("The Miners", 1937).tags.add("coal mining")
    make_list("Dams").tags.add("hydropower")
    make_film("Draft Seam", 1938, published_at=None).tags.add("secret seam")

    entries = sitemap(client)

    assert "/themes/coal-mining/" in entries
    assert "/themes/hydropower/" in entries
    assert "/themes/secret-seam/" not in entries


def test_a_themes_last_change_is_the_latest_of_its_published_films_lists_and_intro(client):
    film = make_film("The Miners", 1937)
    film.tags.add("coal mining")
    curated_list = make_list("Coal on screen")
    curated_list.tags.add("coal mining")
    tag = Tag.objects.get(name="coal mining")
    intro = Theme.objects.create(tag=tag, intro="Coal fed the plans.", published_at=PUBLISHED)
    draft = make_film("Draft Seam", 1938, published_at=None)
    draft.tags.add("coal mining")
    moments = [PUBLISHED + datetime.timedelta(days=days) for days in range(4)]
    Film.objects.filter(pk=film.pk).update(updated_at=moments[1])
    CuratedList.objects.filter(pk=curated_list.pk).update(updated_at=moments[0])
    Theme.objects.filter(pk=intro.pk).update(updated_at=moments[0])
    Film.objects.filter(pk=draft.pk).update(updated_at=moments[3])  # readers never saw this change

    assert sitemap(client)["/themes/coal-mining/"] == moments[1]

    Theme.objects.filter(pk=intro.pk).update(updated_at=moments[2])
    assert sitemap(client)["/themes/coal-mining/"] == moments[2]


def test_the_sitemap_names_the_home_page_and_the_curation_index_pages(client):
    assert {"/", "/lists/", "/themes/"} <= set(sitemap(client))
