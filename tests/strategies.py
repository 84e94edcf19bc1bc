"""Hypothesis strategies shared by the test suite (one place, as the style guide asks)."""

from __future__ import annotations

from hypothesis import strategies as st

#: Pieces news text is made of, including the characters that trouble tokenizers and splitters.
NEWS_PIECES = [
    "The",
    "minister",
    "said",
    "Mr.",
    "Gen.",
    "U.S.",
    "a.m.",
    "don't",
    "Iraq's",
    "students'",
    "'90s",
    "so-called",
    "open war",
    "regime",
    "not",
    "no evidence of",
    "blatant",
    "reportedly",
    "claimed",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    ".",
    ",",
    "?",
    "!",
    "—",
    "-",
    ":",
    ";",
    "(",
    ")",
    "...",
    "…",
    "\n",
    "\n\n",
    " ",
    "\u00a0",
    "\u200b",
    "e\u0301",
    "\r\n",
    "1.",
    "2)",
    "•",
    "WASHINGTON —",
    "İ",
    "ß",
    "ﬁ",
    "日本",
    "😀",
    "\t",
]

#: Text built from news-like pieces: stresses quotes, abbreviations and odd characters.
news_text = st.lists(st.sampled_from(NEWS_PIECES), max_size=60).map(" ".join) | st.lists(st.sampled_from(NEWS_PIECES), max_size=60).map(
    "".join
)

#: Any Unicode text, surrogates excluded (a file or JSON output cannot hold them).
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)

#: Python strings that are not valid Unicode text: lone surrogates among news pieces.
surrogate_text = st.lists(st.sampled_from([*NEWS_PIECES, "\ud800", "\udfff", "\udc80x"]), max_size=30).map(" ".join)

#: Either of the above.
texts = news_text | any_text

#: A lexicon term: one to three lowercase words, optionally a wildcard on a single word.
words = st.from_regex(r"[a-z]{2,8}", fullmatch=True)
terms = st.one_of(
    st.lists(words, min_size=1, max_size=3).map(" ".join),
    words.map(lambda w: w + "*"),
)
