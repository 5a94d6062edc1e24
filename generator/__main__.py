"""``python -m generator`` is the same as the ``ratsarchiv`` command."""

from generator.cli import main

raise SystemExit(main())
