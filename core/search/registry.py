"""
What search finds, as the apps above core declare it. Core knows no model of
theirs: each app registers its kinds of result (films, lists…) and the sources
that fill them, in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet


@dataclass(frozen=True)
class Kind:
    """A group of results on the results page."""

    name: str  # as in ?kind=
    singular: str
    plural: str
    order: int


@dataclass(frozen=True)
class Entry:
    """What one indexed row says: its link and its texts by weight (A: titles … D: items)."""

    title: str
    url: str
    subtitle: str = ""
    a: str = ""
    b: str = ""
    c: str = ""
    d: str = ""


def texts(*parts):
    """Non-empty parts, one per line: a weight's text."""
    return "\n".join(str(part) for part in parts if part)


@dataclass(frozen=True)
class Source:
    """
    One model whose rows are indexed. `entry(row)` describes a row (from
    `rows()`, which loads what that needs). `visible()` is the queryset of
    rows readers may see, asked at query time, so that a scheduled item is
    found from its minute on without any save. `follows` names the models
    whose rows change this one's entries: {model: attribute naming this
    model's row (e.g. "film_id"), or a function from their primary keys to
    this model's}.
    """

    model: type
    kind: str
    entry: Callable
    visible: Callable[[], QuerySet]
    rows: Callable[[], QuerySet] = None
    follows: dict = field(default_factory=dict)

    @property
    def label(self):
        return self.model._meta.label_lower

    def queryset(self):
        return self.rows() if self.rows else self.model._default_manager.all()


_kinds = {}
_sources = {}


def register_kind(kind):
    _kinds[kind.name] = kind


def register(source):
    _sources[source.label] = source


def kinds():
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def kind(name):
    return _kinds.get(name)


def sources():
    return list(_sources.values())


def source(label):
    return _sources.get(label)
