"""Feature extraction: from one analysis (its ``to_dict()`` form) to numbers a comparison can use.

The comparison never looks at scorer objects; it reads the JSON contract of
:meth:`framing.Analysis.to_dict`, one section at a time, and **skips a section that is
absent**. A scorer that is not run simply contributes no feature, and a scorer that lands later is
picked up as soon as its section appears, with at most a change to :data:`DESCRIPTIONS` (what a
feature means) or :data:`ZERO_FILL` (which features are 0 rather than missing).

What is read
------------
Every feature is a :class:`Feature` ``(section, measure, key)``; its :attr:`Feature.name` is
``section.measure`` or ``section.measure.key``. ``None`` means *missing for this document* (the
document does not enter that feature's statistics), never zero.

``frames`` (:class:`~framing.scorers.frames.FrameResult`)
    * ``frames.score.<frame>``: ``scores[frame]``, in [0, 1), higher = the frame's cues are denser.
    * ``frames.present.<frame>``: 1 when the frame is in ``present``, else 0 (kind ``binary``:
      its mean over documents is the frame's *prevalence*).
    * ``frames.share.<frame>``: ``share[frame]`` in [0, 1]; missing for a document without any frame
      cue (its shares are all 0 and carry no profile). Kind ``share``: used for frame profiles.
    * ``frames.n_present``: number of frames present (of those in ``scores``).
    * ``by_voice`` is not read: a quoted density of 0 cannot be told apart from "no quotation".

``loaded`` (loaded language; read defensively, every field optional)
    * ``loaded.score``: the top-level ``score`` (weighted loaded units per 100 tokens, higher = more
      loaded).
    * ``loaded.authorial`` / ``loaded.quoted``: the ``score`` of the ``authorial`` / ``quoted``
      sub-mapping (or the value itself when it is a number). Missing when the sub-mapping says the
      voice has ``n_tokens == 0`` (a text without quotation has no quoted-voice density).
    * ``loaded.epistemic`` and any other top-level number except the size-dependent or bookkeeping
      fields ``n_tokens``, ``weight``, ``count``, ``threshold``.
    * ``loaded.flagged``: the boolean ``flagged`` as 0/1 (kind ``binary``; missing if not a boolean).
    * ``loaded.density.<category>``, ``loaded.authorial.<category>``, ``loaded.quoted.<category>``: the
      numbers ``density``, ``authorial``, ``quoted`` of each entry of ``categories`` (the quoted one
      missing when the document has no quoted token, as above; none for ``scare_quotes``, which
      are the writer's own and never quoted voice).
    * ``loaded.title``: the headline's own score (missing for a document without a title).
    * ``loaded.own``: the score of the outlet's own assertions, outside speech quotations and the
      content of every attribution (missing without an attribution result).

``attribution`` (read defensively from ``balance``)
    * ``attribution.<field>``: every number in ``balance`` (``voice_entropy``, ``voice_gini``,
      ``anonymous_share``, ``neutral_cue_share``, ``quoted_share``, ``distinct_sources``,
      ``side_balance``...); ``None`` stays missing (e.g. no anonymous share without a source).
    * ``attribution.per_1k_tokens``: ``1000 * balance.statements / n_tokens``, the attributions that
      are statements (refusals to speak, non-responses and the writer's own first person left
      out; every attribution for a result without ``statements``), missing without tokens.
      The same definition as :mod:`framing.integrations.features`, like every feature both name.
    * ``attribution.sources_per_1k_tokens``: ``1000 * distinct_sources / n_tokens``, the number of
      voices relative to the length of the article (missing without tokens).
    * ``attribution.distinct_sources`` and ``attribution.n_typed`` (attributions with a source type)
      are counts that grow with the length of an article (kind ``count``).
    * ``attribution.type_share.<type>``: ``types[type].attributions`` over the attributions of all
      types: the source-type mix (kind ``share``). A type absent from a document that has typed
      attributions is 0 there (:data:`ZERO_FILL`); a document without any is missing.
    * ``attribution.side_share.<side>`` and ``attribution.side_balance``: ``sides[side].voice_share``
      and ``side_balance``, only when ``sides`` is a mapping (a scorer with a ``sides`` mapping).

``readability`` (:class:`~framing.scorers.readability.ReadabilityResult`)
    * ``readability.<formula>``: every number whose name does not start with ``n_`` (the counts);
      ``None`` (a text without words) stays missing.

``dictionaries`` (:class:`~framing.scorers.dictionary.DictionaryResult` per lexicon)
    * ``dictionary:<lexicon>.rate.<category>``: matches per 1,000 tokens;
      ``...authorial.<category>`` and ``...quoted.<category>`` per voice (quoted missing when the
      document has no quoted token).
    * ``dictionary:<lexicon>.weighted.<category>``: the summed weights of the matches per 1,000
      tokens (0 without tokens, as for rates), and ``...weighted_authorial.<category>`` and
      ``...weighted_quoted.<category>`` per voice. For a lexicon with weights (an eMFD-style CSV)
      these are the quantities that tell its categories apart: every eMFD word has a cell in every
      foundation, so its counts are the same in all of them. A lexicon whose weighted columns equal
      its rate columns in every document (all weights 1) gets none: they would add only duplicate
      tests (see :meth:`FeatureTable.freeze`).

Kinds
-----
``score`` features are compared with rank tests; ``binary`` features are reported as prevalences
(frame presence also enters the χ² test); ``share`` features form profiles (Jensen–Shannon
distances) and are reported with confidence intervals but not tested one by one. ``count``
features (numbers of sources and typed attributions) grow with the length of an article, so a
difference between outlets may only say that one writes longer stories: they are reported with
intervals but left out of the tests; their length-relative forms (``per_1k_tokens``,
``sources_per_1k_tokens``) are tested instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import numbers
import unicodedata
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from framing.analysis import Analyzer, LexiconRef, Record, framing_version, resolve_jobs
from framing.errors import InputError

__all__ = [
    "DESCRIPTIONS",
    "SECTION_ORDER",
    "STOP_WORDS",
    "ZERO_FILL",
    "Feature",
    "FeatureData",
    "FeatureTable",
    "check_record",
    "collect",
    "count_words",
    "describe",
    "extract_features",
    "iter_features",
    "text_digest",
]

Kind = Literal["score", "binary", "share", "count"]

#: Order in which sections are listed (others follow, alphabetically).
SECTION_ORDER: Final = ("frames", "loaded", "attribution", "readability")

_BINARY: Final = frozenset({"present", "flagged"})
_SHARE: Final = frozenset({"share", "type_share", "side_share"})
#: Counts that grow with the length of a document: reported, never tested (see ``Kinds``).
_COUNT: Final = frozenset({"distinct_sources", "n_typed", "statements"})

#: What each ``(section, measure)`` means: range and direction. Features not listed get a generic
#: description naming the field they were read from. Extend this when a scorer adds a field.
DESCRIPTIONS: Final[Mapping[tuple[str, str], str]] = {
    ("frames", "score"): "frame score in [0, 1); higher = denser frame cues",
    ("frames", "present"): "frame present (0/1); mean = prevalence",
    ("frames", "share"): "share of the document's frame cue weight in [0, 1]",
    ("frames", "n_present"): "number of frames present; higher = more frames",
    ("loaded", "score"): "loaded-language weight per 100 tokens; higher = more loaded",
    ("loaded", "authorial"): "loaded-language density in the outlet's own words (over at least 50 tokens); higher = more loaded",
    ("loaded", "quoted"): "loaded-language density inside speech quotations (over at least 50 tokens, so short quotations shrink "
    "toward 0); higher = more loaded",
    ("loaded", "own"): "loaded-language density of the outlet's own assertions (no quotations, no reported speech; over at least "
    "50 tokens)",
    ("loaded", "title"): "loaded-language weight per 100 tokens of the headline; missing without a title",
    ("loaded", "epistemic"): "epistemic cues per 100 tokens; higher = more hedging/assertive marking",
    ("loaded", "flagged"): "document flagged as loaded (0/1)",
    ("loaded", "density"): "category weight per 100 tokens; higher = denser",
    ("attribution", "voice_entropy"): "normalised entropy of voice over sources in [0, 1]; higher = more even",
    ("attribution", "voice_gini"): "Gini of voice over sources in [0, 1); higher = more concentrated",
    ("attribution", "anonymous_share"): "share of attributions to anonymous sources in [0, 1]",
    ("attribution", "neutral_cue_share"): "share of neutral speech cues in [0, 1]; higher = more neutral",
    ("attribution", "quoted_share"): "share of tokens inside speech quotations in [0, 1]",
    ("attribution", "distinct_sources"): "number of distinct sources; grows with length",
    ("attribution", "side_balance"): "normalised entropy of sides' voice in [0, 1]; 1 = even",
    ("attribution", "n_typed"): "attributions with a source type (a count; grows with length)",
    ("attribution", "per_1k_tokens"): "attributed statements per 1,000 tokens; higher = more sourcing",
    ("attribution", "statements"): "attributed statements (a count; grows with length)",
    ("attribution", "sources_per_1k_tokens"): "distinct sources per 1,000 tokens; higher = more voices for the length",
    ("attribution", "type_share"): "share of attributions to this source type in [0, 1]",
    ("attribution", "side_share"): "share of quoted words given to this side in [0, 1]",
    ("readability", "flesch_reading_ease"): "Flesch reading ease; higher = easier",
    ("readability", "flesch_kincaid_grade"): "Flesch-Kincaid grade; higher = harder",
    ("readability", "gunning_fog"): "Gunning fog index; higher = harder",
    ("readability", "smog_index"): "SMOG grade; higher = harder",
    ("readability", "coleman_liau_index"): "Coleman-Liau index; higher = harder",
    ("readability", "automated_readability_index"): "automated readability index; higher = harder",
    ("dictionary", "rate"): "matches per 1,000 tokens; higher = denser",
    ("dictionary", "authorial"): "matches per 1,000 authorial tokens",
    ("dictionary", "quoted"): "matches per 1,000 quoted tokens",
    ("dictionary", "weighted"): "summed entry weights per 1,000 tokens; higher = denser",
    ("dictionary", "weighted_authorial"): "summed entry weights per 1,000 authorial tokens",
    ("dictionary", "weighted_quoted"): "summed entry weights per 1,000 quoted tokens",
}

#: The weighted dictionary measures and the count-based rate each one shadows (see :meth:`FeatureTable.freeze`).
_WEIGHTED_RATES: Final = {"weighted": "rate", "weighted_authorial": "authorial", "weighted_quoted": "quoted"}

#: ``(section, measure) -> indicator``: a feature of that family that a document lacks is 0 (not
#: missing) when the document's ``indicator`` feature is > 0. Needed for open-ended families whose
#: keys appear only in the documents that have them (source types).
ZERO_FILL: Final[Mapping[tuple[str, str], tuple[str, str, str]]] = {
    ("attribution", "type_share"): ("attribution", "n_typed", ""),
}

#: Words left out of the distinctive-language counts. English articles, pronouns, auxiliaries,
#: prepositions and conjunctions: a small list on purpose, since content words and reporting verbs
#: such as "said" stay (how outlets attribute is part of their style).
STOP_WORDS: Final = frozenset(
    """a about after all also an and any are as at be been before being between both but by can could did
    do does during each for from had has have he her hers him his how i if in into is it its itself me
    more most my no nor not of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours s t don't
    it's he's she's that's there's i'm we're they're isn't wasn't aren't weren't""".split()  # noqa: SIM905 - a word list reads better as text
)


@dataclass(frozen=True, slots=True, order=True)
class Feature:
    """One per-document number the comparison reads (see the module docstring for the list).

    Attributes
    ----------
    section
        The analysis section: ``frames``, ``loaded``, ``attribution``, ``readability`` or
        ``dictionary:<lexicon>``.
    measure
        The field within the section (``score``, ``present``, ``share``, ``quoted``...).
    key
        The frame, category or source type, or ``""`` for a document-level number.

    Examples
    --------
    >>> f = Feature("frames", "score", "economic")
    >>> f.name, f.kind
    ('frames.score.economic', 'score')
    >>> Feature("frames", "present", "economic").kind
    'binary'
    """

    section: str
    measure: str
    key: str = ""

    @property
    def name(self) -> str:
        """``section.measure`` or ``section.measure.key``."""
        return f"{self.section}.{self.measure}.{self.key}" if self.key else f"{self.section}.{self.measure}"

    @property
    def kind(self) -> Kind:
        """``binary`` (0/1; mean = prevalence), ``share`` (part of a profile), ``count`` or ``score``."""
        if self.measure in _BINARY:
            return "binary"
        if self.measure in _SHARE:
            return "share"
        if self.section == "attribution" and self.measure in _COUNT:
            return "count"
        return "score"

    @property
    def group(self) -> str:
        """The section without a dictionary's lexicon name (``dictionary:mfd`` -> ``dictionary``)."""
        return self.section.split(":", 1)[0]

    def sort_key(self) -> tuple[int, str, str, str]:
        """Sections in :data:`SECTION_ORDER`, then by name: the canonical order of a report."""
        rank = SECTION_ORDER.index(self.section) if self.section in SECTION_ORDER else len(SECTION_ORDER)
        return (rank, self.section, self.measure, self.key)


def describe(feature: Feature) -> str:
    """A one-line meaning of ``feature`` with its range and direction, from :data:`DESCRIPTIONS`.

    Examples
    --------
    >>> describe(Feature("readability", "flesch_reading_ease"))
    'Flesch reading ease; higher = easier'
    >>> describe(Feature("loaded", "novel_field"))
    "numeric field 'novel_field' of the loaded section"
    """
    if feature.group == "loaded" and feature.key and feature.measure in {"authorial", "quoted"}:
        # a category's density in one voice: hedges and factives are marking, not loading
        where = "the outlet's own words" if feature.measure == "authorial" else "speech quotations"
        return f"{feature.key} weight per 100 tokens of {where}; higher = denser"
    text = DESCRIPTIONS.get((feature.group, feature.measure))
    if text is not None:
        return text
    return f"numeric field {feature.measure!r} of the {feature.section} section"


def _num(value: object) -> float | None:
    """A finite float from an int or float (not a bool), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    out = float(value)
    return out if math.isfinite(out) else None


def _frames(sec: Mapping[str, Any], out: dict[Feature, float | None]) -> None:
    scores = sec.get("scores")
    if not isinstance(scores, Mapping):
        return
    present = sec.get("present")
    present_set = {p for p in present if isinstance(p, str)} if isinstance(present, list | tuple) else set()
    share = sec.get("share")
    share_map: Mapping[str, Any] = share if isinstance(share, Mapping) else {}
    any_cue = any((_num(v) or 0.0) > 0 for v in share_map.values())
    for frame, value in scores.items():
        out[Feature("frames", "score", frame)] = _num(value)
        out[Feature("frames", "present", frame)] = 1.0 if frame in present_set else 0.0
        out[Feature("frames", "share", frame)] = _num(share_map.get(frame)) if any_cue else None
    out[Feature("frames", "n_present")] = float(len(present_set & set(scores)))


def _voice_missing(sub: object) -> bool:
    return isinstance(sub, Mapping) and _num(sub.get("n_tokens")) == 0.0


_LOADED_SKIP: Final = frozenset({"n_tokens", "weight", "count", "threshold"})


def _loaded_categories(cats: Mapping[str, Any], quoted_absent: bool, out: dict[Feature, float | None]) -> None:
    for cat, c in cats.items():
        if not isinstance(c, Mapping):
            continue
        for measure in ("density", "authorial", "quoted"):
            if measure == "quoted" and cat == "scare_quotes":
                continue  # a scare quote is the writer's own device: never quoted voice, always 0
            if measure in c:
                v = _num(c[measure])
                out[Feature("loaded", measure, cat)] = None if (measure == "quoted" and quoted_absent) else v


def _loaded(sec: Mapping[str, Any], out: dict[Feature, float | None]) -> None:
    quoted_absent = _voice_missing(sec.get("quoted"))
    for field, value in sec.items():
        if field in _LOADED_SKIP:
            continue
        if field == "flagged":
            out[Feature("loaded", "flagged")] = float(value) if isinstance(value, bool) else None
        elif field in {"authorial", "quoted", "own"}:
            v = _num(value.get("score")) if isinstance(value, Mapping) else _num(value)
            out[Feature("loaded", field)] = None if _voice_missing(value) else v
        elif field == "categories" and isinstance(value, Mapping):
            _loaded_categories(value, quoted_absent, out)
        elif field == "title":
            out[Feature("loaded", "title")] = _num(value.get("score")) if isinstance(value, Mapping) else None
        elif not isinstance(value, bool) and isinstance(value, (int, float)):
            out[Feature("loaded", field)] = _num(value)


def _type_shares(types: Mapping[str, Any], out: dict[Feature, float | None]) -> None:
    counts = {t: _num(v.get("attributions")) for t, v in types.items() if isinstance(v, Mapping)}
    total = sum(c for c in counts.values() if c is not None and c > 0)
    out[Feature("attribution", "n_typed")] = total
    for t, c in counts.items():
        out[Feature("attribution", "type_share", t)] = (c or 0.0) / total if total > 0 else None


def _statements(attributions: list[Any], balance: object) -> float:
    """The attributions that are statements: ``balance.statements`` when given, else all of them."""
    n = _num(balance.get("statements")) if isinstance(balance, Mapping) else None
    return len(attributions) if n is None else n


def _attribution(sec: Mapping[str, Any], n_tokens: float | None, out: dict[Feature, float | None]) -> None:
    attributions = sec.get("attributions")
    balance = sec.get("balance")
    if isinstance(attributions, list):
        n = _statements(attributions, balance)
        out[Feature("attribution", "per_1k_tokens")] = 1000.0 * n / n_tokens if n_tokens else None
    if not isinstance(balance, Mapping):
        return
    for field, value in balance.items():
        if field == "types" and isinstance(value, Mapping):
            _type_shares(value, out)
        elif field in {"sides", "side_balance"}:
            continue  # read below, only when the scorer has a sides mapping
        elif value is None or (not isinstance(value, bool) and isinstance(value, (int, float))):
            out[Feature("attribution", field)] = _num(value)
    sides = balance.get("sides")
    if isinstance(sides, Mapping):
        _sides(sides, balance.get("side_balance"), out)
    sources = _num(balance.get("distinct_sources"))
    if sources is not None:
        out[Feature("attribution", "sources_per_1k_tokens")] = 1000.0 * sources / n_tokens if n_tokens else None


def _sides(sides: Mapping[str, Any], balance: object, out: dict[Feature, float | None]) -> None:
    for side, v in sides.items():
        if isinstance(v, Mapping):
            out[Feature("attribution", "side_share", side)] = _num(v.get("voice_share"))
    out[Feature("attribution", "side_balance")] = _num(balance)


def _readability(sec: Mapping[str, Any], out: dict[Feature, float | None]) -> None:
    for field, value in sec.items():
        if not field.startswith("n_") and (value is None or (not isinstance(value, bool) and isinstance(value, (int, float)))):
            out[Feature("readability", field)] = _num(value)


def _per_1k(weight: object, tokens: float | None) -> float | None:
    """``1000 * weight / tokens`` (0 without tokens, as the scorer's rates; ``None`` without numbers)."""
    w = _num(weight)
    if w is None or tokens is None:
        return None
    return 1000.0 * w / tokens if tokens else 0.0


def _dictionary(name: str, sec: Mapping[str, Any], out: dict[Feature, float | None]) -> None:
    cats = sec.get("categories")
    if not isinstance(cats, Mapping):
        return
    tokens = {"": _num(sec.get("n_tokens")), "authorial": _num(sec.get("n_tokens_authorial")), "quoted": _num(sec.get("n_tokens_quoted"))}
    quoted_absent = tokens["quoted"] == 0.0
    section = f"dictionary:{name}"
    for cat, c in cats.items():
        if not isinstance(c, Mapping):
            continue
        out[Feature(section, "rate", cat)] = _num(c.get("rate"))
        if "weighted" in c:
            out[Feature(section, "weighted", cat)] = _per_1k(c["weighted"], tokens[""])
        for voice in ("authorial", "quoted"):
            sub = c.get(voice)
            if isinstance(sub, Mapping):
                absent = voice == "quoted" and quoted_absent
                out[Feature(section, voice, cat)] = None if absent else _num(sub.get("rate"))
                if "weighted" in sub:
                    out[Feature(section, f"weighted_{voice}", cat)] = None if absent else _per_1k(sub["weighted"], tokens[voice])


def extract_features(analysis: Mapping[str, Any]) -> dict[Feature, float | None]:
    """The features of one analysis, from its :meth:`~framing.Analysis.to_dict` form.

    Sections that are absent (scorers not run) or not mappings are skipped; fields that are absent
    or not numbers are skipped (see the module docstring for every field read).

    Examples
    --------
    >>> from framing.analysis import Analyzer
    >>> a = Analyzer().analyze("Taxes and the budget deficit dominated the debate.")
    >>> feats = extract_features(a.to_dict())
    >>> feats[Feature("frames", "present", "economic")]
    1.0
    >>> extract_features({"loaded": {"score": 2.5, "quoted": {"score": 0.0, "n_tokens": 0}}})
    {Feature(section='loaded', measure='score', key=''): 2.5, Feature(section='loaded', measure='quoted', key=''): None}
    """
    out: dict[Feature, float | None] = {}
    n_tokens = _num(analysis.get("n_tokens"))
    ntok = n_tokens if n_tokens is not None and n_tokens > 0 else None
    sec = analysis.get("frames")
    if isinstance(sec, Mapping):
        _frames(sec, out)
    sec = analysis.get("loaded")
    if isinstance(sec, Mapping):
        _loaded(sec, out)
    sec = analysis.get("attribution")
    if isinstance(sec, Mapping):
        _attribution(sec, ntok, out)
    sec = analysis.get("readability")
    if isinstance(sec, Mapping):
        _readability(sec, out)
    dicts = analysis.get("dictionaries")
    if isinstance(dicts, Mapping):
        for name, d in dicts.items():
            if isinstance(d, Mapping):
                _dictionary(str(name), d, out)
    return out


def _date_key(value: str) -> dt.datetime | None:
    """An ISO 8601 date or date-time as a naive UTC date-time for ordering, or ``None`` for any other form.

    A date is its midnight; a date-time with an offset is converted to UTC; one without an
    offset is taken as given. Day-first or month-first forms such as ``02/01/2005`` are
    ambiguous and are not compared (``None``).

    Examples
    --------
    >>> _date_key("2005-01-02")
    datetime.datetime(2005, 1, 2, 0, 0)
    >>> _date_key("2005-01-02T10:30:00+02:00")
    datetime.datetime(2005, 1, 2, 8, 30)
    >>> _date_key("02/01/2005") is None
    True
    """
    text = value.strip()
    try:
        if len(text) <= 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a naive key for ordering only
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo is not None else when


def text_digest(text: str) -> bytes:
    """A digest of ``text`` with Unicode (NFC) and white space normalised: equal for copies of one text.

    Examples
    --------
    >>> text_digest("Rates  rose. ") == text_digest(" Rates rose.")
    True
    >>> text_digest("Rates rose.") == text_digest("Rates fell.")
    False
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()


def count_words(words: Iterable[str]) -> Counter[str]:
    """Counts of lowercase word tokens for distinctive-language statistics.

    Dropped: tokens of fewer than two characters, tokens without a letter (numbers such as
    ``1990`` or ``3``), and :data:`STOP_WORDS`.

    Examples
    --------
    >>> sorted(count_words(["the", "tax", "cuts", "1990", "tax", "u"]).items())
    [('cuts', 1), ('tax', 2)]
    """
    return Counter(w for w in words if len(w) > 1 and w not in STOP_WORDS and any(ch.isalpha() for ch in w))


@dataclass(frozen=True, slots=True)
class FeatureData:
    """Everything the statistics need, frozen: one row per document, one column per feature.

    Attributes
    ----------
    features
        The columns, in canonical order (:meth:`Feature.sort_key`).
    values
        ``(n_documents, n_features)`` floats; NaN marks a missing value *internally only* (reports
        never contain NaN).
    outlets
        The outlet of each document.
    stories
        The story key of each document, or ``None``.
    word_counts
        Per-outlet word counts (see :func:`count_words`).
    dates
        Per-outlet ``(first, last)`` date strings, for outlets whose records had dates, all of
        them ISO 8601 (compared as dates, see :meth:`FeatureTable.add`); an outlet with a date that is
        not ISO 8601 has no range here and is counted in ``bad_dates``.
    n_skipped
        Records skipped because a field was missing (``on_missing="skip"``).
    lexicons
        Every lexicon that shaped the values (name, version, SHA-256 digest), as
        :attr:`framing.Analyzer.lexicons` gives them; empty when unknown (features collected by hand).
    framing_version
        The version of framing that computed the values, or ``None`` when unknown.
    ids
        The id of each document (``None`` where a record had none); empty when not recorded.
    analysis_settings
        The analyzer's parameters besides its lexicons (:attr:`framing.Analyzer.settings`);
        empty when unknown.
    n_empty
        Records left out because their text is empty or white space only.
    n_duplicates
        Records left out as repeats of an earlier record of the same outlet (same id and text, or
        the same normalised text; see :func:`collect`).
    duplicates
        The first few repeats, each named with the record it repeats.
    conflicts
        The first few records left out because their id was used before in the same outlet by a
        record with another text (counted in ``n_skipped``: the data are inconsistent).
    n_shared_texts
        Texts that appear in more than one outlet (kept in each: syndicated and wire copy counts
        for every outlet that ran it).
    n_non_latin
        Documents flagged ``non_latin_script`` (``flags`` of :class:`framing.Analysis`): mostly not in the
        Latin script, so the English lexicons do not apply to them (they are still counted).
    bad_dates
        Per outlet, the dates that are not ISO 8601 (absent when there are none).
    """

    features: tuple[Feature, ...]
    values: npt.NDArray[np.float64]
    outlets: tuple[str, ...]
    stories: tuple[str | None, ...]
    word_counts: Mapping[str, Counter[str]]
    dates: Mapping[str, tuple[str, str]]
    n_skipped: int = 0
    lexicons: tuple[LexiconRef, ...] = ()
    framing_version: str | None = None
    ids: tuple[str | None, ...] = ()
    analysis_settings: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    n_empty: int = 0
    n_duplicates: int = 0
    duplicates: tuple[str, ...] = ()
    bad_dates: Mapping[str, int] = dataclasses.field(default_factory=dict)
    conflicts: tuple[str, ...] = ()
    n_shared_texts: int = 0
    n_non_latin: int = 0

    def rows(self) -> Iterator[dict[str, Any]]:
        """One dict per document, in input order: ``id``, ``outlet``, ``story`` and every feature (``None`` for missing).

        The per-document values behind every statistic of a report, for an audit or for models
        of one's own (mixed models with outlet and story effects, say).

        Examples
        --------
        >>> t = FeatureTable()
        >>> t.add("A", "s1", {Feature("loaded", "score"): 1.5}, doc_id="a1")
        >>> t.add("B", None, {}, doc_id=None)
        >>> list(t.freeze().rows())
        [{'id': 'a1', 'outlet': 'A', 'story': 's1', 'loaded.score': 1.5}, {'id': None, 'outlet': 'B', 'story': None, 'loaded.score': None}]
        """
        names = [f.name for f in self.features]
        ids = self.ids or (None,) * len(self.outlets)
        for i, (doc_id, outlet, story) in enumerate(zip(ids, self.outlets, self.stories, strict=True)):
            row: dict[str, Any] = {"id": doc_id, "outlet": outlet, "story": story}
            for name, v in zip(names, self.values[i].tolist(), strict=True):
                row[name] = None if math.isnan(v) else v
            yield row

    def column(self, feature: Feature) -> npt.NDArray[np.float64]:
        """The values of one feature (NaN = missing)."""
        return self.values[:, self.features.index(feature)]

    def by_outlet(self, feature: Feature) -> dict[str, npt.NDArray[np.float64]]:
        """Non-missing values of ``feature`` per outlet, sorted ascending (canonical order)."""
        col = self.column(feature)
        labels = np.asarray(self.outlets, dtype=object)
        out: dict[str, npt.NDArray[np.float64]] = {}
        for outlet in sorted(set(self.outlets)):
            v = col[labels == outlet]
            out[outlet] = np.sort(v[~np.isnan(v)])
        return out

    def clusters_by_outlet(self, feature: Feature) -> dict[str, tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]]:
        """Non-missing values of ``feature`` per outlet with a story cluster id for each.

        Documents of one outlet that share a story key share an id; a document without a story
        key is a cluster of its own. Rows are in a canonical order (by story key, then value), so
        results do not depend on the order of the input.
        """
        col = self.column(feature)
        buckets: dict[str, list[tuple[bool, str, float]]] = {o: [] for o in set(self.outlets)}
        for o, st, v in zip(self.outlets, self.stories, col.tolist(), strict=True):  # one pass over the documents
            if not math.isnan(v):
                buckets[o].append((st is not None, st or "", v))
        out: dict[str, tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]] = {}
        for outlet in sorted(buckets):
            # Documents without a story first (each its own cluster), then by story key; by
            # value within each: a canonical order whatever the order of the input.
            rows = sorted(buckets[outlet])
            seen: dict[tuple[bool, str | int], int] = {}
            clusters = [
                seen.setdefault((True, story) if has_story else (False, n), len(seen)) for n, (has_story, story, _v) in enumerate(rows)
            ]
            out[outlet] = (np.array([v for _h, _s, v in rows], dtype=np.float64), np.array(clusters, dtype=np.int64))
        return out


class FeatureTable:
    """A growing table of per-document features (the streaming accumulator).

    Columns are created when a feature first appears; earlier rows get a missing value. Texts are
    not kept: only the numbers, the outlet and story labels, and per-outlet word counts.

    Examples
    --------
    >>> t = FeatureTable()
    >>> t.add("A", None, {Feature("loaded", "score"): 1.0}, ["tax", "cuts"])
    >>> t.add("B", None, {Feature("loaded", "score"): 3.0}, ["war"])
    >>> data = t.freeze()
    >>> data.by_outlet(Feature("loaded", "score"))["B"].tolist()
    [3.0]
    """

    def __init__(self) -> None:
        self._cols: dict[Feature, array[float]] = {}
        self._outlets: list[str] = []
        self._stories: list[str | None] = []
        self._ids: list[str | None] = []
        self._words: dict[str, Counter[str]] = {}
        # outlet -> (first key, first string, last key, last string)
        self._dates: dict[str, tuple[dt.datetime, str, dt.datetime, str]] = {}
        self._bad_dates: Counter[str] = Counter()
        self.n_skipped = 0
        self.n_empty = 0
        self.n_duplicates = 0
        self.duplicates: list[str] = []
        self.conflicts: list[str] = []
        self.n_shared_texts = 0
        self.n_non_latin = 0

    def __len__(self) -> int:
        """Documents added so far."""
        return len(self._outlets)

    def add(
        self,
        outlet: str,
        story: str | None,
        values: Mapping[Feature, float | None],
        words: Iterable[str] | Counter[str] = (),
        date: str | None = None,
        doc_id: str | None = None,
    ) -> None:
        """Add one document's features, its word tokens (or their counts), date and id.

        A value is a finite number, or ``None`` (or NaN) for missing. A date is an ISO 8601 date
        or date-time string (``2005-01-02``, ``2005-01-02T10:30:00+01:00``: compared as points in
        time, in UTC when an offset is given); any other date is counted, not compared.

        Raises
        ------
        ValueError
            When a value is infinite (a mean and its interval would be undefined).
        """
        n = len(self._outlets)
        for f, v in values.items():
            if v is not None and math.isinf(v):
                msg = f"{f.name} of document {n + 1} is not finite ({v}); give None for a missing value"
                raise ValueError(msg)
        for f, v in values.items():
            col = self._cols.get(f)
            if col is None:
                col = self._cols[f] = array("d", [math.nan]) * n
            col.append(math.nan if v is None else v)
        for f, col in self._cols.items():
            if f not in values:
                col.append(math.nan)
        self._outlets.append(outlet)
        self._stories.append(story)
        self._ids.append(doc_id)
        counts = words if isinstance(words, Counter) else count_words(words)
        self._words.setdefault(outlet, Counter()).update(counts)
        if date:
            self._add_date(outlet, date)

    def _add_date(self, outlet: str, date: str) -> None:
        """Widen ``outlet``'s date range by ``date``, or count it when it is not ISO 8601."""
        key = _date_key(date)
        if key is None:
            self._bad_dates[outlet] += 1
            return
        lo_key, lo, hi_key, hi = self._dates.get(outlet, (key, date, key, date))
        # ties keep the smaller string: the range does not depend on the order of the input
        lo_key, lo = min((lo_key, lo), (key, date))
        hi_key, hi = max((hi_key, hi), (key, date))
        self._dates[outlet] = (lo_key, lo, hi_key, hi)

    def freeze(self) -> FeatureData:
        """The frozen :class:`FeatureData`, with :data:`ZERO_FILL` applied.

        A dictionary's weighted columns (``weighted``, ``weighted_authorial``, ``weighted_quoted``)
        are left out when each equals its count-based rate column in every document, as for any
        lexicon whose weights are all 1: they would duplicate the rates and their tests.
        """
        feats = sorted(set(self._cols) - self._duplicate_weighted(), key=Feature.sort_key)
        n = len(self._outlets)
        values = np.empty((n, len(feats)), dtype=np.float64)
        for j, f in enumerate(feats):
            values[:, j] = np.frombuffer(self._cols[f], dtype=np.float64) if n else np.empty(0)
        for j, f in enumerate(feats):
            ind = ZERO_FILL.get((f.section, f.measure))
            if ind is None:
                continue
            ind_f = Feature(*ind)
            if ind_f in self._cols:
                flag = values[:, feats.index(ind_f)] > 0
                col = values[:, j]
                col[flag & np.isnan(col)] = 0.0
        for outlet in self._outlets:
            self._words.setdefault(outlet, Counter())
        return FeatureData(
            features=tuple(feats),
            values=values,
            outlets=tuple(self._outlets),
            stories=tuple(self._stories),
            word_counts=dict(self._words),
            dates={o: (lo, hi) for o, (_lk, lo, _hk, hi) in self._dates.items() if o not in self._bad_dates},
            n_skipped=self.n_skipped,
            ids=tuple(self._ids),
            n_empty=self.n_empty,
            n_duplicates=self.n_duplicates,
            duplicates=tuple(self.duplicates),
            bad_dates=dict(sorted(self._bad_dates.items())),
            conflicts=tuple(self.conflicts),
            n_shared_texts=self.n_shared_texts,
            n_non_latin=self.n_non_latin,
        )

    def _duplicate_weighted(self) -> set[Feature]:
        """The weighted columns of every dictionary whose weighted columns all equal their rate columns."""
        by_section: dict[str, list[Feature]] = {}
        for f in self._cols:
            if f.group == "dictionary" and f.measure in _WEIGHTED_RATES:
                by_section.setdefault(f.section, []).append(f)
        out: set[Feature] = set()
        for cols in by_section.values():
            same = True
            for f in cols:
                rate = self._cols.get(Feature(f.section, _WEIGHTED_RATES[f.measure], f.key))
                if rate is None or not np.array_equal(np.frombuffer(self._cols[f]), np.frombuffer(rate), equal_nan=True):
                    same = False
                    break
            if same:
                out.update(cols)
        return out


def iter_features(analyses: Iterable[Mapping[str, Any]]) -> Iterator[dict[Feature, float | None]]:
    """:func:`extract_features` over a stream of analysis dicts (e.g. JSONL written by ``framing analyze``)."""
    for a in analyses:
        yield extract_features(a)


# ------------------------------------------------------------------------------------------
# Streaming records through an analyzer
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fields:
    by: str
    pair_by: str | None
    date: str | None


def _label(record: Record, name: str, index: int, *, required: bool) -> str | None:
    """The outlet or story label of a record; white space around a string label is not part of it."""
    value = record.metadata.get(name)
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if required:
            raise InputError(f"field {name!r} is missing or empty", line=index + 1)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, numbers.Integral)):
        raise InputError(f"field {name!r} must be a string or an integer, got {type(value).__name__}", line=index + 1)
    return value if isinstance(value, str) else str(int(value))  # numpy integers too


def _prepare(fields: _Fields, index: int, item: object) -> tuple[Record, str, str | None, str | None]:
    if not isinstance(item, (Record, Mapping)):
        raise InputError(f"record {index + 1} is a {type(item).__name__}, not a mapping with text and {fields.by!r}", line=index + 1)
    record = Record.coerce(item, index=index + 1)
    outlet = _label(record, fields.by, index, required=True)
    assert outlet is not None
    story = _label(record, fields.pair_by, index, required=False) if fields.pair_by else None
    date = record.metadata.get(fields.date) if fields.date else None
    return record, outlet, story, date if isinstance(date, str) else None


def check_record(item: object, *, by: str = "outlet", pair_by: str | None = None, line: int = 1) -> None:
    """Check one record as :func:`collect` does: text, the ``by`` field and the ``pair_by`` field.

    Useful where the record's place in a file is known and :func:`collect` would only count it as
    skipped (the ``framing compare`` command names every skipped line this way).

    Raises
    ------
    InputError
        When :func:`collect` would reject the record; ``line`` is the error's line number.

    Examples
    --------
    >>> check_record({"text": "A text.", "outlet": "A"})
    >>> check_record({"text": "A text."}, line=7)
    Traceback (most recent call last):
    ...
    framing.errors.InputError: <input>:7: field 'outlet' is missing or empty
    """
    _prepare(_Fields(by, pair_by, None), line - 1, item)


def _iter_records(records: Iterable[object] | Any) -> Iterator[object]:  # noqa: ANN401 - also a pandas DataFrame, duck-typed
    """Records from an iterable, or the rows of a pandas DataFrame (as dicts, see :func:`_cell`), lazily."""
    if hasattr(records, "itertuples") and hasattr(records, "columns"):
        columns = [str(c) for c in records.columns]
        for row in records.itertuples(index=False, name=None):
            yield {c: _cell(v) for c, v in zip(columns, row, strict=True)}
        return
    yield from records


def _cell(value: object) -> object:
    """A DataFrame cell as the plain value it stands for.

    pandas marks a missing cell with NaN, ``pd.NA`` or ``NaT`` (here ``None``), keeps integers as
    numpy scalars (here Python numbers), and turns an integer column with a gap into floats: a
    float with an integral value is that integer, so story ids 7 and 7.0 are one story. Dates
    and timestamps become ISO strings, as the ``date`` field expects.
    """
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return int(value)
    if isinstance(value, dt.date):  # pandas Timestamps too: dates are read as ISO strings
        return value.isoformat()
    return value


#: Repeated records named in :attr:`FeatureData.duplicates` (the rest are counted only).
_DUPLICATES_NAMED: Final = 10


class _Screen:
    """Leaves out, and counts in ``table``, records with an empty text and (unless ``duplicates="keep"``) repeats.

    Repeats are looked for within each outlet only, so that the result does not depend on the
    order of the outlets' records: ids are an outlet's own (two outlets may both number their
    articles from 1), and a text that several outlets ran belongs to each of them. Remembers, per
    outlet, the ids and text digests of the records kept so far, and for every text digest the
    first outlet that ran it.
    """

    def __init__(self, table: FeatureTable, fields: _Fields, on_missing: str, duplicates: str) -> None:
        self._table = table
        self._fields = fields
        self._on_missing = on_missing
        self._duplicates = duplicates
        self._ids: dict[tuple[str, str], tuple[int, bytes]] = {}
        self._texts: dict[tuple[str, bytes], int] = {}
        self._first_outlet: dict[bytes, str | None] = {}  # None once the text is counted as shared

    def admit(self, index: int, item: object) -> tuple[Record, str, str | None, str | None] | None:
        """The record, outlet, story and date of the ``index``-th item, or ``None`` when it is left out (then counted).

        Raises
        ------
        InputError
            For a bad record (or an id used before in its outlet by another text) with
            ``on_missing="raise"``, or a repeat with ``duplicates="error"``.
        """
        try:
            prepared = _prepare(self._fields, index, item)
        except InputError:
            if self._on_missing == "raise":
                raise
            self._table.n_skipped += 1
            return None
        return None if self.left_out(prepared[0], prepared[1], index) else prepared

    def left_out(self, record: Record, outlet: str, index: int) -> bool:
        """Whether to leave ``record`` out (it is then counted).

        Raises
        ------
        InputError
            At an id conflict with ``on_missing="raise"`` or ``duplicates="error"``, or at a
            repeat with ``duplicates="error"``.
        """
        t = self._table
        if not record.text.strip():
            t.n_empty += 1
            return True
        if self._duplicates == "keep":
            return False
        kind, what = self.repeat(record, outlet, index)
        if kind == "new":
            return False
        if kind == "conflict":
            if self._on_missing == "raise" or self._duplicates == "error":
                raise InputError(what, line=index + 1)
            t.n_skipped += 1
            if len(t.conflicts) < _DUPLICATES_NAMED:
                t.conflicts.append(what)
            return True
        if self._duplicates == "error":
            raise InputError(f"{what} (duplicates='keep' analyses repeats)", line=index + 1)
        t.n_duplicates += 1
        if len(t.duplicates) < _DUPLICATES_NAMED:
            t.duplicates.append(what)
        return True

    def repeat(self, record: Record, outlet: str, index: int) -> tuple[Literal["new", "repeat", "conflict"], str]:
        """``("new", "")`` for a record new to its outlet (then remembered), else the kind of repeat and its description."""
        name = f"id {record.id!r}" if record.id is not None else f"record {index + 1}"
        digest = text_digest(record.text)
        if record.id is not None:
            seen = self._ids.get((outlet, record.id))
            if seen is not None:
                if seen[1] != digest:
                    return "conflict", f"{name} in {outlet!r} was used by record {seen[0]} with another text"
                return "repeat", f"{name} in {outlet!r} repeats record {seen[0]} (same id and text)"
        first = self._texts.get((outlet, digest))
        if first is not None:
            return "repeat", f"{name} in {outlet!r} repeats the text of record {first}"
        if record.id is not None:
            self._ids[(outlet, record.id)] = (index + 1, digest)
        self._texts[(outlet, digest)] = index + 1
        where = self._first_outlet.get(digest, outlet)
        if digest not in self._first_outlet:
            self._first_outlet[digest] = outlet
        elif where is not None and where != outlet:
            self._first_outlet[digest] = None
            self._table.n_shared_texts += 1
        return "new", ""


def collect(
    records: Iterable[object] | Any,  # noqa: ANN401 - also a pandas DataFrame, duck-typed
    *,
    analyzer: Analyzer,
    by: str = "outlet",
    pair_by: str | None = None,
    date: str | None = "date",
    n_jobs: int = 1,
    chunksize: int = 32,
    on_missing: Literal["raise", "skip"] = "raise",
    duplicates: Literal["skip", "keep", "error"] = "skip",
    progress: Callable[[int, int], None] | None = None,
) -> FeatureData:
    """Analyse a stream of records and keep only what the statistics need.

    The result names the analyzer's lexicons (name, version, digest) and the framing version, so
    a report computed from it can say what produced its numbers.

    Records that carry no evidence, or evidence already counted, are left out before analysis
    and counted: a text that is empty or white space only (``n_empty``; its scores would enter
    the means as zeros), and, with ``duplicates="skip"``, a record that repeats an earlier record
    of the same outlet, by its normalised text (:func:`text_digest`) or by the same id with the
    same text (``n_duplicates``; the first record in input order is kept). A repeated document
    would otherwise count as further evidence and shrink every interval and p-value. A record
    whose id an earlier record of the same outlet used with another text is inconsistent data:
    it raises with ``on_missing="raise"``, else it is left out and counted in ``n_skipped``
    (``conflicts`` names the first few). Ids are an outlet's own, and a text that several
    outlets ran (wire copy) is kept in each and counted in ``n_shared_texts``, so the result
    does not depend on the order of the outlets' records.

    Parameters
    ----------
    records
        Mappings or :class:`~framing.analysis.Record` objects with ``text`` and the ``by`` field
        (and optionally ``pair_by``, ``date``, ``title``, ``id``), or a pandas DataFrame with those
        columns (a missing cell, NaN or ``pd.NA``, is a missing value; a float label with an
        integral value, as pandas makes of an integer column with gaps, is that integer).
        Consumed lazily: at most ``2 * n_jobs * chunksize`` texts are held at once.
    analyzer
        Runs the scorers.
    by, pair_by, date
        Field names of the outlet, the story key and the date (string; ISO dates sort correctly).
        Outlet and story values must be strings or integers, numpy integers included (integers
        are used as their decimal string; booleans and floats are refused).
    n_jobs, chunksize
        Worker processes and records per task.
    on_missing
        ``"raise"``: a record without text or outlet raises :class:`~framing.InputError`
        naming its 1-based position; ``"skip"``: it is counted in ``n_skipped`` and left out.
    duplicates
        ``"skip"`` (the default) leaves out repeats as described above, ``"keep"`` analyses every
        record, ``"error"`` raises :class:`~framing.InputError` at the first repeat or id conflict.
    progress
        Called as ``progress(done, skipped)`` after every record (``skipped`` counts every record
        left out, for whatever reason).

    Raises
    ------
    InputError
        For a bad record when ``on_missing="raise"``, or a repeat when ``duplicates="error"``.
    """
    n_jobs = resolve_jobs(n_jobs)
    if on_missing not in {"raise", "skip"}:
        msg = f"on_missing must be 'raise' or 'skip', got {on_missing!r}"
        raise ValueError(msg)
    if duplicates not in {"skip", "keep", "error"}:
        msg = f"duplicates must be 'skip', 'keep' or 'error', got {duplicates!r}"
        raise ValueError(msg)
    fields = _Fields(by, pair_by, date)
    table = FeatureTable()
    screen = _Screen(table, fields, on_missing, duplicates)

    def left_out() -> int:
        return table.n_skipped + table.n_empty + table.n_duplicates

    # Records are validated here, analysed by Analyzer.analyze_many (in worker processes when
    # n_jobs > 1), and matched back to their labels in order; only in-flight texts are held.
    waiting: deque[tuple[str, str | None, str | None, str, str | None]] = deque()

    def valid() -> Iterator[Record]:
        for index, item in enumerate(_iter_records(records)):
            prepared = screen.admit(index, item)
            if prepared is None:
                if progress is not None:
                    progress(len(table), left_out())
                continue
            record, outlet, story, day = prepared
            waiting.append((outlet, story, day, record.text, record.id))
            yield record

    # Dicts, not result objects: they cross process boundaries far more cheaply, and the features
    # read the dict form anyway.
    for analysis in analyzer.analyze_many_dicts(valid(), n_jobs=n_jobs, chunksize=max(1, chunksize)):
        outlet, story, day, text, doc_id = waiting.popleft()
        assert isinstance(analysis, dict)  # on_error="raise": failures raise instead
        table.n_non_latin += "non_latin_script" in analysis.get("flags", "")
        # Word counts need the document's tokens, which an analysis does not keep: rebuilding the
        # document costs a fraction of the scorers' time.
        table.add(outlet, story, extract_features(analysis), count_words(analyzer.document(text).words), day, doc_id)
        if progress is not None:
            progress(len(table), left_out())
    return replace(table.freeze(), lexicons=analyzer.lexicons, framing_version=framing_version(), analysis_settings=analyzer.settings)
