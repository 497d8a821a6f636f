"""Drawings: right size, same pixels for the same input, ballot layout that clicks and marks share.

Everything is drawn headless (conftest sets SDL_VIDEODRIVER=dummy) with only pygame.font up.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path

import pygame
import pytest

from simulator.art.ballot_layout import layout_ballot
from simulator.art.ballots import ballot_target_rects, draw_ballot, mark_point
from simulator.art.documents import OFFICIAL_TEXT, draw_document
from simulator.art.emblems import draw_emblem
from simulator.art.fonts import ELLIPSIS, fit_text, font
from simulator.art.identity import birth_date, identity_of
from simulator.art.people import draw_officer, draw_voter, draw_witness
from simulator.art.things import (
    BOX_STATES,
    draw_ballot_packet,
    draw_box,
    draw_finger,
    draw_item,
    draw_tps_backdrop,
)
from simulator.content import load_scenario
from simulator.core.domain import district_of
from simulator.core.targets import Target, TargetKind, all_targets
from simulator.schema.ballot import Ballot, Mark, Place
from simulator.schema.scenario import (
    Area,
    Candidate,
    Contest,
    Document,
    DocumentKind,
    Item,
    Party,
    PartySlate,
    Scenario,
    Voter,
)
from simulator.schema.types import BallotType, Disability

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
BALLOT = (700, 480)


@pytest.fixture(autouse=True, scope="module")
def _fonts() -> Iterator[None]:
    pygame.font.init()
    yield


@cache
def scenarios() -> tuple[Scenario, ...]:
    return tuple(load_scenario(path) for path in SCENARIO_FILES)


def listed_voters() -> list[tuple[Scenario, Voter]]:
    return [(s, v) for s in scenarios() for v in s.voters.listed]


def all_contests() -> list[tuple[Scenario, Contest]]:
    return [(s, c) for s in scenarios() for c in s.contests]


def dense_contests() -> list[Contest]:
    """Bigger than any shipped scenario: 18 parties × 10 candidates, 30 DPD candidates."""
    dpr = Contest(
        ballot=BallotType.DPR,
        slates=[
            PartySlate(
                party=p,
                candidates=[
                    Candidate(number=c, name=f"Calon {p}-{c} Saputra") for c in range(1, 11)
                ],
            )
            for p in range(1, 19)
        ],
    )
    dpd = Contest(
        ballot=BallotType.DPD,
        candidates=[Candidate(number=c, name=f"Calon DPD {c}") for c in range(1, 31)],
    )
    return [dpr, dpd]


def same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(
        b, "RGBA"
    )


def changed_area(before: pygame.Surface, after: pygame.Surface) -> pygame.Rect | None:
    """The bounding box of the pixels that differ between two surfaces of one size."""
    unchanged = pygame.mask.from_threshold(after, (0, 0, 0, 0), (2, 2, 2, 255), before)
    unchanged.invert()
    rects = unchanged.get_bounding_rects()
    return rects[0].unionall(rects[1:]) if rects else None


# --- Fonts -------------------------------------------------------------------------------------


def test_fonts_are_loaded_once_per_size_and_face() -> None:
    assert font(14) is font(14)
    assert font(14, bold=True) is not font(14)


@pytest.mark.parametrize("max_width", [0, 1, 5, 12, 40, 80, 200, 1000])
@pytest.mark.parametrize(
    "text",
    ["", "TPS 014", "Partai Layang-Layang Rakyat", "PEMILIHAN UMUM PRESIDEN DAN WAKIL PRESIDEN"],
)
def test_fit_text_never_runs_out_of_its_box(text: str, max_width: int) -> None:
    for bold in (False, True):
        image = fit_text(text, 18, max_width, bold)
        assert image.get_width() <= max_width


def test_fit_text_shrinks_before_it_elides() -> None:
    full = fit_text("Partai Lumbung Padi Nusantara", 16, 10_000)
    shrunk = fit_text("Partai Lumbung Padi Nusantara", 16, full.get_width() - 20)
    assert shrunk.get_height() < full.get_height()  # a smaller size, the whole text
    floor = font(8).size("Partai Lumbung Padi Nusantara")[0]
    elided = fit_text("Partai Lumbung Padi Nusantara", 16, floor // 2, min_size=8)
    assert 0 < elided.get_width() <= floor // 2
    assert font(8).size("Partai" + ELLIPSIS)[0] <= floor // 2  # room for at least a word


# --- People ------------------------------------------------------------------------------------


def test_every_listed_voter_is_drawn_at_the_size_asked() -> None:
    for _, voter in listed_voters():
        assert draw_voter(voter, (90, 126)).get_size() == (90, 126)


@pytest.mark.parametrize("disability", [None, *Disability])
def test_every_disability_draws(disability: Disability | None) -> None:
    _, voter = listed_voters()[0]
    voter = voter.model_copy(update={"disability": disability, "inked": True})
    image = draw_voter(voter, (120, 168))
    assert image.get_size() == (120, 168)
    assert same_pixels(image, draw_voter(voter, (120, 168)))


def test_people_are_deterministic_and_varied() -> None:
    voters = [v for _, v in listed_voters()][:6]
    images = [draw_voter(v, (60, 84)) for v in voters]
    assert all(same_pixels(a, draw_voter(v, (60, 84))) for a, v in zip(images, voters, strict=True))
    assert len({pygame.image.tobytes(i, "RGBA") for i in images}) == len(images)


def test_ink_shows_on_the_raised_hand() -> None:
    _, voter = listed_voters()[0]
    clean = draw_voter(voter.model_copy(update={"inked": False}), (200, 280))
    inked = draw_voter(voter.model_copy(update={"inked": True}), (200, 280))
    area = changed_area(clean, inked)
    assert area is not None and area.x > 140  # on the hand raised on the right of the picture


def test_witnesses_and_officers() -> None:
    for attributes in (False, True):
        image = draw_witness("Benny Sinaga", (100, 140), attributes)
        assert image.get_size() == (100, 140)
        assert same_pixels(image, draw_witness("Benny Sinaga", (100, 140), attributes))
    assert draw_officer((100, 140)).get_size() == (100, 140)
    assert same_pixels(draw_officer((100, 140), "a"), draw_officer((100, 140), "a"))


# --- Documents ---------------------------------------------------------------------------------


def test_every_document_of_every_listed_voter_draws() -> None:
    for scenario, voter in listed_voters():
        for document in voter.documents:
            image = draw_document(document, voter, scenario, (240, 160))
            assert image.get_size() == (240, 160)


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_document_kind_draws_deterministically(kind: DocumentKind) -> None:
    scenario, voter = listed_voters()[0]
    document = Document(kind=kind, ballots=[BallotType.PPWP], address=Area.PROVINSI_LAIN)
    image = draw_document(document, voter, scenario, (300, 220))
    assert image.get_size() == (300, 220)
    assert same_pixels(image, draw_document(document, voter, scenario, (300, 220)))


def test_documents_show_what_differs() -> None:
    scenario, voter = listed_voters()[0]
    notice = Document(kind=DocumentKind.C_PEMBERITAHUAN)
    for changed in (
        notice.model_copy(update={"tps": "lain"}),
        notice.model_copy(update={"name": "Sutrisno Saputra"}),
    ):
        assert not same_pixels(
            draw_document(notice, voter, scenario, (300, 420)),
            draw_document(changed, voter, scenario, (300, 420)),
        )


@pytest.mark.parametrize("area", list(Area))
def test_a_nik_is_fictional_and_stable(area: Area) -> None:
    scenario, voter = listed_voters()[0]
    document = Document(kind=DocumentKind.KTP_EL, address=area)
    identity = identity_of(document, voter, scenario)
    assert identity.nik.isdigit() and len(identity.nik) == 16
    assert identity.nik[:2] == ("98" if area is Area.PROVINSI_LAIN else "99")
    assert identity == identity_of(document, voter, scenario)


@pytest.mark.parametrize("age", [17, 35, 60, 99])
def test_birth_date_gives_the_age_on_polling_day(age: int) -> None:
    day = date(2024, 2, 14)
    for seed in ("a", "b", "c", "d"):
        born = birth_date(seed, age, day)
        assert day.year - born.year - ((day.month, day.day) < (born.month, born.day)) == age


def test_official_texts_are_indonesian_constants() -> None:
    assert OFFICIAL_TEXT["ktp.title"] == "KARTU TANDA PENDUDUK"
    assert all(isinstance(v, str) and v for v in OFFICIAL_TEXT.values())


# --- Ballots -----------------------------------------------------------------------------------


def contest_cases() -> list[tuple[Contest, list[Party], str | None]]:
    cases: list[tuple[Contest, list[Party], str | None]] = [
        (c, s.parties, district_of(s.tps.districts, c.ballot)) for s, c in all_contests()
    ]
    cases += [(c, [], None) for c in dense_contests()]
    return cases


def test_every_shipped_ballot_draws_blank_at_the_size_asked() -> None:
    for contest, parties, district in contest_cases():
        for size in (BALLOT, (350, 240)):
            image = draw_ballot(contest, parties, None, size, district=district)
            assert image.get_size() == size


@pytest.mark.parametrize("size", [BALLOT, (350, 240), (1200, 800)])
def test_target_rects_cover_every_target_inside_the_ballot_without_overlap(
    size: tuple[int, int],
) -> None:
    bounds = pygame.Rect((0, 0), size)
    for contest, parties, _ in contest_cases():
        rects = ballot_target_rects(contest, parties, size)
        assert set(rects) == {str(t) for t in all_targets(contest)}
        for target, rect in rects.items():
            assert rect.w > 0 and rect.h > 0, target
            assert bounds.contains(rect), (contest.ballot, target, rect)
        for (a, ra), (b, rb) in combinations(rects.items(), 2):
            assert not ra.colliderect(rb), (contest.ballot, a, b)


def _inside(target: Target) -> Mark:
    if target.kind is TargetKind.PAIR:
        return Mark(pair=target.number)
    if target.kind is TargetKind.KOSONG:
        return Mark(kosong=True)
    if target.kind is TargetKind.CANDIDATE:
        return Mark(candidate=target.number)
    return Mark(party=target.number, candidate=target.candidate)


@pytest.mark.slow
def test_a_punch_inside_a_target_lands_inside_its_rect() -> None:
    """Every target of the shipped contests; a sample of the dense ones, to stay fast."""
    shipped = len(all_contests())
    for i, (contest, parties, district) in enumerate(contest_cases()):
        blank = draw_ballot(contest, parties, None, BALLOT, district=district)
        rects = ballot_target_rects(contest, parties, BALLOT)
        for target in all_targets(contest)[:: 1 if i < shipped else 13]:
            ballot = Ballot(ballot=contest.ballot, marks=[_inside(target)], signed=False)
            marked = draw_ballot(contest, parties, ballot, BALLOT, district=district)
            area = changed_area(blank, marked)
            assert area is not None, (contest.ballot, str(target))
            assert rects[str(target)].contains(area), (contest.ballot, str(target), area)


def test_marks_in_every_place_land_where_the_model_says() -> None:
    scenario = next(s for s in scenarios() if s.id == "pemilu-hari-penuh")
    contest = scenario.contest(BallotType.DPR)
    assert contest is not None
    lay = layout_ballot(contest, BALLOT)
    box = next(b for b in lay.boxes if b.party == 1)
    blank = mark_point(lay, Mark(party=1, place=Place.BLANK_AREA))
    assert box.blank.collidepoint(blank)
    upper, lower = box.rows[0].rect, box.rows[1].rect
    between = mark_point(lay, Mark(party=1, candidate=1, place=Place.BETWEEN, neighbour=2))
    assert between[1] in (upper.bottom, lower.top) and upper.x <= between[0] < upper.right
    outside = mark_point(lay, Mark(place=Place.OUTSIDE))
    assert not any(r.collidepoint(outside) for r in lay.targets.values())
    border = mark_point(lay, Mark(party=1, place=Place.BORDER))
    assert border[0] == box.header.x and box.header.top <= border[1] < box.header.bottom


def test_a_used_ballot_shows_signature_writing_damage_and_district() -> None:
    scenario = next(s for s in scenarios() if s.id == "pemilu-hari-penuh")
    contest = scenario.contest(BallotType.PPWP)
    assert contest is not None
    plain = Ballot(ballot=BallotType.PPWP, marks=[Mark(pair=1)])
    base = draw_ballot(contest, scenario.parties, plain, BALLOT, district="Nusa Harapan")
    for change in ({"signed": False}, {"writing": True}, {"damaged": True}, {"district": "Lain"}):
        other = draw_ballot(
            contest,
            scenario.parties,
            plain.model_copy(update=change),
            BALLOT,
            district="Nusa Harapan",
        )
        assert not same_pixels(base, other), change
    again = draw_ballot(contest, scenario.parties, plain, BALLOT, district="Nusa Harapan")
    assert same_pixels(base, again)


def test_emblems_differ_for_the_first_twenty_parties() -> None:
    images = {pygame.image.tobytes(draw_emblem(n, "#3f8f3a", 32), "RGBA") for n in range(1, 21)}
    assert len(images) == 20


# --- Things ------------------------------------------------------------------------------------


@pytest.mark.parametrize("item", list(Item))
def test_every_item_draws_ok_and_not_ok(item: Item) -> None:
    ok = draw_item(item.value, (64, 64))
    bad = draw_item(item.value, (64, 64), ok=False)
    assert ok.get_size() == bad.get_size() == (64, 64)
    assert same_pixels(ok, draw_item(item.value, (64, 64)))
    assert not same_pixels(ok, bad)


@pytest.mark.parametrize("ballot_type", list(BallotType))
def test_packets_and_boxes_for_every_type_and_state(ballot_type: BallotType) -> None:
    packet = draw_ballot_packet(ballot_type, "62 lembar", (120, 90))
    assert packet.get_size() == (120, 90)
    images = [draw_box(ballot_type, (90, 90), state) for state in BOX_STATES]
    assert all(i.get_size() == (90, 90) for i in images)
    assert len({pygame.image.tobytes(i, "RGBA") for i in images}) == len(BOX_STATES)
    assert same_pixels(images[0], draw_box(ballot_type, (90, 90), BOX_STATES[0]))


def test_a_box_state_must_be_known() -> None:
    with pytest.raises(ValueError, match="box state"):
        draw_box(BallotType.DPR, (90, 90), "melted")  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [(960, 540), (320, 540), (1, 1)])
def test_backdrop_fills_the_size_asked(size: tuple[int, int]) -> None:
    image = draw_tps_backdrop(size)
    assert image.get_size() == size
    assert same_pixels(image, draw_tps_backdrop(size))


def test_finger_shows_ink() -> None:
    clean, inked = draw_finger(False, (80, 96)), draw_finger(True, (80, 96))
    assert clean.get_size() == inked.get_size() == (80, 96)
    assert not same_pixels(clean, inked)
    assert same_pixels(inked, draw_finger(True, (80, 96)))
