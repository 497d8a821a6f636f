"""A voter's document held up large over the voter desk's stage, so the small print can be read.

Whole, the document fits the stage. Enlarged ([Z] or its button), it is as wide as the stage
and moves up and down ([Page Up] / [Page Down], the mouse wheel or the buttons), so a date, a
DPT number or the ballot types ticked on a Model A read at a comfortable size on a laptop and
from the back of a hall. The voter lists stay in view beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import pygame
from pygame_gui.elements import UIButton

from simulator.art import palette
from simulator.scenes.phases import pemungutan_art as art
from simulator.schema.scenario import Scenario, Voter

P = "scene.pemungutan.documents"
TALL = 12  # an enlarged document is drawn as wide as the stage and at most this many times as tall

Blit = tuple[pygame.Surface, tuple[int, int]]


class Host(Protocol):
    """What the viewer needs of the scene: its drawings, its scale and its buttons."""

    art: art.DeskArt

    def button(
        self, rect: pygame.Rect, text: str, callback: Callable[[], None], key: int | None
    ) -> UIButton: ...

    def px(self, design: float) -> int: ...

    def font_px(self, points: int) -> int: ...

    def text(self, key: str, **params: object) -> str: ...


@dataclass
class DocumentViewer:
    """Which document is held up, whether enlarged, and how far down it has been moved."""

    index: int | None = None
    zoomed: bool = False
    offset: int = 0  # pixels of an enlarged document scrolled past the top
    _room: int = 0  # the height shown, from the last build
    _height: int = 0  # the enlarged document's height, from the last build

    def show(self, index: int | None) -> None:
        if index != self.index:
            self.offset = 0
        self.index = index

    def toggle_zoom(self) -> None:
        self.zoomed = not self.zoomed
        self.offset = 0

    def scroll(self, pages: float) -> bool:
        """Move an enlarged document by ``pages`` of the view (down when positive); True if
        it moved."""
        if not self.zoomed:
            return False
        limit = max(0, self._height - self._room)
        moved = max(0, min(limit, self.offset + int(pages * self._room * 0.8)))
        changed = moved != self.offset
        self.offset = moved
        return changed

    def build(
        self,
        host: Host,
        stage: pygame.Rect,
        voter: Voter,
        scenario: Scenario,
        actions: dict[str, Callable[[], None]],
    ) -> list[Blit]:
        """The dimmed stage, the document, its caption and the viewer's buttons."""
        assert self.index is not None
        px = host.px
        blits: list[Blit] = [
            (host.art.scenery("dim-stage", stage.size, art.draw_dim), stage.topleft)
        ]
        row = px(32)
        rows = self._rows()
        top = stage.bottom - len(rows) * (row + px(6)) - px(2)
        for number, names in enumerate(rows):
            line = pygame.Rect(stage.left + px(8), top + number * (row + px(6)), 0, row)
            line.width = stage.width - px(16)
            self._buttons(host, line, names, actions)
        kind = voter.documents[self.index].kind.value
        caption = host.text(
            f"{P}.viewer",
            index=self.index + 1,
            total=len(voter.documents),
            name=host.text(f"{P}.kind.{kind}"),
        )
        text = host.art.paragraph(caption, host.font_px(15), stage.width - px(24), 2, palette.PANEL)
        caption_top = top - text.get_height() - px(6)
        blits.append((text, (stage.left + px(12), caption_top)))
        view = pygame.Rect(stage.left + px(8), stage.top + px(8), stage.width - px(16), 0)
        view.height = caption_top - view.top - px(8)
        blits.append(self._document(host, view, voter, scenario))
        return blits

    def _document(self, host: Host, view: pygame.Rect, voter: Voter, scenario: Scenario) -> Blit:
        assert self.index is not None
        if not self.zoomed:
            doc = host.art.document(voter, self.index, scenario, view.size)
            return doc, doc.get_rect(centerx=view.centerx, top=view.top).topleft
        doc = host.art.document(voter, self.index, scenario, (view.width, view.width * TALL))
        self._room, self._height = view.height, doc.get_height()
        self.offset = max(0, min(self.offset, self._height - self._room))
        window = pygame.Rect(0, self.offset, doc.get_width(), min(view.height, doc.get_height()))
        part = doc.subsurface(window)
        return part, part.get_rect(centerx=view.centerx, top=view.top).topleft

    def _rows(self) -> list[list[str]]:
        """The viewer's buttons, a row each: moving an enlarged document, then the rest."""
        rest = ["next", "zoom_out" if self.zoomed else "zoom", "close"]
        return [["up", "down"], rest] if self.zoomed else [rest]

    def _buttons(
        self,
        host: Host,
        row: pygame.Rect,
        names: list[str],
        actions: dict[str, Callable[[], None]],
    ) -> None:
        keys = {
            "next": pygame.K_l,
            "zoom": pygame.K_z,
            "zoom_out": pygame.K_z,
            "up": pygame.K_PAGEUP,
            "down": pygame.K_PAGEDOWN,
        }
        gap = host.px(6)
        width = (row.width - gap * (len(names) - 1)) // len(names)
        for index, name in enumerate(names):
            rect = pygame.Rect(row.left + index * (width + gap), row.top, width, row.height)
            host.button(rect, host.text(f"{P}.{name}"), actions[name], keys.get(name))
