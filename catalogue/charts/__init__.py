"""
Pictures of the catalogue: a timeline of its films and a map of which films
influenced which, drawn on the server as SVG.

Each layout is computed here in plain Python (positions in the drawing's own
units, text already fitted) and templates only draw it. Both layouts are a
column of labelled rows, so a few lines of arithmetic place them; a charting
package would add a dependency and usually JavaScript for no gain, and the
SVG it wrote would be harder to make accessible (real links, titles, focus).
"""
