"""The voter desk's picture: the voter at the desk, what they say and show, the finger after
the ink check, the documents laid on the desk, and a document held up large."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.widgets import Widgets, escape
from simulator.art import fonts, palette
from simulator.core.phases.pemungutan import AnnounceClose, AnnounceDpk
from simulator.core.state import VoterState, World
from simulator.presenter.labels import action_label
from simulator.scenes.phases import pemungutan_art as art
from simulator.scenes.phases.pemungutan_units import (
    DESK_H,
    DESK_LEAST_H,
    FIGURE_H,
    FIGURE_LEAST_H,
    Blit,
    P,
)
from simulator.scenes.phases.pemungutan_viewer import DocumentViewer
from simulator.schema.clock import format_minutes


class DeskPicture:
    """Builds the picture and the document viewer (a part of :class:`PemungutanScene`)."""

    ctx: AppContext
    ui: Widgets
    art: art.DeskArt
    blits: list[Blit]
    world: World
    viewer: DocumentViewer
    viewer_blits: list[Blit]
    doc_rects: list[pygame.Rect]
    #: the sizes the desk last drew a figure and the documents' area at (to draw ahead)
    drawn_sizes: dict[str, tuple[int, int]]

    def build_picture(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        pic = self.picture_rect()
        desk_h = px(DESK_H)
        desk_top = pic.bottom - desk_h
        self.blits.append((self.art.scenery("wall", pic.size, art.draw_wall), pic.topleft))
        top = pic.top + px(8)
        shortcut: int | None = pygame.K_u  # the first announcement due
        for action, key in ((AnnounceDpk(), "dpk"), (AnnounceClose(), "close")):
            if self.offered(action):
                button = layout.button(
                    self.ui,
                    self.ctx,
                    pygame.Rect(pic.left + px(8), top, pic.width - px(16), self.ctx.row_h(36, 16)),
                    cat(f"{P}.announce.{key}"),
                    lambda a=action: self.act(a),
                    key=shortcut,
                    tooltip=action_label(action, self.world, cat),
                    style="@strong",
                    action=action,
                )
                top += button.rect.height + px(6)
                shortcut = None
        desk_surface = self.art.scenery("desk", (pic.width, desk_h), art.draw_desk)
        vs = self.desk
        text_w = pic.width - px(24)
        stock = self.art.paragraph(
            self.stock_line(), self.ctx.font_px(13), text_w, 5, palette.MUTED
        )
        if vs is None:
            self.blits.append((desk_surface, (pic.left, desk_top)))
            text = self.art.paragraph(
                cat(f"{P}.desk.empty"), self.ctx.font_px(17), text_w, 3, bold=True
            )
            self.blits.append((text, (pic.left + px(12), top + px(4))))
            self.blits.append((stock, (pic.left + px(12), top + px(8) + text.get_height())))
            return
        voter = vs.voter
        name = cat(f"{P}.desk.at_desk", name=voter.name)
        name_size = self.ctx.font_px(17)
        view_w = max(px(172), layout.button_width(self.ctx, cat(f"{P}.button.view"), pygame.K_l))
        name_w = text_w
        if vs.documents_checked and voter.documents:
            # Beside the name when both fit; else on a line of its own above it.
            beside = text_w - view_w - px(8)
            view_h = self.ctx.row_h(30)
            if fonts.text_size(fonts.font(name_size, True), name)[0] <= beside:
                view = pygame.Rect(pic.right - view_w - px(8), top, view_w, view_h)
                name_w = beside
            else:
                view = pygame.Rect(pic.left + px(8), top, pic.width - px(16), view_h)
                top += view_h + px(4)
            self.ui.button(view, cat(f"{P}.button.view"), self.next_document, key=pygame.K_l)
        small = self.ctx.font_px(13)
        lines = [
            self.art.paragraph(name, name_size, name_w, 3, bold=True),
            self.art.paragraph(
                cat(f"{P}.desk.visible", looks=", ".join(art.looks(voter, cat))),
                small,
                text_w,
                3,
                palette.MUTED,
            ),
            *(self.art.paragraph(line, small, text_w, 3) for line in self.status_lines(vs)),
            stock,
        ]
        # The voter stands behind the desk, as large as the wall under the words allows. When
        # large text leaves too little wall, the words alone describe them, most needed first
        # (the ink check and what they say right under the name), in a box that scrolls
        # rather than hide a line behind the desk.
        words_h = sum(surface.get_height() + px(1) for surface in lines)
        figure_h = min(px(FIGURE_H), desk_top + px(60) - top - words_h)
        if figure_h < px(FIGURE_LEAST_H):
            desk_top = max(desk_top, min(top + words_h + px(4), pic.bottom - px(DESK_LEAST_H)))
            desk_h = pic.bottom - desk_top
            desk_surface = self.art.scenery("desk", (pic.width, desk_h), art.draw_desk)
            words = pygame.Rect(pic.left + px(8), top, pic.width - px(12), desk_top - top)
            self.ui.text(words, self.desk_words_markup(vs, name), style="@reading")
        else:
            y = top
            for surface in lines:
                self.blits.append((surface, (pic.left + px(12), y)))
                y += surface.get_height() + px(1)
            figure_size = figure_box(figure_h)
            self.drawn_sizes["figure"] = figure_size
            figure_top = desk_top + px(60) - figure_h
            self.blits.append(
                (self.art.figure(voter, figure_size), (pic.left + px(6), figure_top))
            )
            right = pic.left + figure_size[0] + px(10)
            speech = self.speech(vs)
            if speech:
                bubble = self.art.bubble(speech, self.ctx.font_px(14), pic.right - px(8) - right)
                self.blits.append((bubble, (right, max(y + px(4), figure_top + px(8)))))
            if vs.ink_checked:
                area = pygame.Rect(pic.right - px(132), desk_top - px(108), px(124), px(104))
                self.build_finger(vs, area)
        self.blits.append((desk_surface, (pic.left, desk_top)))
        self.build_documents(
            vs,
            pygame.Rect((pic.left + px(8), desk_top + px(10)), documents_box(pic, desk_h, px)),
        )

    def desk_words_markup(self, vs: VoterState, name: str) -> str:
        """The voter in words, for a text box: name, the ink check, what they say, how they
        look, their state, the ballots left."""
        cat = self.ctx.cat
        muted = "#{:02x}{:02x}{:02x}".format(*palette.MUTED)
        parts = [f"<b>{escape(name)}</b>"]
        if vs.ink_checked:
            caption = cat(f"{P}.ink.seen" if vs.voter.inked else f"{P}.ink.clean")
            parts.append(f"<b>{escape(caption)}</b>")
        speech = self.speech(vs)
        if speech:
            parts.append(f"<i>“{escape(speech)}”</i>")
        looks = cat(f"{P}.desk.visible", looks=", ".join(art.looks(vs.voter, cat)))
        parts.append(f"<font color='{muted}'>{escape(looks)}</font>")
        parts += [escape(line) for line in self.status_lines(vs)]
        parts.append(f"<font color='{muted}'>{escape(self.stock_line())}</font>")
        return "<br>".join(parts)

    def status_lines(self, vs: VoterState) -> list[str]:
        cat = self.ctx.cat
        # When they joined the queue: whoever was queuing by 13:00 is served (HANDBOOK §5.10).
        lines = [art.capitalised(cat(f"{P}.status.arrived", time=format_minutes(vs.arrives)))]
        if vs.attendance is not None:
            lines.append(cat(f"{P}.status.attendance", list=cat(f"list.{vs.attendance.value}")))
        if vs.ballots:
            names = ", ".join(self.short(b) for b in vs.ballots)
            lines.append(cat(f"{P}.status.holding", ballots=names))
        if vs.replacements_done:
            names = ", ".join(self.short(b) for b in vs.replacements_done)
            lines.append(cat(f"{P}.status.replaced", ballots=names))
        return lines

    def speech(self, vs: VoterState) -> str:
        """What the voter says: a request for help in the booth, or for a new ballot."""
        cat, voter = self.ctx.cat, vs.voter
        if vs.replacements_pending:
            ballot = vs.replacements_pending[0]
            again = ballot in vs.replacements_done
            key = "replace_again" if again else "replace"
            return cat(f"{P}.speech.{key}", ballot=self.short(ballot))
        if voter.assistance != "none" and vs.assistance is None:
            return cat(f"{P}.speech.{voter.assistance}")
        return ""

    def build_finger(self, vs: VoterState, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        inked = vs.voter.inked
        caption = cat(f"{P}.ink.seen" if inked else f"{P}.ink.clean")
        text = self.art.text(
            caption, self.ctx.font_px(13), area.width, bold=True, colour=palette.INK
        )
        finger = self.art.finger(inked, (area.width, area.height - px(22)))
        if finger is not None:
            self.blits.append((finger, (area.left, area.top)))
        self.blits.append((text, (area.left, area.bottom - px(18))))

    def build_documents(self, vs: VoterState, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        voter = vs.voter
        count = len(voter.documents)
        if count == 0:
            text = cat(f"{P}.documents.none")
            self.blits.append(
                (self.art.text(text, self.ctx.font_px(14), area.width, bold=True), area.topleft)
            )
            return
        if not vs.documents_checked:
            pile = self.art.scenery(
                f"pile{count}", (px(96), px(70)), lambda s: art.draw_paper_pile(count, s)
            )
            self.blits.append((pile, (area.left + px(180), area.top + px(6))))
            text = art.capitalised(cat(f"{P}.documents.closed", count=art.number_words(count, cat)))
            self.blits.append(
                (
                    self.art.text(text, self.ctx.font_px(13), area.width, bold=True),
                    (area.left, area.bottom - px(18)),
                )
            )
            return
        gap = px(8)
        box = self.document_box(area, count)
        box_w = box[0]
        self.drawn_sizes["documents"] = area.size
        x = area.left
        for index in range(count):
            surface = self.art.document(voter, index, self.world.scenario, box)
            rect = surface.get_rect(left=x, centery=area.centery)
            self.blits.append((surface, rect.topleft))
            self.doc_rects.append(rect)
            x += box_w + gap

    def document_box(self, area: pygame.Rect | tuple[int, int], count: int) -> tuple[int, int]:
        """The room each of ``count`` documents laid side by side in ``area`` is drawn in."""
        width, height = (area.width, area.height) if isinstance(area, pygame.Rect) else area
        gap = self.ctx.px(8)
        return (min(self.ctx.px(184), (width - gap * (count - 1)) // count), height)

    def draw_ahead(self) -> None:
        """The next voters in the queue drawn before they are called (their figure, their
        documents at the sizes the desk last showed), so calling one only shows them."""
        # Before the desk has shown anyone, the sizes it shows them at with its words short.
        px, pic = self.ctx.px, self.picture_rect()
        figure = self.drawn_sizes.get("figure", figure_box(px(FIGURE_H)))
        documents = self.drawn_sizes.get("documents", documents_box(pic, px(DESK_H), px))
        for voter_id in self.world.queue[:2]:
            voter = self.world.voters[voter_id].voter
            self.art.figure(voter, figure)
            count = len(voter.documents)
            if count:
                box = self.document_box(documents, count)
                for index in range(count):
                    self.art.document(voter, index, self.world.scenario, box)

    @property
    def viewing(self) -> int | None:
        """The index of the document held up large, if any."""
        return self.viewer.index

    @viewing.setter
    def viewing(self, index: int | None) -> None:
        self.viewer.show(index)

    def viewed_document(self) -> int | None:
        """The document being read large, while it is still on the desk."""
        vs = self.desk
        if self.viewing is None or vs is None or self.viewing >= len(vs.voter.documents):
            self.viewing = None
        return self.viewing

    def build_viewer(self) -> None:
        """The document held up over the whole stage (the voter lists stay in view)."""
        vs, index = self.desk, self.viewed_document()
        if vs is None or index is None:
            return
        actions = {
            "next": self.next_document,
            "zoom": self.zoom_document,
            "zoom_out": self.zoom_document,
            "up": lambda: self.scroll_document(-1),
            "down": lambda: self.scroll_document(1),
            "close": self.close_document,
        }
        self.viewer_blits = self.viewer.build(
            ViewerHost(self), self.stage_rect(), vs.voter, self.world.scenario, actions
        )


class ViewerHost:
    """The voter desk as the document viewer sees it: drawings, scale, words and buttons."""

    def __init__(self, scene: DeskPicture) -> None:
        self.scene = scene
        self.art = scene.art

    def button(
        self, rect: pygame.Rect, text: str, callback: Callable[[], None], key: int | None
    ) -> UIButton:
        button = self.scene.ui.button(rect, text, callback, key=key)
        self.scene.fit_button(button)
        return button

    def px(self, design: float) -> int:
        return self.scene.ctx.px(design)

    def font_px(self, points: int) -> int:
        return self.scene.ctx.font_px(points)

    def text(self, key: str, **params: object) -> str:
        return self.scene.ctx.cat(key, **params)


def figure_box(height: int) -> tuple[int, int]:
    """The room a voter's figure ``height`` tall is drawn in."""
    return (height * 18 // 25, height)


def documents_box(picture: pygame.Rect, desk_h: int, px: Callable[[float], int]) -> tuple[int, int]:
    """The room on a desk ``desk_h`` tall that the documents lie in."""
    return (picture.width - px(16), desk_h - px(18))
