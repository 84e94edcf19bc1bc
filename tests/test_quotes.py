"""Quotation kinds: speech, scare quotes and mentions (rules in framing.quotes)."""

from __future__ import annotations

import pytest
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
    assert kinds('The ministry unveiled its "reform" on Monday.') == [('"reform"', "scare")]
    # so-called is the writer's distance, not someone's label
    assert kinds('The so-called "reform" stalled.') == [('"reform"', "scare")]
    # "of" links no mention: a series of "reforms" is the writer's distance from the word.
    assert kinds('A series of "reforms" followed.') == [('"reforms"', "scare")]


def test_a_speech_verb_near_the_quotation_keeps_it_speech() -> None:
    assert kinds('The term she chose was "ethnic cleansing", Ana Ruiz said.') == [('"ethnic cleansing"', "speech")]
    # a speech verb right before the quotation: a report or a statement that speaks is no mention noun
    assert kinds('The statement said "calm".') == [('"calm"', "speech")]
    assert kinds('The report says "the harbour will close in June".') == [('"the harbour will close in June"', "speech")]
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
    if noun in MENTION_NOUNS:
        assert kind == "mention"  # the noun right before the quotation wins over the speech verb
    elif verb:
        assert kind == "speech"
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
        ('"reform"', "speech"),  # the critics' label, not a list item
    ]
    # a new sentence is no list item, even when only a space separates the quotations
    text = 'He took the nickname "Lucky Joe." "We all loved the old name," Ana Ruiz said.'
    assert [k for _, k in kinds(text)] == ["mention", "speech"]
    # a scare quote opens no list
    assert [k for _, k in kinds('The "reform", "renewal" and "rebirth" all stalled.')] == ["scare"] * 3


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
    assert kinds('They use "reform" in every speech.') == [('"reform"', "scare")]
    assert kinds('The sign "Keep out" was removed.') == [('"Keep out"', "mention")]


def test_a_mention_noun_right_before_the_quotation_wins_over_a_speech_verb() -> None:
    assert kinds("She said the word 'betrayal' was unfair.") == [("'betrayal'", "mention")]
    assert kinds('He used the term "ethnic cleansing" in his speech, officials said.') == [('"ethnic cleansing"', "mention")]
    assert kinds('She used the term "managed decline", Ana Ruiz said.') == [('"managed decline"', "mention")]
    assert kinds('Ana Ruiz told reporters the slogan "Build it now" would return.') == [('"Build it now"', "mention")]


def test_a_quotation_that_continues_the_sentence_after_a_mention_noun_is_no_mention() -> None:
    # someone's words: a possessive owns "word" or "words"
    assert kinds('Her words "we will stay until the end" moved the hall.') == [('"we will stay until the end"', "speech")]
    assert kinds('The mayor\'s own words, she said, were "calm down".')[0][1] == "speech"
    assert kinds('The mayor\'s own words "calm down" angered the crowd.') == [('"calm down"', "scare")]
    assert kinds('He backed a mayor whose words "the port comes first" angered unions.') == [('"the port comes first"', "speech")]
    # the quotation is the noun's predicate: it opens with a lowercase auxiliary and goes on
    assert kinds('A spokesman said the book "has sold out in every shop in town".') == [('"has sold out in every shop in town"', "speech")]
    # ...unless it is a question, which a headline or a title may be
    assert kinds('The campaign used the slogan "do we dare to hope?" all summer.') == [('"do we dare to hope?"', "mention")]
    # a one-word quotation cites the auxiliary itself
    assert kinds('Critics dislike the word "must" in the draft.') == [('"must"', "mention")]
    # after a verb of calling or making, the quotation is the complement of the noun phrase
    # the critics' label for the title: their word, so speech
    assert kinds('Critics called the new title "misleading" on Monday.') == [('"misleading"', "speech")]
    assert kinds('They want to make the song "the anthem of the harbour", she said.') == [('"the anthem of the harbour"', "speech")]
    # ...only when the verb takes the noun phrase as its object, in the same clause
    assert kinds('The ads make voters hate the word "reform".') == [('"reform"', "mention")]
    assert kinds('Such labels make people uneasy. The term "urban" is vaguer.') == [('"urban"', "mention")]
    # "as" alone gives a description; "such as" lists examples
    assert kinds('He described the plan as "a fresh start for the harbour" on Monday.') == [('"a fresh start for the harbour"', "speech")]
    assert kinds('Terms such as "reform" hide the cuts.') == [('"reform"', "mention")]
    # punctuation between the noun and a linking word: the quotation is what they said
    assert kinds('They summed it up in plain words, as "a fresh start for the port".') == [('"a fresh start for the port"', "speech")]


def test_a_long_list_item_next_to_a_speech_verb_is_speech() -> None:
    text = 'He used the word "betrayal" and "we will never forgive what was done to this town", Ana Ruiz said.'
    assert [k for _, k in kinds(text)] == ["mention", "speech"]
    # short items, and long items with no speech verb near them, stay in the list
    text = 'She said the words "amnesty", "invasion" and "flood" were banned.'
    assert [k for _, k in kinds(text)] == ["mention"] * 3
    text = 'Critics dislike the word "betrayal" and "we will never forgive what was done to this town" in the ad.'
    assert [k for _, k in kinds(text)] == ["mention", "mention"]


@given(
    items=st.lists(st.sampled_from(["open", "road", "quiet", "reform", "fair deal"]), min_size=1, max_size=4),
    last=st.sampled_from(["", "calm seas", "a port that never sleeps", "we will never forgive what was done here"]),
    verb=st.booleans(),
)
def test_property_list_items_with_a_speech_verb(items: list[str], last: str, verb: bool) -> None:
    # The speech verb, when there is one, is within the window of the last item.
    quoted = [f'"{w}"' for w in [*items, last] if w]
    text = f"Ana Ruiz avoided the words {' and '.join(quoted)}" + (", she said." if verb else " in Leon.")
    got = [k for _, k in kinds(text)]
    clause_at_end = verb and len(last.split()) > 6
    assert got == ["mention"] * (len(quoted) - clause_at_end) + ["speech"] * clause_at_end


def test_markup_attribute_values_are_no_quotations() -> None:
    text = '<blockquote class="twitter-tweet" lang="en"><p dir="ltr">Calm returns to the port</p></blockquote>'
    assert kinds(text) == []
    text = '<a href="https://example.org/port">Read more</a> The mayor said "we will stay".'
    assert kinds(text) == [('"we will stay"', "speech")]
    # single marks too, and a quotation after them is found as usual
    assert kinds("<p lang='en'>Critics dislike the word 'betrayal'.</p>") == [("'betrayal'", "mention")]
    # a mark after an equals sign with a space is no attribute value (x = "..." in prose is rare): unchanged
    assert kinds('The slogan = "Build it now" was painted.') == [('"Build it now"', "speech")]


@given(
    attrs=st.lists(
        st.sampled_from(['class="twitter-tweet"', 'lang="en"', 'dir="ltr"', "data-id='42'", 'href="https://example.org/a b"']), max_size=4
    ),
    word=st.sampled_from(["reform", "harbour", "calm"]),
)
def test_property_attribute_values_never_change_the_quotations_of_the_prose(attrs: list[str], word: str) -> None:
    prose = f'The ministry called its plan a "{word}". "We will stay," Ana Ruiz said.'
    text = f"<div {' '.join(attrs)}>{prose}</div>"
    offset = text.index(prose)
    assert [(q[0], q[1]) for q in kinds(text)] == [(q[0], q[1]) for q in kinds(prose)]
    assert all(q.start >= offset for q in Document.from_text(text).quotes)


def test_a_label_that_a_subject_gives_is_its_speech() -> None:
    # the subject's word: Kell says it is a disaster, the outlet does not
    assert kinds('Opposition leader Tom Becker called the plan "a disaster."') == [('"a disaster."', "speech")]
    assert kinds('The ministry called its plan a "reform" on Monday.') == [('"reform"', "speech")]
    assert kinds('The company, which brands the strikers "extremists," refused.') == [('"extremists,"', "speech")]
    assert kinds('She described the deal as "reckless".') == [('"reckless"', "speech")]
    # after a noun, "called" and "named" name what follows: a mention
    assert kinds('A group called "Hope" marched.') == [('"Hope"', "mention")]
    assert kinds('The operation, named "Dawn", began.') == [('"Dawn"', "mention")]
    # the labelling verb must be in the quotation's clause
    assert kinds('He called on Monday, and the "reform" stalled.') == [('"reform"', "scare")]


@given(
    verb=st.sampled_from(["called", "branded", "labelled", "termed", "calls", "brands"]),
    obj=st.sampled_from(["the plan", "it", "them", "the move a", "the union's offer"]),
    word=st.sampled_from(["farce", "betrayal", "extremists", "a disgrace"]),
)
def test_any_short_label_after_a_subject_and_a_labelling_verb_is_speech(verb: str, obj: str, word: str) -> None:
    assert kinds(f'Ana Ruiz {verb} {obj} "{word}" on Monday.') == [(f'"{word}"', "speech")]


def test_nouns_and_phrasal_verbs_of_labelling_words_make_no_label() -> None:
    # only a verb with an object right after it labels; these are nouns or phrasal verbs
    for text in (
        'There were calls for "restraint" on all sides.',
        'He offered a new brand of "populism".',
        'It was a close call for the "reformers".',
        'The term limits for "senior" staff changed.',
    ):
        assert [k for _, k in kinds(text)] == ["scare"], text
    assert kinds('He called Ana Ruiz a "liar".') == [('"liar"', "speech")]  # a name as the object


def test_called_after_a_passive_or_a_relative_names_nothing() -> None:
    # a passive label with its agent is the agent's word; without an agent it is still someone's
    # label that the clause reports: speech with no speaker, not the writer's scare quote
    assert kinds('Protesters were called "thugs" by the mayor.') == [('"thugs"', "speech")]
    assert kinds('The plan was branded "reckless" by critics.') == [('"reckless"', "speech")]
    assert kinds('Protesters were called "thugs" on Monday.') == [('"thugs"', "speech")]
    assert kinds('A man was shot in what police called "a targeted attack".') == [('"a targeted attack"', "speech")]
    # a lowercase label after a noun and "called" is no title either
    assert kinds('A plan called "a disgrace" by critics stalled.')[0][1] != "mention"


@given(
    aux=st.sampled_from(["were", "was", "are", "is", "have been", "had been", "got", "have been widely", "were repeatedly"]),
    verb=st.sampled_from(["called", "branded", "labelled", "labeled", "termed"]),
    label=st.sampled_from(["thugs", "reckless", "a disgrace", "wreckers", "naive"]),
    tail=st.sampled_from([".", " on Monday.", " in the weekly column.", " by the mayor."]),
)
def test_an_agentless_passive_label_is_speech_with_or_without_an_agent(aux: str, verb: str, label: str, tail: str) -> None:
    # the clause reports that someone applied the label: it is never the writer's scare quote
    # (the present simple of "call" without an agent states a name instead: tested below)
    text = f'The striking nurses {aux} {verb} "{label}"{tail}'
    named = verb == "called" and aux in {"is", "are"} and "by" not in tail
    assert [k for _q, k in kinds(text)] == ["mention" if named else "speech"]


def test_a_scare_quote_after_an_active_or_other_verb_is_no_passive_label() -> None:
    # "calling" is no passive participle; "so-called" and a noun before the verb are no labels
    assert kinds('The so-called "reform" was called off.') == [('"reform"', "scare")]
    assert kinds('They were calling it a "reform" on Monday.')[0][1] == "speech"  # labelled: object between
    assert kinds('The ministry was busy with its "reform" on Monday.') == [('"reform"', "scare")]


@given(
    subject=st.sampled_from(["Fans", "The crowd", "Protesters", "Someone", "A woman in the gallery"]),
    verb=st.sampled_from(["called", "named", "chanted", "shouted", "roared", "yelled"]),
    cry=st.sampled_from(["Shame!", "Out!", "Resign!", "Never again!", "Go home!"]),
)
def test_an_exclamation_after_a_verb_of_calling_is_speech(subject: str, verb: str, cry: str) -> None:
    # a name or a term does not end with "!": an exclamation is what was called out
    assert kinds(f'{subject} {verb} "{cry}" as the players left.') == [(f'"{cry}"', "speech")]


def test_a_name_after_called_stays_a_mention_and_a_title_with_an_exclamation_too() -> None:
    assert kinds('She joined a group called "Justice Now" on Friday.') == [('"Justice Now"', "mention")]
    assert kinds('They staged a musical called "Rivertown!" last year.') == [('"Rivertown!"', "mention")]
    assert kinds('A band dubbed "Wow!" played.') == [('"Wow!"', "mention")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the present passive of "call" states a thing's name or term: a mention
        ('It is called "podcasting" and it is spreading.', "mention"),
        ('The new party is called "Forward".', "mention"),
        ("It\u2019s called \u201cdoomscrolling\u201d.", "mention"),
        # an agent, an adverb or another tense reports a labelling: someone's word
        ('Such strikers are called "wreckers" by the minister.', "speech"),
        ('Such strikers are often called "wreckers".', "speech"),
        ('The band has been called "urban" for years.', "speech"),
        ('The strikers were called "wreckers" on Monday.', "speech"),
    ],
)
def test_the_present_passive_of_call_names_and_other_passives_label(text: str, kind: str) -> None:
    assert [k for _q, k in kinds(text)] == [kind]


@given(
    st.lists(st.sampled_from(["the", "fans", "called", "a", "group", "were", "so-called", "plan", "chanted", "its"]), max_size=6),
    st.sampled_from(["Shame", "Out", "go home", "Never"]),
)
def test_property_an_exclamation_is_never_a_scare_quote(before: list[str], cry: str) -> None:
    text = " ".join(["Then", *before, f'"{cry}!"', "followed."])
    assert [k for _q, k in kinds(text)] in (["speech"], ["mention"])


@pytest.mark.parametrize("compound", ["self-proclaimed", "much-touted", "oft-stated"])
def test_a_verb_of_saying_inside_a_hyphenated_modifier_makes_no_speech(compound: str) -> None:
    (q,) = Document.from_text(f'The {compound} "reformer" lost the vote.').quotes
    assert q.kind == "scare"
    (q,) = Document.from_text('He proclaimed "victory" on Monday.').quotes
    assert q.kind == "speech"


def test_a_verb_of_saying_repeated_in_a_later_compound_still_makes_speech() -> None:
    (q,) = Document.from_text('The minister told reporters the twice-told "story" again.').quotes
    assert q.kind == "speech"


# -- names and titles in capitals, "as the word of the year" ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Rivera will launch her "Open Harbour" plan in May.', [('"Open Harbour"', "mention")]),
        ('The band toured with "Salt/Pepper" last spring.', [('"Salt/Pepper"', "mention")]),
        ('Tickets for "Night of the Long Tide" sold out in a day.', [('"Night of the Long Tide"', "mention")]),
        ('The council will vote on its "Green Deal" next week.', [('"Green Deal"', "mention")]),
        # a lowercase word is no title, a distancing label keeps the scare quote
        ('The council will vote on its "green deal" next week.', [('"green deal"', "scare")]),
        ('The so-called "Green Deal" stalled.', [('"Green Deal"', "scare")]),
        # one capitalised word opening its sentence, shouting and a cry are no names
        ('"Outrageous" scenes followed the vote.', [('"Outrageous"', "scare")]),
        ('Envoys met the "Northerners" in secret.', [('"Northerners"', "scare")]),
        ('Marchers held up signs in "CAPITALS" all day.', [('"CAPITALS"', "scare")]),
        # a verb of saying or labelling governs it: the speaker's words
        ('Kell said "Project Fear" was back.', [('"Project Fear"', "speech")]),
        ('Kell called the plan "Project Fear" on Monday.', [('"Project Fear"', "speech")]),
    ],
)
def test_a_quotation_in_capitals_that_no_verb_of_saying_governs_is_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_capitals_tell_nothing_in_a_headline_in_title_case() -> None:
    text = 'Mayor Promises "Total Rebuild" of Old Town\n\nThe mayor spoke on Monday about the floods.'
    assert kinds(text) == [('"Total Rebuild"', "speech")]


@pytest.mark.parametrize(
    "text",
    [
        'The dictionary chose "doomscroll" as its word of the year.',
        'Editors picked "flatline" as the word of 2031.',
        '"Sunsetting" was named word of the year by the panel.',
        'The party adopted "one more mile" as a slogan for the campaign.',
    ],
)
def test_a_quotation_cited_as_a_word_or_title_is_a_mention(text: str) -> None:
    ((_, kind),) = kinds(text)
    assert kind == "mention"


def test_a_noun_after_as_that_speaks_cites_nothing() -> None:
    assert kinds('Reviewers found it "stodgy", as the headline put it.') == [('"stodgy"', "scare")]


# -- headlines, quotations standing alone, verbs of saying beyond the window ------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Harbour plan 'at risk'\n\nThe harbour plan may fail, the port's chief said.", "'at risk'"),
        ("Mayor 'sorry' over floods\nThe mayor apologised on Monday.", "'sorry'"),
        ('Talks on tariffs "stalled"\n\nNegotiators met in Leon.', '"stalled"'),
    ],
)
def test_a_short_quotation_in_a_headline_is_speech(text: str, quote: str) -> None:
    assert kinds(text) == [(quote, "speech")]


def test_a_last_or_only_line_and_a_line_with_a_final_period_are_no_headline() -> None:
    assert kinds('Fans mourned the "reform"') == [('"reform"', "scare")]
    assert kinds('Fans mourned the "reform".\n\nThey left early.') == [('"reform"', "scare")]
    long_line = 'The ministers who met on Monday in the old town hall of Leon to inspect the harbour and the rail link returned to the "reform" at length'
    assert kinds(long_line + "\n\nThey left.") == [('"reform"', "scare")]


@pytest.mark.parametrize(
    "text",
    [
        'She was blunt. "Disgraceful." Then she left the room.',
        '"Nonsense." That was how the coach put it.',
        'Her verdict? "Rubbish".',
    ],
)
def test_a_quotation_that_is_its_own_sentence_is_speech(text: str) -> None:
    ((_, kind),) = kinds(text)
    assert kind == "speech"


@pytest.mark.parametrize(
    "text",
    [
        'Shoppers will face "steep rises" in the price of bread over the next two winters, the bakers\' federation said.',
        'A "slow thaw" in lending was expected well into the next financial year, said Ana Ruiz.',
        'The harbour trade would face "hard times" for several years after the storm, according to the port.',
        'Ruiz said on Monday that the cuts to the bus routes in the valley would leave villages "stranded".',
        'The coach felt that the long trip to the northern coast had left his players "drained".',
    ],
)
def test_a_verb_of_saying_beyond_the_window_still_reports_the_quotation(text: str) -> None:
    ((_, kind),) = kinds(text)
    assert kind == "speech"


def test_a_clause_without_that_or_a_tail_keeps_the_scare_quote() -> None:
    text = 'Ruiz spoke on Monday while the cuts to the bus routes in the valley left the villages "stranded".'
    assert kinds(text) == [('"stranded"', "scare")]
    # a semicolon closes the reported clause
    text = 'Ruiz said that the routes would close; by spring the valley villages were left "stranded".'
    assert kinds(text) == [('"stranded"', "scare")]


def test_a_reflexive_object_of_a_labelling_verb_makes_the_label_speech() -> None:
    assert kinds('Members of the group call themselves "guardians" online.') == [('"guardians"', "speech")]


@given(
    words=st.lists(st.sampled_from(["Harbour", "North", "Wave", "Tide", "Lantern"]), min_size=2, max_size=5),
    before=st.sampled_from(["The council backed the", "Fans queued for the", "Crowds waited for the"]),
)
def test_property_a_capitalised_quotation_inside_a_sentence_with_no_speech_verb_is_a_mention(words: list[str], before: str) -> None:
    quoted = " ".join(words)
    assert kinds(f'{before} "{quoted}" on Monday.') == [(f'"{quoted}"', "mention")]


@given(
    word=st.sampled_from(["reform", "experts", "plan", "Reform", "Experts", "NO"]),
    before=st.sampled_from(["", "It was over. ", "She shrugged. "]),
    after=st.sampled_from(["", " Then the hall emptied.", " That was all."]),
)
def test_property_a_short_quotation_standing_alone_as_a_sentence_is_speech(word: str, before: str, after: str) -> None:
    text = f'{before}"{word}."{after}'
    assert kinds(text) == [(f'"{word}."', "speech")]


@pytest.mark.parametrize(
    "text",
    [
        'Is the "reform" really working?\n\nMost economists doubt it.',
        'The "experts" disagree on three points:\n\nFirst, cost.',
        'What a "victory" that was!\n\nNobody cheered.',
        'The fear that the "reforms" would fail was never justified.',
        'There is hope that the "recovery" will hold.',
        'Hopes that the "deal" would survive faded.',
        'The supposedly "Free Press" ran the story again.',
    ],
)
def test_questions_lead_ins_and_noun_clauses_keep_their_scare_quotes(text: str) -> None:
    # a one-line question or lead-in is a sentence, not a headline; fear / hope as nouns report
    # nobody's thought; a distancing adverb keeps a capitalised quotation a scare quote
    (q,) = Document.from_text(text).quotes
    assert q.kind == "scare"


def test_a_verb_of_thinking_with_that_still_reports_the_quoted_word() -> None:
    (q,) = Document.from_text('He thought that the "plan" was odd.').quotes
    assert q.kind == "speech"
