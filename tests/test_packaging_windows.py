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
