"""Fuzzing the command line with files and input from strangers (issue 11, item 6): shipped
scenarios, banks, logs and save files damaged at random (bytes flipped, lines dropped,
doubled or cut, numbers blown up), and garbage on stdin, each handed to the verb that reads
it in a process of its own, with a memory ceiling and a clock. Whatever comes in, the
program answers with a documented exit code (0, 1 or 2: never 3, an internal error) and no
traceback, within ten seconds.

Seeds are fixed, so every run tries the same cases; the ``slow`` run tries many more."""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.persistence.store import DATA_DIR_ENV, SAVE_FILE_NAME, SaveStore

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTED = {0, 1, 2}
SECONDS = 10
MEMORY = 1536 * 1024 * 1024  # bytes of address space a verb may take


def _ceiling() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_verb(*args: str, stdin: bytes = b"", data: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "run_sim.py"), *args],
            input=stdin, capture_output=True, timeout=SECONDS, check=False,
            env={**os.environ, DATA_DIR_ENV: str(data), "SDL_VIDEODRIVER": "dummy"},
            preexec_fn=_ceiling,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} ran past {SECONDS} s (a hang)")


def assert_answered(done: subprocess.CompletedProcess[bytes], what: str) -> None:
    error = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in error, f"{what}: a traceback\n{error[-2000:]}"
    assert done.returncode in DOCUMENTED, (
        f"{what}: exit {done.returncode}, not a documented code\n{error[-1000:]}"
    )


# --- ways to damage a file --------------------------------------------------------------------


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        choice = rng.randrange(4)
        if choice == 0:
            del lines[index]
        elif choice == 1:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif choice == 2:
            lines[index] = lines[index][: rng.randrange(len(lines[index]) + 1)]
        else:
            lines[index] = b" " * rng.randrange(8) + lines[index]
    return b"\n".join(lines)


def blow_up_numbers(data: bytes, rng: random.Random) -> bytes:
    """A number somewhere replaced by a huge one, a negative one, a strange digit or NaN."""
    text = data.decode("utf-8", "replace")
    spots = [i for i, char in enumerate(text) if char.isdigit()]
    if not spots:
        return data
    at = rng.choice(spots)
    strange = rng.choice(["9" * 5000, "-1", "²", "1e308", ".nan", "0", "2" * 25, "٣"])
    return (text[:at] + strange + text[at + 1 :]).encode("utf-8")


def nest_deep(data: bytes, rng: random.Random) -> bytes:
    """A value somewhere replaced by a structure nested thousands deep."""
    depth = rng.choice([100, 3000, 50_000])
    text = data.decode("utf-8", "replace")
    at = text.find(": ", rng.randrange(max(1, len(text))))
    if at < 0:
        return data
    return (text[: at + 2] + "[" * depth + "]" * depth + text[at + 2 :]).encode("utf-8")


DAMAGES: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bytes, shuffle_lines, blow_up_numbers, nest_deep,
]


def damaged(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    return rng.choice(DAMAGES)(data, rng)


# --- the cases --------------------------------------------------------------------------------

SCENARIO = ROOT / "scenarios" / "meja-pemilih-jebakan.yaml"
BANK = ROOT / "scenarios" / "quiz" / "pilkada.yaml"
FAST = range(3)
MANY = range(3, 12)


def a_log(tmp_path: Path) -> Path:
    log = tmp_path / "day.log"
    done = run_verb("run", str(SCENARIO), "--careful", "--write-log", str(log), data=tmp_path)
    assert done.returncode == 0, done.stderr
    return log


def check_scenario(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_bytes(damaged(SCENARIO.read_bytes(), seed))
    for verb in (("validate", str(path)), ("run", str(path), "--careful")):
        assert_answered(run_verb(*verb, data=tmp_path), f"{verb[0]} seed {seed}")


def check_bank(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(damaged(BANK.read_bytes(), seed))
    assert_answered(run_verb("validate", str(path), data=tmp_path), f"validate bank {seed}")
    answers = b"1\n" * 200
    done = run_verb("quiz", str(path), "--seed", "1", stdin=answers, data=tmp_path)
    assert_answered(done, f"quiz bank seed {seed}")


def check_log(tmp_path: Path, log: Path, seed: int) -> None:
    path = tmp_path / "damaged.log"
    path.write_bytes(damaged(log.read_bytes(), seed))
    for verb in (("replay", str(path), "--scenario", str(SCENARIO)),
                 ("run", str(SCENARIO), "--actions", str(path))):
        assert_answered(run_verb(*verb, data=tmp_path), f"{verb[0]} log seed {seed}")


def check_save(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / f"save{seed}"
    folder.mkdir()
    store, _ = SaveStore.open(folder)
    profile = store.create_profile("Sri")
    run = store.begin_run(profile.id, "meja", str(SCENARIO), "ab" * 32, 14, "latihan")
    for number in range(1, 30):
        store.append_action(run, f"07:{number:02d} open_meeting", seq=number)
    store.close()
    path = folder / SAVE_FILE_NAME
    path.write_bytes(damaged(path.read_bytes(), seed))
    done = run_verb("quiz", "--profile", "Sri", stdin=b"1\n" * 50, data=folder)
    assert_answered(done, f"quiz --profile on a damaged save, seed {seed}")


def check_stdin(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    garbage = bytes(rng.randrange(256) for _ in range(rng.choice([10, 5000, 200_000])))
    for mode in ("practice", "exam"):
        done = run_verb("quiz", "--mode", mode, "--seed", "2", stdin=garbage, data=tmp_path)
        assert_answered(done, f"quiz {mode} with garbage stdin, seed {seed}")


@pytest.mark.slow
@pytest.mark.parametrize("seed", FAST)
def test_damaged_scenarios(tmp_path: Path, seed: int) -> None:
    check_scenario(tmp_path, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", FAST)
def test_damaged_banks(tmp_path: Path, seed: int) -> None:
    check_bank(tmp_path, seed)


@pytest.mark.slow
def test_damaged_logs(tmp_path: Path) -> None:
    log = a_log(tmp_path)
    for seed in FAST:
        check_log(tmp_path, log, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", FAST)
def test_damaged_saves(tmp_path: Path, seed: int) -> None:
    check_save(tmp_path, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", FAST[:2])
def test_garbage_on_stdin(tmp_path: Path, seed: int) -> None:
    check_stdin(tmp_path, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", MANY)
def test_many_damaged_files(tmp_path: Path, seed: int) -> None:
    check_scenario(tmp_path, seed)
    check_bank(tmp_path, seed)
    check_save(tmp_path, seed)


@pytest.mark.slow
def test_many_damaged_logs(tmp_path: Path) -> None:
    log = a_log(tmp_path)
    for seed in MANY:
        check_log(tmp_path, log, seed)


def test_the_harness_sees_a_traceback(tmp_path: Path) -> None:
    """The checks above can fail: an internal error is not a documented answer."""
    done = subprocess.CompletedProcess(["x"], 3, b"", b"Traceback (most recent call last):")
    with pytest.raises(AssertionError):
        assert_answered(done, "a crash")
