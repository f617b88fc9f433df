"""The catalogue's admin. Importing the modules registers their model admins."""

from . import films, people, studios, trivia  # noqa: F401
