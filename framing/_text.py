"""Low-level text helpers shared by the document model (no public names)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["TOKEN_RE", "is_word_char", "normalise"]

#: A token: a run of word characters, with internal apostrophes kept (don't, Iraq's).
TOKEN_RE: Final = re.compile(r"\w+(?:'\w+)*")

# One-to-one replacements: the normalised text keeps every offset of the original.
_TRANSLATE: Final = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u0085": "\n",
        "\r": "\n",
    }
)

# Characters removed by normalisation (they would split words); removing them moves offsets,
# so texts holding them take the slow path with an offset map.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def is_word_char(ch: str) -> bool:
    """Whether ``ch`` is a ``\\w`` character for Python's ``re`` (alphanumeric or ``_``)."""
    return ch.isalnum() or ch == "_"


def _needs_map(text: str) -> bool:
    if text.isascii():
        return False
    return any(ch in _INVISIBLE or unicodedata.combining(ch) for ch in text)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Normalise quotes, dashes, spaces and line ends, keeping a map to original offsets.

    Returns the normalised string and either ``None`` (the normalised string has the same length
    and every index means the same character) or a list ``m`` of length ``len(norm) + 1`` where
    ``m[i]`` is the original index of normalised character ``i`` and ``m[-1] == len(text)``.
    """
    if "\r\n" in text:
        text_for_norm = text.replace("\r\n", " \n")
    else:
        text_for_norm = text
    if not _needs_map(text_for_norm):
        return text_for_norm.translate(_TRANSLATE), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text_for_norm):
        if ch in _INVISIBLE:
            continue
        if unicodedata.combining(ch) and out:
            composed = unicodedata.normalize("NFC", out[-1] + ch)
            if len(composed) == 1:
                out[-1] = composed
            # A mark that does not compose is dropped from the normalised view; the offset map
            # still attributes it to the character before it.
            continue
        out.append(ch)
        index.append(i)
    index.append(len(text))
    return "".join(out).translate(_TRANSLATE), index


def lowercase(norm: str) -> str:
    """Lowercase without changing the length (characters whose lowercase is longer stay as they are)."""
    low = norm.lower()
    if len(low) == len(norm):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in norm)
