"""Shared pieces of every authored model: frozen, unknown fields forbidden, bilingual text."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints
from typing_extensions import Self

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
# Strict numbers and yes/no: YAML turns `yes` into true, and lax validation would then turn
# `number: yes` into 1 without a word. An author's typo must be an error instead.
Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]
Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$", strip_whitespace=True)
]


class Authored(BaseModel):
    """Base for everything a trainer writes: immutable, and a typo in a key is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        # Authored content is never changed once loaded (the engine makes a changed ballot
        # with model_copy): a copy of the day shares it, as a copy of a tuple shares it.
        return self


class Bilingual(Authored):
    """A text in Bahasa Indonesia and in English; both are required."""

    id: LongText = Field(description="Teks dalam Bahasa Indonesia / the Indonesian text")
    en: LongText = Field(description="The English text / teks dalam bahasa Inggris")

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id
