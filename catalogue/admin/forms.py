"""The film form and the inline formsets of the editors' admin."""

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from taggit.forms import TagWidget

from core.formsets import DensePositionsFormSet, RowRulesMixin
from core.locking import LockedForm
from core.ordering import renumber
from core.tagging import EditorialTagField

from ..models import Character, Film


class FilmAdminForm(LockedForm):
    class Meta:
        model = Film
        fields = "__all__"
        field_classes = {"tags": EditorialTagField}
        widgets = {
            "tags": TagWidget(attrs={"class": "vLargeTextField"}),
            "tagline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "tagline_translation": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "box_office": forms.Textarea(attrs={"rows": 3}),
        }


class FarEndFormSet(RowRulesMixin, BaseInlineFormSet):
    """
    Rows edited from the other end of a list: an influence added on the
    influencer's page belongs to the influenced film's "Influenced by" list, a
    credit added on a person's page to the film's credits. New rows join the
    end of that list (`OrderedItem.save`), and the lists they leave or join
    stay 1..n.
    """

    def save(self, commit=True):
        rows = super().save(commit)
        if commit:
            one_row_per_list = {getattr(row, f"{row.ordered_within}_id"): row for row in [*rows, *self.deleted_objects]}
            for row in one_row_per_list.values():
                renumber(row.siblings())
        return rows


class FilmCharacterChoicesMixin:
    """
    A row's character is one of this film's own characters. A film being added
    has none yet: its characters are saved with it and can be picked after.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get("character")
        if field is None:  # shown read-only
            return
        field.queryset = self.film_characters
        field.choices = self.character_choices
        if self.instance.pk is None:
            field.help_text = (
                "A new film has no characters to choose yet: add them under Characters, "
                "press “Save and continue editing”, then choose here."
            )
        else:
            field.help_text = "One of this film's characters; add new ones under Characters and save first."

    @cached_property
    def film_characters(self):
        if self.instance.pk is None:
            return Character.objects.none()
        return Character.objects.filter(film=self.instance)

    @cached_property
    def character_choices(self):
        # Listed once for every row rather than queried once per row.
        return [("", "---------"), *((character.pk, str(character)) for character in self.film_characters)]


class CreditFormSet(FilmCharacterChoicesMixin, DensePositionsFormSet):
    row_identity = ("person", "role", "character")
    duplicate_message = "This person is already credited in this role (and as this character) above."


class QuoteFormSet(FilmCharacterChoicesMixin, DensePositionsFormSet):
    pass


class FilmStudioFormSet(DensePositionsFormSet):
    duplicate_message = "This studio is already listed above."
    duplicates_message = "A studio is listed more than once: name each studio once."


class PersonCreditFormSet(FarEndFormSet):
    row_identity = ("film", "role")
    duplicate_message = "This credit is already listed above."
