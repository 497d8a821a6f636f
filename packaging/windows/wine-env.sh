# Sourced by the Windows scripts that run Windows programs under Debian's Wine (smoke-wine.sh,
# portable.sh, smoke-portable.sh): the tools checked, a Wine prefix made, and what Debian 12's
# Wine 8.0 lacks stood in for, in the prefix only, never in what is shipped (every Windows 10
# and 11 has both):
# - bcryptprimitives.dll (ProcessPrng, which pydantic-core's Rust calls): a forwarder DLL
#   written by wine-shim/make_bcryptprimitives.py into the prefix's system32;
# - propsys.dll's VariantToString, which CPython 3.12's _wmi module calls (platform.system(),
#   called by pygame_gui at import, aborts on it): propsys is switched off for Python programs
#   (WINE_PYTHON_OVERRIDES, added to WINEDLLOVERRIDES when a Python program runs), so _wmi does
#   not load and platform falls back to sys.getwindowsversion(), as CPython does wherever _wmi
#   is missing.
# A Windows program under Wine also cannot take a regular Linux file as its standard output
# ("init_sys_streams: can't initialize sys standard streams"): `win` gives it pipes.

# no Wine desktop integration (menus, file associations) written into this machine's home, and
# no Mono or Gecko asked for (nothing here needs .NET or a browser engine; they would be
# downloaded from outside)
WINE_BASE_OVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"
WINE_PYTHON_OVERRIDES="propsys=d"

# smoke_session LABEL: a temporary folder ($temp) removed at the end, with the wineserver of
# the prefix made there stopped (another Wine on this machine is left alone); `say` prints a
# line, `fail` prints "FAIL LABEL …" and stops
smoke_session() {
  temp="$(mktemp -d)"
  smoke_label="$1"
  trap smoke_session_end EXIT
}
smoke_session_end() {
  if [ -n "${WINEPREFIX:-}" ]; then wineserver -k 2>/dev/null || true; fi
  rm -rf "$temp"
}
say() { printf '%s\n' "$*"; }
fail() { say "FAIL $smoke_label $*"; exit 1; }

# checkout_python NAME: $python, the Python that runs the checkout's side of each comparison,
# with the game's dependencies: $PYTHON, else the Linux build's environment, else the
# project's own; stop with a message when there is none
checkout_python() {
  python="${PYTHON:-}"
  if [ -z "$python" ]; then
    local candidate
    for candidate in "$root/build/linux/venv/bin/python" "$root/.venv/bin/python"; do
      if [ -x "$candidate" ]; then python="$candidate"; break; fi
    done
  fi
  [ -n "$python" ] || { echo "$1: no Python with the game's dependencies (set PYTHON)" >&2; exit 2; }
}

# wine_tools NAME: stop with a message naming what is missing
wine_tools() {
  local tool
  for tool in wine wineboot winepath wineserver; do
    command -v "$tool" >/dev/null || {
      echo "$1: $tool is missing (as root: apt-get install --no-install-recommends wine wine64)" >&2
      exit 2
    }
  done
}

# wine_prefix FOLDER PYTHON LOG: use (and make, if it is not made yet) a 64-bit Wine prefix in
# FOLDER, with the bcryptprimitives shim written by PYTHON (any Python 3); wineboot's output
# goes to LOG and is shown when it fails
wine_prefix() {
  export WINEPREFIX="$1" WINEARCH=win64 WINEDEBUG=-all
  export WINEDLLOVERRIDES="$WINE_BASE_OVERRIDES"
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    wineboot --init > "$3" 2>&1 || { cat "$3" >&2; return 1; }
  fi
  "$2" "$(dirname "${BASH_SOURCE[0]}")/wine-shim/make_bcryptprimitives.py" \
    "$(winepath -u 'C:\windows\system32')/bcryptprimitives.dll"
}

# win PROGRAM ARGS...: run a Windows program with pipes for its standard streams; prints its
# output (standard error with it) and keeps its exit code
win() { wine "$@" < /dev/null 2>&1 | cat || return $?; }
