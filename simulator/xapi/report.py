"""The class report's content, whatever shows it (the HTML page or the trainer's screen): what
the tallies say, in the words of the chosen language.

The tallies only hold ids: a question's text and topic come from the quiz banks, a rule's title
from the translations, the demo that shows a mistake from ``scenarios/demos``, a plan's steps
from ``scenarios/plans``. An id this laptop does not know is shown as the id.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from simulator.content import ContentError
from simulator.content.load import read_document
from simulator.core.catalogue import RULES_BY_ID
from simulator.i18n import Catalog
from simulator.resources import content_dir
from simulator.schema.demo import Demo
from simulator.schema.plan import ClassPlan
from simulator.xapi.analysis import (
    ClassSummary,
    FollowUp,
    ItemAnalysis,
    MistakeShare,
    PlanProgress,
)
from simulator.xapi.reading import Reading, Unread

SCENARIO_DIR = content_dir("scenarios")
DEMO_DIR = SCENARIO_DIR / "demos"
#: score bands of the per-phase charts: (lowest, highest) inclusive
SCORE_BANDS: tuple[tuple[int, int], ...] = (
    (0, 49), (50, 59), (60, 69), (70, 79), (80, 89), (90, 100),
)
FLAG_ORDER = ("negative", "weak", "too_hard", "too_easy")


@dataclass(frozen=True, slots=True)
class DemoLink:
    demo_id: str
    title: str
    file: str  # its file name, as the trainer's demo menu lists it


@dataclass(frozen=True, slots=True)
class MistakeRow:
    share: MistakeShare
    title: str
    phase: str  # the phase's name
    demos: tuple[DemoLink, ...]


@dataclass(frozen=True, slots=True)
class PhaseScores:
    phase: str  # the phase's id
    name: str
    scores: tuple[int, ...]
    bands: tuple[int, ...]  # trainees per SCORE_BANDS
    median: float


@dataclass(frozen=True, slots=True)
class ItemRow:
    item: ItemAnalysis
    text: str  # the question, as the trainee read it
    topic: str  # the topic's name


@dataclass(frozen=True, slots=True)
class ClassReport:
    """Everything a class report shows, in one language."""

    lang: str
    summary: ClassSummary
    mistakes: tuple[MistakeRow, ...]
    phases: tuple[PhaseScores, ...]
    topics: tuple[tuple[str, float], ...]  # topic name, percent right
    items: tuple[ItemRow, ...]  # flagged items first
    follow_ups: tuple[FollowUp, ...]
    topic_names: Mapping[str, str]
    plans: tuple[tuple[str, PlanProgress], ...]  # plan title, progress
    unread: tuple[Unread, ...]
    unread_count: int
    repeated_sources: tuple[str, ...]
    sources: int
    statements: int
    others: int  # other tools' statements an LRS held, left out


def class_report(reading: Reading, cat: Catalog) -> ClassReport:
    records = reading.records
    questions = _questions(cat)
    topic_names = {
        topic: cat.get(f"quiz.topic.{topic}", topic)
        for topic in {*records.topics.values()}
    }
    demos = _demos(cat.lang)
    mistakes = tuple(
        MistakeRow(
            share,
            cat.get(f"rule.{share.rule}.title", share.rule),
            cat.get(f"phase.{share.phase}", share.phase),
            tuple(dict.fromkeys(
                link for mistake in share.mistakes for link in demos.get(mistake, ())
            )),
        )
        for share in records.frequent_mistakes()
    )
    phases = []
    for phase, scores in sorted(records.phase_scores().items(), key=lambda p: _phase_order(p[0])):
        bands = tuple(sum(1 for s in scores if low <= s <= high) for low, high in SCORE_BANDS)
        phases.append(PhaseScores(phase, cat.get(f"phase.{phase}", phase), tuple(scores), bands,
                                  statistics.median(scores)))
    items = sorted(
        records.item_analysis(),
        # the likeliest wrong keys first, then the weakest items, then the rest by id
        key=lambda i: (min((FLAG_ORDER.index(f) for f in i.flags), default=len(FLAG_ORDER)),
                       i.discrimination if i.discrimination is not None else 100.0,
                       i.question),
    )
    plans = _plans() if records.plan_ids() else []  # read only when the class followed one
    plan_titles = {plan.id: plan.title.get(cat.lang) for plan in plans}
    steps = {plan.id: tuple(plan.scenarios) for plan in plans}
    return ClassReport(
        lang=cat.lang,
        summary=records.summary(),
        mistakes=mistakes,
        phases=tuple(phases),
        topics=tuple((topic_names.get(t, t), p) for t, p in records.topic_scores().items()),
        items=tuple(
            ItemRow(item, questions.get(item.question, item.question),
                    topic_names.get(item.topic, item.topic))
            for item in items
        ),
        follow_ups=tuple(records.follow_ups()),
        topic_names=topic_names,
        plans=tuple((plan_titles.get(p.plan, p.plan), p) for p in records.plans(steps)),
        unread=tuple(reading.unread),
        unread_count=reading.unread_count,
        repeated_sources=tuple(reading.repeated_sources),
        sources=reading.sources,
        statements=reading.statements,
        others=reading.others,
    )


def _phase_order(phase: str) -> tuple[int, str]:
    from simulator.schema.types import PHASE_ORDER

    names = [p.value for p in PHASE_ORDER]
    return (names.index(phase) if phase in names else len(names), phase)


def _questions(cat: Catalog) -> dict[str, str]:
    """Each shipped question's text by its ref (``bank/id``), as the quiz shows it."""
    from simulator.quiz.banks import load_banks
    from simulator.quiz.situation_texts import situation_prompt, situation_summary
    from simulator.schema.quiz import SituationQuestion

    texts = {}
    for bank in load_banks().banks:
        for question in bank.questions:
            if isinstance(question, SituationQuestion):
                # a situation is named by its case, then what is asked, as the feedback does
                asked = situation_prompt(question, cat) if question.text is None \
                    else question.text.get(cat.lang)
                text = f"{situation_summary(question, cat)} {asked}"
            else:
                # only a ballot question may leave its text out: the quiz asks the same then
                text = cat("quiz.ballot.prompt") if question.text is None else (
                    question.text.get(cat.lang))
            texts[f"{bank.bank}/{question.id}"] = text
    return texts


def _demos(lang: str) -> dict[str, list[DemoLink]]:
    """The demos that show each MISTAKES entry (read, not played: the demo menu checks them)."""
    shown: dict[str, list[DemoLink]] = {}
    for path in sorted(DEMO_DIR.glob("*.yaml")):
        try:
            demo = read_document(path, Demo).model
        except (ContentError, OSError):
            continue
        link = DemoLink(demo.id, demo.title.get(lang), path.name)
        for mistake in demo.mistakes:
            shown.setdefault(mistake, []).append(link)
    return shown


def _plans() -> list[ClassPlan]:
    """The class plans on this laptop that load (a broken one has its own ``validate``)."""
    from simulator.content.plans import load_plan, plan_files

    found = []
    for path in plan_files():
        try:
            found.append(load_plan(path))
        except (ContentError, OSError):
            continue
    return found


def rule_regulation(rule_id: str) -> str:
    """A rule's public basis for a report that may mix elections: the Pilkada's own, if it
    has one, after the Pemilu's; and the handbook's grade of it, "(M)", for the trainer."""
    rule = RULES_BY_ID.get(rule_id)
    if rule is None:
        return ""
    pilkada = f" · Pilkada: {rule.regulation_pilkada}" if rule.regulation_pilkada else ""
    return f"{rule.regulation}{pilkada} ({rule.confidence})"


def unread_reason(cat: Catalog, unread: Unread) -> str:
    """Why something was not counted, in words (without its field)."""
    reason = cat(f"report.unread_{unread.reason}")
    return f"{reason}: {cat(unread.because)}" if unread.because else reason


def unread_message(cat: Catalog, unread: Unread) -> str:
    """One thing not counted, as the trainer reads it: where, and why in words."""
    reason = unread_reason(cat, unread)
    if unread.field:
        reason = cat("cli.report.unread_field", message=reason, field=unread.field)
    if unread.line:
        return cat("cli.report.unread_line", source=unread.source, line=unread.line,
                   reason=reason)
    return cat("cli.report.unread", source=unread.source, reason=reason)
