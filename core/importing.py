"""
Importing whole catalogues from fixture files: content only, all or nothing,
and nothing lost.

`loaddata` accepts rows of any model (a "catalogue" could create a superuser),
saves rows as they come without the validation an editor's form gets, blanks
every field a row leaves out, lets a second row with the same key silently
win, and reports trouble as raw errors. Here:

- every file is read first; one that cannot be read gets one line saying why;
- only rows of the content apps (settings.CONTENT_APPS) are accepted; any
  other model is refused by name before anything is written;
- a row for an item that exists must carry every field, unless the import is
  `partial`: then only the fields a row names change;
- two rows for the same item (same natural key) are refused, naming both;
- tag names follow the one tag rule (core.tagging);
- rows are saved in one transaction, each written row is then checked with
  `full_clean()`, and any problem rolls the whole import back.
"""

from copy import copy
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError, DeserializedObject
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from taggit.models import Tag

from .fixture_files import ROW_ERRORS, Unreadable, read_fixture
from .tagging import find_tag, validate_tag_name


class ImportRefused(Exception):
    """Nothing was imported; `problems` says why, one line per problem."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def import_fixtures(*paths, partial=False, using=DEFAULT_DB_ALIAS):
    """
    Import fixture files together and return an ImportResult; raise
    ImportRefused, with nothing written, if anything is wrong. With `partial`,
    rows for existing items change only the fields they name.
    """
    fixtures, problems = [], []
    for path in paths:
        try:
            fixtures.append(read_fixture(str(path)))
        except Unreadable as unreadable:
            problems.append(str(unreadable))
    problems += [problem for fixture in fixtures for problem in _refused_models(fixture)]
    if problems:
        raise ImportRefused(problems)

    importer = _Import(partial, using)
    with transaction.atomic(using=using):
        connection = connections[using]
        with connection.constraint_checks_disabled():
            for fixture in fixtures:
                if not importer.broken:
                    importer.load(fixture)
            if not importer.problems:
                importer.finish()
        if importer.problems:
            raise ImportRefused(importer.problems)
    return importer.result


def content_model(label):
    """The model `label` names if it is content that may be imported, else None."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if model._meta.app_label in settings.CONTENT_APPS else None


def _refused_models(fixture):
    """One line per model in `fixture` that is not content (users, groups, sessions, the admin log…)."""
    refused = {}
    for row in fixture.rows:
        if content_model(row.model_label) is None:
            refused.setdefault(row.model_label, []).append(row.number)
    content = ", ".join(settings.CONTENT_APPS)
    return [
        f"{fixture.path}: {len(numbers)} “{label}” row(s) refused (rows {', '.join(map(str, numbers))}): "
        f"{'not a model' if _unknown(label) else 'not content'}; only {content} rows can be imported."
        for label, numbers in refused.items()
    ]


def _unknown(label):
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        return True
    return False


def fields_a_row_must_name(model):
    """What an export (`dumpdata`) writes for `model`: every field but the id and ordered links."""
    return {field.name for field in model._meta.local_fields if field.serialize} | {
        field.name
        for field in model._meta.local_many_to_many
        if field.serialize and field.remote_field.through._meta.auto_created
    }


class _Import:
    def __init__(self, partial, using):
        self.partial = partial
        self.using = using
        self.result = ImportResult()
        self.problems = []
        self.seen = {}  # identity -> where it was first seen
        self.written = []  # (place, instance), to validate once everything is saved
        self.deferred = []  # rows naming rows later in the files
        self.models = set()
        self.broken = False  # after a database error nothing more can be asked in this transaction

    def load(self, fixture):
        for row, deserialized in fixture.deserialize(self.using):
            place = fixture.place(row)
            if isinstance(deserialized, ROW_ERRORS):
                self.problems.append(f"{place}: {_first_line(deserialized)}")
                continue
            try:
                self.take(place, row, deserialized)
            except DatabaseError as error:
                # The transaction cannot go on after a database error (PostgreSQL): stop here.
                self.problems.append(f"{place}: {_first_line(error)}")
                self.broken = True
                return

    def take(self, place, row, deserialized):
        obj = deserialized.object
        model = type(obj)
        identity = _identity(obj)
        if identity is not None:
            if identity in self.seen:
                key = " / ".join(map(str, identity[-1]))
                self.problems.append(
                    f"{model._meta.verbose_name} “{key}” appears twice: {self.seen[identity]} and {place}."
                )
                return
            self.seen[identity] = place

        existing = model._default_manager.using(self.using).filter(pk=obj.pk).first() if obj.pk is not None else None
        if existing is not None:
            missing = fields_a_row_must_name(model) - row.field_names
            if missing and not self.partial:
                self.problems.append(
                    f"{place}: {model._meta.verbose_name} “{existing}” exists and the row leaves out "
                    f"{', '.join(sorted(missing))}: give every field, or import with --partial to change "
                    "only the fields the row names."
                )
                return
            deserialized = _named_fields_onto(existing, deserialized, row.field_names)
            if not deserialized.deferred_fields and _same(existing, deserialized, row.field_names):
                self.result.unchanged += 1
                return

        if isinstance(deserialized.object, Tag) and not self._tag_name_kept(place, existing, deserialized.object):
            return
        deserialized.save(using=self.using)
        self.models.add(model)
        if deserialized.deferred_fields:
            self.deferred.append((place, deserialized))
        self.written.append((place, deserialized.object))
        if existing is None:
            self.result.created += 1
        else:
            self.result.updated += 1

    def _tag_name_kept(self, place, existing, tag):
        """The tag rule, for names the import brings; a tag that exists keeps its name."""
        if existing is not None and existing.name == tag.name:
            return True
        try:
            validate_tag_name(tag.name)
        except ValidationError as error:
            self.problems.extend(f"{place}: {message}" for message in error.messages)
            return False
        same = find_tag(tag.name, exclude=existing)
        if same is not None:
            self.problems.append(f"{place}: tag “{tag.name}” is the existing tag “{same.name}”; use that spelling.")
            return False
        return True

    def finish(self):
        for place, deserialized in self.deferred:
            try:
                deserialized.save_deferred_fields(using=self.using)
            except (DeserializationError, *ROW_ERRORS) as error:
                self.problems.append(f"{place}: {_first_line(error)}")
        if self.problems:
            return
        connection = connections[self.using]
        try:
            connection.check_constraints(table_names=[model._meta.db_table for model in self.models])
            # Rows that carried their own ids must not collide with the next one an editor creates.
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), list(self.models)):
                    cursor.execute(statement)
        except DatabaseError as error:
            self.problems.append(_first_line(error))
            return
        for place, obj in self.written:
            self.problems += [f"{place}: {problem}" for problem in _problems_with(obj)]


def _identity(obj):
    """What makes two rows the same item: the natural key, or the id a row gives."""
    if hasattr(obj, "natural_key"):
        try:
            return (obj._meta.label, tuple(obj.natural_key()))
        except (AttributeError, ValueError):  # names a row that comes later: known only once saved
            pass
    if obj.pk is not None:
        return (obj._meta.label, ("id", obj.pk))
    return None


def _comparable(model, names):
    return [
        field
        for field in model._meta.local_fields
        if field.name in names and not field.primary_key and not getattr(field, "auto_now", False)
    ]


def _named_fields_onto(existing, deserialized, names):
    """The existing item with only the fields the row names taken from the row (all of them, for a full row)."""
    current = copy(existing)
    for field in _comparable(type(existing), names):
        setattr(current, field.attname, getattr(deserialized.object, field.attname))
    m2m = {name: values for name, values in deserialized.m2m_data.items() if name in names}
    deferred = {field: value for field, value in deserialized.deferred_fields.items() if field.name in names}
    return DeserializedObject(current, m2m, deferred)


def _same(existing, deserialized, names):
    fields = _comparable(type(existing), names)
    if any(field.value_from_object(existing) != field.value_from_object(deserialized.object) for field in fields):
        return False
    return all(
        {related.pk for related in getattr(existing, name).all()} == set(values)
        for name, values in deserialized.m2m_data.items()
    )


def _problems_with(row):
    try:
        row.full_clean()
    except ValidationError as error:
        label = f"{row._meta.verbose_name} “{row}”"
        if hasattr(error, "error_dict"):
            return [
                f"{label}: {field}: {message}" if field != "__all__" else f"{label}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
        return [f"{label}: {message}" for message in error.messages]
    return []


def _first_line(error):
    # Database errors append SQL details on later lines; the first one says what went wrong.
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
