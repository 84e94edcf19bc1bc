"""Scorers: each reads a :class:`~framing.document.Document` and returns a frozen result."""

from framing.scorers.attribution import (
    Attribution,
    AttributionResult,
    AttributionScorer,
    Balance,
    CueRef,
    SideVoice,
    SourceRef,
    SourceVoice,
)
from framing.scorers.base import Context, Scorer, ScorerResult
from framing.scorers.dictionary import CategoryCounts, DictionaryResult, DictionaryScorer, VoiceCounts
from framing.scorers.frames import FrameEvidence, FrameResult, FrameScorer, SentenceFrames
from framing.scorers.loaded import CategoryDensity, LoadedResult, LoadedScorer, LoadedSpan, SentenceScore, TitleScore, VoiceScore
from framing.scorers.readability import ReadabilityResult, ReadabilityScorer

__all__ = [
    "Attribution",
    "AttributionResult",
    "AttributionScorer",
    "Balance",
    "CategoryCounts",
    "CategoryDensity",
    "Context",
    "CueRef",
    "DictionaryResult",
    "DictionaryScorer",
    "FrameEvidence",
    "FrameResult",
    "FrameScorer",
    "LoadedResult",
    "LoadedScorer",
    "LoadedSpan",
    "ReadabilityResult",
    "ReadabilityScorer",
    "Scorer",
    "ScorerResult",
    "SentenceFrames",
    "SentenceScore",
    "SideVoice",
    "SourceRef",
    "SourceVoice",
    "TitleScore",
    "VoiceCounts",
    "VoiceScore",
]
