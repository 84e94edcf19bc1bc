"""Quotation kinds: speech, scare quotes and mentions (rules in framing.quotes)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from framing import Analyzer, Document
from framing.quotes import MENTION_NOUNS


def kinds(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [(text[q.start : q.end], q.kind) for q in doc.quotes]


def test_words_and_titles_after_a_mention_noun_are_mentions() -> None:
    assert kinds('Critics dislike the word "genocide" in the draft.') == [('"genocide"', "mention")]
    assert kinds('The slogan "Build the future together" won few votes.') == [('"Build the future together"', "mention")]
    assert kinds("A film called \u201cThe Long Night\u201d opens in Leon.") == [("\u201cThe Long Night\u201d", "mention")]
    assert kinds('Terms such as "collateral damage" hide the dead.') == [('"collateral damage"', "mention")]


def test_short_quotes_without_a_mention_noun_stay_scare_quotes() -> None:
    assert kinds('The ministry called its plan a "reform" on Monday.') == [('"reform"', "scare")]
    # "of" links no mention: a series of "reforms" is the writer's distance from the word.
    assert kinds('A series of "reforms" followed.') == [('"reforms"', "scare")]


def test_a_speech_verb_near_the_quotation_keeps_it_speech() -> None:
    assert kinds('She used the term "ethnic cleansing", Ana Ruiz said.') == [('"ethnic cleansing"', "speech")]
    # A colon introduces speech even after a mention noun's sentence.
    assert kinds('The banner had one message: "Leave now".') == [('"Leave now"', "speech")]


def test_mentions_are_neither_scare_quotes_nor_attributions() -> None:
    text = 'Ana Ruiz spoke on Monday. Critics dislike the slogan "Take back the streets" and the word "invasion".'
    result = Analyzer().analyze(text)
    assert [q[2] for q in result.quotes] == ["mention", "mention"]
    assert [s.category for s in result["loaded"].spans if s.category == "scare_quotes"] == []
    assert result["attribution"].attributions == ()


_OTHER_NOUNS = ["plan", "minister", "report", "policy", "crowd"]


@given(
    noun=st.sampled_from(sorted(MENTION_NOUNS) + _OTHER_NOUNS),
    quoted=st.lists(st.sampled_from(["open", "road", "quiet", "reform", "harbour"]), min_size=1, max_size=4),
    verb=st.booleans(),
)
def test_property_quote_kind_follows_the_rules(noun: str, quoted: list[str], verb: bool) -> None:
    inner = " ".join(quoted).capitalize()
    text = f'The {noun} "{inner}" was everywhere' + (", Ana Ruiz said." if verb else " in Leon.")
    (kind,) = [k for _, k in kinds(text)]
    if verb:
        assert kind == "speech"
    elif noun in MENTION_NOUNS:
        assert kind == "mention"
    else:
        assert kind == ("scare" if len(quoted) <= 2 else "speech")


def test_a_quotation_right_after_a_naming_verb_is_a_mention() -> None:
    assert kinds('A plan dubbed "Project Calm" was shelved.') == [('"Project Calm"', "mention")]
    assert kinds('The militia, known as "the Wolves", left the town.') == [('"the Wolves"', "mention")]
    assert kinds('A report entitled, "Cities at Risk", appeared.') == [('"Cities at Risk"', "mention")]
    # a naming verb with an object before the quotation reports how someone labelled it
    assert kinds('Ana Ruiz dubbed it "a farce" on Monday.') == [('"a farce"', "speech")]


def test_further_items_of_a_listed_mention_are_mentions() -> None:
    assert kinds('Critics used the words "amnesty", "invasion" and "flood" in their letters.') == [
        ('"amnesty"', "mention"),
        ('"invasion"', "mention"),
        ('"flood"', "mention"),
    ]
    # American style: the commas inside the marks, nothing but a space or "or" between items.
    assert kinds('The slogans "Take back control," "Stop the drift," or "Get it done" were everywhere.') == [
        ('"Take back control,"', "mention"),
        ('"Stop the drift,"', "mention"),
        ('"Get it done"', "mention"),
    ]
    text = 'A plan dubbed "Calm" or "Quiet Harbour" was shelved.'
    assert [k for _, k in kinds(text)] == ["mention", "mention"]


def test_a_list_continues_a_mention_only_in_its_sentence_and_only_as_a_list() -> None:
    # any other word between the quotations ends the list
    assert kinds('Critics dislike the word "amnesty" and call the plan a "reform".') == [
        ('"amnesty"', "mention"),
        ('"reform"', "scare"),
    ]
    # a new sentence is no list item, even when only a space separates the quotations
    text = 'He took the nickname "Lucky Joe." "We all loved the old name," Ana Ruiz said.'
    assert [k for _, k in kinds(text)] == ["mention", "speech"]
    # a scare quote opens no list
    assert [k for _, k in kinds('The ministry called it a "reform", "renewal" and "rebirth".')] == ["scare"] * 3


@given(
    items=st.lists(st.sampled_from(["open", "road", "quiet", "reform", "harbour", "fair deal"]), min_size=2, max_size=5),
    joiner=st.sampled_from([", ", " and ", " or ", ", and ", ", or "]),
)
def test_property_every_item_of_a_mention_list_is_a_mention(items: list[str], joiner: str) -> None:
    quoted = [f'"{w}"' for w in items]
    text = f"Critics avoid the terms {', '.join(quoted[:-1])}{joiner}{quoted[-1]} in Leon."
    assert [k for _, k in kinds(text)] == ["mention"] * len(items)


def test_a_mention_noun_used_as_a_verb_is_no_mention() -> None:
    # sign, film, label... are verbs after "to", a modal or a subject pronoun
    assert kinds('Unions refused to sign "any deal that betrays workers" on Monday.') == [('"any deal that betrays workers"', "speech")]
    assert kinds('They label "reform" in every speech.') == [('"reform"', "scare")]
    assert kinds('The sign "Keep out" was removed.') == [('"Keep out"', "mention")]
