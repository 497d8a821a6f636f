"""A synthetic district's exports, for the class report's figures (issue 13) and its tests.

Each laptop holds ``PER_LAPTOP`` trainees, as a bimtek hall's laptop holds a few profiles; its
export is one JSON Lines file, as a trainer collects them from USB sticks. A trainee plays
``DAYS`` days (each carrying one of the recorded playthroughs' real logs, so the report reads
what a district's files really weigh), answers ``ANSWERS`` questions of the shipped banks (an
able trainee more often right, and one item answered as if its key were wrong) and sits an
exam; half follow the shipped one-day class plan (a pre-test, its two scenarios, a
post-test), of whom one in ten leaves before the post-test. About 50 statements each:
20,000 trainees make about a million.

The statements are the game's own builders' (ids, checksums), without Ralph's check of each
one, which would time the checker rather than the report.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
PER_LAPTOP = 40
DAYS = 2
ANSWERS = 45
PLAN = "bimtek-pemilu-satu-hari"  # a shipped plan: its two scenarios are the days played
PLAN_SCENARIOS = ("meja-pemilih-jebakan", "pemilu-hari-penuh")
WRONG_KEY = 7  # the question index answered as if its key were wrong


def write_district(folder: Path, trainees: int, seed: int = 13,
                   share: tuple[int, int] = (0, 1)) -> int:
    """Write the exports of ``trainees`` trainees into ``folder``; how many statements.
    ``share`` (i, n) writes only every n-th laptop from the i-th, so n processes can share
    the work; the files are the same however it is shared."""
    from simulator.xapi import statements as built

    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with mock.patch.object(built, "checked", lambda statement: statement):
        material = _Material.load()
        laptops = range((trainees + PER_LAPTOP - 1) // PER_LAPTOP)
        for laptop_number in laptops[share[0]::share[1]]:
            first = laptop_number * PER_LAPTOP
            people = range(first, min(trainees, first + PER_LAPTOP))
            lines = []
            for person in people:
                rng = random.Random(seed * 1_000_003 + person)
                for statement in _trainee(material, laptop_number, person, rng):
                    lines.append(json.dumps(statement, ensure_ascii=False, sort_keys=True))
            path = folder / f"xapi-laptop-{laptop_number:05d}.jsonl"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += len(lines)
    return written


class _Material:
    """What every synthetic trainee draws from: real logs, real questions, real rules."""

    def __init__(self, logs: list[tuple[str, str]], questions: list[tuple[str, str, float]],
                 rules: list[tuple[str, str, str]]) -> None:
        self.logs = logs  # (scenario id, log text)
        self.questions = questions  # (ref, topic, difficulty 0..1)
        self.rules = rules  # (rule id, phase, severity)

    @classmethod
    def load(cls) -> _Material:
        from simulator.core.catalogue import RULES
        from simulator.quiz.banks import load_banks

        logs = []
        for path in sorted((ROOT / "tests" / "playthroughs").glob("*.keliru.log")):
            logs.append((path.name.split(".")[0], path.read_text("utf-8")))
        difficulty = {"mudah": 0.2, "sedang": 0.45, "sulit": 0.7}
        questions = [
            (f"{bank.bank}/{q.id}", q.topic.value, difficulty.get(q.difficulty.value, 0.45))
            for bank in load_banks().banks
            for q in bank.questions
        ]
        rules = [(r.id, r.phase.value, r.severity.value) for r in RULES]
        return cls(logs, questions, rules)


def _trainee(material: _Material, laptop: int, person: int,
             rng: random.Random) -> Iterator[dict[str, Any]]:
    from simulator.xapi.statements import (
        CHECKSUM,
        AnswerRecord,
        DayRecord,
        ExamRecord,
        Trainee,
        answer_statement,
        checksum_of,
        day_statement,
        exam_statement,
        extension,
    )

    trainee = Trainee(f"laptop-{laptop:05d}", person % PER_LAPTOP + 1, f"Peserta {person:05d}")
    ability = rng.random()
    in_plan = person % 2 == 0
    day = 1 + person % 28

    def stamp(hour: int, minute: int = 0) -> str:
        return f"2026-11-{day:02d}T{hour:02d}:{minute:02d}:00+00:00"

    def planned(statement: dict[str, Any], part: str) -> dict[str, Any]:
        if in_plan:
            statement["context"].setdefault("extensions", {})
            statement["context"]["extensions"][extension("plan")] = PLAN
            statement["context"]["extensions"][extension("plan-part")] = part
            statement["context"]["extensions"][CHECKSUM] = checksum_of(statement)
        return statement

    asked = rng.sample(material.questions, ANSWERS)
    for number, (ref, topic, hardness) in enumerate(asked):
        right = rng.random() < 0.35 + 0.6 * ability - 0.3 * hardness
        if ref == material.questions[WRONG_KEY][0]:
            right = rng.random() > ability  # the able "miss" an item whose key is wrong
        part = "pre" if number < 10 else ("post" if number >= ANSWERS - 10 else "")
        if part == "post" and in_plan and person % 20 == 0:
            continue  # left before the post-test
        if part == "post":  # the post-test asks the pre-test's questions again, after the day
            ref, topic, hardness = asked[number - (ANSWERS - 10)]
            right = rng.random() < 0.55 + 0.4 * ability - 0.2 * hardness
        statement = answer_statement(trainee, AnswerRecord(
            number, stamp(8 + number // 10, number % 60), "ujian" if part else "latihan", ref,
            topic, right, "single", json.dumps(rng.randint(0, 3)), rng.randint(3000, 40000)))
        yield planned(statement, part) if part else statement
    for number in range(DAYS):
        if in_plan:
            scenario = PLAN_SCENARIOS[number % len(PLAN_SCENARIOS)]
            log = dict(material.logs)[scenario]
        else:
            scenario, log = material.logs[(person + number) % len(material.logs)]
        phases = {
            phase: {"score": max(0, min(100, int(rng.gauss(55 + 40 * ability, 12))))}
            for phase in ("logistik", "pembukaan", "pemungutan", "penutupan", "penghitungan",
                          "formulir", "penyerahan")
        }
        made = rng.sample(material.rules, k=min(len(material.rules),
                                               int((1 - ability) * 6) + rng.randint(0, 2)))
        findings = [{"rule": r, "phase": p, "severity": s, "subject": None} for r, p, s in made]
        score = sum(f["score"] for f in phases.values()) // len(phases)
        result = {"score": {"passed": score >= 70, "phases": phases, "verdict": "x"},
                  "findings": findings}
        yield planned(day_statement(trainee, DayRecord(
            number, scenario, {"id": scenario, "en": scenario}, "pemilu2024", "latihan",
            stamp(11 + number), score, result, log)), "play")
    correct = int(20 * (0.4 + 0.55 * ability))
    yield exam_statement(trainee, ExamRecord(1, stamp(15), correct, 20, 1200, correct >= 15))
