"""
An editor uploads a film's poster in the admin. A real picture is stored under
a name the server chooses, without its GPS position; anything else is refused
on the form with a message that says why, and nothing is stored: no row, no file.
"""

import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import ExifTags, Image

from catalogue.models import Film, Poster
from core.pictures.uploads import MAX_BYTES
from core.tests.helpers import admin_url, change_form_data, image_bytes, image_upload, row_counts, stored_files

from .factories import make_film

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nnewpath 0 0 moveto 10 10 lineto stroke\n%%EOF\n"
PSD = b"8BPS\x00\x01" + b"\x00" * 6 + b"\x00\x03\x00\x00\x00\x0a\x00\x00\x00\x0a\x00\x08\x00\x03" + b"\x00" * 64
STORED_NAME = re.compile(r"^pictures/posters/[0-9a-f]{32}\.(jpg|png|webp|avif)$")


NOT_READABLE = "not a picture we can read"
NOT_ACCEPTED = "is not a JPEG, PNG, WebP or AVIF picture"


def truncated(format):
    data = image_bytes((400, 600), format)
    return data[: len(data) // 2]


def png_of(size, mode="1"):
    """A PNG of one colour: a few kilobytes however many pixels it declares."""
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


BAD_UPLOADS = {
    "text renamed .jpg": ("poster.jpg", lambda: b"Not a picture, only words.\n" * 40, NOT_READABLE),
    "HTML renamed .png": (
        "poster.png",
        lambda: b"<!doctype html><script>alert(1)</script>",
        NOT_READABLE,
    ),
    "SVG": ("poster.svg", lambda: SVG, NOT_ACCEPTED),
    "SVG renamed .png": ("poster.png", lambda: SVG, NOT_READABLE),
    "PDF": ("poster.pdf", lambda: PDF, NOT_ACCEPTED),
    "PDF renamed .jpg": ("poster.jpg", lambda: PDF, NOT_READABLE),
    "EPS": ("poster.eps", lambda: EPS, NOT_ACCEPTED),
    "EPS renamed .jpg": ("poster.jpg", lambda: EPS, "holds a EPS image"),
    "PSD": ("poster.psd", lambda: PSD, NOT_ACCEPTED),
    "GIF renamed .png": ("poster.png", lambda: image_bytes((60, 90), "GIF"), "holds a GIF image"),
    "PNG named .jpg": ("poster.jpg", lambda: image_bytes((60, 90), "PNG"), "named .jpg but holds a PNG picture"),
    "JPEG named .webp": ("poster.webp", lambda: image_bytes((60, 90), "JPEG"), "named .webp but holds a JPEG"),
    "truncated JPEG": ("poster.jpg", lambda: truncated("JPEG"), "damaged or incomplete"),
    "truncated PNG": ("poster.png", lambda: truncated("PNG"), "damaged or incomplete"),
    "over 15 MB": (
        "poster.jpg",
        lambda: image_bytes((60, 90)) + bytes(MAX_BYTES),
        "15.0 MB; a picture may be at most 15 MB",
    ),
    "over 40 megapixels": ("poster.png", lambda: png_of((8000, 5001)), "8000 × 5001 pixels (40 megapixels)"),
    "decompression bomb": ("poster.png", lambda: png_of((10000, 10000)), "10000 × 10000 pixels (100 megapixels)"),
    "empty file": ("poster.jpg", lambda: b"", "empty"),
}


@pytest.fixture
def miners():
    return make_film("The Miners", 1937, slug="the-miners-1937")


def upload_poster(client, film, upload, **fields):
    data = change_form_data(client.get(admin_url(Film, "change", film.pk)), Film)
    data.update(
        {
            "poster-0-image": upload,
            "poster-0-alt_text": "A miner raises his lamp in front of a pithead",
            "poster-0-source": "Wikimedia Commons, public domain",
            **{f"poster-0-{name}": value for name, value in fields.items()},
        }
    )
    return client.post(admin_url(Film, "change", film.pk), data)


def poster_errors(response):
    (posters,) = [inline for inline in response.context["inline_admin_formsets"] if inline.formset.prefix == "poster"]
    return [message for form in posters.formset.forms for errors in form.errors.values() for message in errors]


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=list(BAD_UPLOADS))
def test_an_upload_that_is_not_a_safe_picture_is_refused_with_its_reason_and_nothing_stored(
    editor_client, miners, case, django_capture_on_commit_callbacks
):
    name, content, reason = BAD_UPLOADS[case]
    before = row_counts()

    with django_capture_on_commit_callbacks(execute=True):
        response = upload_poster(editor_client, miners, ContentFile(content(), name=name))

    assert response.status_code == 200
    assert any(reason in message for message in poster_errors(response)), poster_errors(response)
    assert row_counts() == before
    assert stored_files() == []


def test_the_decompression_bomb_is_a_small_file():
    assert len(png_of((10000, 10000))) < 20 * 1024


@pytest.mark.parametrize(("format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("AVIF", "avif")])
def test_jpeg_png_webp_and_avif_posters_are_accepted(
    editor_client, miners, format, extension, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_poster(editor_client, miners, image_upload(f"poster.{extension}", (240, 360), format))

    assert response.status_code == 302
    poster = Poster.objects.get(film=miners)
    assert (poster.width, poster.height) == (240, 360)
    assert poster.image.name.endswith(f".{extension}")


def test_an_uploaded_poster_is_stored_under_a_name_the_server_chooses_inside_the_media_folder(
    editor_client, miners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_poster(editor_client, miners, image_upload("../../../../outside/Miners POSTER.JPG", (240, 360)))

    poster = Poster.objects.get(film=miners)
    assert STORED_NAME.match(poster.image.name)
    assert poster.image.name in stored_files()


def test_a_file_named_like_another_never_overwrites_it(editor_client, django_capture_on_commit_callbacks):
    films = [make_film("The Miners", 1937), make_film("Strike", 1925)]
    with django_capture_on_commit_callbacks(execute=True):
        for film in films:
            upload_poster(editor_client, film, image_upload("poster.jpg", (240, 360)))

    first, second = (Poster.objects.get(film=film).image.name for film in films)
    assert first != second
    assert {first, second} <= set(stored_files())


def test_a_picture_saved_by_code_gets_a_server_chosen_name_too(miners):
    poster = Poster(film=miners, alt_text="A miner with a lamp", source="Public domain")
    poster.image = ContentFile(image_bytes((240, 360)), name="../../../etc/passwd.jpg")
    poster.save()

    assert STORED_NAME.match(poster.image.name)


def photo_taken_at_the_pithead():
    """A JPEG as a phone takes it: with the GPS position where it was taken."""
    image = Image.effect_mandelbrot((240, 360), (-2.0, -1.5, 1.0, 1.5), 32).convert("RGB")
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "Zenit"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 0.0, 15.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (37.0, 48.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def gps_of(file):
    with Image.open(file) as image:
        return dict(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def test_the_gps_position_is_removed_from_the_stored_picture_and_its_renditions(
    editor_client, miners, django_capture_on_commit_callbacks
):
    photo = photo_taken_at_the_pithead()
    assert gps_of(io.BytesIO(photo)) != {}

    with django_capture_on_commit_callbacks(execute=True):
        upload_poster(editor_client, miners, ContentFile(photo, name="pithead.jpg"))

    poster = Poster.objects.get(film=miners)
    with poster.image.open() as stored:
        assert gps_of(stored) == {}
    for rendition in poster.renditions():
        with rendition.file.storage.open(rendition.file.name) as file, Image.open(file) as image:
            assert not image.getexif(), rendition.file.name  # renditions keep no EXIF at all
