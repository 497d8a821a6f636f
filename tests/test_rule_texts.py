"""Every rule has its title, explanation and consequence in both languages; every action has a
label; every event kind has a title and a narration.

The rules are taken from the phase modules directly, so these checks run even while
``simulator.core.catalogue`` cannot be imported yet (it needs every phase module). When the
catalogue does import, all of its rules are checked too; when it does not, that one test is
reported as skipped with the import error, never silently.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterable
from types import ModuleType

import pytest

from simulator.core.actions import COMMON_ACTIONS, Action
from simulator.core.phases import (
    formulir,
    incidents,
    logistik,
    pembukaan,
    pemungutan,
    penghitungan,
    penutupan,
    penyerahan,
)
from simulator.core.rules import Rule
from simulator.i18n import LANGUAGES, catalog, placeholders
from simulator.schema.scenario import EventKind

MODULES: tuple[ModuleType, ...] = (
    logistik,
    pembukaan,
    penutupan,
    penghitungan,
    penyerahan,
    incidents,
    formulir,
    pemungutan,
)
PARTS = ("title", "explanation", "consequence")
TITLE_MAX = 80


def _rules(modules: Iterable[ModuleType]) -> list[Rule]:
    return list(dict.fromkeys(rule for module in modules for rule in module.RULES))


MODULE_RULES = _rules(MODULES)


def _flag_params(modules: Iterable[ModuleType]) -> dict[str, frozenset[str]]:
    """For each rule id, the keyword params passed at *every* ``judge.flag`` call that may
    flag it (a text may only use those as placeholders).

    A call whose rule argument is a module-level Rule constant counts for that rule; a call
    whose rule is computed (a local variable, a helper's result) may flag any rule of its
    module, so it counts for all of them. ``**params`` passes unknown keys and counts as none.
    """
    seen: dict[str, frozenset[str]] = {}

    def note(rule_id: str, keys: frozenset[str]) -> None:
        seen[rule_id] = keys if rule_id not in seen else seen[rule_id] & keys

    for module in modules:
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "flag"
                and node.args
            ):
                continue
            keys = frozenset(k.arg for k in node.keywords if k.arg is not None)
            target = node.args[0]
            constant = getattr(module, target.id, None) if isinstance(target, ast.Name) else None
            if isinstance(constant, Rule):
                note(constant.id, keys)
            else:
                for rule in module.RULES:
                    note(rule.id, keys)
    return seen


def _problems(rule: Rule, params: dict[str, frozenset[str]]) -> list[str]:
    """What is wrong with the texts of one rule, as readable lines (empty when all is well)."""
    problems: list[str] = []
    for part in PARTS:
        key = rule.key(part)
        texts: dict[str, str] = {}
        for lang in LANGUAGES:
            text = catalog(lang).strings.get(key)
            if text is None:
                problems.append(f"{lang}: no text for {key}")
            elif not text.strip():
                problems.append(f"{lang}: empty text for {key}")
            else:
                texts[lang] = text
        if part == "title":
            problems += [
                f"{lang}: {key} is {len(text)} characters (at most {TITLE_MAX})"
                for lang, text in texts.items()
                if len(text) > TITLE_MAX
            ]
        fields = {lang: placeholders(text) for lang, text in texts.items()}
        if len(set(fields.values())) > 1:
            problems.append(f"{key}: placeholders differ between languages: {fields}")
        allowed = params.get(rule.id, frozenset())
        for lang, used in fields.items():
            if not used <= allowed:
                problems.append(
                    f"{lang}: {key} uses {sorted(used - allowed)}, which not every "
                    f"judge.flag call of this rule passes (always passed: {sorted(allowed)})"
                )
    return problems


def test_the_modules_define_rules() -> None:
    assert len(MODULE_RULES) >= 60, [r.id for r in MODULE_RULES]
    ids = [rule.id for rule in MODULE_RULES]
    assert len(ids) == len(set(ids)), "two rules share an id"


@pytest.mark.parametrize("rule", MODULE_RULES, ids=lambda rule: rule.id)
def test_rule_has_texts_in_every_language(rule: Rule) -> None:
    problems = _problems(rule, _flag_params(MODULES))
    assert not problems, "\n".join(problems)


def test_every_catalogue_rule_has_texts() -> None:
    try:
        from simulator.core import catalogue
    except ImportError as error:
        pytest.skip(
            f"simulator.core.catalogue does not import yet ({error}); the rules of "
            f"{', '.join(m.__name__.rsplit('.', 1)[-1] for m in MODULES)} are checked above"
        )
    modules = (*catalogue.PHASE_MODULES.values(), incidents)
    params = _flag_params(modules)
    problems = [line for rule in catalogue.RULES for line in _problems(rule, params)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def _action_classes() -> list[type[Action]]:
    classes = [*COMMON_ACTIONS, *(cls for m in MODULES for cls in getattr(m, "ACTIONS", ()))]
    return list(dict.fromkeys(classes))


def _kind(cls: type[Action]) -> str:
    return cls.model_fields["kind"].default


def _check_label(key: str) -> list[str]:
    problems = []
    for lang in LANGUAGES:
        text = catalog(lang).strings.get(key)
        if text is None or not text.strip():
            problems.append(f"{lang}: no label for {key}")
        elif placeholders(text):
            problems.append(f"{lang}: label {key} must not take parameters")
    return problems


@pytest.mark.parametrize("cls", _action_classes(), ids=_kind)
def test_every_action_has_a_label(cls: type[Action]) -> None:
    problems = _check_label(f"action.{_kind(cls)}")
    assert not problems, "\n".join(problems)


def test_every_event_response_has_a_label() -> None:
    responses = {incidents.IGNORED}
    for kind in EventKind:
        responses.update(incidents.responses(kind))
    problems = [p for r in sorted(responses) for p in _check_label(f"action.event_response.{r}")]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", list(EventKind), ids=str)
def test_every_event_kind_has_a_title_and_narration(kind: EventKind) -> None:
    problems = _check_label(f"event.{kind.value}.title")
    key = f"event.{kind.value}.narration"
    texts = {lang: catalog(lang).strings.get(key) for lang in LANGUAGES}
    for lang, text in texts.items():
        if text is None or not text.strip():
            problems.append(f"{lang}: no text for {key}")
    fields = {lang: placeholders(text) for lang, text in texts.items() if text}
    if len(set(fields.values())) > 1:
        problems.append(f"{key}: placeholders differ between languages: {fields}")
    problems += [
        f"{lang}: {key} uses {sorted(used - {'by'})}; only {{by}} is passed"
        for lang, used in fields.items()
        if not used <= {"by"}
    ]
    assert not problems, "\n".join(problems)
