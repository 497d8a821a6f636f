#!/usr/bin/env bash
# The one-folder program for Linux (issue 15): dist/simulasi-tps/, the same folder as
# dist/simulasi-tps-<version>-linux-<machine>.tar.xz, and its checksum beside it (.sha256).
#
#   packaging/linux/build.sh          (from anywhere; needs python3 with venv and a package index)
#
# PyInstaller runs in a virtual environment of its own (build/linux/venv) holding only the
# game's dependencies, never the test extras; the code and content come from this checkout
# (simulasi-tps.spec). Prints the folder's and the archive's sizes as `name value unit budget`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/build/linux"
dist="$root/dist"
python="${PYTHON:-python3}"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)
archive="simulasi-tps-$version-linux-$(uname -m).tar.xz"
venv="$work/venv"

if [ ! -x "$venv/bin/pyinstaller" ] || [ "$root/pyproject.toml" -nt "$venv/.ready" ] \
    || [ "$root/packaging/constraints.txt" -nt "$venv/.ready" ]; then
  echo "+ a build environment with the game's dependencies and PyInstaller ($venv)"
  rm -rf "$venv"
  mkdir -p "$work"
  "$python" -m venv "$venv"
  # the game's dependencies as pyproject.toml names them, not the project itself: the spec
  # takes the code and content from the checkout (and building the project here would write
  # into the checkout while the test suite may be installing it too)
  "$venv/bin/python" "$root/packaging/dependencies.py" > "$work/requirements.txt"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$work/requirements.txt" \
    -c "$root/packaging/constraints.txt" "pyinstaller>=6.10,<7"
  touch "$venv/.ready"
fi
# python-i18n's loaders that would read YAML with PyYAML's full loader or run a .py file: the
# build environment holds the project's, which refuse (the spec swaps them in the program too)
loaders=$("$venv/bin/python" -c 'import i18n, pathlib; print(pathlib.Path(i18n.__file__).parent / "loaders")')
cp "$root"/packaging/i18n_loaders/*.py "$loaders/"

echo "+ pyinstaller simulasi-tps.spec"
export PYGAME_HIDE_SUPPORT_PROMPT=1
rm -rf "${dist:?}/simulasi-tps"
(cd "$root" && "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" simulasi-tps.spec)
"$venv/bin/python" "$root/packaging/built_loaders.py" "$dist/simulasi-tps/simulasi-tps"

echo "+ $archive"
rm -f "$dist/$archive"
XZ_OPT="-6 -T0" tar -C "$dist" --sort=name --owner=0 --group=0 --numeric-owner \
  -cJf "$dist/$archive" simulasi-tps
(cd "$dist" && sha256sum "$archive" > "$archive.sha256" && cat "$archive.sha256")

megabytes() { awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1000000 }'; }
echo "linux_folder_size $(megabytes "$(du -sb "$dist/simulasi-tps" | cut -f1)") MB 70"
echo "linux_tar_xz_size $(megabytes "$(stat -c %s "$dist/$archive")") MB 30"
