"""The probes behind docs/VISIBILITY.md: for each fact a rule judges, put the screen where the
trainee takes the action in a state that holds the fact, and name the words that must be on
it. ``tests/test_visibility.py`` runs every probe the audit names, in both languages.

A probe returns a :class:`Look`: what the screen shows (:func:`tests.pilot.shown_text`) and
the words that must be among it. Words are the fact itself where it is data (a name, a date,
a number, a district) and the scene's own sentence where the fact is a state (a step not yet
taken), built from the catalogue so both languages are checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.art import palette
from simulator.art.identity import (
    dpt_number,
    format_date,
    home_rw,
    identity_of,
    other_tps_number,
)
from simulator.core.actions import Action, AdvanceClock, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.desk import all_types
from simulator.core.domain import expected_ballots
from simulator.core.phases import logistik as lg
from simulator.core.phases import pembukaan as pb
from simulator.core.phases import pemungutan as pm
from simulator.core.phases import penghitungan as ph
from simulator.core.phases import penutupan as pt
from simulator.core.phases import penyerahan as ps
from simulator.core.phases.penghitungan import current_ballot
from simulator.core.state import World
from simulator.i18n import Catalog
from simulator.presenter.cases import event_case
from simulator.presenter.labels import box_name, document_name, envelope_name
from simulator.quiz.texts import mark_text
from simulator.scenes.phases import scene_for
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import DocumentKind, Scenario
from simulator.schema.types import BallotType, Phase, VoterList
from tests.pilot import SCENARIOS, Pilot, ShownText, entry, shown_text

B = BallotType
LEGIBLE = 16  # px: the line height of a 12 px font, the least we count as readable on a laptop


@dataclass(frozen=True)
class Look:
    """What a screen showed, and the words that must be on it (drawn at ``min_px`` or more;
    ``colours`` asks for words drawn in a given colour, e.g. a ticked box's label in ink)."""

    shown: ShownText
    words: tuple[str, ...]
    min_px: int = 0
    colours: tuple[tuple[str, tuple[int, int, int]], ...] = ()

    def missing(self) -> list[str]:
        gone = [w for w in self.words if not self.shown.shows(w, min_px=self.min_px)]
        gone += [f"{w} (in {c})" for w, c in self.colours if not self.shown.drawn_in(w, c)]
        return gone


def worst(looks: list[Look]) -> Look:
    """The first of several looks (one screen state each) that misses words, else the last."""
    return next((look for look in looks if look.missing()), looks[-1])


Probe = Callable[[str], Look]
PROBES: dict[str, tuple[Phase | None, Probe]] = {}


def probe(fact: str, phase: Phase | None) -> Callable[[Probe], Probe]:
    """Register the probe of ``fact``, shown in ``phase``'s scene (None: a dialog)."""

    def register(function: Probe) -> Probe:
        assert fact not in PROBES, f"two probes for {fact}"
        PROBES[fact] = (phase, function)
        return function

    return register


# --- Reaching a screen -------------------------------------------------------------------------


@dataclass
class Stage:
    """A scenario played by a careful crew up to one phase, its scene on screen."""

    pilot: Pilot
    session: PlaySession
    crew: CarefulCrew
    scene: Any  # the phase's scene (a dialog may stand over it)

    @property
    def world(self) -> World:
        return self.session.sim.world

    @property
    def cat(self) -> Catalog:
        return self.pilot.ctx.cat

    def apply(self, *actions: Action, answer: bool = True) -> Stage:
        """Actions taken headless, then the screen brought up to date. Events that fire are
        answered by the crew (``answer``), or put in front of the trainee, as in play."""
        for action in actions:
            self.session.sim.apply(action)
            if answer:
                self.crew.respond_to_events()
        self.scene.after_action()
        return self

    def look(self, words: Iterable[str], **options: Any) -> Look:
        return Look(shown_text(self.pilot), tuple(words), **options)


def variant(name: str, edit: Callable[[dict[str, Any]], None]) -> ScenarioEntry:
    """A shipped scenario with ``edit`` applied to its YAML data."""
    path = SCENARIOS / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    return ScenarioEntry(Path(path), Scenario.model_validate(data), "variant")


def reach(
    scenario: str | ScenarioEntry,
    phase: Phase,
    lang: str,
    *,
    skip: bool = False,
    mode: Mode = Mode.LATIHAN,
) -> Stage:
    """``scenario`` played to ``phase`` (``skip``: the phases before it ended at once, as a
    crew in a hurry would), its scene on a 1366×768 screen in ``lang``."""
    pilot = Pilot(lang=lang)
    chosen = entry(scenario) if isinstance(scenario, str) else scenario
    session = PlaySession.begin(chosen, mode, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        current = session.sim.world.phase
        assert current is not None, f"{phase} never came"
        if not skip:
            for action in crew.phase_actions(current):
                crew.do(action)
        crew.respond_to_events()
        # Not crew.do: an event that fires as the next phase begins waits for the trainee.
        session.sim.apply(EndPhase())
    # On the stack, built, no frame drawn: every look builds and draws the screen afresh.
    scene = scene_for(pilot.ctx, session)
    pilot.ctx.stack.replace(scene)
    if hasattr(scene, "paused"):
        scene.paused = True  # the desk's running clock stays where the probe puts it
    return Stage(pilot, session, crew, scene)


# --- Every phase: the time of day ------------------------------------------------------------


@probe("clock.time", Phase.PEMBUKAAN)
def _clock(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    stage.apply(AdvanceClock(to="07:10"))
    return stage.look(["07:10"])


# --- Receiving the logistics ---------------------------------------------------------------------


def _inspected(
    lang: str, target: str, scenario: str | ScenarioEntry = "pemilu-hari-penuh"
) -> Stage:
    stage = reach(scenario, Phase.LOGISTIK, lang)
    stage.scene.selected = target
    return stage.apply(lg.InspectItem(target=target))


@probe("packet.manifest", Phase.LOGISTIK)
def _packet_manifest(lang: str) -> Look:
    stage = _inspected(lang, "ballots.dpd")
    tps = stage.world.scenario.tps
    expected = expected_ballots(tps.dpt.total, stage.world.scenario.election)
    return stage.look([f"{expected}", f"DPT {tps.dpt.total}", tps.districts.province])


@probe("packet.found", Phase.LOGISTIK)
def _packet_found(lang: str) -> Look:
    stage = _inspected(lang, "ballots.dprd_kabko")
    stage.apply(lg.CountBallots(ballot=B.DPRD_KABKO))
    stock = stage.world.stocks[B.DPRD_KABKO]
    assert stock.district is not None, "the full day delivers this packet for another dapil"
    counted = stage.cat("scene.logistik.detail.counted", count=stock.received)
    return stage.look([stock.district, counted])


@probe("packet.defects", Phase.LOGISTIK)
def _packet_defects(lang: str) -> Look:
    damaged = variant(
        "pemilu-hari-penuh", lambda d: d["logistics"]["ballots"].update(ppwp={"damaged": 3})
    )
    stage = _inspected(lang, "ballots.ppwp", damaged)
    return stage.look([stage.cat("scene.logistik.detail.defects", count=3)])


@probe("box.condition", Phase.LOGISTIK)
def _box_condition(lang: str) -> Look:
    unsealed = variant(
        "pilkada-hari-penuh", lambda d: d["logistics"]["boxes"].update(bupati={"sealed": False})
    )
    stage = _inspected(lang, "box.gubernur", unsealed)
    tps = stage.world.scenario.tps
    sticker = stage.look([f"TPS {tps.number + 10:03d}"])  # another TPS's number on the sticker
    stage.scene.selected = "box.bupati"
    stage.apply(lg.InspectItem(target="box.bupati"))
    return worst([sticker, stage.look([stage.cat("scene.logistik.detail.seal_broken")])])


@probe("item.quantity", Phase.LOGISTIK)
def _item_quantity(lang: str) -> Look:
    stage = _inspected(lang, "item.template_braille")
    world = stage.world
    return stage.look(
        [
            stage.cat(
                "scene.logistik.detail.item_manifest",
                quantity=world.items_expected["template_braille"],
            ),
            stage.cat(
                "scene.logistik.detail.item_seen",
                quantity=world.items_delivered["template_braille"],
            ),
        ]
    )


@probe("logistics.steps", Phase.LOGISTIK)
def _logistics_steps(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.LOGISTIK, lang)
    cat = stage.cat
    return stage.look(
        [
            cat("scene.logistik.form.counted", done=0, total=5),
            cat("scene.logistik.packet.uncounted"),
        ]
    )


# --- The opening ---------------------------------------------------------------------------------


@probe("opening.packet", Phase.PEMBUKAAN)
def _opening_packet(lang: str) -> Look:
    """A crew that skipped receiving counts and checks the packets at the opening."""
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang, skip=True)
    stage.apply(
        AdvanceClock(to="07:00"),
        pb.OpenMeeting(),
        pb.OpenBox(ballot=B.DPRD_KABKO),
        lg.CountBallots(ballot=B.DPRD_KABKO),
    )
    stage.scene.toggle_box(B.DPRD_KABKO)
    stock = stage.world.stocks[B.DPRD_KABKO]
    tps = stage.world.scenario.tps
    counted = stage.cat("scene.logistik.detail.counted", count=stock.received)
    return stage.look([str(stock.district), counted, f"DPT {tps.dpt.total}"])


@probe("notice.undelivered", Phase.PEMBUKAAN)
def _notices(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    return stage.look([n.name for n in stage.world.scenario.undelivered_notices])


@probe("notice.deliverer_note", Phase.PEMBUKAAN)
def _notice_note(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    looks = []
    for notice in stage.world.scenario.undelivered_notices:  # each unfolded in turn
        stage.scene.toggle_notice(notice.id)
        key = f"scene.pembukaan.notice.note.{notice.reason.value}"
        looks.append(stage.look([stage.cat(key, name=notice.name)]))
    return worst(looks)


def _at_the_door(lang: str, time: str) -> Stage:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    for witness in sorted(stage.world.witnesses.values(), key=lambda w: w.arrives):
        if format_minutes(witness.arrives) >= time:
            break
        stage.apply(
            AdvanceClock(to=format_minutes(witness.arrives)), pb.AdmitWitness(witness=witness.id)
        )
    return stage.apply(AdvanceClock(to=time))


@probe("witness.mandate", Phase.PEMBUKAAN)
def _witness_mandate(lang: str) -> Look:
    stage = _at_the_door(lang, "06:35")  # w2, a party's witness with no mandate
    return stage.look(["Taufik Rahman", stage.cat("scene.pembukaan.door.mandate_no")])


@probe("witness.attributes", Phase.PEMBUKAAN)
def _witness_attributes(lang: str) -> Look:
    stage = _at_the_door(lang, "06:40")  # w3 wears a participant's attribute
    return stage.look(["Benny Sinaga", stage.cat("scene.pembukaan.door.attributes")])


@probe("opening.presence", Phase.PEMBUKAAN)
def _presence(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)  # 06:00: nobody has come yet
    base = "scene.pembukaan.presence"
    coming = len(stage.world.witnesses)
    return stage.look(
        [
            stage.cat(f"{base}.ptps_away"),
            stage.cat(f"{base}.coming", count=coming),
            stage.cat(f"{base}.no_voters"),
        ]
    )


@probe("opening.steps", Phase.PEMBUKAAN)
def _opening_steps(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    stage.apply(
        pb.PostNoticeBoard(marked_ineligible=True),
        AdvanceClock(to="07:00"),
        pb.OpenMeeting(),
        pb.OpenBox(ballot=B.PPWP),
    )
    cat = stage.cat
    return stage.look(
        [
            cat("scene.pembukaan.board.posted_marked"),
            cat("scene.pembukaan.meeting.opened", time="07:00"),
            cat("scene.pembukaan.meeting.oath"),
            cat("scene.pembukaan.box.show"),
            cat("scene.pembukaan.box.lock"),
            cat("scene.pembukaan.explain.button"),
        ]
    )


@probe("opening.box_order", Phase.PEMBUKAAN)
def _box_order(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    names = [stage.cat(f"scene.logistik.short.ballot.{b.value}") for b in stage.scene.box_order()]
    assert names[0] == stage.cat("scene.logistik.short.ballot.ppwp"), "listed in the set order"
    return stage.look(names)


@probe("opening.board_options", Phase.PEMBUKAAN)
def _board_options(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PEMBUKAAN, lang)
    return stage.look(
        [stage.cat("scene.pembukaan.board.marked"), stage.cat("scene.pembukaan.board.unmarked")]
    )


# --- The voter desk ------------------------------------------------------------------------------

DESK = "meja-pemilih-jebakan"


def at_desk(
    lang: str,
    voter: str,
    *,
    view: DocumentKind | None = None,
    search: str | None = None,
    scenario: str | ScenarioEntry = DESK,
) -> Stage:
    """``voter`` called to the desk when they arrive, fingers and documents checked; one of
    their documents held up large, or the voter lists searched."""
    stage = reach(scenario, Phase.PEMUNGUTAN, lang)
    vs = stage.world.voters[voter]
    wait = [AdvanceClock(to=format_minutes(vs.arrives))] if vs.arrives > stage.world.clock else []
    checks = (pm.CallVoter(voter=voter), pm.CheckInk(voter=voter), pm.CheckDocuments(voter=voter))
    stage.apply(*wait, *checks)
    scene = stage.scene
    if view is not None:
        kinds = [d.kind for d in vs.voter.documents]
        scene.show_document(kinds.index(view))
    if search is not None:
        scene.search_changed(search)
    return stage


def _document(stage: Stage, voter: str, kind: DocumentKind) -> Any:
    vs = stage.world.voters[voter]
    document = next(d for d in vs.voter.documents if d.kind is kind)
    return identity_of(document, vs.voter, stage.world.scenario), document, vs.voter


@probe("voter.ink", Phase.PEMUNGUTAN)
def _ink(lang: str) -> Look:
    stage = at_desk(lang, "v04")
    return stage.look([stage.cat("scene.pemungutan.ink.seen")])


@probe("ktp.identity", Phase.PEMUNGUTAN)
def _ktp(lang: str) -> Look:
    stage = at_desk(lang, "v10", view=DocumentKind.KTP_EL)  # lives in another regency
    holder, _, _ = _document(stage, "v10", DocumentKind.KTP_EL)
    address = holder.address
    words = [holder.name.upper(), format_date(holder.born), address.rt_rw, address.village.upper()]
    return stage.look(words, min_px=LEGIBLE)


@probe("notice.holder", Phase.PEMUNGUTAN)
def _notice_holder(lang: str) -> Look:
    stage = at_desk(lang, "v05", view=DocumentKind.C_PEMBERITAHUAN)  # his father's notice
    holder, _, _ = _document(stage, "v05", DocumentKind.C_PEMBERITAHUAN)
    return stage.look([holder.name.upper()], min_px=LEGIBLE)


@probe("notice.tps", Phase.PEMUNGUTAN)
def _notice_tps(lang: str) -> Look:
    stage = at_desk(lang, "v14", view=DocumentKind.C_PEMBERITAHUAN)  # registered elsewhere
    other = other_tps_number("v14", stage.world.scenario)
    return stage.look([f"TPS {other:03d}"], min_px=LEGIBLE)


@probe("notice.dpt_number", Phase.PEMUNGUTAN)
def _notice_number(lang: str) -> Look:
    stage = at_desk(lang, "v01", view=DocumentKind.C_PEMBERITAHUAN)
    return stage.look([str(dpt_number("v01", stage.world.scenario))], min_px=LEGIBLE)


@probe("model_a.destination", Phase.PEMUNGUTAN)
def _model_a_destination(lang: str) -> Look:
    stage = at_desk(lang, "v08", view=DocumentKind.MODEL_A)
    tps = stage.world.scenario.tps
    return stage.look([f"TPS {tps.number:03d}  {tps.village}"], min_px=LEGIBLE)


@probe("model_a.ballots", Phase.PEMUNGUTAN)
def _model_a_ballots(lang: str) -> Look:
    """Every type is printed on the form; those written on it are ticked and in ink, the others
    grey (the tick is drawn)."""
    from simulator.art.official import OFFICIAL_TEXT

    stage = at_desk(lang, "v15", view=DocumentKind.MODEL_A)
    stage.scene.zoom_document()  # enlarged, and moved down to the list of types
    stage.scene.scroll_document(3)
    _, document, _ = _document(stage, "v15", DocumentKind.MODEL_A)
    ticked = [OFFICIAL_TEXT[f"ballot.type.{b.value}"] for b in document.ballots]
    blank = [
        OFFICIAL_TEXT[f"ballot.type.{b.value}"]
        for b in all_types(stage.world)
        if b not in document.ballots
    ]
    shown = shown_text(stage.pilot)
    colours = tuple((w, palette.INK) for w in ticked) + tuple((w, palette.MUTED) for w in blank)
    return Look(shown, tuple(ticked + blank), LEGIBLE, colours)


@probe("document.kind", Phase.PEMUNGUTAN)
def _document_kind(lang: str) -> Look:
    stage = at_desk(lang, "v11", view=DocumentKind.KK)  # a family card, no KTP-el
    kk = stage.look([stage.cat("scene.pemungutan.documents.kind.kk")], min_px=LEGIBLE)
    stage = at_desk(lang, "v06", view=DocumentKind.KTP_FOTO_HP)  # a photo of the KTP-el
    photo = stage.cat("scene.pemungutan.documents.kind.ktp_foto_hp")
    return worst([kk, stage.look([photo], min_px=LEGIBLE)])


@probe("lookup.row", Phase.PEMUNGUTAN)
def _lookup_row(lang: str) -> Look:
    from simulator.scenes.phases.pemungutan_lists import search, voter_lists

    stage = at_desk(lang, "v16", search="teguh santosa")  # on the DPT, moved out
    rows = voter_lists(stage.world.scenario, [vs.voter for vs in stage.world.voters.values()])
    (row,) = search(rows, "teguh santosa")
    tps = f"{stage.world.scenario.tps.number:03d}"
    moved = stage.cat("scene.pemungutan.lists.moved", tps=tps, number=row.number)
    return stage.look([row.born, f"RT/RW {row.rt_rw}", moved], min_px=LEGIBLE)


@probe("tps.area", Phase.PEMUNGUTAN)
def _tps_area(lang: str) -> Look:
    stage = at_desk(lang, "v14", search="bayu")  # a resident of another RW of the village
    scenario = stage.world.scenario
    area = stage.cat(
        "scene.pemungutan.lists.area",
        tps=f"{scenario.tps.number:03d}",
        rw=f"{home_rw(scenario):03d}",
        village=scenario.tps.village,
    )
    return stage.look([area], min_px=LEGIBLE)


@probe("voter.arrival", Phase.PEMUNGUTAN)
def _arrival(lang: str) -> Look:
    stage = at_desk(lang, "v21")  # comes at 13:10
    arrived = stage.cat("scene.pemungutan.status.arrived", time="13:10")
    return stage.look([arrived[:1].upper() + arrived[1:]])


@probe("voter.looks", Phase.PEMUNGUTAN)
def _looks(lang: str) -> Look:
    stage = at_desk(lang, "v09")  # holds a phone
    phone = stage.look([stage.cat("scene.pemungutan.look.phone")])
    stage = at_desk(lang, "v07")  # blind
    blind = stage.look([stage.cat("scene.pemungutan.look.tunanetra")])

    def impaired(data: dict[str, Any]) -> None:  # an obstacle that does not show at a glance
        v07 = next(v for v in data["voters"]["listed"] if v["id"] == "v07")
        v07["disability"] = "lainnya"

    stage = at_desk(lang, "v07", scenario=variant(DESK, impaired))
    return worst([phone, blind, stage.look([stage.cat("scene.pemungutan.look.lainnya")])])


@probe("voter.request", Phase.PEMUNGUTAN)
def _request(lang: str) -> Look:
    stage = at_desk(lang, "v07")  # asks for her family's help in the booth
    return stage.look([stage.cat("scene.pemungutan.speech.keluarga")])


@probe("voter.replacement", Phase.PEMUNGUTAN)
def _replacement(lang: str) -> Look:
    stage = at_desk(lang, "v13")  # asks twice for a new DPR ballot
    types = list(all_types(stage.world))
    stage.apply(
        pm.AdmitVoter(voter="v13", list=VoterList.DPT),
        pm.IssueBallots(voter="v13", ballots=types),
        pm.ReplaceBallot(voter="v13", ballot=B.DPR),
    )
    dpr = stage.cat("scene.pemungutan.short.dpr")
    return stage.look(
        [
            stage.cat("scene.pemungutan.status.replaced", ballots=dpr),
            stage.cat("scene.pemungutan.speech.replace_again", ballot=dpr),
        ]
    )


@probe("queue.priority", Phase.PEMUNGUTAN)
def _priority(lang: str) -> Look:
    stage = reach(DESK, Phase.PEMUNGUTAN, lang)
    stage.apply(AdvanceClock(to="07:02"))  # the elderly v03 third in the queue
    place = stage.world.queue.index("v03") + 1
    cat = stage.cat
    title = cat("scene.pemungutan.queue.priority_title", numbers=str(place))
    return stage.look([title, cat("scene.pemungutan.queue.priority")])


@probe("stock.remaining", Phase.PEMUNGUTAN)
def _stock(lang: str) -> Look:
    stage = at_desk(lang, "v19")  # a DPK voter: served only while ballots remain
    world = stage.world
    scene = stage.scene
    counts = " · ".join(f"{scene.short(t)} {world.stocks[t].remaining}" for t in all_types(world))
    return stage.look([stage.cat("scene.pemungutan.stock", counts=counts)])


@probe("desk.ballot_types", Phase.PEMUNGUTAN)
def _ballot_types(lang: str) -> Look:
    stage = at_desk(lang, "v01")
    stage.apply(pm.AdmitVoter(voter="v01", list=VoterList.DPT))
    return stage.look([stage.scene.short(t) for t in all_types(stage.world)])


@probe("desk.steps", Phase.PEMUNGUTAN)
def _desk_steps(lang: str) -> Look:
    stage = at_desk(lang, "v01")
    stage.apply(pm.AdmitVoter(voter="v01", list=VoterList.DPT))
    cat = stage.cat
    p = "scene.pemungutan"
    return stage.look(
        [
            cat(f"{p}.done.ink"),
            cat(f"{p}.done.documents"),
            cat(f"{p}.group.attended", list=cat("list.dpt")),
            cat(f"{p}.button.phone"),
        ]
    )


@probe("desk.signature_options", Phase.PEMUNGUTAN)
def _signatures(lang: str) -> Look:
    stage = at_desk(lang, "v01")
    stage.apply(pm.AdmitVoter(voter="v01", list=VoterList.DPT))
    return stage.look(
        [stage.cat(f"scene.pemungutan.sign.{s}") for s in ("tangan", "stempel", "tanpa")]
    )


@probe("desk.refusal_reasons", Phase.PEMUNGUTAN)
def _reasons(lang: str) -> Look:
    stage = at_desk(lang, "v01")
    return stage.look([stage.cat(f"scene.pemungutan.reason.{r.value}") for r in pm.Reason])


@probe("desk.announcements", Phase.PEMUNGUTAN)
def _announcements(lang: str) -> Look:
    stage = reach(DESK, Phase.PEMUNGUTAN, lang)
    stage.apply(AdvanceClock(to="12:00"))
    noon = stage.look([stage.cat("scene.pemungutan.announce.dpk")])
    stage.apply(pm.AnnounceDpk(), AdvanceClock(to="13:00"))
    return worst([noon, stage.look([stage.cat("scene.pemungutan.announce.close")])])


@probe("rules.dptb_from", Phase.PEMUNGUTAN)
def _dptb_from(lang: str) -> Look:
    early = variant(DESK, lambda d: d.setdefault("rules", {}).update(dptb_from="10:00"))
    stage = at_desk(lang, "v08", search="maria ulfah", scenario=early)
    return stage.look([stage.cat("scene.pemungutan.lists.dptb_from", time="10:00")])


# --- Events, in the dialog over their phase ---------------------------------------------------

_EVENTS: dict[str, tuple[str, Phase, str | None]] = {
    # kind: (scenario, phase, a time at which it has fired; None: as the phase starts)
    "mobilisasi": (DESK, Phase.PEMUNGUTAN, "10:05"),
    "usul_tandai_surat_suara": (DESK, Phase.PEMUNGUTAN, "11:30"),
    "intimidasi": ("pilkada-hari-penuh", Phase.PEMUNGUTAN, "11:00"),
    "anggota_merusak_surat_suara": ("pilkada-hari-penuh", Phase.PENGHITUNGAN, "13:45"),
    "keberatan_saksi": ("pemilu-hari-penuh", Phase.PENGHITUNGAN, "14:30"),
    "saksi_minta_urutan": ("pemilu-hari-penuh", Phase.PENGHITUNGAN, "15:30"),
    "keberatan_angka": ("pemilu-hari-penuh", Phase.FORMULIR, None),
    "sirekap_salah_baca": ("pemilu-hari-penuh", Phase.PENYERAHAN, None),
    "ajakan_unggahan_partisan": ("etika-netralitas", Phase.LOGISTIK, None),
    "atribut_anggota": ("etika-netralitas", Phase.PEMBUKAAN, None),
    "hubungan_keluarga": ("etika-netralitas", Phase.PEMBUKAAN, "06:30"),
    "pemberian_peserta": ("etika-netralitas", Phase.PEMUNGUTAN, "08:00"),
    "pemilih_minta_saran": ("etika-netralitas", Phase.PEMUNGUTAN, "09:00"),
    "banjir": ("darurat-pemungutan", Phase.PEMBUKAAN, "06:10"),
    "surat_suara_kurang": ("darurat-pemungutan", Phase.PEMUNGUTAN, "08:00"),
    "pasien_rumah_sakit": ("darurat-pemungutan", Phase.PEMUNGUTAN, "09:30"),
    "kerusuhan": ("darurat-pemungutan", Phase.PEMUNGUTAN, "10:30"),
    "listrik_padam": ("darurat-penghitungan", Phase.PENGHITUNGAN, "14:00"),
    "sirekap_merah": ("darurat-penghitungan", Phase.FORMULIR, None),
    "sirekap_gagal": ("darurat-penghitungan", Phase.PENYERAHAN, None),
    "politik_uang": ("pidana-sekitar-tps", Phase.PEMUNGUTAN, "08:30"),
    "usul_coblos_sisa": ("pidana-sekitar-tps", Phase.PENUTUPAN, None),
    "pencatat_pindah_suara": ("pidana-sekitar-tps", Phase.PENGHITUNGAN, "13:30"),
}


def _event_probe(kind: str) -> Probe:
    scenario, phase, time = _EVENTS[kind]

    def look(lang: str) -> Look:
        stage = reach(scenario, phase, lang)
        event = next(e for e in stage.world.events if e.kind == kind)
        if time is not None:
            before = format_minutes(to_minutes(time) - 1)
            if stage.world.clock < to_minutes(before):
                stage.apply(AdvanceClock(to=before))  # earlier events answered by the crew
            stage.apply(AdvanceClock(to=time), answer=False)
        # The event waits for its premise (a ballot ruled, a figure written, a sheet
        # uploaded): the crew goes on until it has happened.
        steps = stage.crew.phase_actions(phase)
        while not event.fired:
            stage.session.sim.apply(next(steps))  # headless: the screen is brought up once
        stage.scene.after_action()
        stage.scene.update(1 / 60)  # the waiting event is put in front of the trainee
        cat = stage.cat
        words = [cat(f"event.{kind}.title"), cat(f"event.{kind}.narration")]
        about = event_case(event, stage.world, cat)
        return stage.look([*words, about] if about else words)

    return look


for _kind in _EVENTS:
    probe(f"event.{_kind}", None)(_event_probe(_kind))


# --- Closing the voting --------------------------------------------------------------------------


@probe("closing.steps", Phase.PENUTUPAN)
def _closing_steps(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PENUTUPAN, lang)
    stage.apply(pt.CountUnused(ballot=B.PPWP))
    cat = stage.cat
    p = "scene.penutupan"
    unused = stage.world.stocks[B.PPWP].remaining
    return stage.look(
        [
            cat(f"{p}.unused", count=unused),
            cat(f"{p}.counted"),
            cat(f"{p}.not_counted"),
            cat(f"{p}.cross"),
            cat(f"{p}.attendance_hidden"),
            cat(f"{p}.disabled_hidden"),
            cat(f"{p}.area_none"),
        ]
    )


@probe("closing.area_options", Phase.PENUTUPAN)
def _area_options(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PENUTUPAN, lang)
    cat = stage.cat
    return stage.look([cat("scene.penutupan.area_public"), cat("scene.penutupan.area_closed")])


# --- Counting -------------------------------------------------------------------------------------


def _counting(lang: str, scenario: str | ScenarioEntry = "pemilu-hari-penuh") -> Stage:
    return reach(scenario, Phase.PENGHITUNGAN, lang)


@probe("counting.progress", Phase.PENGHITUNGAN)
def _counting_progress(lang: str) -> Look:
    stage = _counting(lang)
    stage.apply(ph.OpenBoxForCount(ballot=B.PPWP), ph.AnnounceBoxCount(ballot=B.PPWP))
    total = len(stage.world.boxes[B.PPWP].contents)
    cat = stage.cat
    name = cat("scene.penghitungan.short.ppwp")
    return stage.look(
        [
            cat("scene.penghitungan.progress", ballot=name, number=1, total=total),
            cat("scene.penghitungan.announced", count=total),
        ]
    )


@probe("counting.box_order", Phase.PENGHITUNGAN)
def _counting_order(lang: str) -> Look:
    stage = _counting(lang)
    cat = stage.cat
    names = [cat(f"scene.penghitungan.short.{b.value}") for b in (B.PPWP, B.DPR, B.DPD)]
    return stage.look(names)


@probe("counting.show_options", Phase.PENGHITUNGAN)
def _show_options(lang: str) -> Look:
    stage = _counting(lang)
    stage.apply(ph.OpenBoxForCount(ballot=B.PPWP))
    return stage.look([stage.cat("scene.penghitungan.unshown")])


def _ballot_on_table(
    lang: str,
    wanted: Callable[[Any], bool],
    scenario: str | ScenarioEntry = "pilkada-calon-tunggal-hitung",
) -> tuple[Stage, Any]:
    """The counting of the single-candidate Pilkada, up to the first ballot ``wanted``."""
    stage = _counting(lang, scenario)
    world = stage.world
    for ballot_type in (B.GUBERNUR, B.BUPATI):
        stage.apply(ph.OpenBoxForCount(ballot=ballot_type), ph.AnnounceBoxCount(ballot=ballot_type))
        while (ballot := current_ballot(world)) is not None:
            if wanted(ballot):
                stage.apply()
                return stage, ballot
            verdict = str(ph.true_verdict(world, ballot).counted_as)
            stage.session.sim.apply(ph.RuleBallot(verdict=verdict))
    raise AssertionError("no such ballot in the box")


@probe("ballot.district", Phase.PENGHITUNGAN)
def _ballot_district(lang: str) -> Look:
    """A Bupati ballot printed for another kabupaten (surat suara tertukar)."""
    swapped = variant(
        "pilkada-calon-tunggal-hitung",
        lambda d: d["ballots"]["listed"].append(
            {"ballot": "bupati", "marks": [{"pair": 1}], "district": "Kabupaten Lembah Hijau"}
        ),
    )
    stage, ballot = _ballot_on_table(lang, lambda b: b.district is not None, swapped)
    return stage.look([ballot.district.upper()], min_px=LEGIBLE)


@probe("ballot.signature", Phase.PENGHITUNGAN)
def _ballot_signature(lang: str) -> Look:
    stage, _ = _ballot_on_table(lang, lambda b: not b.signed)
    return stage.look([stage.cat("quiz.paper.unsigned")], min_px=LEGIBLE)


@probe("ballot.marks", Phase.PENGHITUNGAN)
def _ballot_marks(lang: str) -> Look:
    stage, ballot = _ballot_on_table(lang, lambda b: len(b.marks) == 2)
    return stage.look([mark_text(m, stage.cat) for m in ballot.marks], min_px=LEGIBLE)


# --- The result forms -----------------------------------------------------------------------------


@probe("forms.day_records", Phase.FORMULIR)
def _day_records(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.FORMULIR, lang)
    world, cat = stage.world, stage.cat
    stock = world.stocks[B.PPWP]
    attended = pt.attendance(world)["dpt"]
    r = "scene.formulir.records"
    return stage.look(
        [
            cat(
                f"{r}.sexes",
                list="DPT",
                men=world.scenario.tps.dpt.men,
                women=world.scenario.tps.dpt.women,
            ),
            cat(f"{r}.sexes", list="DPT", men=attended.men, women=attended.women),
            cat(f"{r}.received", count=stock.received),
            cat(f"{r}.returned", count=stock.returned),
            cat(f"{r}.unused", count=stock.remaining),
            cat(f"{r}.used", count=len(world.boxes[B.PPWP].contents)),
        ]
    )


@probe("forms.check", Phase.FORMULIR)
def _forms_check(lang: str) -> Look:
    from simulator.core import forms
    from simulator.core.phases.formulir import form_of

    stage = reach("pemilu-hari-penuh", Phase.FORMULIR, lang)
    world, cat = stage.world, stage.cat
    contest = world.scenario.contest(B.PPWP)
    assert contest is not None
    form = form_of(world, B.PPWP)
    missing = len(forms.missing_fields(form, contest))
    total = len(form.cells())
    return stage.look(
        [
            cat("scene.formulir.checks.title"),
            cat("scene.formulir.checks.missing", count=missing),
            cat("scene.formulir.status.filled", filled=total - missing, total=total),
        ]
    )


# --- The handover ---------------------------------------------------------------------------------


@probe("handover.steps", Phase.PENYERAHAN)
def _handover_steps(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    stage.scene.update(1 / 60)
    cat = stage.cat
    p = "scene.penyerahan"
    return stage.look(
        [cat(f"{p}.upload"), cat(f"{p}.seal"), cat(f"{p}.hand_over")]
    )


@probe("handover.packing", Phase.PENYERAHAN)
def _packing(lang: str) -> Look:
    """Every document to pack is listed with where it is: loose, then in its envelope and
    box; the checklist counts those packed."""
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    cat, world = stage.cat, stage.world
    p = "scene.penyerahan"
    documents = list(world.packing.envelope_of)
    loose = stage.look(
        [document_name(d, cat) for d in documents]
        + [cat(f"{p}.packing.loose"), cat(f"{p}.check.packed", done=0, total=len(documents))]
    )
    moves = [a for a in stage.crew.packing()]
    stage.apply(*moves)
    envelope = world.packing.envelope_of["surat_suara_sisa.dpd"]
    place = cat(
        f"{p}.packing.in_box",
        envelope=envelope_name(envelope, cat),
        box=box_name("dpd", cat),
    )
    packed = stage.look([document_name("surat_suara_sisa.dpd", cat), place])
    return worst([loose, packed])


@probe("handover.packing_choices", Phase.PENYERAHAN)
def _packing_choices(lang: str) -> Look:
    """For the document chosen, every envelope by name; once it is in one, every box."""
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    cat, world = stage.cat, stage.world
    stage.scene.choose("c_hasil.dpr")
    envelopes = stage.look([envelope_name(e, cat) for e in world.packing.box_of])
    stage.apply(ps.PutInEnvelope(document="c_hasil.dpr", envelope="sampul_c_hasil.dpr"))
    boxes = stage.look([box_name(b.value, cat) for b in world.boxes])
    return worst([envelopes, boxes])


@probe("handover.packing_map", Phase.PENYERAHAN)
def _packing_map(lang: str) -> Look:
    """Where a scenario scores the envelopes and boxes the regulation leaves open, the chosen
    document's place by its map is shown, as the local instruction printed on the envelopes
    (§15 item 12)."""
    plain = entry("pemilu-hari-penuh")
    assert plain.scenario is not None
    rules = ["penyerahan.dokumen_salah_sampul", "penyerahan.dokumen_salah_kotak"]
    scored = plain.scenario.model_copy(
        update={"scoring": plain.scenario.scoring.model_copy(update={"enable": rules})}
    )
    stage = reach(ScenarioEntry(plain.path, scored, plain.sha256), Phase.PENYERAHAN, lang)
    cat, target = stage.cat, stage.world.packing
    stage.scene.choose("c_kejadian_khusus")
    return stage.look(
        [
            cat(
                "scene.penyerahan.packing.instruction",
                envelope=envelope_name(target.envelope_of["c_kejadian_khusus"], cat),
                box=box_name(target.box_for("c_kejadian_khusus").value, cat),
            )
        ]
    )


@probe("handover.recipients", Phase.PENYERAHAN)
def _recipients(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    cat = stage.cat
    return stage.look([cat(f"scene.penyerahan.recipient.{r}") for r in ("saksi", "ptps", "pps")])


@probe("handover.copy_place", Phase.PENYERAHAN)
def _copy_place(lang: str) -> Look:
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    cat = stage.cat
    return stage.look([cat("scene.penyerahan.copy_tps"), cat("scene.penyerahan.copy_out")])


@probe("forms.signed", Phase.PENYERAHAN)
def _forms_signed(lang: str) -> Look:
    """Copies are made from the signed C.Hasil: where they are made, each type's form says
    whether it is signed (as the forms phase does)."""
    stage = reach("pemilu-hari-penuh", Phase.PENYERAHAN, lang)
    signed = "C.Hasil: " + stage.cat("scene.formulir.status.signed").lower()
    return stage.look([signed])


@probe("forms.correction_methods", Phase.FORMULIR)
def _correction_methods(lang: str) -> Look:
    """A second figure typed in a filled cell asks how to correct it: the three ways in words
    (in the Pilkada a slip stays visible, §15 item 21)."""
    import pygame
    import pygame_gui

    from simulator.scenes.phases.formulir import entry_name

    stage = reach("pilkada-hari-penuh", Phase.FORMULIR, lang)
    scene = stage.scene
    for value in (50, 56):
        entry = scene.ui.named_entries[entry_name(scene.current, "II.1")]
        entry.set_text(str(value))
        scene.ctx.stack.top.handle(
            pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_FINISHED, ui_element=entry, text=str(value))
        )
    stage.scene.update(1 / 60)
    cat = stage.cat
    words = [cat(f"label.method.{m}").capitalize() for m in ("coret_paraf", "timpa", "tipe_x")]
    return stage.look(words)
