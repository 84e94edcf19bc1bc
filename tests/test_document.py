"""The document model: normalisation, sentences, tokens, quotations and voice."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Category, Document, Entry, Lexicon, Matcher
from framing._text import INITIALISM_RE, TOKEN_RE, WORD_RE, initialism_spans, lowercase, normalise, token_offsets, tokenize, tokens

from conftest import shared_file
from strategies import news_text, texts

DATA = Path(__file__).parent / "data"
SENTENCE_CASES = json.loads((DATA / "sentences_news.json").read_text(encoding="utf-8"))
QUOTE_CASES = json.loads((DATA / "quotes.json").read_text(encoding="utf-8"))


def sentence_texts(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.sentences]


# -- normalisation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Hi” ‘x’ — – \u00a0 a", "\"Hi\" 'x' - -   a"),
        ("line\r\nnext", "line \nnext"),
        ("old\rmac", "old\nmac"),
    ],
)
def test_normalisation_keeps_length_for_one_to_one_replacements(raw: str, expected: str) -> None:
    norm, omap = normalise(raw)
    assert norm == expected
    assert omap is None


def test_invisible_and_combining_characters_are_mapped_back() -> None:
    text = "Ira\u200bq cafe\u0301 said"
    doc = Document.from_text(text)
    assert doc.words == ["iraq", "café", "said"]
    spans = doc.token_spans()
    assert [text[s:e] for s, e in spans] == ["Ira\u200bq", "cafe\u0301", "said"]


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        Document.from_text(b"bytes")  # type: ignore[arg-type]


# -- sentences ----------------------------------------------------------------------------


def test_golden_rules_pass_at_least_47_of_48() -> None:
    path = shared_file("data/sentences/golden_rules_en.jsonl")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = [c["id"] for c in cases if sentence_texts(Document.from_text(c["text"])) == c["expected"]]
    assert len(cases) == 48
    assert len(passed) >= 47, sorted({c["id"] for c in cases} - set(passed))


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=[c["name"] for c in SENTENCE_CASES])
def test_news_sentence_cases(case: dict[str, object]) -> None:
    assert sentence_texts(Document.from_text(str(case["text"]))) == case["expected"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Prices rose 2.5% to $1.2bn.", ["prices", "rose", "2.5", "to", "1.2bn"]),
        ("About 1,000,000 people, at 10:30.", ["about", "1,000,000", "people", "at", "10:30"]),
        ("In 2004. Then 5, 6 and 7.", ["in", "2004", "then", "5", "6", "and", "7"]),
        ("Version 3.11 of U.S. law, 12/05.", ["version", "3.11", "of", "us", "law", "12", "05"]),
    ],
)
def test_a_number_is_one_token(text: str, words: list[str]) -> None:
    doc = Document.from_text(text)
    assert doc.words == words
    assert [text[s:e].lower().replace(".", "") if w == "us" else text[s:e].lower() for (s, e), w in zip(doc.token_spans(), words, strict=True)] == words


_LOWER_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)


@given(
    left=st.lists(_LOWER_WORD, min_size=1, max_size=5),
    punct=st.sampled_from([".", "!", "?", '."', "?'", ".)"]),
    right=st.lists(_LOWER_WORD, min_size=1, max_size=5),
)
def test_a_sentence_glued_to_the_next_is_split_after_its_punctuation(left: list[str], punct: str, right: list[str]) -> None:
    from framing.document import DocumentOptions

    rules = DocumentOptions.default().sentence_rules
    assert rules is not None
    last = left[-1]
    if last in rules.prepositive or last in rules.other:
        return  # an abbreviation's period (vs.Leon) is no sentence end
    # a closing double mark closes a quotation that opened before it (an unpaired one would open the next sentence)
    first = " ".join(["The", *left]) + punct if '"' not in punct else 'The "' + " ".join(left) + punct
    second = right[0].capitalize() + " " + " ".join(right[1:]) + "."
    doc = Document.from_text(first + second.replace(" .", "."))
    assert sentence_texts(doc) == [first, second.replace(" .", ".")]


def test_seed_article_sentences_keep_ranks_and_quotes(seed_text: str) -> None:
    doc = Document.from_text(seed_text)
    sents = sentence_texts(doc)
    assert any(s.startswith("Maj. Gen. Yahya Rasool, a spokesman") for s in sents)
    assert "Navigation" in sents
    assert not any(s in {"Maj.", "Gen."} for s in sents)


# -- quotations and voice -----------------------------------------------------------------


@pytest.mark.parametrize("case", QUOTE_CASES, ids=[c["name"] for c in QUOTE_CASES])
def test_quote_cases(case: dict[str, object]) -> None:
    doc = Document.from_text(str(case["text"]))
    got = [[doc.text[q.start : q.end], q.kind] for q in doc.quotes]
    assert got == case["quotes"]


def test_voice_lookup_follows_quotations() -> None:
    text = "The reporter wrote this. “The source said that,” she said."
    doc = Document.from_text(text)
    assert doc.voice_at(text.index("reporter")) == "authorial"
    assert doc.voice_at(text.index("source")) == "quoted"
    assert doc.voice_at(text.index("she")) == "authorial"


def test_unbalanced_marks_never_swallow_the_article() -> None:
    paragraphs = ["He said: “This opens and never closes."] + [f"Paragraph {i} is the reporter's own." for i in range(20)]
    doc = Document.from_text("\n\n".join(paragraphs))
    assert len(doc.quotes) == 1
    assert doc.quotes[0].closed is False
    assert doc.voice_at(doc.text.index("Paragraph 19")) == "authorial"


def test_seed_article_quotations(seed_text: str) -> None:
    doc = Document.from_text(seed_text)
    speech = [doc.text[q.start : q.end] for q in doc.quotes if q.kind == "speech"]
    assert any(q.startswith("“We condemn the US air attack") for q in speech)
    assert any(q.startswith("“Iraq renews its refusal") for q in speech)
    assert any(q.startswith("“From now on, we will go to open war") for q in speech)
    assert doc.voice_at(seed_text.index("blatant")) == "quoted"


# -- tokens: words and initialisms ----------------------------------------------------------


def pieces(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.token_spans()]


def test_an_initialism_is_one_token_read_like_its_undotted_spelling() -> None:
    doc = Document.from_text("The U.S. and the F.B.I. said")
    assert doc.words == ["the", "us", "and", "the", "fbi", "said"]
    assert pieces(doc) == ["The", "U.S.", "and", "the", "F.B.I.", "said"]
    assert Document.from_text("The US and the FBI said").words == doc.words


@pytest.mark.parametrize(
    ("text", "expected_pieces", "words"),
    [
        ("Talks in Washington, D.C., ended.", ["Talks", "in", "Washington", "D.C.", "ended"], ["talks", "in", "washington", "dc", "ended"]),
        ("The U.S-led force", ["The", "U.S", "led", "force"], ["the", "us", "led", "force"]),
        ("the F.B.I.'s director", ["the", "F.B.I.'s", "director"], ["the", "fbi's", "director"]),
        ("U.S.A. and É.U. teams", ["U.S.A.", "and", "É.U.", "teams"], ["usa", "and", "éu", "teams"]),
        ("at 9 a.m., i.e. early", ["at", "9", "a.m.", "i.e.", "early"], ["at", "9", "a.m.", "i.e.", "early"]),
        ("E.g. this one", ["E.g.", "this", "one"], ["e.g.", "this", "one"]),
        ("the U.S.Army base", ["the", "U.S.", "Army", "base"], ["the", "us", "army", "base"]),
    ],
)
def test_initialism_spans_and_word_forms(text: str, expected_pieces: list[str], words: list[str]) -> None:
    doc = Document.from_text(text)
    assert (pieces(doc), doc.words) == (expected_pieces, words)


@pytest.mark.parametrize(
    "text",
    ["Version 1.5 of B.1 shipped", "J. K. Rowling wrote", "Plan B. Then", "see www.example.com", "the U.S's role", "x.y_z", "Jr.Ab"],
)
def test_no_initialism_unless_every_letter_is_a_word_of_its_own(text: str) -> None:
    doc = Document.from_text(text)
    assert pieces(doc) == WORD_RE.findall(text)


def test_the_letters_of_a_lowercase_abbreviation_are_no_article_or_pronoun() -> None:
    words = Document.from_text("At 9 a.m. a judge, i.e. the only one, spoke.").words
    assert words.count("a") == 1
    assert "i" not in words
    assert "am" not in words


def test_a_sentence_final_initialism_keeps_its_period_and_ends_with_its_sentence() -> None:
    doc = Document.from_text("Troops left the U.S. The talks went on.")
    assert sentence_texts(doc) == ["Troops left the U.S.", "The talks went on."]
    assert doc.token_spans()[3] == (16, 20)
    assert doc.sentences[0][1] == 20
    assert doc.count_tokens(doc.sentences) == [4, 4]


def test_offsets_of_an_initialism_index_the_original_text() -> None:
    text = "The \u201cU.N.\u201d and the U.\u200bS. said"  # curly quotes and an invisible character
    doc = Document.from_text(text)
    assert pieces(doc) == ["The", "U.N.", "and", "the", "U.\u200bS.", "said"]
    assert doc.words == ["the", "un", "and", "the", "us", "said"]


def test_one_lexicon_entry_matches_the_dotted_and_the_undotted_spelling() -> None:
    entries = tuple(Entry.parse(t) for t in ("us military", "fbi", "un"))
    lex = Lexicon("t", "1", "CC0-1.0", "test", "test", (Category("org", "organisations", entries),))
    matcher = Matcher(lex)
    for text, expected in [
        ("The U.S. military and the F.B.I.'s agents met U.N. staff.", ["U.S. military", "F.B.I.'s", "U.N."]),
        ("The US military and the FBI's agents met UN staff.", ["US military", "FBI's", "UN"]),
    ]:
        doc = Document.from_text(text)
        assert [text[m.start : m.end] for m in matcher.find(doc)] == expected


@given(
    st.lists(
        st.sampled_from(["the", "said", "military", ",", "(", "'s"])
        | st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4),
        max_size=20,
    )
)
def test_an_initialism_in_capitals_reads_the_same_with_or_without_its_periods(parts: list[str]) -> None:
    dotted = " ".join(".".join(p) + "." if p.isupper() else p for p in parts)
    plain = " ".join(parts)
    assert Document.from_text(dotted).words == Document.from_text(plain).words


#: Text made of letters, periods, apostrophes and digits: where initialisms start, end and fail.
INITIALISM_PIECES = [*"USamIÉß日1_.'- \n", "x1", ". ", "'s", "\u200b", "U.S.", "a.m.", "F.B.I.'s", "Jr."]
initialism_text = st.lists(st.sampled_from(INITIALISM_PIECES), max_size=40).map("".join)


@given(initialism_text | texts)
def test_tokens_are_in_order_inside_the_text_and_never_overlap(text: str) -> None:
    doc = Document.from_text(text)
    prev = 0
    for s, e in doc.token_spans():
        assert prev <= s < e <= len(text)
        prev = e


@given(initialism_text | news_text)
def test_no_token_straddles_a_sentence_boundary(text: str) -> None:
    doc = Document.from_text(text)
    for s, e in doc.token_spans():
        k = doc.sentence_index(s)
        assert k >= 0
        assert e <= doc.sentences[k][1]


_NUMBERISH = st.text(alphabet="0123456789.,:'a_ \u0663", max_size=40)


@given(initialism_text | st.text(max_size=200) | _NUMBERISH)
def test_the_fast_tokenizer_equals_the_reference_regex(text: str) -> None:
    low = lowercase(text)
    ref = list(TOKEN_RE.finditer(low))
    assert token_offsets(low) == [m.span() for m in ref]
    assert initialism_spans(low) == [m.span() for m in INITIALISM_RE.finditer(low)]
    words = tokenize(low, text)
    # the rule of the word form, restated: the lowercase text, without periods for an initialism in capitals
    assert words == [
        m.group().replace(".", "") if "." in m.group() and text[m.start() : m.end()].partition("'")[0].isupper() else m.group() for m in ref
    ]


@given(initialism_text | st.text(max_size=200) | _NUMBERISH)
def test_offsets_and_word_forms_at_once_equal_the_separate_passes(text: str) -> None:
    low = lowercase(text)
    assert tokens(low, text) == (token_offsets(low), tokenize(low, text))


def test_word_forms_are_the_text_of_the_tokens_without_initialisms() -> None:
    text = "Ms O'Neill's 2.5% rise, 1,000 jobs; the F.B.I. and the u.s. said so."
    doc = Document.from_text(text)
    assert doc.words == tokenize(doc.lower, doc.norm)
    assert doc.token_spans() == token_offsets(doc.lower)
    assert [w for w, (s, e) in zip(doc.words, doc.token_spans(), strict=True) if w != doc.lower[s:e]] == ["fbi"]


@given(texts)
def test_token_starts_are_the_starts_of_the_token_spans(text: str) -> None:
    doc = Document.from_text(text)
    assert doc.token_starts() == [s for s, _e in doc.token_spans()]
    assert len(doc.words) == len(doc.token_spans())


# -- properties -----------------------------------------------------------------------------


@given(texts)
def test_any_text_builds_and_every_span_is_in_range(text: str) -> None:
    doc = Document.from_text(text)
    n = len(text)
    for s, e in [*doc.sentences, *doc.paragraphs, *doc.token_spans()]:
        assert 0 <= s < e <= n
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= n


@given(texts)
def test_sentences_cover_non_space_text_in_order_without_overlap(text: str) -> None:
    doc = Document.from_text(text)
    prev_end = 0
    covered = 0
    for s, e in doc.sentences:
        assert s >= prev_end
        assert not text[s].isspace()
        assert not text[e - 1].isspace()
        covered += sum(1 for ch in text[s:e] if not ch.isspace())
        prev_end = e
    norm_nonspace = sum(1 for ch in text if not ch.isspace() and ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad")
    in_gaps = sum(1 for ch in _outside(text, doc.sentences) if not ch.isspace() and ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad")
    assert in_gaps == 0
    assert covered >= norm_nonspace


def _outside(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out = []
    pos = 0
    for s, e in spans:
        out.append(text[pos:s])
        pos = e
    out.append(text[pos:])
    return "".join(out)


@given(texts)
def test_quotations_never_overlap_and_are_ordered(text: str) -> None:
    quotes = Document.from_text(text).quotes
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start


@given(texts | initialism_text)
def test_tokens_slice_back_to_their_word_form(text: str) -> None:
    doc = Document.from_text(text)
    for (s, e), w in zip(doc.token_spans(), doc.words, strict=True):
        piece = doc.text[s:e]
        assert re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", piece)
        if doc._map is None:
            # the lowercase text, or an initialism in capitals without its periods
            assert doc.lower[s:e] == w or (doc.lower[s:e].replace(".", "") == w and doc.norm[s:e].partition("'")[0].isupper())


@given(news_text)
def test_document_is_deterministic(text: str) -> None:
    a, b = Document.from_text(text), Document.from_text(text)
    assert (a.sentences, a.quotes, a.words) == (b.sentences, b.quotes, b.words)


@given(news_text)
def test_documents_pickle_and_rebuild_equal(text: str) -> None:
    import pickle

    doc = Document.from_text(text)
    again = pickle.loads(pickle.dumps(doc))  # noqa: S301 - our own object
    assert (again.sentences, again.quotes) == (doc.sentences, doc.quotes)


def test_stems_are_snowball_stems_of_the_lowercase_tokens() -> None:
    doc = Document.from_text("Militias attacked; the attacks were attacking nothing.")
    assert doc.stems() == ["militia", "attack", "the", "attack", "were", "attack", "noth"]


def test_two_apostrophes_or_backticks_as_double_quotation_marks() -> None:
    text = "''We will not back down,'' Ana Ruiz said. She added: ``The port stays open.''"
    doc = Document.from_text(text)
    assert [(text[q.start : q.end], q.kind) for q in doc.quotes] == [
        ("''We will not back down,''", "speech"),
        ("``The port stays open.''", "speech"),
    ]
    assert doc.voice_at(text.index("Ana")) == "authorial"
    assert doc.voice_at(text.index("port")) == "quoted"


def test_a_curly_mark_facing_the_wrong_way_is_read_by_its_position() -> None:
    text = "“It is here,“ said Leon Ruiz. He said ”We stay” and left."
    doc = Document.from_text(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["“It is here,“", "”We stay”"]
    assert doc.voice_at(text.index("said")) == "authorial"


@given(st.text(alphabet="ab '`\"\n.,", max_size=60))
def test_quotations_with_two_character_marks_never_overlap_and_slice_back(text: str) -> None:
    doc = Document.from_text(text)
    ends = [0]
    for q in doc.quotes:
        assert q.start >= ends[-1]
        assert q.end > q.start
        assert text[q.start] in "\"'`"
        ends.append(q.end)
