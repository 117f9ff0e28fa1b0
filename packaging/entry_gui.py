"""Frozen entry point of the windowed ``desk`` executable.

The same dispatch as the ``desk`` console script: a sub-command runs the CLI,
anything else opens the reader.
"""

import multiprocessing
import sys

from desk.launch import main

# a frozen app's worker processes re-run this script when started with
# "spawn" (desk's indexer forks on Linux; spawn elsewhere): hand them over
multiprocessing.freeze_support()
sys.exit(main())
