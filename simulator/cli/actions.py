"""``actions [--json]``: every action kind an action log may hold, with its fields."""

from __future__ import annotations

import argparse
import json
import sys
from enum import Enum
from typing import Any, Literal, get_args, get_origin

from pydantic.fields import FieldInfo

from simulator.core.actions import Action
from simulator.core.catalogue import ACTION_KINDS
from simulator.i18n import Catalog, catalog


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("--json", action="store_true", help=cat("cli.arg.actions_json"))


def run(args: argparse.Namespace) -> int:
    if args.json:
        schemas = {kind: cls.model_json_schema() for kind, cls in sorted(ACTION_KINDS.items())}
        json.dump(schemas, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    cat = catalog(args.lang)
    for kind, cls in sorted(ACTION_KINDS.items()):
        label = cat.get(f"action.{kind}", "")
        print(f"{kind}" + (f"  — {label}" if label else ""))
        for name, info in _fields(cls).items():
            print(f"    {name}: {_describe(info, cat)}")
    return 0


def _fields(cls: type[Action]) -> dict[str, FieldInfo]:
    return {name: info for name, info in cls.model_fields.items() if name != "kind"}


def _describe(info: FieldInfo, cat: Catalog) -> str:
    text = _type_text(info.annotation)
    if not info.is_required():
        default = info.default.value if isinstance(info.default, Enum) else info.default
        text += f" ({cat('cli.actions.default', value=json.dumps(default))})"
    return text


def _type_text(annotation: Any) -> str:
    """A field's type as an author needs it: the allowed values spelled out."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " | ".join(str(member.value) for member in annotation)
    origin, arguments = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return " | ".join(str(value) for value in arguments)
    if origin is list:
        return f"[{_type_text(arguments[0])}, …]"
    return getattr(annotation, "__name__", str(annotation))
