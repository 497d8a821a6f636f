"""Pengisian formulir: fill each C.Hasil, check the identities, correct properly, sign.

HANDBOOK §8 and §10 step 1: every figure is entered from its source (attendance lists, the
ballot counts, the tally on the plano); R1-R10 must hold before the KPPS signs; a wrong figure
is struck through, rewritten and initialled, never overwritten, when it follows a witness's
objection (§9 step 3); an ordinary writing slip is graded as the election (or the scenario's
``rules.plano_slip_correction``) says, §15 item 21. When the day itself
does not reconcile (more ballots in the box than voters), the KPPS records it as a special
event rather than forcing the figures (M38).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from simulator.core import forms
from simulator.core.actions import Action, IllegalAction, InformPtps, RecordSpecialEvent
from simulator.core.judge import Judge
from simulator.core.phases import penutupan
from simulator.core.phases.event_rules import CORRECTION_OVERWRITTEN
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.types import BallotType, Consequence, ElectionType, Phase, Severity

PHASE = Phase.FORMULIR
DISCREPANCY_TOPIC = "selisih_suara"  # the C.Kejadian Khusus topic for a day that won't reconcile


MAX_FIGURE = 100_000  # more than any TPS's count of anything


class EnterFigure(Action):
    """Write a figure in an empty cell of a C.Hasil (field ids: see ``core.forms``)."""

    kind: Literal["enter_figure"] = "enter_figure"
    ballot: BallotType
    field: str = Field(min_length=2, max_length=40)
    value: int = Field(ge=0, le=MAX_FIGURE)


class CorrectFigure(Action):
    """Change a figure already written: struck through and initialled, or overwritten."""

    kind: Literal["correct_figure"] = "correct_figure"
    ballot: BallotType
    field: str = Field(min_length=2, max_length=40)
    value: int = Field(ge=0, le=100_000)
    method: Literal["coret_paraf", "timpa", "tipe_x"] = "coret_paraf"


class SignForm(Action):
    """The KPPS and the witnesses present sign the C.Hasil of one type."""

    kind: Literal["sign_form"] = "sign_form"
    ballot: BallotType


ACTIONS: tuple[type[Action], ...] = (EnterFigure, CorrectFigure, SignForm)

USED_NOT_VOTERS = Rule(
    "formulir.pengguna_tidak_sama_pemilih",
    PHASE,
    Severity.KRITIS,
    "Kep. KPU 66/2024",
    ("M38",),
    (Consequence.HITUNG_ULANG, Consequence.PSU),
    handbook="§8.1; §8.2 R5 and R6",
)
DAMAGED_VS_INVALID = Rule(
    "formulir.rusak_dan_tidak_sah_tertukar",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024; PKPU 25/2023 Pasal 26",
    ("M39",),
    (Consequence.HITUNG_ULANG,),
    handbook="§5.8; §8.1; §8.2",
)
DPTB_DPK_SWAPPED = Rule(
    "formulir.dptb_dpk_tertukar",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    ("M40",),
    (Consequence.HITUNG_ULANG,),
    handbook="§8.1; §8.2 R3",
)
PARTY_DOUBLE_COUNT = Rule(
    "formulir.suara_partai_ganda",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    ("M41",),
    (Consequence.HITUNG_ULANG, Consequence.KEBERATAN),
    handbook="§7.7; §8.2 R8",
)
USERS_COPIED = Rule(
    "formulir.pengguna_disalin_antarjenis",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 348(4); Kep. KPU 66/2024",
    ("M42",),
    (Consequence.HITUNG_ULANG,),
    handbook="§5.3; §8.2 (DPTb caveat)",
)
WRONG_FIGURE = Rule(
    "formulir.angka_keliru",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    (),
    (Consequence.HITUNG_ULANG,),
    handbook="§8.1; §8.2",
)
INCOMPLETE = Rule(
    "formulir.tidak_lengkap",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    (),
    (Consequence.HITUNG_ULANG,),
    handbook="§8.1; §8.2; §10 step 1 (fill each C.Hasil completely)",
)
# The phase ended with a C.Hasil blank or half filled: the TPS has no result for that type.
NOT_MADE = Rule(
    "formulir.tidak_dibuat",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 503 jo. Pasal 389(3)",
    (),
    (Consequence.TANPA_HASIL, Consequence.PIDANA),
    handbook="§10 step 1; §18.1",
)
NOT_SIGNED = Rule(
    "formulir.tidak_ditandatangani",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 503 jo. Pasal 389(3)",
    (),
    (Consequence.KEBERATAN, Consequence.PIDANA),
    handbook="§10 step 2; §18.1",
)
# §15 item 21, §19.4: an ordinary writing slip (no objection behind it). In the Pilkada KPU DKI
# banned correction fluid: a line and "=" with the right figure, the wrong one left visible (M;
# no national instruction seen). Minor: the figure written is right, only the trace of the
# slip is lost, and the source is a provincial instruction. M43 is the objection's case,
# formulir.koreksi_ditimpa.
SLIP_HIDDEN = Rule(
    "formulir.salah_tulis_tidak_terlihat",
    PHASE,
    Severity.RINGAN,
    # The handbook's source is KPU DKI Jakarta's instruction for the Pilkada (S-SRKK), named in
    # the explanation; the citation is the guide for corrections (§9), as elsewhere when the
    # handbook has no article.
    "Kep. KPU 66/2024",
    (),
    (Consequence.KEBERATAN,),
    confidence="M",
    regulation_pilkada="PKPU 17/2024",
    handbook="§15 item 21; §19.4; §19.6",
)
DISCREPANCY_NOT_RECORDED = Rule(
    "formulir.selisih_tidak_dicatat",
    PHASE,
    Severity.KRITIS,
    "Kep. KPU 66/2024; PKPU 25/2023",
    ("M38",),
    (Consequence.HITUNG_ULANG, Consequence.PSU),
    handbook="§8.2 R5 and R6; §9; §19.4",
)

MISTAKE_RULES: dict[str, Rule] = {
    "M38": USED_NOT_VOTERS,
    "M39": DAMAGED_VS_INVALID,
    "M40": DPTB_DPK_SWAPPED,
    "M41": PARTY_DOUBLE_COUNT,
    "M42": USERS_COPIED,
    "figure": WRONG_FIGURE,
}

RULES: tuple[Rule, ...] = (
    *MISTAKE_RULES.values(),
    INCOMPLETE,
    NOT_MADE,
    NOT_SIGNED,
    DISCREPANCY_NOT_RECORDED,
    SLIP_HIDDEN,
)


def day_figures(world: World, ballot: BallotType) -> forms.DayFigures:
    """What really happened for one ballot type, from the world's record of the day."""
    tps = world.scenario.tps
    stock = world.stocks[ballot]
    tally = dict(world.counting.tally.get(ballot, {}))
    invalid = tally.pop("invalid", 0)
    voted = _voted(world, ballot)
    return forms.DayFigures(
        registered_dpt=forms.Headcount.of(tps.dpt),
        voted_dpt=voted["dpt"],
        registered_dptb=forms.Headcount.of(tps.dptb),
        voted_dptb=voted["dptb"],
        voted_dpk=voted["dpk"],
        disabled_registered=tps.disabled.total,
        disabled_voted=penutupan.disabled_attended(world).total,
        received=stock.received,
        returned=stock.returned,
        unused=stock.remaining,
        used=len(world.boxes[ballot].contents),
        tally=tally,
        invalid=invalid,
    )


def _voted(world: World, ballot: BallotType) -> dict[str, forms.Headcount]:
    """Voters per attendance list who received this type (B1-B3 of its C.Hasil)."""
    if world.attendance_preset:
        preset = world.attendance_preset
        counts = {
            name: forms.Headcount(preset[f"{name}.men"], preset[f"{name}.women"])
            for name in ("dpt", "dptb", "dpk")
        }
        start = world.scenario.counting_start
        missing = 0 if start is None else start.not_entitled.get(ballot, 0)
        # DPTb voters not entitled to this type are taken from the men first, then the women.
        dptb = counts["dptb"]
        from_men = min(missing, dptb.men)
        counts["dptb"] = forms.Headcount(dptb.men - from_men, dptb.women - (missing - from_men))
        return counts
    men: dict[str, int] = {"dpt": 0, "dptb": 0, "dpk": 0}
    women: dict[str, int] = {"dpt": 0, "dptb": 0, "dpk": 0}
    for state in world.voters.values():
        if state.attendance is None or ballot not in state.ballots:
            continue
        tally = men if state.voter.sex.value == "L" else women
        tally[state.attendance.value] += 1
    return {name: forms.Headcount(men[name], women[name]) for name in men}


def expected(world: World, ballot: BallotType) -> forms.ResultForm:
    contest = world.scenario.contest(ballot)
    assert contest is not None
    return forms.expected_form(day_figures(world, ballot), contest)


def form_of(world: World, ballot: BallotType) -> forms.ResultForm:
    """The trainee's C.Hasil of ``ballot``, blank until something is written on it.

    Only reads: a blank form is not stored, because ``allowed`` calls this on every query and
    live play queries before each action while a replay never does. A form stored here would
    make the two days differ. ``apply`` stores it (``_keep``) when it writes on it or signs.
    """
    current = world.forms.entries.get(ballot)
    if current is not None:
        return current
    contest = world.scenario.contest(ballot)
    if contest is None:
        raise IllegalAction(f"no {ballot.value} contest at this TPS")
    return forms.ResultForm.blank(contest)


def apply(action: Action, judge: Judge) -> None:
    world = judge.world
    if not isinstance(action, EnterFigure | CorrectFigure | SignForm):
        raise IllegalAction(f"{action.kind} is not a forms action")
    form = form_of(world, action.ballot)
    if world.forms.signed.get(action.ballot):
        raise IllegalAction(f"the {action.ballot.value} C.Hasil is already signed")
    if isinstance(action, SignForm):
        _keep(world, action.ballot, form)
        _sign(action.ballot, form, judge)
        return
    try:
        filled = form.get(action.field) is not None
    except forms.UnknownField:
        raise IllegalAction(
            f"no cell {action.field!r} on the {action.ballot.value} C.Hasil"
        ) from None
    if isinstance(action, EnterFigure):
        if filled:
            raise IllegalAction(f"{action.field} is already filled: correct it instead")
        _keep(world, action.ballot, form)
        form.set(action.field, action.value)
        return
    if not filled:
        raise IllegalAction(f"{action.field} is empty: there is nothing to correct")
    if action.method == "coret_paraf":
        form.correct(action.field, action.value)  # struck through, the old figure kept
    else:
        form.set(action.field, action.value)
    world.forms.corrections.setdefault(action.ballot, []).append(action.method)
    _judge_correction(action, judge)


def _judge_correction(action: CorrectFigure, judge: Judge) -> None:
    """§9 step 3 after a witness's objection (H); otherwise an ordinary slip (§15 item 21)."""
    if action.method == "coret_paraf":
        return
    cell = f"{action.ballot.value}:{action.field}"
    if _objected(judge.world, cell):
        judge.flag(CORRECTION_OVERWRITTEN, cell)
    elif slip_correction(judge.world) == "strike_through":
        judge.flag(SLIP_HIDDEN, cell, method=action.method)


def _objected(world: World, cell: str) -> bool:
    """A witness's objection to a figure has named this cell (a keberatan_angka event)."""
    return any(e.fired and e.kind == "keberatan_angka" and e.subject == cell for e in world.events)


def slip_correction(world: World) -> str:
    """How an ordinary slip is graded: the scenario's setting, else by election (§15 item 21):
    Pemilu unscored, Pilkada struck through with the wrong figure left visible."""
    setting = world.scenario.rules.plano_slip_correction
    if setting is not None:
        return setting
    return "unscored" if world.scenario.election is ElectionType.PEMILU_2024 else "strike_through"


def _keep(world: World, ballot: BallotType, form: forms.ResultForm) -> None:
    """Put a form on the record once an action writes on it or signs it, never before."""
    world.forms.entries.setdefault(ballot, form)


def _sign(ballot: BallotType, form: forms.ResultForm, judge: Judge) -> None:
    world = judge.world
    world.forms.signed[ballot] = True
    contest = world.scenario.contest(ballot)
    assert contest is not None
    missing = forms.missing_fields(form, contest)
    if missing:
        judge.flag(INCOMPLETE, ballot.value, missing=len(missing), first=missing[0])
    truth = expected(world, ballot)
    others = {t: expected(world, t) for t in world.boxes if t is not ballot}
    for mistake in forms.diagnose(form, truth, contest, others):
        cell = mistake.fields[0]
        judge.flag(
            MISTAKE_RULES[mistake.mistake],
            f"{ballot.value}:{cell}",
            written=form.get(cell),
            expected=truth.get(cell),
        )
    if forms.check_identities(truth, contest) and not _discrepancy_recorded(world, ballot):
        judge.flag(DISCREPANCY_NOT_RECORDED, ballot.value)


def _discrepancy_recorded(world: World, ballot: BallotType) -> bool:
    """Recorded in the C.Kejadian Khusus form and told to the PTPS (M38)."""
    recorded = (DISCREPANCY_TOPIC, ballot.value) in world.special_events
    return recorded and ballot.value in world.ptps_informed


def finish(judge: Judge) -> None:
    """A C.Hasil left unsigned: not made at all when cells are still empty (no result for
    that type), or made but not signed."""
    world = judge.world
    for ballot in world.boxes:
        if world.forms.signed.get(ballot):
            continue
        form = form_of(world, ballot)
        contest = world.scenario.contest(ballot)
        assert contest is not None
        missing = forms.missing_fields(form, contest)
        if missing:
            total = len(form.field_ids())
            judge.flag(NOT_MADE, ballot.value, missing=len(missing), total=total)
        else:
            judge.flag(NOT_SIGNED, ballot.value)


def duties(world: World) -> list[Duty]:
    """Each C.Hasil made: every cell filled, and signed (HANDBOOK §10 steps 1-2)."""
    found: list[Duty] = []
    for ballot in world.boxes:
        form = form_of(world, ballot)
        cells = form.field_ids()
        filled = sum(1 for cell in cells if form.get(cell) is not None)
        found.append(Duty(f"fill:{ballot.value}", filled, max(1, len(cells))))
        found.append(Duty(f"sign:{ballot.value}", int(bool(world.forms.signed.get(ballot)))))
    return found


def fill_correctly(world: World) -> None:
    """The forms of a careful crew, for scenarios that start at the handover."""
    for ballot in world.boxes:
        world.forms.entries[ballot] = expected(world, ballot)
        world.forms.signed[ballot] = True


def allowed(world: World) -> Sequence[Action]:
    actions: list[Action] = []
    for ballot in world.boxes:
        if world.forms.signed.get(ballot):
            continue
        form = form_of(world, ballot)
        truth = expected(world, ballot)
        for field_id in form.field_ids():
            right = truth.get(field_id) or 0
            if form.get(field_id) is None:
                actions.append(EnterFigure(ballot=ballot, field=field_id, value=right))
                actions.append(EnterFigure(ballot=ballot, field=field_id, value=right + 1))
            else:
                actions.append(CorrectFigure(ballot=ballot, field=field_id, value=right))
        actions.append(SignForm(ballot=ballot))
        # A day that won't reconcile is written down and told to the PTPS (whether it needs
        # to be is the trainee's call, judged when the phase ends).
        if (DISCREPANCY_TOPIC, ballot.value) not in world.special_events:
            actions.append(RecordSpecialEvent(topic=DISCREPANCY_TOPIC, subject=ballot.value))
        if ballot.value not in world.ptps_informed:
            actions.append(InformPtps(subject=ballot.value))
    return actions
