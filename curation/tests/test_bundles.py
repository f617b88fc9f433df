"""
Bundles: one zip archive with a fixture and its picture files. It imports
into an empty database and media folder with every picture; a dangerous or
broken archive is refused whole, and a refused import leaves no file behind.
"""

import io
import stat
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from catalogue.models import Film, Poster, Still
from core.importing import ImportRefused, import_fixtures
from core.tests.helpers import content_snapshot, database_state, empty_catalogue, image_bytes, image_upload

pytestmark = pytest.mark.django_db

MINERS = "the-miners-1937"


@pytest.fixture
def pictured(seed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        miners = Film.objects.get(slug=MINERS)
        Poster.objects.create(film=miners, image=image_upload(), alt_text="Miners at the pithead", source="Lenfilm")
        Still.objects.create(
            film=miners, image=image_upload("still.png", (900, 600), "PNG"), alt_text="A shaft", source="Lenfilm"
        )
    return miners


def bundle(tmp_path, **chosen):
    path = tmp_path / "films.zip"
    call_command("export_fixtures", bundle=str(path), verbosity=0, **chosen)
    return path


def media_files():
    found = set()
    if not default_storage.exists(""):
        return found

    def walk(folder):
        directories, files = default_storage.listdir(folder)
        found.update(f"{folder}/{name}".lstrip("/") for name in files)
        for directory in directories:
            walk(f"{folder}/{directory}".lstrip("/"))

    walk("")
    return found


def test_a_bundle_carries_the_pictures_into_an_empty_database_and_media_folder(
    tmp_path, pictured, django_capture_on_commit_callbacks
):
    before = content_snapshot()
    poster = Poster.objects.get()
    poster_bytes = default_storage.open(poster.image.name).read()
    path = bundle(tmp_path)
    empty_catalogue()
    for name in media_files():
        default_storage.delete(name)

    with django_capture_on_commit_callbacks(execute=True):
        import_fixtures(str(path))

    assert content_snapshot() == before
    assert default_storage.open(poster.image.name).read() == poster_bytes
    assert default_storage.exists(Still.objects.get().image.name)
    # Renditions were made for the pictures that arrived.
    assert any(name.startswith("CACHE/") or "/renditions/" in name or name.count("/") > 2 for name in media_files())


def crafted(tmp_path, members, name="crafted.zip"):
    """A zip with `members`: {name: bytes}, or {name: (bytes, unix mode)} for links."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in members.items():
            if isinstance(content, tuple):
                info = zipfile.ZipInfo(member)
                info.external_attr = content[1] << 16
                archive.writestr(info, content[0])
            else:
                archive.writestr(member, content)
    return path


FIXTURE = b'[{"model": "catalogue.studio", "fields": {"name": "Mosfilm", "slug": "mosfilm"}}]'
PICTURE = image_bytes((60, 90))


@pytest.mark.parametrize(
    ("members", "problem"),
    [
        ({"catalogue.json": FIXTURE, "../escape.json": FIXTURE}, "../escape.json: a path that climbs out"),
        ({"catalogue.json": FIXTURE, "media/../../x.jpg": PICTURE}, "a path that climbs out"),
        ({"catalogue.json": FIXTURE, "/etc/cron.d/x.json": FIXTURE}, "an absolute or Windows path"),
        ({"catalogue.json": FIXTURE, "media/pictures/posters/a.jpg": (b"/etc/passwd", stat.S_IFLNK | 0o777)}, "a link"),
        ({"catalogue.json": FIXTURE, "notes.txt": b"hello"}, "neither a fixture at the top"),
        ({"catalogue.json": FIXTURE, "media/pictures/posters/a.jpg": b"not a picture"}, "not a picture we can read"),
        (
            {"catalogue.json": FIXTURE, "media/pictures/posters/big.jpg": b"\0" * (16 * 1024 * 1024)},
            "larger than 15 MB",
        ),
        ({"media/pictures/posters/a.jpg": PICTURE}, "holds no fixture file"),
    ],
    ids=[
        "zip-slip",
        "zip-slip-media",
        "absolute",
        "symlink",
        "not-a-picture-name",
        "not-an-image",
        "oversized",
        "empty",
    ],
)
def test_a_dangerous_or_broken_archive_is_refused_whole(tmp_path, seed, members, problem):
    path = crafted(tmp_path, members)
    before, files = database_state(), media_files()

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(str(path))

    assert any(problem in line for line in refused.value.problems), refused.value.problems
    assert database_state() == before
    assert media_files() == files


def test_a_picture_row_whose_file_travels_nowhere_is_refused(tmp_path, pictured):
    path = bundle(tmp_path, film=[MINERS])
    with zipfile.ZipFile(path) as archive:
        fixture = archive.read("catalogue.json")
    poster_name = Poster.objects.get().image.name
    default_storage.delete(poster_name)

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(str(crafted(tmp_path, {"catalogue.json": fixture}, name="no-pictures.zip")))

    assert any(f"the picture file “{poster_name}” is neither in the archive" in line for line in refused.value.problems)


def test_an_import_that_fails_leaves_no_picture_file_behind(tmp_path, pictured, django_capture_on_commit_callbacks):
    path = bundle(tmp_path, film=[MINERS])
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["catalogue.json"] = members["catalogue.json"].replace(b'"year": 1937', b'"year": 1700', 1)
    broken = crafted(tmp_path, members, name="broken.zip")
    empty_catalogue()
    for name in media_files():
        default_storage.delete(name)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ImportRefused) as refused:
        import_fixtures(str(broken))

    assert any("broken.zip: catalogue.json row" in line for line in refused.value.problems)
    assert media_files() == set()
    assert not Film.objects.exists()


def test_an_image_is_checked_like_an_upload_and_its_location_removed(tmp_path, pictured):
    from PIL import Image

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (55.0, 45.0, 0.0)}
    located = io.BytesIO()
    Image.effect_mandelbrot((60, 90), (-2.0, -1.5, 1.0, 1.5), 32).convert("RGB").save(located, "JPEG", exif=exif)
    path = bundle(tmp_path, film=[MINERS])
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    poster_name = Poster.objects.get().image.name
    members[f"media/{poster_name}"] = located.getvalue()
    default_storage.delete(poster_name)

    import_fixtures(str(crafted(tmp_path, members, name="located.zip")))

    from core.bundles import read_bundle

    read = read_bundle(crafted(tmp_path, members, name="again.zip"), tmp_path)
    assert 0x8825 not in Image.open(io.BytesIO(read.pictures[poster_name])).getexif()
