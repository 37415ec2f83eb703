#!/usr/bin/env bash
# The test command (README Quick start): installs what the tests need, then lint, types, tests.
# Needs only Python >= 3.11; on Debian/Ubuntu it installs chromium for the browser test when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e '.[test]'
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser test…"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
python -m ruff format --check extract tests benchmarks dashboard.py dashboard_data.py dashboard_tabs.py
python -m ruff check extract tests benchmarks dashboard.py dashboard_data.py dashboard_tabs.py
python -m mypy
python -m pytest "$@"
