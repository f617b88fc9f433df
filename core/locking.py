"""
No lost edits.

An item edited as a whole (a film with its rows, a list with its entries)
carries a version number that every committed change to it or to one of its
rows raises. Its change form remembers the version it was loaded at; saving a
form loaded before someone else's save is refused, naming who changed what
since, with the editor's input still in the form.

Every field of such a form (and of its rows) also posts the value it was
loaded with (Django's hidden initial), so a save writes only what this editor
changed: a field or row the editor left alone keeps what is in the database,
whoever saved it. After a refusal the form shows the others' values in the
fields the editor had not touched, and the next save is accepted.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format


class LockedForEditing(models.Model):
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True


# Signals: rows raise their item's version; restored rows never lower it.


def _row_changed(sender, instance, raw=False, **kwargs):
    """A row of a locked item changed (from any page): the item's open forms are out of date."""
    if raw:
        return
    for name in getattr(sender, "locked_parents", ()):
        field = sender._meta.get_field(name)
        parent_pk = getattr(instance, field.attname)
        if parent_pk is not None:
            parent = field.related_model
            changes = {"version": F("version") + 1}
            if any(f.name == "updated_at" for f in parent._meta.concrete_fields):
                changes["updated_at"] = timezone.now()  # the page changed too (the sitemap's lastmod)
            parent._base_manager.filter(pk=parent_pk).update(**changes)


def _keep_versions_rising(sender, instance, raw=False, **kwargs):
    """
    A row loaded from serialized data (a restored revision, a fixture) would
    bring back an old version number, and a form opened at that number long
    ago would be accepted again: it continues from the current one instead.
    """
    if raw and issubclass(sender, LockedForEditing):
        current = sender._base_manager.filter(pk=instance.pk).values_list("version", flat=True).first()
        instance.version = 0 if current is None else current + 1


def connect():
    post_save.connect(_row_changed, dispatch_uid="kinozavod-locking-row-saved")
    post_delete.connect(_row_changed, dispatch_uid="kinozavod-locking-row-deleted")
    pre_save.connect(_keep_versions_rising, dispatch_uid="kinozavod-locking-raw")


# Forms that write only what the editor changed.

LOCK_FIELDS = ("version_seen", "loaded_at")


class OnlyChangesForm(forms.ModelForm):
    """
    Posts each field's loaded value beside it and saves only the fields whose
    value the editor changed; the others keep the database's current value.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in LOCK_FIELDS:
                field.show_hidden_initial = True

    def _untouched(self):
        if self.instance.pk is None:
            return set()
        return set(self.cleaned_data) - set(self.changed_data) - set(LOCK_FIELDS)

    def _post_clean(self):
        # Fields the editor left alone stay out of the instance, which keeps the database's current values.
        untouched = {name: self.cleaned_data.pop(name) for name in self._untouched()}
        try:
            super()._post_clean()
        finally:
            self.cleaned_data.update(untouched)  # the rows' rules (no repeats) still see every field

    def _save_m2m(self):
        untouched = {name: self.cleaned_data.pop(name) for name in self._untouched()}
        try:
            super()._save_m2m()
        finally:
            self.cleaned_data.update(untouched)

    def show_current_values(self, data):
        """Put the database's values into `data` for the fields this editor left alone."""
        changed = set(self.changed_data)
        fresh = type(self)(instance=self.instance, prefix=self.prefix)
        for name, field in self.fields.items():
            if name in changed or name in LOCK_FIELDS or field.disabled or name not in fresh.fields:
                continue  # fields a formset adds (id, delete) are the row's own
            value = fresh[name].value()
            for key, posted in _as_posted(field.widget, self.add_prefix(name), value).items():
                _put(data, key, posted)
            for key, posted in _as_posted(field.hidden_widget(), self.add_initial_prefix(name), value).items():
                _put(data, key, posted)


def _as_posted(widget, key, value):
    """{data key: what a browser posts for `widget` showing `value`, or None when it posts nothing}."""
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        return {
            f"{key}{suffix}": _formatted(sub, part)
            for suffix, sub, part in zip(widget.widgets_names, widget.widgets, parts, strict=False)
        }
    if isinstance(widget, forms.CheckboxInput):
        return {key: "on" if value else None}
    return {key: _formatted(widget, value)}


def _formatted(widget, value):
    formatted = widget.format_value(value)
    if isinstance(formatted, list | tuple):
        formatted = formatted[0] if formatted else ""
    return "" if formatted is None else str(formatted)


def _put(data, key, value):
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


class LockedForm(OnlyChangesForm):
    """The whole item's form: carries the version it was loaded at, checked by `lock` (an `EditLock`)."""

    version_seen = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    lock = None  # set by the admin for each request

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.lock is not None:
            self.initial["version_seen"] = self.lock.expected_version(self.instance)
            self.initial["loaded_at"] = timezone.now().isoformat()

    @property
    def changed_data(self):
        return [name for name in super().changed_data if name not in LOCK_FIELDS]

    def clean(self):
        seen, loaded_at = self.cleaned_data.get("version_seen"), self.cleaned_data.get("loaded_at")
        cleaned_data = super().clean()
        if self.instance.pk is None or self.lock is None:
            return cleaned_data
        current = self.lock.current_version(self.instance)
        if current is not None and seen is not None and seen != current:
            since = parse_datetime(loaded_at or "")
            data = self.data.copy()
            self.show_current_values(data)
            data[self.add_prefix("version_seen")] = str(current)
            data[self.add_prefix("loaded_at")] = timezone.now().isoformat()
            self.data = data
            self.lock.refused(data)
            raise ValidationError(self.lock.refusal_message(self.instance, since))
        return cleaned_data


class EditLock:
    """One request's view of an item's version; the admin makes one per request."""

    def __init__(self, request, model):
        self.request = request
        self.model = model

    def expected_version(self, instance):
        # While an old revision is shown (restore), the row holds the old state: use the version from before.
        return getattr(self.request, "version_before_restore", instance.version)

    def current_version(self, instance):
        if hasattr(self.request, "version_before_restore"):
            return self.request.version_before_restore
        rows = self.model._base_manager.select_for_update().filter(pk=instance.pk)
        return rows.values_list("version", flat=True).first()

    def refused(self, data):
        """
        Show the rows as they are now where this editor had not touched them
        (the admin made the rows' formsets before the form was checked). A
        row someone deleted meanwhile leaves the form; what this editor had
        written in it is quoted in the refusal, so nothing typed is lost.
        """
        self.rows_deleted_meanwhile = []
        for formset in getattr(self.request, "editorial_formsets", []):
            gone = []
            for index, row in enumerate(formset.initial_forms):
                if row.instance.pk is None:
                    self.rows_deleted_meanwhile.append(_row_summary(formset, row))
                    gone.append(index)
                elif isinstance(row, OnlyChangesForm) and not row.has_changed():
                    row.show_current_values(data)
            for index in reversed(gone):
                _drop_row(data, formset.prefix, index)
        for formset in getattr(self.request, "editorial_formsets", []):
            formset.data = data
            for cached in ("forms", "management_form"):
                formset.__dict__.pop(cached, None)  # built again from the new data

    def refusal_message(self, instance, since):
        from reversion.models import Revision

        revisions = Revision.objects.none()
        if since is not None:
            revisions = (
                Revision.objects.filter(
                    version__content_type__app_label=self.model._meta.app_label,
                    version__content_type__model=self.model._meta.model_name,
                    version__object_id=str(instance.pk),
                    date_created__gt=since,
                )
                .select_related("user")
                .distinct()
                .order_by("date_created")
            )
        changes = describe_changes(revisions) or ["someone changed it"]
        deleted = getattr(self, "rows_deleted_meanwhile", [])
        gone = (
            " Rows deleted meanwhile, as you had them (add them again if they should stay): " + "; ".join(deleted) + "."
            if deleted
            else ""
        )
        return (
            f"Not saved: this {self.model._meta.verbose_name} was changed after you opened it — "
            + "; ".join(changes)
            + ". Your changes are still in the form below; the fields and rows you had not touched now show "
            "the saved values. Check your changes against theirs, then save again." + gone
        )


def _drop_row(data, prefix, index):
    """Take row `index` out of a formset's posted data, moving the rows after it up."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for key in [key for key in data if key.startswith((f"{prefix}-{index}-", f"initial-{prefix}-{index}-"))]:
        del data[key]
    for later in range(index + 1, total):
        for old in [key for key in data if key.startswith((f"{prefix}-{later}-", f"initial-{prefix}-{later}-"))]:
            new = old.replace(f"{prefix}-{later}-", f"{prefix}-{later - 1}-", 1)
            data.setlist(new, data.getlist(old))
            del data[old]
    data[f"{prefix}-TOTAL_FORMS"] = str(total - 1)
    data[f"{prefix}-INITIAL_FORMS"] = str(int(data[f"{prefix}-INITIAL_FORMS"]) - 1)


def _row_summary(formset, row):
    """“trivia item: My wording.”: a deleted row's kind and what was typed in it."""
    typed = [
        row.data.get(row.add_prefix(name), "").strip()
        for name, field in row.fields.items()
        if isinstance(field, forms.CharField) and name not in LOCK_FIELDS
    ]
    return f"{formset.model._meta.verbose_name}: “{' / '.join(text for text in typed if text)}”"


def describe_changes(revisions):
    """“chief (27 Nov 2026, 10:03) changed Tagline translation.” for each revision, oldest first."""
    lines = []
    for revision in revisions:
        who = revision.user.get_username() if revision.user else "someone"
        when = date_format(timezone.localtime(revision.date_created), "j M Y, H:i")
        what = revision.comment.rstrip(".") if revision.comment else "Changed it"
        lines.append(f"{who} ({when}): {what}")
    return lines
