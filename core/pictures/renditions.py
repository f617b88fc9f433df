"""
Renditions: the resized copies of a picture that readers get.

Each kind of picture has a Shape: the widths it is made in and its crop.
Every width is made in AVIF and WebP and in a fallback format every browser
reads (JPEG; PNG for logos, which may be transparent). django-imagekit does
the work: its processors resize and crop (around the editor's focal point),
and each rendition's file name is a hash of the source, the processing and the
format, stored in a folder of its own per picture. So a page can name a
rendition without touching the disk or the database (imagekit's "optimistic"
strategy), a changed crop gets a new address (cached copies never go stale),
and clean-up is "delete the picture's folder".

Renditions are made once, after the picture is saved and the transaction has
committed (`Picture.save`), never while a reader waits; `make_renditions`
(the management command) makes any that are missing.
"""

import os
import posixpath
from contextlib import suppress
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import Resize, ResizeToFill
from imagekit.specs import ImageSpec
from PIL import ImageOps

MODERN_FORMATS = ("AVIF", "WEBP")
MIME_TYPES = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
# AVIF at speed 8 is about four times faster to encode than the default and barely larger.
ENCODER_OPTIONS = {
    "AVIF": {"quality": 60, "speed": 8},
    "WEBP": {"quality": 78, "method": 4},
    "JPEG": {"quality": 80, "progressive": True, "optimize": True},
    "PNG": {"optimize": True},
}


@dataclass(frozen=True)
class Shape:
    """How a kind of picture is shown: the widths made, its crop (height ÷ width; None keeps its own), the fallback."""

    widths: tuple
    ratio: Fraction | None = None
    fallback: str = "JPEG"


POSTER = Shape((120, 240, 360, 480), Fraction(3, 2))
STILL = Shape((320, 640, 960), Fraction(3, 4))
PORTRAIT = Shape((160, 320, 480), Fraction(4, 3))
COVER = Shape((320, 640, 960, 1280), Fraction(9, 16))
LOGO = Shape((120, 240), fallback="PNG")


class Upright:
    """
    Turns the picture as its EXIF orientation says, then drops every piece of
    metadata (EXIF with its GPS position, XMP, comments) except the colour profile.
    """

    def process(self, image):
        profile = image.info.get("icc_profile") if image.mode != "CMYK" else None
        image = ImageOps.exif_transpose(image)
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        image.info = {"icc_profile": profile} if profile else {}
        return image


class RenditionSpec(ImageSpec):
    def __init__(self, source, *, format, width, height, anchor=None):
        super().__init__(source)
        self.format = format
        self.options = ENCODER_OPTIONS[format]
        resize = Resize(width, height) if anchor is None else ResizeToFill(width, height, anchor=anchor)
        self.processors = [Upright(), resize]


@dataclass(frozen=True)
class Rendition:
    format: str
    width: int
    height: int
    file: ImageCacheFile

    @property
    def url(self):
        return self.file.url

    @property
    def mime_type(self):
        return MIME_TYPES[self.format]


@dataclass(frozen=True)
class Source:
    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Markup:
    """What `<picture>` needs: a `<source>` per modern format, and the fallback `<img>`'s attributes."""

    sources: list
    src: Rendition
    srcset: str


def rendition_sizes(shape, width, height):
    """(width, height) of each rendition of a `width` × `height` picture: never wider than the picture allows."""
    widest = min(width, int(height / shape.ratio)) if shape.ratio else width
    widths = [w for w in shape.widths if w <= widest] or [widest]
    if shape.ratio:
        return [(w, round(w * shape.ratio)) for w in widths]
    return [(w, max(1, round(height * w / width))) for w in widths]


def renditions(picture):
    """Every rendition of `picture`, modern formats first, each format narrowest first."""
    shape = picture.shape
    anchor = picture.anchor if shape.ratio else None
    sizes = rendition_sizes(shape, picture.width, picture.height)
    return [
        Rendition(
            format,
            width,
            height,
            ImageCacheFile(RenditionSpec(picture.image, format=format, width=width, height=height, anchor=anchor)),
        )
        for format in (*MODERN_FORMATS, shape.fallback)
        for width, height in sizes
    ]


def _srcset(items):
    return ", ".join(f"{item.url} {item.width}w" for item in items)


def markup(picture):
    made = renditions(picture)
    fallback = [item for item in made if item.format == picture.shape.fallback]
    sources = [
        Source(MIME_TYPES[format], _srcset([item for item in made if item.format == format]))
        for format in MODERN_FORMATS
    ]
    # The middle width: a sensible choice for the rare browser that reads no srcset.
    return Markup(sources=sources, src=fallback[len(fallback) // 2], srcset=_srcset(fallback))


def largest(picture, format):
    return [item for item in renditions(picture) if item.format == format][-1]


def folder(image_name):
    """Where the renditions of the picture stored as `image_name` live."""
    return posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(image_name)[0])


def make_renditions(picture):
    """Make the renditions `picture` lacks; returns how many were made."""
    made = 0
    for rendition in renditions(picture):
        if not rendition.file.storage.exists(rendition.file.name):
            rendition.file.generate(force=True)
            made += 1
    return made


def _stored(storage, directory):
    try:
        return storage.listdir(directory)[1]
    except FileNotFoundError:
        return []


def prune_renditions(picture):
    """Delete the renditions of `picture` that its current crop no longer uses (an old focal point's)."""
    current = {rendition.file.name for rendition in renditions(picture)}
    directory = folder(picture.image.name)
    storage = picture.image.storage
    for name in _stored(storage, directory):
        path = posixpath.join(directory, name)
        if path not in current:
            storage.delete(path)


def delete_picture_files(storage, image_name):
    """Delete a stored picture and all its renditions."""
    directory = folder(image_name)
    for name in _stored(storage, directory):
        storage.delete(posixpath.join(directory, name))
    storage.delete(image_name)
    if hasattr(storage, "path"):  # on local disk, the emptied folder goes too (object storage has no folders)
        with suppress(OSError):
            os.rmdir(storage.path(directory))
