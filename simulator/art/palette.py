"""The one palette of the game: widgets (assets/themes), scenes and drawings take their colours
from here, so the screens look like one product."""

from __future__ import annotations

Colour = tuple[int, int, int]

PAPER: Colour = (244, 241, 234)  # screen background
PANEL: Colour = (255, 255, 255)
PANEL_LINE: Colour = (214, 208, 196)
INK: Colour = (31, 42, 55)  # body text
MUTED: Colour = (91, 100, 114)  # secondary text
PRIMARY: Colour = (31, 111, 120)  # teal: buttons, headings, focus
PRIMARY_DARK: Colour = (21, 82, 90)
PRIMARY_LIGHT: Colour = (214, 236, 238)
ACCENT: Colour = (224, 165, 38)  # gold: highlights, the clock
OK: Colour = (46, 125, 79)
OK_LIGHT: Colour = (220, 239, 226)
WARNING: Colour = (199, 119, 0)
WARNING_LIGHT: Colour = (252, 236, 207)
DANGER: Colour = (179, 38, 30)
DANGER_LIGHT: Colour = (248, 222, 219)

WALL: Colour = (232, 225, 211)
FLOOR: Colour = (217, 203, 179)
WOOD: Colour = (200, 155, 109)
WOOD_DARK: Colour = (150, 108, 70)
BOX_ALUMINIUM: Colour = (206, 212, 218)  # transparent boxes, drawn as light grey-blue
SEAL: Colour = (200, 40, 40)
INK_PURPLE: Colour = (88, 44, 131)  # the indelible ink on a finger

SKIN: tuple[Colour, ...] = (
    (241, 204, 170),
    (224, 172, 132),
    (198, 140, 98),
    (160, 106, 70),
    (120, 80, 52),
)
HAIR: tuple[Colour, ...] = ((30, 26, 24), (60, 44, 34), (110, 110, 110), (200, 200, 200))
CLOTHES: tuple[Colour, ...] = (
    (66, 103, 178),
    (196, 84, 84),
    (72, 150, 110),
    (230, 180, 60),
    (140, 90, 160),
    (90, 90, 90),
    (220, 120, 60),
    (60, 140, 160),
    (240, 240, 240),
    (120, 80, 50),
)

# One colour per ballot type, as the real ballots are told apart by colour; each type also
# carries its name in words, so colour is never the only signal.
BALLOT_COLOURS: dict[str, Colour] = {
    "ppwp": (200, 200, 200),  # abu-abu
    "dpr": (235, 215, 90),  # kuning
    "dpd": (200, 90, 90),  # merah
    "dprd_prov": (90, 140, 200),  # biru
    "dprd_kabko": (110, 170, 110),  # hijau
    "gubernur": (150, 120, 190),
    "bupati": (220, 150, 90),
    "walikota": (220, 150, 90),
}

# --- Drawings (simulator.art) ---------------------------------------------------------------

OUTLINE: Colour = (58, 52, 60)  # soft dark for outlines and features in drawings
LIP: Colour = (196, 96, 96)
BLUSH: Colour = (236, 150, 140)
GLASSES_DARK: Colour = (40, 40, 48)
CANE_WHITE: Colour = (248, 248, 246)
CANE_RED: Colour = (200, 50, 50)
WHEELCHAIR: Colour = (70, 78, 92)
METAL: Colour = (160, 168, 178)
HEADSCARF: tuple[Colour, ...] = (
    (120, 150, 190),
    (190, 110, 130),
    (90, 140, 120),
    (210, 170, 120),
    (140, 110, 170),
    (70, 80, 110),
)
PECI: Colour = (35, 35, 40)
PAPER_WHITE: Colour = (252, 252, 248)  # documents and ballots
PAPER_SHADE: Colour = (226, 226, 220)  # the shaded blank area on party-list ballots
PAPER_SHADOW: Colour = (0, 0, 0)  # drawn with a low alpha under documents
KTP_BLUE: Colour = (170, 210, 236)
KTP_BLUE_DEEP: Colour = (112, 168, 214)
PHOTO_RED: Colour = (206, 64, 60)  # KTP photo background, odd birth years
PHOTO_BLUE: Colour = (60, 110, 190)  # KTP photo background, even birth years
SIM_CARD: Colour = (236, 226, 200)
SIM_DEEP: Colour = (196, 170, 120)
KK_TINT: Colour = (226, 240, 232)
PHONE_BODY: Colour = (36, 40, 48)
PHONE_SCREEN: Colour = (236, 242, 248)
STAMP: Colour = (72, 92, 170)  # a rubber stamp's violet-blue
PEN_BLUE: Colour = (40, 70, 170)
HOLE_RIM: Colour = (70, 60, 56)
BURN: Colour = (92, 60, 36)
PENCIL: Colour = (110, 110, 118)
TENT: Colour = (222, 231, 236)
TENT_STRIPE: Colour = (205, 218, 226)
CARDBOARD: Colour = (196, 160, 112)
MANILA: Colour = (222, 196, 140)
