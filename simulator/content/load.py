"""Loading authored files into models, and checking many files at once for ``validate``.

Three passes, each only if the previous one passed: YAML (:mod:`.yaml_loader`), schema
(pydantic), lint (:mod:`.lint`). Every problem of the failing pass is reported, located.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from simulator.content.errors import ContentError, Issue, Problem, sort_problems
from simulator.content.kinds import ContentKind, kind_of, lint_for
from simulator.content.locate import Locator
from simulator.content.schema_errors import issues_from_validation
from simulator.content.yaml_loader import (
    ParsedYaml,
    Source,
    decode_source,
    parse_source,
    read_source,
)
from simulator.schema.scenario import Scenario

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A model that passed every check, with the warnings met on the way."""

    model: M
    warnings: tuple[Problem, ...]
    sha256: str  # of the bytes the model was read from


@dataclass(frozen=True)
class FileReport:
    """The outcome of checking one file."""

    path: Path
    kind: str | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def valid(self) -> bool:
        return not self.errors


# --- One document --------------------------------------------------------------------------


def read_document(path: Path, model: type[M], *,
                  known_rules: Collection[str] | None = None) -> Loaded[M]:
    """The model in ``path`` with its warnings; raises :class:`ContentError` on any error."""
    return check_source(read_source(path), model, known_rules=known_rules)


def load_document(path: Path, model: type[M], *,
                  known_rules: Collection[str] | None = None) -> M:
    """The model in ``path``; raises :class:`ContentError` with every problem found."""
    return read_document(path, model, known_rules=known_rules).model


def load_scenario(path: Path, *, known_rules: Collection[str] | None = None) -> Scenario:
    """A scenario that parsed, validated and passed the domain lint.

    ``known_rules``: the rule ids of the engine's catalogue, to check the ids ``scoring:``
    names; without it they are not checked.
    """
    return load_document(path, Scenario, known_rules=known_rules)


def load_document_bytes(data: bytes, file: str, model: type[M], *,
                        known_rules: Collection[str] | None = None) -> Loaded[M]:
    """As :func:`read_document`, from bytes already in memory (``file`` names them)."""
    return check_source(decode_source(data, file), model, known_rules=known_rules)


def check_source(source: Source, model: type[M], *,
                 known_rules: Collection[str] | None = None) -> Loaded[M]:
    """Parse, validate and lint decoded text; raises :class:`ContentError` on any error."""
    return _check_parsed(parse_source(source), model, known_rules)


def _check_parsed(parsed: ParsedYaml, model: type[M],
                  known_rules: Collection[str] | None) -> Loaded[M]:
    source = parsed.source
    locator = Locator(source)
    instance = _validate(parsed.data, model, locator)
    lint = lint_for(model)
    issues: list[Issue] = lint(instance, known_rules) if lint is not None else []
    problems = locator.place_all(issues)
    if any(problem.is_error for problem in problems):
        raise ContentError(problems)
    return Loaded(instance, tuple(sort_problems(problems)), source.sha256)


def _validate(data: object, model: type[M], locator: Locator) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        issues = issues_from_validation(error, model, locator.source_text)
        raise ContentError(locator.place_all(issues)) from None


def scenario_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes, as the action log records it."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Many files, for ``validate`` ----------------------------------------------------------


def check_file(path: Path, *, known_rules: Collection[str] | None = None) -> FileReport:
    """Every problem of one file, whatever its kind; never raises."""
    kind: ContentKind | None = None
    try:
        parsed = parse_source(read_source(path))
        kind = kind_of(parsed.data)
        model = kind.model()
        if model is None:
            raise ContentError(Locator(parsed.source).place_all([_unsupported(kind)]))
        loaded = _check_parsed(parsed, model, known_rules)
        return FileReport(path, kind.name, loaded.warnings)
    except ContentError as error:
        return FileReport(path, kind.name if kind else None, tuple(error.problems))
    except Exception as error:  # a bug of ours must not hide the other files' reports
        logger.debug("internal error while checking %s", path, exc_info=True)
        problem = _file_problem(path, "internal", error=f"{type(error).__name__}: {error}")
        return FileReport(path, kind.name if kind else None, (problem,))


def _unsupported(kind: ContentKind) -> Issue:
    return Issue(("questions",), "kind_unsupported", {"kind": kind.name}, anchor="key")


def validate_paths(paths: Iterable[Path], *,
                   known_rules: Collection[str] | None = None) -> list[FileReport]:
    """Check files and folders (recursively, ``*.yaml``/``*.yml``), in the order given."""
    reports: list[FileReport] = []
    for entry in expand_paths(paths):
        reports.append(entry if isinstance(entry, FileReport)
                       else check_file(entry, known_rules=known_rules))
    return reports


def expand_paths(paths: Iterable[Path]) -> list[Path | FileReport]:
    """Files to check, and reports for paths refused before reading (missing, escaping)."""
    entries: list[Path | FileReport] = []
    for path in paths:
        if path.is_dir():
            entries += _expand_folder(path)
        elif path.exists() or path.is_symlink():
            entries.append(path)
        else:
            entries.append(_file_report(path, "file.not_found"))
    return entries


def _expand_folder(folder: Path) -> list[Path | FileReport]:
    """YAML files under ``folder``, sorted by path.

    A symlink leading outside the folder is refused, not followed: a shared folder must not
    make us read the rest of the disk. A symlinked folder leading inside is not descended (what
    it holds is checked at its own place); a symlinked file leading inside is checked.
    """
    root = folder.resolve()
    found: dict[str, Path | FileReport] = {}
    for directory, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(directory)
        for name in dirnames + filenames:
            path = here / name
            if path.is_symlink() and _escapes(path, root):
                found[str(path)] = _file_report(path, "file.outside", target=_target(path))
            elif name in filenames and name.lower().endswith(YAML_SUFFIXES):
                found[str(path)] = path
    return [found[key] for key in sorted(found)]


def _escapes(path: Path, root: Path) -> bool:
    try:
        return not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop leads nowhere we may go
        return True


def _target(path: Path) -> str:
    try:
        return str(os.readlink(path))
    except OSError:
        return "?"


def _file_problem(path: Path, code: str, **params: object) -> Problem:
    return Problem(str(path), 1, 1, "", code, params)


def _file_report(path: Path, code: str, **params: object) -> FileReport:
    return FileReport(path, None, (_file_problem(path, code, **params),))
