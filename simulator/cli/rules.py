"""``rules [--json]``: the rule catalogue, printable for a trainer."""

from __future__ import annotations

import argparse
import json
import sys

from simulator.core.catalogue import RULES
from simulator.i18n import LANGUAGES, Catalog, catalog
from simulator.schema.types import PHASE_ORDER


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("--json", action="store_true", help=cat("cli.arg.rules_json"))


def run(args: argparse.Namespace) -> int:
    if args.json:
        json.dump(_as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    cat = catalog(args.lang)
    for phase in PHASE_ORDER:
        rules = [r for r in RULES if r.phase is phase]
        if not rules:
            continue
        print(f"\n== {cat(f'phase.{phase.value}')} ==")
        for rule in rules:
            scored = "" if rule.scored_by_default else f" ({cat('cli.rules.not_scored')})"
            print(
                f"\n{rule.id}  [{cat(f'severity.{rule.severity.value}')}, "
                f"{rule.cost} {cat('cli.rules.points')}]{scored}"
            )
            print(f"  {cat(rule.key('title'))}")
            print(f"  {cat(rule.key('explanation'))}")
            print(f"  {cat('cli.rules.consequence')}: {cat(rule.key('consequence'))}")
            print(f"  {cat('cli.rules.regulation')}: {rule.regulation}")
            if rule.regulation_pilkada:
                print(f"  {cat('cli.rules.regulation_pilkada')}: {rule.regulation_pilkada}")
            print(f"  {cat('cli.rules.confidence')}: {cat(f'cli.rules.grade.{rule.confidence}')}")
            print(f"  {cat('cli.rules.handbook')}: {rule.handbook}")
            if rule.mistakes:
                print(f"  {cat('cli.rules.mistakes')}: {', '.join(rule.mistakes)}")
    return 0


def _as_json() -> list[dict[str, object]]:
    return [
        {
            "id": rule.id,
            "phase": rule.phase.value,
            "severity": rule.severity.value,
            "points": rule.cost,
            "scored_by_default": rule.scored_by_default,
            "confidence": rule.confidence,
            "regulation": rule.regulation,
            "regulation_pilkada": rule.regulation_pilkada or rule.regulation,
            "handbook": rule.handbook,
            "mistakes": list(rule.mistakes),
            "consequences": [c.value for c in rule.consequences],
            "text": {
                lang: {
                    part: catalog(lang)(rule.key(part))
                    for part in ("title", "explanation", "consequence")
                }
                for lang in LANGUAGES
            },
        }
        for rule in RULES
    ]
