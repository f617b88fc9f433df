"""Words as search compares them: folded, stemmed, stop words out; matches marked after escaping."""

from core.search.query import MAX_QUERY_LENGTH, Query
from core.search.text import excerpt, highlight, stems


def test_case_and_yo_fold_to_one_stem_in_cyrillic():
    assert stems("Шахтёры ШАХТЕРЫ шахтеров") == ["шахтер"]


def test_latin_words_take_the_english_stemmer_and_lose_stop_words():
    assert stems("The Miners of the mine") == ["miner", "mine"]


def test_russian_stop_words_leave_no_stem():
    assert stems("и в на Стачка") == ["стачк"]


def test_punctuation_and_underscores_separate_words():
    assert stems("coal_mining, «Стачка»!") == ["coal", "mine", "стачк"]


def test_highlighting_escapes_first_and_then_marks_the_matched_words():
    marked = highlight('<script>alert("miners")</script> & Шахтёры', {"miner", "шахтер"})

    assert marked == ("&lt;script&gt;alert(&quot;<mark>miners</mark>&quot;)&lt;/script&gt; &amp; <mark>Шахтёры</mark>")


def test_an_excerpt_is_cut_around_the_first_match_with_ellipses():
    text = " ".join(f"word{number}" for number in range(100)) + " miners " + "tail " * 50

    cut = excerpt(text, {"miner"}, words=12, before=4)

    assert cut == "… word96 word97 word98 word99 <mark>miners</mark> tail tail tail tail tail tail tail …"


def test_a_short_text_is_its_own_excerpt():
    assert excerpt("«Шахтёры» (1937).", {"шахтер"}) == "«<mark>Шахтёры</mark>» (1937)."


def test_a_query_is_cut_to_a_sensible_length_and_says_so():
    query = Query.parse("miners " * 1000)

    assert len(query.text) <= MAX_QUERY_LENGTH
    assert query.shortened
    assert query.terms == ["miner"]


def test_a_query_of_punctuation_or_stop_words_has_nothing_to_search():
    assert not Query.parse("?!… -- ''")
    assert not Query.parse("the and of")
    assert not Query.parse("")
