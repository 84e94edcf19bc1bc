"""Collection rules for the doctest run over framing/: optional integrations need their extras."""

from importlib.util import find_spec

_OPTIONAL = {
    "framing/integrations/sklearn.py": ("sklearn",),
    "framing/integrations/dask.py": ("dask", "pandas"),
}

# Without the extra, importing the module raises an ImportError naming it; skip its doctests.
collect_ignore = [path for path, modules in _OPTIONAL.items() if any(find_spec(m) is None for m in modules)]
