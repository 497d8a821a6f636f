"""Tests run headless: no window, no sound device, and saves in a throwaway folder."""

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Saves go to a throwaway folder, never to the tester's own profile.
os.environ["SIMULASI_TPS_DATA"] = tempfile.mkdtemp(prefix="simulasi-tps-test-")
