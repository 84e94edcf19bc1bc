"""The interfaces every scorer implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from framing.document import Document
    from framing.lexicon import Lexicon
    from framing.matching import Match, Matcher, Negation

__all__ = ["Context", "Scorer", "ScorerResult"]


@runtime_checkable
class ScorerResult(Protocol):
    """What a scorer returns: a frozen record that serialises itself.

    Implementers must return only JSON types from :meth:`to_dict` (no NaN: use ``None``), with
    every offset indexing the analysed text, and must give the same dict for the same input.
    """

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the result."""
        ...


@runtime_checkable
class Scorer(Protocol):
    """A scorer: a pure function of (document, lexicons, parameters).

    Implementers keep no state between documents. ``name`` is the key of the result in the
    analysis; ``lexicons`` are reported (name, version and digest) with every result.
    """

    @property
    def name(self) -> str:
        """The key of this scorer's result in :class:`~framing.analysis.Analysis`."""
        ...

    @property
    def lexicons(self) -> Sequence[Lexicon]:
        """The lexicons this scorer reads."""
        ...

    def score(self, doc: Document, context: Context) -> ScorerResult:
        """Score one document."""
        ...


@dataclass(slots=True)
class Context:
    """Per-document state shared by the scorers of one analysis (never shared across documents).

    Attributes
    ----------
    negation
        The analyzer's negation rules.
    title
        The document's title or headline, read as a document of its own, when one was given.
    results
        Results of the scorers that already ran, by name (attribution runs before loaded language).
    """

    negation: Negation | None
    title: Document | None = None
    results: dict[str, ScorerResult] = field(default_factory=dict)
    _matches: dict[int, list[Match]] = field(default_factory=dict)

    def matches(self, matcher: Matcher, doc: Document) -> list[Match]:
        """Matches of ``matcher`` in ``doc``, computed once per document and matcher."""
        key = id(matcher)
        found = self._matches.get(key)
        if found is None:
            found = matcher.find(doc, negation=self.negation)
            self._matches[key] = found
        return found
