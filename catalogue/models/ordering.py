"""
Ordered items of a page (trivia, quotes, list entries…).

Positions are kept dense (1, 2, 3, …) by renumbering after every edit rather
than by a unique constraint: the admin's drag-and-drop inlines save rows one at
a time, and a unique (parent, position) constraint would reject the
intermediate states of a simple swap.
"""

from django.db import models

from ..page_cache import invalidate_pages


class OrderedItem(models.Model):
    position = models.PositiveSmallIntegerField(
        default=0,
        db_index=True,
        help_text="Order on the page; renumbered 1, 2, 3… when saved.",
    )

    class Meta:
        abstract = True
        ordering = ["position", "id"]


def renumber(queryset, field="position"):
    """Give the rows of `queryset` the positions 1..n, keeping their order."""
    rows = list(queryset.order_by(field, "pk"))
    moved = []
    for number, row in enumerate(rows, start=1):
        if getattr(row, field) != number:
            setattr(row, field, number)
            moved.append(row)
    if moved:
        queryset.model._default_manager.bulk_update(moved, [field])
        invalidate_pages()  # bulk_update sends no save signals
    return len(moved)
