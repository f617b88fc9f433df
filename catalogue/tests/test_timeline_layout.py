"""The timeline's layout, computed in Python: positions down the drawing, fitted titles."""

from catalogue.charts.svg import WIDTH, fit
from catalogue.charts.timeline import LINE, TITLE_X, by_year, layout
from catalogue.models import Film


def films(*titles_and_years):
    return [Film(title=title, year=year, slug=f"film-{n}") for n, (title, year) in enumerate(titles_and_years)]


def test_years_go_down_the_drawing_in_order_with_their_films_beside_them():
    drawing = layout(by_year(films(("Aelita", 1924), ("Strike", 1925), ("Turksib", 1929))))

    assert [mark.year for mark in drawing.years] == [1924, 1925, 1929]
    assert [mark.y for mark in drawing.years] == sorted(mark.y for mark in drawing.years)
    assert [mark.y for mark in drawing.films] == [mark.y for mark in drawing.years]


def test_films_of_one_year_take_a_line_each():
    drawing = layout(by_year(films(("Strike", 1925), ("Battleship Potemkin", 1925))))

    first, second = drawing.films
    assert second.y - first.y == LINE
    assert len(drawing.years) == 1


def test_each_decade_gets_a_band_that_holds_its_years():
    drawing = layout(
        by_year(films(("Strike", 1925), ("Enthusiasm", 1930), ("The Miners", 1937))),
        decade_href=lambda decade: f"?decade={decade}",
    )

    assert [(band.label, band.href) for band in drawing.bands] == [("1920s", "?decade=1920"), ("1930s", "?decade=1930")]
    twenties, thirties = drawing.bands
    assert twenties.y + twenties.height == thirties.y
    assert thirties.y < drawing.years[1].y < drawing.years[2].y < thirties.y + thirties.height
    assert drawing.height >= thirties.y + thirties.height


def test_a_long_title_is_cut_to_fit_the_drawing_and_named_in_full():
    long_title = "Heroes of the Second Five-Year Plan in the Coal Mines of the Eastern Donbas"
    drawing = layout(by_year(films((long_title, 1934))))

    (mark,) = drawing.films
    assert mark.text.endswith("…")
    assert long_title.startswith(mark.text[:-1])
    assert mark.title == f"{long_title} (1934)"
    assert mark.text == fit(long_title, WIDTH - TITLE_X - 6)


def test_a_short_title_is_drawn_whole():
    assert fit("Strike", 200) == "Strike"


def test_an_empty_timeline_has_no_marks():
    drawing = layout([])

    assert drawing.bands == drawing.years == drawing.films == []
