"""Low-level text helpers shared by the document model (no public names)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import numpy as np

__all__ = ["TOKEN_RE", "lowercase", "normalise", "token_offsets"]

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

_TRANSLATED: Final = re.compile("[" + re.escape("".join(chr(k) for k in _TRANSLATE)) + "]")

# Characters removed by normalisation (they would split words); removing them moves offsets,
# so texts holding them take the slow path with an offset map.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


# Invisible characters and the combining-mark blocks; a match sends a text down the slow path,
# where unicodedata.combining decides character by character.
_SLOW_PATH: Final = re.compile(
    "[" + "".join(sorted(_INVISIBLE)) + "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def _needs_map(text: str) -> bool:
    if text.isascii():
        return False
    m = _SLOW_PATH.search(text)
    if m is None:
        return False
    return any(ch in _INVISIBLE or unicodedata.combining(ch) for ch in text[m.start() :])


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Normalise quotes, dashes, spaces and line ends, keeping a map to original offsets.

    Returns the normalised string and either ``None`` (the normalised string has the same length
    and every index means the same character) or a list ``m`` of length ``len(norm) + 1`` where
    ``m[i]`` is the original index of normalised character ``i`` and ``m[-1] == len(text)``.
    """
    text_for_norm = text.replace("\r\n", " \n") if "\r\n" in text else text
    if not _needs_map(text_for_norm):
        if text_for_norm.isascii() and "\r" not in text_for_norm:
            return text_for_norm, None
        if _TRANSLATED.search(text_for_norm) is None:
            return text_for_norm, None
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


_ASCII_WORD: Final = np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)], dtype=bool)
_APOSTROPHE: Final = ord("'")


def token_offsets(low: str) -> list[tuple[int, int]]:
    """Offsets of the tokens of :data:`TOKEN_RE` in ``low``, computed with numpy.

    Gives the same spans as ``[m.span() for m in TOKEN_RE.finditer(low)]`` in a fraction of the
    time: word characters are classified in bulk, an apostrophe between two word characters joins
    them, and token edges are where the classification changes.
    """
    if not low:
        return []
    codes = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if low.isascii():
        word = _ASCII_WORD[codes]
    else:
        word = np.zeros(len(codes), dtype=bool)
        small = codes < 128
        word[small] = _ASCII_WORD[codes[small]]
        big = np.flatnonzero(~small)
        if len(big):
            values = codes[big]
            kinds = np.unique(values)
            ok = np.array([chr(k).isalnum() for k in kinds.tolist()], dtype=bool)
            word[big] = ok[np.searchsorted(kinds, values)]
    if len(codes) > 2:
        ap = np.flatnonzero(codes[1:-1] == _APOSTROPHE) + 1
        if len(ap):
            word[ap[word[ap - 1] & word[ap + 1]]] = True
    edges = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1).tolist()
    ends = np.flatnonzero(edges == -1).tolist()
    return list(zip(starts, ends, strict=True))
