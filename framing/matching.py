"""Compiled lexicon matching over a :class:`~framing.document.Document`.

A :class:`Matcher` is built once per lexicon and shared (it pickles, and is safe to use from
several threads). Matching rules:

* Entries match token sequences of the document (tokens are runs of word characters with
  internal apostrophes). Consecutive tokens of a phrase may be separated only by white space or
  hyphens, so ``"so-called"`` matches *so-called* and *so called*, never *so. Called*.
* A possessive matches its base word: ``"iraq"`` matches *Iraq's*, ``"students"`` *students'*.
* ``prefix*`` matches every token starting with the prefix (``abus*``: abuse, abusive).
* Within a category the leftmost-longest match wins, so *violation of international law* is one
  match, not also *international law*; matches of different categories may overlap and all are
  reported.
* Negation: a match is ``negated`` when a negator ends at most ``window`` tokens before it, in
  the same clause (no ``. ! ? ; : ,`` or parenthesis between them) and with no scope breaker
  (*but*, *however*...) in between. The negators and breakers are the bundled ``negation``
  lexicon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from framing.lexicon import Entry, Lexicon, load_lexicon

if TYPE_CHECKING:
    from framing.document import Document, Voice

__all__ = ["Match", "Matcher", "Negation"]

_GAP_OK: Final = re.compile(r"[\s\-\u2010-\u2015\u200b-\u200d\u2060\u00ad]*")
_CLAUSE_BREAK: Final = re.compile(r"[.!?;:,()\[\]\"\u201c\u201d]")
_CACHE_LIMIT: Final = 500_000

# A compiled candidate: (tokens, wildcard, category index, entry)
_Cand = tuple[tuple[str, ...], bool, int, Entry]


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon match in a document.

    Attributes
    ----------
    start, end
        Offsets into the original text: ``text[start:end]`` is the matched evidence.
    category
        The category id.
    entry
        The lexicon term that matched, as written in the lexicon.
    weight
        The entry's weight.
    negated
        Whether a negator governs the match (see :class:`Negation`).
    voice
        ``"authorial"`` or ``"quoted"``: whether the match lies inside a quotation.
    token_start, token_end
        Token indices of the match (end exclusive).
    """

    start: int
    end: int
    category: str
    entry: str
    weight: float
    negated: bool
    voice: Voice
    token_start: int
    token_end: int


class Matcher:
    """A lexicon compiled for fast matching.

    Parameters
    ----------
    lexicon
        The lexicon to match.

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.lexicon import Category, Entry, Lexicon
    >>> lex = Lexicon("demo", "1", "CC0", "none", "demo", (
    ...     Category("conflict", "Clashes.", (Entry.parse("clash*"), Entry.parse("war of words"))),))
    >>> doc = Document.from_text("A war of words, then clashes. It was not a clash.")
    >>> [(doc.text[m.start:m.end], m.negated) for m in Matcher(lex).find(doc, negation=Negation.default())]
    [('war of words', False), ('clashes', False), ('clash', True)]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._categories = lexicon.category_ids
        first: dict[str, list[_Cand]] = {}
        cased: dict[str, list[_Cand]] = {}
        prefixes: dict[str, list[_Cand]] = {}
        for ci, cat in enumerate(lexicon.categories):
            for e in cat.entries:
                cand: _Cand = (e.tokens, e.wildcard, ci, e)
                if e.case_sensitive:
                    cased.setdefault(e.tokens[0], []).append(cand)
                elif e.wildcard and len(e.tokens) == 1:
                    prefixes.setdefault(e.tokens[0], []).append(cand)
                else:
                    first.setdefault(e.tokens[0], []).append(cand)
        self._first = first
        self._cased = cased
        self._prefixes = prefixes
        self._prefix_lengths = sorted({len(p) for p in prefixes})
        self._type_cache: dict[str, tuple[_Cand, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the lexicon only; the index is rebuilt on load."""
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild from the lexicon."""
        self.__init__(state["lexicon"])  # type: ignore[misc]

    def __repr__(self) -> str:
        """Name and version of the compiled lexicon."""
        return f"Matcher({self.lexicon.name!r} {self.lexicon.version})"

    # -- per word type -------------------------------------------------------------------

    def _candidates(self, word: str) -> tuple[_Cand, ...]:
        found = self._type_cache.get(word)
        if found is not None:
            return found
        out: list[_Cand] = []
        direct = self._first.get(word)
        if direct:
            out.extend(direct)
        base = _possessive_base(word)
        if base is not None:
            more = self._first.get(base)
            if more:
                out.extend(more)
        if self._prefixes:
            for n in self._prefix_lengths:
                if n > len(word):
                    break
                hit = self._prefixes.get(word[:n])
                if hit:
                    out.extend(hit)
        result = tuple(out)
        if len(self._type_cache) >= _CACHE_LIMIT:
            self._type_cache.clear()
        self._type_cache[word] = result
        return result

    # -- matching ------------------------------------------------------------------------

    def find(self, doc: Document, *, negation: Negation | None = None) -> list[Match]:
        """All matches in ``doc``, in text order (then by category order).

        Parameters
        ----------
        doc
            The document.
        negation
            Negation rules; ``None`` marks no match as negated.
        """
        raw = self.find_raw(doc)
        if not raw:
            return []
        needed: set[int] = set()
        for s, e, _ci, _entry in raw:
            needed.update(range(s, e))
        order = sorted(needed)
        spans = dict(zip(order, doc.locate(order), strict=True))
        text = doc.text
        negated_at = negation.negated_starts(doc, [r[0] for r in raw], spans) if negation is not None else None
        out: list[Match] = []
        cats = self._categories
        for s, e, ci, entry in raw:
            if e - s > 1 and not all(_GAP_OK.fullmatch(text, spans[k][1], spans[k + 1][0]) for k in range(s, e - 1)):
                continue
            start = spans[s][0]
            end = spans[e - 1][1]
            neg = bool(negated_at is not None and s in negated_at)
            out.append(Match(start, end, cats[ci], entry.term, entry.weight, neg, doc.voice_at(start), s, e))
        return out

    def find_raw(self, doc: Document) -> list[tuple[int, int, int, Entry]]:
        """Token-level matches ``(token_start, token_end, category_index, entry)`` before offsets.

        Leftmost-longest within each category; sorted by start, then category.
        """
        words = doc.words
        hits: list[tuple[int, int, int, Entry]] = []
        if self._first or self._prefixes:
            cands = self._candidates
            interesting = {w: c for w in set(words) if (c := cands(w))}
            if interesting:
                _collect(words, interesting, hits, possessive=True)
        if self._cased:
            cased_words = _cased_words(doc)
            interesting_cs = {w: tuple(self._cased[w]) for w in set(cased_words) if w in self._cased}
            if interesting_cs:
                _collect(cased_words, interesting_cs, hits, possessive=False)
        if not hits:
            return []
        return _leftmost_longest(hits)


def _cased_words(doc: Document) -> list[str]:
    from framing._text import TOKEN_RE  # noqa: PLC0415 - small helper, imported where used

    return TOKEN_RE.findall(doc.norm)


def _possessive_base(word: str) -> str | None:
    if word.endswith("'s") and len(word) > 2:  # noqa: PLR2004 - the length of "'s"
        return word[:-2]
    return None


def _collect(
    words: Sequence[str],
    interesting: dict[str, tuple[_Cand, ...]],
    hits: list[tuple[int, int, int, Entry]],
    *,
    possessive: bool,
) -> None:
    n = len(words)
    for i in [i for i, w in enumerate(words) if w in interesting]:
        for tokens, wildcard, ci, entry in interesting[words[i]]:
            k = len(tokens)
            if k == 1:
                hits.append((i, i + 1, ci, entry))
                continue
            if i + k > n:
                continue
            ok = True
            for j in range(1, k):
                w = words[i + j]
                t = tokens[j]
                last = j == k - 1
                if w == t or (last and wildcard and w.startswith(t)):
                    continue
                if last and possessive and _possessive_base(w) == t:
                    continue
                ok = False
                break
            if ok:
                hits.append((i, i + k, ci, entry))


def _leftmost_longest(hits: list[tuple[int, int, int, Entry]]) -> list[tuple[int, int, int, Entry]]:
    hits.sort(key=lambda h: (h[2], h[0], h[0] - h[1], h[3].term))
    kept: list[tuple[int, int, int, Entry]] = []
    cat = -1
    reach = -1
    for h in hits:
        if h[2] != cat:
            cat = h[2]
            reach = -1
        if h[0] >= reach:
            kept.append(h)
            reach = h[1]
    kept.sort(key=lambda h: (h[0], h[2], h[1]))
    return kept


@dataclass(frozen=True, slots=True)
class Negation:
    """Negation rules: which matches a negator governs.

    Attributes
    ----------
    negators
        Matcher for negation cues (*not*, *no*, *never*, *don't*, *no evidence of*...).
    breakers
        Lowercase words that end a negator's scope (*but*, *however*...).
    window
        The most tokens that may stand between the end of a negator and the start of the match
        (``3``: *not a total disaster* is negated, *not that anyone expected the disaster* is not).
    """

    negators: Matcher
    breakers: frozenset[str]
    window: int = 3

    @classmethod
    def default(cls, window: int = 3) -> Negation:
        """The bundled ``negation`` lexicon's negators and scope breakers."""
        lex = load_lexicon("negation")
        negators = Lexicon(
            lex.name, lex.version, lex.license, lex.citation, lex.description, (lex.category("negators"),), lex.language
        )
        return cls(Matcher(negators), lex.terms("scope_breakers"), window)

    def negated_starts(self, doc: Document, starts: Sequence[int], spans: dict[int, tuple[int, int]]) -> set[int]:
        """The token indices among ``starts`` that a negator governs."""
        cues = self.negators.find_raw(doc)
        if not cues:
            return set()
        ends = sorted({e - 1 for _s, e, _c, _en in cues})
        cue_starts = {e - 1: s for s, e, _c, _en in cues}
        words = doc.words
        need = sorted(set(ends) | set(starts) | set(spans))
        located = dict(zip(need, doc.locate(need), strict=True))
        text = doc.text
        out: set[int] = set()
        for s in set(starts):
            k = bisect.bisect_left(ends, s) - 1
            while k >= 0 and ends[k] >= s - self.window - 1:
                last = ends[k]
                if cue_starts[last] >= s:  # the cue is inside the match itself
                    k -= 1
                    continue
                between = words[last + 1 : s]
                if len(between) <= self.window and not any(w in self.breakers for w in between):
                    gap = text[located[last][1] : located[s][0]]
                    if not _CLAUSE_BREAK.search(gap):
                        out.add(s)
                break
        return out
