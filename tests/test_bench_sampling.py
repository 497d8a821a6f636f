"""The response benchmark times actions spread over each whole phase (bench/responses.py)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from bench.responses import spread


@given(count=st.integers(0, 3000), samples=st.integers(1, 40), seed=st.integers(0, 99))
def test_one_action_from_each_stretch_of_the_phase(count: int, samples: int, seed: int) -> None:
    chosen = spread(count, samples, random.Random(seed))
    later = count - 1  # the first action is timed on its own
    assert all(1 <= index < count for index in chosen), "an index outside the phase"
    if later <= samples:
        assert chosen == set(range(1, count)), "a short phase is not timed whole"
        return
    assert len(chosen) == samples, f"{len(chosen)} actions timed, not {samples}"
    ordered = sorted(chosen)
    for part, index in enumerate(ordered):
        start, stop = 1 + part * later // samples, 1 + (part + 1) * later // samples
        assert start <= index < stop, (
            f"action {index} is not in stretch {part} of {samples}"
        )


def test_the_end_of_a_long_phase_is_timed() -> None:
    chosen = spread(2100, 30, random.Random(1))
    assert max(chosen) >= 2100 - 2100 // 30, "the last stretch of the phase went untimed"
