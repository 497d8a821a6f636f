#!/usr/bin/env python3
"""Contact sheet of every drawing in :mod:`simulator.art`: ``python bench/art_sheet.py OUT.png``.

Draws the voters of the voter-desk scenario (and one of each disability), witnesses and an
officer; every document kind; every ballot type of the full Pemilu day and of the Pilkada
count, blank and with marks, at the 700 × 480 the counting scene uses; the logistics items,
packets, boxes in every state, fingers and the backdrop. Runs headless.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from simulator.art.ballots import draw_ballot  # noqa: E402
from simulator.art.documents import draw_document  # noqa: E402
from simulator.art.fonts import fit_text  # noqa: E402
from simulator.art.palette import INK, PAPER, PRIMARY_DARK  # noqa: E402
from simulator.art.people import draw_officer, draw_voter, draw_witness  # noqa: E402
from simulator.art.things import (  # noqa: E402
    BOX_STATES,
    draw_ballot_packet,
    draw_box,
    draw_finger,
    draw_item,
    draw_tps_backdrop,
)
from simulator.content import load_scenario  # noqa: E402
from simulator.core.ballot_gen import draw_ballots  # noqa: E402
from simulator.core.domain import district_of  # noqa: E402
from simulator.core.engine import Simulation  # noqa: E402
from simulator.schema.ballot import Ballot, Mark, Place, Tool  # noqa: E402
from simulator.schema.scenario import (  # noqa: E402
    BallotGenerator,
    Candidate,
    Contest,
    Document,
    DocumentKind,
    Item,
    Party,
    PartySlate,
)
from simulator.schema.types import BallotType, Disability  # noqa: E402

WIDTH = 1460
GAP = 12
BALLOT = (700, 480)
SCENARIOS = ROOT / "scenarios"


class Sheet:
    """Pictures laid out left to right in rows, with captions, on one tall page."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.items: list[tuple[int, int, pygame.Surface]] = []
        self.x = GAP
        self.y = GAP
        self.row_h = 0

    def heading(self, text: str) -> None:
        self.newline()
        image = fit_text(text, 26, self.width - 2 * GAP, True, colour=PRIMARY_DARK)
        self.items.append((GAP, self.y, image))
        self.y += image.get_height() + GAP // 2

    def add(self, image: pygame.Surface, caption: str = "") -> None:
        w, h = image.get_size()
        if self.x + w > self.width - GAP and self.x > GAP:
            self.newline()
        self.items.append((self.x, self.y, image))
        height = h
        if caption:
            label = fit_text(caption, 13, max(w, 60), colour=INK)
            self.items.append((self.x, self.y + h + 2, label))
            height += label.get_height() + 2
        self.x += w + GAP
        self.row_h = max(self.row_h, height)

    def newline(self) -> None:
        if self.row_h:
            self.y += self.row_h + GAP
        self.x, self.row_h = GAP, 0

    def render(self) -> pygame.Surface:
        self.newline()
        page = pygame.Surface((self.width, self.y + GAP))
        page.fill(PAPER)
        for x, y, image in self.items:
            page.blit(image, (x, y))
        return page


def people(sheet: Sheet) -> None:
    scenario = load_scenario(SCENARIOS / "meja-pemilih-jebakan.yaml")
    sheet.heading("Voters of meja-pemilih-jebakan")
    for voter in scenario.voters.listed:
        notes = [str(voter.age), voter.sex.value]
        notes += [
            n
            for n, on in (("inked", voter.inked), ("hamil", voter.pregnant), ("hp", voter.phone))
            if on
        ]
        if voter.disability:
            notes.append(voter.disability.value)
        sheet.add(draw_voter(voter, (120, 168)), f"{voter.id} {' '.join(notes)}")
    sheet.heading("Every disability, witnesses, officers")
    base = scenario.voters.listed[1]
    for disability in Disability:
        voter = base.model_copy(update={"id": f"d-{disability.value}", "disability": disability})
        sheet.add(draw_voter(voter, (120, 168)), disability.value)
    sheet.add(
        draw_witness("Benny Sinaga", (120, 168), True, colour="#2b7bb9", number=3),
        "saksi + atribut",
    )
    sheet.add(draw_witness("Ujang Supriatna", (120, 168), False), "saksi")
    sheet.add(draw_officer((120, 168)), "KPPS")
    sheet.add(draw_officer((120, 168), seed="kpps-2"), "KPPS 2")


def documents(sheet: Sheet) -> None:
    scenario = load_scenario(SCENARIOS / "meja-pemilih-jebakan.yaml")
    voters = {v.id: v for v in scenario.voters.listed}
    sheet.heading("Every document kind (v15 Rudi Kurniawan)")
    rudi = voters["v15"]
    for kind in DocumentKind:
        document = next((d for d in rudi.documents if d.kind is kind), Document(kind=kind))
        sheet.add(draw_document(document, rudi, scenario, _doc_size(kind)), kind.value)
    sheet.heading("Documents as voters bring them (v05 someone else's notice, v08, v14 other TPS)")
    for vid in ("v05", "v08", "v14"):
        voter = voters[vid]
        for document in voter.documents:
            image = draw_document(document, voter, scenario, _doc_size(document.kind))
            sheet.add(image, f"{vid} {document.kind.value} {document.name or ''}")


def _doc_size(kind: DocumentKind) -> tuple[int, int]:
    if kind in (DocumentKind.C_PEMBERITAHUAN, DocumentKind.MODEL_A, DocumentKind.SUKET):
        return (300, 430)
    if kind is DocumentKind.IKD:
        return (210, 410)
    if kind is DocumentKind.KK:
        return (500, 350)
    return (420, 270)


def ballots(sheet: Sheet) -> None:
    scenario = load_scenario(SCENARIOS / "pemilu-hari-penuh.yaml")
    sheet.heading("Pemilu ballots at 700 x 480: blank, then with generated marks")
    rng = random.Random(7)
    spec = BallotGenerator(invalid=40, tricky=60)
    for contest in scenario.contests:
        district = district_of(scenario.tps.districts, contest.ballot)
        blank = draw_ballot(contest, scenario.parties, None, BALLOT, district=district)
        sheet.add(blank, f"{contest.ballot.value} blank")
        used = draw_ballots(rng, contest, spec, scenario.tps.districts, 1)[0]
        extra = {
            "signed": contest.ballot is not BallotType.DPD,
            "writing": contest.ballot is BallotType.DPR,
        }
        used = used.model_copy(update=extra)
        image = draw_ballot(contest, scenario.parties, used, BALLOT, district=district)
        sheet.add(image, f"{contest.ballot.value}: {_describe(used)}")
    pilkada = load_scenario(SCENARIOS / "pilkada-calon-tunggal-hitung.yaml")
    sim = Simulation.start(pilkada)
    sheet.heading("Pilkada count (calon tunggal): blank, then ballots from the boxes")
    for contest in pilkada.contests:
        district = district_of(pilkada.tps.districts, contest.ballot)
        sheet.add(
            draw_ballot(contest, pilkada.parties, None, BALLOT, district=district),
            f"{contest.ballot.value} blank",
        )
        for used in _interesting(sim.world.boxes[contest.ballot].contents):
            image = draw_ballot(contest, pilkada.parties, used, BALLOT, district=district)
            sheet.add(image, f"{contest.ballot.value}: {_describe(used)}")
    sheet.heading("Every place and tool on one PPWP ballot; the densest party-list ballots")
    ppwp = scenario.contests[0]
    odd = Ballot(
        ballot=BallotType.PPWP,
        marks=[
            Mark(pair=1),
            Mark(pair=1, mirror=True),
            Mark(pair=2, tool=Tool.PEN),
            Mark(pair=3, tool=Tool.BURN),
            Mark(pair=3, tool=Tool.OTHER),
            Mark(pair=2, place=Place.BETWEEN, neighbour=3),
            Mark(pair=1, place=Place.BORDER),
            Mark(place=Place.OUTSIDE),
        ],
        damaged=True,
    )
    sheet.add(
        draw_ballot(ppwp, scenario.parties, odd, BALLOT, district="Nusa Harapan"), _describe(odd)
    )
    dense, parties = _dense_dpr()
    marks = [
        Mark(party=3, candidate=4),
        Mark(party=7),
        Mark(party=11, place=Place.BLANK_AREA),
        Mark(party=14, candidate=2, place=Place.BETWEEN, neighbour=3),
        Mark(party=16, place=Place.BORDER),
    ]
    used = Ballot(ballot=BallotType.DPR, marks=marks)
    sheet.add(
        draw_ballot(dense, parties, used, BALLOT, district="Nusa Harapan I"), "18 parties x 10"
    )
    bench = load_scenario(ROOT / "bench" / "scenarios" / "pemilu-300.yaml")
    dpr = bench.contest(BallotType.DPR)
    assert dpr is not None
    sheet.add(draw_ballot(dpr, bench.parties, None, BALLOT, district="Nusa Harapan I"), "bench dpr")
    sheet.heading("Small ballots (350 x 240)")
    for contest in scenario.contests:
        district = district_of(scenario.tps.districts, contest.ballot)
        sheet.add(
            draw_ballot(contest, scenario.parties, None, (350, 240), district=district),
            contest.ballot.value,
        )


def _dense_dpr() -> tuple[Contest, list[Party]]:
    """A DPR ballot as crowded as a real one: 18 parties of 10 candidates each."""
    given = ("Budi", "Sri", "Agus", "Dewi", "Hendra", "Lina", "Rudi", "Wati", "Yusuf", "Maya")
    family = ("Saputra", "Lestari", "Wibowo", "Handayani", "Nugroho", "Permata", "Siregar")
    parties = [
        Party(number=n, code=f"Contoh{chr(64 + n)}", name=f"Partai Contoh {n}", color=colour)
        for n, colour in zip(range(1, 19), _colours(18), strict=True)
    ]
    slates = [
        PartySlate(
            party=p,
            candidates=[
                Candidate(number=c, name=f"{given[(p + c) % 10]} {family[(p * c) % 7]}")
                for c in range(1, 11)
            ],
        )
        for p in range(1, 19)
    ]
    return Contest(ballot=BallotType.DPR, slates=slates), parties


def _colours(count: int) -> list[str]:
    channels = ((60, 37), (90, 71), (20, 53))
    return [
        "#" + "".join(f"{(start + step * i) % 200 + 30:02x}" for start, step in channels)
        for i in range(count)
    ]


def _interesting(contents: Iterable[Ballot]) -> list[Ballot]:
    chosen = [b for b in contents if not b.signed or b.damaged or b.writing or len(b.marks) != 1]
    return chosen[:3]


def _describe(ballot: Ballot) -> str:
    marks = ", ".join(
        m.place.value
        + ("" if m.tool.value == "paku" else f" {m.tool.value}")
        + (" mirror" if m.mirror else "")
        for m in ballot.marks
    )
    flags = [
        f
        for f, on in (
            ("unsigned", not ballot.signed),
            ("writing", ballot.writing),
            ("damaged", ballot.damaged),
        )
        if on
    ]
    return f"[{marks or 'no mark'}] {' '.join(flags)}"


def things(sheet: Sheet) -> None:
    sheet.heading("Logistics items (last row: not ok)")
    for item in Item:
        sheet.add(draw_item(item.value, (96, 96)), item.value)
    for item in (Item.TINTA, Item.SEGEL, Item.C_HASIL_PLANO):
        sheet.add(draw_item(item.value, (96, 96), ok=False), f"{item.value} (not ok)")
    sheet.heading("Ballot packets and boxes")
    for kind in BallotType:
        sheet.add(draw_ballot_packet(kind, "62 lembar", (150, 112)), kind.value)
    sheet.newline()
    for i, state in enumerate(BOX_STATES):
        kind = list(BallotType)[i]
        sheet.add(draw_box(kind, (170, 170), state, fill=0.15 * i), f"{kind.value} {state}")
    sheet.add(draw_box(BallotType.BUPATI, (170, 170), "open", fill=0.7), "bupati open, full")
    sheet.add(draw_finger(False, (110, 132)), "finger")
    sheet.add(draw_finger(True, (110, 132), seed="v04"), "finger inked")
    sheet.heading("TPS backdrop (960 x 540) and a narrow one")
    sheet.add(draw_tps_backdrop((960, 540)), "960 x 540")
    sheet.add(draw_tps_backdrop((300, 540)), "300 x 540")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    pygame.font.init()
    sheet = Sheet(WIDTH)
    people(sheet)
    documents(sheet)
    ballots(sheet)
    things(sheet)
    pygame.image.save(sheet.render(), argv[1])
    print(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
