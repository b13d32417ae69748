"""Command line: ``python -m build_tools outline|check|candidates|metrics FILE``."""

import sys

from .cli import main

sys.exit(main())
