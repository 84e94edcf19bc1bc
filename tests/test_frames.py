"""The frame scorer: definitions, decision rule, voice, title, properties, and the seed article."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Analyzer, Document, FrameResult, FrameScorer, load_lexicon
from framing.scorers.base import Context

from strategies import news_text, texts

SCORER = FrameScorer()
FRAMES = load_lexicon("policy-frames").category_ids


def frames_of(text: str, title: str | None = None, scorer: FrameScorer = SCORER) -> FrameResult:
    ctx = Context(None, title=Document.from_text(title) if title else None)
    return scorer.score(Document.from_text(text), ctx)


def test_every_frame_is_scored_and_empty_text_is_defined() -> None:
    res = frames_of("")
    assert tuple(res.scores) == FRAMES
    assert set(res.scores.values()) == {0.0}
    assert res.present == ()
    assert res.primary is None
    assert res.evidence == ()


def test_security_text() -> None:
    res = frames_of("Airstrikes hit the militia's bases overnight, and troops were deployed to the border.")
    assert res.primary == "security_and_defense"
    assert "security_and_defense" in res.present
    cues = {res_e.entry for res_e in res.evidence if res_e.frame == "security_and_defense"}
    assert cues


def test_quoted_cues_count_in_the_quoted_voice_only() -> None:
    text = 'The report was published on Monday. "Taxpayers will foot the bill," the senator said.'
    res = frames_of(text)
    ev = [e for e in res.evidence if e.frame == "economic"]
    assert ev
    assert all(e.voice == "quoted" for e in ev)
    assert res.by_voice["quoted"]["economic"] > 0
    assert res.by_voice["authorial"]["economic"] == 0


def test_title_counts_with_its_weight() -> None:
    body = "The meeting took place on Tuesday in the capital."
    title = "Taxpayers face the bill"
    without = frames_of(body)
    with_title = frames_of(body, title)
    heavier = frames_of(body, title, FrameScorer(title_weight=5.0))
    assert without.scores["economic"] == 0
    assert 0 < with_title.scores["economic"] < heavier.scores["economic"]
    assert any(e.field == "title" and title[e.start : e.end] for e in with_title.evidence)


def test_another_taxonomy_gives_the_same_shape() -> None:
    res = frames_of("Rivals clashed in a bitter feud; the families of the victims grieved.", scorer=FrameScorer("generic-news-frames"))
    assert set(res.scores) == {"conflict", "human_interest", "economic_consequences", "morality", "responsibility"}
    assert res.primary in res.scores
    assert set(res.to_dict()) == set(frames_of("x").to_dict())


def test_sentence_frames_point_at_sentences() -> None:
    text = "Taxpayers pay. The weather was mild. Troops and airstrikes followed."
    res = frames_of(text)
    assert [text[s.start : s.end] for s in res.sentences] == ["Taxpayers pay.", "Troops and airstrikes followed."]
    assert res.sentences[0].primary == "economic"


def test_bad_parameters() -> None:
    with pytest.raises(ValueError, match="scale > 0"):
        FrameScorer(scale=0)


@given(texts)
def test_scores_within_range_and_evidence_slices(text: str) -> None:
    res = frames_of(text)
    for f in FRAMES:
        assert 0.0 <= res.scores[f] < 1.0
        assert 0.0 <= res.share[f] <= 1.0
        assert res.density[f] >= 0.0
    assert set(res.present) <= set(FRAMES)
    assert all(res.scores[f] >= SCORER.threshold for f in res.present)
    for e in res.evidence:
        assert 0 <= e.start < e.end <= len(text)


@given(
    st.lists(st.sampled_from(["The", "council", "met", "on", "Monday", "and", "residents", "said", "little", "."]), max_size=40),
    st.sampled_from(FRAMES),
    st.integers(0, 40),
)
def test_adding_a_frame_cue_never_lowers_that_frame(words: list[str], frame: str, at: int) -> None:
    cue = next(
        e.term for e in load_lexicon("policy-frames").category(frame).entries if e.weight > 0 and not e.wildcard and e.tokens[0].isalpha()
    )
    base = " ".join(words)
    more = " ".join([*words[:at], cue, *words[at:]])
    assert frames_of(more).scores[frame] >= frames_of(base).scores[frame]


@given(news_text)
def test_whitespace_changes_nothing(text: str) -> None:
    spaced = re.sub(r"[ \t]+", lambda m: m.group() + "  ", text)
    a, b = frames_of(text), frames_of(spaced)
    assert a.present == b.present
    assert a.primary == b.primary
    assert [(e.frame, e.entry) for e in a.evidence] == [(e.frame, e.entry) for e in b.evidence]
    for f in FRAMES:
        assert a.scores[f] == pytest.approx(b.scores[f])


@given(news_text)
def test_deterministic(text: str) -> None:
    assert frames_of(text).to_dict() == frames_of(text).to_dict()


def test_seed_article_top_frames_with_evidence(seed_text: str) -> None:
    res = Analyzer().analyze(seed_text)["frames"]
    assert isinstance(res, FrameResult)
    top = res.top(3)
    assert "security_and_defense" in top
    assert "external_regulation_and_reputation" in top
    ext = [seed_text[e.start : e.end].lower() for e in res.evidence if e.frame == "external_regulation_and_reputation"]
    assert any("sovereignty" in x for x in ext)
    sec = [seed_text[e.start : e.end].lower() for e in res.evidence if e.frame == "security_and_defense"]
    assert any("airstrike" in x for x in sec)


@pytest.mark.parametrize(
    ("text", "frame", "cue"),
    [
        ("A new poll of registered voters found that most citizens back the measure.", "public_opinion", "registered voters"),
        ("Many families struggle to pay the rent and put food on the table.", "quality_of_life", "put food on the table"),
        (
            "The clinic is operating at capacity, and a nurse shortage has left the ward spread too thin.",
            "capacity_and_resources",
            "operating at capacity",
        ),
        (
            "Under the plan, a reform package would replace the scheme with targeted tax credits.",
            "policy_prescription_and_evaluation",
            "reform package",
        ),
        (
            "The ministry said the country had met its treaty obligations under international law.",
            "external_regulation_and_reputation",
            "treaty obligations",
        ),
        ("The presumption of innocence matters, and he was denied a fair trial.", "fairness_and_equality", "presumption of innocence"),
        ("It was a moral failure, and the officials should be ashamed of their cowardice.", "morality", "should be ashamed"),
    ],
)
def test_policy_frames_1_2_cues(text: str, frame: str, cue: str) -> None:
    res = frames_of(text)
    assert res.primary == frame
    assert frame in res.present
    assert cue in {e.entry for e in res.evidence if e.frame == frame}


def test_ambiguous_single_words_are_not_frame_cues() -> None:
    border = frames_of("Customs officers inspected the cargo at the port on Monday.")
    assert border.scores["cultural_identity"] == 0
    illness = frames_of("Doctors said the patient had a viral infection.")
    assert illness.scores["public_opinion"] == 0
    assert frames_of("The clip went viral within hours.").scores["public_opinion"] > 0


def test_protest_events_weigh_less_than_polling() -> None:
    protest = frames_of("Protesters marched through the city on Saturday.")
    poll = frames_of("Pollsters asked respondents about the plan on Saturday.")
    assert all(e.weight == 0.5 for e in protest.evidence if e.frame == "public_opinion")
    assert 0 < protest.scores["public_opinion"] < poll.scores["public_opinion"]


@pytest.mark.parametrize(
    ("text", "frame", "cue"),
    [
        (
            "The man had an outstanding order of removal, and the judge heard his asylum claim on appeal.",
            "legality_constitutionality_jurisprudence",
            "order of removal",
        ),
        ("Residents of the care home said the move had upended their daily lives and their way of life.", "quality_of_life", "care home"),
        ("The segment drew applause from the audience, and many people said they were fed up.", "public_opinion", "applause"),
        (
            "Critics called it a double standard: the officials faced no consequences while others were punished.",
            "fairness_and_equality",
            "a double standard",
        ),
        (
            "The scandal damaged the country's standing with world leaders and its prestige abroad.",
            "external_regulation_and_reputation",
            "prestige",
        ),
        ("Jesus taught that greed is wrong, and the church preached kindness and generosity.", "morality", "generosity"),
        ("The left wing of the party fought the nominee before the confirmation vote.", "political", "confirmation vote"),
        ("The virus is lethal, and doctors said the pathogen spreads through contaminated water.", "health_and_safety", "pathogen"),
        (
            "Officials said the plan would fix the problem, but critics called it misguided and wasteful.",
            "policy_prescription_and_evaluation",
            "fix the problem",
        ),
    ],
)
def test_policy_frames_1_3_cues(text: str, frame: str, cue: str) -> None:
    res = frames_of(text)
    assert res.primary == frame
    assert frame in res.present
    assert cue in {e.entry for e in res.evidence if e.frame == frame}


def test_generic_words_left_out_of_1_3_are_not_cues() -> None:
    # Quantity and material words (gas, land, water) were tried as capacity cues and rejected as
    # topical; "the case", "met with" and "visited" are too common to mark a frame.
    assert frames_of("The balloon was filled with gas and drifted over the land and the water.").evidence == ()
    assert frames_of("In the case of rain, the picnic moves indoors.").evidence == ()
    res = frames_of("She met with her sister and visited her aunt.")
    assert res.scores["external_regulation_and_reputation"] == 0


def test_generic_words_pruned_in_1_4_are_not_cues() -> None:
    # Quantifiers, audiences and headcounts say nothing about what the public thinks.
    crowd = frames_of("The majority of the guests left early; the population of the town doubles in summer.")
    assert crowd.scores["public_opinion"] == 0
    assert frames_of("The singer thanked the audience in the hall.").scores["public_opinion"] == 0
    # An intensifier, an expletive, a person's credibility, violent-death words and technology.
    assert frames_of("Equally important, the second half was better.").scores["fairness_and_equality"] == 0
    assert frames_of("What the hell happened to the second half?").scores["morality"] == 0
    assert frames_of("The witness had little credibility.").scores["external_regulation_and_reputation"] == 0
    killed = frames_of("The gang killed a rival and left him dead.")
    assert killed.scores["health_and_safety"] == 0
    assert killed.scores["security_and_defense"] > 0
    gear = frames_of("The firm sold technology, ammunition and munitions.")
    assert gear.scores["capacity_and_resources"] == 0
    assert gear.scores["security_and_defense"] > 0


def test_down_weighted_1_4_cues_still_count_at_half_weight() -> None:
    cases = [
        ("People posted about it on the forum, and many people were outraged.", "public_opinion", {"many people", "outraged"}),
        ("Their neighbors complained about the noise.", "quality_of_life", {"neighbors"}),
        ("Officers stepped up immigration enforcement.", "policy_prescription_and_evaluation", {"immigration enforcement"}),
        ("She reported the harassment.", "fairness_and_equality", {"harassment"}),
        ("The agency stressed public safety.", "health_and_safety", {"public safety"}),
        ("He answered the attacks on his record.", "security_and_defense", {"attacks on"}),
    ]
    for text, frame, entries in cases:
        res = frames_of(text)
        got = {e.entry: e.weight for e in res.evidence if e.frame == frame}
        assert entries <= set(got), (text, got)
        assert all(got[k] == 0.5 for k in entries)
        assert res.scores[frame] > 0


OFFICE_TITLES = {
    "ambassador to": "ambassador",
    "envoy to": "envoy",
    "embassy in": "embassy",
    "consulate general": "consulate",
    "his counterpart": "counterpart",
    "her counterpart": "counterpart",
}
EXTERNAL_WEIGHT = {
    e.term: e.weight for c in load_lexicon("policy-frames").categories if c.id == "external_regulation_and_reputation" for e in c.entries
}


def test_office_title_phrases_weigh_no_more_than_the_title() -> None:
    # Naming an office ("ambassador to X") is no stronger an external cue than the title itself.
    for phrase, title in OFFICE_TITLES.items():
        assert EXTERNAL_WEIGHT[phrase] <= EXTERNAL_WEIGHT[title], phrase


@given(st.sampled_from(sorted(OFFICE_TITLES)), st.sampled_from(["France", "Kenya", "Peru", "the talks", "Oslo"]))
def test_naming_an_office_adds_the_title_weight_once(phrase: str, place: str) -> None:
    res = frames_of(f"Officials said {phrase} {place} would attend.")
    ext = [e for e in res.evidence if e.frame == "external_regulation_and_reputation"]
    assert [e.entry for e in ext] == [phrase]
    assert sum(e.weight for e in ext) == EXTERNAL_WEIGHT[OFFICE_TITLES[phrase]]


@pytest.mark.parametrize(
    ("text", "frame", "cues"),
    [
        (
            "After the divorce, single parent families on the estate were worse off, and many now go without heating.",
            "quality_of_life",
            {"single parent families", "worse off", "go without"},
        ),
        (
            "The couple said they wanted a safe place to live and to live in peace with their neighbours.",
            "quality_of_life",
            {"safe place to live", "live in peace"},
        ),
        (
            "Critics warned that the change would be a step backward and said such raids should never be allowed.",
            "policy_prescription_and_evaluation",
            {"a step backward", "should never be allowed"},
        ),
        (
            "Supporters called it the way forward, and officials said that, once implemented, it would help.",
            "policy_prescription_and_evaluation",
            {"the way forward", "once implemented"},
        ),
    ],
)
def test_policy_frames_1_5_cues(text: str, frame: str, cues: set[str]) -> None:
    res = frames_of(text)
    assert res.primary == frame
    assert frame in res.present
    assert cues <= {e.entry for e in res.evidence if e.frame == frame}


def test_family_structure_and_residence_words_are_weak_quality_of_life_cues() -> None:
    # Bare words for family structures and "live in" say little alone: they weigh 0.5.
    res = frames_of("The marriage ended in divorce, and the widowed mother said they live in a small flat.")
    got = {e.entry: e.weight for e in res.evidence if e.frame == "quality_of_life"}
    assert got == {"marriage": 0.5, "divorce": 0.5, "widowed": 0.5, "live in": 0.5}
    assert res.primary == "quality_of_life"
    # Mobility: the bare verb is weak, a phrase about people's freedom to move is a full cue.
    trip = frames_of("Since the checkpoints went up, few travel; families are no longer free to travel to visit relatives.")
    got = {e.entry: e.weight for e in trip.evidence if e.frame == "quality_of_life"}
    assert got["travel"] == 0.5
    assert got["free to travel"] == 1.0
    assert got["visit relatives"] == 1.0


NEW_1_5 = {
    "quality_of_life": [
        "worse off",
        "go without",
        "lack of access to",
        "school run",
        "family ties",
        "community spirit",
        "forced to relocate",
        "single parent households",
        "hurting ordinary",
        "a place to live",
    ],
    "policy_prescription_and_evaluation": [
        "would undo",
        "a step backwards",
        "the right approach",
        "should never be allowed",
        "if implemented",
        "once enacted",
        "would put an end to",
        "the best option",
    ],
}


@given(
    st.sampled_from([(f, t) for f, terms in NEW_1_5.items() for t in terms]),
    st.lists(st.sampled_from(["On", "Monday", "the", "report", "said", "that", "and", "it", "was", ","]), max_size=12),
)
def test_1_5_entries_match_as_themselves_in_neutral_text(pair: tuple[str, str], filler: list[str]) -> None:
    # Each new entry is found wherever it sits among neutral words: whole, or (leftmost-longest
    # within a frame) inside a longer cue of the same frame that starts earlier ("the community"
    # before "community spirit").
    frame, term = pair
    text = " ".join([*filler, term, "."])
    start = text.index(term, len(" ".join(filler)))
    res = frames_of(text)
    own = [e for e in res.evidence if e.frame == frame and e.start < start + len(term) and start < e.end]
    assert own
    assert own[0].entry == term or own[0].start < start
    assert res.scores[frame] > 0


def test_cues_in_scare_quotes_and_mentions_are_the_writers_own_voice() -> None:
    text = 'Critics dislike the word "airstrike". It was a "security" matter. "Airstrikes must stop," Ana Ruiz said.'
    res = frames_of(text)
    voices = {text[e.start : e.end].lower(): e.voice for e in res.evidence if e.frame == "security_and_defense"}
    assert voices["airstrike"] == "authorial"  # a mention
    assert voices["security"] == "authorial"  # a scare quote
    assert voices["airstrikes"] == "quoted"  # speech


def test_a_short_quotation_gets_the_same_density_floor_as_the_text() -> None:
    text = '"Airstrikes," Ana Ruiz said.'
    res = frames_of(text)
    # one cue in a two-token quotation: per 1,000 of at least min_tokens quoted tokens, not per 2
    cue = sum(e.weight for e in res.evidence if e.frame == "security_and_defense" and e.voice == "quoted")
    assert cue > 0
    assert res.by_voice["quoted"]["security_and_defense"] == pytest.approx(1000 * cue / SCORER.min_tokens)


def test_voice_densities_leave_the_title_out_exactly() -> None:
    # Every text cue is quoted, so the authorial density is exactly 0, whatever the title adds
    # (0.1 + 0.4 - 0.4 is not 0.1 in floating point).
    from framing import Analyzer, Category, Entry, Lexicon
    from framing.scorers import FrameScorer

    cats = (Category("economic", "Money.", (Entry.parse("tax", weight=0.1),)), Category("political", "Votes.", (Entry.parse("vote"),)))
    scorer = FrameScorer(Lexicon("weighted-frames", "1", "CC0-1.0", "none", "demo", cats))
    res = Analyzer(attribution=False, loaded=False, frames=scorer).analyze('"We will cut the tax," Ana Ruiz said.', title="Tax tax")
    assert res["frames"].by_voice["authorial"]["economic"] == 0.0
    assert res["frames"].by_voice["quoted"]["economic"] > 0.0
    assert all(d >= 0.0 for voice in res["frames"].by_voice.values() for d in voice.values())


def test_every_result_names_the_settings_it_was_scored_with() -> None:
    from framing import Analyzer, FrameScorer

    text = "Taxpayers will bear the cost of the war, the minister said."
    default = Analyzer(loaded=False, attribution=False).analyze(text).to_dict()["frames"]
    assert default["settings"] == {"title_weight": 2.0, "scale": 4.0, "threshold": 0.5, "min_share": 0.05, "min_tokens": 100}
    strict = Analyzer(frames=FrameScorer(threshold=0.9, title_weight=5.0), loaded=False, attribution=False).analyze(text).to_dict()["frames"]
    assert (strict["settings"]["threshold"], strict["settings"]["title_weight"]) == (0.9, 5.0)


def test_settings_are_read_when_scoring_and_never_shared() -> None:
    from framing import Analyzer, FrameScorer

    scorer = FrameScorer()
    an = Analyzer(frames=scorer, loaded=False, attribution=False)
    first = an.analyze("Taxpayers will bear the cost.")["frames"]
    first.settings["threshold"] = 123.0  # a caller's edit stays in its own result
    scorer.threshold = 0.75
    second = an.analyze("Taxpayers will bear the cost.")["frames"]
    assert second.settings["threshold"] == 0.75


def test_a_loaded_language_lexicon_is_no_frame_taxonomy() -> None:
    import pytest

    from framing import FrameScorer

    with pytest.raises(ValueError, match="no frame taxonomy"):
        FrameScorer("loaded-language")
