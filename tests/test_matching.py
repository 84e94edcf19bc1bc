"""The matcher: phrases, wildcards, hyphens, possessives, case, leftmost-longest, negation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Category, Document, Entry, Lexicon, Matcher, Negation

from strategies import news_text, words


def lexicon(**cats: list[str | Entry]) -> Lexicon:
    return Lexicon(
        "t", "1", "CC0-1.0", "test", "test",
        tuple(Category(k, f"{k} definition", tuple(e if isinstance(e, Entry) else Entry.parse(e) for e in v)) for k, v in cats.items()),
    )  # fmt: skip


def found(lex: Lexicon, text: str, negation: Negation | None = None) -> list[tuple[str, str, bool]]:
    doc = Document.from_text(text)
    return [(m.category, text[m.start : m.end], m.negated) for m in Matcher(lex).find(doc, negation=negation)]


def test_longest_phrase_wins_within_a_category_and_all_categories_report() -> None:
    lex = lexicon(law=["international law", "violation of international law", "violation"], harm=["violation"])
    got = found(lex, "It is a violation of international law.")
    assert ("law", "violation of international law", False) in got
    assert ("harm", "violation", False) in got
    assert ("law", "international law", False) not in got
    assert ("law", "violation", False) not in got


def test_wildcards_hyphens_possessives_and_case() -> None:
    lex = lexicon(a=["abus*", "so-called", "ill-conceived", "iraq", "prime minister"], b=[Entry.parse("NATO", case_sensitive=True)])
    text = "Abuses by the so called regime, an ill-conceived plan. Iraq's prime minister's aides. NATO, not nato."
    got = [(c, t) for c, t, _ in found(lex, text)]
    assert got == [
        ("a", "Abuses"), ("a", "so called"), ("a", "ill-conceived"), ("a", "Iraq's"), ("a", "prime minister's"), ("b", "NATO"),
    ]  # fmt: skip


def test_phrases_do_not_match_across_sentence_punctuation() -> None:
    assert found(lexicon(a=["death toll"]), "He faced death. Toll roads closed.") == []
    assert found(lexicon(a=["death toll"]), "The death-toll rose.") == [("a", "death-toll", False)]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("It was not a disaster.", True),
        ("There is no evidence of a disaster.", True),
        ("It wasn't a total disaster.", True),
        ("It was never going to be a disaster.", False),
        ("Not now, but the disaster came.", False),
        ("It was not, in the end, a disaster.", False),
        ("It was a disaster.", False),
    ],
)
def test_negation_window_and_scope(text: str, negated: bool) -> None:
    got = found(lexicon(a=["disaster"]), text, Negation.default())
    assert got == [("a", "disaster", negated)]


def test_voice_of_matches() -> None:
    doc = Document.from_text("The minister called it “a disaster” and a disaster it was.")
    voices = [m.voice for m in Matcher(lexicon(a=["disaster"])).find(doc)]
    assert voices == ["quoted", "authorial"]


@given(news_text)
def test_every_match_slices_back_to_its_entry(text: str) -> None:
    lex = lexicon(a=["open war", "regime", "so-called", "blatant"], b=["minister", "said", "iraq"])
    doc = Document.from_text(text)
    for m in Matcher(lex).find(doc, negation=Negation.default()):
        piece = doc.norm[m.start : m.end].lower() if doc._map is None else doc.text[m.start : m.end].lower()
        assert piece.replace("-", " ").split()[0].startswith(m.entry.split()[0].split("-")[0])


@given(st.lists(words, min_size=1, max_size=30), words, st.integers(min_value=0, max_value=30))
def test_adding_an_occurrence_never_lowers_the_count(context_words: list[str], term: str, at: int) -> None:
    lex = lexicon(a=[term])
    base = " ".join(context_words)
    more = [*context_words[:at], term, *context_words[at:]]
    before = len(found(lex, base))
    after = len(found(lex, " ".join(more)))
    assert after == before + 1


@given(news_text)
def test_matcher_survives_pickling(text: str) -> None:
    import pickle

    m = Matcher(lexicon(a=["regime", "open war"]))
    again = pickle.loads(pickle.dumps(m))  # noqa: S301 - our own object
    doc = Document.from_text(text)
    assert again.find(doc) == m.find(doc)


def test_a_rejected_longer_phrase_leaves_the_shorter_match() -> None:
    lex = lexicon(cue=["said", "said she"])
    assert found(lex, 'He said. "She left."') == [("cue", "said", False)]
    assert found(lex, "Then said she to them.") == [("cue", "said she", False)]
