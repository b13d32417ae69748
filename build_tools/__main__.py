"""Command line: ``python -m build_tools outline|check|candidates|metrics FILE``."""

import sys

from build_tools.cli import main

sys.exit(main())
