"""Compiled lexicon matching over a :class:`~framing.document.Document`.

A :class:`Matcher` is built once per lexicon and shared (it pickles, and is safe to use from
several threads). Matching rules:

* Entries match token sequences of the document (tokens are runs of word characters with
  internal apostrophes). Consecutive tokens of a phrase may be separated only by white space or
  hyphens, so ``"so-called"`` matches *so-called* and *so called*, never *so. Called*.
* A possessive matches its base word: ``"iraq"`` matches *Iraq's*, ``"students"`` *students'*.
* ``prefix*`` matches every token starting with the prefix (``abus*``: abuse, abusive).
* Within a category the leftmost-longest match wins, so *violation of international law* is one
  match, not also *international law*; matches of different categories may overlap and all are
  reported.
* Negation: a match is ``negated`` when a negator ends at most ``window`` tokens before it, in
  the same clause (no ``. ! ? ; : ,`` or parenthesis between them), with no scope breaker
  (*but*, *however*...) in between and only scope-transparent words (articles, quantifiers,
  degree adverbs, forms of *be*...) in between, so a verb or preposition closes the scope.
  Inside a noun phrase that a determiner opens after the negator, up to two ordinary
  premodifiers may stand before the match (*not a political ploy*); the window counts again
  after each *or* of a negated disjunction, and a *nor* that adds an object to a negated verb
  negates nothing. *rather than* and *instead of* negate the alternative they set aside but not
  its premodifiers, the writer's description of it; an adverb after the noun, a determiner
  after a stacked match, the noun after a hyphenated *no-* and a capitalised *No* inside a
  sentence (a name: *the No campaign*) are out of a negator's reach (see :class:`Negation`).
  The negators, breakers and transparent words are the bundled ``negation`` lexicon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import compress
from typing import TYPE_CHECKING, Any, Final

from framing.lexicon import Entry, Lexicon, load_lexicon

if TYPE_CHECKING:
    from framing.document import Document, Voice

__all__ = ["Match", "Matcher", "Negation"]

_GAP_OK: Final = re.compile(r"[\s\-\u2010-\u2015\u200b-\u200d\u2060\u00ad]*")
_APOSTROPHES: Final = frozenset("'\u2019")
_CLAUSE_BREAK: Final = re.compile(r"[.!?;:,()\[\]\"\u201c\u201d]")
_CACHE_LIMIT: Final = 500_000


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon match in a document.

    Attributes
    ----------
    start, end
        Offsets into the original text: ``text[start:end]`` is the matched evidence.
    category
        The category id.
    entry
        The lexicon term that matched, as written in the lexicon.
    weight
        The entry's weight.
    negated
        Whether a negator governs the match (see :class:`Negation`).
    voice
        ``"authorial"`` or ``"quoted"``: whether the match lies inside a quotation.
    token_start, token_end
        Token indices of the match (end exclusive).
    """

    start: int
    end: int
    category: str
    entry: str
    weight: float
    negated: bool
    voice: Voice
    token_start: int
    token_end: int


# The slot setters of Match's fields, in field order. A frozen dataclass's ``__init__`` sets each
# field through ``object.__setattr__`` by name, about 1.6 us per match; ``Matcher.find``, which
# builds one match per hit, sets the slots directly (about 0.6 us), giving the same frozen object.
_MATCH_SLOTS: Final = {f.name: getattr(Match, f.name).__set__ for f in fields(Match)}
# Building matches without __init__ is only right while Match has no validation of its own.
assert not hasattr(Match, "__post_init__"), "Matcher.find builds Match objects without __init__"

_Hit = tuple[int, Entry]
# What a word type leads to: single-token hits; the offsets (above 0) back from it to where a
# phrase anchored on it would start; and, when phrases anchored on their first word start at
# it, the trie nodes a walk from it takes (the word's own, then its possessive base's).
_Found = tuple[tuple[_Hit, ...], tuple[int, ...], tuple["_Node", ...]]


class _Node:
    """A trie node over tokens: entries ending here, exact children, and wildcard prefixes."""

    __slots__ = ("children", "ends", "prefixes")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[int, Entry]] = []
        self.prefixes: list[tuple[str, int, Entry]] = []


# Very frequent English words. A phrase is looked up by another of its words when it has one;
# this only decides how fast a phrase is found, never whether it matches.
_FREQUENT_WORDS: Final = (
    "a about after all also an and any are as at be been before being but by can could did do does for "
    "from had has have he her him his how i if in into is it its just last may me more most much my "
    "new no not now of on one only or other our out over said says she so some such than that the their "
    "them then there these they this those to two under up us was we were what when where which while "
    "who will with would year years you your"
)
_FREQUENT: Final = frozenset(_FREQUENT_WORDS.split())


def _anchor_index(entry: Entry) -> int:
    """The token a multiword entry is looked up by: its longest exact token that is not a frequent word.

    Rare tokens occur seldom in text, so a phrase such as *in the interest of* is tried only
    where *interest* occurs, not at every *in*.
    """
    last = len(entry.tokens) - 1 if entry.wildcard else len(entry.tokens)
    toks = entry.tokens
    return min(range(max(last, 1)), key=lambda k: (toks[k] in _FREQUENT, -len(toks[k]), k))


class Matcher:
    """A lexicon compiled for fast matching.

    Parameters
    ----------
    lexicon
        The lexicon to match.

    Examples
    --------
    >>> from framing.document import Document
    >>> from framing.lexicon import Category, Entry, Lexicon
    >>> lex = Lexicon("demo", "1", "CC0", "none", "demo", (
    ...     Category("conflict", "Clashes.", (Entry.parse("clash*"), Entry.parse("war of words"))),))
    >>> doc = Document.from_text("A war of words, then clashes. It was not a clash.")
    >>> [(doc.text[m.start:m.end], m.negated) for m in Matcher(lex).find(doc, negation=Negation.default())]
    [('war of words', False), ('clashes', False), ('clash', True)]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._categories = lexicon.category_ids
        self._root = _Node()  # multiword entries, case-insensitive
        self._cased_root = _Node()  # case-sensitive entries
        singles: dict[str, list[_Hit]] = {}
        anchors: dict[str, set[int]] = {}
        first_prefixes: dict[str, list[_Hit]] = {}
        # Exceptions are compiled like entries; leftmost-longest then lets them win, and drops them.
        # Keyed by category and entry object: one Entry may be an exception of one category and an
        # entry of another.
        self._exceptions = frozenset((ci, id(e)) for ci, cat in enumerate(lexicon.categories) for e in cat.exceptions)
        for ci, cat in enumerate(lexicon.categories):
            for e in (*cat.entries, *cat.exceptions):
                if not e.case_sensitive and len(e.tokens) == 1:
                    (first_prefixes if e.wildcard else singles).setdefault(e.tokens[0], []).append((ci, e))
                    continue
                node = self._cased_root if e.case_sensitive else self._root
                for tok in e.tokens[:-1] if e.wildcard else e.tokens:
                    node = node.children.setdefault(tok, _Node())
                if e.wildcard:
                    node.prefixes.append((e.tokens[-1], ci, e))
                else:
                    node.ends.append((ci, e))
                if not e.case_sensitive:
                    k = _anchor_index(e)
                    anchors.setdefault(e.tokens[k], set()).add(k)
                    if k in (0, len(e.tokens) - 1):
                        # A possessive first or last word matches its base (Iraq's, minister's).
                        anchors.setdefault(e.tokens[k] + "'s", set()).add(k)
        self._singles = singles
        self._anchors = {w: tuple(sorted(ks)) for w, ks in anchors.items()}
        self._first_prefixes = first_prefixes
        self._prefix_lengths = sorted({len(p) for p in first_prefixes})
        self._cased_lower = frozenset(k.lower() for k in self._cased_root.children)
        self._cased_depth = max(
            (len(e.tokens) for c in lexicon.categories for e in (*c.entries, *c.exceptions) if e.case_sensitive), default=1
        )
        # Memo of word types already looked up, and what those that start an entry lead to. Only
        # ever grows (up to a bound); results never depend on it.
        self._memo: tuple[set[str], dict[str, _Found]] = (set(), {})
        # Without wildcard prefixes the words that lead anywhere are finitely many (the single
        # entries, their possessives, the anchors): all are looked up here, and matching needs
        # neither the memo nor the document's word types.
        self._complete: dict[str, _Found] | None = None
        if not first_prefixes:
            leading = {*singles, *(w + "'s" for w in singles), *self._anchors}
            self._complete = {w: hit for w in leading if (hit := self._look_up(w)) is not None}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the lexicon only; the index is rebuilt on load."""
        return {"lexicon": self.lexicon}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild from the lexicon."""
        self.__init__(state["lexicon"])  # type: ignore[misc]

    def __repr__(self) -> str:
        """Name and version of the compiled lexicon."""
        return f"Matcher({self.lexicon.name!r} {self.lexicon.version})"

    def _look_up(self, word: str) -> _Found | None:
        """What ``word`` leads to: single-token hits (its own, its possessive base's, wildcards) and anchors."""
        hits: list[_Hit] = list(self._singles.get(word, ()))
        base = _possessive_base(word)
        if base is not None:
            hits.extend(self._singles.get(base, ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            hit = self._first_prefixes.get(word[:n])
            if hit:
                hits.extend(hit)
        back = self._anchors.get(word, ())
        if not hits and not back:
            return None
        starts: tuple[_Node, ...] = ()
        if back and back[0] == 0:
            root = self._root.children
            found = (root.get(word), root.get(base) if base is not None else None)
            starts = tuple(node for node in found if node is not None)
            if starts:  # (always: the word or its base starts the phrases anchored on it)
                back = back[1:]
        return (tuple(hits), back, starts)

    def _known(self, types: frozenset[str]) -> dict[str, _Found]:
        """The memo of word types that start an entry, updated with the new types of a document.

        The memo is one ``(known types, found)`` pair, read once and replaced whole when it
        outgrows its bound, so a thread that resets it never empties the memo another thread is
        reading: each call works on, and returns, the pair it read.
        """
        known, found = self._memo
        unknown: frozenset[str] | set[str] = types - known
        if unknown:
            if len(known) > _CACHE_LIMIT:
                known, found = set(), {}
                self._memo = (known, found)
                unknown = types
            look_up = self._look_up
            for w in unknown:
                hit = look_up(w)
                if hit is not None:
                    found[w] = hit
            # Types are marked known only after their entries are in place.
            known |= unknown
        return found

    def find(self, doc: Document, *, negation: Negation | None = None) -> list[Match]:
        """All matches in ``doc``, in text order (then by category order).

        Parameters
        ----------
        doc
            The document.
        negation
            Negation rules; ``None`` marks no match as negated.
        """
        raw = self.find_raw(doc)
        if not raw:
            return []
        spans = doc.token_spans()
        negated_at = negation.negated_starts(doc, [r[0] for r in raw]) if negation is not None else None
        out: list[Match] = []
        cats = self._categories
        quotes = doc.quotes
        nq = len(quotes)
        q = 0
        new = object.__new__
        slots = _MATCH_SLOTS
        set_start, set_end, set_cat, set_entry = slots["start"], slots["end"], slots["category"], slots["entry"]
        set_weight, set_neg, set_voice = slots["weight"], slots["negated"], slots["voice"]
        set_ts, set_te = slots["token_start"], slots["token_end"]
        for s, e, ci, entry in raw:
            start = spans[s][0]
            # Matches come in text order and quotations never overlap: one pointer walks both.
            while q < nq and quotes[q].end <= start:
                q += 1
            voice: Voice = "quoted" if q < nq and quotes[q].start <= start else "authorial"
            m = new(Match)
            set_start(m, start)
            set_end(m, spans[e - 1][1])
            set_cat(m, cats[ci])
            set_entry(m, entry.term)
            set_weight(m, entry.weight)
            set_neg(m, negated_at is not None and s in negated_at)
            set_voice(m, voice)
            set_ts(m, s)
            set_te(m, e)
            out.append(m)
        return out

    def find_raw(self, doc: Document) -> list[tuple[int, int, int, Entry]]:  # noqa: C901, PLR0912 - lookups, phrase check, case-sensitive pass, gap filter, exceptions
        """Token-level matches ``(token_start, token_end, category_index, entry)`` before offsets.

        Leftmost-longest within each category; sorted by start, then category.
        """
        words = doc.words
        hits: list[tuple[int, int, int, Entry]] = []
        if self._singles or self._anchors or self._first_prefixes:
            found = self._complete if self._complete is not None else self._known(doc.word_types)
            n = len(words)
            walked: set[int] = set()
            root = self._root.children
            for i in compress(range(n), map(found.__contains__, words)):
                single, back, starts = found[words[i]]
                for ci, e in single:
                    hits.append((i, i + 1, ci, e))
                if starts:
                    # Phrases anchored on their first word start here: the walk from i that the
                    # loop below would take for the offset 0, with the nodes looked up once per
                    # word type (no earlier offset can have walked from i yet).
                    walked.add(i)
                    if i + 1 < n:
                        after = words[i + 1]
                        for start in starts:
                            if start.prefixes or after in start.children or "'" in after:
                                _walk(start, words, i, hits, possessive=True, skip_first_ends=False)
                for k in back:
                    s = i - k
                    if s < 0 or s in walked:
                        continue
                    # Each phrase is tried from its start once, where its anchor word occurs.
                    walked.add(s)
                    if s + 1 >= n:
                        continue
                    first = words[s]
                    after = words[s + 1]
                    # the word itself and, for a possessive, its base: both may start entries
                    node = root.get(first)
                    if node is not None and (node.prefixes or after in node.children or "'" in after):
                        _walk(node, words, s, hits, possessive=True, skip_first_ends=False)
                    if first.endswith("'s") and len(first) > 2:
                        node = root.get(first[:-2])
                        if node is not None and (node.prefixes or after in node.children or "'" in after):
                            _walk(node, words, s, hits, possessive=True, skip_first_ends=False)
        if self._cased_root.children:
            self._find_cased(doc, hits)
        if not hits:
            return []
        if any(e - s > 1 for s, e, _c, _en in hits):
            # Phrases whose tokens are separated by more than spaces and hyphens are dropped
            # before leftmost-longest, so that a shorter valid match survives a rejected longer one.
            spans = doc.token_spans()
            text = doc.text
            words = doc.words
            hits = [h for h in hits if h[1] - h[0] == 1 or all(_gap_ok(text, words, spans, k) for k in range(h[0], h[1] - 1))]
        if not self._exceptions:
            return _leftmost_longest(hits)
        exceptions = self._exceptions
        return [h for h in _leftmost_longest(hits, exceptions) if (h[2], id(h[3])) not in exceptions]

    def _find_cased(self, doc: Document, hits: list[tuple[int, int, int, Entry]]) -> None:
        """Case-sensitive entries: compare the original-case text of candidate tokens."""
        words = doc.words
        children = self._cased_root.children
        lowered = self._cased_lower
        cand = list(compress(range(len(words)), map(lowered.__contains__, words)))
        if not cand:
            return
        spans = doc.token_spans()
        norm = doc.norm if doc.offsets_are_normalised else None
        n = len(words)
        for i in cand:
            window = spans[i : min(n, i + self._cased_depth)]
            cased = [norm[a:b] for a, b in window] if norm is not None else [doc.text[a:b] for a, b in window]
            # A capital initialism reads without its periods (U.N. as UN), as its word form does.
            cased = [c.replace(".", "") if "." in c and "." not in words[i + k] else c for k, c in enumerate(cased)]
            node = children.get(cased[0])
            if node is not None:
                _walk(node, cased, 0, hits, possessive=False, skip_first_ends=False, offset=i)


def _gap_ok(text: str, words: Sequence[str], spans: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` may stand in one phrase: only spaces and hyphens between them.

    The apostrophe of a plural possessive may come first (*tenants' union*, *victims' families*).
    """
    a, b = spans[k][1], spans[k + 1][0]
    if a < b and text[a] in _APOSTROPHES and words[k].endswith("s"):
        a += 1
    return _GAP_OK.fullmatch(text, a, b) is not None


def _walk(  # noqa: C901 - the trie walk, inlined for speed
    node: _Node,
    words: Sequence[str],
    i: int,
    hits: list[tuple[int, int, int, Entry]],
    *,
    possessive: bool,
    skip_first_ends: bool,
    offset: int = 0,
) -> None:
    """Follow the trie from ``node`` (which matched ``words[i]``), recording every entry that ends.

    Recorded token indices are shifted by ``offset`` (used when ``words`` is a window of the text).
    """
    n = len(words)
    j = i + 1
    first = skip_first_ends
    while True:
        if not first:
            for ci, e in node.ends:
                hits.append((i + offset, j + offset, ci, e))
        first = False
        if j >= n:
            return
        w = words[j]
        for prefix, ci, e in node.prefixes:
            if w.startswith(prefix):
                hits.append((i + offset, j + 1 + offset, ci, e))
        if possessive and "'" in w:
            base = _possessive_base(w)
            at_base = node.children.get(base) if base is not None else None
            if at_base is not None:
                # A possessive ends a phrase: "the prime minister's" matches "prime minister".
                for ci, e in at_base.ends:
                    hits.append((i + offset, j + 1 + offset, ci, e))
        nxt = node.children.get(w)
        if nxt is None:
            return
        node = nxt
        j += 1


def _possessive_base(word: str) -> str | None:
    if word.endswith("'s") and len(word) > 2:
        return word[:-2]
    return None


def _leftmost_longest(
    hits: list[tuple[int, int, int, Entry]], exceptions: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[int, int, int, Entry]]:
    """Per category, the leftmost match, then the longest; on a tie an exception first, then the term."""
    if exceptions:
        hits.sort(key=lambda h: (h[2], h[0], h[0] - h[1], (h[2], id(h[3])) not in exceptions, h[3].term))
    else:
        hits.sort(key=lambda h: (h[2], h[0], h[0] - h[1], h[3].term))
    kept: list[tuple[int, int, int, Entry]] = []
    cat = -1
    reach = -1
    for h in hits:
        if h[2] != cat:
            cat = h[2]
            reach = -1
        if h[0] >= reach:
            kept.append(h)
            reach = h[1]
    kept.sort(key=lambda h: (h[0], h[2], h[1]))
    return kept


@dataclass(frozen=True, slots=True)
class Negation:
    """Negation rules: which matches a negator governs.

    A match is negated when the nearest negation cue before it ends at most ``window`` tokens
    before it, in the same clause (no punctuation mark between them), with no scope breaker in
    between, and, when ``transparent`` is given, with a *transparent path* from the cue to the
    match: every word between them must be

    * a scope-transparent word or phrase (an article, a quantifier, a degree adverb, a form of
      *be*...: *not a disaster*, *not very brutal*, *is not an outright lie*, *no real evidence
      of fraud*), or
    * the first word of another match of the same lexicon, provided a word before it (after the
      cue) is transparent: a stacked premodifier inside the negated phrase (*not some deluded
      fanatic* negates both words), or
    * a word directly followed by *or*, and that *or*: the first disjunct under the same
      negator (*without fear or panic*); likewise a match of the same lexicon directly followed
      by *and*, a conjoined evaluation (*not rude and insulting* negates both words), or
    * an ordinary premodifier inside a noun phrase that a determiner opens on the path (*not a
      political ploy*, *isn't a cheap political ploy*, *not the government's ploy*): at most
      two words after the determiner (one after the cue *no* alone, whose noun phrase is often a
      subject: *no party wants a brutal war*), each a letter word or a possessive that is not a
      function word (preposition, conjunction, pronoun, wh-word, auxiliary or modal), not a
      transparent word and not a word that contrasts the noun with others of its kind (*first*,
      *only*, *other*, *worst*), and from the second on not a word in *-ed* or *-s*, most often a
      verb after a noun (*no government condemned*). Once a premodifier is read, only further
      premodifiers and stacked hits may follow, and the match must be the noun, not an emphatic
      *whatsoever* after it (*no pressure whatsoever* stays unnegated) nor a transparent word. Without a part-of-speech
      tagger this is an approximation: the determiner and the short run of content words stand
      for a noun phrase.

    Any other word (a lexical verb, a noun before the determiner, a preposition) closes the
    scope, because the negator then denies that word and not the evaluation after it: in *did
    not condemn the brutal attack*, *cannot be swayed by angry letters* or *never stopped the
    savage campaign* the action is denied and *brutal*, *angry*, *savage* stay asserted. The test
    is positional, with closed word lists rather than a tagger, so it errs towards leaving a
    match unnegated.

    The window counts again after each *or* of a negated disjunction (*not a ploy or a
    disaster* negates both), and *either ... or* negates nothing. *Neither ... nor* negates both
    conjuncts (*neither a ploy nor a disaster*), except that a noun phrase that *nor* adds to
    the object of a verb an earlier cue of the sentence negated is that verb's object, not
    negated (*neither condemned the attack nor the massacre*, *did not condemn the attack, nor
    the massacre*). Verbs of denial (*denied*, *rejected*) are no negators in the bundled
    lexicon (since its 1.4.0): the writer reports someone's denial, and the words after it are
    the writer's own.

    The contrastive substitutes *rather than* and *instead of* (``CONTRASTIVE``) set an
    alternative aside as a whole: *they chose talks rather than a brutal crackdown* denies that
    a crackdown was chosen, not that it would have been brutal; *brutal* is the writer's own
    description of the path not taken, as much as in *they feared a brutal crackdown*. So the
    head of the alternative is negated as after *not* (*rather than a crackdown*, *rather than
    a brutal crackdown*, *calm rather than brutal.*), but a match followed directly (after a
    space) by a content word that could continue its noun phrase (not a word in *-ly* of five
    letters or more, bar a few nouns such as *family*, nor a particle such as *away*: *rather
    than intervene directly*, *instead of withering away* negate the verb), a premodifier, is
    that description and stays unnegated (*brutal* in *rather than a brutal crackdown* and in
    *rather than brutal repression*; the words hyphenated to the match's first word count as
    that word: *rather than evidence-based.*). After a form of *be* (*rather than being a
    brutal regime*, *rather than be cruel*) the alternative is a predicate that the cue
    denies with its description, as after *not*, and premodifiers are negated too.

    A negator reaches no further than the noun phrase it opens:

    * after premodifiers the match must be the noun, and an adverb (a word of at least seven
      letters with an adverb suffix such as *-ally*, *-ously*, *-ively*) is none: in *not a good
      time culturally* the adverb after the noun modifies the clause. A post-nominal adjective
      with its complement stays negated (*no evidence obvious to anyone*, *not a regime brutal
      to its own people*): it restricts the negated noun, so the text asserts it of nothing;
    * after a stacked match, a determiner opens a new noun phrase and ends the scope (*rather
      than be malicious the fake domain*, a sentence run on without its comma);
    * *no* joined to the next word by a hyphen makes a compound modifier (*no-jury courts*,
      *no-fly zone*) and negates only the word it is joined to;
    * *No* with a capital inside a sentence, after a word with nothing but spaces between them,
      is a name, not a negator (*the official No campaign*, *from No campaigners*): a negator
      is capitalised only where its sentence, a quotation or a headline opens.

    Attributes
    ----------
    negators
        Matcher for negation cues (*not*, *no*, *never*, *don't*, *no evidence of*...).
    breakers
        Lowercase words that end a negator's scope (*but*, *however*...).
    lexicon
        The lexicon the rules come from (reported with results), when there is one.
    window
        The most tokens that may stand between the end of a negator and the start of the match
        (``3``: *not a total disaster* is negated, *not that anyone expected the disaster* is not),
        counted again after each *or* of a disjunction.
    pseudo
        Matcher for pseudo-negators: phrases that begin with a negator but do not negate what
        follows (*not only*, *no doubt*, *no matter*, *nothing less than*). A negation cue inside
        one of their matches is no cue.
    transparent
        The scope-transparent words and phrases, each as its lowercase tokens (``("a",)``,
        ``("evidence", "of")``); ``None`` lets any word that is not a breaker stand in between
        (the scope rule of releases before the negation lexicon 1.2.0; the premodifier and *nor*
        rules above apply only with transparent words).
    """

    negators: Matcher
    breakers: frozenset[str]
    window: int = 3
    lexicon: Lexicon | None = None
    pseudo: Matcher | None = None
    transparent: frozenset[tuple[str, ...]] | None = None

    # The contrastive substitutes, as their lowercase tokens: they deny an alternative as a
    # whole, not the words it is described with (see the class docstring).
    CONTRASTIVE = frozenset({("rather", "than"), ("instead", "of")})
    # Suffixes of adverbs, which cannot head a negated noun phrase ("not a good time culturally"),
    # and the shortest word read as such an adverb ("ally", "rally" are nouns).
    _ADVERB_SUFFIXES = ("ally", "ously", "ively", "ently", "antly", "ably", "ibly", "fully", "lessly", "edly", "ingly", "ately")
    _ADVERB_MIN_LENGTH = 7
    # After a match, a word in -ly of at least _LY_MIN_LENGTH letters (an adverb, or an adjective)
    # is no noun, except these frequent nouns; nor is a particle or an adverb without -ly.
    _LY_MIN_LENGTH = 5
    _LY_NOUN_WORDS = (
        "family assembly supply monopoly anomaly rally ally belly bully folly holly jelly lily homily reply "
        "butterfly dragonfly elderly italy july melancholy tally gully underbelly panoply oligopoly duopoly"
    )
    _LY_NOUNS = frozenset(_LY_NOUN_WORDS.split())
    _PARTICLE_WORDS = "away back apart aside ahead forward forwards home together again anyway instead too"
    _PARTICLES = frozenset(_PARTICLE_WORDS.split())
    _COPULA = frozenset({"be", "been", "being", "is", "are", "was", "were", "am"})
    # Determiners that open a noun phrase (and the negator "no", which is one): after them, up to
    # two ordinary words may stand before a negated noun ("not a political ploy").
    _NP_OPENER_WORDS = "a an the this that these those any some such another every each no his her its their our my your"
    _NP_OPENERS = frozenset(_NP_OPENER_WORDS.split())
    _MAX_PREMODIFIERS = 2
    # The most disjuncts a negator's scope runs through ("not a ploy, or a smear or a lie" has three).
    _MAX_DISJUNCTS = 4
    # Words that cannot be an ordinary premodifier inside a negated noun phrase: prepositions,
    # conjunctions, pronouns, wh-words, auxiliaries and modals (a clause or a new phrase starts),
    # and words that contrast the noun with others of its kind, so that the negation leaves the
    # evaluation asserted ("not the first brutal attack", "not the only corrupt official").
    _NOT_PREMODIFIER_WORDS = (
        "of in on at by for with from to into onto upon about above across after against along among around "
        "before behind below beneath beside between beyond despite during inside near off out outside over "
        "past since through throughout toward towards under until unlike up via within without "
        "and or but nor so yet if because than whether unless "
        "i me you he him she we us they them myself himself herself itself ourselves themselves yourself "
        "anyone anybody anything everyone everybody everything someone somebody something nobody nothing none "
        "who whom whose which what when where why how "
        "do does did have has had having will would shall should can could may might must "
        "not never there here then now also just only merely simply mere sole solely "
        "first second third last next same other former previous latest final main "
        "best worst biggest largest greatest"
    )
    _NOT_PREMODIFIERS = frozenset(_NOT_PREMODIFIER_WORDS.split())
    _EMPHATIC_POSTMODIFIERS = frozenset({"whatsoever", "whatever"})

    @classmethod
    def default(cls, window: int = 3) -> Negation:
        """The bundled ``negation`` lexicon's negators, pseudo-negators, scope breakers and transparent words."""
        lex = load_lexicon("negation")

        def part(category: str) -> Matcher:
            cat = (lex.category(category),)
            return Matcher(Lexicon(lex.name, lex.version, lex.license, lex.citation, lex.description, cat, lex.language))

        transparent = frozenset(e.tokens for e in lex.category("scope_transparent").entries)
        return cls(part("negators"), lex.terms("scope_breakers"), window, lex, part("pseudo_negators"), transparent)

    def _cues(self, doc: Document) -> list[int]:
        """The last token of every negation cue in ``doc``, sorted (a capitalised *No* inside a sentence names, see :meth:`_names`)."""
        cues = self.negators.find_raw(doc)
        if cues and self.pseudo is not None:
            covered = {k for s, e, _c, _en in self.pseudo.find_raw(doc) for k in range(s, e)}
            if covered:
                cues = [c for c in cues if c[0] not in covered]
        if cues:
            cues = [c for c in cues if not self._names(doc, c[0])]
        return sorted({e - 1 for _s, e, _c, _en in cues})

    @staticmethod
    def _names(doc: Document, k: int) -> bool:
        """Whether token ``k`` is a capitalised *No* inside its sentence: a name, not a negator.

        *the official No campaign*, *from No campaigners*, *the Vote No campaign*: the word
        follows another word of its sentence with nothing but spaces or tabs between them. A
        negator is capitalised only where a sentence, a quotation, a line or a headline opens,
        and there punctuation or a line break stands before it. In a headline in title case
        (*Report Finds No Evidence*) every word is capitalised: a *No* whose neighbours both
        open with a capital stays a negator.
        """
        located = doc.token_spans()
        a, b = located[k]
        text = doc.text
        if k == 0 or text[a:b] != "No":
            return False
        before = located[k - 1][1]
        gap = text[before:a]
        if not gap or gap.strip(" \t") or doc.sentence_index(before - 1) != doc.sentence_index(a):
            return False
        after = located[k + 1][0] if k + 1 < len(located) else a
        return not (text[located[k - 1][0]].isupper() and text[after].isupper())

    def _open_path(  # noqa: C901, PLR0912 - one walk over the words, each branch a documented case
        self, between: list[str], first: int, starts: set[int], longest: int, cue_opens: bool, head: str, contrastive: str | None = None
    ) -> bool:
        """Whether ``between`` (the words from token ``first`` up to a match) leaves a negator's scope open.

        ``longest`` is the number of words of the longest transparent phrase; ``cue_opens`` says
        whether the cue itself is a determiner (*no*); ``head`` is the first word of the match.
        ``contrastive`` is ``None`` unless the cue is a contrastive substitute (*rather than*):
        then it is the word after the match's first word (and the words hyphenated to it), or
        ``""`` when punctuation follows; a content word there makes the match a premodifier, the
        writer's description of the alternative, not negated, unless a form of *be* on the path
        makes the alternative a predicate.
        """
        table = self.transparent
        if table is None:
            return True
        seen_transparent = False
        stacked = False  # a stacked match has been read: a determiner after it opens a new noun phrase
        predicate = contrastive is None  # whether the cue denies a description (not a contrastive substitute before be)
        premodifiers = 0
        # How many premodifiers the noun phrase may have: two after a determiner, one after the
        # cue "no" alone, whose noun phrase is often a subject ("no party wants a brutal war").
        allowed = 1 if cue_opens else 0
        i, n = 0, len(between)
        while i < n:
            # Transparent words run on until the first premodifier: after it, only further
            # premodifiers and stacked hits belong to the negated noun phrase.
            size = 0
            if not premodifiers:
                for size in range(min(longest, n - i), 0, -1):
                    if tuple(between[i : i + size]) in table:
                        break
                else:
                    size = 0
            if size:
                if stacked and between[i] in self._NP_OPENERS:
                    return False  # "rather than be malicious the fake domain": a new noun phrase
                i += size
                seen_transparent = True
                predicate = predicate or between[i - 1] in self._COPULA
                if between[i - 1] in self._NP_OPENERS:
                    allowed = self._MAX_PREMODIFIERS
                continue
            after = between[i + 1] if i + 1 < n else ""
            if after == "or" or (after == "and" and first + i in starts):
                i += 2
            elif seen_transparent and first + i in starts:
                stacked = True
                i += 1
            elif premodifiers < allowed and self._premodifier(between[i], premodifiers):
                premodifiers += 1
                i += 1
            else:
                return False
        if (
            not predicate
            and contrastive
            and self._premodifier(contrastive, 0)
            and contrastive not in self._PARTICLES
            and not (len(contrastive) >= self._LY_MIN_LENGTH and contrastive.endswith("ly") and contrastive not in self._LY_NOUNS)
        ):
            return False  # "rather than brutal repression": the writer's description of the alternative
        # After premodifiers the match must be the noun: not an emphatic word that follows the
        # noun and reinforces the negation ("no pressure whatsoever"), nor a transparent word
        # such as a degree or focus adverb, which cannot head the noun phrase ("no way even"),
        # nor an adverb after the noun ("not a good time culturally").
        return not premodifiers or (head not in self._EMPHATIC_POSTMODIFIERS and (head,) not in table and not self._adverb(head))

    def _adverb(self, word: str) -> bool:
        """Whether ``word`` has an adverb suffix (*-ally*, *-ously*, *-ively*...) and at least ``_ADVERB_MIN_LENGTH`` letters."""
        return len(word) >= self._ADVERB_MIN_LENGTH and word.endswith(self._ADVERB_SUFFIXES)

    @staticmethod
    def _word_after(doc: Document, k: int) -> str:
        """The word after token ``k`` and the words hyphenated to it (*evidence-based*); ``""`` when punctuation follows."""
        words = doc.words
        located = doc.token_spans()
        text = doc.text
        j = k + 1
        while j < len(words):
            gap = text[located[j - 1][1] : located[j][0]]
            if gap != "-":
                return words[j] if gap and not gap.strip() else ""
            j += 1
        return ""

    def _premodifier(self, word: str, index: int) -> bool:
        """Whether ``word``, the ``index``-th word after a determiner, may be an ordinary premodifier of its noun.

        A content word (a letter word or a possessive) that is not a function word, a
        transparent word, a scope breaker, or a word that contrasts the noun with others of its
        kind (*first*, *only*, *other*, *worst*); from the second word on, not a word in *-ed* or
        *-s*, which after a noun is most often a verb (*not a government that condemned*, *no
        party wants*).
        """
        if not word.removesuffix("'s").isalpha() or word in self._NOT_PREMODIFIERS or word in self.breakers:
            return False
        if self.transparent is not None and (word,) in self.transparent:
            return False
        return index == 0 or not (word.endswith(("ed", "s")) and not word.endswith(("ss", "'s")))

    def _breaks(self, between: list[str], phrases: Sequence[str]) -> bool:
        """Whether a scope breaker, one word (*but*) or several (*on the other hand*), lies in ``between``.

        ``phrases`` are the breakers of several words, each with a space on either side.
        """
        if any(w in self.breakers for w in between):
            return True
        if len(between) < 2 or not phrases:
            return False
        joined = f" {' '.join(between)} "
        return any(p in joined for p in phrases)

    def _within_reach(self, between: list[str]) -> bool:
        """Whether the words between a cue and a match are within ``window``, counted again after each *or*.

        A negated disjunction denies every disjunct (*not a ploy or a disaster*), so the window
        starts again after each *or* (of at most ``_MAX_DISJUNCTS`` disjuncts): every stretch
        between the cue, the *or* words and the match must be within the window.
        """
        if len(between) <= self.window:
            return True
        stretch = 0
        disjuncts = 1
        for w in between:
            if w == "or":
                stretch = 0
                disjuncts += 1
            else:
                stretch += 1
                if stretch > self.window:
                    return False
        return disjuncts <= self._MAX_DISJUNCTS

    def _gapped_object(self, doc: Document, ends: list[int], k: int) -> bool:
        """Whether the *nor* that ends cue ``k`` adds a noun phrase to the object of a verb an earlier cue negated.

        In *neither condemned the attack nor the massacre* (or *did not condemn the attack,
        nor the massacre*) the verb is denied and its second object is not, as with *did not
        condemn the massacre*: the earlier cue of the sentence is followed by a word that is
        neither transparent nor a determiner (a verb), then by a determiner, and *nor* by a
        determiner. In *neither a ploy nor a disaster* both conjuncts are noun phrases and
        *nor* negates its own.
        """
        words = doc.words
        nor = ends[k]
        table = self.transparent
        if table is None or k == 0 or nor + 1 >= len(words) or words[nor + 1] not in self._NP_OPENERS:
            return False
        earlier = ends[k - 1]
        located = doc.token_spans()
        if doc.sentence_index(located[earlier][0]) != doc.sentence_index(located[nor][0]):
            return False
        conjunct = words[earlier + 1 : nor]
        if not conjunct or conjunct[0] in self._NP_OPENERS or (conjunct[0],) in table:
            return False
        return any(w in self._NP_OPENERS for w in conjunct[1:])

    def _reach(self, ends: list[int]) -> frozenset[int]:
        """The token indices ``s`` with a cue end ``e`` such that ``s - reach <= e < s`` (see :meth:`negated_starts`)."""
        span = self._MAX_DISJUNCTS * (self.window + 1)
        return frozenset(s for e in ends for s in range(e + 1, e + span + 1))

    def negated_starts(self, doc: Document, starts: Sequence[int]) -> set[int]:
        """The token indices among ``starts`` that a negator governs (see the class docstring)."""
        # The cues depend on the pseudo-negators as well as the negators: both make the key.
        ends = doc.memo(("negation cues", self.negators, self.pseudo), lambda: self._cues(doc))
        if not ends:
            return set()
        # The tokens that some cue ends within reach of (the test on ``ends[k]`` below), once per
        # document: most matches have no cue near them and are passed over without a search.
        reach = doc.memo(("negation reach", self.negators, self.pseudo, self.window), lambda: self._reach(ends))
        match_starts = set(starts)
        near = match_starts & reach
        if not near:
            return set()
        words = doc.words
        located = doc.token_spans()
        text = doc.text
        out: set[int] = set()
        # Read off the tables once per call, not once per match (a long text has many matches),
        # and only when a match has a cue within reach.
        longest = 0
        phrases: list[str] = []
        for s in near:
            # The nearest cue that ends before the match, at most ``window`` tokens before it, or
            # on each side of the "or" words of a disjunction (a cue that ends inside the match,
            # as in a phrase that starts with "no", is no cue for it).
            k = bisect.bisect_left(ends, s) - 1
            if k >= 0 and ends[k] >= s - self._MAX_DISJUNCTS * (self.window + 1):
                last = ends[k]
                if not longest:
                    longest = max(map(len, self.transparent), default=1) if self.transparent is not None else 1
                    phrases = [f" {b} " for b in self.breakers if " " in b]
                between = words[last + 1 : s]
                contrastive = self._word_after(doc, s) if last > 0 and (words[last - 1], words[last]) in self.CONTRASTIVE else None
                # Clause breaks are looked for between tokens only: the periods of an initialism
                # inside the span ("no U.S. troops") break nothing. A sentence that ends with an
                # initialism ends inside its token, so the sentence index is checked too.
                if (
                    self._within_reach(between)
                    and not self._breaks(between, phrases)
                    and self._open_path(between, last + 1, match_starts, longest, words[last] == "no", words[s], contrastive)
                    and not any(_CLAUSE_BREAK.search(text, located[j][1], located[j + 1][0]) for j in range(last, s))
                    and doc.sentence_index(located[last][0]) == doc.sentence_index(located[s][0])
                    and not (words[last] == "nor" and self._gapped_object(doc, ends, k))
                    and not (s > last + 1 and words[last] == "no" and text[located[last][1] : located[last + 1][0]] == "-")
                ):
                    out.add(s)
        return out
