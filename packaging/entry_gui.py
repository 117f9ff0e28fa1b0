"""Frozen entry point of the windowed ``desk`` executable.

The same dispatch as the ``desk`` console script: a sub-command runs the CLI,
anything else opens the reader.
"""

import sys

from desk.launch import main

sys.exit(main())
