"""The loaded-language scorer: spans, voice, negation, scores, sentences, attribution, seed article."""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.analysis import Analyzer
from framing.document import Document
from framing.lexicon import Category, Entry, Lexicon, load_lexicon
from framing.matching import Negation
from framing.scorers.base import Context
from framing.scorers.loaded import DEFAULT_THRESHOLD, NEGATED_FACTOR, SCARE_QUOTES, VOICE_MIN_TOKENS, LoadedResult, LoadedScorer

from strategies import news_text, texts

SCORER = LoadedScorer()
NEGATION = Negation.default()


def score(text: str, scorer: LoadedScorer = SCORER, context: Context | None = None) -> LoadedResult:
    return scorer.score(Document.from_text(text), context or Context(negation=NEGATION))


def evidence(text: str, res: LoadedResult, **match: Any) -> list[str]:
    return [text[s.start : s.end] for s in res.spans if all(getattr(s, k) == v for k, v in match.items())]


# -- small lexicon used where the bundled one would make expectations fragile -----------------

DEMO = Lexicon(
    "demo",
    "1",
    "CC0",
    "none",
    "demo",
    (
        Category("emotive", "Emotive.", (Entry.parse("disaster"), Entry.parse("horrific", weight=2.0)), group="loaded"),
        Category("booster", "Boosters.", (Entry.parse("blatant"), Entry.parse("blatant lie", weight=3.0)), group="loaded"),
        Category("hedge", "Hedges.", (Entry.parse("reportedly"),), group="epistemic"),
        Category("other", "Ignored: no loaded/epistemic group.", (Entry.parse("minister"),)),
    ),
)
DEMO_SCORER = LoadedScorer(DEMO)
DEMO_TERMS = ["disaster", "horrific", "blatant", "blatant lie"]


# -- fixed cases ---------------------------------------------------------------------------------


def test_bundled_lexicon_groups() -> None:
    lex = load_lexicon("loaded-language")
    groups = {c.group for c in lex.categories}
    assert groups == {"loaded", "epistemic"}
    assert SCORER.name == "loaded"
    assert SCORER.lexicons == (lex,)


def test_spans_slice_back_and_carry_fields() -> None:
    text = 'The regime staged a "vote". The minister said: "It was a blatant fraud."'
    res = score(text)
    got = {(text[s.start : s.end], s.category, s.voice) for s in res.spans if s.group == "loaded"}
    assert ('"vote"', SCARE_QUOTES, "authorial") in got
    assert any(t == "regime" and v == "authorial" for t, _c, v in got)
    assert any(t == "blatant" and v == "quoted" for t, _c, v in got)
    d = res.to_dict()
    assert set(d["spans"][0]) == {"start", "end", "category", "group", "voice", "negated", "weight"}
    assert set(d["sentences"][0]) == {"start", "end", "score", "flagged"}
    json.dumps(d, allow_nan=False)


def test_score_is_weighted_density_without_double_counting() -> None:
    # "blatant lie" (booster, 3.0) overlaps "blatant" (booster, leftmost-longest keeps the phrase);
    # "horrific" (2.0) and "disaster" (1.0): units 3 + 2 + 1 over 10 tokens.
    text = "A blatant lie, a horrific disaster and nothing else here."
    res = score(text, DEMO_SCORER)
    assert res.n_tokens == 10
    assert res.count == 3
    assert res.weight == pytest.approx(6.0)
    assert res.score == pytest.approx(60.0)
    assert evidence(text, res, category="booster") == ["blatant lie"]


def test_overlap_across_categories_counts_once_at_max_weight() -> None:
    lex = Lexicon(
        "o", "1", "CC0", "none", "o",
        (
            Category("a", "A.", (Entry.parse("open war", weight=2.0),), group="loaded"),
            Category("b", "B.", (Entry.parse("war"),), group="loaded"),
        ),
    )  # fmt: skip
    res = score("They vowed open war today.", LoadedScorer(lex))
    assert len([s for s in res.spans if s.group == "loaded"]) == 2
    assert res.count == 1
    assert res.weight == 2.0


def test_negation_rule() -> None:
    text = "It was not a disaster. It was a disaster."
    res = score(text, DEMO_SCORER)
    negs = [(text[s.start : s.end], s.negated) for s in res.spans]
    assert negs == [("disaster", True), ("disaster", False)]
    cat = res.categories["emotive"]
    # the negated hit is counted under "negated", and weighs NEGATED_FACTOR of its weight
    assert NEGATED_FACTOR == 0.5
    assert (cat.count, cat.negated, cat.weight) == (1, 1, 1.5)
    assert res.count == 2
    assert res.weight == pytest.approx(1.5)
    # the negated sentence (5 tokens) holds half a unit, the plain one (4 tokens) a whole one
    assert res.sentences[0].score == pytest.approx(100 * 0.5 / 5)
    assert res.sentences[1].score == pytest.approx(100 * 1.0 / 4)
    assert [s.flagged for s in res.sentences] == [True, True]
    # a long sentence holding only a negated ordinary word falls under the threshold
    long = "It was not a disaster for the town, " + "and then " * 20 + "it ended."
    assert not score(long, DEMO_SCORER).flagged


def test_negated_factor_zero_restores_the_old_rule() -> None:
    text = "It was not a disaster. It was a disaster."
    res = score(text, LoadedScorer(DEMO, negated_factor=0.0))
    cat = res.categories["emotive"]
    assert (cat.count, cat.negated, cat.weight) == (1, 1, 1.0)
    assert res.count == 1
    assert res.sentences[0].score == 0.0
    assert [s.flagged for s in res.sentences] == [False, True]
    full = score(text, LoadedScorer(DEMO, negated_factor=1.0))
    assert full.sentences[0].score == pytest.approx(100 * 1.0 / 5)
    with pytest.raises(ValueError, match="negated_factor"):
        LoadedScorer(DEMO, negated_factor=1.5)


def test_additive_not_to_mention_does_not_negate() -> None:
    # "not to mention" is a pseudo-negator of the negation lexicon: it adds, it denies nothing,
    # so "horrific" counts in full whatever the negation discount
    text = "Critics said the report, not to mention its horrific findings about the prison, was shelved by the agency."
    res = score(text)
    assert [(text[s.start : s.end], s.negated) for s in res.spans if s.group == "loaded"] == [("horrific", False)]
    assert res.flagged
    assert score(text, LoadedScorer(negated_factor=0.0)).flagged


def test_negated_and_plain_overlapping_hits_form_one_unit() -> None:
    # "blatant lie" (3.0) is negated; the unit keeps the larger effective weight, 1.5
    text = "It was not a blatant lie."
    res = score(text, DEMO_SCORER)
    assert [(text[s.start : s.end], s.negated) for s in res.spans] == [("blatant lie", True)]
    assert res.count == 1
    assert res.weight == pytest.approx(1.5)


def test_epistemic_reported_not_scored() -> None:
    text = "The minister reportedly resigned."
    res = score(text, DEMO_SCORER)
    assert evidence(text, res, group="epistemic") == ["reportedly"]
    assert res.score == 0.0
    assert res.epistemic == pytest.approx(25.0)
    assert "other" not in res.categories
    assert not evidence(text, res, category="other")


def test_scare_quotes_are_authorial_and_optional() -> None:
    text = 'The plan was a "reform" in name only.'
    res = score(text, DEMO_SCORER)
    assert evidence(text, res, category=SCARE_QUOTES) == ['"reform"']
    assert res.authorial.count == 1
    assert res.quoted.count == 0
    off = score(text, LoadedScorer(DEMO, scare_quote_weight=0))
    assert off.count == 0
    assert SCARE_QUOTES not in off.categories


def test_voice_split_and_scores() -> None:
    text = 'Officials met on Monday to talk. "This is a horrific disaster," a resident said.'
    res = score(text, DEMO_SCORER)
    assert res.authorial.score == 0.0
    assert res.quoted.score > res.authorial.score
    assert res.authorial.n_tokens + res.quoted.n_tokens == res.n_tokens
    assert res.quoted.weight == 3.0


def test_sentences_and_threshold() -> None:
    text = "A horrific day. The council met on Tuesday and approved the budget for next year."
    res = score(text, DEMO_SCORER)
    assert [s.flagged for s in res.sentences] == [True, False]
    assert res.sentences[0].score == pytest.approx(100 * 2 / 3)
    assert res.threshold == DEFAULT_THRESHOLD
    strict = score(text, LoadedScorer(DEMO, threshold=100.0))
    assert not any(s.flagged for s in strict.sentences)
    assert not strict.flagged


def test_default_threshold_matches_its_documentation() -> None:
    # 1.5 per 100 tokens: one ordinary (weight-1) word flags a sentence of up to 66 tokens, not 67
    assert DEFAULT_THRESHOLD == 1.5
    for n_tokens, flagged in ((66, True), (67, False)):
        text = "It was a disaster " + "and then " * ((n_tokens - 4) // 2) + ("more." if n_tokens % 2 else ".")
        res = score(text, DEMO_SCORER)
        assert res.n_tokens == n_tokens
        assert [s.flagged for s in res.sentences] == [flagged]


@dataclass(frozen=True)
class _FakeAttribution:
    """Stands in for the attribution scorer's result (only its to_dict is read)."""

    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.payload


def test_speaker_from_attribution_result() -> None:
    text = 'A resident said: "It is a horrific disaster." The mayor disagreed.'
    q = text.index('"')
    content = {"start": q + 1, "end": text.index('"', q + 1)}
    attr = _FakeAttribution({"attributions": [{"kind": "direct", "source": {"name": "A resident"}, "cue": None, "content": content}]})
    ctx = Context(negation=NEGATION, results={"attribution": attr})
    d = DEMO_SCORER.score(Document.from_text(text), ctx).to_dict()
    assert {s["speaker"] for s in d["spans"]} == {"A resident"}
    # without an attribution result there is no speaker key at all
    plain = score(text, DEMO_SCORER).to_dict()
    assert all("speaker" not in s for s in plain["spans"])
    # a null source gives speaker None; a malformed payload is ignored
    attr_null = _FakeAttribution({"attributions": [{"kind": "direct", "source": None, "cue": None, "content": content}, "junk"]})
    d2 = DEMO_SCORER.score(Document.from_text(text), Context(negation=NEGATION, results={"attribution": attr_null})).to_dict()
    assert {s["speaker"] for s in d2["spans"]} == {None}


def test_empty_text() -> None:
    for text in ("", "   \n", "..."):
        res = score(text)
        assert res.score == 0.0
        assert not res.flagged
        assert res.spans == ()
        assert res.authorial.score == res.quoted.score == 0.0
        json.dumps(res.to_dict(), allow_nan=False)


def test_runs_in_analyzer() -> None:
    analysis = Analyzer(loaded=LoadedScorer()).analyze("Thugs staged a bloodbath, the regime said.")
    out = analysis.to_dict()["loaded"]
    assert out["score"] > 0
    assert out["flagged"]


# -- bundled lexicon 1.2 (invented sentences) -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Opposition leaders tore into the plan and called it a boondoggle.", {"tore into", "boondoggle"}),
        ("The majority rammed through the bill, and critics decried a power grab.", {"rammed through", "power grab"}),
        ("Columnists pilloried the do-nothing council as spineless.", {"pilloried", "do-nothing", "spineless"}),
        ("They want to kneecap the agency and purge its staff.", {"kneecap", "purge"}),
        ("It is a nothingburger, a storm in a teacup.", {"nothingburger", "storm in a teacup"}),
        ("The governor snipes at rivals every week.", {"snipes"}),
    ],
)
def test_bundled_finds_added_kinds(text: str, found: set[str]) -> None:
    # destructive metaphors, loaded verbs of saying, labels, dismissive idioms (added in 1.2.0)
    res = score(text)
    assert found <= set(evidence(text, res, group="loaded"))
    assert res.flagged


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mercifully, the hearing was short.", {"Mercifully"}),
        ("Auditors say the firm cooked the books for years.", {"cooked the books"}),
        ("Columnists called the theory a canard and a tall tale.", {"canard", "tall tale"}),
        ("The senator carped about the rules while aides glossed over the costs.", {"carped", "glossed over"}),
        ("The commentariat and its ilk preened on television.", {"commentariat", "ilk", "preened"}),
        ("The agency sneakily foisted the fee on renters.", {"sneakily", "foisted"}),
    ],
)
def test_bundled_finds_kinds_added_in_1_4(text: str, found: set[str]) -> None:
    # comment and manner adverbs, dismissive nouns for claims, idioms of evasion, complaint
    # verbs of saying and dismissive collective labels (added in 1.4.0)
    res = score(text)
    assert found <= set(evidence(text, res, group="loaded"))
    assert res.flagged


@pytest.mark.parametrize(
    "text",
    [
        "The committee is made up of five members and has been meeting since May.",
        "The presidential election is in November, and pork prices rose while crude oil fell.",
        "Police said the man was lying on the floor of a wooden shed near the racket club.",
        "Actor Wesley Snipes arrived at the premiere on Friday.",
        "The senate approved the budget on Tuesday after a short debate.",
    ],
)
def test_bundled_leaves_literal_uses_alone(text: str) -> None:
    # words whose ordinary news sense is literal ("made up of", "has been", "lying on",
    # "presidential", "crude oil", a surname that is also a loaded verb) are not loaded hits
    res = score(text)
    assert evidence(text, res, group="loaded") == []
    assert not res.flagged


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers debated a red flag law that lets judges order the removal of firearms.",
        "Her asylum claim rests on a well-founded fear of persecution at home.",
        "Stocks slipped amid fears of higher interest rates.",
        "The city announced a crackdown on unlicensed taxis.",
        "The soldier was treated for a traumatic brain injury.",
        "The council restored the historic district and praised the volunteers.",
        "Union members marched in solidarity with the nurses.",
        "The poll found that most voters strongly agree with the proposal.",
        "The populist party won seats as big business lobbied and the mainstream media covered the race.",
        "It was the deadliest attack on the city since 2015, a turning point for the police.",
        "The airline came under fire after the delay.",
        "The anti-vaccine group handed out leaflets for myriad reasons.",
        "The bishop blessed the new chapel.",
    ],
)
def test_bundled_leaves_descriptive_and_technical_terms_alone(text: str) -> None:
    # terms removed in 1.3.0 because their ordinary news sense is descriptive or technical
    # (legal, clinical, political-science, reporting conventions): see the lexicon's comments
    res = score(text)
    assert evidence(text, res, group="loaded") == []
    assert not res.flagged


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The landlord jacked up rents and shortchanged the tenants.", {"jacked up", "shortchanged"}),
        ("Rivals trolled the mayor, whose term was bedeviled by leaks.", {"trolled", "bedeviled"}),
        ("The senator stonewalls reporters and strong-arms his colleagues.", {"stonewalls", "strong-arms"}),
        ("The rollout fell flat and left the program on life support.", {"fell flat", "on life support"}),
    ],
)
def test_bundled_finds_headline_verbs_added_in_1_5(text: str, found: set[str]) -> None:
    # verbs of attack, overcharging and upheaval in the present tense of headlines (1.5.0)
    res = score(text)
    assert found <= set(evidence(text, res, group="loaded"))
    assert res.flagged


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the plan in spite of objections from residents.",
        "Heavy rain caused flooding in the northern districts on Tuesday.",
        "The club made history as the first to win three straight titles.",
        "The pontificate of the late pope lasted eight years.",
    ],
)
def test_bundled_leaves_fixed_phrases_and_records_alone_since_1_4(text: str) -> None:
    # 1.4.0: "spite" inside the preposition "in spite of", the weather verb "flooding in",
    # "made history" (a first, like "historic") and the noun "pontificate" are not loaded hits
    res = score(text)
    assert evidence(text, res, group="loaded") == []
    assert not res.flagged


@pytest.mark.parametrize(
    ("text", "term", "weight"),
    [
        ("A salmonella outbreak sickened dozens of diners at the festival.", "sickened", 0.5),
        ("Aid groups returned to the war-torn country last week.", "war-torn", 0.5),
        ("Health officials tracked an epidemic of cholera in the camps.", "an epidemic of", 0.5),
        ("Viewers were sickened by the footage.", "sickened by", 1.0),
        ("He did it out of spite, neighbours said.", "out of spite", 1.0),
    ],
)
def test_bundled_often_literal_terms_weigh_half_since_1_4(text: str, term: str, weight: float) -> None:
    # 1.4.0: words whose ordinary news sense is often literal weigh 0.5; their emotive idioms keep 1
    res = score(text)
    assert [(text[s.start : s.end], s.weight) for s in res.spans if s.group == "loaded"] == [(term, weight)]


def test_bundled_keeps_the_loaded_neighbours_of_removed_terms() -> None:
    # the idiom of warning keeps its plural entry although the legal "red flag (law)" went, and
    # the agency term "criminal aliens" is still a label, at the ordinary weight since 1.3.0
    text = "The audit raised red flags about the contract."
    assert evidence(text, score(text), group="loaded") == ["red flags"]
    text = "An agency statement referred to criminal aliens."
    res = score(text)
    assert [(text[s.start : s.end], s.category, s.weight) for s in res.spans if s.group == "loaded"] == [
        ("criminal aliens", "pejorative_labels", 1.0)
    ]


def test_bundled_ambiguous_words_weigh_half() -> None:
    text = "Crews smashed the window to reach the driver."
    res = score(text)
    assert [(text[s.start : s.end], s.weight) for s in res.spans if s.group == "loaded"] == [("smashed", 0.5)]


def test_bundled_weights_are_documented_intensities() -> None:
    lex = load_lexicon("loaded-language")
    weights = {e.weight for c in lex.categories if c.group == "loaded" for e in c.entries}
    assert weights <= {0.5, 1.0, 2.0, 3.0}


# 1.5.0 paradigm completion: (listed form, form added in 1.5.0) of one loaded word
_PARADIGM_PAIRS = [
    ("marred", "marring"),
    ("lambasted", "lambastes"),
    ("belittling", "belittles"),
    ("heckled", "heckle"),
    ("dismayed", "dismaying"),
    ("maddening", "maddeningly"),
    ("bleak", "bleakest"),
    ("frantically", "frantic"),
    ("naysayers", "naysayer"),
    ("yokels", "yokel"),
    ("provoked outrage", "provokes outrage"),
    ("shrugged off", "shrugging off"),
    ("scolds", "scold"),
    ("greedy", "greediest"),
    ("brazen", "brazenness"),
    ("power grab", "power grabs"),
]


def _entry(term: str) -> tuple[str, float]:
    lex = load_lexicon("loaded-language")
    found = [(c.id, e.weight) for c in lex.categories if c.group == "loaded" for e in c.entries if e.term == term]
    assert len(found) == 1, (term, found)
    return found[0]


@pytest.mark.parametrize(("listed", "added"), _PARADIGM_PAIRS)
def test_bundled_completed_forms_take_the_category_and_weight_of_their_word(listed: str, added: str) -> None:
    assert _entry(added) == _entry(listed)


@given(st.sampled_from(_PARADIGM_PAIRS), st.sampled_from(["The report said", "Observers noted that"]))
def test_property_completed_forms_score_like_the_listed_form(pair: tuple[str, str], lead: str) -> None:
    # in the same frame, the added form yields one loaded unit of the same category and weight
    found = []
    for form in pair:
        text = f"{lead} the word {form} appeared twice."
        res = score(text)
        found.append([(s.category, s.weight) for s in res.spans if s.group == "loaded" and text[s.start : s.end] == form])
    assert found[0] == found[1] != []


@pytest.mark.parametrize(
    "text",
    [
        "Needless to say, the meeting ran past midnight.",
        "The studio released a sneak peek of the film on Friday.",
        "He was charged with grievous bodily harm after the fight.",
        "Researchers disclosed an exploit in the browser's image decoder.",
        "Residents were shocked when the bridge closed for repairs.",
        "The crew reeled in the cable before the storm.",
        "Police reported a rise in violence near the stadium.",
        "The archive holds letters from the nobility of the region.",
        "Under the worst-case scenario, the model projects a rise of one metre by 2100.",
        "Two car crashes closed the motorway on Sunday.",
        "Farm exports were hit hard by the drought, the ministry said.",
    ],
)
def test_bundled_paradigm_completion_leaves_neutral_forms_alone(text: str) -> None:
    # 1.5.0 left out forms whose news use is a fixed neutral phrase, a literal noun, a legal term
    # or the experiencer participle of an emotion verb
    assert evidence(text, score(text), group="loaded") == []


@pytest.mark.parametrize(
    "text",
    [
        "Shares closed at a record high on Tuesday, and the yen at an all-time low.",
        "Exports reached record levels in March as record numbers of ships docked.",
        "It was the hottest July since record-keeping began, a record-setting month.",
        "The slain officer was honoured at a service; two men were charged in the slaying.",
        "The fall wiped out the year's gains, and the plan would wipe out part of the debt.",
        "Separatists in the north boycotted the vote.",
        "Tickets for the concert sold out within an hour.",
        "The striker missed the final with a hamstring injury.",
        "The keeper dived to smother the shot at the near post.",
        "Officers commandeered a taxi to reach the station.",
        "Wales kept their Grand Slam hopes alive on Saturday.",
        "The singer was hurt in a car crash and later received a standing ovation.",
    ],
)
def test_bundled_precision_review_leaves_descriptive_uses_alone(text: str) -> None:
    # 1.6.0 removed record terms of statistics reporting, the crime-reporting verb "slain",
    # "wipe out" and "separatist(s)", and "sold out", and left literal verbs out of its additions
    assert evidence(text, score(text), group="loaded") == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Critics called the deal a sellout of the workers.", "sellout"),
        ("The minister gave a car-crash interview on the radio.", "car-crash interview"),
        ("Analysts called the forecast record-shattering.", "record-shattering"),
        ("Gunmen gunned down two guards at the gate.", "gunned down"),
        ("The general threatened to wipe off the map every village that resisted.", "wipe off the map"),
    ],
)
def test_bundled_precision_review_keeps_the_loaded_neighbours(text: str, term: str) -> None:
    # the loaded senses next to the removed entries stay
    assert any(term in e for e in evidence(text, score(text), group="loaded"))


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("The mayor's conceited speech went on for an hour.", "conceited", "subjective_evaluative"),
        ("Critics called the anthem mawkish and clunky.", "mawkish", "subjective_evaluative"),
        ("The senator has an axe to grind with the agency.", "axe to grind", "subjective_evaluative"),
        ("His fanboys flooded the comment section.", "fanboys", "pejorative_labels"),
        ("Reporters hounded the minister for weeks.", "hounded", "loaded_reporting"),
        ("She took a swipe at her rival during the debate.", "took a swipe", "loaded_reporting"),
        ("The board was accused of hollowing out the regulator.", "hollowing out", "emotive_negative"),
        ("The new rules stack the deck against small firms.", "stack the deck", "figurative"),
        ("Asked about the delay, the director replied testily.", "testily", "subjective_evaluative"),
        ("The group spent millions fighting what it called anti-gun laws.", "anti-gun", "pejorative_labels"),
        ("The governor's ham-handed rollout confused everyone.", "ham-handed", "subjective_evaluative"),
        ("He drives a gas guzzler to climate rallies.", "gas guzzler", "pejorative_labels"),
        ("The mayor posted a rage-filled message at midnight.", "rage-filled", "emotive_negative"),
        ("The council spent the spring bickering over parking.", "bickering", "emotive_negative"),
        ("The primary turned into a circular firing squad.", "circular firing squad", "figurative"),
    ],
)
def test_bundled_coverage_review_finds_new_kinds(text: str, term: str, category: str) -> None:
    # 1.6.0 added vanity and taste judgements, derisive names, verbs of hostile address and of
    # undermining, idioms of an unfair contest, adverbs of a hostile manner, partisan epithets,
    # compound adjectives of judgement and words that dramatise a dispute
    assert (term, category) in {(text[s.start : s.end], s.category) for s in score(text).spans}


def test_bundled_malicious_is_mild_and_not_loaded_in_technical_terms() -> None:
    # also a legal term, so it weighs 0.5 since 1.6.0
    text = "The court heard it was a malicious act."
    assert [s.weight for s in score(text).spans if text[s.start : s.end] == "malicious"] == [0.5]
    # a technical term since 1.7.0: an exception of its category
    text = "Investigators found malicious software on the server."
    assert [s for s in score(text).spans if text[s.start : s.end] == "malicious"] == []


def test_bundled_sell_out_is_mild() -> None:
    # "sell-out" also matches the literal verb, so it weighs 0.5 since 1.6.0
    text = "Fans feared the club would sell out to the new owners."
    assert [s.weight for s in score(text).spans if text[s.start : s.end] == "sell out"] == [0.5]


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("The senator's plan would take a sledgehammer to the pension system.", "take a sledgehammer to", "figurative"),
        ("Critics say the ministry keeps burying its head in the sand.", "burying its head in the sand", "figurative"),
        ("The party was accused of whipping up hysteria about crime.", "whipping up hysteria", "figurative"),
        ("The committee dodged the question for a second week.", "dodged the question", "figurative"),
        ("A rival bid could scupper the merger.", "scupper", "emotive_negative"),
        ("The chair laid into the auditors at the hearing.", "laid into", "loaded_reporting"),
        ("The column called the senator a nincompoop.", "nincompoop", "subjective_evaluative"),
        ("He dismissed his critics as bed-wetters.", "bed-wetters", "pejorative_labels"),
        ("The ad spoke to hard-working families in the suburbs.", "hard-working families", "emotive_positive"),
        ("The cost of the delay is incalculable.", "incalculable", "hyperbole"),
        ("How on earth did the agency miss it?", "How on earth", "intensifiers"),
        ("The bill was dead on arrival in the Senate.", "dead on arrival", "figurative"),
        ("Moderates caved to the donors within a week.", "caved to", "subjective_evaluative"),
        ("The backbenchers fell in line after the vote.", "fell in line", "subjective_evaluative"),
        ("Critics called the agency a den of iniquity.", "den of iniquity", "emotive_negative"),
    ],
)
def test_bundled_coverage_review_1_8_finds_new_kinds(text: str, term: str, category: str) -> None:
    # 1.8.0 added idioms of wrecking, negligence, inflaming and evasion, figurative verbs,
    # verbs of a dressing-down, name-calling nouns, glittering generalities and hyperbole
    assert (term, category) in {(text[s.start : s.end], s.category) for s in score(text).spans}


@pytest.mark.parametrize(
    "text",
    [
        "The car rolled over and came to rest in a field.",
        "Jones will start at blindside flanker on Saturday.",
        "The tumour had metastasized to the liver.",
        "Pilgrims genuflect before the altar.",
        "Inflation creeps up when wages rise.",
        "Troops mounted a frontal assault on the ridge at dawn.",
        "The stock fell after analysts poured cold water on the forecast.",
        "The victim was dead on arrival at hospital.",
        "She was pronounced dead on arrival.",
        "The film follows a backstreet abortionist in 1950s London.",
    ],
)
def test_bundled_coverage_review_1_8_leaves_literal_and_stock_uses_alone(text: str) -> None:
    # candidates left out of 1.8.0 for their literal or stock sense in ordinary news
    assert evidence(text, score(text), group="loaded") == []


def _coverage_review_1_8_entries() -> list[str]:
    """The entries below a '1.8.0 coverage review' note in the bundled lexicon's source."""
    source = (Path(__file__).resolve().parent.parent / "lexicons" / "loaded" / "loaded-language.toml").read_text(encoding="utf-8")
    out: list[str] = []
    inside = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            inside = stripped.startswith("# 1.8.0 coverage review")
        elif stripped == "]":
            inside = False
        elif inside:
            out.append(tomllib.loads(f"e = [{stripped}]")["e"][0])
    return [e if isinstance(e, str) else e["term"] for e in out]


_ENTRIES_1_8 = _coverage_review_1_8_entries()


def test_coverage_review_1_8_entries_are_read() -> None:
    assert len(_ENTRIES_1_8) > 300
    assert "scupper" in _ENTRIES_1_8


@given(st.sampled_from(_ENTRIES_1_8), st.sampled_from(["The report said", "Observers noted that", "In the end"]))
def test_property_a_short_sentence_with_a_1_8_entry_is_flagged(term: str, lead: str) -> None:
    # every entry added in 1.8.0 is loaded and weighs at least 0.5, so a sentence of under 33
    # tokens that holds one (un-negated) is flagged at the default threshold
    text = f"{lead} {term} came up again."
    start = text.index(term)
    res = score(text)
    assert any(s.group == "loaded" and s.start <= start and start + len(term) <= s.end for s in res.spans)
    assert res.sentences[0].flagged


@pytest.mark.parametrize(
    "text",
    [
        "The dollar hit a new low against the euro on Friday.",
        "Unemployment fell to a new low in March.",
        "Hundreds of women and children were evacuated from the village.",
        "The firm announced a wave of job cuts.",
        "The striker is suffering from a stomach bug.",
        "She missed the final after suffering a knee injury.",
        "Forecasters warned of extreme weather over the weekend.",
        "Millions still live in extreme poverty.",
        "Supermarkets face fierce competition from discounters.",
        "The real problem lies in the software.",
        "Uncertainty lies ahead for exporters.",
        "He was banned for dangerous driving.",
        "Police are investigating a hoax call to the airport.",
        "Cheap credit fuelled demand for new homes.",
        "The earthquake disaster left thousands without shelter.",
        "The patient went into septic shock after surgery.",
        "Oil shocks hit the economy twice in that decade.",
        "He was arrested with a fake passport.",
        "She writes fantasy novels for teenagers.",
        "Malicious hackers stole the customer data.",
        "Extreme rainfall flooded the town.",
        "The real opportunity lies largely in services.",
    ],
)
def test_bundled_precision_review_1_9_leaves_descriptive_uses_alone(text: str) -> None:
    # 1.9.0 removed the measured "new low", the count "women and children", the collective "a
    # wave of" and the statistical "extreme poverty", and added exceptions for the clinical
    # "suffering from", terms of weather, markets and law, the verb "lies", hoax calls, the
    # economic "fuelled", kinds of disaster, medical and economic shocks, genres, counterfeit
    # objects and "malicious hackers"
    assert evidence(text, score(text), group="loaded") == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The minister sank to a new low with the attack ad.", "sank to a new low"),
        ("Troops fired on innocent women and children.", "innocent women and children"),
        ("The campaign was built on lies.", "lies"),
        ("The senator lies with impunity.", "lies"),
        ("Voters saw through the lies behind the war.", "lies"),
        ("The speech fuelled hatred of migrants.", "fuelled"),
        ("The new policy is a disaster for schools.", "disaster"),
        ("Critics called the plan dangerous.", "dangerous"),
        ("Fierce critics of the plan gathered outside.", "Fierce"),
        ("He called the inquiry a hoax.", "hoax"),
        ("The column decried an extreme agenda.", "extreme agenda"),
        ("Aid agencies warned of abject poverty in the camps.", "abject poverty"),
        ("The result was a shock to the party.", "shock"),
        ("Officials dismissed the story as a fantasy.", "fantasy"),
        ("The ruling sent shock waves through the industry.", "shock waves"),
    ],
)
def test_bundled_precision_review_1_9_keeps_the_loaded_senses(text: str, term: str) -> None:
    # the exceptions and removals of 1.9.0 leave the evaluative uses of the same words
    assert term in evidence(text, score(text), group="loaded")


@given(
    st.sampled_from(["problem", "answer", "blame", "fault", "responsibility", "solution", "key", "future", "onus", "burden"]),
    st.sampled_from(["with the board.", "in the detail.", "elsewhere.", "at the heart of it."]),
)
def test_property_the_verb_lies_is_not_the_noun_of_untruth(subject: str, rest: str) -> None:
    # "the problem lies in..." is the verb "lie" (be situated), so no loaded span covers "lies"
    text = f"The {subject} lies {rest}"
    res = score(text)
    start = text.index(" lies ") + 1
    assert not any(s.group == "loaded" and s.start <= start < s.end for s in res.spans)


@given(st.sampled_from(["told", "spread", "repeated", "printed"]), st.sampled_from(["about the budget.", "to voters.", "on television."]))
def test_property_the_noun_lies_stays_loaded(verb: str, rest: str) -> None:
    # the noun of untruth after a verb of telling is still a loaded word
    text = f"The candidate {verb} lies {rest}"
    start = text.index(" lies ") + 1
    assert any(s.group == "loaded" and s.start <= start < s.end for s in score(text).spans)


_PLAIN_ENTRIES = sorted(
    e.term for c in load_lexicon("loaded-language").categories if c.group == "loaded" for e in c.entries if not e.wildcard
)


@given(st.sampled_from(_PLAIN_ENTRIES))
def test_property_every_bundled_loaded_entry_is_found(term: str) -> None:
    # each entry, written as it stands in a plain sentence, yields a loaded span over it
    text = f"Reporters wrote that {term} was the word."
    start = text.index(term)
    res = score(text)
    assert any(s.group == "loaded" and s.start < start + len(term) and start < s.end for s in res.spans)


# -- properties ----------------------------------------------------------------------------------


@given(texts)
def test_property_well_formed_and_deterministic(text: str) -> None:
    a = score(text).to_dict()
    b = score(text).to_dict()
    assert a == b
    json.dumps(a, allow_nan=False)
    assert 0.0 <= a["score"] <= 300.0
    for s in a["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
        assert s["voice"] in {"authorial", "quoted"}
        assert s["group"] in {"loaded", "epistemic"}
    for s in a["sentences"]:
        assert s["flagged"] == (s["score"] >= a["threshold"] and s["score"] > 0)


@given(texts)
def test_property_voices_add_up(text: str) -> None:
    res = score(text)
    assert res.authorial.count + res.quoted.count == res.count
    assert math.isclose(res.authorial.weight + res.quoted.weight, res.weight, abs_tol=1e-9)
    assert res.authorial.n_tokens + res.quoted.n_tokens == res.n_tokens
    if res.n_tokens and min(res.authorial.n_tokens, res.quoted.n_tokens) >= VOICE_MIN_TOKENS:
        mean = (res.authorial.score * res.authorial.n_tokens + res.quoted.score * res.quoted.n_tokens) / res.n_tokens
        assert math.isclose(mean, res.score, rel_tol=1e-9, abs_tol=1e-9)
    plain = LoadedScorer(voice_min_tokens=1).score(Document.from_text(text), Context(negation=Negation.default()))
    if res.n_tokens:  # without the floor the score is always the token-weighted mean of the voices
        mean = (plain.authorial.score * plain.authorial.n_tokens + plain.quoted.score * plain.quoted.n_tokens) / plain.n_tokens
        assert math.isclose(mean, plain.score, rel_tol=1e-9, abs_tol=1e-9)
    for voice, free in ((res.authorial, plain.authorial), (res.quoted, plain.quoted)):
        # the floor only ever lowers a voice density, and only for a voice shorter than it
        assert voice.score <= free.score + 1e-9
        if voice.n_tokens >= VOICE_MIN_TOKENS:
            assert math.isclose(voice.score, free.score, rel_tol=1e-9, abs_tol=1e-9)
    for cid, cat in res.categories.items():
        hits = [s for s in res.spans if s.category == cid]
        assert cat.count + cat.negated == len(hits)


@given(news_text, st.sampled_from(DEMO_TERMS))
def test_property_adding_a_loaded_term_never_lowers_its_count(text: str, term: str) -> None:
    cat = "booster" if term.startswith("blatant") else "emotive"
    before = score(text, DEMO_SCORER).categories[cat]
    after = score(text + ". " + term + ".", DEMO_SCORER).categories[cat]
    assert after.count + after.negated >= before.count + before.negated
    assert after.count >= before.count


@given(news_text)
def test_property_negation_changes_only_negated_hits(text: str) -> None:
    doc = Document.from_text(text)
    with_neg = SCORER.score(doc, Context(negation=NEGATION))
    without = SCORER.score(doc, Context(negation=None))
    strip = [(s.start, s.end, s.category, s.weight, s.voice) for s in with_neg.spans]
    assert strip == [(s.start, s.end, s.category, s.weight, s.voice) for s in without.spans]
    assert not any(s.negated for s in without.spans)
    kept = [s for s in with_neg.spans if not s.negated]
    # the same units remain when the negated hits are dropped from the un-negated run
    assert with_neg.count <= without.count
    assert with_neg.weight <= without.weight + 1e-9
    if not any(s.negated for s in with_neg.spans):
        # the same result but for the settings, which name the negation window used
        assert {**with_neg.to_dict(), "settings": None} == {**without.to_dict(), "settings": None}
    # negation discounts: it never raises a score, and with a factor of 1 it changes none
    assert with_neg.score <= without.score + 1e-9
    ignore = LoadedScorer(negated_factor=1.0).score(doc, Context(negation=NEGATION))
    assert ignore.score == pytest.approx(without.score)
    assert [s.flagged for s in ignore.sentences] == [s.flagged for s in without.sentences]
    assert len(kept) + sum(c.negated for c in with_neg.categories.values()) == len(with_neg.spans)


# -- the seed article (read from ../shared, never copied) -----------------------------------------


def test_seed_article(seed_text: str) -> None:
    res = score(seed_text)
    loaded = [(seed_text[s.start : s.end].lower(), s.voice) for s in res.spans if s.group == "loaded"]
    assert ("open war", "quoted") in loaded
    assert any("blatant and unacceptable violation" in t and v == "quoted" for t, v in loaded) or {
        ("blatant", "quoted"),
        ("unacceptable", "quoted"),
    } <= set(loaded)
    assert res.authorial.score < res.quoted.score


def test_loaded_and_dictionary_scorers_share_the_quoted_token_count() -> None:
    from framing import Analyzer
    from framing.scorers.dictionary import quoted_token_count

    text = 'The word "thugs" was dropped from the so-called "reform" plan. "It was a savage attack," Ana Ruiz said.'
    an = Analyzer(attribution=False, frames=False, dictionaries=["negation"])
    res = an.analyze(text)
    doc = an.document(text)
    assert res["loaded"].quoted.n_tokens == quoted_token_count(doc) == res["dictionary:negation"].n_tokens_quoted == 5


def test_the_result_names_the_settings_it_was_scored_with() -> None:
    from framing import Analyzer

    text = "The regime's brutal crackdown was not a disaster."
    d = Analyzer(frames=False, attribution=False, loaded=LoadedScorer(negated_factor=0.0, scare_quote_weight=0.0)).analyze(text).to_dict()
    assert d["loaded"]["settings"] == {
        "threshold": DEFAULT_THRESHOLD,
        "negated_factor": 0.0,
        "scare_quote_weight": 0.0,
        "voice_min_tokens": VOICE_MIN_TOKENS,
        "negation_window": 3,
    }
    wide = Analyzer(frames=False, attribution=False, negation_window=8).analyze(text).to_dict()
    assert wide["loaded"]["settings"]["negation_window"] == 8


@pytest.mark.parametrize("label", ["so-called", "So-called", "self-styled", "supposed"])
def test_a_scare_quote_after_a_distancing_label_is_one_unit_with_it(label: str) -> None:
    both = score(f'The {label} "reform" stalled in the council this week.')
    assert {s.category for s in both.spans if s.group == "loaded"} >= {SCARE_QUOTES}
    assert both.count == 1
    apart = score('The "reform" stalled in the council, and the so-called plan went nowhere this week.')
    assert apart.count == 2  # a label elsewhere is another unit


@given(st.lists(st.sampled_from(["the", "council", "voted", "on", "a", "plan", "today"]), max_size=8))
def test_property_a_distancing_label_never_adds_a_unit_to_its_scare_quote(words: list[str]) -> None:
    tail = " ".join(words)
    quoted = score(f'The "reform" {tail}.')
    labelled = score(f'The so-called "reform" {tail}.')
    assert labelled.count == quoted.count


def test_a_headline_is_scored_on_its_own_and_never_enters_the_document_score() -> None:
    title = "Heartless bosses wreck beloved hospital in shameless cash grab"
    with_title = Analyzer(frames=False).analyze("The council voted to close the hospital on Tuesday.", title=title)["loaded"]
    assert isinstance(with_title, LoadedResult)
    assert with_title.score == 0.0
    assert with_title.title is not None
    assert with_title.title.flagged
    assert {title[s.start : s.end].lower() for s in with_title.title.spans} >= {"heartless", "shameless"}
    assert with_title.to_dict()["title"]["n_tokens"] == 9
    without = Analyzer(frames=False).analyze("The council voted to close the hospital on Tuesday.")["loaded"]
    assert without.to_dict()["title"] is None


@given(news_text, news_text)
def test_property_a_title_changes_nothing_but_the_title_score(text: str, title: str) -> None:
    an = Analyzer(frames=False)
    plain = an.analyze(text)["loaded"].to_dict()
    titled = an.analyze(text, title=title)["loaded"].to_dict()
    got = titled.pop("title")
    assert plain.pop("title") is None
    assert titled == plain
    if got is None:  # an empty title is no title
        assert title == ""
        return
    assert all(0 <= s["start"] < s["end"] <= len(title) for s in got["spans"])
    assert got["flagged"] == (got["n_tokens"] > 0 and got["score"] >= DEFAULT_THRESHOLD)


def test_own_voice_leaves_out_reported_speech_and_quotations() -> None:
    an = Analyzer(frames=False)
    res = an.analyze('Opponents said the deal was a betrayal. "It is a disgrace," Ana Ruiz said.')["loaded"]
    assert isinstance(res, LoadedResult)
    assert res.authorial.weight > 0  # the paraphrase is in the outlet's words
    assert res.own is not None
    assert res.own.weight == 0.0
    plain = an.analyze("The shameless minister left the brutal regime.")["loaded"]
    assert isinstance(plain, LoadedResult)
    assert plain.own == plain.authorial
    assert Analyzer(frames=False, attribution=False).analyze("The shameless minister left.")["loaded"].to_dict()["own"] is None


@given(news_text)
def test_property_own_voice_is_part_of_the_authorial_voice(text: str) -> None:
    res = Analyzer(frames=False).analyze(text)["loaded"]
    assert isinstance(res, LoadedResult)
    assert res.own is not None
    assert res.own.weight <= res.authorial.weight + 1e-9
    assert res.own.count <= res.authorial.count
    assert 0 <= res.own.n_tokens <= res.authorial.n_tokens


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether the reckless, disgraceful scheme will survive.",
        "I suspect the reckless, disgraceful scheme will not survive.",
    ],
)
def test_the_outlets_own_hedges_and_first_person_stay_in_its_own_voice(text: str) -> None:
    res = Analyzer(frames=False).analyze(text)["loaded"]
    assert isinstance(res, LoadedResult)
    assert res.own is not None
    assert res.own.weight == res.authorial.weight > 0


def test_a_one_word_quotation_does_not_dominate_the_quoted_voice() -> None:
    body = "The council met on Tuesday to discuss the budget for the coming year. " * 20
    short = score(body + 'The opposition leader said the plan was "disgraceful".')
    long_quote = score(
        body + 'The opposition leader said: "The plan we were shown this week by the council is disgraceful, '
        'and residents across the town will pay for it for years."'
    )
    assert short.quoted.n_tokens < VOICE_MIN_TOKENS
    assert short.quoted.weight == long_quote.quoted.weight > 0
    # over the floor of 50 tokens, not over the single quoted token
    assert short.quoted.score == pytest.approx(100 * short.quoted.weight / VOICE_MIN_TOKENS)
    assert short.quoted.score <= long_quote.quoted.score
    unfloored = LoadedScorer(voice_min_tokens=1).score(Document.from_text(body + 'The opposition leader said the plan was "disgraceful".'), Context(negation=Negation.default()))
    assert unfloored.quoted.score == pytest.approx(100 * unfloored.quoted.weight / unfloored.quoted.n_tokens)
    with pytest.raises(ValueError, match="voice_min_tokens"):
        LoadedScorer(voice_min_tokens=0)
