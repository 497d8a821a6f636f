"""Smoke test of a built or installed program: the verbs a district's trainer uses, run from a
folder whose path has spaces, each compared with the same verb run from this source checkout.

    python packaging/smoke.py --label linux -- "/tmp/a b/simulasi-tps/simulasi-tps-cli"
    python packaging/smoke.py --label wine --path-style windows -- wine python.exe -m simulator

Everything after ``--`` is the command that starts the program; each check appends a verb and
its arguments. Run it with the checkout's own Python (it needs pygame to compare pictures):
the reference answers come from ``run_sim.py`` beside it.

Checks: ``validate`` (every shipped scenario, bank, demo and plan), ``rules``, ``run --careful``,
``replay`` of a recorded mistaken day, ``quiz`` with empty input, ``shot`` of a full day
(every picture equal pixel for pixel), and the game itself for a few seconds without a
traceback. Prints one line per check and exits 0 when all hold, 1 when one does not.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FULL_DAY = "pemilu-hari-penuh"
REPLAYED_LOG = ROOT / "tests" / "playthroughs" / f"{FULL_DAY}.keliru.log"
VERB_TIMEOUT = 300.0  # seconds: a hung verb is a failure, not a hung CI
GAME_SECONDS = 8.0


class SmokeFailure(Exception):
    """A check that did not hold; the message says what was expected and what came."""


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@dataclass
class Program:
    """How to start the program under test, and the folder it is run from."""

    launcher: list[str]
    workdir: Path
    data: Path  # where the program is told to keep saves and crash reports (this side's path)
    env: dict[str, str]
    path_style: str = "posix"
    game: list[str] | None = None  # the game's own program, when it is not the launcher
    portable: Path | None = None  # the folder of a portable program, which keeps data/ there
    checkout_python: list[str] | None = None  # draws the checkout's pictures (--checkout-python)
    timeout: float = VERB_TIMEOUT
    _converted: dict[Path, str] = field(default_factory=dict)

    def path(self, path: Path) -> str:
        """``path`` as the program sees it (a Windows path for a program under Wine)."""
        if self.path_style == "posix":
            return str(path)
        if path not in self._converted:
            done = subprocess.run(
                ["winepath", "-w", str(path)], capture_output=True, text=True, env=self.env,
                timeout=60, check=True,
            )
            self._converted[path] = done.stdout.strip()
        return self._converted[path]

    def run(self, args: Sequence[str], stdin: str = "") -> Outcome:
        return _run([*self.launcher, *args], self.workdir, self.env, stdin, self.timeout)


def _run(command: Sequence[str], cwd: Path, env: dict[str, str], stdin: str,
         timeout: float) -> Outcome:
    try:
        done = subprocess.run(
            list(command), cwd=cwd, env=env, input=stdin.encode(), capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        said = " ".join(command[-3:])
        raise SmokeFailure(f"{said} did not end within {timeout:.0f} s") from expired
    except OSError as error:
        raise SmokeFailure(f"{command[0]} could not be started: {error}") from error
    out = done.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    err = done.stderr.decode("utf-8", "replace").replace("\r\n", "\n")
    return Outcome(done.returncode, out, err)


def reference(args: Sequence[str], workdir: Path, env: dict[str, str], stdin: str = "") -> Outcome:
    """The same verb run from this checkout."""
    return _run([sys.executable, str(ROOT / "run_sim.py"), *args], workdir, env, stdin,
                VERB_TIMEOUT)


def _no_traceback(name: str, outcome: Outcome) -> None:
    for stream in (outcome.out, outcome.err):
        if "Traceback (most recent call last)" in stream:
            raise SmokeFailure(f"{name} printed a traceback:\n{_tail(stream)}")


def _expect_code(name: str, outcome: Outcome, code: int) -> None:
    _no_traceback(name, outcome)
    if outcome.code != code:
        raise SmokeFailure(
            f"{name} exited with {outcome.code}, expected {code}\n"
            f"stdout: {_tail(outcome.out)}\nstderr: {_tail(outcome.err)}"
        )


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:]) or "(nothing)"


def _same(name: str, got: str, expected: str) -> None:
    if got != expected:
        got_lines, expected_lines = got.splitlines(), expected.splitlines()
        for number, (a, b) in enumerate(zip(got_lines, expected_lines, strict=False), start=1):
            if a != b:
                raise SmokeFailure(f"{name}: line {number} differs from the checkout's:\n"
                                   f"  program:  {a}\n  checkout: {b}")
        raise SmokeFailure(f"{name}: {len(got_lines)} lines, the checkout gives "
                           f"{len(expected_lines)}")


# --- the checks ------------------------------------------------------------------------------

def check_validate(program: Program, env: dict[str, str]) -> str:
    got = program.run(["validate"])
    _expect_code("validate", got, 0)
    expected = reference(["validate"], program.workdir, env)
    # the last lines count files, problems and engine-checked answers; the others name paths
    _same("validate (summary)", _tail(got.out, 2), _tail(expected.out, 2))
    return _tail(got.out, 2).splitlines()[0]


def check_trainer_scenarios(program: Program, env: dict[str, str]) -> str:
    """A portable program offers a trainer's own scenarios beside it: ``validate`` with no
    path checks them too (one more file than the checkout's shipped ones)."""
    if program.portable is None:
        return "not a portable program: nothing to check"
    folder = program.portable / "scenarios"
    if folder.exists():
        raise SmokeFailure(f"{folder} exists already: smoke-test a fresh copy of the program")
    folder.mkdir()
    try:
        source = (ROOT / "scenarios" / "pemilu-fase-pembukaan.yaml").read_text(encoding="utf-8")
        own = source.replace("id: pemilu-fase-pembukaan", "id: latihan-kecamatan-sukamaju", 1)
        (folder / "latihan kecamatan.yaml").write_text(own, encoding="utf-8")
        got = program.run(["validate"])
        _expect_code("validate with a trainer's scenario", got, 0)
        expected = reference(["validate"], program.workdir, env)
        shipped, with_own = _files_checked(expected.out), _files_checked(got.out)
        if with_own != shipped + 1:
            raise SmokeFailure(f"validate checked {with_own} files with a trainer's scenario "
                               f"beside the program, expected {shipped + 1}")
        # broken, it is named with its line, and validate says the files do not hold
        own_file = folder / "latihan kecamatan.yaml"
        own_file.write_text(own.replace("id: latihan-kecamatan-sukamaju", "id: [", 1),
                            encoding="utf-8")
        broken = program.run(["validate"])
        _expect_code("validate with a broken trainer's scenario", broken, 2)
        named = [line for line in broken.out.splitlines() + broken.err.splitlines()
                 if "latihan kecamatan.yaml:" in line]
        if not named:
            raise SmokeFailure("validate did not name the trainer's broken scenario:\n"
                               f"{_tail(broken.out)}")
    finally:
        shutil.rmtree(folder)
    return f"{with_own} files, the trainer's own among them; broken, it is named"


def _files_checked(output: str) -> int:
    """The count of files in validate's summary line (its first word)."""
    summary = _tail(output, 2).splitlines()[0]
    try:
        return int(summary.split()[0])
    except (IndexError, ValueError) as error:
        raise SmokeFailure(f"validate's summary has no count: {summary!r}") from error


def check_rules(program: Program, env: dict[str, str]) -> str:
    got = program.run(["rules", "--json"])
    _expect_code("rules", got, 0)
    _same("rules --json", got.out, reference(["rules", "--json"], program.workdir, env).out)
    return f"{len(json.loads(got.out))} rules"


def check_run(program: Program, env: dict[str, str]) -> str:
    args = ["run", FULL_DAY, "--careful", "--json"]
    got = program.run(args)
    _expect_code("run --careful", got, 0)
    _same("run --careful --json", got.out, reference(args, program.workdir, env).out)
    return f"digest {json.loads(got.out)['digest'][:12]}"


def check_replay(program: Program, env: dict[str, str]) -> str:
    log = program.workdir / "log hari ini.log"
    shutil.copyfile(REPLAYED_LOG, log)
    got = program.run(["replay", program.path(log), "--json"])
    expected = reference(["replay", str(log), "--json"], program.workdir, env)
    _expect_code("replay", got, expected.code)
    _same("replay --json", got.out, expected.out)
    return f"{len(json.loads(got.out)['findings'])} findings, as recorded"


def check_quiz(program: Program, env: dict[str, str]) -> str:
    got = program.run(["quiz"], stdin="")
    expected = reference(["quiz"], program.workdir, env)
    _expect_code("quiz with empty input", got, expected.code)
    if got.out.strip().splitlines()[-1:] != expected.out.strip().splitlines()[-1:]:
        raise SmokeFailure(f"quiz with empty input ended otherwise than the checkout's:\n"
                           f"{_tail(got.out, 3)}")
    return "stops at the end of input"


def check_shot(program: Program, env: dict[str, str]) -> str:
    ours, theirs = program.workdir / "gambar program", program.workdir / "gambar checkout"
    got = program.run(["shot", FULL_DAY, "--out", program.path(ours)])
    _expect_code("shot", got, 0)
    _expect_code("shot (checkout)", _checkout_shot(program, env, theirs), 0)
    names = sorted(path.name for path in theirs.glob("*.png"))
    made = sorted(path.name for path in ours.glob("*.png"))
    if made != names:
        raise SmokeFailure(f"shot drew {made}, the checkout draws {names}")
    for name in names:
        _same_pixels(ours / name, theirs / name)
    return f"{len(names)} screens equal pixel for pixel"


def _checkout_shot(program: Program, env: dict[str, str], out: Path) -> Outcome:
    """The checkout's own pictures: drawn by this side's Python, or, given --checkout-python,
    by the program's own Python (its dependencies, its fonts) running the checkout's code."""
    if not program.checkout_python:
        return reference(["shot", FULL_DAY, "--out", str(out)], program.workdir, env)
    boot = (f"import sys; sys.path.insert(0, {program.path(ROOT)!r}); "
            "from simulator.cli import main; sys.exit(main())")
    return _run([*program.checkout_python, "-c", boot, "shot", FULL_DAY, "--out",
                 program.path(out)], program.workdir, program.env, "", program.timeout)


def _same_pixels(got: Path, expected: Path) -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    a, b = pygame.image.load(str(got)), pygame.image.load(str(expected))
    if a.get_size() != b.get_size():
        raise SmokeFailure(f"{got.name}: {a.get_size()} pixels, the checkout's {b.get_size()}")
    if pygame.image.tobytes(a, "RGB") != pygame.image.tobytes(b, "RGB"):
        raise SmokeFailure(f"{got.name} differs from the checkout's picture")


def check_game(program: Program, env: dict[str, str]) -> str:
    """The game, started with no verb, draws for a while; stopped, it has opened its saves,
    printed no traceback and written no crash report. A portable program is started without
    ``SIMULASI_TPS_DATA`` and must keep its saves in ``data/`` beside itself."""
    command = program.game or program.launcher
    game_env = dict(program.env)
    data = program.data
    if program.portable is not None:
        game_env.pop("SIMULASI_TPS_DATA")
        data = program.portable / "data"
    if program.portable is not None and data.exists():
        raise SmokeFailure(f"{data} exists already: smoke-test a fresh copy of the program")
    # first the first frame drawn and a clean close, as SIMULASI_TPS_FRAMES asks (one: a
    # screen at rest draws no more, so a slow machine could wait for a second one for ever) ...
    drawn = _run(command, program.workdir, dict(game_env, SIMULASI_TPS_FRAMES="1"), "",
                 program.timeout)
    _expect_code("the game drawing its first frame", drawn, 0)
    # ... then the game as a trainee starts it, stopped from outside
    try:
        process = subprocess.Popen(
            command, cwd=program.workdir, env=game_env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
    except OSError as error:
        raise SmokeFailure(f"{command[0]} could not be started: {error}") from error
    try:
        out, err = process.communicate(timeout=GAME_SECONDS)
        ended_itself = True
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        ended_itself = False
    outcome = Outcome(process.returncode, out.decode("utf-8", "replace"),
                      err.decode("utf-8", "replace"))
    _no_traceback("the game", outcome)
    if ended_itself:
        raise SmokeFailure(f"the game ended by itself within {GAME_SECONDS:.0f} s "
                           f"(exit {outcome.code}):\n{_tail(outcome.err)}")
    crashes = sorted(data.glob("crash*"))
    if crashes:
        raise SmokeFailure(f"the game wrote a crash report: {crashes[0]}\n"
                           f"{_tail(crashes[0].read_text(encoding='utf-8', errors='replace'))}")
    if not (data / "saves.db").is_file():
        raise SmokeFailure(f"the game did not open its saves in {data}")
    return f"drew its first frame and closed; ran {GAME_SECONDS:.0f} s; saves in {data}"


CHECKS: dict[str, Callable[[Program, dict[str, str]], str]] = {
    "validate": check_validate,
    "trainer-scenarios": check_trainer_scenarios,
    "rules": check_rules,
    "run": check_run,
    "replay": check_replay,
    "quiz": check_quiz,
    "shot": check_shot,
    "game": check_game,
}


def smoke(launcher: Sequence[str], label: str, path_style: str = "posix",
          only: Sequence[str] = (), game: Sequence[str] | None = None,
          portable: Path | None = None, checkout_python: Sequence[str] | None = None,
          say: Callable[[str], None] = print) -> int:
    """Run the checks; 0 when every one holds, else 1."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix=f"smoke {label} ") as temp:
        workdir = Path(temp) / "folder dengan spasi"
        data = workdir / "data"
        data.mkdir(parents=True)
        env = dict(os.environ, SIMULASI_TPS_DATA=str(data), SDL_VIDEODRIVER="dummy",
                   SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
        program_env = dict(env)
        program = Program(list(launcher), workdir, data, program_env, path_style,
                          game=list(game) if game else None, portable=portable,
                          checkout_python=list(checkout_python) if checkout_python else None)
        program_env["SIMULASI_TPS_DATA"] = program.path(data)
        for name, check in CHECKS.items():
            if only and name not in only:
                continue
            started = time.monotonic()
            try:
                detail = check(program, env)
            except SmokeFailure as failure:
                failed += 1
                say(f"FAIL {label} {name}: {failure}")
            else:
                say(f"ok   {label} {name} ({time.monotonic() - started:.1f} s): {detail}")
    say(f"{label}: {len(only or CHECKS) - failed} of {len(only or CHECKS)} checks hold")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="program", help="a name for the lines printed")
    parser.add_argument("--path-style", choices=("posix", "windows"), default="posix",
                        help="how the program spells paths (windows: through winepath)")
    parser.add_argument("--only", action="append", choices=list(CHECKS), default=[],
                        help="run only this check (repeatable)")
    parser.add_argument("--game", help="the game's own program, if not the launcher (a GUI "
                        "program without a console, say)")
    parser.add_argument("--portable", type=Path, metavar="FOLDER",
                        help="the program is portable: its saves must go to FOLDER/data")
    parser.add_argument("--checkout-python", metavar="COMMAND",
                        help="a Python command (shell words) that draws the checkout's pictures "
                        "for shot: the program's own Python under Wine, so both sides draw "
                        "with the same dependencies and fonts and compare pixel for pixel")
    parser.add_argument("launcher", nargs="+", help="the command that starts the program")
    args = parser.parse_args(argv)
    # the checks run from a folder of their own: a program named relative to here is found
    # (made absolute, not resolved: a virtual environment's python is a link that must stay)
    launcher = [os.path.abspath(word) if Path(word).is_file() else word
                for word in args.launcher]
    game = os.path.abspath(args.game) if args.game else None
    portable = args.portable.absolute() if args.portable else None
    return smoke(launcher, args.label, args.path_style, args.only,
                 [game] if game else None, portable,
                 shlex.split(args.checkout_python) if args.checkout_python else None)


if __name__ == "__main__":
    sys.exit(main())
