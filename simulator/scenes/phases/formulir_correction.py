"""How a figure already written on the C.Hasil is changed: the trainee picks the method in
a dialog over the form; the engine judges it (only striking through and initialling is
right)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIImage, UIPanel

from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.core import forms
from simulator.core.phases.formulir import CorrectFigure

if TYPE_CHECKING:
    from simulator.scenes.phases.formulir import FormulirScene

METHODS = ("coret_paraf", "timpa", "tipe_x")


class CorrectionDialog(Scene):
    """How to change a figure already written: the trainee picks the method; the engine
    judges it. A wrong method is a mistake with points, so no method has a key of its own
    (a digit typed by momentum after the cell once chose "overwrite"): the focus starts on
    "leave the old figure", Tab or the arrows reach a method and Enter applies it."""

    overlay = True

    def __init__(
        self, ctx: AppContext, owner: FormulirScene, field_id: str, old: int, new: int
    ) -> None:
        super().__init__(ctx)
        self.owner, self.field_id, self.old, self.new = owner, field_id, old, new

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        bw, bh = self.ctx.px(640), self.ctx.px(390)
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def build(self) -> None:
        """The question in a panel above every widget of the form (the form's cells sit in a
        scrolling container, whose layers would otherwise cover a dialog's widgets)."""
        cat, px = self.ctx.cat, self.ctx.px
        shade = pygame.Surface(self.ctx.size, pygame.SRCALPHA)
        shade.fill((*palette.INK, 120))
        veil = UIImage(
            pygame.Rect((0, 0), self.ctx.size), shade, self.ui.manager, starting_height=40
        )
        panel = UIPanel(self.box(), starting_height=50, manager=self.ui.manager)
        self.ui.elements += [veil, panel]  # killed with the dialog's other widgets
        inner = pygame.Rect(0, 0, *self.box().size).inflate(-px(40), -px(36))
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, px(34)),
            cat("scene.formulir.correct.title"),
            style="@heading",
            container=panel,
        )
        labels = forms.field_label(self.field_id)
        field_text = " · ".join(cat(ref.key, **ref.params) for ref in labels)
        body = cat("scene.formulir.correct.body", field=field_text, old=self.old, new=self.new)
        self.ui.text(
            pygame.Rect(inner.left, inner.top + px(40), inner.width, px(110)),
            escape(body),
            container=panel,
        )
        top = inner.top + px(160)
        row, gap = px(40), px(6)
        for index, method in enumerate(METHODS):
            action = CorrectFigure(
                ballot=self.owner.current, field=self.field_id, value=self.new, method=method
            )
            self.ui.button(
                pygame.Rect(inner.left, top + index * (row + gap), inner.width, row),
                cat(f"label.method.{method}").capitalize(),
                lambda a=action: self.close(a),
                container=panel,
                action=action,
            )
        cancel = self.ui.button(
            pygame.Rect(inner.left, top + 3 * (row + gap), inner.width, row),
            cat("scene.formulir.correct.cancel") + "  [Esc]",
            lambda: self.close(None),
            container=panel,
        )
        self.ui.set_focus(cancel)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(None)
            return True
        return super().handle(event)
