#!/usr/bin/env bash
# Smoke test of the portable Windows program under Debian's Wine (issue 15), as a district hands
# it out: the zip made by packaging/windows/portable.sh unzipped into a folder whose path has
# spaces, in a fresh Wine prefix, then every check of packaging/smoke.py through its
# simulasi-tps-cli.exe (the verbs compared with this checkout's, a full day's pictures pixel
# for pixel, a trainer's scenarios beside the program) and the game through simulasi-tps.exe
# (no console), started without SIMULASI_TPS_DATA: its saves must go to data\ beside it.
#
#   packaging/windows/smoke-portable.sh          (after portable.sh; needs wine, wine64, winepath)
#
# The checkout's pictures are drawn by the build Python (build/windows-portable/python, the
# same CPython and Windows wheels as the program) under Wine, so both sides draw alike. What
# Wine lacks is stood in for in the prefix only (wine-env.sh), never in the program.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/packaging/windows"
# shellcheck source=wine-env.sh
. "$here/wine-env.sh"
wine_tools smoke-portable.sh
checkout_python smoke-portable.sh
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
archive="$root/dist-windows/simulasi-tps-$version-windows-amd64.zip"
build_python="$root/build/windows-portable/python/python.exe"
[ -f "$archive" ] || { echo "no $archive: run packaging/windows/portable.sh first" >&2; exit 2; }
[ -f "$build_python" ] || { echo "no $build_python: run packaging/windows/portable.sh first" >&2; exit 2; }
(cd "$root/dist-windows" && sha256sum --quiet -c "$(basename "$archive").sha256")

smoke_session windows-portable

SECONDS=0
place="$temp/Program Pelatihan KPPS"
mkdir -p "$place"
"$python" -m zipfile -e "$archive" "$place"
program="$place/simulasi-tps"
for needed in simulasi-tps.exe simulasi-tps-cli.exe _internal; do
  [ -e "$program/$needed" ] || fail "the zip has no simulasi-tps\\$needed"
done
[ -z "$(find "$program" -iname 'bcryptprimitives.dll')" ] || fail "the Wine shim is in the zip"
[ ! -e "$program/data" ] || fail "the zip holds a data folder: saves of the build machine"
wine_prefix "$temp/wine prefix" "$python" "$temp/wineboot.log" || fail "wineboot"
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;$WINE_PYTHON_OVERRIDES"
say "ok   windows-portable unzip ($SECONDS s): $(winepath -w "$program")"

# the game as a trainee starts it, a windowed program (no console): a program smoke.py can start
game="$temp/simulasi-tps game"
cat > "$game" <<EOF
#!/bin/sh
exec wine "$program/simulasi-tps.exe" "\$@"
EOF
chmod +x "$game"
"$python" "$root/packaging/smoke.py" --label windows-portable --path-style windows \
  --portable "$program" --checkout-python "wine '$build_python'" \
  --game "$game" -- wine "$program/simulasi-tps-cli.exe"
[ -f "$program/data/saves.db" ] || fail "no data\\saves.db beside the program"
say "windows-portable: unzipped and smoke-tested in ${SECONDS} s"
