"""A LIWC-style dictionary scorer for any lexicon.

For every category: the number of matches, their summed weights, and the rate per 1,000 tokens,
in the whole text and split by voice: the outlet's own words (``authorial``) vs words inside
*speech* quotations (``quoted``). Words inside scare quotes and mentions are the writer's own,
as in every scorer of the library (see :func:`speech_voice`). Negated
matches are counted like any other (as LIWC does) and also reported separately, so a user can
subtract them.

Rates
-----
``rate = 1000 * count / n_tokens`` (0 when the text has no token); the authorial and quoted rates
use the tokens of that voice as denominator. Higher means the category's vocabulary is denser.

Script
------
A lexicon written in the Latin script finds nothing meaningful in a text in another script, yet
its rates are numbers like any other (0, or matches of Latin-script names inside such a text). When
less than half of a text's letters are in the Latin script (:func:`latin_share`) while most of the
lexicon's are, the result's ``flags`` is ``non_latin_script``; the counts are kept.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from framing.matching import Match, Matcher

if TYPE_CHECKING:
    from framing.document import Document, Voice
    from framing.lexicon import Lexicon
    from framing.scorers.base import Context

__all__ = [
    "MIN_LATIN_SHARE",
    "CategoryCounts",
    "DictionaryResult",
    "DictionaryScorer",
    "VoiceCounts",
    "latin_share",
    "quoted_token_count",
    "speech_voice",
    "speech_voice_at",
]

#: The Latin script: Basic Latin, Latin-1 letters, Latin Extended-A and -B, IPA, phonetic
#: extensions, Latin Extended Additional, -C, -D and -E, the Latin ligatures and full-width forms.
_LATIN_RANGES: Final = (
    "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1d00-\u1dbf\u1e00-\u1eff"
    "\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
#: A letter of another script (a word character that is no digit, no underscore and not Latin).
_OTHER_LETTER: Final = re.compile(f"[^\\W\\d_{_LATIN_RANGES}]")
#: A letter of any script.
_LETTER: Final = re.compile(r"[^\W\d_]")
#: Below this share of Latin-script letters a text is flagged ``non_latin_script``.
MIN_LATIN_SHARE: Final = 0.5


def latin_share(text: str) -> float | None:
    """The share of the letters of ``text`` that are in the Latin script; ``None`` without letters.

    Examples
    --------
    >>> latin_share("Café au lait")
    1.0
    >>> latin_share("Prime Minister 李强 spoke.")
    0.9
    >>> latin_share("2024") is None
    True
    """
    # Letters of other scripts are few or none in most texts, so they are the ones counted.
    other = 0 if text.isascii() else len(_OTHER_LETTER.findall(text))
    if not other:
        return 1.0 if _LETTER.search(text) else None
    return 1.0 - other / len(_LETTER.findall(text))


def quoted_token_count(doc: Document) -> int:
    """Tokens inside the document's speech quotations (the denominator of quoted-voice rates).

    Scare quotes and mentions are the writer's own words, so their tokens are authorial.
    """
    spans = [(q.start, q.end) for q in doc.quotes if q.kind == "speech"]
    return sum(doc.count_tokens(spans)) if spans else 0


def speech_voice_at(doc: Document, offset: int) -> Voice:
    """The scorers' voice at ``offset``: ``"quoted"`` inside a speech quotation, else ``"authorial"``.

    Words inside scare quotes and mentions are the writer's own.
    """
    q = doc.quote_at(offset)
    return "quoted" if q is not None and q.kind == "speech" else "authorial"


def speech_voice(doc: Document, matches: Sequence[Match]) -> list[Match]:
    """``matches`` with the scorers' voice: ``quoted`` only inside a speech quotation.

    The document model marks every character inside any quotation as quoted
    (:meth:`~framing.Document.voice_at`); scorers report a source's voice, so a match inside a
    scare quote or a mention becomes ``authorial``.

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.lexicon import Category, Entry, Lexicon
    >>> from framing.matching import Matcher
    >>> from framing.scorers.dictionary import speech_voice
    >>> lex = Lexicon("d", "1", "CC0", "none", "d", (Category("c", "c", (Entry.parse("reform"),)),))
    >>> doc = Document.from_text('The word "reform" was dropped. "We want reform," Ruiz said.')
    >>> [m.voice for m in speech_voice(doc, Matcher(lex).find(doc))]
    ['authorial', 'quoted']
    """
    if all(q.kind == "speech" for q in doc.quotes):
        return list(matches)
    out = []
    for m in matches:
        if m.voice == "quoted" and speech_voice_at(doc, m.start) == "authorial":
            m = dataclasses.replace(m, voice="authorial")  # noqa: PLW2901 - the match with its scorer voice
        out.append(m)
    return out


def _rate(count: float, tokens: int) -> float:
    return 1000.0 * count / tokens if tokens else 0.0


@dataclass(frozen=True, slots=True)
class VoiceCounts:
    """Counts of one category in one voice.

    Attributes
    ----------
    count
        Number of matches.
    weighted
        Sum of the matches' weights.
    rate
        ``1000 * count / tokens of that voice``; 0 when that voice has no token. Range [0, 1000].
    """

    count: int
    weighted: float
    rate: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"count": self.count, "weighted": self.weighted, "rate": self.rate}


@dataclass(frozen=True, slots=True)
class CategoryCounts:
    """Counts of one category.

    Attributes
    ----------
    total, authorial, quoted
        :class:`VoiceCounts` for the whole text and for each voice; ``authorial.count +
        quoted.count == total.count``.
    negated
        How many of the matches are negated.
    """

    total: VoiceCounts
    authorial: VoiceCounts
    quoted: VoiceCounts
    negated: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            **self.total.to_dict(),
            "authorial": self.authorial.to_dict(),
            "quoted": self.quoted.to_dict(),
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class DictionaryResult:
    """What :class:`DictionaryScorer` found in one document.

    Attributes
    ----------
    lexicon
        Name of the lexicon.
    version
        Its version.
    n_tokens, n_tokens_authorial, n_tokens_quoted
        Token counts (the rate denominators).
    categories
        :class:`CategoryCounts` per category id, in lexicon order (zero counts included).
    evidence
        Every match, in text order.
    flags
        ``non_latin_script`` when less than half of the text's letters are in the Latin script and
        most of the lexicon's are (the counts are then not evidence of anything); else the empty string.
    """

    lexicon: str
    version: str
    n_tokens: int
    n_tokens_authorial: int
    n_tokens_quoted: int
    categories: dict[str, CategoryCounts]
    evidence: tuple[Match, ...]
    flags: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the ``dictionaries`` entries of the analysis contract)."""
        return {
            "lexicon": self.lexicon,
            "version": self.version,
            "n_tokens": self.n_tokens,
            "n_tokens_authorial": self.n_tokens_authorial,
            "n_tokens_quoted": self.n_tokens_quoted,
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "evidence": [
                {
                    "start": m.start,
                    "end": m.end,
                    "category": m.category,
                    "entry": m.entry,
                    "weight": m.weight,
                    "voice": m.voice,
                    "negated": m.negated,
                }
                for m in self.evidence
            ],
            "flags": self.flags,
        }


class DictionaryScorer:
    """Count a lexicon's categories in a document, by voice, with evidence.

    Parameters
    ----------
    lexicon
        Any :class:`~framing.lexicon.Lexicon` (bundled, TOML, LIWC ``.dic`` or CSV).

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.lexicon import Category, Entry, Lexicon
    >>> from framing.scorers.base import Context
    >>> lex = Lexicon("care", "1", "CC0", "none", "demo", (Category("harm", "Harm.", (Entry.parse("hurt*"),)),))
    >>> doc = Document.from_text('Two people were hurt. "It hurts," one said.')
    >>> res = DictionaryScorer(lex).score(doc, Context(negation=None))
    >>> c = res.categories["harm"]
    >>> c.total.count, c.authorial.count, c.quoted.count
    (2, 1, 1)
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(lexicon)
        share = latin_share(" ".join(e.term for c in lexicon.categories for e in c.entries))
        self._latin_lexicon = share is not None and share >= MIN_LATIN_SHARE

    @property
    def name(self) -> str:
        """``dictionary:<lexicon name>``."""
        return f"dictionary:{self.lexicon.name}"

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """The one lexicon."""
        return (self.lexicon,)

    def score(self, doc: Document, context: Context) -> DictionaryResult:
        """Count the lexicon's categories in ``doc``."""
        matches = speech_voice(doc, context.matches(self.matcher, doc))
        n = doc.n_tokens
        nq = quoted_token_count(doc) if doc.quotes else 0
        na = n - nq
        acc: dict[str, list[float]] = {c: [0, 0.0, 0, 0.0, 0] for c in self.lexicon.category_ids}
        for m in matches:
            a = acc[m.category]
            a[0] += 1
            a[1] += m.weight
            if m.voice == "quoted":
                a[2] += 1
                a[3] += m.weight
            if m.negated:
                a[4] += 1
        cats = {}
        for cid, (cnt, w, qc, qw, neg) in acc.items():
            ac, aw = int(cnt - qc), w - qw
            cats[cid] = CategoryCounts(
                VoiceCounts(int(cnt), w, _rate(cnt, n)),
                VoiceCounts(ac, aw, _rate(ac, na)),
                VoiceCounts(int(qc), qw, _rate(qc, nq)),
                int(neg),
            )
        flags = ""
        if self._latin_lexicon:
            share = latin_share(doc.text)
            if share is not None and share < MIN_LATIN_SHARE:
                flags = "non_latin_script"
        return DictionaryResult(self.lexicon.name, self.lexicon.version, n, na, nq, cats, tuple(matches), flags)
