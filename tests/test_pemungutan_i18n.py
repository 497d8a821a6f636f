"""Every voting rule, refusal reason, basis and desk label has its text in both languages."""

from __future__ import annotations

import pytest

from simulator.core.desk import BASES, Reason
from simulator.core.phases import pemungutan as p
from simulator.i18n import LANGUAGES, catalog


def keys() -> list[str]:
    found = [r.key(part) for r in p.RULES for part in ("title", "explanation", "consequence")]
    found += [f"desk.reason.{r.value}" for r in Reason] + ["desk.reason.kembali", "desk.send_to"]
    found += [f"desk.basis.{b}" for b in BASES]
    found += [f"desk.topic.{t}" for t in p.TOPICS]
    found += [f"desk.signature.{s}" for s in ("tangan", "stempel", "tanpa")]
    found += [f"action.{cls.model_fields['kind'].default}" for cls in p.ACTIONS]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_voting_text_exists(lang: str) -> None:
    texts = catalog(lang)
    missing = [k for k in keys() if not texts.has(k)]
    assert not missing, f"{lang}: missing {missing}"


def test_rule_ids_are_unique_and_in_this_phase() -> None:
    ids = [r.id for r in p.RULES]
    assert len(ids) == len(set(ids)), "a rule id is used twice"
    assert all(i.startswith("pemungutan.") for i in ids)


def test_action_kinds_are_short_snake_case_and_unique() -> None:
    kinds = [cls.model_fields["kind"].default for cls in p.ACTIONS]
    assert len(kinds) == len(set(kinds))
    assert all(k.replace("_", "").isalpha() and k.islower() and len(k) <= 20 for k in kinds)
