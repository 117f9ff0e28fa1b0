"""Choose the face: the command line for a sub-command, else the window.

``desk index|search|... ARGS`` runs the CLI (which never imports Qt);
``desk [FOLDER] [--smoke-test ...]`` opens the reader.  This module is the
only place outside desk/gui/ that may import the GUI, and it does so lazily.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from desk import cli

    if not args or not cli.wants_cli(args):
        from desk.gui.app import main as gui_main

        return gui_main(args)
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
