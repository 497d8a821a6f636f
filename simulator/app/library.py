"""The scenarios a trainee can pick: the shipped ones, loaded when the picker first asks.

A scenario that does not load is listed with its first located problem rather than hidden,
so a trainer who dropped a file in the folder sees why it is not playable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from simulator.content import ContentError, load_scenario, scenario_sha256
from simulator.core.catalogue import RULES_BY_ID
from simulator.i18n import Catalog
from simulator.persistence.portable import trainer_scenarios
from simulator.resources import content_dir
from simulator.schema.scenario import Scenario
from simulator.schema.types import PHASE_ORDER, Difficulty, Phase

log = logging.getLogger(__name__)

SCENARIO_DIR = content_dir("scenarios")
DIFFICULTY_ORDER = (Difficulty.MUDAH, Difficulty.SEDANG, Difficulty.SULIT)
FULL_DAY = "hari_penuh"  # the group of scenarios that play every phase
THEMED = "tema"  # ethics, emergencies and crimes near the TPS: a bimtek session of their own
# MISTAKES.md groups H (ethics, M49-M53), I (emergencies, M54-M60) and J (crimes, M61-M63).
THEMED_MISTAKES = frozenset(f"M{number}" for number in range(49, 64))


@dataclass(frozen=True, slots=True)
class ScenarioEntry:
    path: Path
    scenario: Scenario | None
    sha256: str
    problem: ContentError | None = None

    @property
    def playable(self) -> bool:
        return self.scenario is not None

    @property
    def group(self) -> str:
        """``hari_penuh`` for a whole day; ``tema`` for a scenario that mostly trains ethics,
        emergencies or crimes (most of the mistakes it declares are of those groups);
        otherwise the first phase played."""
        if self.scenario is None:
            return "rusak"
        if len(self.scenario.phases) == len(PHASE_ORDER):
            return FULL_DAY
        declared = self.scenario.mistakes
        if declared and 2 * sum(m in THEMED_MISTAKES for m in declared) > len(declared):
            return THEMED
        return self.scenario.phases[0].value

    def title(self, cat: Catalog) -> str:
        return self.scenario.title.get(cat.lang) if self.scenario else self.path.name


def load_library(folder: Path | None = None) -> list[ScenarioEntry]:
    """Every ``*.yaml`` scenario directly in ``folder``, sorted as the picker shows them;
    without one, the shipped scenarios and, beside a portable program, the trainer's own."""
    folders = [folder] if folder is not None else library_folders()
    entries = [_load(path) for each in folders for path in sorted(each.glob("*.yaml"))]
    return sorted(entries, key=_order)


def library_folders() -> list[Path]:
    """The shipped scenarios, then a trainer's ``scenarios`` folder beside a portable program."""
    trainer = trainer_scenarios(SCENARIO_DIR)
    return [SCENARIO_DIR, *([trainer] if trainer is not None else [])]


def _load(path: Path) -> ScenarioEntry:
    try:
        scenario = load_scenario(path, known_rules=RULES_BY_ID.keys())
        return ScenarioEntry(path, scenario, scenario_sha256(path))
    except ContentError as error:
        log.warning("scenario %s does not load: %s", path, error)
        return ScenarioEntry(path, None, "", error)


def group_order() -> list[str]:
    return [FULL_DAY, *(phase.value for phase in PHASE_ORDER), THEMED, "rusak"]


def _order(entry: ScenarioEntry) -> tuple[int, int, str]:
    groups = group_order()
    difficulty = entry.scenario.difficulty if entry.scenario else Difficulty.SULIT
    return (groups.index(entry.group), DIFFICULTY_ORDER.index(difficulty), entry.path.name)


def phase_names(phases: list[Phase], cat: Catalog) -> str:
    return " › ".join(cat(f"phase.{phase.value}") for phase in phases)
