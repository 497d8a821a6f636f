"""Real parties and candidates, which authored content must never name (PRODUCT.md: KPPS must
be neutral, and so must its training).

The 2024 election participants: the 18 national parties and 6 Aceh local parties of Pemilu
2024, by acronym and by the words of their names, and the 2024 presidential pairs. A match is
an error in the lint, so a trainer who types a real name is stopped before a class sees it.
"""

from __future__ import annotations

import re
import unicodedata

REAL_PARTY_CODES: frozenset[str] = frozenset({
    "pkb", "gerindra", "pdip", "pdi", "golkar", "nasdem", "buruh", "gelora", "pks", "pkn",
    "hanura", "garuda", "pan", "pbb", "demokrat", "psi", "perindo", "ppp", "ummat",
    "pna", "gabthat", "pda", "sira",
})

REAL_PARTY_WORDS: tuple[str, ...] = (
    "kebangkitan bangsa", "gerakan indonesia raya", "gerindra", "demokrasi indonesia perjuangan",
    "golongan karya", "golkar", "nasional demokrat", "nasdem", "partai buruh",
    "gelombang rakyat", "keadilan sejahtera", "kebangkitan nusantara", "hati nurani rakyat",
    "hanura", "garda republik", "amanat nasional", "bulan bintang", "partai demokrat",
    "solidaritas indonesia", "persatuan indonesia", "perindo", "persatuan pembangunan",
    "partai ummat", "nanggroe aceh", "darul aceh", "partai aceh", "adil sejahtera aceh",
    "independen rakyat aceh",
)

REAL_PEOPLE_WORDS: tuple[str, ...] = (
    "prabowo", "gibran", "anies", "baswedan", "muhaimin", "ganjar", "pranowo", "mahfud",
)


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def _has_words(text: str, words: tuple[str, ...]) -> str | None:
    plain = f" {_plain(text)} "
    return next((word for word in words if f" {word} " in plain), None)


def real_party(code: str, name: str) -> str | None:
    """The real party a fictional one's code or name matches, as found; None if none."""
    if _plain(code).replace(" ", "") in REAL_PARTY_CODES:
        return code
    return _has_words(name, REAL_PARTY_WORDS)


def real_person(name: str) -> str | None:
    """The real 2024 candidate a name matches; None if none."""
    return _has_words(name, REAL_PEOPLE_WORDS)
