#!/usr/bin/env bash
# Smoke test of the Windows installer under Debian's Wine (issue 15): the .exe made by
# packaging/windows/build.sh installed silently, per user, into a fresh Wine prefix, the
# installed layout looked over, then every check of packaging/smoke.py run through the
# installed simulasi-tps-cli.exe (the game through the Start-menu entry's own command), after
# the installer has run a second time over it as an update does; then the game as a trainee
# starts it (its saves must go to the user's data folder, not beside the program), and last
# the uninstaller (which must leave the saves).
#
#   packaging/windows/smoke-wine.sh          (after build.sh; needs wine, wine64, winepath)
#
# What Debian 12's Wine 8.0 lacks (bcryptprimitives.dll, propsys.dll's VariantToString) is
# stood in for in the Wine prefix, never in the installer, and every Windows program gets pipes
# for its standard streams: see wine-env.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/packaging/windows"
# shellcheck source=wine-env.sh
. "$here/wine-env.sh"
checkout_python smoke-wine.sh
wine_tools smoke-wine.sh
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
installer="$root/dist-windows/Simulasi-TPS-$version.exe"
[ -f "$installer" ] || { echo "no $installer: run packaging/windows/build.sh first" >&2; exit 2; }
(cd "$root/dist-windows" && sha256sum --quiet -c SHA256SUMS)

smoke_session windows-wine

SECONDS=0
say "+ a fresh Wine prefix"
wine_prefix "$temp/wine prefix" "$python" "$temp/wineboot.log" || fail "wineboot"

say "+ $(basename "$installer") /S /CurrentUser"
win "$installer" /S /CurrentUser > "$temp/install.log" || { cat "$temp/install.log"; fail "the installer"; }
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Simulasi TPS'
where=$(win reg query "$key" /v InstallLocation | sed -n 's/.*InstallLocation *REG_SZ *//p' | tr -d '\r')
[ -n "$where" ] || fail "the installer registered no InstallLocation under $key"
program="$(winepath -u "$where")"
program="${program%/}"
local_appdata="$(winepath -u "$(win cmd /c 'echo %LOCALAPPDATA%' | tr -d '\r')")"
local_appdata="${local_appdata%/}"
say "ok   windows-wine install ($SECONDS s): $where"

# --- the installed layout ------------------------------------------------------------------
case "$program" in "$local_appdata"/*) ;; *) fail "installed in $where, not per user under %LOCALAPPDATA%";; esac
[ -x "$program/bin/simulasi-tps-cli.exe" ] || fail "no bin\\simulasi-tps-cli.exe"
start_menu="$(winepath -u "$(win cmd /c 'echo %APPDATA%' | tr -d '\r')")/Microsoft/Windows/Start Menu/Programs"
[ -f "$start_menu/Simulasi TPS.lnk" ] || fail "no Start-menu shortcut 'Simulasi TPS'"
marker=$(find "$program" -iname 'simulasi-tps-portable' | head -n 1)
[ -z "$marker" ] || fail "a portable-mode marker is installed: $marker"
for test_only in pygame/tests pygame/examples pytest hypothesis ruff _pytest; do
  [ ! -e "$program/pkgs/$test_only" ] || fail "test-only files installed: pkgs/$test_only"
done
frozen=$(win "$program/Python/python.exe" -c "import sys; print(getattr(sys, 'frozen', None))")
[ "$(printf '%s' "$frozen" | tr -d '\r')" = "None" ] || fail "the installed Python says sys.frozen: $frozen"
path_entry=$(win reg query 'HKCU\Environment' /v PATH | tr -d '\r')
case "$path_entry" in *"$where\\bin"*) ;; *) fail "bin is not on the user's PATH: $path_entry";; esac
say "ok   windows-wine layout: per user, Start-menu entry, simulasi-tps-cli on PATH, no marker, no sys.frozen, no test-only files"

# --- an update installed over it -------------------------------------------------------------
# the same installer again, as a district installs a newer one over the old: a module the old
# version had and the new one has not must not stay behind
stale="$program/pkgs/simulator/cli/from_an_older_version.py"
echo 'raise SystemExit("an old module left behind")' > "$stale"
win "$installer" /S /CurrentUser > "$temp/update.log" || { cat "$temp/update.log"; fail "installing over the installed program"; }
[ ! -e "$stale" ] || fail "installing over the program left an old module behind: $stale"
[ -f "$program/pkgs/simulator/cli/__init__.py" ] || fail "installing over the program lost its packages"
say "ok   windows-wine update: installed over itself, no old module left behind"

# --- the verbs and the game, compared with this checkout -----------------------------------
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;$WINE_PYTHON_OVERRIDES"
# the Start-menu entry's command (pythonw.exe, no console), as a program smoke.py can start
game="$temp/start-menu entry"
cat > "$game" <<EOF
#!/bin/sh
exec wine "$program/Python/pythonw.exe" "$program/launch_game.pyw" "\$@"
EOF
chmod +x "$game"
"$python" "$root/packaging/smoke.py" --label windows-wine --path-style windows \
  --checkout-python "wine '$program/Python/python.exe'" \
  --game "$game" -- wine "$program/bin/simulasi-tps-cli.exe"

# --- saves where an installed program keeps them -------------------------------------------
# Started as a trainee starts it (no SIMULASI_TPS_DATA), the game opens its saves in the
# user's data folder (platformdirs: %LOCALAPPDATA%\simulasi-tps), never beside the program.
SIMULASI_TPS_FRAMES=1 SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy win "$program/Python/pythonw.exe" \
  "$program/launch_game.pyw" > "$temp/game.log" || { cat "$temp/game.log"; fail "the game from the Start-menu command"; }
[ -f "$local_appdata/simulasi-tps/saves.db" ] || fail "no saves.db in %LOCALAPPDATA%\\simulasi-tps"
[ ! -e "$program/data" ] || fail "the installed program made a data folder beside itself (portable mode)"
say "ok   windows-wine saves: %LOCALAPPDATA%\\simulasi-tps\\saves.db, nothing beside the program"

# --- uninstall keeps the saves -------------------------------------------------------------
# _?= makes the uninstaller run in place and wait (otherwise it copies itself and returns)
win "$program/uninstall.exe" /S "_?=$where" > "$temp/uninstall.log" || { cat "$temp/uninstall.log"; fail "the uninstaller"; }
[ ! -e "$program/pkgs" ] && [ ! -e "$program/Python" ] || fail "the uninstaller left the program in $where"
[ -f "$local_appdata/simulasi-tps/saves.db" ] || fail "the uninstaller removed the saves"
path_entry=$(win reg query 'HKCU\Environment' /v PATH | tr -d '\r')
case "$path_entry" in *"$where\\bin"*) fail "the uninstaller left bin on the user's PATH";; esac
[ ! -e "$start_menu/Simulasi TPS.lnk" ] || fail "the uninstaller left the Start-menu shortcut"
say "ok   windows-wine uninstall: program, shortcut and PATH entry removed, saves kept"
say "windows-wine: installed, smoke-tested and uninstalled in ${SECONDS} s"
