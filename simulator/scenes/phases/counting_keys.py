"""Typing a plano row's number: every row of every ballot reachable from the keyboard.

A real box holds hundreds of ballots, so the ruling must be a keystroke or two. The chair
types the number printed beside the row on the plano:

- pair, DPD and Pilkada ballots: the row number. It rules at once when no longer number starts
  with it (``2`` of three pairs); otherwise it waits for the next digit or Enter (``1`` of
  twelve DPD candidates could still become ``12``).
- DPR and DPRD ballots, two steps: the party number (chosen at once, or with Enter when a longer
  party number starts with it), then the candidate's number, or ``0`` / Enter for the party
  row. ``3`` ``2`` is candidate 2 of party 3; ``3`` ``0`` is party 3 only.

A single stray digit on a party-list ballot only chooses a party; nothing is ruled until the
second step. Backspace takes back the last digit, Esc forgets what was typed. The empty column
and invalid have letter keys of their own (the scene's buttons). Nothing here judges a ballot:
a complete number gives the plano row it names, whatever the ballot shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from simulator.core.targets import Target, TargetKind


@dataclass
class RowTyping:
    """The digits typed so far for one box's plano, and what they name."""

    rows: dict[str, str] = field(default_factory=dict)  # row (or party) number → target
    candidates: dict[str, dict[str, str]] = field(default_factory=dict)  # party → number → row
    party_list: bool = False
    first: str = ""  # the row or party number typed so far
    second: str | None = None  # a party-list ballot's candidate digits, once a party is chosen
    unknown: str = ""  # a number that names no row (said on screen until the next key)

    @classmethod
    def of(cls, targets: Sequence[Target]) -> RowTyping:
        """The typing for a plano with rows ``targets`` (as the engine lists them)."""
        typing = cls()
        for target in targets:
            if target.number is None:
                continue  # the empty column: a letter key of its own
            number = str(target.number)
            if target.kind is TargetKind.PARTY and target.candidate is not None:
                typing.candidates.setdefault(number, {})[str(target.candidate)] = str(target)
            else:
                typing.rows[number] = str(target)
            typing.party_list |= target.kind is TargetKind.PARTY
        return typing

    # --- what is typed --------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Whether digits are waiting for more (Enter, Backspace and Esc act on them)."""
        return bool(self.first) or self.second is not None

    @property
    def party(self) -> str | None:
        """The party row chosen in the first step, waiting for its candidate."""
        return self.rows.get(self.first) if self.second is not None else None

    def prompt(self) -> tuple[str, dict[str, str]]:
        """What to say on screen about the typing: a text key under
        ``scene.penghitungan.keys`` and its parameters."""
        if self.unknown:
            return "unknown", {"number": self.unknown}
        if self.second:
            return "candidate_typed", {"party": self.first, "typed": self.second}
        if self.second is not None:
            return "candidate", {"party": self.first}
        if self.first:
            return ("party_typed" if self.party_list else "row_typed"), {"typed": self.first}
        return ("idle_party" if self.party_list else "idle_rows"), {}

    def clear(self) -> None:
        self.first, self.second, self.unknown = "", None, ""

    # --- keys -----------------------------------------------------------------------------

    def digit(self, digit: str) -> str | None:
        """One digit typed; the row to rule now, if the number is complete."""
        self.unknown = ""
        if self.second is None:
            return self._first_digit(digit)
        if not self.second and digit == "0":
            return self._done(self.rows[self.first])  # 0: the party's own row
        return self._candidate_digit(self.second + digit)

    def enter(self) -> str | None:
        """Enter: the number typed so far is the one meant; the row to rule, if any."""
        self.unknown = ""
        if self.second is not None:
            if not self.second:
                return self._done(self.rows[self.first])
            row = self._party_candidates().get(self.second)
            return self._done(row) if row is not None else None
        if self.first not in self.rows:
            return None
        if self.party_list:
            self.second = ""
            return None
        return self._done(self.rows[self.first])

    def back(self) -> None:
        """Backspace: the last digit typed is taken back; with a party chosen and no
        candidate digit yet, the party is let go."""
        self.unknown = ""
        if self.second:
            self.second = self.second[:-1]
        elif self.second is not None:
            self.first, self.second = "", None
        else:
            self.first = self.first[:-1]

    # --- inside ---------------------------------------------------------------------------

    def _first_digit(self, digit: str) -> str | None:
        typed = self.first + digit
        if not _extends(typed, self.rows):
            self.first, self.unknown = "", typed
            return None
        self.first = typed
        if typed in self.rows and not _extends(typed, self.rows, longer=True):
            if self.party_list:
                self.second = ""
                return None
            return self._done(self.rows[typed])
        return None

    def _candidate_digit(self, typed: str) -> str | None:
        numbers = self._party_candidates()
        if not _extends(typed, numbers):
            self.unknown = f"{self.first}.{typed}"
            return None
        self.second = typed
        if typed in numbers and not _extends(typed, numbers, longer=True):
            return self._done(numbers[typed])
        return None

    def _party_candidates(self) -> dict[str, str]:
        return self.candidates.get(self.first, {})

    def _done(self, target: str) -> str:
        self.clear()
        return target


def _extends(typed: str, numbers: dict[str, str], *, longer: bool = False) -> bool:
    """Whether some number starts with ``typed`` (``longer``: some number longer than it)."""
    return any(n.startswith(typed) and (len(n) > len(typed) or not longer) for n in numbers)
