"""spaCy for desk: English only, no tests, no Cython sources.

Overrides the pyinstaller-hooks-contrib hook (which collects every language
and ``spacy.tests``).  The registries spaCy resolves a model config against
are filled by importing its submodules and by entry points, so every
submodule except other languages and the test suite is kept, and the
``*.dist-info`` of the packages that register functions is copied.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

# spacy.lang's shared modules (char_classes, punctuation, lex_attrs, ...) are
# plain modules; the per-language packages are sub-packages we do not need.
_SHARED_LANG = ("spacy.lang.en",)


def _wanted(name: str) -> bool:
    if ".tests" in name or name.startswith("spacy.tests"):
        return False
    parts = name.split(".")
    if len(parts) >= 3 and parts[1] == "lang":
        leaf = parts[2]
        is_language_package = len(leaf) in (2, 3) or leaf == "xx"
        return not is_language_package or name.startswith(_SHARED_LANG)
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted) + collect_submodules("spacy_legacy")
hiddenimports += collect_submodules("spacy_loggers")

datas = collect_data_files(
    "spacy",
    excludes=["**/tests/**", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c", "**/*.cpp", "**/*.h", "**/*.hh"],
)
datas = [(src, dst) for src, dst in datas if "/lang/" not in src.replace("\\", "/") or "/lang/en/" in src]
for dist in ("spacy", "spacy-legacy", "spacy-loggers", "thinc"):
    datas += copy_metadata(dist)
