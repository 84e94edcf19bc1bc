"""``framing compare CORPUS.jsonl --by outlet [--pair-by story] [--report out.html]``.

Wire it into the main parser with :func:`add_compare_parser` and dispatch ``args.command ==
"compare"`` to :func:`run_compare`. The report goes to stdout (``--format markdown``, the default,
or ``json``), and also to ``--report`` as HTML (or Markdown/JSON by the file's extension). Progress
goes to stderr. Exit status: 0 on success (repeats of an earlier record of the same outlet and
empty texts are left out by design, counted and named in the notes and on stderr), 1 when
records could not be used (each named on stderr by file and line, or by id for an id an outlet
used before for another text; the report is still written), 2 for a usage error, a corpus with
no usable record, or a ``--report`` file that cannot be written (the report on stdout is still
written). A line that is not UTF-8, not a JSON object, or lacks the text or the outlet is
skipped alone.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from framing.analysis import Analyzer, Record
from framing.cli import (
    add_dictionary_arguments,
    add_scorer_arguments,
    close_input,
    jsonl_records,
    open_input,
    read_dictionaries,
    scorer_options,
)
from framing.compare.features import FeatureData, check_record, collect
from framing.errors import InputError, LexiconError

if TYPE_CHECKING:
    from framing.compare.report import ComparisonReport

__all__ = ["add_compare_parser", "run_compare"]

_PROGRESS_EVERY_S = 2.0


def add_compare_parser(subparsers: Any) -> argparse.ArgumentParser:  # noqa: ANN401 - argparse's private _SubParsersAction type
    """Add the ``compare`` sub-command to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    c: argparse.ArgumentParser = subparsers.add_parser("compare", help="compare outlets in a JSONL corpus: statistics and a report")
    c.add_argument("corpus", help="JSONL file of records with 'text' and the outlet field ('-' reads stdin)")
    c.add_argument("--by", default="outlet", help="field naming the outlet (default: outlet)")
    c.add_argument("--pair-by", default=None, help="field naming the story, for matched-story tests")
    c.add_argument("--date", default="date", help="field holding the date (default: date)")
    c.add_argument("--report", default=None, metavar="PATH", help="also write the report here (.html, .md or .json)")
    c.add_argument("--format", choices=["markdown", "json"], default="markdown", help="report format on stdout (default markdown)")
    c.add_argument("--no-plots", action="store_true", help="HTML report without plots")
    c.add_argument(
        "--features",
        default=None,
        metavar="PATH",
        help="also write the per-document features behind the statistics as CSV (id, outlet, story, one column per feature, "
        "then framing_version, lexicons and lexicons_sha256)",
    )
    c.add_argument(
        "--duplicates",
        choices=["skip", "keep", "error"],
        default="skip",
        help="a record repeating an earlier record of its outlet (same text, or same id and text): skip it (default; "
        "counted and named), keep it, or stop with an error; texts shared by several outlets are kept in each",
    )
    c.add_argument(
        "--test-features",
        action="append",
        default=None,
        metavar="NAMES",
        help="the tested family: feature names or glob patterns, comma-separated or repeated ('loaded.score,frames.score.*'); "
        "the others are described, not tested (default: every score feature). Choose it before seeing the data",
    )
    add_dictionary_arguments(c)
    add_scorer_arguments(c)
    c.add_argument("--text-field", default="text", metavar="FIELD", help="field holding the text (default text)")
    c.add_argument("--title-field", default="title", metavar="FIELD", help="field holding the headline (default title)")
    c.add_argument("--id-field", default="id", metavar="FIELD", help="field holding the id (default id; else <file>:<line>)")
    c.add_argument("--no-readability", action="store_true", help="skip readability formulas (faster)")
    c.add_argument("--correction", choices=["holm", "fdr_bh"], default="holm", help="multiple-comparison correction (default holm)")
    c.add_argument("--alpha", type=float, default=0.05, help="significance level (default 0.05)")
    c.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples (default 2000)")
    c.add_argument("--confidence", type=float, default=0.95, help="level of the confidence intervals (default 0.95)")
    c.add_argument(
        "--ci-method",
        choices=["expanded", "percentile", "BCa"],
        default="expanded",
        help="bootstrap interval: expanded percentile (default; widened for small samples), plain percentile or BCa",
    )
    c.add_argument("--permutations", type=int, default=999, help="label permutations of the frame χ² test (default 999)")
    c.add_argument("--min-stories", type=int, default=6, help="shared stories needed for a paired test (default 6)")
    c.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    c.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1; -1: one per usable CPU)")
    c.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    return c


def _records(handle: IO[str], source: str, args: argparse.Namespace, skipped: list[str]) -> Iterator[Record]:
    """The usable records of a JSONL stream, lazily; every other line is named in ``skipped``.

    Fields are read as ``framing analyze`` reads them (:func:`framing.cli.jsonl_records`); a
    record the comparison would reject (no outlet, a bad story key) is checked here, where its
    line in the file is known.
    """
    for lineno, rec in jsonl_records(handle, source, (args.text_field, args.id_field, args.title_field)):
        if isinstance(rec, InputError):
            skipped.append(str(rec))
            continue
        try:
            check_record(rec, by=args.by, pair_by=args.pair_by)
        except InputError as exc:
            skipped.append(f"{source}:{lineno}: {exc.problem}")
            continue
        yield rec


def _analyzer(args: argparse.Namespace) -> Analyzer | None:
    """The analyzer of the command, or ``None`` after naming a usage error on stderr."""
    if (args.jobs < 1 and args.jobs != -1) or args.n_boot < 10 or args.permutations < 0 or args.min_stories < 1:
        sys.stderr.write("framing: need --jobs >= 1 (or -1), --n-boot >= 10, --permutations >= 0, --min-stories >= 1\n")
        return None
    if args.corpus != "-" and not Path(args.corpus).is_file():
        sys.stderr.write(f"framing: {args.corpus}: no such file\n")
        return None
    if args.report and not Path(args.report).resolve().parent.is_dir():
        sys.stderr.write(f"framing: cannot write the report to {args.report}: no such directory\n")
        return None
    try:
        return Analyzer(dictionaries=read_dictionaries(args.dictionaries), readability=not args.no_readability, **scorer_options(args))
    except (LexiconError, LookupError, ValueError) as exc:
        sys.stderr.write(f"framing: {exc}\n")
        return None


def run_compare(args: argparse.Namespace) -> int:
    """Run ``framing compare``; returns the exit status."""
    from framing.compare.api import compare_features, compare_settings  # noqa: PLC0415 - scipy loads only when comparing

    analyzer = _analyzer(args)
    if analyzer is None:
        return 2
    source = "<stdin>" if args.corpus == "-" else args.corpus
    try:
        handle = open_input(args.corpus, sys.stdin)
    except OSError as exc:
        sys.stderr.write(f"framing: {source}: cannot read: {exc.strerror or exc}\n")
        return 2
    skipped: list[str] = []
    started = last = -1.0
    first = 0

    def progress(done: int, n_skipped: int) -> None:
        nonlocal started, last, first
        now = time.monotonic()
        if started < 0:  # the clock starts at the first record, once the scorers have loaded
            started, last, first = now, now, done
            return
        if not args.quiet and now - last >= _PROGRESS_EVERY_S:
            last = now
            rate = (done - first) / (now - started)
            sys.stderr.write(f"framing: {done} documents analysed, {n_skipped + len(skipped)} skipped, {rate:.0f} docs/s\n")

    try:
        settings = compare_settings(
            by=args.by,
            pair_by=args.pair_by,
            n_boot=args.n_boot,
            confidence=args.confidence,
            ci_method=args.ci_method,
            alpha=args.alpha,
            correction=args.correction,
            n_permutations=args.permutations,
            min_stories=args.min_stories,
            seed=args.seed,
            test_features=_patterns(args.test_features),
        )
        data = collect(
            _records(handle, source, args, skipped),
            analyzer=analyzer,
            by=args.by,
            pair_by=args.pair_by,
            date=args.date,
            n_jobs=args.jobs,
            on_missing="skip",
            duplicates=args.duplicates,
            progress=progress,
        )
        report = compare_features(data, settings)
    except (InputError, ValueError) as exc:
        for s in skipped:
            sys.stderr.write(f"framing: skipped: {s}\n")
        sys.stderr.write(f"framing: {_corpus_error(exc, source)}\n")
        return 2
    finally:
        close_input(handle, sys.stdin)
    _name_skips(skipped, data)
    report = _with_read_skips(report, len(skipped))
    if not args.quiet:
        sys.stderr.write(f"framing: done: {report.n_documents} documents, {report.n_skipped} skipped\n")
    if not _write(report, args) or (args.features and not _write_features(data, args.features)):
        return 2
    # Empty texts and repeats are left out by design and named in the notes; only records that
    # could not be read (a missing field, an unreadable line) make the run a partial failure.
    return 1 if report.n_skipped - report.n_empty - report.n_duplicates else 0


def _patterns(values: list[str] | None) -> tuple[str, ...] | None:
    """The ``--test-features`` patterns: every value split at commas, blanks dropped (``None`` when not given).

    >>> _patterns(["loaded.score, frames.score.*", "readability.*"])
    ('loaded.score', 'frames.score.*', 'readability.*')
    """
    if values is None:
        return None
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _name_skips(skipped: list[str], data: FeatureData) -> None:
    """Name on stderr every record left out: unreadable lines, repeats (the first few by id), empty texts."""
    for s in (*skipped, *data.conflicts, *data.duplicates):
        sys.stderr.write(f"framing: skipped: {s}\n")
    if data.n_duplicates > len(data.duplicates):
        sys.stderr.write(f"framing: skipped: {data.n_duplicates - len(data.duplicates)} more repeats (counted in the report)\n")
    if data.n_empty:
        sys.stderr.write(f"framing: skipped: {data.n_empty} records with an empty or white-space-only text\n")


def _with_read_skips(report: ComparisonReport, n: int) -> ComparisonReport:
    """``report`` counting ``n`` input lines dropped while reading: a saved report states its whole sample."""
    if not n:
        return report
    note = f"{n} input lines skipped while reading (not JSON, not an object, or a missing or bad field)"
    return dataclasses.replace(report, n_skipped=report.n_skipped + n, notes=(*report.notes, note))


def _write_features(data: FeatureData, path: str) -> bool:
    """Write the per-document features as CSV (missing values as empty cells); ``False`` when the file cannot be written.

    Every row ends with the provenance columns of ``framing analyze --format csv``:
    ``framing_version``, ``lexicons`` (``name@version;...``) and ``lexicons_sha256``.
    """
    provenance = {
        "framing_version": data.framing_version,
        "lexicons": ";".join(f"{ref.name}@{ref.version}" for ref in data.lexicons),
        "lexicons_sha256": ";".join(ref.sha256 for ref in data.lexicons),
    }
    names = ["id", "outlet", "story", *(f.name for f in data.features), *provenance]
    try:
        with Path(path).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=names, lineterminator="\n")
            writer.writeheader()
            writer.writerows({**row, **provenance} for row in data.rows())
    except OSError as exc:
        sys.stderr.write(f"framing: cannot write the features to {path}: {exc.strerror or exc}\n")
        return False
    return True


def _corpus_error(exc: Exception, source: str) -> str:
    """The message of an error that stopped the comparison; one about the whole corpus names it."""
    if isinstance(exc, InputError) and exc.source is None and exc.line is None:
        return f"{source}: {exc.problem}"
    return str(exc)


def _write(report: ComparisonReport, args: argparse.Namespace) -> bool:
    """Write the report to stdout and to ``--report``; ``False`` when the file cannot be written."""
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        sys.stdout.write(report.to_markdown())
    if args.report:
        out = Path(args.report)
        try:
            if out.suffix == ".md":
                out.write_text(report.to_markdown(), encoding="utf-8")
            elif out.suffix == ".json":
                out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8")
            else:
                report.to_html(out, plots=not args.no_plots)
        except OSError as exc:
            sys.stderr.write(f"framing: cannot write the report to {out}: {exc.strerror or exc}\n")
            return False
        if not args.quiet:
            sys.stderr.write(f"framing: report written to {out}\n")
    return True
