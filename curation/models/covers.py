"""Covers: the picture at the head of a curated list or a theme page, and in the cards that lead to them."""

from django.db import models

from core.pictures.models import Picture
from core.pictures.renditions import COVER

from .lists import CuratedList
from .themes import Theme


class ListCover(Picture):
    curated_list = models.OneToOneField(CuratedList, on_delete=models.CASCADE, related_name="cover")

    shape = COVER
    upload_folder = "covers"

    class Meta(Picture.Meta):
        verbose_name = "cover"

    def get_absolute_url(self):
        return self.curated_list.get_absolute_url()


class ThemeCover(Picture):
    theme = models.OneToOneField(Theme, on_delete=models.CASCADE, related_name="cover")

    shape = COVER
    upload_folder = "covers"

    class Meta(Picture.Meta):
        verbose_name = "cover"

    def get_absolute_url(self):
        return self.theme.get_absolute_url()
