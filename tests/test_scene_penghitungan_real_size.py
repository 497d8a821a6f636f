"""The counting scene at real size: every plano row reached from the keyboard alone (DPR party
and candidate rows included, at the full-day scenario and at a 300-voter TPS), the rest of a
box handed to the crew and shown filling the plano while the engine already holds the final
count, and the last ballots ruled kept in view with what each drew."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pilot import key_events
from test_scene_penghitungan import (
    FULL_DAY,
    check_fit,
    counting_scene,
    log_kinds,
    rule_ids,
    truth,
)

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.play import Mode
from simulator.art import palette
from simulator.art.fonts import font
from simulator.core.actionlog import LogHeader, format_log, parse_log
from simulator.core.phases.penghitungan import DelegateCount, RuleBallot
from simulator.core.replay import apply_log
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.phases.counting_art import PlanoRow
from simulator.scenes.phases.formulir_art import wrap
from simulator.scenes.phases.penghitungan import PenghitunganScene
from simulator.schema.types import BallotType

ROOT = Path(__file__).resolve().parents[1]
TPS_300 = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"  # 300 voters, 1,500 ballots
PPWP, DPR, DPD = BallotType.PPWP, BallotType.DPR, BallotType.DPD
GUBERNUR, BUPATI = BallotType.GUBERNUR, BallotType.BUPATI
KEYS = {"\r": pygame.K_RETURN, "x": pygame.K_x, "k": pygame.K_k, "t": pygame.K_t, "a": pygame.K_a}
KEYS |= {str(n): getattr(pygame, f"K_{n}") for n in range(10)}
KEYS |= {"!": pygame.K_ESCAPE}


def press(ctx: AppContext, keys: str) -> None:
    """Keys as a trainee types them, one frame each, through the driver."""
    driver = Driver(ctx)
    for key in keys:
        # Pressed and released, as fingers do: a key still held when a screen changes is
        # not taken again by the new screen (the focus model).
        driver.step(1 / 60, [*key_events(KEYS[key]), *pygame.event.get()])


def frames(ctx: AppContext, count: int) -> None:
    driver = Driver(ctx)
    for _ in range(count):
        driver.step(1 / 60, pygame.event.get())


def keys_for(row: PlanoRow, rows: list[PlanoRow]) -> str:
    """The keys that name ``row`` from what the plano prints: its number (``3.2``), a party
    then its candidate, Enter where a longer printed number starts alike; X for invalid."""
    if row.target == "invalid":
        return "x"
    if row.target == "kosong":
        return "k"
    first, _, second = row.number.partition(".")
    firsts = {r.number.partition(".")[0] for r in rows if r.number}
    keys = first + ("\r" if any(n != first and n.startswith(first) for n in firsts) else "")
    if not row.target.startswith("party:"):
        return keys
    if not second:
        return keys + "0"
    seconds = {r.number.partition(".")[2] for r in rows if r.number.startswith(first + ".")}
    return (
        keys + second + ("\r" if any(n != second and n.startswith(second) for n in seconds) else "")
    )


def last_ruling(scene: PenghitunganScene) -> RuleBallot:
    action = scene.session.sim.log[-1].action
    assert isinstance(action, RuleBallot), f"the last action was {action.kind}"
    return action


def rule_every_row_by_keys(ctx: AppContext, scene: PenghitunganScene, ballot: BallotType) -> None:
    rows = scene.plano.rows_of(ballot)
    for row in rows:
        before = len(scene.session.sim.log)
        keys = keys_for(row, rows)
        press(ctx, keys)
        assert len(scene.session.sim.log) == before + 1, f"{keys!r} ruled nothing ({row.target})"
        ruled = last_ruling(scene)
        assert (ruled.verdict, ruled.shown) == (row.target, True), (
            f"typing {keys!r} for row {row.number} {row.name} ruled {ruled.verdict}"
        )


def delegate_by_keys(ctx: AppContext, scene: PenghitunganScene) -> None:
    press(ctx, "t")
    assert isinstance(ctx.stack.top, ConfirmDialog), "T asks before handing the box over"
    # The question starts on its cancelling answer: Left reaches "yes", then Enter.
    Driver(ctx).step(1 / 60, key_events(pygame.K_LEFT))
    press(ctx, "\r")
    assert ctx.stack.top is scene


# --- Every row from the keyboard ------------------------------------------------------------


@pytest.mark.slow
def test_every_row_of_a_dpr_plano_is_reached_by_keyboard_alone() -> None:
    ctx, scene = counting_scene(path=FULL_DAY)
    press(ctx, "1a")
    while scene.world.counting.open_box is PPWP:
        scene.session.do(RuleBallot(verdict=truth(scene)))
    scene.rebuild()
    press(ctx, "2a")  # the DPR box, second on the table
    assert scene.world.counting.open_box is DPR
    rows = scene.plano.rows_of(DPR)
    assert any(r.indent for r in rows) and any(r.target.startswith("party:") for r in rows)
    rule_every_row_by_keys(ctx, scene, DPR)
    press(ctx, "3\r")
    assert last_ruling(scene).verdict == "party:3", "Enter after a party rules its own row"


@pytest.mark.slow
def test_a_300_voter_count_reaches_every_row_by_keyboard_and_hands_over_the_rest() -> None:
    """Ten parties of six candidates and twelve DPD candidates: party 1 and candidate 1 wait
    for Enter (10, 11, 12 start alike), every other number rules as typed."""
    ctx, scene = counting_scene(path=TPS_300)
    press(ctx, "1a")
    delegate_by_keys(ctx, scene)
    assert scene.world.counting.delegated == {PPWP: 300}, "the whole PPWP box to the crew"
    press(ctx, "t")  # the crew's ballots appear; T again shows them all at once
    assert scene.plano.reveal is None
    press(ctx, "2a")
    assert scene.world.counting.open_box is DPR and len(scene.plano.rows_of(DPR)) == 71
    rule_every_row_by_keys(ctx, scene, DPR)
    delegate_by_keys(ctx, scene)
    press(ctx, "3a")
    assert scene.world.counting.open_box is DPD
    rule_every_row_by_keys(ctx, scene, DPD)
    counting = scene.world.counting
    assert counting.delegated == {PPWP: 300, DPR: 300 - 71}
    assert len(counting.rulings[DPD]) == 13, "twelve candidates and invalid, one ballot each"


# --- Stray keys ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_stray_digit_on_a_dpr_ballot_only_chooses_a_party_and_esc_forgets_it() -> None:
    ctx, scene = counting_scene(path=FULL_DAY)
    press(ctx, "1a")
    while scene.world.counting.open_box is PPWP:
        scene.session.do(RuleBallot(verdict=truth(scene)))
    scene.rebuild()
    press(ctx, "2a2")
    assert log_kinds(scene)[-1] == "announce_count", "one digit rules no DPR ballot"
    assert scene.plano.chosen == "party:2", "the party's rows are marked on the plano"
    assert scene.ctx.stack.top is scene
    press(ctx, "!")
    assert scene.plano.chosen is None and scene.ctx.stack.top is scene, "Esc forgot the party"
    press(ctx, "!")
    assert scene.ctx.stack.top is not scene, "with nothing typed, Esc pauses as everywhere"


@pytest.mark.slow
def test_digits_typed_into_the_clock_box_rule_nothing() -> None:
    ctx, scene = counting_scene()
    press(ctx, "1a")
    scene.ui.set_focus(scene.ui.named_entries["clock"])
    press(ctx, "12")
    assert log_kinds(scene) == ["open_count", "announce_count"], log_kinds(scene)


def test_a_stray_t_hands_nothing_over() -> None:
    ctx, scene = counting_scene()
    press(ctx, "1at")
    assert isinstance(ctx.stack.top, ConfirmDialog)
    press(ctx, "!")
    assert ctx.stack.top is scene and "delegate_count" not in log_kinds(scene)


# --- The crew counts the rest ------------------------------------------------------------------


def sheet_counts(scene: PenghitunganScene) -> dict[str, int]:
    """What the plano on screen shows per row (rows at zero left out)."""
    rows = scene.plano.rows()
    return {
        row.target: look.count
        for row, look in zip(rows, scene.plano._looks, strict=True)
        if look.count
    }


def test_the_crews_ballots_fill_the_plano_at_a_visible_pace_and_match_the_engine() -> None:
    ctx, scene = counting_scene()
    press(ctx, "1a")
    for _ in range(2):
        press(ctx, key_of(truth(scene)))
    delegate_by_keys(ctx, scene)
    counting = scene.world.counting
    assert counting.delegated == {GUBERNUR: 46} and GUBERNUR in counting.finished
    assert not rule_ids(scene), "handing the rest to the crew is no mistake"
    assert scene.moving(), "the plano is filling"
    final = dict(counting.tally[GUBERNUR])
    frames(ctx, 30)  # half a second
    shown = sum(sheet_counts(scene).values())
    assert 2 < shown < 48, f"after half a second the plano shows {shown} of 48 ballots"
    assert counting.tally[GUBERNUR] == final, "the engine's count was final at once"
    press(ctx, "2")  # input is not blocked: the next box opens while the plano fills
    assert counting.open_box is BUPATI and not scene.moving()


@pytest.mark.slow
def test_the_whole_count_appears_on_its_own_or_at_once_with_t() -> None:
    for skip in (False, True):
        ctx, scene = counting_scene()
        press(ctx, "1a1")
        delegate_by_keys(ctx, scene)
        if skip:
            press(ctx, "t")
        else:
            frames(ctx, 12 * 60)
        assert not scene.moving(), "every delegated ballot is on the plano"
        final = scene.world.counting.tally[GUBERNUR]
        assert sheet_counts(scene) == final, "the plano shows exactly the engine's count"
        assert scene._crew_label is not None and scene._crew_label.visible
        assert "47" in scene._crew_label.text, scene._crew_label.text


def test_a_delegated_count_played_on_screen_replays_exactly() -> None:
    ctx, scene = counting_scene()
    press(ctx, "1a1")
    delegate_by_keys(ctx, scene)
    sim = scene.session.sim
    header = LogHeader(sim.world.scenario.id, "-", sim.world.seed, "1")
    replayed = apply_log(sim.world.scenario, parse_log(format_log(header, sim.log)))
    assert replayed.digest() == sim.digest()
    assert isinstance(sim.log[-1].action, DelegateCount)


# --- The last ballots ruled ---------------------------------------------------------------------


def key_of(verdict: str) -> str:
    """The key that rules a Pilkada ballot for ``verdict``."""
    return {"pair:1": "1", "pair:2": "2", "kosong": "k", "invalid": "x"}[verdict]


def test_the_last_ballots_ruled_stay_in_view_with_what_each_drew() -> None:
    ctx, scene = counting_scene(lang="en")
    press(ctx, "1a")
    right = truth(scene)
    press(ctx, "1" if right != "pair:1" else "x")  # the first ballot misjudged
    press(ctx, key_of(truth(scene)))
    newest, first = scene.recent.lines(GUBERNUR)
    assert newest.text.startswith("Ballot 2") and newest.mark == "ok" and not newest.notes
    assert first.text.startswith("Ballot 1") and first.mark == "mistake", (
        "a ruling that drew a finding has a warning sign, never the circle of a right one"
    )
    assert first.notes and first.notes[-1].startswith("Should be:"), first.notes
    frames(ctx, 1)
    rect = scene.recent.rect
    assert rect is not None
    region = ctx.screen.subsurface(rect)
    background = pygame.mask.from_threshold(region, palette.PAPER, (3, 3, 3, 255))
    assert background.count() < 0.97 * rect.w * rect.h, "the last rulings are drawn on screen"
    for _ in range(5):
        press(ctx, key_of(truth(scene)))
    lines = scene.recent.lines(GUBERNUR)
    assert [line.text.split(":")[0] for line in lines] == [f"Ballot {n}" for n in range(7, 2, -1)]


def test_in_ujian_the_last_rulings_show_no_verdict() -> None:
    ctx, scene = counting_scene()
    scene.session.mode = Mode.UJIAN
    press(ctx, "1ax1")
    lines = scene.recent.lines(GUBERNUR)
    assert len(lines) == 2 and all(not line.mark and not line.notes for line in lines), (
        "in Ujian neither a mistake nor its absence shows before the debrief"
    )


# --- Fit ----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("text_size", ["normal", "besar"])
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_the_new_controls_fit_in_both_languages_and_text_sizes(
    lang: str, size: tuple[int, int], text_size: str
) -> None:
    ctx, scene = counting_scene(size, lang, FULL_DAY)
    ctx.settings.text_size = text_size
    ctx.relayout()
    where = f"{lang} {size} {text_size}"
    press(ctx, "1a")
    assert check_fit(scene, f"{where}, PPWP open") > 3
    delegate_by_keys(ctx, scene)
    assert scene.moving()
    assert check_fit(scene, f"{where}, the crew counting") > 3
    press(ctx, "t2a2")
    assert scene.plano.chosen == "party:2"
    assert check_fit(scene, f"{where}, DPR open, a party typed") > 3
    prompt = scene.prompt.rect
    assert prompt is not None
    lines = len(wrap(scene.prompt.text(), ctx.font_px(16), prompt.width))
    assert lines * font(ctx.font_px(16)).get_linesize() <= prompt.height, (
        f"{where}: the typing prompt needs more room than it was given"
    )
