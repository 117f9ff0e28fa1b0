"""desk: compare how news outlets report the same facts, offline."""

__version__ = "0.1.0"
