"""Loaded language: emotive, pejorative, intensifying and evaluative wording, by voice.

The scorer reads a lexicon whose categories are grouped ``"loaded"`` or ``"epistemic"`` (the
bundled ``loaded-language`` lexicon by default) and adds one category of its own,
``scare_quotes`` (group ``"loaded"``): the one- or two-word quotations the document model marks
as scare quotes, with which a writer distances themselves from a word.

Score
-----
Every hit of a ``loaded`` category counts with its lexicon weight (its intensity: 0.5 mild, 1
ordinary, 2 strong, 3 extreme), a negated hit with half of it (see the negation rule). Hits of
different categories that overlap (``blatant`` as intensifier and inside the evaluative phrase
``blatant violation``) form one *unit* worth the largest weight among them, so nothing is
counted twice. A scare quote right after a distancing label (*so-called*, *self-styled*,
*self-proclaimed*, *supposed*, *quote-unquote*) forms one unit with it too: ``the so-called
"reform"`` marks one distance twice, and counts once. Then::

    score = 100 * (sum of unit weights) / n_tokens

a weighted density per 100 tokens: 0 for a text with no loaded wording (or no token), about 3
for one ordinary loaded word in a 30-word sentence, and rarely above 20 for a whole article.
Higher means more loaded. The range is [0, 300] (a token carries at most one unit of weight 3).
Because it is per token it compares texts of any length.

``authorial`` and ``quoted`` give the same density over the tokens of each voice: what the outlet
says in its own words, and what it quotes its sources as saying. A voice with fewer than
``voice_min_tokens`` tokens (default ``VOICE_MIN_TOKENS`` = 50, about two sentences) is scored
over that many, as if its remaining tokens held no loading: a single quoted word is too little
text for a density, and without the floor *said the plan was "disgraceful"* gives ``quoted`` 100
against 4.5 for the same word inside a 22-word quotation, so outlets that quote in fragments
would lead every comparison of quoted voice. The same floor holds for ``own`` and for the
categories' ``authorial`` and ``quoted`` densities; ``score``, sentences and the title are
densities over their own tokens, without a floor. A unit's voice is the voice of
its heaviest hit (its first, on a tie). Only *speech* quotations are quoted voice: scare quotes
are the writer's device, so a scare quote and the words inside it are ``authorial`` (and their
tokens count as authorial tokens), although the document model marks them as quoted; so are
*mentions* (a word or title the writer cites after *the word*, *the book*...). The
parts add up: ``authorial.weight + quoted.weight == weight``, ``authorial.count +
quoted.count == count``, and, when both voices reach ``voice_min_tokens`` tokens, ``score`` is
the token-weighted mean of the two voice scores.

Negation rule
-------------
A hit that a negator governs (``not a disaster``, ``no evidence of a cover-up``; see
:class:`~framing.matching.Negation`) is reported in ``spans`` with ``negated: true`` and counted
under its category's ``negated`` (not its ``count``), and it adds ``NEGATED_FACTOR`` = 0.5 of
its weight to every density, score and flag: a discount, not a cancellation. Two reasons. A
negated loaded word still brings its frame into the text (whoever writes ``not a disaster``
has put disaster on the table; Lakoff 2004), while the negation takes back part of the
evaluation. And the negation cue is a positional rule, kept narrow so that it fires only
where the evaluation itself is denied: the fixed phrases that begin with a negator but deny
nothing (additive ``not only``, ``not to mention``, concessive ``no matter how``) are
pseudo-negators of the negation lexicon, and a negator's scope runs only through the
scope-transparent words of that lexicon (articles, quantifiers, degree adverbs, forms of *be*:
``not a disaster``, ``not very brutal``, ``is not an outright lie``). Any other word closes
it, so a negated verb before a loaded object (``cannot be swayed by angry letters``, ``did not
condemn the brutal attack``), a double negative (``did not shy away from smears``) and emphatic
``no pressure whatsoever`` leave the loaded word unnegated. Still read as negated, though the
evaluation stands: contrastive focus (``not the cowardly ones but...``). Verbs of denial are no
negators (negation lexicon 1.4.0): in ``the army denied the massacre`` the writer still calls it
a massacre. Earlier releases counted negated hits as
nothing; ``negated_factor=0`` restores that. The factor was chosen from 0, 0.5 and 1 on the
studied half of the BABE and MBIC development sentences and checked on the other half (see
``benchmarks/validate_loaded.py --half``), and is still the best of the three on the studied
half with the narrower scope of negation lexicon 1.2.0. Scare quotes are never negated.

Flag
----
``flagged`` is ``score >= threshold``, for the document and for each sentence (sentence scores
use that sentence's tokens). The default threshold, ``DEFAULT_THRESHOLD`` = 1.5, flags a
sentence of up to 66 tokens that holds one ordinary (weight-1) loaded unit, a sentence of up to
33 tokens that holds one mild (weight-0.5) or one negated ordinary word, and a document with at
least one and a half ordinary loaded words per 100 tokens. It is the best value of the grid 0.5,
0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 for the mean sentence macro-F1 over the BABE and MBIC
development sets together, chosen with lexicon 1.2.0 on one half of the sentences and checked on
the other half (it is also better than the previous default, 1.0, there), and still the best of
the grid on that half with lexicon 1.3.0, with lexicon 1.4.0 and the negation discount, with
lexicon 1.5.0, with lexicon 1.6.0 and with lexicon 1.9.0; it is not tuned per dataset (see
``benchmarks/validate_loaded.py --half``).

Epistemic cues
--------------
Hedges, factives, assertives, implicatives and presupposition markers (Recasens et al. 2013) are
reported as spans and per-category densities, and their summed density as ``epistemic``, but they
do not enter ``score``: they mark stance toward truth, not emotional loading.

References
----------
Da San Martino, G., Yu, S., Barrón-Cedeño, A., Petrov, R., & Nakov, P. (2019). Fine-grained
analysis of propaganda in news articles. EMNLP-IJCNLP 2019.
Lakoff, G. (2004). Don't Think of an Elephant! Know Your Values and Frame the Debate. Chelsea
Green.
Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic models for
analyzing and detecting biased language. ACL 2013.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

from framing._text import TOKEN_RE as _TOKEN
from framing.lexicon import load_lexicon
from framing.matching import Matcher
from framing.scorers.attribution import AttributionResult
from framing.scorers.base import Context
from framing.scorers.dictionary import quoted_token_count, speech_voice_at

if TYPE_CHECKING:
    from framing.document import Document, Voice
    from framing.lexicon import Lexicon

__all__ = [
    "DEFAULT_THRESHOLD",
    "NEGATED_FACTOR",
    "SCARE_QUOTES",
    "VOICE_MIN_TOKENS",
    "CategoryDensity",
    "LoadedResult",
    "LoadedScorer",
    "LoadedSpan",
    "SentenceScore",
    "TitleScore",
    "VoiceScore",
]

#: The default flagging threshold: weighted loaded hits per 100 tokens.
DEFAULT_THRESHOLD: Final = 1.5
#: The share of its weight that a negated hit adds to densities, scores and flags.
NEGATED_FACTOR: Final = 0.5
#: Voice densities (authorial, quoted, own) are taken over at least this many tokens.
VOICE_MIN_TOKENS: Final = 50
#: The category id of scare quotes.
SCARE_QUOTES: Final = "scare_quotes"
_GROUPS: Final = frozenset({"loaded", "epistemic"})
# A distancing label right before a scare quote (read backwards from the quotation mark).
_DISTANCING: Final = re.compile(r"(?:(?:so|self)[-\u2010\u2011 ](?:called|styled|proclaimed)|supposed|quote[- ]unquote)\s*$", re.IGNORECASE)
_DISTANCING_LOOKBACK: Final = 16


@dataclass(frozen=True, slots=True)
class LoadedSpan:
    """One hit: a lexicon match or a scare quote.

    Attributes
    ----------
    start, end
        Offsets into the original text: ``text[start:end]`` is the evidence.
    category
        The category id (``"scare_quotes"`` for scare quotes).
    group
        ``"loaded"`` or ``"epistemic"``.
    voice
        ``"quoted"`` inside a speech quotation, else ``"authorial"`` (scare quotes, mentions and
        the words in them are the writer's own).
    negated
        Whether a negator governs the hit (a negated hit counts with ``NEGATED_FACTOR`` of its
        weight).
    weight
        The lexicon weight (intensity); 1.0 for a scare quote.
    speaker
        Who is quoted, when an attribution result puts the hit inside an attributed quotation;
        ``None`` otherwise (or when the source is unknown).
    """

    start: int
    end: int
    category: str
    group: str
    voice: Voice
    negated: bool
    weight: float
    speaker: str | None = None

    def to_dict(self, *, with_speaker: bool = False) -> dict[str, Any]:
        """JSON form; ``speaker`` is included only when ``with_speaker``."""
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "group": self.group,
            "voice": self.voice,
            "negated": self.negated,
            "weight": self.weight,
        }
        if with_speaker:
            out["speaker"] = self.speaker
        return out


@dataclass(frozen=True, slots=True)
class CategoryDensity:
    """One category in one document.

    Attributes
    ----------
    group
        The category's group.
    count
        Non-negated hits.
    negated
        Negated hits.
    weight
        Summed weights of the hits, a negated hit's times the scorer's ``negated_factor``.
    density
        ``100 * weight / n_tokens``: weighted hits per 100 tokens; 0 without tokens. Range
        [0, 300]; higher = denser.
    authorial, quoted
        The same density over the tokens of each voice, taken over at least the scorer's
        ``voice_min_tokens`` (0 when that voice has no hit of the category).
    """

    group: str
    count: int
    negated: int
    weight: float
    density: float
    authorial: float
    quoted: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "group": self.group,
            "count": self.count,
            "negated": self.negated,
            "weight": self.weight,
            "density": self.density,
            "authorial": self.authorial,
            "quoted": self.quoted,
        }


@dataclass(frozen=True, slots=True)
class VoiceScore:
    """The loaded-language score of one voice.

    Attributes
    ----------
    score
        ``100 * weight / max(n_tokens, voice_min_tokens)`` over this voice's tokens (the
        scorer's floor, default 50); 0 when it has no loading. Range [0, 300]; higher = more loaded.
    weight
        Summed weights of this voice's units (overlapping hits counted once; a negated hit at
        the scorer's ``negated_factor`` of its weight).
    count
        Number of units in this voice.
    n_tokens
        Tokens of this voice.
    """

    score: float
    weight: float
    count: int
    n_tokens: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"score": self.score, "weight": self.weight, "count": self.count, "n_tokens": self.n_tokens}


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """The loaded-language score of one sentence.

    Attributes
    ----------
    start, end
        The sentence's offsets into the original text.
    score
        ``100 * weight / n_tokens`` over the sentence (units assigned to the sentence where they
        start). Range [0, 300]; higher = more loaded; 0 for a sentence without tokens.
    flagged
        ``score >= threshold``.
    """

    start: int
    end: int
    score: float
    flagged: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"start": self.start, "end": self.end, "score": self.score, "flagged": self.flagged}


@dataclass(frozen=True, slots=True)
class TitleScore:
    """The loaded-language score of the headline given with a text, read on its own.

    Headlines are written to be loaded in a few words, often by other hands than the article,
    so the title is scored apart and never enters the document's ``score``.

    Attributes
    ----------
    score
        ``100 * weight / n_tokens`` over the title's tokens, as for a sentence. Range [0, 300];
        higher = more loaded; 0 for a title without tokens. A title is short, so one ordinary
        loaded word in an eight-word headline gives 12.5: compare titles with titles.
    weight, count
        Summed unit weights and number of units, by the document's rules.
    flagged
        ``score >= threshold``.
    n_tokens
        Tokens of the title.
    spans
        Every hit in the title, negated ones included; offsets index the title.
    """

    score: float
    weight: float
    count: int
    flagged: bool
    n_tokens: int
    spans: tuple[LoadedSpan, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the ``title`` entry of ``loaded``)."""
        return {
            "score": self.score,
            "weight": self.weight,
            "count": self.count,
            "flagged": self.flagged,
            "n_tokens": self.n_tokens,
            "spans": [s.to_dict(with_speaker=False) for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class LoadedResult:
    """What :class:`LoadedScorer` found in one document.

    Attributes
    ----------
    lexicon, version
        The lexicon read.
    threshold
        The flagging threshold used.
    n_tokens
        Tokens in the document.
    score
        Weighted loaded units per 100 tokens (see the module docs). Range [0, 300]; higher = more
        loaded; 0 for an empty text.
    weight, count
        Summed unit weights and number of units (group ``loaded``; a negated hit weighs the
        scorer's ``negated_factor`` of its lexicon weight, and a unit of negated hits only is
        counted while that factor is above 0).
    flagged
        ``score >= threshold``.
    authorial, quoted
        :class:`VoiceScore` of the outlet's own words and of quoted material; their weights,
        counts and tokens add up to the document's.
    epistemic
        Summed densities of the ``epistemic`` categories per 100 tokens (not part of ``score``).
        Range [0, 300 * number of epistemic categories]; higher = more epistemic marking.
    categories
        :class:`CategoryDensity` per category id, in lexicon order, then ``scare_quotes``.
    spans
        Every hit, negated ones included, in text order.
    sentences
        :class:`SentenceScore` per sentence.
    with_speaker
        Whether an attribution result was available (``spans`` then carry ``speaker``).
    settings
        The scorer's parameters (``threshold``, ``negated_factor``, ``scare_quote_weight``) and
        the analyzer's ``negation_window`` (``None`` without negation), so that a published
        figure names the settings it depends on besides the lexicons.
    title
        :class:`TitleScore` of the headline when one was given with the text, else ``None``.
    own
        :class:`VoiceScore` of the outlet's own assertions: authorial hits outside every speech
        quotation and outside the content of every attributed statement (so *Opponents said the
        deal was a betrayal* is not the outlet calling it one; the outlet's own hedges, its first
        person and the words after a refusal to comment stay its own), over the tokens outside
        them. ``None`` when no attribution result was available.
    """

    lexicon: str
    version: str
    threshold: float
    n_tokens: int
    score: float
    weight: float
    count: int
    flagged: bool
    authorial: VoiceScore
    quoted: VoiceScore
    epistemic: float
    categories: dict[str, CategoryDensity]
    spans: tuple[LoadedSpan, ...]
    sentences: tuple[SentenceScore, ...]
    with_speaker: bool = False
    settings: dict[str, float | None] = field(default_factory=dict)
    title: TitleScore | None = None
    own: VoiceScore | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the ``loaded`` entry of the analysis contract)."""
        return {
            "lexicon": self.lexicon,
            "version": self.version,
            "threshold": self.threshold,
            "settings": dict(self.settings),
            "n_tokens": self.n_tokens,
            "score": self.score,
            "weight": self.weight,
            "count": self.count,
            "flagged": self.flagged,
            "authorial": self.authorial.to_dict(),
            "quoted": self.quoted.to_dict(),
            "epistemic": self.epistemic,
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "spans": [s.to_dict(with_speaker=self.with_speaker) for s in self.spans],
            "sentences": [s.to_dict() for s in self.sentences],
            "title": None if self.title is None else self.title.to_dict(),
            "own": None if self.own is None else self.own.to_dict(),
        }

    def texts(self, text: str, *, group: str | None = "loaded") -> list[str]:
        """The evidence strings of the spans (of one group, or all with ``group=None``)."""
        return [text[s.start : s.end] for s in self.spans if group is None or s.group == group]


def _density(weight: float, tokens: int) -> float:
    return 100.0 * weight / tokens if tokens else 0.0


def _voice_density(weight: float, tokens: int, floor: int) -> float:
    """A voice's density, over at least ``floor`` tokens (see the module docstring)."""
    return 100.0 * weight / max(tokens, floor) if weight else 0.0


def _speakers(result: object, *, statements_only: bool = False) -> list[tuple[int, int, str | None]]:
    """``(start, end, source name)`` of every attributed content span (of statements only, if asked).

    The bundled attribution scorer's result is read directly; another scorer registered under the
    name ``attribution`` is read through its ``to_dict()`` (an item without ``statement`` counts as one).
    """
    if isinstance(result, AttributionResult):
        return [
            (a.content[0], a.content[1], a.source.name if a.source is not None else None)
            for a in result.attributions
            if a.statement or not statements_only
        ]
    to_dict = getattr(result, "to_dict", None)
    if not callable(to_dict):
        return []
    data = to_dict()
    items = data.get("attributions") if isinstance(data, Mapping) else None
    if not isinstance(items, Sequence):
        return []
    out: list[tuple[int, int, str | None]] = []
    for item in items:
        if not isinstance(item, Mapping) or (statements_only and item.get("statement") is False):
            continue
        source = item.get("source")
        name = source.get("name") if isinstance(source, Mapping) else None
        speaker = name if isinstance(name, str) else None
        content = item.get("content")
        parts = content if isinstance(content, Sequence) and not isinstance(content, str) else [content]
        for part in parts:
            if isinstance(part, Mapping):
                s, e = part.get("start"), part.get("end")
            elif isinstance(part, Sequence) and len(part) == 2:
                s, e = part[0], part[1]
            else:
                continue
            if isinstance(s, int) and isinstance(e, int):
                out.append((s, e, speaker))
    return out


class LoadedScorer:
    """Score loaded language (group ``loaded``) and epistemic cues, by voice and sentence.

    Parameters
    ----------
    lexicon
        A lexicon whose categories are grouped ``"loaded"`` or ``"epistemic"`` (others are
        ignored); default the bundled ``loaded-language``.
    threshold
        Flag a document or sentence whose score reaches it (``DEFAULT_THRESHOLD``).
    scare_quote_weight
        The weight of one scare quote; 0 leaves scare quotes out.
    negated_factor
        The share of its weight that a negated hit adds to densities, scores and flags
        (``NEGATED_FACTOR``); 0 makes negated hits count nothing, 1 ignores negation in scores.
    voice_min_tokens
        The fewest tokens a voice density (``authorial``, ``quoted``, ``own`` and the
        categories' voice densities) is taken over (``VOICE_MIN_TOKENS``); 1 gives plain densities.

    Raises
    ------
    ValueError
        When ``negated_factor`` is outside [0, 1], ``voice_min_tokens`` is below 1, or ``lexicon`` has no category grouped
        ``"loaded"`` or ``"epistemic"`` (a frame taxonomy given by mistake would score nothing).

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.matching import Negation
    >>> from framing.scorers.base import Context
    >>> scorer = LoadedScorer()
    >>> doc = Document.from_text('The regime staged a "vote". The minister said: "It was a blatant fraud."')
    >>> res = scorer.score(doc, Context(negation=Negation.default()))
    >>> sorted({(doc.text[s.start:s.end], s.voice) for s in res.spans if s.group == "loaded"})
    [('"vote"', 'authorial'), ('blatant', 'quoted'), ('regime', 'authorial')]
    >>> res.flagged, res.authorial.weight, res.quoted.weight
    (True, 1.5, 1.0)
    >>> LoadedScorer().score(Document.from_text(""), Context(negation=None)).score
    0.0
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        scare_quote_weight: float = 1.0,
        negated_factor: float = NEGATED_FACTOR,
        voice_min_tokens: int = VOICE_MIN_TOKENS,
    ) -> None:
        if not 0.0 <= negated_factor <= 1.0:
            msg = f"negated_factor must be in [0, 1], got {negated_factor!r}"
            raise ValueError(msg)
        if voice_min_tokens < 1:
            msg = f"voice_min_tokens must be at least 1, got {voice_min_tokens!r}"
            raise ValueError(msg)
        self.voice_min_tokens = int(voice_min_tokens)
        self.lexicon = lexicon if lexicon is not None else load_lexicon("loaded-language")
        self.threshold = float(threshold)
        self.scare_quote_weight = float(scare_quote_weight)
        self.negated_factor = float(negated_factor)
        self._groups: dict[str, str] = {c.id: c.group for c in self.lexicon.categories if c.group in _GROUPS}
        if not self._groups:
            msg = (
                f"lexicon {self.lexicon.name!r} has no category grouped 'loaded' or 'epistemic', so it would score nothing; "
                "give each category of a loaded-language lexicon its group"
            )
            raise ValueError(msg)
        self.matcher = Matcher(self.lexicon)

    @property
    def name(self) -> str:
        """``loaded``."""
        return "loaded"

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """The one lexicon."""
        return (self.lexicon,)

    def __repr__(self) -> str:
        """Lexicon and threshold."""
        return f"LoadedScorer({self.lexicon.name!r} {self.lexicon.version}, threshold={self.threshold})"

    def _spans(self, doc: Document, context: Context) -> list[LoadedSpan]:
        groups = self._groups
        spans = [
            LoadedSpan(m.start, m.end, m.category, groups[m.category], speech_voice_at(doc, m.start), m.negated, m.weight)
            for m in context.matches(self.matcher, doc)
            if m.category in groups
        ]
        if self.scare_quote_weight > 0:
            spans.extend(
                LoadedSpan(q.start, q.end, SCARE_QUOTES, "loaded", "authorial", False, self.scare_quote_weight)  # noqa: FBT003 - never negated
                for q in doc.quotes
                if q.kind == "scare" and _TOKEN.search(doc.text, q.start, q.end)
            )
        spans.sort(key=lambda s: (s.start, s.end, s.category))
        attribution = context.results.get("attribution")
        if attribution is not None:
            owner = _Owners(_speakers(attribution))
            spans = [LoadedSpan(s.start, s.end, s.category, s.group, s.voice, s.negated, s.weight, owner(s.start, s.end)) for s in spans]
        return spans

    def score(self, doc: Document, context: Context) -> LoadedResult:
        """Score ``doc``."""
        spans = self._spans(doc, context)
        n = doc.n_tokens
        nq = quoted_token_count(doc)
        na = n - nq
        cats = self._categories(spans, n, na, nq)
        units = self._units(doc.text, spans)
        w = {"authorial": 0.0, "quoted": 0.0}
        c = {"authorial": 0, "quoted": 0}
        for weight, voice, _start in units:
            w[voice] += weight
            c[voice] += 1
        total = w["authorial"] + w["quoted"]
        score = _density(total, n)
        epistemic = sum(d.density for d in cats.values() if d.group == "epistemic")
        return LoadedResult(
            self.lexicon.name,
            self.lexicon.version,
            self.threshold,
            n,
            score,
            total,
            len(units),
            n > 0 and score >= self.threshold,
            VoiceScore(_voice_density(w["authorial"], na, self.voice_min_tokens), w["authorial"], c["authorial"], na),
            VoiceScore(_voice_density(w["quoted"], nq, self.voice_min_tokens), w["quoted"], c["quoted"], nq),
            epistemic,
            cats,
            tuple(spans),
            self._sentences(doc, units),
            with_speaker=context.results.get("attribution") is not None,
            # read when scoring, and a new dict each time: a result never shares or misstates them
            settings={
                **self.parameters(),
                # the analyzer's negation window decides which hits are negated; None: no negation
                "negation_window": None if context.negation is None else context.negation.window,
            },
            title=None if context.title is None else self._title(context.title, context),
            own=None if context.results.get("attribution") is None else self._own(doc, spans, context.results["attribution"]),
        )

    def parameters(self) -> dict[str, float]:
        """The scorer's parameters, as a result's ``settings`` and :attr:`framing.Analyzer.settings` name them."""
        return {
            "threshold": self.threshold,
            "negated_factor": self.negated_factor,
            "scare_quote_weight": self.scare_quote_weight,
            "voice_min_tokens": self.voice_min_tokens,
        }

    def _own(self, doc: Document, spans: list[LoadedSpan], attribution: object) -> VoiceScore:
        """The outlet's own voice: outside speech quotations and attributed content."""
        # statements only: the outlet's own hedges, its first person and refusals stay its own voice
        reported = [(s, e) for s, e, _name in _speakers(attribution, statements_only=True)]
        covered = _merged(reported + [(q.start, q.end) for q in doc.quotes if q.kind == "speech"])
        starts = [a for a, _b in covered]

        def inside(x: int) -> bool:
            k = bisect.bisect_right(starts, x) - 1
            return k >= 0 and x < covered[k][1]

        units = self._units(doc.text, [s for s in spans if s.voice == "authorial" and not inside(s.start)])
        weight = sum((w for w, _voice, _start in units), 0.0)
        tokens = doc.n_tokens - sum(doc.count_tokens(covered))
        return VoiceScore(_voice_density(weight, tokens, self.voice_min_tokens), weight, len(units), tokens)

    def _title(self, title: Document, context: Context) -> TitleScore:
        """The headline scored on its own (no attribution: a headline's quotations have no tag)."""
        spans = self._spans(title, Context(negation=context.negation))
        units = self._units(title.text, spans)
        weight = sum((w for w, _voice, _start in units), 0.0)
        n = title.n_tokens
        score = _density(weight, n)
        return TitleScore(score, weight, len(units), n > 0 and score >= self.threshold, n, tuple(spans))

    def _units(self, text: str, spans: list[LoadedSpan]) -> list[tuple[float, Voice, int]]:
        """The units of the ``loaded`` hits among ``spans`` that add weight (see :func:`_units`)."""
        return _units(_joined(text, [(s, self._weight(s)) for s in spans if s.group == "loaded" and self._weight(s) > 0]))

    def _weight(self, span: LoadedSpan) -> float:
        """What a hit adds to densities and scores: its weight, discounted when negated."""
        return span.weight * self.negated_factor if span.negated else span.weight

    def _categories(self, spans: list[LoadedSpan], n: int, na: int, nq: int) -> dict[str, CategoryDensity]:
        acc: dict[str, list[float]] = {cid: [0, 0, 0.0, 0.0] for cid in self._groups}
        if self.scare_quote_weight > 0:
            acc[SCARE_QUOTES] = [0, 0, 0.0, 0.0]
        for s in spans:
            a = acc[s.category]
            a[1 if s.negated else 0] += 1
            w = self._weight(s)
            a[2] += w
            if s.voice == "quoted":
                a[3] += w
        out = {}
        for cid, (cnt, neg, weight, qw) in acc.items():
            group = "loaded" if cid == SCARE_QUOTES else self._groups[cid]
            floor = self.voice_min_tokens
            authorial, quoted = _voice_density(weight - qw, na, floor), _voice_density(qw, nq, floor)
            out[cid] = CategoryDensity(group, int(cnt), int(neg), weight, _density(weight, n), authorial, quoted)
        return out

    def _sentences(self, doc: Document, units: list[tuple[float, Voice, int]]) -> tuple[SentenceScore, ...]:
        if not doc.sentences:
            return ()
        starts = [s for s, _e in doc.sentences]
        tokens = doc.count_tokens(doc.sentences)
        weights = [0.0] * len(starts)
        for weight, _voice, start in units:
            k = bisect.bisect_right(starts, start) - 1
            if k >= 0:
                weights[k] += weight
        out = []
        for (s, e), nt, w in zip(doc.sentences, tokens, weights, strict=True):
            sc = _density(w, nt)
            out.append(SentenceScore(s, e, sc, nt > 0 and sc >= self.threshold))
        return tuple(out)


class _Owners:
    """Find the first attributed content span (in start order) that contains a hit, in log time."""

    def __init__(self, owners: list[tuple[int, int, str | None]]) -> None:
        self._owners = sorted(owners, key=lambda o: o[0])
        self._starts = [o[0] for o in self._owners]
        reach: list[int] = []
        best = -1
        for _s, e, _n in self._owners:
            best = max(best, e)
            reach.append(best)
        self._reach = reach  # reach[k]: the furthest end among owners[0..k]

    def __call__(self, start: int, end: int) -> str | None:
        # Owners that start at or before the hit are owners[:limit]; the first of them whose end
        # reaches the hit's end is the first index where the running maximum of ends reaches it.
        limit = bisect.bisect_right(self._starts, start)
        k = bisect.bisect_left(self._reach, end, 0, limit)
        return self._owners[k][2] if k < limit else None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ``(start, end)`` spans merged, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _joined(text: str, spans: list[tuple[LoadedSpan, float]]) -> list[tuple[LoadedSpan, float]]:
    """The spans for unit building: a scare quote after a distancing label starts at the label.

    So it overlaps the label's hit (*so-called* is a pejorative label) and the two form one
    unit. The reported spans keep their own offsets.
    """
    out = []
    for s, w in spans:
        if s.category == SCARE_QUOTES:
            m = _DISTANCING.search(text, max(0, s.start - _DISTANCING_LOOKBACK), s.start)
            if m is not None:
                s = replace(s, start=m.start())  # noqa: PLW2901 - the span as one unit with its label
        out.append((s, w))
    return out


def _units(spans: list[tuple[LoadedSpan, float]]) -> list[tuple[float, Voice, int]]:
    """Merge overlapping ``(span, effective weight)`` pairs into units.

    A unit is ``(max effective weight, voice of the heaviest, start)``.
    """
    units: list[tuple[float, Voice, int]] = []
    reach = -1
    best: tuple[LoadedSpan, float] | None = None
    first = 0
    for pair in sorted(spans, key=lambda p: (p[0].start, p[0].end)):
        s, w = pair
        if best is not None and s.start < reach:
            reach = max(reach, s.end)
            if w > best[1]:
                best = pair
            continue
        if best is not None:
            units.append((best[1], best[0].voice, first))
        best, reach, first = pair, s.end, s.start
    if best is not None:
        units.append((best[1], best[0].voice, first))
    return units
