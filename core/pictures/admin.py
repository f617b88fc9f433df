"""What every picture inline in the admin shares: a preview of the stored picture, then its file and its words."""

from django.contrib import admin
from django.db import models
from django.utils.html import format_html

PREVIEW_WIDTH = 160


class PictureInlineMixin:
    fields = ["preview", "image", "alt_text", "credit", "source", "source_url", ("focal_x", "focal_y")]
    readonly_fields = ["preview"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="preview")
    def preview(self, picture):
        if picture.pk is None or not picture.width:
            return "The picture shows here once saved."
        # A rendition, as readers see it (and cropped as they see it).
        thumbnail = next(r for r in picture.renditions() if r.format == "WEBP")
        height = round(thumbnail.height * PREVIEW_WIDTH / thumbnail.width)
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}"><br>{} × {} pixels uploaded',
            thumbnail.url,
            PREVIEW_WIDTH,
            height,
            picture.alt_text,
            picture.width,
            picture.height,
        )


class SinglePictureInline(PictureInlineMixin, admin.StackedInline):
    """The one picture of its kind a record may have (a film's poster): upload, replace, or delete to remove it."""

    max_num = 1
    extra = 1
    view_on_site = False
