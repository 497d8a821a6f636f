"""The packing on the handover's stage (HANDBOOK §10 step 6): every document to pack, each
with the envelope and box it is in now; for the one chosen, every envelope to put it into and
every box to put its envelope into, so the screen never hints at the scenario's map. Where the
scenario scores the placements the regulation leaves open (§15 item 12), the chosen
document's place by its map is shown, as the local instruction printed on the envelopes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import offer_key
from simulator.art import fonts, palette
from simulator.core.actions import Action
from simulator.core.phases.penyerahan import (
    WRONG_BOX,
    WRONG_ENVELOPE,
    PutInBox,
    PutInEnvelope,
    packed_box,
    sealed_in,
)
from simulator.presenter.labels import box_name, document_name, envelope_name
from simulator.scenes.phases.checklist import BADGE, ChecklistPhaseScene, Pictures, StageButton

#: the packing laid out at the top of a stage of some width: its pictures, its buttons, and
#: where it ends
LaidOut = tuple[Pictures, list[StageButton], int]


class PackingStage(ChecklistPhaseScene):
    """The packing part of the handover's stage; the scene lays it out between its cards and
    its panels (:meth:`lay_out_packing`)."""

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.chosen: str | None = None  # the document whose envelope and box are offered
        self._offer_keys: tuple[int, frozenset[str]] = (-1, frozenset())
        self._packings: tuple[tuple[int, int], dict[int, LaidOut]] = ((-1, -1), {})

    def offers(self, offered: list[Action]) -> frozenset[str]:
        """The offer keys of what the engine allows now, once per state: the packing asks
        about dozens of moves at every layout tried."""
        applied = len(self.session.sim.log)
        if self._offer_keys[0] != applied:
            self._offer_keys = (applied, frozenset(offer_key(a) for a in offered))
        return self._offer_keys[1]

    def chosen_document(self) -> str:
        """The document being packed: the one the trainee chose, else the first not yet in a
        box (else the first)."""
        world = self.world
        documents = list(world.packing.envelope_of)
        if self.chosen not in documents:
            loose = (d for d in documents if packed_box(world, d) is None)
            self.chosen = next(loose, documents[0])
        return self.chosen

    def choose(self, document: str) -> None:
        self.chosen = document
        self.keep_focus()
        self.rebuild()

    def reveal(self, action: Action) -> bool:
        """A packing move is offered for the document chosen: choose the one it is about."""
        document: str | None = None
        if isinstance(action, PutInEnvelope):
            document = action.document
        elif isinstance(action, PutInBox):
            held = self.world.handover.envelope_of
            document = next((d for d, e in held.items() if e == action.envelope), None)
        if document is None or document == self.chosen:
            return super().reveal(action)
        self.choose(document)
        return True

    def place_words(self, document: str) -> str:
        """Where ``document`` is now: loose, in an envelope on the table, or in a box."""
        cat = self.ctx.cat
        handover = self.world.handover
        envelope = handover.envelope_of.get(document)
        if envelope is None:
            return self.t("packing.loose")
        box = handover.box_of.get(envelope)
        if box is None:
            return self.t("packing.on_table", envelope=envelope_name(envelope, cat))
        return self.t(
            "packing.in_box", envelope=envelope_name(envelope, cat), box=box_name(box.value, cat)
        )

    def grid(
        self,
        width: int,
        top: int,
        items: list[tuple[str, str | None]],
        place: Callable[[pygame.Rect, int], None],
        least: int,
    ) -> int:
        """Items (their words, and the button's style or BADGE for a badge) in as many
        columns as ``least`` wide allows, each row as tall as its tallest; ``place(rect,
        index)`` fills each cell."""
        px = self.ctx.px
        gap = px(6)
        columns = max(1, min(len(items), (width + gap) // (least + gap)))
        cell_w = (width - gap * (columns - 1)) // columns
        y = top
        for start in range(0, len(items), columns):
            row = items[start : start + columns]
            height = max(self.slot_h(cell_w, (text, None, style)) for text, style in row)
            for offset in range(len(row)):
                rect = pygame.Rect(offset * (cell_w + gap), y, cell_w, height)
                place(rect, start + offset)
            y += height + gap
        return y - gap

    def packing_at(self, width: int, top: int, offered: list[Action]) -> int:
        """The packing (:meth:`lay_out_packing`) placed at ``top``; its bottom."""
        pictures, buttons, bottom = self.laid_packing(width, offered)
        placed = pictures.moved((0, top))
        self.stage_pictures.panels.extend(placed.panels)
        self.stage_pictures.blits.extend(placed.blits)
        self.stage_buttons.extend(replace(b, rect=b.rect.move(0, top)) for b in buttons)
        return top + bottom

    def laid_packing(self, width: int, offered: list[Action]) -> LaidOut:
        """The packing laid out ``width`` wide from the top. Every layout of the stage tried
        places the same packing: it is laid out once per build and width, then moved into
        place."""
        stamp = (self.builds, len(self.session.sim.log))
        if self._packings[0] != stamp:
            self._packings = (stamp, {})
        known = self._packings[1].get(width)
        if known is None:
            kept = self.stage_pictures, self.stage_buttons
            self.stage_pictures, self.stage_buttons = Pictures(), []
            try:
                bottom = self.lay_out_packing(width, 0, offered)
                known = (self.stage_pictures, self.stage_buttons, bottom)
                self._packings[1][width] = known
            finally:
                self.stage_pictures, self.stage_buttons = kept
        return known

    def lay_out_packing(self, width: int, top: int, offered: list[Action]) -> int:
        """The documents with where each is, then the envelopes and boxes for the one
        chosen."""
        px = self.ctx.px
        y = top + self.heading_at(self.t("packing.title"), (0, top), width) + px(2)
        y += self.lines_at(self.t("packing.note"), (0, y), width, 13, colour=palette.MUTED)
        y = self.lay_out_documents(width, y + px(6))
        return self.lay_out_chooser(width, y + px(10), self.chosen_document(), offered)

    def lay_out_documents(self, width: int, top: int) -> int:
        """A button per document, its name on it, and under it where the document is now.
        The words on a button never change as documents move (a button given new words is
        drawn anew, corners and all): only the line under it does."""
        px, cat = self.ctx.px, self.ctx.cat
        documents = list(self.world.packing.envelope_of)
        chosen = self.chosen_document()
        names = [document_name(d, cat) for d in documents]
        places = [self.place_words(d) for d in documents]
        styles = ["@strong" if d == chosen else None for d in documents]
        gap = px(6)
        columns = max(1, min(len(documents), (width + gap) // (px(270) + gap)))
        cell_w = (width - gap * (columns - 1)) // columns
        y = top
        for start in range(0, len(documents), columns):
            row = range(start, min(start + columns, len(documents)))
            heights = {i: self.slot_h(cell_w, (names[i], None, styles[i])) for i in row}
            tallest = 0
            for column, index in enumerate(row):
                document = documents[index]
                left = column * (cell_w + gap)
                button_h = heights[index]
                self.choice_button(
                    pygame.Rect(left, y, cell_w, button_h),
                    names[index],
                    lambda d=document: self.choose(d),
                    f"document:{document}",
                    style=styles[index],
                )
                loose = self.world.handover.envelope_of.get(document) is None
                place = _paragraph(
                    places[index], cell_w - px(4), self.ctx.font_px(14),
                    palette.MUTED if loose else palette.INK,
                )
                self.stage_pictures.add(place, (left + px(4), y + button_h + px(2)))
                place_h = place.get_height()
                tallest = max(tallest, button_h + px(2) + place_h)
            y += tallest + px(10)
        return y - px(10)

    def lay_out_chooser(self, width: int, top: int, chosen: str, offered: list[Action]) -> int:
        """A panel for the chosen document: every envelope to put it in, then every box to
        put its envelope in."""
        px = self.ctx.px
        cat = self.ctx.cat
        world = self.world
        keys = self.offers(offered)
        inner_w = width - px(24)
        left = px(12)
        y = top + px(8)
        y += self.lines_at(
            self.t("packing.envelope_for", document=document_name(chosen, cat)),
            (left, y), inner_w, 15, bold=True,
        ) + px(4)
        if self.map_scored():
            target = world.packing
            y += self.lines_at(
                self.t(
                    "packing.instruction",
                    envelope=envelope_name(target.envelope_of[chosen], cat),
                    box=box_name(target.box_for(chosen).value, cat),
                ),
                (left, y), inner_w, 14, colour=palette.MUTED,
            ) + px(4)
        current = world.handover.envelope_of.get(chosen)
        if world.handover.handed_over_at is not None or sealed_in(world, current):
            y += self.lines_at(self.t("packing.sealed_in"), (left, y), inner_w, 14,
                               colour=palette.MUTED)
            panel = pygame.Rect(0, top, width, y + px(10) - top)
            self.stage_pictures.panels.append(panel)
            return panel.bottom
        envelopes = list(world.packing.box_of)
        names = [envelope_name(e, cat) for e in envelopes]
        moves = [PutInEnvelope(document=chosen, envelope=e) for e in envelopes]

        def place_envelope(rect: pygame.Rect, index: int) -> None:
            rect = rect.move(left, 0)
            if envelopes[index] == current:
                self.badge(rect, names[index])
            elif offer_key(moves[index]) in keys:
                self.action_button(rect, names[index], moves[index])
            else:  # in a box already sealed
                self.lines_at(self.t("packing.sealed_away", name=names[index]),
                              rect.topleft, rect.width, 13, colour=palette.MUTED)

        items = [(n, BADGE if e == current else None) for e, n in zip(envelopes, names,
                                                                      strict=True)]
        y = self.grid(inner_w, y, items, place_envelope, px(230)) + px(10)
        if current is None:
            y += self.lines_at(self.t("packing.envelope_first"), (left, y), inner_w, 14,
                               colour=palette.MUTED)
        else:
            y = self.lay_out_boxes(inner_w, left, y, current, keys)
        panel = pygame.Rect(0, top, width, y + px(10) - top)
        self.stage_pictures.panels.append(panel)
        return panel.bottom

    def map_scored(self) -> bool:
        """Whether this scenario scores the envelopes and boxes the regulation leaves open
        (HANDBOOK §15 item 12): then its map is the local instruction printed on the
        envelopes, and the screen shows it, as a trainee is never judged on what is not
        shown."""
        scoring = self.session.sim.scoring
        return scoring.scored(WRONG_ENVELOPE) or scoring.scored(WRONG_BOX)

    def lay_out_boxes(
        self, width: int, left: int, top: int, envelope: str, keys: frozenset[str]
    ) -> int:
        px = self.ctx.px
        cat = self.ctx.cat
        world = self.world
        y = top + self.lines_at(
            self.t("packing.box_for", envelope=envelope_name(envelope, cat)),
            (left, top), width, 15, bold=True,
        ) + px(4)
        now = world.handover.box_of.get(envelope)
        boxes = list(world.boxes)
        names = [box_name(b.value, cat) for b in boxes]
        moves = [PutInBox(envelope=envelope, box=b) for b in boxes]

        def place_box(rect: pygame.Rect, index: int) -> None:
            rect = rect.move(left, 0)
            if boxes[index] is now:
                self.badge(rect, names[index])
            elif offer_key(moves[index]) in keys:
                self.action_button(rect, names[index], moves[index])
            else:  # sealed
                self.lines_at(self.t("packing.sealed_away", name=names[index]),
                              rect.topleft, rect.width, 13, colour=palette.MUTED)

        items = [(n, BADGE if b is now else None) for b, n in zip(boxes, names, strict=True)]
        return self.grid(width, y, items, place_box, px(150))


@lru_cache(maxsize=64)  # a TPS has some twenty documents to pack
def _paragraph(text: str, width: int, size: int, colour: palette.Colour) -> pygame.Surface:
    """Where a document is, in as many lines as ``width`` needs, drawn as one picture: the
    same place under several documents is drawn once, and its lines stay together."""
    face = fonts.font(size)
    lines = [fonts.render(line, size, colour) for line in layout.wrap_lines(face, text, width)]
    step = face.get_linesize()
    picture = pygame.Surface((width, max(1, len(lines)) * step), pygame.SRCALPHA)
    for number, line in enumerate(lines):
        picture.blit(line, (0, number * step))
    return picture
