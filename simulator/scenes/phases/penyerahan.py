"""Penyerahan: after the forms are signed, everything leaves the TPS.

Per ballot type, a card with its box and the phone that photographs its C.Hasil plano: upload
to Sirekap, make the C.Hasil Salinan (at the TPS or at a copy shop: offered side by side,
judged by the engine), seal the box. Below, the packing: every document to pack, each with the
envelope and box it is in now; the one chosen gets the envelopes to put it into and the boxes
to put its envelope into (every envelope and every box, so the screen never hints at the
scenario's map). Then the people entitled to copies (the witnesses, the Pengawas TPS, the PPS)
and the handover to the PPS. The scene enforces no order: whatever the engine allows is
offered, and the engine judges the sequence.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.art import palette
from simulator.art.people import draw_officer, draw_witness
from simulator.art.things import BoxState, draw_box
from simulator.core.actions import Action
from simulator.core.phases.penyerahan import (
    RECIPIENTS,
    GiveCopies,
    HandOver,
    MakeCopies,
    SealBox,
    UploadSirekap,
    packed_box,
    required_recipients,
)
from simulator.core.state import Box
from simulator.scenes.phases import handover_art as art
from simulator.scenes.phases.checklist import BADGE
from simulator.scenes.phases.penyerahan_packing import PackingStage
from simulator.schema.clock import format_minutes
from simulator.schema.types import BallotType

Parts = tuple[int, int, int, list[int]]
RECIPIENT_KEYS = {"saksi": pygame.K_1, "ptps": pygame.K_2, "pps": pygame.K_3}



class PenyerahanScene(PackingStage):
    stage_kinds = frozenset(
        {
            "upload_sirekap",
            "make_copies",
            "give_copies",
            "put_in_envelope",
            "put_in_box",
            "seal_box",
            "hand_over",
        }
    )
    # A careful crew's first 15 handover actions in a Pemilu: every upload and copy, the copies
    # handed out, and the first box packed and sealed.
    shot_steps = 15
    picture_design = (94, 48)  # a card's box and phone

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self._parts: tuple[tuple[int, int], dict[tuple[int, int], Parts]] = ((-1, -1), {})
        self._chosen_layouts: dict[tuple[object, ...], tuple[bool, int]] = {}

    def checklist_items(self) -> list[tuple[bool, str]]:
        world = self.world
        handover = world.handover
        boxes = list(world.boxes.values())
        total = len(boxes)
        needed = required_recipients(world)
        documents = list(world.packing.envelope_of)
        packed = sum(packed_box(world, d) is not None for d in documents)

        def row(key: str, done: int, of: int) -> tuple[bool, str]:
            return done == of, self.t(f"check.{key}", done=done, total=of)

        return [
            row("uploaded", len(handover.sirekap_uploaded), total),
            row("copies", len(handover.copies_made), total),
            row("given", sum(r in handover.copies_given for r in needed), len(needed)),
            row("packed", packed, len(documents)),
            row("sealed", sum(b.sealed for b in boxes), total),
            (handover.handed_over_at is not None, self.t("check.handed_over")),
        ]

    # --- laying out -----------------------------------------------------------------------------

    def lay_out_stage(self, width: int, room: int) -> int:
        """A card per type, the packing, then the people entitled to copies and the
        handover. The cards are laid out the first way that would keep the stage in ``room``
        without the packing (see :meth:`choose_layout`): the packing is long in a Pemilu and
        the stage scrolls to it, while the cards keep their one row."""
        packing_h = self.least_stage_h(width) + self.ctx.px(10)
        # The packing is the same in every layout tried and the rest of the stage keeps room
        # for each state of its cards and panels, so the layout chosen depends on the width
        # and the room alone (and on the look): tried once, then kept.
        settings = self.ctx.settings
        look = (width, room, self.ctx.size, settings.shown_text_size, settings.lang)
        chosen = self._chosen_layouts.get(look)
        if chosen is not None:
            self.cards_wrap, self.picture_h = chosen
            return self.replan(width, self.plan_handover)
        scrolls, self.stage_scrolls = self.stage_scrolls, False
        try:
            height = self.choose_layout(width, room + packing_h, self.plan_handover)
        finally:
            self.stage_scrolls = scrolls
        self._chosen_layouts[look] = (self.cards_wrap, self.picture_h)
        return height

    def least_stage_h(self, width: int) -> int:
        """The packing alone (the cards and the panels come on top of it)."""
        return self.laid_packing(width, self.offered())[2]

    def plan_handover(self, width: int) -> int:
        px = self.ctx.px
        offered = self.offered()
        y = self.heading_at(self.t("boxes_title"), (0, 0), width) + px(4)
        y = self.lay_out_cards(width, y, offered) + px(10)
        y = self.packing_at(width, y, offered) + px(10)
        panels = [
            (self.recipients_need(), self.recipients_h, self.build_recipients),
            (self.handover_need(), self.handover_h, self.build_handover),
        ]
        return self.lay_out_panels(panels, width, y, offered)

    # --- one card per ballot type --------------------------------------------------------------

    def card_slots(self) -> list[list[tuple[str, int | None, str | None]]]:
        """What each place for a button on a card can show (a button or the badge that takes
        its place): upload, the copies at the TPS, the copies outside, pack, seal."""
        made = [
            (self.t("copies_made", place=self.ctx.cat(f"label.place.{place}")), None, BADGE)
            for place in ("tps", "luar")
        ]
        return [
            [(self.t("upload"), None, None), (self.t("uploaded"), None, BADGE)],
            [(self.t("copy_tps"), None, None), *made],
            [(self.t("copy_out"), None, None)],
            [(self.t("seal"), None, None), (self.t("sealed"), None, BADGE)],
        ]

    def lay_out_cards(self, width: int, top: int, offered: list[Action]) -> int:
        px = self.ctx.px
        boxes = list(self.world.boxes.items())
        gap = px(8)
        count = max(1, len(boxes))
        labels = [label for slot in self.card_slots() for label in slot]
        columns = self.card_columns(width, count, labels)
        card_w = min((width - gap * (columns - 1)) // columns, px(260))
        card_h = self.card_h(card_w)
        rows = -(-count // columns)
        for index, (ballot, box) in enumerate(boxes):
            row, column = divmod(index, columns)
            in_row = min(columns, count - row * columns)
            left = (width - (card_w * in_row + gap * (in_row - 1))) // 2
            card = pygame.Rect(
                left + column * (card_w + gap), top + row * (card_h + gap), card_w, card_h
            )
            self.build_card(card, ballot, box, offered)
        return top + rows * (card_h + gap) - gap

    def card_words(self, ballot: BallotType) -> tuple[str, str]:
        """Whether this type's C.Hasil is signed (copies are made from the signed plano),
        and the caption over the copies' buttons."""
        signed = self.world.forms.signed.get(ballot, False)
        status = "C.Hasil: " + (
            self.ctx.cat("scene.formulir.status.signed").lower() if signed else self.t("not_signed")
        )
        return status, self.t("copies_caption")

    def card_parts(self, card_w: int) -> tuple[int, int, int, list[int]]:
        """Heights in a card ``card_w`` wide: the type band, the picture, the words over the
        copies (room for either state), and each place for a button. Every card of a layout
        asks, and each layout tried asks again: worked out once per build and size."""
        stamp = (self.builds, len(self.session.sim.log))
        if self._parts[0] != stamp:
            self._parts = (stamp, {})
        key = (card_w, self.picture_h)
        known = self._parts[1].get(key)
        if known is None:
            known = self._parts[1][key] = self._card_parts(card_w)
        band, picture, words, slots = known
        return band, picture, words, list(slots)

    def _card_parts(self, card_w: int) -> tuple[int, int, int, list[int]]:
        inner_w = card_w - 2 * self.ctx.px(5)
        band = self.band_h(inner_w)
        # Room for either state: signed or not (signing happens in the phase before).
        caption = self.lines_h(self.t("copies_caption"), inner_w, 13)
        words = 0
        for said in (self.ctx.cat("scene.formulir.status.signed").lower(), self.t("not_signed")):
            words = max(words, self.lines_h("C.Hasil: " + said, inner_w, 13, bold=True) + caption)
        slots = [self.slot_h(inner_w, *labels) for labels in self.card_slots()]
        return band, self.picture_h, words, slots

    def card_h(self, card_w: int) -> int:
        px = self.ctx.px
        band, picture, words, slots = self.card_parts(card_w)
        gap = px(5)
        return px(5) + band + px(8) + picture + words + sum(h + gap for h in slots) + gap

    def build_card(
        self,
        card: pygame.Rect,
        ballot: BallotType,
        box: Box,
        offered: list[Action],
    ) -> None:
        px = self.ctx.px
        handover = self.world.handover
        self.stage_pictures.panels.append(card)
        pad, gap = px(5), px(5)
        inner_w = card.width - 2 * pad
        left = card.left + pad
        band_h, picture_h, _, slots = self.card_parts(card.width)
        self.type_band(pygame.Rect(left, card.top + pad, inner_w, band_h), ballot)
        group_w = min(inner_w, px(160))
        top = card.top + pad + band_h + px(8)
        picture = pygame.Rect(card.centerx - group_w // 2, top, group_w, picture_h)
        self.card_picture(picture, ballot, box)
        place_upload = pygame.Rect(left, picture.bottom + gap, inner_w, slots[0])
        upload = UploadSirekap(ballot=ballot)
        if ballot in handover.sirekap_uploaded:
            self.badge(place_upload, self.t("uploaded"))
        elif upload in offered:
            self.action_button(place_upload, self.t("upload"), upload)
        # Copies are made from the signed plano: the card says whether this one is signed.
        status, caption = self.card_words(ballot)
        signed = self.world.forms.signed.get(ballot, False)
        y = place_upload.bottom + gap
        y += self.lines_at(status, (left, y), inner_w, 13, bold=not signed)
        self.lines_at(caption, (left, y), inner_w, 13, colour=palette.MUTED)
        # The copies' places, then sealing, counted from the foot of the card
        # (whatever the words above take, the buttons keep their places).
        y = card.bottom - sum(h + gap for h in slots[1:])
        places = []
        for height in slots[1:]:
            places.append(pygame.Rect(left, y, inner_w, height))
            y += height + gap
        placed = handover.copies_made.get(ballot)
        if placed is not None:
            where = self.ctx.cat(f"label.place.{placed}")
            self.badge(places[0], self.t("copies_made", place=where))
        else:
            choices = ((places[0], "tps", "copy_tps"), (places[1], "luar", "copy_out"))
            for rect, value, text in choices:
                action = MakeCopies(ballot=ballot, place=value)  # type: ignore[arg-type]
                if action in offered:
                    self.action_button(rect, self.t(text), action)
        seal = SealBox(ballot=ballot)
        if box.sealed:
            self.badge(places[2], self.t("sealed"))
        elif seal in offered:
            self.action_button(places[2], self.t("seal"), seal)

    def card_picture(self, rect: pygame.Rect, ballot: BallotType, box: Box) -> None:
        """The box (open, or sealed), its envelopes beside it until packed, and the phone."""
        px = self.ctx.px
        colour = palette.BALLOT_COLOURS.get(ballot.value, palette.PANEL_LINE)
        phone_w = min(px(50), rect.width // 3)
        phone = art.sirekap_phone(
            colour, ballot in self.world.handover.sirekap_uploaded, (phone_w, rect.height)
        )
        self.stage_pictures.add(phone, (rect.right - phone_w, rect.top))
        room = pygame.Rect(rect.left, rect.top, rect.width - phone_w - px(4), rect.height)
        # the box stands at the right of its room; the envelopes not yet packed lie at its left
        side = min(room.width - px(18), room.height)
        state: BoxState = "sealed" if box.sealed else "open"
        picture = _box(ballot.value, (side, side), state, 0.6 if box.packed else 0.0)
        self.stage_pictures.add(picture, (room.right - side, room.bottom - side))
        if not box.packed:
            size = (px(40), px(22))
            self.stage_pictures.add(
                art.envelopes(colour, size), (room.left, room.bottom - size[1])
            )

    # --- the copies for the people entitled to them ------------------------------------------

    def recipient_slot_h(self, cell_w: int) -> int:
        return self.slot_h(
            cell_w,
            (self.t("give"), pygame.K_1, None),
            (self.t("given"), None, BADGE),
        )

    def recipients_need(self) -> int:
        px = self.ctx.px
        cell = max(
            layout.button_width(self.ctx, self.t("give"), pygame.K_1),
            layout.button_width(self.ctx, "✓ " + self.t("given")),
        )
        return len(RECIPIENTS) * cell + 2 * px(8) + px(24)

    def recipient_cell_w(self, width: int) -> int:
        px = self.ctx.px
        return (width - px(24) - 2 * px(8)) // len(RECIPIENTS)

    def recipients_h(self, width: int) -> int:
        px = self.ctx.px
        cell_w = self.recipient_cell_w(width)
        figure_w = min(px(60), cell_w // 3)
        names = max(
            self.lines_h(self.t(f"recipient.{r}"), cell_w - figure_w - px(6), 15, bold=True)
            for r in RECIPIENTS
        )
        title = self.title_h(self.t("recipients_title"), width)
        return title + max(px(56), names) + px(4) + self.recipient_slot_h(cell_w) + px(10)

    def build_recipients(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        title = self.panel_title(rect, "recipients_title")
        gap = px(8)
        cell_w = self.recipient_cell_w(rect.width)
        for index, recipient in enumerate(RECIPIENTS):
            cell = pygame.Rect(
                rect.left + px(12) + index * (cell_w + gap),
                rect.top + title,
                cell_w,
                rect.bottom - px(10) - rect.top - title,
            )
            self.build_recipient(cell, recipient, offered)

    def build_recipient(self, cell: pygame.Rect, recipient: str, offered: list[Action]) -> None:
        px = self.ctx.px
        slot_h = self.recipient_slot_h(cell.width)
        slot = pygame.Rect(cell.left, cell.bottom - slot_h, cell.width, slot_h)
        figure_h = slot.top - cell.top - px(4)
        figure_w = min(px(60), cell.width // 3)
        self.stage_pictures.add(self.person(recipient, (figure_w, figure_h)), cell.topleft)
        name_left = cell.left + figure_w + px(6)
        name = self.t(f"recipient.{recipient}")
        name_w = cell.right - name_left
        name_h = self.lines_h(name, name_w, 15, bold=True)
        self.lines_at(
            name, (name_left, cell.top + max(0, (figure_h - name_h) // 2)), name_w, 15, bold=True
        )
        action = GiveCopies(recipient=recipient)  # type: ignore[arg-type]
        if recipient in self.world.handover.copies_given:
            self.badge(slot, self.t("given"))
        elif action in offered:
            self.action_button(slot, self.t("give"), action, key=RECIPIENT_KEYS.get(recipient))
        elif self.world.handover.handed_over_at is None:
            self.lines_at(
                self.t("waiting"), (slot.left, slot.top), slot.width, 13, colour=palette.MUTED,
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

    def handover_need(self) -> int:
        px = self.ctx.px
        button = layout.button_width(self.ctx, self.t("hand_over"), pygame.K_h, "@strong")
        return max(px(270), button + px(24))

    def handover_button_h(self, width: int) -> int:
        return layout.button_height(
            self.ctx, self.t("hand_over"), width - self.ctx.px(24), pygame.K_h, "@strong",
            least=self.ctx.row_h(50, 16),
        )

    def handover_h(self, width: int) -> int:
        px = self.ctx.px
        title = self.title_h(self.t("handover_title"), width)
        note = self.lines_h(self.t("handover_note"), width - px(24))
        done = max(px(72), self.lines_h(self.t("handed_over", time="00:00"), width - px(88), 15,
                                         bold=True))
        return title + max(note + px(8) + self.handover_button_h(width), done) + px(12)

    def build_handover(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        title = self.panel_title(rect, "handover_title")
        handed_at = self.world.handover.handed_over_at
        width = rect.width - px(24)
        top = rect.top + title
        if handed_at is not None:
            paper = art.receipt((px(56), px(72)))
            self.stage_pictures.add(paper, (rect.left + px(12), top))
            self.lines_at(
                self.t("handed_over", time=format_minutes(handed_at)),
                (rect.left + px(76), top + px(20)),
                rect.width - px(88),
                15,
                bold=True,
            )
            return
        self.lines_at(
            self.t("handover_note"), (rect.left + px(12), top), width, 14, colour=palette.MUTED
        )
        action = HandOver()
        if action in offered:
            height = self.handover_button_h(rect.width)
            button = pygame.Rect(rect.left + px(12), rect.bottom - px(12) - height, width, height)
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
