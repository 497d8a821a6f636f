"""pydantic's validation errors → issues with stable codes, translatable messages and hints.

pydantic's ``type`` names the failure (``int_parsing``, ``enum``…); we map each type to one of
five stable codes (``schema.missing``, ``schema.extra``, ``schema.enum``, ``schema.type``,
``schema.value``) and to a message key. A type we have no text for falls back to a translated
sentence that quotes pydantic's English message, so nothing is ever lost.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulator.content.errors import Hint, Issue, PathPart
from simulator.content.locate import KEY_MARKER
from simulator.content.yaml_loader import shown
from simulator.schema import demo as demo_schema
from simulator.schema import plan as plan_schema
from simulator.schema import quiz as quiz_schema
from simulator.schema import scenario as scenario_schema
from simulator.schema.base import Identifier
from simulator.schema.clock import TIME_PATTERN

# pydantic types with a text of their own under content.schema.type.<type>
TYPE_MESSAGES: frozenset[str] = frozenset({
    "string_type", "int_type", "int_parsing", "int_from_float", "float_type", "float_parsing",
    "bool_type", "bool_parsing", "dict_type", "list_type", "model_type",
    "model_attributes_type", "none_required",
})
# … and under content.schema.value.<type>
VALUE_MESSAGES: frozenset[str] = frozenset({
    "greater_than_equal", "less_than_equal", "greater_than", "less_than", "too_long",
    "too_short", "string_too_short", "string_too_long", "string_pattern_mismatch",
    "value_error", "finite_number",
})


def _pattern(annotated: Any) -> str:
    return str(next(m.pattern for m in annotated.__metadata__ if getattr(m, "pattern", None)))


# A regex means nothing to a trainer: the patterns the schema uses get a sentence each.
PATTERN_MESSAGES: dict[str, str] = {
    TIME_PATTERN: "content.schema.value.pattern_time",
    _pattern(Identifier): "content.schema.value.pattern_identifier",
    _pattern(scenario_schema.MistakeId): "content.schema.value.pattern_mistake_id",
    _pattern(scenario_schema.RuleId): "content.schema.value.pattern_rule_id",
    _pattern(scenario_schema.ActionKind): "content.schema.value.pattern_action_kind",
    _pattern(scenario_schema.HexColor): "content.schema.value.pattern_color",
    str(scenario_schema.Party.model_fields["code"].metadata[0].pattern):
        "content.schema.value.pattern_party_code",
    plan_schema.DATE_PATTERN: "content.schema.value.pattern_date",
    plan_schema.QUESTION_REF_PATTERN: "content.schema.value.pattern_question_ref",
}

# The schema's own validators speak English; the ones we know get a translation.
MODEL_MESSAGES: dict[str, str] = {
    "a mark outside every column names no column": "content.schema.value.mark_outside",
    "a mark must name a pair, kosong, a party or a candidate": "content.schema.value.mark_empty",
    "a mark is in a pair's column or in the empty column, not both":
        "content.schema.value.mark_pair_and_kosong",
    "'neighbour' goes with place: between, and only with it": "content.schema.value.mark_neighbour",
    "place: blank_area names a party box and no candidate": "content.schema.value.mark_blank_area",
    "phases must be listed once each, in the order of the day": "content.schema.value.phase_order",
    scenario_schema.GUIDE_ONE_TRIGGER: "content.schema.value.guide_one_trigger",
    quiz_schema.ANSWER_NOT_AN_OPTION: "content.schema.value.quiz_answer_option",
    quiz_schema.ANSWER_TWICE: "content.schema.value.quiz_answer_twice",
    quiz_schema.FORM_TASK_INCOMPLETE: "content.schema.value.quiz_form_task",
    quiz_schema.ASKS_A_GIVEN_CELL: "content.schema.value.quiz_asks_given",
    quiz_schema.COUNT_TASK_INCOMPLETE: "content.schema.value.quiz_count_task",
    quiz_schema.SITUATION_ONE_CASE: "content.schema.value.quiz_situation_case",
    plan_schema.TEST_ONE_FORM: "content.schema.value.plan_test_form",
    plan_schema.DATE_NOT_A_DAY: "content.schema.value.plan_date",
    plan_schema.NAMED_TWICE: "content.schema.value.plan_named_twice",
    demo_schema.STEP_ONE_KIND: "content.schema.value.demo_step_one_kind",
}

# A model-level error has the model's own path; these name the field the author must fix.
MESSAGE_FIELDS: dict[str, str] = {
    "content.schema.value.phase_order": "phases",
    "content.schema.value.guide_one_trigger": "at",
    "content.schema.value.quiz_answer_option": "answer",
    "content.schema.value.quiz_answer_twice": "answer",
    "content.schema.value.quiz_asks_given": "asks",
}

_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


SourceText = Callable[[tuple[PathPart, ...]], "str | None"]


def issues_from_validation(error: ValidationError, model: type[BaseModel],
                           source_text: SourceText | None = None) -> list[Issue]:
    """One issue per pydantic error, all of them.

    ``source_text`` gives the text as written at a path, for hints that quote it.
    """
    return [issue_from_error(detail, model, source_text) for detail in error.errors()]


def issue_from_error(detail: ErrorDetails, model: type[BaseModel],
                     source_text: SourceText | None = None) -> Issue:
    kind = detail["type"]
    loc = without_union_tags(model, tuple(detail["loc"]))
    detail = {**detail, "loc": loc}  # type: ignore[typeddict-item]
    params = _params(detail)
    if kind == "union_tag_not_found":
        field = str((detail.get("ctx") or {}).get("discriminator", "")).strip("'")
        return Issue((*loc, field), "schema.missing", {**params, "field": repr(field)},
                     anchor="parent")
    if kind == "union_tag_invalid":
        ctx = detail.get("ctx") or {}
        allowed = _QUOTED.findall(str(ctx.get("expected_tags", "")))
        field = str(ctx.get("discriminator", "")).strip("'")
        params = {**params, "value": shown(ctx.get("tag")),
                  "allowed": ", ".join(map(repr, allowed))}
        return Issue((*loc, field), "schema.enum", params,
                     hint=_close_hint(ctx.get("tag"), allowed))
    if kind == "missing":
        return Issue(loc, "schema.missing", params, anchor="parent")
    if kind == "extra_forbidden":
        return Issue(loc, "schema.extra", params, hint=_field_hint(model, loc), anchor="key")
    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(detail)
        params = {**params, "allowed": ", ".join(repr(value) for value in allowed)}
        return Issue(loc, "schema.enum", params, hint=_close_hint(detail.get("input"), allowed))
    if kind in TYPE_MESSAGES or kind.endswith(("_type", "_parsing")):
        key = f"content.schema.type.{kind}" if kind in TYPE_MESSAGES else None
        text = source_text(loc) if source_text is not None else None
        return Issue(loc, "schema.type", params, key or "content.schema.other",
                     _value_hint(detail.get("input"), text))
    key = _value_key(kind, detail)
    if key in MESSAGE_FIELDS:
        loc = (*loc, MESSAGE_FIELDS[key])
    return Issue(loc, "schema.value", params, key)


def _params(detail: ErrorDetails) -> dict[str, object]:
    loc = [part for part in detail["loc"] if part != KEY_MARKER]
    params: dict[str, object] = {
        "field": repr(loc[-1]) if loc else "''",
        "value": shown(detail.get("input")),
        "msg": detail["msg"],
        "type": detail["type"],
    }
    for name, value in (detail.get("ctx") or {}).items():
        params[name] = str(value) if isinstance(value, Exception) else value
    return params


def _value_key(kind: str, detail: ErrorDetails) -> str:
    if kind == "string_pattern_mismatch":
        pattern = str((detail.get("ctx") or {}).get("pattern", ""))
        return PATTERN_MESSAGES.get(pattern, "content.schema.value.string_pattern_mismatch")
    if kind == "value_error":
        error = (detail.get("ctx") or {}).get("error")
        return MODEL_MESSAGES.get(str(error), "content.schema.value.value_error")
    return f"content.schema.value.{kind}" if kind in VALUE_MESSAGES else "content.schema.other"


def _allowed_values(detail: ErrorDetails) -> list[str]:
    """The values pydantic lists in its ``expected`` text (``"'a', 'b' or 'c'"``)."""
    expected = str((detail.get("ctx") or {}).get("expected", ""))
    return _QUOTED.findall(expected)


def _close_hint(given: object, choices: list[str]) -> Hint | None:
    if not isinstance(given, str) or not choices:
        return None
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(given.strip().lower(), list(by_lower), n=1, cutoff=0.6)
    if not close or by_lower[close[0]] == given:
        return None
    return Hint("content.hint.did_you_mean", {"suggestion": repr(by_lower[close[0]])})


def _field_hint(model: type[BaseModel], loc: tuple[PathPart, ...]) -> Hint | None:
    owner = model_at(model, loc[:-1])
    if owner is None or not loc:
        return None
    fields = list(owner.model_fields)
    close = _close_hint(str(loc[-1]), fields)
    if close is not None:
        return close
    return Hint("content.hint.allowed_fields", {"allowed": ", ".join(fields)})


def _value_hint(given: object, text: str | None) -> Hint | None:
    """A value YAML read as something other than text (``NO`` → False) is usually meant as
    text; say how it was read and how to quote it."""
    if given is None:
        return Hint("content.hint.empty_value")
    if isinstance(given, (bool, int, float)) and text and text != str(given):
        return Hint("content.hint.quote", {"value": repr(given), "text": text})
    return None


# --- Which model sits at a path ------------------------------------------------------------


def without_union_tags(model: type[BaseModel], loc: tuple[PathPart, ...]) -> tuple[PathPart, ...]:
    """``loc`` without the tags pydantic inserts for a discriminated union's member
    (``questions.3.single.answer`` → ``questions.3.answer``): they name no node in the file."""
    out: list[PathPart] = []
    current: Any = model
    for part in loc:
        members = _tagged_members(current)
        if members is not None and part in members:
            current = members[str(part)]
            continue
        out.append(part)
        current = _step(current, part)
    return tuple(out)


def _tagged_members(annotation: Any) -> dict[str, Any] | None:
    """A discriminated union's members by tag, or None for any other annotation."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return None
    inner, *meta = typing.get_args(annotation)
    discriminator = next((getattr(m, "discriminator", None) for m in meta
                          if getattr(m, "discriminator", None)), None)
    if discriminator is None or typing.get_origin(inner) not in (Union, types.UnionType):
        return None
    members: dict[str, Any] = {}
    for member in typing.get_args(inner):
        field = member.model_fields[discriminator]
        for tag in typing.get_args(field.annotation):
            members[str(tag)] = member
    return members


def _step(current: Any, part: PathPart) -> Any:
    """The annotation one path part below ``current`` (None when it cannot be followed)."""
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        field = current.model_fields.get(str(part))
        return None if field is None else field.annotation
    args = typing.get_args(current)
    origin = typing.get_origin(current)
    if origin in (list, tuple, set, frozenset) and args:
        return args[0]
    if origin in (dict, Mapping) and len(args) == 2:
        return args[1]
    return None


def model_at(model: type[BaseModel], loc: tuple[PathPart, ...]) -> type[BaseModel] | None:
    """The model class whose fields are expected at ``loc``, following lists and dicts."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """``Annotated[X, …]`` → X; ``X | None`` → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
