"""
Words as search compares them, the same on both databases: case folded in
every script, ё read as е, Russian words stemmed by the Russian Snowball
stemmer and Latin ones by the English one, stop words left out. That is what
PostgreSQL's `russian` configuration does (it sends Latin words to the English
stemmer), so SQLite's stems, matches and highlights agree with PostgreSQL's.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .folding import fold

# Letters and digits; an underscore is a separator, as PostgreSQL's parser has it
# (and it would be a wildcard in SQLite's LIKE).
WORD = re.compile(r"[^\W_]+")

# Snowball's stop lists, which PostgreSQL's english and russian configurations use.
ENGLISH_STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is
    are was were be been being have has had having do does did doing a an the and but if or because as until
    while of at by for with about against between into through during before after above below to from up
    down in out on off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will just don should now
    """.split()
)
RUSSIAN_STOP_WORDS = frozenset(
    fold(word)
    for word in """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот
    от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять
    уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без
    будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один
    почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
    над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
    иногда лучше чуть том нельзя такой им более всегда конечно всю между
    """.split()
)

_english = snowballstemmer.stemmer("english")
_russian = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=65536)
def stem(word):
    """The stem of one word (as `WORD` finds them), or "" for a stop word."""
    word = fold(word)
    if word.isascii():
        return "" if word in ENGLISH_STOP_WORDS else _english.stemWord(word)
    return "" if word in RUSSIAN_STOP_WORDS else _russian.stemWord(word)


def stems(text):
    """The stems of `text`'s words, each once, in the order they first appear."""
    found = (stem(match.group()) for match in WORD.finditer(text or ""))
    return list(dict.fromkeys(word for word in found if word))


def highlight(text, terms):
    """`text` escaped, with the words whose stem is one of `terms` in <mark>."""
    parts, last = [], 0
    for match in WORD.finditer(text):
        if stem(match.group()) in terms:
            parts += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def has_match(text, terms):
    return any(stem(match.group()) in terms for match in WORD.finditer(text or ""))


def excerpt(text, terms, words=32, before=10):
    """
    A short passage of `text` around the first word matching `terms` (its
    start if none does), escaped, matches marked, "…" where it was cut.
    """
    found = list(WORD.finditer(text or ""))
    if not found:
        return ""
    first = next((index for index, match in enumerate(found) if stem(match.group()) in terms), 0)
    start = max(0, min(first - before, len(found) - words))
    end = min(len(found), start + words)
    # Whole at either end that is not cut: the punctuation around the first and last word stays.
    cut_from = found[start].start() if start > 0 else 0
    cut_to = found[end - 1].end() if end < len(found) else len(text)
    passage = " ".join(text[cut_from:cut_to].split())
    return mark_safe(("… " if start > 0 else "") + highlight(passage, terms) + (" …" if end < len(found) else ""))
