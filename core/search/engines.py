"""
How the index matches and ranks, per database. Both rank a word found in a
title (weight A) above one in an original or alternative title (B), a long
text (C) or an item (D), with PostgreSQL's default weights.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Case, F, FloatField, Func, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .text import stems

WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}  # PostgreSQL's defaults for A, B, C, D
CONFIGURATIONS = ("russian", "english")
FTS_TABLE = "core_searchdocument_fts"  # SQLite: the FTS5 index of `stems` (migration core 0004)


def stem_column(entry):
    """SQLite's matching text: every stem of every weight, once each, as " a:шахтер c:miner "."""
    tokens = dict.fromkeys(f"{weight}:{word}" for weight in WEIGHTS for word in stems(getattr(entry, weight)))
    return f" {' '.join(tokens)} " if tokens else ""


def fts_expression(terms):
    """
    SQLite's FTS5 query for `terms`: each found at some weight. Every token is
    an FTS5 string, so nothing a reader types is read as FTS5 syntax.
    """

    def token(weight, term):
        return '"' + f"{weight}:{term}".replace('"', '""') + '"'

    return " AND ".join(f"({' OR '.join(token(weight, term) for weight in WEIGHTS)})" for term in terms)


def _folded(column):
    return Func(F(column), Value("ёЁ"), Value("еЕ"), function="TRANSLATE", output_field=TextField())


def vector():
    """PostgreSQL: the weighted vector of a row's texts, in both configurations."""
    parts = [
        SearchVector(_folded(f"text_{weight}"), config=configuration, weight=weight.upper())
        for weight in WEIGHTS
        for configuration in CONFIGURATIONS
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return combined


class PostgreSQLEngine:
    def __init__(self, query):
        self.query = query
        search_query = None
        for configuration in CONFIGURATIONS:
            one = SearchQuery(query.folded, config=configuration, search_type="websearch")
            search_query = one if search_query is None else search_query | one
        self.search_query = search_query

    def match(self, documents):
        return documents.filter(vector=self.search_query)

    def rank(self):
        return SearchRank(F("vector"), self.search_query)


class SQLiteEngine:
    """
    Every word's stem somewhere in the row, found through the FTS5 index of
    `stems`; ranked by the best weight each word is found at.
    """

    def __init__(self, query):
        self.query = query

    def match(self, documents):
        terms = self.query.terms
        if not terms:
            return documents
        # Through the FTS index: a LIKE on `stems` read every row of the table.
        found = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts_expression(terms)])
        return documents.filter(pk__in=found)

    def rank(self):
        ranks = [
            Case(
                *(When(stems__contains=f" {weight}:{term} ", then=Value(score)) for weight, score in WEIGHTS.items()),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for term in self.query.terms
        ]
        total = ranks[0]
        for rank in ranks[1:]:
            total = total + rank
        return Coalesce(total, Value(0.0), output_field=FloatField())


def engine_for(connection, query):
    return PostgreSQLEngine(query) if connection.vendor == "postgresql" else SQLiteEngine(query)
