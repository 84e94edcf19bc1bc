"""Quotations and voice: which characters are the outlet's own words and which are quoted.

Rules (each has a test):

* Double quotes, straight or curly (and guillemets), pair within a paragraph. Curly marks say
  which way they face, unless their position contradicts it (an opening mark glued to a word or
  punctuation and followed by white space closes); a straight mark opens after white space or an
  opening bracket and closes after a non-space character. Two backticks or two apostrophes used
  as one double mark (````...''``, ``''...''``, as in some wire and archive text) are one mark;
  two apostrophes between letters (*rock''n''roll*) are not.
* A quotation still open at the end of a paragraph continues into the next paragraph when that
  paragraph starts with an opening mark (the newspaper convention for long quotations);
  otherwise it ends with its paragraph, so an unclosed mark never swallows the rest of a text.
* Single quotes count as quotation marks only when an opening mark (after white space or an
  opening bracket, before a letter) finds a closing one later in the same paragraph.
  Apostrophes (don't, Iraq's, '90s, the students' union) are not quotes.
* Single quotes inside a double quotation are part of it: quotations never overlap.
* A quotation right after a naming verb (*dubbed*, *nicknamed*, *titled*, *entitled*, *known
  as*), or right after a noun naming a piece of language or a work, such as *the word*, *the
  term*, *the slogan*, *the hashtag*, *the book* or *a film called* (:data:`MENTION_NOUNS`;
  linking words such as *called* or *such as*, but not a bare *as*, may stand between them,
  punctuation may not), is a *mention*: the writer cites a word or title without using it or
  reporting anyone's speech (*critics dislike the word "genocide"*, *the slogan "Take back
  control"*). The quotation is the object of the noun, so the noun wins over a speech verb
  elsewhere in the sentence (*she said the word "genocide" was wrong*); a speech verb right
  before the quotation leaves no noun there (*the statement said "..."* is speech). Four
  exceptions are no mentions and follow the rules below: *word* or *words* owned by a possessive (*her words "..."*, *the
  minister's own words*, *whose words*), which names what someone said; a quotation that opens
  with a lowercase auxiliary or modal and goes on without ending as a question, the predicate
  of the noun (*the book "has sold out everywhere"*); a noun phrase that is the object of
  a verb of calling or making (*call*, *make*, *brand*, *label*, *term*, *deem*, *declare*)
  within the few words before it, whose quotation is the complement, what the thing is called
  (*called the new title "misleading"*, so *called the word "x" offensive* is missed too); and
  a noun used as a verb (after *to*, a modal, a subject pronoun or a negation: *refused to sign
  "..."*).
* The further items of a list that a mention opens, joined to it in its sentence by nothing but
  a comma, *and*, *or* or *nor*, are mentions too (*the words "amnesty", "invasion" and
  "flood"*), except an item of more than six words with a speech verb within
  ``speech_window`` tokens: a list holds words and titles, and a clause-length quotation next
  to a speech verb is someone's words.
* A double or single mark glued to an equals sign opens the value of a markup attribute left in
  scraped text (``class="twitter-tweet"``, ``lang="en"``, ``href="..."``); it and the next mark
  are no quotation marks.
* *called* or *named* right before a quotation, after a noun, names it too (*a group called
  "Hope"*): a mention. An exclamation (a quotation whose words end with ``!`` inside its marks)
  is no name: it is what was called out (*Fans called "Shame!"*), speech, unless a mention noun
  stands before *called* (*a musical called "Oklahoma!"* cites a title). A name that itself
  ends with ``!`` after *called* and an ordinary noun (*a firm called "Yahoo!"*) is therefore read
  as speech; such names are rarer in news text than shouted words.
* An exclamation is never a scare quote either: a writer distances themselves from a term, not
  from a cry, so a short quotation ending with ``!`` is speech (*Protesters roared "Out!"*).
* Any other quotation of one or two words with no speech verb within ``speech_window`` tokens in
  its sentence is a *scare* quote, unless a verb of labelling (*call*, *brand*, *label*, *term*,
  *describe*; not *so-called*) governs it in its clause, its object between them: *Kell called
  the plan "a disaster"* and
  *which brands them "extremists"* quote the subject's label, so they are speech. So does a
  passive of a verb of labelling, with its agent (*were called "thugs" by the mayor*) or without
  one (*The strikers were called "thugs"*, *have been widely termed "reckless"*): the clause
  reports that someone applied the label, so the word is that unnamed someone's, reported
  speech with no speaker, not the writer's own distance from it (a scare quote) nor a word cited
  as such (a mention). (The attribution scorer gives it no source when the participle is one of
  its speech cues, *were branded "traitors"*; for *were called "thugs"* it finds no cue and the
  quotation takes the speaker of an earlier one, a limit of that scorer.) The present simple
  passive of *call* right before the quotation, with no agent after it, states what a thing is
  called, its name or term, and the quotation is a mention (*It is called "podcasting"*, *the
  union's new party is called "Forward"*, *it's called "doomscrolling"*); with an adverb (*are
  often called "thugs"*), an agent (*are called "thugs" by the mayor*) or in another tense (*has
  been called "urban"*) it reports a labelling. Every other quotation is *speech*.
* A quotation cited by the words after it, *as* or a verb of choosing (*named*, *chosen*,
  *voted*) and a mention noun within three words (*chose "climate emergency" as the word of the
  year*, *"Vape" was named word of the year*), is a mention.
* A quotation of two to six words, all capitalised but for the small words of a title (*of*,
  *the*, *and*), that no verb of saying or labelling governs is a name or a title, a mention
  (*his "Alternative Budget"*, *the "Blue Wave" narrative*, *a role in "Fosse/Verdon"*), when
  its sentence has a lowercase word elsewhere (capitals tell nothing in a headline in title
  case) and no distancing label (*so-called*, *self-styled*...) stands before it. A single
  capitalised word stays a scare quote: nationalities and religions are capitalised too.
* Three shapes make a short quotation speech although no verb of saying is within
  ``speech_window`` tokens: a quotation that is a sentence of its own (*She was blunt.
  "Disgraceful."*); one in a sentence that ends with an attribution clause after a comma
  (*..., the report said.*, *..., said Microsoft.*, *..., according to the port.*) or in a
  clause that a verb of saying or thinking opens with *that* (*said New Line feared that it
  would make the film "unviable"*, *felt that the "masterpiece" ...*); and one in a
  headline-like line (a paragraph of one line, at most 20 words, with no final period and more
  text after it), where quotation marks attribute words to a source the text names (*Ebbers
  'aware' of fraud*).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from framing._text import WORD_RE

__all__ = ["MENTION_NOUNS", "Quote", "find_quotes"]

QuoteKind = Literal["speech", "scare", "mention"]

#: Nouns after which a quotation cites a piece of language or the title of a work (a closed
#: class, lowercase; plural forms included where they occur in news text).
_MENTION_NOUN_WORDS: Final = (
    "word words term terms phrase phrases expression expressions label labels slogan slogans motto "
    "catchphrase buzzword buzzwords euphemism euphemisms acronym nickname moniker hashtag hashtags "
    "headline headlines title titles banner banners placard placards sign signs "
    "book novel memoir film movie documentary song album opera musical poem podcast episode "
    "exhibition painting"
)
MENTION_NOUNS: Final = frozenset(_MENTION_NOUN_WORDS.split())
# Words that may stand between a mention noun and the quotation: "a film called ...", "a sign
# reading ...", "words such as ...".
_MENTION_LINK_WORDS: Final = "called named titled entitled dubbed reading such as like"
_MENTION_LINKS: Final = frozenset(_MENTION_LINK_WORDS.split())
# Words before a mention noun that make it a verb: the infinitive marker, modals, subject
# pronouns and negation ("to sign", "will film", "they label", "didn't title").
_VERB_CONTEXT_WORDS: Final = "to will would can could shall should may might must i we you they he she not never"
_VERB_CONTEXT: Final = frozenset(_VERB_CONTEXT_WORDS.split())
# Verbs whose object takes a complement, a name or a judgement ("called the song "a triumph"",
# "made the slogan "law""), and how many words before a quotation are searched for them.
_COMPLEMENT_VERB_WORDS: Final = (
    "call calls called calling make makes made making brand brands branded branding label labels labelled "
    "labeled labelling labeling term termed deem deems deemed declare declares declared declaring"
)
_COMPLEMENT_VERBS: Final = frozenset(_COMPLEMENT_VERB_WORDS.split())
_COMPLEMENT_REACH: Final = 5
_COMPLEMENT_CHARS: Final = 80
_DETERMINER_WORDS: Final = "the a an this that these those his her its their our my your whose"
_DETERMINERS: Final = frozenset(_DETERMINER_WORDS.split())
_CLAUSE_END: Final = re.compile(r"[.!?;:,()\[\]]")
# Naming verbs that make what follows them a name or a title even without a noun before them:
# "a plan dubbed ...", "a report entitled ...", "a militia known as ...".
_NAMING_WORDS: Final = "dubbed nicknamed titled entitled"
_NAMING: Final = frozenset(_NAMING_WORDS.split())
# "called" and "named" right before a quotation name it after a noun ("a group called "Hope"",
# "the operation, named "Dawn""); after a pronoun or "so-" they do not.
_NAME_PARTICIPLES: Final = frozenset({"called", "named"})
_NOT_NAMERS: Final = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "so"})
_NOT_NAMING_CONTEXT: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "what", "which", "whom"})
# Verbs of labelling: a short quotation they govern is the label their subject uses ("Kell
# called the plan "a disaster"", "which brands them "extremists""), so it is that subject's
# word, not the writer's scare quote.
_LABELLING_WORDS: Final = (
    "call calls called calling brand brands branded branding label labels labelled labeled labelling labeling "
    "term terms termed terming describe describes described describing"
)
_LABELLING: Final = frozenset(_LABELLING_WORDS.split())
# The auxiliaries of a passive ("were called", "got branded"), and the most adverbs that may stand
# between one and its participle ("have been widely termed").
_PASSIVE_AUXILIARIES: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "getting"})
_PASSIVE_ADVERBS: Final = 1
_PASSIVE_ADVERB_WORDS: Final = frozenset({"often", "also", "sometimes", "still", "even", "now", "once", "always", "since"})
# The present of "be" (and its contractions), whose passive "is called" states a name, and how
# many words after the quotation are searched for the "by" of an agent.
_PRESENT_BE: Final = frozenset({"is", "are", "it's", "that's", "what's", "he's", "she's", "they're", "we're", "you're"})
_AGENT_REACH: Final = 3
# Words that open the object of a verb of labelling ("called the plan", "branded them", "calls
# every critic"); a determiner, a capitalised name or a number does too.
_OBJECT_OPENER_WORDS: Final = (
    "him her them it us me you all every each some both any such many most several "
    "himself herself themselves itself ourselves yourselves myself"
)
_OBJECT_OPENERS: Final = frozenset(_OBJECT_OPENER_WORDS.split()) | _DETERMINERS
# Auxiliaries and modals (lowercase, as they open a partial quotation that continues a sentence).
_AUXILIARY_WORDS: Final = "is are was were has have had will would can could shall should may might must do does did"
_AUXILIARIES: Final = frozenset(_AUXILIARY_WORDS.split())
# Mention nouns that name what a person said when a possessive owns them ("his words", "the
# minister's own words", "whose words"), and the possessives that do so.
_UTTERANCE_NOUNS: Final = frozenset({"word", "words"})
_POSSESSIVE_WORDS: Final = "my your his her its our their whose own"
_POSSESSIVES: Final = frozenset(_POSSESSIVE_WORDS.split())

# Verbs of thinking: with *that* after them they report a thought, like a verb of saying a
# statement ("Critics felt that the "masterpiece" ..."); only the complementiser makes them count.
# Forms that are as often nouns are left out: *fear(s)*, *hope(s)* (*the fear that the
# "reforms" would fail*, *hopes that the "deal" would survive*), so a noun's that-clause
# reports nobody.
_THINKING_WORDS: Final = (
    "think thinks thought believe believes believed feel feels felt feared hoped "
    "suspect suspects suspected reckon reckons reckoned"
)
_THINKING: Final = frozenset(_THINKING_WORDS.split())
_THAT_REACH: Final = 4  # most words between a verb of saying or thinking and its "that"
_NO_END: Final = 1 << 62  # sorts after every span starting at the same offset
# A line ending in one of these is a sentence, not a headline.
_SENTENCE_END_MARKS: Final = frozenset(".?!:;\u2026")
_TAIL_MAX_WORDS: Final = 10  # the longest sentence-final attribution clause (", the committee's chairman said.")
# Words a title leaves in lowercase (articles, short prepositions and conjunctions), and the
# most words of a quotation read as a title.
_MINOR_WORD_LIST: Final = "a an the and but or nor for so yet of in on at to by up as off per via with from into onto over than vs v"
_MINOR_WORDS: Final = frozenset(_MINOR_WORD_LIST.split())
_TITLE_MAX_WORDS: Final = 6
# Labels with which a writer keeps their distance from a name too: "the so-called "Islamic State"".
_DISTANCING: Final = (
    "so-called",
    "so called",
    "self-styled",
    "self-proclaimed",
    "self-declared",
    "supposed",
    "supposedly",
    "alleged",
    "so-styled",
    "quote-unquote",
)
# Verbs that name a word or title after it ("was named word of the year"), and the prepositions
# that may follow the mention noun of "as the word of the year".
_CHOOSING: Final = frozenset({"named", "chosen", "voted", "picked", "selected", "crowned"})
_NOUN_FOLLOWERS: Final = frozenset({"of", "for", "in", "on", "at", "by", "from", "to"})
_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_CITED_AUX: Final = _BE | {"has", "have", "had"}
_HEADLINE_MAX_WORDS: Final = 20

_WORD: Final = WORD_RE  # the document's own words (a number such as 2.5 is one)
_DOUBLE_OPEN: Final = frozenset("\u201c\u201e\u201f\u00ab")
_DOUBLE_CLOSE: Final = frozenset("\u201d\u00bb")
_SINGLE_OPEN: Final = frozenset("\u2018\u201b\u201a")
_OPEN_BEFORE: Final = frozenset(" \t\n([{-/\u2014\u2013:\"'")
_SCARE_MAX_WORDS: Final = 2
_LIST_ITEM_MAX_WORDS: Final = 6  # the longest further item of a mention list read as a list item next to a speech verb
_POSSESSIVE_SKIPS: Final = 8
_SPEECH_CONTEXT_CHARS: Final = 400  # characters searched on each side of a short quotation
# A double mark: a straight double quote, or two backticks or two apostrophes standing for one
# (not between two word characters).
_DOUBLE_MARK: Final = re.compile(r"\"|``|''(?!\w)|(?<!\w)''")
_STRAIGHT_MARK: Final = re.compile('"')
# What may stand between a mention noun and the quotation: linking words and spaces only.
_LINK_GAP: Final = re.compile(r"[a-z \t]*")
# What may stand between two items of a quoted list: "a", "b" and "c"; "a," "b," or "c".
_LIST_GAP: Final = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or|nor)[ \t]+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` includes its quotation marks.

    Attributes
    ----------
    start, end
        Offsets into the original text, marks included.
    kind
        ``"speech"`` (someone's words), ``"scare"`` (a short quoted term with no speech verb
        nearby: the writer distancing themselves from a word) or ``"mention"`` (a word or a
        title cited right after a noun such as *the word* or *the book*, or after a naming
        verb such as *dubbed*).
    closed
        ``False`` when the closing mark was missing and the quotation was ended at its paragraph.
    """

    start: int
    end: int
    kind: QuoteKind
    closed: bool = True

    @property
    def content(self) -> tuple[int, int]:
        """Offsets of the quoted words without the marks (as far as the marks are present)."""
        s = self.start + 1
        e = self.end - 1 if self.closed else self.end
        return (s, max(s, e))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    sep = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    spans = []
    pos = 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if s < e]


def _double_role(orig: str, norm: str, i: int, width: int = 1) -> int:
    """+1 opening, -1 closing, 0 undecided, for the double mark at ``i`` (``width`` characters)."""
    ch = orig[i]
    if norm.startswith("``", i):
        return 1
    before = norm[i - 1] if i > 0 else " "
    after = norm[i + width] if i + width < len(norm) else " "
    # A curly mark says which way it faces, unless its position contradicts it: an opening mark
    # glued to the end of a word or sentence and followed by a space closes ('here,“ said X'),
    # and a closing mark after a space and before a letter opens (a typesetting slip).
    if ch in _DOUBLE_OPEN:
        return -1 if not before.isspace() and before not in _OPEN_BEFORE and after.isspace() else 1
    if ch in _DOUBLE_CLOSE:
        return 1 if before.isspace() and after.isalpha() else -1
    if before in _OPEN_BEFORE and not after.isspace():
        return 1
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return -1
    return 0


def _single_role(orig: str, norm: str, i: int) -> int:
    """+1 opening quote, -1 closing quote (or plural possessive), 0 apostrophe."""
    before = norm[i - 1] if i > 0 else " "
    after = norm[i + 1] if i + 1 < len(norm) else " "
    if before.isalnum() and after.isalnum():
        return 0  # don't, Iraq's, Kata'ib
    if (before in _OPEN_BEFORE or orig[i] in _SINGLE_OPEN) and after.isalpha():
        return 1
    if after.isdigit() and before in _OPEN_BEFORE:
        return 0  # '90s
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return -1
    return 0


def _double_quotes(orig: str, norm: str, paras: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    carry: int | None = None  # start of a quotation continuing from the previous paragraph
    # Two-character marks are rare: without them, the plain mark is found by a fast literal scan.
    pattern = _DOUBLE_MARK if "''" in norm or "``" in norm else _STRAIGHT_MARK
    markup = "=" in norm  # attribute values are looked for only in a text with an equals sign
    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end() - m.start()) for m in pattern.finditer(norm, ps, pe)]
        open_at = carry
        if carry is not None and marks and marks[0][0] == _first_non_space(norm, ps, pe):
            marks = marks[1:]  # the re-opening mark of a continued quotation
        carry = None
        marks = _without_attribute_values(norm, marks, ps, pe) if markup else marks
        for i, width in marks:
            role = _double_role(orig, norm, i, width)
            if open_at is None:
                if role >= 0:
                    open_at = i
            elif role <= 0:
                found.append((open_at, i + width, True))
                open_at = None
            else:
                found.append((open_at, _rstrip(norm, open_at, i), False))
                open_at = i
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None:
                first = _first_non_space(norm, nxt[0], nxt[1])
                mark = pattern.match(norm, first, nxt[1])
                if mark is not None and _double_role(orig, norm, first, mark.end() - first) >= 0:
                    carry = open_at
                    continue
            found.append((open_at, _rstrip(norm, open_at, pe), False))
    return found


def _without_attribute_values(norm: str, marks: list[tuple[int, int]], ps: int, pe: int) -> list[tuple[int, int]]:
    """``marks`` (offset, width) of the paragraph ``norm[ps:pe]`` without the pairs that delimit a markup attribute value.

    A mark glued to an equals sign opens the value of an attribute (``class="twitter-tweet"``,
    ``lang='en'``, ``href="..."`` left in scraped text), and the next mark closes it: neither is a
    quotation mark, and no quotation is formed from them.
    """
    if norm.find("=", ps, pe) < 0:
        return marks
    kept: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        i = marks[k][0]
        if i > 0 and norm[i - 1] == "=":
            k += 2
            continue
        kept.append(marks[k])
        k += 1
    return kept


def _first_non_space(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s + 1 and text[e - 1].isspace():
        e -= 1
    return e


def _single_quotes(
    orig: str, norm: str, paras: Sequence[tuple[int, int]], taken: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    starts = [q[0] for q in taken]
    found: list[tuple[int, int, bool]] = []

    def inside(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and taken[k][0] <= i < taken[k][1]

    markup = "=" in norm
    for ps, pe in paras:
        marks = [(ps + m.start(), 1) for m in re.finditer("'", norm[ps:pe])]
        marks = _without_attribute_values(norm, marks, ps, pe) if markup else marks
        if not marks:
            continue
        roles = [(i, _single_role(orig, norm, i)) for i, _w in marks if not inside(i)]
        # next_close[k]: the first closing mark after position k (len(roles) when none), so each
        # opening mark finds its partner in constant time.
        next_close = [len(roles)] * (len(roles) + 1)
        for k in range(len(roles) - 1, -1, -1):
            next_close[k] = k if roles[k][1] == -1 else next_close[k + 1]
        k = 0
        while k < len(roles):
            i, role = roles[k]
            first = next_close[k + 1]
            if role != 1 or first >= len(roles):
                k += 1
                continue
            # "the students' union": a plural possessive before a lowercase word is no closing mark
            # when a later closing mark exists (a few are skipped at most).
            pick = first
            j = first
            for _ in range(_POSSESSIVE_SKIPS):
                pos = roles[j][0]
                after = pos + 2
                if not (norm[pos - 1] == "s" and after < pe and norm[pos + 1] == " " and norm[after].islower()):
                    pick = j
                    break
                j = next_close[j + 1]
                if j >= len(roles):
                    break
            found.append((i, roles[pick][0] + 1, True))
            k = pick + 1
    return found


def find_quotes(
    orig: str,
    norm: str,
    sentences: Sequence[tuple[int, int]],
    speech_verbs: frozenset[str],
    *,
    speech_window: int = 10,
) -> list[Quote]:
    r"""Find the quotations of a text.

    Parameters
    ----------
    orig
        The caller's text (curly marks tell their direction).
    norm
        The normalised text, the same length as ``orig`` (straight marks only).
    sentences
        Sentence spans, used to look for speech verbs near short quotations and mentions.
    speech_verbs
        Lowercase word forms that introduce speech (said, says, told, vowed...).
    speech_window
        How many tokens before or after a short quotation, or a long further item of a mention
        list, in its sentence, are searched for a speech verb.

    Returns
    -------
    list of Quote
        In text order, never overlapping.

    Examples
    --------
    >>> from framing._text import normalise
    >>> t = "The “reform” stalled. He called it a “farce”. “We won’t go,” she said."
    >>> norm, _ = normalise(t)
    >>> sentences = [(0, 21), (22, 45), (46, 70)]
    >>> [(t[q.start:q.end], q.kind) for q in find_quotes(t, norm, sentences, frozenset({"said"}))]
    [('“reform”', 'scare'), ('“farce”', 'speech'), ('“We won’t go,”', 'speech')]
    """
    if '"' not in norm and "'" not in norm and "`" not in norm:
        return []
    paras = _paragraphs(norm)
    spans = _double_quotes(orig, norm, paras)
    spans.sort()
    spans.extend(_single_quotes(orig, norm, paras, spans))
    spans.sort()
    sent_starts = [s for s, _ in sentences]
    headlines = _headline_paragraphs(norm, paras)
    quotes: list[Quote] = []
    last_end = -1
    for s, e, closed in spans:
        if s < last_end or e <= s:
            continue
        kind: QuoteKind = "speech"
        # marks with no word between them hold no term to distance from: speech, without further tests
        wordless = _WORD.search(norm, s, e) is None
        short = norm.count(" ", s, e) <= _SCARE_MAX_WORDS and len(_WORD.findall(norm, s, e)) <= _SCARE_MAX_WORDS
        exclaims = _exclaims(norm, s, e)
        naming, mention = _before_quote(norm, s, exclaims)
        if naming or (mention and not _opens_predicate(norm, s, e)) or _present_name(norm, s, e) or _cited_as(norm, e):
            kind = "mention"
        elif quotes and _listed_after_mention(norm, quotes[-1], s, sent_starts):
            # A list holds words and titles: a clause-length item with a speech verb near it is
            # someone's words joined to the list ("... and "we will never ...", she said").
            long_item = len(_WORD.findall(norm, s, e)) > _LIST_ITEM_MAX_WORDS
            speech = long_item and _speech_nearby(norm, s, e, sentences, sent_starts, speech_verbs, speech_window)
            kind = "speech" if speech else "mention"
        elif wordless or exclaims or (not short and not _title_shaped(norm, s, e)):
            pass  # speech: no word, a cry, or a quotation too long for a scare quote and no title
        elif _speech_nearby(norm, s, e, sentences, sent_starts, speech_verbs, speech_window) or _labelled(norm, s):
            pass  # speech: a verb of saying or labelling governs it
        else:
            sent = _sentence_of(sentences, sent_starts, s, e)
            if _names_something(norm, s, e, sent):
                kind = "mention"
            elif short and not (_in_spans(headlines, s) or _whole_sentence(norm, s, e, sent) or _reported(norm, s, e, sent, speech_verbs)):
                kind = "scare"
        quotes.append(Quote(s, e, kind, closed))
        last_end = e
    return quotes


def _sentence_of(sentences: Sequence[tuple[int, int]], sent_starts: list[int], s: int, e: int) -> tuple[int, int]:
    """The span of the sentence holding the quotation ``(s, e)``, widened to hold all of it.

    Clipped to ``_SPEECH_CONTEXT_CHARS`` on each side of the quotation, as the speech window is,
    so that the rules reading it cost a bounded amount per quotation however long a sentence
    runs (scraped text without punctuation).
    """
    k = bisect.bisect_right(sent_starts, s) - 1
    lo, hi = sentences[k] if k >= 0 else (s, e)
    return max(min(lo, s), s - _SPEECH_CONTEXT_CHARS), min(max(hi, e), e + _SPEECH_CONTEXT_CHARS)


def _in_spans(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies in one of ``spans`` (sorted, not overlapping)."""
    k = bisect.bisect_right(spans, (at, _NO_END)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _headline_paragraphs(norm: str, paras: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headline-like paragraphs: one short line with no final period, followed by more text.

    A headline (and a subheading) has no room for a verb of saying: in its style quotation marks
    attribute the words to a source the text below names (*Ebbers 'aware' of fraud*, *Economy
    'strong' in election year*), so a short quotation in one is speech, never a scare quote. The
    line has at most ``_HEADLINE_MAX_WORDS`` words and does not end with a period, a question or
    exclamation mark, a colon, a semicolon or an ellipsis (inside closing marks or not: a
    one-line question or lead-in in the body is a sentence, *Is the "reform" working?*); the
    last paragraph of a text, and so a text of one line, is no headline.
    """
    found = []
    for ps, pe in paras[:-1]:
        end = pe
        while end > ps and norm[end - 1] in "\"'`)] \t\n":
            end -= 1
        if end == ps or norm[end - 1] in _SENTENCE_END_MARKS or norm.find("\n", ps, end) >= 0:
            continue
        if len(_WORD.findall(norm, ps, end)) <= _HEADLINE_MAX_WORDS:
            found.append((ps, pe))
    return found


def _title_shaped(norm: str, s: int, e: int) -> bool:
    """Whether the words of the quotation ``norm[s:e]`` are capitalised like a name or a title.

    At most ``_TITLE_MAX_WORDS`` words; every word opens with a capital or a digit, except the
    small words a title leaves in lowercase (*of*, *the*, *and*...) after the first; not every
    word in capitals (that is shouting, *"STOP"*).
    """
    if norm.count(" ", s, e) > _TITLE_MAX_WORDS + 1 or not (_opens_capitalised(norm, s) or norm[s + 1 : s + 2].isdigit()):
        return False  # the common case, a sentence or a lowercase word, decided without a regular expression
    words = _WORD.findall(norm, s, e)
    if not words or len(words) > _TITLE_MAX_WORDS or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if any(not (w[0].isupper() or w[0].isdigit() or w in _MINOR_WORDS) for w in words[1:]):
        return False
    return not all((w.isupper() and len(w) > 1) or w.isdigit() for w in words)


def _names_something(norm: str, s: int, e: int, sent: tuple[int, int]) -> bool:
    """Whether the quotation ``norm[s:e]``, which no verb of saying governs, is a name or a title (a mention).

    It has two words or more, all capitalised (:func:`_title_shaped`: *the "Blue Wave"*, *his
    "Alternative Budget"*, *her role in "Fosse/Verdon"*), where capitals tell something: the
    sentence must have, outside the quotation, a word in lowercase other than the small words of
    a title (in a headline in title case every word is capitalised). A single capitalised word
    is no evidence of a name: nationalities, peoples, religions and the first word of a sentence
    are capitalised too (*met the "Russians"*, *"Disgraceful."*), so it stays a scare quote.
    A distancing label before the quotation keeps it a scare quote: *the so-called "Islamic
    State"* questions the name it cites.
    """
    if not _title_shaped(norm, s, e) or len(_WORD.findall(norm, s, e)) < 2:
        return False
    lo, hi = sent
    outside = _WORD.findall(norm, lo, s) + _WORD.findall(norm, e, hi)
    if not any(w[0].islower() and w not in _MINOR_WORDS for w in outside):
        return False
    head = norm[max(0, s - 20) : s].rstrip().lower()
    return not head.endswith(_DISTANCING)


def _whole_sentence(norm: str, s: int, e: int, sent: tuple[int, int]) -> bool:
    """Whether the quotation ``norm[s:e]`` is its sentence: no word of the sentence stands outside it.

    A quotation on its own is an utterance, speech, never a scare quote: *She was blunt.
    "Disgraceful."* and *"Nonsense." That was how he put it.* report a word said, the verb of
    saying (if any) being in another sentence.
    """
    lo, hi = sent
    return _WORD.search(norm, lo, s) is None and _WORD.search(norm, e, hi) is None


def _reported(norm: str, s: int, e: int, sent: tuple[int, int], speech_verbs: frozenset[str]) -> bool:
    """Whether the quotation ``norm[s:e]`` stands in reported speech or thought beyond the speech window.

    Two shapes, both in the quotation's sentence. A sentence-final attribution clause, after the
    last comma, of at most ``_TAIL_MAX_WORDS`` words with a verb of saying among its first three
    or last, or opening with *according to* (*..., the report said.*, *..., said Microsoft.*),
    reports the whole sentence, so a word quoted in it is the speaker's. A verb of saying or
    thinking (:data:`_THINKING`: *felt*, *believes*, *feared*) followed within ``_THAT_REACH``
    words by *that*, before the quotation with no semicolon between, introduces a clause that
    reports what someone said or thought (*Weitz said New Line feared that it would make the
    project "unviable"*): the quoted words are theirs. A *that* right after a form of *be* is a
    copula's (*What the papers told us was that ...*) and reports nothing.
    """
    lo, hi = sent
    after = norm[e:hi]
    comma = after.rfind(",")
    if comma >= 0:
        tail = [w.lower() for w in _WORD.findall(after, comma)]
        if 0 < len(tail) <= _TAIL_MAX_WORDS and (
            any(w in speech_verbs for w in tail[:3]) or tail[-1] in speech_verbs or tail[:2] == ["according", "to"]
        ):
            return True
    before = norm[lo:s]
    clause = before[before.rfind(";") + 1 :]
    words = [w.lower() for w in _WORD.findall(clause)]
    for k, w in enumerate(words):
        if w != "that" or (k > 0 and words[k - 1] in _BE):
            continue  # "What they told us was that ...": a copula's "that" opens no report
        if any(v in speech_verbs or v in _THINKING for v in words[max(0, k - _THAT_REACH) : k]):
            return True
    return False


def _cited_as(norm: str, e: int) -> bool:
    """Whether the words after the quotation ending at ``e`` cite it as a word or a title.

    *as* (or a verb of choosing: *named*, *chosen*, *voted*...) and then, in at most three
    words, a mention noun (:data:`MENTION_NOUNS`) that ends the clause or takes a preposition:
    *Oxford chose "climate emergency" as the word of the year*, *"Vape" was named word of the
    year*, *"Take back control" as a slogan*. A verb after the noun makes it a source (*"reckless",
    as the headline put it*), no citation.
    """
    near = norm[e : e + _COMPLEMENT_CHARS]
    if " as " not in near and not any(v in near for v in _CHOOSING):
        return False  # the common case, decided without a regular expression
    words = [w.lower() for w in _WORD.findall(_CLAUSE_END.split(near, 1)[0])]
    k = 0
    while k < len(words) and k < 2 and words[k] in _CITED_AUX:
        k += 1
    linked = False
    if k < len(words) and words[k] in _CHOOSING:
        k, linked = k + 1, True
    if k < len(words) and words[k] == "as":
        k, linked = k + 1, True
    if not linked:
        return False
    for j in range(k, min(k + 3, len(words))):
        if words[j] in MENTION_NOUNS:
            return j + 1 == len(words) or words[j + 1] in _NOUN_FOLLOWERS
    return False


def _listed_after_mention(norm: str, prev: Quote, s: int, sent_starts: list[int]) -> bool:
    """Whether the quotation at ``s`` is a further item of a list that the mention ``prev`` opens.

    Only a comma, *and*, *or* or *nor* (or nothing but white space, when the comma is inside the
    marks) may stand between the two, in one sentence: *the words "a", "b" and "c"*.
    """
    if prev.kind != "mention" or bisect.bisect_right(sent_starts, prev.start) != bisect.bisect_right(sent_starts, s):
        return False
    return _LIST_GAP.fullmatch(norm, prev.end, s) is not None


def _opens_predicate(norm: str, s: int, e: int) -> bool:
    """Whether the quotation ``norm[s:e]`` opens with a lowercase auxiliary and goes on.

    Such a quotation is the predicate of the noun before it, someone's words about that noun (*the
    book "has sold out everywhere"*), not a cited word or title.
    """
    first = _WORD.search(norm, s, e)
    if first is None or first.group() not in _AUXILIARIES or _WORD.search(norm, first.end(), e) is None:
        return False
    # A question opens with its auxiliary too: "the slogan "do we dare?"" cites it.
    return not norm[s:e].rstrip("\"'` \t").endswith("?")


def _last_word(tail: str) -> str:
    """The lowercase last word of ``tail`` (which ends with no space) when it is all letters, else ``""``."""
    w = tail[max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t")) + 1 :]
    return w.lower() if w.isalpha() else ""


def _present_name(norm: str, s: int, e: int) -> bool:
    """Whether ``is called`` or ``are called`` (or a contraction, *it's called*) right before the quotation ``norm[s:e]`` states its name.

    The present simple passive of *call* states what a thing is called (*It is called
    "podcasting"*): a name or a term cited, a mention. An agent after the quotation (*by* within
    ``_AGENT_REACH`` words) makes it a label someone applies (*are called "thugs" by critics*).
    """
    words = _clause_tail(norm[max(0, s - _COMPLEMENT_CHARS) : s])
    if len(words) < 2 or words[-1].lower() != "called" or words[-2].lower() not in _PRESENT_BE:
        return False
    return "by" not in _WORD.findall(norm[e : e + _COMPLEMENT_CHARS].lower())[:_AGENT_REACH]


def _exclaims(norm: str, s: int, e: int) -> bool:
    """Whether the quotation ``norm[s:e]`` is an exclamation: its words end with ``!`` inside its marks (*"Shame!"*)."""
    return norm[s + 1 : e].rstrip("\"'` \t").endswith("!")


def _before_quote(norm: str, s: int, exclamation: bool = False) -> tuple[bool, bool]:
    """Whether a naming verb, and whether a mention noun, ends just before the quotation at ``s``.

    A naming verb (*dubbed*, *known as*...) may be followed by a space or a comma; a mention noun
    by a linking word (*called*, *such as*...) and a space. *called* or *named* after a noun
    names the quotation, unless it is an ``exclamation``: what was called out (*Fans called
    "Shame!"*), not a name; a mention noun before *called* still makes it a cited title (*a
    musical called "Oklahoma!"*).
    """
    head = norm[max(0, s - 60) : s]
    if not head.endswith((" ", "\t")):
        return False, False
    tail = head.rstrip()
    comma = tail.endswith(",")
    last = _last_word(tail[:-1] if comma else tail)
    if last in _NAMING or (last == "as" and _last_word(tail[: len(tail) - comma - 2].rstrip()) == "known"):
        return True, False
    if last in _NAME_PARTICIPLES and not comma and not exclamation and _opens_capitalised(norm, s):
        # A noun right before the participle, and no passive or relative clause ("were called
        # "thugs"", "what police called "..."") within the two words before it: a name follows.
        before = _WORD.findall(tail[-40:].lower())[-3:-1]
        named = before and before[-1] not in _NOT_NAMERS and not before[-1].endswith("n't")
        if named and not any(b in _NOT_NAMING_CONTEXT for b in before):
            return True, False
    if comma or (last not in MENTION_NOUNS and last not in _MENTION_LINKS):
        return False, False  # the common case, decided without a regular expression
    return False, _mention_noun_before(tail)


def _mention_noun_before(tail: str) -> bool:
    """Whether ``tail`` ends with a mention noun (and linking words) that cites the quotation after it."""
    lowered = tail.lower()
    words = _WORD.findall(lowered)[-4:]
    while words and words[-1] in _MENTION_LINKS:
        # "as" links only in "such as": "described the film as "..."" gives its description.
        if words.pop() == "as" and (not words or words[-1] != "such"):
            return False
    if not words or words[-1] not in MENTION_NOUNS:
        return False
    noun_end = lowered.rfind(words[-1]) + len(words[-1])
    # The linking words must follow the noun with nothing but spaces: in "summed it up in plain
    # words, as "a fresh start"" the quotation is what they said, not a cited word.
    if not _LINK_GAP.fullmatch(lowered, noun_end) or _complement_of_object(lowered[:noun_end]):
        return False
    if len(words) < 2:
        return True
    before = words[-2]
    # Several mention nouns are also verbs (sign, film, book, label, title): after "to", a
    # modal, a subject pronoun or a negation the word is the verb ("refused to sign "...""), and
    # the quotation is someone's words, not a cited one.
    if before in _VERB_CONTEXT or before.endswith("n't"):
        return False
    # Someone's words ("her words", "the minister's own words") are what that person said: the
    # quotation reports speech; "the words" cites them.
    return not (words[-1] in _UTTERANCE_NOUNS and (before in _POSSESSIVES or before.endswith("'s")))


def _clause_tail(before: str) -> list[str]:
    """The last ``_COMPLEMENT_REACH + 1`` words of the clause that ``before`` ends with (as written)."""
    clause = _CLAUSE_END.split(before[-_COMPLEMENT_CHARS:])[-1]
    return _WORD.findall(clause)[-_COMPLEMENT_REACH - 1 :]


def _complement_of_object(lowered: str) -> bool:
    """Whether the noun phrase that ends ``lowered`` is the object of a verb of calling or making.

    The verb is followed by a determiner, at most ``_COMPLEMENT_REACH`` words before the noun
    and in its clause (*called the new title*, *made the song*): the quotation after
    the noun is then its complement, what it is called, not a cited word.
    """
    words = _clause_tail(lowered)
    return any(w in _COMPLEMENT_VERBS and words[k + 1] in _DETERMINERS for k, w in enumerate(words[:-1]))


def _opens_capitalised(norm: str, s: int) -> bool:
    """Whether the first letter of the quotation at ``s`` is a capital (names and titles are capitalised)."""
    for ch in norm[s : s + 4]:
        if ch.isalpha():
            return ch.isupper()
    return False


def _labelled(norm: str, s: int) -> bool:
    """Whether a verb of labelling governs the quotation at ``s``: in its clause, its object between them.

    At most ``_COMPLEMENT_REACH`` words before the quotation. *so-called* is the writer's
    distance from a word, not a label someone used. A passive of a verb of labelling right
    before the quotation is a label too, with its agent (*Protesters were called "thugs" by the
    mayor*) or without one (*Protesters were called "thugs"*, *have been widely branded
    "traitors"*, *got called "cowards"*): the clause reports that someone applied it. The
    passive is a form of *be* or *get*, then at most ``_PASSIVE_ADVERBS`` adverb (in *-ly*, or
    one of a few frequent ones: *often*, *also*, *still*...), then the participle.
    """
    cased = _clause_tail(norm[max(0, s - _COMPLEMENT_CHARS) : s])
    words = [w.lower() for w in cased]
    if words and words[-1] in _LABELLING and words[-1].endswith("ed"):
        aux = words[-_PASSIVE_ADVERBS - 2 : -1]
        while len(aux) > 1 and (aux[-1].endswith("ly") or aux[-1] in _PASSIVE_ADVERB_WORDS):
            aux.pop()
        if aux and aux[-1] in _PASSIVE_AUXILIARIES:
            return True
    # The verb's object stands between it and the label: in "called "Hamlet" the best play" the
    # quotation is the object, a title, and the label comes after it. Only a verb reading counts:
    # an object must open right after the word (a determiner, an object pronoun, a quantifier,
    # a number or a name), and no determiner may stand before it, so the nouns and phrasal verbs
    # ("calls for", "a brand of", "the term limits") are no labels.
    return any(
        w in _LABELLING
        and not (k > 0 and (words[k - 1] in _DETERMINERS or (w == "called" and words[k - 1] == "so")))
        and (words[k + 1] in _OBJECT_OPENERS or words[k + 1].isdigit() or cased[k + 1][:1].isupper())
        for k, w in enumerate(words[:-1])
    )


def _speech_nearby(
    norm: str,
    s: int,
    e: int,
    sentences: Sequence[tuple[int, int]],
    sent_starts: list[int],
    speech_verbs: frozenset[str],
    window: int,
) -> bool:
    k = bisect.bisect_right(sent_starts, s) - 1
    lo, hi = sentences[k] if k >= 0 else (0, len(norm))
    lo = max(min(lo, s), s - _SPEECH_CONTEXT_CHARS)
    hi = min(max(hi, e), e + _SPEECH_CONTEXT_CHARS)
    before = list(_WORD.finditer(norm, lo, s))[-window:]
    after = _WORD.findall(norm[e:hi].lower())[:window]
    if norm[lo:s].rstrip().endswith(":"):
        return True
    return any(m.group().lower() in speech_verbs and not _in_compound(norm, m.start()) for m in before) or any(
        w in speech_verbs for w in after
    )


def _in_compound(norm: str, at: int) -> bool:
    """Whether the word at ``at`` ends a hyphenated compound (*self-proclaimed*, *so-called*).

    A verb of saying inside a compound modifier is no verb: the self-proclaimed "reformer" is
    a scare quote, while *told reporters the twice-told "story"* still has its verb.
    """
    return at > 1 and norm[at - 1] == "-" and norm[at - 2].isalpha()
