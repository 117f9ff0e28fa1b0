"""The Qt face of desk: the only package that imports PySide6."""
