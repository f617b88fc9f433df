"""
Export bundles: one zip archive carrying a fixture and the picture files its
rows name, so a catalogue with posters and stills moves in one file.

A bundle holds fixture files at its top level (`catalogue.json`) and picture
files under `media/`, by the name the rows give them
(`media/pictures/posters/….jpg`). Reading one is careful, since an archive
can lie about everything:

- a member whose name is absolute, climbs out (`..`), uses backslashes, is a
  link, or is neither a fixture at the top nor a picture under
  `media/pictures/<folder>/` is refused by name;
- a member larger than the limits (pictures: the upload limit), or that
  inflates past what it declares, is refused;
- every picture passes the checks an editor's upload passes
  (`core.pictures.uploads.accept_upload`: a real image, its format, size and
  pixels; EXIF GPS removed);
- a picture row naming a file that neither the bundle nor the media storage
  has is refused.

Nothing is extracted into the media folder before the import commits: the
pictures wait in memory and are written (and their renditions made) once the
rows naming them are committed; an import that fails leaves no file behind.
"""

import io
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .fixture_files import FORMATS
from .pictures import renditions
from .pictures.models import Picture
from .pictures.uploads import ALLOWED_EXTENSIONS, MAX_BYTES, accept_upload

MEDIA = "media/"
FIXTURE_NAME = "catalogue.json"
MAX_FIXTURE_BYTES = 1024 * 1024 * 1024
PICTURE_NAME = re.compile(
    r"^pictures/[a-z]+/[A-Za-z0-9_-]+\.(" + "|".join(map(re.escape, ALLOWED_EXTENSIONS)) + r")$", re.IGNORECASE
)


def write_bundle(path, write_rows):
    """
    Write a bundle at `path`: `write_rows(stream, pictures)` writes the fixture
    and adds the picture names it wrote to `pictures`. Returns (rows, pictures).
    """
    pictures = set()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        with bundle.open(FIXTURE_NAME, "w") as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8")
            rows = write_rows(stream, pictures)
            stream.flush()
        for name in sorted(pictures):
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as picture:
                    # Pictures are compressed already.
                    bundle.writestr(MEDIA + name, picture.read(), compress_type=zipfile.ZIP_STORED)
    return rows, len(pictures)


@dataclass
class Bundle:
    """What a bundle brings: fixture files (extracted to a private folder) and accepted pictures by name."""

    path: str
    fixtures: list = field(default_factory=list)
    pictures: dict = field(default_factory=dict)  # storage name -> bytes
    problems: list = field(default_factory=list)

    def write_pictures(self, written):
        """After the commit: store the pictures the import's rows name and make their renditions."""
        for name, content in self.pictures.items():
            if not default_storage.exists(name):
                stored = default_storage.save(name, ContentFile(content))
                if stored != name:  # the storage chose another name: the row would not find it
                    default_storage.delete(stored)
        for model, pks in written.items():
            if issubclass(model, Picture):
                for picture in model._base_manager.filter(pk__in=pks):
                    if picture.image.name in self.pictures:
                        renditions.make_renditions(picture)


def read_bundle(path, folder):
    """A Bundle for the zip at `path`, its fixtures extracted into `folder`; problems listed, never raised."""
    bundle = Bundle(str(path))
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        bundle.problems.append(f"{path}: not a zip archive we can read ({error}).")
        return bundle
    with archive:
        for member in archive.infolist():
            problem = _refusal(member)
            if problem:
                bundle.problems.append(f"{path}: {member.filename}: {problem}")
            elif not member.is_dir():
                _take(archive, member, bundle, Path(folder))
    if not bundle.fixtures and not bundle.problems:
        bundle.problems.append(f"{path}: the archive holds no fixture file.")
    if not bundle.problems:
        bundle.problems += _missing_pictures(bundle)
    return bundle


def _refusal(member):
    name = member.filename
    kind = stat.S_IFMT(member.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "a link, refused."
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "not a plain file, refused."
    if name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return "an absolute or Windows path, refused."
    parts = PurePosixPath(name).parts
    if ".." in parts or "." in parts:
        return "a path that climbs out of the archive, refused."
    if member.is_dir():
        return None
    if len(parts) == 1 and PurePosixPath(name).suffix.lower() in FORMATS:
        return "larger than a fixture may be." if member.file_size > MAX_FIXTURE_BYTES else None
    if name.startswith(MEDIA) and PICTURE_NAME.match(name.removeprefix(MEDIA)):
        return f"larger than {MAX_BYTES // (1024 * 1024)} MB, refused." if member.file_size > MAX_BYTES else None
    return "neither a fixture at the top of the archive nor a picture under media/pictures/, refused."


def _take(archive, member, bundle, folder):
    limit = MAX_FIXTURE_BYTES if "/" not in member.filename else MAX_BYTES
    with archive.open(member) as stream:
        content = stream.read(limit + 1)
    if len(content) > limit:
        bundle.problems.append(f"{bundle.path}: {member.filename}: inflates past its limit, refused.")
        return
    if "/" not in member.filename:
        target = folder / member.filename
        target.write_bytes(content)
        bundle.fixtures.append(str(target))
        return
    name = member.filename.removeprefix(MEDIA)
    try:
        accepted = accept_upload(File(io.BytesIO(content), name=PurePosixPath(name).name))
    except ValidationError as error:
        bundle.problems += [f"{bundle.path}: {member.filename}: {message}" for message in error.messages]
        return
    accepted.seek(0)
    bundle.pictures[name] = accepted.read()


def _missing_pictures(bundle):
    """Picture rows naming files that neither the bundle nor the media storage has."""
    problems = []
    for fixture in bundle.fixtures:
        if not fixture.endswith(".json"):
            continue
        try:
            rows = json.loads(Path(fixture).read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # the import says why, with the line
        for number, row in enumerate(rows if isinstance(rows, list) else [], start=1):
            try:
                model = apps.get_model(row.get("model", ""))
            except (LookupError, ValueError, AttributeError):
                continue
            image = issubclass(model, Picture) and row.get("fields", {}).get("image")
            if image and image not in bundle.pictures and not default_storage.exists(image):
                problems.append(
                    f"{bundle.path}: {Path(fixture).name} row {number}: the picture file “{image}” "
                    "is neither in the archive nor in the media folder."
                )
    return problems
