from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator


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
