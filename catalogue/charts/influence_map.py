"""
The influence map: which films influenced which, with the notes, for the
whole catalogue (a page of influences at a time) and around one film.

It is an arc diagram: the films in one column in year order, each influence
an arc on their left from the influencer to the influenced film, ending in an
arrow. A column reads the same on a phone as on a wide screen, and titles have
the rest of the width to themselves.
"""

from dataclasses import dataclass

from django.db.models.functions import Lower

from core.publishing import published_q

from ..models import Influence
from .svg import FONT_SIZE, SMALL_FONT_SIZE, WIDTH, film_label, wrap

PAGE_SIZE = 80  # influences on one page of the whole map: up to 160 films in its column

# Layout, in drawing units (the viewBox is WIDTH wide).
TOP = 14
BOTTOM = 14
LINE = 26  # a film's row
NOTE_LINE = 16  # each note under a film (the map around one film)
NODE_X = 84  # the column of films; arcs take the room on its left
MIN_ARC_WIDTH = 10
TEXT_X = NODE_X + 12
RIGHT = 6


def catalogue_influences():
    """Every influence between two published films, oldest influencer first: what the whole map pages through."""
    film_fields = ("title", "slug", "year")
    return (
        Influence.objects.filter(published_q("influencer__"), published_q("influenced__"))
        .select_related("influencer", "influenced")
        .only(
            "note",
            "verification",
            "source",
            "editor_note",
            *(f"{end}__{name}" for end in ("influencer", "influenced") for name in film_fields),
        )
        .order_by(
            "influencer__year",
            Lower("influencer__title"),
            "influencer__pk",
            "influenced__year",
            Lower("influenced__title"),
            "influenced__pk",
        )
    )


def film_order(film):
    return (film.year, film.title.casefold(), film.pk)


@dataclass(frozen=True)
class Node:
    y: int
    text: str  # "Title (year)" fitted to the drawing
    title: str  # in full: the link's accessible name and tooltip
    href: str | None  # None for the film whose page this is
    notes: list  # [(y, line of a note)] under the title, each note on up to two lines

    @property
    def is_focus(self):
        return self.href is None


@dataclass(frozen=True)
class Arc:
    path: str
    description: str  # who influenced whom, and how


@dataclass(frozen=True)
class MapDrawing:
    width: int
    height: int
    nodes: list
    arcs: list
    node_x: int = NODE_X
    text_x: int = TEXT_X
    font_size: int = FONT_SIZE
    note_font_size: int = SMALL_FONT_SIZE


def arc_path(y_from, y_to, longest=None, x=NODE_X):
    """
    Half an ellipse on the left of the column from one row to another. Its
    width grows with the square root of its span against the `longest` span
    on the drawing, so long arcs spread over the room instead of all meeting
    at its edge, and short ones stay close to the column.
    """
    half_span = abs(y_to - y_from) / 2
    longest = max(longest or 0, half_span, 1)
    width = round(max(MIN_ARC_WIDTH, (x - RIGHT) * (half_span / longest) ** 0.5))
    # Downwards the left-hand half runs anticlockwise on screen (sweep 0), upwards clockwise.
    sweep = 0 if y_to > y_from else 1
    return f"M{x} {y_from} A{width} {half_span:g} 0 0 {sweep} {x} {y_to}"


def describe(influence):
    note = f": {influence.note}" if influence.note else ""
    return f"{influence.influencer} influenced {influence.influenced}{note}"


def layout(influences, focus=None):
    """
    The arc diagram of `influences` (rows with both films loaded). With
    `focus` (the film whose page it is), that film is drawn without a link and
    each note is written under the other film of its influence.
    """
    films = {}
    for influence in influences:
        films.setdefault(influence.influencer.pk, influence.influencer)
        films.setdefault(influence.influenced.pk, influence.influenced)
    if focus is not None:
        films.setdefault(focus.pk, focus)
    notes = {pk: [] for pk in films}
    if focus is not None:
        for influence in influences:
            if influence.note:
                other = influence.influenced if influence.influencer.pk == focus.pk else influence.influencer
                notes[other.pk].append(influence.note)

    text_width = WIDTH - TEXT_X - RIGHT
    nodes, rows = [], {}
    y = TOP
    for film in sorted(films.values(), key=film_order):
        row_y = y + LINE // 2
        rows[film.pk] = row_y
        lines = [line for note in notes[film.pk] for line in wrap(note, text_width, SMALL_FONT_SIZE)]
        note_lines = [(row_y + LINE // 2 + NOTE_LINE * (n + 0.5), line) for n, line in enumerate(lines)]
        is_focus = focus is not None and film.pk == focus.pk
        nodes.append(
            Node(
                y=row_y,
                text=film_label(film, text_width),
                title=str(film),
                href=None if is_focus else film.get_absolute_url(),
                notes=[(round(line_y), text) for line_y, text in note_lines],
            )
        )
        y += LINE + NOTE_LINE * len(note_lines)
    ends = [(rows[influence.influencer.pk], rows[influence.influenced.pk]) for influence in influences]
    longest = max((abs(end - start) / 2 for start, end in ends), default=0)
    arcs = [
        Arc(arc_path(start, end, longest), describe(influence))
        for (start, end), influence in zip(ends, influences, strict=True)
    ]
    return MapDrawing(width=WIDTH, height=y + BOTTOM, nodes=nodes, arcs=arcs)
