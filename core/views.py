from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.utils.http import urlencode

from .data_cache import cached_data, every_row_of


@dataclass(frozen=True)
class Sort:
    label: str
    ordering: tuple = ()  # for querysets; empty where the view sorts by itself


class SortMixin:
    """
    An index page in the order `?sort=` asks for: one of `sorts`, and the
    default for anything else (an old link, a typo) rather than an error.
    """

    sorts = {}  # ?sort= value -> Sort
    default_sort = ""

    def get_sort(self):
        sort = self.request.GET.get("sort", "")
        return sort if sort in self.sorts else self.default_sort

    def get_ordering(self):
        return self.sorts[self.get_sort()].ordering

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.get_sort()
        context.update(
            sort=sort,
            sort_label=self.sorts[sort].label,
            sort_options=[(value, option.label) for value, option in self.sorts.items()],
        )
        return context


@dataclass
class KeptPage:
    """
    One page of an index, kept by core.data_cache: its rows, how many rows
    the whole index has, and whatever else the page shows beside them.
    """

    count: int
    number: int
    object_list: list
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, paginator, page, **extra):
        return cls(paginator.count, page.number, list(page.object_list), extra)

    def paginate(self, per_page):
        """What ListView.paginate_queryset returns, without a query."""
        paginator = Paginator(self.object_list, per_page)
        paginator.count = self.count  # the whole index's, not this page's
        page = Page(self.object_list, self.number, paginator)
        return paginator, page, page.object_list, page.has_other_pages()


class KeptForReadersMixin:
    """
    A page over whole models (an index, a chart): what it shows readers is
    built once and kept by core.data_cache until a row of a model in `reads`
    changes, so at 10,000 films it costs what it costs at a hundred until an
    editor changes something it reads. Signed-in editors always get it built
    afresh. Each address is kept on its own: its query parameters, once
    cache_public_page has left only those the page reads.
    """

    reads = ()  # every model whose rows the page lists or counts

    def kept(self, build):
        if self.request.user.is_authenticated:
            return build()
        # The page cache's wrapper (cache_public_page) left only the parameters the page reads.
        address = urlencode(sorted(self.request.GET.lists()), doseq=True)
        key = f"{self.request.resolver_match.view_name}?{address}"
        return cached_data(key, build, depends_on=every_row_of(*self.reads))


class KeptListMixin(KeptForReadersMixin):
    """
    A ListView whose pages readers get from `kept()`: a page of rows and the
    index's count. With `rows_template`, the page's rows (`object_list`) are
    rendered once and kept with them, given to the page as `rows_html`: at
    10,000 films every page of an index is full, and rendering it was most
    of what a kept page still cost.
    """

    rows_template = None

    def when_built(self, queryset):
        """`queryset` with what only a page being built needs to look up first (not a page read as kept)."""
        return queryset

    def paginate_queryset(self, queryset, page_size):
        def build():
            paginator, page, _, _ = super(KeptListMixin, self).paginate_queryset(self.when_built(queryset), page_size)
            extra = {}
            if self.rows_template:
                rows = {"object_list": page.object_list}
                extra["rows_html"] = render_to_string(self.rows_template, rows, self.request)
            return KeptPage.of(paginator, page, **extra)

        self.kept_page = self.kept(build)
        return self.kept_page.paginate(page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.kept_page.extra)
        return context
