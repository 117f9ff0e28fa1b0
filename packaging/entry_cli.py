"""Frozen entry point of the console ``desk-cli`` executable: the CLI only."""

import multiprocessing
import sys

from desk.cli import main

# a frozen app's worker processes re-run this script when started with
# "spawn" (desk's indexer forks on Linux; spawn elsewhere): hand them over
multiprocessing.freeze_support()
sys.exit(main())
