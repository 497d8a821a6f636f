"""The kinds of document trainers write, and how to tell them apart: the one place to add one.

A kind is recognised from its top-level keys, names its model (imported lazily, so a kind can
be registered before its model exists) and, optionally, a lint run after the schema passed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from simulator.content.errors import Issue
from simulator.content.lint import lint_scenario
from simulator.schema.scenario import Scenario

Lint = Callable[[Any, Collection[str] | None], list[Issue]]


@dataclass(frozen=True)
class ContentKind:
    name: str
    title: str  # the JSON Schema's title
    detect: Callable[[Mapping[Any, Any]], bool]
    model: Callable[[], type[BaseModel] | None]  # None while the kind has no model yet
    lint: Lint | None = None


def _quiz_model() -> type[BaseModel] | None:
    """The quiz bank model, once ``simulator.schema.quiz`` defines ``QuizBank``."""
    try:
        module = importlib.import_module("simulator.schema.quiz")
    except ImportError:
        return None
    model = getattr(module, "QuizBank", None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _quiz_lint(bank: Any, known_rules: Collection[str] | None) -> list[Issue]:
    # Imported when first used: it loads the engine's validity rules and form identities.
    from simulator.content.quiz_lint import lint_quiz

    return lint_quiz(bank, known_rules)


def _demo_model() -> type[BaseModel]:
    from simulator.schema.demo import Demo

    return Demo


def _demo_lint(demo: Any, known_rules: Collection[str] | None) -> list[Issue]:
    # Imported when first used: it plays the demo with the engine.
    from simulator.content.demo_lint import lint_demo

    return lint_demo(demo, known_rules)


def _plan_model() -> type[BaseModel]:
    from simulator.schema.plan import ClassPlan

    return ClassPlan


def _plan_lint(plan: Any, known_rules: Collection[str] | None) -> list[Issue]:
    # Imported when first used: it reads the shipped quiz banks and scenarios.
    from simulator.content.plan_lint import lint_plan

    return lint_plan(plan, known_rules)


def _is_plan(data: Mapping[Any, Any]) -> bool:
    return "pre_test" in data or "post_test" in data


# Tried in order; the first whose ``detect`` accepts the top-level mapping wins, so the
# scenario, which accepts anything, comes last.
DOCUMENT_KINDS: tuple[ContentKind, ...] = (
    ContentKind("quiz", "Simulasi TPS quiz bank", lambda data: "questions" in data, _quiz_model,
                _quiz_lint),
    ContentKind("demo", "Simulasi TPS demonstration", lambda data: "steps" in data, _demo_model,
                _demo_lint),
    ContentKind("plan", "Simulasi TPS class plan", _is_plan, _plan_model, _plan_lint),
    ContentKind("scenario", "Simulasi TPS scenario", lambda data: True, lambda: Scenario,
                lint_scenario),
)


def kind_of(data: Mapping[Any, Any]) -> ContentKind:
    return next(kind for kind in DOCUMENT_KINDS if kind.detect(data))


def kind_named(name: str) -> ContentKind:
    return next(kind for kind in DOCUMENT_KINDS if kind.name == name)


def lint_for(model: type[BaseModel]) -> Lint | None:
    """The lint registered for a model class, if any."""
    for kind in DOCUMENT_KINDS:
        if kind.lint is not None and kind.model() is model:
            return kind.lint
    return None
