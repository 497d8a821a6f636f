"""Finding and loading class plans (``scenarios/plans/``), and the shipped content they name.

For the game, the command line and a class report alike: :func:`plan_files` lists the plan
files, :func:`load_plan` reads one as ``validate`` checks it, :func:`find_plan` finds one by
its id, and :meth:`~simulator.schema.plan.ClassPlan.steps` gives its steps in order.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from simulator.content.errors import ContentError
from simulator.content.load import load_document
from simulator.resources import content_dir
from simulator.schema.plan import ClassPlan
from simulator.schema.quiz import QuizBank

SCENARIO_DIR = content_dir("scenarios")
PLAN_DIR = SCENARIO_DIR / "plans"
BANK_DIR = SCENARIO_DIR / "quiz"


def plan_files(folder: Path = PLAN_DIR) -> list[Path]:
    """The plan files in ``folder``, sorted by name (none if it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir()
                  if path.suffix.lower() in (".yaml", ".yml") and path.is_file())


def load_plan(path: Path, *, known_rules: Collection[str] | None = None) -> ClassPlan:
    """A plan that passed every check; raises :class:`ContentError` with every problem."""
    return load_document(path, ClassPlan, known_rules=known_rules)


def find_plan(plan_id: str, folder: Path = PLAN_DIR) -> ClassPlan | None:
    """The plan whose id is ``plan_id`` in ``folder`` (None if none loads with that id)."""
    for path in plan_files(folder):
        try:
            plan = load_plan(path)
        except ContentError:
            continue
        if plan.id == plan_id:
            return plan
    return None


@dataclass(frozen=True, slots=True)
class ShippedQuestion:
    bank: str
    id: str
    topic: str

    @property
    def ref(self) -> str:
        """As the quiz and the save file name it: ``bank/id``."""
        return f"{self.bank}/{self.id}"


def shipped_questions(folder: Path = BANK_DIR) -> list[ShippedQuestion]:
    """Every question of the banks in ``folder`` that load (a broken bank has its own report)."""
    found: list[ShippedQuestion] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            bank = load_document(path, QuizBank)
        except ContentError:
            continue
        found += [ShippedQuestion(bank.bank, q.id, str(q.topic)) for q in bank.questions]
    return found


def resolve_ref(ref: str, questions: Collection[ShippedQuestion]) -> list[ShippedQuestion]:
    """The questions a plan's ``ref`` names: ``bank/id`` or a bare ``id`` (one match is
    right; none is unknown, several are ambiguous)."""
    if "/" in ref:
        return [q for q in questions if q.ref == ref]
    return [q for q in questions if q.id == ref]


def scenario_ids(folder: Path = SCENARIO_DIR) -> dict[str, Path]:
    """The ``id:`` of each scenario file directly in ``folder`` (read from its first lines)."""
    from simulator.content.demo_lint import _declared_id

    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        declared = _declared_id(path)
        if declared is not None:
            found.setdefault(declared, path)
    return found
