"""The ``framing`` command line, a thin layer over the Python API.

Exit status: 0 when every record was analysed, 1 when any record failed (each failure is
reported on stderr with its file and line, and every good record is still written), 2 for a
usage error or an unreadable lexicon.

CSV output has one column per field of any record (a record without a field leaves its cell
empty); it is written when the input ends.

Files named ``.jsonl`` or ``.ndjson`` (also with ``.gz`` after it) are JSONL. Standard input
(``-``) and any other file are read as JSONL when their first non-blank line is a JSON object
(``--input auto``, the default), else as one text, except that a ``.json`` file holding a JSON
array is refused; ``--input text`` or ``--input jsonl`` decides instead. ``.gz`` files are
decompressed as they are read. A byte-order mark before the first JSONL record is ignored.

Inputs are UTF-8. A JSONL line holding bytes that are not UTF-8, or a JSON escape of an unpaired
surrogate (not valid Unicode text), is a bad record of its own: the lines around it are read as
usual. A text file with such bytes is skipped whole, naming its first bad line and column.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Final, TextIO

from framing._resources import bundled_lexicon_names
from framing.analysis import Analyzer, Failure, Record, framing_version
from framing.errors import InputError, LexiconError
from framing.lexicon import Lexicon, load_lexicon
from framing.scorers.attribution import AttributionScorer

__all__ = ["main"]

_PROGRESS_EVERY_S = 2.0
#: File names read as JSONL in auto mode (also with ``.gz`` after them).
_JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
#: What ``surrogateescape`` decoding makes of bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
#: A JSON escape that may stand for half of a surrogate pair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

_SCORER_SECTIONS: Final = ("frames", "loaded", "attribution")
_SCORER_PREFIXES: Final = tuple(f"{section}." for section in _SCORER_SECTIONS)
_READER_OPTIONS: Final = (
    "name, version, license, citation, description, encoding (e.g. latin-1); for .dic also conditional "
    "(error/skip); for CSV also term_column, category_column, weight_column, category_columns "
    "(comma-separated), delimiter, skip_zero (true/false)"
)
#: Where the reader options of ``-o`` go: the options of the lexicon file named last.
_OPTIONS_TARGET: Final = "_lexicon_options"
#: Reader options that take a yes/no or a list, parsed from their ``KEY=VALUE`` text.
_BOOL_OPTIONS: Final = frozenset({"skip_zero"})
_LIST_OPTIONS: Final = frozenset({"category_columns"})


class _LexiconAction(argparse.Action):
    """An option naming a lexicon; the ``-o`` options after it go to what :meth:`named` returns."""

    def __call__(
        self,
        _parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,  # noqa: ANN401 - argparse's signature
        _option_string: str | None = None,
    ) -> None:
        setattr(namespace, _OPTIONS_TARGET, self.named(namespace, str(values)))

    def named(self, namespace: argparse.Namespace, value: str) -> dict[str, Any]:
        """Record ``value`` in ``namespace``; the dict that later reader options fill."""
        raise NotImplementedError


class DictionaryAction(_LexiconAction):
    """``--dictionary LEXICON``: a new ``[LEXICON, options]`` pair that later options fill."""

    def named(self, namespace: argparse.Namespace, value: str) -> dict[str, Any]:
        """Append ``(value, options)`` to the dictionaries; the new options."""
        options: dict[str, Any] = {}
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest) or []), (value, options)])
        return options


class FramesAction(_LexiconAction):
    """``--frames LEXICON``: the frame taxonomy, whose reader options the ``-o`` after it fill."""

    def named(self, namespace: argparse.Namespace, value: str) -> dict[str, Any]:
        """Set the taxonomy; its new reader options."""
        options: dict[str, Any] = {}
        setattr(namespace, self.dest, value)
        namespace.frames_options = options
        return options


class LoadedAction(_LexiconAction):
    """``--loaded LEXICON``: a bundled name or TOML file, which takes no reader options, so a later ``-o`` is refused."""

    def named(self, namespace: argparse.Namespace, value: str) -> dict[str, Any]:
        """Set the lexicon; the marker that refuses reader options."""
        setattr(namespace, self.dest, value)
        return _NO_OPTIONS


# The options target after --loaded: reader options there are an error, not a change to an earlier file.
_NO_OPTIONS: Final[dict[str, Any]] = {}


class DictionaryOptionAction(argparse.Action):
    """``--dictionary-option KEY=VALUE``: a reader option for the lexicon file named just before it (``--dictionary`` or ``--frames``)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,  # noqa: ANN401 - argparse's signature
        option_string: str | None = None,
    ) -> None:
        options = getattr(namespace, _OPTIONS_TARGET, None)
        if options is _NO_OPTIONS:
            parser.error(f"{option_string} {values}: --loaded takes no reader options (a bundled name or a .toml file)")
        if options is None:
            parser.error(
                f"{option_string} {values}: name the lexicon first (--dictionary PATH {option_string} {values}, "
                f"or --frames PATH {option_string} {values})"
            )
        key, sep, value = str(values).partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            parser.error(f"{option_string} {values}: expected KEY=VALUE")
        parsed: object = value
        if key == "delimiter" and value == "\\t":
            parsed = "\t"  # a tab, as shells pass it
        elif key in _BOOL_OPTIONS:
            if value.lower() not in {"true", "false", "yes", "no", "1", "0"}:
                parser.error(f"{option_string} {values}: {key} takes true or false")
            parsed = value.lower() in {"true", "yes", "1"}
        elif key in _LIST_OPTIONS:
            parsed = [c.strip() for c in value.split(",") if c.strip()]
        options[key] = parsed


def read_dictionaries(specs: Sequence[tuple[str, dict[str, Any]]]) -> list[Lexicon | str]:
    """The ``--dictionary`` lexicons, files read with their options; bundled names stay names.

    Raises
    ------
    LexiconError, LookupError
        For an unreadable lexicon or an unknown bundled name.
    ValueError
        For options the lexicon's reader does not take, naming the lexicon.
    """
    return [_with_options(spec, options) for spec, options in specs]


def _with_options(spec: str, options: dict[str, Any]) -> Lexicon | str:
    """The lexicon ``spec`` read with its reader ``options``; without options the name or path itself."""
    if not options:
        return spec
    try:
        return load_lexicon(spec, **options)
    except TypeError as exc:
        msg = f"{spec}: {exc}; reader options are {_READER_OPTIONS}"
        raise ValueError(msg) from exc


def add_dictionary_arguments(parser: argparse.ArgumentParser) -> None:
    """``--dictionary LEXICON`` and ``--dictionary-option KEY=VALUE``; read them with :func:`read_dictionaries`."""
    parser.add_argument(
        "--dictionary",
        "-d",
        action=DictionaryAction,
        dest="dictionaries",
        default=[],
        metavar="LEXICON",
        help="also count a lexicon: a bundled name or a .toml/.dic/.csv path (repeatable)",
    )
    parser.add_argument(
        "--dictionary-option",
        "-o",
        action=DictionaryOptionAction,
        dest="dictionaries",
        metavar="KEY=VALUE",
        help=(
            f"a reader option for the .dic or .csv file named just before it by --dictionary or --frames (repeatable): {_READER_OPTIONS}"
        ),
    )


def add_scorer_arguments(parser: argparse.ArgumentParser) -> None:
    """``--frames LEXICON``, ``--loaded LEXICON`` and ``--without SCORER``; read them with :func:`scorer_options`.

    ``-o KEY=VALUE`` after ``--frames`` (from :func:`add_dictionary_arguments`) are reader options of the taxonomy's file.
    """
    parser.add_argument(
        "--frames",
        action=FramesAction,
        metavar="LEXICON",
        default=None,
        help=(
            "frame taxonomy: a bundled name or a .toml, .dic or .csv path (default policy-frames); "
            "-o KEY=VALUE after it sets a .dic or .csv file's reader options (name, version, license, citation...)"
        ),
    )
    parser.add_argument(
        "--loaded",
        action=LoadedAction,
        metavar="LEXICON",
        default=None,
        help="loaded-language lexicon: a bundled name or a .toml path (default loaded-language)",
    )
    parser.add_argument(
        "--sides",
        metavar="PATH",
        default=None,
        help=(
            "a JSON object mapping canonical source names or source types to sides (e.g. "
            '{"government": "state", "Ana Ruiz": "opposition"}); enables balance.sides and side_balance'
        ),
    )
    parser.add_argument(
        "--without",
        action="append",
        choices=list(_SCORER_SECTIONS),
        default=[],
        help="leave a default scorer out (repeatable)",
    )


def scorer_options(args: argparse.Namespace) -> dict[str, Any]:
    """The :class:`~framing.Analyzer` keywords of :func:`add_scorer_arguments`.

    The ``--frames`` file is read here when reader options follow it.

    Raises
    ------
    ValueError
        When a lexicon is given for a scorer that ``--without`` leaves out, or the taxonomy's reader
        does not take an option.
    LexiconError, LookupError
        For an unreadable taxonomy file or an unknown bundled name given with options.
    """
    for section in ("frames", "loaded"):
        if section in args.without and getattr(args, section) is not None:
            msg = f"--{section} {getattr(args, section)} and --without {section} contradict each other"
            raise ValueError(msg)
    frames = True if args.frames is None else _with_options(args.frames, getattr(args, "frames_options", None) or {})
    sides = None if getattr(args, "sides", None) is None else read_sides(args.sides)
    if sides is not None and "attribution" in args.without:
        msg = f"--sides {args.sides} and --without attribution contradict each other"
        raise ValueError(msg)
    attribution: bool | AttributionScorer = "attribution" not in args.without
    if sides is not None:
        attribution = AttributionScorer(sides=sides)
    return {
        "frames": False if "frames" in args.without else frames,
        "loaded": False if "loaded" in args.without else (args.loaded or True),
        "attribution": attribution,
    }


def read_sides(path: str) -> dict[str, str]:
    """The ``--sides`` file: a JSON object whose keys (source names or types) and values (sides) are strings.

    Raises
    ------
    ValueError
        Naming the file and what is wrong with it.
    """
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        msg = f"--sides {path}: cannot read: {exc.strerror or exc}"
        raise ValueError(msg) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        msg = f"--sides {path}: not a JSON file: {exc}"
        raise ValueError(msg) from exc
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in data.items()):
        msg = f"--sides {path}: expected a non-empty JSON object of strings, source name or type -> side"
        raise ValueError(msg)
    return data


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description="Framing, loaded language and attribution analysis of news text.")
    p.add_argument("--version", action="version", version=f"framing {framing_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse text files or JSONL records; one JSON object per document on stdout")
    a.add_argument("paths", nargs="*", default=["-"], help="text or .jsonl files; '-' (the default) reads stdin")
    a.add_argument(
        "--input",
        choices=["auto", "text", "jsonl"],
        default="auto",
        help=(
            "how to read inputs (auto: .jsonl and .ndjson files, gzipped or not, and any input whose first line is a "
            "JSON object are JSONL; others text)"
        ),
    )
    a.add_argument("--format", choices=["jsonl", "json", "csv"], default="jsonl", help="output format (default jsonl)")
    add_dictionary_arguments(a)
    add_scorer_arguments(a)
    a.add_argument("--text-field", default="text", metavar="FIELD", help="JSONL field holding the text (default text)")
    a.add_argument("--id-field", default="id", metavar="FIELD", help="JSONL field holding the id (default id)")
    a.add_argument("--title-field", default="title", metavar="FIELD", help="JSONL field holding the headline (default title)")
    a.add_argument("--readability", action="store_true", help="add readability formulas")
    a.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1; -1: one per usable CPU)")
    a.add_argument("--indent", type=int, default=None, help="indent JSON output")
    a.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")

    lx = sub.add_parser("lexicon", help="inspect lexicons")
    lsub = lx.add_subparsers(dest="lexicon_command", required=True)
    info = lsub.add_parser("info", help="print a lexicon's metadata, categories and entry counts as JSON")
    info.add_argument("dictionaries", metavar="lexicon", action=DictionaryAction, help="a bundled name or a .toml/.dic/.csv path")
    info.add_argument(
        "--dictionary-option",
        "-o",
        action=DictionaryOptionAction,
        dest="dictionaries",
        metavar="KEY=VALUE",
        help=f"a reader option for a .dic or .csv file (repeatable): {_READER_OPTIONS}",
    )
    lsub.add_parser("list", help="list the bundled lexicons")

    from framing.compare.cli import add_compare_parser  # noqa: PLC0415 - kept next to its subcommand

    add_compare_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "lexicon":
        return _lexicon(args)
    if args.command == "compare":
        from framing.compare.cli import run_compare  # noqa: PLC0415 - scipy loads only for comparisons

        return run_compare(args)
    return _analyze(args)


def _lexicon(args: argparse.Namespace) -> int:
    if args.lexicon_command == "list":
        for name in bundled_lexicon_names():
            lex = load_lexicon(name)
            sys.stdout.write(
                json.dumps({"name": lex.name, "version": lex.version, "categories": len(lex.categories), "entries": lex.n_entries}) + "\n"
            )
        return 0
    try:
        (item,) = read_dictionaries(args.dictionaries)
        lex = item if isinstance(item, Lexicon) else load_lexicon(item)
    except (LexiconError, LookupError, ValueError) as exc:
        sys.stderr.write(f"framing: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(lex.info(), indent=2, ensure_ascii=False) + "\n")
    return 0


def open_input(path: str, stdin: TextIO) -> IO[str]:
    r"""``path`` (or ``stdin`` for ``-``) as UTF-8 text, bytes that are not UTF-8 kept for :func:`undecodable`.

    Lines end at ``\n``, ``\r\n`` or ``\r``; a ``.gz`` file is decompressed as it is read. The
    caller closes a file it opened (not ``stdin``).

    Raises
    ------
    OSError
        When the file cannot be opened.
    """
    if path != "-":
        if path.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="")
        return Path(path).open(encoding="utf-8", errors="surrogateescape", newline="")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # already text (a StringIO in tests, a wrapped stream)
        return stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape", newline="")


def close_input(handle: IO[str], stdin: TextIO) -> None:
    """Close what :func:`open_input` opened, leaving standard input itself open."""
    if handle is stdin:
        return
    if isinstance(handle, io.TextIOWrapper) and handle.buffer is getattr(stdin, "buffer", None):
        handle.detach()
        return
    handle.close()


def undecodable(text: str) -> tuple[int, str] | None:
    r"""``(line, problem)`` for the first byte of ``text`` (read by :func:`open_input`) that is not UTF-8.

    ``None`` when the text is valid UTF-8; ``line`` is 1-based within ``text``.

    Examples
    --------
    >>> undecodable("Fine.\ncaf" + b"\xe9".decode("utf-8", "surrogateescape"))
    (2, 'not valid UTF-8 (byte 0xe9 at column 4)')
    >>> undecodable("café") is None
    True
    """
    if text.isascii():
        return None
    m = _UNDECODABLE.search(text)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    problem = f"not valid UTF-8 (byte 0x{ord(m.group()) - 0xDC00:02x} at column {m.start() - line_start + 1})"
    return text.count("\n", 0, m.start()) + 1, problem


def _unpaired_surrogate(line: str, obj: object) -> bool:
    r"""Whether a parsed JSON line holds an unpaired surrogate (escaped as ``\ud800`` and the like)."""
    if _SURROGATE_ESCAPE.search(line) is None:
        return False
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def jsonl_objects(handle: Iterable[str], source: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """``(line, object or error)`` for every non-blank line of a JSONL stream (any iterable of lines), lazily.

    A line that is not UTF-8, not JSON, not a JSON object or holds an unpaired surrogate gives an
    :class:`~framing.errors.InputError` naming ``source`` and the line; the next line is read as usual.
    """
    for lineno, line in enumerate(handle, 1):
        if lineno == 1:
            line = line.removeprefix("\ufeff")  # noqa: PLW2901 - a byte-order mark belongs to no record
        if not line.strip():
            continue
        bad = undecodable(line)
        if bad is not None:
            yield lineno, InputError(bad[1], source=source, line=lineno)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=lineno)
            continue
        if not isinstance(obj, dict):
            yield lineno, InputError(f"a record must be a JSON object, got {type(obj).__name__}", source=source, line=lineno)
            continue
        if _unpaired_surrogate(line, obj):
            yield lineno, InputError("a string holds an unpaired surrogate escape (not valid Unicode)", source=source, line=lineno)
            continue
        yield lineno, obj


def _head(handle: IO[str]) -> list[str]:
    """The lines of ``handle`` up to and including its first non-blank line (all of them if none is)."""
    head: list[str] = []
    for line in handle:
        head.append(line)
        if line.strip():
            break
    return head


def _is_json_object(line: str) -> bool:
    """Whether ``line`` is one JSON object (the first line of a JSONL stream, perhaps after a byte-order mark)."""
    line = line.removeprefix("\ufeff")
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _read_inputs(
    paths: Sequence[str], mode: str, stdin: TextIO, fields: tuple[str, str, str] = ("text", "id", "title")
) -> Iterator[tuple[str, int, Record | InputError]]:
    """Yield ``(source, line, record or error)`` for every input document, lazily.

    ``fields`` names the JSONL fields that hold the text, the id and the title.
    """
    for path in paths:
        is_jsonl = mode == "jsonl" or (mode == "auto" and path.removesuffix(".gz").endswith(_JSONL_SUFFIXES))
        source = "<stdin>" if path == "-" else path
        try:
            handle = open_input(path, stdin)
        except OSError as exc:
            yield source, 0, InputError(f"cannot read: {exc.strerror or exc}", source=source)
            continue
        try:
            # In auto mode, standard input and a file whose name does not say JSONL are JSONL
            # when their first non-blank line is a JSON object (a news text does not start with
            # one); a JSON array is refused rather than read as one text.
            head = _head(handle) if mode == "auto" and not is_jsonl else []
            if head and _is_json_object(head[-1]):
                yield from _jsonl(itertools.chain(head, handle), source, fields)
                continue
            if head and head[-1].lstrip().startswith(("[", "{")) and path.removesuffix(".gz").endswith(".json"):
                what = "a JSON array" if head[-1].lstrip().startswith("[") else "a JSON document over several lines"
                problem = f"{what}, not JSONL: write one record object per line (or pass --input text to analyse it as text)"
                yield source, len(head), InputError(problem, source=source, line=len(head))
                continue
            if not is_jsonl:
                text = "".join(head) + handle.read()
                bad = undecodable(text)
                if bad is not None:
                    yield source, bad[0], InputError(bad[1], source=source, line=bad[0])
                    continue
                yield source, 1, Record(text, None if path == "-" else Path(path).name, None, {"path": source})
                continue
            yield from _jsonl(handle, source, fields)
        finally:
            close_input(handle, stdin)


def jsonl_records(
    handle: Iterable[str], source: str, fields: tuple[str, str, str] = ("text", "id", "title")
) -> Iterator[tuple[int, Record | InputError]]:
    """``(line, record or error)`` for every non-blank line of a JSONL stream, lazily.

    ``fields`` names the fields that hold the text, the id and the headline; a record without an
    id is named ``<file name>:<line>``. A bad line gives an :class:`~framing.errors.InputError`
    naming ``source`` and the line, and the next line is read as usual.
    """
    text_field, id_field, title_field = fields
    for lineno, obj in jsonl_objects(handle, source):
        if isinstance(obj, InputError):
            yield lineno, obj
            continue
        try:
            rec = Record.coerce(obj, index=lineno, source=source, text_field=text_field, id_field=id_field, title_field=title_field)
        except InputError as exc:
            yield lineno, exc
            continue
        if rec.id is None:
            rec = Record(rec.text, f"{Path(source).name}:{lineno}", rec.title, rec.metadata)
        yield lineno, rec


def _jsonl(handle: Iterable[str], source: str, fields: tuple[str, str, str]) -> Iterator[tuple[str, int, Record | InputError]]:
    for lineno, item in jsonl_records(handle, source, fields):
        yield source, lineno, item


class _Writer:
    """Writes analyses as JSON lines, a JSON array, or CSV.

    CSV rows are spooled to a temporary file and written when the stream ends, under a header
    that holds every column of every record (records may carry different metadata fields).
    """

    def __init__(self, out: TextIO, fmt: str, indent: int | None) -> None:
        self.out = out
        self.fmt = fmt
        self.indent = indent
        self.n = 0
        self._columns: dict[str, None] = {}
        self._spool: IO[str] | None = tempfile.TemporaryFile("w+", encoding="utf-8") if fmt == "csv" else None  # noqa: SIM115 - closed in close()

    def write(self, d: dict[str, Any] | str) -> None:
        """Write one analysis, given as a dict or as its JSON text."""
        if self.fmt == "jsonl":
            self.out.write((d if isinstance(d, str) else json.dumps(d, ensure_ascii=False)) + "\n")
        elif self.fmt == "json":
            self.out.write("[\n" if self.n == 0 else ",\n")
            self.out.write(d if isinstance(d, str) else json.dumps(d, ensure_ascii=False, indent=self.indent))
        else:
            assert isinstance(d, dict)
            assert self._spool is not None
            row = _flatten(d)
            self._columns.update(dict.fromkeys(row))
            self._spool.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.n += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")
        if self._spool is not None:
            self._spool.seek(0)
            if self.n:
                writer = csv.DictWriter(self.out, fieldnames=list(self._columns), lineterminator="\n")
                writer.writeheader()
                for line in self._spool:
                    writer.writerow(json.loads(line))
            self._spool.close()
            self._spool = None
        self.out.flush()


def _flatten(d: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: scalar fields and per-category figures; spans stay in the JSON formats."""
    row: dict[str, Any] = {
        "id": d["id"],
        "framing_version": d["framing_version"],
        "n_chars": d["n_chars"],
        "n_tokens": d["n_tokens"],
        "n_sentences": len(d["sentences"]),
        "n_quotes": len(d["quotes"]),
        "flags": d.get("flags", ""),
        "lexicons": ";".join(f"{x['name']}@{x['version']}" for x in d["lexicons"]),
        "lexicons_sha256": ";".join(x["sha256"] for x in d["lexicons"]),
    }
    for k, v in d.get("metadata", {}).items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            row[f"meta.{k}"] = v
    for name, res in d.get("dictionaries", {}).items():
        for cid, c in res["categories"].items():
            # Under their own namespace: a user's lexicon may be called "frames" or "meta".
            key = f"dictionaries.{name}.{cid}"
            row[f"{key}.count"] = c["count"]
            row[f"{key}.weighted"] = c["weighted"]
            row[f"{key}.rate"] = c["rate"]
            row[f"{key}.authorial_rate"] = c["authorial"]["rate"]
            row[f"{key}.quoted_rate"] = c["quoted"]["rate"]
            row[f"{key}.authorial_weighted"] = c["authorial"]["weighted"]
            row[f"{key}.quoted_weighted"] = c["quoted"]["weighted"]
    for k, v in (d.get("readability") or {}).items():
        row[f"readability.{k}"] = v
    if any(d.get(section) for section in _SCORER_SECTIONS):
        # The default scorers' numbers under the feature vectors' names (frames.score.economic,
        # loaded.score, attribution.voice_gini...): the same definitions as for scikit-learn.
        from framing.integrations.features import extract_features  # noqa: PLC0415 - numpy-heavy, only for CSV

        fv = extract_features(d)
        if isinstance(d.get("frames"), dict):
            row["frames.primary"] = d["frames"].get("primary")
        for section in ("frames", "loaded"):
            # the scorer's parameters, so a table says which settings made its numbers
            for k, v in ((d.get(section) or {}).get("settings") or {}).items():
                row[f"{section}.settings.{k}"] = v
        row.update({name: value for name, value in zip(fv.names, fv.values, strict=True) if name.startswith(_SCORER_PREFIXES)})
    return row


def _analyze(args: argparse.Namespace) -> int:  # noqa: C901 - reading, analysing, reporting and progress in one loop
    try:
        analyzer = Analyzer(dictionaries=read_dictionaries(args.dictionaries), readability=args.readability, **scorer_options(args))
    except (LexiconError, LookupError, ValueError) as exc:
        sys.stderr.write(f"framing: {exc}\n")
        return 2
    if args.jobs < 1 and args.jobs != -1:
        sys.stderr.write("framing: --jobs must be at least 1, or -1 for one per usable CPU\n")
        return 2
    failed = 0
    where: deque[tuple[str, int]] = deque()

    def good_records() -> Iterator[Record]:
        nonlocal failed
        for source, line, item in _read_inputs(args.paths, args.input, sys.stdin, (args.text_field, args.id_field, args.title_field)):
            if isinstance(item, InputError):
                failed += 1
                sys.stderr.write(f"framing: skipped: {item}\n")
                continue
            where.append((source, line))
            yield item

    writer = _Writer(sys.stdout, args.format, args.indent)
    started = last = time.monotonic()
    done = 0
    try:
        try:
            stream: Iterator[dict[str, Any] | str | Failure]
            if args.format == "csv":
                stream = analyzer.analyze_many_dicts(good_records(), n_jobs=args.jobs, on_error="return")
            else:
                stream = analyzer.analyze_many_json(good_records(), n_jobs=args.jobs, indent=args.indent if args.format == "json" else None)
            for result in stream:
                source, line = where.popleft()
                if isinstance(result, Failure):
                    failed += 1
                    sys.stderr.write(f"framing: skipped: {source}:{line}: {result.error}\n")
                    continue
                writer.write(result)
                done += 1
                now = time.monotonic()
                if not args.quiet and now - last >= _PROGRESS_EVERY_S:
                    last = now
                    sys.stderr.write(f"framing: {done} documents analysed, {failed} skipped, {done / (now - started):.0f} docs/s\n")
        finally:
            writer.close()
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as a filter does
        _detach_stdout()
        return 0
    if not args.quiet and time.monotonic() - started >= _PROGRESS_EVERY_S:
        sys.stderr.write(f"framing: done: {done} documents analysed, {failed} skipped\n")
    return 1 if failed else 0


def _detach_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush finds no broken pipe."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
