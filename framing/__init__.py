"""framing: media-bias and framing analysis of news text, with evidence as character spans.

The public API lives here; every name is documented in the API reference.
"""

from framing.analysis import Analysis, Analyzer, Failure, LexiconRef, Record, analyze, framing_version, resolve_jobs
from framing.document import Document, DocumentOptions, Span, Token
from framing.errors import FramingError, InputError, LexiconError
from framing.lexicon import Category, Entry, Lexicon, load_lexicon, read_csv, read_dic, read_toml
from framing.matching import Match, Matcher, Negation
from framing.quotes import Quote
from framing.scorers.attribution import AttributionResult, AttributionScorer
from framing.scorers.frames import FrameResult, FrameScorer
from framing.scorers.loaded import LoadedResult, LoadedScorer
from framing.sentences import SentenceRules, split_sentences

__version__ = framing_version()

__all__ = [
    "Analysis",
    "Analyzer",
    "AttributionResult",
    "AttributionScorer",
    "Category",
    "Document",
    "DocumentOptions",
    "Entry",
    "Failure",
    "FrameResult",
    "FrameScorer",
    "FramingError",
    "InputError",
    "Lexicon",
    "LexiconError",
    "LexiconRef",
    "LoadedResult",
    "LoadedScorer",
    "Match",
    "Matcher",
    "Negation",
    "Quote",
    "Record",
    "SentenceRules",
    "Span",
    "Token",
    "__version__",
    "analyze",
    "load_lexicon",
    "read_csv",
    "read_dic",
    "read_toml",
    "resolve_jobs",
    "split_sentences",
]
