"""Inline formsets shared by the content apps' admins."""

from adminsortable2.admin import CustomInlineFormSet
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from .ordering import renumber


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
    duplicate_message = "This row repeats another one."  # shown on the repeated row
    duplicates_message = "Some rows repeat others: keep one of each."  # shown above the rows

    # Django finds rows repeating each other under an unconditional unique
    # constraint itself; its wording names hidden fields ("film and studio")
    # and points "below" from the repeated row, so it gets ours.
    def get_form_error(self):
        return self.duplicate_message

    def get_unique_error_message(self, unique_check):
        return self.duplicates_message

    def clean(self):
        super().clean()
        self.explain_rows_deleted_meanwhile()
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

    def explain_rows_deleted_meanwhile(self):
        """
        A row someone else deleted after this page was loaded fails on its
        hidden id, which the admin shows only as "Please correct the error
        below." with nothing marked: say what happened on the row itself.
        """
        pk_name = self.model._meta.pk.name
        for form in self.initial_forms:
            if pk_name in form.errors and not self._should_delete_form(form):
                del form.errors[pk_name]
                form.add_error(
                    None,
                    "Someone else deleted this row after you opened the page. To keep it, add it again as a new "
                    "row; otherwise tick “Delete”.",
                )


class CheckedInlineFormSet(RowRulesMixin, BaseInlineFormSet):
    pass


class DensePositionsFormSet(RowRulesMixin, CustomInlineFormSet):
    """
    An ordered list, reordered by drag and drop. Whatever positions the page
    sends (gaps, ties, new rows at the end), the list is saved as 1..n.
    """

    def save(self, commit=True):
        rows = super().save(commit)
        if commit:
            renumber(self.model._default_manager.filter(**{self.fk.name: self.instance}))
        return rows
