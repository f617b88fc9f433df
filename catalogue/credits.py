"""
Credits grouped by role, the way both the film page (its crew) and a person's
page (their filmography) present them: one group per role, in `Role` order.
"""

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from core.publishing import published_q

from .models import Credit, Role


@dataclass(frozen=True)
class RoleGroup:
    role: str
    credits: list

    @property
    def label(self):
        return Role(self.role).label


def group_by_role(credits, order_within_role):
    """
    `credits` as a list of RoleGroups in Role order; inside a role they follow
    `order_within_role(credit)`.
    """
    ordered = sorted(credits, key=lambda credit: (credit.role_rank, order_within_role(credit)))
    return [RoleGroup(role, list(group)) for role, group in groupby(ordered, key=attrgetter("role"))]


def filmography(person):
    """
    What `person` did on published films, grouped by role, each role's films in
    order of release. Two queries' worth of work however long the career:
    one for the credits, with their films and characters joined in.
    """
    credits = (
        Credit.objects.filter(published_q("film__"), person=person)
        .select_related("film", "character")
        .only(
            "role",
            "note",
            "position",
            "film__title",
            "film__slug",
            "film__year",
            "film__original_title",
            "character__name",
        )
    )
    return group_by_role(credits, lambda credit: (credit.film.year, credit.film.title.casefold(), credit.pk))
