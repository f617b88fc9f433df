"""Covers: the picture at the head of a curated list or a theme page, and in the cards that lead to them."""

from django.db import models

from core.natural_keys import NaturalKeyModel
from core.pictures.models import Picture
from core.pictures.renditions import COVER

from .lists import CuratedList
from .themes import Theme


class ListCover(NaturalKeyModel, Picture):
    curated_list = models.OneToOneField(CuratedList, on_delete=models.CASCADE, related_name="cover")

    natural_key_fields = ("curated_list__slug",)  # one cover a list: fixtures name it by its list
    shape = COVER
    upload_folder = "covers"

    class Meta(Picture.Meta):
        verbose_name = "cover"

    def get_absolute_url(self):
        return self.curated_list.get_absolute_url()


class ThemeCover(NaturalKeyModel, Picture):
    theme = models.OneToOneField(Theme, on_delete=models.CASCADE, related_name="cover")

    natural_key_fields = ("theme__tag__name",)
    shape = COVER
    upload_folder = "covers"

    class Meta(Picture.Meta):
        verbose_name = "cover"

    def get_absolute_url(self):
        return self.theme.get_absolute_url()
