"""A theme's page leads to the timeline narrowed to its films."""

import re

import pytest
from django.urls import reverse

from catalogue.tests.factories import make_film

pytestmark = pytest.mark.django_db


def test_a_theme_page_links_to_its_films_on_the_timeline_and_the_link_narrows_to_them(client):
    make_film("The Miners", 1937).tags.add("Донбасс")
    make_film("Turksib", 1929).tags.add("railways")

    page = client.get(reverse("curation:theme_detail", args=["донбасс"])).text
    href = re.search(r'<a href="([^"]+)">These films on the timeline</a>', page).group(1)
    timeline = client.get(href.replace("&amp;", "&"))

    assert href == "/timeline/?theme=%D0%B4%D0%BE%D0%BD%D0%B1%D0%B0%D1%81%D1%81"
    assert [year.films[0].title for year in timeline.context["years"]] == ["The Miners"]
