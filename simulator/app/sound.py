"""Sound effects, off by default (a hall of thirty laptops is no place for beeps).

The few sounds are short tones made here, so there are no audio files to ship or license.
The mixer is started only when the player switches sound on, and a machine without an audio
device simply stays silent.
"""

from __future__ import annotations

import logging
import math
from array import array

import pygame

log = logging.getLogger(__name__)

RATE = 22050
# name → (frequencies in Hz, one per note; seconds per note; volume 0..1)
TONES: dict[str, tuple[tuple[float, ...], float, float]] = {
    "ok": ((880.0,), 0.06, 0.25),  # a soft tick: the action was recorded
    "mistake": ((220.0, 185.0), 0.12, 0.35),  # two low notes: Latihan only, never in Ujian
    "phase": ((523.25, 659.25, 783.99), 0.10, 0.3),  # a rising chord: the next phase
}


def _tone(frequencies: tuple[float, ...], seconds: float, volume: float) -> bytes:
    samples = array("h")
    per_note = int(RATE * seconds)
    for frequency in frequencies:
        for index in range(per_note):
            fade = min(1.0, (per_note - index) / (per_note * 0.3))  # no click at the end
            value = math.sin(2 * math.pi * frequency * index / RATE) * volume * fade
            samples.append(int(value * 32767))
    return samples.tobytes()


class Sounds:
    def __init__(self) -> None:
        self.enabled = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled and not self._sounds:
            self._load()

    def _load(self) -> None:
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        except pygame.error:
            log.info("no audio device: sound stays off")
            self.enabled = False
            return
        for name, (frequencies, seconds, volume) in TONES.items():
            self._sounds[name] = pygame.mixer.Sound(buffer=_tone(frequencies, seconds, volume))

    def play(self, name: str) -> None:
        sound = self._sounds.get(name) if self.enabled else None
        if sound is not None:
            sound.play()
