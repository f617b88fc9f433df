"""Forms of the curation admin."""

from django import forms
from django.core.exceptions import ValidationError
from taggit.models import Tag

from catalogue.models import Trivia
from core.formsets import DensePositionsFormSet
from core.locking import LockedForm, OnlyChangesForm
from core.tagging import EditorialTagField, find_tag, normalise_tag_name, validate_tag_name

from .models import CuratedList, ListEntry


class CuratedListAdminForm(LockedForm):
    class Meta:
        model = CuratedList
        fields = "__all__"
        field_classes = {"tags": EditorialTagField}
        labels = {"tags": "Themes"}
        help_texts = {
            "tags": "Comma-separated; each tag has a theme page. Existing tags are reused whatever their case."
        }
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 6}),
            "closing_text": forms.Textarea(attrs={"rows": 3}),
        }


class TriviaChoiceField(forms.ModelChoiceField):
    LABEL_LENGTH = 60  # keeps the entries' table within the page

    def label_from_instance(self, trivia):
        text = trivia.text if len(trivia.text) <= self.LABEL_LENGTH else f"{trivia.text[: self.LABEL_LENGTH - 1]}…"
        return f"{text} ({trivia.get_verification_display().lower()})"


class ListEntryForm(OnlyChangesForm):
    """
    The featured fact is chosen among the entry's film's trivia. A new row has
    no film yet when the page is drawn, so its choices appear once it is saved.
    """

    class Meta:
        model = ListEntry
        fields = ["film", "blurb", "featured_fact"]
        field_classes = {"featured_fact": TriviaChoiceField}
        widgets = {"blurb": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fact_field = self.fields.get("featured_fact")
        if fact_field is not None:
            fact_field.queryset = self._fact_choices()
            if not self.instance.film_id:
                fact_field.help_text = "Save the entry first; then choose one of its film's trivia here."

    def _posted(self, name):
        try:
            return int(self.data.get(self.add_prefix(name)) or 0) or None
        except (TypeError, ValueError):
            return None

    def _fact_choices(self):
        if self.is_bound:
            # Accept the posted fact whatever its film, so that a fact of
            # another film gets the model's clear error, not "invalid choice".
            film_id, fact_id = self._posted("film"), self._posted("featured_fact")
            return Trivia.objects.filter(pk=fact_id) | Trivia.objects.filter(film_id=film_id)
        if self.instance.film_id:
            return Trivia.objects.filter(film_id=self.instance.film_id)
        return Trivia.objects.none()


class ListEntryFormSet(DensePositionsFormSet):
    duplicate_message = "This film is already in the list."
    duplicates_message = "A film can appear only once in a list."


class TagAdminForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]

    def clean_name(self):
        if self.instance.pk and self.cleaned_data["name"] == self.instance.name:
            return self.instance.name  # kept as it is, even a name from before the rule
        name = normalise_tag_name(self.cleaned_data["name"])
        validate_tag_name(name)
        same = find_tag(name, exclude=self.instance if self.instance.pk else None)
        if same is not None:
            raise ValidationError(
                "“%(existing)s” is already a tag; to combine the two, merge them from the list of tags.",
                params={"existing": same.name},
            )
        return name


class MergeTagsForm(forms.Form):
    """Which of the selected tags survives the merge."""

    target = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        label="Keep this tag",
        help_text="Films and lists of the other selected tags get this one; the others are deleted.",
        empty_label=None,
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = tags
        # Preselect the spelling most objects already use.
        if not self.is_bound:
            self.fields["target"].initial = max(
                tags, key=lambda tag: (tag.film_count + tag.list_count, -tag.pk), default=None
            )
