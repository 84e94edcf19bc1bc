r"""Attribution: who speaks in a news text, through which cue, and how evenly voice is shared.

The scorer is rule-based (no trained parser), working over the document model's sentences,
quotations and tokens, with the bundled ``attribution-cues``, ``source-types`` and ``cue-lemmas``
lexicons. A dateline that opens a paragraph (``RIVERTON, March 3 -``, ``RIVERTON, Ohio (AP) -``,
``Riverton, Ohio (Reuters) -``) is a sentence of its own for every rule, so the place is never
the subject of the report after it.

Extraction, in order
--------------------
1. **Direct quotations.** Every speech quotation of the document model belongs to exactly one
   attribution. The cue and speaker are looked for after the quotation (``"…," X said`` /
   ``"…," said X, a spokesman for Y`` / ``"…," Rasool continued``), before it (``X said: "…"``,
   ``X said, "…"``, ``they vowed, "…"``), as a trailing dash (``"…" - Name``) or a name before a
   colon (``Name: "…"``). A quotation with none of these inherits the speaker of the previous
   direct quotation of the same or the previous paragraph; failing that its source is ``null``.
   A quotation embedded in a paraphrase (``X said the plan was "a disaster"``) makes the whole
   paraphrase the content, and a quoted phrase inside a clause takes no speaker tag after it;
   a label given to a pronoun is such a paraphrase too (``X calls it "modernisation"``,
   ``X called them "thugs"``: speaker X, cue the verb, as for ``X called the plan "..."``).
   A speaker tag that the sentence splitter cut off after ``?`` or ``!`` (``"Why now?" Smith
   asked.``) or before a colon (``He said:`` and the quotation in a new paragraph) still
   belongs to the quotation; a cognitive verb counts as a tag when it is all that follows the
   quotation (``"...," she agreed.``). A passive cue before a quotation takes the agent after
   ``by`` as speaker (``X was branded "a wreck" by passengers``); with no agent it names none
   and inherits none. A quoted phrase inside a paraphrase takes the speaker tag that ends its
   sentence (``The ferry brings a "new era", she said.``: the paraphrase is the content), and a
   quotation followed by ``according to X`` takes X as speaker. After a quotation only a verb
   of saying inverts (``"...," said X``); a participle takes no speaker after it.
2. **Indirect speech.** A reporting verb of the ``neutral``, ``loaded`` or ``cognitive``
   categories outside quotations, with a subject (``X said (that) …``, ``X told reporters …``,
   ``…, officials said``, ``…, said X``) or a passive agent (``… reported by X``). A cue word
   that is also a common noun is skipped where it is used as one (``his immigration plan``,
   ``the remarks were``, ``broad support``, ``Democratic support``). A hedge inside the verb
   group makes one attribution, not two: the cue of a speech verb takes it (``reportedly
   said``), a cognitive verb gives way to it (``reportedly plans`` is an unattributed claim).
   Only verbs of saying invert (``..., said X``); a participle or a stance verb after a comma
   takes the subject of its clause (``X opened the session, decrying ...``). An infinitive cue
   takes the subject of the verb or adjective that controls it (``went on to criticize``, ``is
   eager to discuss``) or, as an infinitive of purpose, the named subject of its clause (``took
   to the radio to say``); a reporting verb chained to an infinitive reporting verb is one cue
   (``declined to respond to``). A bare ``spoke`` names an occasion (``spoke at a rally``), and
   ``see``, ``find`` and ``know`` with a plain or indefinite object report a perception or a
   discovery, not a stance, and ``see`` before a wh-word, ``whether`` or ``if`` is finding out
   (``wait to see how it goes``). An infinitive cue under a participle that modifies a noun has
   no speaker (``banners appearing to criticise X``). A quantifier that opens its clause is the
   subject of a homograph after it (``Some fear the vote will fail``), and ``forecast`` before
   its object is a past tense (``the coach forecast a longer absence``). The object of a verb
   of causing speaks the infinitive after it (``led some to speculate``, ``prompted X to
   accuse``). A participle cue that opens its sentence runs to the first comma and takes the
   subject of the main clause (``Noting that ..., X added``). A relative ``that`` before a
   reporting verb that is no noun is its subject (``a message that said``), except before a
   verb of requirement when the noun names no known kind of speaker (``an era that demanded
   ...``). *Claim* before a prize or a toll (``claimed the title``, ``claimed two lives``) and
   *agree* before a determiner (``agreed a deal``) report nothing unless a clause follows.
   A verb of hostility in its literal sense reports nothing: one that acts on a physical thing
   or moves (``slammed the door on patients``, ``slammed on the brakes``, ``blasted off``,
   ``slammed into a wall``), unless a clause follows it.
   ``put it`` is a cue only in ``as X put it``; *comment* and *remark* are verbs only before
   ``on``, ``about``, ``that`` or the end of their clause (``his heated comments drew`` is a
   noun). A refusal phrase that ends its clause is cue and content
   (``X declined`` | ``to comment``). A stance cue whose subject is a personal pronoun or ``it``
   inside an earlier report of its sentence is part of that report, not an attribution of its
   own (``Ruiz said she supports the plan``, ``Acme said it regretted the delays``). In a
   relative clause set off by commas the stance is the antecedent's and its content ends with
   the clause (``Ruiz, who has championed the plan, said ...``: content ``the plan``). A scare quote (not a speech quotation) is part of the
   clause around it.
3. **"According to X".** The ``according to`` phrases of the ``according_to`` category.
4. **Unattributed claims.** Markers of the ``unattributed`` category (``reportedly``, ``it is
   believed``, ``is said to``) outside quotations and outside other cues, and agentless passives
   of speech and epistemic verbs (``we were told that …``, ``was accused of …``, ``is considered
   …``), also with an adverb inside the passive (``was reportedly discussed``: the hedge, no
   source).
5. **Headlines.** A first line that opens with a name and a colon (``Sanders: Brexit vote
   could help Trump``) attributes the claim after the colon to the name (kind ``indirect``,
   no cue); an article, a number or a section label (``The Latest:``, ``Analysis:``) is none.

The cue span is the reporting verb's group: auxiliaries (with the contracted one of ``they've``),
modals, negation and adverbs before it (``has also said``, ``did not say``, ``is suddenly
promising``, ``always insisted``), the marker of an infinitive (``to announce``, ``not to
endorse``), and after it -ly adverbs (``argued insistently``), a time adverbial (``said
Tuesday``), a channel phrase with the outlet it names (``said in an interview with CNN``) and the
participle that describes the channel when a ``that`` follows (``said in a statement posted
online that``: that participle is no cue of its own, the statement no speaker), and a preposition
the verb governs (``spoke about``, ``warned of``); the content starts after the cue. Content before its
speaker needs punctuation between them (``The plan will fail, officials said``), an inversion
or a passive: ``..., but economists doubt it`` reports nothing of what precedes it. The hearer
of ``told`` is neither cue nor content (``told reporters that``). A participle after an issued
document or a gerund of means opens its cue at the issuing verb, whose subject is the speaker
(``X issued a statement saying``, ``X began by saying``); the auxiliary of an agentive passive
is in the cue, not the content (``The plan was criticized by X``).

Speakers are noun phrases found by a backward (or forward) scan over tokens that stops at clause
punctuation, at a determiner (``the Pentagon``) and at function words; appositives
(``X, a spokesman for Y,``, ``X, 35, the daughter of Y,``), post-modifiers (``the leader of the
union``, ``Democrats in Congress``), clause-initial coordination (``X and her lawyers``,
``she and her deputy``, ``doctors and nurses``, ``Both the board and the union``; not before a
singular verb), a restrictive relative clause (``Voters who watched the debate said``), a name
in apposition to a role (``the director of the trust, Ina Kirsch,``; two names too; after an
inverted verb ``said its chair, Leo Fischer``, whose name is the speaker's), the prepositional
post-modifier of an unnamed person before an aside (``A teenager on a bike, who ...``: the
teenager), a capitalised determiner inside a name (``Save Our River``), a party label (``Sen. X
(D-Ohio)``) and poll quantities (``about six in 10``, ``47 percent``, ``47%``, ``Thirty-nine
percent``, ``At least a dozen``) are part of the source span; the phrase after ``according
to`` keeps all its post-modifiers up to the clause punctuation when the content comes before
it (``people familiar with the plans``); a descriptive aside between dashes is part of the
source too (``X -- a teacher -- says``; not one that is a clause or an adverbial). A run
between commas that holds a verb of its own is not; a clause-initial adverbial
(``Recently,``, ``Asked about it,``, ``Outside the plant,``) is no subject; a participle after
a comma (``..., adding that``) takes the speaker of the last cue of its sentence, else the
subject of its clause, never the noun phrase just before the comma; a relative
``who`` is the source, named after its antecedent. Names are canonical
across mentions: titles, ranks, roles and possessors are dropped (``Maj. Gen. Yahya Rasool``,
``Labour MP Yahya Rasool`` and ``Leon FC's Yahya Rasool`` -> ``Yahya Rasool``), a later
surname or an acronym introduced in parentheses resolves to the full name, ``they``/``it``
resolve to the subject of their sentence, and ``he``/``she`` to the closest earlier person:
a personal name (not a team, party, place, institution, programme or possessor, nor a name
quoted in someone else's quotation, nor one with a title of the other gender), a repeated
surname or a person already credited, preferring the subject of that name's sentence; failing
that, to the last speaker. A speaker ``it`` left unresolved (or resolved to a person) is the most
recent organisation source of its or the previous paragraph, when there is one (``The hospital
said ... "We are sorry," it said.``: the hospital).
Types come from the ``source-types`` lexicon matched inside the source span (see
``_Run.type_of`` for how a role takes the type of the organisation it is named with); a source
without a proper name whose head is an official/source/aide-like noun, or that carries an
anonymity marker, is ``anonymous``. A spokesperson speaks on the record for the organisation or
office named with them and takes its type (``a union spokesman``: advocacy; ``a spokesperson for
the mayor``: government); one named with no organisation (``a spokesman said``) is
``anonymous``. An unnamed person named by a relation to someone (``an aide to Sen. X``,
``a source close to the mayor``, ``people familiar with X's thinking``) is the speaker, apart
from X: the whole phrase is the source and its name, typed ``anonymous`` when the head is a
source-like noun. An acronym introduced in parentheses after a typed name carries that type
wherever it is used (``the Northern Liberation Front (NLF)`` ... ``an NLF commander``:
armed_group), and a commander named with an organisation takes its type as other roles do
(``a Hamas commander``); a military role after an acronym the lexicon does not know is no
state's (``an NLF commander`` alone: unknown). A name with no type of its own takes that of a
lowercase role written right before it (``baker Ruth Adler``, ``Retired teacher Samuel
Osei``), also when a later ``he`` is the source. A bare ``agency`` is a public agency
(government, weak); news and wire agencies are media, commercial agencies (advertising,
recruitment, travel) business. A business, traders' or employers' association is business
(the definition's *industry associations*); a residents', community or campaign group is
advocacy.

Balance
-------
*Voice* is the number of quoted words (``\w+`` tokens inside the content of direct attributions).
Three kinds of attribution are extracted (PolNeAR annotates them) but are no sourced statement,
so every balance figure leaves them out (they give no voice, add no source and count in no
share): a refusal to speak (``X declined to comment``, ``refused to say``), a non-response
(``X did not respond to requests for comment``, ``has not replied``), and the writer's own first
person outside quotations (``I suspect ...``, ``We believe ...``; not in a transcript paragraph
that opens with a speaker label, ``A: I think ...``).

``voice_entropy``
    Shannon entropy of the voice shares of the distinct sources divided by ``log(n)``; range
    [0, 1], higher = voice more evenly shared; ``None`` with fewer than two sources with voice.
``voice_gini``
    Gini coefficient of voice over the distinct sources (those with voice and those without);
    range [0, 1 - 1/n], higher = voice more concentrated; ``None`` without voice.
``anonymous_share``
    Share of the sourced attributions whose source type is ``anonymous``; range [0, 1].
``neutral_cue_share``
    Share of the attributions with a cue (direct, indirect, according to) whose cue class is
    ``neutral``; range [0, 1], higher = more neutral attribution. The cues are verbs and phrases of
    saying and also of thinking and stance (the ``cognitive`` category: *believes*, *wants*,
    *backs*), which are all ``neutral``; only the ``loaded`` category (*claimed*, *admitted*,
    *insisted*...) is not. A text that reports many stances therefore has a high share whatever
    its verbs of saying.
``quoted_share``
    Share of the text's tokens that are inside speech quotations; range [0, 1].
``side_balance``
    With a ``sides`` mapping (source name or type -> side), the normalised Shannon entropy of
    the sides' voice shares over every side named in the mapping: ``H / log(k)``; range [0, 1],
    1 = every side has the same number of quoted words, 0 = one side has all of them; ``None``
    with fewer than two sides or no quoted words from any side. Each side's ``voice_share`` is
    over the quoted words of the mapped sources only; the sourced statements whose source name
    and type map to no side are counted apart in ``sides_unmapped`` (attributions and quoted
    words), so that a source the mapping missed (or a name spelled otherwise than the canonical
    name in ``balance.sources``) shows instead of silently tilting the balance.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from typing import TYPE_CHECKING, Any, Final, Literal

from framing._text import is_number
from framing.lexicon import Lexicon, load_lexicon
from framing.matching import Matcher

if TYPE_CHECKING:
    from framing.document import Document
    from framing.scorers.base import Context

__all__ = [
    "Attribution",
    "AttributionResult",
    "AttributionScorer",
    "Balance",
    "CueRef",
    "SideVoice",
    "SourceRef",
    "SourceVoice",
]

Kind = Literal["direct", "indirect", "according_to", "unattributed"]
CueClass = Literal["neutral", "loaded"]

#: The source types, in the order of the ``source-types`` lexicon, plus ``unknown``.
SOURCE_TYPES: Final = (
    "government", "military", "political", "legal", "international", "expert", "advocacy", "business",
    "armed_group", "media", "citizen", "anonymous", "unknown",
)  # fmt: skip

# ------------------------------------------------------------------------------------------
# Closed word classes of English (grammar, not vocabulary: they do not change scores by topic)
# ------------------------------------------------------------------------------------------
_REGION: Final = 120  # tokens searched on each side of a reporting verb for source and content
_LEMMA_MEMO_LIMIT: Final = 100_000  # word forms whose head lemma the scorer remembers
_DETERMINERS: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "many",
        "several",
        "most",
        "few",
        "other",
        "another",
        "both",
        "all",
        "each",
        "every",
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
    ]
)
_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "we", "i", "you"})
#: Definite determiners that can stand before a number word ("the two candidates").
_DEFINITE: Final = frozenset({"the", "these", "those", "his", "her", "its", "their", "our", "my", "your"})
#: Subject pronouns that can open a coordinated subject ("she and her husband said").
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i"})
#: Verb forms that agree with a singular subject only: no coordinated subject before them.
_SINGULAR_VERBS: Final = frozenset({"is", "was", "has", "does"})
#: Prepositions that can open a sentence before a participle phrase ("After noting that ..., X said").
_PARTICIPLE_PREPOSITIONS: Final = frozenset(
    {"after", "in", "while", "since", "by", "before", "upon", "when", "without", "despite", "besides"}
)
#: Forms of "put" that open the phrase "put it", a reporting verb only in "as X put it".
_PUT: Final = frozenset({"put", "puts", "putting"})
#: Subordinating conjunctions after which a clause (and its subject) opens.
_SUBORDINATORS: Final = frozenset({"that", "while", "because", "although", "though", "whereas", "when", "where", "if", "but"})
#: Nouns of documents a speaker issues ("issued a statement saying", "sent a letter calling").
_DOCUMENT_NOUNS: Final = frozenset(
    {"statement", "letter", "release", "memo", "email", "e-mail", "tweet", "post", "message", "note", "video", "report", "ad"}
    | {"advertisement", "editorial", "essay", "column", "petition", "resolution", "op-ed", "transcript", "filing", "brief"}
)
#: Tens that open a hyphenated number word ("thirty-nine", "twenty-one").
_TENS: Final = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
#: Round quantities after "a" that an approximation can precede ("at least a dozen members").
_ROUND_QUANTITIES: Final = frozenset({"dozen", "handful", "hundred", "thousand", "million", "score"})
#: Prepositions outside _BOUNDARY that open a clause-initial adverbial ("Outside the plant, ...").
_LEADING_PREPOSITIONS: Final = frozenset(
    {"outside", "inside", "despite", "like", "unlike", "following", "amid", "across", "beyond", "near", "toward", "towards"}
    | {"throughout", "within", "beside", "besides", "for", "of"}
)
#: Derivational endings of -ly adverbs (not of names such as "Kelly" or "Emily").
_ADVERB_ENDINGS: Final = (
    *("ently", "antly", "ously", "ately", "ively", "ally", "fully"),
    *("edly", "ingly", "arly", "ibly", "ably", "ctly", "rtly"),
)
_RESOLVABLE: Final = frozenset({"he", "she", "they", "it"})
_AUX: Final = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "did",
        "does",
        "do",
        "also",
        "later",
        "then",
        "previously",
        "repeatedly",
        "publicly",
        "recently",
        "once",
        "already",
        "often",
        "still",
        "first",
        "further",
        "again",
        "never",
        "not",
        "just",
        "earlier",
        "even",
        "only",
        "quickly",
        "flatly",
        "openly",
        "privately",
        "separately",
        "specifically",
        "explicitly",
        "clearly",
        "simply",
        "initially",
        "subsequently",
        "reportedly",
        "allegedly",
        "apparently",
        "originally",
        "famously",
        "frequently",
        "consistently",
        "angrily",
        "bluntly",
        "emphatically",
        "tersely",
        "always",
        "sometimes",
        "soon",
        "ever",
    ]
)
_TIME: Final = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "now",
        "long",
        "week",
        "month",
        "year",
        "this",
        "last",
        "next",
        "on",
        "morning",
        "afternoon",
        "evening",
        "night",
        "earlier",
        "later",
        "recently",
    ]
)
_NEGATED_AUX: Final = frozenset(
    [
        *("didn't", "doesn't", "don't", "can't", "cannot", "won't", "wouldn't", "couldn't", "shouldn't", "mustn't"),
        *("hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't"),
    ]
)
#: Words of the verb group before a reporting verb that belong to the cue span: auxiliaries,
#: modals, negation and the adverbs that sit between them ("has also said", "did not say",
#: "would never admit", "has long argued").
_CUE_AUX: Final = _AUX | _NEGATED_AUX | frozenset({"now", "long", "widely", "strongly", "be"})
#: Words ending in -ly that are not manner or degree adverbs: nouns, names of months and
#: countries, and adjectives that open a noun phrase ("said likely voters", "the family said").
_LY_NOT_ADVERBS: Final = frozenset(
    {"family", "supply", "apply", "reply", "rely", "ally", "rally", "bully", "belly", "jelly", "july", "italy", "assembly"}
    | {"anomaly", "monopoly", "folly", "tally", "homily", "lily", "likely", "unlikely", "deadly", "costly", "daily", "weekly"}
    | {"monthly", "yearly", "nightly", "hourly", "quarterly", "elderly", "friendly", "lonely", "lovely", "ugly", "holy", "silly"}
    | {"orderly", "scholarly", "timely", "lively", "kindly", "manly", "worldly", "wily", "sickly", "burly", "curly", "chilly"}
)
#: Words between a subject and its reporting verb ("X has not yet said", "X on Monday said").
_SUBJECT_SKIP: Final = _AUX | _NEGATED_AUX | _TIME
#: Time words that may follow a reporting verb as part of its verb group ("said Tuesday",
#: "wrote last week", "said on Friday"); the span must end on one of _TIME_HEADS.
_TIME_AFTER: Final = _TIME - {"now", "long", "next"}
_TIME_HEADS: Final = _TIME_AFTER - {"this", "last", "on"}
#: Prepositions a reporting verb governs ("spoke about", "warned of", "called for", "railed
#: against", "responded to"): they join the cue, and the content starts after them.
_GOVERNED: Final = frozenset({"about", "of", "on", "for", "with", "against", "at", "over", "to"})
#: Words after "at" that make an adverbial of time or manner, not a governed object ("pondered
#: at every stage", "hinted at times", "spoke at length"; but "hinted at a rise").
_AT_ADVERBIAL: Final = frozenset({"every", "each", "all", "least", "times", "first", "once", "length", "present", "last", "stages"})
#: Heads that make "at the ..." an adverbial of time ("at the time", "at the moment").
_AT_THE_TIME: Final = frozenset({"time", "moment", "end", "start", "outset", "weekend", "same", "height", "close", "beginning"})
#: Object pronouns that show a following "to" is a preposition, not an infinitive marker.
_OBJECT_PRONOUNS: Final = frozenset({"him", "her", "them", "me", "us", "it", "whom"})
#: Finite auxiliaries and copulas: a noun homograph directly followed by one is a noun ("the plan is").
_FINITE_AUX: Final = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did"}
)
#: Cue words that are also common nouns ("the plan", "his remarks", "her support").
_NOUN_HOMOGRAPHS: Final = frozenset(
    [
        *("plan", "plans", "support", "supports", "view", "views", "remarks", "remark", "comments", "comment"),
        *("claim", "claims", "estimate", "estimates", "promise", "promises", "hope", "hopes", "fear", "fears"),
        *("doubt", "doubts", "call", "calls", "report", "reports", "posting", "warning", "demand", "demands"),
        *("pledge", "pledges", "vow", "vows", "answer", "answers", "reply", "replies", "note", "notes", "mention"),
        *("forecast", "forecasts", "wish", "wishes", "echoes", "outlines", "highlights", "tweets", "concerns"),
        *("point",),
    ]
)
#: Cognitive verbs whose agentless passive presents a belief without its holder ("is seen as",
#: "was expected to", "is considered").
_EPISTEMIC: Final = frozenset(
    {"believe", "think", "see", "view", "consider", "expect", "regard", "fear", "suspect", "understand", "estimate", "assume", "deem"}
)
#: Relative pronouns that can be the subject of a reporting verb ("X, who said ...").
_RELATIVE_SUBJECTS: Final = frozenset({"who", "who'd", "who's", "that", "which"})
#: Heads of quantity subjects in poll reporting ("47 percent said", "half said").
_QUANTITY_HEADS: Final = frozenset({"percent", "cent", "half", "majority", "minority", "third", "thirds", "quarter", "fifth"})
#: Prepositions that open a post-modifier inside a subject ("voters in Iowa", "experts on Iran").
_NP_PREPOSITIONS: Final = frozenset({"in", "for", "from", "at", "with", "on"})
#: Prepositions that join a post-modifier to a noun or to a modifier after it ("aides to the
#: governor", "a study by two economists", "people familiar with the talks").
_LINK_PREPOSITIONS: Final = _NP_PREPOSITIONS | frozenset({"to", "by", "about"})
#: Prepositions that open an adverbial aside between a subject and its verb ("X, in a statement, said").
_ASIDE_PREPOSITIONS: Final = frozenset({"in", "at", "on", "after", "before", "during", "for", "with", "from", "despite", "amid"})
#: Words in -ing that open a role or a list, not a participle phrase ("managing director",
#: "acting chairman", "ranking member", "including").
_ING_MODIFIERS: Final = frozenset(
    {"managing", "acting", "ranking", "founding", "visiting", "outgoing", "incoming", "presiding", "reigning", "sitting"}
    | {"leading", "governing", "consulting", "supervising", "including", "longstanding", "upcoming"}
)
#: Adjectives and participles that follow the noun they modify with a preposition (``a source
#: close to the mayor``, ``lawmakers loyal to the party``, ``people briefed on the talks``).
_POSTNOMINAL: Final = frozenset(
    {"close", "closest", "familiar", "loyal", "friendly", "sympathetic", "hostile", "opposed", "allied", "aligned", "affiliated"}
    | {"connected", "linked", "tied", "knowledgeable", "privy", "devoted", "committed", "faithful", "answerable", "involved"}
    | {"briefed", "based"}
)
#: Past participles without -ed that take an agent ("a letter written by", "a poll taken by").
_IRREGULAR_PARTICIPLES: Final = frozenset(
    {"written", "taken", "given", "chosen", "drawn", "done", "made", "held", "seen", "run", "won", "known", "shown", "led", "paid"}
    | {"sent", "put", "set", "built", "bought", "brought", "sought", "told", "commissioned"}
)
#: Words after "with" that describe a source by what it knows ("a person with knowledge of the talks").
_KNOWLEDGE: Final = frozenset({"knowledge", "direct", "close", "firsthand", "first-hand", "access", "ties", "links"})
#: Irregular past tenses that are no common nouns: a noun phrase ends before them ("the senator kept").
_PAST_IRREGULAR: Final = frozenset(
    {"kept", "took", "gave", "went", "came", "got", "ran", "won", "led", "sent", "brought", "became", "began", "stood", "met"}
    | {"paid", "fought", "sought", "spent", "drove", "wrote", "spoke", "broke", "chose", "fell", "grew", "knew", "threw", "stuck"}
    | {"struck", "told", "heard", "saw", "did", "had", "was", "were"}
)
#: Compound nouns that open with a cue word ("think tank", "talk show"): no report.
_CUE_COMPOUNDS: Final = frozenset(
    {("think", "tank"), ("think", "tanks"), ("talk", "show"), ("talk", "shows"), ("talk", "radio"), ("speak", "easy")}
)
#: Nouns of people whose relation to someone follows with "to" (``aides to the governor``,
#: ``Chad's ambassador to France``); "to" after other words may mark an infinitive or a goal.
_TO_HEADS: Final = frozenset(
    {"aide", "aides", "adviser", "advisers", "advisor", "advisors", "counsel", "counselor", "counselors", "consultant", "consultants"}
    | {"assistant", "assistants", "ambassador", "ambassadors", "envoy", "envoys", "delegate", "delegates", "spokesman", "spokeswoman"}
    | {"spokesperson", "secretary", "successor", "heir", "donor", "donors", "contributor", "contributors", "deputy", "deputies"}
)
#: Words after which a cue word that is also a noun can only be the noun: prepositions
#: ("amid claims", "despite fears") and forms of *have* ("has plans", "had hopes").
_BEFORE_NOUN_ONLY: Final = frozenset(
    {
        "amid", "amidst", "despite", "over", "following", "about", "of", "with", "against", "among",
        "amongst", "from", "in", "on", "after", "before", "behind", "under", "without", "through",
        "regarding", "concerning", "into", "between", "like", "unlike", "toward", "towards", "at",
        "by", "for", "has", "have", "had", "having",
    }
)  # fmt: skip
# Words that can follow a noun but do not open a clause (prepositions, conjunctions, finite
# auxiliaries): after a cue word used as a noun ("his tax plan for ...").
_NOUN_FOLLOWERS: Final = (
    _FINITE_AUX
    | _GOVERNED
    | frozenset({"in", "from", "during", "after", "before", "by", "under", "into", "since", "until", "and", "or", "but", "as"})
)
# Cognitive cues whose everyday sense is an action: a cue only before a clause (see stance_use).
_CLAUSE_ONLY: Final = frozenset(
    {
        "discovered", "decided", "decides", "decide", "deciding", "determined", "learned", "learnt",
        "noticed", "sensed", "remembered", "remembers", "remember", "remembering", "resisted",
        "projected", "realized", "realised", "realizes", "realises", "realize", "realise",
        "realizing", "realising", "imagined", "imagining",
    }
)  # fmt: skip
#: Reporting verbs whose everyday sense without a clause is keeping, not claiming ("maintained
#: a lead" vs "maintained that the server was secure").
_CLAIM_ONLY: Final = frozenset({"maintain", "maintains", "maintained", "maintaining"})
#: Forms of *claim*, which before a prize or a toll means taking it, not asserting
#: (``claimed the title``, ``claimed a first win``, ``the crash claimed three lives``).
_CLAIM: Final = frozenset({"claim", "claims", "claimed", "claiming"})
#: Things won, taken or exacted: the heads of the objects of *claim* in that sense.
_TAKEN: Final = frozenset(
    {
        "victory", "victories", "win", "wins", "title", "titles", "crown", "seat", "seats", "prize", "prizes",
        "medal", "medals", "gold", "silver", "bronze", "trophy", "trophies", "cup", "championship", "championships",
        "pole", "place", "spot", "points", "point", "wicket", "wickets", "scalp", "scalps", "double", "treble",
        "hat-trick", "lives", "life", "jackpot", "honours", "award", "awards",
    }
)  # fmt: skip
_MAX_TAKEN_DISTANCE: Final = 4  # tokens from "claimed" to the head it takes ("claimed his third straight title")
#: Forms of the evidential verbs *seem* and *appear*: ``X seems to have lost ground`` presents
#: a claim as an impression without saying whose, like ``apparently``.
_SEEM: Final = frozenset({"seem", "seems", "seemed"})
_APPEAR: Final = frozenset({"appear", "appears", "appeared"})
_SEEM_APPEAR: Final = _SEEM | _APPEAR
#: Words after a form of *appear* that make it evidential (``appeared to``, ``appears likely``);
#: before anything else it is showing up (``appeared on television``, ``appeared in court``).
_APPEAR_EVIDENTIAL: Final = frozenset({"to", "that", "likely", "unlikely", "certain", "poised", "set", "ready", "unable"})
#: Forms of *agree*, whose British transitive use settles something (``agreed a deal``,
#: ``agreed terms``): no report, unlike ``agreed that``, ``agreed to`` or ``agreed with``.
#: Particles and prepositions of motion after a verb of hostility used literally ("slammed into").
_MOTION_PARTICLES: Final = frozenset({"into", "onto", "through", "past", "across", "off", "shut", "open", "apart", "upward", "skyward"})
#: Reporting verbs of hostility that also have a literal, physical sense (see ``_Run.physical_use``).
_PHYSICAL_VERBS: Final = frozenset({"slam", "blast", "thunder", "snap", "jab", "charge", "lash", "rip", "tear", "hammer", "fire"})
#: Physical things that the literal senses of verbs of hostility act on (see ``_Run.physical_use``).
_PHYSICAL_OBJECTS: Final = frozenset(
    {"door", "doors", "gate", "gates", "window", "windows", "lid", "brakes", "brake", "accelerator", "pedal", "button"}
    | {"buttons", "phone", "receiver", "fist", "fists", "hand", "hands", "finger", "fingers", "table", "desk", "ball"}
    | {"shot", "shots", "goal", "net", "post", "crossbar", "hole", "holes", "rocket", "rockets", "missile", "missiles"}
    | {"bullet", "bullets", "rounds", "gun", "guns", "cannon", "cannons", "horn", "horns", "music", "speakers", "car"}
    | {"truck", "wall", "walls", "ground", "floor", "rock", "rocks", "debris", "water", "photo", "photos", "picture"}
    | {"pictures", "bone", "bones", "leg", "legs", "arm", "ankle", "wrist", "neck", "rope", "cable", "twig", "branch"}
)
_AGREE: Final = frozenset({"agree", "agrees", "agreed", "agreeing"})
#: Verbs of telling whose hearer may be left out (``warned the plan would fail``).
_OPTIONAL_HEARER: Final = frozenset({"warn", "warns", "warned", "warning", "promise", "promises", "promised", "promising"})
#: Words that open a reported clause when they end the noun phrase after a verb of telling.
_CLAUSE_SUBJECTS: Final = frozenset({"he", "she", "they", "we", "i", "it", "there"})
#: Object pronouns that are the whole hearer when a noun phrase follows them ("told him the plan ...").
_HEARER_PRONOUNS: Final = frozenset({"him", "them", "me", "us"})
#: Common finite verbs without an *-ed* form that show a that-less clause ("the trend remains").
_FINITE_LEXICAL: Final = frozenset(
    {"rose", "fell", "grew", "remains", "remained", "means", "meant", "made", "makes", "shows", "came", "comes", "went", "goes"}
    | {"needs", "seems"}
)
#: Words that open an adverbial clause or a comparison after an object ("added two goals as
#: the side won", "more jobs than expected"): the search for a that-less clause stops there.
_ADVERBIAL_LINKS: Final = _SUBORDINATORS | frozenset({"as", "than", "after", "before", "until", "since", "to"})
_MAX_CLAUSE_LOOKAHEAD: Final = 10  # tokens after "added"/"agreed" searched for the verb of a that-less clause
#: Forms of *add*, whose object without a clause is a thing put in (``added a second goal``).
_ADD: Final = frozenset({"add", "adds", "added", "adding"})
#: Verbs of requirement, which a thing can do as well as a speaker (``a rule that requires``,
#: ``an era that demanded``): after a restrictive relative *that* they report only a speaker's demand.
_REQUIRE: Final = frozenset({"demand", "require", "call for", "need", "urge"})
_MAX_SUBJECT_BEFORE_AUX: Final = 5  # tokens of a that-less clause's subject ("maintains the old bridge is safe")
#: Reporting verbs whose agentless passive asserts nothing: a question ("was asked about"), or a
#: sense that is no speech ("was added to the bill", "was denied bail", "was admitted to hospital",
#: "was referred to"), or the hearer or target as subject ("was briefed on", "was thanked").
_NO_CLAIM_PASSIVES: Final = frozenset(
    {"ask", "question", "interview", "inquire", "enquire", "add", "deny", "admit", "refer", "brief", "congratulate"}
    | {"jeer", "thank", "heckle", "applaud", "attack"}
)
#: Forms of "weigh", whose "weigh in at" gives a weight, not a view.
_WEIGH: Final = frozenset({"weigh", "weighs", "weighed", "weighing"})
_CLAUSE_OPENERS: Final = frozenset({"that", "whether", "if", "how", "why", "what", "when", "where", "who", "which"})
#: Forms of *comment* and *remark* that are also nouns: verbs only before on/about/that or a clause end.
_COMMENT_FORMS: Final = frozenset({"comment", "comments", "remark", "remarks"})
#: Forms of *plan*: an intention only before an infinitive or a clause, else arranging a thing.
_PLAN_FORMS: Final = frozenset({"plan", "plans", "planned", "planning"})
#: Words that make a compound noun with *show*: kinds of programme and of public event.
_SHOW_KINDS: Final = frozenset(
    {
        "tv", "television", "radio", "talk", "chat", "news", "game", "quiz", "reality", "cooking",
        "breakfast", "morning", "evening", "late-night", "comedy", "variety", "music", "musical",
        "stage", "road", "roadshow", "hit", "benefit", "charity", "fashion", "air", "trade", "motor",
        "flower", "art", "magic", "puppet", "panel", "cable", "network", "sketch", "satirical",
        "interview", "sunday", "saturday", "weekly", "nightly", "daily", "one-man", "one-woman",
    }
)  # fmt: skip
_PARTICLES: Final = frozenset({"into", "away", "down", "off", "out", "up", "back"})
# Lemmas of reporting verbs that take no prepositional complement into their cue.
_NO_PREPOSITION: Final = frozenset(
    {"say", "state", "add", "note", "claim", "insist", "announce", "declare", "explain", "confirm", "deny", "acknowledge", "admit"}
    | {"reply", "continue"}
)
# Nouns for people named by their relation to an institution rather than as its voice.
_OUTSIDERS: Final = frozenset(
    {"critics", "critic", "opponents", "opponent", "detractors", "supporters", "supporter", "protesters", "protestors"}
    | {"demonstrators", "voters", "residents", "fans", "customers", "victims", "families", "neighbours", "neighbors", "rivals"}
    | {"skeptics", "sceptics"}
)
_POST_MODIFIER_PREPOSITIONS: Final = frozenset({"of", "in", "at", "from", "outside", "near", "across"})
#: Prepositions that join a personal name to the body it speaks for ("Ana Ruiz of the U.N.").
_AFFILIATION_PREPOSITIONS: Final = frozenset({"of", "from", "at"})
_NUMBER_WORDS: Final = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_CHANNEL_PREPOSITIONS: Final = frozenset({"in", "on", "at", "during", "via"})
_BOUNDARY: Final = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "about",
        "after",
        "before",
        "since",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "while",
        "because",
        "if",
        "but",
        "or",
        "nor",
        "as",
        "than",
        "so",
        "then",
        "not",
        "what",
        "how",
        "why",
        "whether",
        "although",
        "though",
        "unless",
        "until",
        "upon",
        "over",
        "under",
        "against",
        "during",
        "without",
        "through",
        "between",
        "among",
        "per",
        "via",
        "says",
        "said",
        "say",
        "told",
        "tells",
    ]
)
_CONNECTORS: Final = frozenset({"of", "for", "al", "el", "bin", "ibn", "de", "del", "da", "van", "von", "der", "la", "le", "du"})
_SENTENCE_ADVERBS: Final = frozenset(
    [
        "but",
        "and",
        "so",
        "also",
        "now",
        "still",
        "meanwhile",
        "however",
        "yet",
        "then",
        "instead",
        "indeed",
        "moreover",
        "later",
        "separately",
        "earlier",
        "yesterday",
        "today",
    ]
)
#: Words that are no part of a name when capitalised at the start of a sentence.
_NOT_NAMES: Final = _BOUNDARY | _SENTENCE_ADVERBS | _PRONOUNS
#: Words after the head of a physical object (a noun before them is no modifier of another noun).
_AFTER_PHYSICAL: Final = _BOUNDARY | _GOVERNED | _MOTION_PARTICLES | frozenset({"down", "up", "over", "near", "behind", "toward"})
_TELL_LIKE: Final = frozenset(
    [
        "tell",
        "tells",
        "told",
        "telling",
        "asked",
        "ask",
        "asks",
        "asking",
        "warned",
        "warn",
        "warns",
        "warning",
        "urged",
        "urge",
        "urges",
        "urging",
        "assured",
        "assure",
        "assures",
        "informed",
        "inform",
        "informs",
        "reminded",
        "remind",
        "reminds",
        "briefed",
        "convinced",
        "persuaded",
        "promised",
        "promises",
    ]
)
_NOUN_BEFORE: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "that",
        "such",
        "new",
        "any",
        "no",
        "whose",
    ]
)
_STRIP_TAIL: Final = frozenset({"that", "he", "she", "they", "it", "on", "in", "at", "after", "before", "during", "of"})
_PASSIVE_AUX: Final = frozenset({"was", "were", "is", "are", "been", "be", "being"})
# Adverbs that may stand between a passive auxiliary and its participle (were widely branded).
_PASSIVE_ADVERBS: Final = frozenset({"often", "also", "sometimes", "still", "even", "now", "once", "always", "since"})


def _passive_at(words: Sequence[str], c: int, lo: int) -> bool:
    """Whether the verb at ``c`` follows a passive auxiliary (after ``lo``), one adverb allowed between."""
    if c > lo and words[c - 1] in _PASSIVE_AUX:
        return True
    return c - 1 > lo and words[c - 2] in _PASSIVE_AUX and (words[c - 1].endswith("ly") or words[c - 1] in _PASSIVE_ADVERBS)
_NAMEISH_ANON_HEADS: Final = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "aide",
        "aides",
        "person",
        "people",
        "diplomat",
        "diplomats",
        "insider",
        "insiders",
        "staffer",
        "staffers",
        "spokesperson",
        "spokesman",
        "spokeswoman",
    ]
)
#: Heads of an unnamed person named by closeness to someone (``an aide to X``, ``a source close
#: to X``, ``people familiar with X's thinking``): the phrase names the unnamed person, not X.
_RELATION_HEADS: Final = frozenset(
    {"source", "sources", "aide", "aides", "person", "people", "persons", "someone", "insider", "insiders"}
    | {"staffer", "staffers", "official", "officials", "adviser", "advisers", "advisor", "advisors", "confidant", "confidants"}
)
#: Of those, the heads that take ``to`` directly (``an aide to``, ``an adviser to``).
_RELATION_TO_HEADS: Final = frozenset({"aide", "aides", "staffer", "staffers", "adviser", "advisers", "advisor", "advisors"}) | {
    "confidant",
    "confidants",
}
#: Adjectives and participles that relate an unnamed person to someone, with their preposition.
_RELATION_LINKS: Final = frozenset({("close", "to"), ("familiar", "with"), ("briefed", "on"), ("loyal", "to")})
_TITLES: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "maj",
        "gen",
        "lt",
        "col",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "brig",
        "rev",
        "fr",
        "sen",
        "rep",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "atty",
        "hon",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "general",
        "major",
        "colonel",
        "captain",
        "lieutenant",
        "sergeant",
        "admiral",
        "commander",
        "brigadier",
        "senator",
        "representative",
        "governor",
        "mayor",
        "judge",
        "justice",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "ayatollah",
        "imam",
        "rabbi",
        "bishop",
        "cardinal",
        "chief",
        "director",
        "chairman",
        "chairwoman",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "professor",
        "doctor",
        "deputy",
        "acting",
        "former",
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "health",
        "house",
        "senate",
        "speaker",
        "leader",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "councillor",
        "councilor",
        "commissioner",
        "inspector",
        "detective",
        "officer",
        "attorney",
        "district",
        "superintendent",
        "premier",
        "chair",
        "ceo",
    ]
)
_ORG_NOUNS: Final = frozenset(
    [
        "group",
        "militia",
        "movement",
        "party",
        "organization",
        "organisation",
        "company",
        "firm",
        "ministry",
        "agency",
        "department",
        "militant",
        "network",
        "brigade",
        "brigades",
        "faction",
        "coalition",
        "council",
        "committee",
    ]
)
_ORG_TYPES: Final = frozenset({"media", "business", "international", "armed_group"})
#: Roles that head any kind of organisation, not only a state: named with an organisation they
#: take its type (``union president``, ``president of the association``; see ``_Run.type_of``).
_ORG_HEAD_ROLES: Final = frozenset(
    {"president", "presidents", "chairman", "chairwoman", "chairperson", "chair", "spokesman", "spokeswoman"}
    | {"spokesperson", "spokespeople", "spokesmen", "spokeswomen", "secretary", "director", "leader", "leaders", "head"}
    | {"commander", "commanders"}  # ("Hamas commander" is armed_group, not military)
)
#: First-person subjects: outside quotations, the writer of the text ("I think", "we believe").
_WRITER: Final = frozenset({"i", "we", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll"})
#: Heads of a spokesperson, who speaks for the organisation named with them (``_Run.speaks_for``).
_SPOKESPERSONS: Final = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})
#: Types of hits that name people rather than an organisation.
_PEOPLE_TYPES: Final = frozenset({"citizen", "anonymous"})
#: Types of the members a union or association is named after ("nurses", "civil servants", "police").
_MEMBER_TYPES: Final = frozenset({"citizen", "government", "military", "legal"})
#: Capitalised words that qualify an office rather than naming whose it is ("Former president X").
_ROLE_PREMODIFIERS: Final = frozenset(
    {"former", "then", "new", "outgoing", "incoming", "acting", "interim", "deputy", "vice", "current", "late"}
    | {"ex", "first", "sitting", "future", "honorary", "executive", "senior", "elected", "embattled", "beleaguered"}
)
#: Nationality adjectives and state abbreviations that do not end like most of them (see _nationality).
_STATE_WORDS: Final = frozenset(
    {"us", "u.s", "uk", "u.k", "eu", "french", "dutch", "greek", "thai", "swiss", "czech", "welsh", "scottish", "irish"}
    | {"federal", "state", "national", "afghan", "basque", "flemish", "lao", "cuban", "chilean", "peruvian"}
)
#: Role words that, capitalised before a personal name, are no part of it (with :data:`_TITLES`):
#: "Labour MP Ana Ruiz", "Chief Executive Ana Ruiz", "Coach Ana Ruiz".
_NAME_ROLES: Final = frozenset(
    {
        "mp", "mps", "mep", "msp", "executive", "officer", "coach", "manager", "referee", "editor",
        "correspondent", "economist", "analyst", "strategist", "pollster", "candidate", "nominee",
        "chairperson", "founder", "owner", "lawyer", "counsel", "advocate", "activist", "star",
        "singer", "striker", "captain", "skipper", "boss", "head", "aide", "adviser", "advisor",
        "mogul", "businessman", "businesswoman", "billionaire", "host", "presenter", "anchor",
    }
)  # fmt: skip
#: Head words that end the names of institutions, parties, teams, places, events and works, not
#: of people: a run of capitalised words ending in one (``European Parliament``, ``Manchester
#: United``, ``Heineken Cup``, ``Soviet Union``) is no antecedent of *he* or *she*. Words that are
#: also common surnames (Hall, House, Street, Park, West, Church, Day...) are left out.
_NON_PERSON_HEADS: Final = frozenset(
    [
        # legislatures, governments, courts and public bodies
        "parliament", "assembly", "congress", "senate", "council", "committee", "commission",
        "executive", "government", "administration", "ministry", "department", "office", "agency",
        "authority", "bureau", "board", "court", "tribunal", "inquiry", "police", "service",
        "services", "caucus",
        # parties, unions, groups and companies
        "party", "union", "league", "federation", "association", "society", "institute",
        "institution", "foundation", "trust", "fund", "bank", "exchange", "corporation", "company",
        "group", "club", "coalition", "alliance", "movement", "front", "network", "unit",
        "democrats", "republicans", "conservatives", "liberals", "tories", "socialists", "greens",
        "dems", "mps", "meps", "women",
        # armed forces
        "army", "navy", "force", "forces", "corps", "regiment", "regiments", "brigade", "brigades",
        # teams
        "united", "city", "rovers", "athletic", "wanderers", "albion", "hotspur", "rangers", "fc",
        # media and programmes
        "news", "radio", "television", "tv", "times", "journal", "herald", "telegraph", "gazette",
        "tribune", "magazine", "channel", "programme", "program", "show",
        # events, competitions, laws and wars
        "cup", "championship", "championships", "games", "olympics", "prize", "award", "awards",
        "festival", "tournament", "series", "trophy", "summit", "conference", "convention", "war",
        "act", "treaty", "accord", "agreement",
        # states, places and buildings
        "states", "kingdom", "republic", "empire", "reich", "nations", "emirates", "mall",
        "square", "avenue", "palace", "stadium", "arena", "airport", "station", "centre", "center",
        "hospital", "university", "college", "school", "academy", "museum", "cathedral",
        "mosque", "temple", "island", "islands", "ocean", "river", "mountains", "valley", "coast",
        "province", "county", "district", "region", "springs", "heights", "beach",
        # infrastructure
        "bridge", "tunnel", "highway", "motorway", "expressway", "freeway", "canal", "harbour",
        "harbor", "dam", "railway", "railroad", "pier",
    ]
)  # fmt: skip
#: First words of place, team and institution names that never open a personal name
#: (``New York``, ``Middle East``, ``Real Madrid``, ``National Mall``); a run with a title
#: (``New York Mayor Ana Ruiz``) still names a person.
_NON_PERSON_OPENERS: Final = frozenset(
    [
        "new", "middle", "real", "national", "federal", "royal", "international", "united",
        "european", "supreme", "north", "south", "east", "west", "northern", "southern", "eastern",
        "western", "central",
    ]
)  # fmt: skip
#: Courtesy titles that make a single capitalised surname a person's name (``Mr Hensel``).
_COURTESY_TITLES: Final = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"])
#: Titles that tell a man from a woman: *he* never refers to a run opened by a female title, *she*
#: never to one opened by a male title.
_MALE_TITLES: Final = frozenset(["mr", "sir", "lord"])
_FEMALE_TITLES: Final = frozenset(["mrs", "ms", "miss", "dame", "lady"])
_PUNCT_GAP: Final = re.compile(r"[^\s\-'\u2019.]")
_DASH_NAME: Final = re.compile(r"\s*-{1,3}\s*")
_ACRONYM: Final = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)")
#: A short parenthesised label after a name: party and state "(R-Ohio)", "(D)", an acronym "(NATO)".
# A party label or an acronym after a name: (D), (R-Ohio), (D-S.C.), (PWU). One followed by a
# dash is a wire-service dateline ("LONDON (AP) -"), not a label.
_LABEL: Final = re.compile(r"\(\s*(?:[A-Z][A-Za-z.]{0,7}(?:\s*-\s*[A-Z][A-Za-z.]{0,7})?|ret\.?|retd\.?)\s*\)(?!\s*-)")
_MONTH_DAY: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AGENCY: Final = r"\(\s*[A-Za-z][\w .&/-]{0,30}\)"
#: A dateline that opens a paragraph (``RIVERTON, March 3 -``, ``RIVERTON, Ohio (AP) -``, ``Riverton,
#: Ohio (Reuters) -``): a place in capitals, or in title case when a date or an agency follows it,
#: before a dash. It is a sentence of its own for the rules, so no place is the subject of the
#: report after it.
_DATELINE: Final = re.compile(
    r"(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    rf"(?:,\s*{_MONTH_DAY})?(?:\s*{_AGENCY})?"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    rf"(?:,\s*{_MONTH_DAY}(?:\s*{_AGENCY})?|\s*{_AGENCY}))"
    r"\s*-{1,3}\s+"
)
#: A speaker label opening a paragraph of a transcript ("A:", "Q:", "RUIZ:", "Ana Ruiz:").
_SPEAKER_LABEL: Final = re.compile(r"\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*:")
_SPACED_DASH: Final = re.compile(r"\s-{1,3}|-{1,3}\s")
_MAX_SOURCE_TOKENS: Final = 14
#: Past participles that describe a channel of communication ("a statement posted online").
_CHANNEL_PARTICIPLES: Final = frozenset(
    {"posted", "published", "released", "issued", "sent", "shared", "uploaded", "broadcast", "aired", "circulated"}
    | {"distributed", "emailed", "e-mailed", "tweeted", "read", "delivered", "filed", "submitted", "televised", "carried"}
)
#: Tokens after such a participle in which the ``that`` of the content is looked for.
_CHANNEL_PARTICIPLE_REACH: Final = 7
_ROLE_REACH: Final = 3  # lowercase words of a role before a name after an inverting verb ("said union leader X")
_ANON_CLAUSE_REACH: Final = 8  # tokens of a relative clause searched for an anonymity marker
_LOOKBACK: Final = 400
_MAX_LOWER_IN_NP: Final = 4
#: Words that a title-case headline leaves lowercase, and ``that`` (``Ruiz Calls for Inquiry``,
#: ``Lee Refuses to Back Plan``, ``Ruiz Says that ...``).
_TITLE_MINOR: Final = frozenset(
    {"to", "for", "of", "in", "on", "at", "by", "with", "from", "and", "or", "the", "a", "an", "as", "about", "against", "over"}
    | {"into", "up", "out", "that"}
)
#: Auxiliaries that are also names; capitalised inside a sentence they end a name, not a verb
#: group (``Theresa May said``, ``George Will wrote``).
_AUX_NAMES: Final = frozenset({"may", "will", "can", "must", "might"})
#: Conjunctions that join a second clause with its own subject (``..., but she believes ...``).
_CLAUSE_CONJUNCTIONS: Final = frozenset({"but", "and", "yet", "while", "although", "though"})
#: Words that stand inside a verb group after an auxiliary: floating quantifiers and the
#: perfect's ``since`` (``have both argued``, ``have all said``, ``has since said``).
_IN_GROUP_AFTER_AUX: Final = frozenset({"both", "all", "each", "since"})
#: Adverbs that stand between a subject and its verb (``X also said``, ``the mayor later spoke``)
#: and so end a noun phrase read forwards.
_PREDICATE_ADVERBS: Final = frozenset({"also", "later", "then", "still", "already", "again", "never", "often", "soon", "just"})
#: Abbreviations of more than three letters that keep their period inside a noun phrase: US
#: states in news style and company suffixes (``Fresno, Calif.,``, ``Exxon Mobil Corp.``).
_ABBREVIATIONS: Final = frozenset(
    {"ariz", "calif", "colo", "conn", "mass", "mich", "minn", "miss", "mont", "okla", "tenn", "wash", "wisc", "penn", "nebr"}
    | {"corp", "bros", "assn", "dept", "univ"}
)
_MAX_HEADLINE_NAME: Final = 5  # words of the name before a headline's colon ("Former Senator Ana Ruiz:")
_MIN_HEADLINE_CLAIM: Final = 3  # words of the claim after it
#: Section labels that open a headline with a colon and name no speaker ("Analysis: ...").
_HEADLINE_LABELS: Final = frozenset(
    {"analysis", "opinion", "editorial", "exclusive", "breaking", "update", "updated", "watch", "video", "photos", "live", "latest"}
    | {"review", "explainer", "interview", "commentary", "correction", "factbox", "timeline", "q", "a", "news", "daily", "guide"}
    | {"obituary", "preview", "profile", "recap", "quiz", "feature", "focus"}
)
#: Focus particles and sentence adverbs before a subject ("even his allies say", "Perhaps voters feel").
_FOCUS: Final = frozenset({"even", "perhaps", "maybe"})
#: Quantifiers that can float after the subject they quantify ("they both said", "the ministers all urged").
_FLOATING: Final = frozenset({"both", "all", "each"})
#: Verbs of saying that usually invert after their content ("..., said X.", "..., wrote X.").
_INVERTING: Final = frozenset({"say", "add", "write", "note", "explain", "argue", "recall", "continue", "ask", "observe", "remark"})
#: Ordinals that open a sentence as adverbs ("First, ...").
_ORDINALS: Final = frozenset({"first", "second", "third", "fourth", "fifth", "finally", "lastly", "next"})
_MAX_LIST_ITEMS: Final = 8  # items of a serial list before a coordinated subject
_MAX_LIST_ITEM_TOKENS: Final = 5  # tokens of one such item ("Ana Ruiz", "the union's lawyers")
_RIGHT_CUE_WINDOW: Final = 8
_LEFT_CUE_WINDOW: Final = 12
_MAX_VERB_GROUP: Final = 6  # auxiliaries and adverbs looked at before a cue ("would not have also said")
_RIGHT_APPOSITIVE_WINDOW: Final = 3 * _MAX_SOURCE_TOKENS
_INHERIT_PARAGRAPHS: Final = 1
#: Determiners that never stand right before a personal name without a title (``the Arlen
#: Bridge``, ``his Christmas Mass``); a run after one is no antecedent of *he* or *she*.
_NAME_BARRING_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
)
#: Heads of a definite description that refer back to the latest organisation quoted
#: (``The Northern Liberation Front said ... "...," the group said``).
_GENERIC_ORG_ANAPHORS: Final = frozenset(
    {"group", "organisation", "organization", "company", "firm", "movement", "militia", "faction", "charity", "coalition"}
)

_CUE_CATEGORIES: Final = ("neutral", "loaded", "cognitive")
#: Lemmas of reporting verbs whose object is the person or thing the speech act targets
#: ("criticized the plan", "praised the mayor"): a noun phrase after them is never an
#: inverted speaker.
_TARGET_VERBS: Final = frozenset(
    {"criticize", "criticise", "praise", "accuse", "blame", "condemn", "slam", "denounce", "mock", "urge", "dismiss"}
    | {"hail", "laud", "applaud", "commend", "blast", "thank", "congratulate", "credit", "fault", "ridicule", "deride", "attack"}
    | {"chastise", "rebuke", "scold", "berate", "lambaste", "castigate", "excoriate", "assail", "disparage", "belittle"}
    | {"taunt", "tout", "describe", "characterize", "characterise", "portray", "label", "brand", "dub", "question"}
    | {"challenge", "contradict", "refute", "deny", "decry", "implore", "beg", "remind", "inform", "brief", "advise"}
)
#: Verbs (lemmas and irregular forms) and adjectives whose subject is also the subject of the
#: infinitive after them ("tried to discuss", "is eager to explain", "went on to criticize").
_CONTROL: Final = frozenset(
    {"want", "plan", "hope", "try", "seek", "decide", "choose", "chose", "chosen", "refuse", "decline", "agree", "promise"}
    | {"vow", "pledge", "threaten", "continue", "begin", "began", "begun", "start", "need", "intend", "expect", "aim"}
    | {"attempt", "fail", "manage", "tend", "like", "love", "prefer", "wish", "appear", "seem", "go", "went", "come"}
    | {"came", "hesitate", "rush", "move", "scramble", "struggle", "work", "fight", "bother", "volunteer", "offer"}
    | {"prepare", "able", "unable", "eager", "willing", "unwilling", "ready", "quick", "likely", "unlikely", "set", "poised"}
    | {"going", "about", "reluctant", "keen", "anxious", "determined", "careful", "sure", "certain", "due", "expected"}
)
#: Forms of verbs of causing whose object does what the infinitive after it says ("led some to
#: question", "prompting her to declare"); "leave" and "drive" also take a place ("left the room to").
_CAUSATIVES: Final = frozenset(
    {"prompt", "prompts", "prompted", "prompting", "lead", "leads", "leading", "led", "cause", "causes", "caused"}
    | {"causing", "spur", "spurs", "spurred", "spurring", "force", "forces", "forced", "forcing", "inspire", "inspires"}
    | {"inspired", "inspiring"}
)
_MAX_REPORTS: Final = 8  # earlier reports of a sentence looked at for a stance inside one
_MAX_OBJECT_TOKENS: Final = 6  # the object of a causative verb before its infinitive ("led many cyber experts to")
#: Words and pairs that approximate a quantity subject ("about 4 in 10", "more than half").
_APPROXIMATORS: Final = frozenset({"about", "nearly", "almost", "roughly", "around", "approximately", "some", "over", "just", "only"})
_APPROXIMATE_PAIRS: Final = frozenset({("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"), ("up", "to")})
#: A pronoun subject contracted with an auxiliary: one token, never a possessive.
_CONTRACTED_SUBJECTS: Final = frozenset(
    {"he's", "she's", "it's", "he'd", "she'd", "it'd", "he'll", "she'll", "it'll", "they're", "they've", "they'd", "they'll"}
    | {"we're", "we've", "we'd", "we'll", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll"}
)
#: Words after which a base-form homograph is a verb: auxiliaries and modals, negation,
#: pronouns, relative pronouns, the infinitive marker and coordinators ("we support", "to
#: plan", "who call", "and support").
_BASE_VERB_BEFORE: Final = (
    _AUX
    | _NEGATED_AUX
    | _PRONOUNS
    | _RELATIVE_SUBJECTS
    | frozenset({"to", "not", "and", "or", "but", "people", "men", "women", "children", "police"})
)
#: Verbs of aspect before a participle ("kept trying to explain"): their subject is the speaker.
_ASPECT_VERBS: Final = frozenset({"keep", "keeps", "kept", "start", "starts", "started", "began", "begins", "continued", "continues"})
#: Homographs whose past tense is their base form: after a noun and before an object they
#: are a finite verb ("the coach forecast a longer absence").
_PAST_AS_BASE: Final = frozenset({"forecast"})
#: Quantifiers that take no singular noun: a base-form homograph after them is a verb ("many
#: fear the vote will fail", "few support the plan").
_PLURAL_QUANTIFIERS: Final = frozenset({"many", "few", "several", "both"})
#: Quantifiers that also modify a mass noun ("some support for", "all support"): a subject, and
#: the homograph after them a verb, only when they open their clause ("Some fear the vote ...").
_OPEN_QUANTIFIERS: Final = frozenset({"some", "most", "all"})
_CLAUSE_LINKS: Final = frozenset({"and", "but", "while", "although", "though", "because"})
#: Words after "spoke" that introduce what was said ("spoke about", "spoke out against").
_SPEECH_TOPIC: Final = frozenset({"about", "of", "out", "against", "up"})
#: Cognitive verbs that are verbs of perception before a plain object: a stance only before a
#: ``that`` clause or with "as" ("sees the deal as a trap"); before a wh-word, ``whether`` or
#: ``if`` they mean finding out ("wait to see how it goes").
_PERCEPTION: Final = frozenset({"see"})
_MAX_AS_DISTANCE: Final = 8
#: Objects that open no reported clause: an indefinite noun phrase or a reflexive.
_INDEFINITE_OBJECTS: Final = frozenset({"a", "an", "himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
#: Contracted subjects whose auxiliary belongs to the verb group ("he|'s predicting", "who|'ve said").
_SPLIT_CONTRACTIONS: Final = _CONTRACTED_SUBJECTS | frozenset({"who's", "who'd", "who've", "who'll"})
#: Subjects that name nobody ("it is hard to say", "there is a need to discuss").
_EXPLETIVES: Final = frozenset({"it", "there", "this", "that", "here"})
_MAX_TAIL_ADVERBS: Final = 2  # manner adverbs after a reporting verb ("argued insistently", "said simply")


# ------------------------------------------------------------------------------------------
# Results
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRef:
    """The speaker of an attribution.

    Attributes
    ----------
    start, end
        Offsets of the mention (with its appositive, when it has one) in the original text. For a
        quotation that inherits its speaker, the mention is the earlier one.
    text
        ``text[start:end]``.
    name
        The canonical name, the same for every mention of one speaker (titles dropped, surnames,
        acronyms and pronouns resolved).
    type
        One of the 12 source types of the ``source-types`` lexicon, or ``"unknown"``.
    """

    start: int
    end: int
    text: str
    name: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name, "type": self.type}


@dataclass(frozen=True, slots=True)
class CueRef:
    """The cue of an attribution: a reporting verb, an ``according to`` phrase or a hedge.

    Attributes
    ----------
    start, end
        Offsets in the original text.
    text
        ``text[start:end]``.
    lemma
        The dictionary form (``said`` -> ``say``, ``pointed out`` -> ``point out``).
    cls
        ``"neutral"`` or ``"loaded"`` (serialised as ``class``): loaded cues are those of the
        ``loaded`` category of ``attribution-cues`` (claimed, admitted, insisted, vowed...).
    """

    start: int
    end: int
    text: str
    lemma: str
    cls: CueClass

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma, "class": self.cls}


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed (or pointedly unattributed) piece of content.

    Attributes
    ----------
    kind
        ``"direct"`` (the content holds a speech quotation), ``"indirect"`` (paraphrase after a
        reporting verb, or a headline's claim after ``Name:``), ``"according_to"`` or
        ``"unattributed"`` (a hedge such as *reportedly*, or an agentless passive such as *was
        accused of*).
    source
        The speaker, or ``None`` (always ``None`` for unattributed claims).
    cue
        The cue, or ``None`` (a quotation that inherits its speaker, a trailing ``- Name``, a
        headline ``Name: claim``).
    content
        ``(start, end)`` of what is attributed; never overlaps the cue.
    statement
        Whether it reports someone else's statement, which :class:`Balance` counts: false for
        unattributed markers (the outlet's own hedges and open questions), refusals to speak,
        non-responses and the writer's own first person outside quotations.
    """

    kind: Kind
    source: SourceRef | None
    cue: CueRef | None
    content: tuple[int, int]
    statement: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": self.kind,
            "source": None if self.source is None else self.source.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "content": {"start": self.content[0], "end": self.content[1]},
            "statement": self.statement,
        }


@dataclass(frozen=True, slots=True)
class SourceVoice:
    """Attributions and voice of one source (or one source type).

    Attributes
    ----------
    attributions
        Number of attributions.
    quoted_words
        Words inside its direct quotations.
    voice_share
        ``quoted_words`` over all quoted words of attributed quotations; range [0, 1]; ``None``
        when the text has no attributed quoted word.
    type
        The source type (``None`` in the per-type table, where the key is the type).
    """

    attributions: int
    quoted_words: int
    voice_share: float | None
    type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        out: dict[str, Any] = {"attributions": self.attributions, "quoted_words": self.quoted_words, "voice_share": self.voice_share}
        if self.type is not None:
            out["type"] = self.type
        return out


@dataclass(frozen=True, slots=True)
class SideVoice:
    """Attributions and voice of one side of a user's ``sides`` mapping.

    Attributes
    ----------
    attributions
        Attributions whose source name (first) or type maps to the side.
    quoted_words
        Quoted words of those attributions.
    voice_share
        ``quoted_words`` over the quoted words of all sides; range [0, 1]; ``None`` when no side
        has a quoted word.
    """

    attributions: int
    quoted_words: int
    voice_share: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"attributions": self.attributions, "quoted_words": self.quoted_words, "voice_share": self.voice_share}


@dataclass(frozen=True, slots=True)
class Balance:
    """How evenly a text shares its voice among sources (see the module docstring for formulas).

    Attributes
    ----------
    sources
        :class:`SourceVoice` per canonical source name (with its type), in order of first mention.
    types
        :class:`SourceVoice` per source type, for the types that occur.
    distinct_sources
        Number of distinct source names.
    voice_entropy
        Normalised entropy of voice over sources; [0, 1], higher = more even; ``None`` with fewer
        than two sources with voice.
    voice_gini
        Gini coefficient of voice over sources; [0, 1), higher = more concentrated; ``None``
        without quoted words.
    anonymous_share
        Share of sourced attributions with an anonymous source; [0, 1]; ``None`` without any.
    neutral_cue_share
        Share of speech cues that are neutral; [0, 1], higher = more neutral; ``None`` without any.
    quoted_share
        Share of tokens inside speech quotations; [0, 1].
    sides
        :class:`SideVoice` per side when the scorer has a ``sides`` mapping, else ``None``.
    side_balance
        Normalised entropy of the sides' voice; [0, 1], 1 = even; ``None`` when undefined.
    sides_unmapped
        With a ``sides`` mapping, the sourced statements whose source maps to no side
        (attributions and quoted words; ``voice_share`` over all quoted words of sourced
        statements); ``None`` without a mapping.
    statements
        The attributions the balance counts, those with ``statement`` true: all but unattributed
        markers, refusals to speak, non-responses and the writer's own first person (the basis of
        the ``attribution.per_1k_tokens`` feature).
    """

    sources: dict[str, SourceVoice]
    types: dict[str, SourceVoice]
    distinct_sources: int
    voice_entropy: float | None
    voice_gini: float | None
    anonymous_share: float | None
    neutral_cue_share: float | None
    quoted_share: float
    sides: dict[str, SideVoice] | None = None
    side_balance: float | None = None
    statements: int = 0
    sides_unmapped: SideVoice | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "statements": self.statements,
            "sources": {k: v.to_dict() for k, v in self.sources.items()},
            "types": {k: v.to_dict() for k, v in self.types.items()},
            "distinct_sources": self.distinct_sources,
            "voice_entropy": self.voice_entropy,
            "voice_gini": self.voice_gini,
            "anonymous_share": self.anonymous_share,
            "neutral_cue_share": self.neutral_cue_share,
            "quoted_share": self.quoted_share,
            "sides": None if self.sides is None else {k: v.to_dict() for k, v in self.sides.items()},
            "side_balance": self.side_balance,
            "sides_unmapped": None if self.sides_unmapped is None else self.sides_unmapped.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class AttributionResult:
    """What :class:`AttributionScorer` found in one document.

    Attributes
    ----------
    attributions
        Every attribution, in order of content start.
    balance
        The :class:`Balance` of voice.
    settings
        The scorer's parameters: ``sides``, the mapping from source names or types to sides that
        ``balance.sides`` and ``side_balance`` rest on (``None`` without one).
    """

    attributions: tuple[Attribution, ...]
    balance: Balance
    settings: dict[str, Any] = field(default_factory=dict)

    def by_kind(self, kind: Kind) -> tuple[Attribution, ...]:
        """The attributions of one kind."""
        return tuple(a for a in self.attributions if a.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the ``attribution`` entry of the analysis contract)."""
        return {
            "settings": {k: dict(v) if isinstance(v, Mapping) else v for k, v in self.settings.items()},
            "attributions": [a.to_dict() for a in self.attributions],
            "balance": self.balance.to_dict(),
        }


# ------------------------------------------------------------------------------------------
# Lemmas
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lemmatizer:
    """Verb lemmas: irregular forms from ``cue-lemmas``, regular ones by suffix rules.

    A regular form's lemma is the first of these candidates that is a known base form (an entry
    of ``cue-lemmas``' ``base_forms`` or a one-word cue that is not itself inflected):
    ``-ied/-ies`` -> ``-y``; ``-ed/-es/-ing`` stripped, with ``e`` restored or a doubled consonant
    undone; ``-s``/``-d`` stripped. Unknown forms fall back to the suffix stripped.
    """

    irregular: Mapping[str, str]
    bases: frozenset[str]

    def lemma(self, word: str) -> str:
        w = word.lower().replace("\u2019", "'")
        if w in self.irregular:
            return self.irregular[w]
        if w in self.bases:
            return w
        for cand in _candidates(w):
            if cand in self.bases:
                return cand
        cands = _candidates(w)
        return cands[0] if cands else w


def _candidates(w: str) -> list[str]:
    out: list[str] = []
    if w.endswith(("ied", "ies")) and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        out += [stem, w[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    if w.endswith("es") and len(w) > 3:
        out += [w[:-2], w[:-1]]
    elif w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return out


def _build_lemmatizer(lemmas: Lexicon, cues: Lexicon) -> _Lemmatizer:
    irregular: dict[str, str] = {}
    bases: set[str] = set()
    for cat in lemmas.categories:
        if cat.id == "base_forms":
            bases.update(e.key for e in cat.entries)
            continue
        lemma = cat.label
        bases.add(lemma)
        for e in cat.entries:
            irregular[e.key] = lemma
    for cid in _CUE_CATEGORIES:
        for e in cues.category(cid).entries:
            if len(e.tokens) == 1 and not e.tokens[0].endswith(("ed", "ing", "s")):
                bases.add(e.tokens[0])
    return _Lemmatizer(irregular, frozenset(bases))


# ------------------------------------------------------------------------------------------
# The per-document view
# ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    name: str
    type: str
    person: bool


@dataclass(slots=True)
class _Found:
    kind: Kind
    src: tuple[int, int] | None  # token range [s, e)
    entity: _Entity | None
    cue: tuple[int, int] | None  # token range
    cue_cls: CueClass
    cue_lemma: str
    content: tuple[int, int]  # character offsets
    src_chars: tuple[int, int] | None = None


@dataclass(slots=True)
class _View:
    """Tokens, sentences and quotations of one document, in the shapes the rules need."""

    text: str  # same length as doc.text: straight quotes, ASCII dashes
    spans: list[tuple[int, int]]
    words: list[str]
    sent_tok: list[tuple[int, int]]  # per sentence: token range
    tok_sent: list[int]
    tok_quote: list[int]  # index into quotes, or -1
    quotes: list[tuple[int, int, bool]]  # start, end, speech
    para_starts: list[int]
    starts: list[int] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)  # per token: its first character is a capital

    def gap(self, k: int) -> str:
        """Text between token k and token k+1 (or the end)."""
        end = self.spans[k + 1][0] if k + 1 < len(self.spans) else len(self.text)
        return self.text[self.spans[k][1] : end]

    def para_of(self, offset: int) -> int:
        return bisect.bisect_right(self.para_starts, offset) - 1


_NORM_TABLE: Final = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u00a0": " ",
    }
)  # fmt: skip


def _view(doc: Document) -> _View:
    text = doc.norm if len(doc.norm) == len(doc.text) else doc.text.translate(_NORM_TABLE)
    spans = doc.token_spans()
    words = doc.words
    n = len(spans)
    starts = doc.token_starts()  # shared with the document (and its other readers): never modified
    sent_tok: list[tuple[int, int]] = []
    tok_sent = [0] * n
    para_starts = {p for p, _ in doc.paragraphs}
    for s, e in doc.sentences:
        a = bisect.bisect_left(starts, s)
        b = bisect.bisect_left(starts, e)
        dateline = _DATELINE.match(text, s, e) if s in para_starts else None
        d = bisect.bisect_left(starts, dateline.end()) if dateline is not None else a
        for lo, hi in ((a, d), (d, b)) if a < d < b else ((a, b),):
            tok_sent[lo:hi] = [len(sent_tok)] * (hi - lo)  # (a slice of the same length: n stays n)
            sent_tok.append((lo, hi))
    tok_quote = [-1] * n
    quotes = [(q.start, q.end, q.kind == "speech") for q in doc.quotes]
    for qi, (s, e, _sp) in enumerate(quotes):
        a = bisect.bisect_left(starts, s)
        b = bisect.bisect_left(starts, e)
        tok_quote[a:b] = [qi] * (b - a)
    caps = list(map(str.isupper, map(text.__getitem__, starts)))
    return _View(text, spans, words, sent_tok, tok_sent, tok_quote, quotes, [p for p, _ in doc.paragraphs] or [0], starts, caps)


# ------------------------------------------------------------------------------------------
# The scorer
# ------------------------------------------------------------------------------------------


def _mention_start(m: tuple[int, _Entity]) -> int:
    return m[0]


def _mention_before(mentions: list[tuple[int, _Entity]], k: int) -> _Entity | None:
    """The entity of the last mention that starts before token ``k`` (``mentions`` is in text order)."""
    i = bisect.bisect_left(mentions, k, key=_mention_start)
    return mentions[i - 1][1] if i else None


class AttributionScorer:
    """Find who is quoted or paraphrased, through which cue, and how evenly voice is shared.

    Parameters
    ----------
    sides
        Optional mapping from a canonical source name or a source type to a side label
        (``{"government": "state", "armed_group": "militia"}``). A source's name is looked up
        first, then its type. Enables the ``sides`` and ``side_balance`` fields of :class:`Balance`.
    cues, types, lemmas
        Lexicons replacing the bundled ``attribution-cues``, ``source-types`` and ``cue-lemmas``.

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.scorers.base import Context
    >>> doc = Document.from_text('"We will not retreat," said Maj. Gen. Ali Hassan, a spokesman for the army. '
    ...                          'Critics say the plan is doomed. The rebels have reportedly withdrawn.')
    >>> res = AttributionScorer().score(doc, Context(negation=None))
    >>> [(a.kind, a.source and a.source.name, a.cue and a.cue.lemma) for a in res.attributions]
    [('direct', 'Ali Hassan', 'say'), ('indirect', 'Critics', 'say'), ('unattributed', None, 'reportedly')]
    >>> res.attributions[0].source.type
    'military'
    """

    def __init__(
        self,
        sides: Mapping[str, str] | None = None,
        *,
        cues: Lexicon | None = None,
        types: Lexicon | None = None,
        lemmas: Lexicon | None = None,
    ) -> None:
        self.sides: Mapping[str, str] | None = dict(sides) if sides is not None else None
        self.cue_lexicon = cues or load_lexicon("attribution-cues")
        self.type_lexicon = types or load_lexicon("source-types")
        self.lemma_lexicon = lemmas or load_lexicon("cue-lemmas")
        self.cue_matcher = Matcher(self.cue_lexicon)
        self.type_matcher = Matcher(self.type_lexicon)
        self._lemmatizer = _build_lemmatizer(self.lemma_lexicon, self.cue_lexicon)
        single: dict[str, tuple[str, CueClass]] = {}
        for cid in ("cognitive", "neutral", "loaded"):  # later categories win a word listed twice
            cls: CueClass = "loaded" if cid == "loaded" else "neutral"
            for e in self.cue_lexicon.category(cid).entries:
                if len(e.tokens) == 1 and not e.wildcard:
                    single[e.tokens[0]] = (cid, cls)
        self._single = single
        self._cue_words = frozenset(single) | _PUT  # the words _word_cues looks at
        # Memo of head lemmas (a pure function of the word), bounded like Matcher's memo.
        self._head_lemmas: dict[str, str] = {}
        self._type_ids = tuple(c for c in self.type_lexicon.category_ids if c in SOURCE_TYPES)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the lemma memo (it only saves time)."""
        state = dict(self.__dict__)
        state["_head_lemmas"] = {}
        return state

    @property
    def name(self) -> str:
        """``attribution``."""
        return "attribution"

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """The cue, source-type and lemma lexicons."""
        return (self.cue_lexicon, self.type_lexicon, self.lemma_lexicon)

    def score(self, doc: Document, context: Context) -> AttributionResult:  # noqa: ARG002 - the protocol's signature; no shared matches are read
        """Extract the attributions of ``doc`` and the balance of voice."""
        v = _view(doc)
        # The rules read only the tokens, category and weight of a cue or type hit: the raw hits
        # skip building Match objects (offsets, voice, negation) that nothing here reads.
        cue_ids, type_ids = self.cue_lexicon.category_ids, self.type_lexicon.category_ids
        cue_hits = [(a, b, cue_ids[ci]) for a, b, ci, _entry in self.cue_matcher.find_raw(doc)]
        type_hits = [(a, b, type_ids[ci], entry.weight) for a, b, ci, entry in self.type_matcher.find_raw(doc)]
        run = _Run(self, v, doc.text, cue_hits, type_hits)
        found = run.extract()
        attributions = tuple(run.finish(a) for a in found)
        attributions = tuple(
            a if a.kind != "unattributed" and not _not_sourcing(a, v) else replace(a, statement=False)
            for a in sorted(attributions, key=lambda a: (a.content[0], a.content[1]))
        )
        # a new dict each time: a result never shares the scorer's mapping
        settings = {"sides": None if self.sides is None else dict(self.sides)}
        return AttributionResult(attributions, _balance(attributions, v, self.sides), settings)

    # helpers for _Run
    def lemma(self, words: Sequence[str]) -> str:
        """Lemma of a cue given its lowercase tokens."""
        if not words:
            return ""
        memo = self._head_lemmas
        head = memo.get(words[0])
        if head is None:
            if len(memo) > _LEMMA_MEMO_LIMIT:
                memo.clear()
            head = memo[words[0]] = self._lemmatizer.lemma(words[0])
        rest = [w for w in words[1:] if w in {"out", "back", "off", "up", "down", "aside", "away", "against", "on", "for", "at"}]
        return " ".join([head, *rest[:1]])


@dataclass(slots=True)
class _Verb:
    start: int  # token range of the cue
    end: int
    cls: CueClass
    category: str


class _Run:
    """One document's extraction (all per-document state lives here, never on the scorer)."""

    cap_tokens: list[int] | None  # capitalised non-determiner tokens, listed on first use
    runs: dict[int, tuple[int, bool]]  # capitalised token -> (start, is a name) of the run ending there
    sourced: dict[int, list[tuple[int, tuple[int, int]]]]  # sentence -> (cue start, speaker tokens)
    reports: dict[int, list[tuple[int, int]]]  # sentence -> content offsets of its sourced attributions

    def __init__(  # noqa: C901, PLR0915 - one pass over the cue matches
        self, scorer: AttributionScorer, v: _View, text: str, cues: list[tuple[int, int, str]], types: list[tuple[int, int, str, float]]
    ) -> None:
        """``cues`` and ``types``: the hits of the cue and source-type lexicons as (token start, token end, category[, weight])."""
        self.s = scorer
        self.v = v
        self.doc_text = text
        self.according: list[tuple[int, int]] = []
        self.channels: dict[int, int] = {}  # token start -> token end of "in a statement"-like phrases
        self.unattributed: list[tuple[int, int]] = []
        self.anon_ends: dict[int, int] = {}  # token end -> token start of anonymity markers
        words = v.words
        self.verbs = _word_cues(words, scorer._single, scorer._cue_words)  # noqa: SLF001 - the scorer's compiled word tables
        for start, end, category in cues:
            if category in _CUE_CATEGORIES:
                a = start
                b = _phrase_end(words, a, end, scorer._single)  # noqa: SLF001 - the scorer's word table
                if b - a < 2 or words[a] in _PRONOUNS:
                    continue
                cls: CueClass = "loaded" if category == "loaded" else "neutral"
                old = self.verbs.get(a)
                if old is None or (old.end - old.start) < (b - a):
                    self.verbs[a] = _Verb(a, b, cls, category)
            elif category == "according_to":
                if words[start] == "according" or (start + 1 < len(words) and words[start + 1] == "according"):
                    self.according.append((start, end))
                elif words[start] in _CHANNEL_PREPOSITIONS:
                    self.channels[start] = max(end, self.channels.get(start, end))
            elif category == "unattributed":
                self.unattributed.append((start, end))
            elif category == "anonymous":
                self.anon_ends[end] = min(start, self.anon_ends.get(end, start))
        for start, end, category, _weight in types:
            if category == "anonymous":
                self.anon_ends[end] = min(start, self.anon_ends.get(end, start))
        self.channel_last = {e - 1 for e in self.channels.values()}  # last tokens of channel phrases
        self.according_at = dict(self.according)  # first token -> token end of "according to"
        self.hedge_words = {a for a, b in self.unattributed if b - a == 1}  # "reportedly", "allegedly"
        self.hedge_spans = {k for a, b in self.unattributed for k in range(a, b)}
        self.anon_rev = {e - 1: s for e, s in self.anon_ends.items()}
        self.anon_starts = set(self.anon_ends.values())
        self.anon_reach: dict[int, int] = {}  # marker start -> the furthest end of a marker starting there
        for e, st in self.anon_ends.items():
            self.anon_reach[st] = max(e, self.anon_reach.get(st, -1))
        self.type_hits = types  # (token start, token end, type, weight), in text order
        self.type_starts = [h[0] for h in self.type_hits]
        self.label_gaps, self.label_tokens = _labels(v)
        self.plain_gaps: dict[int, bool] = {}  # memo of plain_gap: a pure function of the token
        self.cap_tokens, self.runs, self.sourced, self.reports = None, {}, {}, {}
        self.person_surnames: set[str] = set()  # last words of the names of persons resolved so far
        # The latest person entity per last word of its name: one lookup instead of a scan of
        # every entity, which made long documents quadratic.
        self.person_by_surname: dict[str, _Entity] = {}
        self.surname_refs: dict[int, bool] = {}  # lone capitalised token -> a full name ending in it comes before
        # tokens followed by a semicolon (a reported clause ends there)
        self.semicolons = {bisect.bisect_right(v.starts, m.start()) - 1 for m in re.finditer(";", v.text)}
        self.entities: dict[str, _Entity] = {}
        self.alias_spans: dict[str, tuple[int, int]] = {}  # acronym -> the tokens of the name it abbreviates
        self.aliases = self._aliases()
        self._type_aliases()
        self.used_cues: set[int] = set()
        # Resolved mentions as (first token, entity), in text order: passes find attributions out
        # of text order (quotations first), so a pronoun looks back by position, not by pass.
        self.mentions: list[tuple[int, _Entity]] = []
        self.person_mentions: list[tuple[int, _Entity]] = []

    # -- token helpers --------------------------------------------------------------------

    def plain_gap(self, k: int) -> bool:
        """Whether the gap after token k has no clause punctuation (a label such as ``(R-Ohio)`` is none)."""
        # The rules ask about the same gaps over and over: each is worked out once per document.
        plain = self.plain_gaps.get(k)
        if plain is None:
            plain = self.plain_gaps[k] = self._plain_gap(k)
        return plain

    def _plain_gap(self, k: int) -> bool:
        g = self.label_gaps.get(k)
        if g is None:
            g = self.v.gap(k)
            if g == " ":  # the usual gap, plain by every test below
                return True
        # A line break before a capitalised word or a blank line ends a heading or a paragraph
        # (one before a lowercase word is hard-wrapped text); a spaced dash ends a dateline.
        broken = "\n" in g and (g.count("\n") > 1 or k + 1 >= len(self.v.words) or self.v.caps[k + 1])
        if not _PUNCT_GAP.search(g) and not broken and not _SPACED_DASH.search(g):
            if "." in g:
                # An abbreviation's period (Gen., U.S.) but not a sentence end.
                w = self.v.words[k]
                return len(w) <= 3 or w in _TITLES or w in _ABBREVIATIONS
            return True
        return False

    def is_verb_use(self, k: int) -> bool:
        """A cue token used as a verb.

        Not a noun (``the claims``, ``a warning``, ``Ruiz's plan``, ``voters' views``; but ``he's
        predicting`` is a verb), nor the participle of a compound modifier (``Iranian-backed``,
        ``much-criticised``).
        """
        words = self.v.words
        if k > 0 and self.v.gap(k - 1) == "-":
            return False
        if self.name_part_cue(k):
            return False
        if k > 0 and words[k - 1].endswith("s") and self.v.gap(k - 1).rstrip() == "'" and self.v.tok_quote[k - 1] < 0:
            return False  # a plural possessive ("voters' views"), not the end of a quotation
        if k > 0 and words[k - 1] in _NOUN_BEFORE and self.plain_gap(k - 1) and not self.relative_that(k):
            return False
        return not (k > 0 and words[k - 1].endswith("'s") and words[k - 1] not in _CONTRACTED_SUBJECTS and self.plain_gap(k - 1))

    def name_part_cue(self, k: int) -> bool:
        """A capitalised cue word inside a name in running text (``Tom Want said``, ``Faith Backs said``).

        Inside a sentence, between a capitalised word and a lowercase one, a capitalised word is
        part of a name: running text does not capitalise verbs, and a title-case headline
        capitalises the word after it too (``Ruiz Backs Plan``) but for short function words
        (``Ruiz Calls for Inquiry``). Before a subject pronoun or ``that`` it opens a clause
        (``Ruiz Says she will stay``).
        """
        v = self.v
        return (
            0 < k < len(v.words) - 1
            and v.caps[k]
            and v.caps[k - 1]
            and k > v.sent_tok[v.tok_sent[k]][0]
            and not v.caps[k + 1]
            and v.words[k + 1] not in _CLAUSE_SUBJECTS
            and v.words[k + 1] not in _TITLE_MINOR
            and self.plain_gap(k - 1)
            and self.plain_gap(k)
        )

    def relative_that(self, k: int) -> bool:
        """Whether the ``that`` before the cue at ``k`` is a relative pronoun, not a determiner.

        ``a message that said``, ``letters that warned``: before a word that is no noun, ``that``
        is the subject of a relative clause; ``that claim`` and the idiom ``That said,`` are not.
        """
        words = self.v.words
        return words[k - 1] == "that" and words[k] not in _NOUN_HOMOGRAPHS and "," not in self.v.gap(k)

    # -- noun phrases ---------------------------------------------------------------------

    def np_before(self, j: int, lo: int) -> tuple[int, int] | None:  # noqa: C901, PLR0912 - one backward scan
        """The noun phrase ending at token ``j`` (inclusive), not before token ``lo``."""
        v = self.v
        words = v.words
        if j < lo or j < 0:
            return None
        if words[j] in _PRONOUNS:
            return (j, j + 1)
        if (words[j] in _BOUNDARY and not self.aux_name(j)) or words[j] in _CONNECTORS:
            return None
        start = j
        k = j
        lowers = 0
        while k >= lo:
            w = words[k]
            if k < j and not self.plain_gap(k) and not self.joint_name(k):
                break
            if w == "in" and k + 1 <= j and k - 1 >= lo and _numeric(words[k - 1]) and _numeric(words[k + 1]):
                k -= 1  # "six in 10", "4 in 10"
                continue
            if w in _BOUNDARY and not self.aux_name(k):
                break
            if k in self.anon_rev and self.anon_rev[k] >= lo:
                start = min(start, self.anon_rev[k])
                k = start - 1
                continue
            if k - 1 >= lo and self.determiner_in_name(k):
                start = k  # a capitalised determiner inside a name: "Save Our River", "Stand Up For Our Town"
                k -= 1
                continue
            if w in _DETERMINERS:
                start = k
                if k - 1 >= lo and v.gap(k - 1) == "-" and (_numeric(words[k - 1]) or words[k - 1] in _TENS):
                    start = k - 1  # "thirty-nine percent": the number word is one compound
                elif w in _NUMBER_WORDS and k - 1 >= lo and words[k - 1] in _DEFINITE and self.plain_gap(k - 1):
                    start = k - 1  # "the two candidates", "their three children"
                break
            if w == "and":
                if k - 1 >= lo and v.caps[k - 1] and v.caps[k + 1]:
                    k -= 1
                    continue
                break
            if v.caps[k] or w in _CONNECTORS or w.isdigit():
                start = k
            else:
                lowers += 1
                if lowers > _MAX_LOWER_IN_NP:
                    break
                start = k
            if j - k + 1 >= _MAX_SOURCE_TOKENS:
                break
            k -= 1
        # Trim leading connectors and sentence adverbs.
        while start < j and (
            words[start] in _CONNECTORS
            or words[start] in _FOCUS
            or words[start] == "and"
            or (words[start] in _SENTENCE_ADVERBS and v.caps[start])
        ):
            start += 1  # (a focus particle is no part of the phrase: "even his allies", "Perhaps young voters")
        return (start, j + 1)

    def aux_name(self, k: int) -> bool:
        """Token ``k`` is a modal capitalised inside its sentence, so a name (``Theresa May``, ``George Will``).

        Not in a title-case headline, where the next word is capitalised too (``Ruiz Will Say``).
        """
        v = self.v
        return v.words[k] in _AUX_NAMES and v.caps[k] and k > v.sent_tok[v.tok_sent[k]][0] and k + 1 < len(v.words) and not v.caps[k + 1]

    def possessive(self, k: int) -> bool:
        """Whether token ``k`` is a possessive (``Germany's``, or a plural's bare apostrophe: ``Sanders' aide``)."""
        w = self.v.words[k]
        return w.endswith("'s") or (w.endswith("s") and self.v.gap(k).startswith("' "))

    def joint_name(self, k: int) -> bool:
        """Whether a slash or an ampersand after token ``k`` joins two names into one.

        ``CNN/ORC``, ``Reuters/Ipsos``, ``Baxter & Cole``, ``AT&T``: both sides capitalised, so a
        company named after its partners stays one name in the subject scan.
        """
        v = self.v
        return k + 1 < len(v.words) and v.gap(k).strip(" ") in {"/", "&"} and v.caps[k] and v.caps[k + 1]

    def np_after(self, k: int, hi: int, *, appositive: bool) -> tuple[int, int] | None:  # noqa: C901 - one forward scan
        """The noun phrase starting at token ``k``, ending before token ``hi``."""
        v = self.v
        words = v.words
        if k >= hi:
            return None
        if words[k] in _PRONOUNS:
            return (k, k + 1)
        if words[k] in _BOUNDARY:
            return None
        end = k
        lowers = 0
        j = k
        while j < hi:
            w = words[j]
            if j > k and (w in _BOUNDARY or (w in _DETERMINERS and words[j - 1] not in _CONNECTORS)):
                break
            if j > k and not v.caps[j] and (w.endswith("ed") or w in _PAST_IRREGULAR) and "-" not in v.gap(j - 1):
                break  # a verb: "the group issued a statement", "the senator kept to policy"
            if (
                j > k
                and "-" not in v.gap(j - 1)
                and (w in _FINITE_AUX or w in _PREDICATE_ADVERBS or (self.adverb(j) and words[j - 1] not in _DETERMINERS))
            ):
                break  # the predicate starts: "Chief Lee later spoke", "X quickly" (but "an early tweet", "a deeply divided party")
            if not (v.caps[j] or w in _CONNECTORS or w in _DETERMINERS or w.isdigit() or w == "and"):
                lowers += 1
                if lowers > _MAX_LOWER_IN_NP:
                    break
            end = j + 1
            if not self.plain_gap(j) or end - k >= _MAX_SOURCE_TOKENS:
                break
            j += 1
        while end > k + 1 and words[end - 1] in _CONNECTORS | {"and"}:
            end -= 1
        end = self.relation_right(k, end, hi)
        if appositive:
            end = self.appositive_end(k, self.past_age(end, hi), hi)
        return (k, end)

    def appositive_end(self, k: int, end: int, hi: int) -> int:
        """The end of a noun phrase from ``k`` to ``end`` with the appositive after its comma (``X, a spokesman for Y``).

        No appositive opens with a capitalised word (another name), a number, a relative clause
        of saying or a participle aside, and a run that holds a clause is none (``said X, Y's
        aide, said that ...``).
        """
        v = self.v
        words = v.words
        post = end < hi and words[end] in _LINK_PREPOSITIONS and self.plain_gap(end - 1)
        if post and (words[end - 1] in _POSTNOMINAL or (words[end] == "with" and end + 1 < hi and words[end + 1] in _KNOWLEDGE)):
            j = end  # "said one official familiar with the talks", "said a person with knowledge of the case"
            while j < hi and self.plain_gap(j) and j - k < 2 * _MAX_SOURCE_TOKENS:
                j += 1
            return min(j + 1, hi)
        if end < hi and words[end] == "who" and self.plain_gap(end - 1):
            j = end  # "said a Mexican official who was not authorized to speak": a restrictive relative clause
            while j < hi and self.plain_gap(j) and j - k < 2 * _MAX_SOURCE_TOKENS:
                j += 1
            if j + 1 >= v.sent_tok[v.tok_sent[end]][1] and j - k < 2 * _MAX_SOURCE_TOKENS:
                return min(j + 1, hi)  # (only when the clause ends the sentence: no predicate follows)
        named = self.name_after_role(k, end, hi)
        if named is not None:
            return named
        opens_appositive = (
            end < hi
            and not words[end].isdigit()
            and (
                words[end] in _DETERMINERS
                or not v.caps[end]
                or self.possessive(end)
                or (words[end] in {"r", "d", "i"} and v.gap(end).strip() == "-")
            )
        )
        if not opens_appositive or "," not in v.gap(end - 1) or self.reporting_relative(end, hi) or self.participle_aside(end):
            return end
        if words[end] in _ASIDE_PREPOSITIONS:
            return end  # "said X, in a statement": an adverbial of the verb
        j = end
        while j < hi and self.plain_gap(j) and j - k < 2 * _MAX_SOURCE_TOKENS:
            j += 1
        return end if self.finite_clause(end, min(j + 1, hi)) else min(j + 1, hi)

    def name_after_role(self, k: int, end: int, hi: int) -> int | None:
        """The end of a personal name in apposition to an unnamed role from ``k`` to ``end``, or ``None``.

        ``said its chair, Leo Fischer.``: a lowercase role followed, after a comma, by a name of
        at least two words that ends the clause (or another comma) makes one speaker with it.
        """
        v = self.v
        words = v.words
        if end >= hi or not v.caps[end] or "," not in v.gap(end - 1) or any(v.caps[i] for i in range(k, end)):
            return None
        j = end
        while j < hi and (v.caps[j] or words[j] in _CONNECTORS) and (j == end or self.plain_gap(j - 1)):
            j += 1
        if j - end >= 2 and _personal_run(words[end:j]) and (j == hi or "," in v.gap(j - 1)) and self.plain_gap(j - 2):
            return j
        return None

    def past_age(self, end: int, hi: int) -> int:
        """The end of a name ending before token ``end`` with the age set off by commas after it.

        ``said Ana Ruiz, 32, a teacher``: the age joins the name, and an appositive may follow it.
        """
        v = self.v
        w = v.words[end] if end + 1 < hi else ""
        if w.isdigit() and len(w) <= 3 and "," in v.gap(end - 1) and "," in v.gap(end):
            return end + 1
        return end

    def source_before_cue(self, c: int, lo: int) -> tuple[int, int] | None:
        """The subject of the cue at token ``c``: skips auxiliaries and adverbs, takes appositives."""
        v = self.v
        words = v.words
        j = c - 1
        while (
            j >= lo
            and self.plain_gap(j)
            and (words[j] in _SUBJECT_SKIP or self.adverb(j) or self.perfect_since(j, lo))
            and not self.aux_name(j)  # "Theresa May said"
        ):
            j -= 1
        if j < lo:
            return None
        j = self.past_floating(j, lo)
        w = words[j]
        if w in _CONTRACTED_SUBJECTS or (
            w in _RELATIVE_SUBJECTS and j - 1 >= lo and words[j - 1] not in _CUE_AUX and (j - 1) not in self.verbs and self.plain_gap(j)
        ):
            # "he's predicting", "they've argued"; "X, who said ...", "groups that have endorsed
            # him": the relative pronoun is the subject (entity() resolves it to X); not the
            # "that" of "said that".
            return (j, j + 1)
        if w in {"and", "but", "then"} and self.plain_gap(j):
            return self.clause_subject(lo, j)
        gap = v.gap(j)
        if ("," in gap and w not in _PRONOUNS) or ("," not in gap and _SPACED_DASH.search(gap)):
            return self.appositive_subject(j, lo) if "," in gap else self.dash_aside_subject(j, lo)
        percent = _numeric(w) and v.gap(j).strip() == "%"  # "47% say"
        if not self.plain_gap(j) and not percent:
            return None
        span = self.np_before(j, lo)
        return None if span is None else self.relative_head(self.serial_list(self.quantity_left(self.extend_left(span, lo), lo), lo), lo)

    def past_floating(self, j: int, lo: int) -> int:
        """The last token of the subject before a floating quantifier at ``j`` (``X and Y have both said``), else ``j``.

        A quantifier floats after the noun phrase it quantifies (``the ministers all urged``);
        with no noun phrase before it, it is the subject itself (``Both said``).
        """
        words = self.v.words
        if words[j] not in _FLOATING:
            return j
        k = j - 1
        while k >= lo and self.plain_gap(k) and words[k] in _SUBJECT_SKIP:
            k -= 1  # "have both urged"
        if k >= lo and self.plain_gap(k) and words[k] not in _BOUNDARY and words[k] not in _SENTENCE_ADVERBS:
            return k
        return j

    def perfect_since(self, j: int, lo: int) -> bool:
        """Whether token ``j`` is the adverb ``since`` after a perfect auxiliary (``has since said``)."""
        words = self.v.words
        return words[j] == "since" and j - 1 >= lo and words[j - 1] in {"has", "have", "had"} and self.plain_gap(j - 1)

    def relative_head(self, span: tuple[int, int], lo: int) -> tuple[int, int]:
        """A subject that ends a restrictive relative clause, grown to the noun the clause restricts.

        ``Democrats in Iowa who watched the debate said``: the phrase before the verb is the
        object of the clause opened by ``who`` (no comma before it, a verb after it), and the
        subject is the head with its clause. Only a phrase that is already a plausible speaker
        grows (the rule moves a boundary, it finds no new attribution); the look-back is bounded
        by :data:`_MAX_SOURCE_TOKENS` tokens.
        """
        v = self.v
        words = v.words
        a, b = span
        k = a - 1
        floor = max(lo, a - _MAX_SOURCE_TOKENS)
        while k > floor and words[k] != "who" and self.plain_gap(k):
            k -= 1
        if k <= floor or words[k] != "who" or not self.plain_gap(k) or not self.plain_gap(k - 1) or not self.plausible_source(a, b):
            return span
        nxt = words[k + 1]
        if nxt in _DETERMINERS or nxt in _PRONOUNS or v.caps[k + 1] or (k - 1) in self.verbs:
            return span  # "knows who the mayor backs": an interrogative, not a relative
        head = self.np_before(k - 1, lo)
        if head is None or not self.plausible_source(*head):
            return span
        head = self.quantity_left(self.extend_left(head, lo), lo)
        return (head[0], b) if b - head[0] <= 2 * _MAX_SOURCE_TOKENS else span

    def quantity_left(self, span: tuple[int, int], lo: int) -> tuple[int, int]:
        """A quantity subject with the approximation before it (``about 4 in 10``, ``more than 60%``)."""
        a, b = span
        words = self.v.words
        if not (_numeric(words[a]) or (words[a] == "a" and a + 1 < b and words[a + 1] in _ROUND_QUANTITIES)):
            return span
        if a - 1 >= lo and words[a - 1] in _APPROXIMATORS and self.plain_gap(a - 1):
            return (a - 1, b)
        if a - 2 >= lo and (words[a - 2], words[a - 1]) in _APPROXIMATE_PAIRS and self.plain_gap(a - 2) and self.plain_gap(a - 1):
            return (a - 2, b)
        return span

    def dash_aside_subject(self, j: int, lo: int) -> tuple[int, int] | None:
        """``X -- a teacher from Y -- says``: the subject with an aside set off by dashes.

        The aside ends at token ``j`` (a spaced dash after it); the subject is the noun phrase
        before the opening dash with the aside when the aside describes it (``X -- a teacher
        from Y --``, ``the scholars -- Mr. Tribe and Ms. Epstein --``), without it when the aside
        is a clause, a relative clause or an adverbial (``X -- who has run the port --``, ``X --
        speaking at the quay --``, ``X -- in a rare interview --``).
        """
        v = self.v
        m = j - 1
        floor = max(lo, j - 2 * _MAX_SOURCE_TOKENS)
        while m >= floor and not _SPACED_DASH.search(v.gap(m)):
            g = v.gap(m)
            if any(ch in g for ch in ";:!?") or ("." in g and not self.plain_gap(m)):
                return None  # (the period of a title or initial stays inside: "- Mr. Tribe and Ms. Epstein -")
            m -= 1
        if m < floor:
            return None
        head = self.np_before(m, lo)
        if head is None or not self.plausible_source(*head):
            return None
        a = self.extend_left(head, lo)[0]
        w = self.v.words[m + 1]
        adverbial = w in _BOUNDARY or (not self.v.caps[m + 1] and w.endswith(("ed", "ing")) and w not in _ING_MODIFIERS)
        return (a, head[1]) if adverbial or self.finite_clause(m + 1, j + 1) else (a, j + 1)

    def extend_left(self, span: tuple[int, int], lo: int) -> tuple[int, int]:
        """Grow a subject leftwards over post-modifiers and coordination.

        ``the leader of the party``, ``one of the aides``, ``Democrats in Congress``, ``voters in
        Iowa`` (a preposition other than ``of`` needs a capitalised, plural or quantifier head
        before it) and ``Dr. Osei and her colleagues`` (only when the left conjunct opens the
        clause, so that ``Lee won in Ohio and Ruiz said`` stays ``Ruiz``), and two roles of one
        named person (``Former prosecutor and Mayor Tom Lee``).
        """
        v = self.v
        words = v.words
        a, b = span
        while a - 2 >= lo and self.plain_gap(a - 1) and self.plain_gap(a - 2):
            p, w = words[a - 1], words[a - 2]
            if p == "and" and (w in _SUBJECT_PRONOUNS or not v.caps[a - 2]):
                conjunct = self.lowercase_conjunct(a - 2, b, lo)
                if conjunct is None:
                    conjunct = self.role_conjunct(a - 2, b, lo)  # (token 0 is a start, so no "or")
                return (a if conjunct is None else conjunct, b)
            if w in _BOUNDARY or w in _PRONOUNS:
                break
            head_like = (
                v.caps[a - 2]
                or w in _DETERMINERS
                or w in _QUANTITY_HEADS
                or (w.endswith("s") and not w.endswith("ss"))
                or (a - 3 >= lo and words[a - 3] in _DETERMINERS and self.plain_gap(a - 3))  # "the government in Riyadh"
                or self.determined_head(a - 2, lo)  # "an earlier report in ..."
            )
            # A post-modifier with "to", "by" or after a modifier ("aides to the mayor", "a study
            # by X", "polls conducted by X", "a source close to X", "people familiar with X").
            agent = self.agent_head(a, b, lo) if p == "by" and self.link_object(p, a) else None
            if agent is not None:
                a = agent
                continue
            linked = self.linked(p, a, head_like=head_like)
            if not (p == "of" or (p in _NP_PREPOSITIONS and head_like) or linked or (p == "and" and v.caps[a - 2])):
                break
            left = self.np_before(a - 2, lo)
            if left is None or b - left[0] > _MAX_SOURCE_TOKENS or (linked and not self.linked_head(left[0], a)):
                break
            start = self.correlative(left[0], lo) if p == "and" else left[0]
            if p == "and" and start > lo and self.plain_gap(start - 1):
                break
            a = start
        return (self.relation_left(a, lo), b)

    def relation_end(self, h: int, hi: int) -> int | None:
        """The end of the relation after the head ``h`` of an unnamed person, if one follows it.

        ``aide to`` | ``source close to`` | ``people familiar with`` | ``person with knowledge
        of``: the token after the preposition, which opens the phrase for whom or what the
        person stands (never past ``hi``); ``None`` when no relation follows the head.
        """
        words = self.v.words
        if words[h] not in _RELATION_HEADS:
            return None
        if h + 1 < hi and words[h] in _RELATION_TO_HEADS and words[h + 1] == "to" and self.plain_gap(h):
            return h + 2
        if h + 2 < hi and (words[h + 1], words[h + 2]) in _RELATION_LINKS and self.plain_gap(h) and self.plain_gap(h + 1):
            return h + 3
        if h + 3 < hi and words[h + 1 : h + 4] == ["with", "knowledge", "of"] and all(self.plain_gap(i) for i in range(h, h + 3)):
            return h + 4
        return None

    def relation_right(self, k: int, end: int, hi: int) -> int:
        """The end of a phrase [k, end) grown rightwards over the relation of an unnamed person.

        ``said an aide`` | ``to Governor Ana Ruiz``, ``said a source close to`` | ``the
        mayor``: a phrase that ends at (or inside) the relation after its head (see
        :meth:`relation_end`) takes the noun phrase the relation names; otherwise ``end``.
        """
        for h in range(max(k, end - 3), end):
            r = self.relation_end(h, hi)
            if r is not None and r >= end:
                tail = self.np_after(r, hi, appositive=False)
                return end if tail is None else tail[1]
        return end

    def relation_left(self, a: int, lo: int) -> int:
        """The start of a subject grown leftwards over the unnamed person it is related to.

        ``An aide to`` | ``Senator Ana Ruiz``, ``A source close to`` | ``the mayor``: the subject
        found before the verb is the person's principal; the speaker is the unnamed person.
        """
        words = self.v.words
        for h in range(a - 2, max(lo, a - 5) - 1, -1):
            if not self.plain_gap(h) or words[h] in _BOUNDARY:
                break
            if self.relation_end(h, a + 1) == a:
                head = self.np_before(h, lo)
                return a if head is None else head[0]
        return a

    def determined_head(self, j: int, lo: int) -> bool:
        """Whether token ``j`` ends a noun phrase that opens with a determiner and holds no verb (``the Republican nominee``)."""
        left = self.np_before(j, lo)
        return left is not None and left[0] < j and self.v.words[left[0]] in _DETERMINERS and self.noun_phrase(left[0], j + 1)

    def linked(self, p: str, a: int, *, head_like: bool) -> bool:
        """Whether the preposition ``p`` before token ``a`` joins its object to the word before it in one subject.

        After a role noun (``aides to the mayor``), after a post-nominal modifier (``close to``,
        ``familiar with``) or, for ``by``, after a common noun head (``a study by X``; not
        ``Tuesday by X``).
        """
        words = self.v.words
        w = words[a - 2]
        return self.link_object(p, a) and (
            (p == "to" and (w in _TO_HEADS or w in _POSTNOMINAL))
            or (p == "by" and head_like and not self.v.caps[a - 2] and w not in _TIME)
            or (p in _LINK_PREPOSITIONS and w in _POSTNOMINAL)
        )

    def linked_head(self, start: int, a: int) -> bool:
        """Whether tokens from ``start`` to the preposition before ``a`` are a noun phrase that a post-modifier can follow.

        A post-nominal modifier needs a noun head before it (``people familiar with``; not ``He
        was familiar with``), and a noun before ``to`` or ``by`` must not end a clause
        (``Clinton leads Sanders by ...``).
        """
        if self.v.words[a - 2] in _POSTNOMINAL:
            return start < a - 2 and self.noun_phrase(start, a - 2)
        return self.noun_phrase(start, a - 1)

    def agent_head(self, a: int, b: int, lo: int) -> int | None:
        """The start of the noun phrase a participle with the agent from token ``a`` post-modifies.

        ``polls conducted by X``, ``a study being released on Tuesday by X``: the participle
        (after ``being`` or ``been``, before a time adverbial) needs a noun phrase with no verb
        before it (``was endorsed by X`` has none).
        """
        v = self.v
        words = v.words
        m = a - 2
        while m > lo and words[m] in _TIME and self.plain_gap(m - 1):
            m -= 1
        w = words[m]
        if v.caps[m] or not (w.endswith("ed") or w in _IRREGULAR_PARTICIPLES) or not self.plain_gap(m):
            return None
        h = m - 1
        while h >= lo and words[h] in {"being", "been", "newly", "recently", "first", "jointly"} and self.plain_gap(h):
            h -= 1
        if h < lo or not self.plain_gap(h):
            return None
        left = self.np_before(h, lo)
        if left is None or b - left[0] > _MAX_SOURCE_TOKENS or not self.noun_phrase(left[0], h + 1):
            return None
        return left[0]

    def opens_clause(self, k: int, lo: int) -> bool:
        """Whether token ``k`` opens a clause: at ``lo``, after punctuation or after a subordinator (``but``, ``while``, ``where``)."""
        return k <= lo or not self.plain_gap(k - 1) or self.v.words[k - 1] in _SUBORDINATORS

    def role_conjunct(self, j: int, b: int, lo: int) -> int | None:
        """The start of a role coordinated with the role before a name (one person), the left conjunct ending at ``j``.

        ``Real estate mogul and reality television star Ana Ruiz``, ``Former prosecutor and
        Mayor Tom Lee``: the left conjunct is a bare role (no determiner, no verb) that opens
        the clause, and the phrase ends in a capitalised name.
        """
        v = self.v
        words = v.words
        if not v.caps[b - 1] or v.caps[j] or "-" in v.gap(j):
            return None  # ("warm-and-fuzzy Trump" is one modifier)
        left = self.np_before(j, lo)
        if left is None or not self.opens_clause(left[0], lo):
            return None
        for i in range(left[0], j + 1):
            w = words[i]
            if w in _DETERMINERS or w in _PRONOUNS or i in self.verbs or self.adverb(i) or (not v.caps[i] and w.endswith(("ed", "s"))):
                return None  # a verb ("Lee's bill passed and ..."), a plural or a determined phrase is no bare role
        return left[0]

    def noun_phrase(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) read as a plausible speaker with no verb or adverb inside (no clause)."""
        words = self.v.words
        for i in range(a, b):
            w = words[i]
            if w in _PRONOUNS:
                return False
            if i > a and not self.v.caps[i] and (w.endswith("ed") or w in _PAST_IRREGULAR or i in self.verbs or self.adverb(i)):
                return False  # a verb or an adverb: a clause
        return self.plausible_source(a, b)

    def link_object(self, p: str, a: int) -> bool:
        """Whether token ``a`` opens the object of the preposition ``p`` before it, not an infinitive or a margin.

        After ``to`` a noun phrase opens with a determiner, a capital or a possessive (``aides to
        the mayor``; not ``to dismiss cases``); after ``by`` not with a number (``leads by 271``).
        """
        words = self.v.words
        if p == "to":
            return words[a] in _DETERMINERS or self.v.caps[a] or words[a].endswith("'s")
        return not (p == "by" and _numeric(words[a]))

    def serial_list(self, span: tuple[int, int], lo: int) -> tuple[int, int]:
        """A coordinated subject grown leftwards over the items of its list (``Ana Ruiz, Tom Lee and their aides``).

        The span must be a coordination (``X and Y``) with a comma before it, or follow ``, and``
        (``Ana Ruiz, Tom Lee, and their aides``); every item before it is a short noun phrase
        with no verb, set off by a comma, and the first opens the clause. A time word, a sentence
        adverb or a prepositional phrase before the comma is an adverbial, not an item
        (``Yesterday, Ruiz and Lee said``, ``In Tarn, Ruiz and Lee said``).
        """
        v = self.v
        words = v.words
        a, b = span
        if words[a] in _PRONOUNS:
            return span  # "Mrs. Clinton won, and he said"
        if a - 2 >= lo and words[a - 1] == "and" and v.gap(a - 2) == ", " and self.plain_gap(a - 1):
            k = a - 2  # "X, Y, and Z": the item before the serial comma
        elif "," in v.gap(a - 1) and v.gap(a - 1).strip() == "," and any(words[i] == "and" for i in range(a + 1, b - 1)):
            k = a - 1
        else:
            return span
        for _ in range(_MAX_LIST_ITEMS):
            item = self.np_before(k, lo)
            if item is None or not self.list_item(*item):
                return span
            start = item[0]
            if start - 1 >= lo and v.gap(start - 1) == ", ":
                k = start - 1
                continue
            return (start, b) if self.opens_clause(start, lo) and b - start <= 2 * _MAX_SOURCE_TOKENS else span
        return span

    def list_item(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) can be an item of a list of speakers: a name, or a lowercase noun phrase.

        A name is capitalised throughout; a common noun phrase opens with a determiner, a
        possessive or a lowercase word and has no lowercase word after a capitalised one (``the
        Berlin Wall fell``, ``include China`` are clauses). A time word, a sentence adverb or an
        ordinal is an adverbial (``Yesterday,``, ``First,``).
        """
        v = self.v
        words = v.words
        if b - a > _MAX_LIST_ITEM_TOKENS or not self.noun_phrase(a, b):
            return False
        if all(words[i] in _TIME or words[i] in _SENTENCE_ADVERBS or words[i] in _ORDINALS or self.adverb(i) for i in range(a, b)):
            return False
        lower_start = not v.caps[a] or words[a] in _DETERMINERS or v.sent_tok[v.tok_sent[a]][0] == a  # ("Farm unions")
        capital = False
        for i in range(a, b):
            if v.caps[i] and not (i == a and lower_start):
                capital = True
            elif capital and words[i] not in _CONNECTORS:
                return False
        return capital or lower_start or words[a].endswith("'s")

    def correlative(self, start: int, lo: int) -> int:
        """The start of a left conjunct with the ``both``/``either`` before it (``Both the board and ...``)."""
        if start - 1 >= lo and self.v.words[start - 1] in {"both", "either"} and self.plain_gap(start - 1):
            return start - 1
        return start

    def lowercase_conjunct(self, j: int, b: int, lo: int) -> int | None:
        """The start of the left conjunct ending at token ``j`` of a coordinated subject ending before ``b``.

        ``she and another reporter said``, ``doctors and medical experts warned``, ``his campaign
        and much of the media say``: a subject pronoun, or a lowercase noun phrase that opens with
        a determiner or ends in a plural, when it opens its clause (at a clause boundary or after
        a subordinating conjunction: ``while doctors and ...``) and the verb after the subject is
        not singular (``Lee's bill passed and Ruiz says`` keeps ``Ruiz``).
        """
        v = self.v
        words = v.words
        k = b
        while k < len(words) - 1 and self.adverb(k):
            k += 1
        if k < len(words) and (words[k] in _SINGULAR_VERBS or (k in self.verbs and words[k].endswith("s") and not words[k].endswith("ss"))):
            return None
        w = words[j]
        if w in _SUBJECT_PRONOUNS:
            start = j
        else:
            left = self.np_before(j, lo)
            if left is None:
                return None
            start = left[0]
            if not (words[start] in _DETERMINERS or (w.endswith("s") and not w.endswith("ss"))):
                return None
            if any(words[i] in _PRONOUNS or i in self.verbs for i in range(start, j + 1)):
                return None
            start = self.correlative(start, lo)
        if start > lo and self.plain_gap(start - 1) and words[start - 1] not in _SUBORDINATORS:
            return None
        return start

    def appositive_subject(self, j: int, lo: int) -> tuple[int, int] | None:
        """``X, a spokesman for Y,`` / ``X, 35,`` / ``X, 35, the daughter of Y,`` ending at token ``j``.

        A name in apposition to a role before it (``the director of the trust, Ina Kirsch,``,
        ``Duarte's campaign manager, Jon Weller,``, ``Two objectors, Ana Ruiz and Tom Lee,``)
        makes one subject with it; a run between the
        commas that holds a reporting verb of its own is a clause, not an appositive.
        """
        v = self.v
        words = v.words
        k = j
        while k - 1 >= lo and (self.plain_gap(k - 1) or self.joint_name(k - 1)):
            k -= 1
        opens = (
            words[k] in _DETERMINERS
            or not v.caps[k]
            or words[k] in _TITLES
            or self.possessive(k)  # "X, Germany's largest bank, said", "X, Sanders' campaign manager, said"
            or (words[k] in {"r", "d", "i"} and k + 1 <= j and v.gap(k).strip() == "-")  # "X, R-Ky., said"
        )
        named = not opens and all(
            v.caps[i] or words[i] in _CONNECTORS or (words[i] == "and" and k < i < j and v.caps[i + 1]) for i in range(k, j + 1)
        )  # (two names count: "the two candidates, Ana Ruiz and Tom Lee,")
        if named and k - 1 >= lo and "," in v.gap(k - 1):
            # "The director of the centre, Ina Kirsch, said": a name in apposition to a role.
            role = self.np_before(k - 1, lo)
            # (the role may end in a capital when a lowercase word shows it is no name: "the two
            # leading Republicans, Ana Ruiz and Tom Lee,"; "Ana Ruiz, Tom Lee" are two names)
            common = role is not None and (not v.caps[k - 1] or any(not v.caps[i] for i in range(role[0] + 1, k - 1)))
            if role is not None and common and (words[role[0]] in _DETERMINERS or words[role[0]].endswith("'s")):
                return (self.extend_left(role, lo)[0], j + 1)
        if k - 1 >= lo and "," in v.gap(k - 1) and opens:
            if self.finite_clause(k, j + 1):
                return None  # "On Tuesday, the company said it would ..., warning": a clause, no appositive
            h = k - 1
            if words[h].isdigit() and h - 1 >= lo and "," in v.gap(h - 1):
                h -= 1  # an age before the appositive
            head = self.np_before(h, lo)
            if head is not None and words[head[0]] in _DETERMINERS:
                head = self.extend_left(head, lo)  # "A teenager on a bike, who ...": the head is the first noun
            start = None if head is None else self.named_before_role(head, lo)
            if head is not None and start is not None and (start < head[0] or v.caps[head[0]] or words[head[0]] in _DETERMINERS):
                start = self.relation_left(start, lo)  # "An aide to | Senator Ana Ruiz, who ..."
                aside = self.reporting_relative(k, j + 1) or self.participle_aside(k) or words[k] in _ASIDE_PREPOSITIONS
                return (start, head[1]) if aside else (start, j + 1)
        return None

    def named_before_role(self, head: tuple[int, int], lo: int) -> int:
        """The start of a subject whose appositive holds a second one: ``Ana Ruiz, director of Tarn Aid, a charity, said``.

        The role before the last appositive (``director of Tarn Aid``, with its post-modifiers)
        follows a name set off by a comma that opens the clause; else the head starts where it
        did. A time word or a preposition is no name (``On Tuesday, the head of X, a charity,``).
        """
        v = self.v
        words = v.words
        role = self.extend_left(head, lo)
        k = role[0] - 1
        party = words[role[0]] in {"r", "d", "i"} and v.gap(role[0]).strip() == "-"  # "Ana Ruiz, R-Ohio, a senator,"
        if k < lo or v.gap(k).strip() != "," or (v.caps[role[0]] and not party):
            return head[0]
        name = k
        while name - 1 >= lo and self.plain_gap(name - 1) and k - name < _MAX_HEADLINE_NAME:
            name -= 1
        named = all(v.caps[i] and words[i] not in _TIME and words[i] not in _BOUNDARY for i in range(name, k + 1))
        return name if named and self.opens_clause(name, lo) else head[0]

    def participle_aside(self, k: int) -> bool:
        """Whether the run set off by a comma at token ``k`` is a participle phrase about the act of speaking.

        ``X, speaking at a rally, said``, ``said X, referring to the vote`` and ``X, during the
        debate, said``: the phrase tells how or when the speaker spoke and is no part of the
        speaker's description (``including`` opens a list of members, which is, and ``managing
        director`` is a role).
        """
        w = self.v.words[k]
        if self.v.caps[k] or w in _ING_MODIFIERS:
            return False
        return w == "during" or (w.endswith("ing") and len(w) > 5)

    def reporting_relative(self, k: int, end: int) -> bool:
        """Whether the clause opened by the ``who`` at token ``k`` (ending before ``end``) reports speech.

        ``X, who said last week that ...,`` or ``X, who spoke on condition of anonymity,``: a verb
        of saying (not of stance or with a target) or an anonymity marker makes the clause an
        attribution of its own or a note on the sourcing, not a description of the speaker, and
        it stays out of the source span (``X, who teaches law at Tarn,`` and ``X, who endorsed
        Y,`` stay in).
        """
        words = self.v.words
        if words[k] != "who":
            return False
        i = k + 1
        while i < end and (words[i] in _CUE_AUX or self.adverb(i)):
            i += 1
        if i >= end:
            return False
        if any(t in self.anon_starts for t in range(k, i + 1)):
            return True
        verb = self.verbs.get(i)
        if verb is None or verb.category == "cognitive" or not self.is_verb_use(i):
            return False
        return self.s.lemma(words[i : verb.end]) not in _TARGET_VERBS

    def finite_clause(self, k: int, end: int) -> bool:
        """Whether tokens ``k`` to ``end`` hold a clause of their own, not inside a relative clause.

        A reporting verb, a finite auxiliary or a subject pronoun makes a clause (``..., some
        offices would be closed, said X``: the content before an inverted speaker, no appositive).
        """
        words = self.v.words
        for i in range(k, end):
            w = words[i]
            if w in _RELATIVE_SUBJECTS or w == "whose":
                return False
            if i in self.verbs and (i > k or not w.endswith("ing")) and self.is_verb_use(i) and not self.cue_noun(i):
                return True  # (a run that opens with a finite reporting verb is a predicate: "X, Y's aide, said that ...")
            if i == k and w.endswith("ed") and not self.v.caps[i] and i + 1 < end:
                nxt = words[i + 1]
                if nxt in _DETERMINERS or nxt in _GOVERNED or self.v.caps[i + 1]:
                    return True  # a past tense with its object: "X, a former chairman, poked at Y, ..."
            if w in _FINITE_AUX or (w in _SUBJECT_PRONOUNS and not (i in self.label_tokens or self.v.gap(i).strip() == "-")):
                return True  # (the "I" of "(I-Vt.)" or "I-Vt." is no pronoun)
        return False

    def cue_noun(self, i: int) -> bool:
        """Whether the cue word at ``i`` is a noun: in a name, a noun homograph or a base form after a modifier.

        ``Tarn Research``, ``his plan``, ``a talk show host``.
        """
        w = self.v.words[i]
        return self.v.caps[i] or w in _NOUN_HOMOGRAPHS or (self.s.lemma([w]) == w and self.modified_base_form(i))

    def modified_base_form(self, c: int) -> bool:
        """A base-form homograph (``support``, ``plan``, ``call``) after a lowercase modifier.

        A verb's base form follows a modal, ``to``, a pronoun, an adverb or a plural subject;
        after any other lowercase word (``broad support``, ``a ceasefire call``, ``independent
        support to win``) or a capitalised singular (``Democratic support``) it is a noun.
        """
        v = self.v
        words = v.words
        w = words[c]
        if c == 0 or w.endswith(("s", "ing")) or not self.plain_gap(c - 1):
            return False
        p = words[c - 1]
        if self.quantifier_subject(c):
            return False  # "Many fear ...", "but some support the plan": the quantifier is the subject
        nxt = words[c + 1] if c + 1 < len(words) and self.plain_gap(c) else ""
        if w in _PAST_AS_BASE and (nxt in _DETERMINERS or nxt == "that"):
            return False  # "the coach forecast a longer absence": a past tense needs no auxiliary
        if v.caps[c - 1]:  # "Democratic support", "Iowa support"; but "Democrats support", "I support"
            return not (p.endswith("s") or p in _PRONOUNS or p in _CONTRACTED_SUBJECTS)
        return not (
            p in _BASE_VERB_BEFORE
            or p in _CONTRACTED_SUBJECTS
            or (p.endswith("s") and not p.endswith(("ous", "ss", "us", "is")))  # a plural subject, not "ambitious"
            or p.endswith("n't")
            or self.adverb(c - 1)
            or (c - 1) in self.verbs
        )

    def quantifier_subject(self, c: int) -> bool:
        """Whether the base-form homograph at ``c`` follows a quantifier that is its subject.

        ``many``, ``few``, ``several`` and ``both`` modify no singular noun (``Many fear the vote
        will fail``); ``some``, ``most`` and ``all`` also modify a mass noun (``some support for
        the plan``, ``there is some fear that``), so they count only when they open their clause
        and the homograph is not followed by a preposition.
        """
        v = self.v
        words = v.words
        p = words[c - 1]
        if p in _PLURAL_QUANTIFIERS:
            return True
        if p not in _OPEN_QUANTIFIERS:
            return False
        nxt = words[c + 1] if c + 1 < len(words) and self.plain_gap(c) else ""
        opens = c - 1 == v.sent_tok[v.tok_sent[c - 1]][0] or (self.plain_gap(c - 2) and words[c - 2] in _CLAUSE_LINKS)
        return opens and nxt not in _NOUN_FOLLOWERS and nxt not in _NP_PREPOSITIONS and nxt not in {"of", "among"}

    def noun_use(self, c: int) -> bool:  # noqa: PLR0911 - one answer per sign
        """Whether the cue word at token ``c`` (one that is also a common noun) is used as a noun.

        A preposition or a form of *have* right before it (``amid claims that``, ``has plans
        for``) or ``by`` right after it (``claims by the trade``) make it a noun. Otherwise two
        signs: a lowercase singular modifier before it and a finite auxiliary after it (``her
        tax plan would``, ``the opening remarks were``; but ``a tactic the farmers hope will work``
        is a verb), or a determiner or possessive with one or two lowercase singular modifiers
        before it and no ``to`` or ``that`` after it (``his immigration plan``, ``Ruiz's tax
        plans``; but ``the government plans to`` is a verb).
        """
        v = self.v
        words = v.words
        nxt = words[c + 1] if c + 1 < len(words) and self.plain_gap(c) else ""
        if nxt == "by" or (c > 0 and self.plain_gap(c - 1) and words[c - 1] in _BEFORE_NOUN_ONLY):
            return True  # "amid claims that", "has plans for"; "claims by the trade": no verb takes "by"
        if c == 0 or nxt in {"to", "that"}:
            return False
        before = words[c - 1]
        if nxt in _FINITE_AUX and not (v.caps[c - 1] or before in _PRONOUNS or _plural_like(before)):
            return True
        for j in range(c - 1, max(-1, c - 4), -1):
            w = words[j]
            if not self.plain_gap(j):
                return False
            if w in _NOUN_BEFORE or w.endswith(("'s", "s'")):
                # "the minister claims the plan..." has the same shape as "his tax plan": only
                # what follows tells them apart, so a clause start keeps the verb reading.
                return j < c - 1 and (nxt == "" or nxt in _NOUN_FOLLOWERS)
            if v.caps[j] or w in _BOUNDARY or w in _PRONOUNS or _plural_like(w):
                return False
        return False

    def channel_end(self, ch: int, hi: int) -> int:
        """The end of a channel phrase ending before token ``ch``.

        A final ``with``, ``to`` or ``on`` takes the outlet or audience it names (``in an interview
        with CNN``, ``in a post on Facebook``).
        """
        v = self.v
        if v.words[ch - 1] not in {"with", "to", "on"}:
            return self.channel_participle(ch, hi)
        j = ch + 1 if ch + 1 < hi and v.words[ch] == "the" and v.caps[ch + 1] and self.plain_gap(ch) else ch
        end = ch
        while j < hi and v.caps[j] and j - ch < _MAX_SOURCE_TOKENS and (j == ch or self.plain_gap(j - 1)):
            j += 1
            end = j
        return self.channel_participle(end, hi)

    def channel_participle(self, end: int, hi: int) -> int:
        """The end of a channel phrase ending before ``end`` with the participle phrase that modifies it.

        ``said in a statement posted online that ...``: the participle (``posted``, ``released
        on Monday``) describes the channel and belongs to the cue; it is taken only when a
        ``that`` within a few words opens the content after it.
        """
        words = self.v.words
        if end >= hi or words[end] not in _CHANNEL_PARTICIPLES or not self.plain_gap(end - 1):
            return end
        for j in range(end + 1, min(hi, end + _CHANNEL_PARTICIPLE_REACH)):
            if not self.plain_gap(j - 1):
                return end
            if words[j] == "that":
                return j
        return end

    def remember(self, f: _Found) -> None:
        """Note a found attribution with a cue and a speaker, for the verbs after it in its sentence."""
        if f.cue is not None and f.src is not None:
            self.sourced.setdefault(self.v.tok_sent[f.cue[0]], []).append((f.cue[0], f.src))
            self.reports.setdefault(self.v.tok_sent[f.cue[0]], []).append(f.content)

    def own_report(self, c: int, src: tuple[int, int]) -> bool:
        """Whether the cue at ``c``, whose subject is the pronoun ``src``, is inside an earlier report of its sentence.

        ``Ruiz said she supports the plan``, ``Officials said they expect ...``, ``Acme said it
        regretted the delays``: a personal pronoun (or ``it`` for an organisation) in what a
        speaker is reported to say stands, unless the text says otherwise, for that speaker, so
        the stance is part of the report, not a second attribution.
        """
        start = self.v.spans[c][0]
        return (
            src[1] - src[0] == 1
            and (self.v.words[src[0]] in _SUBJECT_PRONOUNS or self.v.words[src[0]] == "it")
            and any(a <= start < b for a, b in self.reports.get(self.v.tok_sent[c], [])[-_MAX_REPORTS:])  # (the latest: linear time)
        )

    def coordinated_subject(self, c: int, lo: int) -> tuple[int, int] | None:
        """The speaker of an earlier cue of the sentence, for a coordinated verb at ``c``.

        Used when the verb's own subject is out of reach (``X said on Monday that "..." and
        insisted that ...``).
        """
        if not self.coordinated(c, lo):
            return None
        # Cues are sourced in text order, so the last earlier one is found from the end.
        return self.earlier_speaker(c)

    def earlier_speaker(self, c: int) -> tuple[int, int] | None:
        """The speaker of the last cue before token ``c`` in its sentence, if one was found.

        A participle after a comma (``X said ..., adding that``, ``..., Y said, noting``) has the
        subject of the clause it hangs on, and the cue of that clause was sourced first.
        """
        for pos, src in reversed(self.sourced.get(self.v.tok_sent[c], [])):
            if pos < c:
                return src
        return None

    def document_issuer(self, src: tuple[int, int], c: int, lo: int) -> tuple[int, tuple[int, int]] | None:
        """``X issued a statement saying``: the verb and subject that issue a document cue ``c`` hangs on.

        When the phrase before a participle cue is an indefinite document noun (``a statement``,
        ``a short letter``, ``an email``) that is the object of a verb, the subject of that verb
        is the speaker and the cue runs from that verb (``issued a statement saying``,
        ``put out a press release calling``). Returns the verb's token and the subject.
        """
        v = self.v
        words = v.words
        a, b = src
        if not words[c].endswith("ing") or words[a] not in {"a", "an"} or words[b - 1] not in _DOCUMENT_NOUNS:
            return None
        k = a - 1
        if k > lo and words[k] in _PARTICLES and self.plain_gap(k - 1):
            k -= 1  # "put out", "sent out"
        w = words[k] if k >= lo else ""
        if k <= lo or not self.plain_gap(k) or v.caps[k] or w in _NOUN_FOLLOWERS or w in _BOUNDARY or w in _DETERMINERS or w in _PRONOUNS:
            return None
        subject = self.source_before_cue(k, lo)
        if subject is None or not self.plausible_source(*subject):
            return None
        return k, subject

    def means_governor(self, c: int, lo: int) -> tuple[int, tuple[int, int]] | None:
        """``X began by saying``: the verb a gerund cue after ``by`` gives the means of, and its subject.

        Only a verb right before ``by`` (past a particle or a closed-class adverb: ``followed up
        by asking``, ``responded first by saying``) is taken; with an object between (``rallied
        supporters by promising``) the gerund keeps its own cue. Returns the verb's token and
        the subject.
        """
        v = self.v
        words = v.words
        if not words[c].endswith("ing") or c - 2 <= lo or words[c - 1] != "by" or not self.plain_gap(c - 2) or not self.plain_gap(c - 1):
            return None
        k = c - 2
        if (words[k] in _PARTICLES or words[k] in _AUX) and k - 1 > lo and self.plain_gap(k - 1):
            k -= 1
        w = words[k]
        if v.caps[k] or not (w.endswith("ed") or w in {"began", "begun"}) or w in _BOUNDARY:
            return None
        subject = self.source_before_cue(k, lo)
        if subject is None or not self.plausible_source(*subject):
            return None
        return k, subject

    def coordinated(self, c: int, lo: int) -> bool:
        """Whether the verb at ``c`` follows ``and``/``but`` (past auxiliaries), not before ``lo``."""
        words = self.v.words
        j = c - 1
        while j >= lo and self.plain_gap(j) and words[j] in _SUBJECT_SKIP:
            j -= 1
        return j >= lo and words[j] in {"and", "but"}

    def verb_group_start(self, c: int, allowed: Callable[[int], bool] | None = None) -> int:
        """The first token of the verb group that ends with the verb at ``c``.

        The group is the auxiliaries and adverbs (closed-class ones and any lowercase -ly
        adverb: ``is suddenly promising``, ``actually thinks``) before the verb, at most
        :data:`_MAX_VERB_GROUP` of them, each also passing ``allowed`` when it is given.
        """
        v = self.v
        words = v.words
        a = c
        floor = max(0, c - _MAX_VERB_GROUP)
        while (
            a > floor
            and (words[a - 1] in _CUE_AUX or self.adverb(a - 1) or self.floating_in_group(a - 1, floor))
            and self.plain_gap(a - 1)
            and not self.aux_name(a - 1)  # "Theresa May said"
            and (allowed is None or allowed(a - 1))
        ):
            a -= 1
        return a

    def floating_in_group(self, k: int, floor: int) -> bool:
        """Token ``k`` is a floating quantifier or ``since`` after an auxiliary (``have both argued``, ``has since said``)."""
        words = self.v.words
        return words[k] in _IN_GROUP_AFTER_AUX and k - 1 >= floor and words[k - 1] in _AUX and self.plain_gap(k - 1)

    def adverb(self, k: int) -> bool:
        """Token ``k`` is a lowercase adverb in -ly (``actually``, ``insistently``), not a noun or adjective."""
        w = self.v.words[k]
        return len(w) > 4 and w.endswith("ly") and w not in _LY_NOT_ADVERBS and not self.v.caps[k]

    def hedges_before(self, c: int) -> list[int]:
        """One-word hedges (``reportedly``) in the verb group before the cue at token ``c``, nearest first."""
        return [j for j in range(c - 1, self.verb_group_start(c) - 1, -1) if j in self.hedge_words]

    def governs(self, c: int, end: int) -> bool:
        """Whether the reporting verb at ``c`` can take a governed preposition into its cue.

        Verbs of telling and bare verbs of saying take none: ``said for years that`` keeps the
        cue ``said``, while ``spoke about`` and ``warned of`` take theirs.
        """
        words = self.v.words
        return words[c] not in _TELL_LIKE and self.s.lemma(words[c:end]) not in _NO_PREPOSITION

    def cue_tail(self, end: int, hi: int, *, governed: bool) -> int:
        """The token end of a reporting verb's group, given the verb ends before token ``end``.

        The cue takes what follows the verb inside its clause: manner adverbs (``argued
        insistently``), time adverbials (``said Tuesday``,
        ``wrote last week``), a channel phrase of the ``according_to`` category that opens with a
        preposition (``said in a statement``) and, when ``governed``, one preposition the verb
        governs (``spoke about``, ``warned of``, ``called for``), unless it opens an anonymity marker
        (``speaking on condition of anonymity``) or an adverbial (``pondered at every stage``);
        ``to`` only before a noun phrase or an object pronoun, not before an infinitive.
        """
        v = self.v
        words = v.words
        # (a cue phrase that ends in a channel takes the participle after it: "said in a statement" + "posted online")
        end = self.channel_participle(end, hi) if end - 1 in self.channel_last else end
        k = self.tail_adverbs(end, hi)
        for st in range(max(0, end - 3), end):  # a cue phrase that overlaps a channel: "said in an interview" + "with"
            ch = self.channels.get(st)
            if ch is not None and end < ch <= hi:
                k = self.channel_end(ch, hi)
                break
        for _ in range(2):
            j = k

            while j < hi and j - k < 3 and words[j] in _TIME_AFTER and self.plain_gap(j - 1):
                j += 1
            while j > k and words[j - 1] not in _TIME_HEADS:
                j -= 1
            if j > k:
                k = j
                continue
            ch = self.channels.get(k)
            if ch is not None and ch <= hi and self.plain_gap(k - 1):
                k = self.channel_end(ch, hi)
                continue
            break
        if (
            governed
            and k < hi - 1
            and words[k] in _GOVERNED
            and k not in self.anon_starts
            and self.plain_gap(k - 1)
            and self.plain_gap(k)
            and not (words[k] == "at" and self.at_adverbial(k + 1))
        ):
            nxt = k + 1
            if words[k] != "to" or words[nxt] in _DETERMINERS or words[nxt] in _OBJECT_PRONOUNS or v.caps[nxt]:
                k += 1
        return k

    def at_adverbial(self, k: int) -> bool:
        """Whether an ``at`` before token ``k`` opens an adverbial (``at every stage``, ``at the time``), not an object."""
        words = self.v.words
        if words[k] in _AT_ADVERBIAL:
            return True
        return words[k] == "the" and k + 1 < len(words) and words[k + 1] in _AT_THE_TIME

    def tail_adverbs(self, end: int, hi: int) -> int:
        """The token after the -ly adverbs that follow a verb ending before ``end`` (``argued insistently``)."""
        k = end
        while k < hi - 1 and k - end < _MAX_TAIL_ADVERBS and self.adverb(k) and self.plain_gap(k - 1):
            k += 1
        return k

    def determiner_in_name(self, k: int) -> bool:
        """Whether token ``k`` is a determiner capitalised inside a name (``Save Our River``, ``Friends of The Park``).

        It follows a capitalised word with no punctuation between and does not open the sentence.
        """
        v = self.v
        return (
            v.words[k] in _DETERMINERS
            and v.caps[k]
            and k > v.sent_tok[v.tok_sent[k]][0]
            and (v.caps[k - 1] or v.words[k - 1] in _CONNECTORS)
            and self.plain_gap(k - 1)
        )

    def name_part(self, k: int) -> bool:
        """Token ``k`` continues a name to its right: capitalised or a connector, no punctuation after it.

        A slash or an ampersand between capitalised words (:meth:`joint_name`) continues it too.

        A function word or sentence adverb capitalised only because it opens the sentence (``So``,
        ``Then``, ``When``) is no part of a name.
        """
        v = self.v
        w = v.words[k]
        if self.determiner_in_name(k):
            return self.plain_gap(k)  # a capitalised determiner inside a name: "Save Our River"
        if w in _DETERMINERS or (w in _NOT_NAMES and k == v.sent_tok[v.tok_sent[k]][0]):
            return False
        return (self.plain_gap(k) or self.joint_name(k)) and (v.caps[k] or w in _CONNECTORS)

    def plausible_source(self, a: int, b: int) -> bool:
        """A speaker needs a capital, a determiner, a pronoun, a known role or a plural head."""
        v = self.v
        words = v.words
        if any(v.caps[k] or words[k] in _DETERMINERS or words[k] in _PRONOUNS for k in range(a, b)):
            return True
        if b - a >= 2 and words[b - 1].endswith("ed"):
            b -= 1  # a participle after its head ("disclosures filed on Sunday revealed")
        if words[b - 1] in _QUANTITY_HEADS or (b - a == 1 and words[a] in _RELATIVE_SUBJECTS):
            return True
        if _numeric(words[b - 1]) and (v.gap(b - 1).strip() == "%" or (b - a >= 3 and words[b - 2] == "in")):
            return True  # "47% say", "4 in 10 said"
        return words[b - 1].endswith("s") or self.type_of(a, b) != "unknown"

    def earlier_name(self, k: int, surname: str | None, pronoun: str | None = None) -> tuple[int, int] | None:  # noqa: C901 - one backward scan
        """The closest earlier run of capitalised tokens that names a person (ending in ``surname`` if given).

        Looks back at most :data:`_LOOKBACK` tokens. A person's name is two named words or a
        courtesy title and a surname (``Mr Hensel``); runs that :meth:`person_run` rejects
        (organisations, places, teams, possessors) are skipped, and so are runs whose title
        tells a man from a woman when it does not agree with ``pronoun`` (``he`` or ``she``). For
        a pronoun, a lone surname of a person named earlier counts too (:meth:`surname_reference`),
        a name inside a quotation that does not hold the pronoun does not count, and a subject
        (:meth:`prominent`) earlier in the sentence of the closest name wins over it: in ``Ana
        Ruiz said she met Tom Becker. "...," she said`` the speaker is Ana Ruiz.
        """
        v = self.v
        words = v.words
        if self.cap_tokens is None:  # capitalised non-determiner tokens, listed once per document
            capitalised = compress(range(len(v.caps)), v.caps)
            self.cap_tokens = [i for i in capitalised if words[i] not in _DETERMINERS and words[i] not in _PRONOUNS]
        caps = self.cap_tokens
        stop = max(0, k - _LOOKBACK)
        i = bisect.bisect_left(caps, k) - 1
        barred = _FEMALE_TITLES if pronoun == "he" else _MALE_TITLES if pronoun == "she" else frozenset()
        nearest: tuple[int, int] | None = None  # for a pronoun: the closest name that is no subject
        while i >= 0 and caps[i] >= stop:
            end = caps[i] + 1
            run = self.runs.get(caps[i])
            if run is None:  # the full run ending here and whether it is a name, once per document
                # Walked back at most _LOOKBACK tokens: a longer run is cut by every window
                # anyway (its start is before ``stop``), so the cached start stays exact.
                a = caps[i]
                floor = max(0, caps[i] - _LOOKBACK)
                while a - 1 >= floor and self.name_part(a - 1):
                    a -= 1
                run = (a, self.person_run(a, end))
                self.runs[caps[i]] = run
            a, ok = run
            if a < stop:  # the window cuts the run
                a = stop
                ok = self.person_run(a, end)
            if pronoun is None:
                affiliation = end - a >= 2 and words[end - 2] in {"of", "for"}  # "Ana Ruiz of Yahoo" is no Mr Yahoo
                if ok and (surname is None or (v.text[v.spans[end - 1][0] : v.spans[end - 1][1]] == surname and not affiliation)):
                    return (a, end)
            elif nearest is not None and a < v.sent_tok[v.tok_sent[nearest[0]]][0]:
                break  # no subject before the nearest name in its sentence
            elif (v.tok_quote[end - 1] < 0 or v.tok_quote[end - 1] == v.tok_quote[k]) and (
                (ok and not any(words[t] in barred for t in range(a, end))) or (end - a == 1 and self.surname_reference(a))
            ):
                if self.prominent(a, end):
                    return (a, end)
                nearest = nearest or (a, end)
            i = bisect.bisect_left(caps, a) - 1
        return nearest

    def prominent(self, a: int, b: int) -> bool:
        """Whether the name [a, b) is the subject of its sentence or of a reporting verb right after it."""
        v = self.v
        lo = v.sent_tok[v.tok_sent[a]][0]
        return b in self.verbs or all(v.words[t] in _SENTENCE_ADVERBS or v.words[t] in _DETERMINERS for t in range(lo, a))

    def surname_reference(self, t: int) -> bool:
        """Whether the lone capitalised token ``t`` repeats the surname of a person named before it.

        ``Trump`` after ``Donald Trump`` (named within :data:`_LOOKBACK` tokens, or a person
        already resolved): a pronoun may refer to it.
        """
        v = self.v
        if v.words[t] in _NOT_NAMES:
            return False
        key = v.text[v.spans[t][0] : v.spans[t][1]]
        if key in self.person_surnames:
            return True
        named = self.surname_refs.get(t)
        if named is None:  # the text before t does not change: scanned once per token
            named = self.earlier_name(t, key) is not None
            self.surname_refs[t] = named
        return named

    def person_run(self, a: int, b: int) -> bool:
        """Whether the capitalised run [a, b) can be a person's name (see :meth:`earlier_name`).

        Besides :func:`_personal_run` (or a courtesy title and one name), the run must not end
        in a head of :data:`_NON_PERSON_HEADS` or in a possessive (``Margaret Thatcher's``
        former aide is the aide), nor where a ``source-types`` entry ends (``Liberal Democrats``,
        ``Downing Street``), nor hold a function word inside it (a title in title case), nor join
        names with ``&`` or ``/`` (a firm). Without a title (``New York Mayor Ana Ruiz`` is a
        person), a run right after an article or a possessive determiner is no personal name
        (``the Arlen Bridge``, ``his Christmas Mass``; but ``the SNP's Ana Ruiz``), nor one whose
        head of :data:`_NON_PERSON_HEADS` opens it before *of* or *for* (``Institute of
        Technology``, ``Bank of England``); a first word of :data:`_NON_PERSON_OPENERS` marks a
        place and an acronym of three or more capitals an organisation (``NBC News``, ``UKIP
        Scotland``).
        """
        v = self.v
        words = v.words
        run_words = words[a:b]
        courtesy = b - a == 2 and run_words[0] in _COURTESY_TITLES and v.caps[b - 1]
        if not (courtesy or _personal_run(run_words)):
            return False
        k = bisect.bisect_left(self.type_starts, a)
        while k < len(self.type_hits) and self.type_hits[k][0] < b and self.type_hits[k][1] != b:
            k += 1
        typed = k < len(self.type_hits) and self.type_hits[k][0] < b  # a source-types entry ends with the run
        head = run_words[-1]
        joined = any(self.joint_name(t) for t in range(a, b - 1))  # a firm: "Baxter & Cole", "Reuters/Ipsos"
        if typed or joined or head in _NON_PERSON_HEADS or head.endswith("'s") or any(w in _BOUNDARY for w in run_words[1:-1]):
            return False  # an institution, a possessor, a title in title case ("A Change Is Gonna Come")
        if any(w in _TITLES for w in run_words):
            return True
        possessor = any(w.endswith("'s") for w in run_words[:-1])  # "the SNP's Ana Ruiz": the article is the party's
        if a > 0 and words[a - 1] in _NAME_BARRING_DETERMINERS and self.plain_gap(a - 1) and not possessor:
            return False  # "the Arlen Bridge", "his Christmas Mass": a determiner does not open a personal name
        if any(run_words[t] in _NON_PERSON_HEADS and run_words[t + 1] in {"of", "for"} for t in range(len(run_words) - 1)):
            return False  # the head opens the name: "Institute of Technology", "Bank of England"
        text = v.text
        acronym = any(text[st:e].isupper() and e - st >= 3 and text[st:e].isalpha() for st, e in v.spans[a:b])
        return not acronym and next(w for w in run_words if w not in _CONNECTORS) not in _NON_PERSON_OPENERS

    def clause_subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The first noun phrase of the clause starting at ``lo`` (after a leading adverbial)."""
        v = self.v
        words = v.words
        a = lo
        # A leading adverbial: a function word, a participle, a sentence adverb, or a word used as
        # a preposition before a determiner ("Absent a deal, ...", "Unlike his rivals, ...").
        adverbial = words[a] in _BOUNDARY or words[a].endswith("ing") or words[a] in _SENTENCE_ADVERBS or self.leading_adverbial(a, hi)
        if a < hi and (adverbial or (a + 1 < hi and words[a + 1] in _NOUN_BEFORE and self.plain_gap(a))):
            for j in range(lo, hi):
                if "," in v.gap(j):
                    a = j + 1
                    break
        while a < hi and (
            not (words[a] in _DETERMINERS or words[a] in _PRONOUNS or v.caps[a]) or (words[a] in _SENTENCE_ADVERBS and a + 1 < hi)
        ):
            a += 1  # also past a capitalised conjunction or adverb: "But the court overruled and said"
        if a >= hi:
            return None
        return self.np_after(a, hi, appositive=True)

    def leading_adverbial(self, a: int, hi: int) -> bool:
        """Whether the capitalised word at ``a`` opens an adverbial before the subject of its clause.

        A sentence adverb in -ly set off by a comma (``Recently, X stood ...``; a derivational
        ending and a length keep names such as ``Kelly`` out), a past participle before a
        preposition or determiner (``Asked about the vote, X ...``) or a preposition that is no
        function word of :data:`_BOUNDARY` (``Outside the plant, X ...``).
        """
        v = self.v
        words = v.words
        w = words[a]
        if not v.caps[a] or a + 1 >= hi:
            return False
        if w in _LEADING_PREPOSITIONS:
            return True
        if len(w) >= 7 and w.endswith(_ADVERB_ENDINGS) and "," in v.gap(a):
            return True
        nxt = words[a + 1]
        return w.endswith("ed") and self.plain_gap(a) and (nxt in _GOVERNED or nxt in _DETERMINERS or nxt in {"by", "in", "at", "from"})

    # -- entities -------------------------------------------------------------------------

    def _aliases(self) -> dict[str, str]:
        """Acronyms introduced in parentheses after a capitalised name: ``Foo Bar Baz (FBB)``."""
        out: dict[str, str] = {}
        v = self.v
        text = v.text
        for m in _ACRONYM.finditer(text):
            k = bisect.bisect_left(v.starts, m.start()) - 1
            if k < 0:
                continue
            span = self.np_before(k, max(0, k - 8)) if v.caps[k] else None
            if span is None:
                continue
            a = span[0]
            while a < span[1] and (v.words[a] in _DETERMINERS or not v.caps[a]) and v.words[a] not in _CONNECTORS:
                a += 1
            if a < span[1]:
                out[m.group(1)] = text[v.spans[a][0] : v.spans[span[1] - 1][1]]
                self.alias_spans[m.group(1)] = (a, span[1])
        return out

    def _type_aliases(self) -> None:
        """Give every later use of a typed acronym the type of the name it abbreviates.

        After ``the Northern Liberation Front (NLF)`` the lexicon knows nothing of ``NLF``; each
        use of it (``The NLF said``, ``an NLF commander``) becomes a source-types hit of the
        full name's type, so that a role named with it takes the organisation's type.
        """
        v = self.v
        text = v.text
        typed: dict[str, tuple[int, str]] = {}  # acronym -> (token after its definition, type)
        for key, (a, b) in self.alias_spans.items():
            typ = self.type_of(a, b)
            if typ not in {"unknown", "anonymous"}:
                typed[key] = (b + 1, typ)
        extra: list[tuple[int, int, str, float]] = []
        if typed:
            first = min(k for k, _typ in typed.values())
            for k in range(first, len(v.words)):  # one pass over the tokens, a look-up each
                tok = text[v.spans[k][0] : v.spans[k][1]]
                hit = typed.get(tok[:-2] if tok.endswith(("'s", "\u2019s")) else tok)
                if hit is not None and k >= hit[0]:
                    extra.append((k, k + 1, hit[1], 1.0))
        if extra:
            self.type_hits = sorted([*self.type_hits, *extra], key=lambda h: (h[0], h[1]))
            self.type_starts = [h[0] for h in self.type_hits]

    def role_then_name(self, k: int, hi: int) -> bool:
        """Whether a lowercase role (a title, or a role the source-types lexicon knows) opens at ``k`` and a name follows it.

        ``said spokesman Dennis Marsh``, ``said union leader Ana Ruiz``: an inverted speaker whose
        title is written without a determiner or a capital.
        """
        v = self.v
        j = k
        while j < min(hi, k + _ROLE_REACH) and not v.caps[j]:
            if not self.plain_gap(j):
                return False
            j += 1
        if j == k or j >= hi or not v.caps[j]:
            return False
        if v.words[j - 1] in _TITLES:  # "spokesman", "police chief"
            return True
        i = bisect.bisect_left(self.type_starts, k)
        return i < len(self.type_hits) and self.type_hits[i][0] == k and self.type_hits[i][1] >= j

    def withheld_after(self, b: int) -> bool:
        """Whether a source ending at token ``b`` is followed by a relative clause that withholds its name.

        ``A porter, who asked not to be named, said``: the clause is left out of the source, but its
        anonymity marker still types the speaker ``anonymous``.
        """
        v = self.v
        words = v.words
        if b <= 0 or b >= len(words) or words[b] not in {"who", "whom"} or "," not in v.gap(b - 1):
            return False
        for k in range(b + 1, min(len(words), b + 1 + _ANON_CLAUSE_REACH)):
            if k in self.anon_starts:
                return True
            if not self.plain_gap(k):
                return False
        return False

    def type_of(self, a: int, b: int) -> str:
        """The source type of the tokens [a, b): the best-weighted source-types category.

        Three rules of the noun phrase come before the weights (:meth:`dropped_hits`). A hit
        inside a longer hit of another category gives way to it (the longer entry is the more
        specific one). A role that heads any kind of organisation (*president*, *chairman*,
        *spokesman*) takes the type of the organisation it is named with, before it or after
        ``of``/``at``/``for`` (``union president``, ``the company president``, ``president of
        the nurses association``), and names no head of state after an untyped proper name that
        is no nationality (``Acme president Ann Lee``). The people an organisation is named
        after give way to it (``nurses association``, ``civil servants' union``: advocacy; see
        ``_member_modifier``), while a trade stays (``banks association``: business).
        """
        k = bisect.bisect_left(self.type_starts, a)
        hits: list[tuple[int, int, str, float]] = []
        while k < len(self.type_hits) and self.type_hits[k][0] < b:
            if self.type_hits[k][1] <= b:
                hits.append(self.type_hits[k])
            k += 1
        dropped = self.dropped_hits(hits, a)
        score: dict[str, float] = {}
        for i, (_s, _e, cat, w) in enumerate(hits):
            if i not in dropped:
                score[cat] = score.get(cat, 0.0) + w
        gone = {(hits[i][0], hits[i][1]) for i in dropped}
        for end in range(a + 1, b + 1):
            st = self.anon_ends.get(end)
            if st is not None and st >= a and (st, end) not in gone:
                return "anonymous"
        if not score:
            return "unknown"
        best = max(score.values())
        for cid in self.s._type_ids:  # noqa: SLF001 - the scorer's own lexicon order
            if score.get(cid) == best:
                return cid
        return "unknown"  # pragma: no cover - every category is in SOURCE_TYPES

    def dropped_hits(self, hits: Sequence[tuple[int, int, str, float]], a: int) -> set[int]:
        """The indices of the type hits of a source starting at ``a`` that give way (see :meth:`type_of`)."""
        words = self.v.words
        dropped: set[int] = set()
        for i, (s, e, cat, _w) in enumerate(hits):
            others = [h for h in hits if h[2] != cat]
            heads = [h for h in others if h[0] == e and _member_modifier(cat, h[2]) and words[h[1] - 1] not in _ORG_HEAD_ROLES]
            if any(h[0] <= s and e <= h[1] and h[1] - h[0] > e - s for h in others):
                dropped.add(i)  # inside a longer entry of another category
            elif all(w in _DETERMINERS for w in words[s : e - 1]) and words[e - 1] in _ORG_HEAD_ROLES:
                if self.role_of_organisation(s, e, cat, others, a):
                    dropped.add(i)  # the role alone ("president", "a spokesperson"), named with its organisation
            elif heads and self.plain_gap(e - 1):
                dropped.add(i)  # the members of a union or association: "nurses association", "civil servants' union"
        return dropped

    def role_of_organisation(self, s: int, e: int, cat: str, others: Sequence[tuple[int, int, str, float]], a: int) -> bool:
        """Whether the role hit at tokens [s, e), of category ``cat``, heads an organisation named with it (see :meth:`type_of`).

        ``others`` are the hits of the other categories inside the source, which starts at
        ``a``; hits that name people (``citizen``, ``anonymous``) are no organisation. Only a
        role of the state (*president*) is no head of state after an untyped proper name, and a
        military role (*commander*) is no state's after an untyped acronym (``an NLF commander``:
        the acronym names an organisation the lexicon does not know).
        """
        v = self.v
        words = v.words
        p = s - 1
        if cat == "military" and p >= a and self.plain_gap(p) and not any(h[1] == s for h in self.type_hits):
            tok = v.text[v.spans[p][0] : v.spans[p][1]]
            if len(tok) >= 2 and tok.isupper() and tok.isalpha() and not _nationality(words[p]):  # (not "US", "UK")
                return True
        orgs = [h for h in others if h[2] not in _PEOPLE_TYPES]
        if any(h[1] == s for h in orgs):
            return True  # "union president", "the company spokesman"
        if e < len(words) and words[e] in _AFFILIATION_PREPOSITIONS | {"for"} and self.plain_gap(e - 1) and any(h[0] > e for h in orgs):
            return True  # "president of the nurses association"
        return (
            cat == "government"
            and p >= a
            and v.caps[p]
            and words[p] not in _DETERMINERS
            and self.plain_gap(p)
            and not any(h[1] == s for h in self.type_hits)
            and words[p] not in _TITLES
            and words[p] not in _ROLE_PREMODIFIERS
            and not _nationality(words[p])
        )

    def head_span(self, a: int, b: int) -> tuple[int, int]:  # noqa: PLR0911 - one return per kind of head
        """The head noun phrase of a source span: before its appositive comma, or the name after it.

        People named by their relation to someone else end before the preposition: ``Critics of
        the Pentagon`` are critics, not the Pentagon, ``aides to the mayor`` are aides and ``a
        source close to the mayor`` is a source (while ``officials at the Pentagon`` and ``the
        leader of the union`` speak for it). A personal name followed by its affiliation
        is the head: ``Ana Ruiz of the U.N.`` is Ana Ruiz (typed by the whole span).
        """
        words = self.v.words
        k = a
        while k < b and self.v.caps[k] and words[k] not in _AFFILIATION_PREPOSITIONS:
            k += 1
        if (
            a < k < b - 1
            and words[k] in _AFFILIATION_PREPOSITIONS
            and words[a] not in _DETERMINERS
            and all(self.plain_gap(i) for i in range(a, k + 1))
            and _personal_run(words[a:k])
            and self.type_of(a, k) not in _ORG_TYPES
        ):
            return (a, k)
        for k in range(a, b - 1):
            if "," in self.v.gap(k) or _SPACED_DASH.search(self.v.gap(k)):  # (an aside between dashes too)
                if not self.v.caps[k] and all(self.v.caps[i] or words[i] in _CONNECTORS for i in range(k + 1, b)):
                    return (k + 1, b)  # "the director of the trust, Ina Kirsch": the name is the head
                return (a, k + 1)
            if words[k] in _OUTSIDERS and words[k + 1] in _POST_MODIFIER_PREPOSITIONS and self.plain_gap(k):
                return (a, k + 1)
            if k > a and words[k] in _POSTNOMINAL and words[k + 1] in _LINK_PREPOSITIONS and self.plain_gap(k):
                return (a, k)  # "a source close to Ana Ruiz" is a source, not Ana Ruiz
            if words[k] in _TO_HEADS and words[k + 1] == "to" and self.plain_gap(k):
                return (a, k + 1)  # "aides to the mayor" are aides
            if (words[k + 1] == "who" or (words[k + 1] == "with" and k + 2 < b and words[k + 2] in _KNOWLEDGE)) and self.plain_gap(k):
                return (a, k + 1)  # "a Mexican official who spoke", "a person with knowledge of": no part of the name
        return (a, b)

    def relation_head(self, a: int, b: int) -> int | None:
        """The head of an unnamed person related to someone, opening the head span [a, b).

        ``An aide to Senator Ana Ruiz``, ``a senior source close to the mayor``: the head noun
        (after determiners and lowercase modifiers) when a relation follows it inside the span
        (:meth:`relation_end`); ``None`` otherwise (``Ana Ruiz, an aide to the mayor`` has a name).
        """
        v = self.v
        for h in range(a, min(b, a + 4)):
            if v.caps[h] and not (h == a and (v.words[h] in _DETERMINERS or h == v.sent_tok[v.tok_sent[h]][0])):
                return None  # (a capital that opens the sentence names nothing: "Senior aides to ...")
            end = self.relation_end(h, b)
            if end is not None:
                return h
        return None

    def entity(self, a: int, b: int, sent_lo: int) -> _Entity:  # noqa: C901, PLR0912, PLR0915 - one decision per rule
        """Resolve the source tokens [a, b) to a canonical entity."""
        v = self.v
        words = v.words
        text = v.text
        if b - a == 1 and (words[a] in _RESOLVABLE or words[a] in _CONTRACTED_SUBJECTS):
            return self.resolve_pronoun(a, sent_lo)
        if b - a == 1 and words[a] in _RELATIVE_SUBJECTS:
            ante = self.np_before(a - 1, max(sent_lo, a - 1 - _MAX_SOURCE_TOKENS)) if a - 1 >= sent_lo else None
            if ante is not None and not (ante[1] - ante[0] == 1 and words[ante[0]] in _RELATIVE_SUBJECTS):
                return self.entity(ante[0], ante[1], sent_lo)
        ha, hb = self.head_span(a, b)
        while hb - 1 > ha and hb - 1 in self.label_tokens:
            hb -= 1
        typ = self.type_of(a, b) if hb == b or words[hb - 1] not in _OUTSIDERS else self.type_of(a, hb)
        if typ == "unknown" and v.caps[a]:
            typ = self.premodifier_type(a)  # "Retired teacher Samuel Osei, 71, ...": the role written before the name
        if self.withheld_after(b):  # "A porter, who asked that his name not be used, said"
            typ = "anonymous"
        # The proper-name part: capitalised tokens (with connectors) at the end of the head.
        caps = [k for k in range(ha, hb) if v.caps[k] and not (k == ha and words[k] in _DETERMINERS)]
        name: str
        person = False
        # The head span ends before a relation ("a source | close to the mayor"), so the relation is
        # looked for up to the end of the source.
        related = self.relation_head(ha, max(hb, b))
        if related is not None:  # "an aide to Senator X" is not X: the unnamed person, apart from X
            caps = []
            hb = max(hb, b)  # named by the whole phrase, relation included
            if words[related] in _NAMEISH_ANON_HEADS:
                typ = "anonymous"
        acronym_head = bool(caps) and words[hb - 1] in _ORG_NOUNS and text[v.spans[caps[-1]][0] : v.spans[caps[-1]][1]].isupper()
        if (caps and caps[-1] == hb - 1) or acronym_head:
            last = caps[-1]
            first = last
            while first - 1 >= ha and self.name_part(first - 1):
                first -= 1
            # Drop a possessor before a name ("Tennis Australia's Ana Ruiz" is Ana Ruiz), then
            # titles and ranks (not from an institution's name).
            for p in range(first, last):
                if words[p].endswith("'s"):
                    first = p + 1
            t = first
            institution = words[last] in _ORG_NOUNS or words[last] in _NON_PERSON_HEADS  # "House Foreign Affairs Committee"
            while t < last and not institution and (words[t] in _TITLES or words[t] in _CONNECTORS or not v.caps[t]):
                t += 1
            titled = t > first
            first = t
            # A role inside the run ends the modifiers of a personal name ("Russian President
            # Ana Ruiz", "Supreme Court Justice Ana Ruiz" are Ana Ruiz), so that every mention
            # of one person gets one name; at least two personal words stay after it.
            for p in range(last - 2, first - 1, -1):
                if (words[p] in _TITLES or words[p] in _NAME_ROLES) and self.plain_gap(p) and _personal_run(words[p + 1 : last + 1]):
                    titled = True
                    first = p + 1
                    break
            name = text[v.spans[first][0] : v.spans[last][1]]
            n_tok = last - first + 1
            # (a name joined by "&" or "/" is a firm or a partnership: "Baxter & Cole"; one opened by
            # an institution's head is an institution: "Institute of Technology")
            opened = any(words[k] in _NON_PERSON_HEADS and words[k + 1] in {"of", "for"} for k in range(first, last))
            org_like = (
                institution
                or opened
                or typ in _ORG_TYPES
                or any(words[k] in _ORG_NOUNS or self.joint_name(k) for k in range(first, last + 1))
            )
            person = titled or (n_tok >= 2 and not org_like)
            if n_tok == 1:
                key = text[v.spans[first][0] : v.spans[first][1]]
                if key in self.aliases:
                    name = self.aliases[key]
                else:
                    known = self.person_by_surname.get(key)  # the latest person with that surname
                    if known is not None:
                        return known
                    run = self.earlier_name(first, key)
                    if run is not None:
                        return self.entity(run[0], run[1], run[0])
        else:
            lo = ha
            # ("another official" stays apart from the official quoted before it: a new source)
            while (
                lo < hb - 1
                and words[lo] in _DETERMINERS
                and words[lo] not in {"two", "three", "several", "many", "another"}
                and words[lo + 1] != "in"
            ):
                lo += 1
            name = text[v.spans[lo][0] : v.spans[hb - 1][1]].lower()
            if typ in {"unknown", "government", "military"} and words[hb - 1] in _NAMEISH_ANON_HEADS and not self.speaks_for(hb, typ):
                typ = "anonymous"
        if words[hb - 1] in _NAMEISH_ANON_HEADS and not any(v.caps[k] for k in range(ha + 1, hb)) and not self.speaks_for(hb, typ):
            typ = "anonymous"
        key = name.lower()
        ent = self.entities.get(key)
        if ent is None:
            ent = _Entity(name, typ, person)
            self.entities[key] = ent
            if person:
                self.person_surnames.add(name.split()[-1])
                self.person_by_surname[name.split()[-1]] = ent
        elif ent.type == "unknown" and typ != "unknown":
            ent.type = typ
        bisect.insort(self.mentions, (a, ent), key=_mention_start)
        if ent.person:
            bisect.insort(self.person_mentions, (a, ent), key=_mention_start)
        return ent

    def premodifier_type(self, a: int) -> str:
        """The type of a lowercase role written right before a name starting at token ``a``, else ``unknown``.

        ``baker Ruth Adler``, ``Retired teacher Samuel Osei``: a role noun with no determiner,
        joined to the name with no punctuation, says who the named person is, also when only the
        name is the source (a later ``he said`` resolved to it).
        """
        v = self.v
        if a == 0 or not self.plain_gap(a - 1):
            return "unknown"
        k = bisect.bisect_left(self.type_starts, max(0, a - _ROLE_REACH))
        best: tuple[int, int, str, float] | None = None
        while k < len(self.type_hits) and self.type_hits[k][0] < a:
            h = self.type_hits[k]
            if h[1] == a and (best is None or h[0] < best[0]):
                best = h
            k += 1
        if best is None or best[2] == "anonymous":
            return "unknown"
        s0 = best[0]
        sentence_start = v.sent_tok[v.tok_sent[s0]][0]
        if any(v.caps[i] and i != sentence_start for i in range(s0, a)) or v.words[s0] in _DETERMINERS:
            return "unknown"  # a capitalised title is part of the name's own span; "the", "a" open a phrase
        return best[2]

    def speaks_for(self, hb: int, typ: str) -> bool:
        """Whether a source whose head ends at token ``hb`` is the spokesperson of a typed organisation or office.

        ``A union spokesman``, ``a spokesperson for the mayor``: the spokesperson gives the on-the-record
        position of the organisation named with them, whose type they take; a spokesperson with no
        organisation named (``a spokesman said``) is unidentified, ``anonymous``.
        """
        return self.v.words[hb - 1] in _SPOKESPERSONS and typ not in {"unknown", "anonymous"}

    def resolve_pronoun(self, k: int, sent_lo: int) -> _Entity:  # noqa: C901 - one fallback per step
        """He/she -> the last person; they/it -> the subject of the sentence; else the last speaker mentioned before it."""
        v = self.v
        words = v.words
        w = words[k].split("'")[0]  # "he's" -> "he"
        if w in {"they", "it"} and k > sent_lo:
            # The sentence's first noun phrase after a leading adverbial clause (looked for
            # within _REGION tokens before the pronoun, so a long sentence stays linear).
            first = max(sent_lo, k - _REGION)
            a = first
            for j in range(first, k):
                if "," in v.gap(j):
                    a = j + 1
                    break
            j = a
            while j < k and not (words[j] in _DETERMINERS or v.caps[j]):
                j += 1
            if j < k and words[j] not in _PRONOUNS:
                span = self.np_after(j, k, appositive=False)
                if span is not None:
                    return self.entity(span[0], span[1], sent_lo)
        if w in {"he", "she"}:
            # The closer of the last named person and the last person already credited.
            run = self.earlier_name(k, None, w)
            i = bisect.bisect_left(self.person_mentions, k, key=_mention_start)
            if i and (run is None or self.person_mentions[i - 1][0] > run[0]):
                return self.person_mentions[i - 1][1]
            if run is not None:
                return self.entity(run[0], run[1], run[0])
        earlier = _mention_before(self.mentions, k)
        if earlier is not None:
            return earlier
        key = w
        ent = self.entities.get(key)
        if ent is None:
            ent = _Entity(w, "unknown", w in {"he", "she"})
            self.entities[key] = ent
            if ent.person:
                self.person_by_surname[w] = ent
        return ent

    # -- extraction -------------------------------------------------------------------------

    def extract(self) -> list[_Found]:  # noqa: C901, PLR0912 - the five passes in order
        """All attributions of the document."""
        out: list[_Found] = []
        consumed: set[int] = set()
        by_sentence: dict[int, list[int]] = {}
        for k in sorted(self.verbs):
            by_sentence.setdefault(self.v.tok_sent[k], []).append(k)
        last_direct: _Found | None = None
        for qi, (qs, qe, speech) in enumerate(self.v.quotes):
            if not speech or qi in consumed:
                continue
            f = self.direct(qs, qe, last_direct, consumed)
            consumed.add(qi)
            out.append(f)
            self.remember(f)
            if f.entity is not None:
                last_direct = f
        for si, (a, b) in enumerate(self.v.sent_tok):
            for k in by_sentence.get(si, []):
                if k in self.used_cues or self.v.tok_quote[k] >= 0:
                    continue
                f2 = self.indirect(k, a, b)
                if f2 is not None and not (f2.cue is not None and _words_after_anon(self, f2.cue)):
                    out.append(f2)
                    self.remember(f2)
        for a, b in self.according:
            if self.v.tok_quote[a] >= 0 or a in self.used_cues:
                continue
            f3 = self.according_to(a, b)
            if f3 is not None:
                out.append(f3)
        for a, b in self.unattributed:
            if self.v.tok_quote[a] >= 0 or any(k in self.used_cues for k in range(a, b)):
                continue
            f4 = self.hedge(a, b)
            if f4 is not None:
                out.append(f4)
        for k in self.evidential_verbs():
            f6 = self.hedge(self.verb_group_start(k), k + 1, predicate=True)
            if f6 is not None:
                out.append(f6)
        self.resolve_it(out)
        self.resolve_anaphors(out)
        f5 = self.headline(out)
        if f5 is not None:
            out.append(f5)
        return out

    def evidential_verbs(self) -> list[int]:
        """Tokens of *seem* and *appear* that hedge a claim of the outlet's own (``X appears to be slipping``).

        *Seem* always does; *appear* only before an infinitive, a clause, ``as if`` or an
        adjective of likelihood (``appeared on television`` is showing up). A form inside a
        quotation, inside a cue found earlier (``seemed to suggest`` reports a suggestion) or
        inside an unattributed marker (``it seems``) makes no claim of its own; nor does a form
        used as a noun (``the appearance``) or a participle after a noun.
        """
        v = self.v
        words = v.words
        out: list[int] = []
        for k in compress(range(len(words)), map(_SEEM_APPEAR.__contains__, words)):  # visits only the forms
            w = words[k]
            if v.tok_quote[k] >= 0 or k in self.hedge_spans or any(j in self.used_cues for j in range(k, min(k + 3, len(words)))):
                continue
            nxt = words[k + 1] if k + 1 < len(words) and self.plain_gap(k) else ""
            if (
                w in _APPEAR
                and nxt not in _APPEAR_EVIDENTIAL
                and not (nxt == "as" and k + 2 < len(words) and words[k + 2] in {"if", "though"})
            ):
                continue
            if not self.is_verb_use(k):
                continue
            out.append(k)
        return out

    def resolve_it(self, found: list[_Found]) -> None:
        """Give a speaker ``it`` the most recent organisation source of its or the previous paragraph.

        ``The hospital said it would close. "We are sorry," it said.``: a subject *it* of a verb
        of saying that the sentence's own subject did not resolve (it stayed ``it``, or became a
        person) is the latest earlier source, in text order, that is no person, no plural, no
        pronoun and neither ``citizen`` nor ``anonymous``, within :data:`_INHERIT_PARAGRAPHS`
        paragraphs; with none it is left as it is. Quotations are found before paraphrases, so
        this runs once every source is known.
        """
        v = self.v
        words = v.words
        sourced = sorted(
            ((f.src, f.entity, f) for f in found if f.src is not None and f.entity is not None and f.cue is not None), key=lambda t: t[0]
        )
        org: tuple[int, _Entity] | None = None  # first token and entity of the latest organisation source
        for (a, b), ent, f in sourced:
            if b - a == 1 and words[a] == "it":
                unresolved = ent.name.lower() == "it" or (ent.person and not _institution(ent))
                if unresolved and org is not None and v.para_of(v.spans[a][0]) - v.para_of(v.spans[org[0]][0]) <= _INHERIT_PARAGRAPHS:
                    f.entity = org[1]
                continue
            last = ent.name.split()[-1].lower() if ent.name else ""
            if _institution(ent) and last not in _PRONOUNS and not _plural_like(last) and ent.type not in {"citizen", "anonymous"}:
                org = (a, ent)

    def resolve_anaphors(self, found: list[_Found]) -> None:
        """Give an unresolved *he*/*she* and a definite description the source they refer back to.

        Runs once every source is known (quotations are found before paraphrases), over the
        sources in text order, within :data:`_INHERIT_PARAGRAPHS` paragraphs and the :data:`_ANAPHOR_REACH` latest sources:

        * *he* or *she* that no named person resolved (it stayed ``he``, or took an unnamed
          source found before the paraphrases were) is the latest earlier source that is one
          unnamed person: ``A government spokesman said ... "...," he said``;
        * ``the official``, ``the senior official`` (*the*, lowercase words, a head) is the latest
          earlier unnamed source with the same head (``another official`` after ``a senior
          official``), so the two mentions count as one source;
        * ``the group``, ``the company`` (:data:`_GENERIC_ORG_ANAPHORS`) with no such source is
          the latest earlier organisation known by its name (:func:`_named_organisation`).
        """
        v = self.v
        words = v.words
        sourced = sorted(
            ((f.src, f.entity, f) for f in found if f.src is not None and f.entity is not None and f.cue is not None), key=lambda t: t[0]
        )
        earlier: list[tuple[int, _Entity]] = []  # paragraph and entity of each earlier source, in text order

        def recent(para: int) -> Iterator[_Entity]:
            # the earlier sources within reach, latest first (paragraphs only grow in text order);
            # lazy, so only an anaphor walks back, and at most _ANAPHOR_REACH sources: the cost per
            # anaphor stays bounded in a paragraph of thousands of sources
            for p, e in itertools.islice(reversed(earlier), _ANAPHOR_REACH):
                if para - p > _INHERIT_PARAGRAPHS:
                    return
                yield e

        for (a, b), ent, f in sourced:
            para = v.para_of(v.spans[a][0])
            referent: _Entity | None = None
            if b - a == 1 and words[a] in {"he", "she"} and (ent.name.lower() == words[a] or _unnamed_person(ent)):
                other = _FEMALE_HEADS if words[a] == "he" else _MALE_HEADS
                referent = next((e for e in recent(para) if _unnamed_person(e) and not other & set(e.name.split())), None)
            elif 2 <= b - a <= 4 and words[a] == "the" and not any(v.caps[t] for t in range(a + 1, b)) and not ent.person:
                head = words[b - 1]
                referent = next(
                    (e for e in recent(para) if e is not ent and e.name and e.name == e.name.lower() and e.name.split()[-1] == head), None
                )
                if referent is None and head in _GENERIC_ORG_ANAPHORS:
                    referent = next((e for e in recent(para) if _named_organisation(e) and _type_fits(ent.type, e.type)), None)
            if referent is not None:
                f.entity = referent
            earlier.append((para, f.entity or ent))

    def headline(self, found: list[_Found]) -> _Found | None:
        """``Sanders: Brexit vote could help Trump.``: a headline that opens with a name and a colon.

        In a headline the colon attributes the claim after it to the name before it. Only the
        first line of the text counts, the name is at most :data:`_MAX_HEADLINE_NAME` capitalised
        words (no article, number or section label such as ``Analysis:``), at least three words
        follow with a quotation, an auxiliary or a word in *-ed* or *-s* among them (a claim, not a
        profile's description: ``Ana Ruiz: The acting outlaw``), and no other attribution holds
        them (``Name: "..."`` is a direct quotation).
        """
        v = self.v
        words = v.words
        if not v.sent_tok:
            return None
        sa, sb = v.sent_tok[0]
        k = sa
        while k < min(sb, sa + _MAX_HEADLINE_NAME) and self.plain_gap(k):
            k += 1
        name = range(sa, k + 1)
        ok = (
            k < min(sb, sa + _MAX_HEADLINE_NAME)
            and v.gap(k).strip() == ":"
            and sb - (k + 1) >= _MIN_HEADLINE_CLAIM
            and ("\n" in v.gap(sb - 1) or sb == len(words))  # the first sentence is a line of its own
            and words[sa] not in _DETERMINERS
            and all((v.caps[i] or words[i] in _CONNECTORS) and words[i] not in _HEADLINE_LABELS and not _numeric(words[i]) for i in name)
        )
        claim = range(k + 2, sb)  # (after the claim's first word)
        clause = any(
            v.tok_quote[i] >= 0
            or words[i] in _FINITE_AUX
            or (len(words[i]) > 3 and words[i].endswith(("ed", "s")) and not words[i].endswith("ss"))
            for i in claim
        )  # a claim, not a profile's description ("Ana Ruiz: The acting outlaw")
        if not (ok and clause):
            return None
        content = (v.spans[k + 1][0], v.spans[sb - 1][1])
        if any(_overlaps(content, f.content) for f in found):
            return None
        return _Found("indirect", (sa, k + 1), self.entity(sa, k + 1, sa), None, "neutral", "", content)

    def _sentence_bounds(self, k: int) -> tuple[int, int]:
        return self.v.sent_tok[self.v.tok_sent[k]]

    def _find_cue(self, lo: int, hi: int, *, last: bool, cognitive: bool = False) -> int | None:
        ks = [
            k for k in range(lo, hi) if k in self.verbs and self.v.tok_quote[k] < 0 and (cognitive or self.verbs[k].category != "cognitive")
        ]
        ks = [k for k in ks if self.is_verb_use(k)]
        if not ks:
            return None
        return ks[-1] if last else ks[0]

    def direct(self, qs: int, qe: int, last: _Found | None, consumed: set[int]) -> _Found:  # noqa: C901, PLR0912, PLR0915 - the quotation patterns, in order
        """The attribution of the speech quotation ``qi``."""
        v = self.v
        words = v.words
        n = len(words)
        qa = bisect.bisect_left(v.starts, qs)  # first token inside
        qb = bisect.bisect_left(v.starts, qe)  # first token after
        content = (qs, qe)
        if qa >= qb:  # a quotation without words (a stray mark): nothing to attribute it to
            return _Found("direct", None, None, None, "neutral", "", content)
        sent_a = v.sent_tok[v.tok_sent[qa]][0] if qa < n else (v.sent_tok[-1][0] if v.sent_tok else 0)
        sent_b = v.sent_tok[v.tok_sent[qb - 1]][1] if 0 < qb <= n else n
        # Region limits: not into another quotation.
        lo = qa
        while lo - 1 >= sent_a and v.tok_quote[lo - 1] < 0:
            lo -= 1
        hi = qb
        while hi < sent_b and v.tok_quote[hi] < 0:
            hi += 1
        cue: int | None = None
        cue_end = 0
        cue_from = n  # the start of the cue when it opens before its verb ("issued a statement saying")
        src: tuple[int, int] | None = None
        agentless = False  # a passive cue with no agent: the quotation inherits no speaker
        # 1. After the quotation: "...," X said / said X / X continued; not after a quotation
        # embedded in a clause ('the system is "broken" and he pledged ...').
        if qb < hi and not self.embedded_quote(qs, qe, qa, lo):
            c = self._find_cue(qb, min(hi, qb + _RIGHT_CUE_WINDOW), last=False)
            if c is None:
                # A speaker with a long appositive: "...," X, a Y of Z, told reporters.
                c = self._find_cue(qb, min(hi, qb + _RIGHT_APPOSITIVE_WINDOW), last=False)
                if c is not None and (c == 0 or "," not in v.gap(c - 1) or (self.source_before_cue(c, qb) or (-1, -1))[0] != qb):
                    c = None
            if c is None:
                c = self.cognitive_tag(qb, hi)
            if c is not None and lo < qa and self.coordinated(c, qb):
                c = None  # '... "dead on arrival" and warned that ...': a second verb, not a speaker tag
            if c is not None:
                verb = self.verbs[c]
                src = self.source_before_cue(c, qb)
                if src is None and not (verb.end + 1 < hi and words[verb.end] in _PRONOUNS and self.plain_gap(verb.end)):
                    # "...," said Smith; but in "... and said it was" the pronoun opens the content,
                    # and a participle does not invert ('..." before predicting a healing effect').
                    src = self.np_after(verb.end, hi, appositive=True) if self.invertible(c) else None
                if (
                    src is None
                    and words[c].endswith("ing")
                    and lo < qa
                    and self._find_cue(max(lo, qa - _LEFT_CUE_WINDOW), qa, last=True) is not None
                ):
                    c = None  # 'X said the plan was "a disaster," adding ...': the tag before the quotation is its cue
            if c is not None:
                verb = self.verbs[c]
                cue = c
                cue_end = self.cue_tail(verb.end, hi, governed=self.governs(c, verb.end))
                if src is not None and src[0] < cue_end and src[1] > verb.end:
                    cue_end = verb.end
        # 1a. '"...," according to X.': the phrase after "according to" is the speaker.
        according = self.according_tag(qe, qb, hi) if cue is None and qb < hi else None
        if according is not None:
            cue, cue_end, src = according
        # 1b. A speaker tag the sentence splitter cut off: "... ?" Smith asked.
        if cue is None and qb == sent_b and qb < n:
            tag = self.split_tag(qb, qe)
            if tag is not None:
                cue, cue_end, src = tag
        # 1c. A passive label with its agent after the quotation: 'were called "thugs" by the
        # mayor': the agent is the speaker, "were called" the cue.
        if cue is None and qa >= 2 and lo < qa < qb < hi - 1 and words[qb] == "by" and words[qa - 2] in _PASSIVE_AUX:
            verb_at = self.verbs.get(qa - 1)
            agent = self.np_after(qb + 1, hi, appositive=True) if verb_at is not None and verb_at.end == qa else None
            if agent is not None:
                cue, cue_from, cue_end, src = qa - 1, qa - 2, qa, agent
        # 2. Before it: X said: "..." / X said, "..." / X said the plan was "a disaster".
        if cue is None and lo < qa:
            c = self._find_cue(max(lo, qa - _LEFT_CUE_WINDOW), qa, last=True)
            if c is None:
                # A stance verb whose paraphrase embeds the quotation: X called the chaos "a lesson".
                c = self._find_cue(max(lo, qa - _LEFT_CUE_WINDOW), qa, last=True, cognitive=True)
                gap = v.text[v.spans[qa - 1][1] : qs]
                # It stays the cue of a passive label ('were called "thugs"': no speaker) and of a
                # cry ('Fans called "Shame!"': the subject shouted it), which the document model
                # reads as speech.
                passive_label = c is not None and _passive_at(words, c, lo)
                cry = v.text[qs:qe].strip(" \"'\u201c\u201d\u2018\u2019").endswith("!")
                if (
                    c is not None
                    and (self.verbs[c].end >= qa - 1 or ":" in gap or "," in gap)
                    and not self.pronoun_label(c, qa)
                    and not passive_label
                    and not (cry and self.verbs[c].end == qa)
                ):
                    c = None
            if c is not None:
                verb = self.verbs[c]
                gap_before = v.text[v.spans[qa - 1][1] : qs] if qa > 0 else ""
                src = self.source_before_cue(c, lo)
                if src is None and c > lo and "," in v.gap(c - 1) and "," in gap_before and self.invertible(c):
                    inverted_np = self.np_after(verb.end, qa, appositive=True)
                    src = inverted_np if inverted_np is not None and inverted_np[1] == qa else None  # '..., explained X, "..."'
                issuer = self.document_issuer(src, c, lo) if src is not None else self.means_governor(c, lo)
                if _passive_at(words, c, lo) and not words[c].endswith("ing"):
                    # 'X was labelled "a disgrace" by Y': the speaker is the agent after the
                    # quotation; with none the passive names no speaker (X is what is described).
                    issuer = None
                    src = None
                    if verb.end + 1 < qa and words[verb.end] == "by" and self.plain_gap(verb.end - 1):
                        src = self.np_after(verb.end + 1, qa, appositive=False)  # "was described by Y as "...""
                    elif qb + 1 < hi and words[qb] == "by":
                        src = self.np_after(qb + 1, hi, appositive=False)
                    agentless = src is None
                if src is None and issuer is None and words[c].endswith("ing"):
                    src = self.clause_subject(lo, c)
                cue = c
                if issuer is not None:
                    cue_from, src = issuer  # 'X issued a statement saying, "..."', 'X began by saying: "..."'
                cue_end = min(qa, self.cue_tail(verb.end, qa, governed=self.governs(c, verb.end)))
                between = cue_end < qa and not (":" in gap_before or "," in gap_before) and (qa - cue_end > 1 or self.pronoun_label(c, qa))
                if between:
                    # A quotation inside a paraphrase: the content is the paraphrase.
                    start_tok = cue_end
                    while start_tok < qa and words[start_tok] == "that":
                        start_tok += 1
                    end_tok = hi
                    end_char = qe
                    while end_tok < sent_b and (v.tok_quote[end_tok] < 0 or v.quotes[v.tok_quote[end_tok]][2]):
                        if v.tok_quote[end_tok] >= 0:
                            consumed.add(v.tok_quote[end_tok])
                            end_char = max(end_char, v.quotes[v.tok_quote[end_tok]][1])
                        end_tok += 1
                    if src is not None and cue_end <= src[0] < qa:
                        start_tok = src[1]  # the agent of a passive cue is the source, not content
                    start_char = qs if start_tok >= qa else v.spans[start_tok][0]  # "that that "...": from the mark
                    content = (start_char, max(end_char, v.spans[end_tok - 1][1]))
        # 2a. A quoted phrase inside a paraphrase whose speaker tag ends the sentence: 'The plan
        # brings a "new era" for the town, she said.' The paraphrase is the content.
        if cue is None and lo < qa and self.embedded_quote(qs, qe, qa, lo):
            trailing = self.trailing_tag(qb, sent_b)
            if trailing is not None:
                cue, cue_end, src, tag_start = trailing
                end_char = max(qe, v.spans[tag_start - 1][1])
                for k in range(qb, tag_start):
                    if v.tok_quote[k] >= 0:
                        consumed.add(v.tok_quote[k])
                        end_char = max(end_char, v.quotes[v.tok_quote[k]][1])  # (with its closing mark)
                content = (v.spans[lo][0], end_char)
        # 2b. A tag ending the sentence before: X said: (new paragraph) "...".
        if cue is None and qa == sent_a and qa > 0 and ":" in v.text[v.spans[qa - 1][1] : qs]:
            tag = self.colon_tag(qa)
            if tag is not None:
                cue, cue_end, src = tag
        # 3. A trailing dash and a name: "..." - Name.
        if cue is None and src is None and qb < n:
            after = v.text[qe : v.spans[qb][0]]
            if _DASH_NAME.fullmatch(after) and v.caps[qb]:
                src = self.np_after(qb, max(hi, min(n, qb + 6)), appositive=True)
        # 4. A name before a colon: Name: "...".
        if cue is None and src is None and qa > 0 and lo < qa and ":" in v.text[v.spans[qa - 1][1] : qs]:
            if v.caps[qa - 1]:
                src = self.np_before(qa - 1, lo)
            else:
                # "Cruz called them on it: "..."": the named subject of the clause that introduces it
                src = self.clause_subject(lo, qa - 1)
                if src is not None and (not v.caps[src[0]] or words[src[0]] in {"it", "this", "there", "here"}):
                    src = None
        entity: _Entity | None = None
        src_chars: tuple[int, int] | None = None
        if src is not None:
            entity = self.entity(src[0], src[1], v.sent_tok[v.tok_sent[src[0]]][0])
        elif (
            not agentless
            and last is not None
            # a quotation with a reporting verb of its own is no continuation of the last one (the
            # second half of a split quotation shares the first half's verb)
            and (cue is None or (last.cue is not None and last.cue[0] <= cue < last.cue[1]))
            and last.entity is not None
            and v.para_of(qs) - v.para_of(last.content[1] - 1) <= _INHERIT_PARAGRAPHS
        ):
            entity = last.entity
            src = last.src
            src_chars = last.src_chars
        if cue is not None:
            cue_from = min(cue, cue_from)
            self.used_cues.update(range(cue_from, cue_end))
            self.used_cues.update(self.hedges_before(cue))
        verb_cls: CueClass = self.verbs[cue].cls if cue is not None and according is None else "neutral"
        lemma = ""
        if according is not None:
            lemma = " ".join(words[according[0] : according[1]])
        elif cue is not None:
            lemma = self.s.lemma(words[cue : self.verbs[cue].end])
        return _Found("direct", src, entity, None if cue is None else (cue_from, cue_end), verb_cls, lemma, content, src_chars)

    def pronoun_label(self, c: int, qa: int) -> bool:
        """Whether the stance verb at ``c`` labels a pronoun with the quotation opening at token ``qa``.

        ``Ana Ruiz calls it "modernisation"``, ``called them "thugs"``: as with a noun object
        (``called the plan "a disaster"``), the verb is the cue and its subject the speaker.
        """
        words = self.v.words
        gap = self.v.gap(qa - 1)
        return self.verbs[c].end == qa - 1 and words[qa - 1] in _OBJECT_PRONOUNS and self.plain_gap(c) and "," not in gap and ":" not in gap

    def according_tag(self, qe: int, qb: int, hi: int) -> tuple[int, int, tuple[int, int]] | None:
        """Cue start, cue end and source of an ``according to X`` phrase right after a quotation.

        Only a comma or spaces stand between the quotation and the phrase; as with any
        ``according to`` phrase after its content, the source runs to the clause punctuation.
        """
        v = self.v
        if qb not in self.according_at or v.text[qe : v.spans[qb][0]].strip(" ,"):
            return None
        b = qb + 2  # "according to" (a longer channel phrase such as "according to a statement" is source)
        src = self.np_after(b, hi, appositive=True)
        if src is None:
            return None
        return qb, b, self.to_clause_end(src, hi)

    def embedded_quote(self, qs: int, qe: int, qa: int, lo: int) -> bool:
        """Whether the quotation ``[qs, qe)`` is a phrase inside its clause, not a quoted utterance.

        Words of the clause come before it with no colon or comma between, and it ends with no
        punctuation of its own and none after it (``called the plan "a disaster" and left``).
        """
        v = self.v
        if qa <= lo:
            return False
        before = v.text[v.spans[qa - 1][1] : qs]
        inner = v.text[qs:qe].rstrip("\"' ")
        after = v.text[qe : qe + 2]
        return not any(ch in before for ch in ",:") and not inner.endswith((",", ".", "?", "!")) and not any(ch in after for ch in ",.?!")

    def cognitive_tag(self, qb: int, hi: int) -> int | None:
        """A verb of the ``cognitive`` category that is the whole speaker tag after a quotation.

        ``"...," she agreed.``, ``"Why now?" he wondered.``: the subject and the verb (with its
        group) are all that follows the quotation up to the end of its clause, so the verb
        reports the quotation rather than opening a clause of its own.
        """
        c = self._find_cue(qb, min(hi, qb + _RIGHT_CUE_WINDOW), last=False, cognitive=True)
        if c is None or self.verbs[c].category != "cognitive":
            return None
        src = self.source_before_cue(c, qb)
        end = self.cue_tail(self.verbs[c].end, hi, governed=False)
        if src is None or src[0] != qb or not (end >= hi or not self.plain_gap(end - 1)):
            return None
        return c

    def colon_tag(self, qa: int) -> tuple[int, int, tuple[int, int]] | None:
        """Cue, cue end and speaker of a sentence ending in a colon just before a quotation.

        ``He said:`` followed by a quotation that the splitter put in a sentence (or paragraph)
        of its own: the cue group must run up to the colon.
        """
        v = self.v
        ps = v.sent_tok[v.tok_sent[qa - 1]][0]
        if any(v.tok_quote[k] >= 0 for k in range(max(ps, qa - _LEFT_CUE_WINDOW), qa)):
            return None
        c = self._find_cue(max(ps, qa - _LEFT_CUE_WINDOW), qa, last=True)
        if c is None:
            return None
        end = self.cue_tail(self.verbs[c].end, qa, governed=False)
        src = self.source_before_cue(c, ps)
        if src is None or end != qa:
            return None
        return c, end, src

    def trailing_tag(self, qb: int, sb: int) -> tuple[int, int, tuple[int, int], int] | None:
        """Cue, cue end, speaker and first token of a speaker tag that ends the sentence after ``qb``.

        The tag follows a comma and is nothing but speaker and cue (``..., she said.``,
        ``..., said Ana Ruiz, a teacher.``, ``..., the mayor said on Monday.``); between ``qb``
        and the tag there may be more words and quoted phrases of the same paraphrase.
        """
        v = self.v
        t = sb
        while t > qb and v.tok_quote[t - 1] < 0 and sb - t <= _RIGHT_APPOSITIVE_WINDOW:
            t -= 1  # the words after the last quotation of the sentence
        c = self._find_cue(t, sb, last=False)
        if c is None:
            return None
        verb = self.verbs[c]
        src = self.source_before_cue(c, t)
        end = self.cue_tail(verb.end, sb, governed=False)
        start = c if src is None else src[0]
        if src is None:  # ", said Ana Ruiz."
            src = self.np_after(verb.end, sb, appositive=True)
            if src is not None and src[0] < end:
                end = verb.end
        if src is None or start <= qb or "," not in v.gap(start - 1) or max(end, src[1]) != sb:
            return None
        return c, end, src, start

    def split_tag(self, qb: int, qe: int) -> tuple[int, int, tuple[int, int]] | None:
        """Cue, cue end and speaker of a sentence that is only a speaker tag for the quotation before it.

        A quotation ending in ``?`` or ``!`` ends a sentence for the splitter, which leaves the tag
        (``"Why now?" Smith asked.``) as a sentence of its own. The tag must start right after the
        quotation in the same paragraph, hold no quotation and be nothing but speaker and cue.
        """
        v = self.v
        nb = v.sent_tok[v.tok_sent[qb]][1]
        if (
            v.para_of(v.spans[qb][0]) != v.para_of(qe - 1)
            or v.text[qe : v.spans[qb][0]].strip(" ,")
            or nb - qb > _RIGHT_CUE_WINDOW + 4
            or any(v.tok_quote[k] >= 0 for k in range(qb, nb))
        ):
            return None
        c = self._find_cue(qb, nb, last=False)
        if c is None:
            return None
        verb = self.verbs[c]
        src = self.source_before_cue(c, qb)
        if src is None and c == qb:  # "said Smith."
            src = self.np_after(verb.end, nb, appositive=True)
        end = self.cue_tail(verb.end, nb, governed=False)
        if src is None or (src[0] != qb and c != qb) or max(end, src[1]) != nb:
            return None
        return c, end, src

    def indirect(self, c: int, sa: int, sb: int) -> _Found | None:  # noqa: C901, PLR0912, PLR0915 - subject, inversion, passive
        """An indirect attribution around the reporting verb at token ``c``."""
        v = self.v
        words = v.words
        verb = self.verbs[c]
        if (
            not self.is_verb_use(c)
            or (words[c] in _NOUN_HOMOGRAPHS and (self.modified_base_form(c) or self.noun_use(c)))
            or (verb.category == "cognitive" and not self.stance_use(c, verb.end))
            or (words[c] in _CLAIM_ONLY and not self.clause_after(verb.end))
            or self.taking(c, verb.end)
            or self.physical_use(c, verb.end)
            or self.thing_requires(c, verb.end)
            or (words[c] in _WEIGH and verb.end < len(words) and words[verb.end] == "at")  # "weighs in at 80kg": a weight
            or (verb.end - c == 2 and words[c + 1] == "that" and words[c] not in self.s._single and not self.singular_subject(c))  # noqa: SLF001
            or self.speech_event(c)
            or (c + 1 < len(words) and (words[c], words[c + 1]) in _CUE_COMPOUNDS)  # "think tanks", "talk show"
            or (words[c] in _PUT and not self.as_clause(c, sa))
            or (words[c] in _COMMENT_FORMS and not self.comment_complement(verb.end))
        ):
            return None
        # Region: the sentence, outside quotations, at most _REGION tokens on each side of the
        # cue (so that a sentence with many cues costs linear time).
        lo = c
        floor = max(sa, c - _REGION)
        semi = self.semicolons
        while lo - 1 >= floor and v.tok_quote[lo - 1] < 0 and lo - 1 not in semi:
            lo -= 1
        hi = verb.end
        ceiling = min(sb, verb.end + _REGION)
        tok_quote, quotes = v.tok_quote, v.quotes
        # speech_at and the first test of coordinated_report inlined: this loop runs per token
        while (
            hi < ceiling
            and (tok_quote[hi] < 0 or not quotes[tok_quote[hi]][2])
            and hi - 1 not in semi
            and not (hi > verb.end + 1 and words[hi] in _CLAUSE_CONJUNCTIONS and self.coordinated_report(hi))
        ):
            hi += 1  # (a scare quote is part of the clause: 'believes the "new deal" is a mistake')
        hedges = self.hedges_before(c)
        if hedges and verb.category == "cognitive":
            return None  # "X reportedly plans to ...": one unattributed claim, not two attributions
        src: tuple[int, int] | None = None
        # (an adverb may split the passive: "was reportedly discussed" is as agentless as "was discussed")
        passive = _passive_at(words, c, lo) and not words[c].endswith("ing")  # "is insisting" is progressive
        if verb.end < hi and words[verb.end] == "by" and words[c].endswith("ed"):
            src = self.np_after(verb.end + 1, hi, appositive=False)
            passive = True
        inverted = src is not None  # "... reported by X": the content comes before the verb
        opener = self.participle_opener(c, lo, hi) if src is None and not passive else None
        if opener is not None:
            src, hi = opener  # "Noting that ..., X added": the main clause's subject; the content ends at the comma
        # A time adverbial may stand between an inverting verb and its speaker: "..., said on Monday X".
        k0 = verb.end
        if k0 + 1 < hi and words[k0] == "on" and words[k0 + 1] in _TIME and self.plain_gap(k0) and self.plain_gap(k0 + 1):
            k0 += 2
        named_after = k0 < hi and (v.caps[k0] or words[k0] in _DETERMINERS or self.role_then_name(k0, hi))
        invertible = not passive and c > lo and "," in v.gap(c - 1) and named_after and self.invertible(c)
        if src is None and invertible and self.s.lemma(words[c : verb.end]) in _INVERTING:
            after = self.np_after(k0, hi, appositive=True)
            # "..., said X, a historian.": the noun phrase ends the clause (a time adverbial may follow)
            timed = after is not None and all(words[i] in _TIME for i in range(after[1], hi))
            if after is not None and timed and not any(words[i] in _TIME for i in range(*after)):
                src, inverted = after, True
        after_quote = c == lo and c > 0 and v.tok_quote[c - 1] >= 0  # 'X said: "...," adding that ...'
        if src is None and not passive and (c > lo or after_quote) and words[c].endswith("ing") and "," in v.gap(c - 1):
            # "X ..., citing Y": a participle after a comma hangs on its clause, whose speaker or
            # subject speaks, not the noun phrase before the comma
            src = self.earlier_speaker(c) or (self.clause_subject(lo, c) if c > lo else None)
        if src is None and not passive:
            src = self.participle_head(c, self.source_before_cue(c, lo))
        if src is None and invertible:
            src = self.np_after(verb.end, hi, appositive=True)
            if src is not None and src[1] < hi and self.plain_gap(src[1] - 1):
                src = None  # "..., criticized the plan for ...": an object, not an inverted speaker
            inverted = src is not None
        # A reduced passive after a comma ("The trial, expected to last ...", "X, regarded as ...").
        reduced = (
            verb.category == "cognitive" and words[c].endswith(("ed", "en")) and verb.end < hi and words[verb.end] in {"as", "to", "by"}
        )
        if src is None and not passive and c > lo and (words[c].endswith("ing") or ("," in v.gap(c - 1) and not reduced)):
            # "..., decrying X": the subject of the clause; "X, (a long aside), criticized Y" too.
            src = self.clause_subject(lo, c)
        governor = self.infinitive_governor(c, lo) if src is None and not passive else None
        if governor is not None:
            src = self.governor_subject(governor, lo)
        elif src is None and not passive and (obj := self.causative_object(c, lo)) is not None:
            src = obj  # "The ruling led some to question ...": the object of the causing verb
        elif src is None and not passive and self.purpose_infinitive(c, lo):
            start = next((j + 1 for j in range(c - 2, lo - 1, -1) if ":" in v.gap(j)), lo)  # a colon opens a clause
            src = self.name_subject(self.clause_subject(start, c - 1))  # "X took to Twitter to say ..."
            if src is not None and (src[1] > c - 3 or words[src[0]] in _EXPLETIVES):
                src = None  # "the unwillingness to support": no verb between; "it is hard to say"
        if src is None and not passive:
            src = self.coordinated_subject(c, lo)
        issuer = self.document_issuer(src, c, lo) if src is not None and not passive and not inverted else None
        if issuer is None and not passive and not inverted:
            issuer = self.means_governor(c, lo)
        if issuer is not None:
            governor, src = issuer  # "X issued a statement saying": X speaks, the statement is how
        if src is None and passive and (verb.category != "cognitive" or self.s.lemma(words[c : c + 1]) in _EPISTEMIC):
            return self.agentless(c, hi)
        if (
            src is None
            or not self.plausible_source(*src)
            or (verb.category == "cognitive" and self.restrictive_relative(src))
            or (not inverted and src[1] == c and all(k in self.used_cues for k in range(*src)))
        ):
            return None  # (the last: "said in a statement posted online", a participle after another cue's channel)
        hi = self.relative_clause_end(src, verb.end, hi)
        # Content: after the verb (skipping "that" and the hearer of "told"), else before the source.
        k = verb.end
        cue_end = verb.end
        if not inverted and not passive:
            cue_end = k = self.infinitive_chain(self.cue_tail(verb.end, hi, governed=self.governs(c, verb.end)), hi)
            if words[c] in _TELL_LIKE and verb.end - c == 1:  # "told reporters": the content starts after the hearer
                j = k
                while j < min(hi, k + 6) and words[j] != "that":
                    j += 1
                if j < hi and words[j] == "that":
                    k = j
                else:
                    obj = self.np_after(k, hi, appositive=False)
                    if obj is not None and words[k] not in _BOUNDARY and words[k] != "of":
                        k = self.after_hearer(c, obj, hi)
            while k < hi and words[k] in {"that", "of", "about"} and self.plain_gap(k):
                k += 1
        elif passive and src is not None:
            k = src[1]
        if inverted:
            k = src[1]
        content: tuple[int, int] | None = None
        if hi - k >= 2 and not inverted and not all(w in _TIME for w in words[k:hi]):
            # (a bare time adverbial after the hearer is no content: "..., X told Radio 4 on Saturday.")
            content = (self.start_char(k), self.end_char(hi - 1))
        else:
            first = min(src[0], self.verb_group_start(c))  # "X was criticized by Y": "was" opens the cue
            b = first
            a = lo
            while a < b and words[a] in _SENTENCE_ADVERBS and v.caps[a]:
                a += 1
            if b - a >= 2 and not self.untagged_before(b, inverted=inverted, passive=passive):
                content = (v.spans[a][0], v.spans[b - 1][1])
            elif hi - k == 1 and not inverted and words[k] not in _TIME and (v.caps[k] or words[k] in _OBJECT_PRONOUNS - {"it"}):
                content = v.spans[k]  # a one-word object that names someone: "endorsed Cruz", "backed her"
        if (
            not inverted
            and not passive
            and verb.end - c > 2
            and words[c + 1] == "to"
            and (cue_end >= hi or not self.plain_gap(cue_end - 1))
        ):
            # "X declined to comment.", "X, which declined to comment, ...": a refusal phrase
            # that ends its clause; the refusal is the cue and what was refused is the content.
            content = (v.spans[c + 1][0], v.spans[cue_end - 1][1])
            cue_end = c + 1
        if content is None or (verb.category == "cognitive" and self.own_report(c, src)):
            return None
        entity = self.entity(src[0], src[1], sa)
        start = c if governor is None or src[1] > governor else governor
        self.used_cues.update(range(start, cue_end))
        self.used_cues.update(hedges)  # "X reportedly said": the hedge is part of this cue
        return _Found("indirect", src, entity, (start, cue_end), verb.cls, self.s.lemma(words[c : verb.end]), content)

    def coordinated_report(self, k: int) -> bool:
        """Whether token ``k`` opens a coordinated clause with a speaker and a cue of its own.

        ``X did not say why, but she believes ...``: after a comma, a conjunction, a subject
        pronoun and a cue word start a new report, which ends the content of the one before.
        """
        v = self.v
        words = v.words
        return (
            k + 2 < len(words)
            and words[k] in _CLAUSE_CONJUNCTIONS
            and "," in v.gap(k - 1)
            and words[k + 1] in _SUBJECT_PRONOUNS
            and (k + 2 in self.verbs or (words[k + 2] in _CUE_AUX and k + 3 in self.verbs))
        )

    def untagged_before(self, b: int, *, inverted: bool, passive: bool) -> bool:
        """Whether the words before a speaker at token ``b`` are no content of its cue.

        Content comes before its cue only in a speaker tag set off from it (``The plan will
        fail, officials said``, ``... -- officials said``), in an inversion (``..., said X``,
        ``... reported by X``) or a passive (``The plan was criticised by X``). A subject that
        follows the words before it without punctuation continues their clause (``The White
        House said it disagreed``, ``..., but economists doubt it``): what precedes it is not
        what it reports.
        """
        return not inverted and not passive and b > 0 and self.plain_gap(b - 1)

    def relative_clause_end(self, src: tuple[int, int], k: int, hi: int) -> int:
        """The end of the content of a cue in a non-restrictive relative clause (its source ``src``).

        ``Mayor Ana Ruiz, who has championed the plan, said ...``: the clause closes at the comma
        before the verb of its antecedent, so the content stops there (``the plan``), not at the
        end of the sentence. Returns ``hi`` when ``src`` is no relative after a comma or no such
        comma follows token ``k``.
        """
        v = self.v
        words = v.words
        a, b = src
        if b - a != 1 or words[a] not in _RELATIVE_SUBJECTS or a == 0 or "," not in v.gap(a - 1):
            return hi
        for j in range(k, hi - 1):
            if "," in v.gap(j):
                n = j + 1
                while n < hi - 1 and self.adverb(n):
                    n += 1
                w = words[n]
                if n in self.verbs or w in _FINITE_AUX or (w.endswith("ed") and not v.caps[n]):
                    return j + 1
        return hi

    def comment_complement(self, end: int) -> bool:
        """Whether a form of *comment* or *remark* ending at ``end`` is followed as a verb is.

        The verbs take ``on``, ``about``, ``that`` or nothing (``X commented.``, ``X remarks:``);
        before any other word (``controversial comments made by``, ``his remarks drew``) the word
        is the noun.
        """
        words = self.v.words
        return end >= len(words) or not self.plain_gap(end - 1) or words[end] in {"on", "about", "that", "upon"}

    def participle_head(self, c: int, src: tuple[int, int] | None) -> tuple[int, int] | None:
        """The noun a participle cue right after its subject modifies: the phrase after the last ``of``.

        ``the share of voters saying``, ``footage of Ana Ruiz talking about``: the participle
        post-modifies the nearest noun phrase, and the voters speak, not the share.
        """
        words = self.v.words
        if src is None or not words[c].endswith("ing") or src[1] != c or not self.plain_gap(c - 1):
            return src
        v = self.v
        for i in range(src[1] - 2, src[0], -1):
            if words[i] != "of" or not self.plain_gap(i) or (v.caps[i - 1] and v.caps[i + 1]) or _numeric(words[i + 1]):
                continue  # (not inside a name, "Freedom of Information Act", nor before a measure, "of 20 years")
            if self.plausible_source(i + 1, src[1]):
                return (i + 1, src[1])
        return src

    def participle_opener(self, c: int, lo: int, hi: int) -> tuple[tuple[int, int], int] | None:
        """Speaker and content end of a participle cue that opens its sentence.

        ``Noting that the vote was close, Ruiz added ...``, ``After suggesting that ..., the
        mayor said ...``: the participle phrase (after at most a preposition) runs to the first
        comma and its speaker is the subject of the main clause after it. Returns the subject and
        the token after the comma's word.
        """
        v = self.v
        words = v.words
        verb = self.verbs[c]
        opens = c == lo or (c - 1 == lo and words[lo] in _PARTICIPLE_PREPOSITIONS and self.plain_gap(lo))
        if not opens or not words[c].endswith("ing"):
            return None
        j = verb.end
        while j < hi - 1 and "," not in v.gap(j):
            if not self.plain_gap(j):
                return None
            j += 1
        if j >= hi - 1 or j == verb.end - 1:
            return None
        src = self.clause_subject(j + 1, hi)
        if src is None:
            return None
        a, b = src
        e = a + 1
        while e < b and not (e in self.verbs or self.adverb(e) or words[e] in _AUX or words[e] in _BOUNDARY):
            e += 1  # the subject ends before its verb group ("the senator only occasionally attacked")
        return (a, e), j + 1

    def infinitive_chain(self, k: int, hi: int) -> int:
        """The end of a cue whose verb group goes on into an infinitive reporting verb at token ``k``.

        ``has declined to respond to``, ``wants to discuss``: the infinitive (with its own
        governed preposition) joins the cue and the content starts after it.
        """
        words = self.v.words
        j = k + 1 if k < hi and words[k] == "not" else k
        if j + 1 < hi and words[j] == "to" and (j + 1) in self.verbs and self.plain_gap(j) and self.plain_gap(j - 1):
            inner = self.verbs[j + 1]
            if self.is_verb_use(j + 1) and inner.category != "cognitive":
                return self.cue_tail(inner.end, hi, governed=self.governs(j + 1, inner.end))
        return k

    def infinitive_governor(self, c: int, lo: int) -> int | None:
        """The verb or adjective that governs the infinitive cue at ``c`` (``choose to (not) believe``).

        It must be one of :data:`_CONTROL` (verbs and adjectives whose subject is the subject of
        the infinitive: ``tried to``, ``is eager to``, ``went on to``); ``urged Congress to`` has an
        object in between and is left alone. Returns the governor's token.
        """
        words = self.v.words
        t = c - 1
        if t - 1 >= lo and words[t] == "not" and self.plain_gap(t - 1):
            t -= 1  # "decided not to endorse" ... "to" comes first
        if words[t] != "to" and t - 1 >= lo and words[t - 1] == "to":
            t -= 1
        if t - 1 < lo or words[t] != "to" or not self.plain_gap(t - 1) or not self.plain_gap(t):
            return None
        g = t - 1
        if g - 1 >= lo and words[g] == "not" and self.plain_gap(g - 1):
            g -= 1
        if g - 1 >= lo and words[g] in {"on", "out"} and self.plain_gap(g - 1):
            g -= 1  # "went on to", "set out to"
        return g if words[g] in _CONTROL or self.s.lemma([words[g]]) in _CONTROL else None

    def governor_subject(self, g: int, lo: int) -> tuple[int, int] | None:
        """The subject of the governor ``g`` of an infinitive cue, which is the cue's speaker.

        A participle governor right after an aspect verb takes that verb's subject (``He kept
        trying to explain``); one right after any other word that is neither an auxiliary nor an
        adverb modifies the noun before it (``banners appearing to criticise the king``) and
        gives no speaker.
        """
        words = self.v.words
        if words[g].endswith("ing") and g - 1 >= lo and self.plain_gap(g - 1):
            if words[g - 1] in _ASPECT_VERBS:
                g -= 1
            elif not (words[g - 1] in _CUE_AUX or self.adverb(g - 1)):
                return None
        return self.source_before_cue(g, lo)

    def speech_event(self, c: int) -> bool:
        """Whether the cue at ``c`` reports that someone spoke, not what they said.

        ``spoke at a rally``, ``spoke to reporters``, ``spoke for 30 minutes``, ``spoke on
        condition of anonymity`` name an occasion; ``spoke about``, ``spoke of`` and ``spoke
        out against`` introduce a topic or a position and are attributions.
        """
        words = self.v.words
        verb = self.verbs[c]
        if verb.end - c != 1 or self.s.lemma(words[c : c + 1]) != "speak":
            return False
        k = self.tail_adverbs(verb.end, len(words))  # "spoke glowingly of", "spoke openly about"
        nxt = words[k] if k < len(words) and self.plain_gap(k - 1) else ""
        return nxt not in _SPEECH_TOPIC

    def as_clause(self, c: int, sa: int) -> bool:
        """Whether the cue at ``c`` is in a clause opened by ``as`` (``As one voter put it, ...``).

        ``put it`` reports words only in that formula; elsewhere it places things (``put it on
        the table``). The ``as`` opens the sentence or follows a comma, at most
        :data:`_MAX_SOURCE_TOKENS` tokens before the cue, with no clause punctuation between, and
        the clause ends after ``put it`` (or a channel follows: ``as she put it in a speech``).
        """
        v = self.v
        end = c + 2  # after "put it": the clause ends or a channel follows ("as she put it in a speech")
        if end < len(v.words) and self.plain_gap(end - 1) and end not in self.channels:
            return False
        k = c - 1
        while k >= max(sa, c - _MAX_SOURCE_TOKENS) and v.words[k] != "as" and self.plain_gap(k):
            k -= 1
        return k >= sa and v.words[k] == "as" and self.plain_gap(k) and (k == sa or "," in v.gap(k - 1))

    def name_subject(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """A subject cut before a lowercase word that follows a name and cannot head it.

        ``Hillary Clinton took`` -> ``Hillary Clinton``; ``the Clinton campaign`` and ``Iowa
        voters`` keep their lowercase head (an organisation noun or a plural). A name before a
        role that precedes another name is a modifier (``Democratic candidate Ana Ruiz``,
        ``Tarn Post editor Tom Lee``), and a phrase that opens with a determiner is a noun phrase
        (``The Republican nominee``, ``A few Democrats``): neither is cut.
        """
        if span is None:
            return None
        v = self.v
        words = v.words
        a, b = span
        if words[a] in _DETERMINERS:
            return span
        for k in range(a + 1, b):
            if any(v.caps[j] for j in range(k + 1, b)):
                continue
            w = words[k]
            if v.caps[k - 1] and not v.caps[k] and w not in _CONNECTORS and w not in _ORG_NOUNS and not w.endswith("s"):
                return (a, k)
        return span

    def causative_object(self, c: int, lo: int) -> tuple[int, int] | None:
        """The object of a verb of causing that governs the infinitive cue at ``c``.

        ``The ruling led some to question ...``, ``prompting the senator to accuse ...``,
        ``forcing him to admit ...``: the verb brings its object to speak or think, so the
        object is the speaker. Verbs that only ask for the act (``urged Congress to reject``)
        are not causatives: the act is wished, not reported.
        """
        words = self.v.words
        t = c - 1
        if t - 2 < lo or words[t] != "to" or not self.plain_gap(t - 1) or not self.plain_gap(t):
            return None
        g = t - 2
        while g >= max(lo, t - 1 - _MAX_OBJECT_TOKENS) and words[g] not in _CAUSATIVES:
            if words[g] in _BOUNDARY or g in self.verbs or not self.plain_gap(g):
                return None
            g -= 1
        if g < lo or words[g] not in _CAUSATIVES or not self.plain_gap(g):
            return None
        return (g + 1, t)

    def purpose_infinitive(self, c: int, lo: int) -> bool:
        """Whether the cue at ``c`` opens an infinitive of purpose (``used the speech to call for``).

        Its subject is the subject of the clause, unless another cue verb stands between the
        clause start and the infinitive (``urged Congress to reject``: the object acts).
        """
        words = self.v.words
        t = c - 1
        if t - 1 < lo or words[t] != "to" or not self.plain_gap(t - 1) or not self.plain_gap(t):
            return False
        return not any(k in self.verbs for k in range(lo, t))

    def invertible(self, c: int) -> bool:
        """Whether the cue at ``c`` can come before its subject (``..., said the minister``).

        Only finite verbs of saying invert; a participle (``..., decrying the influence of``), a
        verb of stance (``..., backed the plan``) or a verb with a target (``..., criticized the
        plan``) is followed by its object.
        """
        verb = self.verbs[c]
        words = self.v.words
        return verb.category != "cognitive" and not words[c].endswith("ing") and self.s.lemma(words[c : verb.end]) not in _TARGET_VERBS

    def restrictive_relative(self, src: tuple[int, int]) -> bool:
        """Whether the source is a relative pronoun with no comma before it.

        ``the groups that have endorsed him said ...``: a stance inside the subject of another
        verb, not an attribution of its own (``X, who backed the plan, ...`` has the comma).
        """
        a, b = src
        return b - a == 1 and self.v.words[a] in _RELATIVE_SUBJECTS and (a == 0 or "," not in self.v.gap(a - 1))

    def stance_use(self, c: int, end: int) -> bool:
        """Whether the cognitive cue at ``c`` (ending at ``end``) reports a position, not an action.

        Verbs whose everyday sense is an action count only before a clause (``that``, a wh-word,
        ``whether``, ``if``): ``investigators determined that the pump failed`` reports a
        finding, ``police discovered a body`` and ``the company decided to close the plant`` report
        actions. *Show* used as a noun (:meth:`show_noun`) reports nothing, and *plan* reports an
        intention only before an infinitive, a clause or ``on`` and a gerund. Any cognitive verb
        followed by a particle (``backed into``, ``backed down``) is a phrasal verb of action.
        """
        words = self.v.words
        nxt = words[end] if end < len(words) and self.plain_gap(end - 1) else ""
        if nxt in _PARTICLES:
            return False
        if nxt in _INDEFINITE_OBJECTS and self.s.lemma(words[c:end]) in {"find", "know"}:
            return False  # "found a way", "found himself on the street": a discovery, not a finding
        if self.s.lemma(words[c:end]) in _PERCEPTION and nxt != "that":
            if nxt in _CLAUSE_OPENERS:
                return False  # "wait to see how it goes", "we will see whether it works": finding out
            # "the vote saw a record turnout", "she saw him on Friday"; but "sees the plan as a trap"
            j = end
            while j < min(len(words), end + _MAX_AS_DISTANCE) and self.plain_gap(j - 1) and words[j] != "as":
                j += 1
            return j < len(words) and words[j] == "as" and self.plain_gap(j - 1)
        if self.show_noun(c) or (words[c] in _PLAN_FORMS and nxt != "to" and nxt not in _CLAUSE_OPENERS and not self.on_gerund(end)):
            return False  # (also "Drivers plan a protest convoy": arranging an event; "plan to strike" is an intention)
        return words[c] not in _CLAUSE_ONLY or nxt in _CLAUSE_OPENERS

    def on_gerund(self, k: int) -> bool:
        """Whether ``on`` and a gerund open at token ``k`` (``planning on voting``)."""
        words = self.v.words
        return k + 1 < len(words) and words[k] == "on" and words[k + 1].endswith("ing") and self.plain_gap(k)

    def show_noun(self, c: int) -> bool:
        """Whether *show* or *shows* at ``c`` is the noun (a programme, an event), not the verb.

        The verb never follows a determiner or a possessive directly (``the show``, ``his
        show``), and a programme or event word before it makes a compound noun (``a TV show``,
        ``the benefit show``, ``chat show host``; :data:`_SHOW_KINDS`).
        """
        words = self.v.words
        if words[c] not in {"show", "shows"} or c == 0 or not self.plain_gap(c - 1):
            return False
        before = words[c - 1]
        return before in _SHOW_KINDS or before in _NOUN_BEFORE or before.endswith(("'s", "s'"))

    def singular_subject(self, c: int) -> bool:
        """Whether the word before the cue at ``c`` ends a singular subject: a pronoun, a name, or a noun phrase with an article.

        ``reports that`` and ``states that`` are verbs only after one (``The agency reports that``,
        ``It states that``); after a verb, a quantifier or a bare modifier they are plural nouns
        (``denied reports that``, ``several states that``, ``Newspaper reports that``), and
        ``the United States that`` is a name.
        """
        v = self.v
        words = v.words
        if c == 0 or not self.plain_gap(c - 1) or v.caps[c]:
            return False
        p = words[c - 1]
        if p in {"it", "he", "she", "this"} or p.endswith("'s"):
            return True
        if v.caps[c - 1]:
            return p != "united"
        if p.endswith("s") or p in _DETERMINERS:
            return False
        np = self.np_before(c - 1, v.sent_tok[v.tok_sent[c]][0])
        return np is not None and np[0] < c - 1 and words[np[0]] in _DEFINITE | {"a", "an", "this"}

    def taking(self, c: int, end: int) -> bool:
        """Whether the cue at ``c`` (ending at ``end``) is *claim*, *agree* or *add* in a sense that reports nothing.

        *Claim* before a noun phrase that names a prize or a toll takes it (``Labour claimed the
        seat``, ``claimed a first win``, ``the storm claimed two lives``); *agree* before a
        determiner settles what follows (``agreed a deal``, ``agreed terms``); *add* before a
        plain noun phrase puts something in (:meth:`adding_a_thing`). Each still reports when a
        clause follows (``claimed the win was stolen``, ``added the plan would cost more``).
        """
        words = self.v.words
        if end >= len(words) or not self.plain_gap(end - 1) or self.clause_after(end):
            return False
        if words[c] in _AGREE:
            return end - c == 1 and (words[end] in _DETERMINERS or words[end] == "terms") and not self.finite_verb_after(end)
        if words[c] in _ADD:
            return end - c == 1 and self.adding_a_thing(c, end) and not self.finite_verb_after(end)
        return words[c] in _CLAIM and end - c == 1 and self.prize_after(end)

    def physical_use(self, c: int, end: int) -> bool:
        """Whether a one-word loaded cue at ``c`` is used in its physical sense, reporting nothing.

        Verbs of hostility with a literal sense (:data:`_PHYSICAL_VERBS`: *slam*, *blast*,
        *snap*, *jab*, *charge*) are cues as figures of speech; their literal sense acts on a
        physical thing or moves: a particle or preposition
        of motion after the verb (``slammed into a wall``, ``blasted off``, ``slammed shut``) or
        an object whose head, within a few plain tokens, is a physical thing of
        :data:`_PHYSICAL_OBJECTS` (``slammed the door on patients``, ``slammed on the brakes``,
        ``blasted the ball``, ``jabbed a finger``). A clause after the verb still reports.
        """
        v = self.v
        words = v.words
        literal = end - c == 1 and end < len(words) and self.s.lemma(words[c:end]) in _PHYSICAL_VERBS
        if not literal or not self.plain_gap(c) or self.clause_after(end):
            return False
        if words[end] in _MOTION_PARTICLES:
            return True
        k = end + 1 if words[end] == "on" else end  # "slammed on the brakes"
        for j in range(k, min(len(words), k + _MAX_TAKEN_DISTANCE)):
            if v.caps[j] or words[j] in _GOVERNED or words[j] in _CLAUSE_OPENERS:
                return False
            if words[j] in _PHYSICAL_OBJECTS:  # the head, not a modifier ("slammed the gun laws")
                return j + 1 >= len(words) or not self.plain_gap(j) or words[j + 1] in _AFTER_PHYSICAL
            if not self.plain_gap(j):
                return False
        return False

    def finite_verb_after(self, end: int) -> bool:
        """Whether a that-less clause seems to follow: a finite verb after the first word from ``end``.

        Looks a few plain tokens ahead, up to a relative pronoun, a link or a subordinator
        (:data:`_ADVERBIAL_LINKS`): a finite auxiliary, a
        common irregular past or present (:data:`_FINITE_LEXICAL`), or a lowercase *-ed* form
        not right after a determiner (``added the answer represented his view``, ``agree the
        trend remains down``; but ``agreed a deal with the firm``).
        """
        v = self.v
        words = v.words
        for k in range(end + 1, min(len(words), end + _MAX_CLAUSE_LOOKAHEAD)):
            w = words[k]
            if not self.plain_gap(k - 1) or w in _CLAUSE_LINKS or w in _RELATIVE_SUBJECTS or w in _ADVERBIAL_LINKS:
                return False
            participle = w.endswith("ed") and not v.caps[k] and words[k - 1] not in _DETERMINERS and v.gap(k - 1) != "-"
            if w in _FINITE_AUX or w in _FINITE_LEXICAL or participle:
                return True
        return False

    def prize_after(self, end: int) -> bool:
        """Whether a noun phrase opening at ``end`` has a head of :data:`_TAKEN` within a few plain tokens."""
        words = self.v.words
        for k in range(end, min(len(words), end + _MAX_TAKEN_DISTANCE)):
            if words[k] in _TAKEN:
                return True
            if not self.plain_gap(k) or words[k] in _GOVERNED or words[k] in _CLAUSE_OPENERS:
                return False
        return False

    def adding_a_thing(self, c: int, end: int) -> bool:
        """Whether *add* at ``c`` puts something into something (``added a goal``, ``adds new features``).

        Only after its subject (a tag such as ``..., added the mayor`` is inverted) and before a
        lowercase noun phrase or a number, with no quotation later in the sentence (``added a
        caveat: "..."`` reports).
        """
        v = self.v
        nxt = v.words[end]
        if c == 0 or not self.plain_gap(c - 1) or (v.caps[end] and nxt not in _DETERMINERS):
            return False
        last = v.sent_tok[v.tok_sent[c]][1]
        return all(v.tok_quote[k] < 0 for k in range(end, last))

    def thing_requires(self, c: int, end: int) -> bool:
        """Whether the verb of requirement at ``c`` follows a restrictive relative *that* whose noun names no speaker.

        ``an era that demanded detailed graphics``, ``a rule that calls for two referees``: the
        noun before ``that`` is neither capitalised nor a known source type, so the clause
        describes the thing; ``a union that demanded more pay`` still reports.
        """
        words = self.v.words
        if c < 2 or words[c - 1] != "that" or self.s.lemma(words[c:end]) not in _REQUIRE:
            return False
        j = c - 2
        if not self.plain_gap(j) or not self.plain_gap(c - 1) or words[j] in _CUE_AUX or j in self.verbs:
            return False  # "said that demands ..."; "X, that ..." is no restrictive relative
        if self.v.caps[j] or words[j] in _PRONOUNS:
            return False
        head = self.np_before(j, max(0, j - _MAX_SOURCE_TOKENS))
        return self.type_of(*(head or (j, j + 1))) == "unknown"

    def after_hearer(self, c: int, obj: tuple[int, int], hi: int) -> int:
        """Where the content starts after the noun phrase ``obj`` that follows the verb of telling at ``c``.

        Usually after the phrase, its hearer (``told reporters``). Before a finite auxiliary the
        phrase also holds the clause's subject: a subject pronoun or *it*/*there* that ends it
        (``told MPs he would``, ``told the BBC it was``), what follows an object pronoun that
        opens it (``warned him the plan was``), or, after a verb whose hearer is optional, all of
        it (``warned the tenants would be evicted``, ``promised no jobs would go``).
        """
        words = self.v.words
        a, b = obj
        if b >= hi or words[b] not in _FINITE_AUX or not self.plain_gap(b - 1):
            return b
        if b - a >= 2 and words[b - 1] in _CLAUSE_SUBJECTS:
            return b - 1
        if b - a >= 2 and words[a] in _HEARER_PRONOUNS:
            return a + 1
        return a if words[c] in _OPTIONAL_HEARER else b

    def clause_after(self, end: int) -> bool:
        """Whether a clause or a quotation opens at token ``end``, or the clause ends before it.

        A clause opens with ``that``, a wh-word, ``whether`` or ``if``, with a subject pronoun
        (``maintains he is innocent``), or has a finite auxiliary within a few tokens
        (``maintains the bridge is safe``).
        """
        v = self.v
        words = v.words
        if end >= len(words) or not self.plain_gap(end - 1):
            return True  # the verb ends its clause: a tag after its content (", her doctor maintains.")
        if v.tok_quote[end] >= 0 or words[end] in _CLAUSE_OPENERS or words[end] in _SUBJECT_PRONOUNS:
            return True
        k = end + 1
        while k < min(len(words), end + _MAX_SUBJECT_BEFORE_AUX) and self.plain_gap(k - 1) and words[k] not in _CLAUSE_LINKS:
            if words[k] in _FINITE_AUX:
                return True
            k += 1
        return False

    def agentless(self, c: int, hi: int) -> _Found | None:
        """An agentless passive of a speech verb (``was told that``, ``has been asked about``).

        It is an unattributed claim: the cue is the verb group, the content follows it.
        """
        v = self.v
        words = v.words
        verb = self.verbs[c]
        if self.s.lemma(words[c : verb.end]) in _NO_CLAIM_PASSIVES:
            return None  # "X was asked about the plan", "was added to the bill", "was briefed on": nothing asserted
        end = self.cue_tail(verb.end, hi, governed=True)
        k = end
        while k < hi and words[k] == "that" and self.plain_gap(k):
            k += 1
        # The content is the clause after the verb group: it ends at a comma or where a
        # coordinated verb of saying starts ("was asked about the plan and said ...").
        stop = k
        while stop < hi and not (stop > k and "," in v.gap(stop - 1)) and not (words[stop] in {"and", "but"} and stop + 1 in self.verbs):
            stop += 1
        if stop - k < 2:
            return None
        a = self.verb_group_start(c)
        if a > 0 and words[a - 1] in _RELATIVE_SUBJECTS:
            return None  # "the plan, which was announced on Monday, ...": it describes its antecedent
        if any(j in self.hedge_spans for j in range(a, end)):
            return None  # a marker of the unattributed category ("it was reported", "is said to") says it better
        self.used_cues.update(range(a, end))
        return _Found(
            "unattributed", None, None, (a, end), verb.cls, self.s.lemma(words[c : verb.end]), (v.spans[k][0], v.spans[stop - 1][1])
        )

    def according_to(self, a: int, b: int) -> _Found | None:
        """``according to X``: the source follows; the content is the rest of the sentence."""
        v = self.v
        sa, sb = self._sentence_bounds(a)
        hi = b
        while hi < sb and not self.speech_at(hi):
            hi += 1
        src = self.np_after(b, hi, appositive=True)
        if src is not None and src[1] >= sb:
            src = self.np_after(b, hi, appositive=False)
        if src is None:
            return None
        lo = a
        while lo - 1 >= sa and not self.speech_at(lo - 1):
            lo -= 1  # (a scare quote is part of the content: 'compared it to a "root canal," according to')
        if a - lo >= 2:
            # The content is before the cue, so the phrase after it is all source: its head with
            # every post-modifier up to the clause punctuation ("people familiar with the plan",
            # "a survey released on Thursday", "officials who attended", "a CNN/ORC poll").
            src = self.to_clause_end(src, hi)
            end = v.spans[a - 1][1] if v.tok_quote[a - 1] < 0 else max(v.spans[a - 1][1], v.quotes[v.tok_quote[a - 1]][1])
            content = (v.spans[lo][0], end)
        elif sb - src[1] >= 1:
            # "According to X conducted by Y, ...": the comma after the whole phrase ends the source.
            whole = self.to_clause_end(src, hi)
            if whole[1] < sb and "," in v.gap(whole[1] - 1):
                src = whole
            content = (v.spans[src[1]][0], v.spans[sb - 1][1])
        else:
            return None
        entity = self.entity(src[0], src[1], sa)
        self.used_cues.update(range(a, b))
        return _Found("according_to", src, entity, (a, b), "neutral", " ".join(v.words[a:b]), content)

    def start_char(self, k: int) -> int:
        """The start of token ``k``, or of the quotation that holds it (its opening mark)."""
        q = self.v.tok_quote[k]
        return self.v.spans[k][0] if q < 0 else min(self.v.spans[k][0], self.v.quotes[q][0])

    def end_char(self, k: int) -> int:
        """The end of token ``k``, or of the quotation that holds it (its closing mark)."""
        q = self.v.tok_quote[k]
        return self.v.spans[k][1] if q < 0 else max(self.v.spans[k][1], self.v.quotes[q][1])

    def speech_at(self, k: int) -> bool:
        """Whether token ``k`` is inside a speech quotation (a scare quote is not)."""
        q = self.v.tok_quote[k]
        return q >= 0 and self.v.quotes[q][2]

    def to_clause_end(self, src: tuple[int, int], hi: int) -> tuple[int, int]:
        """A source phrase that ends its clause, grown over its post-modifiers to the clause punctuation.

        Used after ``according to`` when the content comes before it, so that nothing but the
        source can follow (``people familiar with the plans``, ``a CNN/ORC poll released on
        Thursday``, ``officials who attended``), or when a comma closes the phrase before the
        content. Bounded by twice :data:`_MAX_SOURCE_TOKENS`.
        """
        v = self.v
        a, e = src
        while e < hi and e - a < 2 * _MAX_SOURCE_TOKENS and (self.plain_gap(e - 1) or v.gap(e - 1) == "/"):
            e += 1
        return (a, e)

    def hedge(self, a: int, b: int, *, predicate: bool = False) -> _Found | None:
        """An unattributed claim: the larger side of its sentence, cue excluded.

        A hedging adverb inside a noun phrase (``a seemingly heartfelt defense``, ``her
        allegedly forged letter``) qualifies a modifier, not a claim, and makes none. A hedging
        verb (``predicate``) hedges the predicate after it, which is the content whenever it
        has two words or more (``the talks appeared likely to collapse``).
        """
        v = self.v
        sa, sb = self._sentence_bounds(a)
        if b - a == 1 and a > sa and v.words[a - 1] in _NOUN_BEFORE and v.words[a].endswith("ly") and self.plain_gap(a - 1):
            return None  # "a seemingly heartfelt defense": the adverb hedges an adjective, not a claim
        after = sb - b
        before = a - sa
        if (after >= before or (predicate and after >= 2)) and after > 0:
            content = (v.spans[b][0], v.spans[sb - 1][1])
        elif before > 0:
            content = (v.spans[sa][0], v.spans[a - 1][1])
        else:
            return None
        self.used_cues.update(range(a, b))
        return _Found("unattributed", None, None, (a, b), "neutral", " ".join(v.words[a:b]), content)

    def infinitive_marker(self, a: int, allowed: Callable[[int], bool]) -> int:
        """The start of a cue whose verb group starts at token ``a``, with its infinitive marker.

        An infinitive cue opens with its ``to`` (and a negation before it): ``to discuss``,
        ``not to endorse``, as a finite cue opens with its auxiliaries. The governing verb is
        left to :meth:`infinitive_governor`, which knows which verbs control their infinitive.
        """
        words = self.v.words
        t = a - 1
        if t < 0 or words[t] != "to" or not self.plain_gap(t) or not allowed(t):
            return a
        if t - 1 >= 0 and words[t - 1] in {"not", "never"} and self.plain_gap(t - 1) and allowed(t - 1):
            return t - 1
        return t

    def before_contraction(self, k: int, default: int) -> int:
        """The offset of the apostrophe in token ``k`` when it is a subject contracted with an auxiliary."""
        if self.v.words[k] not in _SPLIT_CONTRACTIONS:
            return default
        s, e = self.v.spans[k]
        return s + self.v.text[s:e].index("'")

    def finish(self, f: _Found) -> Attribution:
        """Turn token ranges into offsets into the original text."""
        v = self.v
        text = self.doc_text
        source = None
        if f.entity is not None and (f.src is not None or f.src_chars is not None):
            if f.src_chars is not None:
                s, e = f.src_chars
            else:
                assert f.src is not None
                s, e = v.spans[f.src[0]][0], v.spans[f.src[1] - 1][1]
                if f.src[1] - 1 in self.label_tokens:  # close the label's parenthesis: "Ana Ruiz (D)"
                    e = v.text.index(")", e) + 1
                e = self.before_contraction(f.src[1] - 1, e)  # "he's predicting": the source is "he"
                f.src_chars = (s, e)
            source = SourceRef(s, e, text[s:e], f.entity.name, f.entity.type)
        cue = None
        if f.cue is not None:
            src = f.src

            def outside(j: int) -> bool:  # neither in the content nor in the source
                return not _overlaps(v.spans[j], f.content) and not (src is not None and src[0] <= j < src[1])

            a = f.cue[0]
            if f.kind in {"direct", "indirect"}:
                a = self.infinitive_marker(self.verb_group_start(a, outside), outside)
            s, e = v.spans[a][0], v.spans[f.cue[1] - 1][1]
            if src is not None and src[1] == a:
                s = self.before_contraction(a - 1, s)  # the auxiliary of "he's" opens the verb group
            cue = CueRef(s, e, text[s:e], f.cue_lemma, f.cue_cls)
        return Attribution(f.kind, source, cue, f.content)


def _phrase_end(words: Sequence[str], a: int, b: int, single: Mapping[str, tuple[str, CueClass]]) -> int:
    """The end of the cue phrase matched at tokens ``[a, b)`` once its tail is stripped.

    A trailing function word goes (``said in`` -> ``said``), and so does the hearer of ``told
    reporters`` (no part of the cue; the content starts after it); a particle that a verb which
    is no cue on its own needs stays (``weighed in``, ``chimed in``, ``states that``).
    """
    while b - a > 1 and (words[b - 1] in _STRIP_TAIL or words[a] in _TELL_LIKE):
        if b - a == 2 and words[a] not in single:
            break
        b -= 1
    return b


def _word_cues(words: Sequence[str], single: Mapping[str, tuple[str, CueClass]], cue_words: frozenset[str]) -> dict[int, _Verb]:
    """The one-word cues of a document by token, and the ``put it`` of ``as X put it`` (see ``as_clause``).

    ``cue_words`` are the keys of ``single`` and the forms of *put*: only those tokens are visited.
    """
    out: dict[int, _Verb] = {}
    for k in compress(range(len(words)), map(cue_words.__contains__, words)):
        w = words[k]
        hit = single.get(w)
        if hit is not None:
            out[k] = _Verb(k, k + 1, hit[1], hit[0])
        elif w in _PUT and k + 1 < len(words) and words[k + 1] == "it":
            out[k] = _Verb(k, k + 2, "neutral", "neutral")
    return out


def _balance(atts: Sequence[Attribution], v: _View, sides: Mapping[str, str] | None) -> Balance:
    text = v.text
    sources: dict[str, list[Any]] = {}
    types: dict[str, list[int]] = {}
    total_voice = 0
    anon = 0
    sourced = 0
    speech_cues = 0
    neutral = 0
    side_acc: dict[str, list[int]] = {s: [0, 0] for s in dict.fromkeys((sides or {}).values())}
    unmapped = [0, 0]
    speech = [(qs, qe) for qs, qe, is_speech in v.quotes if is_speech]
    statements = 0
    for a in atts:
        if not a.statement:
            continue
        statements += 1
        voice = _speech_words(text, speech, *a.content) if a.kind == "direct" else 0
        if a.cue is not None and a.kind != "unattributed":
            speech_cues += 1
            neutral += a.cue.cls == "neutral"
        if a.source is None:
            continue
        sourced += 1
        anon += a.source.type == "anonymous"
        total_voice += voice
        rec = sources.setdefault(a.source.name, [0, 0, a.source.type])
        rec[0] += 1
        rec[1] += voice
        trec = types.setdefault(a.source.type, [0, 0])
        trec[0] += 1
        trec[1] += voice
        if sides is not None:
            side = sides.get(a.source.name, sides.get(a.source.type))
            acc = side_acc[side] if side is not None else unmapped
            acc[0] += 1
            acc[1] += voice

    def share(x: int, tot: int) -> float | None:
        return x / tot if tot else None

    src_out = {k: SourceVoice(r[0], r[1], share(r[1], total_voice), r[2]) for k, r in sources.items()}
    type_out = {k: SourceVoice(r[0], r[1], share(r[1], total_voice)) for k, r in types.items()}
    voices = [r[1] for r in sources.values()]
    entropy = _norm_entropy([x for x in voices if x > 0])
    gini = _gini(voices) if total_voice else None
    n_tok = len(v.words)
    # tokens inside speech quotations: the tokens of each quotation counted at C speed, then the speech ones summed
    quoted_tokens = sum(c for q, c in Counter(v.tok_quote).items() if q >= 0 and v.quotes[q][2]) if speech else 0
    side_out, side_balance, unmapped_out = _side_voices(side_acc, unmapped, total_voice) if sides is not None else (None, None, None)
    return Balance(
        sources=src_out,
        types=type_out,
        distinct_sources=len(sources),
        voice_entropy=entropy,
        voice_gini=gini,
        anonymous_share=share(anon, sourced),
        neutral_cue_share=share(neutral, speech_cues),
        quoted_share=quoted_tokens / n_tok if n_tok else 0.0,
        sides=side_out,
        side_balance=side_balance,
        statements=statements,
        sides_unmapped=unmapped_out,
    )


def _side_voices(
    side_acc: dict[str, list[int]], unmapped: list[int], total_voice: int
) -> tuple[dict[str, SideVoice], float | None, SideVoice]:
    """Per side ``[attributions, quoted words]`` as :class:`SideVoice`, the side balance, and the unmapped statements."""
    side_total = sum(r[1] for r in side_acc.values())
    side_out = {k: SideVoice(r[0], r[1], r[1] / side_total if side_total else None) for k, r in side_acc.items()}
    side_balance: float | None = None
    if len(side_acc) >= 2 and side_total:
        probs = [r[1] / side_total for r in side_acc.values()]
        # + 0.0 turns the -0.0 of a side with all the voice into 0.0
        side_balance = -sum(p * math.log(p) for p in probs if p > 0) / math.log(len(probs)) + 0.0
    return side_out, side_balance, SideVoice(unmapped[0], unmapped[1], unmapped[1] / total_voice if total_voice else None)


_WORD: Final = re.compile(r"\w+")
#: What a refusal refuses when it is a refusal to speak ("declined to comment", "refused to say").
_SILENCE: Final = re.compile(
    r"to\s+(?:comment|respond|reply|answer|say|discuss|elaborate|speculate|confirm|talk|speak|be\s+interviewed|give\s+details)\b",
    re.IGNORECASE,
)
#: Cue lemmas of a refusal, and of a response that a negation turns into a non-response.
_REFUSALS: Final = frozenset({"decline", "refuse"})
_RESPONSES: Final = frozenset({"respond", "reply", "comment", "answer", "return", "respond to"})
_NEGATION_WORDS: Final = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


def _not_sourcing(a: Attribution, v: _View) -> bool:
    """Whether an attribution is left out of :class:`Balance` as no sourced statement.

    A refusal to speak (``X declined to comment``, ``refused to say``), a non-response (``X did
    not respond to requests for comment``, ``has not replied``) and the writer's own first
    person outside quotations (``I suspect ...``, ``We believe ...``; not in a paragraph that
    opens with a speaker label, ``A: I think ...``) are extracted, but they give no voice, name
    no source of the text's information and count in no share.
    """
    if a.cue is not None and a.kind == "indirect":
        rest = v.text[a.content[0] : a.content[1]]
        if a.cue.lemma in _REFUSALS and (_SILENCE.match(rest) or _SILENCE.search(a.cue.text)):  # (or "refused to say" | ...)
            return True
        if a.cue.lemma in _RESPONSES and _NEGATION_WORDS.search(a.cue.text):
            return True
    src = a.source
    if src is None or src.text.lower() not in _WRITER:
        return False
    k = bisect.bisect_left(v.starts, src.start)
    if k < len(v.tok_quote) and v.tok_quote[k] >= 0:
        return False
    p = v.para_starts[v.para_of(src.start)]
    return _SPEAKER_LABEL.match(v.text, p) is None



def _speech_words(text: str, speech: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """Word tokens of ``text[start:end]`` inside the speech quotations ``speech`` (in text order).

    A paraphrase that quotes one word has one word of voice.
    """
    n = 0
    # quotations never overlap: only the last one opening at or before ``start`` may reach into the
    # content; walked by index, since a slice of the rest would copy it for every attribution
    for k in range(max(0, bisect.bisect_right(speech, (start, start)) - 1), len(speech)):
        qs, qe = speech[k]
        if qs >= end:
            break
        if qe > start:
            n += len(_WORD.findall(text, max(start, qs), min(end, qe)))
    return n


def _norm_entropy(values: Sequence[int]) -> float | None:
    if len(values) < 2:
        return None
    tot = sum(values)
    h = -sum((x / tot) * math.log(x / tot) for x in values if x > 0)
    return h / math.log(len(values))


def _gini(values: Sequence[int]) -> float | None:
    n = len(values)
    tot = sum(values)
    if n == 0 or tot == 0:
        return None
    xs = sorted(values)
    cum = sum((i + 1) * x for i, x in enumerate(xs))
    return (2 * cum) / (n * tot) - (n + 1) / n


def _words_after_anon(run: _Run, cue: tuple[int, int]) -> bool:
    """A participle or a form of *speak* introducing an anonymity marker is no cue, nor a verb inside one.

    ``speaking on condition of anonymity``, ``who spoke on condition of anonymity`` (but in
    ``officials said on condition of anonymity that ...`` the verb reports); ``who asked not
    to be named``, ``who declined to be identified``, ``who requested anonymity``: the verb
    opens a marker that runs past it (from the verb or the relative ``who`` before it), so it
    says why a name is withheld, not what was said (``diplomats said`` ends at its verb and
    stays a report).
    """
    w = run.v.words[cue[0]]
    if (w.endswith("ing") or run.s.lemma([w]) == "speak") and cue[1] in run.anon_starts:
        return True
    # a marker from the verb, or from the "who" before it, that runs past the verb
    return any(run.anon_reach.get(st, -1) > cue[0] + 1 for st in (cue[0] - 1, cue[0]))


def _labels(v: _View) -> tuple[dict[int, str], set[int]]:
    """Parenthesised labels after names (``Ana Ruiz (R-Ohio)``, ``Col. Ana Ruiz (ret.)``).

    Returns the gaps around each label with its parentheses blanked (token -> gap), and the
    tokens inside labels.
    """
    gaps: dict[int, str] = {}
    tokens: set[int] = set()
    for lm in _LABEL.finditer(v.text):
        a = bisect.bisect_left(v.starts, lm.start())
        b = bisect.bisect_left(v.starts, lm.end())
        if 0 < a < b:
            gaps[a - 1] = v.gap(a - 1).replace("(", " ")
            g = v.gap(b - 1)
            close = g.find(")")
            gaps[b - 1] = g[:close].replace(".", " ") + " " + g[close + 1 :]  # "(D-Calif.)": the period is the label's
            tokens.update(range(a, b))
    return gaps, tokens


def _nationality(w: str) -> bool:
    """Whether ``w`` (lowercase) may be a nationality adjective or a state's abbreviation (``Russian``, ``US``)."""
    return w in _STATE_WORDS or w.endswith(("an", "ian", "ese", "ish", "i"))


def _member_modifier(cat: str, head: str) -> bool:
    """Whether a hit of category ``cat`` right before a hit of category ``head`` names whom the head is of.

    People (``citizen``) before an organisation's name (``nurses association``, ``Family Justice
    Division``), and public servants or lawyers before a union or association (``civil servants'
    union``): the head types the phrase.
    """
    return (cat == "citizen" and head not in _PEOPLE_TYPES) or (cat in _MEMBER_TYPES and head == "advocacy")


def _institution(ent: _Entity) -> bool:
    """Whether an entity may be an organisation: no person, or a name ending in an institution's head (``Statistics Office``)."""
    last = ent.name.split()[-1].lower() if ent.name else ""
    return not ent.person or last in _NON_PERSON_HEADS or last in _ORG_NOUNS


def _named_organisation(ent: _Entity) -> bool:
    """Whether an entity is an organisation known by its name: ``Coastal Defence League``, ``Harrow & Finch`` (a business).

    A proper name (not all lowercase) of no person that ends in an institution's head or has an
    organisation's type; a lone surname (``Ruiz``) is neither.
    """
    words = ent.name.split()
    last = words[-1].lower() if words else ""
    named = ent.name != ent.name.lower()
    # (of an organisation's type, one word or a joined name: "Parmalat", "Harrow & Finch"; two
    # plain capitalised words may be the firm's chairman, "Ana Ruiz")
    typed = ent.type in _ORG_TYPES and (len(words) == 1 or "&" in words or "/" in ent.name)
    return named and not ent.person and (last in _NON_PERSON_HEADS or last in _ORG_NOUNS or typed)


#: The most earlier sources a back-reference (*he*, *the official*, *the group*) looks through.
_ANAPHOR_REACH: Final = 30
# Role words marked for gender: *he* never takes a spokeswoman, *she* never a spokesman.
_FEMALE_WORDS: Final = (
    "spokeswoman chairwoman businesswoman councilwoman congresswoman policewoman woman mother actress daughter wife sister "
    "grandmother girl lady queen princess"
)
_MALE_WORDS: Final = (
    "spokesman chairman businessman councilman congressman policeman man father actor son husband brother grandfather boy king prince"
)
_FEMALE_HEADS: Final = frozenset(_FEMALE_WORDS.split())
_MALE_HEADS: Final = frozenset(_MALE_WORDS.split())
# Types that a generic organisation anaphor (*the group*, *the company*) does not take unless it is
# typed so itself: a state body is named as such (*the ministry*, *the agency*), not as *the group*.
_STATE_TYPES: Final = frozenset({"government", "military", "legal", "international"})


def _type_fits(anaphor: str, referent: str) -> bool:
    """Whether an organisation of type ``referent`` can be what an anaphor of type ``anaphor`` refers back to.

    A typed anaphor (*the company*: business) takes an organisation of its own type; an untyped
    one (*the group*) any organisation but a state body.
    """
    if anaphor not in {"unknown", "anonymous"}:
        return referent == anaphor
    return referent not in _STATE_TYPES


def _unnamed_person(ent: _Entity) -> bool:
    """Whether an entity is one person known by a role (``government spokesman``, ``senior official``), no name, no group."""
    last = ent.name.split()[-1] if ent.name else ""
    return (
        not ent.person
        and ent.name == ent.name.lower()
        and last not in _PRONOUNS
        and not _plural_like(last)
        and last not in _NON_PERSON_HEADS
        and last not in _ORG_NOUNS
        and ent.type != "citizen"
    )


def _personal_run(run_words: Sequence[str]) -> bool:
    """A run of capitalised words that can be a person's name: two named words, no organisation noun."""
    named = [w for w in run_words if w not in _TITLES and w not in _CONNECTORS]
    return len(named) >= 2 and not any(w in _ORG_NOUNS for w in run_words)


def _plural_like(w: str) -> bool:
    """Whether ``w`` may be a plural noun (a subject before a verb).

    An ``s`` ending that is no adjective's ``-ous`` nor a singular's ``-ss``, ``-us`` or ``-is``.
    """
    return w.endswith("s") and not w.endswith(("ss", "ous", "us", "is"))


def _numeric(w: str) -> bool:
    """A number (``10``, ``2.5``, ``1,000``) or a number word (``six``)."""
    return is_number(w) or w in _NUMBER_WORDS


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
