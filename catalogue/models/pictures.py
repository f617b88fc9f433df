"""The catalogue's pictures: films' posters and stills, people's portraits, studios' logos."""

from django.db import models

from core.natural_keys import NaturalKeyModel
from core.ordering import OrderedItem
from core.pictures.models import Picture
from core.pictures.renditions import LOGO, PORTRAIT, POSTER, STILL

from .base import FilmItem
from .films import Film, Studio
from .people import Person


class Poster(NaturalKeyModel, Picture):
    film = models.OneToOneField(Film, on_delete=models.CASCADE, related_name="poster")

    natural_key_fields = ("film__slug",)  # one poster a film: fixtures name it by its film
    shape = POSTER
    upload_folder = "posters"
    # How wide the film page shows it (`.film-poster` in site.css): the preload and the picture must agree.
    page_sizes = "(min-width: 40rem) 15rem, 38vw"

    class Meta(Picture.Meta):
        pass

    def get_absolute_url(self):
        return self.film.get_absolute_url()


class Still(FilmItem, OrderedItem, Picture):
    """A frame from the film (or a photograph from its set), in the film page's gallery."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="stills")
    caption = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown under the still: the scene, or who is in it "
        "(e.g. “Primak (Boris Poslavsky) confronts Chub in the mine office”).",
    )

    # The file's name is chosen by the server and never reused.
    natural_key_fields = ("film__slug", "image")
    page_anchor = "stills"
    shape = STILL
    upload_folder = "stills"

    class Meta(OrderedItem.Meta):
        constraints = Picture.Meta.constraints

    def __str__(self):
        return self.caption or self.alt_text


class Portrait(NaturalKeyModel, Picture):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="portrait")

    natural_key_fields = ("person__slug",)
    shape = PORTRAIT
    upload_folder = "portraits"

    class Meta(Picture.Meta):
        pass

    def get_absolute_url(self):
        return self.person.get_absolute_url()


class StudioLogo(NaturalKeyModel, Picture):
    studio = models.OneToOneField(Studio, on_delete=models.CASCADE, related_name="logo")

    natural_key_fields = ("studio__slug",)
    shape = LOGO
    upload_folder = "logos"

    class Meta(Picture.Meta):
        verbose_name = "logo"

    def get_absolute_url(self):
        return self.studio.get_absolute_url()
