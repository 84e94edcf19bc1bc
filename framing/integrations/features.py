"""Per-document feature vectors: an analysis as a fixed set of named numbers.

:func:`extract_features` reads the JSON contract of :meth:`framing.Analysis.to_dict`
(so it also accepts a dict read back from ``framing analyze`` output), one section at a time, and
**skips a section that is absent**: a scorer that was not run contributes no feature. Which
features exist depends only on the analyzer's configuration (its scorers and their lexicons),
never on the text, so every document analysed by one analyzer has the same names, in the same
(sorted) order; :func:`feature_names` lists them without analysing anything of yours.

A feature that :mod:`framing.compare.features` also computes (same name, or ``dictionaries.x``
there spelled ``dictionary:x``) has the same definition and value in both: numbers are finite
JSON numbers (booleans and infinities are no numbers), a voice with ``n_tokens == 0`` has no
density, attributions per 1,000 tokens are missing without tokens, and dictionary rates are 0
without tokens, as the dictionary scorer reports them.

A value is a ``float`` or ``None``; ``None`` means *undefined for this document* (for example
the evenness of voice in a text that quotes nobody), never zero. Matrices built from feature
vectors (:meth:`FeatureVector.to_array`, the scikit-learn transformer) put ``NaN`` there unless
told otherwise.

The features, by section of the analysis:

``document``
    * ``document.n_tokens``, ``document.n_sentences``, ``document.n_quotes``: sizes of the text
      (counts; quotations of every kind: speech, scare quotes and mentions).

``frames`` (:class:`~framing.scorers.FrameResult`), one pair per frame of the taxonomy
    * ``frames.score.<frame>``: the frame's score, in [0, 1), higher = denser cues of the frame.
    * ``frames.present.<frame>``: 1.0 when the decision rule asserts the frame, else 0.0.
    * ``frames.n_present``: number of frames present (0 or more; the sum of ``frames.present.*``).

``attribution`` (:class:`~framing.scorers.AttributionResult`)
    * ``attribution.anonymous_share``, ``attribution.neutral_cue_share``,
      ``attribution.quoted_share``, ``attribution.voice_entropy``, ``attribution.voice_gini``:
      the fields of the same name of the :class:`~framing.scorers.Balance`, each in [0, 1] with
      the direction documented there (``None`` where the balance has ``None``).
    * ``attribution.distinct_sources``: number of distinct source names (0 or more).
    * ``attribution.side_balance``: only when the scorer has a ``sides`` mapping; [0, 1],
      1 = every side has the same number of quoted words.
    * ``attribution.per_1k_tokens``: attributed statements (``balance.statements``: refusals to
      speak, non-responses and the writer's own first person left out) per 1,000 tokens (0 or
      more; ``None`` for a text without tokens).
    * ``attribution.kind_share.<kind>`` for ``according_to``, ``direct``, ``indirect`` and
      ``unattributed``: share of the attributions of that kind, in [0, 1] (``None`` without any
      attribution).
    * ``attribution.type_share.<type>`` for every type of
      ``framing.scorers.attribution.SOURCE_TYPES``: share of the typed attributions whose
      source has that type, in [0, 1] (``None`` without any typed attribution); the denominator
      counts the attributions of every type the balance names.

``readability`` (only when the analyzer computes it)
    * ``readability.<formula>``: every formula of
      :class:`~framing.scorers.ReadabilityResult` (not the ``n_*`` counts), with the
      scale and direction of that formula; ``None`` for a text without words.

``loaded`` (loaded language, only when the analysis has it; read defensively, every field optional)
    * ``loaded.score``: weighted loaded units per 100 tokens, in [0, 300], higher = more loaded.
    * ``loaded.authorial``, ``loaded.quoted``: the same score over the tokens of each voice
      (``None`` when that voice has no token, e.g. no quotation).
    * ``loaded.epistemic``: summed density of the epistemic cues (hedges, factives...).
    * ``loaded.flagged``: 1.0 when the document score reaches the scorer's threshold, else 0.0
      (``None`` when the field is not a boolean).
    * ``loaded.density.<category>``: density of each category, per 100 tokens.
    * ``loaded.own``: the score of the outlet's own assertions (outside speech quotations and
      attributed content; ``None`` without attribution or without such tokens).
    * ``loaded.title``: the headline's own score (:class:`~framing.scorers.TitleScore`),
      missing (``None``) for a document analysed without a title.

``dictionaries`` (one block per dictionary lexicon of the analyzer)
    * ``dictionaries.<lexicon>.rate.<category>``: the category's rate (matches per 1,000
      tokens, higher = more of the category).
    * ``dictionaries.<lexicon>.weighted.<category>``: the summed weights of the category's matches
      per 1,000 tokens (0 without tokens). For a weighted lexicon (an eMFD-style CSV, where every
      word has a weight in every category and the rates of all categories are the same) this is
      the column that tells categories apart; for a lexicon whose weights are all 1 it equals the
      rate.

Examples
--------
>>> from framing import Analyzer
>>> from framing.integrations.features import extract_features, feature_names
>>> an = Analyzer()
>>> fv = extract_features(an.analyze('"We will rebuild," the mayor said.', id="a1"))
>>> fv.id, fv["attribution.kind_share.direct"], fv["attribution.voice_gini"]
('a1', 1.0, 0.0)
>>> fv.names == feature_names(an) and list(fv.names) == sorted(fv.names)
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt  # at run time, so that the documentation resolves the array types

from framing.analysis import Analysis, Analyzer, Failure, Record, framing_version
from framing.compare.features import _per_1k
from framing.errors import InputError
from framing.scorers.attribution import SOURCE_TYPES

__all__ = ["FeatureVector", "extract_features", "feature_names", "provenance"]

#: Numeric fields of the attribution balance read as features (``side_balance`` only with sides).
_BALANCE_FIELDS: Final = ("anonymous_share", "distinct_sources", "neutral_cue_share", "quoted_share", "voice_entropy", "voice_gini")
#: Attribution kinds (see :data:`framing.scorers.attribution.Kind`).
_KINDS: Final = ("according_to", "direct", "indirect", "unattributed")
#: Top-level numbers of the ``loaded`` section read as features; the others are size or bookkeeping.
_LOADED_NUMBERS: Final = ("epistemic", "score")

Value = float | None


@dataclass(frozen=True, slots=True)
class FeatureVector:
    """The features of one document, in sorted name order.

    Attributes
    ----------
    id
        The record's id, or ``None``.
    names
        Feature names, sorted; the same for every document of one analyzer configuration.
    values
        One value per name: a float, or ``None`` where the feature is undefined for the document.
        The range and direction of each feature are in the module docstring.
    """

    id: str | None
    names: tuple[str, ...]
    values: tuple[Value, ...]

    def __len__(self) -> int:
        """Number of features."""
        return len(self.names)

    def __getitem__(self, name: str) -> Value:
        """One feature's value by name.

        Raises
        ------
        KeyError
            When the analysis has no such feature.
        """
        try:
            return self.values[self.names.index(name)]
        except ValueError:
            msg = f"no feature {name!r}; see feature_names() for what this analysis has"
            raise KeyError(msg) from None

    def to_dict(self) -> dict[str, Value]:
        """Name to value, in sorted name order (JSON types: ``None`` stays ``None``)."""
        return dict(zip(self.names, self.values, strict=True))

    def to_array(self, names: Sequence[str] | None = None, *, missing: float = math.nan) -> npt.NDArray[np.float64]:
        """The values as a 1-D float array.

        Parameters
        ----------
        names
            Columns to return, in this order (a feature this vector lacks gives ``missing``);
            all of ``names`` by default.
        missing
            Value written for ``None`` and for absent features.

        Examples
        --------
        >>> from framing.integrations.features import FeatureVector
        >>> FeatureVector(None, ("a", "b"), (1.0, None)).to_array(["b", "a", "c"], missing=0.0)
        array([0., 1., 0.])
        """
        if names is None:
            return np.array([missing if v is None else v for v in self.values], dtype=np.float64)
        lookup = self.to_dict()
        return np.array([_or(lookup.get(n), missing) for n in names], dtype=np.float64)


def _or(value: Value, missing: float) -> float:
    return missing if value is None else value


def extract_features(analysis: Analysis | Mapping[str, Any]) -> FeatureVector:
    """The feature vector of one analysis (see the module docstring for every feature).

    Parameters
    ----------
    analysis
        An :class:`~framing.Analysis`, or its :meth:`~framing.Analysis.to_dict`
        form (for example one line of ``framing analyze`` output, read back with ``json``).

    Returns
    -------
    FeatureVector
        Names sorted; sections absent from the analysis contribute nothing.

    Raises
    ------
    TypeError
        For a :class:`~framing.Failure` (a record that ``analyze_many(on_error="return")`` could
        not analyse: it has no features; the message names it) or anything else that is neither
        an analysis nor a mapping.

    Examples
    --------
    >>> from framing import Analysis, Analyzer
    >>> results = list(Analyzer().analyze_many([{"id": "ok", "text": "Rates rose."}, {"id": "bad"}], on_error="return"))
    >>> [extract_features(a).id for a in results if isinstance(a, Analysis)]
    ['ok']
    >>> extract_features(results[1])
    Traceback (most recent call last):
    ...
    TypeError: record 1 (id 'bad') failed and has no features (<input>:2: field 'text' is missing); keep only ...
    """
    if isinstance(analysis, Failure):
        msg = (
            f"record {analysis.index} (id {analysis.id!r}) failed and has no features ({analysis.error}); "
            'keep only the Analysis results of analyze_many(on_error="return")'
        )
        raise TypeError(msg)
    if not isinstance(analysis, (Analysis, Mapping)):  # a check for untyped callers
        msg = f"expected an Analysis or its to_dict() mapping, got {type(analysis).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    d = analysis.to_dict() if isinstance(analysis, Analysis) else analysis
    out: dict[str, Value] = {}
    _document(d, out)
    frames = d.get("frames")
    if isinstance(frames, Mapping):
        _frames(frames, out)
    attribution = d.get("attribution")
    if isinstance(attribution, Mapping):
        _attribution(attribution, d.get("n_tokens"), out)
    readability = d.get("readability")
    if isinstance(readability, Mapping):
        _readability(readability, out)
    loaded = d.get("loaded")
    if isinstance(loaded, Mapping):
        _loaded(loaded, out)
    dictionaries = d.get("dictionaries")
    if isinstance(dictionaries, Mapping):
        _dictionaries(dictionaries, out)
    names = tuple(sorted(out))
    rid = d.get("id")
    return FeatureVector(None if rid is None else str(rid), names, tuple(out[n] for n in names))


def feature_names(analyzer: Analyzer) -> tuple[str, ...]:
    """Every feature name the documents of ``analyzer`` have, sorted.

    The names follow from the analyzer's configuration alone; they are read from the analysis of
    an empty text, which every scorer reports in full (zero or ``None`` values).

    Examples
    --------
    >>> from framing import Analyzer
    >>> from framing.integrations.features import feature_names
    >>> names = feature_names(Analyzer(attribution=False))
    >>> names[:3]
    ('document.n_quotes', 'document.n_sentences', 'document.n_tokens')
    >>> "frames.score.economic" in names, "readability.gunning_fog" in names
    (True, False)
    """
    return extract_features(analyzer.analyze("")).names


def provenance(analyzer: Analyzer) -> dict[str, Any]:
    """What produced a feature table: record it next to every table of features.

    Feature vectors and matrices carry no version (one row per document would repeat it); this
    gives, once, what :meth:`~framing.Analysis.to_dict` records per analysis: the library's
    version, every lexicon (name, version, sha256) and the analyzer's settings. Two tables with
    different provenance were computed by different rules, and their columns are not comparable.

    Returns
    -------
    dict
        ``framing_version`` (str), ``lexicons`` (a list of ``{"name", "version", "sha256"}``)
        and ``settings`` (:attr:`~framing.Analyzer.settings`); plain JSON data.

    Examples
    --------
    >>> import json
    >>> from framing import Analyzer
    >>> from framing.integrations.features import provenance
    >>> p = provenance(Analyzer())
    >>> sorted(p), p == json.loads(json.dumps(p))
    (['framing_version', 'lexicons', 'settings'], True)
    """
    return {
        "framing_version": framing_version(),
        "lexicons": [ref.to_dict() for ref in analyzer.lexicons],
        "settings": analyzer.settings,
    }


def _record_id(item: object) -> str | None:
    """The id :meth:`~framing.Record.coerce` reads from a record (``None`` for a bare string or a bad id).

    For naming a record that failed: ``analyze_many`` reports only ids that are already strings
    or integers, not a table's float id (``7.0``) that the record itself would have had.
    """
    if isinstance(item, Record):
        return item.id
    if not isinstance(item, Mapping):
        return None
    try:
        return Record.coerce({"id": item.get("id"), "text": ""}).id
    except InputError:
        return None


# ------------------------------------------------------------------------------------------
# Sections
# ------------------------------------------------------------------------------------------


def _num(value: object) -> Value:
    """A JSON number as a float; anything else (booleans included) and non-finite numbers as ``None``.

    The same reading as :mod:`framing.compare.features`, so that a quantity both modules name has
    one value.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _share(part: float, whole: float) -> Value:
    return part / whole if whole else None


def _document(d: Mapping[str, Any], out: dict[str, Value]) -> None:
    if "n_tokens" in d:
        out["document.n_tokens"] = _num(d["n_tokens"])
    for key in ("sentences", "quotes"):
        value = d.get(key)
        if isinstance(value, Sequence):
            out[f"document.n_{key}"] = float(len(value))


def _frames(frames: Mapping[str, Any], out: dict[str, Value]) -> None:
    scores = frames.get("scores")
    if not isinstance(scores, Mapping):
        return
    present = frames.get("present")
    asserted = set(present) if isinstance(present, Sequence) and not isinstance(present, str) else set()
    for frame, score in scores.items():
        out[f"frames.score.{frame}"] = _num(score)
        out[f"frames.present.{frame}"] = 1.0 if frame in asserted else 0.0
    out["frames.n_present"] = float(len(asserted & set(scores)))


def _attribution(attribution: Mapping[str, Any], n_tokens: object, out: dict[str, Value]) -> None:
    balance = attribution.get("balance")
    if isinstance(balance, Mapping):
        for key in _BALANCE_FIELDS:
            if key in balance:
                out[f"attribution.{key}"] = _num(balance[key])
        if balance.get("sides") is not None:
            out["attribution.side_balance"] = _num(balance.get("side_balance"))
        types = balance.get("types")
        if isinstance(types, Mapping):
            # The denominator is every typed attribution, of whatever type the mapping names.
            total = sum(_count(v) for v in types.values())
            for t in SOURCE_TYPES:
                out[f"attribution.type_share.{t}"] = _share(_count(types.get(t)), total)
    attributions = attribution.get("attributions")
    if isinstance(attributions, Sequence):
        kinds = [a.get("kind") for a in attributions if isinstance(a, Mapping)]
        for kind in _KINDS:
            out[f"attribution.kind_share.{kind}"] = _share(kinds.count(kind), len(kinds))
        tokens = _num(n_tokens)
        # statements: refusals to speak, non-responses and the writer's own first person left out
        stated = _num(balance.get("statements")) if isinstance(balance, Mapping) else None
        n = len(attributions) if stated is None else stated
        out["attribution.per_1k_tokens"] = 1000.0 * n / tokens if tokens is not None and tokens > 0 else None


def _count(voice: object) -> float:
    value = _num(voice.get("attributions")) if isinstance(voice, Mapping) else None
    return value if value is not None and value > 0 else 0.0


def _readability(readability: Mapping[str, Any], out: dict[str, Value]) -> None:
    for key, value in readability.items():
        if not key.startswith("n_") and (value is None or _is_number(value)):
            out[f"readability.{key}"] = _num(value)


def _loaded(loaded: Mapping[str, Any], out: dict[str, Value]) -> None:
    for key in _LOADED_NUMBERS:
        if key in loaded:
            out[f"loaded.{key}"] = _num(loaded[key])
    if "flagged" in loaded:
        flagged = loaded["flagged"]
        out["loaded.flagged"] = float(flagged) if isinstance(flagged, bool) else None
    for voice in ("authorial", "quoted", "own"):
        if voice not in loaded:
            continue
        value = loaded[voice]
        if isinstance(value, Mapping):
            # A voice without tokens has no density: missing, not zero.
            out[f"loaded.{voice}"] = None if _num(value.get("n_tokens")) == 0.0 else _num(value.get("score"))
        else:
            out[f"loaded.{voice}"] = _num(value)
    categories = loaded.get("categories")
    if isinstance(categories, Mapping):
        for cat, entry in categories.items():
            if isinstance(entry, Mapping) and "density" in entry:
                out[f"loaded.density.{cat}"] = _num(entry["density"])
    _loaded_title(loaded, out)


def _loaded_title(loaded: Mapping[str, Any], out: dict[str, Value]) -> None:
    """The headline's own score; missing for a document analysed without a title."""
    if "title" in loaded:
        title = loaded["title"]
        out["loaded.title"] = _num(title.get("score")) if isinstance(title, Mapping) else None


def _dictionaries(dictionaries: Mapping[str, Any], out: dict[str, Value]) -> None:
    for name, result in dictionaries.items():
        categories = result.get("categories") if isinstance(result, Mapping) else None
        if isinstance(categories, Mapping):
            tokens = _num(result.get("n_tokens"))
            for cat, entry in categories.items():
                if isinstance(entry, Mapping) and "rate" in entry:
                    out[f"dictionaries.{name}.rate.{cat}"] = _num(entry["rate"])
                if isinstance(entry, Mapping) and "weighted" in entry:
                    # the comparison's own definition, so that both layers give one value
                    out[f"dictionaries.{name}.weighted.{cat}"] = _per_1k(entry["weighted"], tokens)
