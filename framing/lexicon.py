"""Lexicons: data with metadata, read from TOML, LIWC ``.dic`` or CSV/TSV files.

A :class:`Lexicon` is plain, frozen data. Reading validates everything and raises one
:class:`~framing.errors.LexiconError` naming the file, the line and the problem. Nothing is ever
unpickled or evaluated: the readers parse text only.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

from framing._resources import bundled_lexicon_names, bundled_lexicon_path
from framing.errors import LexiconError

__all__ = [
    "Category",
    "Entry",
    "Lexicon",
    "load_lexicon",
    "read_csv",
    "read_dic",
    "read_toml",
]

#: A period, comma or colon between two digits, kept inside a token as the tokenizer does (2.5, 1,000).
_NUMBER_JOIN: Final = r"(?<=[0-9])[.,:](?=[0-9])"
_TERM_RE: Final = re.compile(rf"^[\w'](?:[\w' \-]|{_NUMBER_JOIN})*\*?$")
_TERM_SPLIT_RE: Final = re.compile(rf"(?:[\w']|{_NUMBER_JOIN})+")
_CATEGORY_ID_RE: Final = re.compile(r"^[\w.\-]+$")
_NAME_RE: Final = re.compile(r"^[a-z0-9][a-z0-9_\-.]*$")
_TOML_LINE_RE: Final = re.compile(r"at line (\d+)")
_LEXICON_KEYS: Final = frozenset({"name", "version", "license", "citation", "description", "language"})
_CATEGORY_KEYS: Final = frozenset({"label", "definition", "group", "entries", "exceptions"})
_ENTRY_KEYS: Final = frozenset({"term", "weight", "case_sensitive"})
#: A LIWC conditional category, chosen by a neighbouring word: ``(02 134)125/464`` (by that word's
#: categories) or the same with a word in angle brackets (``<of>131/125``).
_DIC_CONDITIONAL_RE: Final = re.compile(r"(?:\(\s*\d+(?:\s+\d+)*\s*\)|<[^<>]+>)\s*\d+(?:/\d+)?")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a word, a multiword phrase or a wildcard prefix.

    Attributes
    ----------
    term
        The entry as written (``"abus*"``, ``"so-called"``, ``"death toll"``).
    tokens
        The tokens the term matches in sequence; for a wildcard the last one is a prefix. Lowercase
        unless ``case_sensitive``.
    wildcard
        Whether the last token is a prefix (the term ended with ``*``).
    weight
        The entry's weight (default 1.0). Scorers multiply counts by it.
    case_sensitive
        Whether the entry matches only with the exact case written (names, acronyms).
    """

    term: str
    tokens: tuple[str, ...]
    wildcard: bool = False
    weight: float = 1.0
    case_sensitive: bool = False

    @classmethod
    def parse(cls, term: str, *, weight: object = 1.0, case_sensitive: bool = False) -> Entry:
        """Build an entry from its written form, validating it.

        Raises
        ------
        LexiconError
            If the term has characters other than letters, digits, apostrophes, spaces and hyphens
            (and a period, comma or colon between two digits, as in ``1.5 degrees``), a ``*``
            anywhere but at the end, or the weight is not a finite number.

        Examples
        --------
        >>> Entry.parse("Violation of international law").tokens
        ('violation', 'of', 'international', 'law')
        >>> Entry.parse("so-called").tokens
        ('so', 'called')
        >>> Entry.parse("1.5 degrees").tokens
        ('1.5', 'degrees')
        >>> e = Entry.parse("abus*")
        >>> (e.tokens, e.wildcard)
        (('abus',), True)
        """
        cleaned = " ".join(term.replace("\u2019", "'").split())
        if not cleaned or not _TERM_RE.match(cleaned):
            msg = f"term {term!r}: use letters, digits, apostrophes, spaces and hyphens ('.,:' only between digits), '*' only at the end"
            raise LexiconError(msg)
        wildcard = cleaned.endswith("*")
        body = cleaned[:-1] if wildcard else cleaned
        # An apostrophe that opens or closes a token is no part of it, as in a document
        # ("tenants' union" matches the words tenants, union; "'90s" the word 90s).
        tokens = tuple(t for t in (w.strip("'") for w in _TERM_SPLIT_RE.findall(body if case_sensitive else body.lower())) if t)
        if not tokens:
            raise LexiconError(f"term {term!r} has no word characters")
        if wildcard and len(tokens[-1]) < 2:
            raise LexiconError(f"term {term!r}: a wildcard prefix needs at least two letters")
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not math.isfinite(weight):
            raise LexiconError(f"term {term!r}: weight must be a finite number, got {weight!r}")
        return cls(cleaned, tokens, wildcard, float(weight), bool(case_sensitive))

    @property
    def key(self) -> str:
        """The identity of the entry within a category (case folded unless case sensitive)."""
        return self.term if self.case_sensitive else self.term.lower()


@dataclass(frozen=True, slots=True)
class Category:
    """A category of a lexicon, with its definition and entries.

    Attributes
    ----------
    id
        Stable identifier used in results (``"security_and_defense"``).
    definition
        What the category means, precise enough to code by hand.
    entries
        The entries, in file order.
    label
        Display name (defaults to the id).
    group
        Optional group of categories (``"loaded"``, ``"epistemic"``).
    exceptions
        Phrases in which an entry is not meant (``extreme weather`` for the entry ``extreme``,
        ``hostel`` for ``host*``). They are matched like entries of the category; where one
        wins leftmost-longest matching (it starts at or before the entry's match and is longer,
        or ties with it), the entry's match is dropped and the exception itself is never
        reported. An exception carries no weight.
    """

    id: str
    definition: str
    entries: tuple[Entry, ...]
    label: str = ""
    group: str | None = None
    exceptions: tuple[Entry, ...] = ()

    def __post_init__(self) -> None:
        """Default the label to the id; refuse a term that is both an entry and an exception.

        Raises
        ------
        LexiconError
            When a term is both an entry and an exception of the category.
        """
        if not self.label:
            object.__setattr__(self, "label", self.id)
        if self.exceptions:
            both = {e.key for e in self.entries} & {e.key for e in self.exceptions}
            if both:
                msg = f"term {min(both)!r} is both an entry and an exception of categories.{self.id}"
                raise LexiconError(msg)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A named, versioned lexicon: metadata plus categories of entries.

    Attributes
    ----------
    name, version, license, citation, description
        Metadata reported with every result that uses the lexicon.
    categories
        The categories in file order.
    language
        ISO 639-1 code of the entries' language.
    source
        The file it was read from, or ``None``.
    reading
        How a ``.dic`` or CSV file was read, or ``None`` for TOML, bundled and in-memory lexicons.
        Like ``source`` it is no part of equality or of the digest. Keys: ``encoding`` (as given
        to the reader); ``merged_duplicate_lines``, the ``.dic`` entry lines whose term (compared
        case-insensitively) was already on an earlier line, their categories merged into it (0 for
        CSV, where a repeated term is an error); ``skipped_conditional_lines`` and
        ``skipped_conditional_terms``, the LIWC conditional lines left out with
        ``conditional="skip"`` and their terms in file order.

    Examples
    --------
    >>> lex = load_lexicon("abbreviations")
    >>> lex.name, lex.version
    ('abbreviations', '1.2.0')
    >>> "prepositive" in lex.category_ids
    True
    """

    name: str
    version: str
    license: str
    citation: str
    description: str
    categories: tuple[Category, ...]
    language: str = "en"
    source: str | None = field(default=None, compare=False)
    reading: Mapping[str, Any] | None = field(default=None, compare=False)

    @property
    def category_ids(self) -> tuple[str, ...]:
        """The category ids in order."""
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> Category:
        """Return a category by id.

        Raises
        ------
        LookupError
            Naming the ids that exist.
        """
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        msg = f"lexicon {self.name!r} has no category {category_id!r}; it has {list(self.category_ids)}"
        raise LookupError(msg)

    @property
    def n_entries(self) -> int:
        """Entries summed over categories (an entry in two categories counts twice)."""
        return sum(len(c.entries) for c in self.categories)

    @property
    def sha256(self) -> str:
        """SHA-256 of what scoring reads; two lexicons with the same digest score alike.

        It covers the name, the version and the language, then, in order, every category's id and
        group, every entry's term (as written, runs of white space made one space), weight and case
        flag, and every exception's term and case flag. It is not a checksum of the file: layout,
        comments, labels, definitions, the license, the citation and the description are left out.
        A ``.dic`` or CSV file without a ``name`` option is named after its file, so renaming the
        file changes the digest (pass ``name=`` to pin it).
        """
        return _digest(self)

    def terms(self, category_id: str) -> frozenset[str]:
        """The lowercase written terms of one category (for quick membership tests)."""
        return frozenset(e.key for e in self.category(category_id).entries)

    def info(self) -> dict[str, Any]:
        """Metadata, categories and entry counts, as printed by ``framing lexicon info``.

        A lexicon read from a ``.dic`` or CSV file also has ``reading`` (see the attribute of the
        same name): its encoding, merged duplicate lines and skipped conditional lines.
        """
        out: dict[str, Any] = {
            "name": self.name,
            "version": self.version,
            "license": self.license,
            "citation": self.citation,
            "description": self.description,
            "language": self.language,
            "sha256": self.sha256,
            "n_entries": self.n_entries,
            "categories": [
                {
                    "id": c.id,
                    "label": c.label,
                    "group": c.group,
                    "definition": c.definition,
                    "n_entries": len(c.entries),
                    "n_multiword": sum(1 for e in c.entries if len(e.tokens) > 1),
                    "n_wildcard": sum(1 for e in c.entries if e.wildcard),
                    "n_weighted": sum(1 for e in c.entries if e.weight != 1.0),
                    "n_exceptions": len(c.exceptions),
                }
                for c in self.categories
            ],
        }
        if self.reading is not None:
            out["reading"] = dict(self.reading)
        return out

    def to_toml(self) -> str:
        """Write the lexicon in the native TOML format (reads back equal with :func:`read_toml`)."""
        out = ["[lexicon]"]
        out.extend(
            f"{key} = {_toml_str(getattr(self, key))}" for key in ("name", "version", "license", "citation", "description", "language")
        )
        for cat in self.categories:
            out.append("")
            out.append(f"[categories.{_toml_key(cat.id)}]")
            out.append(f"label = {_toml_str(cat.label)}")
            out.append(f"definition = {_toml_str(cat.definition)}")
            if cat.group is not None:
                out.append(f"group = {_toml_str(cat.group)}")
            out.append("entries = [")
            for e in cat.entries:
                if e.weight == 1.0 and not e.case_sensitive:
                    out.append(f"  {_toml_str(e.term)},")
                else:
                    parts = [f"term = {_toml_str(e.term)}"]
                    if e.weight != 1.0:
                        parts.append(f"weight = {e.weight!r}")
                    if e.case_sensitive:
                        parts.append("case_sensitive = true")
                    out.append("  { " + ", ".join(parts) + " },")
            out.append("]")
            if cat.exceptions:
                out.append("exceptions = [")
                for e in cat.exceptions:
                    if e.case_sensitive:
                        out.append(f"  {{ term = {_toml_str(e.term)}, case_sensitive = true }},")
                    else:
                        out.append(f"  {_toml_str(e.term)},")
                out.append("]")
        return "\n".join(out) + "\n"


def _toml_str(value: str) -> str:
    # JSON string escaping is valid TOML basic-string escaping for these characters.
    return json.dumps(value, ensure_ascii=False)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_\-]+", key) else _toml_str(key)


def _digest(lex: Lexicon) -> str:
    h = hashlib.sha256()
    for part in (lex.name, lex.version, lex.language):
        h.update(part.encode())
        h.update(b"\0")
    for cat in lex.categories:
        # the group is hashed too: the loaded-language scorer reads it (loaded or epistemic)
        h.update(b"\1" + cat.id.encode() + b"\4" + (cat.group or "").encode())
        for e in cat.entries:
            h.update(f"\2{e.term}\3{e.weight!r}\3{int(e.case_sensitive)}".encode())
        # Only a category with exceptions hashes them, so adding the feature left older digests alone.
        for e in cat.exceptions:
            h.update(f"\5{e.term}\3{int(e.case_sensitive)}".encode())
    return h.hexdigest()


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------


def _read_text(path: Path, encoding: str = "utf-8", *, option: str | None = "encoding") -> str:
    """The file's text, decoded with ``encoding`` (a UTF-8 byte-order mark is dropped), every line end made a newline.

    ``option`` names the reader's encoding option in the message of a decoding error (``None``
    for TOML, which is UTF-8 by its specification).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc
    try:
        codec = codecs.lookup(encoding).name.removesuffix("-sig")
    except LookupError:
        raise LexiconError(f"unknown encoding {encoding!r}", path=str(path)) from None
    if codec != "utf-8" and raw.startswith(codecs.BOM_UTF8):
        msg = f"the file starts with a UTF-8 byte-order mark, so it is UTF-8, not {encoding}: leave the encoding option out"
        raise LexiconError(msg, path=str(path), line=1)
    try:
        text = raw.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode(codec, errors="replace")) + 1
        shown = "UTF-8" if codec == "utf-8" else encoding
        problem = f"not valid {shown} (byte 0x{raw[exc.start]:02x} at column {column})"
        if option is None:
            problem += "; a TOML lexicon is UTF-8 (the TOML specification requires it): save it as UTF-8"
        elif codec == "utf-8":
            problem += (
                f"; if the file was saved in another encoding, name it: {option}='latin-1', or 'cp1252' for a "
                f"file saved on Windows (command line: -o {option}=latin-1)"
            )
        raise LexiconError(problem, path=str(path), line=line) from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _find_line(lines: Sequence[str], needle: str, start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    return None


def _require_str(table: Mapping[str, Any], key: str, what: str, path: str, line: int | None) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{what} needs a non-empty string '{key}'", path=path, line=line)
    return value.strip()


def read_toml(path: str | Path) -> Lexicon:
    """Read a lexicon in the native TOML format (see ``lexicons/FORMAT.md``).

    Raises
    ------
    LexiconError
        With the file and line of the first problem.
    """
    p = Path(path)
    text = _read_text(p, option=None)
    return parse_toml(text, source=str(p))


def parse_toml(text: str, *, source: str = "<string>") -> Lexicon:  # noqa: C901, PLR0912 - one pass of checks, each with its own message
    """Parse native TOML lexicon text; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE_RE.search(str(exc))
        # An error found only at the end (an unclosed array or table) is reported at the last line.
        line = int(m.group(1)) if m else (len(text.rstrip("\n").split("\n")) if "end of document" in str(exc) else None)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", str(exc)).strip()
        raise LexiconError(f"TOML syntax: {problem}", path=source, line=line) from exc
    lines = text.split("\n")
    header = data.get("lexicon")
    if not isinstance(header, dict):
        raise LexiconError("missing [lexicon] table with name, version, license, citation, description", path=source, line=1)
    hline = _find_line(lines, "[lexicon]")
    unknown = set(header) - _LEXICON_KEYS
    if unknown:
        raise LexiconError(f"unknown key(s) in [lexicon]: {sorted(unknown)}", path=source, line=hline)
    meta = {k: _require_str(header, k, "[lexicon]", source, hline) for k in ("name", "version", "license", "citation", "description")}
    if not _NAME_RE.match(meta["name"]):
        raise LexiconError(f"name {meta['name']!r}: use lowercase letters, digits, '-', '_' and '.'", path=source, line=hline)
    language = header.get("language", "en")
    if not isinstance(language, str):
        raise LexiconError("language must be a string", path=source, line=hline)
    cats_raw = data.get("categories")
    if not isinstance(cats_raw, dict) or not cats_raw:
        raise LexiconError("no [categories.<id>] tables", path=source, line=len(lines))
    unknown_top = set(data) - {"lexicon", "categories"}
    if unknown_top:
        line = _find_line(lines, min(unknown_top))
        raise LexiconError(f"unknown top-level table(s): {sorted(unknown_top)}", path=source, line=line)
    categories = []
    for cid, table in cats_raw.items():
        cline = _find_line(lines, f"[categories.{cid}]") or _find_line(lines, cid)
        if not _CATEGORY_ID_RE.match(cid):
            raise LexiconError(f"category id {cid!r}: use letters, digits, '_', '-', '.'", path=source, line=cline)
        if not isinstance(table, dict):
            raise LexiconError(f"categories.{cid} must be a table", path=source, line=cline)
        unknown = set(table) - _CATEGORY_KEYS
        if unknown:
            raise LexiconError(f"unknown key(s) in categories.{cid}: {sorted(unknown)}", path=source, line=cline)
        definition = _require_str(table, "definition", f"categories.{cid}", source, cline)
        label = table.get("label", cid)
        group = table.get("group")
        if not isinstance(label, str) or (group is not None and not isinstance(group, str)):
            raise LexiconError(f"categories.{cid}: label and group must be strings", path=source, line=cline)
        raw_entries = table.get("entries")
        if not isinstance(raw_entries, list) or not raw_entries:
            raise LexiconError(f"categories.{cid} needs a non-empty 'entries' list", path=source, line=cline)
        entries = _parse_entries(raw_entries, cid, source, lines, (cline or 1) - 1)
        exceptions = _parse_exceptions(table.get("exceptions", []), entries, cid, source, lines, (cline or 1) - 1)
        categories.append(Category(cid, definition, tuple(entries), label, group, tuple(exceptions)))
    return Lexicon(
        name=meta["name"],
        version=meta["version"],
        license=meta["license"],
        citation=meta["citation"],
        description=meta["description"],
        categories=tuple(categories),
        language=language,
        source=source,
    )


def _parse_entries(raw: list[Any], cid: str, source: str, lines: Sequence[str], start: int) -> list[Entry]:  # noqa: C901 - one message per problem
    entries: list[Entry] = []
    seen: set[str] = set()
    cursor = start  # entries are searched for in file order, so each error names its own line

    def locate(needle: str) -> int | None:
        nonlocal cursor
        found = _find_line(lines, needle, cursor)
        if found is not None:
            cursor = found - 1  # the next entry may share this line
        return found

    for item in raw:
        weight: object
        if isinstance(item, str):
            term, weight, cs = item, 1.0, False
            line = locate(json.dumps(item, ensure_ascii=False)[1:-1])
        elif isinstance(item, dict):
            unknown = set(item) - _ENTRY_KEYS
            term_obj: object = item.get("term")
            line = locate(json.dumps(term_obj, ensure_ascii=False)[1:-1] if isinstance(term_obj, str) else "{")
            if unknown:
                raise LexiconError(f"unknown key(s) in entry {term_obj!r}: {sorted(unknown)}", path=source, line=line)
            if not isinstance(term_obj, str):
                raise LexiconError(f"an entry of categories.{cid} has no string 'term'", path=source, line=line)
            term = term_obj
            weight = item.get("weight", 1.0)
            cs = item.get("case_sensitive", False)
            if not isinstance(cs, bool):
                raise LexiconError(f"entry {term!r}: case_sensitive must be true or false", path=source, line=line)
        else:
            line = locate(str(item))
            raise LexiconError(f"entries of categories.{cid} must be strings or tables, got {item!r}", path=source, line=line)
        try:
            entry = Entry.parse(term, weight=weight, case_sensitive=cs)
        except LexiconError as exc:
            raise LexiconError(exc.problem, path=source, line=line) from None
        if entry.key in seen:
            raise LexiconError(f"term {term!r} appears twice in categories.{cid}", path=source, line=line)
        seen.add(entry.key)
        entries.append(entry)
    return entries


def _parse_exceptions(raw: object, entries: Sequence[Entry], cid: str, source: str, lines: Sequence[str], start: int) -> list[Entry]:
    """The ``exceptions`` list of a category: terms like entries, without weights, none of them also an entry."""
    if not isinstance(raw, list):
        raise LexiconError(f"categories.{cid}: 'exceptions' must be a list", path=source, line=_find_line(lines, "exceptions", start))
    if not raw:
        return []
    at = _find_line(lines, "exceptions", start)
    exceptions = _parse_entries(raw, f"{cid} (exceptions)", source, lines, (at or start + 1) - 1)
    keys = {e.key for e in entries}
    for e in exceptions:
        line = _find_line(lines, json.dumps(e.term, ensure_ascii=False)[1:-1], (at or start + 1) - 1)
        if e.weight != 1.0:
            raise LexiconError(f"exception {e.term!r} of categories.{cid}: exceptions take no weight", path=source, line=line)
        if e.key in keys:
            raise LexiconError(f"term {e.term!r} is both an entry and an exception of categories.{cid}", path=source, line=line)
    return exceptions


def _reading(encoding: str, *, merged_duplicate_lines: int = 0, skipped_conditional_terms: Sequence[str] = ()) -> dict[str, Any]:
    """The ``Lexicon.reading`` of a file read with ``encoding``."""
    return {
        "encoding": encoding,
        "merged_duplicate_lines": merged_duplicate_lines,
        "skipped_conditional_lines": len(skipped_conditional_terms),
        "skipped_conditional_terms": list(skipped_conditional_terms),
    }


def _meta_defaults(path: Path, name: str | None, version: str | None, **meta: str | None) -> dict[str, str]:
    stem = re.sub(r"[^a-z0-9_\-.]+", "-", path.stem.lower()).strip("-.") or "lexicon"
    return {
        "name": name or stem,
        "version": version or "unversioned",
        "license": meta.get("license") or "unknown",
        "citation": meta.get("citation") or f"Read from {path.name}",
        "description": meta.get("description") or f"User dictionary read from {path.name}",
    }


def read_dic(  # noqa: C901, PLR0912, PLR0915 - a line-oriented parser with one message per problem
    path: str | Path,
    *,
    name: str | None = None,
    version: str | None = None,
    license: str | None = None,  # noqa: A002 - the metadata field is called license
    citation: str | None = None,
    description: str | None = None,
    encoding: str = "utf-8",
    conditional: Literal["error", "skip"] = "error",
) -> Lexicon:
    """Read a LIWC-style ``.dic`` dictionary.

    The header between the first two ``%`` lines maps category numbers to names; each following
    line is a term (a word, a phrase with spaces, or a ``prefix*``) followed by one or more category
    numbers. Tabs or spaces, a BOM, CRLF line ends, blank lines and entries in several categories
    are accepted. A term on several lines is one entry whose categories are merged from all of
    them (a term twice in one category counts once); ``Lexicon.reading`` counts such lines. A
    ``.dic`` file has no metadata: pass it here, or the file name becomes the lexicon name and the
    version is ``"unversioned"``.

    Parameters
    ----------
    encoding
        The file's text encoding (``"latin-1"``, ``"cp1252"``...). With the default a UTF-8
        byte-order mark is dropped; with another encoding it is an error (the file is UTF-8).
    conditional
        LIWC's conditional entries (``like (02 134)125/464``: the category depends on a
        neighbouring word) are not supported. ``"error"`` (the default) stops at the first one;
        ``"skip"`` leaves every such line out, plain categories on the line included, and lists
        the skipped terms in ``Lexicon.reading``.

    Raises
    ------
    LexiconError
        Naming the file and line of an unknown category number, a missing header, a bad term, a
        conditional entry (unless skipped), or bytes that are not text in ``encoding``.
    ValueError
        For a ``conditional`` other than ``"error"`` or ``"skip"``.
    """
    if conditional not in ("error", "skip"):
        msg = f"conditional must be 'error' or 'skip', got {conditional!r}"
        raise ValueError(msg)
    p = Path(path)
    lines = _read_text(p, encoding).split("\n")
    src = str(p)
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "%":
        raise LexiconError("a .dic file starts with a '%' line before the category header", path=src, line=i + 1)
    i += 1
    names: dict[str, str] = {}
    order: list[str] = []
    while i < len(lines) and lines[i].strip() != "%":
        raw = lines[i].strip()
        if raw:
            parts = raw.split(None, 1)
            if len(parts) != 2 or not parts[0].isdigit():
                raise LexiconError(f"header line {raw!r} is not '<number> <category name>'", path=src, line=i + 1)
            if parts[0] in names:
                raise LexiconError(f"category number {parts[0]} is defined twice", path=src, line=i + 1)
            cname = parts[1].strip()
            if not _CATEGORY_ID_RE.match(cname):
                cname = re.sub(r"[^\w.\-]+", "_", cname)
            names[parts[0]] = cname
            order.append(parts[0])
        i += 1
    if i >= len(lines):
        raise LexiconError("the category header is not closed by a second '%' line", path=src, line=len(lines))
    if not names:
        raise LexiconError("the category header defines no category", path=src, line=i + 1)
    per_cat: dict[str, list[Entry]] = {n: [] for n in order}
    seen: dict[str, set[str]] = {n: set() for n in order}
    terms_seen: set[str] = set()
    merged = 0
    skipped: list[str] = []
    for j in range(i + 1, len(lines)):
        raw = lines[j].strip()
        if not raw or raw.startswith(("#", "//")):
            continue
        cond = _DIC_CONDITIONAL_RE.search(raw)
        if cond is not None:
            words = raw[: cond.start()].split()
            while words and words[-1].isdigit():
                words.pop()
            term = " ".join(words) or raw
            if conditional == "skip":
                skipped.append(term)
                continue
            msg = (
                f"{term!r}: LIWC conditional entries ({cond.group()!r}: the category depends on a neighbouring word) "
                "are not supported; pass conditional='skip' (command line: -o conditional=skip) to leave such lines out"
            )
            raise LexiconError(msg, path=src, line=j + 1)
        fields = raw.split()
        nums: list[str] = []
        while fields and fields[-1].isdigit():
            nums.insert(0, fields.pop())
        if not fields or not nums:
            raise LexiconError(f"entry line {raw!r} needs a term followed by category numbers", path=src, line=j + 1)
        term = " ".join(fields)
        try:
            entry = Entry.parse(term)
        except LexiconError as exc:
            raise LexiconError(exc.problem, path=src, line=j + 1) from None
        if entry.key in terms_seen:
            merged += 1  # its categories join those of the earlier line
        terms_seen.add(entry.key)
        for num in nums:
            if num not in names:
                raise LexiconError(f"category number {num} is not in the header", path=src, line=j + 1)
            if entry.key in seen[num]:
                continue  # already in this category: counted once
            seen[num].add(entry.key)
            per_cat[num].append(entry)
    meta = _meta_defaults(p, name, version, license=license, citation=citation, description=description)
    cats = tuple(Category(names[n], f"Category {names[n]!r} of {p.name}", tuple(per_cat[n])) for n in order)
    reading = _reading(encoding, merged_duplicate_lines=merged, skipped_conditional_terms=skipped)
    return Lexicon(categories=cats, source=src, reading=reading, **meta)


def read_csv(  # noqa: C901, PLR0912, PLR0915 - one reader for the wide and the long layout
    path: str | Path,
    *,
    term_column: str | None = None,
    category_column: str | None = None,
    weight_column: str | None = None,
    category_columns: Iterable[str] | None = None,
    delimiter: str | None = None,
    name: str | None = None,
    version: str | None = None,
    license: str | None = None,  # noqa: A002 - the metadata field is called license
    citation: str | None = None,
    description: str | None = None,
    skip_zero: bool = False,
    encoding: str = "utf-8",
) -> Lexicon:
    """Read a weighted dictionary from CSV or TSV.

    Two layouts are read:

    * **wide** (the default): one row per term, one numeric column per category whose value is the
      entry's weight in that category (the eMFD layout). ``category_columns`` chooses the columns;
      by default every column but the term column. Empty cells are skipped.
    * **long**: give ``category_column`` (and optionally ``weight_column``); one row per
      term-category pair.

    The term column defaults to the first column. The delimiter defaults to a tab for ``.tsv``
    files and a comma otherwise. With ``skip_zero=True`` a weight of 0 means the term is not in
    that category and the cell is skipped like an empty one; by default it is an entry of weight 0,
    which is counted as a match but adds no weight. In a wide file where every term has a value in
    every column (eMFD), the counts and rates of all categories are then the same; compare the
    categories on their summed weights (``weighted``), or skip zeros. ``encoding`` is the file's
    text encoding, as for :func:`read_dic`. A term twice in one category is an
    error: a weight cannot be merged.

    Raises
    ------
    LexiconError
        Naming the file and line of a non-numeric weight, a missing column, a bad term, a term
        twice in a category, or bytes that are not text in ``encoding``.
    """
    p = Path(path)
    src = str(p)
    text = _read_text(p, encoding)
    delim = delimiter or ("\t" if p.suffix.lower() in {".tsv", ".tab"} else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    try:
        header = next(reader)
    except StopIteration:
        raise LexiconError("the file is empty", path=src, line=1) from None
    header = [h.strip() for h in header]
    col = {h: k for k, h in enumerate(header)}
    tcol_name = term_column or header[0]
    if tcol_name not in col:
        raise LexiconError(f"no term column {tcol_name!r}; columns are {header}", path=src, line=1)
    tcol = col[tcol_name]
    long_form = category_column is not None
    if long_form:
        assert category_column is not None
        for needed in (category_column, weight_column):
            if needed is not None and needed not in col:
                raise LexiconError(f"no column {needed!r}; columns are {header}", path=src, line=1)
        wide_cols: list[str] = []
    else:
        wide_cols = list(category_columns) if category_columns is not None else [h for h in header if h != tcol_name]
        missing = [c for c in wide_cols if c not in col]
        if missing:
            raise LexiconError(f"no column(s) {missing}; columns are {header}", path=src, line=1)
        if not wide_cols:
            raise LexiconError("no category columns besides the term column", path=src, line=1)
    per_cat: dict[str, dict[str, Entry]] = {c: {} for c in wide_cols}
    for lineno, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise LexiconError(f"row has {len(row)} fields, the header has {len(header)}", path=src, line=lineno)
        term = row[tcol].strip()
        pairs: list[tuple[str, str]]
        if long_form:
            assert category_column is not None
            pairs = [(row[col[category_column]].strip(), row[col[weight_column]].strip() if weight_column else "1")]
        else:
            pairs = [(c, row[col[c]].strip()) for c in wide_cols]
        for cat, raw_w in pairs:
            if raw_w == "":
                continue
            try:
                weight = float(raw_w)
            except ValueError:
                raise LexiconError(f"weight {raw_w!r} for {term!r} in {cat!r} is not a number", path=src, line=lineno) from None
            if not _CATEGORY_ID_RE.match(cat):
                raise LexiconError(f"category {cat!r}: use letters, digits, '_', '-', '.'", path=src, line=lineno)
            try:
                entry = Entry.parse(term, weight=weight)
            except LexiconError as exc:
                raise LexiconError(exc.problem, path=src, line=lineno) from None
            if skip_zero and weight == 0:
                continue  # validated like any cell, then left out of its category
            bucket = per_cat.setdefault(cat, {})
            if entry.key in bucket:
                raise LexiconError(f"term {term!r} appears twice in category {cat!r}", path=src, line=lineno)
            bucket[entry.key] = entry
    meta = _meta_defaults(p, name, version, license=license, citation=citation, description=description)
    cats = tuple(Category(c, f"Weighted category {c!r} of {p.name}", tuple(entries.values())) for c, entries in per_cat.items() if entries)
    if not cats:
        raise LexiconError("no entries", path=src, line=2)
    return Lexicon(categories=cats, source=src, reading=_reading(encoding), **meta)


def load_lexicon(name_or_path: str | Path, **options: Any) -> Lexicon:  # noqa: ANN401 - options pass to the reader
    """Load a bundled lexicon by name, or a lexicon file by path (``.toml``, ``.dic``, ``.csv``, ``.tsv``).

    Bundled lexicons are read once per process and shared (they are immutable). Keyword
    ``options`` go to the file's reader: :func:`read_csv` for ``.csv``, ``.tsv`` and ``.tab``
    (metadata, columns, ``skip_zero``, ``encoding``...), :func:`read_dic` for ``.dic``
    (metadata, ``encoding``, ``conditional``).

    Raises
    ------
    LookupError
        For an unknown bundled name, listing the names that exist.
    LexiconError
        For a malformed file.
    TypeError
        For ``options`` with a bundled name or a ``.toml`` file (they carry their own metadata),
        or an option the reader does not take.

    Examples
    --------
    >>> load_lexicon("abbreviations").name
    'abbreviations'
    >>> load_lexicon("no-such-lexicon")
    Traceback (most recent call last):
    ...
    LookupError: no bundled lexicon 'no-such-lexicon'; bundled: [...]
    """
    if isinstance(name_or_path, str) and "/" not in name_or_path and "\\" not in name_or_path and "." not in name_or_path:
        if options:
            raise TypeError("options apply to lexicon files, not to bundled lexicons")
        return _load_bundled(name_or_path)
    p = Path(name_or_path)
    suffix = p.suffix.lower()
    if suffix == ".toml":
        if options:
            raise TypeError("TOML lexicons take no reader options: they carry their own metadata and are UTF-8")
        return read_toml(p)
    if suffix == ".dic":
        return read_dic(p, **options)
    if suffix in {".csv", ".tsv", ".tab"}:
        return read_csv(p, **options)
    raise LexiconError(f"unknown lexicon format {suffix!r}: use .toml, .dic, .csv or .tsv", path=str(p))


@cache
def _load_bundled(name: str) -> Lexicon:
    path = bundled_lexicon_path(name)
    if path is None:
        msg = f"no bundled lexicon {name!r}; bundled: {bundled_lexicon_names()}"
        raise LookupError(msg)
    return parse_toml(path.read_text(encoding="utf-8"), source=f"framing:lexicons/{name}")
