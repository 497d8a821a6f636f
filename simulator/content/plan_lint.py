"""The class plan lint: every question and scenario a plan names must be shipped, a drawn test
must have enough questions to draw from, and a pre/post comparison must be fair."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence

from simulator.content.errors import Hint, Issue, PathPart
from simulator.content.plans import (
    ShippedQuestion,
    resolve_ref,
    scenario_ids,
    shipped_questions,
)
from simulator.schema.plan import ClassPlan, DrawnTest, PlanTest

Loc = tuple[PathPart, ...]
_TESTS = ("pre_test", "post_test")


def lint_plan(plan: ClassPlan, known_rules: Collection[str] | None = None) -> list[Issue]:
    questions = shipped_questions()
    issues: list[Issue] = []
    topics: dict[str, frozenset[str]] = {}
    for name in _TESTS:
        test: PlanTest = getattr(plan, name)
        found, covered = _test_issues((name,), test, questions)
        issues += found
        topics[name] = covered
    issues += _fairness(plan, topics)
    issues += _scenario_issues(plan.scenarios)
    return issues


def _test_issues(loc: Loc, test: PlanTest,
                 questions: Sequence[ShippedQuestion]) -> tuple[list[Issue], frozenset[str]]:
    """What is wrong with one test, and the topics it covers."""
    if test.questions is not None:
        return _listed((*loc, "questions"), test.questions, questions)
    assert test.draw is not None
    return _drawn((*loc, "draw"), test.draw, questions)


def _listed(loc: Loc, refs: Sequence[str],
            questions: Sequence[ShippedQuestion]) -> tuple[list[Issue], frozenset[str]]:
    issues: list[Issue] = []
    topics: set[str] = set()
    seen: set[str] = set()
    for index, ref in enumerate(refs):
        matches = resolve_ref(ref, questions)
        if not matches:
            issues.append(Issue((*loc, index), "plan.question_unknown", {"ref": repr(ref)},
                                hint=_close(ref, [q.id for q in questions] +
                                            [q.ref for q in questions])))
        elif len(matches) > 1:
            issues.append(Issue((*loc, index), "plan.question_ambiguous",
                                {"ref": repr(ref),
                                 "refs": ", ".join(q.ref for q in matches)}))
        else:
            question = matches[0]
            if question.ref in seen:
                issues.append(Issue((*loc, index), "plan.question_twice", {"ref": repr(ref)}))
            seen.add(question.ref)
            topics.add(question.topic)
    return issues, frozenset(topics)


def _drawn(loc: Loc, draw: DrawnTest,
           questions: Sequence[ShippedQuestion]) -> tuple[list[Issue], frozenset[str]]:
    """A drawn test's problems, and the topics of the questions it draws from."""
    issues: list[Issue] = []
    banks = sorted({q.bank for q in questions})
    for index, bank in enumerate(draw.banks or []):
        if bank not in banks:
            issues.append(Issue((*loc, "banks", index), "plan.bank_unknown",
                                {"bank": repr(bank), "known": ", ".join(banks)},
                                hint=_close(bank, banks)))
    in_banks = [q for q in questions if draw.banks is None or q.bank in draw.banks]
    present = {q.topic for q in in_banks}
    for index, topic in enumerate(draw.topics or []):
        if str(topic) not in present:
            issues.append(Issue((*loc, "topics", index), "plan.topic_empty",
                                {"topic": repr(str(topic))}))
    names = {str(topic) for topic in draw.topics} if draw.topics is not None else None
    pool = [q for q in in_banks if names is None or q.topic in names]
    if draw.count > len(pool):
        issues.append(Issue((*loc, "count"), "plan.draw_too_many",
                            {"count": draw.count, "available": len(pool)}))
    return issues, frozenset(q.topic for q in pool)


def _fairness(plan: ClassPlan, topics: dict[str, frozenset[str]]) -> list[Issue]:
    """Two drawn tests draw from the same topics and banks, or the gain per topic compares
    nothing; a test on other topics than the other's is worth a warning."""
    pre, post = plan.pre_test.draw, plan.post_test.draw
    if pre is not None and post is not None:
        same_banks = sorted(pre.banks or []) == sorted(post.banks or [])
        same_topics = sorted(pre.topics or []) == sorted(post.topics or [])
        if not same_banks:
            return [_differ(("post_test", "draw"), "banks", post.banks, pre.banks,
                            "plan.draw_banks_differ")]
        if not same_topics:
            return [_differ(("post_test", "draw"), "topics", post.topics, pre.topics,
                            "plan.draw_topics_differ")]
        return []
    if topics["pre_test"] == topics["post_test"]:
        return []
    return [Issue(("post_test",), "plan.topics_differ",
                  {"pre": ", ".join(sorted(topics["pre_test"])),
                   "post": ", ".join(sorted(topics["post_test"]))},
                  level="warning", anchor="key")]


def _differ(loc: Loc, field: str, post: Sequence[str] | None, pre: Sequence[str] | None,
            code: str) -> Issue:
    every = "*"
    return Issue((*loc, field) if post is not None else loc, code,
                 {"pre": ", ".join(map(str, pre)) if pre is not None else every,
                  "post": ", ".join(map(str, post)) if post is not None else every},
                 anchor="value" if post is not None else "key")


def _scenario_issues(scenarios: Sequence[str]) -> list[Issue]:
    known = scenario_ids()
    issues: list[Issue] = []
    seen: set[str] = set()
    for index, scenario in enumerate(scenarios):
        if scenario not in known:
            issues.append(Issue(("scenarios", index), "plan.scenario_unknown",
                                {"scenario": repr(scenario), "known": ", ".join(sorted(known))},
                                hint=_close(scenario, list(known))))
        elif scenario in seen:
            issues.append(Issue(("scenarios", index), "plan.scenario_twice",
                                {"scenario": repr(scenario)}))
        seen.add(scenario)
    return issues


def _close(value: str, choices: Sequence[str]) -> Hint | None:
    """'Did you mean …?' for a misspelt id."""
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
    return Hint("content.hint.did_you_mean", {"suggestion": repr(match[0])}) if match else None
