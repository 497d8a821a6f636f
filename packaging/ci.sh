#!/usr/bin/env bash
# CI's packaging step (issue 15): build the programs handed out to districts and smoke-test
# each as installed. .ci/run runs it beside the test suite, on the machine's other core.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SECONDS=0
echo "+ packaging/wheel/smoke.sh"
packaging/wheel/smoke.sh
echo "+ packaging/linux/build.sh"
packaging/linux/build.sh
echo "+ packaging/linux/smoke.sh"
packaging/linux/smoke.sh
echo "wheel and linux packaging: built and smoke-tested in ${SECONDS} s"
# after the Linux build: the Windows smoke test's checkout side uses its environment
started=$SECONDS
echo "+ packaging/windows/ci.sh"
packaging/windows/ci.sh
echo "packaging: the wheel and the three programs built and smoke-tested in ${SECONDS} s ($((SECONDS - started)) s for Windows)"
