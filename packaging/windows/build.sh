#!/usr/bin/env bash
# Build the Windows installer (dist-windows/Simulasi-TPS-<version>.exe) on Linux: see build.py.
# Needs python3 (3.10 or newer, with venv) and NSIS's makensis; installs nothing system-wide.
# pynsist lives in a build-only virtual environment in the download cache, never in the
# project's own environment. Arguments are passed to build.py (--embed-from python.org|pypi,
# --check-embed, --cache, --out, --work).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${SIMULASI_TPS_BUILD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/simulasi-tps-build}"
PYNSIST_VERSION=2.8

missing=()
command -v python3 >/dev/null || missing+=("python3 (Debian: python3 python3-venv)")
command -v makensis >/dev/null || missing+=("makensis (Debian: nsis)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "packaging/windows/build.sh: missing: ${missing[*]}" >&2
  echo "  as root: apt-get install --no-install-recommends nsis python3-venv" >&2
  exit 2
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "packaging/windows/build.sh: python3 is $(python3 -V 2>&1); 3.10 or newer is needed" >&2
  exit 2
fi

venv="$cache/venv"
if ! "$venv/bin/python" -c "import nsist, sys; sys.exit(nsist.__version__ != '$PYNSIST_VERSION')" \
    2>/dev/null; then
  echo "+ build environment: $venv (pynsist $PYNSIST_VERSION)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --cache-dir "$cache/pip" "pynsist==$PYNSIST_VERSION"
fi
exec "$venv/bin/python" "$here/build.py" --cache "$cache" "$@"
