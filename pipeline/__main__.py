"""``python -m pipeline`` runs the ``dispute-stance`` CLI."""
from pipeline.cli import main

raise SystemExit(main())
