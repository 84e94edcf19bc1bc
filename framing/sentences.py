"""Rule-based sentence boundaries for English news text.

The splitter works on the normalised text (straight quotes, ASCII dashes) and returns spans that
cover every non-space character once, in order. Its decisions, in order of precedence:

1. Blank lines end paragraphs, and paragraphs end sentences.
2. A line break ends a sentence unless the next line starts with a lowercase letter or the line
   ends with ``, ; : ( -`` (so headlines, datelines on their own line and list items without a
   final period are sentences of their own).
3. ``.``, ``!`` or ``?`` (with any closing quotes or brackets after them) followed by white space
   ends a sentence when the next word does not start with a lowercase letter or a digit, except:
   after a *prepositive* abbreviation (Mr., Gen., Sen., Mt.) never; after one written before a
   number (No., pp., Fig.) only when no number (``#``, a Roman numeral, a number word) follows; after another abbreviation
   (Co., Jr., U.S., a.m., a single initial) only when the next word is a common sentence starter
   (The, He, It, How...). A three-dot ellipsis does not end a sentence; four dots do.
4. A question or exclamation closed by a quotation mark does not end the sentence when what
   follows is only its speaker tag: one to five capitalised words (or *The* and a role noun),
   then a verb of saying, then at most three words before a period or comma (``"Why now?" Sen.
   Ann Lee asked reporters.``, ``"Why?" The senator asked.``).
   The tag's verbs are given by the caller (the document passes its speech verbs).
   A sentence end with no space after it, where scraped paragraphs were joined (``the minister
   resigned.The government...``), ends a sentence too when a lowercase word of two or more
   letters (not an abbreviation, nor part of a domain, address or path) is followed by the
   punctuation, any closing marks and a capitalised word.
5. A line that starts with a list marker (``1.``, ``2)``, ``a.``, ``•``) is split before the next
   marker of the same kind and sequence.

The abbreviation and starter lists are the bundled ``abbreviations`` lexicon.

An initialism's final period belongs to its token (:mod:`framing._text`): when rule 3 ends a
sentence at that period (``troops left the U.S. The talks...``), the sentence ends where the token
does, so no token crosses a sentence boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

__all__ = ["SentenceRules", "split_sentences"]

_CAND: Final = re.compile(r"([.!?]+(?: \.)*[\"')\]]*)\s+(\S)")
_LINE_CUT: Final = re.compile(r"\n\s*(?=\S)")
_NONSPACE_RUN: Final = re.compile(r"\S(?:.*\S)?", re.DOTALL)
_LIST_START: Final = frozenset("-*\u2022\u2043\u00b7\u25aa\u25e6\u2023")
_LOOKBACK: Final = 64  # characters searched back for the word before a period (bounds the work per candidate)
_NEXT: Final = re.compile(r"\s+([^\s]+)")
_PARA: Final = re.compile(r"\n[ \t]*\n\s*")
_LINE_END_CONT: Final = frozenset(",;:(-&/")
_MULTI_ABBR: Final = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_OPENERS: Final = "\"'([{"
_BULLETS: Final = "\u2022\u2043\u00b7\u25aa\u25e6\u2023*"
_MARKER: Final = re.compile(r"([" + re.escape(_BULLETS) + r"]\s*)?(\d{1,3}|[a-zA-Z])(\.\)|\.|\))\s")
_LIST_LINE: Final = re.compile(r"^[ \t]*(?=[" + re.escape(_BULLETS) + r"]|\d{1,3}[.)]|[a-zA-Z](?:\.\)|[.)])\s)", re.MULTILINE)
_BULLET_ONLY: Final = re.compile(r"[" + re.escape(_BULLETS) + r"]\s")
_ELLIPSIS3: Final = frozenset({"...", ". . .", "\u2026"})
_ROMAN: Final = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Numbers written out after a number abbreviation (world No. One, Part Two).
_NUMBER_WORDS: Final = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth",
    }
)
# A speaker tag after a quoted question: capitalised words (titles with their periods), a verb,
# at most three more words, then a period or comma.
# The same after a role noun: "The senator asked."
_ROLE_TAG: Final = re.compile(r"(The[ \t]+[a-z]+[ \t]+)([a-z]+)(?:[ \t]+[\w'-]+){0,3}[.,]")
_TAG: Final = re.compile(r"((?:[^\W\d_a-z][\w'.-]*[ \t]+){1,5}?)([a-z]+)(?:[ \t]+[\w'-]+){0,3}[.,]")
# Rule 3b: a sentence end glued to the next sentence, as when a scraper joins paragraphs without
# a space ("the minister resigned.The government..."): a lowercase word of two or more letters
# (not inside a domain, an address or a path), its end punctuation and closing marks, then a
# capitalised word.
_GLUED: Final = re.compile(r"(?<![\w.@/'-])([a-z]{2,}+)([.!?]+[\"')\]]*)(?=[A-Z][a-z]*+(?![\w@/]|\.[a-z]))")
# A cheap test for a candidate of rule 3b: most texts have none, and skip the full search.
_GLUED_HINT: Final = re.compile(r"[.!?][\"')\]]*[A-Z][a-z]")  # from the rare punctuation, not every letter


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """Abbreviations and sentence starters used by :func:`split_sentences`.

    Attributes
    ----------
    prepositive
        Lowercase abbreviations (without their period) that always precede a name.
    other
        Lowercase abbreviations that may end a sentence.
    starters
        Lowercase words that commonly start a sentence.
    numeric
        Lowercase abbreviations written before a number (*No. 10*, *pp. 12*); a period after one
        ends a sentence unless a number follows.
    """

    prepositive: frozenset[str]
    other: frozenset[str]
    starters: frozenset[str]
    numeric: frozenset[str] = frozenset()

    @classmethod
    def default(cls) -> SentenceRules:
        """The rules from the bundled ``abbreviations`` lexicon."""
        return _default_rules()


@cache
def _default_rules() -> SentenceRules:
    from framing.lexicon import load_lexicon  # noqa: PLC0415 - avoids an import cycle

    lex = load_lexicon("abbreviations")
    return SentenceRules(lex.terms("prepositive"), lex.terms("other"), lex.terms("starters"), lex.terms("numeric"))


def _number_sign_or_roman(next_word: str, abbreviation: str) -> bool:
    """Whether the word after a number abbreviation is its number: ``#``, a Roman numeral or a number word.

    A word starting with a digit never reaches the test: no cut is made before it. A number word
    counts only after a capitalised abbreviation (*world No. One*; in *she said no. One reason...*
    a sentence starts), and a lone *I* after every abbreviation but *No.* (*Vol. I*; in *she said
    no. I...* it is the pronoun).
    """
    word = next_word.rstrip(".,;:)")
    if next_word[0] == "#":
        return True
    if word.lower() in _NUMBER_WORDS:
        return abbreviation[:1].isupper()
    if word == "I":
        return abbreviation.lower() not in {"no", "nos"}
    return _ROMAN.fullmatch(word) is not None


def _next_is_starter(next_word: str, rules: SentenceRules) -> bool:
    word = next_word.lstrip(_OPENERS).rstrip(".,;:!?\"')]").lower()
    return word in rules.starters


def _boundary_after(text: str, lo: int, start: int, punct: str, next_word: str, rules: SentenceRules) -> int:  # noqa: PLR0911 - one return per rule
    """Return the cut position for a candidate, or -1 when it is not a sentence end."""
    first = next_word[0]
    if first.islower() or first.isdigit():
        return -1
    dots = punct.replace(" ", "")
    if dots.startswith("."):
        core = punct.rstrip("\"')]")
        if core in _ELLIPSIS3:
            return -1
        if dots.startswith("...."):
            # "compounds. . . . The": the sentence ends at the first, attached period.
            if core.startswith(". .") and start > lo and not text[start - 1].isspace():
                return start + 1
            return 0
        if "." in core[1:] or core != ".":
            return 0
        ws = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), lo - 1)
        word = text[ws + 1 : start].lstrip(_OPENERS)
        if not word:
            return 0
        return _after_word(word, next_word, rules)
    return 0


def _after_word(word: str, next_word: str, rules: SentenceRules) -> int:
    """Rule 3 after a word and its single period: 0 to cut there, -1 for an abbreviation's period."""
    low = word.lower()
    if low in rules.prepositive:
        return -1
    if low in rules.numeric:
        return -1 if _number_sign_or_roman(next_word, word) else 0
    if low in rules.other or _MULTI_ABBR.match(word) or (len(word) == 1 and word.isalpha()):
        return 0 if _next_is_starter(next_word, rules) else -1
    return 0


def _list_cuts(text: str, lo: int, hi: int, cuts: set[int], blocked: set[int]) -> None:
    """Cuts before each later list marker of a line that starts with one; marks markers as no-cut."""
    m = _MARKER.match(text, lo)
    if m is None:
        b = _BULLET_ONLY.match(text, lo)
        if b is not None:
            pos = lo + 1
            while True:
                nxt = text.find(text[lo], pos, hi)
                if nxt < 0:
                    break
                if text[nxt - 1].isspace():
                    cuts.add(nxt)
                pos = nxt + 1
        return
    bullet, label, style = m.group(1), m.group(2), m.group(3)
    blocked.add(m.end() - 1)
    expected = _successor(label)
    pos = m.end()
    pattern = re.compile(
        r"\s(" + (re.escape(bullet.strip()) + r"\s*" if bullet else "") + r")(\d{1,3}|[a-zA-Z])" + re.escape(style) + r"\s",
    )
    while expected is not None:
        n = pattern.search(text, pos, hi + 1)
        if n is None:
            break
        if n.group(2) != expected:
            pos = n.end() - 1
            continue
        cuts.add(n.start(1))
        blocked.add(n.end() - 1)
        expected = _successor(n.group(2))
        pos = n.end() - 1


def _glued_cut(text: str, end: int) -> int:
    """Where a glued sentence end ``text[:end]`` is cut: before a straight double mark that opens the next sentence.

    ``over."The end," he added``: an even number of straight marks before the last one in its
    paragraph makes it an opening mark, which belongs to the next sentence.
    """
    if text[end - 1] != '"':
        return end
    para = max(text.rfind("\n\n", 0, end), 0)
    return end - 1 if text.count('"', para, end - 1) % 2 == 0 else end


def _successor(label: str) -> str | None:
    if label.isdigit():
        return str(int(label) + 1)
    if label in {"z", "Z"}:
        return None
    return chr(ord(label) + 1)


def _speaker_tag_follows(text: str, close: int, pos: int, tag_verbs: frozenset[str]) -> bool:
    """Whether the quotation closing at ``close`` opens its sentence and ``text[pos:]`` is its speaker tag.

    A tag is capitalised words, a verb of saying, a short end. A quotation introduced inside its
    sentence (``She asked, "Who pays?" Nobody answered.``) already has its speaker: no tag follows.
    """
    opening = text.rfind('"', max(0, close - _LOOKBACK * 8), close)
    if opening < 0:
        return False
    j = opening - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] not in ".!?\n\"')":
        return False
    for pattern in (_TAG, _ROLE_TAG):
        m = pattern.match(text, pos)
        if m is None or m.group(2).lower() not in tag_verbs:
            continue
        words = m.group(1).split()
        if pattern is _ROLE_TAG or all(w[0].isupper() for w in words):
            return True
    return False


def split_sentences(text: str, rules: SentenceRules | None = None, *, tag_verbs: frozenset[str] = frozenset()) -> list[tuple[int, int]]:  # noqa: C901, PLR0912, PLR0915 - the rules above, in one pass
    """Split normalised text into sentence spans ``(start, end)``, end exclusive.

    Spans are trimmed of white space, in order, do not overlap, and together cover every non-space
    character of ``text``. ``tag_verbs`` (lowercase verbs of saying) keeps a quoted question or
    exclamation together with a speaker tag that follows it (rule 4 of the module docstring).

    Examples
    --------
    >>> t = 'Maj. Gen. Yahya Rasool said it was "a violation." The U.S. denied it.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Maj. Gen. Yahya Rasool said it was "a violation."', 'The U.S. denied it.']
    """
    rules = rules or _default_rules()
    n = len(text)
    cuts: list[int] = [p.start() for p in _PARA.finditer(text)]
    blocked: set[int] = set()
    # Lines that start with a list marker or a bullet.
    for m in _LIST_LINE.finditer(text):
        line_end = text.find("\n", m.end())
        extra: set[int] = set()
        _list_cuts(text, m.end(), n if line_end < 0 else line_end, extra, blocked)
        cuts.extend(extra)
    # Single line breaks after a line without a continuation mark, before a non-lowercase start.
    for m in _LINE_CUT.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        next_char = text[m.end()]
        starts_item = next_char in _LIST_START and text[m.end() + 1 : m.end() + 2] == " "
        if j >= 0 and ((text[j] not in _LINE_END_CONT and not next_char.islower()) or starts_item):
            cuts.append(m.start())
    # Punctuation.
    prepositive = rules.prepositive
    other = rules.other
    numeric = rules.numeric
    for m in _CAND.finditer(text):
        punct, first = m.group(1), m.group(2)
        if first.islower() or first.isdigit():
            continue
        end = m.end(1)
        if end in blocked:
            continue
        start = m.start()
        if punct[0] != "." or punct == ".":
            if punct == ".":
                # The common case: a period after a word. Find the word.
                back = max(0, start - _LOOKBACK)
                ws = max(text.rfind(" ", back, start), text.rfind("\n", back, start), back - 1)
                word = text[ws + 1 : start].lstrip(_OPENERS)
                if word:
                    low = word.lower()
                    if low in prepositive:
                        continue
                    if low in numeric:
                        nxt = _NEXT.match(text, end)
                        if nxt is not None and _number_sign_or_roman(nxt.group(1), word):
                            continue
                    elif low in other or (len(word) == 1 and word.isalpha()) or _MULTI_ABBR.match(word):
                        nxt = _NEXT.match(text, end)
                        if nxt is None or not _next_is_starter(nxt.group(1), rules):
                            continue
                cuts.append(end)
                continue
            if punct[0] != ".":
                if tag_verbs and punct[-1] == '"' and _speaker_tag_follows(text, end - 1, m.start(2), tag_verbs):
                    continue
                cuts.append(end)
                continue
        nxt = _NEXT.match(text, end)
        if nxt is None:
            continue
        back = max(0, start - _LOOKBACK)
        line_lo = text.rfind("\n", back, start) + 1 or back
        cut = _boundary_after(text, line_lo, start, punct, nxt.group(1), rules)
        if cut == 0:
            cuts.append(end)
        elif cut > 0:
            cuts.append(cut)
    for m in _GLUED.finditer(text) if _GLUED_HINT.search(text) else ():
        low = m.group(1)
        if low not in prepositive and low not in other and m.end(2) not in blocked:
            cuts.append(_glued_cut(text, m.end(2)))
    del other
    spans: list[tuple[int, int]] = []
    prev_cut = 0
    for cut in [*sorted(set(cuts)), n]:
        seg = _NONSPACE_RUN.search(text, prev_cut, cut)  # the first run only
        if seg is not None:
            spans.append(seg.span())
        prev_cut = cut
    return spans
