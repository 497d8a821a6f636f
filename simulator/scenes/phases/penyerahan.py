"""Penyerahan: after the forms are signed, everything leaves the TPS.

Per ballot type, a card with its box and the phone that photographs its C.Hasil plano: upload
to Sirekap, make the C.Hasil Salinan (at the TPS or at a copy shop: offered side by side,
judged by the engine), pack the box, seal it. Below, the people entitled to copies (the
witnesses, the Pengawas TPS, the PPS) and the handover to the PPS. The scene enforces no
order: whatever the engine allows is offered, and the engine judges the sequence.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from simulator.art import palette
from simulator.art.people import draw_officer, draw_witness
from simulator.art.things import BoxState, draw_box
from simulator.core.actions import Action
from simulator.core.phases.penyerahan import (
    RECIPIENTS,
    GiveCopies,
    HandOver,
    MakeCopies,
    PackBox,
    SealBox,
    UploadSirekap,
    required_recipients,
)
from simulator.core.state import Box
from simulator.scenes.phases import handover_art as art
from simulator.scenes.phases.penutupan import ChecklistPhaseScene
from simulator.schema.clock import format_minutes
from simulator.schema.types import BallotType

RECIPIENT_KEYS = {"saksi": pygame.K_1, "ptps": pygame.K_2, "pps": pygame.K_3}


class PenyerahanScene(ChecklistPhaseScene):
    stage_kinds = frozenset(
        {"upload_sirekap", "make_copies", "give_copies", "pack_box", "seal_box", "hand_over"}
    )
    # A careful crew's first 15 handover actions in a Pemilu: every upload and copy, the copies
    # handed out, and the first box packed and sealed.
    shot_steps = 15

    def checklist_items(self) -> list[tuple[bool, str]]:
        world = self.world
        handover = world.handover
        boxes = list(world.boxes.values())
        total = len(boxes)
        needed = required_recipients(world)

        def row(key: str, done: int, of: int) -> tuple[bool, str]:
            return done == of, self.t(f"check.{key}", done=done, total=of)

        return [
            row("uploaded", len(handover.sirekap_uploaded), total),
            row("copies", len(handover.copies_made), total),
            row("given", sum(r in handover.copies_given for r in needed), len(needed)),
            row("packed", sum(b.packed for b in boxes), total),
            row("sealed", sum(b.sealed for b in boxes), total),
            (handover.handed_over_at is not None, self.t("check.handed_over")),
        ]

    # --- building ----------------------------------------------------------------------------

    def build_stage(self) -> None:
        px = self.ctx.px
        inner = self.stage_inner()
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, px(28)),
            self.t("boxes_title"),
            style="@heading",
        )
        offered = self.offered()
        cards = pygame.Rect(inner.left, inner.top + px(32), inner.width, px(360))
        self.build_cards(cards, offered)
        lower = pygame.Rect(
            inner.left, cards.bottom + px(10), inner.width, inner.bottom - cards.bottom - px(10)
        )
        handover_w = px(270)
        self.build_recipients(
            pygame.Rect(lower.left, lower.top, lower.width - handover_w - px(10), lower.height),
            offered,
        )
        self.build_handover(
            pygame.Rect(lower.right - handover_w, lower.top, handover_w, lower.height), offered
        )

    # --- one card per ballot type --------------------------------------------------------------

    def build_cards(self, area: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        boxes = list(self.world.boxes.items())
        gap = px(8)
        count = max(1, len(boxes))
        width = min((area.width - gap * (count - 1)) // count, px(260))
        left = area.left + (area.width - (width * count + gap * (count - 1))) // 2
        for index, (ballot, box) in enumerate(boxes):
            card = pygame.Rect(left + index * (width + gap), area.top, width, area.height)
            self.build_card(card, ballot, box, offered)

    def build_card(
        self,
        card: pygame.Rect,
        ballot: BallotType,
        box: Box,
        offered: list[Action],
    ) -> None:
        px = self.ctx.px
        handover = self.world.handover
        self.pictures.panels.append(card)
        pad = px(5)
        inner_w = card.width - 2 * pad
        left = card.left + pad
        self.type_band(pygame.Rect(left, card.top + pad, inner_w, px(34)), ballot)
        group_w = min(inner_w, px(160))
        picture = pygame.Rect(card.centerx - group_w // 2, card.top + px(48), group_w, px(94))
        self.card_picture(picture, ballot, box)
        slot_h = px(32)

        def slot(top: int) -> pygame.Rect:
            return pygame.Rect(left, card.top + px(top), inner_w, slot_h)

        upload = UploadSirekap(ballot=ballot)
        if ballot in handover.sirekap_uploaded:
            self.badge(slot(148), self.t("uploaded"))
        elif upload in offered:
            self.action_button(slot(148), self.t("upload"), upload)
        # Copies are made from the signed plano: the card says whether this one is signed.
        signed = self.world.forms.signed.get(ballot, False)
        status = "C.Hasil: " + (
            self.ctx.cat("scene.formulir.status.signed").lower() if signed else self.t("not_signed")
        )
        self.text_at(status, (left, card.top + px(183)), inner_w, 13, bold=not signed)
        self.text_at(
            self.t("copies_caption"), (left, card.top + px(201)), inner_w, 13, colour=palette.MUTED
        )
        place = handover.copies_made.get(ballot)
        if place is not None:
            where = self.ctx.cat(f"label.place.{place}")
            self.badge(slot(220), self.t("copies_made", place=where))
        else:
            choices = ((220, "tps", "copy_tps"), (254, "luar", "copy_out"))
            for top, value, text in choices:
                action = MakeCopies(ballot=ballot, place=value)  # type: ignore[arg-type]
                if action in offered:
                    self.action_button(slot(top), self.t(text), action)
        pack = PackBox(ballot=ballot)
        if box.packed:
            self.badge(slot(290), self.t("packed"))
        elif pack in offered:
            self.action_button(slot(290), self.t("pack"), pack)
        seal = SealBox(ballot=ballot)
        if box.sealed:
            self.badge(slot(326), self.t("sealed"))
        elif seal in offered:
            self.action_button(slot(326), self.t("seal"), seal)

    def card_picture(self, rect: pygame.Rect, ballot: BallotType, box: Box) -> None:
        """The box (open, or sealed), its envelopes beside it until packed, and the phone."""
        px = self.ctx.px
        colour = palette.BALLOT_COLOURS.get(ballot.value, palette.PANEL_LINE)
        phone_w = min(px(50), rect.width // 3)
        phone = art.sirekap_phone(
            colour, ballot in self.world.handover.sirekap_uploaded, (phone_w, rect.height)
        )
        self.pictures.add(phone, (rect.right - phone_w, rect.top))
        room = pygame.Rect(rect.left, rect.top, rect.width - phone_w - px(4), rect.height)
        # the box stands at the right of its room; the envelopes not yet packed lie at its left
        side = min(room.width - px(18), room.height)
        state: BoxState = "sealed" if box.sealed else "open"
        picture = _box(ballot.value, (side, side), state, 0.6 if box.packed else 0.0)
        self.pictures.add(picture, (room.right - side, room.bottom - side))
        if not box.packed:
            size = (px(40), px(22))
            self.pictures.add(art.envelopes(colour, size), (room.left, room.bottom - size[1]))

    # --- the copies for the people entitled to them ------------------------------------------

    def build_recipients(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        self.panel_title(rect, "recipients_title")
        gap = px(8)
        cell_w = (rect.width - px(24) - 2 * gap) // len(RECIPIENTS)
        for index, recipient in enumerate(RECIPIENTS):
            cell = pygame.Rect(
                rect.left + px(12) + index * (cell_w + gap),
                rect.top + px(36),
                cell_w,
                rect.height - px(46),
            )
            self.build_recipient(cell, recipient, offered)

    def build_recipient(self, cell: pygame.Rect, recipient: str, offered: list[Action]) -> None:
        px = self.ctx.px
        slot = pygame.Rect(cell.left, cell.bottom - px(32), cell.width, px(32))
        figure_h = slot.top - cell.top - px(4)
        figure_w = min(px(60), cell.width // 3)
        self.pictures.add(self.person(recipient, (figure_w, figure_h)), cell.topleft)
        name_left = cell.left + figure_w + px(6)
        self.text_at(
            self.t(f"recipient.{recipient}"),
            (name_left, cell.top + figure_h // 2 - px(10)),
            cell.right - name_left,
            15,
            bold=True,
        )
        action = GiveCopies(recipient=recipient)  # type: ignore[arg-type]
        if recipient in self.world.handover.copies_given:
            self.badge(slot, self.t("given"))
        elif action in offered:
            self.action_button(slot, self.t("give"), action, key=RECIPIENT_KEYS.get(recipient))
        elif self.world.handover.handed_over_at is None:
            self.text_at(
                self.t("waiting"),
                (slot.left, slot.top + px(6)),
                slot.width,
                13,
                colour=palette.MUTED,
                centre=True,
            )

    def person(self, recipient: str, size: tuple[int, int]) -> pygame.Surface:
        """The witnesses drawn as the first one admitted; the PTPS and the PPS as officers."""
        seed = recipient
        if recipient == "saksi":
            admitted = [w.id for w in self.world.witnesses.values() if w.decision == "admitted"]
            names = {w.id: w.name for w in self.world.scenario.witnesses}
            seed = names.get(admitted[0], "saksi") if admitted else "saksi"
        return _person(recipient, seed, size)

    # --- the handover --------------------------------------------------------------------------

    def build_handover(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        self.panel_title(rect, "handover_title")
        handed_at = self.world.handover.handed_over_at
        width = rect.width - px(24)
        if handed_at is not None:
            paper = art.receipt((px(56), px(72)))
            self.pictures.add(paper, (rect.left + px(12), rect.top + px(40)))
            self.text_at(
                self.t("handed_over", time=format_minutes(handed_at)),
                (rect.left + px(76), rect.top + px(66)),
                rect.width - px(88),
                15,
                bold=True,
            )
            return
        self.lines_at(
            self.t("handover_note"),
            (rect.left + px(12), rect.top + px(38)),
            width,
            14,
            colour=palette.MUTED,
        )
        action = HandOver()
        if action in offered:
            button = pygame.Rect(rect.left + px(12), rect.bottom - px(62), width, px(50))
            self.action_button(button, self.t("hand_over"), action, key=pygame.K_h, style="@strong")


# Drawn once per look: a rebuild after each action redraws none that did not change (the
# surfaces are only ever blitted).


@lru_cache(maxsize=64)
def _box(ballot: str, size: tuple[int, int], state: BoxState, fill: float) -> pygame.Surface:
    return draw_box(ballot, size, state, fill=fill)


@lru_cache(maxsize=16)
def _person(recipient: str, seed: str, size: tuple[int, int]) -> pygame.Surface:
    if recipient == "saksi":
        return draw_witness(seed, size, False)
    return draw_officer(size, seed=seed)


SCENE = PenyerahanScene
