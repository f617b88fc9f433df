from dataclasses import dataclass


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
