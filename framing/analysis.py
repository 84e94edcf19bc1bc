"""Analyses: one pass from text to document to scorers to a frozen, serialisable result."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import math
import operator
import os
import pickle
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata as _metadata
from pathlib import Path
from typing import Any, Final, Literal, overload

from framing import _pickling
from framing.document import Document, DocumentOptions
from framing.errors import FramingError, InputError
from framing.lexicon import Lexicon, load_lexicon
from framing.matching import Negation
from framing.scorers.attribution import AttributionScorer
from framing.scorers.base import Context, Scorer, ScorerResult
from framing.scorers.dictionary import DictionaryScorer, latin_share
from framing.scorers.frames import FrameScorer
from framing.scorers.loaded import LoadedScorer
from framing.scorers.readability import ReadabilityScorer

__all__ = ["Analysis", "Analyzer", "Failure", "LexiconRef", "Record", "analyze", "framing_version", "resolve_jobs"]


@cache
def framing_version() -> str:
    """The installed version of framing (one source: the package metadata).

    A development version (``0.1.0.dev0``) names no fixed set of rules, so it carries the digest
    of the package's code as a local version label: ``0.1.0.dev0+code.1a2b3c4d5e6f``. Two
    development snapshots whose rules differ give different versions; the lexicons are named by
    their own digests.
    """
    try:
        version = _metadata.version("framing")
    except _metadata.PackageNotFoundError:  # pragma: no cover - running from an uninstalled checkout
        version = "0"
    if ".dev" in version or version == "0":
        # one local label only: extend one the version already has (0.1.dev5+g1234abc.code...)
        return f"{version}{'.' if '+' in version else '+'}code.{code_digest(Path(__file__).parent)}"
    return version


def code_digest(package: Path) -> str:
    """The first 12 hex digits of the SHA-256 of the Python sources under ``package``.

    Every ``.py`` file counts, by its path relative to ``package`` and its bytes, in path order,
    so the digest is the same for a source checkout and an installed wheel of the same code.
    """
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py"), key=lambda p: p.relative_to(package).as_posix()):
        h.update(path.relative_to(package).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class LexiconRef:
    """Which lexicon a result used: enough to reproduce it.

    Attributes
    ----------
    name, version
        The lexicon's metadata.
    sha256
        Digest of its name, version, language, category ids and groups, terms, weights and case
        flags (:attr:`Lexicon.sha256`).
    """

    name: str
    version: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        """JSON form."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Record:
    """One input document.

    Attributes
    ----------
    text
        The text to analyse.
    id
        An identifier carried into the result.
    title
        Optional headline, analysed apart from the text by scorers that use it.
    metadata
        Other fields (outlet, date...), passed through to the result unchanged.
    """

    text: str
    id: str | None = None
    title: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def coerce(
        cls,
        item: str | Record | Mapping[str, Any],
        *,
        index: int = 0,
        source: str | None = None,
        text_field: str = "text",
        id_field: str = "id",
        title_field: str = "title",
    ) -> Record:
        """Accept a string, a :class:`Record` or a mapping with ``text`` (and ``id``, ``title``...).

        ``text_field``, ``id_field`` and ``title_field`` name the mapping's fields that hold the
        text, the identifier and the headline (for records that call them ``body``, ``url`` or
        ``headline``); every other field is metadata, kept under its own name.

        A missing cell of a table (a float NaN, pandas' ``NA`` or ``NaT``, as in
        ``DataFrame.to_dict("records")``) is a missing id or title, like ``None``; an id that is a
        float with an integral value (an integer column with a gap, read as floats) is that
        integer, so ``7.0`` is the id ``"7"``. A missing text stays an error.

        Raises
        ------
        InputError
            When the text field is missing or not a string, or the id or title fields are of the
            wrong type; the message names the field.

        Examples
        --------
        >>> r = Record.coerce({"body": "Rates rose.", "url": "u1", "outlet": "Daily"}, text_field="body", id_field="url")
        >>> r.text, r.id, dict(r.metadata)
        ('Rates rose.', 'u1', {'outlet': 'Daily'})
        >>> r = Record.coerce({"text": "Rates rose.", "id": 7.0, "title": float("nan")})
        >>> r.id, r.title
        ('7', None)
        """
        if isinstance(item, Record):
            return item
        if isinstance(item, str):
            return cls(item, None)
        if not isinstance(item, Mapping):
            raise InputError(f"record {index} is a {type(item).__name__}, not a str or a mapping", source=source)
        text = item.get(text_field)
        if not isinstance(text, str):
            what = (
                "missing"
                if text_field not in item
                else "null"
                if text is None
                else "a missing value (NaN)"
                if _is_missing(text)
                else f"{_a(type(text).__name__)}, not a string"
            )
            raise InputError(f"field {text_field!r} is {what}", source=source, line=index)
        rid = _id_value(item.get(id_field))
        if rid is not None and not _is_id(rid):
            raise InputError(f"field {id_field!r} must be a string or an integer, got {type(rid).__name__}", source=source, line=index)
        title = item.get(title_field)
        title = None if _is_missing(title) else title
        if title is not None and not isinstance(title, str):
            raise InputError(f"field {title_field!r} must be a string, got {type(title).__name__}", source=source, line=index)
        meta = {k: v for k, v in item.items() if k not in {text_field, id_field, title_field}}
        return cls(text, None if rid is None else str(rid), title, meta)


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be analysed (returned by ``analyze_many(on_error="return")``).

    Attributes
    ----------
    index
        0-based position of the record in the input.
    id
        The record's id, when it had one.
    error
        What went wrong.
    """

    index: int
    id: str | None
    error: FramingError

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"index": self.index, "id": self.id, "error": str(self.error)}


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one text: frozen, and serialisable with :meth:`to_dict`.

    Attributes
    ----------
    id
        The record's id, or ``None``.
    framing_version
        Version of the library that produced it.
    lexicons
        Every lexicon used, with version and digest.
    n_chars, n_tokens
        Size of the text.
    sentences
        Sentence spans ``(start, end)`` into the text.
    quotes
        Quotations (``start``, ``end``, ``kind``).
    results
        Scorer results by name, in the analyzer's order.
    title
        The headline given with the text, if any.
    metadata
        Pass-through fields of the input record.
    flags
        Warnings about the text as a whole, as codes joined by ``;`` (the empty string when
        there are none): ``non_latin_script`` when fewer than half of its letters are in the
        Latin script, so the bundled lexicons, which are English, do not apply (the scores are
        still computed; read them as meaningless).
    """

    id: str | None
    framing_version: str
    lexicons: tuple[LexiconRef, ...]
    n_chars: int
    n_tokens: int
    sentences: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int, str], ...]
    results: tuple[tuple[str, ScorerResult], ...]
    title: str | None = None
    metadata: tuple[tuple[str, Any], ...] = ()
    flags: str = ""

    def __getitem__(self, name: str) -> ScorerResult:
        """A scorer's result by name (``analysis["readability"]``).

        Raises
        ------
        KeyError
            Naming the results that exist.
        """
        for key, value in self.results:
            if key == name:
                return value
        msg = f"no result {name!r}; this analysis has {[k for k, _ in self.results]}"
        raise KeyError(msg)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract written by the CLI (documented in the docs' *Output* page)."""
        out: dict[str, Any] = {
            "id": self.id,
            "framing_version": self.framing_version,
            "lexicons": [r.to_dict() for r in self.lexicons],
            "n_chars": self.n_chars,
            "n_tokens": self.n_tokens,
            "sentences": [[s, e] for s, e in self.sentences],
            "quotes": [{"start": s, "end": e, "kind": k} for s, e, k in self.quotes],
            "flags": self.flags,
        }
        if self.title is not None:
            out["title"] = self.title
        dictionaries: dict[str, Any] = {}
        for name, result in self.results:
            if name.startswith("dictionary:"):
                dictionaries[name.split(":", 1)[1]] = result.to_dict()
            else:
                out[name] = result.to_dict()
        if dictionaries:
            out["dictionaries"] = dictionaries
        out["metadata"] = {str(k): json_safe(v) for k, v in self.metadata}
        return out


#: Below this share of letters in the Latin script a text gets the flag ``non_latin_script``.
NON_LATIN_BELOW: Final = 0.5


def _document_flags(text: str) -> str:
    """The :attr:`Analysis.flags` of ``text``."""
    share = latin_share(text)
    return "non_latin_script" if share is not None and share < NON_LATIN_BELOW else ""


def json_safe(value: Any) -> Any:  # noqa: ANN401, C901, PLR0911 - metadata is anything; one return per kind of value
    """``value`` as plain JSON data: what metadata becomes in :meth:`framing.Analysis.to_dict`.

    NaN, infinities and missing-value markers (pandas' ``NaT``, ``NA``) become ``None``; numpy
    scalars and arrays become Python numbers and lists; dates and times (pandas ``Timestamp``
    and numpy ``datetime64`` included) become ISO 8601 strings and durations seconds; mappings,
    lists and tuples are converted item by item (keys as strings), sets become sorted lists; any
    other object becomes its ``str``. Strings, integers, booleans and finite floats stay as they are.

    Examples
    --------
    >>> import datetime, math
    >>> from framing.analysis import json_safe
    >>> json_safe({"date": datetime.date(2024, 3, 1), "score": math.nan, "tags": ("a", 1)})
    {'date': '2024-03-01', 'score': None, 'tags': ['a', 1]}
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((json_safe(v) for v in value), key=repr)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if type(value).__module__ == "numpy":
        return _numpy_safe(value)
    try:
        missing = bool(value != value)  # noqa: PLR0124 - NaN-like markers are unequal to themselves
    except (TypeError, ValueError):  # an array, or a marker whose truth value is ambiguous
        missing = False
    if missing or type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    to_list = getattr(value, "tolist", None)  # a pandas Series or Index, an array of another library
    return json_safe(to_list()) if callable(to_list) else str(value)


def _numpy_safe(value: Any) -> Any:  # noqa: ANN401 - any numpy scalar or array
    """A numpy value as plain JSON data (see :func:`json_safe`): dates at microseconds, durations in seconds."""
    kind = getattr(getattr(value, "dtype", None), "kind", "")
    if kind == "M":  # datetime64: at nanoseconds tolist() gives an integer, at microseconds a datetime
        value = value.astype("datetime64[us]")
    elif kind == "m":  # timedelta64
        value = value.astype("timedelta64[us]")
    return json_safe(value.tolist()) if hasattr(value, "tolist") else str(value)


def _is_id(value: object) -> bool:
    """Whether ``value`` can be a record's id: a string or an integer, not a boolean."""
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _is_missing(value: object) -> bool:
    """Whether a table cell stands for a missing value: ``None``, a NaN, pandas' ``NA`` or ``NaT``.

    Duck-typed, so that neither pandas nor numpy is imported: NaN is the one float unequal to
    itself, and ``NA`` and ``NaT`` are recognised by their type's name (comparing ``NA`` gives
    ``NA``, whose truth value raises).
    """
    if value is None or type(value).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(value, float) and value != value  # noqa: PLR0124 - NaN is the float unequal to itself


def _id_value(value: object) -> object:
    """A record's id field with missing cells as ``None`` and integral floats as integers (7.0 -> 7)."""
    if _is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _a(noun: str) -> str:
    """``noun`` with its indefinite article (an int, a list)."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


class Analyzer:
    """Configured once, analyses many texts. Immutable, picklable and thread-safe.

    Parameters
    ----------
    attribution
        The attribution scorer: ``True`` for the bundled cue and source-type lexicons, a
        configured :class:`~framing.scorers.AttributionScorer` (for example with a
        ``sides`` mapping), or ``False`` for none. It runs first, so later scorers can read it.
    loaded
        The loaded-language scorer: ``True`` for the bundled ``loaded-language`` lexicon, a lexicon
        (name, path or :class:`Lexicon`), a configured :class:`~framing.scorers.LoadedScorer`, or
        ``False`` for none. It runs after attribution, so its quoted hits carry their speaker.
    frames
        The frame scorer: ``True`` for the bundled ``policy-frames`` taxonomy, a lexicon (name,
        path or :class:`Lexicon`) for another taxonomy, a configured
        :class:`~framing.scorers.FrameScorer`, or ``False`` for none.
    dictionaries
        Lexicons to count with the generic dictionary scorer: :class:`Lexicon` objects, bundled
        names or file paths (``.toml``, ``.dic``, ``.csv``).
    readability
        Whether to compute readability formulas (slower; off by default).
    scorers
        Further scorers implementing :class:`~framing.scorers.base.Scorer`, run after the built-in ones.
    negation_window
        Tokens between a negator and the match it governs (see :class:`~framing.matching.Negation`).
    document_options
        How documents are built (abbreviations, speech verbs); the bundled defaults otherwise.

    Examples
    --------
    >>> an = Analyzer(dictionaries=["negation"])
    >>> result = an.analyze("No one was hurt.", id="a1")
    >>> result.to_dict()["dictionaries"]["negation"]["categories"]["negators"]["count"]
    1
    """

    def __init__(
        self,
        *,
        attribution: bool | AttributionScorer = True,
        loaded: bool | str | Path | Lexicon | LoadedScorer = True,
        frames: bool | str | Path | Lexicon | FrameScorer = True,
        dictionaries: Sequence[Lexicon | str | Path] = (),
        readability: bool = False,
        scorers: Sequence[Scorer] = (),
        negation_window: int = 3,
        document_options: DocumentOptions | None = None,
    ) -> None:
        if negation_window < 0:
            msg = f"negation_window must be >= 0, got {negation_window}"
            raise ValueError(msg)
        built: list[Scorer] = []
        if attribution is not False:
            built.append(attribution if isinstance(attribution, AttributionScorer) else AttributionScorer())
        if loaded is not False:
            if isinstance(loaded, LoadedScorer):
                built.append(loaded)
            else:
                built.append(LoadedScorer(None if loaded is True else loaded if isinstance(loaded, Lexicon) else load_lexicon(loaded)))
        if frames is not False:
            if isinstance(frames, FrameScorer):
                built.append(frames)
            else:
                built.append(FrameScorer(None if frames is True else frames if isinstance(frames, Lexicon) else load_lexicon(frames)))
        built.extend(DictionaryScorer(d if isinstance(d, Lexicon) else load_lexicon(d)) for d in dictionaries)
        if readability:
            built.append(ReadabilityScorer())
        built.extend(scorers)
        names = [s.name for s in built]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            msg = f"two scorers share the name(s) {dupes}; give each lexicon a distinct name"
            raise ValueError(msg)
        self._scorers: tuple[Scorer, ...] = tuple(built)
        self._negation = Negation.default(negation_window)
        self._options = document_options or DocumentOptions.default()
        self._version = framing_version()
        refs: dict[tuple[str, str, str], LexiconRef] = {}
        # the scorers' lexicons, then the document model's (sentence splitter, speech verbs)
        for lex in [*[lx for s in self._scorers for lx in s.lexicons], *self._options.lexicons]:
            refs.setdefault((lex.name, lex.version, lex.sha256), LexiconRef(lex.name, lex.version, lex.sha256))
        neg = self._negation.lexicon or self._negation.negators.lexicon
        refs.setdefault((neg.name, neg.version, neg.sha256), LexiconRef(neg.name, neg.version, neg.sha256))
        self._refs = tuple(refs.values())

    @property
    def scorers(self) -> tuple[Scorer, ...]:
        """The scorers, in the order they run."""
        return self._scorers

    @property
    def lexicons(self) -> tuple[LexiconRef, ...]:
        """Every lexicon the analyzer reads, with version and digest, each once.

        In order: the scorers' lexicons, the document model's (the ``abbreviations`` and
        ``attribution-cues`` of :meth:`~framing.DocumentOptions.default`; none for options built by hand
        without ``lexicons``), then the ``negation`` cues.
        """
        return self._refs

    @property
    def settings(self) -> dict[str, Any]:
        """Every parameter of the analysis besides its lexicons, as plain values.

        ``scorers`` (their names, in order), ``negation_window`` (0 disables negation),
        ``document`` (``speech_window``, and ``custom_rules``: whether the sentence rules and
        speech verbs were built by hand rather than read from the bundled lexicons, which are then
        named in ``lexicons``), and per scorer that has parameters: ``frames`` (``title_weight``, ``scale``, ``threshold``,
        ``min_share``, ``min_tokens``), ``loaded`` (``threshold``, ``negated_factor``,
        ``scare_quote_weight``, ``voice_min_tokens``) and ``attribution`` (``sides``). The same values are in each
        result's ``settings``; a comparison report records them once.

        Examples
        --------
        >>> Analyzer(attribution=False, loaded=False).settings["frames"]["threshold"]
        0.5
        """
        opts = self._options
        out: dict[str, Any] = {
            "scorers": [s.name for s in self._scorers],
            "negation_window": self._negation.window,
            "document": {"speech_window": opts.speech_window, "custom_rules": not opts.lexicons},
        }
        for scorer in self._scorers:
            if isinstance(scorer, (FrameScorer, LoadedScorer)):
                out[scorer.name] = scorer.parameters()
            elif isinstance(scorer, AttributionScorer):
                out[scorer.name] = {"sides": None if scorer.sides is None else dict(scorer.sides)}
        return out

    def __repr__(self) -> str:
        """The scorers it runs."""
        return f"Analyzer(scorers={[s.name for s in self._scorers]})"

    def document(self, text: str) -> Document:
        """Build the document model of ``text`` with this analyzer's options."""
        return Document.from_text(text, self._options)

    def analyze(self, text: str, *, id: str | None = None, title: str | None = None, metadata: Mapping[str, Any] | None = None) -> Analysis:  # noqa: A002 - 'id' is the record field's name
        """Analyse one text.

        Raises
        ------
        TypeError
            If ``text`` is not a string.
        """
        return self._run(Record(text, id, title, dict(metadata or {})))

    def _run(self, record: Record) -> Analysis:
        doc = Document.from_text(record.text, self._options)
        title = Document.from_text(record.title, self._options) if record.title else None
        ctx = Context(negation=self._negation, title=title)
        results: list[tuple[str, ScorerResult]] = []
        for scorer in self._scorers:
            res = scorer.score(doc, ctx)
            ctx.results[scorer.name] = res
            results.append((scorer.name, res))
        return Analysis(
            id=None if record.id is None else str(record.id),
            framing_version=self._version,
            lexicons=self._refs,
            n_chars=len(record.text),
            n_tokens=doc.n_tokens,
            sentences=doc.sentences,
            quotes=tuple((q.start, q.end, q.kind) for q in doc.quotes),
            results=tuple(results),
            title=record.title,
            metadata=tuple(record.metadata.items()),
            flags=_document_flags(record.text),
        )

    @overload
    def analyze_many(
        self,
        records: Iterable[str | Record | Mapping[str, Any]],
        *,
        n_jobs: int = ...,
        chunksize: int = ...,
        on_error: Literal["raise"] = ...,
    ) -> Iterator[Analysis]: ...

    @overload
    def analyze_many(
        self, records: Iterable[str | Record | Mapping[str, Any]], *, n_jobs: int = ..., chunksize: int = ..., on_error: Literal["return"]
    ) -> Iterator[Analysis | Failure]: ...

    def analyze_many(
        self,
        records: Iterable[str | Record | Mapping[str, Any]],
        *,
        n_jobs: int = 1,
        chunksize: int = 32,
        on_error: Literal["raise", "return"] = "raise",
    ) -> Iterator[Analysis] | Iterator[Analysis | Failure]:
        """Analyse a stream of records lazily, in input order.

        Parameters
        ----------
        records
            Strings, :class:`Record` objects or mappings with ``text`` (and optional ``id``,
            ``title`` and other fields, passed through as metadata). Consumed lazily.
        n_jobs
            Worker processes; ``1`` analyses in this process, ``-1`` starts one per usable CPU
            (:func:`resolve_jobs`). At most ``2 * n_jobs`` chunks are in
            flight at once, so memory stays bounded however long the stream is.
        chunksize
            Records sent to a worker at a time.
        on_error
            ``"raise"``: the first bad record raises :class:`~framing.errors.InputError`;
            ``"return"``: a bad record yields a :class:`Failure` in its place and the stream goes on.
        """
        n_jobs = _check_batch(n_jobs, on_error)
        if n_jobs == 1:
            return (self._one(i, r, on_error) for i, r in enumerate(records))
        return self._parallel(records, n_jobs, max(1, chunksize), on_error, as_dict=False)  # type: ignore[return-value]

    def analyze_many_dicts(
        self,
        records: Iterable[str | Record | Mapping[str, Any]],
        *,
        n_jobs: int = 1,
        chunksize: int = 32,
        on_error: Literal["raise", "return"] = "raise",
    ) -> Iterator[dict[str, Any] | Failure]:
        """Like :meth:`analyze_many`, but yield each analysis as its :meth:`Analysis.to_dict`.

        With worker processes, the dictionaries are built in the workers: when the results are
        only serialised (as the command line does), this leaves the parent less to do than
        calling :meth:`Analysis.to_dict` on the results of :meth:`analyze_many`.
        """
        n_jobs = _check_batch(n_jobs, on_error)
        if n_jobs == 1:
            return (_as_dict(self._one(i, r, on_error)) for i, r in enumerate(records))
        return self._parallel(records, n_jobs, max(1, chunksize), on_error, as_dict=True)  # type: ignore[return-value]

    def analyze_many_json(
        self,
        records: Iterable[str | Record | Mapping[str, Any]],
        *,
        n_jobs: int = 1,
        chunksize: int = 32,
        indent: int | None = None,
    ) -> Iterator[str | Failure]:
        """Like :meth:`analyze_many_dicts`, but yield each analysis as a JSON string.

        Serialisation happens in the worker processes, so the parent only writes: the fastest way
        to turn a corpus into JSON lines (``framing analyze`` uses it). Bad records yield a
        :class:`Failure`.
        """
        n_jobs = _check_batch(n_jobs, "return")
        if n_jobs == 1:
            return (_as_json(self._one(i, r, "return"), indent) for i, r in enumerate(records))
        return self._parallel(records, n_jobs, max(1, chunksize), "return", as_dict=True, json_indent=indent, as_json=True)  # type: ignore[return-value]

    def _one(self, index: int, item: str | Record | Mapping[str, Any], on_error: str) -> Analysis | Failure:
        # The id of a record that cannot be read is still reported when it has a usable one.
        raw_id = _id_value(item.get("id")) if isinstance(item, Mapping) else item.id if isinstance(item, Record) else None
        rid = str(raw_id) if _is_id(raw_id) else None
        try:
            # errors name the record by its 1-based position, as the command line names lines
            record = Record.coerce(item, index=index + 1)
            rid = record.id
            return self._run(record)
        except (FramingError, TypeError) as exc:
            err = exc if isinstance(exc, FramingError) else InputError(str(exc), line=index + 1)
            if on_error == "raise":
                raise err from exc
            return Failure(index, rid, err)

    def _parallel(
        self,
        records: Iterable[str | Record | Mapping[str, Any]],
        n_jobs: int,
        chunksize: int,
        on_error: str,
        *,
        as_dict: bool,
        as_json: bool = False,
        json_indent: int | None = None,
    ) -> Iterator[Analysis | dict[str, Any] | str | Failure]:
        # Workers send each result as its own pickle (JSON text as it is), and this loop rebuilds
        # one result just before yielding it: the parent never holds chunks of rebuilt results, so
        # a consumer that drops each result frees it while it is young, and the garbage collector
        # does not promote (and then walk, with the whole heap) the results waiting in flight. An
        # analysis travels without its version and lexicon references: it gets this analyzer's,
        # the very objects a serial analysis holds.
        chunks = _chunks(enumerate(records), chunksize)
        with ProcessPoolExecutor(max_workers=n_jobs, initializer=_worker_init, initargs=(self,)) as pool:
            pending: deque[Future[list[bytes | str]]] = deque()
            run = functools.partial(_worker_run, as_dict=as_dict, as_json=as_json, json_indent=json_indent)
            for chunk in itertools.islice(chunks, 2 * n_jobs):
                pending.append(pool.submit(run, chunk))
            while pending:
                done = pending.popleft().result()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.append(pool.submit(run, nxt))
                for payload in done:
                    item = payload if isinstance(payload, str) else pickle.loads(payload)  # noqa: S301 - our own worker's pickle
                    if isinstance(item, Failure) and on_error == "raise":
                        raise item.error
                    yield self._received(item) if isinstance(item, tuple) else item

    def _received(self, shipped: tuple[Any, ...]) -> Analysis:
        """The analysis a worker sent as its :data:`_SHIPPED` fields, with this analyzer's version and lexicons."""
        return Analysis(framing_version=self._version, lexicons=self._refs, **dict(zip(_SHIPPED, shipped, strict=True)))


def resolve_jobs(n_jobs: int) -> int:
    """The number of worker processes ``n_jobs`` asks for: itself, or every usable CPU for ``-1``.

    ``-1`` counts the CPUs this process may run on (its affinity mask, as a container or a
    batch scheduler sets it), not every CPU of the machine.

    Raises
    ------
    TypeError
        For anything but an integer.
    ValueError
        For ``0`` or a number below ``-1``.

    Examples
    --------
    >>> resolve_jobs(3)
    3
    >>> resolve_jobs(-1) >= 1
    True
    """
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int):
        msg = f"n_jobs must be an integer, got {n_jobs!r}"
        raise TypeError(msg)
    if n_jobs == -1:
        usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        return max(1, len(usable) if usable else os.cpu_count() or 1)
    if n_jobs < 1:
        msg = f"n_jobs must be >= 1, or -1 for every usable CPU, got {n_jobs}"
        raise ValueError(msg)
    return n_jobs


def _check_batch(n_jobs: int, on_error: str) -> int:
    n_jobs = resolve_jobs(n_jobs)
    if on_error not in {"raise", "return"}:
        msg = f"on_error must be 'raise' or 'return', got {on_error!r}"
        raise ValueError(msg)
    return n_jobs


def _chunks(items: Iterator[tuple[int, Any]] | Iterable[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


_WORKER: list[Analyzer] = []  # one analyzer per worker process, set by its initializer


def _worker_init(analyzer: Analyzer) -> None:
    # A forked worker inherits every object of its parent. Freezing them keeps the worker's
    # garbage collector from walking (and copy-on-write copying) that inherited heap on every
    # full collection; they are never garbage in the worker's own work.
    gc.freeze()
    _WORKER[:] = [analyzer]


def _worker_run(
    chunk: list[tuple[int, Any]], *, as_dict: bool = False, as_json: bool = False, json_indent: int | None = None
) -> list[bytes | str]:
    """Analyse ``chunk`` in a worker: each result as JSON text (``as_json``) or as its own pickle.

    Errors come back as pickled :class:`Failure` objects; the parent decides whether to raise.
    """
    an = _WORKER[0]
    out: list[bytes | str] = []
    for i, item in chunk:
        result = an._one(i, item, "return")  # noqa: SLF001 - the worker runs its own analyzer
        if isinstance(result, Failure):
            out.append(_pickling.dumps(result))
        elif as_json:
            out.append(json.dumps(result.to_dict(), ensure_ascii=False, indent=json_indent))
        else:
            out.append(_pickling.dumps(result.to_dict() if as_dict else _ship(result)))
    return out


#: The fields of an :class:`Analysis` a worker sends: all but those its parent's analyzer holds.
_SHIPPED = tuple(f.name for f in dataclasses.fields(Analysis) if f.name not in {"framing_version", "lexicons"})
_ship = operator.attrgetter(*_SHIPPED)


def _as_json(result: Analysis | Failure, indent: int | None) -> str | Failure:
    return result if isinstance(result, Failure) else json.dumps(result.to_dict(), ensure_ascii=False, indent=indent)


def _as_dict(result: Analysis | Failure) -> dict[str, Any] | Failure:
    return result if isinstance(result, Failure) else result.to_dict()


def analyze(text: str, *, title: str | None = None, id: str | None = None, **options: Any) -> Analysis:  # noqa: A002, ANN401 - options go to Analyzer
    """Analyse one text with a default :class:`Analyzer` (see it for ``options``).

    Examples
    --------
    >>> a = analyze("Officials said the bridge would reopen.", id="x")
    >>> a.to_dict()["sentences"]
    [[0, 39]]
    """
    analyzer = Analyzer(**options) if options else _default_analyzer()
    return analyzer.analyze(text, id=id, title=title)


@cache
def _default_analyzer() -> Analyzer:
    return Analyzer()


def _result_classes() -> list[type]:
    """Every dataclass of the modules whose objects make up an :class:`Analysis`."""
    import framing.matching as _matching  # noqa: PLC0415 - the modules are already imported above
    import framing.quotes as _quotes  # noqa: PLC0415
    import framing.scorers.attribution as _attribution  # noqa: PLC0415
    import framing.scorers.dictionary as _dictionary  # noqa: PLC0415
    import framing.scorers.frames as _frames  # noqa: PLC0415
    import framing.scorers.loaded as _loaded  # noqa: PLC0415
    import framing.scorers.readability as _readability  # noqa: PLC0415

    modules = (_matching, _quotes, _attribution, _dictionary, _frames, _loaded, _readability, sys.modules[__name__])
    return [v for m in modules for v in vars(m).values() if isinstance(v, type) and v.__module__ == m.__name__]


# Result objects returned by worker processes pickle as (class, field values): see framing._pickling.
_pickling.register(_result_classes())
