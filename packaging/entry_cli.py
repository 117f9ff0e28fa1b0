"""Frozen entry point of the console ``desk-cli`` executable: the CLI only."""

import sys

from desk.cli import main

sys.exit(main())
