"""A reader's query, and the results grouped by kind, in a fixed number of database queries."""

from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import Lower, RowNumber

from . import registry
from .documents import SearchDocument
from .engines import engine_for
from .folding import fold
from .text import excerpt, has_match, highlight, stems

MAX_QUERY_LENGTH = 200  # characters read of a query; the rest is ignored, and the page says so
MAX_TERMS = 12
SHOWN_PER_KIND = 5  # on the page of all kinds; a kind's own page shows PAGE_SIZE
PAGE_SIZE = 20
SHOWN_FIELDS = ("rank", "kind", "title", "subtitle", "url", "text_a", "text_b", "text_c", "text_d")


@dataclass(frozen=True)
class Query:
    text: str  # as typed, cut to MAX_QUERY_LENGTH
    shortened: bool = False

    @classmethod
    def parse(cls, raw):
        text = " ".join((raw or "").split())
        if len(text) <= MAX_QUERY_LENGTH:
            return cls(text)
        # Cut between words where there are any: half a word would be searched for as a word.
        cut = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0] if " " in text[:MAX_QUERY_LENGTH] else text
        return cls(cut[:MAX_QUERY_LENGTH], shortened=True)

    @property
    def folded(self):
        return fold(self.text)

    @property
    def terms(self):
        """The stems searched for (stop words and punctuation leave none)."""
        return stems(self.text)[:MAX_TERMS]

    def __bool__(self):
        return bool(self.terms)


@dataclass
class Hit:
    kind: str
    title: str
    subtitle: str
    url: str
    excerpt: str


@dataclass
class Group:
    kind: registry.Kind
    count: int
    hits: list = field(default_factory=list)

    @property
    def label(self):
        return self.kind.singular if self.count == 1 else self.kind.plural

    @property
    def more(self):
        return self.count > len(self.hits)


def visible_documents():
    """Index rows of what readers may see right now, asked of each source's `visible()`."""
    condition = Q(pk__in=[])
    for source in registry.sources():
        visible = source.visible().filter(pk=OuterRef("object_id"))
        condition |= Q(source=source.label) & Exists(visible)
    return SearchDocument.objects.filter(condition)


def _hit(row, terms):
    title = highlight(row["title"], terms)
    # The passage worth showing: where the words are found below the title, else the start of the text.
    passages = (row["text_b"], row["text_c"], row["text_d"])
    found = next((text for text in passages if has_match(text, terms)), None)
    if found is None:
        found = "" if has_match(row["text_a"], terms) and not row["text_c"] else (row["text_c"] or row["text_d"])
    return Hit(row["kind"], title, row["subtitle"], row["url"], excerpt(found, terms))


def search(query, kind=None, page=1):
    """
    [Group] in the registry's order with their counts; each shows its best
    SHOWN_PER_KIND hits, or with `kind` that kind's page `page` of PAGE_SIZE.
    Two database queries whatever the catalogue's size.
    """
    if not query:
        return []
    connection = connections[router.db_for_read(SearchDocument)]
    engine = engine_for(connection, query)
    matched = engine.match(visible_documents())
    if kind is not None:
        matched = matched.filter(kind=kind)
    counts = dict(matched.order_by().values_list("kind").annotate(number=Count("pk")))
    if not counts:
        return []
    ranked = matched.annotate(rank=engine.rank()).order_by("-rank", Lower("title"), "pk")
    if kind is None:
        by_kind = Window(RowNumber(), partition_by=[F("kind")], order_by=[F("rank").desc(), Lower("title"), "pk"])
        rows = ranked.annotate(place=by_kind).filter(place__lte=SHOWN_PER_KIND).values(*SHOWN_FIELDS)
    else:
        start = (page - 1) * PAGE_SIZE
        rows = ranked.values(*SHOWN_FIELDS)[start : start + PAGE_SIZE]
    terms = set(query.terms)
    groups = {name: Group(registry.kind(name), number) for name, number in counts.items() if registry.kind(name)}
    # Sorted here too: the database need not keep a subquery's order.
    for row in sorted(rows, key=lambda row: (-row["rank"], row["title"].casefold())):
        if row["kind"] in groups:
            groups[row["kind"]].hits.append(_hit(row, terms))
    return sorted(groups.values(), key=lambda group: group.kind.order)
