"""The influence map's layout, computed in Python: films in year order, arcs from influencer to influenced."""

import re

from catalogue.charts.influence_map import NODE_X, RIGHT, arc_path, layout
from catalogue.charts.svg import CHARACTER_WIDTH, wrap
from catalogue.models import Film, Influence


def film(pk, title, year):
    return Film(pk=pk, title=title, year=year, slug=f"film-{pk}")


STRIKE, CHAPAEV, MINERS, CITIZEN = (
    film(1, "Strike", 1925),
    film(2, "Chapaev", 1934),
    film(3, "The Miners", 1937),
    film(4, "The Great Citizen", 1938),
)


def influence(influencer, influenced, note=""):
    return Influence(influencer=influencer, influenced=influenced, note=note)


def test_films_take_a_row_each_in_year_order_whatever_the_order_of_influences():
    drawing = layout([influence(MINERS, CITIZEN), influence(STRIKE, MINERS)])

    assert [node.title for node in drawing.nodes] == ["Strike (1925)", "The Miners (1937)", "The Great Citizen (1938)"]
    assert [node.y for node in drawing.nodes] == sorted(node.y for node in drawing.nodes)
    assert drawing.height > drawing.nodes[-1].y


def test_an_arc_runs_down_from_an_older_influencer_and_up_from_a_younger_one():
    drawing = layout([influence(STRIKE, MINERS), influence(CITIZEN, CHAPAEV)])
    rows = {node.title: node.y for node in drawing.nodes}

    down, up = (arc.path for arc in drawing.arcs)
    assert down.startswith(f"M{NODE_X} {rows['Strike (1925)']} ") and down.endswith(
        f" 0 0 0 {NODE_X} {rows['The Miners (1937)']}"
    )
    assert up.startswith(f"M{NODE_X} {rows['The Great Citizen (1938)']} ") and up.endswith(
        f" 0 0 1 {NODE_X} {rows['Chapaev (1934)']}"
    )


def test_the_longest_arc_takes_the_room_left_of_the_column_and_never_more():
    width = int(re.search(r" A(\d+) ", arc_path(0, 100_000)).group(1))

    assert width == NODE_X - RIGHT


def test_a_shorter_arc_stays_closer_to_the_column():
    drawing = layout([influence(STRIKE, CHAPAEV), influence(STRIKE, CITIZEN)])

    short, long = (int(re.search(r" A(\d+) ", arc.path).group(1)) for arc in drawing.arcs)
    assert short < long == NODE_X - RIGHT


def test_each_arc_says_who_influenced_whom_and_how():
    drawing = layout([influence(CHAPAEV, MINERS, "Character archetypes")])

    assert [arc.description for arc in drawing.arcs] == [
        "Chapaev (1934) influenced The Miners (1937): Character archetypes"
    ]


def test_around_one_film_that_film_has_no_link_and_each_note_sits_under_the_other_film():
    drawing = layout([influence(CHAPAEV, MINERS, "Archetypes"), influence(MINERS, CITIZEN, "Enemies")], focus=MINERS)

    chapaev, miners, citizen = drawing.nodes
    assert miners.href is None and miners.is_focus
    assert chapaev.href == "/films/film-2/"
    assert [text for _, text in chapaev.notes] == ["Archetypes"]
    assert [text for _, text in citizen.notes] == ["Enemies"]
    assert miners.notes == []
    assert chapaev.y < chapaev.notes[0][0] < miners.y


def test_the_whole_map_writes_no_notes_under_films():
    drawing = layout([influence(CHAPAEV, MINERS, "Archetypes")])

    assert all(node.notes == [] for node in drawing.nodes)
    assert all(node.href for node in drawing.nodes)


def test_a_film_alone_is_drawn_around_itself():
    (node,) = layout([], focus=MINERS).nodes

    assert node.is_focus


def test_a_long_title_is_cut_and_keeps_its_year():
    long = film(9, "Heroes of the Second Five-Year Plan in the Coal Mines of the Eastern Donbas", 1934)

    node = next(node for node in layout([influence(long, MINERS)]).nodes if node.title.startswith("Heroes"))

    assert node.text.endswith("… (1934)")
    assert len(node.text) < 40


def test_a_long_note_wraps_onto_two_lines_between_words_and_is_cut_after_that():
    note = (
        "Montage of the crowd, the factory whistle as a call to arms, and the slaughterhouse cut that closes the film"
    )

    lines = wrap(note, 200, 12)

    assert len(lines) == 2
    assert note.startswith(lines[0]) and not lines[0].endswith(" ")
    assert lines[1].endswith("…")


def test_an_unbroken_note_is_cut_anywhere():
    lines = wrap("Ш" * 200, 200, 12)

    assert len(lines) == 2
    assert all(len(line) <= 200 / (12 * CHARACTER_WIDTH) for line in lines)
