"""
Readers get renditions, never the uploaded file: AVIF and WebP with a JPEG
fallback, at several widths, each <img> with its width and height; the film
page leads with its poster (preloaded, fetched first) and lazy-loads its stills.
"""

import re

import pytest

from core.tests.helpers import visible_text

from .factories import make_film, make_person, make_portrait, make_poster, make_still

pytestmark = pytest.mark.django_db


@pytest.fixture
def miners(django_capture_on_commit_callbacks):
    film = make_film("The Miners", 1937, slug="the-miners-1937", plot="Coal.")
    with django_capture_on_commit_callbacks(execute=True):
        make_poster(film, size=(600, 900), credit="Lenfilm Studio", source_url="https://commons.wikimedia.org/")
        make_still(film, caption="The pithead at dawn", alt_text="Miners walk to the pithead at dawn")
        make_still(film, caption="The mine office", alt_text="Primak confronts Chub across a desk")
    return film


def pictures_in(html):
    return re.findall(r"<picture\b.*?</picture>", html, flags=re.S)


def attributes(tag_html, tag):
    tag_html = re.search(rf"<{tag}\b[^>]*>", tag_html).group(0)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag_html))


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def test_the_poster_is_avif_and_webp_with_a_jpeg_fallback_at_four_widths(client, miners):
    poster, *_ = pictures_in(client.get(miners.get_absolute_url()).text)

    sources = re.findall(r'<source type="([^"]+)" srcset="([^"]+)"', poster)
    assert [mime for mime, _ in sources] == ["image/avif", "image/webp"]
    for mime, srcset in sources:
        assert srcset_widths(srcset) == [120, 240, 360, 480]
        assert all(url.endswith("." + mime.split("/")[1]) for url in re.findall(r"(\S+) \d+w", srcset))
    img = attributes(poster, "img")
    assert srcset_widths(img["srcset"]) == [120, 240, 360, 480]
    assert img["src"].endswith(".jpg") and "/media/renditions/" in img["src"]
    assert (img["width"], img["height"]) == ("360", "540")
    assert img["sizes"]


def test_the_film_page_preloads_its_poster_and_fetches_it_first(client, miners):
    html = client.get(miners.get_absolute_url()).text
    head = html.split("</head>")[0]
    poster = attributes(pictures_in(html)[0], "img")

    preload = dict(re.findall(r'([\w-]+)="([^"]*)"', re.search(r'<link rel="preload"[^>]*>', head).group(0)))
    assert preload["as"] == "image"
    assert preload["fetchpriority"] == "high"
    avif = re.search(r'<source type="image/avif" srcset="([^"]+)" sizes="([^"]+)"', pictures_in(html)[0])
    assert (preload["imagesrcset"], preload["imagesizes"]) == avif.groups()
    assert poster["fetchpriority"] == "high"
    assert poster["loading"] == "eager"


def test_stills_come_in_the_editors_order_lazily_each_with_dimensions(client, miners):
    html = client.get(miners.get_absolute_url()).text
    _, *stills = pictures_in(html)

    assert len(stills) == 2
    for still in stills:
        img = attributes(still, "img")
        assert img["loading"] == "lazy"
        assert srcset_widths(img["srcset"]) == [320, 640]  # the stills are 800 pixels wide: no wider copies
        assert int(img["width"]) * 3 == int(img["height"]) * 4  # cropped 4:3 for the gallery
    text = visible_text(client.get(miners.get_absolute_url()))
    assert text.index("The pithead at dawn") < text.index("The mine office")
    assert [attributes(still, "img")["alt"] for still in stills] == [
        "Miners walk to the pithead at dawn",
        "Primak confronts Chub across a desk",
    ]


def test_pages_never_name_the_uploaded_files(client, miners):
    for url in [miners.get_absolute_url(), "/films/", "/"]:
        html = client.get(url).text
        assert "/media/pictures/" not in html, url


def test_each_picture_shows_its_credit_and_source(client, miners):
    response = client.get(miners.get_absolute_url())
    assert "Lenfilm Studio · Wikimedia Commons, public domain" in visible_text(response)
    assert '<a href="https://commons.wikimedia.org/" rel="external">Wikimedia Commons, public domain</a>' in (
        response.text
    )


def test_the_stills_have_a_section_in_the_outline(client, miners):
    html = client.get(miners.get_absolute_url()).text
    assert '<a href="#stills">Stills</a>' in html


def test_the_film_index_shows_small_posters_and_a_placeholder_for_films_without(client, miners):
    make_film("Strike", 1925)
    html = client.get("/films/").text

    posters = pictures_in(html)
    assert len(posters) == 1
    assert attributes(posters[0], "img")["alt"] == ""  # the title beside it names the film
    assert html.count('class="poster poster--thumb poster--none" aria-hidden="true"') == 1


def test_a_renditions_address_is_cached_for_a_year(client, miners):
    poster = miners.poster
    response = client.get(poster.renditions()[0].url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_person_page_shows_the_portrait(client, django_capture_on_commit_callbacks):
    person = make_person("Sergei Yutkevich")
    with django_capture_on_commit_callbacks(execute=True):
        make_portrait(person, size=(480, 640), alt_text="Sergei Yutkevich in a dark suit")

    (portrait,) = pictures_in(client.get(person.get_absolute_url()).text)
    img = attributes(portrait, "img")
    assert img["alt"] == "Sergei Yutkevich in a dark suit"
    assert srcset_widths(img["srcset"]) == [160, 320, 480]
    assert (img["width"], img["height"]) == ("320", "427")


def test_the_poster_offers_a_plain_rendition_for_link_previews(miners):
    rendition = miners.poster.share_rendition()
    assert (rendition.format, rendition.width, rendition.height) == ("JPEG", 480, 720)
    assert rendition.url.endswith(".jpg")
