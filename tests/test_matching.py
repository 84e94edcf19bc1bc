"""The matcher: phrases, wildcards, hyphens, possessives, case, leftmost-longest, negation."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Category, Document, Entry, Lexicon, LexiconError, Matcher, Negation

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
def test_matches_are_the_frozen_objects_their_constructor_builds(text: str) -> None:
    lex = lexicon(a=["open war", "regime", "so-called", "blatant"], b=["minister", "said", "iraq"])
    for m in Matcher(lex).find(Document.from_text(text), negation=Negation.default()):
        fields = [getattr(m, f.name) for f in dataclasses.fields(m)]
        again = type(m)(*fields)
        assert m == again
        assert hash(m) == hash(again)
        assert repr(m) == repr(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            m.start = 0  # type: ignore[misc]


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


def test_a_possessive_matches_its_base_even_when_the_possessive_starts_an_entry() -> None:
    lex = lexicon(place=["court", "court's ruling"], phrase=["high court"])
    got = [(c, t) for c, t, _ in found(lex, "The court's decision. The high court's judges. The court's ruling.")]
    assert got == [("place", "court's"), ("phrase", "high court's"), ("place", "court's"), ("place", "court's ruling")]


def test_a_possessive_entry_does_not_hide_the_base_word_of_another() -> None:
    lex = lexicon(legal=["court ruling", "court's decision"], place=["prime minister"])
    got = [(c, t) for c, t, _ in found(lex, "The court's ruling and the court's decision. The prime minister's aides.")]
    assert got == [("legal", "court's ruling"), ("legal", "court's decision"), ("place", "prime minister's")]


def test_a_phrase_is_found_whichever_of_its_words_is_rare() -> None:
    lex = lexicon(a=["in the interest of", "of the", "the interest"], b=["interest"])
    got = [(c, t) for c, t, _ in found(lex, "It is in the interest of the public, of the state.")]
    assert got == [("a", "in the interest of"), ("b", "interest"), ("a", "of the")]


_VOCAB = ["the", "a", "of", "in", "war", "wars", "open", "court", "ruling", "interest", "state", "high", "court's", "war's"]
_TEXT_WORDS = [*_VOCAB, "court's", "war's", "state's"]


@st.composite
def small_lexicons(draw: st.DrawFn) -> list[list[Entry]]:
    cats = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        entries: dict[str, Entry] = {}
        for toks in draw(st.lists(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=3), min_size=1, max_size=6)):
            term = " ".join(toks)
            if draw(st.booleans()) and len(toks[-1]) > 2:
                term = term[: len(term) - 1] + "*"  # a wildcard: the last word less its last letter
            entries.setdefault(term, Entry.parse(term))
        cats.append(list(entries.values()))
    return cats


def _reference(cats: list[list[Entry]], words: list[str]) -> list[tuple[int, int, int, str]]:
    """Every entry tried at every position: possessives match their base as the first or last word."""

    def same(w: str, t: str, j: int, e: Entry) -> bool:
        last = j == len(e.tokens) - 1
        if last and e.wildcard:
            return w.startswith(t)
        return w == t or ((j == 0 or last) and w.endswith("'s") and w[:-2] == t)

    kept = []
    for ci, entries in enumerate(cats):
        hits = []
        for s in range(len(words)):
            for e in entries:
                n = len(e.tokens)
                if s + n <= len(words) and all(same(words[s + j], t, j, e) for j, t in enumerate(e.tokens)):
                    hits.append((s, s + n, e.term))
        hits.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
        reach = -1
        for s, end, term in hits:
            if s >= reach:
                kept.append((s, end, ci, term))
                reach = end
    return sorted(kept, key=lambda h: (h[0], h[2], h[1]))


@given(small_lexicons(), st.lists(st.sampled_from(_TEXT_WORDS), max_size=25))
def test_matcher_agrees_with_trying_every_entry_at_every_position(cats: list[list[Entry]], words: list[str]) -> None:
    lex = Lexicon("t", "1", "CC0-1.0", "test", "test", tuple(Category(f"c{i}", "d", tuple(es)) for i, es in enumerate(cats)))
    doc = Document.from_text(" ".join(words))
    got = [(s, e, ci, entry.term) for s, e, ci, entry in Matcher(lex).find_raw(doc)]
    assert got == _reference(cats, words)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("It was not only a disaster for the town.", False),
        ("There is no doubt a disaster is coming.", False),
        ("It was nothing less than a disaster.", False),
        ("The plan was not without disaster.", False),
        ("It was not a disaster, not only for them.", True),
        ("It was not just any disaster.", False),
    ],
)
def test_pseudo_negators_negate_nothing(text: str, negated: bool) -> None:
    assert [n for _c, _t, n in found(lexicon(a=["disaster"]), text, Negation.default())] == [negated]


@given(st.lists(words, max_size=12), st.sampled_from(["not only", "no doubt", "no matter how"]))
def test_a_pseudo_negator_never_adds_negation(context: list[str], pseudo: str) -> None:
    lex = lexicon(a=["disaster"])
    plain = " ".join([*context, "disaster"])
    with_pseudo = " ".join([*context, pseudo, "disaster"])
    assert found(lex, with_pseudo, Negation.default())[-1][2] is False or found(lex, plain, Negation.default())[-1][2]


def test_results_do_not_depend_on_the_word_type_memo_being_reset_by_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import framing.matching

    lex = lexicon(a=["war", "open war", "court*"], b=["minister", "prime minister"])
    texts = [f"Text {i}: the prime minister's open war on court{'s' * (i % 2)} {'word' + str(i)} and war." for i in range(200)]
    docs = [Document.from_text(t) for t in texts]
    expected = [Matcher(lex).find(d) for d in docs]
    monkeypatch.setattr(framing.matching, "_CACHE_LIMIT", 3)  # reset the memo all the time
    shared = Matcher(lex)
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(shared.find, docs))
    assert got == expected


_EVAL = lexicon(
    a=["disaster", "brutal", "angry", "savage", "unfair", "lie", "threat", "farce", "fraud", "deluded", "fanatic", "panic", "rude", "insulting"],
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the negator governs the evaluation: only transparent words stand between
        ("The vote was not a disaster.", [("disaster", True)]),
        ("The raid was not very brutal.", [("brutal", True)]),
        ("They found no real evidence of fraud.", [("fraud", True)]),
        ("The winter was never so brutal.", [("brutal", True)]),
        ("The merger will not be a disaster.", [("disaster", True)]),
        ("The claim is not an outright lie.", [("lie", True)]),
        ("The group is no longer a threat.", [("threat", True)]),
        ("The ruling is not entirely unfair.", [("unfair", True)]),
        ("The reform did not seem unfair.", [("unfair", True)]),
        ("Nor is it a disaster.", [("disaster", True)]),
        ("There was not a shred of panic.", [("panic", True)]),
        ("The plan is not in any way unfair.", [("unfair", True)]),
        # a pseudo-negator negates nothing
        ("The hearing was nothing but a farce.", [("farce", False)]),
        # a lexical verb, a noun or a preposition closes the scope: the action is denied, not the evaluation
        ("The board cannot be swayed by angry letters.", [("angry", False)]),
        ("The council did not condemn the brutal attack.", [("brutal", False)]),
        ("The mayor never stopped the savage campaign.", [("savage", False)]),
        ("The firm has no connection with the brutal gang.", [("brutal", False)]),
        ("None of the brutal raids was reported.", [("brutal", False)]),
        # focus words and ordinals assert what follows them
        ("It is not the first brutal attack.", [("brutal", False)]),
        ("It is not just a disaster.", [("disaster", False)]),
        ("It isn't only a disaster.", [("disaster", False)]),
        # a stacked hit inside the negated phrase, and coordinated hits
        ("He is not some deluded fanatic.", [("deluded", True), ("fanatic", True)]),
        ("He did not cheer the deluded fanatic.", [("deluded", False), ("fanatic", False)]),
        ("They lived without fear or panic.", [("panic", True)]),
        ("It was not rude and insulting.", [("rude", True), ("insulting", True)]),
        ("It was not polite and insulting.", [("insulting", False)]),
    ],
)
def test_negation_reaches_only_through_transparent_words(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, n) for _c, t, n in found(_EVAL, text, Negation.default())] == expected


def test_without_transparent_words_any_word_but_a_breaker_stands_between() -> None:
    old = dataclasses.replace(Negation.default(), transparent=None)
    assert found(_EVAL, "The council did not condemn the brutal attack.", old) == [("a", "brutal", True)]
    assert found(_EVAL, "It was not, in the end, a disaster.", old) == [("a", "disaster", False)]


def test_a_multiword_scope_breaker_closes_the_scope() -> None:
    # "even so" is a breaker of two words; both are also transparent on their own.
    assert found(_EVAL, "The raid was not even so brutal.", Negation.default()) == [("a", "brutal", False)]
    old = dataclasses.replace(Negation.default(), transparent=None)
    assert found(_EVAL, "It was not that said brutal.", old) == [("a", "brutal", False)]
    assert found(_EVAL, "It was not that brutal.", old) == [("a", "brutal", True)]


_TRANSPARENT = sorted(" ".join(t) for t in (Negation.default().transparent or ()))
_LEXICAL = ["condemned", "stopped", "ignored", "praised", "mentioned", "funded", "letters", "with", "by", "for"]
_VOCAB_NEG = [
    "not", "no", "never", "without", "didn't", *_LEXICAL, "the", "a", "very", "is", "be", "of", "or", "and", "but", "disaster", "brutal",
]  # fmt: skip


@given(st.lists(st.sampled_from(_VOCAB_NEG), max_size=14))
def test_the_transparency_rule_only_ever_removes_negation(words: list[str]) -> None:
    text = " ".join(words)
    new = Negation.default()
    old = dataclasses.replace(new, transparent=None)
    lex = lexicon(a=["disaster", "brutal"])
    doc = Document.from_text(text)
    negated_new = {m.start for m in Matcher(lex).find(doc, negation=new) if m.negated}
    negated_old = {m.start for m in Matcher(lex).find(doc, negation=old) if m.negated}
    assert negated_new <= negated_old


@given(st.lists(st.sampled_from(_TRANSPARENT), max_size=3), st.sampled_from(["not", "never", "no", "without"]))
def test_transparent_words_keep_the_scope_open(filler: list[str], negator: str) -> None:
    between = " ".join(filler).split()
    if len(between) > 3 or (filler and filler[0] == "least"):  # past the window; "not least" is a pseudo-negator
        return
    text = " ".join(["Then", negator, *between, "disaster", "followed."])
    assert found(lexicon(a=["disaster"]), text, Negation.default()) == [("a", "disaster", True)]


@given(st.sampled_from(_LEXICAL), st.lists(st.sampled_from(_TRANSPARENT), max_size=2), st.sampled_from(["not", "never", "no", "didn't"]))
def test_a_lexical_word_after_the_negator_closes_the_scope(word: str, filler: list[str], negator: str) -> None:
    text = " ".join(["Then", negator, word, *" ".join(filler).split(), "disaster", "followed."])
    got = found(lexicon(a=["disaster"]), text, Negation.default())
    # "no" is a determiner: one content word right after it may be a premodifier ("no funded disaster")
    premodifier = negator == "no" and not filler and word not in {"with", "by", "for"}
    assert got == [("a", "disaster", premodifier)]


def test_the_transparent_category_holds_plain_lowercase_words_and_phrases() -> None:
    from framing.lexicon import load_lexicon

    cat = load_lexicon("negation").category("scope_transparent")
    assert cat.entries
    assert all(not e.wildcard and not e.case_sensitive and all(t == t.lower() for t in e.tokens) for e in cat.entries)
    negators = load_lexicon("negation").terms("negators")
    assert not {e.term for e in cat.entries} & negators


def test_case_sensitive_entries_match_the_dotted_initialism() -> None:
    lex = Lexicon("d", "1", "CC0", "none", "demo", (Category("intl", "Bodies.", (Entry.parse("UN", case_sensitive=True),)),))
    text = "The U.N. and the UN met; a un-related word and Un do not count."
    assert [(text[m.start : m.end], m.category) for m in Matcher(lex).find(Document.from_text(text))] == [("U.N.", "intl"), ("UN", "intl")]


def test_the_periods_of_an_initialism_are_no_clause_break() -> None:
    old = dataclasses.replace(Negation.default(), transparent=None)
    assert found(_EVAL, "There was no U.S. panic.", old) == [("a", "panic", True)]
    assert found(_EVAL, "There was no U.S. Panic was elsewhere.", old) == [("a", "Panic", True)]
    assert found(_EVAL, "There was no help. Panic followed.", old) == [("a", "Panic", False)]
    # a sentence that ends with an initialism ends inside its token: still a boundary
    officials = lexicon(a=["officials"])
    text = "Aid never reached the U.S. Officials felt calm."
    assert len(Document.from_text(text).sentences) == 2
    assert found(officials, text, old) == [("a", "Officials", False)]


def test_periphrastic_modals_let_the_negation_through() -> None:
    neg = Negation.default()
    assert found(_EVAL, "He won't be able to call it a farce.", neg) == [("a", "farce", False)]  # 'call' closes it
    brag = lexicon(a=["gloat"])
    assert found(brag, "He won't be able to gloat.", neg) == [("a", "gloat", True)]
    assert found(brag, "She is not going to gloat.", neg) == [("a", "gloat", True)]
    # the window (3 tokens) still bounds the scope
    assert found(_EVAL, "The vote is not going to be a disaster.", neg) == [("a", "disaster", False)]
    assert found(_EVAL, "The board cannot be swayed by angry letters.", neg) == [("a", "angry", False)]


def test_a_hand_built_negation_reads_its_own_longest_transparent_phrase() -> None:
    # The longest transparent phrase here has four words, more than any of the bundled ones'.
    neg = Negation(
        Matcher(lexicon(n=["not"])),
        frozenset({"but"}),
        window=5,
        transparent=frozenset({("in", "the", "very", "least"), ("a",)}),
    )
    assert found(_EVAL, "It was not in the very least brutal.", neg) == [("a", "brutal", True)]
    assert found(_EVAL, "It was not in the least brutal.", neg) == [("a", "brutal", False)]
    assert found(_EVAL, "It was not a brutal raid.", neg) == [("a", "brutal", True)]


def test_a_cue_that_opens_the_match_is_no_cue_for_it() -> None:
    # "no" is a negator and the first word of the phrase: the phrase is not negated by itself,
    # but a negator before it still reaches it.
    lex = lexicon(a=["no-go zone"])
    assert found(lex, "The town became a no-go zone.", Negation.default()) == [("a", "no-go zone", False)]
    assert found(lex, "The town is not a no-go zone.", Negation.default()) == [("a", "no-go zone", True)]


def test_negation_rules_with_other_pseudo_negators_do_not_share_a_documents_cues() -> None:
    # The same document read with and without pseudo-negators: "not only" is no cue with them,
    # a cue without them, whichever rules read the document first.
    with_pseudo = dataclasses.replace(Negation.default(), transparent=None)
    without = dataclasses.replace(with_pseudo, pseudo=None)
    doc = Document.from_text("It was not only brutal.")
    assert [m.negated for m in Matcher(_EVAL).find(doc, negation=with_pseudo)] == [False]
    assert [m.negated for m in Matcher(_EVAL).find(doc, negation=without)] == [True]
    assert [m.negated for m in Matcher(_EVAL).find(doc, negation=with_pseudo)] == [False]


_PLOY = lexicon(a=["ploy", "disaster", "massacre", "brutal", "attack", "smear", "claims", "false", "whatsoever"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ordinary premodifiers inside a noun phrase that a determiner opens after the negator
        ("It was not a political ploy.", [("ploy", True)]),
        ("It isn't a cheap political ploy.", [("ploy", True)]),
        ("This is not the government's ploy.", [("ploy", True)]),
        ("There was no political ploy.", [("ploy", True)]),
        ("It is not their political ploy.", [("ploy", True)]),
        # a verb, a preposition or a clause break before the noun phrase, or inside it, closes the scope
        ("The council did not condemn the brutal attack.", [("brutal", False), ("attack", False)]),
        ("It was not a plan for a political ploy.", [("ploy", False)]),
        ("It was not a plan, a political ploy.", [("ploy", False)]),
        ("It was not a party that used the ploy.", [("ploy", False)]),
        # words that contrast the noun with others of its kind assert the evaluation
        ("It is not the first political ploy.", [("ploy", False)]),
        ("It is not the only cheap ploy.", [("ploy", False)]),
        # at most two premodifiers, and the window still counts the words
        ("It was not a cheap old political ploy.", [("ploy", False)]),
        ("It was not even a cheap political ploy.", [("ploy", False)]),
        # "no" alone opens a noun phrase that is often a subject: one premodifier, and no verb after it
        ("No party wants a brutal attack.", [("brutal", False), ("attack", False)]),
        ("No government condemned brutal attacks.", [("brutal", False)]),
        ("There was no cheap political ploy.", [("ploy", False)]),
        # an emphatic word after the noun reinforces the negation; it is not the negated noun
        ("They felt no pressure whatsoever.", [("whatsoever", False)]),
    ],
)
def test_ordinary_premodifiers_inside_a_negated_noun_phrase(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, n) for _c, t, n in found(_PLOY, text, Negation.default())] == expected


def test_after_premodifiers_the_match_must_be_the_noun() -> None:
    # a transparent word (here a focus adverb that a lexicon lists) cannot head the noun phrase
    focus = lexicon(a=["even", "ploy"])
    assert found(focus, "There is no way even a ploy works.", Negation.default()) == [("a", "even", False), ("a", "ploy", False)]
    assert found(focus, "It is not even a ploy.", Negation.default()) == [("a", "even", True), ("a", "ploy", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "either ... or" negates nothing; a negated disjunction denies both disjuncts
        ("It was either a ploy or a disaster.", [("ploy", False), ("disaster", False)]),
        ("It was not a ploy or a disaster.", [("ploy", True), ("disaster", True)]),
        ("It was not a ploy or a brutal disaster.", [("ploy", True), ("brutal", True), ("disaster", True)]),
        # "neither ... nor": both noun phrases are denied
        ("It was neither a ploy nor a disaster.", [("ploy", True), ("disaster", True)]),
        ("It was neither brutal nor a disaster.", [("brutal", True), ("disaster", True)]),
        ("It was not a ploy, nor a disaster.", [("ploy", True), ("disaster", True)]),
        ("Nor is it a disaster.", [("disaster", True)]),
        # ...but a noun phrase that "nor" adds to the object of a negated verb is that verb's object
        ("He neither condemned the attack nor the massacre.", [("attack", False), ("massacre", False)]),
        ("He did not condemn the attack, nor the massacre.", [("attack", False), ("massacre", False)]),
        # and a verb after "nor" closes the scope as after any negator
        ("He neither confirmed nor denied the smear.", [("smear", False)]),
    ],
)
def test_either_or_and_neither_nor(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, n) for _c, t, n in found(_PLOY, text, Negation.default())] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army denied the massacre.",
        "The army denied that it was a massacre.",
        "She rejected the false claims.",
        "He refuted the smear.",
        "The ministry denies any ploy.",
    ],
)
def test_verbs_of_denial_are_no_negators(text: str) -> None:
    # The writer reports a denial; the loaded words after it are still the writer's own
    # (whose voice the denial is, the scorers decide).
    assert [n for _c, _t, n in found(_PLOY, text, Negation.default())] == [False] * len(found(_PLOY, text))
    negators = Negation.default().lexicon
    assert negators is not None
    assert not {"denied", "denies", "deny", "rejected", "rejects", "refuted"} & negators.terms("negators")


_CONTENT = ["cheap", "political", "old", "party", "government's", "crude"]
_FUNCTION = ["with", "who", "for", "only", "first", "could", "them", "because"]


@given(
    st.sampled_from(["not", "never", "isn't", "without"]),
    st.sampled_from(["a", "the", "any", "their", "such"]),
    st.lists(st.sampled_from(_CONTENT), max_size=3),
)
def test_property_premodifiers_after_a_determiner(negator: str, det: str, mods: list[str]) -> None:
    text = " ".join(["Then", negator, det, *mods, "ploy", "followed."])
    # a determiner and at most two premodifiers: within the window of three tokens
    assert found(lexicon(a=["ploy"]), text, Negation.default()) == [("a", "ploy", len(mods) <= 2)]


@given(
    st.sampled_from(["not", "never", "isn't", "no"]),
    st.sampled_from(["a", "the", "any"]),
    st.lists(st.sampled_from(_CONTENT), max_size=1),
    st.sampled_from(_FUNCTION),
)
def test_property_a_function_word_in_the_noun_phrase_closes_the_scope(negator: str, det: str, mods: list[str], word: str) -> None:
    for at in range(len(mods) + 1):
        between = [*mods[:at], word, *mods[at:]]
        text = " ".join(["Then", negator, det, *between, "ploy", "followed."])
        assert found(lexicon(a=["ploy"]), text, Negation.default()) == [("a", "ploy", False)]


@given(
    st.lists(st.sampled_from(["ploy", "disaster", "smear", "massacre"]), min_size=1, max_size=4), st.sampled_from(["not", "no", "without"])
)
def test_property_every_disjunct_of_a_negated_disjunction_is_negated(nouns: list[str], negator: str) -> None:
    det = "" if negator == "no" else " a"
    text = f"It was {negator}{det} " + " or a ".join(nouns) + "."
    got = found(_PLOY, text, Negation.default())
    assert [t for _c, t, _n in got] == nouns
    assert all(n for _c, _t, n in got)


# -- exceptions ---------------------------------------------------------------------------


def _lex_with(entries: list[str], exceptions: list[str]) -> Lexicon:
    return Lexicon(
        "exc",
        "1",
        "CC0",
        "-",
        "-",
        (Category("c", "test", tuple(Entry.parse(t) for t in entries), exceptions=tuple(Entry.parse(t) for t in exceptions)),),
    )


def test_an_exception_cancels_the_entry_it_contains_and_is_never_reported() -> None:
    lex = _lex_with(["lying", "extreme", "host*", "police"], ["low-lying", "extreme weather", "hostel", "ex-police station"])
    text = "The low-lying hostel saw extreme weather near the ex-police station; police were lying to the extreme host."
    doc = Document.from_text(text)
    found = [(text[m.start : m.end], m.entry) for m in Matcher(lex).find(doc)]
    assert found == [("police", "police"), ("lying", "lying"), ("extreme", "extreme"), ("host", "host*")]


@given(
    entries=st.lists(words, min_size=1, max_size=4, unique=True),
    exceptions=st.lists(st.lists(words, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=3, unique=True),
    text=st.lists(words, min_size=0, max_size=30).map(" ".join),
)
def test_exceptions_only_remove_matches_inside_their_own_occurrences(entries: list[str], exceptions: list[str], text: str) -> None:
    exceptions = [x for x in exceptions if x not in entries]
    doc = Document.from_text(text)
    plain = Matcher(_lex_with(entries, [])).find(doc)
    with_exc = Matcher(_lex_with(entries, exceptions)).find(doc)
    assert set(with_exc) <= set(plain)  # nothing new, and no exception is ever reported
    # every occurrence of every exception (one lexicon each, so they cannot hide one another)
    exception_spans = [x for e in exceptions for x in Matcher(_lex_with([e], [])).find(doc)]
    for m in set(plain) - set(with_exc):
        # a dropped match lies in an occurrence of an exception that starts at or before it
        assert any(x.token_start <= m.token_start < x.token_end for x in exception_spans)


def test_a_case_sensitive_exception_longer_than_every_entry_still_cancels() -> None:
    lex = Lexicon(
        "exc",
        "1",
        "CC0",
        "-",
        "-",
        (
            Category(
                "c",
                "test",
                (Entry.parse("Apple", case_sensitive=True),),
                exceptions=(Entry.parse("Apple Pie Shop", case_sensitive=True),),
            ),
        ),
    )
    text = "She ate at the Apple Pie Shop and bought an Apple phone."
    assert [text[m.start : m.end] for m in Matcher(lex).find(Document.from_text(text))] == ["Apple"]
    assert Matcher(lex).find(Document.from_text(text))[0].start == text.index("Apple phone")


def test_an_exception_belongs_to_its_own_category() -> None:
    shared = Entry.parse("lying")
    lex = Lexicon(
        "exc",
        "1",
        "CC0",
        "-",
        "-",
        (
            Category("deceit", "entries", (shared,)),
            Category("place", "entries", (Entry.parse("coast"),), exceptions=(shared,)),
        ),
    )
    text = "They kept lying about the coast."
    found = sorted((m.category, text[m.start : m.end]) for m in Matcher(lex).find(Document.from_text(text)))
    assert found == [("deceit", "lying"), ("place", "coast")]
    with pytest.raises(LexiconError, match="both an entry and an exception"):
        Category("c", "d", (Entry.parse("lying"),), exceptions=(Entry.parse("Lying"),))


def test_a_plural_possessive_phrase_matches_across_its_apostrophe() -> None:
    lex = lexicon(a=["tenants' union", "victims' families"])
    text = "The tenants\u2019 union met the victims' families and the tenants union; the 'tenant' union did not."
    doc = Document.from_text(text)
    assert [text[m.start : m.end] for m in Matcher(lex).find(doc)] == ["tenants\u2019 union", "victims' families", "tenants union"]
    # an apostrophe after a word that is no plural, or a closing quotation mark, still breaks the phrase
    assert Matcher(lexicon(a=["tenant union"])).find(Document.from_text("the 'tenant' union")) == []


# -- contrastive substitutes, the end of the negated noun phrase, "no-" and "No" -------------

_ALT = lexicon(a=["brutal", "crackdown", "repression", "cruel", "regime", "ploy", "fake", "dubiously", "campaign", "family"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the alternative set aside is negated, the writer's description of it is not
        ("They chose talks rather than a crackdown.", [("crackdown", True)]),
        ("They chose talks rather than a brutal crackdown.", [("brutal", False), ("crackdown", True)]),
        ("Instead of a brutal crackdown, they talked.", [("brutal", False), ("crackdown", True)]),
        ("They chose talks rather than the crude ploy.", [("ploy", True)]),
        # without a determiner the noun after a premodifier is out of reach, as after "not"
        ("They chose talks rather than brutal repression.", [("brutal", False), ("repression", False)]),
        ("They chose talks, not brutal repression.", [("brutal", True), ("repression", False)]),
        ("It was calm rather than brutal.", [("brutal", True)]),
        ("They chose talks instead of repression, and it worked.", [("repression", True)]),
        # after a form of "be" the alternative is a predicate, denied as after "not"
        ("It was a reform rather than being a brutal regime.", [("brutal", True), ("regime", True)]),
        ("The aim was to teach rather than be cruel.", [("cruel", True)]),
        # an adverb or a particle after a verb does not make it a premodifier
        ("Let markets decide rather than crackdown directly.", [("crackdown", True)]),
        ("Use the time instead of repression away from home.", [("repression", True)]),
        ("They chose talks rather than a brutal family feud.", [("brutal", False), ("family", False)]),
        # "not" still reads premodifiers
        ("It was not a brutal crackdown.", [("brutal", True), ("crackdown", True)]),
    ],
)
def test_contrastive_substitutes_deny_the_alternative_not_its_description(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, n) for _c, t, n in found(_ALT, text, Negation.default())] == expected


_ADJECTIVES = ["cheap", "crude", "old", "political"]


@given(
    st.sampled_from(["rather than", "instead of"]),
    st.sampled_from(["a", "the", "any", "their", "such"]),
    st.lists(st.sampled_from(_ADJECTIVES), min_size=1, max_size=2, unique=True),
)
def test_property_a_contrastive_substitute_negates_the_head_not_its_premodifiers(cue: str, det: str, mods: list[str]) -> None:
    lex = lexicon(a=["ploy", *mods])
    got = found(lex, " ".join(["They chose talks", cue, det, *mods, "ploy", "in the end."]), Negation.default())
    assert got == [*(("a", m, False) for m in mods), ("a", "ploy", True)]
    # after "not" the same noun phrase is denied with its description
    got = found(lex, " ".join(["It was not", det, *mods, "ploy", "in the end."]), Negation.default())
    assert got == [*(("a", m, True) for m in mods), ("a", "ploy", True)]


@given(
    st.sampled_from(["rather than", "instead of"]), st.sampled_from(["a", "the", "any", ""]), st.sampled_from([".", ",", " in the end."])
)
def test_property_the_alternative_itself_is_negated_after_a_contrastive_substitute(cue: str, det: str, tail: str) -> None:
    text = f"They chose talks {cue} {det} ploy{tail}".replace("  ", " ")
    assert found(lexicon(a=["ploy"]), text, Negation.default()) == [("a", "ploy", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb after the noun modifies the clause: it is no negated noun
        ("It was not a good time dubiously.", [("dubiously", False)]),
        ("It was not a dubiously brutal regime.", [("dubiously", True), ("brutal", True), ("regime", True)]),
        # a noun in -ly is a noun
        ("It was not a happy family.", [("family", True)]),
        ("It was not a hugely costly regime.", [("regime", True)]),
        # a post-nominal adjective with its complement restricts the negated noun: negated
        ("It was not a regime brutal to its own people.", [("regime", True), ("brutal", True)]),
        ("There was no party cruel enough to try.", [("cruel", True)]),
        # after a stacked match a determiner opens a new noun phrase (a run-on sentence)
        ("The aim was to teach rather than be cruel the fake site was closed.", [("cruel", True), ("fake", False)]),
        ("It was not cruel the regime said.", [("cruel", True), ("regime", False)]),
    ],
)
def test_the_negated_noun_phrase_ends_with_its_noun(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t, n) for _c, t, n in found(_ALT, text, Negation.default())] == expected


@given(st.sampled_from(["jury", "fly", "go", "win", "nonsense"]), st.sampled_from(["ploy", "brutal regime", "crackdown"]))
def test_property_a_hyphenated_no_negates_only_the_word_it_is_joined_to(joined: str, noun: str) -> None:
    lex = lexicon(a=[joined, noun])
    got = found(lex, f"They set up a no-{joined} {noun} last year.", Negation.default())
    assert got == [("a", joined, True), ("a", noun, False)]
    # written apart, "no" reaches the noun phrase as before
    got = found(lexicon(a=[noun]), f"There was no {noun} last year.", Negation.default())
    assert got == [("a", noun, True)]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The official No campaign held a rally.", False),
        ("Leaflets from No campaign offices arrived.", False),
        ("The Vote No campaign held a rally.", False),
        # where a sentence, a line, a quotation or a headline opens, "No" is a negator
        ("No campaign held a rally.", True),
        ("Officials agreed. No campaign held a rally.", True),
        ('He said: "No campaign held a rally."', True),
        ("Rally report\nNo campaign held a rally.", True),
        ("They held no campaign at all.", True),
        # a headline in title case capitalises every word
        ("Report Finds No Campaign Funds", True),
    ],
)
def test_a_capitalised_no_inside_a_sentence_is_a_name(text: str, negated: bool) -> None:
    assert [n for _c, t, n in found(_ALT, text, Negation.default()) if t.lower() == "campaign"] == [negated]


_VOCAB_ALT = ["the", "a", "cheap", "crude", "brutal", "disaster", "ploy", "being", "be", "very", "or", "and", "directly", "away", "with"]


@given(st.lists(st.sampled_from(_VOCAB_ALT), max_size=8), st.sampled_from(["rather than", "instead of"]))
def test_property_a_contrastive_substitute_never_negates_more_than_not(words: list[str], cue: str) -> None:
    # the same words after "not" and after "rather than": the contrastive rules only take negation away
    lex = lexicon(a=["brutal", "disaster", "ploy", "cheap"])
    tail = " ".join(words)

    def negated(negator: str) -> list[bool]:
        return [n for _c, _t, n in found(lex, f"They chose talks {negator} {tail}.", Negation.default())]

    with_cue, with_not = negated(cue), negated("not")
    assert len(with_cue) == len(with_not)
    assert all(not c or n for c, n in zip(with_cue, with_not, strict=True))


@given(st.lists(st.sampled_from(_VOCAB_ALT), max_size=6))
def test_property_a_capitalised_no_inside_a_sentence_never_negates(words: list[str]) -> None:
    lex = lexicon(a=["brutal", "disaster", "ploy", "cheap"])
    text = "They joined the official No " + " ".join(words) + "."
    assert not any(n for _c, _t, n in found(lex, text, Negation.default()))


# -- the reach of negation cues (speed only) ---------------------------------------------------

_NEGATION = Negation.default()


@given(st.lists(st.integers(0, 120), unique=True).map(sorted), st.integers(0, 140), st.integers(-2, 6))
def test_the_reach_of_the_cues_is_the_distance_test(ends: list[int], s: int, window: int) -> None:
    neg = dataclasses.replace(_NEGATION, window=window)
    before = [e for e in ends if e < s]
    # a start is within reach when the last cue that ends before it ends at most the window's reach before it
    within = bool(before) and before[-1] >= s - neg._MAX_DISJUNCTS * (window + 1)
    assert (s in neg._reach(ends)) == within


_PHRASES = Matcher(
    Lexicon(
        "p", "1", "CC0", "none", "p",
        (
            Category("a", "a", tuple(Entry.parse(t) for t in ("crisis", "prime minister", "war of words", "out of control", "iraq"))),
            Category("b", "b", tuple(Entry.parse(t) for t in ("minister", "control", "words", "the war"))),
        ),
    )
)  # fmt: skip


@given(news_text | words.map(" ".join))
def test_the_complete_table_of_a_lexicon_without_wildcards_finds_what_the_memo_finds(text: str) -> None:
    doc = Document.from_text(text + " The prime minister's war of words with Iraq's leaders got out of control.")
    assert _PHRASES._complete is not None  # no wildcard: every word that leads anywhere was looked up when compiling
    by_memo = Matcher(_PHRASES.lexicon)
    by_memo._complete = None
    assert _PHRASES.find_raw(doc) == by_memo.find_raw(doc)
    assert len(_PHRASES.find_raw(doc)) >= 5
