#!/usr/bin/env bash
# Smoke test of the built Linux program, as a district hands it out: the tar.xz made by
# packaging/linux/build.sh unpacked into a folder whose path has spaces, then every check of
# packaging/smoke.py (the verbs compared with this checkout's, a full day's pictures pixel
# for pixel, the game itself), the game in portable mode keeping its saves beside itself.
#
#   packaging/linux/smoke.sh          (after build.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the build environment has the same dependencies, so the checkout is run with the same ones
python="${PYTHON:-$root/build/linux/venv/bin/python}"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
archive="$root/dist/simulasi-tps-$version-linux-$(uname -m).tar.xz"
[ -f "$archive" ] || { echo "no $archive: run packaging/linux/build.sh first" >&2; exit 2; }
(cd "$root/dist" && sha256sum --quiet -c "$(basename "$archive").sha256")

place="$(mktemp -d)/Program Pelatihan KPPS"
trap 'rm -rf "$(dirname "$place")"' EXIT
mkdir -p "$place"
tar -C "$place" -xJf "$archive"
program="$place/simulasi-tps"
"$python" "$root/packaging/smoke.py" --label linux --portable "$program" \
  --game "$program/simulasi-tps" -- "$program/simulasi-tps-cli"
