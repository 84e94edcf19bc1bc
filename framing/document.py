"""The document model: a text read once, shared by every scorer.

A :class:`Document` keeps the caller's original string. Every offset it exposes (sentences,
paragraphs, tokens, quotations) indexes that original string, so ``text[start:end]`` is always
the evidence. Normalisation (quotes, dashes, spaces, invisible characters, combining marks, CRLF)
happens on an internal view with a map back to the original offsets.

Tokens are words (runs of word characters with internal apostrophes) and initialisms
(``U.S.``, ``F.B.I.``, ``a.m.``): one token each, whose span covers the letters and the periods,
the final one included. Word forms are lowercase; an initialism in capitals reads without its
periods (``U.S.`` reads ``us``, like ``US``), so one lexicon entry matches both spellings. The
rules and their reasons are in :mod:`framing._text`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeVar, cast

from framing._text import lowercase, normalise, tokens
from framing.quotes import Quote, find_quotes
from framing.sentences import SentenceRules, split_sentences

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from framing.lexicon import Lexicon

_T = TypeVar("_T")

__all__ = ["Document", "DocumentOptions", "Span", "Token", "Voice"]

Voice = Literal["authorial", "quoted"]
_PARA_RE: Final = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of the original text, end exclusive.

    Attributes
    ----------
    start, end
        Offsets into the original text.
    """

    start: int
    end: int

    def slice(self, text: str) -> str:
        """``text[start:end]``."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Token:
    """A token: a run of word characters with internal apostrophes (``don't``, ``Iraq's``), or an initialism (``U.S.``, ``a.m.``).

    Attributes
    ----------
    start, end
        Offsets into the original text; an initialism's span holds its periods, the last one too.
    lower
        The word form: lowercase and normalised (curly apostrophes made straight); an initialism
        in capitals without its periods (``U.S.`` gives ``us``, ``a.m.`` stays ``a.m.``).

    Examples
    --------
    >>> doc = Document.from_text("The F.B.I. met U.N. staff at 9 a.m.")
    >>> [(doc.text[t.start:t.end], t.lower) for t in doc.tokens()][1:5]
    [('F.B.I.', 'fbi'), ('met', 'met'), ('U.N.', 'un'), ('staff', 'staff')]
    >>> [(doc.text[t.start:t.end], t.lower) for t in doc.tokens()][-1]
    ('a.m.', 'a.m.')
    """

    start: int
    end: int
    lower: str


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """How documents are built. Frozen; share one across many documents.

    Attributes
    ----------
    sentence_rules
        Abbreviations and starters for the sentence splitter.
    speech_verbs
        Lowercase word forms that make a quotation near them speech rather than a scare quote or
        a mention.
    speech_window
        Tokens searched on each side of a short quotation, or of a long further item of a
        list that a mention opens (:data:`framing.quotes.MENTION_NOUNS`), for a speech verb.
    lexicons
        The lexicons the options were read from (the bundled ``abbreviations`` and
        ``attribution-cues`` for :meth:`default`), so that an :class:`~framing.Analyzer` can
        report them with its results; empty for options built by hand. A copy made with
        ``dataclasses.replace`` keeps them: replace them too when the new rules or verbs
        come from other lexicons.
    """

    sentence_rules: SentenceRules
    speech_verbs: frozenset[str]
    speech_window: int = 10
    lexicons: tuple[Lexicon, ...] = ()

    @classmethod
    def default(cls) -> DocumentOptions:
        """Options from the bundled lexicons."""
        return _default_options()


@lru_cache(maxsize=1)
def _default_options() -> DocumentOptions:
    from framing.lexicon import load_lexicon  # noqa: PLC0415 - lexicon imports are deferred to first use

    cues = load_lexicon("attribution-cues")
    verbs: set[str] = set()
    for cid in ("neutral", "loaded"):
        verbs.update(e.tokens[0] for e in cues.category(cid).entries if len(e.tokens) == 1 and not e.wildcard)
    return DocumentOptions(SentenceRules.default(), frozenset(verbs), lexicons=(load_lexicon("abbreviations"), cues))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def _stemmer() -> _Stemmer:
    from nltk.stem.snowball import SnowballStemmer  # noqa: PLC0415 - nltk loads slowly; only stems need it

    stemmer: _Stemmer = SnowballStemmer("english")
    return stemmer


class _Stemmer(Protocol):
    def stem(self, word: str) -> str: ...  # pragma: no cover - a protocol


class Document:
    r"""A text read once into paragraphs, sentences, tokens and quotations.

    Build one with :meth:`Document.from_text`; every offset indexes :attr:`text`.

    Attributes
    ----------
    text
        The caller's original string.
    norm
        The normalised view: straight quotes, ASCII hyphens for dashes, plain spaces, ``\n`` line
        ends; the same length as :attr:`text` unless invisible or combining characters were removed
        (see :attr:`offsets_are_normalised`).
    lower
        :attr:`norm` in lowercase, the same length.
    sentences
        Sentence spans ``(start, end)``, in order, trimmed of white space.
    paragraphs
        Paragraph spans (blocks separated by blank lines).
    quotes
        The quotations (:class:`~framing.quotes.Quote`), in order, never overlapping.

    Examples
    --------
    >>> doc = Document.from_text('The minister said: “We will respond.” Critics saw the “reform” stall.')
    >>> [doc.text[s:e] for s, e in doc.sentences]
    ['The minister said: “We will respond.”', 'Critics saw the “reform” stall.']
    >>> [(doc.text[q.start:q.end], q.kind) for q in doc.quotes]
    [('“We will respond.”', 'speech'), ('“reform”', 'scare')]
    >>> doc.voice_at(doc.text.index("respond")), doc.voice_at(doc.text.index("Critics"))
    ('quoted', 'authorial')
    """

    __slots__ = (
        "_map",
        "_memo",
        "_quote_starts",
        "_sent_starts",
        "_token_spans",
        "_token_starts",
        "_word_types",
        "_words",
        "lower",
        "norm",
        "paragraphs",
        "quotes",
        "sentences",
        "text",
    )

    text: str
    norm: str
    lower: str
    _map: list[int] | None
    _memo: dict[object, Any]
    _sent_starts: list[int]
    _quote_starts: list[int]
    _words: list[str] | None
    _token_spans: list[tuple[int, int]] | None
    _token_starts: list[int] | None
    _word_types: frozenset[str] | None
    sentences: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    quotes: tuple[Quote, ...]

    def __init__(self) -> None:
        msg = "build a Document with Document.from_text(text)"
        raise TypeError(msg)

    @classmethod
    def from_text(cls, text: str, options: DocumentOptions | None = None) -> Document:
        """Read ``text`` into a document.

        Raises
        ------
        TypeError
            If ``text`` is not a ``str`` (bytes must be decoded by the caller, who knows the encoding).
        """
        if not isinstance(cast("object", text), str):
            msg = f"text must be str, got {type(text).__name__}"
            raise TypeError(msg)
        opts = options or _default_options()
        self = object.__new__(cls)
        norm, omap = normalise(text)
        self.text = text
        self.norm = norm
        self.lower = lowercase(norm)
        self._map = omap
        sentences = split_sentences(norm, opts.sentence_rules, tag_verbs=opts.speech_verbs)
        paragraphs = _paragraphs(norm)
        hint = text if omap is None else "".join(text[i] for i in omap[:-1])
        quotes = find_quotes(hint, norm, sentences, opts.speech_verbs, speech_window=opts.speech_window)
        if omap is not None:
            sentences = [_map_span(omap, s, e, text) for s, e in sentences]
            paragraphs = [_map_span(omap, s, e, text) for s, e in paragraphs]
            quotes = [Quote(*_map_span(omap, q.start, q.end, text), q.kind, q.closed) for q in quotes]
        self.sentences = tuple(sentences)
        self.paragraphs = tuple(paragraphs)
        self.quotes = tuple(quotes)
        self._sent_starts = [s for s, _ in self.sentences]
        self._quote_starts = [q.start for q in self.quotes]
        self._words = None
        self._token_spans = None
        self._token_starts = None
        self._word_types = None
        self._memo = {}
        return self

    def __repr__(self) -> str:
        """Short description."""
        return f"<Document {len(self.text)} chars, {len(self.sentences)} sentences, {len(self.quotes)} quotes>"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the text; the structure is rebuilt with default options."""
        return (Document.from_text, (self.text,))

    # -- tokens ---------------------------------------------------------------------------

    @property
    def words(self) -> list[str]:
        """Word forms of the tokens in order (computed once; do not modify).

        A word form is the token's text in lowercase, except that an initialism in capitals loses
        its periods (``["the", "us", "and", "the", "fbi", "said"]`` for *The U.S. and the F.B.I.
        said*): never assume ``words[i]`` is the lowercase text of the token's span.
        """
        if self._words is None:
            self._words, self._token_spans = self._tokenise()
        return self._words

    @property
    def word_types(self) -> frozenset[str]:
        """The distinct lowercase tokens (computed once; every matcher starts from it)."""
        if self._word_types is None:
            self._word_types = frozenset(self.words)
        return self._word_types

    @property
    def n_tokens(self) -> int:
        """Number of tokens."""
        return len(self.words)

    def token_spans(self) -> list[tuple[int, int]]:
        """Original-text offsets of every token, in order (computed once)."""
        if self._token_spans is None:
            self._words, self._token_spans = self._tokenise()
        return self._token_spans

    def _tokenise(self) -> tuple[list[str], list[tuple[int, int]]]:
        # Word forms and offsets come from one pass (every analysis needs both).
        spans, words = tokens(self.lower, self.norm)
        if self._map is not None:
            spans = [_map_span(self._map, s, e, self.text) for s, e in spans]
        return words, spans

    def token_starts(self) -> list[int]:
        """Original-text start offset of every token, in order (computed once; do not modify)."""
        if self._token_starts is None:
            self._token_starts = [s for s, _e in self.token_spans()]
        return self._token_starts

    def count_tokens(self, spans: Sequence[tuple[int, int]]) -> list[int]:
        """How many tokens start inside each ``(start, end)`` span (one binary search per span).

        Examples
        --------
        >>> doc = Document.from_text("One two. Three four five.")
        >>> doc.count_tokens(doc.sentences)
        [2, 3]
        """
        if not spans:
            return []
        starts = self.token_starts()
        lo = bisect.bisect_left
        return [lo(starts, e) - lo(starts, s) for s, e in spans]

    def tokens(self) -> Iterator[Token]:
        """Iterate over :class:`Token` objects (spans into the original text, lowercase forms)."""
        for (s, e), w in zip(self.token_spans(), self.words, strict=True):
            yield Token(s, e, w)

    def stems(self) -> list[str]:
        """Snowball (English) stems of :attr:`words`, computed once per word type."""
        return [_stem(w) for w in self.words]

    def locate(self, indices: Sequence[int]) -> list[tuple[int, int]]:
        """Original offsets of the tokens at the given ``indices``."""
        spans = self.token_spans()
        return [spans[i] for i in indices]

    def memo(self, key: object, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per document and ``key``; later calls return the same object.

        Scorers share derived data this way: the negation cues of a document are found once
        however many lexicons are matched against it. ``key`` should be an object that lives as
        long as the document's analysis (a matcher, say), so that its identity is not reused.
        """
        memo = self._memo
        try:
            return cast("_T", memo[key])
        except KeyError:
            value = memo[key] = compute()
            return value

    # -- lookups --------------------------------------------------------------------------

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one before it; -1 before the first)."""
        return bisect.bisect_right(self._sent_starts, offset) - 1

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation holding ``offset``, or ``None``."""
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        if k >= 0:
            q = self.quotes[k]
            if offset < q.end:
                return q
        return None

    def voice_at(self, offset: int) -> Voice:
        """``"quoted"`` inside a quotation of any kind (speech, scare or mention), else ``"authorial"``."""
        return "authorial" if self.quote_at(offset) is None else "quoted"

    @property
    def offsets_are_normalised(self) -> bool:
        """Whether :attr:`norm` and :attr:`lower` index exactly like :attr:`text` (no characters removed)."""
        return self._map is None

    def quoted_chars(self) -> int:
        """Characters inside quotations, marks included."""
        return sum(q.end - q.start for q in self.quotes)


def _map_span(omap: Sequence[int], s: int, e: int, text: str) -> tuple[int, int]:
    """Map a normalised span to the original: marks that composed into its last character stay in it."""
    if e <= s:
        return (omap[s], omap[s])
    end = omap[e - 1] + 1
    limit = omap[e]
    while end < limit and unicodedata.combining(text[end]):
        end += 1
    return (omap[s], end)


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _PARA_RE.finditer(norm):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(norm)))
    spans = []
    for start, end in out:
        s, e = start, end
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans
