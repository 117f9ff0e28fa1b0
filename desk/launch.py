"""Choose the face: the command line for a sub-command, else the window.

``desk index|search|... ARGS`` runs the CLI (which never imports Qt);
``desk [FOLDER] [--smoke-test ...]`` opens the reader.  This module is the
only place outside desk/gui/ that may import the GUI, and it does so lazily.
"""

from __future__ import annotations

import sys

#: commands that read the library and print: run as the process's own command (``desk compare ...``),
#: the process ends as soon as their output is out (:func:`_end_now`)
ENDS_AT_ONCE = frozenset({"search", "articles", "claims", "compare", "collate", "timeline"})


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from desk import cli

    if not args or not cli.wants_cli(args):
        from desk.gui.app import main as gui_main

        return gui_main(args)
    code = cli.main(args)
    if argv is None and args[0] in ENDS_AT_ONCE:
        _end_now(code)
    return code


def _end_now(code: int) -> None:
    """End the process without tearing the interpreter down.

    The command has returned: its output is written, its library closed (the store committed what it
    wrote) and its files are in place.  What the interpreter's ending would still do is free every
    object the command made, one by one (a comparison's rows, the compare caches, the modules): 20-30
    CPU-ms of a ``desk compare`` that nobody waits for.  Only the process's own command gets this
    (``argv`` None): a caller of :func:`main` in its own process goes on as usual.
    """
    import logging
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a closed stream: nothing more to say
            pass
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
