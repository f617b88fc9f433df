"""
How an import writes its rows: model by model, each model after the ones its
rows name, with a few queries per model whatever the number of rows.

For each model, the rows it names (a trivia item's film, a credit's person)
are looked up by natural key in one query per chunk of keys, the rows that
already exist are read the same way, and the new and changed rows are
written with bulk inserts and updates: no query and no signal per row.
Rows the import itself created are remembered, so later models find them
without asking the database.

Every row written passes `full_clean()` first, except what needs a query per
row: references (resolved here, so they exist) and unique and check
constraints, which the database enforces on the write. When it refuses one,
that model's write is rolled back to its savepoint and its rows are checked
in full, one by one, to say which row broke which rule.
"""

from collections import defaultdict
from copy import copy

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connections, transaction
from django.db.models import AutoField, F
from django.utils import timezone
from taggit.models import Tag

from .import_rows import (
    Entry,
    Index,
    chunks,
    fields_a_row_must_name,
    first_line,
    in_dependency_order,
    is_stamped,
    is_version_field,
    natural_key_of,
    normalised_key,
    problems_with,
    reference_fields,
)
from .locking import LockedForEditing
from .tagging import existing_tags_named, tag_identity, validate_tag_name

INSERT_BATCH = 1000
MAX_DIAGNOSED = 50  # rows named after the database refused a model's write
REFUSED = object()  # a reference to a row this import refused


class BulkImport:
    def __init__(self, fixtures, *, partial, using, result, progress=None):
        self.partial = partial
        self.using = using
        self.result = result
        self.progress = progress
        self.problems = []
        self.written = {}  # model -> [pk], created or updated
        self.indexes = {}
        self.entries = {}  # model -> [Entry], models in order of first appearance
        self.created = defaultdict(set)  # model -> pks this import created
        self.bumped = defaultdict(set)  # LockedForEditing model -> pks whose version rose already
        self.explicit_pks = set()  # models given their ids: their sequences move past them
        self.seen = {}  # (model, natural key) -> where it was first seen
        for fixture in fixtures:
            for row, data in fixture.items():
                model = apps.get_model(row.model_label)
                self.entries.setdefault(model, []).append(Entry(fixture.place(row), row, data))

    def index(self, model):
        if model not in self.indexes:
            self.indexes[model] = Index(model)
        return self.indexes[model]

    def run(self):
        total = sum(map(len, self.entries.values()))
        for model in in_dependency_order(self.entries):
            self._import_model(model, self.entries[model])
            if self.progress:
                self.progress(len(self.entries[model]), total)
        if not self.problems:
            self._raise_parent_versions()
            self._reset_sequences()
            self._check_references()

    # One model's rows

    def _import_model(self, model, entries):
        self._look_up_references(model, entries)
        built = [entry for entry in entries if self._build(model, entry)]
        built = [entry for entry in built if self._first_of_its_kind(model, entry)]
        self._look_up_existing(model, built)
        created, updated = [], []
        for entry in built:
            outcome = self._compare(model, entry)
            if outcome == "created":
                created.append(entry)
            elif outcome == "updated":
                updated.append(entry)
            elif outcome == "unchanged":
                self.result.count(model, "unchanged")
        if model is Tag:
            refused = self._break_the_tag_rule(created + updated)
            created = [entry for entry in created if entry not in refused]
            updated = [entry for entry in updated if entry not in refused]
        valid_created = [entry for entry in created if self._valid(entry)]
        valid_updated = [entry for entry in updated if self._valid(entry)]
        self._write(model, valid_created, valid_updated)

    def _refuse(self, model, entry, problems=()):
        self.problems.extend(f"{entry.place}: {problem}" for problem in problems)
        self.index(model).refuse(entry)
        self.result.count(model, "refused")

    def _look_up_references(self, model, entries):
        """Read, in a few queries, the rows that `entries` name and the import has not met yet."""
        wanted = defaultdict(lambda: (set(), set()))
        for field in reference_fields(model):
            index = self.index(field.related_model)
            keys, pks = wanted[field.related_model]
            for entry in entries:
                value = entry.data["fields"].get(field.name)
                if isinstance(value, list | tuple):
                    key = normalised_key(field.related_model, value)
                    if key not in index.by_key:
                        keys.add(key)
                elif value is not None and str(value) not in index.refused_pks:
                    pks.add(value)
        for related_model, (keys, pks) in wanted.items():
            self._load(related_model, keys, pks)

    def _load(self, model, keys=(), pks=()):
        """Add the existing rows of `model` with these natural keys or primary keys to its index."""
        index = self.index(model)
        keys = set(keys) - index.asked_keys - index.refused_keys
        pks = {pk for pk in map(_as_pk(model), pks) if pk is not None} - index.asked_pks
        if not keys and not pks:
            return
        index.asked_keys |= keys
        index.asked_pks |= pks
        manager = model._base_manager.db_manager(self.using)
        lookups = list(getattr(model, "natural_key_fields", ()))
        rows = manager.all()
        if lookups:
            relations = {lookup.rsplit("__", 1)[0] for lookup in lookups if "__" in lookup}
            own = [field.name for field in model._meta.concrete_fields]
            rows = rows.select_related(*relations).only(*own, *[lookup for lookup in lookups if "__" in lookup])
        found = []
        if keys and lookups:
            for chunk in chunks({key[0] for key in keys}):
                found += rows.filter(**{f"{lookups[0]}__in": chunk})
        elif keys and hasattr(model, "natural_key"):
            if model._meta.app_label in settings.CONTENT_APPS:
                found += rows  # a model known by a key of its own making (the one home page): few rows
            else:  # accounts a list names as its author: a handful, each by its manager
                for key in keys:
                    try:
                        found.append(model._default_manager.db_manager(self.using).get_by_natural_key(*key))
                    except (model.DoesNotExist, TypeError, ValueError):
                        pass
        for chunk in chunks(pks):
            found += rows.filter(pk__in=chunk)
        for obj in found:
            index.add(obj)

    def _build(self, model, entry):
        """An unsaved instance for the row, references resolved; False (and why) if it cannot be one."""
        opts = model._meta
        values, problems = {}, []
        if entry.data.get("pk") is not None:
            try:
                values[opts.pk.attname] = opts.pk.to_python(entry.data["pk"])
            except ValidationError as error:
                problems += [f"pk: {message}" for message in error.messages]
        for name, value in entry.data["fields"].items():
            try:
                field = opts.get_field(name)
            except FieldDoesNotExist:
                problems.append(f"{opts.label} has no field “{name}”.")
                continue
            if not field.concrete or field.many_to_many or field.primary_key:
                problems.append(f"{opts.label} field “{name}” cannot be imported.")
            elif field.is_relation:
                related = self._resolve(field, value)
                if related is REFUSED:
                    self.index(model).refuse(entry)
                    self.result.count(model, "refused")
                    return False  # the row it names is refused already, and said why
                if related is None and value is not None:
                    key = " / ".join(map(str, value)) if isinstance(value, list | tuple) else f"id {value}"
                    kind = field.related_model._meta.verbose_name
                    problems.append(f"{field.verbose_name}: there is no {kind} “{key}”.")
                values[field.name] = related
            else:
                try:
                    values[field.attname] = field.to_python(value)
                except ValidationError as error:
                    problems += [f"{name}: {message}" for message in error.messages]
        if problems:
            self._refuse(model, entry, problems)
            return False
        entry.obj = model(**values)
        return True

    def _resolve(self, field, value):
        """The row a reference names: an instance, REFUSED, or None if there is none."""
        if value is None:
            return None
        index = self.index(field.related_model)
        if isinstance(value, list | tuple):
            key = normalised_key(field.related_model, value)
            return REFUSED if key in index.refused_keys else index.by_key.get(key)
        if str(value) in index.refused_pks:
            return REFUSED
        try:
            return index.by_pk.get(field.related_model._meta.pk.to_python(value))
        except ValidationError:
            return None

    def _first_of_its_kind(self, model, entry):
        """Two rows for one item are refused, naming both places."""
        key = natural_key_of(entry.obj)
        if key is None and entry.obj.pk is None:
            return True
        identity = (model, key if key is not None else ("id", entry.obj.pk))
        if identity in self.seen:
            shown = " / ".join(map(str, identity[1]))
            self.problems.append(
                f"{model._meta.verbose_name} “{shown}” appears twice: {self.seen[identity]} and {entry.place}."
            )
            self.result.count(model, "refused")
            return False
        self.seen[identity] = entry.place
        return True

    def _look_up_existing(self, model, entries):
        pks = [entry.obj.pk for entry in entries if "pk" in entry.data and entry.obj.pk is not None]
        keys = [normalised_key(model, key) for entry in entries if (key := natural_key_of(entry.obj)) is not None]
        self._load(model, keys, pks)
        index = self.index(model)
        for entry in entries:
            if "pk" in entry.data and entry.obj.pk is not None:
                entry.existing = index.by_pk.get(entry.obj.pk)
            elif (key := natural_key_of(entry.obj)) is not None:
                entry.existing = index.by_key.get(normalised_key(model, key))

    def _compare(self, model, entry):
        """created, updated or unchanged (entry.obj becomes what will be written); None if refused."""
        if entry.existing is None:
            for field in model._meta.concrete_fields:
                if is_stamped(field) and getattr(entry.obj, field.attname) is None:
                    setattr(entry.obj, field.attname, timezone.now())
            return "created"
        existing, names = entry.existing, entry.row.field_names
        missing = fields_a_row_must_name(model) - names
        if missing and not self.partial:
            self._refuse(
                model,
                entry,
                [
                    f"{model._meta.verbose_name} “{existing}” exists and the row leaves out "
                    f"{', '.join(sorted(missing))}: give every field, or import with --partial to change "
                    "only the fields the row names."
                ],
            )
            return None
        fields = [field for field in model._meta.concrete_fields if field.name in names and not field.primary_key]
        compared = [field for field in fields if not is_stamped(field) and not is_version_field(model, field)]
        if all(field.value_from_object(existing) == field.value_from_object(entry.obj) for field in compared):
            return "unchanged"
        current = copy(existing)
        for field in fields:
            if is_version_field(model, field):
                continue
            # A reference is set as the row it names, so rules that look at it (same film) see the new one.
            name = field.name if field.is_relation else field.attname
            setattr(current, name, getattr(entry.obj, name))
        if issubclass(model, LockedForEditing):
            # Open forms loaded at the old version must not be accepted (core.locking).
            current.version = existing.version + 1
            self.bumped[model].add(current.pk)
        entry.obj = current
        return "updated"

    def _break_the_tag_rule(self, entries):
        """The entries whose new tag names break the tag rule (core.tagging); each refused with why."""
        refused = set()
        named = [entry for entry in entries if entry.existing is None or entry.existing.name != entry.obj.name]
        existing = existing_tags_named([entry.obj.name for entry in named])
        brought = {}
        for entry in named:
            tag = entry.obj
            try:
                validate_tag_name(tag.name)
            except ValidationError as error:
                self._refuse(Tag, entry, error.messages)
                refused.add(entry)
                continue
            identity = tag_identity(tag.name)
            same = existing.get(identity)
            if same is not None and same.pk == tag.pk:
                same = None
            same = same or brought.get(identity)
            if same is not None:
                self._refuse(Tag, entry, [f"tag “{tag.name}” is the existing tag “{same.name}”; use that spelling."])
                refused.add(entry)
                continue
            brought[identity] = tag
        return refused

    def _valid(self, entry):
        problems = problems_with(entry.obj)
        if problems:
            self._refuse(type(entry.obj), entry, problems)
        return not problems

    # Writing

    def _write(self, model, created, updated):
        if not created and not updated:
            return
        try:
            with transaction.atomic(using=self.using):
                self._insert(model, [entry.obj for entry in created])
                self._update(model, updated)
        except DatabaseError as error:
            self._diagnose(model, created, updated, error)
            return
        index = self.index(model)
        for entry in created:
            index.add(entry.obj)
            self.created[model].add(entry.obj.pk)
        for entry in updated:
            index.add(entry.obj)
        self.result.count(model, "created", len(created))
        self.result.count(model, "updated", len(updated))
        self.written[model] = [entry.obj.pk for entry in created + updated]

    def _insert(self, model, objs):
        """Bulk inserts that keep every value the rows give (`bulk_create` would restamp created_at)."""
        if not objs:
            return
        opts, connection = model._meta, connections[self.using]
        queryset = model._base_manager.using(self.using)
        fields = [field for field in opts.concrete_fields if not field.generated]
        given = [obj for obj in objs if obj.pk is not None]
        new = [obj for obj in objs if obj.pk is None]
        if given:
            self.explicit_pks.add(model)
            for batch in chunks(given, max(1, min(INSERT_BATCH, connection.ops.bulk_batch_size(fields, given)))):
                queryset._insert(batch, fields=fields, raw=True, using=self.using)
        if new:
            fields = [field for field in fields if not isinstance(field, AutoField)]
            size = connection.ops.bulk_batch_size(fields, new)
            if not connection.features.can_return_rows_from_bulk_insert:
                size = 1
            returning = opts.db_returning_fields
            for batch in chunks(new, max(1, min(INSERT_BATCH, size))):
                rows = queryset._insert(batch, fields=fields, returning_fields=returning, raw=True, using=self.using)
                for obj, values in zip(batch, rows, strict=True):
                    for field, value in zip(returning, values, strict=True):
                        setattr(obj, field.attname, value)
        for obj in objs:
            obj._state.adding, obj._state.db = False, self.using

    def _update(self, model, entries):
        """Bulk updates of the fields the rows name (all of them, unless partial), grouped by those fields."""
        by_fields = defaultdict(list)
        names = {field.name for field in model._meta.concrete_fields if not field.primary_key}
        if issubclass(model, LockedForEditing):
            names_always = {"version"}
        else:
            names_always = set()
        for entry in entries:
            named = entry.row.field_names | names_always if self.partial else names
            by_fields[tuple(sorted(names & named))].append(entry.obj)
        for fields, group in by_fields.items():
            model._base_manager.using(self.using).bulk_update(group, fields)

    def _diagnose(self, model, created, updated, error):
        """The database refused this model's rows: find which rows, checking each in full (queries per row)."""
        for entry in created:
            if isinstance(model._meta.pk, AutoField) and "pk" not in entry.data:
                entry.obj.pk = None
            entry.obj._state.adding = True
        named = 0
        for entry in created + updated:
            problems = [] if named >= MAX_DIAGNOSED else problems_with(entry.obj, everything=True)
            named += bool(problems)
            self._refuse(model, entry, problems)
        if not named:
            self.problems.append(f"{model._meta.verbose_name_plural}: the database refused them: {first_line(error)}")

    def _raise_parent_versions(self):
        """A row added or changed under a film or a list is a change to it: forms opened before are out of date."""
        touched = defaultdict(set)
        for model, pks in self.written.items():
            parents = getattr(model, "locked_parents", ())
            if not parents:
                continue
            index = self.index(model)
            for pk in pks:
                obj = index.by_pk[pk]
                for name in parents:
                    field = model._meta.get_field(name)
                    touched[field.related_model].add(getattr(obj, field.attname))
        for parent, pks in touched.items():
            pks -= self.created[parent] | self.bumped[parent] | {None}
            for chunk in chunks(pks):
                parent._base_manager.using(self.using).filter(pk__in=chunk).update(version=F("version") + 1)

    def _check_references(self):
        """
        The database checks every reference now rather than at the commit
        (PostgreSQL defers them): a broken one is refused like any problem,
        and the transaction is left with no checks pending.
        """
        try:
            connections[self.using].check_constraints(table_names=[model._meta.db_table for model in self.written])
        except DatabaseError as error:
            self.problems.append(first_line(error))

    def _reset_sequences(self):
        """Rows that carried their own ids must not collide with the next one an editor creates."""
        if not self.explicit_pks:
            return
        connection = connections[self.using]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), list(self.explicit_pks)):
                cursor.execute(statement)


def _as_pk(model):
    """Turns a row's id for `model` into its Python value; None for one that cannot be an id (named as missing)."""

    def convert(value):
        try:
            return model._meta.pk.to_python(value)
        except ValidationError:
            return None

    return convert
