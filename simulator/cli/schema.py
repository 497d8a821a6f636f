"""``schema [--kind scenario]``: print the JSON Schema of an authored file, for editors."""

from __future__ import annotations

import argparse
import json
from typing import Any

from simulator.content.kinds import DOCUMENT_KINDS, kind_named
from simulator.i18n import Catalog

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    kinds = [kind.name for kind in DOCUMENT_KINDS if kind.model() is not None]
    parser.add_argument(
        "--kind", choices=kinds, default="scenario", help=cat("cli.arg.schema_kind")
    )


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(getattr(args, "kind", "scenario")), indent=2, ensure_ascii=False))
    return 0


def json_schema(kind_name: str) -> dict[str, Any]:
    """pydantic's schema of the kind's model, with the dialect and a title first."""
    kind = kind_named(kind_name)
    model = kind.model()
    if model is None:
        raise ValueError(f"no model for {kind_name!r} yet")
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": kind.title,
        **{k: v for k, v in model.model_json_schema().items() if k != "title"},
    }
