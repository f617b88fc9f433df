"""
The abstract picture every app's pictures build on (a film's poster and
stills, a person's portrait, a list's cover…): the file, what readers are told
about it, and the clean-up of its files.

Files are removed only after the database change commits: a rolled-back
replacement must not lose the picture the row still names.
"""

import re
from functools import partial
from pathlib import PurePath
from uuid import uuid4

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Q

from . import renditions
from .uploads import ACCEPTED_NAMES, ALLOWED_EXTENSIONS, MAX_BYTES, MAX_PIXELS, accept_upload

ALT_TEXT_HELP = (
    "Required. What the picture shows, for readers who cannot see it: who or what, doing what, where — "
    "in a sentence, as you would describe it on the telephone (e.g. “Semyon Primak, in a miner's helmet, "
    "addresses a crowd at the pithead”). Leave out “image of” and the credit; don't repeat the caption word for word."
)
FILE_HELP = (
    f"{ACCEPTED_NAMES}; at most {MAX_BYTES // (1024 * 1024)} MB and {MAX_PIXELS // 1_000_000} megapixels. "
    "Choose a new file to replace the picture."
)
FOCAL_HELP = "Optional: where the point to keep in crops is (a face, a machine), in percent from the {}."
FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|webp|avif|gif|tiff?)$", re.IGNORECASE)
REDUNDANT_OPENING = re.compile(r"^(an? )?(image|picture|photo(graph)?|still) (of|showing)\b", re.IGNORECASE)


def picture_path(instance, filename):
    """A name the server chooses: the folder of its kind and a random name (the extension of its decoded format)."""
    return f"pictures/{instance.upload_folder}/{uuid4().hex}{PurePath(filename).suffix.lower()}"


class PictureFormField(forms.FileField):
    """An upload field that accepts only what `uploads.accept_upload` accepts, and says why not."""

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else accept_upload(upload)

    def widget_attrs(self, widget):
        accept = ",".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)
        return {**super().widget_attrs(widget), "accept": accept}


class PictureField(models.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", picture_path)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": PictureFormField})


class Picture(models.Model):
    image = PictureField("picture file", help_text=FILE_HELP)
    # The picture's size upright (as its EXIF orientation shows it), read on upload.
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt_text = models.CharField("alt text", max_length=250, help_text=ALT_TEXT_HELP)
    credit = models.CharField(
        max_length=200, blank=True, help_text="Who made it, as its licence asks to name them (e.g. “Lenfilm Studio”)."
    )
    source = models.CharField(
        "source or licence",
        max_length=300,
        help_text="Required. Where it comes from and on what terms (e.g. “Wikimedia Commons, public domain”).",
    )
    source_url = models.URLField("source address", max_length=500, blank=True, help_text="Optional: the source page.")
    focal_x = models.PositiveSmallIntegerField(
        "focal point across (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=FOCAL_HELP.format("left"),
    )
    focal_y = models.PositiveSmallIntegerField(
        "focal point down (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=FOCAL_HELP.format("top"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    shape = None  # a renditions.Shape: the sizes and crop readers get
    upload_folder = ""  # where under pictures/ the files of this kind go
    # What a page needs of a picture to show it (for `only()` through a relation).
    PAGE_FIELDS = ("image", "width", "height", "alt_text", "credit", "source", "source_url", "focal_x", "focal_y")

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True, focal_y__isnull=True)
                | Q(focal_x__isnull=False, focal_y__isnull=False),
                name="%(app_label)s_%(class)s_focal_point_whole",
                violation_error_message="Give the focal point both across and down, or leave both empty.",
            ),
            models.CheckConstraint(
                condition=Q(focal_x__lte=100, focal_y__lte=100),
                name="%(app_label)s_%(class)s_focal_point_inside",
                violation_error_message="The focal point is in percent: 0 to 100.",
            ),
        ]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            accepted = accept_upload(self.image.file)
            self.image = accepted
            self.width, self.height = accepted.width, accepted.height
        super().save(*args, **kwargs)
        before = getattr(self, "_stored", (None, None, None))
        now = self._file_and_crop()
        if now != before:
            replaced = before[0] if before[0] and before[0] != now[0] else None
            transaction.on_commit(partial(self._update_files, replaced), robust=True)
        self._stored = now

    @classmethod
    def fields_through(cls, relation):
        """PAGE_FIELDS as seen from a model that reaches this picture through `relation`."""
        return [f"{relation}__{name}" for name in cls.PAGE_FIELDS]

    @classmethod
    def from_db(cls, db, field_names, values):
        picture = super().from_db(db, field_names, values)
        picture._stored = picture._file_and_crop()
        return picture

    def clean(self):
        super().clean()
        alt_text = " ".join(self.alt_text.split())
        if FILE_NAME.match(alt_text):
            raise forms.ValidationError({"alt_text": "Describe what the picture shows, not its file name."})
        if REDUNDANT_OPENING.match(alt_text):
            raise forms.ValidationError(
                {"alt_text": "Leave out “image of”: screen readers already say that it is a picture."}
            )

    def _file_and_crop(self):
        # Read without loading deferred fields: a picture shown in a list loads only what it shows.
        state = self.__dict__
        image = state.get("image")
        return (getattr(image, "name", image), state.get("focal_x"), state.get("focal_y"))

    def _update_files(self, replaced):
        if replaced:
            renditions.delete_picture_files(self.image.storage, replaced)
        renditions.make_renditions(self)
        renditions.prune_renditions(self)

    @property
    def anchor(self):
        """The focal point as fractions of the width and height (the middle when none is given)."""
        if self.focal_x is None or self.focal_y is None:
            return (0.5, 0.5)
        return (self.focal_x / 100, self.focal_y / 100)

    def renditions(self):
        return renditions.renditions(self)

    def markup(self):
        return renditions.markup(self)

    def share_rendition(self):
        """The largest JPEG (or PNG) rendition: for link previews and structured data, which want a plain format."""
        return renditions.largest(self, self.shape.fallback)


def delete_files_after_commit(sender, instance, **kwargs):
    """post_delete: a deleted picture's file and renditions go once the deletion commits."""
    if isinstance(instance, Picture):
        name = instance._file_and_crop()[0]
        if name:
            storage = instance._meta.get_field("image").storage
            transaction.on_commit(partial(renditions.delete_picture_files, storage, name), robust=True)
