"""Design units, keys and the prefix of the voter desk's words, shared by its parts."""

from __future__ import annotations

import pygame

from simulator.schema.types import VoterList

P = "scene.pemungutan"
SIGNATURES = ("tangan", "stempel", "tanpa")  # IssueBallots.signature, by hand first
DIGITS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)
LIST_KEYS = {VoterList.DPT: pygame.K_1, VoterList.DPTB: pygame.K_2, VoterList.DPK: pygame.K_3}
FAST = 3  # the clock's faster speed

# Design units (1366×768), inside the stage.
BAND_H = 128
TAG_H = 16  # under a queue figure: the word "priority" when it applies
PICTURE_W = 400
PICTURE_LEAST_W = 300  # the picture gives the controls room down to this width
FIGURE_H = 250  # the voter behind the desk, when the words above leave the wall for them
FIGURE_LEAST_H = 100  # a voter drawn smaller than this is left to the words
DESK_H = 160  # the desk with the documents
DESK_LEAST_H = 64  # the desk with the documents, when the words above it need its room
ROW = 32
GAP = 4
HEAD = 20
SCROLL_BAR = 22  # room kept for a scroll bar beside a column that may scroll
RESULTS_H = 196  # the card of voters found, unless more rows need more room

Blit = tuple[pygame.Surface, tuple[int, int]]
