"""
What a readers' page is built from, kept between edits and retired exactly
when something in it changes.

The page cache retires every page on every edit, so right after an editor
saves anything, each page is rendered again; for a film page, loading its
data (some twenty queries) is two thirds of that. `cached_data(key, build)`
keeps what `build()` returns under `key` in the "page-data" cache and hands
it back until one of the rows it was built from changes.

THE RULE (the one place it is written down). An entry depends on
- every model instance reachable from the value: the instances themselves,
  what `select_related` put on them, their prefetched rows (also `to_attr`
  lists), recursively, and inside lists, tuples, dicts and dataclasses;
- the names given in `depends_on` (a model's label, e.g. "catalogue.film",
  for a page over a whole model such as an index);
- the time of the next scheduled publication: the entry is not used after it.
A committed save or delete of a content row (settings.CONTENT_APPS) stamps,
with the time:
- the row itself ("catalogue.credit:12") and its model ("catalogue.credit");
- every row it points at by foreign key ("catalogue.film:3", "catalogue.person:7"),
  so a new row retires the pages of what it belongs to;
- when a publishable row (a film, a list) is published, unpublished or
  rescheduled, every row pointing at it and every row those point at: pages
  that leave out a draft (its connections, the lists it is in) show it now.
Bulk writes and `invalidate_pages()` retire every entry.

So a page whose data comes entirely from one loading function (the film
page: `film_page_queryset`, which sections added with `add_section` extend
through their prefetch) is retired by exactly what it shows, with nothing to
list by hand. Data loaded any other way (a query in a template tag, a second
query in a view) is not tracked: load it in the cached value, or name what it
depends on in `depends_on`.

Stamps live in the database (`ChangeStamp`), which every app server shares
and nothing evicts; an entry is used only if no stamp it depends on is newer
than the moment its building began (less a margin for clocks), so a reader
who loaded the old rows just before an editor's commit never keeps them.
"""

import dataclasses
import hashlib
import time
from functools import lru_cache, partial
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connections, models, transaction
from django.utils import timezone

from .publishing import Publishable, next_scheduled_time
from .tallies import is_content

DATA_CACHE_ALIAS = "page-data"
EVERYTHING = "*"
# Seconds: app servers' clocks may differ this much.
CLOCK_MARGIN = 1.0


@lru_cache(maxsize=1)
def _code_version():
    """
    Kept entries hold model instances and rendered HTML: a new release (other
    code or templates) must not read what an old one kept in a shared cache.
    """
    root = Path(settings.BASE_DIR)
    files = sorted(
        path
        for folder in ["config", "templates", *(app.parent.name for app in root.glob("*/apps.py"))]
        for pattern in ("*.py", "*.html")
        for path in (root / folder).rglob(pattern)
    )
    stamp = "".join(f"{path}:{path.stat().st_mtime_ns}:{path.stat().st_size}" for path in files)
    return hashlib.md5(stamp.encode(), usedforsecurity=False).hexdigest()[:12]


def _cache():
    return caches[DATA_CACHE_ALIAS] if DATA_CACHE_ALIAS in settings.CACHES else None


def _label(model):
    return model._meta.concrete_model._meta.label_lower


def _row_key(model, pk):
    return f"{_label(model)}:{pk}"


def dependencies(value):
    """The stamp keys of every model instance reachable from `value`."""
    keys, seen, todo = set(), set(), [value]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, models.Model):
            if item.pk is not None:
                keys.add(_row_key(type(item), item.pk))
            todo.extend(item._state.fields_cache.values())
            todo.extend(getattr(item, "_prefetched_objects_cache", {}).values())
            todo.extend(v for v in vars(item).values() if isinstance(v, (list, tuple)))
        elif isinstance(item, models.QuerySet):
            todo.extend(item._result_cache or ())
        elif isinstance(item, (list, tuple, set, frozenset)):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return keys


def every_row_of(*models):
    """For `depends_on`: a change to any row of these models (a page choosing among them all, such as an index)."""
    return {_label(model) for model in models}


def _newest_stamp(keys):
    from .models import ChangeStamp

    table = connections["default"].ops.quote_name(ChangeStamp._meta.db_table)
    keys = [*keys, EVERYTHING]
    with connections["default"].cursor() as cursor:
        cursor.execute(
            f"SELECT MAX(changed_at) FROM {table} WHERE name IN ({', '.join(['%s'] * len(keys))})",  # noqa: S608
            keys,
        )
        return cursor.fetchone()[0]


def cached_data(key, build, depends_on=()):
    """
    `build()`, or what it returned last time if nothing it depends on has
    changed since (see THE RULE above). `build` may return None (nothing to
    show): that is never kept.
    """
    cache = _cache()
    if cache is None:
        return build()
    key = f"{_code_version()}:{key}"
    entry = cache.get(key)
    if entry is not None:
        started, until, keys, value = entry
        if (until is None or timezone.now() < until) and (
            (newest := _newest_stamp(keys)) is None or newest < started - CLOCK_MARGIN
        ):
            return value
    started = time.time()
    until = next_scheduled_time()
    value = build()
    if value is not None:
        cache.set(key, (started, until, frozenset(dependencies(value)) | set(depends_on), value))
    return value


# Writing stamps ------------------------------------------------------------


def _write_stamps(keys, using):
    from .models import ChangeStamp

    now = time.time()
    ChangeStamp.objects.using(using).bulk_create(
        [ChangeStamp(name=key[:255], changed_at=now) for key in sorted(keys)],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["changed_at"],
    )


def stamp(keys, using="default"):
    """Mark `keys` as changed once the current transaction commits (at once outside one)."""
    if keys:
        transaction.on_commit(partial(_write_stamps, frozenset(keys), using), using=using)


def retire_everything(using="default"):
    """Retire every entry once the current transaction commits: after bulk writes, which name no rows."""
    connection = connections[using]
    if connection.in_atomic_block:
        # Fixture loads call this for every row: once per transaction (and
        # savepoint, whose rollback drops what was registered inside it) is enough.
        marker = (connection.run_on_commit, frozenset(connection.savepoint_ids))
        registered = connection.__dict__.get("_kinozavod_retire_everything")
        if registered is not None and registered[0] is marker[0] and registered[1] == marker[1]:
            return
        connection._kinozavod_retire_everything = marker
    stamp({EVERYTHING}, using)


def _foreign_keys(model):
    return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def _pointed_at(model, values):
    """Stamp keys of the rows `values` ({attname: value}) point at."""
    keys = set()
    for field in _foreign_keys(model):
        value = values.get(field.attname)
        if value is None:
            continue
        target = field.related_model
        keys.add(_row_key(target, value) if field.target_field.primary_key else _label(target))
    return keys


def _row_keys(instance):
    model = type(instance)
    keys = {_row_key(model, instance.pk), _label(model)}
    return keys | _pointed_at(model, {f.attname: getattr(instance, f.attname) for f in _foreign_keys(model)})


def _neighbours(instance):
    """Every row pointing at `instance`, and every row those point at."""
    keys = set()
    for relation in instance._meta.related_objects:
        if relation.many_to_many or not relation.field.concrete:
            continue
        related = relation.related_model
        attnames = [f.attname for f in _foreign_keys(related)]
        rows = related._base_manager.using(instance._state.db).filter(**{relation.field.name: instance.pk})
        for row in rows.values("pk", *attnames):
            keys.add(_row_key(related, row["pk"]))
            keys |= _pointed_at(related, row)
    return keys


def remember_publish_time(sender, instance, raw=False, using=None, **kwargs):
    if raw or not is_content(sender) or not isinstance(instance, Publishable) or instance._state.adding:
        return
    instance._published_at_before = (
        sender._base_manager.using(using).filter(pk=instance.pk).values_list("published_at", flat=True).first()
    )


def stamp_saved(sender, instance, created=False, raw=False, using="default", **kwargs):
    if not is_content(sender):
        return
    if raw:  # fixtures load in bulk
        retire_everything(using)
        return
    keys = _row_keys(instance)
    if isinstance(instance, Publishable):
        if created or getattr(instance, "_published_at_before", None) != instance.published_at:
            keys |= _neighbours(instance)
    stamp(keys, using)


def stamp_deleted(sender, instance, using="default", **kwargs):
    # Rows pointing at a deleted row are deleted (or cleared) with it, and stamp themselves.
    if is_content(sender):
        stamp(_row_keys(instance), using)


def stamp_m2m(sender, instance, action, model, pk_set, using="default", **kwargs):
    if not action.startswith("post_") or not (is_content(type(instance)) or is_content(model)):
        return
    keys = {_row_key(type(instance), instance.pk), _label(model)}
    if pk_set is None:  # cleared: which rows were linked is not said
        keys.add(EVERYTHING)
    else:
        keys |= {_row_key(model, pk) for pk in pk_set}
    stamp(keys, using)
