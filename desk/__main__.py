"""``python -m desk``: the same entry point as the ``desk`` command."""

import sys

from desk.launch import main

if __name__ == "__main__":
    sys.exit(main())
