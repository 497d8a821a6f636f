"""The one source of user-facing text, in Bahasa Indonesia (default) and English.

Strings live in ``locales/<lang>/<area>.yaml`` as nested mappings; keys are the dotted paths
(``rule.voter.ink_admitted.title``). Code never holds display text: it holds keys and
parameters, and asks a :class:`Catalog` to render them. Both languages must hold exactly the
same keys; ``tests/test_i18n.py`` fails otherwise.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from simulator.resources import MissingContent, content_dir

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"


class MissingTranslation(KeyError):
    """A key that the catalogue of a language does not have."""


@dataclass(frozen=True)
class Catalog:
    """All strings of one language, flattened to dotted keys."""

    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, /, **params: Any) -> str:
        return self.text(key, **params)

    def text(self, key: str, /, **params: Any) -> str:
        try:
            template = self.strings[key]
        except KeyError:
            raise MissingTranslation(f"no {self.lang!r} text for key {key!r}") from None
        return template.format(**params) if params else template

    def has(self, key: str) -> bool:
        return key in self.strings

    def get(self, key: str, default: str, /, **params: Any) -> str:
        """The text for ``key``, or ``default`` formatted the same way when it is absent."""
        template = self.strings.get(key, default)
        return template.format(**params) if params else template


def _flatten(prefix: str, node: object, out: dict[str, str], source: Path) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out, source)
        return
    if not isinstance(node, str):
        raise ValueError(f"{source}: {prefix}: expected text, found {type(node).__name__}")
    if prefix in out:
        raise ValueError(f"{source}: key {prefix!r} is defined twice")
    out[prefix] = node


def placeholders(template: str) -> frozenset[str]:
    """The ``{name}`` fields a template uses, so tests can compare languages."""
    return frozenset(
        field for _, field, _, _ in string.Formatter().parse(template) if field is not None
    )


@lru_cache(maxsize=len(LANGUAGES))
def catalog(lang: str = DEFAULT_LANGUAGE) -> Catalog:
    """The catalogue of ``lang`` (loaded once; the files ship with the package)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    folder = locale_dir(lang)
    strings: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        with path.open("rb") as handle:
            data = yaml.load(handle, Loader=yaml.CSafeLoader)
        if data is not None:
            _flatten("", data, strings, path)
    return Catalog(lang=lang, strings=strings)


def locale_dir(lang: str) -> Path:
    """The folder of ``lang``'s text files; raises :class:`MissingContent` when it is missing
    or holds none (a broken installation must not show keys or empty labels)."""
    folder = content_dir("locales") / lang
    if not any(folder.glob("*.yaml")):
        raise MissingContent(f"locales/{lang}", [folder])
    return folder
