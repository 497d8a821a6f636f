"""Full garbage collections while the main loop runs: held back from whatever allocation
comes next, done when due after a frame (simulator/app/collector.py)."""

from __future__ import annotations

import gc

from simulator.app import collector


def test_full_collections_are_held_only_while_the_loop_runs() -> None:
    before = gc.get_threshold()
    with collector.full_collections_held():
        assert gc.get_threshold()[2] == collector.NEVER, "CPython may still start a full one"
        assert gc.get_threshold()[:2] == before[:2], "the young generations were changed"
    assert gc.get_threshold() == before, "CPython's thresholds were not put back"


def test_a_full_collection_is_done_when_due_and_only_then() -> None:
    with collector.full_collections_held():
        gc.collect()  # count from nothing
        assert not collector.collect_if_due(answered_input=True), "collected with none due"
        for _ in range(collector.FULL_AFTER):
            gc.collect(1)  # what allocations do, one young collection at a time
        assert gc.get_count()[2] >= collector.FULL_AFTER
        assert not collector.collect_if_due(answered_input=False), (
            "a frame no input asked for collected before it was overdue"
        )
        assert collector.collect_if_due(answered_input=True), "a due collection was not done"
        assert gc.get_count()[2] == 0, "the full collection did not happen"
