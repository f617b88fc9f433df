"""
What may be uploaded as a picture, and how it is stored.

Only real raster images in the formats below are accepted: the decoded format
must be one of them and match the file's extension, the file must decode in
full, and it must stay under the size and pixel limits (a small PNG can
declare 10000 × 10000 pixels and take gigabytes to decode). Each refusal says
why. The stored file gets a name the server chooses, and an EXIF GPS position
is removed from it before it is stored.
"""

import io
import warnings
from pathlib import PurePath
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import ExifTags, Image, UnidentifiedImageError, features

MB = 1024 * 1024
MAX_BYTES = 15 * MB
MAX_PIXELS = 40_000_000

# Decoded format -> the extensions a file of it may have (the first is the one it is stored with).
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
if features.check("avif"):
    EXTENSIONS["AVIF"] = (".avif",)
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}
# Cameras store JPEGs with a second, smaller picture inside; Pillow calls those MPO.
SAME_FORMAT = {"MPO": "JPEG"}
ALLOWED_EXTENSIONS = [extension.lstrip(".") for extensions in EXTENSIONS.values() for extension in extensions]
_names = [FORMAT_NAMES[name] for name in EXTENSIONS]
ACCEPTED_NAMES = f"{', '.join(_names[:-1])} or {_names[-1]}"

GPS_TAG = ExifTags.Base.GPSInfo
ORIENTATIONS_ON_THEIR_SIDE = {5, 6, 7, 8}


class AcceptedPicture(File):
    """An upload that passed every check, under the name it will be stored with."""

    def __init__(self, file, *, format, width, height):
        super().__init__(file, name=f"{uuid4().hex}{EXTENSIONS[format][0]}")
        self.format = format
        self.width = width
        self.height = height


def refuse(message, code):
    raise ValidationError(message, code=code)


def accept_upload(upload):
    """
    The upload as an AcceptedPicture (its pixel size upright, as readers see
    it), or ValidationError saying why it cannot be a picture here.
    """
    if isinstance(upload, AcceptedPicture):
        return upload
    size = upload.size
    if not size:
        refuse("The file is empty.", "empty")
    if size > MAX_BYTES:
        refuse(f"The file is {size / MB:.1f} MB; a picture may be at most {MAX_BYTES / MB:g} MB.", "too_large")
    extension = PurePath(upload.name or "").suffix.lower()
    if extension.lstrip(".") not in ALLOWED_EXTENSIONS:
        refuse(
            f"“{PurePath(upload.name or '').name}” is not a {ACCEPTED_NAMES} picture: upload one of those.",
            "extension",
        )
    image, format = _open(upload)
    if format not in EXTENSIONS:
        refuse(f"The file holds a {image.format} image, not a {ACCEPTED_NAMES} picture.", "format")
    if extension not in EXTENSIONS[format]:
        refuse(
            f"The file is named {extension} but holds a {FORMAT_NAMES[format]} picture: rename it or export it again.",
            "format_mismatch",
        )
    _decode_whole(upload)
    width, height = image.size
    exif = image.getexif()
    if exif.get(ExifTags.Base.Orientation) in ORIENTATIONS_ON_THEIR_SIDE:
        width, height = height, width
    content = upload
    if GPS_TAG in exif:
        content = _without_location(upload, format)
    upload.seek(0)
    return AcceptedPicture(content, format=format, width=width, height=height)


def _open(upload):
    """The image, read only as far as its header, and its format; refuses too many pixels before decoding."""
    upload.seek(0)
    with warnings.catch_warnings(record=True):
        # Pillow warns about (and past twice its limit refuses) decompression
        # bombs; our own limit is lower and says so in words.
        warnings.simplefilter("always", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except Image.DecompressionBombError:
            refuse(_too_many_pixels_message(), "too_many_pixels")
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            refuse(f"The file is not a picture we can read: upload a {ACCEPTED_NAMES} picture.", "not_an_image")
    width, height = image.size
    if width * height > MAX_PIXELS:
        refuse(_too_many_pixels_message(width, height), "too_many_pixels")
    return image, SAME_FORMAT.get(image.format, image.format)


def _too_many_pixels_message(width=None, height=None):
    limit = f"a picture may have at most {MAX_PIXELS / 1_000_000:g} megapixels"
    if width is None:
        return f"The picture has far too many pixels; {limit}."
    return f"The picture is {width} × {height} pixels ({width * height / 1_000_000:.0f} megapixels); {limit}."


def _decode_whole(upload):
    """A truncated or damaged file fails here, not later while making renditions."""
    for check in (lambda image: image.verify(), lambda image: image.load()):
        upload.seek(0)
        try:
            with warnings.catch_warnings(record=True), Image.open(upload) as image:
                check(image)
        except Exception:  # Pillow raises many kinds (OSError, SyntaxError, struct.error…) for damaged files
            refuse("The file is damaged or incomplete (truncated): export it again and upload that.", "truncated")


def _without_location(upload, format):
    """The same picture with the EXIF GPS position (and XMP, which can repeat it) removed."""
    upload.seek(0)
    with warnings.catch_warnings(record=True), Image.open(upload) as image:
        exif = image.getexif()
        del exif[GPS_TAG]
        options = {"exif": exif.tobytes()}
        if "icc_profile" in image.info:
            options["icc_profile"] = image.info["icc_profile"]
        if image.format == "JPEG":
            # Keeps the original's quantisation tables: as close to lossless as a JPEG re-save gets.
            options.update(quality="keep", subsampling="keep")
        elif format != "PNG":
            options["quality"] = 95
        out = io.BytesIO()
        image.save(out, format, **options)
    out.seek(0)
    return out
