"""Authored content (scenarios, later quiz banks): YAML in, models out, every problem located.

The public API; see :mod:`simulator.content.load` for the pipeline.
"""

from simulator.content.errors import ContentError, Hint, Issue, Problem
from simulator.content.kinds import DOCUMENT_KINDS, ContentKind
from simulator.content.lint import check_rule_ids, lint_scenario
from simulator.content.load import (
    FileReport,
    Loaded,
    check_file,
    load_document,
    load_document_bytes,
    load_scenario,
    read_document,
    scenario_sha256,
    validate_paths,
)

__all__ = [
    "DOCUMENT_KINDS",
    "ContentError",
    "ContentKind",
    "FileReport",
    "Hint",
    "Issue",
    "Loaded",
    "Problem",
    "check_file",
    "check_rule_ids",
    "lint_scenario",
    "load_document",
    "load_document_bytes",
    "load_scenario",
    "read_document",
    "scenario_sha256",
    "validate_paths",
]
