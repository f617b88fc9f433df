"""The pictures' colours pass WCAG contrast on both of the timeline's band colours."""

import re
from pathlib import Path

from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static" / "css"
BACKGROUNDS = ("--paper", "--paper-raised")  # the bands the drawings' text sits on
TEXT = ("--ink", "--ink-muted", "--accent", "--accent-dark")  # titles, notes, links, links under the pointer


def site_colours():
    root = (STATIC / "site.css").read_text()
    root = root[root.index(":root") : root.index("}", root.index(":root"))]
    return dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_drawings_paint_only_with_the_sites_colours():
    charts = (STATIC / "charts.css").read_text()

    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", charts) == []
    used = set(re.findall(r"var\((--[a-z-]+)\)", charts))
    assert used <= set(site_colours()) | {"--font-body", "--font-display"}


def test_every_text_colour_of_the_drawings_reads_on_every_band():
    colours = site_colours()

    ratios = {(text, band): contrast(colours[text], colours[band]) for text in TEXT for band in BACKGROUNDS}

    assert {pair: round(ratio, 1) for pair, ratio in ratios.items() if ratio < 4.5} == {}


def test_the_focus_ring_stands_out_from_every_band():
    colours = site_colours()

    assert all(contrast(colours["--focus"], colours[band]) >= 3 for band in BACKGROUNDS)
