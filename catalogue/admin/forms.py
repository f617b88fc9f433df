"""The film form and the inline formsets of the editors' admin."""

from adminsortable2.admin import CustomInlineFormSet
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from taggit.forms import TagWidget

from ..models import Character, Film, renumber


class FilmAdminForm(forms.ModelForm):
    class Meta:
        model = Film
        fields = "__all__"
        widgets = {
            "tags": TagWidget(attrs={"class": "vLargeTextField"}),
            "tagline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "tagline_translation": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "box_office": forms.Textarea(attrs={"rows": 3}),
        }


class RowRulesMixin:
    """
    Each row of an inline obeys the model's constraints, against the database
    and against the other rows. Django validates an inline row without its
    parent's key (the parent may not exist yet), which skips every constraint
    naming it, and compares rows with each other only for unconditional unique
    constraints: without this, a repeated credit would reach the database and
    fail there as an IntegrityError instead of showing on the row.
    """

    row_identity = ()  # fields that may not repeat across this page's rows
    duplicate_message = "This row repeats another one."

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if form.errors or not form.cleaned_data or self._should_delete_form(form):
                continue
            if form.has_changed():
                try:
                    form.instance.validate_constraints()  # the parent's key is set by now
                except ValidationError as error:
                    form.add_error(None, error.messages)
                    continue
            if self.row_identity:
                identity = tuple(form.cleaned_data.get(name) for name in self.row_identity)
                if identity in seen:
                    form.add_error(None, self.duplicate_message)
                seen.add(identity)


class CheckedInlineFormSet(RowRulesMixin, BaseInlineFormSet):
    pass


class DensePositionsFormSet(RowRulesMixin, CustomInlineFormSet):
    """
    A film's ordered list, reordered by drag and drop. Whatever positions the
    page sends (gaps, ties, new rows at the end), the list is saved as 1..n.
    """

    def save(self, commit=True):
        rows = super().save(commit)
        if commit:
            renumber(self.model._default_manager.filter(**{self.fk.name: self.instance}))
        return rows


class FarEndFormSet(RowRulesMixin, BaseInlineFormSet):
    """
    Rows edited from the other end of a list: an influence added on the
    influencer's page belongs to the influenced film's "Influenced by" list, a
    credit added on a person's page to the film's credits. New rows join the
    end of that list, and the lists they leave or join stay 1..n.
    """

    ordered_within = None  # the foreign key whose list `position` orders

    def _list_of(self, film_id):
        return self.model._default_manager.filter(**{f"{self.ordered_within}_id": film_id})

    def save_new(self, form, commit=True):
        row = super().save_new(form, commit=False)
        last = self._list_of(getattr(row, f"{self.ordered_within}_id")).aggregate(last=Max("position"))["last"]
        row.position = (last or 0) + 1
        if commit:
            row.save()
        return row

    def save(self, commit=True):
        rows = super().save(commit)
        if commit:
            for film_id in {getattr(row, f"{self.ordered_within}_id") for row in [*rows, *self.deleted_objects]}:
                renumber(self._list_of(film_id))
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
    """
    A film's studios, each named once. Django's formset finds a studio repeated
    among the rows; these messages replace its wording, which names the hidden
    film field ("film and studio") and points "below" from the repeated row.
    """

    def get_unique_error_message(self, unique_check):
        return "A studio is listed more than once: name each studio once."

    def get_form_error(self):
        return "This studio is already listed above."


class PersonCreditFormSet(FarEndFormSet):
    ordered_within = "film"
    row_identity = ("film", "role")
    duplicate_message = "This credit is already listed above."


class InfluencedFilmsFormSet(FarEndFormSet):
    ordered_within = "influenced"
