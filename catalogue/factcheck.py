"""
Every claim the catalogue makes — trivia, awards, influence notes — in one
place for fact-checking, and the rule for marking one: verified needs a
source, disputed needs a note for readers.
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Concat

from .models import Award, Influence, Trivia, Verification

CLAIM_KINDS = {"trivia": Trivia, "award": Award, "influence": Influence}
OPEN = (Verification.UNVERIFIED, Verification.DISPUTED)


def _claim_text(kind):
    """What the claim says, as one line."""
    if kind == "trivia":
        return F("text")
    if kind == "award":
        return Concat("name", Value(" "), "category", output_field=CharField())
    return Concat("influencer__title", Value(" influenced "), "influenced__title", Value(": "), "note")


def claims(kind=None, statuses=OPEN, film=None):
    """Claims as rows (kind, pk, film, text, source, status, note), by film and kind, one query."""
    parts = []
    for name, model in CLAIM_KINDS.items():
        if kind and kind != name:
            continue
        rows = model.objects.filter(verification__in=statuses)
        if film is not None:
            rows = rows.filter(Q(**{model.claim_film: film}) | (Q(influencer=film) if model is Influence else Q()))
        parts.append(
            rows.annotate(
                kind=Value(name, output_field=CharField()),
                film_pk=F(f"{model.claim_film}_id"),
                film_title=F(f"{model.claim_film}__title"),
                claim=_claim_text(name),
            )
            .values("kind", "pk", "film_pk", "film_title", "claim", "source", "verification", "editor_note")
            .order_by()  # the union is ordered as a whole
        )
    if not parts:
        return []
    first, *rest = parts
    return (
        first.union(*rest, all=True).order_by("film_title", "kind", "pk")
        if rest
        else first.order_by("film_title", "pk")
    )


def claim_films(claim):
    """The films whose pages state `claim`."""
    if isinstance(claim, Influence):
        return [claim.influenced, claim.influencer]
    return [claim.film]


@dataclass
class Marked:
    changed: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)  # reason -> [claims left as they were]


def set_verification(claims_to_mark, verification, user):
    """
    Mark the claims the rules allow, as one revision (with the films they are
    on, so each film's history shows it), and say which were left alone and why.
    """
    result = Marked()
    for claim in claims_to_mark:
        claim.verification = verification
        try:
            claim.clean()
        except ValidationError as error:
            for reason in error.messages:
                result.refused.setdefault(reason, []).append(claim)
        else:
            result.changed.append(claim)
    if result.changed:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(
                f"Marked {len(result.changed)} claim(s) as {Verification(verification).label.lower()}."
            )
            for claim in result.changed:
                # One save per claim, not bulk_update: saving retires cached pages and raises the film's version.
                claim.save(update_fields=["verification"])
                for film in claim_films(claim):
                    reversion.add_to_revision(film)
    return result
