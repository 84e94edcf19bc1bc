"""The ``framing`` command line, a thin layer over the Python API.

Exit status: 0 when every record was analysed, 1 when any record failed (each failure is
reported on stderr with its file and line, and every good record is still written), 2 for a
usage error or an unreadable lexicon.

CSV output has one column per field of any record (a record without a field leaves its cell
empty); it is written when the input ends.

Standard input (``-``) is read as JSONL when its first non-blank line is a JSON object (``--input
auto``, the default), else as one text; ``--input text`` or ``--input jsonl`` decides instead.

Inputs are UTF-8. A JSONL line holding bytes that are not UTF-8, or a JSON escape of an unpaired
surrogate (not valid Unicode text), is a bad record of its own: the lines around it are read as
usual. A text file with such bytes is skipped whole, naming its first bad line and column.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
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
from framing.lexicon import load_lexicon

__all__ = ["main"]

_PROGRESS_EVERY_S = 2.0
#: What ``surrogateescape`` decoding makes of bytes that are not UTF-8.
_UNDECODABLE = re.compile("[\udc80-\udcff]")
#: A JSON escape that may stand for half of a surrogate pair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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
        help="how to read inputs (auto: .jsonl files, and stdin whose first line is a JSON object, are JSONL; others text)",
    )
    a.add_argument("--format", choices=["jsonl", "json", "csv"], default="jsonl", help="output format (default jsonl)")
    a.add_argument(
        "--dictionary",
        "-d",
        action="append",
        default=[],
        metavar="LEXICON",
        help="also count a lexicon: a bundled name or a .toml/.dic/.csv path (repeatable)",
    )
    a.add_argument("--readability", action="store_true", help="add readability formulas")
    a.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    a.add_argument("--indent", type=int, default=None, help="indent JSON output")
    a.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")

    lx = sub.add_parser("lexicon", help="inspect lexicons")
    lsub = lx.add_subparsers(dest="lexicon_command", required=True)
    info = lsub.add_parser("info", help="print a lexicon's metadata, categories and entry counts as JSON")
    info.add_argument("lexicon", help="a bundled name or a .toml/.dic/.csv path")
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
        lex = load_lexicon(args.lexicon)
    except (LexiconError, LookupError) as exc:
        sys.stderr.write(f"framing: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(lex.info(), indent=2, ensure_ascii=False) + "\n")
    return 0


def open_input(path: str, stdin: TextIO) -> IO[str]:
    r"""``path`` (or ``stdin`` for ``-``) as UTF-8 text, bytes that are not UTF-8 kept for :func:`undecodable`.

    Lines end at ``\n``, ``\r\n`` or ``\r``. The caller closes a file it opened (not ``stdin``).

    Raises
    ------
    OSError
        When the file cannot be opened.
    """
    if path != "-":
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
    """Whether ``line`` is one JSON object (the first line of a JSONL stream)."""
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _read_inputs(paths: Sequence[str], mode: str, stdin: TextIO) -> Iterator[tuple[str, int, Record | InputError]]:
    """Yield ``(source, line, record or error)`` for every input document, lazily."""
    for path in paths:
        is_jsonl = mode == "jsonl" or (mode == "auto" and path.endswith(".jsonl"))
        source = "<stdin>" if path == "-" else path
        try:
            handle = open_input(path, stdin)
        except OSError as exc:
            yield source, 0, InputError(f"cannot read: {exc.strerror or exc}", source=source)
            continue
        try:
            # Standard input has no file name to tell: in auto mode, a stream whose first
            # non-blank line is a JSON object is JSONL (a news text does not start with one).
            head = _head(handle) if mode == "auto" and path == "-" else []
            if head and _is_json_object(head[-1]):
                yield from _jsonl(itertools.chain(head, handle), source)
                continue
            if not is_jsonl:
                text = "".join(head) + handle.read()
                bad = undecodable(text)
                if bad is not None:
                    yield source, bad[0], InputError(bad[1], source=source, line=bad[0])
                    continue
                yield source, 1, Record(text, None if path == "-" else Path(path).name, None, {"path": source})
                continue
            yield from _jsonl(handle, source)
        finally:
            close_input(handle, stdin)


def _jsonl(handle: Iterable[str], source: str) -> Iterator[tuple[str, int, Record | InputError]]:
    for lineno, obj in jsonl_objects(handle, source):
        if isinstance(obj, InputError):
            yield source, lineno, obj
            continue
        try:
            rec = Record.coerce(obj, index=lineno, source=source)
        except InputError as exc:
            yield source, lineno, exc
            continue
        if rec.id is None:
            rec = Record(rec.text, f"{Path(source).name}:{lineno}", rec.title, rec.metadata)
        yield source, lineno, rec


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


_SCORER_SECTIONS: Final = ("frames", "loaded", "attribution")
_SCORER_PREFIXES: Final = tuple(f"{section}." for section in _SCORER_SECTIONS)


def _flatten(d: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: scalar fields and per-category figures; spans stay in the JSON formats."""
    row: dict[str, Any] = {
        "id": d["id"],
        "n_chars": d["n_chars"],
        "n_tokens": d["n_tokens"],
        "n_sentences": len(d["sentences"]),
        "n_quotes": len(d["quotes"]),
        "lexicons": ";".join(f"{x['name']}@{x['version']}" for x in d["lexicons"]),
        "lexicons_sha256": ";".join(x["sha256"] for x in d["lexicons"]),
    }
    for k, v in d.get("metadata", {}).items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            row[f"meta.{k}"] = v
    for name, res in d.get("dictionaries", {}).items():
        for cid, c in res["categories"].items():
            row[f"{name}.{cid}.count"] = c["count"]
            row[f"{name}.{cid}.weighted"] = c["weighted"]
            row[f"{name}.{cid}.rate"] = c["rate"]
            row[f"{name}.{cid}.authorial_rate"] = c["authorial"]["rate"]
            row[f"{name}.{cid}.quoted_rate"] = c["quoted"]["rate"]
    for k, v in (d.get("readability") or {}).items():
        row[f"readability.{k}"] = v
    if any(d.get(section) for section in _SCORER_SECTIONS):
        # The default scorers' numbers under the feature vectors' names (frames.score.economic,
        # loaded.score, attribution.voice_gini...): the same definitions as for scikit-learn.
        from framing.integrations.features import extract_features  # noqa: PLC0415 - numpy-heavy, only for CSV

        fv = extract_features(d)
        if isinstance(d.get("frames"), dict):
            row["frames.primary"] = d["frames"].get("primary")
        row.update({name: value for name, value in zip(fv.names, fv.values, strict=True) if name.startswith(_SCORER_PREFIXES)})
    return row


def _analyze(args: argparse.Namespace) -> int:  # noqa: C901 - reading, analysing, reporting and progress in one loop
    try:
        analyzer = Analyzer(dictionaries=args.dictionary, readability=args.readability)
    except (LexiconError, LookupError, ValueError) as exc:
        sys.stderr.write(f"framing: {exc}\n")
        return 2
    if args.jobs < 1:
        sys.stderr.write("framing: --jobs must be at least 1\n")
        return 2
    failed = 0
    where: deque[tuple[str, int]] = deque()

    def good_records() -> Iterator[Record]:
        nonlocal failed
        for source, line, item in _read_inputs(args.paths, args.input, sys.stdin):
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
    except BrokenPipeError:  # pragma: no cover - the reader went away (| head)
        return 0
    finally:
        writer.close()
    if not args.quiet and time.monotonic() - started >= _PROGRESS_EVERY_S:
        sys.stderr.write(f"framing: done: {done} documents analysed, {failed} skipped\n")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
