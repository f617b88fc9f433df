"""The curation admin. Importing the modules registers their model admins."""

from . import home, lists, themes  # noqa: F401
