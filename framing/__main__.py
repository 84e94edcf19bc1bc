"""``python -m framing`` runs the command line."""

from framing.cli import main

raise SystemExit(main())
