"""Deterministic synthetic catalogues for benchmarks and scale tests (`manage.py generate_catalogue`)."""

from .films import FilmGenerator

__all__ = ["FilmGenerator"]
