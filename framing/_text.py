"""Low-level text helpers shared by the document model (no public names).

Tokens
------
A token is either a *word*, a run of word characters with internal apostrophes kept (``don't``,
``Iraq's``) and with a period, comma or colon kept between two ASCII digits, so that a number is
one token (``2.5``, ``1,000,000``, ``10:30``, ``$1.2bn`` reads ``1.2bn``), or an *initialism*:
two or more single letters, each but the last followed by a period, with the last letter's
period when there is one (``U.S.``, ``F.B.I.``, ``D.C.``, ``a.m.``, ``U.S-led``). A possessive
after the final period joins it (``the F.B.I.'s director``). An initialism's first letter must
start a word and its last letter must end one: ``Jr.A.`` or ``U.S's`` are no initialisms, and
digits never are letters (``1.5``, ``B.1``).

The final period belongs to the token. It is part of the written abbreviation, and English never
doubles a period, so when the initialism ends a sentence (``troops left the U.S.``) one period
does both jobs: the token and the sentence end at the same offset, and a token never straddles a
sentence boundary (the splitter only cuts after a period that white space follows). Phrases also
read through it: the gap between ``U.S.`` and ``military`` is one space, as between ``US`` and
``military``.

A token's word form (:attr:`framing.document.Document.words`) is its text in lowercase, with one
exception that lets a lexicon write one entry for two spellings: an initialism written in capitals
loses its periods, so ``U.S.``, ``U.S`` and ``US`` all read ``us``, ``F.B.I.'s`` reads ``fbi's``.
Lowercase dotted abbreviations (``a.m.``, ``p.m.``, ``e.g.``, ``i.e.``, ``a.k.a.``, and ``E.g.``
at a sentence start) keep their periods: they are never written without them in edited text, and
without them they would be other words (``am``, ``pm``) or, split into letters as before, be read
as the article *a* and the pronoun *I*. See :func:`word_form`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import numpy as np

__all__ = [
    "INITIALISM_RE",
    "TOKEN_RE",
    "WORD_RE",
    "initialism_spans",
    "is_number",
    "lowercase",
    "normalise",
    "token_offsets",
    "tokenize",
    "word_form",
]

#: A word: a run of word characters, with internal apostrophes kept (don't, Iraq's) and a
#: period, comma or colon between two ASCII digits (2.5, 1,000, 10:30).
WORD_RE: Final = re.compile(r"\w+(?:(?:'|(?<=[0-9])[.,:](?=[0-9]))\w+)*")

#: An initialism (module docstring): single letters joined by periods, the final period and an
#: apostrophe ending after it included. The lookarounds make each letter a word of its own.
INITIALISM_RE: Final = re.compile(r"(?<!\w)(?<!\w')[^\W\d_](?:\.[^\W\d_])+(?!\w)(?!'\w)\.?(?:'\w+)*")

#: The reference tokenizer: an initialism where one starts, else a word. :func:`tokenize` and
#: :func:`token_offsets` give its tokens faster.
TOKEN_RE: Final = re.compile(INITIALISM_RE.pattern + "|" + WORD_RE.pattern)

# Every initialism holds a period, a letter and no word character after it; the search for this
# starts from a literal period and skips most texts (those without an initialism) at once.
_INITIALISM_HINT: Final = re.compile(r"\.[^\W\d_](?!\w)")

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


def initialism_spans(low: str) -> list[tuple[int, int]]:
    """Spans of the initialisms in ``low``, in order: the matches of :data:`INITIALISM_RE`.

    Only the places where an initialism's second letter could stand are tried, so a text without
    one costs a single scan for a period followed by a lone letter.
    """
    out: list[tuple[int, int]] = []
    reach = 0
    match = INITIALISM_RE.match
    for hint in _INITIALISM_HINT.finditer(low):
        start = hint.start() - 1
        if start < reach:
            continue
        m = match(low, start)
        if m is not None:
            out.append(m.span())
            reach = m.end()
    return out


def word_form(piece: str, low_piece: str) -> str:
    """The word form of one token: ``low_piece``, without periods when ``piece`` is an initialism in capitals.

    ``piece`` is the token's normalised text and ``low_piece`` the same in lowercase. Only the
    letters before an apostrophe decide (``F.B.I.'s`` reads ``fbi's``).

    Examples
    --------
    >>> [word_form(p, p.lower()) for p in ["U.S.", "F.B.I.'s", "a.m.", "E.g.", "Iraq's"]]
    ['us', "fbi's", 'a.m.', 'e.g.', "iraq's"]
    """
    if "." in piece and piece.partition("'")[0].isupper():
        return low_piece.replace(".", "")
    return low_piece


_ASCII_WORD: Final = np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)], dtype=bool)
_APOSTROPHE: Final = ord("'")
_NUMBER_JOIN: Final = re.compile(r"[0-9][.,:](?=[0-9])")  # the separator is the second character


def _word_edges(low: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the words (:data:`WORD_RE`) in ``low``, computed with numpy.

    Gives the same spans as ``[m.span() for m in WORD_RE.finditer(low)]`` in a fraction of the
    time: word characters are classified in bulk, an apostrophe between two word characters joins
    them, and token edges are where the classification changes.
    """
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
        # Both joins look at the characters as classified above, never at each other's results.
        ap = np.flatnonzero(codes[1:-1] == _APOSTROPHE) + 1
        if len(ap):
            word[ap[word[ap - 1] & word[ap + 1]]] = True
        # A separator between two digits: found by the regular expression, which skips a text
        # without one faster than array comparisons over every character.
        sep = [m.start() + 1 for m in _NUMBER_JOIN.finditer(low)]
        if sep:
            word[sep] = True
    # Padded with a non-word on each side, the classification changes at every token's start
    # and end, alternately: one comparison finds both (cheaper than a difference with prepend/append).
    padded = np.zeros(len(word) + 2, dtype=bool)
    padded[1:-1] = word
    changes = np.flatnonzero(padded[1:] != padded[:-1])
    return changes[0::2], changes[1::2]


def _merged(low: str, initialisms: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans of ``low``: its words, with the words inside each initialism replaced by the initialism.

    A word never crosses an initialism's edge (the lookarounds of :data:`INITIALISM_RE`), so the
    words an initialism replaces are those that start inside it.
    """
    starts, ends = _word_edges(low)
    words = list(zip(starts.tolist(), ends.tolist(), strict=True))
    cuts: list[int] = np.searchsorted(starts, [x for span in initialisms for x in span]).tolist()
    spans: list[tuple[int, int]] = []
    i = 0
    for k, span in enumerate(initialisms):
        spans.extend(words[i : cuts[2 * k]])
        spans.append(span)
        i = cuts[2 * k + 1]
    spans.extend(words[i:])
    return spans


def token_offsets(low: str) -> list[tuple[int, int]]:
    """Offsets of the tokens of :data:`TOKEN_RE` in ``low``, computed with numpy.

    Gives the same spans as ``[m.span() for m in TOKEN_RE.finditer(low)]`` in a fraction of the
    time: the words come from a bulk classification of characters, and the few initialisms found
    by :func:`initialism_spans` replace the letters they are made of.
    """
    if not low:
        return []
    initialisms = initialism_spans(low)
    if initialisms:
        return _merged(low, initialisms)
    starts, ends = _word_edges(low)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def is_number(word: str) -> bool:
    """Whether a word form is a number: digits, with periods, commas or colons between them.

    Examples
    --------
    >>> [is_number(w) for w in ("2024", "2.5", "1,000", "10:30", "1.2bn", "b52")]
    [True, True, True, True, False, False]
    """
    return word.replace(",", "").replace(".", "").replace(":", "").isdigit()


def tokenize(low: str, norm: str) -> list[str]:
    """The word forms of the tokens of ``low`` (see :func:`word_form`).

    ``norm`` is the same text before lowercasing (the same length); it tells initialisms in
    capitals from lowercase ones. The words between initialisms come from one regular-expression
    pass over each stretch, so a text costs one pass however many initialisms it holds.
    """
    return _word_forms(low, norm, initialism_spans(low))


def tokens(low: str, norm: str) -> tuple[list[tuple[int, int]], list[str]]:
    """:func:`token_offsets` and :func:`tokenize` of ``low`` at once: the offsets and the word forms.

    Without an initialism, the common case, the word forms are the text of the offsets: slicing
    them is cheaper than a second regular-expression pass over the text.
    """
    if not low:
        return [], []
    initialisms = initialism_spans(low)
    if initialisms:
        return _merged(low, initialisms), _word_forms(low, norm, initialisms)
    starts, ends = _word_edges(low)
    spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
    return spans, [low[s:e] for s, e in spans]


def _word_forms(low: str, norm: str, initialisms: list[tuple[int, int]]) -> list[str]:
    """:func:`tokenize`, given the spans of the initialisms of ``low``."""
    if not initialisms:
        return WORD_RE.findall(low)
    findall = WORD_RE.findall
    words: list[str] = []
    pos = 0
    for s, e in initialisms:
        words.extend(findall(low, pos, s))
        words.append(word_form(norm[s:e], low[s:e]))
        pos = e
    words.extend(findall(low, pos))
    return words
