"""Typed errors raised by :mod:`framing`.

Every error names what was wrong: a lexicon error carries the file and the line,
an input error the record's line number.
"""

from __future__ import annotations

__all__ = ["FramingError", "InputError", "LexiconError"]


class FramingError(Exception):
    """Base class of every error this library raises on purpose."""


class LexiconError(FramingError, ValueError):
    """A lexicon file or lexicon definition is malformed.

    Parameters
    ----------
    problem
        What is wrong, in one sentence.
    path
        The file that was read, or ``None`` for a lexicon built in memory.
    line
        The 1-based line of the problem, when it is known.

    Examples
    --------
    >>> err = LexiconError("weight must be > 0", path="my.toml", line=12)
    >>> str(err)
    'my.toml:12: weight must be > 0'
    """

    def __init__(self, problem: str, *, path: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        where = path or "<lexicon>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with keyword arguments intact (needed across worker processes)."""
        return (_rebuild_lexicon_error, (self.problem, self.path, self.line))


def _rebuild_lexicon_error(problem: str, path: str | None, line: int | None) -> LexiconError:
    return LexiconError(problem, path=path, line=line)


class InputError(FramingError, ValueError):
    """An input record (a JSONL line, a file) cannot be analysed.

    Parameters
    ----------
    problem
        What is wrong.
    source
        The file or stream name.
    line
        The 1-based line number of the record, when it is known.

    Examples
    --------
    >>> str(InputError("field 'text' is missing", source="corpus.jsonl", line=3))
    "corpus.jsonl:3: field 'text' is missing"
    """

    def __init__(self, problem: str, *, source: str | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.source = source
        self.line = line
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with keyword arguments intact."""
        return (_rebuild_input_error, (self.problem, self.source, self.line))


def _rebuild_input_error(problem: str, source: str | None, line: int | None) -> InputError:
    return InputError(problem, source=source, line=line)
