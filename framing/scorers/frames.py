"""Frame scorer: how strongly a text uses each frame of a taxonomy, with evidence.

Any lexicon whose categories are frames works; the default is the bundled ``policy-frames``
lexicon (the 14 dimensions of the Policy Frames Codebook, Boydstun et al. 2014), and
``generic-news-frames`` (Semetko & Valkenburg 2000) is a second bundled taxonomy.

Definitions
-----------
For frame *f*, let *W_f* be the summed weights of its cue matches in the text, plus
``title_weight`` times the summed weights of its cue matches in the title (when one is given),
and *N* the number of tokens of the text (at least ``min_tokens``, so that a one-line text does
not get an extreme density).

* ``density[f] = 1000 * W_f / N``: cue weight per 1,000 tokens. Range [0, inf); higher = the
  frame's vocabulary is denser. Negated cues count: "not a security threat" still brings the
  security frame into the text.
* ``score[f] = 1 - exp(-density[f] / scale)``: the density mapped to [0, 1). 0 means no cue; at
  ``density == scale`` the score is 0.63. The map is increasing, so adding a cue never lowers a
  frame's score, and it is length-normalised, so a 300-word and a 3,000-word article compare.
* ``share[f] = W_f / sum(W)``: the frame's part of all frame cue weight in the text, in [0, 1].
* ``present``: the frames with ``score >= threshold`` and ``share >= min_share``, in descending
  score order. The defaults (``threshold=0.5``, ``min_share=0.05``, ``scale=4.0``) were chosen
  once on the SemEval-2023 English dev set (see the validation page); nothing else was fitted.
  In short texts a single cue is enough: ``score >= 0.5`` means ``density >= scale * ln 2``
  (2.77 per 1,000 tokens with the defaults), so one cue of weight *w* makes its frame present
  in a text of up to ``1000 * w / 2.77`` tokens: about 180 tokens for a weak cue (0.5), 360 for
  a plain one (1.0) and 720 for a strong one (2.0), if no other frame takes most of the share.
  When outlets differ in article length, compare ``score`` or ``density`` as well as presence,
  or restrict the comparison to articles of similar length.
* ``primary``: the frame with the highest score, or ``None`` when the text has no frame cue.
* ``by_voice``: densities computed separately over the outlet's own words (authorial) and
  words inside speech quotations (quoted), from the text's cues only (title cues are left out).
  Words inside scare quotes and mentions are the writer's own, as in every scorer (see
  :func:`~framing.scorers.dictionary.speech_voice`); a cue's ``voice`` in ``evidence`` follows
  the same rule. Each voice's density is per 1,000 of that voice's tokens, at least
  ``min_tokens`` (as for ``density``), so one cue in a short quotation does not give an extreme
  quoted density. A source can carry a frame the outlet does not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from framing.lexicon import Lexicon, load_lexicon
from framing.matching import Match, Matcher
from framing.scorers.dictionary import quoted_token_count, speech_voice

if TYPE_CHECKING:
    from framing.document import Document
    from framing.scorers.base import Context

__all__ = ["FrameEvidence", "FrameResult", "FrameScorer", "SentenceFrames"]

Field = Literal["text", "title"]


@dataclass(frozen=True, slots=True)
class FrameEvidence:
    """One frame cue.

    Attributes
    ----------
    start, end
        Offsets into the text (or into the title when ``field == "title"``).
    frame
        The frame id.
    entry
        The lexicon entry that matched.
    weight
        The entry's weight.
    voice
        ``"authorial"`` or ``"quoted"``.
    negated
        Whether a negator governs the cue (it still counts; see the module docstring).
    field
        ``"text"`` or ``"title"``.
    """

    start: int
    end: int
    frame: str
    entry: str
    weight: float
    voice: str
    negated: bool
    field: Field = "text"

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "start": self.start,
            "end": self.end,
            "frame": self.frame,
            "entry": self.entry,
            "weight": self.weight,
            "voice": self.voice,
            "negated": self.negated,
            "field": self.field,
        }


@dataclass(frozen=True, slots=True)
class SentenceFrames:
    """The frame cues of one sentence that has any.

    Attributes
    ----------
    start, end
        The sentence's offsets.
    weights
        Summed cue weight per frame in the sentence, frames in descending weight.
    primary
        The frame with the most weight in the sentence.
    """

    start: int
    end: int
    weights: dict[str, float]
    primary: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"start": self.start, "end": self.end, "weights": self.weights, "primary": self.primary}


@dataclass(frozen=True, slots=True)
class FrameResult:
    """What :class:`FrameScorer` found in one document (see the module docstring for definitions).

    Attributes
    ----------
    lexicon, version
        The frame lexicon.
    n_tokens
        Tokens of the text (the density denominator before ``min_tokens``).
    scores
        Score per frame in [0, 1), every frame of the taxonomy present (0 when no cue).
    density
        Cue weight per 1,000 tokens per frame.
    share
        Share of all frame cue weight per frame (all 0 when there is no cue).
    present
        Frames asserted by the decision rule, strongest first.
    primary
        Strongest frame, or ``None``.
    by_voice
        ``{"authorial": {frame: density}, "quoted": {frame: density}}``.
    sentences
        Per-sentence frame weights, for sentences with at least one cue.
    evidence
        Every cue, text first then title, in order.
    settings
        The scorer's parameters (``title_weight``, ``scale``, ``threshold``, ``min_share``,
        ``min_tokens``), so that a published figure names every setting it depends on.
    """

    lexicon: str
    version: str
    n_tokens: int
    scores: dict[str, float]
    density: dict[str, float]
    share: dict[str, float]
    present: tuple[str, ...]
    primary: str | None
    by_voice: dict[str, dict[str, float]]
    sentences: tuple[SentenceFrames, ...]
    evidence: tuple[FrameEvidence, ...]
    settings: dict[str, float] = field(default_factory=dict)

    def top(self, k: int = 3) -> list[str]:
        """The ``k`` frames with the highest scores (frames without cues left out)."""
        ranked = sorted((f for f, s in self.scores.items() if s > 0), key=lambda f: -self.scores[f])
        return ranked[:k]

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``frames`` in the analysis contract)."""
        return {
            "lexicon": self.lexicon,
            "version": self.version,
            "n_tokens": self.n_tokens,
            "scores": self.scores,
            "density": self.density,
            "share": self.share,
            "present": list(self.present),
            "primary": self.primary,
            "by_voice": self.by_voice,
            "sentences": [s.to_dict() for s in self.sentences],
            "evidence": [e.to_dict() for e in self.evidence],
            "settings": dict(self.settings),
        }


class FrameScorer:
    """Score the frames of a taxonomy in a document.

    Parameters
    ----------
    lexicon
        A frame lexicon (categories are frames); the bundled ``policy-frames`` by default.
    title_weight
        How much a cue in the title counts relative to one in the text.
    scale
        Density (cue weight per 1,000 tokens) at which the score reaches 0.63.
    threshold
        Score at or above which a frame can be ``present``.
    min_share
        Share of all frame cue weight a frame needs to be ``present``.
    min_tokens
        Smallest length used as the density denominator.

    Raises
    ------
    ValueError
        For a parameter out of range, or a lexicon whose categories are all grouped ``loaded``
        or ``epistemic`` (a loaded-language lexicon given by mistake).

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.scorers.base import Context
    >>> text = "Airstrikes hit militia bases. The ministry condemned the violation of sovereignty."
    >>> res = FrameScorer().score(Document.from_text(text), Context(None))
    >>> res.primary
    'security_and_defense'
    >>> "external_regulation_and_reputation" in res.present
    True
    """

    def __init__(
        self,
        lexicon: Lexicon | str | None = None,
        *,
        title_weight: float = 2.0,
        scale: float = 4.0,
        threshold: float = 0.5,
        min_share: float = 0.05,
        min_tokens: int = 100,
    ) -> None:
        if title_weight < 0 or scale <= 0 or not 0 <= threshold < 1 or not 0 <= min_share <= 1 or min_tokens < 1:
            msg = "need title_weight >= 0, scale > 0, 0 <= threshold < 1, 0 <= min_share <= 1, min_tokens >= 1"
            raise ValueError(msg)
        lex = load_lexicon(lexicon or "policy-frames") if not isinstance(lexicon, Lexicon) else lexicon
        if lex.categories and all(c.group in {"loaded", "epistemic"} for c in lex.categories):
            msg = f"lexicon {lex.name!r} is a loaded-language lexicon (every category grouped 'loaded' or 'epistemic'), no frame taxonomy"
            raise ValueError(msg)
        self.lexicon = lex
        self.matcher = Matcher(lex)
        self.title_weight = title_weight
        self.scale = scale
        self.threshold = threshold
        self.min_share = min_share
        self.min_tokens = min_tokens

    @property
    def name(self) -> str:
        """``frames``."""
        return "frames"

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """The frame lexicon."""
        return (self.lexicon,)

    def __repr__(self) -> str:
        """The lexicon and parameters."""
        return (
            f"FrameScorer({self.lexicon.name!r}, title_weight={self.title_weight}, scale={self.scale}, "
            f"threshold={self.threshold}, min_share={self.min_share}, min_tokens={self.min_tokens})"
        )

    def score(self, doc: Document, context: Context) -> FrameResult:
        """Score the frames of ``doc`` (and of ``context.title`` when there is one)."""
        frames = self.lexicon.category_ids
        matches = speech_voice(doc, context.matches(self.matcher, doc))
        title_matches: list[Match] = []
        if context.title is not None and self.title_weight > 0:
            title_matches = self.matcher.find(context.title, negation=context.negation)
        weight = dict.fromkeys(frames, 0.0)
        quoted = dict.fromkeys(frames, 0.0)
        for m in matches:
            weight[m.category] += m.weight
            if m.voice == "quoted":
                quoted[m.category] += m.weight
        # The text's own weights, before the title's are added: the voices describe the text alone
        # (subtracting the title's weights back would leave rounding residue, even below zero).
        text_w = dict(weight)
        for m in title_matches:
            weight[m.category] += self.title_weight * m.weight
        n = doc.n_tokens
        nq = quoted_token_count(doc) if doc.quotes else 0
        na = n - nq
        denom = max(n, self.min_tokens)
        density = {f: 1000.0 * w / denom for f, w in weight.items()}
        scores = {f: 1.0 - math.exp(-d / self.scale) for f, d in density.items()}
        total = sum(w for w in weight.values() if w > 0)
        share = {f: (max(w, 0.0) / total if total > 0 else 0.0) for f, w in weight.items()}
        ranked = sorted((f for f in frames if scores[f] > 0), key=lambda f: (-scores[f], frames.index(f)))
        present = tuple(f for f in ranked if scores[f] >= self.threshold and share[f] >= self.min_share)
        by_voice = {
            "authorial": {f: (1000.0 * (text_w[f] - quoted[f]) / max(na, self.min_tokens) if na else 0.0) for f in frames},
            "quoted": {f: (1000.0 * quoted[f] / max(nq, self.min_tokens) if nq else 0.0) for f in frames},
        }
        evidence = tuple(
            [FrameEvidence(m.start, m.end, m.category, m.entry, m.weight, m.voice, m.negated) for m in matches]
            + [FrameEvidence(m.start, m.end, m.category, m.entry, m.weight, m.voice, m.negated, "title") for m in title_matches]
        )
        return FrameResult(
            lexicon=self.lexicon.name,
            version=self.lexicon.version,
            n_tokens=n,
            scores=scores,
            density=density,
            share=share,
            present=present,
            primary=ranked[0] if ranked else None,
            by_voice=by_voice,
            sentences=_sentence_frames(doc, matches),
            evidence=evidence,
            settings=self.parameters(),  # read when scoring, and a new dict each time
        )

    def parameters(self) -> dict[str, float]:
        """The scorer's parameters, as a result's ``settings`` and :attr:`framing.Analyzer.settings` name them."""
        return {
            "title_weight": self.title_weight,
            "scale": self.scale,
            "threshold": self.threshold,
            "min_share": self.min_share,
            "min_tokens": self.min_tokens,
        }


def _sentence_frames(doc: Document, matches: Sequence[Match]) -> tuple[SentenceFrames, ...]:
    per: dict[int, dict[str, float]] = {}
    for m in matches:
        k = doc.sentence_index(m.start)
        if k < 0:
            continue
        bucket = per.setdefault(k, {})
        bucket[m.category] = bucket.get(m.category, 0.0) + m.weight
    out = []
    for k in sorted(per):
        weights = dict(sorted(per[k].items(), key=lambda kv: (-kv[1], kv[0])))
        s, e = doc.sentences[k]
        out.append(SentenceFrames(s, e, weights, next(iter(weights))))
    return tuple(out)
