"""``python -m wargame`` works like the ``wargame`` command."""
from wargame.cli import main

raise SystemExit(main())
