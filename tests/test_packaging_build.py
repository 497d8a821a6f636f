"""The packaged program's build files: the PyInstaller spec trims only fonts the game never
loads, and the smoke test (packaging/smoke.py, run on the built program by .ci/run) holds on
this checkout and fails on a program that breaks."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pygame
import pytest

from simulator.art import fonts

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "simulasi-tps.spec"
SMOKE = ROOT / "packaging" / "smoke.py"


def _spec_constant(name: str) -> tuple[str, ...]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError(f"{SPEC.name} has no {name}")


def test_the_spec_trims_only_fonts_the_game_never_loads() -> None:
    trimmed = _spec_constant("UNUSED_FONTS")
    shipped = sorted(entry.name for entry in resources.files("pygame_gui.data").iterdir()
                     if entry.name.endswith((".ttf", ".otf")))
    # the game's own faces, and pygame_gui's Latin and symbols fonts, loaded at start-up
    needed = [*fonts._FILES.values(), "FiraCode-Regular.ttf"]
    for name in needed:
        assert name in shipped, f"{name} is not in pygame_gui's data any more"
        assert not name.startswith(trimmed), f"the spec trims {name}, which the game loads"
    for prefix in trimmed:
        assert any(name.startswith(prefix) for name in shipped), (
            f"the spec trims {prefix!r}, which pygame_gui no longer ships: a stale entry"
        )


def _smoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SMOKE), *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


@pytest.mark.slow
def test_the_smoke_test_holds_on_the_checkout_itself() -> None:
    done = _smoke("--label", "checkout", "--only", "rules", "--only", "run", "--only", "replay",
                  "--", sys.executable, str(ROOT / "run_sim.py"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "checkout: 3 of 3 checks hold" in done.stdout, done.stdout


@pytest.mark.slow
def test_the_smoke_test_fails_a_program_that_prints_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text(
        "import sys\n"
        "print('Traceback (most recent call last):', file=sys.stderr)\n"
        "print('ModuleNotFoundError: simulator.cli.rules', file=sys.stderr)\n"
        "sys.exit(3)\n",
        encoding="utf-8",
    )
    done = _smoke("--label", "rusak", "--only", "rules", "--", sys.executable, str(broken))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL rusak rules: rules printed a traceback" in done.stdout, done.stdout
    assert "rusak: 0 of 1 checks hold" in done.stdout


def test_pictures_differing_in_one_pixel_are_told_apart(tmp_path: Path) -> None:
    sys.path.insert(0, str(SMOKE.parent))
    try:
        import smoke
    finally:
        sys.path.remove(str(SMOKE.parent))
    picture = pygame.Surface((40, 30))
    picture.fill((244, 241, 234))
    pygame.image.save(picture, str(tmp_path / "a.png"))
    pygame.image.save(picture, str(tmp_path / "b.png"))
    smoke._same_pixels(tmp_path / "a.png", tmp_path / "b.png")
    picture.set_at((39, 29), (244, 241, 235))
    pygame.image.save(picture, str(tmp_path / "b.png"))
    with pytest.raises(smoke.SmokeFailure, match="differs from the checkout's picture"):
        smoke._same_pixels(tmp_path / "a.png", tmp_path / "b.png")



def _pins() -> dict[str, str]:
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = version
    return pins


def test_every_dependency_is_pinned_within_the_range_the_game_accepts() -> None:
    """The packaged programs are built from constraints.txt: each of the game's dependencies
    has one version there, inside pyproject.toml's range (else pip would refuse the build)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from dependencies import dependencies
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    pins = _pins()
    for line in dependencies():
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not pinned in packaging/constraints.txt"
        assert requirement.specifier.contains(pins[name]), (
            f"{requirement.name}=={pins[name]} is outside pyproject's {requirement.specifier}")


def test_every_build_takes_the_pinned_versions() -> None:
    for script in ("packaging/linux/build.sh", "packaging/wheel/smoke.sh",
                   "packaging/windows/build.py", "packaging/windows/portable.py",
                   ".github/workflows/windows.yml"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "constraints" in text.lower(), f"{script} does not build from constraints.txt"


def _carried_loader(name: str) -> ModuleType:
    """packaging/i18n_loaders/<name>.py loaded as the module of python-i18n it stands in for."""
    import importlib.util

    import i18n.loaders  # type: ignore[import-untyped]

    path = ROOT / "packaging" / "i18n_loaders" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"i18n.loaders._carried_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = i18n.loaders.__name__
    spec.loader.exec_module(module)
    return module


def test_the_programs_i18n_loaders_read_no_yaml_and_run_no_file(tmp_path: Path) -> None:
    """What the builds put in place of python-i18n's YAML and Python loaders refuses every
    file, and calls neither PyYAML's loaders nor an import."""
    from i18n.loaders.loader import I18nFileLoadError  # type: ignore[import-untyped]

    translations = tmp_path / "en.yml"
    translations.write_text("en:\n  hello: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    code = tmp_path / "en.py"
    code.write_text("raise SystemExit('ran')\n", encoding="utf-8")
    for name, cls, path in (("yaml_loader", "YamlLoader", translations),
                            ("python_loader", "PythonLoader", code)):
        loader = getattr(_carried_loader(name), cls)()
        with pytest.raises(I18nFileLoadError):
            loader.load_resource(str(path), "en")
        source = (ROOT / "packaging" / "i18n_loaders" / f"{name}.py").read_text("utf-8")
        assert "yaml.load" not in source and "__import__" not in source


def test_the_installer_build_replaces_the_loaders_or_says_why_it_cannot(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "windows_build_for_loaders", ROOT / "packaging" / "windows" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build
    spec.loader.exec_module(build)
    with pytest.raises(SystemExit, match="python-i18n has no"):
        build.safe_i18n_loaders(tmp_path / "pkgs")
    loaders = tmp_path / "pkgs" / "i18n" / "loaders"
    loaders.mkdir(parents=True)
    for name in ("yaml_loader.py", "python_loader.py"):
        (loaders / name).write_text("# python-i18n's own loader\n", encoding="utf-8")
    build.safe_i18n_loaders(tmp_path / "pkgs")
    for name in ("yaml_loader.py", "python_loader.py"):
        assert (loaders / name).read_bytes() == (
            ROOT / "packaging" / "i18n_loaders" / name).read_bytes()
