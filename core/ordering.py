"""
Ordered items of a page (trivia, quotes, list entries…).

Positions are kept dense (1, 2, 3, …) by renumbering after every edit rather
than by a unique constraint: the admin's drag-and-drop inlines save rows one at
a time, and a unique (parent, position) constraint would reject the
intermediate states of a simple swap.
"""

from django.db import models
from django.db.models import Max

from .page_cache import invalidate_pages


class OrderedItem(models.Model):
    position = models.PositiveSmallIntegerField(
        default=0,
        db_index=True,
        help_text="Order on the page; renumbered 1, 2, 3… when saved.",
    )

    ordered_within = None  # the foreign key naming the list this item is ordered in

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def save(self, *args, **kwargs):
        # A new item without a place goes to the end of its list.
        if self._state.adding and not self.position:
            self.place_at_end()
        super().save(*args, **kwargs)

    def siblings(self):
        """The items of the list this one is in (itself included once saved)."""
        list_id = getattr(self, f"{self.ordered_within}_id")
        return type(self)._default_manager.filter(**{f"{self.ordered_within}_id": list_id})

    def place_at_end(self):
        """Take the place after the last item of the list (for a new item, or one moved to another list)."""
        last = self.siblings().exclude(pk=self.pk).aggregate(last=Max("position"))["last"]
        self.position = (last or 0) + 1


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
