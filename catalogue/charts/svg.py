"""What both drawings share: their width, type sizes, and fitting text into a width."""

# Every drawing is this many units wide (its viewBox) and scales to its
# column: about a phone's width, so type there is near body size, and the
# stylesheet caps it on wide screens (where the text alternative sits beside it).
WIDTH = 320
FONT_SIZE = 14
SMALL_FONT_SIZE = 12
# Average advance of a character as a share of the font size. Wider than a
# typical Latin average (about 0.52 in the system sans-serif), so Cyrillic and
# capitals fit too: a title is cut a little early rather than clipped.
CHARACTER_WIDTH = 0.56
ELLIPSIS = "…"


def fit(text, width, font_size=FONT_SIZE):
    """`text` cut to what fits in `width` units at `font_size`, ending with an ellipsis when cut."""
    room = max(1, int(width / (font_size * CHARACTER_WIDTH)))
    if len(text) <= room:
        return text
    return text[: room - 1].rstrip() + ELLIPSIS


def wrap(text, width, font_size=FONT_SIZE, max_lines=2):
    """`text` broken into at most `max_lines` lines that fit `width`, between words where it can; the last one cut."""
    room = max(1, int(width / (font_size * CHARACTER_WIDTH)))
    lines, rest = [], " ".join(text.split())
    while rest and len(lines) < max_lines - 1 and len(rest) > room:
        cut = rest.rfind(" ", 0, room + 1)
        cut = cut if cut > 0 else room  # one unbroken word longer than the line: cut it anywhere
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        lines.append(fit(rest, width, font_size))
    return lines


def film_label(film, width, font_size=FONT_SIZE):
    """The film's title and year fitted to `width`: the title is shortened, the year always shows."""
    year = f" ({film.year})"
    room = width - len(year) * font_size * CHARACTER_WIDTH
    return fit(film.title, room, font_size) + year
