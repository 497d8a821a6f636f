#!/usr/bin/env bash
# Smoke test of the wheel (issue 15): built from a clean copy of this checkout, installed alone
# into a fresh virtual environment in a folder whose path has spaces, and run from there through
# its installed commands (simulasi-tps-cli for the verbs, simulasi-tps for the game), with every
# check of packaging/smoke.py. Needs python3 with venv and a package index for the dependencies.
#
#   packaging/wheel/smoke.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-python3}"
place="$(mktemp -d)/Pemasangan uji"
trap 'rm -rf "$(dirname "$place")"' EXIT
mkdir -p "$place/source"
# a clean copy: building in the checkout would write into it while the test suite may be
# installing it too. Only the files git tracks, as they are in the working tree: the suite,
# which CI runs beside this, writes and removes its own files in the checkout meanwhile.
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$root" && git ls-files -z | while IFS= read -r -d '' name; do
     [ -f "$name" ] && printf '%s\0' "$name"; done | tar --null -T - -cf -) \
    | tar -C "$place/source" -xf -
else
  tar -C "$root" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude=./dist-windows --exclude='*.egg-info' --exclude=__pycache__ --exclude=./mutants \
    -cf - . | tar -C "$place/source" -xf -
fi
echo "+ pip wheel --no-deps (a clean copy of the checkout)"
"$python" -m venv "$place/venv"
"$place/venv/bin/pip" wheel -q --disable-pip-version-check --no-deps -w "$place/wheel" \
  "$place/source"
wheel=$(ls "$place"/wheel/simulasi_tps-*.whl)
echo "+ pip install $(basename "$wheel") (alone, in a fresh environment)"
"$place/venv/bin/pip" install -q --disable-pip-version-check "$wheel" \
  -c "$root/packaging/constraints.txt"
rm -rf "$place/source"  # the installed program must not lean on the copy it was built from
"${CHECKOUT_PYTHON:-$place/venv/bin/python}" "$root/packaging/smoke.py" --label wheel \
  --game "$place/venv/bin/simulasi-tps" -- "$place/venv/bin/simulasi-tps-cli"
