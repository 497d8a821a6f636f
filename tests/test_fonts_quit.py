"""Fonts and what they measured are forgotten at every pygame.quit(), not only the first:
pygame calls a registered quit function once and then drops it, and a third ``shot`` run in
one process drew with a font from before the second quit ("Invalid font")."""

from __future__ import annotations

import pygame

from simulator.art.fonts import fit_text, font, text_size


def test_fonts_come_back_after_every_quit() -> None:
    for _ in range(4):
        pygame.init()
        face = font(17)
        assert face.get_linesize() > 0
        assert text_size(face, "Coblos") == face.size("Coblos")
        assert fit_text("Coblos", 17, 200).get_width() > 0
        pygame.quit()
